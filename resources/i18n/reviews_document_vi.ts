<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ReviewDocument</name>
    <message>
        <source>{status} (version {version})</source>
        <translation>{status} (phiên bản {version})</translation>
    </message>
    <message>
        <source>Save amendment</source>
        <translation>Lưu bản đính chính</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel amendment</source>
        <translation>Hủy đính chính</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Đính chính…</translation>
    </message>
    <message>
        <source>Correct the fields marked in red first.</source>
        <translation>Hãy sửa các ô đang báo lỗi màu đỏ trước.</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>Lý do đính chính</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Ghi quyết định</translation>
    </message>
</context>
</TS>

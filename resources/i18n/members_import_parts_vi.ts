<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ColumnMapping</name>
    <message>
        <source>Family and middle name</source>
        <translation>Họ và tên đệm</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>— not used —</source>
        <translation>— không dùng —</translation>
    </message>
    <message>
        <source>(column {n})</source>
        <translation>(cột {n})</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Ngày vào Đảng</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Why skipped / notes</source>
        <translation>Lý do bỏ qua / ghi chú</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>MeetingOutput</name>
    <message>
        <source>Preparing the minutes…</source>
        <translation>Đang tạo biên bản…</translation>
    </message>
    <message>
        <source>The minutes were saved as {path}.</source>
        <translation>Đã lưu biên bản thành tệp {path}.</translation>
    </message>
    <message>
        <source>Preparing the resolution…</source>
        <translation>Đang tạo nghị quyết…</translation>
    </message>
    <message>
        <source>The resolution was saved as {path}.</source>
        <translation>Đã lưu nghị quyết thành tệp {path}.</translation>
    </message>
    <message>
        <source>Preparing the minutes book of {year}…</source>
        <translation>Đang tạo sổ biên bản năm {year}…</translation>
    </message>
    <message>
        <source>The minutes book was saved as {path}.</source>
        <translation>Đã lưu sổ biên bản thành tệp {path}.</translation>
    </message>
    <message>
        <source>Export the minutes to Word</source>
        <translation>Xuất biên bản ra Word</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Tài liệu Word (*.docx)</translation>
    </message>
    <message>
        <source>Exporting the minutes to Word…</source>
        <translation>Đang xuất biên bản ra Word…</translation>
    </message>
    <message>
        <source>The minutes were exported to {path}.</source>
        <translation>Đã xuất biên bản ra tệp {path}.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <source>Open it now? You can print it from the viewer that opens.</source>
        <translation>Mở tệp ngay bây giờ? Có thể in từ chương trình xem tệp vừa mở.</translation>
    </message>
</context>
</TS>

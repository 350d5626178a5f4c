<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>MeetingOutput</name>
    <message>
        <source>Minutes — {title}</source>
        <translation>Biên bản — {title}</translation>
    </message>
    <message>
        <source>Resolution — {title}</source>
        <translation>Nghị quyết — {title}</translation>
    </message>
    <message>
        <source>Minutes book {year}</source>
        <translation>Sổ biên bản năm {year}</translation>
    </message>
    <message>
        <source>Invitation — {title}</source>
        <translation>Giấy mời — {title}</translation>
    </message>
    <message>
        <source>Sign-in sheet — {title}</source>
        <translation>Danh sách ký tên — {title}</translation>
    </message>
    <message>
        <source>Monthly report {month}</source>
        <translation>Báo cáo tháng {month}</translation>
    </message>
    <message>
        <source>Thematic plan {year}</source>
        <translation>Kế hoạch sinh hoạt chuyên đề năm {year}</translation>
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
</context>
</TS>

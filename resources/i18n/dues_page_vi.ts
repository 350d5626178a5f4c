<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>DuesPage</name>
    <message>
        <source>Party dues</source>
        <translation>Đảng phí</translation>
    </message>
    <message>
        <source>Monthly collection</source>
        <translation>Thu đảng phí tháng</translation>
    </message>
    <message>
        <source>The whole year</source>
        <translation>Theo dõi cả năm</translation>
    </message>
    <message>
        <source>Dues rules</source>
        <translation>Quy định mức đóng</translation>
    </message>
    <message>
        <source>Remitted above</source>
        <translation>Nộp lên cấp trên</translation>
    </message>
</context>
</TS>

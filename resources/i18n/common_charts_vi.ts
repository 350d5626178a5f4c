<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ChartWidget</name>
    <message>
        <source>No data yet</source>
        <translation>Chưa có số liệu</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>HelpWindow</name>
    <message>
        <source>User guide — CellSec</source>
        <translation>Hướng dẫn sử dụng — CellSec</translation>
    </message>
</context>
</TS>

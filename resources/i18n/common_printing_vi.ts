<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>PagePrinter</name>
    <message>
        <source>Page {done} of {total}</source>
        <translation>Trang {done}/{total}</translation>
    </message>
</context>
</TS>

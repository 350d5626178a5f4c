<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>CommitteeComments</name>
    <message>
        <source>Comments of the committee above ({count})</source>
        <translation>Ý kiến của cấp ủy cấp trên ({count})</translation>
    </message>
    <message>
        <source>Committee above</source>
        <translation>Cấp ủy cấp trên</translation>
    </message>
</context>
</TS>

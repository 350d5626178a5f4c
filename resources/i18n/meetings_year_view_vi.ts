<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>YearView</name>
    <message>
        <source>Regular</source>
        <translation>Thường kỳ</translation>
    </message>
    <message>
        <source>Thematic</source>
        <translation>Chuyên đề</translation>
    </message>
    <message>
        <source>Month {month}</source>
        <translation>Tháng {month}</translation>
    </message>
    <message>
        <source>with the regular meeting</source>
        <translation>cùng thường kỳ</translation>
    </message>
    <message>
        <source>Quarter {quarter}</source>
        <translation>Quý {quarter}</translation>
    </message>
    <message>
        <source>not held</source>
        <translation>chưa họp</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>đến kỳ</translation>
    </message>
    <message>
        <source>Month {month}/{year}</source>
        <translation>Tháng {month}/{year}</translation>
    </message>
    <message>
        <source>no minutes of the month&apos;s regular meeting.</source>
        <translation>chưa có biên bản sinh hoạt thường kỳ của tháng.</translation>
    </message>
    <message>
        <source>the month&apos;s regular meeting is still to be held.</source>
        <translation>chưa tổ chức sinh hoạt thường kỳ của tháng.</translation>
    </message>
    <message>
        <source>Quarter {quarter}/{year}</source>
        <translation>Quý {quarter}/{year}</translation>
    </message>
    <message>
        <source>at least {required} thematic meeting(s) needed, {held} held.</source>
        <translation>cần ít nhất {required} buổi sinh hoạt chuyên đề, đã tổ chức {held} buổi.</translation>
    </message>
</context>
</TS>

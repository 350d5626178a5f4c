<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>SheetSummary</name>
    <message>
        <source>Total</source>
        <translation>Tổng điểm</translation>
    </message>
    <message>
        <source>By group</source>
        <translation>Theo nhóm tiêu chí</translation>
    </message>
    <message>
        <source>Scored by:</source>
        <translation>Người chấm:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>{total} / {max}</source>
        <translation>{total} / {max}</translation>
    </message>
    <message>
        <source>Band: {band}</source>
        <translation>Xếp loại: {band}</translation>
    </message>
    <message>
        <source>{count} criteria not scored yet: they count as 0.</source>
        <translation>Còn {count} tiêu chí chưa chấm (đang tính 0 điểm).</translation>
    </message>
    <message>
        <source>Every criterion is scored.</source>
        <translation>Đã chấm đủ các tiêu chí.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>SheetTexts</name>
    <message>
        <source>Back to the automatic points</source>
        <translation>Trở lại điểm chấm tự động</translation>
    </message>
    <message>
        <source>Points from 0 to {max}</source>
        <translation>Điểm từ 0 đến {max}</translation>
    </message>
    <message>
        <source>/ {max}</source>
        <translation>/ {max}</translation>
    </message>
    <message>
        <source>Reason if you change the points…</source>
        <translation>Lý do nếu sửa điểm…</translation>
    </message>
    <message>
        <source>Evidence, note…</source>
        <translation>Minh chứng, ghi chú…</translation>
    </message>
    <message>
        <source>The automatic points were {points}: write the reason for the change in the note.</source>
        <translation>Điểm tự động là {points}: hãy ghi lý do sửa điểm vào ô ghi chú.</translation>
    </message>
    <message>
        <source>score by hand</source>
        <translation>chấm tay</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>tự động</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>đã sửa</translation>
    </message>
    <message>
        <source>{source}: no data yet, score it by hand.</source>
        <translation>{source}: chưa đủ dữ liệu, hãy chấm tay.</translation>
    </message>
    <message>
        <source>{source}: {value} → {points} points</source>
        <translation>{source}: {value} → {points} điểm</translation>
    </message>
    <message>
        <source>{source}: {value} → {points} points automatically; changed by hand</source>
        <translation>{source}: {value} → tự động {points} điểm; đã sửa tay</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>{n} minutes</source>
        <translation>{n} phút</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>QuotaPanel</name>
    <message>
        <source>Year {year}</source>
        <translation>Năm {year}</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Not classified yet</source>
        <translation>Chưa xếp loại</translation>
    </message>
    <message>
        <source>By the level decided above; else the level the cell proposes; else the self-proposed level.</source>
        <translation>Tính theo mức cấp trên quyết định; chưa có thì theo mức chi bộ đề xuất, chưa có nữa thì theo mức tự nhận.</translation>
    </message>
    <message>
        <source>Quota of &quot;{level}&quot;</source>
        <translation>Tỷ lệ &quot;{level}&quot;</translation>
    </message>
    <message>
        <source>Allowed at most:</source>
        <translation>Được xếp tối đa:</translation>
    </message>
    <message>
        <source>Proposed:</source>
        <translation>Đề xuất:</translation>
    </message>
    <message>
        <source>Over the quota by:</source>
        <translation>Vượt tỷ lệ:</translation>
    </message>
    <message>
        <source>Over the quota by {count}: submitting the summary needs a reason.</source>
        <translation>Vượt tỷ lệ {count} trường hợp: khi nộp biểu tổng hợp phải ghi rõ lý do.</translation>
    </message>
    <message>
        <source>Within the quota.</source>
        <translation>Trong tỷ lệ cho phép.</translation>
    </message>
    <message>
        <source>{percent}% × {base} rated &quot;{good}&quot; = {exact}, {rounding}: {allowed}.</source>
        <translation>{percent}% × {base} người &quot;{good}&quot; = {exact}, {rounding}: {allowed}.</translation>
    </message>
    <message>
        <source>Summary table</source>
        <translation>Biểu tổng hợp</translation>
    </message>
    <message>
        <source>Submitted on {date}.</source>
        <translation>Đã nộp ngày {date}.</translation>
    </message>
    <message>
        <source>Not submitted yet.</source>
        <translation>Chưa nộp.</translation>
    </message>
    <message>
        <source>Reason for exceeding the quota: {reason}</source>
        <translation>Lý do đề nghị vượt tỷ lệ: {reason}</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>No.</source>
        <translation>SĐV</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Review form</source>
        <translation>Mẫu kiểm điểm</translation>
    </message>
    <message>
        <source>Self-score</source>
        <translation>Điểm tự chấm</translation>
    </message>
    <message>
        <source>Self-proposed</source>
        <translation>Tự nhận</translation>
    </message>
    <message>
        <source>Cell proposed</source>
        <translation>Chi bộ đề xuất</translation>
    </message>
    <message>
        <source>Decided above</source>
        <translation>Cấp trên quyết định</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Cần xem lại</translation>
    </message>
</context>
</TS>

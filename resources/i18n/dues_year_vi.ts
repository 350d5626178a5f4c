<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>DuesYearModel</name>
    <message>
        <source>No.</source>
        <translation>SĐV</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Months unpaid</source>
        <translation>Số tháng chưa đóng</translation>
    </message>
    <message>
        <source>Paid through</source>
        <translation>Đã đóng hết tháng</translation>
    </message>
    <message>
        <source>M{month}</source>
        <translation>T{month}</translation>
    </message>
    <message>
        <source>Months already over with nothing paid and no valid reason. {count} such months in a year are grounds for considering removal from the member list.</source>
        <translation>Số tháng đã qua mà không đóng đảng phí, không có lý do chính đáng. Đủ {count} tháng trong năm là căn cứ xem xét xóa tên khỏi danh sách đảng viên.</translation>
    </message>
    <message>
        <source>Written on a transfer paper: &quot;đã đóng đảng phí hết tháng …&quot;</source>
        <translation>Ghi vào giấy giới thiệu sinh hoạt đảng: &quot;đã đóng đảng phí hết tháng …&quot;</translation>
    </message>
    <message>
        <source>Month {month}</source>
        <translation>Tháng {month}</translation>
    </message>
    <message>
        <source>No longer in the cell</source>
        <translation>Không còn sinh hoạt tại chi bộ</translation>
    </message>
    <message>
        <source>Unpaid without a valid reason: {months}</source>
        <translation>Không đóng, không có lý do chính đáng: {months}</translation>
    </message>
    <message>
        <source>Grounds for considering removal from the member list ({count} months in a year).</source>
        <translation>Là căn cứ xem xét xóa tên khỏi danh sách đảng viên ({count} tháng trong năm).</translation>
    </message>
    <message>
        <source>Dues paid in {paid} of {due} months; {paid_amount} of {due_amount} đồng</source>
        <translation>Đã đóng đủ {paid}/{due} tháng; {paid_amount}/{due_amount} đồng</translation>
    </message>
    <message>
        <source>{month}: {state}</source>
        <translation>{month}: {state}</translation>
    </message>
    <message>
        <source>(this month: still being collected, not counted yet)</source>
        <translation>(tháng đang thu, chưa tính)</translation>
    </message>
</context>
<context>
    <name>YearTab</name>
    <message>
        <source>Member&apos;s dues ledger</source>
        <translation>Sổ đảng phí của đảng viên</translation>
    </message>
    <message>
        <source>Select a member in the table first.</source>
        <translation>Hãy chọn một đảng viên trong bảng trước.</translation>
    </message>
    <message>
        <source>Dues ledger {year} — {name}</source>
        <translation>Sổ theo dõi đóng đảng phí năm {year} — {name}</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>Năm trước</translation>
    </message>
    <message>
        <source>Next year</source>
        <translation>Năm sau</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Member&apos;s dues ledger…</source>
        <translation>Sổ đảng phí của đảng viên…</translation>
    </message>
    <message>
        <source>The selected member&apos;s dues of the year, month by month</source>
        <translation>Đảng phí trong năm của đảng viên đã chọn, từng tháng</translation>
    </message>
    <message>
        <source>Double-click a month to open its collection. Months before the first month kept in the program are not counted.</source>
        <translation>Nhấp đúp vào một tháng để mở sổ thu của tháng đó. Các tháng trước tháng đầu tiên ghi trong chương trình không được tính.</translation>
    </message>
    <message>
        <source>No dues are recorded for this year yet.</source>
        <translation>Chưa có số liệu đảng phí của năm này.</translation>
    </message>
    <message>
        <source>{name} ({count} months)</source>
        <translation>{name} ({count} tháng)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not paid {count} months or more in {year} without a valid reason&lt;/b&gt; (grounds for considering removal from the member list): {names}.</source>
        <translation>&lt;b&gt;Không đóng đảng phí từ {count} tháng trở lên trong năm {year} mà không có lý do chính đáng&lt;/b&gt; (căn cứ xem xét xóa tên): {names}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;One month short:&lt;/b&gt; {names}.</source>
        <translation>&lt;b&gt;Chỉ còn thiếu một tháng nữa là đến ngưỡng:&lt;/b&gt; {names}.</translation>
    </message>
    <message>
        <source>No member has unpaid months that count toward removal in {year}.</source>
        <translation>Năm {year} không có đảng viên nào có tháng không đóng đảng phí bị tính vào căn cứ xóa tên.</translation>
    </message>
</context>
</TS>

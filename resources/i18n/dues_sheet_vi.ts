<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>DuesSheetModel</name>
    <message>
        <source>No.</source>
        <translation>SĐV</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>Căn cứ tính</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Phải đóng</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>Đóng đủ</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Đã đóng</translation>
    </message>
    <message>
        <source>Date paid</source>
        <translation>Ngày nộp</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>Người thu</translation>
    </message>
    <message>
        <source>Reason for not paying</source>
        <translation>Lý do chưa đóng</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Number in the cell&apos;s member list (SĐV)</source>
        <translation>Số thứ tự trong danh sách đảng viên của chi bộ (SĐV)</translation>
    </message>
    <message>
        <source>The salary, allowance or pension the dues are a percentage of; editable for this month</source>
        <translation>Tiền lương, trợ cấp hoặc lương hưu làm căn cứ tính đảng phí; sửa được cho riêng tháng này</translation>
    </message>
    <message>
        <source>Computed by the dues rules of the month</source>
        <translation>Tính theo quy định mức đóng áp dụng cho tháng</translation>
    </message>
    <message>
        <source>Tick when the member paid the whole amount (Space)</source>
        <translation>Đánh dấu khi đảng viên đã đóng đủ số phải đóng (phím cách)</translation>
    </message>
    <message>
        <source>A valid reason: the month is not counted toward the 3 unpaid months</source>
        <translation>Lý do chính đáng: tháng này không bị tính vào số tháng không đóng đảng phí</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Cố định</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Đóng thiếu</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>Chưa đóng</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Có lý do</translation>
    </message>
    <message>
        <source>Not due</source>
        <translation>Không phải đóng</translation>
    </message>
    <message>
        <source>No basis</source>
        <translation>Chưa có căn cứ</translation>
    </message>
    <message>
        <source>Changed, not saved yet</source>
        <translation>Đã sửa, chưa lưu</translation>
    </message>
    <message>
        <source>{kind}, month {month}</source>
        <translation>{kind}, tháng {month}</translation>
    </message>
    <message>
        <source>{percent}% of the basis, {rounding}</source>
        <translation>{percent}% căn cứ tính, {rounding}</translation>
    </message>
    <message>
        <source>Fixed amount per month</source>
        <translation>Mức cố định hằng tháng</translation>
    </message>
    <message>
        <source>Not owed this month (paid anyway)</source>
        <translation>Tháng này không phải đóng (nhưng đã đóng)</translation>
    </message>
    <message>
        <source>Not recorded yet: computed from the member&apos;s current details</source>
        <translation>Chưa ghi sổ: tính theo thông tin hiện tại của đảng viên</translation>
    </message>
    <message>
        <source>Enter an amount in đồng, e.g. 25.000.</source>
        <translation>Hãy nhập số tiền bằng đồng, ví dụ 25.000.</translation>
    </message>
</context>
</TS>

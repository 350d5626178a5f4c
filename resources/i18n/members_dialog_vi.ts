<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>MemberDialog</name>
    <message>
        <source>New party member</source>
        <translation>Thêm đảng viên</translation>
    </message>
    <message>
        <source>Party member {name}</source>
        <translation>Đảng viên {name}</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>Thông tin cá nhân</translation>
    </message>
    <message>
        <source>e.g. Nguyễn Văn An</source>
        <translation>ví dụ: Nguyễn Văn An</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(chọn)</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <source>Party registration</source>
        <translation>Đảng tịch</translation>
    </message>
    <message>
        <source>A new card number (e.g. a re-issued card) starts a new entry in the card history.</source>
        <translation>Khi nhập số thẻ mới (ví dụ khi đổi thẻ), số cũ được giữ lại trong lịch sử thẻ đảng viên.</translation>
    </message>
    <message>
        <source>Positions and qualifications</source>
        <translation>Chức vụ và trình độ</translation>
    </message>
    <message>
        <source>e.g. Bí thư chi bộ</source>
        <translation>ví dụ: Bí thư chi bộ</translation>
    </message>
    <message>
        <source>e.g. 12/12</source>
        <translation>ví dụ: 12/12</translation>
    </message>
    <message>
        <source>e.g. Cử nhân Kinh tế</source>
        <translation>ví dụ: Cử nhân Kinh tế</translation>
    </message>
    <message>
        <source>Party dues</source>
        <translation>Đảng phí</translation>
    </message>
    <message>
        <source>In đồng: last month&apos;s salary on which social insurance is paid, or the pension.</source>
        <translation>Tính bằng đồng: tiền lương đóng bảo hiểm xã hội của tháng trước, hoặc lương hưu.</translation>
    </message>
    <message>
        <source>no month recorded as paid yet</source>
        <translation>chưa có tháng nào được ghi là đã đóng</translation>
    </message>
    <message>
        <source>Dues paid through month:</source>
        <translation>Đã đóng đảng phí hết tháng:</translation>
    </message>
    <message>
        <source>Party card numbers</source>
        <translation>Số thẻ đảng viên</translation>
    </message>
    <message>
        <source>Card no.</source>
        <translation>Số thẻ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Activity status history</source>
        <translation>Lịch sử tình trạng sinh hoạt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Tổ chức đảng</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>You are seeing what was typed before the program closed without saving (autosaved at {time}). Save to keep it.</source>
        <translation>Đây là nội dung đã nhập trước khi chương trình bị đóng mà chưa lưu (tự lưu lúc {time}). Hãy lưu để giữ lại.</translation>
    </message>
    <message>
        <source>Enter an amount in đồng, e.g. 5.200.000.</source>
        <translation>Hãy nhập số tiền bằng đồng, ví dụ 5.200.000.</translation>
    </message>
    <message>
        <source>Still to fill in: {fields}.</source>
        <translation>Còn phải điền: {fields}.</translation>
    </message>
    <message>
        <source>Probation ends on {date}</source>
        <translation>Hết thời gian dự bị ngày {date}</translation>
    </message>
</context>
</TS>

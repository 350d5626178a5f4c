<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change activity status: {name}</source>
        <translation>Đổi tình trạng sinh hoạt: {name}</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Hiện nay:</translation>
    </message>
    <message>
        <source>New status:</source>
        <translation>Tình trạng mới:</translation>
    </message>
    <message>
        <source>{status} since {date}</source>
        <translation>{status} từ {date}</translation>
    </message>
    <message>
        <source>Choose the new status…</source>
        <translation>Chọn tình trạng mới…</translation>
    </message>
    <message>
        <source>Active again from:</source>
        <translation>Sinh hoạt trở lại từ ngày:</translation>
    </message>
    <message>
        <source>Exempt from:</source>
        <translation>Miễn sinh hoạt từ ngày:</translation>
    </message>
    <message>
        <source>Until (if known):</source>
        <translation>Đến ngày (nếu có):</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>Decision (number, date):</source>
        <translation>Quyết định (số, ngày):</translation>
    </message>
    <message>
        <source>Officially belongs to (organisation):</source>
        <translation>Nơi sinh hoạt chính thức:</translation>
    </message>
    <message>
        <source>Attending from:</source>
        <translation>Sinh hoạt tạm thời từ ngày:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Đến ngày:</translation>
    </message>
    <message>
        <source>Transferred on:</source>
        <translation>Ngày chuyển sinh hoạt:</translation>
    </message>
    <message>
        <source>Transferred to:</source>
        <translation>Nơi chuyển đến:</translation>
    </message>
    <message>
        <source>Transfer paper number:</source>
        <translation>Số giấy giới thiệu sinh hoạt đảng:</translation>
    </message>
    <message>
        <source>Removal decided on:</source>
        <translation>Ngày quyết định xóa tên:</translation>
    </message>
    <message>
        <source>Decision number:</source>
        <translation>Số quyết định:</translation>
    </message>
    <message>
        <source>Date of death:</source>
        <translation>Ngày từ trần:</translation>
    </message>
    <message>
        <source>The member attends the cell&apos;s meetings and is counted in attendance and reviews.</source>
        <translation>Đảng viên sinh hoạt tại chi bộ, được tính khi điểm danh và khi kiểm điểm, xếp loại.</translation>
    </message>
    <message>
        <source>Exempt from work and activities (age, health...): not counted in attendance or in the annual review.</source>
        <translation>Được miễn công tác và sinh hoạt đảng (tuổi cao, sức yếu...): không tính khi điểm danh và không kiểm điểm cuối năm.</translation>
    </message>
    <message>
        <source>A member of another organisation who attends this cell for a while.</source>
        <translation>Đảng viên của tổ chức đảng khác đến sinh hoạt tạm thời tại chi bộ.</translation>
    </message>
    <message>
        <source>The member has left the cell; the record and its history are kept.</source>
        <translation>Đảng viên đã chuyển khỏi chi bộ; hồ sơ và lịch sử vẫn được lưu.</translation>
    </message>
    <message>
        <source>Removed from the member list by decision of the competent committee; the record is kept.</source>
        <translation>Bị xóa tên khỏi danh sách đảng viên theo quyết định của cấp ủy có thẩm quyền; hồ sơ vẫn được lưu.</translation>
    </message>
    <message>
        <source>The record and its history are kept.</source>
        <translation>Hồ sơ và lịch sử vẫn được lưu.</translation>
    </message>
    <message>
        <source>Still to fill in: {fields}.</source>
        <translation>Còn phải điền: {fields}.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>CommitmentsDialog</name>
    <message>
        <source>Commitments</source>
        <translation>Đăng ký cam kết</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Đảng viên:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Registered on:</source>
        <translation>Ngày đăng ký:</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>Nội dung cam kết</translation>
    </message>
    <message>
        <source>Mid-year check</source>
        <translation>Kiểm tra giữa năm</translation>
    </message>
    <message>
        <source>Year-end result</source>
        <translation>Kết quả cuối năm</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Đánh giá</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Thêm nội dung</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Xóa nội dung</translation>
    </message>
    <message>
        <source>Double-click a cell to edit it.</source>
        <translation>Nhấp đúp vào ô để sửa.</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Ngày:</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>Nhận xét:</translation>
    </message>
    <message>
        <source>Reference: Quy định 144-QĐ/TW</source>
        <translation>Tham khảo: Quy định 144-QĐ/TW</translation>
    </message>
    <message>
        <source>The standards of revolutionary ethics of cadres and party members (double-click one to add it as a commitment):</source>
        <translation>Chuẩn mực đạo đức cách mạng của cán bộ, đảng viên (nhấp đúp vào một chuẩn mực để thêm vào nội dung cam kết):</translation>
    </message>
    <message>
        <source>Add as a commitment</source>
        <translation>Thêm vào nội dung cam kết</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Print the registration…</source>
        <translation>In bản đăng ký…</translation>
    </message>
    <message>
        <source>Print the year-end result…</source>
        <translation>In kết quả cuối năm…</translation>
    </message>
    <message>
        <source>Not assessed yet</source>
        <translation>Chưa đánh giá</translation>
    </message>
    <message>
        <source>Carried out</source>
        <translation>Đã thực hiện</translation>
    </message>
    <message>
        <source>Not carried out</source>
        <translation>Chưa thực hiện được</translation>
    </message>
    <message>
        <source>Commitment result {year} — {name}</source>
        <translation>Kết quả thực hiện cam kết năm {year} — {name}</translation>
    </message>
    <message>
        <source>Commitment registration {year} — {name}</source>
        <translation>Bản đăng ký cam kết năm {year} — {name}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>Save the changes to these commitments?</source>
        <translation>Lưu các thay đổi của nội dung cam kết?</translation>
    </message>
</context>
</TS>

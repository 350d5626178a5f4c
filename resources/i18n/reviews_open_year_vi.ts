<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>OpenYearDialog</name>
    <message>
        <source>Add members to the {year} review</source>
        <translation>Bổ sung đảng viên vào kỳ kiểm điểm năm {year}</translation>
    </message>
    <message>
        <source>Open the {year} review</source>
        <translation>Mở đợt kiểm điểm năm {year}</translation>
    </message>
    <message>
        <source>{name} (own copy, version {version})</source>
        <translation>{name} (bản sao riêng, phiên bản {version})</translation>
    </message>
    <message>
        <source>Rule set:</source>
        <translation>Bộ quy tắc:</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>SĐV</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Party status</source>
        <translation>Chính thức/dự bị</translation>
    </message>
    <message>
        <source>Review form</source>
        <translation>Mẫu kiểm điểm</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Issued by: {document}. In force from {date}.</source>
        <translation>Căn cứ: {document}. Hiệu lực từ ngày {date}.</translation>
    </message>
    <message>
        <source>Already in the review</source>
        <translation>Đã có trong kỳ kiểm điểm</translation>
    </message>
    <message>
        <source>Not reviewed: {reason}</source>
        <translation>Không kiểm điểm: {reason}</translation>
    </message>
    <message>
        <source>{due} members to add; {excluded} not reviewed.</source>
        <translation>{due} đảng viên cần bổ sung; {excluded} đảng viên không kiểm điểm.</translation>
    </message>
    <message>
        <source>{due} members must be reviewed; {excluded} are not reviewed.</source>
        <translation>{due} đảng viên phải kiểm điểm; {excluded} đảng viên không kiểm điểm.</translation>
    </message>
    <message>
        <source>Add {count} members</source>
        <translation>Bổ sung {count} đảng viên</translation>
    </message>
    <message>
        <source>Open the review</source>
        <translation>Mở đợt kiểm điểm</translation>
    </message>
</context>
</TS>

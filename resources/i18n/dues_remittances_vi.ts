<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>RemittanceTab</name>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Đã thu</translation>
    </message>
    <message>
        <source>Kept by the cell</source>
        <translation>Chi bộ giữ lại</translation>
    </message>
    <message>
        <source>To remit</source>
        <translation>Phải nộp lên</translation>
    </message>
    <message>
        <source>Committee received</source>
        <translation>Cấp ủy đã nhận</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Committee&apos;s note</source>
        <translation>Ghi chú của cấp ủy</translation>
    </message>
    <message>
        <source>What the committee above confirms receiving arrives with each sync. A receipt for a quarter covers its three months.</source>
        <translation>Xác nhận đã nhận của cấp ủy cấp trên về theo mỗi lần đồng bộ. Một phiếu nhận theo quý tính cho cả ba tháng của quý.</translation>
    </message>
    <message>
        <source>Month {month}/{year}</source>
        <translation>Tháng {month}/{year}</translation>
    </message>
    <message>
        <source>{label}: {amount}</source>
        <translation>{label}: {amount}</translation>
    </message>
    <message>
        <source>{year}: collected {collected}, to remit {remit}; the committee confirmed receiving {received}.</source>
        <translation>Năm {year}: đã thu {collected}, phải nộp lên {remit}; cấp ủy đã xác nhận nhận {received}.</translation>
    </message>
    <message>
        <source>No receipt from the committee for this year yet.</source>
        <translation>Cấp ủy chưa xác nhận khoản nộp nào của năm này.</translation>
    </message>
    <message>
        <source>Not confirmed yet: {amount}.</source>
        <translation>Chưa được xác nhận: {amount}.</translation>
    </message>
</context>
</TS>

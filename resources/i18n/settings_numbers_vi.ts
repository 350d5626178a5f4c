<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>NumbersTab</name>
    <message>
        <source>The numbers given to the cell&apos;s documents, one sequence a year for each type (BC reports, KH plans, NQ resolutions, GM invitations, DS lists, BB minutes). A number is given when the document is printed; printing it again keeps it.</source>
        <translation>Các số đã cấp cho văn bản của chi bộ, mỗi loại một dãy số trong năm (BC báo cáo, KH kế hoạch, NQ nghị quyết, GM giấy mời, DS danh sách, BB biên bản). Số được cấp khi in văn bản; in lại văn bản vẫn giữ số cũ.</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Renumbered while syncing: the cell&apos;s other laptop gave the same number first. Print these again with their new number (double-click or &quot;View / reprint…&quot;).</source>
        <translation>Văn bản được đánh số lại khi đồng bộ: máy kia của chi bộ đã cấp cùng số trước. Hãy in lại các văn bản này với số mới (nhấp đúp hoặc &quot;Xem / In lại…&quot;).</translation>
    </message>
    <message>
        <source>New number</source>
        <translation>Số mới</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Lúc đánh số lại</translation>
    </message>
    <message>
        <source>View / reprint…</source>
        <translation>Xem / In lại…</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>Resolution of a meeting</source>
        <translation>Nghị quyết của chi bộ</translation>
    </message>
    <message>
        <source>Given by an earlier version</source>
        <translation>Cấp ở phiên bản trước</translation>
    </message>
    <message>
        <source>No number given in this year.</source>
        <translation>Năm này chưa cấp số văn bản nào.</translation>
    </message>
    <message>
        <source>Left unused: {list}</source>
        <translation>Các số bỏ trống: {list}</translation>
    </message>
    <message>
        <source>No number left unused.</source>
        <translation>Không có số nào bỏ trống.</translation>
    </message>
    <message>
        <source>Print &quot;{title}&quot; again where it was printed: the number dialog proposes its new number, {number}.</source>
        <translation>In lại &quot;{title}&quot; ở nơi đã in nó: hộp số văn bản đề xuất sẵn số mới, {number}.</translation>
    </message>
</context>
</TS>

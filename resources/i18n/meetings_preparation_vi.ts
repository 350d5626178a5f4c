<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AgendaTemplateDialog</name>
    <message>
        <source>Agenda template</source>
        <translation>Mẫu chương trình sinh hoạt</translation>
    </message>
    <message>
        <source>One item per line. {month} is the meeting&apos;s month, {prev_month} the month before, {year} the year, {topic} the thematic topic.</source>
        <translation>Mỗi dòng một nội dung. {month} là tháng sinh hoạt, {prev_month} là tháng trước đó, {year} là năm, {topic} là chủ đề sinh hoạt chuyên đề.</translation>
    </message>
    <message>
        <source>Shipped template</source>
        <translation>Mẫu gốc</translation>
    </message>
    <message>
        <source>Meeting type:</source>
        <translation>Loại sinh hoạt:</translation>
    </message>
</context>
<context>
    <name>PreparationTab</name>
    <message>
        <source>Preparation</source>
        <translation>Chuẩn bị</translation>
    </message>
    <message>
        <source>The cell committee (or secretary and deputy) met beforehand and agreed the content</source>
        <translation>Chi ủy (hoặc bí thư, phó bí thư) đã họp trước để thống nhất nội dung</translation>
    </message>
    <message>
        <source>Members were told the time, place and content</source>
        <translation>Đã thông báo cho đảng viên thời gian, địa điểm, nội dung</translation>
    </message>
    <message>
        <source>The upper committee that follows the cell was notified</source>
        <translation>Đã báo cáo cấp ủy cấp trên theo dõi chi bộ</translation>
    </message>
    <message>
        <source>Materials were shared with members on</source>
        <translation>Đã gửi tài liệu cho đảng viên ngày</translation>
    </message>
    <message>
        <source>A draft resolution was prepared</source>
        <translation>Đã chuẩn bị dự thảo nghị quyết</translation>
    </message>
    <message>
        <source>Invited guests</source>
        <translation>Đại biểu khách mời</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Add a guest</source>
        <translation>Thêm khách mời</translation>
    </message>
    <message>
        <source>Remove the guest</source>
        <translation>Xóa khách mời</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Chương trình sinh hoạt</translation>
    </message>
    <message>
        <source>Record the items…</source>
        <translation>Ghi từng nội dung…</translation>
    </message>
    <message>
        <source>Add, remove, reorder and record the items under &quot;Content&quot;</source>
        <translation>Thêm, xóa, sắp xếp và ghi diễn biến từng nội dung ở thẻ &quot;Nội dung&quot;</translation>
    </message>
    <message>
        <source>Take from the template</source>
        <translation>Lấy theo mẫu</translation>
    </message>
    <message>
        <source>Replace the agenda with the standard items of the template</source>
        <translation>Thay chương trình bằng các nội dung chuẩn của mẫu</translation>
    </message>
    <message>
        <source>Edit the template…</source>
        <translation>Sửa mẫu…</translation>
    </message>
    <message>
        <source>Items not in the template will be removed with what is written under them: {items}. Continue?</source>
        <translation>Các nội dung không có trong mẫu sẽ bị xóa cùng những gì đã ghi: {items}. Tiếp tục?</translation>
    </message>
</context>
</TS>

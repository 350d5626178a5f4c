<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import members from a file</source>
        <translation>Nhập đảng viên từ tệp</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Chưa chọn tệp.</translation>
    </message>
    <message>
        <source>Import valid rows</source>
        <translation>Nhập các dòng hợp lệ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Chọn tệp cần nhập</translation>
    </message>
    <message>
        <source>Member lists (*.csv *.xlsx);;All files (*)</source>
        <translation>Danh sách đảng viên (*.csv *.xlsx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Đang đọc {name}…</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel (.xlsx) file with a header row such as &quot;Họ và tên&quot;, &quot;Ngày sinh&quot;, &quot;Ngày vào Đảng&quot;, &quot;Số thẻ đảng viên&quot;, &quot;Số CCCD&quot;. Nothing is written until you confirm. A member already in the list (same CCCD, card number, or name and date of birth) is updated, never added twice.</source>
        <translation>Chọn tệp CSV hoặc Excel (.xlsx) có dòng tiêu đề như &quot;Họ và tên&quot;, &quot;Ngày sinh&quot;, &quot;Ngày vào Đảng&quot;, &quot;Số thẻ đảng viên&quot;, &quot;Số CCCD&quot;. Chưa ghi gì cho đến khi đồng chí đồng ý. Đảng viên đã có trong danh sách (trùng số CCCD, số thẻ, hoặc họ tên và ngày sinh) sẽ được cập nhật, không bao giờ thêm lần thứ hai.</translation>
    </message>
    <message>
        <source>Save a sample file…</source>
        <translation>Lưu tệp mẫu…</translation>
    </message>
    <message>
        <source>A list with the column names the import recognises and two example rows, to fill in with Excel.</source>
        <translation>Danh sách có đủ tên cột mà chương trình nhận ra và hai dòng ví dụ, để điền bằng Excel.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Choose columns…</source>
        <translation>Chọn cột…</translation>
    </message>
    <message>
        <source>Say which column of the file holds which information.</source>
        <translation>Cho biết cột nào trong tệp chứa thông tin gì.</translation>
    </message>
    <message>
        <source>Read again with these columns</source>
        <translation>Đọc lại theo các cột đã chọn</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>Lưu các dòng bị bỏ qua…</translation>
    </message>
    <message>
        <source>The skipped rows as they are in the file, with why, to fix and import again.</source>
        <translation>Các dòng bị bỏ qua, giữ nguyên như trong tệp, kèm lý do, để sửa rồi nhập lại.</translation>
    </message>
    <message>
        <source>{text} {rows} rows read</source>
        <translation>{text} đã đọc {rows} dòng</translation>
    </message>
    <message>
        <source>Header on row {row}. Columns read: {columns}.</source>
        <translation>Dòng tiêu đề: dòng {row}. Các cột đọc được: {columns}.</translation>
    </message>
    <message>
        <source>Columns not used: {columns}.</source>
        <translation>Các cột không dùng: {columns}.</translation>
    </message>
    <message>
        <source>The file is in the old {encoding} encoding and was converted: check that the names below read correctly.</source>
        <translation>Tệp dùng bảng mã cũ {encoding} và đã được chuyển sang Unicode: hãy xem các họ tên bên dưới có đúng dấu không.</translation>
    </message>
    <message>
        <source>{rows} rows: {added} to add, {updated} to update, {rejected} skipped because of errors (highlighted).</source>
        <translation>{rows} dòng: thêm {added}, cập nhật {updated}, bỏ qua {rejected} dòng có lỗi (tô màu).</translation>
    </message>
    <message>
        <source>Import {count} valid rows</source>
        <translation>Nhập {count} dòng hợp lệ</translation>
    </message>
    <message>
        <source>The file has a header but no rows of members.</source>
        <translation>Tệp có dòng tiêu đề nhưng không có dòng đảng viên nào.</translation>
    </message>
    <message>
        <source>Save the sample member list</source>
        <translation>Lưu danh sách mẫu</translation>
    </message>
    <message>
        <source>Save the rejected rows</source>
        <translation>Lưu các dòng bị bỏ qua</translation>
    </message>
    <message>
        <source>Saving the rejected rows…</source>
        <translation>Đang lưu các dòng bị bỏ qua…</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Đã lưu {path}.</translation>
    </message>
    <message>
        <source>Import {count} rows into the member list ({added} new, {updated} updated)?</source>
        <translation>Nhập {count} dòng vào danh sách đảng viên (thêm mới {added}, cập nhật {updated})?</translation>
    </message>
    <message>
        <source>{rejected} rows with errors will be skipped.</source>
        <translation>{rejected} dòng có lỗi sẽ bị bỏ qua.</translation>
    </message>
    <message>
        <source>You can undo the whole import with Edit → Undo (Ctrl+Z).</source>
        <translation>Có thể hoàn tác toàn bộ lần nhập này bằng Sửa → Hoàn tác (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Added {added} members, updated {updated}.</source>
        <translation>Đã thêm {added} đảng viên, cập nhật {updated} đảng viên.</translation>
    </message>
    <message>
        <source>{count} rows were already up to date.</source>
        <translation>{count} dòng không có gì thay đổi.</translation>
    </message>
</context>
</TS>

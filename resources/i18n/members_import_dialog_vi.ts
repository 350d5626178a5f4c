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
        <source>Choose a CSV or Excel (.xlsx) file with a header row such as &quot;Họ và tên&quot;, &quot;Ngày sinh&quot;, &quot;Ngày vào Đảng&quot;, &quot;Số thẻ đảng viên&quot;, &quot;Số CCCD&quot;. Nothing is written until you confirm. A member already in the list (same CCCD or card number) is updated, never added twice.</source>
        <translation>Chọn tệp CSV hoặc Excel (.xlsx) có dòng tiêu đề như &quot;Họ và tên&quot;, &quot;Ngày sinh&quot;, &quot;Ngày vào Đảng&quot;, &quot;Số thẻ đảng viên&quot;, &quot;Số CCCD&quot;. Chưa có gì được ghi cho đến khi đồng chí xác nhận. Đảng viên đã có trong danh sách (trùng số CCCD hoặc số thẻ) sẽ được cập nhật, không bị thêm trùng.</translation>
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
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Ngày vào Đảng</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Why skipped / notes</source>
        <translation>Lý do bỏ qua / ghi chú</translation>
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
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Bỏ qua</translation>
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

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Startup</name>
    <message>
        <source>CellSec is already open on this data folder. Use the window that is open.</source>
        <translation>CellSec đang mở trên thư mục dữ liệu này. Hãy dùng cửa sổ đang mở.</translation>
    </message>
    <message>
        <source>Cannot write to the data folder {folder} (the disk may be full, read-only or not yours to write to). Free some space or choose another folder.</source>
        <translation>Không ghi được vào thư mục dữ liệu {folder} (ổ đĩa có thể đã đầy, chỉ cho phép đọc hoặc đồng chí không có quyền ghi). Hãy giải phóng dung lượng hoặc chọn thư mục khác.</translation>
    </message>
    <message>
        <source>Cannot open the data</source>
        <translation>Không mở được dữ liệu</translation>
    </message>
    <message>
        <source>Restore the newest usable backup ({name}), taken at {time}? The current file is kept beside it, unchanged.</source>
        <translation>Khôi phục bản sao lưu mới nhất còn dùng được ({name}), lập lúc {time}? Tệp hiện tại được giữ nguyên bên cạnh.</translation>
    </message>
    <message>
        <source>These newer backups are damaged and were skipped: {names}.</source>
        <translation>Các bản sao lưu mới hơn sau đây bị hỏng nên đã bỏ qua: {names}.</translation>
    </message>
    <message>
        <source>There is no usable backup in {folder}. The file has been left as it is.</source>
        <translation>Không có bản sao lưu nào dùng được trong {folder}. Tệp được để nguyên như cũ.</translation>
    </message>
</context>
</TS>

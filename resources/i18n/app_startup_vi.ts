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
        <source>Cannot open the data</source>
        <translation>Không mở được dữ liệu</translation>
    </message>
    <message>
        <source>Restore the newest backup ({name})? The damaged file is kept beside it.</source>
        <translation>Khôi phục bản sao lưu mới nhất ({name})? Tệp bị hỏng vẫn được giữ lại bên cạnh.</translation>
    </message>
</context>
</TS>

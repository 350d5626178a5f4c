<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>Recovery</name>
    <message>
        <source>Do you have a backup with a password (a .cellsec-backup file, e.g. on a USB stick)? Choose Yes to restore the data from it.</source>
        <translation>Đồng chí có bản sao lưu có mật khẩu (tệp .cellsec-backup, ví dụ trên USB) không? Chọn Có để khôi phục dữ liệu từ bản đó.</translation>
    </message>
    <message>
        <source>Choose the backup with a password</source>
        <translation>Chọn bản sao lưu có mật khẩu</translation>
    </message>
    <message>
        <source>CellSec encrypted backup (*{suffix})</source>
        <translation>Bản sao lưu mã hóa của CellSec (*{suffix})</translation>
    </message>
    <message>
        <source>The data is back as it was in the backup {name}.</source>
        <translation>Dữ liệu đã trở lại như trong bản sao lưu {name}.</translation>
    </message>
    <message>
        <source>The file that could not be opened is kept, unchanged, as {path}.</source>
        <translation>Tệp không mở được vẫn được giữ nguyên tại {path}.</translation>
    </message>
</context>
</TS>

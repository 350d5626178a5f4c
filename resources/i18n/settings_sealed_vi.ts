<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password of the backup</source>
        <translation>Mật khẩu của bản sao lưu</translation>
    </message>
    <message>
        <source>Choose a password of at least {n} characters. Write it down and keep it apart from the USB stick: without it the backup cannot be opened, by anyone, and CellSec cannot recover it.</source>
        <translation>Hãy chọn mật khẩu có ít nhất {n} ký tự. Ghi lại và cất riêng, không để cùng USB: không có mật khẩu thì không ai mở được bản sao lưu, và CellSec cũng không lấy lại được mật khẩu.</translation>
    </message>
    <message>
        <source>Enter the password chosen when this backup was written.</source>
        <translation>Nhập mật khẩu đã chọn khi lập bản sao lưu này.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Nhập lại</translation>
    </message>
    <message>
        <source>At least {n} characters.</source>
        <translation>Cần ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>Hãy nhập mật khẩu.</translation>
    </message>
</context>
<context>
    <name>SealedBackups</name>
    <message>
        <source>Back up to another folder (encrypted)…</source>
        <translation>Sao lưu ra thư mục khác (mã hóa)…</translation>
    </message>
    <message>
        <source>Restore from an encrypted file…</source>
        <translation>Khôi phục từ tệp mã hóa…</translation>
    </message>
    <message>
        <source>Choose the folder (e.g. the USB stick)</source>
        <translation>Chọn thư mục (ví dụ USB)</translation>
    </message>
    <message>
        <source>Encrypting the backup…</source>
        <translation>Đang mã hóa bản sao lưu…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>The encrypted backup was written to {path}.</source>
        <translation>Đã ghi bản sao lưu mã hóa vào {path}.</translation>
    </message>
    <message>
        <source>Choose the encrypted backup</source>
        <translation>Chọn bản sao lưu mã hóa</translation>
    </message>
    <message>
        <source>CellSec encrypted backup (*{suffix})</source>
        <translation>Bản sao lưu mã hóa của CellSec (*{suffix})</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Replace the current data with the backup {name}?

The current data is backed up first and is not deleted.</source>
        <translation>Thay dữ liệu hiện tại bằng bản sao lưu {name}?

Dữ liệu hiện tại được sao lưu trước và không bị xóa.</translation>
    </message>
    <message>
        <source>Decrypting and restoring…</source>
        <translation>Đang giải mã và khôi phục…</translation>
    </message>
    <message>
        <source>The data is back as it was in the backup. The data from before the restore was saved as {name}.</source>
        <translation>Dữ liệu đã trở lại như trong bản sao lưu. Dữ liệu trước khi khôi phục được lưu thành {name}.</translation>
    </message>
</context>
</TS>

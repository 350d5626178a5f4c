<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Mật khẩu hiện tại</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Nhập lại</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Data passphrase</source>
        <translation>Mật khẩu mở dữ liệu</translation>
    </message>
    <message>
        <source>The data on this computer is protected by a passphrase. Enter it to open CellSec.</source>
        <translation>Dữ liệu trên máy này được bảo vệ bằng mật khẩu mở dữ liệu. Hãy nhập mật khẩu để mở CellSec.</translation>
    </message>
    <message>
        <source>Enter the current passphrase. Without one, anyone who logs in to this computer&apos;s account can open the data.</source>
        <translation>Hãy nhập mật khẩu hiện tại. Khi bỏ mật khẩu, ai đăng nhập được vào tài khoản này của máy cũng mở được dữ liệu.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least {n} characters. CellSec will ask for it every time it opens. Keep it safe: without it the data on this computer cannot be opened; only a backup with a password brings it back.</source>
        <translation>Chọn mật khẩu mở dữ liệu dài ít nhất {n} ký tự. CellSec sẽ hỏi mật khẩu này mỗi lần mở. Hãy ghi nhớ cẩn thận: quên mật khẩu thì không mở được dữ liệu trên máy này; khi đó chỉ bản sao lưu có mật khẩu mới đưa dữ liệu trở lại.</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Hãy nhập mật khẩu.</translation>
    </message>
    <message>
        <source>At least {n} characters.</source>
        <translation>Cần ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>SecurityTab</name>
    <message>
        <source>Security</source>
        <translation>Bảo mật</translation>
    </message>
    <message>
        <source>The data and its automatic backups are encrypted with a key kept on this computer for your account. If others also use this account (a shared office laptop), protect the key with a passphrase: CellSec then asks for it every time it opens, at start and on the command line.</source>
        <translation>Dữ liệu và các bản sao lưu tự động được mã hóa bằng một khóa giữ trên máy này, cho tài khoản của đồng chí. Nếu người khác cũng dùng tài khoản này (máy tính cơ quan dùng chung), hãy khóa thêm bằng mật khẩu mở dữ liệu: CellSec sẽ hỏi mật khẩu này mỗi lần mở, cả khi mở cửa sổ lẫn khi chạy dòng lệnh.</translation>
    </message>
    <message>
        <source>Set a passphrase…</source>
        <translation>Đặt mật khẩu mở dữ liệu…</translation>
    </message>
    <message>
        <source>Change the passphrase…</source>
        <translation>Đổi mật khẩu…</translation>
    </message>
    <message>
        <source>Remove the passphrase…</source>
        <translation>Bỏ mật khẩu…</translation>
    </message>
</context>
</TS>

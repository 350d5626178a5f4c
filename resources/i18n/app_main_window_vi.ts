<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>MainWindow</name>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Party members</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Cell meetings</source>
        <translation>Sinh hoạt chi bộ</translation>
    </message>
    <message>
        <source>Reviews &amp; classification</source>
        <translation>Kiểm điểm &amp; xếp loại</translation>
    </message>
    <message>
        <source>5-good scoring</source>
        <translation>Chấm điểm 5 tốt</translation>
    </message>
    <message>
        <source>Party dues</source>
        <translation>Đảng phí</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Opening the data…</source>
        <translation>Đang mở dữ liệu…</translation>
    </message>
    <message>
        <source>CellSec — Party cell secretary&apos;s handbook</source>
        <translation>CellSec — Sổ tay Bí thư chi bộ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About CellSec</source>
        <translation>&amp;Giới thiệu CellSec</translation>
    </message>
    <message>
        <source>&amp;Guide to this page</source>
        <translation>Hướng dẫn về trang &amp;này</translation>
    </message>
    <message>
        <source>User guide: &amp;contents</source>
        <translation>Hướng dẫn sử dụng: &amp;mục lục</translation>
    </message>
    <message>
        <source>&amp;Undo: {action}</source>
        <translation>&amp;Hoàn tác: {action}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>Đã sao lưu vào {path}</translation>
    </message>
    <message>
        <source>&amp;Redo: {action}</source>
        <translation>&amp;Làm lại: {action}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Automatic backup saved</source>
        <translation>Đã sao lưu tự động</translation>
    </message>
    <message>
        <source>About CellSec</source>
        <translation>Giới thiệu CellSec</translation>
    </message>
    <message>
        <source>CellSec {version} — the offline handbook of a Party cell secretary.
Data folder: {folder}</source>
        <translation>CellSec {version} — sổ tay làm việc không cần mạng của bí thư chi bộ.
Thư mục dữ liệu: {folder}</translation>
    </message>
</context>
</TS>

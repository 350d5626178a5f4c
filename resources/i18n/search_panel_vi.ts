<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>SearchBox</name>
    <message>
        <source>Search minutes, resolutions, members…</source>
        <translation>Tìm biên bản, nghị quyết, đảng viên…</translation>
    </message>
    <message>
        <source>Search minutes, resolutions and member names; no accents needed (Ctrl+Shift+F)</source>
        <translation>Tìm trong biên bản, nghị quyết và tên đảng viên; gõ không dấu cũng được (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <source>Nothing found for &quot;{query}&quot;.</source>
        <translation>Không tìm thấy kết quả nào cho &quot;{query}&quot;.</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Nghị quyết</translation>
    </message>
    <message>
        <source>Party member</source>
        <translation>Đảng viên</translation>
    </message>
</context>
</TS>

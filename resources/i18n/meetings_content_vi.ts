<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ContentTab</name>
    <message>
        <source>Agenda items</source>
        <translation>Các nội dung sinh hoạt</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Thêm nội dung</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Move the item up</source>
        <translation>Chuyển nội dung lên trên</translation>
    </message>
    <message>
        <source>Move the item down</source>
        <translation>Chuyển nội dung xuống dưới</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <source>Presented by:</source>
        <translation>Người trình bày:</translation>
    </message>
    <message>
        <source>Choose a member or type a name</source>
        <translation>Chọn đảng viên hoặc gõ tên</translation>
    </message>
    <message>
        <source>Presentation (summary)</source>
        <translation>Nội dung trình bày (tóm tắt)</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Các ý kiến tham gia</translation>
    </message>
    <message>
        <source>Add a speech (Ctrl+Enter)</source>
        <translation>Thêm ý kiến (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>The chair&apos;s conclusion on this item</source>
        <translation>Đồng chí chủ trì kết luận nội dung này</translation>
    </message>
    <message>
        <source>The minutes have no agenda item yet: click &quot;Add item&quot;.</source>
        <translation>Biên bản chưa có nội dung sinh hoạt nào: bấm &quot;Thêm nội dung&quot;.</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(chưa đặt tên)</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Xóa nội dung</translation>
    </message>
    <message>
        <source>Remove item {n} &quot;{title}&quot; with everything written under it?</source>
        <translation>Xóa nội dung {n} &quot;{title}&quot; cùng mọi điều đã ghi trong đó?</translation>
    </message>
    <message>
        <source>Remove speech</source>
        <translation>Xóa ý kiến</translation>
    </message>
    <message>
        <source>Remove this speech?</source>
        <translation>Xóa ý kiến này?</translation>
    </message>
</context>
<context>
    <name>SpeechCard</name>
    <message>
        <source>Who spoke</source>
        <translation>Người phát biểu</translation>
    </message>
    <message>
        <source>Move this speech up</source>
        <translation>Chuyển ý kiến lên trên</translation>
    </message>
    <message>
        <source>Move this speech down</source>
        <translation>Chuyển ý kiến xuống dưới</translation>
    </message>
    <message>
        <source>Remove this speech</source>
        <translation>Xóa ý kiến này</translation>
    </message>
    <message>
        <source>What the comrade said</source>
        <translation>Nội dung đồng chí phát biểu</translation>
    </message>
    <message>
        <source>Speech {n}:</source>
        <translation>Ý kiến {n}:</translation>
    </message>
</context>
</TS>

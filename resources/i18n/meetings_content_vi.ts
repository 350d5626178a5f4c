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
<context>
    <name>VotesTab</name>
    <message>
        <source>Conclusion or resolution adopted by the cell</source>
        <translation>Kết luận, nghị quyết của chi bộ</translation>
    </message>
    <message>
        <source>e.g. Chi bộ thống nhất quyết nghị:
1. …
2. …</source>
        <translation>ví dụ: Chi bộ thống nhất quyết nghị:
1. …
2. …</translation>
    </message>
    <message>
        <source>Votes (show of hands)</source>
        <translation>Biểu quyết (giơ tay)</translation>
    </message>
    <message>
        <source>Voted on</source>
        <translation>Nội dung biểu quyết</translation>
    </message>
    <message>
        <source>Put to the vote</source>
        <translation>Có biểu quyết</translation>
    </message>
    <message>
        <source>In favour</source>
        <translation>Tán thành</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>Không tán thành</translation>
    </message>
    <message>
        <source>Abstained</source>
        <translation>Không biểu quyết</translation>
    </message>
    <message>
        <source>Everyone present in favour</source>
        <translation>Tất cả có mặt đều tán thành</translation>
    </message>
    <message>
        <source>Fill in every vote as unanimous: all members present in favour</source>
        <translation>Ghi mọi lần biểu quyết là nhất trí: tất cả đảng viên có mặt đều tán thành</translation>
    </message>
    <message>
        <source>Resolution document (own number, signed for the cell)</source>
        <translation>Văn bản nghị quyết (có số riêng, ký T/M chi bộ)</translation>
    </message>
    <message>
        <source>Write the resolution…</source>
        <translation>Soạn nghị quyết…</translation>
    </message>
    <message>
        <source>Print the resolution</source>
        <translation>In nghị quyết</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(chưa đặt tên)</translation>
    </message>
    <message>
        <source>The conclusion / resolution as a whole</source>
        <translation>Toàn văn kết luận / nghị quyết</translation>
    </message>
    <message>
        <source>No resolution document yet. Write one if the cell adopted a resolution (it gets its own number, e.g. Số 05-NQ/CB).</source>
        <translation>Chưa có văn bản nghị quyết. Soạn nghị quyết nếu chi bộ ra nghị quyết (nghị quyết có số riêng, ví dụ Số 05-NQ/CB).</translation>
    </message>
    <message>
        <source>Resolution {number}, issued.</source>
        <translation>Nghị quyết {number}, đã ban hành.</translation>
    </message>
    <message>
        <source>Draft resolution: {title}</source>
        <translation>Dự thảo nghị quyết: {title}</translation>
    </message>
    <message>
        <source>Open the resolution…</source>
        <translation>Mở nghị quyết…</translation>
    </message>
</context>
</TS>

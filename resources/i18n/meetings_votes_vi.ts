<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>VotesTab</name>
    <message>
        <source>Conclusion or resolution adopted by the cell</source>
        <translation>Kết luận, nghị quyết của chi bộ</translation>
    </message>
    <message>
        <source>e.g. 1. …
2. … (the printed resolution already says &quot;… QUYẾT NGHỊ:&quot; above it)</source>
        <translation>Ví dụ: 1. …
2. … (nghị quyết in ra đã có dòng &quot;… QUYẾT NGHỊ:&quot; ở trên)</translation>
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

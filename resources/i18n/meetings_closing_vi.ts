<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ClosingTab</name>
    <message>
        <source>The minutes were read back to the cell and approved</source>
        <translation>Biên bản đã được đọc lại cho chi bộ nghe và được chi bộ nhất trí thông qua</translation>
    </message>
    <message>
        <source>The meeting ended at:</source>
        <translation>Buổi sinh hoạt kết thúc lúc:</translation>
    </message>
    <message>
        <source>Closing note (optional)</source>
        <translation>Ghi chú kết thúc (không bắt buộc)</translation>
    </message>
    <message>
        <source>Before approving</source>
        <translation>Kiểm tra trước khi thông qua</translation>
    </message>
    <message>
        <source>Approve the minutes…</source>
        <translation>Thông qua biên bản…</translation>
    </message>
    <message>
        <source>Approving locks the minutes and gives them the next number of the year; a later correction is made as an amendment.</source>
        <translation>Thông qua thì biên bản được khóa và cấp số tiếp theo trong năm; muốn đính chính về sau phải lập bản sửa đổi.</translation>
    </message>
    <message>
        <source>✓ Everything needed for approval is filled in.</source>
        <translation>✓ Đã ghi đủ các mục cần thiết để thông qua.</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>NumberDialog</name>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Number of the document</source>
        <translation>Số của văn bản</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>Ngày văn bản</translation>
    </message>
    <message>
        <source>Given to this document on {day}: printed again with it.</source>
        <translation>Văn bản này đã được cấp số ngày {day}: in lại với số đó.</translation>
    </message>
    <message>
        <source>Enter the date.</source>
        <translation>Hãy nhập ngày.</translation>
    </message>
    <message>
        <source>Press &quot;Preview&quot; again to keep this number.</source>
        <translation>Bấm &quot;Xem trước&quot; lần nữa để vẫn dùng số này.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Thu nhỏ (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Phóng to (Ctrl++)</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Choose a printer and print these pages (Ctrl+P)</source>
        <translation>Chọn máy in và in các trang này (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <source>Export to Word</source>
        <translation>Xuất Word</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>Đang chuẩn bị văn bản…</translation>
    </message>
    <message>
        <source>The document could not be made: {reason}</source>
        <translation>Không tạo được văn bản: {reason}</translation>
    </message>
    <message>
        <source>of {count} pages</source>
        <translation>/ {count} trang</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Printing stopped after {count} pages.</source>
        <translation>Đã dừng in sau {count} trang.</translation>
    </message>
    <message>
        <source>{count} pages sent to the printer.</source>
        <translation>Đã gửi {count} trang tới máy in.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>Không khởi động được máy in.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be saved: {reason}</source>
        <translation>Không lưu được tệp: {reason}</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Đang lưu tệp PDF…</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Tài liệu Word (*.docx)</translation>
    </message>
    <message>
        <source>Exporting to Word…</source>
        <translation>Đang xuất ra Word…</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>TemplatesTab</name>
    <message>
        <source>The wording of the cell&apos;s papers. Double-click a text to correct it; the documents print it from then on, on every laptop of the cell. Texts in curly braces are filled in by CellSec: keep them. These forms have not been checked against an official model, so correct them to your committee&apos;s.</source>
        <translation>Lời văn các giấy tờ của chi bộ. Nhấp đúp vào một dòng để sửa; từ đó các văn bản in theo lời văn đã sửa, trên mọi máy của chi bộ. Phần trong ngoặc nhọn do CellSec điền: hãy giữ nguyên. Các mẫu này chưa được đối chiếu với mẫu chính thức, hãy sửa cho đúng mẫu cấp ủy cấp trên hướng dẫn.</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Phần</translation>
    </message>
    <message>
        <source>Shipped text</source>
        <translation>Lời văn gốc</translation>
    </message>
    <message>
        <source>Text used</source>
        <translation>Lời văn đang dùng</translation>
    </message>
    <message>
        <source>Save the wording</source>
        <translation>Lưu lời văn</translation>
    </message>
    <message>
        <source>Back to the shipped wording</source>
        <translation>Dùng lại lời văn gốc</translation>
    </message>
    <message>
        <source>Filled in by CellSec here: {fields}</source>
        <translation>CellSec điền vào chỗ: {fields}</translation>
    </message>
    <message>
        <source>Not saved. Line {row}: {error}</source>
        <translation>Chưa lưu. Dòng {row}: {error}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Shipped wording</source>
        <translation>Lời văn gốc</translation>
    </message>
    <message>
        <source>Print this document with the shipped wording again? Your corrections to it will be removed.</source>
        <translation>In lại văn bản này theo lời văn gốc? Các chỗ đã sửa trong mẫu này sẽ bị bỏ.</translation>
    </message>
    <message>
        <source>The shipped wording is used again.</source>
        <translation>Đã dùng lại lời văn gốc.</translation>
    </message>
</context>
</TS>

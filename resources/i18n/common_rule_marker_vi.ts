<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>RuleMarker</name>
    <message>
        <source>✎ Editable: not yet checked against the official text — adjust it in {where}.</source>
        <translation>✎ Sửa được: chưa đối chiếu với văn bản chính thức — điều chỉnh trong {where}.</translation>
    </message>
</context>
</TS>

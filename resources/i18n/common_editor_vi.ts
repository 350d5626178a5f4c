<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>DocumentEditor</name>
    <message>
        <source>You are seeing the copy saved automatically at {time} (the program was closed without saving). Save to keep it.</source>
        <translation>Đây là bản tự lưu lúc {time} (chương trình đã bị đóng khi chưa lưu). Hãy lưu để giữ lại.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <source>Keep mine as a new revision</source>
        <translation>Giữ bản của tôi thành bản mới</translation>
    </message>
    <message>
        <source>Save the changes before closing?</source>
        <translation>Lưu các thay đổi trước khi đóng?</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>Chưa tự lưu được: {error}</translation>
    </message>
    <message>
        <source>Autosaved at {time}</source>
        <translation>Đã tự lưu lúc {time}</translation>
    </message>
</context>
</TS>

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
<context>
    <name>ElsewhereBanner</name>
    <message>
        <source>This record was changed elsewhere (another window, the command line or a sync) while you were editing. Your changes are still here, not saved.</source>
        <translation>Dữ liệu này vừa được sửa ở nơi khác (cửa sổ khác, dòng lệnh hoặc đồng bộ) trong lúc đồng chí đang sửa. Phần đồng chí đang sửa vẫn còn nguyên, chưa được lưu.</translation>
    </message>
    <message>
        <source>This record was changed elsewhere (another window, the command line or a sync); the latest version is shown.</source>
        <translation>Dữ liệu này vừa được sửa ở nơi khác (cửa sổ khác, dòng lệnh hoặc đồng bộ); đang hiện bản mới nhất.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <source>Show the record as it is stored now; your unsaved changes are dropped</source>
        <translation>Hiện dữ liệu như đang lưu; phần đồng chí sửa chưa lưu sẽ bỏ đi</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Tiếp tục sửa</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đã hiểu</translation>
    </message>
    <message>
        <source>Saving will then ask whether to keep yours as a new revision</source>
        <translation>Khi lưu, chương trình sẽ hỏi có giữ bản của đồng chí thành bản mới không</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Preparation</source>
        <translation>Chuẩn bị</translation>
    </message>
    <message>
        <source>Time, place, participants</source>
        <translation>Thời gian, địa điểm, thành phần</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Conclusion and votes</source>
        <translation>Kết luận và biểu quyết</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Print the minutes</source>
        <translation>In biên bản</translation>
    </message>
    <message>
        <source>Preview the minutes, then print or save them (Ctrl+P)</source>
        <translation>Xem trước biên bản rồi in hoặc lưu (Ctrl+P)</translation>
    </message>
    <message>
        <source>Export to Word…</source>
        <translation>Xuất ra Word…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save the minutes (Ctrl+S); drafts are also saved automatically</source>
        <translation>Lưu biên bản (Ctrl+S); bản nháp cũng được tự động lưu</translation>
    </message>
    <message>
        <source>Approve the minutes…</source>
        <translation>Thông qua biên bản…</translation>
    </message>
    <message>
        <source>Create an amendment…</source>
        <translation>Lập bản sửa đổi…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Discard the autosaved copy</source>
        <translation>Bỏ bản tự lưu</translation>
    </message>
    <message>
        <source>Minutes: {title}</source>
        <translation>Biên bản: {title}</translation>
    </message>
    <message>
        <source>{number} — approved on {date}; locked</source>
        <translation>{number} — thông qua ngày {date}; đã khóa</translation>
    </message>
    <message>
        <source>Draft minutes of the meeting on {date}</source>
        <translation>Dự thảo biên bản buổi sinh hoạt ngày {date}</translation>
    </message>
    <message>
        <source>amends minutes {number} of {date}</source>
        <translation>sửa đổi, bổ sung biên bản {number} ngày {date}</translation>
    </message>
    <message>
        <source>these minutes have been amended</source>
        <translation>biên bản này đã có bản sửa đổi</translation>
    </message>
    <message>
        <source>Open the amendment</source>
        <translation>Mở bản sửa đổi</translation>
    </message>
    <message>
        <source>View the original minutes</source>
        <translation>Xem biên bản gốc</translation>
    </message>
    <message>
        <source>You are seeing the copy saved automatically at {time}, newer than the last save (the program was closed without saving). It is kept when you save or close.</source>
        <translation>Đây là bản tự động lưu lúc {time}, mới hơn lần lưu gần nhất (chương trình đã bị tắt khi chưa lưu). Bản này sẽ được giữ khi đồng chí lưu hoặc đóng cửa sổ.</translation>
    </message>
    <message>
        <source>Autosaved at {time}</source>
        <translation>Đã lưu tự động lúc {time}</translation>
    </message>
    <message>
        <source>the start time</source>
        <translation>giờ bắt đầu</translation>
    </message>
    <message>
        <source>the end time</source>
        <translation>giờ kết thúc</translation>
    </message>
    <message>
        <source>the place</source>
        <translation>địa điểm</translation>
    </message>
    <message>
        <source>the chair</source>
        <translation>người chủ trì</translation>
    </message>
    <message>
        <source>the recorder</source>
        <translation>thư ký</translation>
    </message>
    <message>
        <source>at least one agenda item</source>
        <translation>ít nhất một nội dung sinh hoạt</translation>
    </message>
    <message>
        <source>Still to fill in: {what}.</source>
        <translation>Còn thiếu: {what}.</translation>
    </message>
    <message>
        <source>The minutes were not saved</source>
        <translation>Chưa lưu được biên bản</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>Đã lưu lúc {time}</translation>
    </message>
    <message>
        <source>Go back to the minutes as last saved? What was typed after that will be lost.</source>
        <translation>Quay về biên bản như lần lưu gần nhất? Những gì gõ sau lần lưu đó sẽ mất.</translation>
    </message>
    <message>
        <source>{problems}

The draft is kept as an autosaved copy and will be shown next time. Close anyway?</source>
        <translation>{problems}

Bản nháp vẫn được giữ dưới dạng bản tự lưu và sẽ hiện lại ở lần mở sau. Vẫn đóng cửa sổ?</translation>
    </message>
    <message>
        <source>The minutes cannot be approved yet</source>
        <translation>Chưa thông qua được biên bản</translation>
    </message>
    <message>
        <source>Approve the minutes</source>
        <translation>Thông qua biên bản</translation>
    </message>
    <message>
        <source>Approve these minutes?

Once approved they are locked and can no longer be edited, and they get the next minutes number of {year}: {number}. They will record that the minutes were read back to the cell. A later correction is made as an amendment, and these minutes stay as they are.</source>
        <translation>Thông qua biên bản này?

Sau khi thông qua, biên bản được khóa, không sửa được nữa, và được cấp số biên bản tiếp theo của năm {year}: {number}. Biên bản sẽ ghi là đã được đọc lại cho chi bộ nghe. Nếu về sau cần đính chính thì lập bản sửa đổi; biên bản này vẫn giữ nguyên.</translation>
    </message>
    <message>
        <source>The minutes were approved as {number}.</source>
        <translation>Đã thông qua biên bản, cấp {number}.</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Giờ bắt đầu</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Giờ kết thúc</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Recorder</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <source>Create an amendment</source>
        <translation>Lập bản sửa đổi</translation>
    </message>
    <message>
        <source>Create an amendment of minutes {number}?

The amendment is a new draft that states it amends minutes {number}; you correct it and approve it, and it gets its own number. The approved minutes stay unchanged and can still be viewed and printed.</source>
        <translation>Lập bản sửa đổi của biên bản {number}?

Bản sửa đổi là một dự thảo mới, ghi rõ sửa đổi, bổ sung biên bản {number}; đồng chí sửa rồi thông qua và bản sửa đổi được cấp số riêng. Biên bản đã thông qua vẫn giữ nguyên, vẫn xem và in được.</translation>
    </message>
</context>
<context>
    <name>MinutesKeeper</name>
    <message>
        <source>Autosaved at {time}</source>
        <translation>Đã lưu tự động lúc {time}</translation>
    </message>
</context>
</TS>

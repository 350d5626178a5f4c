<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ResolutionDialog</name>
    <message>
        <source>Resolution of the meeting on {date}</source>
        <translation>Nghị quyết buổi sinh hoạt ngày {date}</translation>
    </message>
    <message>
        <source>e.g. về lãnh đạo thực hiện nhiệm vụ tháng 10 năm 2025</source>
        <translation>ví dụ: về lãnh đạo thực hiện nhiệm vụ tháng 10 năm 2025</translation>
    </message>
    <message>
        <source>Copy the conclusion from the minutes</source>
        <translation>Lấy kết luận từ biên bản</translation>
    </message>
    <message>
        <source>Subject (trích yếu):</source>
        <translation>Trích yếu:</translation>
    </message>
    <message>
        <source>Issued on:</source>
        <translation>Ngày ban hành:</translation>
    </message>
    <message>
        <source>The cell resolves:</source>
        <translation>Chi bộ quyết nghị:</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Người ký:</translation>
    </message>
    <message>
        <source>Signing as:</source>
        <translation>Chức vụ người ký:</translation>
    </message>
    <message>
        <source>Recipients (one per line):</source>
        <translation>Nơi nhận (mỗi dòng một nơi):</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Issue…</source>
        <translation>Ban hành…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Delete the draft</source>
        <translation>Xóa dự thảo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>New resolution (not saved yet). The text below is taken from the minutes.</source>
        <translation>Nghị quyết mới (chưa lưu). Nội dung dưới đây lấy từ biên bản.</translation>
    </message>
    <message>
        <source>Resolution {number}, issued on {date}. It can no longer be changed.</source>
        <translation>Nghị quyết {number}, ban hành ngày {date}. Không sửa được nữa.</translation>
    </message>
    <message>
        <source>Draft resolution. Issuing gives it the next resolution number of the year and locks it.</source>
        <translation>Dự thảo nghị quyết. Khi ban hành, nghị quyết được cấp số tiếp theo trong năm và được khóa lại.</translation>
    </message>
    <message>
        <source>Issue the resolution</source>
        <translation>Ban hành nghị quyết</translation>
    </message>
    <message>
        <source>Issue this resolution?

It gets the next resolution number of the year (like Số 05-NQ/CB) and can no longer be changed.</source>
        <translation>Ban hành nghị quyết này?

Nghị quyết được cấp số tiếp theo trong năm (dạng Số 05-NQ/CB) và không sửa được nữa.</translation>
    </message>
    <message>
        <source>Delete this draft resolution?</source>
        <translation>Xóa dự thảo nghị quyết này?</translation>
    </message>
</context>
</TS>

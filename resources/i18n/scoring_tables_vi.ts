<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AssessmentsModel</name>
    <message>
        <source>No.</source>
        <translation>SĐV</translation>
    </message>
    <message>
        <source>Cell / member</source>
        <translation>Chi bộ / đảng viên</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Đề nghị</translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation>Được công nhận</translation>
    </message>
    <message>
        <source>Decision no.</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>chưa đánh giá</translation>
    </message>
    <message>
        <source>Decided by {org}</source>
        <translation>Do {org} quyết định</translation>
    </message>
</context>
<context>
    <name>MeetingScoresModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Buổi sinh hoạt</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Tỷ lệ dự</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Bộ tiêu chí</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>chưa chấm</translation>
    </message>
</context>
</TS>

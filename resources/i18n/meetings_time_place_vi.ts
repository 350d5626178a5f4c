<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>TimePlaceTab</name>
    <message>
        <source>Meeting type:</source>
        <translation>Loại sinh hoạt:</translation>
    </message>
    <message>
        <source>Held on:</source>
        <translation>Ngày họp:</translation>
    </message>
    <message>
        <source>Meeting of month:</source>
        <translation>Sinh hoạt của tháng:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Chủ đề:</translation>
    </message>
    <message>
        <source>Started at:</source>
        <translation>Bắt đầu lúc:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Địa điểm:</translation>
    </message>
    <message>
        <source>Chaired by:</source>
        <translation>Chủ trì:</translation>
    </message>
    <message>
        <source>Minutes taken by:</source>
        <translation>Thư ký:</translation>
    </message>
    <message>
        <source>of year</source>
        <translation>năm</translation>
    </message>
    <message>
        <source>ended at:</source>
        <translation>kết thúc lúc:</translation>
    </message>
    <message>
        <source>The topic of a thematic meeting, or the matter of an extraordinary one</source>
        <translation>Chủ đề sinh hoạt chuyên đề, hoặc nội dung của buổi sinh hoạt bất thường</translation>
    </message>
    <message>
        <source>e.g. Hội trường tầng 3</source>
        <translation>ví dụ: Hội trường tầng 3</translation>
    </message>
    <message>
        <source>Choose a member</source>
        <translation>Chọn đảng viên</translation>
    </message>
    <message>
        <source>Opening (reason for the meeting, guests introduced, dues collected, agenda adopted, recorder appointed)</source>
        <translation>Phần mở đầu (tuyên bố lý do, giới thiệu đại biểu, thu đảng phí, thông qua chương trình, cử thư ký)</translation>
    </message>
    <message>
        <source>Duration: {minutes} minutes</source>
        <translation>Thời lượng: {minutes} phút</translation>
    </message>
    <message>
        <source>under the minimum of {required}</source>
        <translation>dưới mức tối thiểu {required} phút</translation>
    </message>
    <message>
        <source>Topic (optional):</source>
        <translation>Chủ đề (không bắt buộc):</translation>
    </message>
</context>
</TS>

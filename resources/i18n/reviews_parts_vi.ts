<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>AssessmentEditor</name>
    <message>
        <source>Self-assessed score</source>
        <translation>Tự chấm điểm</translation>
    </message>
    <message>
        <source>0–{max}</source>
        <translation>0–{max}</translation>
    </message>
    <message>
        <source>/ {max} points</source>
        <translation>/ {max} điểm</translation>
    </message>
    <message>
        <source>Self-assessment of each criterion</source>
        <translation>Tự đánh giá từng tiêu chí</translation>
    </message>
    <message>
        <source>Conditions for &quot;{level}&quot;</source>
        <translation>Điều kiện để xếp &quot;{level}&quot;</translation>
    </message>
    <message>
        <source>Cases rated &quot;{level}&quot;</source>
        <translation>Các trường hợp xếp loại &quot;{level}&quot;</translation>
    </message>
    <message>
        <source>Tick a case only on the basis of a decision or conclusion, and write it in the field under the case.</source>
        <translation>Chỉ đánh dấu khi có quyết định hoặc kết luận, và ghi căn cứ vào ô dưới trường hợp đó.</translation>
    </message>
    <message>
        <source>Evidence: decision or conclusion no., date, body…</source>
        <translation>Căn cứ: số quyết định hoặc kết luận, ngày, cơ quan ban hành…</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Level from the score:</source>
        <translation>Mức theo điểm:</translation>
    </message>
    <message>
        <source>Level from the grades:</source>
        <translation>Mức theo đánh giá tiêu chí:</translation>
    </message>
    <message>
        <source>Best level allowed:</source>
        <translation>Mức cao nhất được xếp:</translation>
    </message>
    <message>
        <source>Total: {total} / {max} points</source>
        <translation>Tổng điểm: {total} / {max} điểm</translation>
    </message>
    <message>
        <source>Total: not every group has a score yet</source>
        <translation>Tổng điểm: chưa chấm đủ các nhóm tiêu chí</translation>
    </message>
    <message>
        <source>not determined yet</source>
        <translation>chưa xác định</translation>
    </message>
</context>
<context>
    <name>DecisionEditor</name>
    <message>
        <source>e.g. 112-QĐ/ĐU</source>
        <translation>ví dụ: 112-QĐ/ĐU</translation>
    </message>
    <message>
        <source>Decided level:</source>
        <translation>Mức xếp loại được quyết định:</translation>
    </message>
    <message>
        <source>Decision no.:</source>
        <translation>Số quyết định:</translation>
    </message>
    <message>
        <source>Decision date:</source>
        <translation>Ngày quyết định:</translation>
    </message>
</context>
<context>
    <name>ReviewTexts</name>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Đã nộp</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Đã quyết định</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(chưa chọn)</translation>
    </message>
    <message>
        <source>rounded down</source>
        <translation>làm tròn xuống</translation>
    </message>
    <message>
        <source>rounded to nearest</source>
        <translation>làm tròn</translation>
    </message>
    <message>
        <source>rounded up</source>
        <translation>làm tròn lên</translation>
    </message>
    <message>
        <source>Decision recorded</source>
        <translation>Đã ghi quyết định</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>Đính chính</translation>
    </message>
</context>
<context>
    <name>SectionsEditor</name>
    <message>
        <source>Replace the text with the suggested one</source>
        <translation>Thay nội dung bằng phần gợi ý</translation>
    </message>
    <message>
        <source>Fill from commitments</source>
        <translation>Điền từ nội dung cam kết</translation>
    </message>
    <message>
        <source>Fill from last year</source>
        <translation>Điền từ kỳ kiểm điểm năm trước</translation>
    </message>
    <message>
        <source>Suggested text filled in: check and complete it.</source>
        <translation>Đã điền sẵn nội dung gợi ý: hãy kiểm tra và viết tiếp.</translation>
    </message>
</context>
</TS>

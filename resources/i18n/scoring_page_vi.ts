<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ScoringCharts</name>
    <message>
        <source>Average meeting score by month, {year} (% of the maximum)</source>
        <translation>Điểm sinh hoạt bình quân theo tháng năm {year} (% điểm tối đa)</translation>
    </message>
    <message>
        <source>No meeting of {year} is scored yet.</source>
        <translation>Chưa chấm điểm buổi sinh hoạt nào của năm {year}.</translation>
    </message>
    <message>
        <source>Members attending the meetings, {year}</source>
        <translation>Tỷ lệ đảng viên dự sinh hoạt theo tháng năm {year}</translation>
    </message>
    <message>
        <source>threshold {value}%</source>
        <translation>ngưỡng {value}%</translation>
    </message>
    <message>
        <source>No approved meeting in {year}.</source>
        <translation>Năm {year} chưa có buổi sinh hoạt nào được thông qua biên bản.</translation>
    </message>
    <message>
        <source>&quot;5-good cell&quot; total year on year (% of the maximum)</source>
        <translation>Tổng điểm &quot;Chi bộ 5 tốt&quot; qua các năm (% số điểm tối đa)</translation>
    </message>
    <message>
        <source>The cell has no &quot;5-good&quot; assessment yet.</source>
        <translation>Chi bộ chưa có kết quả đánh giá &quot;5 tốt&quot; nào.</translation>
    </message>
    <message>
        <source>Each member&apos;s attendance, {year}</source>
        <translation>Tỷ lệ dự sinh hoạt của từng đảng viên năm {year}</translation>
    </message>
    <message>
        <source>exempt from activities</source>
        <translation>miễn sinh hoạt</translation>
    </message>
    <message>
        <source>No attendance recorded in {year}.</source>
        <translation>Năm {year} chưa có số liệu điểm danh.</translation>
    </message>
</context>
<context>
    <name>ScoringPage</name>
    <message>
        <source>5-good scoring</source>
        <translation>Chấm điểm 5 tốt</translation>
    </message>
    <message>
        <source>Members needing attention</source>
        <translation>Đảng viên cần quan tâm</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>In báo cáo</translation>
    </message>
    <message>
        <source>Print the year&apos;s scores report with its charts as a PDF (Ctrl+P)</source>
        <translation>In báo cáo kết quả chấm điểm của năm, kèm biểu đồ, ra tệp PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <source>Save the year&apos;s scores, assessments and attendance as an Excel workbook</source>
        <translation>Lưu điểm sinh hoạt, kết quả đánh giá 5 tốt và tỷ lệ dự họp của năm ra tệp Excel</translation>
    </message>
    <message>
        <source>Rubrics…</source>
        <translation>Bộ tiêu chí…</translation>
    </message>
    <message>
        <source>The criteria sheets used for scoring: choose, copy and edit, import from or export to a file</source>
        <translation>Các bộ tiêu chí dùng để chấm điểm: chọn bộ dùng, sao chép để sửa, nhập từ tệp hoặc xuất ra tệp</translation>
    </message>
    <message>
        <source>Meeting quality</source>
        <translation>Chất lượng sinh hoạt</translation>
    </message>
    <message>
        <source>5-good cell / 5-good members</source>
        <translation>Chi bộ 5 tốt / Đảng viên 5 tốt</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Cần quan tâm</translation>
    </message>
    <message>
        <source>Score the meeting…</source>
        <translation>Chấm điểm…</translation>
    </message>
    <message>
        <source>Open the score sheet of the selected meeting (Enter or double-click)</source>
        <translation>Mở phiếu chấm điểm buổi sinh hoạt đang chọn (Enter hoặc nhấp đúp)</translation>
    </message>
    <message>
        <source>Assess…</source>
        <translation>Đánh giá…</translation>
    </message>
    <message>
        <source>Open the selected assessment (Enter or double-click)</source>
        <translation>Mở phiếu đánh giá đang chọn (Enter hoặc nhấp đúp)</translation>
    </message>
    <message>
        <source>{year}: {count} meetings with approved minutes, {scored} scored.</source>
        <translation>Năm {year}: {count} buổi sinh hoạt đã thông qua biên bản, đã chấm điểm {scored} buổi.</translation>
    </message>
    <message>
        <source>Average {percent} of the maximum.</source>
        <translation>Điểm bình quân đạt {percent} số điểm tối đa.</translation>
    </message>
    <message>
        <source>No meeting of {year} has approved minutes yet. A meeting is scored once its minutes are approved (Party cell meetings page).</source>
        <translation>Năm {year} chưa có buổi sinh hoạt nào được thông qua biên bản. Buổi sinh hoạt được chấm điểm sau khi biên bản đã thông qua (trang Sinh hoạt chi bộ).</translation>
    </message>
    <message>
        <source>the cell: {score}, {band}</source>
        <translation>chi bộ: {score} điểm, {band}</translation>
    </message>
    <message>
        <source>the cell: not assessed yet</source>
        <translation>chi bộ: chưa đánh giá</translation>
    </message>
    <message>
        <source>{year} — {cell}; members assessed: {done}/{total}.</source>
        <translation>Năm {year} — {cell}; đảng viên đã đánh giá: {done}/{total}.</translation>
    </message>
    <message>
        <source>Number of the scores report</source>
        <translation>Số báo cáo kết quả chấm điểm</translation>
    </message>
    <message>
        <source>Scores report {year}</source>
        <translation>Báo cáo chấm điểm năm {year}</translation>
    </message>
    <message>
        <source>Export the scores</source>
        <translation>Xuất kết quả chấm điểm</translation>
    </message>
    <message>
        <source>Exporting the scores…</source>
        <translation>Đang xuất kết quả chấm điểm…</translation>
    </message>
</context>
</TS>

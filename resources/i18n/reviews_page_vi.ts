<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ReviewsPage</name>
    <message>
        <source>Reviews &amp; classification</source>
        <translation>Kiểm điểm &amp; xếp loại</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Collective review</source>
        <translation>Kiểm điểm tập thể</translation>
    </message>
    <message>
        <source>The cell&apos;s own review report (form 01) and its level</source>
        <translation>Báo cáo kiểm điểm tập thể của chi bộ (Mẫu 01) và mức xếp loại</translation>
    </message>
    <message>
        <source>Submit every review and the summary table to the committee above</source>
        <translation>Nộp mọi bản kiểm điểm và biểu tổng hợp lên cấp ủy cấp trên</translation>
    </message>
    <message>
        <source>Print summary</source>
        <translation>In biểu tổng hợp</translation>
    </message>
    <message>
        <source>Print the year&apos;s summary table as a PDF (Ctrl+P)</source>
        <translation>In biểu tổng hợp của năm ra tệp PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <source>Save the year&apos;s summary table as an Excel workbook</source>
        <translation>Lưu biểu tổng hợp của năm thành tệp Excel</translation>
    </message>
    <message>
        <source>Rule sets</source>
        <translation>Bộ quy tắc</translation>
    </message>
    <message>
        <source>Score bands, quota and disqualifying cases of each year&apos;s rules</source>
        <translation>Ngưỡng điểm, tỷ lệ và các trường hợp không hoàn thành nhiệm vụ theo quy định từng năm</translation>
    </message>
    <message>
        <source>Open review</source>
        <translation>Mở bản kiểm điểm</translation>
    </message>
    <message>
        <source>Open the selected member&apos;s review (Enter or double-click)</source>
        <translation>Mở bản kiểm điểm của đảng viên đang chọn (Enter hoặc nhấp đúp)</translation>
    </message>
    <message>
        <source>Commitments…</source>
        <translation>Cam kết…</translation>
    </message>
    <message>
        <source>The selected member&apos;s commitments of the year</source>
        <translation>Đăng ký cam kết trong năm của đảng viên đang chọn</translation>
    </message>
    <message>
        <source>Print review</source>
        <translation>In bản kiểm điểm</translation>
    </message>
    <message>
        <source>Print the selected member&apos;s review as a PDF</source>
        <translation>In bản kiểm điểm của đảng viên đang chọn ra tệp PDF</translation>
    </message>
    <message>
        <source>Word form</source>
        <translation>Mẫu Word</translation>
    </message>
    <message>
        <source>A Word form pre-filled for the selected member to write in</source>
        <translation>Mẫu Word điền sẵn cho đảng viên đang chọn tự viết bản kiểm điểm</translation>
    </message>
    <message>
        <source>Find a member (Ctrl+F)…</source>
        <translation>Tìm đảng viên (Ctrl+F)…</translation>
    </message>
    <message>
        <source>The {year} review has not been opened yet. Opening it lists the members who must write a review, each with the suggested form.</source>
        <translation>Chưa mở đợt kiểm điểm năm {year}. Khi mở đợt, chương trình lập danh sách đảng viên phải viết bản kiểm điểm, kèm mẫu kiểm điểm gợi ý cho từng người.</translation>
    </message>
    <message>
        <source>Open the {year} review…</source>
        <translation>Mở đợt kiểm điểm năm {year}…</translation>
    </message>
    <message>
        <source>List the members who must be reviewed and open the year</source>
        <translation>Lập danh sách đảng viên phải kiểm điểm và mở đợt kiểm điểm</translation>
    </message>
    <message>
        <source>Add members…</source>
        <translation>Bổ sung đảng viên…</translation>
    </message>
    <message>
        <source>Add members who became due since the year was opened</source>
        <translation>Bổ sung những đảng viên phải kiểm điểm phát sinh sau khi mở đợt</translation>
    </message>
    <message>
        <source>Summary submitted</source>
        <translation>Đã nộp biểu tổng hợp</translation>
    </message>
    <message>
        <source>Submit summary</source>
        <translation>Nộp biểu tổng hợp</translation>
    </message>
    <message>
        <source>The proposed &quot;{level}&quot; ratings ({proposed}) exceed the quota ({allowed}) by {over}.
Write the reason for the proposal; it is printed in the summary table:</source>
        <translation>Số đề xuất &quot;{level}&quot; ({proposed}) vượt tỷ lệ cho phép ({allowed}) {over} trường hợp.
Ghi rõ lý do đề nghị; lý do được in trong biểu tổng hợp:</translation>
    </message>
    <message>
        <source>The summary cannot be submitted over the quota without a reason.</source>
        <translation>Không nộp được biểu tổng hợp vượt tỷ lệ mà không ghi lý do.</translation>
    </message>
    <message>
        <source>Classification summary {year}</source>
        <translation>Biểu tổng hợp xếp loại năm {year}</translation>
    </message>
    <message>
        <source>Review of {name}</source>
        <translation>Bản kiểm điểm — {name}</translation>
    </message>
    <message>
        <source>Submit the {year} summary table to the committee above?</source>
        <translation>Nộp biểu tổng hợp năm {year} lên cấp ủy cấp trên?</translation>
    </message>
    <message>
        <source>{count} reviews not yet submitted will be submitted and locked with it.</source>
        <translation>{count} bản kiểm điểm chưa nộp sẽ được nộp và khóa cùng biểu tổng hợp.</translation>
    </message>
    <message>
        <source>Export the summary table</source>
        <translation>Xuất biểu tổng hợp</translation>
    </message>
    <message>
        <source>Exporting the summary table…</source>
        <translation>Đang xuất biểu tổng hợp…</translation>
    </message>
    <message>
        <source>Word form of the review</source>
        <translation>Mẫu Word của bản kiểm điểm</translation>
    </message>
    <message>
        <source>Preparing the Word form…</source>
        <translation>Đang chuẩn bị mẫu Word…</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ScoreSheetDialog</name>
    <message>
        <source>Rubric:</source>
        <translation>Bộ tiêu chí:</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <source>Proposal and recognition</source>
        <translation>Đề nghị và công nhận</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Delete the score</source>
        <translation>Xóa kết quả chấm</translation>
    </message>
    <message>
        <source>Delete this score (can be undone with Ctrl+Z)</source>
        <translation>Xóa kết quả chấm này (có thể hoàn tác bằng Ctrl+Z)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>The cell&apos;s proposal, and the title the committee above recognised with its decision (fill these in when the decision arrives).</source>
        <translation>Đề nghị của chi bộ và danh hiệu được cấp ủy cấp trên công nhận theo quyết định (ghi khi nhận được quyết định).</translation>
    </message>
    <message>
        <source>The cell proposes:</source>
        <translation>Chi bộ đề nghị:</translation>
    </message>
    <message>
        <source>Recognised title:</source>
        <translation>Danh hiệu được công nhận:</translation>
    </message>
    <message>
        <source>Decision no.:</source>
        <translation>Số quyết định:</translation>
    </message>
    <message>
        <source>Decision date:</source>
        <translation>Ngày quyết định:</translation>
    </message>
    <message>
        <source>Decided by:</source>
        <translation>Cơ quan quyết định:</translation>
    </message>
    <message>
        <source>e.g. Số 118-QĐ/ĐU</source>
        <translation>ví dụ: Số 118-QĐ/ĐU</translation>
    </message>
    <message>
        <source>The year&apos;s data used by the automatic criteria</source>
        <translation>Số liệu của năm dùng cho các tiêu chí chấm tự động</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>đang dùng</translation>
    </message>
    <message>
        <source>e.g. Propose recognition as &quot;{title}&quot; for {year}</source>
        <translation>ví dụ: Đề nghị công nhận &quot;{title}&quot; năm {year}</translation>
    </message>
    <message>
        <source>e.g. {title}</source>
        <translation>ví dụ: {title}</translation>
    </message>
    <message>
        <source>Meeting quality score</source>
        <translation>Chấm điểm chất lượng sinh hoạt</translation>
    </message>
    <message>
        <source>{cell} — &quot;5-good cell&quot; assessment {year}</source>
        <translation>{cell} — đánh giá &quot;Chi bộ 5 tốt&quot; năm {year}</translation>
    </message>
    <message>
        <source>&quot;5-good cell&quot; assessment</source>
        <translation>Đánh giá &quot;Chi bộ 5 tốt&quot;</translation>
    </message>
    <message>
        <source>Comrade {name} — &quot;5-good member&quot; assessment {year}</source>
        <translation>Đồng chí {name} — đánh giá &quot;Đảng viên 5 tốt&quot; năm {year}</translation>
    </message>
    <message>
        <source>&quot;5-good member&quot; assessment</source>
        <translation>Đánh giá &quot;Đảng viên 5 tốt&quot;</translation>
    </message>
    <message>
        <source>Based on: {document}</source>
        <translation>Căn cứ: {document}</translation>
    </message>
    <message>
        <source>Rubrics… on the page</source>
        <translation>&quot;Bộ tiêu chí…&quot; trên trang</translation>
    </message>
    <message>
        <source>Bands: {bands}</source>
        <translation>Các mức xếp loại: {bands}</translation>
    </message>
    <message>
        <source>{label} from {min}</source>
        <translation>{label} từ {min}</translation>
    </message>
    <message>
        <source>{id}. {title} — up to {max} points</source>
        <translation>{id}. {title} — tối đa {max} điểm</translation>
    </message>
    <message>
        <source>Correct the fields marked in red before saving.</source>
        <translation>Hãy sửa các ô báo đỏ trước khi lưu.</translation>
    </message>
    <message>
        <source>Not saved yet.</source>
        <translation>Chưa lưu.</translation>
    </message>
    <message>
        <source>Scoring with another rubric starts the criteria again; the points typed here are not kept. Continue?</source>
        <translation>Chấm theo bộ tiêu chí khác sẽ chấm lại từ đầu; số điểm đã nhập ở đây không được giữ lại. Tiếp tục?</translation>
    </message>
    <message>
        <source>Saved: {total} points, {band}.</source>
        <translation>Đã lưu: {total} điểm, xếp loại {band}.</translation>
    </message>
    <message>
        <source>Delete this score? It can be undone at once with Edit → Undo (Ctrl+Z).</source>
        <translation>Xóa kết quả chấm này? Có thể hoàn tác ngay bằng Sửa → Hoàn tác (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Save the changes before closing?</source>
        <translation>Lưu các thay đổi trước khi đóng?</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>CollectiveEditor</name>
    <message>
        <source>Collective review of the cell, {year}</source>
        <translation>Kiểm điểm tập thể chi bộ năm {year}</translation>
    </message>
    <message>
        <source>Collective review of the cell and its committee, {year}</source>
        <translation>Kiểm điểm tập thể chi ủy, chi bộ năm {year}</translation>
    </message>
    <message>
        <source>Level the cell proposes for itself</source>
        <translation>Chi bộ tự nhận mức xếp loại</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Ghi quyết định</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>Lý do đính chính</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Report and self-assessment</source>
        <translation>Báo cáo và tự đánh giá</translation>
    </message>
    <message>
        <source>Decision above</source>
        <translation>Cấp trên quyết định</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Các phiên bản</translation>
    </message>
    <message>
        <source>Print (PDF)</source>
        <translation>In (PDF)</translation>
    </message>
    <message>
        <source>Print the collective review report (Ctrl+P)</source>
        <translation>In báo cáo kiểm điểm tập thể (Ctrl+P)</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Đính chính…</translation>
    </message>
    <message>
        <source>Submit report</source>
        <translation>Gửi báo cáo</translation>
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
        <source>Amending the submitted report. Save to give the reason; the amendment becomes a new version and earlier versions are kept.</source>
        <translation>Đang lập bản đính chính cho báo cáo đã gửi. Khi lưu sẽ được hỏi lý do; bản đính chính thành một phiên bản mới, các phiên bản trước vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <source>Submitted on {date}: the report is read-only. To correct it, use &quot;Amend…&quot;.</source>
        <translation>Đã gửi lúc {date}: báo cáo chỉ xem, không sửa trực tiếp. Muốn sửa, bấm &quot;Đính chính…&quot;.</translation>
    </message>
    <message>
        <source>Submit the report first, then record the level the committee above decides for the cell.</source>
        <translation>Gửi báo cáo trước, sau đó ghi mức xếp loại cấp ủy cấp trên quyết định cho chi bộ.</translation>
    </message>
    <message>
        <source>Enter the level, the decision number and its date.</source>
        <translation>Nhập mức xếp loại, số và ngày quyết định.</translation>
    </message>
    <message>
        <source>The decision is recorded. To correct it, use &quot;Amend…&quot;.</source>
        <translation>Đã ghi quyết định. Muốn sửa, bấm &quot;Đính chính…&quot;.</translation>
    </message>
    <message>
        <source>Why is the submitted report corrected? The reason is kept with the new version.</source>
        <translation>Vì sao đính chính báo cáo đã gửi? Lý do được lưu cùng phiên bản mới.</translation>
    </message>
    <message>
        <source>Submit the cell&apos;s {year} collective review to the committee above?

Once submitted the report is locked: it can then be corrected only by an amendment with its reason.</source>
        <translation>Gửi báo cáo kiểm điểm tập thể chi bộ năm {year} lên cấp ủy cấp trên?

Sau khi gửi, báo cáo bị khóa: chỉ sửa được bằng bản đính chính có ghi lý do.</translation>
    </message>
    <message>
        <source>Record &quot;{level}&quot; for the cell as decided by the committee above?</source>
        <translation>Ghi mức &quot;{level}&quot; cho chi bộ theo quyết định của cấp ủy cấp trên?</translation>
    </message>
    <message>
        <source>Number of the collective review report</source>
        <translation>Số báo cáo kiểm điểm tập thể</translation>
    </message>
    <message>
        <source>Collective review {year}</source>
        <translation>Kiểm điểm tập thể năm {year}</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ReviewEditor</name>
    <message>
        <source>Review {year}: {name}</source>
        <translation>Kiểm điểm năm {year}: {name}</translation>
    </message>
    <message>
        <source>{name} — annual review {year}</source>
        <translation>{name} — kiểm điểm năm {year}</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Mẫu kiểm điểm:</translation>
    </message>
    <message>
        <source>Self-review</source>
        <translation>Tự kiểm điểm</translation>
    </message>
    <message>
        <source>Cell&apos;s assessment</source>
        <translation>Chi bộ nhận xét</translation>
    </message>
    <message>
        <source>Decision above</source>
        <translation>Cấp trên quyết định</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Commitments…</source>
        <translation>Cam kết…</translation>
    </message>
    <message>
        <source>The member&apos;s commitments of the year, mid-year check and result</source>
        <translation>Nội dung đăng ký cam kết trong năm, kết quả kiểm tra giữa năm và cuối năm</translation>
    </message>
    <message>
        <source>Print (PDF)</source>
        <translation>In (PDF)</translation>
    </message>
    <message>
        <source>Print the review in the form&apos;s layout (Ctrl+P)</source>
        <translation>In bản kiểm điểm theo đúng mẫu (Ctrl+P)</translation>
    </message>
    <message>
        <source>Word form</source>
        <translation>Mẫu Word</translation>
    </message>
    <message>
        <source>A Word form pre-filled with the member&apos;s details, for the member to write the review in</source>
        <translation>Mẫu Word đã điền sẵn thông tin của đảng viên, để đảng viên viết bản kiểm điểm</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Đính chính…</translation>
    </message>
    <message>
        <source>Correct a submitted review: a new version with its reason</source>
        <translation>Sửa bản kiểm điểm đã nộp: lập phiên bản mới có ghi lý do</translation>
    </message>
    <message>
        <source>Submit review</source>
        <translation>Nộp bản kiểm điểm</translation>
    </message>
    <message>
        <source>Lock the review and send it to the committee above</source>
        <translation>Khóa bản kiểm điểm và gửi lên cấp ủy cấp trên</translation>
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
        <source>Self-proposed level</source>
        <translation>Tự nhận mức xếp loại</translation>
    </message>
    <message>
        <source>Rules of each year</source>
        <translation>Quy định từng năm</translation>
    </message>
    <message>
        <source>From the self-review</source>
        <translation>Theo bản tự kiểm điểm</translation>
    </message>
    <message>
        <source>Self-proposed level:</source>
        <translation>Tự nhận mức xếp loại:</translation>
    </message>
    <message>
        <source>Best level the rules allow:</source>
        <translation>Mức cao nhất theo quy định:</translation>
    </message>
    <message>
        <source>The cell&apos;s comment:</source>
        <translation>Ý kiến nhận xét của chi bộ:</translation>
    </message>
    <message>
        <source>Level the cell proposes:</source>
        <translation>Chi bộ đề xuất mức:</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>Không đồng ý</translation>
    </message>
    <message>
        <source>Abstained</source>
        <translation>Không biểu quyết</translation>
    </message>
    <message>
        <source>Votes:</source>
        <translation>Số phiếu:</translation>
    </message>
    <message>
        <source>Record the decision</source>
        <translation>Ghi quyết định</translation>
    </message>
    <message>
        <source>Record the level decided by the committee above</source>
        <translation>Ghi mức xếp loại do cấp ủy cấp trên quyết định</translation>
    </message>
    <message>
        <source>Levels over the years</source>
        <translation>Xếp loại qua các năm</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Self-proposed</source>
        <translation>Tự nhận</translation>
    </message>
    <message>
        <source>Cell proposed</source>
        <translation>Chi bộ đề xuất</translation>
    </message>
    <message>
        <source>Decided above</source>
        <translation>Cấp trên quyết định</translation>
    </message>
    <message>
        <source>Decision no.</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Finalised versions of this review</source>
        <translation>Các phiên bản đã nộp của bản kiểm điểm này</translation>
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
        <source>Check code</source>
        <translation>Mã kiểm tra</translation>
    </message>
    <message>
        <source>Amending the submitted review. Change what must be corrected, then save: you will be asked for the reason, and the amendment becomes a new version; earlier versions are kept.</source>
        <translation>Đang lập bản đính chính cho bản kiểm điểm đã nộp. Sửa những nội dung cần đính chính rồi lưu: chương trình sẽ hỏi lý do; bản đính chính thành một phiên bản mới, các phiên bản trước vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <source>Submitted on {date}: this review is read-only. To correct it, use &quot;Amend…&quot; and give the reason.</source>
        <translation>Đã nộp lúc {date}: bản kiểm điểm chỉ xem, không sửa trực tiếp. Muốn sửa, bấm &quot;Đính chính…&quot; và ghi rõ lý do.</translation>
    </message>
    <message>
        <source>Submit the review first, then record the level the committee above decides.</source>
        <translation>Nộp bản kiểm điểm trước, sau đó ghi mức xếp loại cấp ủy cấp trên quyết định.</translation>
    </message>
    <message>
        <source>Enter the level, the decision number and its date as written in the decision of the committee above.</source>
        <translation>Nhập mức xếp loại, số và ngày quyết định theo đúng quyết định của cấp ủy cấp trên.</translation>
    </message>
    <message>
        <source>The decision is recorded. To correct it, use &quot;Amend…&quot;.</source>
        <translation>Đã ghi quyết định. Muốn sửa, bấm &quot;Đính chính…&quot;.</translation>
    </message>
    <message>
        <source>not determined yet</source>
        <translation>chưa xác định</translation>
    </message>
    <message>
        <source>Why is the submitted review corrected? The reason is kept with the new version.</source>
        <translation>Vì sao đính chính bản kiểm điểm đã nộp? Lý do được lưu cùng phiên bản mới.</translation>
    </message>
    <message>
        <source>Submit the {year} review of {name}?

Once submitted the review is locked: it can then be corrected only by an amendment with its reason.</source>
        <translation>Nộp bản kiểm điểm năm {year} của đồng chí {name}?

Sau khi nộp, bản kiểm điểm bị khóa: chỉ sửa được bằng bản đính chính có ghi lý do.</translation>
    </message>
    <message>
        <source>Record &quot;{level}&quot; for {name} as decided by the committee above?

The decision is then locked; a correction needs an amendment.</source>
        <translation>Ghi mức &quot;{level}&quot; cho đồng chí {name} theo quyết định của cấp ủy cấp trên?

Sau khi ghi, quyết định bị khóa; muốn sửa phải lập bản đính chính.</translation>
    </message>
    <message>
        <source>Review of {name}</source>
        <translation>Bản kiểm điểm — {name}</translation>
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

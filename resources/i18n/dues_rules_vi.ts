<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>RulesTab</name>
    <message>
        <source>Rates by category</source>
        <translation>Mức đóng theo đối tượng</translation>
    </message>
    <message>
        <source>Rounding and sharing</source>
        <translation>Làm tròn và phân chia</translation>
    </message>
    <message>
        <source>to the nearest (half up)</source>
        <translation>làm tròn gần nhất (từ nửa trở lên thì làm tròn lên)</translation>
    </message>
    <message>
        <source>always up</source>
        <translation>luôn làm tròn lên</translation>
    </message>
    <message>
        <source>always down</source>
        <translation>luôn làm tròn xuống</translation>
    </message>
    <message>
        <source>Rounding:</source>
        <translation>Làm tròn:</translation>
    </message>
    <message>
        <source>Kept by the cell:</source>
        <translation>Chi bộ giữ lại:</translation>
    </message>
    <message>
        <source>Unpaid months in a year
for the removal reminder:</source>
        <translation>Số tháng không đóng trong năm
để nhắc xem xét xóa tên:</translation>
    </message>
    <message>
        <source>Members exempted from activities still owe dues</source>
        <translation>Đảng viên được miễn sinh hoạt vẫn phải đóng đảng phí</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Thử tính</translation>
    </message>
    <message>
        <source>A basis in đồng, e.g. a salary</source>
        <translation>Căn cứ tính bằng đồng, ví dụ tiền lương</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Save the rules (Ctrl+S)</source>
        <translation>Lưu quy định (Ctrl+S)</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Bỏ các thay đổi</translation>
    </message>
    <message>
        <source>Restore the defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
    <message>
        <source>Go back to the rates shipped with the program</source>
        <translation>Trở về mức đóng có sẵn trong chương trình</translation>
    </message>
    <message>
        <source>From {date}</source>
        <translation>Từ {date}</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>đang áp dụng</translation>
    </message>
    <message>
        <source>adjusted by the cell</source>
        <translation>chi bộ đã điều chỉnh</translation>
    </message>
    <message>
        <source>Dues rules</source>
        <translation>Quy định mức đóng</translation>
    </message>
    <message>
        <source>Discard the unsaved changes to &quot;{name}&quot;?</source>
        <translation>Bỏ các thay đổi chưa lưu của &quot;{name}&quot;?</translation>
    </message>
    <message>
        <source>Document: {document}</source>
        <translation>Văn bản: {document}</translation>
    </message>
    <message>
        <source>In force from {date}.</source>
        <translation>Áp dụng từ ngày {date}.</translation>
    </message>
    <message>
        <source>The cell has adjusted these rules; &quot;Restore the defaults&quot; goes back to the shipped values.</source>
        <translation>Chi bộ đã điều chỉnh quy định này; bấm &quot;Khôi phục mặc định&quot; để trở về mức có sẵn.</translation>
    </message>
    <message>
        <source>Not verified: these rules were taken from press reports and secondary sources, not from the original document. Check them against your committee&apos;s guidance and adjust what differs.</source>
        <translation>Chưa xác minh: quy định này được lấy từ tin báo chí và tài liệu tham khảo, chưa đối chiếu với văn bản gốc. Hãy đối chiếu với hướng dẫn của cấp ủy cấp trên và điều chỉnh những điểm khác.</translation>
    </message>
    <message>
        <source>of the {basis}</source>
        <translation>của {basis}</translation>
    </message>
    <message>
        <source>đồng per month, a fixed amount</source>
        <translation>đồng/tháng (mức cố định)</translation>
    </message>
    <message>
        <source>Not verified.</source>
        <translation>Chưa xác minh.</translation>
    </message>
    <message>
        <source>The amount of &quot;{category}&quot; is not a valid amount in đồng.</source>
        <translation>Mức đóng của &quot;{category}&quot; không phải là số tiền hợp lệ.</translation>
    </message>
    <message>
        <source>The changes to &quot;{name}&quot; are not saved. Save them now?</source>
        <translation>Các thay đổi của &quot;{name}&quot; chưa được lưu. Lưu ngay bây giờ?</translation>
    </message>
    <message>
        <source>the remaining {percent}% is remitted to the committee above</source>
        <translation>còn lại {percent}% nộp lên cấp ủy cấp trên</translation>
    </message>
    <message>
        <source>Changed, not saved yet.</source>
        <translation>Đã sửa, chưa lưu.</translation>
    </message>
    <message>
        <source>{percent}% × {basis} = {exact} đ → due &lt;b&gt;{due}&lt;/b&gt;</source>
        <translation>{percent}% × {basis} = {exact} đ → phải đóng &lt;b&gt;{due}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Saved. Months not yet recorded use the new rules; recorded months keep their amounts.</source>
        <translation>Đã lưu. Các tháng chưa ghi sổ tính theo quy định mới; các tháng đã ghi sổ giữ nguyên số tiền.</translation>
    </message>
    <message>
        <source>Go back to the shipped values of &quot;{name}&quot;? The cell&apos;s adjustments to it are dropped (Edit → Undo brings them back).</source>
        <translation>Trở về mức có sẵn của &quot;{name}&quot;? Các điều chỉnh của chi bộ sẽ bị bỏ (Sửa → Hoàn tác để lấy lại).</translation>
    </message>
</context>
</TS>

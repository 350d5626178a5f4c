<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>MonthTab</name>
    <message>
        <source>Previous month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Tháng sau</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Type a month as mm/yyyy, e.g. 03/2026</source>
        <translation>Nhập tháng dạng tháng/năm, ví dụ 03/2026</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <source>Collected on:</source>
        <translation>Ngày thu:</translation>
    </message>
    <message>
        <source>The date written for members marked as paid (usually the meeting day)</source>
        <translation>Ngày ghi cho các đảng viên được đánh dấu đã đóng (thường là ngày sinh hoạt chi bộ)</translation>
    </message>
    <message>
        <source>Collected by:</source>
        <translation>Người thu:</translation>
    </message>
    <message>
        <source>Name of the person collecting</source>
        <translation>Họ tên người thu</translation>
    </message>
    <message>
        <source>Mark everyone as paid</source>
        <translation>Đánh dấu tất cả đã đóng</translation>
    </message>
    <message>
        <source>Everyone not yet paid in full pays the amount due (not members with a reason for not paying); then untick whoever did not pay</source>
        <translation>Ghi đủ số phải đóng cho mọi đảng viên chưa đóng đủ (trừ người có lý do chưa đóng); sau đó bỏ dấu những ai chưa đóng</translation>
    </message>
    <message>
        <source>Save the month (Ctrl+S)</source>
        <translation>Lưu sổ thu tháng (Ctrl+S)</translation>
    </message>
    <message>
        <source>Record the month&apos;s collection in one step (Edit → Undo takes it back)</source>
        <translation>Ghi sổ thu của cả tháng trong một lần (Sửa → Hoàn tác sẽ trả lại như trước)</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Bỏ các thay đổi</translation>
    </message>
    <message>
        <source>Print the collection book (Ctrl+P)</source>
        <translation>In sổ thu (Ctrl+P)</translation>
    </message>
    <message>
        <source>Remittance slip</source>
        <translation>Giấy nộp đảng phí</translation>
    </message>
    <message>
        <source>What the cell remits to the committee above for this month (as saved)</source>
        <translation>Số đảng phí chi bộ nộp lên cấp trên của tháng này (theo số đã lưu)</translation>
    </message>
    <message>
        <source>&quot;Sổ thu đảng phí&quot; of the month with the remittance summary, as a PDF</source>
        <translation>In &quot;Sổ thu đảng phí&quot; của tháng kèm tổng hợp thu, nộp ra tệp PDF</translation>
    </message>
    <message>
        <source>No member owes dues this month.</source>
        <translation>Tháng này không có đảng viên nào phải đóng đảng phí.</translation>
    </message>
    <message>
        <source>You are seeing the amounts saved automatically at {time} (the program was closed without saving). Save the month to keep them.</source>
        <translation>Đây là các số tiền tự lưu lúc {time} (chương trình đã bị đóng khi chưa lưu). Hãy lưu tháng để giữ lại.</translation>
    </message>
    <message>
        <source>Show the lines changed elsewhere as they are stored now; your changes to the other lines stay</source>
        <translation>Hiện các dòng vừa được sửa ở nơi khác như đang lưu; phần đồng chí sửa ở các dòng khác vẫn giữ</translation>
    </message>
    <message>
        <source>Rules applied: {name}.</source>
        <translation>Áp dụng: {name}.</translation>
    </message>
    <message>
        <source>&quot;Dues rules&quot;</source>
        <translation>thẻ &quot;Quy định mức đóng&quot;</translation>
    </message>
    <message>
        <source>Party dues</source>
        <translation>Đảng phí</translation>
    </message>
    <message>
        <source>The collection of {month} has unsaved changes. Save them now?</source>
        <translation>Sổ thu tháng {month} có thay đổi chưa lưu. Lưu ngay bây giờ?</translation>
    </message>
    <message>
        <source>{count} lines changed, not saved yet (Ctrl+S saves the month).</source>
        <translation>Đã sửa {count} dòng, chưa lưu (bấm Ctrl+S để lưu sổ thu tháng).</translation>
    </message>
    <message>
        <source>Due: &lt;b&gt;{due}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; Collected: &lt;b&gt;{paid}&lt;/b&gt; ({full}/{owing} members paid in full) &amp;nbsp;·&amp;nbsp; Kept by the cell ({percent}%): &lt;b&gt;{kept}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; To remit: &lt;b&gt;{remitted}&lt;/b&gt;</source>
        <translation>Phải thu: &lt;b&gt;{due}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; Đã thu: &lt;b&gt;{paid}&lt;/b&gt; ({full}/{owing} đảng viên đã đóng đủ) &amp;nbsp;·&amp;nbsp; Chi bộ giữ lại ({percent}%): &lt;b&gt;{kept}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; Nộp cấp trên: &lt;b&gt;{remitted}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Everyone owing this month has already paid in full.</source>
        <translation>Mọi đảng viên phải đóng tháng này đều đã đóng đủ.</translation>
    </message>
    <message>
        <source>Remittance slip {month}</source>
        <translation>Giấy nộp đảng phí tháng {month}</translation>
    </message>
    <message>
        <source>Print the collection book</source>
        <translation>In sổ thu đảng phí</translation>
    </message>
    <message>
        <source>Save the changes of {month} before printing? (No prints what was saved before.)</source>
        <translation>Lưu các thay đổi của tháng {month} trước khi in? (Chọn Không: in theo số liệu đã lưu trước đó.)</translation>
    </message>
    <message>
        <source>Dues collection book {month}</source>
        <translation>Sổ thu đảng phí {month}</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>SyncPage</name>
    <message>
        <source>Connection with the committee above</source>
        <translation>Kết nối với cấp ủy cấp trên</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Máy chủ:</translation>
    </message>
    <message>
        <source>Last successful sync:</source>
        <translation>Đồng bộ thành công gần nhất:</translation>
    </message>
    <message>
        <source>Changes waiting to be sent:</source>
        <translation>Thay đổi đang chờ gửi:</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Export a file for the committee…</source>
        <translation>Xuất tệp gửi cấp trên…</translation>
    </message>
    <message>
        <source>No network: write the changes to a file (e.g. on a USB stick) and take it to the committee</source>
        <translation>Không có mạng: ghi các thay đổi ra tệp (ví dụ vào USB) rồi mang lên cấp trên</translation>
    </message>
    <message>
        <source>Import the committee&apos;s file…</source>
        <translation>Nhận tệp từ cấp trên…</translation>
    </message>
    <message>
        <source>Connect to the committee</source>
        <translation>Kết nối với cấp trên</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Địa chỉ máy chủ:</translation>
    </message>
    <message>
        <source>Connection code:</source>
        <translation>Mã kết nối:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>The committee above the cell gives the server address and a one-time code. After connecting, changes are sent whenever the server can be reached.</source>
        <translation>Cấp ủy cấp trên cung cấp địa chỉ máy chủ và một mã dùng một lần. Sau khi kết nối, các thay đổi được gửi lên mỗi khi liên lạc được với máy chủ.</translation>
    </message>
    <message>
        <source>Received from the committee</source>
        <translation>Đã nhận từ cấp trên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Conflicts to resolve (edited on two laptops)</source>
        <translation>Xung đột cần giải quyết (bị sửa trên hai máy)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Fields that differ</source>
        <translation>Các trường khác nhau</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Máy này</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Máy chủ</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s copy</source>
        <translation>Giữ bản của máy này</translation>
    </message>
    <message>
        <source>Keep the server&apos;s copy</source>
        <translation>Giữ bản trên máy chủ</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Chưa kết nối</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
    <message>
        <source>Sending {done}/{total}…</source>
        <translation>Đang gửi {done}/{total}…</translation>
    </message>
    <message>
        <source>Receiving {done}…</source>
        <translation>Đang nhận {done}…</translation>
    </message>
    <message>
        <source>Enter the server address and the connection code the committee gave.</source>
        <translation>Hãy nhập địa chỉ máy chủ và mã kết nối do cấp trên cung cấp.</translation>
    </message>
    <message>
        <source>Connected. The cell&apos;s changes are sent now.</source>
        <translation>Đã kết nối. Đang gửi dữ liệu của chi bộ lên cấp trên.</translation>
    </message>
    <message>
        <source>{n} change(s) written to {path}. They count as sent when you import the committee&apos;s answer file.</source>
        <translation>Đã ghi {n} thay đổi vào {path}. Các thay đổi được tính là đã gửi khi đồng chí nhận tệp trả lời của cấp trên.</translation>
    </message>
    <message>
        <source>CellSec sync file (*{suffix})</source>
        <translation>Tệp đồng bộ CellSec (*{suffix})</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Stop after the batch being sent or received: what has gone stays sent</source>
        <translation>Dừng sau đợt đang gửi hoặc nhận: phần đã gửi vẫn được giữ</translation>
    </message>
    <message>
        <source>No network: connect with the committee&apos;s invitation file…</source>
        <translation>Không có mạng: kết nối bằng tệp mời của cấp trên…</translation>
    </message>
    <message>
        <source>Save the attached file…</source>
        <translation>Lưu tệp đính kèm…</translation>
    </message>
    <message>
        <source>By file only (no server address)</source>
        <translation>Chỉ đồng bộ bằng tệp (chưa có địa chỉ máy chủ)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Đã lưu vào {path}.</translation>
    </message>
    <message>
        <source>Save the enrolment file for the committee</source>
        <translation>Lưu tệp đăng ký máy để gửi cấp trên</translation>
    </message>
    <message>
        <source>Enrolment file written to {path}. Take it to the committee (with an exported file of changes, if you like); import their answer with &quot;Import the committee&apos;s file…&quot;.</source>
        <translation>Đã ghi tệp đăng ký máy vào {path}. Hãy mang tệp này lên cấp trên (có thể kèm tệp thay đổi đã xuất); nhận tệp trả lời của cấp trên bằng nút &quot;Nhận tệp từ cấp trên…&quot;.</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>Đang dừng sau đợt hiện tại…</translation>
    </message>
    <message>
        <source>Sent {pushed}, received {pulled}.</source>
        <translation>Đã gửi {pushed}, đã nhận {pulled}.</translation>
    </message>
    <message>
        <source>{n} record(s) were edited on two laptops: choose below which copy to keep.</source>
        <translation>Có {n} bản ghi bị sửa trên cả hai máy: hãy chọn giữ bản nào ở bên dưới.</translation>
    </message>
    <message>
        <source>{n} document(s) of the other laptop had a number already given here first: they come when that laptop has synced and renumbered them.</source>
        <translation>{n} văn bản của máy khác trùng số với văn bản được thông qua trước trên máy này: chúng sẽ về khi máy kia đồng bộ và tự đánh số lại.</translation>
    </message>
    <message>
        <source>Stopped. What was sent or received is kept; the rest goes at the next sync.</source>
        <translation>Đã dừng. Những gì đã gửi và nhận vẫn được giữ; phần còn lại sẽ gửi ở lần đồng bộ sau.</translation>
    </message>
    <message>
        <source>Sync failed: {error}</source>
        <translation>Đồng bộ không thành công: {error}</translation>
    </message>
    <message>
        <source>Classification decision</source>
        <translation>Quyết định xếp loại</translation>
    </message>
    <message>
        <source>Recognition of a 5-good cell</source>
        <translation>Công nhận chi bộ 5 tốt</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Bộ tiêu chí</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>Bộ quy định</translation>
    </message>
    <message>
        <source>Guidance document</source>
        <translation>Văn bản hướng dẫn</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Nhận xét</translation>
    </message>
    <message>
        <source>Dues remittance receipt</source>
        <translation>Giấy xác nhận nộp đảng phí</translation>
    </message>
    <message>
        <source>Party member</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Meeting minutes</source>
        <translation>Biên bản sinh hoạt</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Nghị quyết</translation>
    </message>
    <message>
        <source>Member review</source>
        <translation>Bản kiểm điểm</translation>
    </message>
    <message>
        <source>Collective review</source>
        <translation>Kiểm điểm tập thể</translation>
    </message>
    <message>
        <source>Dues payment</source>
        <translation>Đảng phí</translation>
    </message>
    <message>
        <source>The cell</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Other name</source>
        <translation>Tên gọi khác</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Citizen ID (CCCD)</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Home town</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Workplace</source>
        <translation>Nơi làm việc</translation>
    </message>
    <message>
        <source>Party card number</source>
        <translation>Số thẻ đảng viên</translation>
    </message>
    <message>
        <source>Admitted on</source>
        <translation>Ngày vào Đảng</translation>
    </message>
    <message>
        <source>Official member on</source>
        <translation>Ngày chính thức</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Chuyên đề</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Minutes text</source>
        <translation>Nội dung biên bản</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Self-review text</source>
        <translation>Nội dung tự kiểm điểm</translation>
    </message>
    <message>
        <source>The cell&apos;s comment</source>
        <translation>Nhận xét của chi bộ</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>Số tiền đã đóng</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Ngày đóng</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>Người thu</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>The cell</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Printed documents</source>
        <translation>Văn bản in</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Language and data</source>
        <translation>Ngôn ngữ và dữ liệu</translation>
    </message>
    <message>
        <source>Document wording</source>
        <translation>Lời văn mẫu giấy tờ</translation>
    </message>
    <message>
        <source>Document numbers</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Name of the cell:</source>
        <translation>Tên chi bộ:</translation>
    </message>
    <message>
        <source>Abbreviation in document numbers:</source>
        <translation>Chữ viết tắt trong số văn bản:</translation>
    </message>
    <message>
        <source>Place name on documents:</source>
        <translation>Địa danh ghi trên văn bản:</translation>
    </message>
    <message>
        <source>Secretary:</source>
        <translation>Bí thư:</translation>
    </message>
    <message>
        <source>Deputy secretary:</source>
        <translation>Phó bí thư:</translation>
    </message>
    <message>
        <source>Committee directly above:</source>
        <translation>Cấp ủy cấp trên trực tiếp:</translation>
    </message>
    <message>
        <source>Committee above that:</source>
        <translation>Cấp ủy cấp trên nữa:</translation>
    </message>
    <message>
        <source>New committee name used from:</source>
        <translation>Tên cấp ủy mới dùng từ ngày:</translation>
    </message>
    <message>
        <source>Documents dated before this day keep printing the old name. Use the date of the decision that renamed or reorganised the committee.</source>
        <translation>Văn bản đề ngày trước ngày này vẫn in tên cũ. Hãy lấy ngày của quyết định đổi tên hoặc sắp xếp lại cấp ủy.</translation>
    </message>
    <message>
        <source>Save the cell&apos;s details</source>
        <translation>Lưu thông tin chi bộ</translation>
    </message>
    <message>
        <source>Names of the committees above, over time</source>
        <translation>Tên các cấp ủy cấp trên qua các thời kỳ</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Used from</source>
        <translation>Dùng từ</translation>
    </message>
    <message>
        <source>Page margins of every printed document (PDF and Word), in millimetres. Ask your committee which margins it expects.</source>
        <translation>Lề trang của mọi văn bản in (PDF và Word), tính bằng mi-li-mét. Hãy hỏi cấp ủy cấp trên quy định lề nào.</translation>
    </message>
    <message>
        <source>Top:</source>
        <translation>Lề trên:</translation>
    </message>
    <message>
        <source>Bottom:</source>
        <translation>Lề dưới:</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>Lề trái:</translation>
    </message>
    <message>
        <source>Right:</source>
        <translation>Lề phải:</translation>
    </message>
    <message>
        <source>Printing on both sides: swap left and right margins on even pages</source>
        <translation>In hai mặt: đổi lề trái và lề phải ở các trang chẵn</translation>
    </message>
    <message>
        <source>Common margins (top/bottom/left/right):</source>
        <translation>Lề thường dùng (trên/dưới/trái/phải):</translation>
    </message>
    <message>
        <source>Save margins</source>
        <translation>Lưu lề trang</translation>
    </message>
    <message>
        <source>CellSec backs up your data by itself after changes (at most every 30 minutes) and keeps older copies by day, week and month. You can also back up now, or go back to an earlier copy. The data and these copies are encrypted with a key kept on this computer, so they can be restored only here: if the computer is reinstalled or replaced, only a backup with a password (below) brings the data back. Make one regularly and keep the password.</source>
        <translation>CellSec tự sao lưu dữ liệu sau khi có thay đổi (tối đa 30 phút một lần) và giữ các bản cũ theo ngày, tuần, tháng. Đồng chí cũng có thể sao lưu ngay, hoặc quay lại một bản sao lưu trước đó. Dữ liệu và các bản sao lưu này được mã hóa bằng khóa giữ trên máy này, nên chỉ khôi phục được trên máy này: nếu cài lại máy hay đổi máy, chỉ bản sao lưu có mật khẩu (bên dưới) mới đưa dữ liệu trở lại. Hãy sao lưu có mật khẩu thường xuyên và giữ kỹ mật khẩu.</translation>
    </message>
    <message>
        <source>All of the cell&apos;s data is in this folder, encrypted with a key kept on this computer. To move the data to another computer, make a backup with a password (Backups tab) and restore it there.</source>
        <translation>Toàn bộ dữ liệu của chi bộ nằm trong thư mục này, được mã hóa bằng khóa giữ trên máy này. Muốn chuyển dữ liệu sang máy khác, hãy sao lưu có mật khẩu (thẻ Sao lưu) rồi khôi phục bản đó trên máy mới.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Đang khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Khôi phục…</translation>
    </message>
    <message>
        <source>Open the backup folder</source>
        <translation>Mở thư mục sao lưu</translation>
    </message>
    <message>
        <source>Taken at</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Backup folder: {folder}</source>
        <translation>Thư mục sao lưu: {folder}</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>The language of the program&apos;s windows and messages. Printed documents are always in Vietnamese.</source>
        <translation>Ngôn ngữ của cửa sổ và thông báo. Văn bản in luôn bằng tiếng Việt.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Mở thư mục dữ liệu</translation>
    </message>
    <message>
        <source>Directly above</source>
        <translation>Cấp trên trực tiếp</translation>
    </message>
    <message>
        <source>Above that</source>
        <translation>Cấp trên nữa</translation>
    </message>
    <message>
        <source>from the start</source>
        <translation>từ đầu</translation>
    </message>
    <message>
        <source>Example: {number}</source>
        <translation>Ví dụ: {number}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Saved. New documents use these margins.</source>
        <translation>Đã lưu. Các văn bản in từ nay dùng lề này.</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>Đã sao lưu vào {path}</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Go back to the data as it was at {time}?

The current data is backed up first and is not deleted, so this can itself be undone by restoring that backup.</source>
        <translation>Quay lại dữ liệu như lúc {time}?

Dữ liệu hiện tại được sao lưu trước và không bị xóa, nên có thể quay lại bằng cách khôi phục bản sao lưu đó.</translation>
    </message>
    <message>
        <source>The data is back as it was at {time}. The data from before the restore was saved as {name}.</source>
        <translation>Dữ liệu đã trở lại như lúc {time}. Dữ liệu trước khi khôi phục được lưu thành {name}.</translation>
    </message>
</context>
</TS>

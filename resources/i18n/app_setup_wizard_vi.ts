<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up CellSec</source>
        <translation>Thiết lập CellSec</translation>
    </message>
    <message>
        <source>Close the setup and discard what you typed?</source>
        <translation>Đóng trình thiết lập và bỏ những gì đã nhập?</translation>
    </message>
</context>
<context>
    <name>_CellPage</name>
    <message>
        <source>Your Party cell</source>
        <translation>Chi bộ của đồng chí</translation>
    </message>
    <message>
        <source>These names are printed at the top of every document the program makes.</source>
        <translation>Các tên này được in ở đầu mọi văn bản chương trình soạn ra.</translation>
    </message>
    <message>
        <source>Name of the cell:</source>
        <translation>Tên chi bộ:</translation>
    </message>
    <message>
        <source>e.g. Chi bộ Xuất bản - Kỹ thuật</source>
        <translation>ví dụ: Chi bộ Xuất bản - Kỹ thuật</translation>
    </message>
    <message>
        <source>Committee directly above:</source>
        <translation>Cấp ủy cấp trên trực tiếp:</translation>
    </message>
    <message>
        <source>e.g. Đảng ủy Báo Nghệ An</source>
        <translation>ví dụ: Đảng ủy Báo Nghệ An</translation>
    </message>
    <message>
        <source>Committee above that:</source>
        <translation>Cấp ủy cấp trên nữa:</translation>
    </message>
    <message>
        <source>e.g. Đảng bộ các cơ quan Đảng tỉnh Nghệ An (may be left empty)</source>
        <translation>ví dụ: Đảng bộ các cơ quan Đảng tỉnh Nghệ An (có thể để trống)</translation>
    </message>
    <message>
        <source>Committee names can be changed later in Settings, for example after the 2025 reorganisation. Documents dated before the change keep the old name.</source>
        <translation>Tên các cấp ủy có thể sửa sau trong mục Cài đặt, ví dụ khi sắp xếp lại tổ chức như năm 2025. Văn bản đề ngày trước khi đổi tên vẫn giữ tên cũ.</translation>
    </message>
</context>
<context>
    <name>_DocumentsPage</name>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>How document numbers and the place-and-date line are written.</source>
        <translation>Cách ghi số văn bản và dòng địa danh, ngày tháng.</translation>
    </message>
    <message>
        <source>Abbreviation in document numbers:</source>
        <translation>Chữ viết tắt trong số văn bản:</translation>
    </message>
    <message>
        <source>Place name printed on documents:</source>
        <translation>Địa danh ghi trên văn bản:</translation>
    </message>
    <message>
        <source>e.g. Nghệ An</source>
        <translation>ví dụ: Nghệ An</translation>
    </message>
    <message>
        <source>A document number reads &quot;Số 01-BB/CB&quot;: the number in the year, the kind of document (BB = minutes, NQ = resolution, BC = report) and the cell&apos;s abbreviation. The place name starts the date line under the national heading.</source>
        <translation>Số văn bản có dạng &quot;Số 01-BB/CB&quot;: số thứ tự trong năm, loại văn bản (BB là biên bản, NQ là nghị quyết, BC là báo cáo) và chữ viết tắt của chi bộ. Địa danh đứng đầu dòng ghi ngày tháng, dưới tiêu đề &quot;ĐẢNG CỘNG SẢN VIỆT NAM&quot;.</translation>
    </message>
    <message>
        <source>Example: {number}</source>
        <translation>Ví dụ: {number}</translation>
    </message>
    <message>
        <source>Example: {line}</source>
        <translation>Ví dụ: {line}</translation>
    </message>
</context>
<context>
    <name>_OfficersPage</name>
    <message>
        <source>Secretary and deputy</source>
        <translation>Bí thư và phó bí thư</translation>
    </message>
    <message>
        <source>Printed in signature blocks. You can fill them in later in Settings.</source>
        <translation>Dùng ở phần chữ ký cuối văn bản. Có thể điền sau trong mục Cài đặt.</translation>
    </message>
    <message>
        <source>Secretary (bí thư):</source>
        <translation>Bí thư chi bộ:</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Deputy secretary:</source>
        <translation>Phó bí thư:</translation>
    </message>
    <message>
        <source>The deputy is added to the member list with the Party position &quot;{position}&quot;; fill in the rest of the record on the Party members page.</source>
        <translation>Phó bí thư được thêm vào danh sách đảng viên với chức vụ Đảng &quot;{position}&quot;; hãy bổ sung các thông tin còn lại trong hồ sơ ở trang Đảng viên.</translation>
    </message>
</context>
</TS>

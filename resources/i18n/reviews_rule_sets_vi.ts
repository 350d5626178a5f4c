<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>RuleSetsDialog</name>
    <message>
        <source>Review rule sets</source>
        <translation>Bộ quy tắc kiểm điểm</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Copy to edit</source>
        <translation>Sao chép để chỉnh sửa</translation>
    </message>
    <message>
        <source>Delete copy</source>
        <translation>Xóa bản sao</translation>
    </message>
    <message>
        <source>Save rule set</source>
        <translation>Lưu bộ quy tắc</translation>
    </message>
    <message>
        <source>Save the copy (Ctrl+S); its version goes up by one</source>
        <translation>Lưu bản sao (Ctrl+S); số phiên bản tăng thêm một</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>Bộ quy tắc</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Issuing document:</source>
        <translation>Văn bản ban hành:</translation>
    </message>
    <message>
        <source>In force from:</source>
        <translation>Hiệu lực từ ngày:</translation>
    </message>
    <message>
        <source>Scores and levels</source>
        <translation>Thang điểm và mức xếp loại</translation>
    </message>
    <message>
        <source>This rule set grades criteria (Excellent / Good / Average / Poor) instead of scoring points; the levels follow from the grades.</source>
        <translation>Bộ quy tắc này đánh giá từng tiêu chí theo các mức Xuất sắc / Tốt / Trung bình / Kém thay cho chấm điểm; mức xếp loại suy ra từ kết quả đánh giá các tiêu chí.</translation>
    </message>
    <message>
        <source>Quota of &quot;{level}&quot;</source>
        <translation>Tỷ lệ &quot;{level}&quot;</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>Không quá:</translation>
    </message>
    <message>
        <source>Of the members rated:</source>
        <translation>Số đảng viên được xếp loại:</translation>
    </message>
    <message>
        <source>Rounding:</source>
        <translation>Làm tròn:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Cả hai</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>The cell</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Conditions for &quot;{level}&quot;</source>
        <translation>Điều kiện để xếp &quot;{level}&quot;</translation>
    </message>
    <message>
        <source>Cases rated &quot;{level}&quot;</source>
        <translation>Các trường hợp xếp loại &quot;{level}&quot;</translation>
    </message>
    <message>
        <source>{group}, at most:</source>
        <translation>{group}, tối đa:</translation>
    </message>
    <message>
        <source>from </source>
        <translation>từ </translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Có sẵn</translation>
    </message>
    <message>
        <source>Issued by the committee</source>
        <translation>Cấp trên ban hành</translation>
    </message>
    <message>
        <source>Own copy</source>
        <translation>Bản sao riêng</translation>
    </message>
    <message>
        <source>The {year} review uses: {name} (version {version}).</source>
        <translation>Kỳ kiểm điểm năm {year} đang dùng: {name} (phiên bản {version}).</translation>
    </message>
    <message>
        <source>The {year} review is not open; when opened it will use: {name}.</source>
        <translation>Chưa mở đợt kiểm điểm năm {year}; khi mở sẽ dùng: {name}.</translation>
    </message>
    <message>
        <source>&quot;{name}&quot; is shipped with CellSec from the Party&apos;s documents and cannot be edited directly. Use &quot;Copy to edit&quot; to make your own copy, then edit the copy.</source>
        <translation>Bộ quy tắc &quot;{name}&quot; có sẵn trong CellSec theo văn bản của Đảng, không sửa trực tiếp được. Bấm &quot;Sao chép để chỉnh sửa&quot; để tạo bản sao riêng rồi sửa bản sao.</translation>
    </message>
    <message>
        <source>Use for {year}</source>
        <translation>Dùng cho năm {year}</translation>
    </message>
    <message>
        <source>Give the rule set a name.</source>
        <translation>Hãy đặt tên cho bộ quy tắc.</translation>
    </message>
    <message>
        <source>Enter the date the rules take effect.</source>
        <translation>Hãy nhập ngày bộ quy tắc có hiệu lực.</translation>
    </message>
    <message>
        <source>The maximum must be above 0.</source>
        <translation>Điểm tối đa phải lớn hơn 0.</translation>
    </message>
    <message>
        <source>Each level must start higher than the level below it.</source>
        <translation>Ngưỡng của mỗi mức phải cao hơn ngưỡng của mức liền dưới.</translation>
    </message>
    <message>
        <source>Above the highest possible total ({total}).</source>
        <translation>Vượt quá tổng điểm tối đa ({total}).</translation>
    </message>
    <message>
        <source>Every condition needs its text (remove the empty ones).</source>
        <translation>Mỗi điều kiện phải có nội dung (hãy xóa các dòng trống).</translation>
    </message>
    <message>
        <source>Every case needs its text (remove the empty ones).</source>
        <translation>Mỗi trường hợp phải có nội dung (hãy xóa các dòng trống).</translation>
    </message>
    <message>
        <source>below {score} points</source>
        <translation>dưới {score} điểm</translation>
    </message>
    <message>
        <source>For example: 4 → {a}, 5 → {b}, 12 → {c}, 30 → {d} allowed.</source>
        <translation>Ví dụ: 4 người → được {a}, 5 → {b}, 12 → {c}, 30 → {d}.</translation>
    </message>
    <message>
        <source>Delete the rule set &quot;{name}&quot;?</source>
        <translation>Xóa bộ quy tắc &quot;{name}&quot;?</translation>
    </message>
    <message>
        <source>Use &quot;{name}&quot; for the {year} review? Scores, levels and cases of the year&apos;s reviews are then checked against it.</source>
        <translation>Dùng &quot;{name}&quot; cho kỳ kiểm điểm năm {year}? Điểm, mức xếp loại và các trường hợp của các bản kiểm điểm trong năm sẽ được đối chiếu theo bộ quy tắc này.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <source>Save the changes to this rule set?</source>
        <translation>Lưu các thay đổi của bộ quy tắc này?</translation>
    </message>
</context>
</TS>

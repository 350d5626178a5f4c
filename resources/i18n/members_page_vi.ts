<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>MembersPage</name>
    <message>
        <source>Party members</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Add a party member (Ctrl+N)</source>
        <translation>Thêm đảng viên (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Edit the selected member (Enter or double-click)</source>
        <translation>Sửa đảng viên đang chọn (Enter hoặc nhấn đúp)</translation>
    </message>
    <message>
        <source>Resolution on the member</source>
        <translation>Nghị quyết về đảng viên</translation>
    </message>
    <message>
        <source>For the selected member: proposal to recognise as official (probationary), exemption (exempt) or removal (removed)</source>
        <translation>Với đảng viên đã chọn: đề nghị công nhận chính thức (dự bị), miễn sinh hoạt (đang miễn) hoặc xóa tên (đã ghi xóa tên)</translation>
    </message>
    <message>
        <source>Transfer paper</source>
        <translation>Giấy giới thiệu SHĐ</translation>
    </message>
    <message>
        <source>The transfer paper (giấy giới thiệu sinh hoạt đảng) and its return slip of the selected member who moved to another cell</source>
        <translation>Giấy giới thiệu sinh hoạt đảng và phiếu báo của đảng viên đã chọn chuyển sinh hoạt đi nơi khác</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Đổi tình trạng</translation>
    </message>
    <message>
        <source>Exemption, temporary attendance, transfer, removal, death</source>
        <translation>Miễn sinh hoạt, sinh hoạt tạm thời, chuyển sinh hoạt, xóa tên, từ trần</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Delete the selected member (can be undone with Ctrl+Z)</source>
        <translation>Xóa đảng viên đang chọn (có thể hoàn tác bằng Ctrl+Z)</translation>
    </message>
    <message>
        <source>Import from file</source>
        <translation>Nhập từ tệp</translation>
    </message>
    <message>
        <source>Import members from a CSV or Excel (XLSX) file</source>
        <translation>Nhập danh sách đảng viên từ tệp CSV hoặc Excel (XLSX)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <source>Save the list as shown (search, filter, order) as an Excel file</source>
        <translation>Lưu danh sách đang hiển thị (theo tìm kiếm, bộ lọc, thứ tự) ra tệp Excel</translation>
    </message>
    <message>
        <source>Print list</source>
        <translation>In danh sách</translation>
    </message>
    <message>
        <source>Preview the member register as of a day, then print or save it (Ctrl+P)</source>
        <translation>Xem trước danh sách đảng viên tính đến một ngày rồi in hoặc lưu (Ctrl+P)</translation>
    </message>
    <message>
        <source>Search by name, no accents needed (Ctrl+F)…</source>
        <translation>Tìm theo tên, gõ không dấu cũng được (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang sinh hoạt</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>Miễn sinh hoạt</translation>
    </message>
    <message>
        <source>Attending temporarily</source>
        <translation>Sinh hoạt tạm thời</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>Đã chuyển đi</translation>
    </message>
    <message>
        <source>Removed from the list</source>
        <translation>Đã xóa tên</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Từ trần</translation>
    </message>
    <message>
        <source>Probationary</source>
        <translation>Dự bị</translation>
    </message>
    <message>
        <source>Loading the list…</source>
        <translation>Đang tải danh sách…</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count} đảng viên</translation>
    </message>
    <message>
        <source>{shown} of {total} members</source>
        <translation>{shown} / {total} đảng viên</translation>
    </message>
    <message>
        <source>No members yet. Add them one by one with &quot;Add&quot; (Ctrl+N), or import a list from a CSV or Excel file with &quot;Import from file&quot;.</source>
        <translation>Chưa có đảng viên nào. Thêm từng người bằng nút &quot;Thêm&quot; (Ctrl+N), hoặc nhập cả danh sách từ tệp CSV, Excel bằng nút &quot;Nhập từ tệp&quot;.</translation>
    </message>
    <message>
        <source>No member matches the search or the filter.</source>
        <translation>Không có đảng viên nào khớp với từ tìm kiếm hoặc bộ lọc.</translation>
    </message>
    <message>
        <source>Delete member</source>
        <translation>Xóa đảng viên</translation>
    </message>
    <message>
        <source>Delete {name} from the member list?

The record is kept and you can undo this at once with Edit → Undo (Ctrl+Z).</source>
        <translation>Xóa đồng chí {name} khỏi danh sách đảng viên?

Hồ sơ vẫn được lưu lại; có thể hoàn tác ngay bằng Sửa → Hoàn tác (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Export the member list</source>
        <translation>Xuất danh sách đảng viên</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The member list was exported to {path}.</source>
        <translation>Đã xuất danh sách đảng viên ra tệp {path}.</translation>
    </message>
    <message>
        <source>Exporting the member list…</source>
        <translation>Đang xuất danh sách đảng viên…</translation>
    </message>
    <message>
        <source>Member register as of {date}</source>
        <translation>Danh sách đảng viên tính đến ngày {date}</translation>
    </message>
    <message>
        <source>Number of the resolution</source>
        <translation>Số nghị quyết</translation>
    </message>
    <message>
        <source>Resolution on {name}</source>
        <translation>Nghị quyết về đồng chí {name}</translation>
    </message>
    <message>
        <source>Transfer paper — {name}</source>
        <translation>Giấy giới thiệu sinh hoạt đảng — {name}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Open it now?</source>
        <translation>Mở tệp ngay bây giờ?</translation>
    </message>
</context>
</TS>

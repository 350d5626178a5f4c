<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>RubricEditDialog</name>
    <message>
        <source>Band {n}: the minimum &quot;{value}&quot; is not a number.</source>
        <translation>Mức xếp loại {n}: điểm tối thiểu &quot;{value}&quot; không phải là số.</translation>
    </message>
    <message>
        <source>New band</source>
        <translation>Mức mới</translation>
    </message>
    <message>
        <source>Edit rubric: {name} (v{version})</source>
        <translation>Sửa bộ tiêu chí: {name} (v{version})</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Thông tin chung</translation>
    </message>
    <message>
        <source>Groups and criteria</source>
        <translation>Nhóm và tiêu chí</translation>
    </message>
    <message>
        <source>Rubric:</source>
        <translation>Bộ tiêu chí:</translation>
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
        <source>Effective from:</source>
        <translation>Có hiệu lực từ:</translation>
    </message>
    <message>
        <source>Scores meetings:</source>
        <translation>Áp dụng cho:</translation>
    </message>
    <message>
        <source>Not verified:</source>
        <translation>Chưa xác minh:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Not yet checked against the official text</source>
        <translation>Chưa đối chiếu với văn bản chính thức</translation>
    </message>
    <message>
        <source>e.g. Quy định 27-QĐ/TU ngày 30/10/2023 của BTV Tỉnh ủy Nghệ An</source>
        <translation>ví dụ: Quy định 27-QĐ/TU ngày 30/10/2023 của BTV Tỉnh ủy Nghệ An</translation>
    </message>
    <message>
        <source>Bands</source>
        <translation>Các mức xếp loại</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Mức xếp loại</translation>
    </message>
    <message>
        <source>From (points)</source>
        <translation>Từ (điểm)</translation>
    </message>
    <message>
        <source>A total gets the highest band whose minimum it reaches; the lowest band starts at 0.</source>
        <translation>Tổng điểm được xếp vào mức cao nhất mà nó đạt điểm tối thiểu; mức thấp nhất bắt đầu từ 0 điểm.</translation>
    </message>
    <message>
        <source>Add band</source>
        <translation>Thêm mức</translation>
    </message>
    <message>
        <source>Remove band</source>
        <translation>Bỏ mức</translation>
    </message>
    <message>
        <source>Group / criterion</source>
        <translation>Nhóm / tiêu chí</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>Thêm nhóm</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>Thêm tiêu chí</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <source>Choose a group or a criterion on the left to edit it.</source>
        <translation>Chọn một nhóm hoặc một tiêu chí ở bên trái để sửa.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Nhóm tiêu chí</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Số thứ tự:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tên nhóm:</translation>
    </message>
    <message>
        <source>Maximum:</source>
        <translation>Điểm tối đa:</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Tiêu chí</translation>
    </message>
    <message>
        <source>Criterion:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <source>Maximum points:</source>
        <translation>Điểm tối đa:</translation>
    </message>
    <message>
        <source>How to score:</source>
        <translation>Hướng dẫn chấm:</translation>
    </message>
    <message>
        <source>Automatic from:</source>
        <translation>Chấm tự động theo:</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Cách tính:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Bậc điểm:</translation>
    </message>
    <message>
        <source>Nothing: the secretary scores it</source>
        <translation>Không (bí thư chấm)</translation>
    </message>
    <message>
        <source>The source&apos;s usual rule</source>
        <translation>Theo loại số liệu (mặc định)</translation>
    </message>
    <message>
        <source>All points if met, none if not</source>
        <translation>Đạt thì đủ điểm, không đạt thì 0 điểm</translation>
    </message>
    <message>
        <source>In proportion to the percentage</source>
        <translation>Tỷ lệ thuận với số phần trăm</translation>
    </message>
    <message>
        <source>By steps</source>
        <translation>Theo bậc điểm</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Điều kiện</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Thêm bậc</translation>
    </message>
    <message>
        <source>Steps are tried in order: the first whose condition holds gives its points; if none holds, the criterion gets 0.</source>
        <translation>Các bậc được xét lần lượt từ trên xuống: bậc đầu tiên thỏa điều kiện cho số điểm của bậc đó; không bậc nào thỏa thì tiêu chí được 0 điểm.</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Bỏ bậc</translation>
    </message>
    <message>
        <source>Placeholder wording</source>
        <translation>Nội dung tạm, chưa xác minh</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save the rubric (Ctrl+S)</source>
        <translation>Lưu bộ tiêu chí (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>{max} points (the sum of its criteria)</source>
        <translation>{max} điểm (tổng điểm các tiêu chí trong nhóm)</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Nhóm mới</translation>
    </message>
    <message>
        <source>New criterion</source>
        <translation>Tiêu chí mới</translation>
    </message>
    <message>
        <source>Enter the date the rubric takes effect.</source>
        <translation>Hãy nhập ngày bộ tiêu chí có hiệu lực.</translation>
    </message>
    <message>
        <source>The rubric checks out: {count} criteria, {max} points at most.</source>
        <translation>Bộ tiêu chí hợp lệ: {count} tiêu chí, tối đa {max} điểm.</translation>
    </message>
    <message>
        <source>Close without saving the changes?</source>
        <translation>Đóng mà không lưu các thay đổi?</translation>
    </message>
</context>
<context>
    <name>RubricsDialog</name>
    <message>
        <source>Rubrics</source>
        <translation>Bộ tiêu chí chấm điểm</translation>
    </message>
    <message>
        <source>Scoring:</source>
        <translation>Chấm cho:</translation>
    </message>
    <message>
        <source>One version of each rubric is in use. A version used for scoring is kept as it was; to change it, make a new version and edit that. The defaults shipped with the program are starting points to adjust to the committee&apos;s guidance.</source>
        <translation>Mỗi đối tượng dùng một phiên bản bộ tiêu chí để chấm. Phiên bản đã dùng để chấm được giữ nguyên; muốn thay đổi thì tạo phiên bản mới rồi sửa. Các bộ mặc định kèm chương trình chỉ là điểm xuất phát, cần điều chỉnh theo hướng dẫn của cấp ủy.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Issuing document</source>
        <translation>Văn bản ban hành</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Áp dụng cho</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Đã chấm</translation>
    </message>
    <message>
        <source>Use for scoring</source>
        <translation>Dùng để chấm điểm</translation>
    </message>
    <message>
        <source>Score with this version from now on</source>
        <translation>Từ nay chấm điểm theo phiên bản này</translation>
    </message>
    <message>
        <source>New version…</source>
        <translation>Tạo phiên bản mới…</translation>
    </message>
    <message>
        <source>Copy the selected version into a new version and edit it</source>
        <translation>Sao chép phiên bản đang chọn thành phiên bản mới để sửa</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Delete an unused version (can be undone with Ctrl+Z)</source>
        <translation>Xóa phiên bản chưa dùng để chấm (có thể hoàn tác bằng Ctrl+Z)</translation>
    </message>
    <message>
        <source>Import from file…</source>
        <translation>Nhập từ tệp…</translation>
    </message>
    <message>
        <source>Import the rubrics of a JSON file sent by the committee</source>
        <translation>Nhập bộ tiêu chí từ tệp JSON do cấp ủy gửi</translation>
    </message>
    <message>
        <source>Export to file…</source>
        <translation>Xuất ra tệp…</translation>
    </message>
    <message>
        <source>Save the selected version as a JSON file for other cells</source>
        <translation>Lưu phiên bản đang chọn ra tệp JSON để gửi các chi bộ khác</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Mặc định</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Nhập từ tệp</translation>
    </message>
    <message>
        <source>Own version</source>
        <translation>Tự sửa</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>chưa xác minh</translation>
    </message>
    <message>
        <source>to adjust</source>
        <translation>cần điều chỉnh</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>đang dùng</translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation>{count} lần</translation>
    </message>
    <message>
        <source>A shipped default is not edited: make a new version and edit that</source>
        <translation>Không sửa trực tiếp bộ mặc định: hãy tạo phiên bản mới rồi sửa</translation>
    </message>
    <message>
        <source>Used for scoring {count} times: make a new version to change it</source>
        <translation>Đã dùng để chấm {count} lần: muốn thay đổi hãy tạo phiên bản mới</translation>
    </message>
    <message>
        <source>Edit this version</source>
        <translation>Sửa phiên bản này</translation>
    </message>
    <message>
        <source>Choose another version for scoring before deleting this one</source>
        <translation>Hãy chọn phiên bản khác để chấm điểm trước khi xóa phiên bản này</translation>
    </message>
    <message>
        <source>Default to adjust</source>
        <translation>Bộ mặc định cần điều chỉnh</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Chưa xác minh</translation>
    </message>
    <message>
        <source>the criteria and points have not been checked against the official text; adjust them to the guidance of the committee above (New version…) or import the rubric it sends.</source>
        <translation>các tiêu chí và số điểm chưa được đối chiếu với văn bản chính thức; hãy điều chỉnh theo hướng dẫn của cấp ủy cấp trên (Tạo phiên bản mới…) hoặc nhập bộ tiêu chí cấp ủy gửi.</translation>
    </message>
    <message>
        <source>Issuing document: {document}</source>
        <translation>Văn bản ban hành: {document}</translation>
    </message>
    <message>
        <source>Effective from {date}</source>
        <translation>Có hiệu lực từ ngày {date}</translation>
    </message>
    <message>
        <source>Maximum {max} points, {count} criteria</source>
        <translation>Tối đa {max} điểm, {count} tiêu chí</translation>
    </message>
    <message>
        <source>Scores: {types}</source>
        <translation>Áp dụng cho: {types}</translation>
    </message>
    <message>
        <source>Bands</source>
        <translation>Các mức xếp loại</translation>
    </message>
    <message>
        <source>{label} from {min}</source>
        <translation>{label} từ {min}</translation>
    </message>
    <message>
        <source>{max} points</source>
        <translation>{max} điểm</translation>
    </message>
    <message>
        <source>points in proportion</source>
        <translation>điểm tỷ lệ thuận</translation>
    </message>
    <message>
        <source>all points if met, none if not</source>
        <translation>đạt thì đủ điểm, không đạt thì 0 điểm</translation>
    </message>
    <message>
        <source>Automatic: {source} ({how})</source>
        <translation>Tự động: {source} ({how})</translation>
    </message>
    <message>
        <source>Delete &quot;{name}&quot; (v{version})? It can be undone at once with Edit → Undo (Ctrl+Z).</source>
        <translation>Xóa &quot;{name}&quot; (v{version})? Có thể hoàn tác ngay bằng Sửa → Hoàn tác (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Export the rubric</source>
        <translation>Xuất bộ tiêu chí</translation>
    </message>
    <message>
        <source>Rubric file (*.json)</source>
        <translation>Tệp bộ tiêu chí (*.json)</translation>
    </message>
    <message>
        <source>The rubric was saved to {path}. Send this file to the cells that should use it; they import it with &quot;Import from file…&quot;.</source>
        <translation>Đã lưu bộ tiêu chí vào {path}. Gửi tệp này cho các chi bộ cần dùng; chi bộ nhập bằng nút &quot;Nhập từ tệp…&quot;.</translation>
    </message>
    <message>
        <source>Exporting the rubric…</source>
        <translation>Đang xuất bộ tiêu chí…</translation>
    </message>
    <message>
        <source>Import rubrics</source>
        <translation>Nhập bộ tiêu chí</translation>
    </message>
    <message>
        <source>Rubric file (*.json);;All files (*)</source>
        <translation>Tệp bộ tiêu chí (*.json);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Importing the rubrics…</source>
        <translation>Đang nhập bộ tiêu chí…</translation>
    </message>
    <message>
        <source>Imported: {names}. Check them, then choose &quot;Use for scoring&quot; for the one to score with.</source>
        <translation>Đã nhập: {names}. Hãy kiểm tra lại, rồi chọn &quot;Dùng để chấm điểm&quot; cho bộ sẽ dùng.</translation>
    </message>
    <message>
        <source>The file {name} was not imported:
{reason}

Nothing was changed.</source>
        <translation>Không nhập được tệp {name}:
{reason}

Chương trình không thay đổi gì.</translation>
    </message>
</context>
</TS>

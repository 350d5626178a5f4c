<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
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
        <source>to adjust</source>
        <translation>cần điều chỉnh</translation>
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
        <source>Issued by the committee</source>
        <translation>Cấp trên ban hành</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>chưa xác minh</translation>
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
        <source>Issued by the committee above: make a new version to adjust it</source>
        <translation>Do cấp ủy cấp trên ban hành: hãy tạo phiên bản mới để điều chỉnh</translation>
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

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
</TS>

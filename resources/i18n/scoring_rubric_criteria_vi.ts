<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>CriteriaEditor</name>
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
        <source>Not verified:</source>
        <translation>Chưa xác minh:</translation>
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
</context>
</TS>

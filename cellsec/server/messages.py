"""What the server tells a laptop or an officer, Vietnamese first (cellsec.domain.messages.Msg)."""

from __future__ import annotations

from cellsec.domain.messages import Msg

# ---- enrolment -----------------------------------------------------------------------------------
CODE_WRONG = Msg("Mã kết nối không đúng. Hãy kiểm tra lại mã do cấp ủy cấp trên cung cấp.",
                 "Wrong enrollment code. Check the code the committee gave you.")
CODE_EXPIRED = Msg("Mã kết nối đã hết hạn. Hãy xin cấp ủy cấp trên một mã mới.",
                   "The enrollment code has expired. Ask the committee for a new code.")
CODE_USED = Msg("Mã kết nối đã được dùng. Mỗi mã chỉ dùng một lần; hãy xin cấp ủy cấp trên một mã mới.",
                "The enrollment code was already used. Each code works once; ask the committee for a new one.")
TOO_MANY_TRIES = Msg("Nhập sai mã kết nối quá nhiều lần. Hãy đợi {minutes} phút rồi thử lại.",
                     "Too many wrong enrollment codes. Wait {minutes} minutes and try again.")
BOTH_HAVE_DATA = Msg(
    "Máy chủ đã có dữ liệu của chi bộ này từ một máy khác, và máy này cũng đang có dữ liệu riêng. Để nhận dữ liệu "
    "của chi bộ, hãy mở CellSec trên một thư mục dữ liệu trống rồi kết nối lại (mã kết nối chưa bị dùng).",
    "The server already has this cell's records from another laptop, and this laptop has records of its own. To "
    "receive the cell's records, open CellSec on an empty data folder and connect again (the code is not spent).")
DEVICE_TAKEN = Msg("Mã thiết bị này đã được đăng ký. Hãy tạo lại khóa thiết bị rồi kết nối lại.",
                   "This device id is already registered. Create new device keys and connect again.")

# ---- authentication and scope -------------------------------------------------------------------
UNKNOWN_DEVICE = Msg("Máy chủ không biết máy tính này. Hãy kết nối lại với cấp trên bằng mã kết nối mới.",
                     "The server does not know this computer. Connect again with a new enrollment code.")
REVOKED = Msg("Máy tính này đã bị cấp ủy cấp trên thu hồi quyền đồng bộ. Hãy liên hệ cấp ủy cấp trên.",
              "The committee has revoked this computer's right to sync. Contact the committee.")
REPLAY = Msg("Yêu cầu này đã được gửi trước đó (bị gửi lại). Máy chủ từ chối để bảo vệ dữ liệu.",
             "This request was already sent before (a replay). The server refuses it to protect the data.")
OTHER_CELL = Msg("Máy tính này chỉ được đồng bộ dữ liệu của chi bộ mình; yêu cầu tới chi bộ khác bị từ chối.",
                 "This computer may only sync its own cell's data; a request for another cell is refused.")
BAD_BATCH = Msg("Gói đồng bộ bị từ chối: {reason}", "The sync batch is refused: {reason}")
WRONG_SENDER = Msg("gói không phải do máy tính này gửi", "the batch was not sent by this computer")

# ---- push -----------------------------------------------------------------------------------------
SEQ_BACKWARDS = Msg(
    "Số thứ tự thay đổi của máy tính này bị lùi lại: máy chủ đã nhận thay đổi số {seq} với nội dung khác. "
    "Thường do dữ liệu được khôi phục từ bản sao lưu cũ hoặc chép từ máy khác. Để không mất dữ liệu, máy chủ "
    "không nhận tiếp từ máy này. Hãy kết nối lại máy này với cấp trên như một máy mới (mã kết nối mới); máy "
    "sẽ tải về dữ liệu mới nhất của chi bộ.",
    "This computer's change numbers went backwards: the server already holds change {seq} with different "
    "content. This usually follows restoring an old backup or copying data from another computer. To lose "
    "nothing, the server accepts nothing more from this computer. Connect this computer again as a new "
    "device (new enrollment code); it will download the cell's latest data.")
CURSOR_AHEAD = Msg(
    "Máy tính này đã nhận đến thay đổi số {cursor} nhưng máy chủ mới có đến số {latest}. Máy chủ có thể đã "
    "được khôi phục từ bản sao lưu. Hãy liên hệ cấp ủy cấp trên.",
    "This computer has received up to change {cursor} but the server only has up to {latest}. The server "
    "may have been restored from a backup. Contact the committee.")
R_COMMITTEE_OWNED = Msg("loại dữ liệu '{entity}' do cấp ủy cấp trên ghi, chi bộ không được sửa",
                        "'{entity}' records are written by the committee; a cell cannot change them")
R_UNKNOWN_ENTITY = Msg("máy chủ chưa biết loại dữ liệu '{entity}' (hãy cập nhật máy chủ)",
                       "the server does not know '{entity}' records yet (update the server)")
R_OTHER_CELL = Msg("bản ghi thuộc chi bộ khác", "the record belongs to another cell")
R_CONFLICT = Msg("bản ghi đã được sửa ở máy khác (bản trên máy chủ: lần sửa {rev})",
                 "the record was changed on another computer (server copy: revision {rev})")

# ---- administration ------------------------------------------------------------------------------
NO_COMMITTEE = Msg("Không có cấp ủy mã {id}.", "No committee with id {id}.")
NO_CELL = Msg("Không có chi bộ mã {id}.", "No cell with id {id}.")
NO_DEVICE = Msg("Không có máy tính mã {id}.", "No device with id {id}.")
NO_REVIEW = Msg("Chi bộ chưa gửi lên bản kiểm điểm mã {id}.", "The cell has not sent up a review with id {id}.")
NO_RECORD = Msg("Chi bộ chưa gửi lên bản ghi {entity} mã {id}.", "The cell has not sent up {entity} record {id}.")
BAD_LEVEL = Msg("Mức xếp loại không hợp lệ: {level}.", "Unknown classification level: {level}.")
EMPTY_NAME = Msg("Tên không được để trống.", "The name cannot be empty.")

# ---- transfer files (USB) ------------------------------------------------------------------------
NOT_A_PUSH_FILE = Msg("Tệp này không phải tệp một chi bộ gửi lên (có thể là tệp trả lời của cấp trên).",
                      "This is not a file sent up by a cell (it may be the committee's own answer file).")
FOREIGN_FILE = Msg("Tệp này do một máy tính chưa kết nối với máy chủ này gửi (mã máy {device}). Hãy kiểm tra "
                   "tệp có đúng của chi bộ thuộc cấp ủy này không.",
                   "This file was sent by a computer not enrolled on this server (device {device}). Check that "
                   "it comes from a cell of this committee.")
ALREADY_IMPORTED = Msg("Tệp này đã được nhập lúc {at}; nhập lại không thay đổi gì. Nếu chi bộ chưa nhận được tệp "
                       "trả lời, hãy đề nghị chi bộ xuất một tệp mới.",
                       "This file was already imported at {at}; importing it again changes nothing. If the cell "
                       "did not get the answer file, ask it to export a new file.")

"""The one exception of the protocol: a machine-readable code plus a bilingual message."""

from __future__ import annotations

from cellsec.domain.messages import Msg


class ProtocolError(ValueError):
    """Something received is refused whole. `code` is stable (logs, API answers, tests); `str()` is the
    message in the current language, `message(lang)` in a given one."""

    def __init__(self, code: str, msg: Msg, **params: object) -> None:
        self.code = code
        self.msg = msg
        self.params = params
        super().__init__(msg.format(**params))

    def message(self, lang: str) -> str:
        template = self.msg.en if lang == "en" else self.msg.vi
        return template.format(**self.params) if self.params else template

    def __str__(self) -> str:
        return self.msg.format(**self.params)


NOT_SYNC_FILE = Msg("Đây không phải tệp đồng bộ CellSec.", "This is not a CellSec sync file.")
TRUNCATED = Msg("Tệp đồng bộ bị cắt cụt (thiếu {missing} byte). Hãy sao chép lại tệp từ nơi gửi.",
                "The sync file is truncated ({missing} bytes missing). Copy the file again from the sender.")
TRAILING = Msg("Tệp đồng bộ có dữ liệu thừa ở cuối; tệp có thể đã bị sửa.",
               "The sync file has extra data at the end; it may have been altered.")
NEWER_FORMAT = Msg("Tệp đồng bộ dùng định dạng phiên bản {version}, mới hơn phiên bản chương trình này hiểu. "
                   "Hãy cập nhật CellSec.",
                   "The sync file uses format version {version}, newer than this program understands. "
                   "Update CellSec.")
BAD_MANIFEST = Msg("Phần mô tả của gói đồng bộ không hợp lệ: {detail}.",
                   "The sync batch's manifest is invalid: {detail}.")
BAD_SIGNATURE = Msg("Chữ ký của gói đồng bộ không đúng: gói đã bị sửa hoặc không phải do máy này gửi.",
                    "The sync batch's signature is wrong: it was altered or not sent by this device.")
BAD_DIGEST = Msg("Nội dung gói đồng bộ không khớp với phần mô tả (mã SHA-256 khác): gói đã bị sửa hoặc hỏng.",
                 "The sync batch's content does not match its manifest (SHA-256 differs): it was altered "
                 "or damaged.")
WRONG_RECIPIENT = Msg("Gói đồng bộ này được mã hóa cho nơi nhận khác, không phải cho máy này.",
                      "This sync batch is encrypted for another recipient, not this one.")
DECRYPT_FAILED = Msg("Không giải mã được gói đồng bộ: gói đã bị sửa hoặc hỏng.",
                     "The sync batch cannot be decrypted: it was altered or damaged.")
TOO_LARGE = Msg("Gói đồng bộ quá lớn ({size} byte, tối đa {limit}).",
                "The sync batch is too large ({size} bytes, at most {limit}).")
BAD_OP = Msg("Thay đổi số {n} trong gói không hợp lệ: {detail}.", "Change number {n} in the batch is invalid: {detail}.")
BAD_KEY = Msg("Khóa công khai không hợp lệ.", "Invalid public key.")
BAD_REQUEST_AUTH = Msg("Yêu cầu thiếu chữ ký thiết bị hoặc chữ ký sai định dạng.",
                       "The request lacks the device signature or it is malformed.")
BAD_REQUEST_SIGNATURE = Msg("Chữ ký của yêu cầu không đúng: yêu cầu đã bị sửa trên đường truyền hoặc không "
                            "phải do máy này gửi.",
                            "The request signature is wrong: the request was altered on the way or not sent "
                            "by this device.")
CLOCK_SKEW = Msg("Đồng hồ của máy tính lệch {seconds} giây so với máy chủ. Hãy chỉnh lại ngày giờ của máy tính "
                 "rồi đồng bộ lại.",
                 "This computer's clock is {seconds} seconds off the server's. Correct the computer's date and "
                 "time, then sync again.")

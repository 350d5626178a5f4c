"""What the secretary reads when a sync cannot be done, in plain Vietnamese (English second)."""

from __future__ import annotations

from ..domain.messages import Msg
from ..services.errors import ServiceError

NO_NETWORK = Msg(
    "Không kết nối được với máy chủ của cấp trên ({server}). Hãy kiểm tra mạng Internet rồi thử lại; "
    "dữ liệu vẫn được giữ trên máy và sẽ được gửi ở lần đồng bộ sau.",
    "Could not reach the committee's server ({server}). Check the Internet connection and try again; the data "
    "stays on this laptop and is sent at the next sync.",
)
REFUSED = Msg("Máy chủ của cấp trên từ chối: {reason}", "The committee's server refused: {reason}")
BAD_ANSWER = Msg(
    "Máy chủ trả lời không đúng định dạng (địa chỉ máy chủ có đúng không?). Chưa có gì thay đổi trên máy này.",
    "The server's answer is not in the expected format (is the server address right?). Nothing changed here.",
)
NOT_CONNECTED = Msg(
    "Máy này chưa kết nối với cấp trên. Hãy vào Đồng bộ → \"Kết nối với cấp trên\" (hoặc chạy "
    "\"cellsec sync connect ĐỊA_CHỈ MÃ\") với mã do cấp ủy cấp trên cung cấp.",
    "This laptop is not connected to a committee yet. Use Sync → \"Connect to the committee\" (or "
    "\"cellsec sync connect URL CODE\") with the code the committee gave you.",
)
ALREADY_CONNECTED = Msg(
    "Máy này đã kết nối với {server}. Muốn đổi máy chủ, hãy nhờ cấp trên thu hồi máy này trước.",
    "This laptop is already connected to {server}. To change servers, ask the committee to revoke it first.",
)
FILE_ONLY = Msg("cấp trên (đồng bộ bằng tệp)", "the committee (syncing by file)")
FILE_ONLY_SYNC = Msg(
    "Máy này đồng bộ với cấp trên bằng tệp (cấp trên chưa cho địa chỉ máy chủ). Hãy dùng \"Xuất tệp gửi cấp trên\" "
    "và \"Nhận tệp từ cấp trên\" (hoặc \"cellsec sync export\" / \"cellsec sync import\").",
    "This laptop syncs with the committee by file (the committee gave no server address). Use \"Export a file for "
    "the committee\" and \"Import the committee's file\" (or \"cellsec sync export\" / \"cellsec sync import\").",
)
IDENTITY_LOST = Msg(
    "Dữ liệu này đã đồng bộ với tư cách một máy khác (có thể thư mục dữ liệu đã được chép hoặc khôi phục từ "
    "bản sao lưu sang máy này). Hãy xin cấp trên một mã kết nối mới để máy này kết nối như một máy mới.",
    "These data were synced as another device (the data folder may have been copied, or restored from a "
    "backup onto this laptop). Ask the committee for a new code to connect this laptop as a new device.",
)
SAME_KEY = Msg(
    "Một bản ghi nhận về từ máy khác của chi bộ trùng với một bản ghi trên máy này ({table}: cùng số CCCD, số thẻ, "
    "cùng tháng…) nên chưa được nhận; các dữ liệu khác đã nhận đủ. Hãy thống nhất với người dùng máy kia, xóa hoặc "
    "sửa một trong hai bản ghi; bản ghi kia sẽ về ở lần đồng bộ sau.",
    "A record received from the cell's other laptop clashes with one on this laptop ({table}: the same citizen ID, "
    "card number, month…) and was not taken in; everything else was. Agree with the other laptop's user and "
    "delete or correct one of the two; the other record comes at the next sync.",
)
BUSY = Msg("Đang đồng bộ; hãy đợi lần này xong.", "A sync is already running; wait for it to finish.")
BAD_URL = Msg("Địa chỉ máy chủ phải bắt đầu bằng http:// hoặc https://.", "The server address must start with http:// or https://.")


class SyncError(ServiceError):
    """A sync that could not be done; `code` is the server's reason code when it refused."""

    def __init__(self, msg: Msg, code: str = "", **params: object) -> None:
        super().__init__(msg, **params)
        self.code = code

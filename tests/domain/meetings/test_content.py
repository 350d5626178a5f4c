"""The minutes' content: subtitles, the agenda template, the JSON round trip and cleaning."""

import datetime as dt
import unicodedata

from cellsec.domain import meetings as m
from cellsec.domain.meetings import AgendaItem, MinutesContent, Speech, Vote

D = dt.date
T = dt.time


def test_subtitles():
    assert m.meeting_subtitle("thuong_ky", 9, 2025) == "Sinh hoạt chi bộ thường kỳ tháng 9 năm 2025"
    assert m.meeting_subtitle("chuyen_de", 8, 2025, "Chuyển đổi số") == "Sinh hoạt chi bộ chuyên đề: Chuyển đổi số"
    assert m.meeting_subtitle("chuyen_de", 8, 2025) == "Sinh hoạt chi bộ chuyên đề quý III năm 2025"
    assert m.meeting_subtitle("combined", 3, 2026, "Dân chủ cơ sở") == \
        "Sinh hoạt chi bộ thường kỳ tháng 3 năm 2026 kết hợp sinh hoạt chuyên đề: Dân chủ cơ sở"
    assert m.meeting_subtitle("bat_thuong", 9, 2025) == "Sinh hoạt chi bộ bất thường"


def test_agenda_template_placeholders():
    template = {"thuong_ky": ["Đánh giá nhiệm vụ tháng {prev_month}, đề ra nhiệm vụ tháng {month} năm {year}",
                              "{topic}", "Mục {unknown}"]}
    assert m.render_agenda(template, "thuong_ky", 1, 2026) == [
        "Đánh giá nhiệm vụ tháng 12, đề ra nhiệm vụ tháng 1 năm 2026", "Mục {unknown}"]


def test_content_round_trips_through_json_and_cleans_word_paste():
    pasted = "Đoạn một.\u00a0\u200b\r\n\r\n\r\n\r\nĐoạn hai\u00ad.\u2029Đoạn ba."
    name = "Nguyễn Văn Đức"
    content = MinutesContent(
        kind="thuong_ky", held_on=D(2025, 9, 5), start_time=T(8, 0), end_time=T(9, 45),
        location="  Hội   trường ", chair_name=unicodedata.normalize("NFD", name),
        agenda=[AgendaItem("Thời sự", presentation=pasted, speeches=[Speech("Trần Thị Hồng", pasted, "id2")],
                           vote=Vote(10, 1, 0))],
    )
    cleaned = m.clean_content(content)
    assert cleaned.location == "Hội trường"
    assert cleaned.chair_name == name
    assert cleaned.agenda[0].presentation == "Đoạn một.\n\nĐoạn hai.\nĐoạn ba."
    assert (cleaned.period_year, cleaned.period_month) == (2025, 9)
    again = m.content_from_dict(m.content_to_dict(cleaned))
    assert again == cleaned
    assert "Trần Thị Hồng: Đoạn một." in m.content_search_text(cleaned)

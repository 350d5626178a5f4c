"""The invitation and the sign-in sheet of a meeting, from its record, in PDF and DOCX; the template's
notes (unverified wording) never reach the paper."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from cellsec.reports.meeting_papers import paper_template, write_notice, write_signin
from tests.reports.pdfcheck import pages_text
from tests.services.meeting_data import add_members, fill

D = dt.date


@pytest.fixture
def meeting(services):
    people = add_members(services)
    record = services.meetings.create("thuong_ky", D(2025, 9, 25))
    fill(services, record.id, people)
    return record.id


def flat(path) -> str:
    return " ".join(" ".join(pages_text(path)).split())


def test_notice_says_time_place_content_and_who_it_goes_to(services, meeting, tmp_path):
    text = flat(write_notice(services, meeting, tmp_path / "giay-moi.pdf", on=D(2025, 9, 22)))
    record = services.meetings.get(meeting)
    for expected in ("GIẤY MỜI", "ngày 22 tháng 9 năm 2025", "Thời gian: 08 giờ 00, ngày 25 tháng 9 năm 2025",
                     "Địa điểm: Hội trường tầng 3", "Kính gửi:", "Đảng ủy Báo Nghệ An (để theo dõi, chỉ đạo)",
                     "T/M CHI ỦY", "BÍ THƯ", record.content.agenda[0].title):
        assert expected in text, expected
    assert "verified" not in text.lower() and "xác minh" not in text  # the template's notes stay in the file


def test_signin_sheet_lists_every_member_of_the_day_with_a_signature_column(services, meeting, tmp_path):
    text = flat(write_signin(services, meeting, tmp_path / "ky-ten.pdf"))
    record = services.meetings.get(meeting)
    assert "DANH SÁCH ĐẢNG VIÊN DỰ SINH HOẠT CHI BỘ" in text and "Ký tên" in text
    for row in record.attendance:
        assert row.full_name in text
    assert "Miễn sinh hoạt" in text  # the exempt member is listed, without a line to sign
    assert f"phải có mặt: {record.summary.expected}" in text
    assert "THƯ KÝ" in text and "CHỦ TRÌ" in text


def test_papers_as_word(services, meeting, tmp_path):
    path = write_signin(services, meeting, tmp_path / "ky-ten.docx")
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Ký tên" in cells and "Nguyễn Văn Đức" in cells
    notice = docx.Document(str(write_notice(services, meeting, tmp_path / "giay-moi.docx")))
    assert any("Thời gian:" in p.text for p in notice.paragraphs)


def test_the_wording_is_template_data():
    notice = paper_template("notice")
    assert notice["title"] == "Giấy mời" and "{place}" in notice["place"]

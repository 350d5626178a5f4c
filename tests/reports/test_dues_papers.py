"""A member's yearly dues ledger and the month's remittance slip, from the dues ledger."""

from __future__ import annotations

import datetime as dt

import docx

from cellsec.reports.dues_papers import write_ledger, write_slip
from tests.reports.pdfcheck import pages_text

from ..conftest import DEMO_TODAY


def flat(path) -> str:
    return " ".join(" ".join(pages_text(path)).split())


def test_ledger_of_a_member_who_missed_months(demo_services, tmp_path):
    member = next(m for m in demo_services.members.list() if m.full_name == "Đậu Văn Lực")
    text = flat(write_ledger(demo_services, member.id, DEMO_TODAY.year, tmp_path / "so.pdf", DEMO_TODAY))
    assert "SỔ THEO DÕI ĐÓNG ĐẢNG PHÍ" in text and "Năm 2026" in text and "Đậu Văn Lực" in text
    assert text.count("Chưa đóng") == 3  # February, May and August
    assert "Đã đóng đảng phí hết tháng 01/2026." in text
    past = flat(write_ledger(demo_services, member.id, DEMO_TODAY.year - 1, tmp_path / "cu.pdf", DEMO_TODAY))
    assert "ngày 31 tháng 12 năm 2025" in past and "hết tháng 12/2025" in past  # its own year, not today
    word = docx.Document(str(write_ledger(demo_services, member.id, 2026, tmp_path / "so.docx", DEMO_TODAY)))
    assert "Người thu" in [c.text for t in word.tables for row in t.rows for c in row.cells]


def test_remittance_slip_splits_what_was_collected(demo_services, tmp_path):
    sheet = demo_services.dues.sheet(dt.date(2026, 10, 1), today=DEMO_TODAY)
    text = flat(write_slip(demo_services, "2026-10", tmp_path / "nop.pdf", DEMO_TODAY))
    money = lambda n: f"{n:,}".replace(",", ".")  # noqa: E731
    assert "GIẤY NỘP ĐẢNG PHÍ" in text and "ngày 31 tháng 10 năm 2026" in text
    assert f"Số nộp lên cấp trên: {money(sheet.remitted)} đồng" in text
    assert f"Tổng số đảng phí đã thu: {money(sheet.total_paid)} đồng" in text

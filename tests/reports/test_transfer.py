"""The transfer paper and its return slip, from the member's record, status and dues ledger."""

from __future__ import annotations

import docx
import pytest

from cellsec.reports.transfer import write_transfer
from cellsec.services.errors import ServiceError
from tests.reports.pdfcheck import pages_text


def test_transfer_paper_of_the_demo_member_who_moved(demo_services, tmp_path):
    member = next(m for m in demo_services.members.list() if m.full_name == "Cao Văn Dũng")
    pages = pages_text(write_transfer(demo_services, member.id, tmp_path / "gt.pdf"))
    assert len(pages) == 2  # the paper, then the return slip for the cell where he arrives
    paper, slip = (" ".join(p.split()) for p in pages)
    through = demo_services.dues.paid_through(member.id)
    for expected in ("GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG", "Kính gửi: Chi bộ Khối 3, Đảng bộ phường Trường Vinh",
                     f"Số thẻ đảng viên (TĐV): {member.card_no}", f"(SĐV): {member.list_no}",
                     f"Đã đóng đảng phí hết tháng {through:%m/%Y}.", "Lý do chuyển: Chuyển nơi cư trú.",
                     "T/M CHI ỦY", "Nguyễn Văn Hùng"):
        assert expected in paper, expected
    assert "PHIẾU BÁO ĐÃ NHẬN SINH HOẠT ĐẢNG" in slip and "Cao Văn Dũng" in slip
    assert "verified" not in paper + slip and "đối chiếu" not in paper + slip
    word = docx.Document(str(write_transfer(demo_services, member.id, tmp_path / "gt.docx")))
    assert any("Đã đóng đảng phí hết tháng" in p.text for p in word.paragraphs)


def test_only_for_a_member_transferred_out(demo_services, tmp_path):
    member = next(m for m in demo_services.members.list() if m.full_name == "Nguyễn Văn Hùng")
    with pytest.raises(ServiceError, match="không ở tình trạng chuyển sinh hoạt đi"):
        write_transfer(demo_services, member.id, tmp_path / "x.pdf")

"""The commitment registration form and its year-end result, from the recorded commitment, PDF and DOCX."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from cellsec.domain.reviews import CommitmentItem
from cellsec.reports.commitments import write_commitment
from cellsec.services.errors import ServiceError
from cellsec.services.members.service import MemberInput
from cellsec.services.reviews.records import CommitmentInput
from tests.reports.pdfcheck import pages_text


@pytest.fixture
def member(services):
    record = services.members.add(MemberInput(full_name="Nguyễn Văn An", date_of_birth=dt.date(1980, 5, 1),
                                              gender="nam", admitted_on=dt.date(2010, 1, 1),
                                              official_on=dt.date(2011, 1, 1), status="chinh_thuc", list_no=1),
                                  today=dt.date(2025, 1, 1))
    return record.id


def test_registration_and_result(services, member, tmp_path):
    with pytest.raises(ServiceError, match="chưa có bản đăng ký cam kết năm 2025"):
        write_commitment(services, member, 2025, tmp_path / "x.pdf")
    services.reviews.save_commitment(member, 2025, CommitmentInput(
        items=[CommitmentItem("Tham gia sinh hoạt đầy đủ.", result_note="10/12 kỳ", achieved=False),
               CommitmentItem("Gương mẫu ở nơi cư trú.", achieved=True)],
        registered_on=dt.date(2025, 2, 20), yearend_result="Hoàn thành phần lớn nội dung.",
        yearend_on=dt.date(2025, 11, 15)), today=dt.date(2025, 11, 15))
    form = " ".join(" ".join(pages_text(write_commitment(services, member, 2025, tmp_path / "dk.pdf"))).split())
    assert "ngày 20 tháng 02 năm 2025" in form and "Tham gia sinh hoạt đầy đủ." in form and "NGƯỜI ĐĂNG KÝ" in form
    result = " ".join(" ".join(pages_text(write_commitment(services, member, 2025, tmp_path / "kq.pdf",
                                                            result=True))).split())
    assert "ngày 15 tháng 11 năm 2025" in result and "Chưa đạt" in result and "10/12 kỳ" in result
    assert "Hoàn thành phần lớn nội dung." in result
    word = docx.Document(str(write_commitment(services, member, 2025, tmp_path / "kq.docx", result=True)))
    assert "Chưa đạt" in [c.text for t in word.tables for row in t.rows for c in row.cells]

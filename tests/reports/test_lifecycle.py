"""The lifecycle papers of the demo's members: recognition as official, exemption, removal."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.reports.lifecycle import write_lifecycle
from cellsec.services.errors import ServiceError
from cellsec.services.members.service import StatusChange
from tests.reports.pdfcheck import pages_text

from ..conftest import DEMO_TODAY


def _member(svc, name):
    return next(m for m in svc.members.list() if m.full_name == name)


def flat(path) -> str:
    return " ".join(" ".join(pages_text(path)).split())


def test_recognition_exemption_and_removal(demo_services, tmp_path):
    son = _member(demo_services, "Hoàng Văn Sơn")  # probation ends in December
    text = flat(write_lifecycle(demo_services, son.id, tmp_path / "ct.pdf", 7))
    assert "đề nghị công nhận đảng viên chính thức đối với đồng chí Hoàng Văn Sơn" in text and "Số 07-NQ/CB" in text
    assert f"kết thúc ngày {son.probation_ends_on:%d/%m/%Y}" in text
    mai = _member(demo_services, "Võ Thị Mai")  # exempt (maternity leave)
    text = flat(write_lifecycle(demo_services, mai.id, tmp_path / "mien.pdf", 8))
    assert "miễn công tác và sinh hoạt đảng" in text and "Nghỉ thai sản" in text
    assert f"đến ngày {mai.status_to:%d/%m/%Y}" in text and "verified" not in text
    luc = _member(demo_services, "Đậu Văn Lực")
    demo_services.members.change_status(luc.id, StatusChange(
        "removed", DEMO_TODAY, None, "Bỏ sinh hoạt đảng 3 tháng trong năm không có lý do",
        "Quyết định số 21-QĐ/ĐU"), today=DEMO_TODAY)
    text = flat(write_lifecycle(demo_services, luc.id, tmp_path / "xoa.pdf", 9))
    assert "đề nghị xóa tên đồng chí Đậu Văn Lực khỏi danh sách đảng viên" in text
    assert f"ngày {DEMO_TODAY.day} tháng {DEMO_TODAY.month} năm {DEMO_TODAY.year}" in text
    with pytest.raises(ServiceError, match="không có văn bản nào để in"):
        write_lifecycle(demo_services, _member(demo_services, "Nguyễn Văn Hùng").id, tmp_path / "x.pdf")
    assert write_lifecycle(demo_services, son.id, tmp_path / "ct.docx", 7).exists()

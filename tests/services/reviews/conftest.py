"""The `cell` fixture of the review service tests (see review_data.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from cellsec.services.members.service import StatusChange

from .review_data import TODAY, add


@pytest.fixture
def cell(services):
    svc = services
    people = {
        "secretary": add(svc, "Nguyễn Văn Đức", party="Bí thư chi bộ", government="Phó Tổng biên tập", list_no=1),
        "staff": add(svc, "Trần Thị Hồng", government="Phóng viên", list_no=2),
        "retired": add(svc, "Lê Văn Sơn", workplace="Nghỉ hưu", list_no=3, born=dt.date(1955, 1, 1)),
        "probation": add(svc, "Phạm Thu Trang", status="du_bi", admitted=dt.date(2026, 6, 1), list_no=4,
                         born=dt.date(1998, 7, 7)),
        "exempt": add(svc, "Hoàng Văn Lâm", list_no=5, born=dt.date(1950, 2, 2)),
        "moved": add(svc, "Võ Minh Tâm", list_no=6),
    }
    svc.members.change_status(people["exempt"].id, StatusChange("exempt", dt.date(2025, 3, 1), None,
                                                                reason="Tuổi cao, sức yếu", decision="Số 03-QĐ/CB"),
                              today=TODAY)
    svc.members.change_status(people["moved"].id, StatusChange("transferred_out", dt.date(2026, 4, 10),
                                                               org="Chi bộ Sở Tài chính"), today=TODAY)
    return svc, people

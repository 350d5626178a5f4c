"""The deputy secretary is a member of the cell: set up as a member record, shown on it, printed from it."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from cellsec.reports import reviews as rp
from cellsec.services.facade import Services
from cellsec.services.members.service import MemberInput
from cellsec.services.reviews.records import CellAssessmentInput, ReviewInput
from cellsec.services.errors import ServiceError
from cellsec.services.settings.cell import CellInfo
from cellsec.services.settings.officers import DEPUTY_POSITION

TODAY = dt.date(2026, 11, 22)
CELL = CellInfo(name="Chi bộ Thôn 3", abbreviation="CB", place_name="Nghệ An", secretary_name="Nguyễn Văn Đức",
                deputy_name="Trần Thị Hồng", upper_committee="Đảng ủy xã Nghi Phong")


@pytest.fixture
def fresh(data_dir):
    svc = Services.open(data_dir)
    yield svc
    svc.close()


def _member(svc, name: str):
    return next(m for m in svc.members.list() if m.full_name == name)


def _add(svc, name: str, **kw):
    return svc.members.add(MemberInput(full_name=name, date_of_birth=dt.date(1975, 4, 30), gender="nam",
                                       admitted_on=dt.date(2005, 5, 19), official_on=dt.date(2006, 5, 19),
                                       status="chinh_thuc", **kw), today=TODAY)


def _text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_setup_adds_the_deputy_as_a_member_linked_to_the_cell(fresh):
    cell = fresh.cell.setup(CELL, deputy_as_member=True)
    deputy = _member(fresh, "Trần Thị Hồng")
    assert cell.deputy_member_id == deputy.id and cell.deputy_name == "Trần Thị Hồng"
    assert deputy.position_party == DEPUTY_POSITION and deputy.status == "chinh_thuc"
    assert len(fresh.members.list()) == 1  # the secretary's name alone adds nobody


def test_setup_without_the_choice_or_without_a_deputy_adds_no_member(fresh, data_dir):
    fresh.cell.setup(CellInfo(**{**CELL.__dict__, "deputy_name": ""}), deputy_as_member=True)
    assert fresh.members.list() == [] and fresh.cell.get().deputy_member_id == ""


def test_documents_print_the_deputy_from_the_member_record(fresh, tmp_path):
    fresh.cell.setup(CELL, deputy_as_member=True)
    duc = _add(fresh, "Nguyễn Văn Đức", list_no=1, position_party="Bí thư chi bộ")
    deputy = _member(fresh, "Trần Thị Hồng")
    # Her name corrected on her record: the cell and the secretary's review form follow it.
    completed = {**deputy.as_input().__dict__, "full_name": "Trần Thị Hồng Nhung", "gender": "nu", "list_no": 2,
                 "date_of_birth": dt.date(1980, 3, 8), "admitted_on": dt.date(2005, 5, 19),
                 "official_on": dt.date(2006, 5, 19)}
    fresh.members.update(deputy.id, MemberInput(**completed), today=TODAY)
    assert fresh.cell.get().deputy_name == "Trần Thị Hồng Nhung"
    fresh.reviews.open_year(2026, today=TODAY)
    review_id = fresh.reviews.review_for(duc.id, 2026).id
    fresh.reviews.save_review(review_id, ReviewInput(scores={"general": 24, "tasks": 55}, self_level="htt"))
    fresh.reviews.save_cell_assessment(review_id, CellAssessmentInput("Nhất trí.", "htt", 2, 0, 0))
    text = _text(rp.write_review(fresh, review_id, tmp_path / "duc.pdf"))
    assert "PHÓ BÍ THƯ Trần Thị Hồng Nhung" in text


def test_naming_another_member_deputy_moves_the_link_and_the_position(fresh):
    fresh.cell.setup(CELL, deputy_as_member=True)
    hong = _member(fresh, "Trần Thị Hồng")
    son = _add(fresh, "Lê Văn Sơn", list_no=2)
    fresh.cell.update(CellInfo(**{**fresh.cell.get().__dict__, "deputy_name": "Lê Văn Sơn", "deputy_member_id": ""}))
    cell = fresh.cell.get()
    assert (cell.deputy_name, cell.deputy_member_id) == ("Lê Văn Sơn", son.id)
    assert fresh.members.get(son.id).position_party == DEPUTY_POSITION
    assert fresh.members.get(hong.id).position_party == ""
    # A name that is no member's stays a name; a position typed by the user is left alone.
    fresh.cell.update(CellInfo(**{**fresh.cell.get().__dict__, "deputy_name": "Người Ngoài", "deputy_member_id": ""}))
    assert (fresh.cell.get().deputy_name, fresh.cell.get().deputy_member_id) == ("Người Ngoài", "")
    assert fresh.members.get(son.id).position_party == ""
    fresh.undo_last()  # one undoable action puts link and position back together
    assert fresh.cell.get().deputy_member_id == son.id and fresh.members.get(son.id).position_party == DEPUTY_POSITION


def test_a_deleted_deputy_leaves_the_name_as_text(fresh):
    fresh.cell.setup(CELL, deputy_as_member=True)
    fresh.members.delete(_member(fresh, "Trần Thị Hồng").id)
    cell = fresh.cell.get()
    assert (cell.deputy_name, cell.deputy_member_id) == ("Trần Thị Hồng", "")


def test_the_deputy_is_chosen_among_official_members_by_name_or_card(fresh):
    fresh.cell.setup(CELL)  # the deputy only a name: no member of that name yet
    hong = _add(fresh, "Trần Thị Hồng", card_no="11223344")
    _add(fresh, "Lê Văn Kiểm", card_no="55667788")
    _add(fresh, "Lê Văn Kiêm", card_no="99001122")
    fresh.members.add(MemberInput(full_name="Võ Thị Hằng", date_of_birth=dt.date(1990, 1, 1), gender="nu",
                                  admitted_on=dt.date(2026, 1, 5), status="du_bi"), today=TODAY)
    names = [c.full_name for c in fresh.cell.deputy_choices()]
    assert "Võ Thị Hằng" not in names  # a probationary member cannot be deputy
    assert set(names) == {"Trần Thị Hồng", "Lê Văn Kiểm", "Lê Văn Kiêm"}
    assert fresh.cell.set_deputy("55667788").deputy_name == "Lê Văn Kiểm"  # by card number
    assert fresh.cell.set_deputy("tran thi hong").deputy_member_id == hong.id  # the name without accents
    assert _member(fresh, "Trần Thị Hồng").position_party == DEPUTY_POSITION
    assert _member(fresh, "Lê Văn Kiểm").position_party == ""  # the position moved with the link
    with pytest.raises(ServiceError) as err:
        fresh.cell.set_deputy("le van kiem")  # two members fold to this name
    assert err.value.message == ("Có 2 đảng viên tên \"le van kiem\" (55667788, 99001122): hãy ghi số thẻ đảng của "
                                 "người được chọn.")
    with pytest.raises(ServiceError, match="Không có đảng viên chính thức nào trong chi bộ có tên hoặc số thẻ "
                                           "\"Võ Thị Hằng\""):
        fresh.cell.set_deputy("Võ Thị Hằng")
    assert fresh.cell.get().deputy_member_id == hong.id  # a refusal changes nothing

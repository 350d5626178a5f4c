"""Rubric service: shipped defaults, editing versions, activation per target, import/export, refusals."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from cellsec.domain import rubrics as R
from cellsec.services.errors import ServiceError
from cellsec.services.scoring.rubrics import default_row_id
from cellsec.store.models.core import ChangeLog
from cellsec.store.models.scoring import MeetingScore, Rubric

from tests.domain.test_rubrics import _broken_files, small_rubric


def file_of(*rubrics: dict) -> bytes:
    return json.dumps({"format": "cellsec-rubrics", "format_version": 1, "rubrics": list(rubrics)},
                      ensure_ascii=False).encode()


def counts(svc) -> tuple[int, int]:
    with svc.ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Rubric)), s.scalar(select(func.count()).select_from(ChangeLog))


def test_defaults_installed_once_with_one_active_per_slot(services):
    rubrics = services.rubrics.list()
    assert {r.key for r in rubrics} == {"mac-dinh.sinh-hoat-thuong-ky", "mac-dinh.sinh-hoat-chuyen-de",
                                        "mac-dinh.chi-bo-5-tot", "mac-dinh.dang-vien-5-tot"}
    assert all(r.active and r.origin == "default" and r.unverified for r in rubrics)
    regular = services.rubrics.active("meeting", "thuong_ky")
    assert regular.key == "mac-dinh.sinh-hoat-thuong-ky"
    assert services.rubrics.active("meeting", "chuyen_de").key == "mac-dinh.sinh-hoat-chuyen-de"
    assert services.rubrics.active("meeting", "combined").key == "mac-dinh.sinh-hoat-thuong-ky"
    # the same cell on another laptop would install the very same row ids
    assert regular.id == default_row_id(services.ctx.cell_id, regular.key, 1)
    before = counts(services)
    services.rubrics.list()
    assert counts(services) == before


def test_deleted_default_stays_deleted(services):
    member = services.rubrics.active("member_year")
    services.rubrics.delete(member.id)
    fresh = type(services.rubrics)(services.ctx)
    assert "mac-dinh.dang-vien-5-tot" not in {r.key for r in fresh.list()}
    assert fresh.active("member_year") is None


def test_import_activate_and_export_round_trip(services, tmp_path):
    imported = services.rubrics.import_bytes(file_of(small_rubric()), activate=True)
    assert [r.name for r in imported] == ["Biểu thử"]
    assert services.rubrics.active("meeting", "thuong_ky").id == imported[0].id
    # the regular default covered thuong_ky too, so it is no longer active
    assert not services.rubrics.info(default_row_id(services.ctx.cell_id, "mac-dinh.sinh-hoat-thuong-ky", 1)).active
    assert services.rubrics.active("meeting", "chuyen_de").key == "mac-dinh.sinh-hoat-chuyen-de"
    path = services.rubrics.export_file([imported[0].id], tmp_path / "bieu.json")
    exported = R.parse_rubric_file(path.read_bytes())
    assert exported == [services.rubrics.get(imported[0].id)]
    assert json.loads(path.read_text(encoding="utf-8"))["exported_by"] == "Chi bộ Xuất bản - Kỹ thuật"


def test_same_version_twice_is_refused(services):
    services.rubrics.import_bytes(file_of(small_rubric()))
    before = counts(services)
    with pytest.raises(ServiceError, match="đã có trong chương trình"):
        services.rubrics.import_bytes(file_of(small_rubric()))
    assert counts(services) == before


@pytest.mark.parametrize("raw, expected", _broken_files())
def test_broken_files_change_nothing(services, raw, expected):
    services.rubrics.list()
    before = counts(services)
    with pytest.raises(ServiceError) as info:
        services.rubrics.import_bytes(raw)
    assert expected in info.value.message
    assert counts(services) == before


def test_a_file_with_one_bad_rubric_imports_nothing(services):
    good, bad = small_rubric(), small_rubric()
    bad["key"] = "t.other"
    bad["bands"] = [{"label": "Tốt", "min_points": 10}]
    services.rubrics.list()
    before = counts(services)
    with pytest.raises(ServiceError, match="Bộ tiêu chí 2"):
        services.rubrics.import_bytes(file_of(good, bad))
    assert counts(services) == before


def test_import_file_too_large_is_refused_before_reading(services, tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (R.MAX_FILE_BYTES + 10))
    with pytest.raises(ServiceError, match="quá lớn"):
        services.rubrics.import_file(path)


def test_edit_copy_and_freeze_after_use(services):
    info = services.rubrics.import_bytes(file_of(small_rubric()))[0]
    rubric = services.rubrics.get(info.id)
    rubric.name = "Biểu thử (sửa)"
    rubric.groups[1].criteria[2].max_points = 20
    updated = services.rubrics.update(info.id, rubric)
    assert updated.max_points == 40 and updated.name == "Biểu thử (sửa)"
    assert services.rubrics.check(rubric) is None
    rubric.bands = [R.Band("Tốt", 5)]
    assert "phủ từ 0 điểm" in services.rubrics.check(rubric)
    with pytest.raises(ServiceError, match="phủ từ 0 điểm"):
        services.rubrics.update(info.id, rubric)
    # once a score uses it, the version is frozen
    import datetime as dt

    with services.ctx.mutation("test", "test") as s:
        s.add(MeetingScore(cell_id=services.ctx.cell_id, meeting_id="m-1", rubric_id=info.id,
                           meeting_date=dt.date(2026, 1, 5), meeting_type="thuong_ky"))
    assert services.rubrics.info(info.id).used_count == 1
    with pytest.raises(ServiceError, match="tạo phiên bản mới"):
        services.rubrics.update(info.id, services.rubrics.get(info.id))
    with pytest.raises(ServiceError, match="không xóa được"):
        services.rubrics.delete(info.id)
    copy = services.rubrics.copy(info.id)
    assert (copy.key, copy.version, copy.editable, copy.active) == (info.key, 2, True, False)
    other = services.rubrics.copy(info.id, new_key="chi-bo.rieng", name="Biểu riêng")
    assert (other.key, other.version, other.name) == ("chi-bo.rieng", 1, "Biểu riêng")


def test_import_is_one_undoable_step(services):
    services.rubrics.list()
    before = {r.id for r in services.rubrics.list()}
    services.rubrics.import_bytes(file_of(small_rubric()))
    assert services.last_undoable()[1] == "Nhập bộ tiêu chí: Biểu thử"
    services.undo_last()
    assert {r.id for r in services.rubrics.list()} == before


def test_sources_for_the_editor(services):
    keys = {s.key for s in services.rubrics.sources("member_year")}
    assert "member.review_level" in keys and "meeting.attendance_rate" not in keys


def test_a_missing_rubric_file_is_said_in_vietnamese(services, tmp_path):
    from cellsec.services.errors import ServiceError as _ServiceError

    missing = tmp_path / "khong-co.json"
    with pytest.raises(_ServiceError) as err:
        services.rubrics.import_file(missing)
    assert err.value.message == f"Không đọc được tệp {missing}: không tìm thấy tệp hoặc thư mục"
    assert "No such file" not in err.value.message

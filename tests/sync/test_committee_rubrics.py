"""A rubric the committee issues reaches the cell's rubric list through a real sync: in use, read-only."""

from __future__ import annotations

import dataclasses

import pytest

from cellsec.server.store import admin
from cellsec.services.errors import ServiceError
from cellsec.services.scoring.rubrics import shipped_defaults

from .test_service import _laptop


def test_an_issued_rubric_is_in_use_on_every_laptop_and_cannot_be_edited_there(tmp_path, store, live_server,
                                                                                 server_cell):
    cell_id, code = server_cell
    laptop = _laptop(tmp_path, "bi-thu")
    laptop.sync.connect(live_server, code)
    shipped = next(r for r in shipped_defaults() if r.target == "meeting")
    issued = dataclasses.replace(shipped, version=shipped.version + 5, name="Tiêu chí chấm điểm của Đảng ủy xã",
                                 unverified=False)
    with store.transaction() as s:
        admin.publish_rubrics(s, admin.get_cell(s, cell_id).committee_id, [issued])

    result = laptop.sync.sync_now()
    assert "committee_rubrics" in result.came_down
    [info] = [i for i in laptop.rubrics.list("meeting") if i.origin == "committee"]
    assert (info.name, info.version, info.active, info.editable) == (issued.name, issued.version, True, False)
    assert laptop.rubrics.active("meeting", issued.meeting_types[0]).id == info.id
    with pytest.raises(ServiceError) as error:
        laptop.rubrics.update(info.id, laptop.rubrics.get(info.id))
    assert "cấp ủy cấp trên ban hành" in error.value.message
    assert laptop.rubrics.copy(info.id).editable  # the way to adapt it

    # Syncing again installs nothing twice; the record goes up like the cell's own and agrees.
    laptop.sync.sync_now()
    assert len([i for i in laptop.rubrics.list("meeting") if i.origin == "committee"]) == 1
    laptop.close()


def test_an_issued_review_rule_set_is_offered_for_the_year_read_only(tmp_path, store, live_server, server_cell):
    import json

    from cellsec.domain.review_rules import parse_rule_set
    from cellsec.paths import resources_dir
    from cellsec.server.store.web_publish import publish_rule_set

    cell_id, code = server_cell
    laptop = _laptop(tmp_path, "bi-thu")
    laptop.sync.connect(live_server, code)
    data = json.loads((resources_dir() / "rules" / "review_2025.json").read_text(encoding="utf-8"))
    data.update(name="Hướng dẫn kiểm điểm của Đảng ủy xã 2026", effective_from="2026-06-01", version=3)
    with store.transaction() as s:
        publish_rule_set(s, admin.get_cell(s, cell_id).committee_id, parse_rule_set(data), None)

    laptop.sync.sync_now()
    [issued] = [i for i in laptop.reviews.list_rule_sets() if i.issued]
    assert issued.name == "Hướng dẫn kiểm điểm của Đảng ủy xã 2026" and issued.builtin
    assert laptop.reviews.rule_set_for_year(2026).id == issued.id  # the newest in force for 2026
    assert laptop.reviews.rule_set_for_year(2025).id != issued.id
    with pytest.raises(ServiceError):
        laptop.reviews.update_rule_set(issued.id, laptop.reviews.rule_set_content(issued.id))
    assert not laptop.reviews.copy_rule_set(issued.id).builtin  # a copy adapts it
    laptop.close()

"""A rubric the committee issues reaches the cell's rubric list through a real sync: in use, read-only."""

from __future__ import annotations

import dataclasses

import pytest

from cellsec.server.store import admin
from cellsec.services.errors import ServiceError
from cellsec.services.scoring.rubrics import shipped_defaults

from .test_service import _laptop, server_cell  # noqa: F401  (fixture)


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

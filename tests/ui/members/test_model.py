"""The member list's model: what each cell shows, how it is aligned, its tooltip, the member behind a row."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from cellsec.services.members.records import MemberInput, MemberQuery
from cellsec.ui.members.model import COLUMNS, ID_ROLE, MemberTableModel
from shiboken6 import isValid


def test_cells_show_the_members_data_aligned_with_tooltips(qapp, services):
    member = services.members.add(MemberInput(full_name="Nguyễn Văn An", gender="nam", phone="0912345678",
                                              date_of_birth=dt.date(1980, 1, 2), admitted_on=dt.date(2005, 3, 4)))
    model = MemberTableModel(services)
    model.set_query(MemberQuery())
    assert model.rowCount() == 1
    column = {field: i for i, (field, _key) in enumerate(COLUMNS)}
    cell = lambda field, role=Qt.ItemDataRole.DisplayRole: model.data(model.index(0, column[field]), role)  # noqa: E731
    assert cell("full_name") == "Nguyễn Văn An" and cell("phone") == "0912345678"
    assert cell("date_of_birth") == "02/01/1980" and cell("admitted_on") == "04/03/2005"
    assert cell("gender") == "Nam" and cell("status") == "Dự bị"  # no official date given
    assert cell("date_of_birth", Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignCenter)
    assert cell("full_name", Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
    assert cell("full_name", Qt.ItemDataRole.ToolTipRole) == "Nguyễn Văn An"
    assert cell("phone", Qt.ItemDataRole.ToolTipRole) is None  # a short value needs no tooltip
    assert cell("full_name", ID_ROLE) == member.id
    assert cell("full_name", Qt.ItemDataRole.FontRole) is None  # the view's own font and colours
    assert cell("full_name", Qt.ItemDataRole.BackgroundRole) is None



@pytest.fixture
def long_list(qapp, services, monkeypatch):
    """A model of three members that queries as a long list does: on a worker thread."""
    from cellsec.ui.members import model as model_module

    monkeypatch.setattr(model_module, "BACKGROUND_ROWS", 2)  # the threshold of a long list, made small
    for name, born in (("Trần Văn Bình", 1990), ("Lê Thị Cúc", 1970), ("Phạm Văn An", 1980)):
        services.members.add(MemberInput(full_name=name, gender="nam", date_of_birth=dt.date(born, 1, 1),
                                         admitted_on=dt.date(2010, 1, 1)))
    services.members.query_ids()  # the list index read, as after the page first showed the list
    model = MemberTableModel(services)
    model.set_query(MemberQuery())
    return model


def _names(model: MemberTableModel) -> list[str]:
    return [model.data(model.index(r, 1)) for r in range(model.rowCount())]


def _settled(qtbot, model: MemberTableModel) -> None:
    qtbot.waitUntil(lambda: model.loading is None, timeout=10_000)


BIRTH = [field for field, _key in COLUMNS].index("date_of_birth")


def test_a_long_list_queries_on_a_worker_and_shows_the_rows_when_they_come(qtbot, long_list):
    _settled(qtbot, long_list)
    model = MemberTableModel(long_list.services)
    model.set_query(MemberQuery())
    assert model.loading is not None and model.rowCount() == 0  # nothing waited for on the UI thread
    _settled(qtbot, model)
    assert model.rowCount() == 3 and model.total == 3


def test_a_long_list_sorts_on_a_worker_and_a_newer_query_wins(qtbot, long_list):
    _settled(qtbot, long_list)
    long_list.sort(BIRTH, Qt.SortOrder.AscendingOrder)
    _settled(qtbot, long_list)
    assert _names(long_list) == ["Lê Thị Cúc", "Phạm Văn An", "Trần Văn Bình"]

    long_list.sort(BIRTH, Qt.SortOrder.DescendingOrder)
    long_list.set_query(MemberQuery(text="cuc"))  # typed in the search box before the sort came back
    _settled(qtbot, long_list)
    assert _names(long_list) == ["Lê Thị Cúc"]  # the search shows, not the older sort's full list


def test_orders_asked_for_while_a_long_list_sorts_end_in_the_last_one(qtbot, long_list):
    _settled(qtbot, long_list)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder,
                  Qt.SortOrder.DescendingOrder):
        long_list.sort(BIRTH, order)  # clicks on the header faster than the sorts come back: one runs at a time
    _settled(qtbot, long_list)
    assert _names(long_list) == ["Trần Văn Bình", "Phạm Văn An", "Lê Thị Cúc"]


def test_a_sorted_long_list_keeps_the_selected_member_selected(qtbot, long_list):
    from PySide6.QtCore import QItemSelectionModel

    _settled(qtbot, long_list)
    selection = QItemSelectionModel(long_list)
    row = _names(long_list).index("Lê Thị Cúc")
    selection.select(long_list.index(row, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
    long_list.sort(BIRTH, Qt.SortOrder.AscendingOrder)
    _settled(qtbot, long_list)
    assert _names(long_list).index("Lê Thị Cúc") != row  # the member moved
    [selected] = {index.row() for index in selection.selectedIndexes()}
    assert long_list.data(long_list.index(selected, 1)) == "Lê Thị Cúc"  # the member, not the row number


def test_a_long_list_closed_while_its_worker_runs_takes_the_late_answer_quietly(qtbot, long_list):
    import threading

    _settled(qtbot, long_list)
    release, real = threading.Event(), long_list.services.members.listing
    long_list.services.members.listing = lambda query: release.wait(10) and real(query)
    try:
        model = MemberTableModel(long_list.services)
        model.set_query(MemberQuery(text="cuc"))
        task = model.loading
        model.deleteLater()  # the page closed before the answer came
        qtbot.waitUntil(lambda: not isValid(model), timeout=5_000)
        release.set()
        with qtbot.waitSignal(task.finished, timeout=10_000):
            pass  # no error in the answer's handler (pytest-qt fails the test on one)
    finally:
        del long_list.services.members.listing


def test_a_long_list_answers_while_long_background_work_fills_every_worker(qtbot, long_list):
    """A sync and a backup on both of the pool's workers: a search must not wait for them to end."""
    import threading

    from cellsec.ui.common.workers import run_in_background

    _settled(qtbot, long_list)
    release = threading.Event()
    held = [run_in_background(None, lambda: release.wait(20)) for _ in range(3)]  # more than the pool has threads
    try:
        long_list.set_query(MemberQuery(text="cuc"))
        _settled(qtbot, long_list)
        assert _names(long_list) == ["Lê Thị Cúc"]
        assert not any(task.done for task in held)  # the long work still runs: the search did not wait for it
    finally:
        release.set()
        for task in held:
            qtbot.waitUntil(lambda task=task: task.done, timeout=10_000)


def test_a_long_list_computes_its_orders_ahead_so_a_header_click_answers_at_once(qtbot, long_list, monkeypatch):
    from cellsec.store.members_order import MemberOrders
    from cellsec.ui.members import model as model_module

    monkeypatch.setattr(model_module, "PREPARE_IDLE_MS", 1)  # the list counts as left alone at once
    _settled(qtbot, long_list)
    qtbot.waitUntil(lambda: not long_list._to_prepare and long_list.preparing.done, timeout=20_000)
    sorted_on_click = []
    real = MemberOrders.by
    monkeypatch.setattr(MemberOrders, "by", lambda self, *a: sorted_on_click.append(a) or real(self, *a))
    for column, (_field, key) in enumerate(COLUMNS):
        for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            long_list.sort(column, order)
            _settled(qtbot, long_list)
    assert _names(long_list) == ["Phạm Văn An", "Trần Văn Bình", "Lê Thị Cúc"]  # no phones: by given name
    assert sorted_on_click == []  # every order was ready: no sort ran after a click

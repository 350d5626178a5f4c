"""The month's collection table model: edits on top of the loaded lines, the amount due following the
basis, totals, "mark everyone paid", and values refused as they are typed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from cellsec.ui.dues.sheet import COLUMNS, DuesSheetModel, money_text, percent_text

from ..dues_people import TODAY, add_people


def _model(services) -> DuesSheetModel:
    month = dt.date(2026, 10, 1)
    model = DuesSheetModel(services.dues)
    model.today = lambda: TODAY
    model.default_paid_on = lambda: dt.date(2026, 10, 5)
    model.load(services.dues.sheet(month, today=TODAY), services.dues.rules_for(month))
    return model


def _row(model, name: str) -> int:
    return next(i for i, row in enumerate(model.rows) if row.line.full_name == name)


def test_edits_follow_the_rules_of_the_month(qtbot, services):
    add_people(services)
    model = _model(services)
    assert money_text(25_000) == "25.000 đ" and percent_text("0.5") == "0,5"
    an = _row(model, "Nguyễn Văn An")
    assert model.data(model.index(an, COLUMNS.index("due"))) == "65.000 đ"
    assert model.setData(model.index(an, COLUMNS.index("basis")), "7.000.000")
    assert model.data(model.index(an, COLUMNS.index("due"))) == "70.000 đ"
    assert model.is_dirty() and len(model.entries()) == 1
    errors: list[str] = []
    model.input_error.connect(errors.append)
    assert not model.setData(model.index(an, COLUMNS.index("paid_on")), "01/12/2026")
    assert errors == ["Ngày nộp 01/12/2026 ở tương lai."]
    assert model.mark_all_paid() == len(model.rows)
    due, paid, _kept, _remitted, full, owing = model.totals()
    assert paid == due and full == owing == len(model.rows)
    assert model.data(model.index(an, COLUMNS.index("full")), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_a_refused_value_shows_the_services_message(qtbot, services, monkeypatch):
    """The model does not know the rules: whatever the service says about a typed value is what is shown."""
    add_people(services)
    model = _model(services)
    monkeypatch.setattr(services.dues, "check_entry",
                        lambda entry, today=None: {"amount_paid": "Thông báo của dịch vụ đảng phí."})
    errors: list[str] = []
    model.input_error.connect(errors.append)
    an = _row(model, "Nguyễn Văn An")
    assert not model.setData(model.index(an, COLUMNS.index("paid")), "65.000")
    assert errors == ["Thông báo của dịch vụ đảng phí."] and not model.is_dirty()

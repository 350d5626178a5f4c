"""The number dialog asked before a report is previewed: it proposes the register's next number, refuses a
number another document has (in Vietnamese, the dialog staying open), gives a number leaving earlier ones
unused only when asked twice, and proposes a document's own number when it is printed again."""

from __future__ import annotations

import datetime as dt

from cellsec.ui.common.preview import NumberDialog


def _dialog(qtbot, services, subject, about=""):
    dialog = NumberDialog(services, "monthly_report", dt.date(2026, 3, 31), subject=subject, about=about)
    qtbot.addWidget(dialog)
    return dialog


def test_numbers_come_from_the_register(qtbot, services):
    services.numbers.take("scores_report", 2026, 1, subject="2025", title="Báo cáo chấm điểm 5 tốt năm 2025",
                          issued_on=dt.date(2026, 1, 5))
    march = _dialog(qtbot, services, "2026-03", "03/2026")
    assert march.number.value() == 2  # reports share one sequence: 01 went to the scores report
    march.number.setValue(1)
    march.accept()
    assert not march.result()
    assert march.message.text().startswith("Số 01-BC/CB năm 2026 đã cấp cho \"Báo cáo chấm điểm 5 tốt năm 2025\"")
    march.number.setValue(4)
    march.accept()
    assert not march.result() and "bỏ trống số 02, số 03" in march.message.text()
    assert "Xem trước" in march.message.text()
    march.accept()  # asked again: the secretary's choice
    assert march.result() and march.entry.number == "Số 04-BC/CB"
    assert services.numbers.given("monthly_report", "2026-03", 2026).title == "Báo cáo tháng 03/2026"
    again = _dialog(qtbot, services, "2026-03")
    assert again.number.value() == 4 and "31/03/2026" in again.message.text()
    april = _dialog(qtbot, services, "2026-04")
    assert april.number.value() == 5 and april.message.text() == ""

"""Every tr() string has Vietnamese; switching language changes what the window shows; Qt's own
buttons read in Vietnamese."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QWizard, QWizardPage

from cellsec.ui.app.i18n import install_language
from cellsec.ui.app.main_window import MainWindow


def test_no_untranslated_strings(i18n_tool):
    assert i18n_tool.problems() == []


def test_navigation_follows_the_language(qtbot, qapp, services):
    window = MainWindow(services)
    qtbot.addWidget(window)
    nav = lambda: [window.nav.item(i).text() for i in range(window.nav.count())]  # noqa: E731
    assert {"Tổng quan", "Đảng viên", "Cài đặt"} <= set(nav())
    assert nav()[0] == "Tổng quan" and nav()[-1] == "Cài đặt"
    assert window.menuBar().actions()[0].text() == "&Tệp"
    install_language(qapp, "en")
    qtbot.waitUntil(lambda: nav()[0] == "Overview")  # Qt posts the LanguageChange events
    assert {"Overview", "Party members", "Settings"} <= set(nav())
    assert window.menuBar().actions()[0].text() == "&File"
    install_language(qapp, "vi")
    qtbot.waitUntil(lambda: nav()[1] == "Đảng viên")


def test_qt_standard_buttons_are_vietnamese(qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "CellSec", "?",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
                      | QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == sorted(["OK", "Hủy", "&Có", "&Không"])
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == ["Lưu", "Đóng"]

    wizard = QWizard()
    qtbot.addWidget(wizard)
    wizard.addPage(QWizardPage())
    wizard.addPage(QWizardPage())
    wizard.show()
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Tiếp theo >"
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Hủy"
    wizard.next()
    assert wizard.button(QWizard.WizardButton.BackButton).text() == "< &Quay lại"
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "&Hoàn tất"

    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert texts == ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]


def test_english_has_no_vietnamese_qt_buttons(qtbot, qapp):
    install_language(qapp, "en")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.buttons()[0].text() == "Cancel"


def test_one_wording_for_double_click():
    """"Nhấp đúp" everywhere, never "Bấm đúp" beside it."""
    from pathlib import Path

    folder = Path(__file__).resolve().parents[3] / "resources" / "i18n"
    texts = "".join(ts.read_text(encoding="utf-8") for ts in folder.glob("*_vi.ts"))
    assert "nhấp đúp" in texts.lower() and "bấm đúp" not in texts.lower()

"""The optional data passphrase for shared laptops: asked for at start (`unlock_at_start`), and set, changed or
removed in Cài đặt → Bảo mật (`SecurityTab`). A wrong passphrase is said under its field and changes nothing.
The passphrase seals only the key of the data (services/passphrase.py); CellSec keeps no copy of it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import passphrase
from ...services.errors import ServiceError
from ..common.widgets import with_message

UNLOCK, SET, CHANGE, REMOVE = "unlock", "set", "change", "remove"


class PassphraseDialog(QDialog):
    """One dialog for the four uses: the current passphrase (to open, change or remove), the new one twice
    (to set or change). It does the work itself and stays open on a refusal, saying why."""

    def __init__(self, parent: QWidget | None, mode: str) -> None:
        super().__init__(parent)
        self.setObjectName("data_passphrase")
        self.mode = mode
        self.result_text = ""
        self.current = self._field("current")
        self.new = self._field("new")
        self.again = self._field("again")
        intro = QLabel(self._intro())
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        form = QFormLayout()
        self.messages = {}
        wanted = [] if mode == SET else [
            ("current", self.current, self.tr("Passphrase") if mode == UNLOCK else self.tr("Current passphrase"))]
        if mode in (SET, CHANGE):
            wanted += [("new", self.new, self.tr("New passphrase")), ("again", self.again, self.tr("Again"))]
        for key, field, label in wanted:
            box, self.messages[key] = with_message(field)
            form.addRow(label, box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if mode == UNLOCK:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Data passphrase") if mode != UNLOCK else "CellSec")
        self.resize(480, self.sizeHint().height())

    @staticmethod
    def _field(name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _intro(self) -> str:
        if self.mode == UNLOCK:
            return self.tr("The data on this computer is protected by a passphrase. Enter it to open CellSec.")
        if self.mode == REMOVE:
            return self.tr("Enter the current passphrase. Without one, anyone who logs in to this computer's "
                           "account can open the data.")
        return self.tr("Choose a passphrase of at least {n} characters. CellSec will ask for it every time it opens. "
                       "Keep it safe: without it the data on this computer cannot be opened; only a backup with a "
                       "password brings it back.").format(n=passphrase.MIN_LENGTH)

    def accept(self) -> None:
        for message in self.messages.values():
            message.clear_message()
        if self.mode in (UNLOCK, CHANGE, REMOVE) and not self.current.text():
            self.messages["current"].set_error(self.tr("Enter the passphrase."))
            return
        if self.mode in (SET, CHANGE):
            if len(self.new.text()) < passphrase.MIN_LENGTH:
                self.messages["new"].set_error(self.tr("At least {n} characters.").format(n=passphrase.MIN_LENGTH))
                return
            if self.again.text() != self.new.text():
                self.messages["again"].set_error(self.tr("The two passphrases differ."))
                return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the key derivation takes about a second
        try:
            self._do()
        except ServiceError as exc:  # a wrong current passphrase: nothing changed, the user tries again
            self.messages["current" if "current" in self.messages else "new"].set_error(exc.message)
            self.current.selectAll()
            self.current.setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        super().accept()

    def _do(self) -> None:
        current = self.current.text() if self.mode != SET else None
        if self.mode == UNLOCK:
            passphrase.unlock(current)
        else:
            self.result_text = passphrase.change(current, None if self.mode == REMOVE else self.new.text())


def unlock_at_start() -> bool:
    """Before anything opens the data: ask for the passphrase when one is set. False: the user quit."""
    if not passphrase.is_locked():
        return True
    return PassphraseDialog(None, UNLOCK).exec() == QDialog.DialogCode.Accepted


class SecurityTab(QWidget):
    """Cài đặt → Bảo mật: where the key is kept, and the passphrase's three buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("passphrase_state")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = {}
        row = QHBoxLayout()
        for mode in (SET, CHANGE, REMOVE):
            button = QPushButton()
            button.setObjectName(f"passphrase_{mode}")
            button.clicked.connect(lambda _=False, m=mode: self.ask(m))
            self.buttons[mode] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.state)
        layout.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Security")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("The data and its automatic backups are encrypted with a key kept on this computer "
                                   "for your account. If others also use this account (a shared office laptop), "
                                   "protect the key with a passphrase: CellSec then asks for it every time it "
                                   "opens, at start and on the command line."))
        self.buttons[SET].setText(self.tr("Set a passphrase…"))
        self.buttons[CHANGE].setText(self.tr("Change the passphrase…"))
        self.buttons[REMOVE].setText(self.tr("Remove the passphrase…"))
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # the key store is read when the tab is shown, not at start-up
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        try:
            has = passphrase.has_passphrase()
        except ServiceError as exc:
            self.state.setText(exc.message)
            return
        self.buttons[SET].setVisible(not has)
        self.buttons[CHANGE].setVisible(has)
        self.buttons[REMOVE].setVisible(has)
        self.state.setText(passphrase.describe())

    def ask(self, mode: str) -> None:
        dialog = PassphraseDialog(self.window(), mode)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            QMessageBox.information(self.window(), self.title(), dialog.result_text)

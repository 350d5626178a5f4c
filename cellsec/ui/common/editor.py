"""What every editor in which a secretary types shares (minutes, resolutions, reviews, the collective
review, commitments, score sheets): autosave to a local draft, the draft offered back after a crash,
dirty tracking with a close guard, and the read-only look of a finalised record.

A subclass builds its form, calls `mark_changed()` from its fields' change signals (not while loading),
and implements:
    draft_kind / draft_key()     which editor and which record (the draft's key)
    collect_draft() -> dict      the form's state, JSON-ready
    apply_draft(payload)         put a recovered state back into the form
    save() -> bool               the real save (one undoable service call); True when saved
    keeper_class (optional)      a DraftKeeper subclass whose write/recover/discard use other storage
    confirm_close() (optional)   the closing policy; the default asks Save / Discard / Cancel
It calls `offer_draft()` after loading a record that can be edited, and `lock(read_only, text)` after
loading any record.

No lost update (issue 15): an editor whose record has a revision also implements
    record_revision() -> int     the record's stored revision now (one cheap read; 0 for none yet)
    reload()                     show the record as stored now, dropping this edit and its draft
    watched_tables               the tables its record lives in
passes `record_revision()` to `start_tracking` when it loads, and saves with `base_rev=self.keeper.base_rev`.
A save refused with ChangedMeanwhile goes to `resolve_changed_meanwhile` (reload, keep mine as a new
revision, or stay). While the editor is shown, a change to its record made anywhere else — another window,
the command line, a sync (the window's outside-change poll announces those) — shows `elsewhere_banner`:
"Tải lại" or keep editing; an editor with nothing unsaved just shows the stored record again.
"""

from __future__ import annotations

import datetime as dt
import logging

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from ...domain import failures
from ...services.context import Change
from ...services.errors import ServiceError
from ...services.revisions import ChangedMeanwhile
from .widgets import ERROR_COLOR, MUTED, banner, local_clock, set_read_only


class DraftKeeper(QObject):
    """Saves an editor's state a moment after typing pauses, and at least every MAX_WAIT_MS while the
    user keeps typing, so a crash or power cut loses at most about two seconds."""

    saved = Signal(object)  # the UTC time of the autosave
    IDLE_MS = 1000
    # Issue 15's bound is two seconds of typing: 1.8 s leaves room for a late timer on a busy laptop (the
    # write itself loses nothing: no key is handled while it runs). Measured by tests/reliability.
    MAX_WAIT_MS = 1800

    def __init__(self, services, kind: str, collect, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.kind = kind
        self.key: str | None = None
        self.base_rev: int | None = None
        self._collect = collect
        self.pending = False  # changed since the last autosave
        self.stored = False  # a draft of this record may be in the store (saved, or found when opened)
        self.label = QLabel()
        self.label.setObjectName("autosave_status")
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.label.setStyleSheet(MUTED)
        self._idle = QTimer(self, singleShot=True, interval=self.IDLE_MS, timeout=self.flush)
        self._max_wait = QTimer(self, singleShot=True, interval=self.MAX_WAIT_MS, timeout=self.flush,
                                timerType=Qt.TimerType.PreciseTimer)  # a coarse timer may fire 5% late

    def track(self, key: str, base_rev: int | None = None) -> None:
        """Start keeping the draft of another record (the editor loaded it)."""
        self.stop()
        self.key, self.base_rev = key, base_rev
        self.stored = True  # until recover() says otherwise: one may be left from a crash
        self.label.setText("")

    def touched(self) -> None:
        self.pending = True
        self._idle.start()  # restarted by every change: saves once the typing pauses
        if not self._max_wait.isActive():
            self._max_wait.start()  # ...but never leaves more than a couple of seconds unsaved

    def stop(self) -> None:
        self._idle.stop()
        self._max_wait.stop()
        self.pending = False

    def flush(self) -> None:
        self._idle.stop()
        self._max_wait.stop()
        if not self.pending or self.key is None:
            return
        try:
            at = self.write(self._collect())
        except ServiceError as exc:
            self.label.setText(self.tr("Autosave failed: {error}").format(error=exc.message))
            self.label.setStyleSheet(f"color: {ERROR_COLOR};")
            return
        self.pending = False
        self.stored = True
        self.show_saved(at)
        self.saved.emit(at)

    def write(self, payload: dict) -> dt.datetime:
        """Store the draft; returns the time saved. A feature with its own crash-recovery storage (the
        minutes keep theirs in minutes_autosaves) subclasses the keeper and overrides this, `recover` and
        `discard`, and names the subclass in its editor's `keeper_class`."""
        return self.services.drafts.save(self.kind, self.key, payload, self.base_rev)

    def show_saved(self, at: dt.datetime) -> None:
        self.label.setStyleSheet(MUTED)
        self.label.setText(self.tr("Autosaved at {time}").format(time=local_clock(at)))

    def recover(self):
        draft = self.services.drafts.load(self.kind, self.key) if self.key is not None else None
        self.stored = draft is not None
        return draft

    def discard(self) -> None:
        """The record was really saved (or the user threw the draft away)."""
        self.stop()
        if self.key is not None and self.stored:  # no write when nothing was ever autosaved
            self.services.drafts.discard(self.kind, self.key)
            self.stored = False
        self.label.setText("")


def ask_changed_meanwhile(parent: QWidget, title: str, message: str) -> str:
    """A save was refused because the record was saved elsewhere (another window, the command line, a sync)
    since it was loaded: show what changed; "reload" (see theirs, drop this edit), "keep" (save this edit as
    a new revision over theirs) or "" (stay, nothing saved; the draft is still kept)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=parent)
    box.setObjectName("changed_meanwhile")
    reload = box.addButton(QCoreApplication.translate("DocumentEditor", "Reload"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(QCoreApplication.translate("DocumentEditor", "Keep mine as a new revision"),
                         QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reload)
    box.exec()
    return {reload: "reload", keep: "keep"}.get(box.clickedButton(), "")


class RevisionWatch(QObject):
    """Tells its owner when the record it shows was changed by anyone else while it is shown: after every
    change announced on the services' context (this window's other widgets, and the outside changes the
    main window polls for) that touches `tables` and was not the owner's own action, it compares the
    record's revision now (`current`) with the one the owner works from (`base`; None: not tracked).
    It listens from the owner's show to its hide; `check_on_show` also compares when shown again."""

    changed_elsewhere = Signal()
    _seen = Signal(object)  # a change; queued to the UI thread when announced from a worker

    def __init__(self, services, owner: QWidget, tables: frozenset[str], current: Callable[[], object],
                 base: Callable[[], object], check_on_show: bool = False) -> None:
        super().__init__(owner)
        self.ctx, self.owner, self.tables = services.ctx, owner, frozenset(tables)
        self._current, self._base = current, base
        self._listening = False
        self.check_on_show = check_on_show
        self._seen.connect(self._look)
        owner.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        # getattr: the owner's last events may come while this wrapper is being torn down (no attributes).
        if watched is not getattr(self, "owner", None):
            return False
        if event.type() == QEvent.Type.Show:
            self.start()
            if self.check_on_show:
                self.check()
        elif event.type() == QEvent.Type.Hide:
            self.stop()
        return False

    def _listener(self, change: Change) -> None:
        try:
            self._seen.emit(change)
        except RuntimeError:  # the owner is gone without being hidden
            self.stop()

    def start(self) -> None:
        if self.tables and not self._listening:
            self.ctx.subscribe(self._listener)
            self._listening = True

    def stop(self) -> None:
        if self._listening and self._listener in self.ctx.listeners:
            self.ctx.listeners.remove(self._listener)
        self._listening = False

    def _look(self, change: Change) -> None:
        if change.initiator is not self.owner and change.touches(self.tables):
            self.check()

    def check(self) -> bool:
        """True (and `changed_elsewhere`) when the stored revision is no longer the one worked from."""
        base = self._base()
        if base is None:
            return False
        try:
            now = self._current()
        except Exception as exc:  # noqa: BLE001 -- e.g. a busy, damaged or swapped store (a database error
            # the read does not translate): only a look, so the window must not fail on it; the save checks
            # the revision again in its write transaction and says what is wrong.
            if not isinstance(exc, ServiceError):
                logging.getLogger("cellsec").warning("revision look failed: %s", failures.technical(exc))
            return False
        if now == base:
            return False
        self.changed_elsewhere.emit()
        return True


class ElsewhereBanner(QFrame):
    """The non-blocking notice that the record on screen was changed elsewhere: with unsaved edits, "Tải
    lại" (show theirs) or keep editing (a save then asks); without, it only says the screen was refreshed."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changed_elsewhere")
        self.setStyleSheet("#changed_elsewhere { background: #e8f0fe; border: 1px solid #8fb0e8; border-radius: 3px; }")
        self.label = QLabel()
        self.label.setObjectName("changed_elsewhere_text")
        self.label.setWordWrap(True)
        self.reload_button = QPushButton()
        self.reload_button.setObjectName("reload")
        self.reload_button.setAutoDefault(False)
        self.reload_button.clicked.connect(self.reload_requested)
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("keep_editing")
        self.keep_button.setAutoDefault(False)
        self.keep_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.keep_button)
        self.hide()

    def show_changed(self, unsaved: bool) -> None:
        """Unsaved edits are on screen (kept until the user says); else the stored record was shown again."""
        if unsaved:
            self.label.setText(self.tr("This record was changed elsewhere (another window, the command line or "
                                       "a sync) while you were editing. Your changes are still here, not saved."))
        else:
            self.label.setText(self.tr("This record was changed elsewhere (another window, the command line or "
                                       "a sync); the latest version is shown."))
        self.reload_button.setText(self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Show the record as it is stored now; your unsaved changes are dropped"))
        self.keep_button.setText(self.tr("Keep editing") if unsaved else self.tr("OK"))
        self.keep_button.setToolTip(self.tr("Saving will then ask whether to keep yours as a new revision")
                                    if unsaved else "")
        self.reload_button.setVisible(unsaved)
        self.show()


class DocumentEditor(QDialog):
    draft_kind = ""
    keeper_class = DraftKeeper  # a DraftKeeper subclass when the drafts are stored elsewhere
    watched_tables: frozenset[str] = frozenset()  # where the record lives (no lost update, see above)

    def __init__(self, services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.read_only = False
        self.loading = False
        self.unsaved = False  # changed since the last real save
        self.keeper = self.keeper_class(services, self.draft_kind, self.collect_draft, self)
        self.lock_banner = banner("locked")
        self.recovered_banner = banner("recovered")
        self.recovered_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.elsewhere_banner = ElsewhereBanner()
        self.elsewhere_banner.reload_requested.connect(self.reload)
        self.watch = RevisionWatch(services, self, self.watched_tables, self.record_revision,
                                   lambda: self.keeper.base_rev)
        self.watch.changed_elsewhere.connect(self._changed_elsewhere)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        # Closing the main window closes (and so saves or asks about) an open editor first.
        self._main_window = parent.window() if parent is not None else None
        if self._main_window is not None:
            self._main_window.installEventFilter(self)

    # ---- subclass API ---------------------------------------------------------------------------------
    def draft_key(self) -> str:
        raise AttributeError(f"{type(self).__name__} must say which record its draft belongs to")

    def collect_draft(self) -> dict:
        raise AttributeError(f"{type(self).__name__} must say what its draft holds")

    def apply_draft(self, payload: dict) -> None:
        raise AttributeError(f"{type(self).__name__} must say how to restore its draft")

    def save(self) -> bool:
        raise AttributeError(f"{type(self).__name__} must say how it saves")

    def record_revision(self) -> int | None:
        """The stored revision of the record on screen now (None: this editor does not check revisions)."""
        return None

    def reload(self) -> None:
        raise AttributeError(f"{type(self).__name__} must say how it shows the stored record again")

    # ---- no lost update -------------------------------------------------------------------------------
    def resolve_changed_meanwhile(self, exc: ChangedMeanwhile) -> bool:
        """The save was refused (saved elsewhere since loaded; nothing written, the draft kept): ask, then
        reload, or save again over the revision now stored. True when saved."""
        choice = self.ask_changed_meanwhile(exc.message)
        if choice == "reload":
            self.reload()
        elif choice == "keep":
            self.keeper.base_rev = exc.current_rev
            return self.save()
        return False

    def _changed_elsewhere(self) -> None:
        if self.unsaved and not self.read_only:
            self.elsewhere_banner.show_changed(True)
            return
        self.reload()  # nothing of the user's on screen: show theirs at once
        self.elsewhere_banner.show_changed(False)

    # ---- drafts ---------------------------------------------------------------------------------------
    def mark_changed(self) -> None:
        """A field changed: autosave a little later. Ignored while the form is being filled."""
        if self.loading or self.read_only:
            return
        self.unsaved = True
        self.keeper.touched()

    def start_tracking(self, base_rev: int | None = None) -> None:
        self.unsaved = False
        self.recovered_banner.hide()
        self.elsewhere_banner.hide()
        self.keeper.track(self.draft_key(), base_rev)

    def offer_draft(self) -> bool:
        """Put back a draft left by a crash or a power cut, say so, and keep it until saved. Returns True
        when one was restored."""
        draft = None if self.read_only else self.keeper.recover()
        if draft is None:
            return False
        self.loading = True
        try:
            self.apply_draft(draft.payload)
        finally:
            self.loading = False
        self.unsaved = True
        self.keeper.show_saved(draft.saved_at)
        self.recovered_banner.setText(self.tr(
            "You are seeing the copy saved automatically at {time} (the program was closed without saving). "
            "Save to keep it.").format(time=local_clock(draft.saved_at)))
        self.recovered_banner.show()
        if None not in (draft.base_rev, self.keeper.base_rev) and draft.base_rev != self.keeper.base_rev:
            # Typed over an older revision than the one stored now: its save must ask, not overwrite.
            self.keeper.base_rev = draft.base_rev
            self.elsewhere_banner.show_changed(True)
        return True

    def saved_now(self) -> None:
        """Call after a successful real save: the draft is folded into the record."""
        self.keeper.discard()
        self.unsaved = False
        self.recovered_banner.hide()
        self.elsewhere_banner.hide()

    def ask_changed_meanwhile(self, message: str) -> str:
        return ask_changed_meanwhile(self, self.windowTitle(), message)

    # ---- finalised records ----------------------------------------------------------------------------
    def lock(self, read_only: bool, text: str = "", root: QWidget | None = None) -> None:
        """The read-only look of a finalised record: nothing editable, a banner saying why."""
        self.read_only = read_only
        set_read_only(root or self, read_only)
        self.lock_banner.setText(text)
        self.lock_banner.setVisible(read_only and bool(text))
        if read_only:
            self.keeper.stop()

    # ---- closing --------------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self._main_window and event.type() == QEvent.Type.Close and self.isVisible():
            self.close()
            if self.isVisible():  # unsaved work the user chose to stay with
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def confirm_close(self) -> bool:
        """Unsaved changes: save them, throw them away, or stay. The autosaved draft is flushed first, so
        even "stay" and a crash right after lose nothing."""
        self.keeper.flush()
        if self.read_only or not self.unsaved:
            return True
        answer = QMessageBox.question(
            self, self.windowTitle(), self.tr("Save the changes before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.keeper.discard()
            self.unsaved = False
            return True
        return False

    def closeEvent(self, event) -> None:
        if self.confirm_close():
            self.keeper.stop()
            super().closeEvent(event)
        else:
            event.ignore()

    def reject(self) -> None:  # Esc
        if self.confirm_close():
            self.keeper.stop()
            super().reject()

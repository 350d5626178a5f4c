"""Everything between the QApplication and the main window: lock, store, language, setup wizard."""

from __future__ import annotations

import datetime as dt
import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLockFile, QObject, QTimer, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from ...paths import resources_dir
from ...services.errors import ServiceError, StoreError
from ...services.quick_start import check_data_folder, data_version, ready_store
from ..common.screen_fit import install as install_screen_fit
from .launch import instance_key
from .i18n import install_language

if TYPE_CHECKING:  # loaded after the window's first paint (with SQLAlchemy under it)
    from ...services.facade import Services


class Startup(QObject):
    """Translatable texts of start-up (a QObject so lupdate gives them a context)."""

    def already_running(self) -> str:
        return self.tr("CellSec is already open on this data folder. Use the window that is open.")

    def lock_failed(self) -> str:
        return self.tr("Cannot write to the data folder {folder} (the disk may be full, read-only or not "
                       "yours to write to). Free some space or choose another folder.")

    def cannot_open(self) -> str:
        return self.tr("Cannot open the data")

    def restore_question(self) -> str:
        return self.tr("Restore the newest usable backup ({name}), taken at {time}? The current file is kept "
                       "beside it, unchanged.")

    def damaged_backups(self) -> str:
        return self.tr("These newer backups are damaged and were skipped: {names}.")

    def no_usable_backup(self) -> str:
        return self.tr("There is no usable backup in {folder}. The file has been left as it is.")


def _raise_existing(key: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket  # only when another window holds the folder

    socket = QLocalSocket()
    socket.connectToServer(key)
    if socket.waitForConnected(500):
        socket.write(b"raise")
        socket.waitForBytesWritten(500)
        socket.disconnectFromServer()
        return True
    return False


def _listen_for_second_instance(app: QApplication, key: str, window):
    """A second start on the same folder asks this window to come forward (QtNetwork is loaded here, after
    the first paint on an ordinary start)."""
    from PySide6.QtNetwork import QLocalServer

    QLocalServer.removeServer(key)
    server = QLocalServer(app)
    server.listen(key)

    def bring_forward() -> None:
        conn = server.nextPendingConnection()
        if conn is not None:
            conn.close()
        window.showNormal()
        window.raise_()
        window.activateWindow()

    server.newConnection.connect(bring_forward)
    return server


def _open_services(app: QApplication, data_dir: Path, texts: Startup) -> Services | None:
    from ...services.backups import offers_restore
    from ...services.facade import Services

    try:
        return Services.open(data_dir)
    except StoreError as exc:
        if not offers_restore(exc):
            QMessageBox.critical(None, texts.cannot_open(), str(exc))
            return None
        return _offer_restore(data_dir, texts, exc)


def _offer_restore(data_dir: Path, texts: Startup, exc: StoreError) -> Services | None:
    """The data file is there but unusable: say what was found and offer the newest backup that checks out
    (a damaged newer one is named and skipped). The unusable file is never written over."""
    from ...services.backups import usable_backups_in
    from ...services.facade import Services

    usable, damaged = usable_backups_in(data_dir)
    parts = [str(exc)]
    if damaged:
        parts.append(texts.damaged_backups().format(names=", ".join(b.path.name for b in damaged)))
    if not usable:  # e.g. the key is lost: the automatic backups were encrypted under it too
        parts.append(texts.no_usable_backup().format(folder=data_dir / "backups"))
        from .recovery import offer_sealed_restore

        return offer_sealed_restore(data_dir, texts.cannot_open(), "\n\n".join(parts))
    newest = usable[0]
    parts.append(texts.restore_question().format(name=newest.path.name,
                                                 time=newest.taken_at.strftime("%d/%m/%Y %H:%M")))
    answer = QMessageBox.question(None, texts.cannot_open(), "\n\n".join(parts))
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        restore_unopened(newest.path, data_dir)
        return Services.open(data_dir)
    except (ServiceError, StoreError) as failed:  # e.g. the disk is full: said in Vietnamese
        QMessageBox.critical(None, texts.cannot_open(), str(failed))
    return None


def _lock_data_dir(data_dir: Path, key: str, texts: Startup) -> QLockFile | None:
    """One window per data folder. "Already open" is said only when another instance holds the lock; a
    read-only folder or a full disk is said as such."""
    try:
        check_data_folder(data_dir)
    except StoreError as exc:
        QMessageBox.critical(None, texts.cannot_open(), str(exc))
        return None
    lock = QLockFile(str(data_dir / "cellsec.lock"))
    lock.setStaleLockTime(0)
    if lock.tryLock(100):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        _raise_existing(key)
        QMessageBox.information(None, "CellSec", texts.already_running())
    else:  # the lock file could not be written (permissions, a full disk after the check…)
        QMessageBox.critical(None, texts.cannot_open(), texts.lock_failed().format(folder=data_dir))
    return None


def restore_unopened(*args, **kwargs):
    """services.backups.restore_unopened, loaded when a restore is asked for (not on every start)."""
    from ...services.backups import restore_unopened as restore

    return restore(*args, **kwargs)


def collect_garbage(app: QApplication):
    """Python's collector runs on the UI thread only (ui/common/workers.collect_garbage_on_ui_thread; its
    module is loaded once the window's overview is on screen: launch.run_gui keeps collection off till then)."""
    from ..common.workers import collect_garbage_on_ui_thread

    return collect_garbage_on_ui_thread(app)


class _ServicesLoader(QObject):
    """Opens the store in the background when the window first needs it. The window paints its overview,
    figures and reminders without SQLAlchemy (ui/overview/page.read_quick_overview); SQLAlchemy and the
    models (about half a second of CPU and 45 MB on a weak laptop) load only when the secretary first acts:
    a click or a key anywhere, another page, a reminder opened (MainWindow.with_services), or soon after the
    start on a laptop that syncs with a server. A plain thread imports the services, opens the store and,
    if the overview could not be read without them, reads it, so the window keeps answering meanwhile.
    Then `attach(prepared)` runs on the UI thread with (services, the overview's data or None), or with
    None when the thread could not open the store: the UI thread then opens it the ordinary way, which says
    what is wrong. (Python's garbage collector runs on the UI thread only:
    ui/common/workers.collect_garbage_on_ui_thread.)"""

    OUTSIDE_POLL_MS = 2000  # as ui/common/bridge.OUTSIDE_POLL_MS (that module loads SQLAlchemy)
    ONLINE_DELAY_MS = 3000  # a laptop that syncs opens the store anyway: after the overview is on screen
    prepared = Signal(object)  # emitted by the thread; Qt queues it to this object's (the UI) thread

    def __init__(self, app: QApplication, data_dir: Path, window, attach, *, online: bool) -> None:
        super().__init__(app)
        self.app, self.data_dir, self.window, self.attach = app, data_dir, window, attach
        self.started = self.listening = False
        self.prepared.connect(self._on_prepared)
        # The first click or key is watched from when the overview is filled: an application-wide Python
        # filter before the first paint would make PySide wrap every new object of the window (~40 ms).
        window.pages.built["OverviewPage"].filled.connect(self._listen)
        if online:
            QTimer.singleShot(self.ONLINE_DELAY_MS, self, self.start)

    def _listen(self) -> None:
        collect_garbage(self.app)
        if not self.started and not self.listening:
            self.listening = True
            self.app.installEventFilter(self)
            # Until the store is open, changes made elsewhere (the command line, a sync run elsewhere) are
            # looked for as the window's change notifier does once it is (ui/common/bridge.py).
            self.seen = data_version(self.data_dir)
            self.outside_timer = QTimer(self, interval=self.OUTSIDE_POLL_MS, timeout=self._look_outside)
            self.outside_timer.start()

    def _look_outside(self) -> None:
        if not isValid(self.window) or self.window.services is not None:  # closed, or the notifier's turn
            self.outside_timer.stop()
            return
        now = data_version(self.data_dir)
        if now is not None and now != self.seen:
            self.seen = now
            page = self.window.pages.built["OverviewPage"]
            if page.isVisible():
                page.refresh()  # read again without SQLAlchemy
            else:
                page._stale = True

    def start(self) -> None:
        if not self.started:
            self.started = True
            collect_garbage(self.app)  # before the thread: the collector runs on the UI thread only
            if self.listening:
                self.app.removeEventFilter(self)
            threading.Thread(target=self._prepare, name="cellsec-open", daemon=True).start()

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress):
            QTimer.singleShot(0, self, self.start)  # not from inside the filter: it removes itself
        return False

    def _needs_overview(self) -> bool:
        page = self.window.pages.built.get("OverviewPage")
        return page is not None and page._refreshed_on is None

    def _prepare(self) -> None:
        from ..overview.page import read_overview  # imported with the window's overview, before the thread

        services = result = None
        try:
            from ...services.facade import Services

            services = Services.open(self.data_dir)
            result = (services, read_overview(services, dt.date.today()) if self._needs_overview() else None)
        except Exception:  # noqa: BLE001 -- the UI thread opens the store again and says what is wrong
            if services is not None:
                services.close()
        self.prepared.emit(result)

    def _on_prepared(self, prepared) -> None:
        if not isValid(self.window) or not self.window.isVisible():  # closed meanwhile: nothing to attach to
            if prepared is not None:
                prepared[0].close()
            self.attach = None
            return
        if self.listening:
            self._look_outside()  # a change made elsewhere since the last poll: the notifier starts after it
            self.outside_timer.stop()
        if self.attach is not None:
            attach, self.attach = self.attach, None
            attach(prepared)


def install_text_redo(app: QApplication) -> None:
    """Ctrl+Y and Ctrl+Shift+Z redo typing in every text box, on every platform (ui/common/shortcuts.py,
    loaded once the window is on screen on an ordinary start)."""
    from ..common.shortcuts import install_text_redo as install

    install(app)


class _AfterFirstPaint(QObject):
    """Runs `then` once `window` has painted. Application-wide Python filters (the redo keys, the window
    fitter) are installed then: installed before, PySide wraps every event of every widget of the window while
    it is built and first shown."""

    def __init__(self, window, then) -> None:
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.then is not None:
            then, self.then = self.then, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False


def _attach_services(app: QApplication, window, data_dir: Path, texts: Startup, prepared,
                     freeze_start_up: bool) -> None:
    services, overview = prepared if prepared is not None else (_open_services(app, data_dir, texts), None)
    if services is None:  # a file damaged since the check: said by _open_services
        window.lock.unlock()
        window.close()
        return
    window.server = _listen_for_second_instance(app, instance_key(data_dir), window)
    window.attach(services, overview)
    if freeze_start_up:
        collect_garbage(app).freeze_start_up()


def _name_the_app(app: QApplication) -> None:
    app.setApplicationName("CellSec")
    app.setApplicationDisplayName("Sổ tay Bí thư chi bộ")
    app.setDesktopFileName("cellsec")  # the Linux desktop entry's name: the taskbar shows its icon
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "cellsec-256.png")))
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(QFont(font))


def start(app: QApplication, data_dir: Path, *, freeze_start_up: bool = False):
    """Returns the shown main window, or None when start-up must stop (message already shown). With
    `freeze_start_up` (the app's process, not the tests'): UiThreadCollector.freeze_start_up once it opens."""
    from .main_window import MainWindow

    _name_the_app(app)
    install_language(app, "vi")
    texts = Startup()
    key = instance_key(data_dir)
    lock = _lock_data_dir(data_dir, key, texts)
    if lock is None:
        return None
    from ...services.passphrase import is_locked  # a passphrase-protected key: asked before anything opens

    if is_locked():  # the dialog's module is loaded only then (not before every first paint)
        from ..settings.passphrase import unlock_at_start

        install_text_redo(app)
        if not unlock_at_start():
            lock.unlock()
            return None
    ready = ready_store(data_dir)
    if ready is not None:  # a current, set-up store: the real window paints first, the data opens right after
        if ready.language != "vi":  # Vietnamese is in place already (63 catalogues: loaded once, not twice)
            install_language(app, ready.language)
        window = MainWindow(None)
        window.show_overview(ready.figures, data_dir)  # its figures on the first paint; the reminders follow
        fitter = install_screen_fit(app, data_dir, watch=False)  # watching from the first paint
        fitter.fit_before_show(window)
        window.lock = lock  # released when the process exits
        loader = _ServicesLoader(app, data_dir, window, online=ready.online,
                                 attach=partial(_attach_services, app, window, data_dir, texts,
                                                freeze_start_up=freeze_start_up))
        window.services_loader = loader.start
        window.show()
        _AfterFirstPaint(window, lambda: (fitter.watch(), install_text_redo(app)))
        return window
    collect_garbage(app)  # before the store opens (its work may run on threads)
    services = _open_services(app, data_dir, texts)
    if services is None:
        lock.unlock()
        return None
    install_language(app, services.ctx.get_setting("language", "vi"))
    install_text_redo(app)
    install_screen_fit(app, data_dir)  # every window opens on the screen, where the user left it
    if not services.cell.is_set_up():
        from .setup_wizard import SetupWizard

        wizard = SetupWizard(services)
        if not wizard.exec():
            services.close()
            lock.unlock()
            return None
    window = MainWindow(services)
    window.lock = lock  # released when the process exits
    window.server = _listen_for_second_instance(app, key, window)
    window.show()
    if freeze_start_up:
        collect_garbage(app).freeze_start_up()
    return window

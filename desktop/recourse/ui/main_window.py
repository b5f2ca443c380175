"""The main window and the session flow: first run / unlock → sign-in → workspace.

One top-level stack holds the gate pages (first run, unlock, sign-in) and the
workspace (navigation on the left, the screens on the right, the status bar below).
Screens are imported when the store first opens, so the unlock path stays light.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recourse.store.errors import StoreDamaged, StoreError
from recourse.ui.autolock import IdleLock
from recourse.ui.messages import OfficerMessage, describe_and_log, log_error
from recourse.ui.models.store_failures import store_failures
from recourse.ui.plain_text import install_plain_tooltips
from recourse.ui.settings_registry import AUTO_LOCK_MINUTES, LAST_SCREEN, SERVER_URL
from recourse.ui.signin import SignInScreen
from recourse.ui.status_bar import StatusBar
from recourse.ui.unlock import FirstRunScreen, UnlockScreen

if TYPE_CHECKING:
    from recourse.store import Profile, Store, SyncStatus
    from recourse.sync import SyncResult
    from recourse.ui.app import AppContext, Session
    from recourse.ui.screens.access_log import AccessLogScreen
    from recourse.ui.screens.flags import FlagsScreen
    from recourse.ui.screens.my_data import MyDataScreen
    from recourse.ui.screens.overview import OverviewScreen
    from recourse.ui.screens.requests import RequestsScreen
    from recourse.ui.settings_screen import SettingsScreen
    from recourse.ui.workers import Job, JobHandle

    #: The screens of `SCREENS`: mypy checks each has set_store, refresh, save_place and
    #: restore_place, which is all the window asks of them.
    WorkspaceScreen: TypeAlias = (OverviewScreen | FlagsScreen | MyDataScreen
                                  | AccessLogScreen | RequestsScreen | SettingsScreen)

_S = TypeVar("_S", bound=QWidget)

log = logging.getLogger(__name__)

#: (key, module, class) of each screen, in navigation order; the title comes from tr().
SCREENS = (
    ("overview", "recourse.ui.screens.overview", "OverviewScreen"),
    ("flags", "recourse.ui.screens.flags", "FlagsScreen"),
    ("my-data", "recourse.ui.screens.my_data", "MyDataScreen"),
    ("access-log", "recourse.ui.screens.access_log", "AccessLogScreen"),
    ("requests", "recourse.ui.screens.requests", "RequestsScreen"),
    ("settings", "recourse.ui.settings_screen", "SettingsScreen"),
)

#: Also needed as the workspace opens: the server connection (`Session.connect`) and the
#: contest service (the Overview's deadlines).
WORKSPACE_MODULES = (*(module for _key, module, _cls in SCREENS),
                     "recourse.api", "recourse.contest")
#: The officer takes longer than this to type a passphrase; the unlock screen is painted
#: by then, so importing in the background does not delay it.
WARM_UP_DELAY_MS = 250


class WorkspaceImport:
    """Imports the workspace's modules on a worker while the unlock screen waits for the
    passphrase and the key is derived (Argon2 releases the GIL), so the GUI thread only
    builds widgets once the store opens. Imports are about half the unlock time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = "pending"  # pending -> running -> done, or pending -> skipped
        self._done = threading.Event()

    def run(self) -> None:  # worker
        with self._lock:
            if self._state != "pending":
                return
            self._state = "running"
        try:
            for name in WORKSPACE_MODULES:
                try:
                    importlib.import_module(name)
                except Exception:  # the GUI thread imports it again and says why
                    log.debug("warm-up import of %s failed", name, exc_info=True)
        finally:
            with self._lock:
                self._state = "done"
            self._done.set()

    def settle(self, timeout_s: float = 60.0) -> None:
        """Before the GUI thread imports the same modules: wait for a running warm-up
        (two threads importing one module graph can deadlock on import locks), or skip
        one that has not started (the pool may be busy)."""
        with self._lock:
            if self._state == "pending":
                self._state = "skipped"
                return
        self._done.wait(timeout_s)


def sync_and_count(handle: JobHandle, sync: Callable[[JobHandle], SyncResult],
                   store: Store) -> SyncResult:  # worker
    """Sync, then count the records by category: every screen's refresh asks the store
    for those counts, and on the heavy profile the query is a tenth of a second that
    would otherwise stall the GUI thread (the store keeps the answer until it changes)."""
    result = sync(handle)
    try:
        store.category_counts()
    except Exception:  # only a head start: the screens ask again and report problems
        log.debug("counting after the sync failed", exc_info=True)
    return result


class Banner(QFrame):
    """A message with its next step across the top of the workspace; never a traceback."""

    action = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.AlternateBase)
        self.setAccessibleName(self.tr("Message"))
        self._action = ""
        layout = QHBoxLayout(self)
        texts = QVBoxLayout()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setAccessibleName(self.tr("Message title"))
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(self.tr("Message text"))
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        layout.addLayout(texts, 1)
        self.action_button = QPushButton()
        self.action_button.setAccessibleName(self.tr("Message action"))
        self.action_button.clicked.connect(lambda: self.action.emit(self._action))
        self.close_button = QPushButton(self.tr("&Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.info: OfficerMessage | None = None
        self.hide()

    def show_message(self, info: OfficerMessage, action: str = "", action_text: str = "") -> None:
        self.info = info
        self.title.setText(info.title)
        self.text.setText(f"{info.message} {info.next_step}")
        self._action = action
        self.action_button.setText(action_text)
        self.action_button.setVisible(bool(action))
        self.show()


class MainWindow(QMainWindow):
    """Hosts every page; owns the session flow. Emits ``closed`` when the window closes."""

    closed = Signal()
    workspace_shown = Signal()
    sync_done = Signal(bool)  # True when the sync succeeded
    contest_ready = Signal(object)  # this PC's registered key record, after sign-in

    def __init__(self, context: AppContext, profile: Profile, session: Session,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_plain_tooltips()  # every tooltip shows server text as plain text
        # After the paint that hit it, never inside it.
        store_failures().failed.connect(self._store_failed_in_a_view,
                                        Qt.ConnectionType.QueuedConnection)
        self.context = context
        self.profile = profile
        self.session = session
        self.setWindowTitle(self.tr("Recourse"))
        self.setAccessibleName(self.tr("Recourse"))
        self.resize(1180, 760)
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.first_run = FirstRunScreen(context, profile)
        self.unlock_screen = UnlockScreen(context, profile)
        self.signin = SignInScreen(context)
        self.workspace = QWidget()
        self.workspace.setAccessibleName(self.tr("Workspace"))
        for page in (self.first_run, self.unlock_screen, self.signin, self.workspace):
            self.pages.addWidget(page)
        self.first_run.created.connect(self.open_workspace)
        self.unlock_screen.unlocked.connect(self.open_workspace)
        self.signin.signed_in.connect(self._signed_in)
        self.signin.cancelled.connect(self._sign_in_cancelled)

        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.status.hide()
        self.status.lock_requested.connect(self.lock)
        self.status.cancel_sync.connect(self.cancel_sync)

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setMaximumWidth(180)
        self.screen_stack = QStackedWidget()
        self.screen_stack.setAccessibleName(self.tr("Screen"))
        self.banner = Banner()
        self.banner.action.connect(self._banner_action)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.banner)
        right.addWidget(self.screen_stack, 1)
        layout = QHBoxLayout(self.workspace)
        layout.addWidget(self.nav)
        layout.addLayout(right, 1)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.screens: dict[str, WorkspaceScreen] = {}
        self._places: dict[str, dict[str, object]] = {}
        self._current_key = "overview"
        self.sync_job: Job | None = None
        self.contest_key: object = None

        self._workspace_import = WorkspaceImport()
        self._warming_up = False
        self.unlock_screen.unlocking.connect(self.warm_up)
        self.idle = IdleLock(self)
        self.idle.idle.connect(self.lock)
        self._shortcuts = []
        for number, (key, _module, _cls) in enumerate(SCREENS, start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda key=key: self.show_screen(key))
            self._shortcuts.append(shortcut)

    # ---- screen titles (through tr, so lupdate sees every one)
    def screen_titles(self) -> dict[str, str]:
        return {
            "overview": self.tr("Overview"),
            "flags": self.tr("Flags"),
            "my-data": self.tr("My data"),
            "access-log": self.tr("Access log"),
            "requests": self.tr("Requests"),
            "settings": self.tr("Settings"),
        }

    # ---- flow
    def start(self) -> None:
        """Show first run or unlock, depending on whether a profile exists."""
        if self.profile.exists():
            self.show_unlock()
        else:
            self.pages.setCurrentWidget(self.first_run)
            self.first_run.passphrase.setFocus()

    def show_unlock(self) -> None:
        self.status.hide()
        self.pages.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.prepare()
        if not self.screens:
            QTimer.singleShot(WARM_UP_DELAY_MS, self, self.warm_up)

    def warm_up(self) -> None:
        """Import the workspace's modules in a worker (once; see `WorkspaceImport`)."""
        if self._warming_up or self.screens:
            return
        self._warming_up = True
        self.context.run_in_worker(self._workspace_import.run, name="workspace.import")

    def open_workspace(self, store: Store) -> None:
        self.context.store = store
        settings = self.context.settings
        if not self.context.demo:
            self.context.server_url = settings.get(store, SERVER_URL) or self.context.server_url
        self.status.set_server(self.context.server_url)
        # Connect before the screens load, so they see whether the officer is signed in.
        try:
            self.session.connect(store)
        except Exception as exc:  # a core that cannot start still leaves the data readable
            info = describe_and_log(exc)
            self.context.api = None
            self.banner.show_message(info)  # nothing to retry until the settings change
        self._build_screens()
        self._each_screen(lambda screen: screen.set_store(store))
        if self.context.store is None:
            return  # the store turned out damaged: the unlock page says so
        for key, place in self._places.items():
            if key in self.screens:
                self.screens[key].restore_place(place)
        self._places = {}
        self.idle.set_minutes(int(settings.get(store, AUTO_LOCK_MINUTES)))
        if self.context.api is not None and not self.session.signed_in():
            self.begin_sign_in()
            return
        self.show_workspace(restore=True)
        if self.context.api is not None:
            self.start_sync()
            self.prepare_contest()  # only local checks when this PC already has its key

    def begin_sign_in(self) -> None:
        self.status.hide()
        self.pages.setCurrentWidget(self.signin)
        self.signin.cancel_button.setFocus()
        self.signin.start(self.session.sign_in)

    def _signed_in(self) -> None:
        self.banner.hide()
        self.show_workspace(restore=True)
        self.start_sync()
        self.prepare_contest()

    def prepare_contest(self) -> None:
        """Pin the force's key and register this PC's signing key, in a worker.

        Failing here must not stop the officer reading their data: a message says what
        to do, and contesting asks again when it needs the key."""
        if self.context.api is None or self.context.store is None:
            return
        self.context.run_in_worker(self.session.prepare_contest, pass_job=True,
                                   key="contest", on_success=self._contest_ready,
                                   on_failure=self._contest_failed, name="contest.keys")

    def _contest_ready(self, record: object) -> None:
        self.contest_key = record
        self.contest_ready.emit(record)

    def _contest_failed(self, error: BaseException) -> None:
        info = describe_and_log(error)
        self.contest_key = None
        self.status.showMessage(self.tr("Contesting is not ready: {title}").format(
            title=info.title), 15_000)
        if not self.banner.isVisible():
            self.banner.show_message(OfficerMessage(
                self.tr("Contesting is not ready yet"),
                self.tr("Your data is available, but Recourse could not set up the key "
                        "that signs your requests: {reason}").format(reason=info.message),
                info.next_step, info.kind, info.expected), "contest", self.tr("&Try again"))

    def _sign_in_cancelled(self) -> None:
        # Cached data is still there to read; syncing waits for a sign-in.
        self.show_workspace(restore=True)
        self.banner.show_message(
            OfficerMessage(self.tr("Not signed in"),
                           self.tr("You are looking at the data saved on this PC."),
                           self.tr("Sign in to sync the latest data."), "SignedOut", True),
            "sign-in", self.tr("&Sign in"))

    def show_workspace(self, restore: bool = False) -> None:
        self.pages.setCurrentWidget(self.workspace)
        self.status.show()
        if self.context.store is not None:
            self._show_last_sync(self.context.store)
        key = self._current_key
        if restore and self.context.store is not None and not self._places:
            key = self.context.setting(LAST_SCREEN) or key
        self.show_screen(key if key in self.screens else "overview")
        self.workspace_shown.emit()

    def _show_last_sync(self, store: Store) -> SyncStatus | None:
        last = store.last_sync()
        self.status.set_last_sync(last.finished_at if last is not None else None,
                                  last.state if last is not None else None)
        return last

    def _build_screens(self) -> None:
        if self.screens:
            return
        self._workspace_import.settle()
        titles = self.screen_titles()
        for key, module_name, class_name in SCREENS:
            title = titles[key]
            # Every screen is part of the app: one that fails to import or build is a bug
            # and fails here, loudly, rather than hiding behind a stand-in.
            screen: WorkspaceScreen = getattr(importlib.import_module(module_name),
                                              class_name)(self.context)
            self.screens[key] = screen
            self.screen_stack.addWidget(screen)
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(self.tr("{title} (Ctrl+{n})").format(
                title=title, n=len(self.screens)))
            self.nav.addItem(item)
        # Imported above by SCREENS; named here for their signals.
        from recourse.ui.screens.flags import FlagsScreen
        from recourse.ui.screens.overview import OverviewScreen
        from recourse.ui.screens.requests import RequestsScreen
        from recourse.ui.settings_screen import SettingsScreen

        self.workspace_screen("flags", FlagsScreen).open_record.connect(self.open_record)
        # A refreshed status can change a flag's status and the Overview's deadlines.
        self.workspace_screen("requests", RequestsScreen).data_changed.connect(self._refresh_others)
        settings = self.workspace_screen("settings", SettingsScreen)
        settings.sync_requested.connect(self.start_sync)
        settings.sign_out_requested.connect(self.sign_out)
        settings.remove_requested.connect(self.remove_data)
        settings.auto_lock_changed.connect(self.idle.set_minutes)
        settings.server_changed.connect(self._server_changed)
        self.workspace_screen("overview", OverviewScreen).open_flag.connect(
            lambda _flag_id: self.show_screen("flags"))

    def workspace_screen(self, key: str, cls: type[_S]) -> _S:
        """The screen under `key`, as the class the caller expects (TypeError if not)."""
        screen = self.screens[key]
        if not isinstance(screen, cls):
            raise TypeError(f"screen {key!r} is a {type(screen).__name__}, not {cls.__name__}")
        return screen

    def _refresh_others(self) -> None:
        self._each_screen(lambda screen: screen.refresh(), skip="requests")

    def _each_screen(self, act: Callable[[WorkspaceScreen], None], *, skip: str = "",
                     keep_banner: bool = False) -> None:
        """Run `act` on every screen; a store error in one (a row that no longer reads
        back, a damaged page) neither stops the others nor escapes as a traceback: it is
        said once, in the banner, or for a damaged store by locking with its message."""
        problem: StoreError | None = None
        for key, screen in list(self.screens.items()):
            if key == skip:
                continue
            try:
                act(screen)
            except StoreError as exc:
                problem = problem or exc
                if isinstance(exc, StoreDamaged):
                    break
        if problem is not None:
            self.store_failed(problem, keep_banner=keep_banner)

    def _store_failed_in_a_view(self, error: object) -> None:
        if isinstance(error, StoreError) and self.context.store is not None:
            self.store_failed(error)

    def store_failed(self, error: StoreError, *, keep_banner: bool = False) -> None:
        """What the app does when reading the open store fails: once, cleanly."""
        info = describe_and_log(error)
        if isinstance(error, StoreDamaged):
            if self.context.store is None:
                return  # already switched
            self.cancel_sync()
            self._close_store(drop_api=True)
            self.banner.hide()
            self.show_unlock()
            self.unlock_screen.show_problem(info)
            return
        if keep_banner and self.banner.isVisible():
            return  # the sync's own failure is already said there
        self.banner.show_message(info, "sync", self.tr("&Sync now"))

    def show_screen(self, key: str) -> None:
        if key not in self.screens or self.pages.currentWidget() is not self.workspace:
            return
        index = [k for k, _m, _c in SCREENS].index(key)
        self.nav.setCurrentRow(index)

    def current_screen_key(self) -> str:
        return self._current_key

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        key = SCREENS[row][0]
        self._current_key = key
        self.screen_stack.setCurrentWidget(self.screens[key])
        if key == "settings" and self.context.store is not None:
            from recourse.ui.settings_screen import SettingsScreen

            # A challenge or request signed elsewhere may have just created this PC's key.
            self.workspace_screen(key, SettingsScreen).keys_panel.refresh()
        if self.context.store is not None and key != "settings":
            try:
                self.context.put_setting(LAST_SCREEN, key)
            except Exception as exc:
                log_error(exc)

    def open_record(self, record_id: str) -> None:
        self.show_screen("my-data")
        if "my-data" in self.screens:
            from recourse.ui.screens.my_data import MyDataScreen

            self.workspace_screen("my-data", MyDataScreen).show_record(record_id)

    # ---- sync
    def start_sync(self) -> None:
        if self.context.api is None or self.context.store is None:
            return
        if self.sync_job is not None and not self.sync_job.done:
            return  # one sync at a time; the button press is not lost, it is the same work
        self.status.sync_started()
        self.sync_job = self.context.run_in_worker(
            sync_and_count, self.session.sync, self.context.store, pass_job=True, key="sync",
            on_progress=self.status.sync_progress, on_success=self._sync_succeeded,
            on_failure=self._sync_failed, name="sync")

    def cancel_sync(self) -> None:
        if self.sync_job is not None:
            self.sync_job.cancel()

    def _sync_succeeded(self, _result: object) -> None:
        self.sync_job = None
        cancelled = False
        if self.context.store is None:
            return
        last = self._show_last_sync(self.context.store)
        cancelled = last is not None and last.state == "cancelled"
        self.status.sync_finished(self.tr("Sync cancelled.") if cancelled
                                  else self.tr("Up to date."))
        if self.banner.info is not None and self.banner.info.kind in (
                "ServerUnreachable", "SignedOut", "ServerError", "ResponseInvalid",
                "StoredDataUnreadable"):
            self.banner.hide()
        self._each_screen(lambda screen: screen.refresh())
        self.context.synced.emit()
        self.sync_done.emit(True)

    def _sync_failed(self, error: BaseException) -> None:
        self.sync_job = None
        info = describe_and_log(error)
        self.status.sync_finished(self.tr("Sync did not finish."))
        if info.kind == "SignedOut":
            self.banner.show_message(info, "sign-in", self.tr("&Sign in again"))
        else:
            self.banner.show_message(info, "sync", self.tr("&Try again"))
        if self.context.store is not None:
            # Screens may show what arrived before the failure; the cache stays.
            self._each_screen(lambda screen: screen.refresh(), keep_banner=True)
        self.sync_done.emit(False)

    def _banner_action(self, action: str) -> None:
        self.banner.hide()
        if action == "sign-in":
            self.begin_sign_in()
        elif action == "sync":
            self.start_sync()
        elif action == "contest":
            self.prepare_contest()

    # ---- lock, sign out, remove
    def lock(self) -> None:
        if self.context.store is None:
            return
        self.cancel_sync()
        if self.signin.job is not None:
            self.signin.job.cancel()
        self.context.workers.wait_idle(10_000)  # a worker may still be writing
        self._places = {key: screen.save_place() for key, screen in self.screens.items()}
        self._close_store(drop_api=True)
        self.banner.hide()
        self.show_unlock()

    def sign_out(self) -> None:
        if self.context.api is None:
            return
        self.cancel_sync()
        self.context.run_in_worker(self.session.sign_out, key="sync",
                                   on_success=self._signed_out,
                                   on_failure=self._signed_out, name="sign-out")

    def _signed_out(self, result: object) -> None:
        if isinstance(result, BaseException):
            log_error(result)  # tokens are wiped locally even when revoking failed
        self.banner.show_message(
            OfficerMessage(self.tr("Signed out"),
                           self.tr("You are signed out. Your data stays on this PC."),
                           self.tr("Sign in again to sync."), "SignedOut", True),
            "sign-in", self.tr("&Sign in"))
        self.screens["settings"].refresh()

    def remove_data(self) -> None:
        self.cancel_sync()
        self.context.workers.wait_idle(10_000)
        self._close_store(drop_api=True)
        self.profile.remove()
        self._places = {}
        self._current_key = "overview"
        self.status.hide()
        self.pages.setCurrentWidget(self.first_run)

    def _server_changed(self, url: str) -> None:
        self.context.server_url = url
        self.status.set_server(url)
        if self.context.store is not None:
            self.session.connect(self.context.store)
            self.begin_sign_in()

    def shutdown(self) -> None:
        """Stop work and close the store; safe to call twice."""
        self.idle.disarm()
        self.cancel_sync()
        if self.signin.job is not None:
            self.signin.job.cancel()
        self.context.workers.shutdown()
        self.context.workers.wait_idle(5_000)
        if self.context.store is not None:
            self._close_store(drop_api=False)

    def _close_store(self, *, drop_api: bool) -> None:
        """Detach every screen from the store, then close it: no screen is left holding
        a closed store."""
        for screen in self.screens.values():
            screen.set_store(None)
        store = self.context.store
        if drop_api:
            self.context.api = None
        self.context.store = None
        self.idle.disarm()
        if store is not None:
            store.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
        self.closed.emit()

"""The main window and the session flow: first run / unlock → sign-in → workspace.

One top-level stack holds the gate pages (first run, unlock, sign-in) and the
workspace (navigation on the left, the screens on the right, the status bar below).
Screens are imported when the store first opens, so the unlock path stays light.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from recourse.store.errors import StoreDamaged, StoreError
from recourse.ui.app import EVERYTHING, NotForReviewers, StoreChange
from recourse.ui.autolock import IdleLock
from recourse.ui.focus_ring import install_focus_indicator
from recourse.ui.language import LanguageFollower
from recourse.ui.messages import describe_and_log, log_error
from recourse.ui.models.store_failures import store_failures
from recourse.ui.plain_text import install_plain_tooltips
from recourse.ui.settings_registry import AUTO_LOCK_MINUTES, LAST_SCREEN, SERVER_URL
from recourse.ui.shortcuts import ShortcutsDialog, open_shortcuts
from recourse.ui.signin import SignInScreen
from recourse.ui.status_bar import StatusBar
from recourse.ui.unlock import FirstRunScreen, UnlockScreen
from recourse.ui.workspace import (
    OWN_DATA_SCREENS,
    SCREENS,
    WARM_UP_DELAY_MS,
    WorkspaceImport,
    WorkspacePage,
    sync_and_count,
    window_shortcuts,
)

if TYPE_CHECKING:
    from recourse.store import Profile, Store, SyncStatus
    from recourse.ui.app import AppContext, Session
    from recourse.ui.screens.access_log import AccessLogScreen
    from recourse.ui.screens.caseload import CaseloadScreen
    from recourse.ui.screens.flags import FlagsScreen
    from recourse.ui.screens.member import MemberView
    from recourse.ui.screens.my_data import MyDataScreen
    from recourse.ui.screens.overview import OverviewScreen
    from recourse.ui.screens.requests import RequestsScreen
    from recourse.ui.settings_screen import SettingsScreen
    from recourse.ui.workers import Job

    #: The screens of `SCREENS`: mypy checks each has set_store, refresh, save_place and
    #: restore_place, which is all the window asks of them.
    WorkspaceScreen: TypeAlias = (OverviewScreen | FlagsScreen | MyDataScreen
                                  | AccessLogScreen | RequestsScreen | SettingsScreen
                                  | CaseloadScreen | MemberView)

_S = TypeVar("_S", bound=QWidget)

log = logging.getLogger(__name__)

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
        self.workspace = WorkspacePage()
        for page in (self.first_run, self.unlock_screen, self.signin, self.workspace):
            self.pages.addWidget(page)
        from recourse.ui.reviewer import ReviewerScreen

        self.reviewer = ReviewerScreen()
        self.pages.addWidget(self.reviewer)
        self.reviewer.sign_out_requested.connect(self._reviewer_sign_out)
        self.reviewer.quit_requested.connect(self.close)
        #: "officer", "representative" or "reviewer", from the signed-in account.
        self.role = "officer"
        self.first_run.created.connect(self.open_workspace)
        self.unlock_screen.unlocked.connect(self.open_workspace)
        self.signin.signed_in.connect(self._signed_in)
        self.signin.cancelled.connect(self._sign_in_cancelled)

        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.status.hide()
        self.status.lock_requested.connect(self.lock)
        self.status.cancel_sync.connect(self.cancel_sync)

        self.nav = self.workspace.nav
        self.screen_stack = self.workspace.screen_stack
        self.banner = self.workspace.banner
        self.banner.action.connect(self._banner_action)
        self.shortcuts_button = self.workspace.shortcuts_button
        self.shortcuts_button.clicked.connect(self.show_shortcuts)
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
        self._shortcuts = window_shortcuts(self, self.show_screen, self.show_shortcuts)
        self.shortcuts_dialog: ShortcutsDialog | None = None
        install_focus_indicator()
        self.context.data_changed.connect(self._data_changed)  # one change, one notification
        self.language = LanguageFollower(self)  # a language switch rebuilds the screens

    def show_shortcuts(self) -> ShortcutsDialog:
        """The list of keyboard shortcuts (F1, Ctrl+? or the button under navigation)."""
        self.shortcuts_dialog = open_shortcuts(self, self.workspace.screen_titles())
        return self.shortcuts_dialog

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
        self.language.apply(store)  # the officer's language, before the screens are built
        self.build_screens()
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
            self.banner.show_contest_not_ready(info)

    def _sign_in_cancelled(self) -> None:
        # Cached data is still there to read; syncing waits for a sign-in.
        self.show_workspace(restore=True)
        self.banner.show_not_signed_in()

    def show_workspace(self, restore: bool = False) -> None:
        self.pages.setCurrentWidget(self.workspace)
        self.status.show()
        if self.context.store is not None:
            self._show_last_sync(self.context.store)
        self.apply_role()
        if self.role == "reviewer":
            return
        key = self._current_key
        if restore and self.context.store is not None and not self._places:
            key = self.context.setting(LAST_SCREEN) or key
        item = self.workspace.nav_item(key)
        if item is None or item.isHidden():
            key = "caseload" if self.role == "representative" else "overview"
        self.show_screen(key)
        self.workspace_shown.emit()

    def _show_last_sync(self, store: Store) -> SyncStatus | None:
        last = store.last_sync()
        self.status.set_last_sync(last.finished_at if last is not None else None,
                                  last.state if last is not None else None)
        return last

    def build_screens(self) -> None:
        if self.screens:
            return
        self._workspace_import.settle()
        titles = self.workspace.screen_titles()
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
        self._build_representative_screens()
        # Imported above by SCREENS; named here for their signals.
        from recourse.ui.screens.flags import FlagsScreen
        from recourse.ui.screens.overview import OverviewScreen
        from recourse.ui.settings_screen import SettingsScreen

        self.workspace_screen("flags", FlagsScreen).open_record.connect(self.open_record)
        settings = self.workspace_screen("settings", SettingsScreen)
        settings.sync_requested.connect(self.start_sync)
        settings.sign_out_requested.connect(self.sign_out)
        settings.remove_requested.connect(self.remove_data)
        settings.auto_lock_changed.connect(self.idle.set_minutes)
        settings.server_changed.connect(self._server_changed)
        self.workspace_screen("overview", OverviewScreen).open_flag.connect(
            lambda _flag_id: self.show_screen("flags"))

    def _build_representative_screens(self) -> None:
        """The caseload and the member view, hidden in navigation until the account is
        a representative's (`apply_role`)."""
        from recourse.ui.screens.caseload import CaseloadScreen
        from recourse.ui.screens.member import MemberView

        caseload, member = CaseloadScreen(self.context), MemberView(self.context)
        for key, screen, title in (("caseload", caseload, self.tr("Caseload")),
                                   ("member", member, self.tr("Member"))):
            self.screens[key] = screen
            self.screen_stack.addWidget(screen)
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.insertItem(self.nav.count() - 1, item)  # before Settings
            item.setHidden(True)
        caseload.member_opened.connect(self.open_member)
        member.back_requested.connect(lambda: self.show_screen("caseload"))
        member.ended.connect(self._member_ended)

    def apply_role(self) -> None:
        """Show the screens of the signed-in account's role, as the store knows it."""
        store = self.context.store
        me = store.me() if store is not None else None
        role = me.role if me is not None else "officer"
        if role == "reviewer":
            self.role = role
            self.status.hide()
            self.reviewer.show_for(me.name if me is not None else "")
            self.pages.setCurrentWidget(self.reviewer)
            return
        changed = role != self.role
        self.role = role
        representative = role == "representative"
        member = self.screens.get("member")
        self.workspace.show_role(representative,
                                 member_open=getattr(member, "member", None) is not None)
        if changed and representative:
            self.show_screen("caseload")

    def open_member(self, officer_id: str) -> bool:
        """The representative opens a member from his caseload."""
        from recourse.ui.screens.member import MemberView

        view = self.workspace_screen("member", MemberView)
        if not view.open_member(officer_id):
            self.status.showMessage(self.tr("That member's data is not on this PC."), 10_000)
            return False
        item = self.workspace.nav_item("member")
        if item is not None and view.member is not None:
            item.setText(view.member.short)
            item.setHidden(False)
        self.show_screen("member")
        view.focus_screen()
        return True

    def _member_ended(self, name: str) -> None:
        item = self.workspace.nav_item("member")
        if item is not None:
            item.setHidden(True)
        self.show_screen("caseload")
        self.banner.show_mandate_ended(name)

    def _reviewer_sign_out(self) -> None:
        self.sign_out()
        self.begin_sign_in()

    def workspace_screen(self, key: str, cls: type[_S]) -> _S:
        """The screen under `key`, as the class the caller expects (TypeError if not)."""
        screen = self.screens[key]
        if not isinstance(screen, cls):
            raise TypeError(f"screen {key!r} is a {type(screen).__name__}, not {cls.__name__}")
        return screen

    def _data_changed(self, change: StoreChange) -> None:
        if self.context.store is None:
            return

        def follow(screen: WorkspaceScreen) -> None:
            # The screen that made the change has shown it already; a screen that does
            # not say what it shows follows every change.
            if screen is not change.source and change.touches(
                    getattr(screen, "shows", EVERYTHING)):
                screen.refresh()

        self._each_screen(follow)
        if change.sent:
            # The force's side moved too (the flag is under review): fetch it.
            self.start_sync()

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
        if self.role == "representative" and key in OWN_DATA_SCREENS:
            key = "caseload"  # a representative has no data of his own to show
        item = self.workspace.nav_item(key)
        if (key not in self.screens or item is None or item.isHidden()
                or self.pages.currentWidget() is not self.workspace):
            return
        self.nav.setCurrentItem(item)

    def current_screen_key(self) -> str:
        return self._current_key

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        key = str(self.nav.item(row).data(Qt.ItemDataRole.UserRole))
        self._current_key = key
        self.screen_stack.setCurrentWidget(self.screens[key])
        if key == "settings" and self.context.store is not None:
            from recourse.ui.settings_screen import SettingsScreen

            # A challenge or request signed elsewhere may have just created this PC's key.
            self.workspace_screen(key, SettingsScreen).keys_panel.refresh()
        if self.context.store is not None and key not in ("settings", "member"):
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
        self.apply_role()  # the first sync says whose client this is
        if self.banner.info is not None and self.banner.info.kind in (
                "ServerUnreachable", "SignedOut", "ServerError", "ResponseInvalid",
                "StoredDataUnreadable"):
            self.banner.hide()
        self.banner.show_log_alerts(self.context.store)  # the force's log was altered
        self.context.notify_changed(*EVERYTHING)
        self.context.synced.emit()
        self.sync_done.emit(True)

    def _sync_failed(self, error: BaseException) -> None:
        self.sync_job = None
        if isinstance(error, NotForReviewers):
            self.status.sync_finished("")
            self.apply_role()
            self.sync_done.emit(False)
            return
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
        self.banner.show_signed_out()
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

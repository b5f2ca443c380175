"""A representative acting for one member: the screens an officer sees about themselves
(Flags, My data, Access log, Requests) over that member's own store, under a banner that
says whom he is acting for, under which mandate and until when.

The screens are built afresh for each member, on a context of their own whose store is
the member's store (`recourse.store.MemberStores`) and whose ``acting_for`` names the
member, so every word speaks of the member and nothing of one member can linger on
screen when another is opened.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, TypeAlias

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recourse.store import MemberStores
from recourse.ui.app import ActingFor, AppContext
from recourse.ui.models.formatting import format_long_day
from recourse.ui.qt import QT_TRANSLATE_NOOP
from recourse.ui.screens.access_log import AccessLogScreen
from recourse.ui.screens.flags import FlagsScreen
from recourse.ui.screens.my_data import MyDataScreen
from recourse.ui.screens.requests import RequestsScreen

if TYPE_CHECKING:
    from recourse.api import ServerConnection
    from recourse.protocol import wire
    from recourse.store import Store
    from recourse.ui.settings_registry import Setting

    MemberScreen: TypeAlias = FlagsScreen | MyDataScreen | AccessLogScreen | RequestsScreen

__all__ = ["MemberContext", "MemberView", "acting_for"]

log = logging.getLogger(__name__)

#: (key, class) of the member's screens, in tab order.
MEMBER_SCREENS = (("flags", FlagsScreen), ("my-data", MyDataScreen),
                  ("access-log", AccessLogScreen), ("requests", RequestsScreen))


def acting_for(me: wire.Me, officer_id: str) -> ActingFor | None:
    """The member `officer_id` as the representative's current mandate names them."""
    for member in me.represents:
        if member.officer_id == officer_id:
            return ActingFor(
                officer_id=member.officer_id, name=member.name, rank=member.rank or "",
                force_number=member.force_number or "", mandate=member.mandate,
                scope=tuple(member.scope), expires_at=member.expires_at,
                representative=me.name)
    return None


#: A mandate's scope in words, as Settings' representatives panel says them.
SCOPE_WORDS = {"read": QT_TRANSLATE_NOOP("RepresentativesPanel", "see"),
               "act": QT_TRANSLATE_NOOP("RepresentativesPanel", "act"),
               "receive": QT_TRANSLATE_NOOP("RepresentativesPanel", "receive")}

class MemberContext(AppContext):
    """The representative's context, with the member's store: the same workers, clock,
    settings and server connection; settings are still read from and written to the
    representative's own store (the member's store holds only the member's data)."""

    def __init__(self, parent_context: AppContext, member: ActingFor, store: Store) -> None:
        self._parent_context = parent_context
        super().__init__(workers=parent_context.workers, settings=parent_context.settings,
                         server_url=parent_context.server_url, clock=parent_context.clock,
                         store=store, profile_folder=parent_context.profile_folder,
                         demo=parent_context.demo, parent=parent_context)
        self.acting_for = member
        parent_context.synced.connect(self.synced)

    @property
    def api(self) -> ServerConnection | None:
        # The representative's connection, as it is now (he may sign out meanwhile).
        return self._parent_context.api

    @api.setter
    def api(self, _value: ServerConnection | None) -> None:
        pass  # set by the parent context only

    def keys_store(self) -> Store | None:
        return self._parent_context.store

    def setting(self, setting: Setting) -> Any:
        return self._parent_context.setting(setting)

    def put_setting(self, setting: Setting, value: object) -> None:
        self._parent_context.put_setting(setting, value)

    def detach(self) -> None:
        self._parent_context.synced.disconnect(self.synced)


class ActingBanner(QFrame):
    """Across the top of every member screen, in colours that cannot be missed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actingBanner")
        # Dark blue on white text: 12:1 contrast, and unlike any other part of the window.
        self.setStyleSheet("#actingBanner { background: #123a6b; border-radius: 4px; }"
                           "#actingBanner QLabel { color: white; }")
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self.setAccessibleName(self.tr("Acting for a member"))

    def show_for(self, member: ActingFor) -> None:
        self.title.setText(self.tr("Acting for {who} under mandate {ref} ({scope}) until "
                                   "{day}").format(
            who=member.title, ref=member.mandate, scope=", ".join(
                QCoreApplication.translate("RepresentativesPanel", SCOPE_WORDS.get(s, s))
                for s in member.scope),
            day=format_long_day(member.expires_at)))
        self.text.setText(self.tr(
            "These screens show what the force holds about {who} ({number}). Every view "
            "of it is recorded in {who}'s access log with this mandate as the reason."
        ).format(who=member.short, number=member.force_number or member.name))
        self.setAccessibleDescription(f"{self.title.text()}. {self.text.text()}")


class MemberView(QWidget):
    """One member's screens, with the way back to the caseload (button, Alt+Left)."""

    back_requested = Signal()
    #: The open member's mandate ended (no longer named, or their data gone): their name.
    ended = Signal(str)
    #: A flag's record to open in the member's My data.
    open_record = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.tr("Member"))
        self.member: ActingFor | None = None
        self.member_context: MemberContext | None = None
        self.member_store: Store | None = None
        self.screens: dict[str, MemberScreen] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← &Back to caseload"))
        self.back_button.setAccessibleName(self.tr("Back to the caseload"))
        self.back_button.setToolTip(self.tr("Back to the caseload (Alt+Left)"))
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.banner = ActingBanner()
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("The member's screens"))
        self.tabs.setDocumentMode(True)  # one frame, not two: the tables keep their width
        layout.addWidget(self.tabs, 1)
        self._back = QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self,
                               self.back_requested.emit)
        self._back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def titles(self) -> dict[str, str]:
        return {"flags": self.tr("Flags"), "my-data": self.tr("Data held"),
                "access-log": self.tr("Access log"), "requests": self.tr("Requests")}

    # ---- the screens contract (the window calls these like any screen's)
    def set_store(self, store: Store | None) -> None:
        """The representative's store: None (locked) closes the member at once."""
        if store is None:
            self.close_member()

    def refresh(self) -> None:
        """Something changed (a sync): read the member afresh, or close them."""
        if self.member is None:
            return
        name = self.member.title
        if not self.reopen():
            self.ended.emit(name)

    def save_place(self) -> dict[str, Any]:
        return {}

    def restore_place(self, place: dict[str, Any]) -> None:
        pass

    # ---- opening and closing a member
    def open_member(self, officer_id: str, screen: str = "flags") -> bool:
        """Show `officer_id`'s screens; False when no current mandate names them."""
        store = self.context.store
        me = store.me() if store is not None else None
        member = acting_for(me, officer_id) if me is not None else None
        if store is None or member is None or officer_id not in MemberStores(store).known():
            return False
        self.close_member()
        self.member = member
        self.member_store = MemberStores(store).open(officer_id)
        self.member_context = MemberContext(self.context, member, self.member_store)
        titles = self.titles()
        for key, cls in MEMBER_SCREENS:
            page = cls(self.member_context)
            self.screens[key] = page
            self.tabs.addTab(page, titles[key])
            page.set_store(self.member_store)
        self.member_context.data_changed.connect(self._member_data_changed)
        flags = self.screens["flags"]
        assert isinstance(flags, FlagsScreen)
        flags.open_record.connect(self.show_record)
        # Challenging for a member needs the mandate's "act" scope; the challenge is
        # signed with the representative's own key and names the member and mandate.
        flags.contest_button.setVisible(member.can("act"))
        self.banner.show_for(member)
        self.show_screen(screen)
        return True

    def _member_data_changed(self, change: Any) -> None:
        for page in self.screens.values():
            if page is not change.source and change.touches(page.shows):
                page.refresh()

    def show_screen(self, key: str) -> None:
        if key in self.screens:
            self.tabs.setCurrentWidget(self.screens[key])

    def focus_screen(self) -> None:
        """Keyboard focus on the current screen's table, where the arrows work."""
        page = self.tabs.currentWidget()
        if page is None:
            return
        for table in page.findChildren(QTableView):
            if table.isVisibleTo(page):
                table.setFocus()
                return
        page.setFocus()

    def current_screen_key(self) -> str | None:
        for key, page in self.screens.items():
            if page is self.tabs.currentWidget():
                return key
        return None

    def show_record(self, record_id: str) -> None:
        page = self.screens.get("my-data")
        if isinstance(page, MyDataScreen):
            self.tabs.setCurrentWidget(page)
            page.show_record(record_id)

    def reopen(self) -> bool:
        """After a sync: read the member's store afresh (the sync wrote it through its own
        connection), or close it when the mandate has ended. False when closed."""
        if self.member is None:
            return False
        officer_id, screen = self.member.officer_id, self.current_screen_key() or "flags"
        places = {key: page.save_place() for key, page in self.screens.items()}
        if not self.open_member(officer_id, screen):
            self.close_member()
            return False
        for key, place in places.items():
            if key in self.screens:
                self.screens[key].restore_place(place)
        return True

    def close_member(self) -> None:
        """Detach and drop the member's screens, then close the member's store."""
        for page in self.screens.values():
            page.set_store(None)
        self.tabs.clear()
        for page in self.screens.values():
            page.deleteLater()
        self.screens = {}
        if self.member_context is not None:
            self.member_context.detach()
            self.member_context.deleteLater()
            self.member_context = None
        if self.member_store is not None:
            self.member_store.close()
            self.member_store = None
        self.member = None

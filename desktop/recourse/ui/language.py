"""Switching the language while Recourse runs, without losing the officer's place.

The screens format their texts from live data as they fill them, so rather than each
re-running its `tr()` calls, the window rebuilds them when Qt says the language changed:
every screen's place (filters, selection, scroll) is saved with `save_place`, the screens
are built again in the new language, given the store, and put back where they were, on
the same screen. The window's own furniture (status bar, navigation, the unlock page)
takes the new texts too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from recourse.ui.i18n import current_language, set_language
from recourse.ui.settings_registry import LANGUAGE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget, QStackedWidget, QWidget

    from recourse.store import Store
    from recourse.ui.app import AppContext
    from recourse.ui.status_bar import StatusBar
    from recourse.ui.unlock import UnlockScreen
    from recourse.ui.workspace import WorkspacePage


class MainWindow(Protocol):
    """What this module needs of `recourse.ui.main_window.MainWindow` (which imports
    this module, so it is described here rather than imported)."""

    context: AppContext
    status: StatusBar
    workspace: WorkspacePage
    unlock_screen: UnlockScreen
    nav: QListWidget
    screen_stack: QStackedWidget

    @property
    def screens(self) -> dict[str, Any]: ...
    def build_screens(self) -> None: ...
    def apply_role(self) -> None: ...
    def open_member(self, officer_id: str, /) -> bool: ...
    def show_screen(self, key: str, /) -> None: ...
    def current_screen_key(self) -> str: ...
    def setWindowTitle(self, title: str, /) -> None: ...
    def installEventFilter(self, watcher: QObject, /) -> None: ...
    def isAncestorOf(self, child: QWidget, /) -> bool: ...


def apply_chosen_language(context: AppContext, store: Store | None, *,
                          keep_if_unset: bool = False) -> str | None:
    """Install the language the officer chose (or IT pinned), once the store is open.
    With `keep_if_unset` (at unlock), an officer who never chose keeps the language the
    app started in (the system's, or ``--language``)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    choice = str(context.settings.get(store, LANGUAGE) or "")
    if app is None or (not choice and keep_if_unset and current_language() is not None):
        return current_language()
    return set_language(app, choice)


class LanguageFollower(QObject):
    """Watches the window for `QEvent.LanguageChange` (Qt sends one for every translator
    installed) and, once per change of language, retranslates the window's furniture and
    rebuilds its screens unless they were built in that language already."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()  # kept by the window (its `language`), which it watches
        self.window = window
        self.seen = self.screens_in = current_language()
        window.installEventFilter(self)

    def apply(self, store: Store | None) -> str | None:
        """At unlock: install the officer's language before the screens are built."""
        language = apply_chosen_language(self.window.context, store, keep_if_unset=True)
        if not self.window.screens:
            self.screens_in = language  # about to be built in it
        return language

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Installed on the window alone, so only its own events come here.
        if event.type() == QEvent.Type.LanguageChange:
            language = current_language()
            if language != self.seen:
                self.seen = language
                retranslate_furniture(self.window)
            if self.window.screens and language != self.screens_in:
                self.screens_in = language
                rebuild_screens(self.window)
        return False


def retranslate_furniture(window: MainWindow) -> None:
    """What the window shows around its screens: title, status bar, navigation's
    button, the unlock page."""
    if not window.context.demo:  # the demo's title names its account
        window.setWindowTitle(QCoreApplication.translate("MainWindow", "Recourse"))
    window.status.retranslate()
    window.workspace.retranslate()
    window.unlock_screen.retranslate()
    store = window.context.store
    if store is not None:
        last = store.last_sync()
        window.status.set_last_sync(last.finished_at if last else None,
                                    last.state if last else None)


def rebuild_screens(window: MainWindow) -> None:
    """The screens built again in the language now installed, each put back where it was
    (`save_place`/`restore_place`), on the same screen, focus on the same control."""
    key = window.current_screen_key()
    places: dict[str, dict[str, Any]] = {k: s.save_place() for k, s in window.screens.items()}
    member = getattr(window.screens.get("member"), "member", None)
    focus_name = _focused_name(window)
    window.nav.blockSignals(True)
    window.nav.clear()
    for screen in window.screens.values():
        window.screen_stack.removeWidget(screen)
        screen.deleteLater()
    window.screens.clear()
    window.nav.blockSignals(False)
    window.build_screens()
    store = window.context.store
    if store is not None:
        for screen in window.screens.values():
            screen.set_store(store)
        for name, place in places.items():
            if name in window.screens:
                window.screens[name].restore_place(place)
    window.apply_role()
    if member is not None and key == "member":
        window.open_member(member.officer_id)
    else:
        window.show_screen(key)
    _restore_focus(window, focus_name)


def _focused_name(window: MainWindow) -> str:
    from PySide6.QtWidgets import QApplication

    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None and window.isAncestorOf(widget) else ""


def _restore_focus(window: MainWindow, name: str) -> None:
    """Focus the control of the same name on the screen shown (the old screens are
    only deleted later, so the window still holds their controls)."""
    from PySide6.QtWidgets import QWidget

    shown = window.screen_stack.currentWidget()
    found = shown.findChild(QWidget, name) if name and shown is not None else None
    (found or window.nav).setFocus()

"""The keyboard shortcuts, listed where an officer can find them (F1 or Ctrl+?)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recourse.ui.qt import QT_TRANSLATE_NOOP

#: Both open the list; Ctrl+? is Ctrl+Shift+/ on a UK keyboard.
HELP_KEYS = ("F1", "Ctrl+?")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


def shortcut_rows(screen_titles: list[str]) -> list[tuple[str, str]]:
    """(keys, what they do), in the order an officer needs them."""
    rows = [(f"Ctrl+{n}", _tr("Go to {screen}").format(screen=title))
            for n, title in enumerate(screen_titles, start=1)]
    rows += [
        ("Ctrl+L", _tr("Lock Recourse")),
        (_tr("F1 or Ctrl+?"), _tr("Show these shortcuts")),
        (_tr("Tab, Shift+Tab"), _tr("Move to the next or previous control")),
        (_tr("Up, Down"), _tr("Move through a list or table; in the navigation, change "
                              "screen")),
        (_tr("Alt+underlined letter"), _tr("Press that button or go to that field")),
        (_tr("Left, Right"), _tr("In a date field: move between year, month and day")),
        (_tr("Delete"), _tr("In a date field of My data: back to \u201cAny date\u201d")),
        (_tr("Space"), _tr("Tick or untick a check box; press the focused button")),
        (_tr("Esc"), _tr("Close a dialog without sending anything")),
    ]
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, screen_titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Everything in Recourse can be done with the keyboard."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows = shortcut_rows(screen_titles)
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        for row, (keys, action) in enumerate(rows):
            for column, text in enumerate((keys, action)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 90, metrics.height() * (len(rows) + 8))



def open_shortcuts(parent: QWidget, titles: dict[str, str]) -> ShortcutsDialog:
    """Open the list (window-modal, deleted when closed); `titles` are the screens' in
    navigation order (`WorkspacePage.screen_titles`)."""
    dialog = ShortcutsDialog(list(titles.values()), parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

# lupdate reads only calls that name their context, so the texts `_tr` translates
# above are listed for it here (tests/gui/test_shell_translations.py checks none is missing).
_CATALOGUE = (
    QT_TRANSLATE_NOOP("ShortcutsDialog", "F1 or Ctrl+?"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Go to {screen}"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Lock Recourse"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Show these shortcuts"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Tab, Shift+Tab"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Move to the next or previous control"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Up, Down"),
    QT_TRANSLATE_NOOP("ShortcutsDialog",
                      "Move through a list or table; in the navigation, change"
                      " screen"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Alt+underlined letter"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Press that button or go to that field"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Left, Right"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "In a date field: move between year, month and day"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Delete"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "In a date field of My data: back to “Any date”"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Space"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Tick or untick a check box; press the focused button"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Esc"),
    QT_TRANSLATE_NOOP("ShortcutsDialog", "Close a dialog without sending anything"),
)

"""Overview: what the force holds about you, open flags, deadlines, and the last sync."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from recourse.ui.models.flag_table_model import OPEN_STATUSES, action_text, rule_text
from recourse.ui.models.formatting import format_time
from recourse.ui.plain_text import visible_controls
from recourse.ui.screens.common import category_name, empty_state, make_table
from recourse.ui.widgets.plain import heading_label, plain_label

if TYPE_CHECKING:
    from recourse.protocol.wire import Source
    from recourse.store import Store, SyncStatus
    from recourse.ui.app import AppContext

FlagIdRole = Qt.ItemDataRole.UserRole + 1

#: Holdings columns: category and record count take what they need; the wrapped text
#: columns share the rest of the width in these proportions (lawful basis is longest).
_FITTED = (0, 1)
_SHARES = {2: 2, 3: 2, 4: 5, 5: 2}


class _ShareColumns(QObject):
    """Keeps a table's columns within its width, so no column needs horizontal scrolling:
    `fitted` columns are as wide as their content, the others share what is left."""

    def __init__(self, view: QTableView, fitted: tuple[int, ...],
                 shares: dict[int, int]) -> None:
        super().__init__(view)
        self.view = view
        self.fitted = fitted
        self.shares = shares
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in fitted:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in shares:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        # Few rows, wrapped text: each row as tall as its longest cell.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        spare = self.view.viewport().width() - sum(
            header.sectionSize(column) for column in self.fitted)
        total = sum(self.shares.values())
        columns = sorted(self.shares)
        for column in columns:
            width = spare * self.shares[column] // total
            header.resizeSection(column, max(width, header.minimumSectionSize()))
        # Tall enough for every row: the screen scrolls as a whole, not this table.
        rows = self.view.verticalHeader()
        rows.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        frame = 2 * self.view.frameWidth()
        self.view.setMinimumHeight(header.height() + rows.length() + frame)


class OverviewScreen(QWidget):
    #: What it shows, for AppContext.data_changed. Counts, open flags and deadlines.
    shows = frozenset({"flags", "records", "submissions"})
    #: Emitted with a flag id when the officer opens a flag from the list (Enter/double-click).
    open_flag = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._store: Store | None = None
        self.setAccessibleName(self.tr("Overview"))

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Overview of your data, flags and deadlines"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        layout.addWidget(heading_label(self.tr("What the force holds about you")))
        self.holdings_model = QStandardItemModel(0, 6, self)
        self.holdings_model.setHorizontalHeaderLabels(
            [
                self.tr("Category"),
                self.tr("Records"),
                self.tr("Source system"),
                self.tr("Owner"),
                self.tr("Lawful basis"),
                self.tr("Kept for"),
            ]
        )
        self.holdings_view: QTableView = make_table(self.tr("Data held about you, by category"))
        self.holdings_view.setModel(self.holdings_model)
        self.holdings_view.setWordWrap(True)
        self.holdings_view.setMinimumHeight(260)
        self._holdings_columns = _ShareColumns(self.holdings_view, _FITTED, _SHARES)
        layout.addWidget(self.holdings_view, 2)
        self.holdings_empty = empty_state(
            self.tr(
                "Nothing is held in your local copy yet. Once you sync, every category of "
                "data the force holds about you is listed here with where it comes from "
                "and how long it is kept."
            )
        )
        layout.addWidget(self.holdings_empty)

        row = QHBoxLayout()
        layout.addLayout(row, 1)
        flags_box = QGroupBox(self.tr("Open flags"))
        flags_box.setAccessibleName(self.tr("Open flags"))
        flags_layout = QVBoxLayout(flags_box)
        self.open_flags_count = plain_label(accessible_name=self.tr("Number of open flags"))
        flags_layout.addWidget(self.open_flags_count)
        self.open_flags_list = QListWidget()
        self.open_flags_list.setAccessibleName(self.tr("Open flags, with their headlines"))
        self.open_flags_list.setWordWrap(True)
        self.open_flags_list.itemActivated.connect(self._flag_activated)
        flags_layout.addWidget(self.open_flags_list)
        row.addWidget(flags_box, 2)

        side = QVBoxLayout()
        row.addLayout(side, 1)
        deadlines_box = QGroupBox(self.tr("Deadlines"))
        deadlines_box.setAccessibleName(self.tr("Deadlines"))
        deadlines_layout = QVBoxLayout(deadlines_box)
        self.deadlines_label = plain_label(
            self.tr(
                "No requests yet. When you challenge a flag or ask for your data, the "
                "force's deadline to answer appears here."
            ),
            accessible_name=self.tr("Deadlines"),
        )
        deadlines_layout.addWidget(self.deadlines_label)
        side.addWidget(deadlines_box)
        sync_box = QGroupBox(self.tr("Last sync"))
        sync_box.setAccessibleName(self.tr("Last sync"))
        sync_layout = QVBoxLayout(sync_box)
        self.sync_label = plain_label(accessible_name=self.tr("Last sync and its state"))
        sync_layout.addWidget(self.sync_label)
        side.addWidget(sync_box)
        side.addStretch(1)
        self._show_empty()

    # -- screen contract -----------------------------------------------------------
    def set_store(self, store: Store | None) -> None:
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        if self._store is None:
            self._show_empty()
            return
        counts = self._store.category_counts()
        sources: dict[str, Source] = {s.category: s for s in self._store.sources()}
        self.holdings_model.removeRows(0, self.holdings_model.rowCount())
        for category, count in counts.items():
            if not count:
                continue
            source = sources.get(category)
            cells = [
                category_name(category),
                f"{count:,}",
                source.system if source else self.tr("Not stated"),
                source.owner if source else self.tr("Not stated"),
                source.lawful_basis if source else self.tr("Not stated"),
                source.retention if source else self.tr("Not stated"),
            ]
            items = []
            for text in map(visible_controls, cells):
                item = QStandardItem(text)
                item.setEditable(False)
                item.setToolTip(text)
                items.append(item)
            items[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items[0].setData(category, Qt.ItemDataRole.UserRole)
            self.holdings_model.appendRow(items)
        has_rows = self.holdings_model.rowCount() > 0
        self.holdings_view.setVisible(has_rows)
        self.holdings_empty.setVisible(not has_rows)
        if has_rows:
            self._holdings_columns.fit()

        open_flags = [f for f in self._store.flags() if f.status in OPEN_STATUSES]
        self.open_flags_list.clear()
        if open_flags:
            self.open_flags_count.setText(
                self.tr("1 open flag against you.")
                if len(open_flags) == 1
                else self.tr("{n} open flags against you.").format(n=len(open_flags))
            )
        else:
            self.open_flags_count.setText(self.tr("No open flags against you."))
        for flag in sorted(open_flags, key=lambda f: f.raised_at, reverse=True):
            text = "{rule}\n{headline}\n{action}".format(
                rule=rule_text(flag),
                headline=visible_controls(flag.headline),
                action=self.tr("Action taken: {action}").format(action=action_text(flag.action)),
            )
            flag_item = QListWidgetItem(text)
            flag_item.setData(FlagIdRole, flag.id)
            flag_item.setToolTip(visible_controls(flag.headline))
            self.open_flags_list.addItem(flag_item)
        self.open_flags_list.setVisible(bool(open_flags))
        self.sync_label.setText(self._sync_text(self._store.last_sync()))
        self._show_deadlines(self._store)

    def _show_deadlines(self, store: Store) -> None:
        from recourse.ui.models.requests_model import deadline_lines

        lines = deadline_lines(store, self.context.clock().date())
        self.deadlines_label.setText(
            "\n".join(lines)
            if lines
            else self.tr(
                "No requests yet. When you challenge a flag or ask for your data, the "
                "force's deadline to answer appears here."
            )
        )

    def _sync_text(self, status: SyncStatus | None) -> str:
        if status is None:
            return self.tr("Not synced yet. Your data appears after the first sync.")
        text = self.tr("{when} — {state}").format(
            when=format_time(status.finished_at), state=status.state.replace("_", " ")
        )
        if status.message:
            text += "\n" + status.message
        return text

    def _show_empty(self) -> None:
        self.holdings_model.removeRows(0, self.holdings_model.rowCount())
        self.holdings_view.setVisible(False)
        self.holdings_empty.setVisible(True)
        self.open_flags_list.clear()
        self.open_flags_list.setVisible(False)
        self.open_flags_count.setText(self.tr("Your flags appear here once your data is unlocked."))
        self.sync_label.setText(self.tr("Locked."))

    def save_place(self) -> dict[str, Any]:
        item = self.open_flags_list.currentItem()
        return {"flag_id": item.data(FlagIdRole) if item else None}

    def restore_place(self, place: dict[str, Any]) -> None:
        flag_id = place.get("flag_id")
        for row in range(self.open_flags_list.count()):
            item = self.open_flags_list.item(row)
            if item.data(FlagIdRole) == flag_id:
                self.open_flags_list.setCurrentItem(item)
                return

    def _flag_activated(self, item: QListWidgetItem) -> None:
        flag_id = item.data(FlagIdRole)
        if flag_id:
            self.open_flag.emit(flag_id)

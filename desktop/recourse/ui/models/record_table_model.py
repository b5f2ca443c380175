"""The My data table: one category of the officer's records, paged on demand.

The model holds only the row count; rows come from `store.page(category, query,
offset, limit)` a block at a time through a small LRU cache (Anki's browser table and
Vorta's archive table have the same shape). Opening 525,600 location pings therefore
costs one COUNT and one page, and scrolling to row 500,000 a page or two.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from recourse.domain.recheck import DutyRoster
from recourse.store.errors import StoreError
from recourse.store.records import RecordQuery, StoredRecord
from recourse.ui.models.block_cache import BlockCache
from recourse.ui.models.fixed_columns import read_only_flags
from recourse.ui.models.formatting import EMPTY, format_time, format_value
from recourse.ui.models.places import PlaceNames
from recourse.ui.models.store_failures import report_store_failure
from recourse.ui.plain_text import visible_controls
from recourse.ui.qt import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from recourse.store import Store

RecordRole = Qt.ItemDataRole.UserRole + 1
#: True / False / None (not a ping, or no roster) for the on-duty classification.
OnDutyRole = Qt.ItemDataRole.UserRole + 2

TIME_COLUMN = 0
PINGS = "location_pings"

ModelIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordTableModel", text)


@dataclass(frozen=True)
class Column:
    header: str
    field: str | None  # a key of record.data; None for the built-in columns below


SUMMARY = "__summary__"
DUTY = "__duty__"
PLACE = "__place__"  # the nearest place the force's data names, beside the coordinates

#: The roles `data()` answers. A delegate asks for some seven roles per painted cell;
#: the others are refused before any row is looked up, which keeps painting a screenful
#: of a 525,600-row table cheap.
_ANSWERED_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
    RecordRole, OnDutyRole,
})

# Headers are marked for translation here (QT_TRANSLATE_NOOP, which lupdate reads) and
# translated when shown.
CATEGORY_COLUMNS: dict[str, tuple[Column, ...]] = {
    "roster_entries": (
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Summary"), SUMMARY),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Duty date"), "duty_date"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Kind"), "kind"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Start"), "start"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "End"), "end"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Work location"), "work_location"),
    ),
    "roster_audit": (
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Summary"), SUMMARY),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Field"), "field"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Old value"), "old_value"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "New value"), "new_value"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Edited by"), "edited_by"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Own edit"), "edited_by_self"),
    ),
    "absences": (
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Summary"), SUMMARY),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Kind"), "kind"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "From"), "start_date"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "To"), "end_date"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Certified"), "certified"),
    ),
    "overtime": (
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Summary"), SUMMARY),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Duty date"), "duty_date"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Hours"), "hours"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Reason claimed"), "claimed_reason"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Approved by"), "approved_by"),
    ),
    "building_access": (
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Summary"), SUMMARY),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Site"), "site"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Door"), "door"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Direction"), "direction"),
    ),
    "logins": (
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Summary"), SUMMARY),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "System"), "system"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Workstation"), "workstation"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Site"), "site"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Remote"), "remote"),
    ),
    "declarations": (
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Summary"), SUMMARY),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Kind"), "kind"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Organisation"), "organisation"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Declared on"), "declared_on"),
    ),
    "registry_matches": (
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Summary"), SUMMARY),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Registry"), "registry"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Organisation"), "organisation"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Match score"), "match_score"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Corroborated"), "corroborated"),
    ),
    "system_lookups": (
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Summary"), SUMMARY),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "System"), "system"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Case"), "case_ref"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Purpose"), "purpose"),
    ),
    "standards_actions": (
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Summary"), SUMMARY),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Action"), "action"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Flag"), "flag_id"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Decided by"), "decided_by"),
    ),
    PINGS: (
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Duty"), DUTY),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Nearest named place"), PLACE),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Latitude"), "lat"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Longitude"), "lon"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Accuracy (m)"), "accuracy_m"),
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Device"), "device_id"),
    ),
}
_FALLBACK_COLUMNS = (Column(QT_TRANSLATE_NOOP("RecordTableModel", "Summary"), SUMMARY),)


def columns_for(category: str | None) -> tuple[Column, ...]:
    if category is None:
        return ()
    return (
        Column(QT_TRANSLATE_NOOP("RecordTableModel", "Time"), None),
        *CATEGORY_COLUMNS.get(category, _FALLBACK_COLUMNS),
    )


class RecordTableModel(QAbstractTableModel):
    def __init__(
        self, parent: QObject | None = None, block_size: int = 256, max_blocks: int = 8
    ) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._category: str | None = None
        self._query: RecordQuery | None = None
        self._count = 0
        self._columns: tuple[Column, ...] = ()
        self._roster: DutyRoster | None = None
        self.places = PlaceNames()
        self._cache: BlockCache[StoredRecord] = BlockCache(self._fetch, block_size, max_blocks)

    # -- configuration -------------------------------------------------------------
    @property
    def category(self) -> str | None:
        return self._category

    @property
    def query(self) -> RecordQuery | None:
        return self._query

    @property
    def cache(self) -> BlockCache[StoredRecord]:
        return self._cache

    def set_source(
        self, store: Store | None, category: str | None, query: RecordQuery | None
    ) -> None:
        """Show `category` of `store` filtered by `query`; `store=None` empties the model."""
        self.beginResetModel()
        self._store = store
        self._category = category if store is not None else None
        self._query = query
        self._cache.clear()
        self._columns = columns_for(self._category)
        try:
            self._count = (
                store.count(self._category, query) if store is not None and self._category
                else 0
            )
        except StoreError as exc:
            report_store_failure(exc)
            self._count = 0
        if store is None:
            self._roster = None
        self.endResetModel()

    def set_query(self, query: RecordQuery | None) -> None:
        self.set_source(self._store, self._category, query)

    def set_roster(self, roster: DutyRoster | None) -> None:
        self._roster = roster
        if self._category == PINGS and self._count:
            self.dataChanged.emit(self.index(0, 1), self.index(self._count - 1, 1))

    @property
    def roster(self) -> DutyRoster | None:
        return self._roster

    def _fetch(self, offset: int, limit: int) -> list[StoredRecord]:
        if self._store is None or self._category is None:
            return []
        query = self._query or RecordQuery()  # what the store counts for no query
        return list(self._store.page(self._category, query, offset, limit))

    def record_at(self, row: int) -> StoredRecord | None:
        if not 0 <= row < self._count:
            return None
        return self._cache.get(row)

    def row_of(self, record_id: str, occurred_at: datetime) -> int | None:
        """The row of a record in the current ordering, found by binary search on time.

        Pages are ordered by `occurred_at` (then id), so the first row at or after the
        record's time is found in log2(count) one-row pages; the record is then among
        the few rows that share its timestamp.
        """
        if self._store is None or self._category is None:
            return None
        descending = self._query is not None and self._query.descending

        def before(row: int) -> bool:
            record = self._fetch(row, 1)
            if not record:
                return False
            moment = record[0].occurred_at
            return moment > occurred_at if descending else moment < occurred_at

        low, high = 0, self._count
        while low < high:
            middle = (low + high) // 2
            if before(middle):
                low = middle + 1
            else:
                high = middle
        for offset, record in enumerate(self._fetch(low, 64)):
            if record.id == record_id:
                return low + offset
        return None

    # -- Qt model interface --------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return _tr(self._columns[section].header)
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def on_duty(self, record: StoredRecord | None) -> bool | None:
        if self._category != PINGS or self._roster is None or record is None:
            return None
        return self._roster.on_duty(record.occurred_at)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        column_number = index.column()
        if column_number >= len(self._columns):
            return None
        column = self._columns[column_number]
        if role == Qt.ItemDataRole.FontRole and (column.field != DUTY or self._roster is None):
            return None
        record = self.record_at(index.row())
        if record is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell_text(record, column)
        if role == RecordRole:
            return record
        if role == OnDutyRole:
            return self.on_duty(record)
        if (
            role == Qt.ItemDataRole.FontRole
            and column.field == DUTY
            and self.on_duty(record) is False
        ):
            font = QFont()
            font.setBold(True)  # emphasis that holds in any palette
            return font
        return None

    def _cell_text(self, record: StoredRecord, column: Column) -> str:
        if column.field is None:
            return format_time(record.occurred_at)
        if column.field == SUMMARY:
            return visible_controls(record.summary) if record.summary else EMPTY
        if column.field == DUTY:
            duty = self.on_duty(record)
            if duty is None:
                return EMPTY
            return _tr("On duty") if duty else _tr("Off duty")
        if column.field == PLACE:
            return self.places.name_of(record.data.get("lat"), record.data.get("lon")) or EMPTY
        return format_value(record.data.get(column.field))

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return read_only_flags(index)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Only time is sortable: the store pages by `occurred_at` in either direction."""
        if column != TIME_COLUMN or self._query is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self._query.descending == descending:
            return
        from dataclasses import replace

        self.set_query(replace(self._query, descending=descending))


def record_detail_text(
    record: StoredRecord,
    on_duty: bool | None = None,
    label: Callable[[str], str] | None = None,
    *,
    max_value_chars: int | None = None,
) -> str:
    """Every field of one record as plain text lines for the detail pane.

    With `max_value_chars`, a longer value is cut there and says how much more there is
    (a text view lays out one long line in time that grows faster than its length)."""
    from recourse.ui.models.formatting import humanise

    name = label or humanise

    def cut(text: str) -> str:
        text = visible_controls(text)
        if max_value_chars is None or len(text) <= max_value_chars:
            return text
        more = len(text) - max_value_chars
        return text[:max_value_chars] + " " + _tr("… ({n} more characters)").format(
            n=f"{more:,}")

    lines = [
        f"{_tr('Record')}: {visible_controls(record.id)}",
        f"{_tr('Time')}: {format_time(record.occurred_at)}",
        f"{_tr('Last updated')}: {format_time(record.updated_at)}",
    ]
    if record.summary:
        lines.append(f"{_tr('Summary')}: {cut(record.summary)}")
    if on_duty is not None:
        lines.append(f"{_tr('Duty')}: {_tr('On duty') if on_duty else _tr('Off duty')}")
    for key, value in record.data.items():
        lines.append(f"{cut(name(key))}: {cut(format_value(value))}")
    return "\n".join(lines)


# lupdate reads only calls that name their context, so the texts `_tr` translates
# above are listed for it here (tests/gui/test_shell_translations.py checks none is missing).
_CATALOGUE = (
    QT_TRANSLATE_NOOP("RecordTableModel", "Duty"),
    QT_TRANSLATE_NOOP("RecordTableModel", "Record"),
    QT_TRANSLATE_NOOP("RecordTableModel", "Summary"),
    QT_TRANSLATE_NOOP("RecordTableModel", "Time"),
    QT_TRANSLATE_NOOP("RecordTableModel", "On duty"),
    QT_TRANSLATE_NOOP("RecordTableModel", "Off duty"),
    QT_TRANSLATE_NOOP("RecordTableModel", "… ({n} more characters)"),
    QT_TRANSLATE_NOOP("RecordTableModel", "Last updated"),
)

"""The exact input records of one flag, fetched by id a block at a time.

A flag may cite tens of thousands of records (pings); the model keeps only the id list
and pages `store.records_by_ids` through the same small LRU cache as My data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from recourse.ui.models.block_cache import BlockCache
from recourse.ui.models.fixed_columns import FixedColumnsModel
from recourse.ui.models.formatting import EMPTY, category_name, format_time, humanise
from recourse.ui.qt import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from recourse.store import Store, StoredRecord

RecordRole = Qt.ItemDataRole.UserRole + 1
RecordIdRole = Qt.ItemDataRole.UserRole + 3
ModelIndex = QModelIndex | QPersistentModelIndex

HEADERS = (
    QT_TRANSLATE_NOOP("EvidenceModel", "Time"),
    QT_TRANSLATE_NOOP("EvidenceModel", "Category"),
    QT_TRANSLATE_NOOP("EvidenceModel", "What the record says"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceModel", text)


class _Missing:
    """A cited record the local copy does not hold (deleted since, or not yet synced)."""

    def __init__(self, record_id: str) -> None:
        self.id = record_id


class EvidenceModel(FixedColumnsModel):
    HEADERS = HEADERS
    TRANSLATION_CONTEXT = "EvidenceModel"

    def __init__(
        self, parent: QObject | None = None, block_size: int = 200, max_blocks: int = 4
    ) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._ids: list[str] = []
        self._highlighted: frozenset[str] = frozenset()
        self._cache: BlockCache[StoredRecord | _Missing] = BlockCache(
            self._fetch, block_size, max_blocks
        )

    @property
    def cache(self) -> BlockCache[StoredRecord | _Missing]:
        return self._cache

    def set_records(self, store: Store | None, record_ids: list[str]) -> None:
        self.beginResetModel()
        self._store = store
        self._ids = list(record_ids) if store is not None else []
        self._highlighted = frozenset()
        self._cache.clear()
        self.endResetModel()

    def highlight(self, record_ids: list[str]) -> None:
        """Embolden the records where the officer's recomputation differs."""
        self._highlighted = frozenset(record_ids)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 2))

    def _fetch(self, offset: int, limit: int) -> list[StoredRecord | _Missing]:
        ids = self._ids[offset : offset + limit]
        if self._store is None or not ids:
            return []
        found = {record.id: record for record in self._store.records_by_ids(ids)}
        return [found.get(record_id) or _Missing(record_id) for record_id in ids]

    def record_id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def record_at(self, row: int) -> StoredRecord | None:
        if not 0 <= row < len(self._ids):
            return None
        record = self._cache.get(row)
        return None if isinstance(record, _Missing) else record

    def row_total(self) -> int:
        return len(self._ids)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        record_id = self._ids[index.row()]
        if role == RecordIdRole:
            return record_id
        record = self._cache.get(index.row())
        if role == RecordRole:
            return None if isinstance(record, _Missing) else record
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if record is None or isinstance(record, _Missing):
                if index.column() == 2:
                    return _tr("Record {id} is not in your local copy").format(id=record_id)
                return EMPTY
            if index.column() == 0:
                return format_time(record.occurred_at)
            if index.column() == 1:
                return category_name(record.category)
            return record.summary or _describe(record.data)
        if role == Qt.ItemDataRole.FontRole and record_id in self._highlighted:
            font = QFont()
            font.setBold(True)
            return font
        return None



def _describe(data: dict[str, Any]) -> str:
    from recourse.ui.models.formatting import format_value

    return ", ".join(f"{humanise(k)} {format_value(v)}" for k, v in list(data.items())[:4]) or EMPTY


# lupdate reads only calls that name their context, so the texts `_tr` translates
# above are listed for it here (tests/gui/test_shell_translations.py checks none is missing).
_CATALOGUE = (
    QT_TRANSLATE_NOOP("EvidenceModel", "Record {id} is not in your local copy"),
)

"""My data: every category of record the force holds, in a table that opens at once.

The table model pages rows from the store on demand (see `RecordTableModel`); the
filters build a `RecordQuery` (dates, full-text search, time order). For location
pings each visible row is marked on or off duty against the officer's own roster, and
a worker counts how many pings the force collected off duty.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QItemSelection, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recourse.domain.recheck import DutyRoster, OffDutyCount, count_off_duty
from recourse.store.records import RecordQuery
from recourse.store.schema import FTS_EXCLUDED_CATEGORY
from recourse.ui.models.places import PlaceNames
from recourse.ui.models.record_table_model import (
    PINGS,
    TIME_COLUMN,
    RecordTableModel,
    record_detail_text,
)
from recourse.ui.qt import to_date, to_qdate
from recourse.ui.screens.common import (
    Generation,
    acting_for_name,
    category_name,
    current_row,
    empty_state,
    make_table,
    select_row,
)
from recourse.ui.widgets.date_edit import OptionalDateEdit
from recourse.ui.widgets.plain import emphasise, heading_label, plain_label

if TYPE_CHECKING:
    from recourse.store import Store
    from recourse.ui.app import AppContext
    from recourse.ui.workers import Job, JobHandle

#: Categories the store does not index for full-text search: they have no words.
UNSEARCHABLE_CATEGORIES = frozenset({FTS_EXCLUDED_CATEGORY})

#: QDateEdit cannot be empty: its minimum date stands for "no limit" and shows as such.
NO_DATE = QDate(2000, 1, 1)
SEARCH_DELAY_MS = 300
#: Characters of one value shown in the detail pane before it is cut (the rest is one
#: click away): a text view takes seconds to lay out one line of a few hundred thousand.
DETAIL_VALUE_CHARS = 2000
#: The off-duty count streams every ping on a worker, which slows the GUI thread while it
#: runs (they share the interpreter): it starts once the officer has left the filters
#: alone this long, so opening the pings and narrowing them down stays quick.
OFF_DUTY_DELAY_MS = 1000


def _categories() -> tuple[str, ...]:
    from recourse.protocol.wire import CATEGORIES

    return CATEGORIES


def load_roster(store: Store) -> DutyRoster:
    return DutyRoster.from_entries(r.data for r in store.iter_category("roster_entries"))


def count_pings_off_duty(job: JobHandle, store: Store) -> OffDutyCount | None:
    """Worker: stream every ping once and count those outside rostered duty.

    Stops early (returning None) when the job is cancelled, e.g. because the officer
    locked the app: no decrypted rows are read after that."""
    roster = load_roster(store)

    def moments() -> Iterator[datetime]:
        for n, record in enumerate(store.iter_category(PINGS)):
            if n % 4096 == 0 and job.cancelled:
                raise _Cancelled
            yield record.occurred_at

    try:
        return count_off_duty(roster, moments())
    except _Cancelled:
        return None


class _Cancelled(Exception):
    pass


class MyDataScreen(QWidget):
    #: What it shows, for AppContext.data_changed.
    shows = frozenset({"records"})
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._store: Store | None = None
        self._generation = Generation()
        self.setAccessibleName(self.tr("My data"))
        self._who = acting_for_name(context)

        layout = QVBoxLayout(self)
        if self._who is not None:
            layout.addWidget(heading_label(self.tr("What the force holds about {who}").format(
                who=self._who)))
        filters = QHBoxLayout()
        layout.addLayout(filters)
        category_label = QLabel(self.tr("&Category:"))
        self.category_box = QComboBox()
        self.category_box.setAccessibleName(self.tr("Category of data"))
        category_label.setBuddy(self.category_box)
        filters.addWidget(category_label)
        filters.addWidget(self.category_box, 2)

        from_label = QLabel(self.tr("&From:"))
        self.from_edit = self._date_edit(self.tr("Show records from this date"))
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(self.tr("&To:"))
        self.to_edit = self._date_edit(self.tr("Show records up to this date"))
        to_label.setBuddy(self.to_edit)
        for widget in (from_label, self.from_edit, to_label, self.to_edit):
            filters.addWidget(widget)

        search_label = QLabel(self.tr("&Search:"))
        self.search_edit = QLineEdit()
        self.search_edit.setAccessibleName(self.tr("Search the records of this category"))
        self.search_edit.setPlaceholderText(self.tr("Words in the record"))
        self.search_edit.setClearButtonEnabled(True)
        search_label.setBuddy(self.search_edit)
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 2)

        self.count_label = plain_label(accessible_name=self.tr("Number of records shown"))
        layout.addWidget(self.count_label)
        self.off_duty_label = plain_label(accessible_name=self.tr("Pings collected off duty"))
        emphasise(self.off_duty_label)
        self.off_duty_label.setVisible(False)
        layout.addWidget(self.off_duty_label)

        self.model = RecordTableModel(self)
        self.view = make_table(self.tr("Records"))
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(TIME_COLUMN, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        # Uniform rows: the view never asks for every row's height (keeps paging lazy).
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("Selected record, every field"))
        self.detail.setPlaceholderText(self.tr("Select a record to see all its fields."))

        # Long values are cut in the pane (shown at once); the whole record on request.
        self.show_all_button = QPushButton(self.tr("Show the &whole record"))
        self.show_all_button.setAccessibleName(self.tr("Show the whole record"))
        self.show_all_button.clicked.connect(self._show_whole_record)
        self.show_all_button.hide()
        self._whole_record = ""
        detail_side = QWidget()
        detail_layout = QVBoxLayout(detail_side)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail, 1)
        detail_layout.addWidget(self.show_all_button, 0, Qt.AlignmentFlag.AlignRight)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(detail_side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self.empty = empty_state("")
        layout.addWidget(self.empty)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filters)
        self._off_duty_timer = QTimer(self)
        self._off_duty_timer.setSingleShot(True)
        self._off_duty_timer.setInterval(OFF_DUTY_DELAY_MS)
        self._off_duty_timer.timeout.connect(self._count_off_duty)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.from_edit.dateChanged.connect(lambda _d: self._apply_filters())
        self.to_edit.dateChanged.connect(lambda _d: self._apply_filters())
        self.category_box.currentIndexChanged.connect(lambda _i: self._category_changed())
        self._roster: DutyRoster | None = None
        self._off_duty: OffDutyCount | None = None
        self._off_duty_job: Job | None = None
        self._fill_categories({})
        self._update_state()

    def _date_edit(self, accessible_name: str) -> OptionalDateEdit:
        edit = OptionalDateEdit(NO_DATE, self.tr("Any date"))
        edit.setAccessibleName(accessible_name)
        return edit

    # -- screen contract -----------------------------------------------------------
    def set_store(self, store: Store | None) -> None:
        self._store = store
        self._generation.bump()
        self._cancel_off_duty()
        self._roster = None
        self._off_duty = None
        self._show_detail("", "")
        if store is None:
            self.model.set_source(None, None, None)
            self._fill_categories({})
        else:
            self.refresh()
        self._update_state()

    def refresh(self) -> None:
        if self._store is None:
            return
        place = self.save_place()
        self._generation.bump()
        self._cancel_off_duty()  # counted again for the new data when pings are shown
        self._roster = load_roster(self._store)  # a few thousand rows at most
        self.model.places = PlaceNames.from_sources(self._store.sources())
        self._off_duty = None
        self._fill_categories(self._store.category_counts())
        self.restore_place(place)
        if self.model.category is None:
            self._category_changed()
        self._schedule_off_duty()

    def save_place(self) -> dict[str, Any]:
        row = current_row(self.view)
        record = self.model.record_at(row) if row is not None else None
        return {
            "category": self.current_category(),
            "from": self._date_value(self.from_edit),
            "to": self._date_value(self.to_edit),
            "search": self.search_edit.text(),
            "descending": bool(getattr(self.model.query, "descending", False)),
            "row": row,
            "record_id": record.id if record is not None else None,
            "scroll": self.view.verticalScrollBar().value(),
        }

    def restore_place(self, place: dict[str, Any]) -> None:
        if not place:
            return
        with_signals_blocked = (self.category_box, self.from_edit, self.to_edit, self.search_edit)
        for widget in with_signals_blocked:
            widget.blockSignals(True)
        try:
            category = place.get("category")
            index = self.category_box.findData(category)
            if index >= 0:
                self.category_box.setCurrentIndex(index)
            self.from_edit.setDate(_to_qdate(place.get("from")))
            self.to_edit.setDate(_to_qdate(place.get("to")))
            self.search_edit.setText(place.get("search") or "")
        finally:
            for widget in with_signals_blocked:
                widget.blockSignals(False)
        if self._store is None:
            return
        self._apply_filters(descending=bool(place.get("descending", False)))
        row = place.get("row")
        if isinstance(row, int) and 0 <= row < self.model.rowCount():
            select_row(self.view, row)
        scroll = place.get("scroll")
        if isinstance(scroll, int):
            self.view.verticalScrollBar().setValue(scroll)

    def show_record(self, record_id: str) -> bool:
        """Switch to the record's category, clear filters, and select it."""
        if self._store is None:
            return False
        record = self._store.record(record_id)
        if record is None:
            self.count_label.setText(
                (self.tr("Record {id} is not in your local copy.") if self._who is None
                 else self.tr("Record {id} is not in the copy on this PC."))
                .format(id=record_id)
            )
            return False
        for widget in (self.category_box, self.from_edit, self.to_edit, self.search_edit):
            widget.blockSignals(True)
        try:
            index = self.category_box.findData(record.category)
            if index < 0:
                self.category_box.addItem(category_name(record.category), record.category)
                index = self.category_box.count() - 1
            self.category_box.setCurrentIndex(index)
            self.from_edit.setDate(NO_DATE)
            self.to_edit.setDate(NO_DATE)
            self.search_edit.clear()
        finally:
            for widget in (self.category_box, self.from_edit, self.to_edit, self.search_edit):
                widget.blockSignals(False)
        self._apply_filters(descending=bool(getattr(self.model.query, "descending", False)))
        row = self.model.row_of(record.id, record.occurred_at)
        if row is None:
            return False
        select_row(self.view, row)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- internals -----------------------------------------------------------------
    def current_category(self) -> str | None:
        data = self.category_box.currentData()
        return data if isinstance(data, str) else None

    def _fill_categories(self, counts: dict[str, int]) -> None:
        current = self.current_category()
        self.category_box.blockSignals(True)
        try:
            self.category_box.clear()
            for category in _categories():
                count = counts.get(category, 0)
                if self._store is None:
                    continue
                self.category_box.addItem(
                    self.tr("{name} ({count})").format(
                        name=category_name(category), count=f"{count:,}"
                    ),
                    category,
                )
            index = self.category_box.findData(current)
            if index < 0:
                # Open on the first category that holds anything.
                index = next(
                    (
                        i
                        for i in range(self.category_box.count())
                        if counts.get(self.category_box.itemData(i), 0)
                    ),
                    0,
                )
            self.category_box.setCurrentIndex(index)
        finally:
            self.category_box.blockSignals(False)
        self.category_box.setEnabled(self.category_box.count() > 0)

    def _date_value(self, edit: OptionalDateEdit) -> date | None:
        value = edit.date()
        return None if value == NO_DATE else to_date(value)

    def _query(self, descending: bool) -> RecordQuery:
        since = self._date_value(self.from_edit)
        until = self._date_value(self.to_edit)
        search = self.search_edit.text().strip() or None
        return RecordQuery(
            since=datetime.combine(since, time.min, tzinfo=UTC) if since else None,
            # The store's `until` is exclusive: the day after, at midnight.
            until=datetime.combine(until + timedelta(days=1), time.min, tzinfo=UTC)
            if until
            else None,
            search=search,
            descending=descending,
        )

    def _offer_search(self, searchable: bool) -> None:
        """Location pings carry no words (a time, a position, a device): rather than a
        search that can only ever find nothing, say so and point at the dates."""
        if searchable == self.search_edit.isEnabled():
            return
        self.search_edit.blockSignals(True)
        try:
            if not searchable:
                self.search_edit.clear()
            self.search_edit.setEnabled(searchable)
            self.search_edit.setPlaceholderText(
                self.tr("Words in the record") if searchable
                else self.tr("No words to search here: filter by date"))
        finally:
            self.search_edit.blockSignals(False)

    def _category_changed(self) -> None:
        self._show_detail("", "")
        self._apply_filters(descending=bool(getattr(self.model.query, "descending", False)))
        self._schedule_off_duty()

    def _apply_filters(self, descending: bool | None = None) -> None:
        self._search_timer.stop()
        if self._store is None:
            return
        category = self.current_category()
        self._offer_search(category not in UNSEARCHABLE_CATEGORIES)
        if descending is None:
            descending = bool(getattr(self.model.query, "descending", False))
        self.model.set_source(self._store, category, self._query(descending))
        self.model.set_roster(self._roster if category == PINGS else None)
        self.view.horizontalHeader().setSortIndicator(
            TIME_COLUMN,
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )
        self._size_columns()
        self._update_state()
        if self._off_duty_timer.isActive():
            self._off_duty_timer.start()  # still filtering: wait a little longer

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        for column in range(self.model.columnCount()):
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            width = metrics.horizontalAdvance(title) + 32
            if column == TIME_COLUMN:
                width = max(width, metrics.horizontalAdvance("2026-10-31 23:59 BST") + 24)
            elif column == 2 and self.model.category == PINGS:  # the nearest named place
                names = [p.name for p in self.model.places.places] or [""]
                width = max(width, max(map(metrics.horizontalAdvance, names))
                            + metrics.horizontalAdvance(" (00.0 km)") + 24)
            elif column == 1 and self.model.category == PINGS:
                # "On duty"/"Off duty", off duty in bold, in whichever language is shown.
                bold = QFont(self.view.font())
                bold.setBold(True)
                width = max(width, *(QFontMetrics(bold).horizontalAdvance(
                    QCoreApplication.translate("RecordTableModel", word)) + 24
                    for word in ("On duty", "Off duty")))
            header.resizeSection(column, max(width, 90 if column else width))
        if self.model.columnCount() > 1 and self.model.category != PINGS:
            header.resizeSection(1, max(header.sectionSize(1), metrics.averageCharWidth() * 40))

    def _header_clicked(self, section: int) -> None:
        descending = bool(getattr(self.model.query, "descending", False))
        if section == TIME_COLUMN and self.model.query is not None:
            self.model.set_query(replace(self.model.query, descending=not descending))
            descending = not descending
            self._update_state()
        self.view.horizontalHeader().setSortIndicator(
            TIME_COLUMN,
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = current_row(self.view)
        record = self.model.record_at(row) if row is not None else None
        if record is None:
            self._show_detail("", "")
            return
        duty = self.model.on_duty(record)
        self._show_detail(
            record_detail_text(record, duty, max_value_chars=DETAIL_VALUE_CHARS),
            record_detail_text(record, duty),
        )

    def _show_detail(self, shown: str, whole: str) -> None:
        self.detail.setPlainText(shown)
        self._whole_record = whole if whole != shown else ""
        self.show_all_button.setVisible(bool(self._whole_record))

    def _show_whole_record(self) -> None:
        if self._whole_record:
            self.detail.setPlainText(self._whole_record)
            self._whole_record = ""
            self.show_all_button.hide()

    def _update_state(self) -> None:
        rows = self.model.rowCount()
        category = self.model.category
        filtered = self.model.query is not None and any(
            getattr(self.model.query, name, None) for name in ("since", "until", "search")
        )
        if self._store is None:
            self.empty.setText(self.tr("Your data is locked. Unlock to see it."))
        elif category is None and self._who is not None:
            self.empty.setText(self.tr("Nothing about {who} is on this PC yet. Sync to fetch "
                                       "it.").format(who=self._who))
        elif category is None:
            self.empty.setText(self.tr("Nothing is held in your local copy yet. Sync to fetch it."))
        elif filtered:
            self.empty.setText(
                self.tr("No records match these dates or words. Clear the filters to see them all.")
            )
        elif self._who is not None:
            self.empty.setText(
                self.tr("The force holds no records of this kind about {who}: {name}.").format(
                    who=self._who, name=category_name(category)))
        else:
            self.empty.setText(
                self.tr("The force holds no records of this kind about you: {name}.").format(
                    name=category_name(category)
                )
            )
        self.splitter.setVisible(rows > 0)
        self.empty.setVisible(rows == 0)
        if category is not None:
            order = (
                self.tr("newest first")
                if getattr(self.model.query, "descending", False)
                else self.tr("oldest first")
            )
            self.count_label.setText(
                self.tr("{count} records, {order}.").format(count=f"{rows:,}", order=order)
            )
        else:
            self.count_label.setText("")
        self._show_off_duty()

    # -- off-duty count ------------------------------------------------------------
    def _schedule_off_duty(self) -> None:
        """Count once per sync, when the pings are shown (not at every unlock) and the
        officer has stopped filtering for a moment (see OFF_DUTY_DELAY_MS)."""
        if (self.model.category == PINGS and self._off_duty is None
                and self._off_duty_job is None and not self._off_duty_timer.isActive()):
            self._off_duty_timer.start()

    def _count_off_duty(self) -> None:
        if self._store is None or not self._store.category_counts().get(PINGS):
            return
        self._cancel_off_duty()
        token = self._generation.value
        store = self._store
        self._off_duty_job = self.context.run_in_worker(
            count_pings_off_duty,
            store,
            pass_job=True,
            key="recourse.off-duty-count",
            on_success=lambda result: self._off_duty_counted(token, result),
            on_failure=lambda _error: self._off_duty_counted(token, None),
        )

    def _cancel_off_duty(self) -> None:
        self._off_duty_timer.stop()
        job = getattr(self, "_off_duty_job", None)
        if job is not None and not job.done:
            job.cancel()
        self._off_duty_job = None

    def _off_duty_counted(self, token: int, result: OffDutyCount | None) -> None:
        if not self._generation.current(token):
            return  # locked or re-synced meanwhile
        self._off_duty_job = None
        if result is None:
            return  # cancelled
        self._off_duty = result
        self._show_off_duty()

    def off_duty_text(self) -> str:
        result = self._off_duty
        if result is None:
            return ""
        if self._who is not None:
            return self.tr(
                "The force collected {n} location pings while {who} was off duty "
                "({percent}% of all pings)."
            ).format(n=f"{result.off_duty:,}", who=self._who, percent=f"{result.percent:.0f}")
        return self.tr(
            "The force collected {n} location pings while you were off duty "
            "({percent}% of all pings)."
        ).format(n=f"{result.off_duty:,}", percent=f"{result.percent:.0f}")

    def _show_off_duty(self) -> None:
        show = self.model.category == PINGS and self._off_duty is not None
        self.off_duty_label.setText(self.off_duty_text() if show else "")
        self.off_duty_label.setVisible(show)


def _to_qdate(value: object) -> QDate:
    if isinstance(value, date):
        return to_qdate(value)
    return NO_DATE

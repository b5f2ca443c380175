"""The officer's challenges and subject-access requests, with where each stands and how
long the force has left to answer.

Adapts `recourse.contest.SubmissionRecord`s (read from the store by the screen);
the view never queries anything itself. "Today" comes from the context's clock, so an
overdue request reads "Overdue by N days" (text and a palette-aware colour, never colour
alone) and a lawfully extended one reads as extended, not overdue.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from recourse.ui.models.fixed_columns import FixedColumnsModel
from recourse.ui.models.formatting import EMPTY, category_name, format_date, format_time
from recourse.ui.qt import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from recourse.api import ApiClient
    from recourse.contest import SubmissionRecord
    from recourse.store import Store

RecordRole = Qt.ItemDataRole.UserRole + 1
DeadlineRole = Qt.ItemDataRole.UserRole + 2
ModelIndex = QModelIndex | QPersistentModelIndex

HEADERS = (
    QT_TRANSLATE_NOOP("RequestsModel", "Kind"),
    QT_TRANSLATE_NOOP("RequestsModel", "About"),
    QT_TRANSLATE_NOOP("RequestsModel", "Reference"),
    QT_TRANSLATE_NOOP("RequestsModel", "State"),
    QT_TRANSLATE_NOOP("RequestsModel", "Received"),
    QT_TRANSLATE_NOOP("RequestsModel", "Due"),
    QT_TRANSLATE_NOOP("RequestsModel", "Days left"),
)
KIND, ABOUT, REFERENCE, STATE, RECEIVED, DUE, DAYS_LEFT = range(len(HEADERS))
#: The force has answered: no deadline runs any more.
ANSWERED_STATES = ("outcome", "fulfilled")
OUTCOME_WORDS = {
    "upheld": QT_TRANSLATE_NOOP("RequestsModel", "upheld"),
    "partly_upheld": QT_TRANSLATE_NOOP("RequestsModel", "partly upheld"),
    "not_upheld": QT_TRANSLATE_NOOP("RequestsModel", "not upheld"),
}
STATE_WORDS = {
    "submitted": QT_TRANSLATE_NOOP("RequestsModel", "Submitted"),
    "acknowledged": QT_TRANSLATE_NOOP("RequestsModel", "Acknowledged"),
    "clarification_requested": QT_TRANSLATE_NOOP("RequestsModel", "Clarification asked"),
    "extended": QT_TRANSLATE_NOOP("RequestsModel", "Extended"),
    "outcome": QT_TRANSLATE_NOOP("RequestsModel", "Outcome"),
    "fulfilled": QT_TRANSLATE_NOOP("RequestsModel", "Fulfilled"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("RequestsModel", text)


def overdue_colour(palette: QPalette | None = None) -> QColor:
    """A red that reads on the palette's base colour: dark red on light, light on dark."""
    palette = palette or QGuiApplication.palette()
    dark_background = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#ff9a9a") if dark_background else QColor("#a1001a")


def state_text(record: SubmissionRecord) -> str:
    if record.state == "signed":
        return _tr("Signed, waiting to send")
    if record.state == "refused":
        return _tr("Refused by the force")
    status = record.status
    if status is None:
        return _tr("Submitted")
    if status.state == "outcome" and status.outcome:
        return _tr("Outcome: {outcome}").format(
            outcome=_tr(OUTCOME_WORDS.get(status.outcome, status.outcome)))
    return status_state_text(status.state)


def status_state_text(state: str) -> str:
    """The words for one state of the force's handling (a submission's, or an event's)."""
    return _tr(STATE_WORDS.get(state, state))


def deadline_state(record: SubmissionRecord, today: date) -> str | None:
    """None (no deadline runs), or ok / due_soon / extended / overdue."""
    if record.status is not None and record.status.state in ANSWERED_STATES:
        return None
    if record.kind == "complaint" and record.status is not None and \
            record.status.state != "submitted":
        return None  # acknowledged: the 30-day clock (s.164A) has been met
    state: str | None = record.deadline_state(today)
    return state


def days_left_text(record: SubmissionRecord, today: date) -> str:
    if record.status is not None and record.status.state in ANSWERED_STATES:
        return _tr("Answered")
    if deadline_state(record, today) is None and record.status is not None:
        return _tr("Acknowledged")
    left = record.days_left(today)
    if left is None:
        return EMPTY
    state = deadline_state(record, today)
    if state == "overdue":
        return _tr("Overdue by 1 day") if left == -1 else _tr(
            "Overdue by {n} days").format(n=-left)
    text = _tr("Due today") if left == 0 else (
        _tr("1 day left") if left == 1 else _tr("{n} days left").format(n=left))
    if state == "extended":
        return _tr("Extended: {text}").format(text=text)
    return text


def target_text(record: SubmissionRecord, flag_headlines: Mapping[str, str]) -> str:
    target = record.payload.get("target")
    if record.kind == "complaint":
        about = target if isinstance(target, str) else (
            record.status.about_reference if record.status is not None else None)
        return _tr("About {reference}").format(reference=about or EMPTY)
    if record.kind == "challenge":
        headline = flag_headlines.get(str(target))
        return _tr("Flag: {headline}").format(headline=headline or target)
    if not isinstance(target, dict):
        return _tr("My data")
    categories = target.get("categories", "all")
    text = _tr("My data: everything") if categories == "all" else _tr("My data: {list}").format(
        list=", ".join(category_name(c) for c in categories))
    date_range = target.get("date_range")
    if isinstance(date_range, dict):
        text += _tr(", {start} to {end}").format(start=date_range.get("from"),
                                                 end=date_range.get("to"))
    return text


class RequestsModel(FixedColumnsModel):
    HEADERS = HEADERS
    TRANSLATION_CONTEXT = "RequestsModel"

    def __init__(self, today: Callable[[], date] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[SubmissionRecord] = []
        self._flags: dict[str, str] = {}
        self._today = today or date.today

    def today(self) -> date:
        return self._today()

    def set_records(self, records: list[SubmissionRecord],
                    flag_headlines: Mapping[str, str] | None = None) -> None:
        self.beginResetModel()
        # Newest first: what the officer just sent is at the top.
        self._records = sorted(records, key=lambda r: r.created_at, reverse=True)
        self._flags = dict(flag_headlines or {})
        self.endResetModel()

    def records(self) -> list[SubmissionRecord]:
        return list(self._records)

    def record_at(self, row: int) -> SubmissionRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, reference_or_id: str) -> int | None:
        for row, record in enumerate(self._records):
            if reference_or_id in (record.reference, record.id):
                return row
        return None

    def state_text(self, row: int) -> str:
        return state_text(self._records[row])

    def row_total(self) -> int:
        return len(self._records)

    def _text(self, record: SubmissionRecord, column: int) -> str:
        today = self.today()
        if column == KIND:
            kind = (_tr("Challenge") if record.kind == "challenge" else
                    _tr("Complaint to the force") if record.kind == "complaint" else
                    _tr("Request for my data"))
            if record.sent_by is not None:
                return _tr("{kind}, sent by {name}").format(kind=kind, name=record.sent_by.name)
            return kind
        if column == ABOUT:
            return target_text(record, self._flags)
        if column == REFERENCE:
            return record.reference or EMPTY
        if column == STATE:
            return state_text(record)
        if column == RECEIVED:
            if record.receipt is not None:
                return format_time(record.receipt.received_at)
            return format_time(record.status.received_at) if record.status else EMPTY
        if column == DUE:
            return format_date(record.current_due_date())
        return days_left_text(record, today)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            return self._text(record, column)
        if role == RecordRole:
            return record
        if role == DeadlineRole:
            return deadline_state(record, self.today())
        overdue = deadline_state(record, self.today()) == "overdue"
        if role == Qt.ItemDataRole.ForegroundRole and overdue and column in (DUE, DAYS_LEFT):
            return QBrush(overdue_colour())
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        return None



def deadline_lines(store: Store, today: date, api: ApiClient | None = None) -> list[str]:
    """One line per request with a running deadline, soonest first (for the Overview).

    Store-only (receipts are re-verified with the pinned key): works offline."""
    from recourse.contest import ContestService

    records = ContestService(store, api).submissions()
    flags = {f.id: f.headline for f in store.flags()}
    lines = []
    for record in sorted(records, key=lambda r: r.current_due_date() or date.max):
        state = deadline_state(record, today)
        if state is None or record.current_due_date() is None:
            continue
        lines.append(_tr("{ref} — {about}: due {due} ({left})").format(
            ref=record.reference or _tr("not yet sent"), about=target_text(record, flags),
            due=format_date(record.current_due_date()), left=days_left_text(record, today)))
    return lines


# lupdate reads only calls that name their context, so the texts `_tr` translates
# above are listed for it here (tests/gui/test_shell_translations.py checks none is missing).
_CATALOGUE = (
    QT_TRANSLATE_NOOP("RequestsModel", "Submitted"),
    QT_TRANSLATE_NOOP("RequestsModel", "Signed, waiting to send"),
    QT_TRANSLATE_NOOP("RequestsModel", "Refused by the force"),
    QT_TRANSLATE_NOOP("RequestsModel", "Outcome: {outcome}"),
    QT_TRANSLATE_NOOP("RequestsModel", "Answered"),
    QT_TRANSLATE_NOOP("RequestsModel", "Overdue by 1 day"),
    QT_TRANSLATE_NOOP("RequestsModel", "Overdue by {n} days"),
    QT_TRANSLATE_NOOP("RequestsModel", "Due today"),
    QT_TRANSLATE_NOOP("RequestsModel", "1 day left"),
    QT_TRANSLATE_NOOP("RequestsModel", "{n} days left"),
    QT_TRANSLATE_NOOP("RequestsModel", "Extended: {text}"),
    QT_TRANSLATE_NOOP("RequestsModel", "Flag: {headline}"),
    QT_TRANSLATE_NOOP("RequestsModel", "My data"),
    QT_TRANSLATE_NOOP("RequestsModel", "My data: everything"),
    QT_TRANSLATE_NOOP("RequestsModel", "My data: {list}"),
    QT_TRANSLATE_NOOP("RequestsModel", ", {start} to {end}"),
    QT_TRANSLATE_NOOP("RequestsModel", "Challenge"),
    QT_TRANSLATE_NOOP("RequestsModel", "Request for my data"),
    QT_TRANSLATE_NOOP("RequestsModel", "Complaint to the force"),
    QT_TRANSLATE_NOOP("RequestsModel", "About {reference}"),
    QT_TRANSLATE_NOOP("RequestsModel", "{kind}, sent by {name}"),
    QT_TRANSLATE_NOOP("RequestsModel", "{ref} — {about}: due {due} ({left})"),
    QT_TRANSLATE_NOOP("RequestsModel", "not yet sent"),
)

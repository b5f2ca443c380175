""" "Check the arithmetic": recompute a rule-based flag from the officer's own records.

The recomputation runs in a worker with the same rule code the force runs
(`recourse.domain.rules`, through `recourse.domain.recheck`): once as the force
configured it, which should reproduce the force's figure, and once with the
correction the officer is entitled to. The panel says whether the first agrees, what
the second gives, why they differ, and lists the records where the difference arises.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recourse.domain.recheck import Difference, Recheck, check_flag
from recourse.ui.models.formatting import format_value
from recourse.ui.widgets.plain import emphasise, plain_label

if TYPE_CHECKING:
    from recourse.protocol.wire import FlagDetail
    from recourse.store import Store
    from recourse.ui.workers import Job

RecordIdRole = Qt.ItemDataRole.UserRole + 1


def _figure(value: object, key: str | None) -> str:
    if value is None:
        return "—"
    if key == "attendance_percent" and isinstance(value, int | float | str):
        return f"{float(value):.0f}%" if float(value).is_integer() else f"{float(value):g}%"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return format_value(value)


class ArithmeticPanel(QGroupBox):
    #: Emitted when a recount finishes, with the record ids where it differs.
    differences_changed = Signal(list)
    #: Emitted with a record id when the officer opens a differing record.
    open_record = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Check the arithmetic"), parent)
        self.setAccessibleName(self.tr("Check the arithmetic"))
        layout = QVBoxLayout(self)
        self.intro = plain_label(
            self.tr(
                "Recompute this flag from your own copy of the records, with the same "
                "rule the force ran: once as the force set it up, and once with the "
                "corrections you are entitled to."
            )
        )
        layout.addWidget(self.intro)
        self.button = QPushButton(self.tr("C&heck the arithmetic"))
        self.button.setAccessibleName(self.tr("Check the arithmetic"))
        self.button.clicked.connect(self.start)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.reproduced_label = plain_label(
            accessible_name=self.tr("Does it reproduce the force's figure")
        )
        self.corrected_label = plain_label(accessible_name=self.tr("Result with corrections"))
        emphasise(self.corrected_label)
        layout.addWidget(self.reproduced_label)
        layout.addWidget(self.corrected_label)
        self.differences_list = QListWidget()
        self.differences_list.setAccessibleName(self.tr("Records where the recount differs"))
        self.differences_list.setMaximumHeight(180)
        self.differences_list.itemActivated.connect(
            lambda item: self.open_record.emit(item.data(RecordIdRole))
        )
        layout.addWidget(self.differences_list)
        self._flag: FlagDetail | None = None
        self._store: Store | None = None
        self._runner: Callable[..., Job] | None = None
        self._result: Recheck | None = None
        self._job: Job | None = None
        self._token = 0
        self._who: str | None = None
        self.clear()

    def set_subject(self, who: str | None) -> None:
        """Speak of the member `who` ("PC Hughes") rather than to "you"."""
        self._who = who
        if who is not None:
            self.intro.setText(self.tr(
                "Recompute this flag from the copy of {who}'s records on this PC, with the "
                "same rule the force ran: once as the force set it up, and once with the "
                "corrections {who} is entitled to.").format(who=who))

    def set_runner(self, runner: Callable[..., Job]) -> None:
        """The workers helper (`AppContext.run_in_worker`)."""
        self._runner = runner

    def set_flag(self, store: Store | None, flag: FlagDetail | None) -> None:
        self._token += 1
        self._store = store
        self._flag = flag
        self.clear()

    def clear(self) -> None:
        self._result = None
        self.reproduced_label.setText("")
        self.corrected_label.setText("")
        self.corrected_label.setVisible(False)
        self.differences_list.clear()
        self.differences_list.setVisible(False)
        self.button.setEnabled(self._flag is not None and self._store is not None)

    @property
    def result(self) -> Recheck | None:
        return self._result

    def differences(self) -> list[str]:
        """Record ids where the corrected recount differs from the force's (for a challenge)."""
        return self._result.difference_ids() if self._result is not None else []

    def start(self) -> None:
        if self._flag is None or self._store is None or self._runner is None:
            return
        self.clear()
        self.button.setEnabled(False)
        self.reproduced_label.setText(self.tr("Recomputing from the records…"))
        token = self._token
        store = self._store
        self._job = self._runner(
            check_flag,
            self._flag,
            store.iter_category,
            key="recourse.recheck",
            on_success=lambda result: self._finished(token, result),
            on_failure=lambda error: self._failed(token, error),
        )

    def _failed(self, token: int, error: BaseException) -> None:
        if token != self._token:
            return
        self.button.setEnabled(True)
        message = getattr(error, "message", None) or (
            str(error) if isinstance(error, ValueError) else ""
        )
        self.reproduced_label.setText(
            self.tr("The arithmetic could not be checked. {reason}").format(reason=message).strip()
        )

    def _finished(self, token: int, result: Recheck) -> None:
        if token != self._token:
            return  # another flag was selected, or the store was locked, meanwhile
        self._result = result
        self.button.setEnabled(True)
        key = result.key_figure
        force = _figure(result.force_figure, key)
        mine = _figure(result.figure(result.as_configured), key)
        if self._who is not None:
            self.reproduced_label.setText((self.tr(
                "Counted as the force configured the rule, {who}'s records give {mine}, the "
                "same as the force's figure ({force}).") if result.reproduces else self.tr(
                "Counted as the force configured the rule, {who}'s records give {mine}, which "
                "DIFFERS from the force's figure ({force}). The copy on this PC may be older "
                "or newer than the data the force used, or the force's figure is wrong.")
            ).format(who=self._who, mine=mine, force=force))
        elif result.reproduces:
            self.reproduced_label.setText(
                self.tr(
                    "Counted as the force configured the rule, your records give {mine}, the "
                    "same as the force's figure ({force})."
                ).format(mine=mine, force=force)
            )
        else:
            self.reproduced_label.setText(
                self.tr(
                    "Counted as the force configured the rule, your records give {mine}, which "
                    "DIFFERS from the force's figure ({force}). Your copy may be older or newer "
                    "than the data the force used, or the force's figure is wrong."
                ).format(mine=mine, force=force)
            )
        self.corrected_label.setText(self._corrected_text(result))
        self.corrected_label.setVisible(True)
        self.differences_list.clear()
        for difference in result.differences:
            item = QListWidgetItem(self._difference_text(difference))
            item.setData(RecordIdRole, difference.record_id)
            self.differences_list.addItem(item)
        self.differences_list.setVisible(self.differences_list.count() > 0)
        self.differences_changed.emit(result.difference_ids())

    def _corrected_text(self, result: Recheck) -> str:
        if result.correction is None or result.corrected is None:
            return self.tr(
                "There is no correction to apply to this rule; only its arithmetic is checked."
            )
        corrected = result.corrected
        key = result.key_figure
        figure = _figure(result.figure(corrected), key)
        threshold = _figure(corrected.threshold, key)
        verdict = (
            self.tr("The rule would still be raised.")
            if corrected.fires
            else self.tr("The rule would NOT be raised.")
        )
        if result.correction == "exclude_leave_and_sickness":
            leave = result.days("annual_leave")
            sick = result.days("sickness")
            if not leave and not sick:
                return self.tr(
                    "No days of annual leave or sickness were counted as absence, so excluding "
                    "them changes nothing: {figure}."
                ).format(figure=figure)
            side = self.tr("below") if corrected.fires else self.tr("above")
            if figure != "—" and threshold != "—" and not corrected.fires and figure == threshold:
                side = self.tr("at")
            return self.tr(
                "Annual leave ({leave} days) and sickness ({sick} days) were counted as absence. "
                "Excluding them gives {figure}, {side} the {threshold} threshold. {verdict}"
            ).format(
                leave=leave,
                sick=sick,
                figure=figure,
                side=side,
                threshold=threshold,
                verdict=verdict,
            )
        if result.correction == "exclude_off_duty_pings":
            removed = result.records("off_duty")
            if self._who is not None:
                return self.tr(
                    "{removed} of the pings the force used were recorded while {who} was not "
                    "rostered on duty. Using only pings from rostered duty time gives {figure} "
                    "day(s) of presence (the rule needs {threshold}). {verdict}"
                ).format(removed=removed, who=self._who, figure=figure, threshold=threshold,
                         verdict=verdict)
            return self.tr(
                "{removed} of the pings the force used were recorded while you were not "
                "rostered on duty. Using only pings from rostered duty time gives {figure} "
                "day(s) of presence (the rule needs {threshold}). {verdict}"
            ).format(removed=removed, figure=figure, threshold=threshold, verdict=verdict)
        if result.correction == "exclude_uncorroborated":
            removed = result.records("uncorroborated")
            if self._who is not None:
                return self.tr(
                    "{removed} of the registry matches used were never confirmed to be {who}. "
                    "Leaving out unconfirmed matches gives {figure} undeclared match(es). "
                    "{verdict}").format(removed=removed, who=self._who, figure=figure,
                                        verdict=verdict)
            return self.tr(
                "{removed} of the registry matches used were never confirmed to be you. "
                "Leaving out unconfirmed matches gives {figure} undeclared match(es). {verdict}"
            ).format(removed=removed, figure=figure, verdict=verdict)
        return verdict

    def _difference_text(self, difference: Difference) -> str:
        reasons = {
            "annual_leave": self.tr("annual leave counted as absence"),
            "sickness": self.tr("sickness counted as absence"),
            "special_leave": self.tr("special leave counted as absence"),
            "off_duty": self.tr("ping recorded off duty"),
            "uncorroborated": (self.tr("match not confirmed to be you") if self._who is None
                               else self.tr("match not confirmed to be {who}").format(
                                   who=self._who)),
        }
        reason = reasons.get(difference.reason, difference.reason.replace("_", " "))
        if difference.day is not None:
            return f"{difference.day.isoformat()} — {reason} ({difference.record_id})"
        return f"{reason} ({difference.record_id})"

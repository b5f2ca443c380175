"""The next step, on the Requests screen, when a request has gone wrong.

For the selected challenge or SAR (or a complaint about one) the panel says in plain
words what has gone wrong, what the law lets the officer do next and by when: first a
complaint to the force (DPA 2018 s.164A), then, once the force has answered it or 30 days
have passed without an acknowledgement, a complaint to the ICO within three months.
It prepares the ICO pack (a zip the officer saves) and records the day the officer says
they sent it; Recourse never sends anything to the ICO. Hidden when there is nothing to do.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recourse.domain.escalation import FORCE_COMPLAINT_LAW, PROBLEMS
from recourse.ui.dialogs.challenge.common import CONTEST_JOB, error_text, make_service
from recourse.ui.file_dialogs import save_file
from recourse.ui.models.formatting import format_law
from recourse.ui.models.formatting import format_letter_day as long_date
from recourse.ui.models.requests_model import OUTCOME_WORDS
from recourse.ui.qt import QT_TRANSLATE_NOOP
from recourse.ui.widgets.plain import emphasise, plain_label

if TYPE_CHECKING:
    from recourse.contest.escalation import Escalation
    from recourse.contest.outbox import SubmissionRecord
    from recourse.store import Store
    from recourse.ui.app import AppContext
    from recourse.ui.dialogs.complaint import ComplaintDialog
    from recourse.ui.workers import Job


class IcoSentDialog(QDialog):
    """The day the officer sent their complaint to the ICO (theirs to say, not ours)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("I have sent this to the ICO")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr(
            "Recourse cannot send anything to the ICO and does not know whether you have. "
            "Give the day you sent your complaint; Recourse keeps it on this PC, encrypted, "
            "and stops reminding you of the ICO's deadline."), selectable=False))
        self.day = QDateEdit()
        self.day.setAccessibleName(self.tr("The day you sent it"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.setDate(QDate(today.year, today.month, today.day))
        layout.addWidget(self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def chosen(self) -> date:
        picked = self.day.date()
        return date(picked.year(), picked.month(), picked.day())


class EscalationPanel(QGroupBox):
    """What to do next about the selected request; hidden when nothing has gone wrong."""

    #: Something was sent or recorded: the screen reloads.
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store: Store | None = None
        self.item: Escalation | None = None
        self.today = date.today()
        self.dialog: ComplaintDialog | None = None
        self.sent_dialog: IcoSentDialog | None = None
        self.setTitle(self.tr("What you can do next"))
        self.setAccessibleName(self.tr("What you can do next"))
        layout = QVBoxLayout(self)
        self.headline = plain_label(accessible_name=self.tr("What has gone wrong"))
        emphasise(self.headline)
        layout.addWidget(self.headline)
        self.text = plain_label(accessible_name=self.tr("The next step"))
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.complain_button = QPushButton(self.tr("Complain to the force ({law})…").format(
            law=format_law(FORCE_COMPLAINT_LAW)))
        self.complain_button.setAccessibleName(self.tr("Complain to the force"))
        self.complain_button.clicked.connect(self.complain)
        self.pack_button = QPushButton(self.tr("Prepare the ICO complaint &pack…"))
        self.pack_button.setAccessibleName(self.tr("Prepare the ICO complaint pack"))
        self.pack_button.clicked.connect(self._choose_pack)
        self.sent_button = QPushButton(self.tr("I have sent this to the &ICO…"))
        self.sent_button.setAccessibleName(self.tr("I have sent this to the ICO"))
        self.sent_button.clicked.connect(self.record_sent)
        for button in (self.complain_button, self.pack_button, self.sent_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = plain_label(accessible_name=self.tr("Escalation status"))
        layout.addWidget(self.status)
        self.setVisible(False)

    # -- what is shown -----------------------------------------------------------------
    def show_for(self, store: Store | None, record: SubmissionRecord | None,
                 today: date) -> None:
        self.store, self.today, self.item = store, today, None
        if store is None or record is None or record.reference is None:
            self.setVisible(False)
            return
        try:
            self.item = make_service(self.context, store).escalation(record.reference, today)
        except Exception:  # nothing known to escalate (not sent yet, damaged receipt)
            self.item = None
        if self.item is None or not self._describe(self.item):
            self.setVisible(False)
            return
        self.setVisible(True)
        self._fit()

    def _fit(self) -> None:
        # Wrapped labels ask for little height; in the splitter they would be clipped.
        layout = self.layout()
        if layout is None:
            return
        width = max(self.width(), 480)
        needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        self.setMinimumHeight(needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._fit()

    def _describe(self, item: Escalation) -> bool:
        """Set the words and buttons; False when there is nothing to say."""
        for button in (self.complain_button, self.pack_button, self.sent_button):
            button.setVisible(False)
        facts, complaint, ico = item.facts, item.complaint_facts, item.ico
        member = self.context.acting_for
        # For a member, sending needs the mandate's "act" scope, as the force checks.
        can_send = self.context.api is not None and (member is None or member.can("act"))
        if complaint is None:
            if not item.problems:
                return False
            what = "; ".join(self.tr(PROBLEMS[p]) for p in item.problems)
            self.headline.setText(what + ".")
            late = (self.today - facts.due_on).days
            self.text.setText((self.tr(
                "The force's answer was due on {due} and is {n} days late. ").format(
                    due=long_date(facts.due_on), n=late) if "overdue" in item.problems else "")
                + self.tr(
                "You can complain to the force under {law}: it must acknowledge your "
                "complaint within 30 days of receiving it.").format(
                    law=format_law(FORCE_COMPLAINT_LAW)))
            self.complain_button.setVisible(True)
            self.complain_button.setEnabled(can_send)
            return True
        ref = complaint.reference
        if complaint.sent_to_ico_on is not None:
            self.headline.setText(self.tr("You have complained to the ICO."))
            self.text.setText(self.tr(
                "You told Recourse you sent your complaint to the ICO on {day}. Recourse did "
                "not send it; the ICO replies to you directly.").format(
                    day=long_date(complaint.sent_to_ico_on)))
            return True
        if ico is None:
            self.headline.setText(self.tr("Your complaint {ref} is with the force.").format(
                ref=ref))
            self.text.setText(self.tr(
                "The force received it on {received} and must acknowledge it by {due} "
                "({law}).").format(received=long_date(complaint.received_on),
                                   due=long_date(complaint.acknowledge_by),
                                   law=format_law(FORCE_COMPLAINT_LAW)))
            return True
        if not ico.open:
            self.headline.setText(self.tr("The force acknowledged your complaint {ref}.").format(
                ref=ref))
            self.text.setText(self.tr(
                "It acknowledged it on {day} and has not answered it yet. If its answer does "
                "not put things right you can complain to the ICO.").format(
                    day=long_date(ico.last_contact)))
            return True
        if complaint.answered_on is not None:
            code = complaint.outcome or ""
            outcome = (QCoreApplication.translate("RequestsModel", OUTCOME_WORDS[code])
                       if code in OUTCOME_WORDS else code.replace("_", " "))
            self.headline.setText(self.tr("The force answered your complaint {ref}: "
                                          "{outcome}.").format(ref=ref, outcome=outcome))
            lead = self.tr("Its reasons: {why} If this does not put things right, ").format(
                why=complaint.outcome_reasons or self.tr("none given."))
        else:
            self.headline.setText(self.tr(
                "The force did not acknowledge your complaint {ref} within 30 days.").format(
                    ref=ref))
            lead = self.tr("It had until {due}. ").format(due=long_date(complaint.acknowledge_by))
        self.text.setText(lead + self.tr(
            "Complain to the ICO by {by} (three months from {since}). Recourse prepares the "
            "pack; you send it to the ICO yourself (ico.org.uk/make-a-complaint).").format(
                by=long_date(ico.complain_by), since=long_date(ico.last_contact)))
        self.pack_button.setVisible(True)
        self.sent_button.setVisible(True)
        return True

    # -- actions -----------------------------------------------------------------------
    def complain(self) -> ComplaintDialog | None:
        if self.store is None or self.item is None:
            return None
        from recourse.ui.dialogs.complaint import ComplaintDialog

        self.dialog = ComplaintDialog(self.context, self.store, self.item.facts.reference,
                                      self.item.problems, self.item.facts.missing_items, self)
        self.dialog.sent.connect(lambda _record: self.changed.emit())
        self.dialog.open()
        return self.dialog

    def _choose_pack(self) -> None:
        if self.item is None:
            return
        path = save_file(self, self.tr("Save the ICO complaint pack"),
                         f"ico-complaint-{self.item.facts.reference}.zip",
                         self.tr("Zip file (*.zip)"))
        if path is not None:
            self.save_pack(path)

    def save_pack(self, path: Path) -> Job | None:
        """Write the pack to `path` (the officer chose it: an export on purpose)."""
        if self.store is None or self.item is None:
            return None
        service = make_service(self.context, self.store)
        me = self.store.me() if self.context.acting_for is None else None
        name = me.name if me is not None else (self.context.acting_for.name
                                               if self.context.acting_for else "")
        number = (me.force_number or "") if me is not None else ""
        reference, today = self.item.facts.reference, self.today
        self.status.setText(self.tr("Preparing the ICO complaint pack…"))
        return self.context.run_in_worker(
            service.export_ico_pack, reference, path, today, officer_name=name,
            force_number=number, key=CONTEST_JOB,
            on_success=lambda p: self.status.setText(self.tr(
                "The ICO complaint pack is saved to {path}. Recourse has not sent it: send "
                "it to the ICO yourself, then say so here.").format(path=str(p))),
            on_failure=lambda e: self.status.setText(error_text(e)), name="contest.ico_pack")

    def record_sent(self) -> IcoSentDialog | None:
        if self.item is None or self.item.complaint_facts is None:
            return None
        self.sent_dialog = IcoSentDialog(self.today, self)
        self.sent_dialog.accepted.connect(self._sent_accepted)
        self.sent_dialog.open()
        return self.sent_dialog

    def _sent_accepted(self) -> None:
        if self.sent_dialog is None or self.store is None or self.item is None or \
                self.item.complaint_facts is None:
            return
        try:
            make_service(self.context, self.store).record_ico_sent(
                self.item.complaint_facts.reference, self.sent_dialog.chosen(), self.today)
        except Exception as exc:  # a typed DraftInvalid, in words
            self.status.setText(error_text(exc))
            return
        self.changed.emit()


__all__ = ["EscalationPanel", "IcoSentDialog"]


# lupdate cannot read the domain's PROBLEMS, which the panel translates: listed here.
_CATALOGUE = (
    QT_TRANSLATE_NOOP("EscalationPanel",
                      "The force has not answered by the date the law gives it"),
    QT_TRANSLATE_NOOP("EscalationPanel", "The force refused what I asked"),
    QT_TRANSLATE_NOOP("EscalationPanel",
                      "The force's answer leaves out information I asked for"),
    QT_TRANSLATE_NOOP("EscalationPanel", "I dispute the force's outcome"),
)

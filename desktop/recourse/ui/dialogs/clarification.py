"""Answering the force's request for clarification, from the Requests screen.

While the force waits for the officer's answer the statutory clock is paused (UK GDPR
Art. 12A). The panel shows the force's question (plain text: it comes from the server)
and since when the clock has been paused; the officer types an answer, sees the exact
bytes that will be signed, and signs and sends them. The answer is a signed submission
like the rest: kept in the outbox first, then sent, and shown as received only once the
force's receipt has been checked with the pinned key (`ContestService.answer_clarification`).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recourse.ui.dialogs.challenge.common import CONTEST_JOB, bytes_view, error_text, make_service
from recourse.ui.models.formatting import format_time
from recourse.ui.widgets.plain import emphasise, heading_label, plain_label

if TYPE_CHECKING:
    from recourse.contest import PreparedSubmission, SubmissionRecord
    from recourse.protocol.contest_wire import SubmissionStatus
    from recourse.store import Store
    from recourse.ui.app import AppContext
    from recourse.ui.workers import Job


def paused_since(status: SubmissionStatus) -> date | None:
    """The day the force last asked for clarification (the clock stopped then)."""
    asked = [e.at for e in status.events if e.state == "clarification_requested"]
    return max(asked).date() if asked else None


class AnswerDialog(QDialog):
    """The exact bytes of the signed answer, and the button that signs and sends them."""

    def __init__(self, reference: str, canonical_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("Check your answer to {ref}").format(ref=reference)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Check exactly what will be signed"), level=2))
        layout.addWidget(plain_label(self.tr(
            "These are the exact bytes your key will sign. The force's signed receipt for "
            "them is checked before your answer is shown as received."), selectable=False))
        self.bytes = bytes_view(self.tr("The exact bytes that will be signed"))
        self.bytes.setPlainText(canonical_text)
        layout.addWidget(self.bytes, 1)
        buttons = QDialogButtonBox()
        self.send_button = buttons.addButton(self.tr("Sign and &send"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setAccessibleName(self.tr("Sign and send"))
        self.cancel_button = buttons.addButton(self.tr("&Back to my answer"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName(self.tr("Back to my answer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)


class ClarificationPanel(QGroupBox):
    """Shown for a request the force has paused to ask a question; hidden otherwise."""

    #: The answer's SubmissionRecord once the force's receipt verified (or it was queued).
    answered = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store: Store | None = None
        self.reference: str | None = None
        self.dialog: AnswerDialog | None = None
        self.prepared: PreparedSubmission | None = None
        self.setTitle(self.tr("The force asks you to clarify"))
        self.setAccessibleName(self.tr("The force asks you to clarify"))
        layout = QVBoxLayout(self)
        self.question = plain_label(accessible_name=self.tr("The force's question"))
        emphasise(self.question)
        layout.addWidget(self.question)
        self.clock = plain_label(accessible_name=self.tr("The paused clock"))
        layout.addWidget(self.clock)
        self.answer = QPlainTextEdit()
        self.answer.setAccessibleName(self.tr("Your answer"))
        self.answer.setPlaceholderText(self.tr("Type your answer to the force's question"))
        self.answer.setTabChangesFocus(True)
        lines = self.fontMetrics().lineSpacing()
        self.answer.setMinimumHeight(lines * 4)
        self.answer.setMaximumHeight(lines * 8)
        self.answer.textChanged.connect(self._typing)
        layout.addWidget(self.answer)
        row = QHBoxLayout()
        self.status = plain_label(accessible_name=self.tr("Answer status"))
        row.addWidget(self.status, 1)
        self.review_button = QPushButton(self.tr("Review and sign &answer…"))
        self.review_button.setAccessibleName(self.tr("Review and sign answer"))
        self.review_button.clicked.connect(self.review)
        row.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        self.setVisible(False)

    # -- what is shown ---------------------------------------------------------------------
    def show_for(self, store: Store | None, record: SubmissionRecord | None, today: date) -> None:
        """Show the question of `record` (a SubmissionRecord), or hide when none is asked."""
        self.store = store
        status = None if record is None else record.status
        if (record is None or status is None or status.state != "clarification_requested"
                or record.receipt is None or store is None):
            # Also on lock (no store): what was typed leaves the widget; it is in the store.
            self.reference = None
            self._set_answer_text("")
            self.setVisible(False)
            return
        reference = record.receipt.reference
        if reference != self.reference:
            self.reference = reference
            self._set_answer_text(make_service(self.context, store).answer_draft(reference))
            self.status.setText("")
        self.question.setText(status.clarification_request or self.tr(
            "The force paused your request to ask you something, but sent no question."))
        since = paused_since(status)
        if since is not None:
            days = max(0, (today - since).days)
            self.clock.setText(self.tr(
                "The clock is paused: the force stopped it on {day} ({days} so far) to ask "
                "this, and it runs again when your answer is received. Every paused day "
                "moves the due date on (it was {due}).").format(
                    day=since.isoformat(),
                    days=self.tr("1 day") if days == 1 else self.tr("{n} days").format(n=days),
                    due=status.due_date.isoformat()))
        else:
            self.clock.setText(self.tr("The clock is paused until your answer is received."))
        waiting = self._waiting_answer()
        self.answer.setReadOnly(waiting is not None)
        self.review_button.setEnabled(waiting is None and self.context.api is not None)
        if waiting is not None:
            self.status.setText(self.tr(
                "Your signed answer is waiting to send; Refresh sends it when the force's "
                "server is reachable."))
        elif self.context.api is None:
            self.status.setText(self.tr("Sign in to answer."))
        self.setVisible(True)

    def _waiting_answer(self) -> SubmissionRecord | None:
        if self.store is None or self.reference is None:
            return None
        service = make_service(self.context, self.store)
        return next((a for a in service.answers_to(self.reference) if a.state == "signed"),
                    None)

    def _set_answer_text(self, text: str) -> None:
        self.answer.blockSignals(True)
        self.answer.setPlainText(text)
        self.answer.blockSignals(False)

    def _typing(self) -> None:
        if self.reference is not None and self.store is not None and \
                not self.answer.isReadOnly():
            make_service(self.context, self.store).save_answer_draft(
                self.reference, self.answer.toPlainText())

    # -- signing -----------------------------------------------------------------------
    def review(self) -> Job | None:
        """Build the exact bytes of the answer (in a worker), then show them."""
        if self.store is None or self.reference is None or self.context.api is None:
            return None
        text = self.answer.toPlainText()
        if not text.strip():
            self.status.setText(self.tr("Write your answer first."))
            self.answer.setFocus()
            return None
        self.review_button.setEnabled(False)
        self.status.setText(self.tr("Preparing…"))
        service = make_service(self.context, self.store)
        return self.context.run_in_worker(
            service.prepare_answer, self.reference, text, key=CONTEST_JOB,
            on_success=self._prepared, on_failure=self._failed, name="contest.prepare_answer")

    def _prepared(self, prepared: PreparedSubmission) -> None:
        if self.reference is None:
            return
        self.prepared = prepared
        self.status.setText(self.tr("Check what will be signed."))
        self.dialog = AnswerDialog(self.reference, prepared.text, self)
        self.dialog.accepted.connect(self.sign_and_send)
        self.dialog.rejected.connect(lambda: self.review_button.setEnabled(True))
        self.dialog.open()

    def sign_and_send(self) -> Job | None:
        if self.prepared is None or self.reference is None or self.store is None:
            return None
        self.status.setText(self.tr("Signing and sending…"))
        service = make_service(self.context, self.store)
        reference, prepared, self.prepared = self.reference, self.prepared, None
        return self.context.run_in_worker(
            service.answer_clarification, reference, prepared, key=CONTEST_JOB,
            on_success=lambda record: self._sent(reference, record),
            on_failure=lambda error: self._send_failed(reference, error),
            name="contest.answer")

    def _sent(self, reference: str, record: SubmissionRecord) -> None:
        receipt = record.receipt
        if receipt is None:
            raise ValueError("an answer reported as received carries no receipt")
        self.status.setText(self.tr(
            "Received by the force: receipt {ref} checked with its key, {at}. The clock "
            "runs again; the force must now answer by {due}.").format(
                ref=receipt.reference, at=format_time(receipt.received_at),
                due=receipt.due_date.isoformat()))
        self.answered.emit(record)

    def _send_failed(self, reference: str, error: BaseException) -> None:
        waiting = self._waiting_answer() if reference == self.reference else None
        if waiting is not None:
            self.status.setText(self.tr(
                "Your answer is signed and kept on this PC, waiting to send: {why}").format(
                    why=error_text(error)))
            self.answered.emit(waiting)
            return
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        self.review_button.setEnabled(self.reference is not None)


__all__ = ["AnswerDialog", "ClarificationPanel", "paused_since"]

"""A complaint to the force under DPA 2018 s.164A, from the Requests screen.

The officer says what went wrong (overdue, refused, incomplete with the Art. 15 items left
out, or an outcome they dispute), in their own words, and what outcome they want; reads
the exact bytes that will be signed; and signs and sends them. The complaint is a signed
submission like the rest (`ContestService.send_complaint`): kept in the outbox first,
shown as received only once the force's receipt has been checked with the pinned key.
What is typed is saved as it is typed (encrypted), so a lock or a crash loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recourse.domain.contest import ART15_ITEMS, ART15_LETTERS
from recourse.domain.escalation import FORCE_COMPLAINT_LAW, PROBLEMS
from recourse.domain.letters_cy import art15_item_in
from recourse.ui.dialogs.challenge.common import CONTEST_JOB, bytes_view, error_text, make_service
from recourse.ui.i18n import current_language
from recourse.ui.models.formatting import format_law
from recourse.ui.qt import QT_TRANSLATE_NOOP
from recourse.ui.widgets.plain import heading_label, plain_label

if TYPE_CHECKING:
    from recourse.contest import PreparedSubmission, SubmissionRecord
    from recourse.store import Store
    from recourse.ui.app import AppContext
    from recourse.ui.workers import Job

#: What the officer most likely wants, by what went wrong (they may change it).
_OUTCOME_WANTED = {
    "overdue": QT_TRANSLATE_NOOP("ComplaintDialog",
                                 "Answer my request in full within 14 days."),
    "refused": QT_TRANSLATE_NOOP("ComplaintDialog", "Reconsider my request, with a person "
                                 "reviewing it, and give me your reasons."),
    "incomplete": QT_TRANSLATE_NOOP("ComplaintDialog", "Send me the information your "
                                    "answer left out within 14 days."),
    "disputed": QT_TRANSLATE_NOOP("ComplaintDialog", "Review the outcome again, with a "
                                  "person who was not involved, and tell me what you will "
                                  "do to put it right."),
}

# lupdate cannot read the domain's PROBLEMS, which the dialog translates: listed here.
_CATALOGUE = (
    QT_TRANSLATE_NOOP("ComplaintDialog",
                      "The force has not answered by the date the law gives it"),
    QT_TRANSLATE_NOOP("ComplaintDialog", "The force refused what I asked"),
    QT_TRANSLATE_NOOP("ComplaintDialog",
                      "The force's answer leaves out information I asked for"),
    QT_TRANSLATE_NOOP("ComplaintDialog", "I dispute the force's outcome"),
)


class ComplaintDialog(QDialog):
    """Write the complaint (page one), then check the exact bytes and sign (page two)."""

    #: The complaint's SubmissionRecord once the force's receipt verified.
    sent = Signal(object)

    def __init__(self, context: AppContext, store: Store, reference: str,
                 problems: Sequence[str], missing_items: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = store
        self.reference = reference
        self.prepared: PreparedSubmission | None = None
        title = self.tr("Complain to the force about {ref}").format(ref=reference)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages, 1)

        write = QWidget()
        form_layout = QVBoxLayout(write)
        form_layout.addWidget(heading_label(self.tr("Complain to the force"), level=2))
        form_layout.addWidget(plain_label(self.tr(
            "Under {law} the force must have a complaints process and must acknowledge "
            "your complaint within 30 days. If it does not, or its answer does not put "
            "things right, you can then complain to the Information Commissioner's Office."
        ).format(law=format_law(FORCE_COMPLAINT_LAW)), selectable=False))
        form = QFormLayout()
        self.problem = QComboBox()
        self.problem.setAccessibleName(self.tr("What went wrong"))
        for code, words in PROBLEMS.items():
            self.problem.addItem(self.tr(words), code)
        if problems:
            self.problem.setCurrentIndex(max(0, self.problem.findData(problems[0])))
        form.addRow(self.tr("What went wrong:"), self.problem)
        form_layout.addLayout(form)
        self.missing_box = QGroupBox(self.tr("What the force's answer left out"))
        missing_layout = QVBoxLayout(self.missing_box)
        self.missing: dict[str, QCheckBox] = {}
        for code, letter in ART15_LETTERS.items():
            label = art15_item_in(current_language() or "", ART15_ITEMS[code]).label
            box = QCheckBox(f"{label} ({format_law(f'Art. 15(1)({letter})')})")
            box.setChecked(code in missing_items)
            box.toggled.connect(self._save)
            missing_layout.addWidget(box)
            self.missing[code] = box
        form_layout.addWidget(self.missing_box)
        form_layout.addWidget(plain_label(self.tr("What happened, in your own words:"),
                                          selectable=False))
        self.statement = QPlainTextEdit()
        self.statement.setAccessibleName(self.tr("What happened"))
        self.statement.setTabChangesFocus(True)
        form_layout.addWidget(self.statement, 1)
        form_layout.addWidget(plain_label(self.tr("The outcome you want:"), selectable=False))
        self.outcome = QPlainTextEdit()
        self.outcome.setAccessibleName(self.tr("The outcome you want"))
        self.outcome.setTabChangesFocus(True)
        self.outcome.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        form_layout.addWidget(self.outcome)
        self.pages.addWidget(write)

        check = QWidget()
        check_layout = QVBoxLayout(check)
        check_layout.addWidget(heading_label(self.tr("Check exactly what will be signed"),
                                             level=2))
        check_layout.addWidget(plain_label(self.tr(
            "These are the exact bytes your key will sign. The force's signed receipt for "
            "them is checked before your complaint is shown as received."), selectable=False))
        self.bytes = bytes_view(self.tr("The exact bytes that will be signed"))
        check_layout.addWidget(self.bytes, 1)
        self.pages.addWidget(check)

        self.status = plain_label(accessible_name=self.tr("Complaint status"))
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.back_button = buttons.addButton(self.tr("&Back"),
                                             QDialogButtonBox.ButtonRole.ResetRole)
        self.next_button = buttons.addButton(self.tr("&Review and sign…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button = buttons.addButton(self.tr("Sign and &send"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.back_button.clicked.connect(lambda: self._page(0))
        self.next_button.clicked.connect(self.review)
        self.send_button.clicked.connect(self.sign_and_send)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

        kept = make_service(context, store).complaint_draft(reference)
        if kept.get("problem") in PROBLEMS:
            self.problem.setCurrentIndex(self.problem.findData(kept["problem"]))
        if isinstance(kept.get("missing_items"), list):
            for code, box in self.missing.items():
                box.setChecked(code in kept["missing_items"])
        self.statement.setPlainText(str(kept.get("statement", "")))
        self.outcome.setPlainText(str(kept.get("outcome_wanted")
                                      or self._outcome_wanted(self.problem_code())))
        self.problem.currentIndexChanged.connect(self._problem_changed)
        self.statement.textChanged.connect(self._save)
        self.outcome.textChanged.connect(self._save)
        self._page(0)
        self.resize(720, 640)

    # -- the form ----------------------------------------------------------------------
    def _outcome_wanted(self, code: str) -> str:
        """The suggested outcome for a problem, in the officer's language."""
        return self.tr(_OUTCOME_WANTED[code]) if code in _OUTCOME_WANTED else ""

    def problem_code(self) -> str:
        return str(self.problem.currentData())

    def missing_items(self) -> list[str]:
        if self.problem_code() != "incomplete":
            return []
        return [code for code, box in self.missing.items() if box.isChecked()]

    def _problem_changed(self) -> None:
        if self.outcome.toPlainText().strip() in {
                self._outcome_wanted(code) for code in _OUTCOME_WANTED}:
            self.outcome.setPlainText(self._outcome_wanted(self.problem_code()))
        self.missing_box.setVisible(self.problem_code() == "incomplete")
        self._save()

    def _save(self) -> None:
        make_service(self.context, self.store).save_complaint_draft(self.reference, {
            "problem": self.problem_code(),
            "missing_items": [c for c, b in self.missing.items() if b.isChecked()],
            "statement": self.statement.toPlainText(),
            "outcome_wanted": self.outcome.toPlainText()})

    def _page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.back_button.setVisible(index == 1)
        self.next_button.setVisible(index == 0)
        self.send_button.setVisible(index == 1)
        self.missing_box.setVisible(self.problem_code() == "incomplete")

    # -- signing -----------------------------------------------------------------------
    def review(self) -> Job | None:
        """Build the exact bytes (in a worker), then show them."""
        self.next_button.setEnabled(False)
        self.status.setText(self.tr("Preparing…"))
        service = make_service(self.context, self.store)
        return self.context.run_in_worker(
            service.prepare_complaint, self.reference, self.problem_code(),
            self.statement.toPlainText(), self.outcome.toPlainText(), self.missing_items(),
            key=CONTEST_JOB, on_success=self._prepared, on_failure=self._failed,
            name="contest.prepare_complaint")

    def _prepared(self, prepared: PreparedSubmission) -> None:
        self.prepared = prepared
        self.next_button.setEnabled(True)
        self.bytes.setPlainText(prepared.text)
        self.status.setText(self.tr("Check what will be signed."))
        self._page(1)

    def sign_and_send(self) -> Job | None:
        if self.prepared is None or self.context.api is None:
            self.status.setText(self.tr("Sign in to send your complaint."))
            return None
        self.send_button.setEnabled(False)
        self.status.setText(self.tr("Signing and sending…"))
        service = make_service(self.context, self.store)
        return self.context.run_in_worker(
            service.send_complaint, self.prepared, key=CONTEST_JOB,
            on_success=self._sent, on_failure=self._failed, name="contest.complaint")

    def _sent(self, record: SubmissionRecord) -> None:
        receipt = record.receipt
        if receipt is None:
            raise ValueError("a complaint reported as received carries no receipt")
        self.status.setText(self.tr(
            "Received by the force: receipt {ref} checked with its key. The force must "
            "acknowledge it by {due}.").format(ref=receipt.reference,
                                               due=receipt.due_date.isoformat()))
        self.send_button.setVisible(False)
        self.back_button.setVisible(False)
        self.sent.emit(record)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        self.next_button.setEnabled(True)
        self.send_button.setEnabled(True)


__all__ = ["ComplaintDialog"]

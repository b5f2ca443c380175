"""The force's response to a SAR, verified with its key on this PC, shown by Art. 15
item, with what is missing and a ready chaser letter (copy, or save as PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recourse.domain.contest import ART15_ITEMS
from recourse.ui.file_dialogs import save_file
from recourse.ui.i18n import current_language
from recourse.ui.models.formatting import category_name, format_time
from recourse.ui.widgets.plain import heading_label, plain_label

if TYPE_CHECKING:
    from recourse.contest import SarResult
    from recourse.domain.contest import Art15Item
    from recourse.protocol.wire import Me
    from recourse.ui.app import AppContext


def _text_view(name: str, text: str) -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setTabChangesFocus(True)
    view.setAccessibleName(name)
    view.setPlainText(text)  # server text: plain, never markup
    return view


class ResponseDialog(QDialog):
    def __init__(self, result: SarResult, missing: list[Art15Item], me: Me | None,
                 context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from recourse.domain.letters import chaser_letter

        # Not `self.result`: that would hide QDialog.result(), the dialog's outcome.
        self.sar_result = result
        self.missing = missing
        package = result.package
        self.setWindowTitle(self.tr("The force's response to {ref}").format(ref=result.reference))
        self.setAccessibleName(self.tr("The force's response"))
        self.resize(820, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Response to {ref}").format(
            ref=result.reference), level=2))
        layout.addWidget(plain_label(self.tr(
            "Verified ✓: signed by the force's key this PC trusts, generated {at}.").format(
                at=format_time(package.generated_at)),
            accessible_name=self.tr("Verification")))
        tabs = QTabWidget()
        tabs.setAccessibleName(self.tr("The response"))
        lines = []
        for code, item in ART15_ITEMS.items():
            section = getattr(package.art15, code, None) if code != "copy" else None
            if code == "copy":
                counts = ", ".join(f"{category_name(c)}: {n:,}"
                                   for c, n in package.records_by_category.items())
                lines += [f"{item.label} ({item.law})",
                          "  " + (self.tr("{n} records — {counts}").format(
                              n=f"{len(package.records):,}", counts=counts or "—"))]
                if not package.records_complete:
                    lines.append("  " + (package.records_note or self.tr(
                        "Not every record fits in the package; the force says more exist.")))
            elif section is not None:
                lines += [f"{item.label} ({item.law})", "  " + section.answer]
                lines += ["    - " + d for d in section.details]
            else:
                lines += [f"{item.label} ({item.law})", "  " + self.tr("NOT ANSWERED")]
            lines.append("")
        tabs.addTab(_text_view(self.tr("Answers by Article 15 item"), "\n".join(lines)),
                    self.tr("&Answers"))
        if missing:
            missing_text = self.tr("The response leaves out:") + "\n" + "\n".join(
                f"  - {m.label} ({m.law})" for m in missing)
        else:
            missing_text = self.tr("Every item you asked for is answered.")
        self.missing_label = plain_label(missing_text, accessible_name=self.tr("What is missing"))
        layout.addWidget(self.missing_label)
        received_on = due_on = None
        if context.store is not None:  # the dates on the force's receipt, for the letter
            from recourse.ui.dialogs.challenge.common import make_service

            record = make_service(context).submission(result.reference)
            if record.receipt is not None:
                received_on = record.receipt.received_at.date()
                due_on = record.current_due_date()
        self.letter_text = chaser_letter(
            missing, reference=result.reference, officer_name=(me.name if me is not None else ""),
            force_number=(me.force_number or "" if me is not None else ""), received_on=received_on,
            due_on=due_on, today=context.clock().date(),
            language=current_language() or "en") if missing else ""
        chaser = QWidget()
        chaser_layout = QVBoxLayout(chaser)
        self.letter = _text_view(self.tr("Chaser letter"), self.letter_text or self.tr(
            "Nothing to chase: the response is complete."))
        chaser_layout.addWidget(self.letter)
        row = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("&Copy letter"))
        self.copy_button.setAccessibleName(self.tr("Copy the chaser letter"))
        self.copy_button.clicked.connect(
            lambda: QApplication.clipboard().setText(self.letter_text))
        self.pdf_button = QPushButton(self.tr("Save letter as &PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Save the chaser letter as PDF"))
        self.pdf_button.clicked.connect(self._choose_pdf)
        for button in (self.copy_button, self.pdf_button):
            button.setEnabled(bool(missing))
            row.addWidget(button)
        row.addStretch(1)
        chaser_layout.addLayout(row)
        tabs.addTab(chaser, self.tr("C&haser letter"))
        layout.addWidget(tabs, 1)
        self.tabs = tabs
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose_pdf(self) -> None:
        path = save_file(self, self.tr("Save the chaser letter"), "chaser-letter.pdf",
                         self.tr("PDF (*.pdf)"))
        if path:
            self.save_pdf(path)

    def save_pdf(self, path: Path) -> Path:
        from recourse.documents.pdf import chaser_letter_pdf

        path.write_bytes(chaser_letter_pdf(self.letter_text, current_language() or "en"))
        return path

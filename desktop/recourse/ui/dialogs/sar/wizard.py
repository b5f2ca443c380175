"""Ask for my data: a subject-access request (UK GDPR Art. 15), signed and sent, or saved
as a letter (PDF) to send by post or email.

Pages: what data (everything, or chosen categories and dates); which Art. 15 items (all
ticked by default) and the format; review of the exact bytes, "Sign and send" and
"Save as a letter (PDF)"; the result. Saved as a draft as the officer changes it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from recourse.domain.contest import ART15_ITEMS, SAR_FORMATS
from recourse.domain.letters_cy import art15_item_in, sar_format_in
from recourse.protocol.wire import CATEGORIES
from recourse.ui.dialogs.challenge.common import ResultPage, ReviewPage, SigningWizard
from recourse.ui.file_dialogs import save_file
from recourse.ui.i18n import current_language
from recourse.ui.models.formatting import category_name
from recourse.ui.qt import to_date, to_qdate
from recourse.ui.widgets.plain import plain_label

if TYPE_CHECKING:
    from recourse.contest import Draft
    from recourse.store import Store
    from recourse.ui.app import AppContext


class ScopePage(QWizardPage):
    def __init__(self, wizard: SarWizard) -> None:
        super().__init__()
        self.w = wizard
        who = wizard.member_name  # a representative asks for a member
        if who is None:
            self.setTitle(self.tr("What data do you want?"))
            self.setSubTitle(self.tr("You may ask for everything the force holds about you, "
                                     "or only some kinds of data or some dates."))
            everything = self.tr("&Everything the force holds about me")
            everything_name = self.tr("Everything the force holds about me")
        else:
            self.setTitle(self.tr("What data about {who} do you ask for?").format(who=who))
            self.setSubTitle(self.tr("You may ask for everything the force holds about {who}, "
                                     "or only some kinds of data or some dates.").format(
                                         who=who))
            everything = self.tr("&Everything the force holds about {who}").format(who=who)
            everything_name = self.tr("Everything the force holds about {who}").format(who=who)
        layout = QVBoxLayout(self)
        self.problem = plain_label("", accessible_name=self.tr("What needs correcting"))
        self.everything = QRadioButton(everything)
        self.everything.setAccessibleName(everything_name)
        self.chosen = QRadioButton(self.tr("&Only these kinds of data:"))
        self.chosen.setAccessibleName(self.tr("Only chosen kinds of data"))
        group = QButtonGroup(self)
        group.addButton(self.everything)
        group.addButton(self.chosen)
        self.everything.setChecked(True)
        layout.addWidget(self.everything)
        layout.addWidget(self.chosen)
        grid = QGridLayout()
        self.categories: dict[str, QCheckBox] = {}
        for n, category in enumerate(CATEGORIES):
            box = QCheckBox(category_name(category))
            box.setAccessibleName(category_name(category))
            box.toggled.connect(self._changed)
            self.categories[category] = box
            grid.addWidget(box, n // 2, n % 2)
        grid.setContentsMargins(24, 0, 0, 0)
        layout.addLayout(grid)
        self.limit_dates = QCheckBox(self.tr("Only &between these dates:"))
        self.limit_dates.setAccessibleName(self.tr("Only between these dates"))
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit, name in ((self.date_from, self.tr("First day")),
                           (self.date_to, self.tr("Last day"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self._changed)
        today = QDate.currentDate()
        self.date_from.setDate(today.addYears(-1))
        self.date_to.setDate(today)
        row = QHBoxLayout()
        row.addWidget(self.limit_dates)
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.date_to)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        for widget in (self.everything, self.chosen, self.limit_dates):
            widget.toggled.connect(self._changed)
        self._enable()

    def _enable(self) -> None:
        for box in self.categories.values():
            box.setEnabled(self.chosen.isChecked())
        self.date_from.setEnabled(self.limit_dates.isChecked())
        self.date_to.setEnabled(self.limit_dates.isChecked())

    def _changed(self) -> None:
        self._enable()
        self.problem.setText(self.problem_text())
        self.completeChanged.emit()
        self.w.changed()

    def problem_text(self) -> str:
        if self.chosen.isChecked() and not self.chosen_categories():
            return self.tr("Tick at least one kind of data, or ask for everything.")
        if self.limit_dates.isChecked() and self.date_from.date() > self.date_to.date():
            return self.tr("The first day is after the last day.")
        return ""

    def isComplete(self) -> bool:
        return not self.problem_text()

    def chosen_categories(self) -> list[str]:
        return [c for c, box in self.categories.items() if box.isChecked()]

    def apply(self, draft: Draft) -> None:
        draft.sar_categories = "all" if self.everything.isChecked() else self.chosen_categories()
        if self.limit_dates.isChecked():
            draft.sar_date_from = to_date(self.date_from.date())
            draft.sar_date_to = to_date(self.date_to.date())
        else:
            draft.sar_date_from = draft.sar_date_to = None

    def load(self, draft: Draft) -> None:
        chosen = draft.sar_categories != "all"
        (self.chosen if chosen else self.everything).setChecked(True)
        for category, box in self.categories.items():
            box.setChecked(chosen and category in draft.sar_categories)
        self.limit_dates.setChecked(draft.sar_date_from is not None)
        if draft.sar_date_from is not None and draft.sar_date_to is not None:
            self.date_from.setDate(to_qdate(draft.sar_date_from))
            self.date_to.setDate(to_qdate(draft.sar_date_to))
        self._enable()


class ItemsPage(QWizardPage):
    def __init__(self, wizard: SarWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("What do you want to be told?"))
        who = wizard.member_name
        self.setSubTitle(
            self.tr("Article 15 entitles you to all of these; all are ticked. Untick only "
                    "what you do not want.") if who is None else
            self.tr("Article 15 entitles {who} to all of these; all are ticked. Untick only "
                    "what is not wanted.").format(who=who))
        layout = QVBoxLayout(self)
        self.items: dict[str, QCheckBox] = {}
        language = current_language() or ""
        for item in (art15_item_in(language, i) for i in ART15_ITEMS.values()):
            box = QCheckBox(f"{item.label} ({item.law})")
            box.setAccessibleName(item.label)
            box.setChecked(True)
            box.toggled.connect(self._changed)
            self.items[item.code] = box
            layout.addWidget(box)
        formats = QGroupBox(self.tr("How should the force answer?"))
        formats_layout = QVBoxLayout(formats)
        self.formats: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        for code, english in SAR_FORMATS.items():
            words = sar_format_in(language, code, english)
            button = QRadioButton(words)
            button.setAccessibleName(words)
            button.toggled.connect(self._changed)
            group.addButton(button)
            self.formats[code] = button
            formats_layout.addWidget(button)
        self.formats["electronic"].setChecked(True)
        layout.addWidget(formats)
        layout.addStretch(1)

    def _changed(self) -> None:
        self.completeChanged.emit()
        self.w.changed()

    def isComplete(self) -> bool:
        return any(box.isChecked() for box in self.items.values())

    def apply(self, draft: Draft) -> None:
        draft.sar_items = [c for c, box in self.items.items() if box.isChecked()]
        draft.sar_format = next((c for c, b in self.formats.items() if b.isChecked()),
                                "electronic")

    def load(self, draft: Draft) -> None:
        if draft.sar_items is not None:
            for code, box in self.items.items():
                box.setChecked(code in draft.sar_items)
        if draft.sar_format in self.formats:
            self.formats[draft.sar_format].setChecked(True)


class SarWizard(SigningWizard):
    def __init__(self, context: AppContext, store: Store, parent: QWidget | None = None) -> None:
        member = context.acting_for
        title = (QCoreApplication.translate("SarWizard", "Ask for my data") if member is None
                 else QCoreApplication.translate(
                     "SarWizard", "Ask for {who}'s data (mandate {ref})").format(
                         who=member.title, ref=member.mandate))
        super().__init__(context, store, title, parent)
        #: Whom the request is for, when a representative asks for a member ("PC Hughes").
        self.member_name = None if member is None else str(member.short)
        from recourse.contest import Draft

        existing = [d for d in self.service.drafts() if d.kind == "sar"]
        self.resumed = bool(existing)
        self.draft = existing[-1] if existing else Draft(kind="sar")
        self.scope_page = ScopePage(self)
        self.items_page = ItemsPage(self)
        self.review_page = ReviewPage(
            self,
            self.tr("Send it signed through Recourse, or save it as a letter to send by post "
                    "or email yourself."),
            offline_text=self.tr("Not connected to the force: you can save the request as "
                                 "a letter, or sign in to send it."))
        self.letter_button = QPushButton(self.tr("Save as a &letter (PDF)…"))
        self.letter_button.setAccessibleName(self.tr("Save as a letter (PDF)"))
        self.letter_button.clicked.connect(self.choose_letter)
        self.review_page.buttons.insertWidget(0, self.letter_button)
        self.result_page = ResultPage(self)
        for page in (self.scope_page, self.items_page, self.review_page, self.result_page):
            self.addPage(page)
        if self.resumed:
            self.scope_page.load(self.draft)
            self.items_page.load(self.draft)
        self.start()

    def kind_word(self) -> str:
        return self.tr("request")

    def apply_to_draft(self, draft: Draft) -> None:
        self.scope_page.apply(draft)
        self.items_page.apply(draft)

    # -- the letter -------------------------------------------------------------------------
    def letter_pdf(self, today: date | None = None) -> bytes:
        from recourse.documents.pdf import sar_letter_pdf
        from recourse.protocol.submission import sar_target

        self.save_now()
        draft = self.draft
        target = sar_target(items=draft.sar_items or tuple(ART15_ITEMS),
                            categories=draft.sar_categories, date_from=draft.sar_date_from,
                            date_to=draft.sar_date_to, format=draft.sar_format)
        me = self.store.me()
        return sar_letter_pdf(target, (me.name if me is not None else ""),
                              (me.force_number or "" if me is not None else ""),
                              today or self.context.clock().date(),
                              language=current_language() or "en")

    def choose_letter(self) -> None:
        path = save_file(self, self.tr("Save the request as a letter"),
                         "subject-access-request.pdf", self.tr("PDF letter (*.pdf)"))
        if path:
            self.save_letter(path)

    def save_letter(self, path: Path) -> Path:
        """Write the letter where the officer chose (an export on purpose)."""
        try:
            path.write_bytes(self.letter_pdf())
        except (OSError, ValueError) as exc:
            self.review_page.status.setText(
                self.tr("The letter was not saved: {why}").format(why=str(exc)))
            raise
        self.review_page.status.setText(self.tr("Letter saved to {path}. Send it to your "
                                                "force's Data Protection Officer.").format(
                                                    path=str(path)))
        return path

"""Contest a flag: grounds, statement, disputed records, attachments, review, send.

Opened from the Flags screen with the selected flag. What the officer types is saved as
a draft in the encrypted store ~300 ms after each change (and at once when the wizard
closes or Recourse locks), so reopening the wizard from the same flag resumes it. The
review page shows the exact canonical bytes that will be signed; "Received by the
force" is shown only after the force's receipt verified against the pinned key.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from recourse.domain.contest import GROUNDS
from recourse.domain.letters_cy import ground_in
from recourse.ui.dialogs.challenge.common import (
    CONTEST_JOB,
    ResultPage,
    ReviewPage,
    SigningWizard,
    error_text,
)
from recourse.ui.file_dialogs import open_files
from recourse.ui.i18n import current_language
from recourse.ui.models.evidence_model import EvidenceModel
from recourse.ui.widgets.plain import emphasise, plain_label

if TYPE_CHECKING:
    from recourse.contest import Draft, PreparedSubmission
    from recourse.protocol.wire import FlagDetail
    from recourse.store import Store
    from recourse.ui.app import AppContext
    from recourse.ui.workers import Job

ModelIndex = QModelIndex | QPersistentModelIndex


class DisputedModel(EvidenceModel):
    """The flag's evidence records with a tick box in the first column: the records the
    officer disputes. Holds ids only; rows come from the store a block at a time."""

    disputed_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._disputed: set[str] = set()

    def set_disputed(self, record_ids: list[str]) -> None:
        self._disputed = set(record_ids)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.disputed_changed.emit()

    def disputed(self) -> list[str]:
        """Disputed ids in the order the flag cites them (stable signed bytes)."""
        return [rid for row in range(self.rowCount())
                if (rid := self.record_id_at(row)) is not None and rid in self._disputed]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            record_id = self.record_id_at(index.row())
            if record_id is None:
                return None
            return (Qt.CheckState.Checked if record_id in self._disputed
                    else Qt.CheckState.Unchecked)
        return super().data(index, role)

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        record_id = self.record_id_at(index.row())
        if record_id is None:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        if checked:
            self._disputed.add(record_id)
        else:
            self._disputed.discard(record_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.disputed_changed.emit()
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


# --- pages ---------------------------------------------------------------------------


class GroundsPage(QWizardPage):
    def __init__(self, wizard: ChallengeWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Why are you contesting this flag?"))
        self.setSubTitle(self.tr("Tick every reason that applies. Each one is a right the "
                                 "force must answer."))
        layout = QVBoxLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        language = current_language() or ""
        for number, ground in enumerate(
                (ground_in(language, g) for g in GROUNDS.values()), start=1):
            box = QCheckBox(f"&{number} {ground.title}")
            box.setAccessibleName(ground.title)
            box.setAccessibleDescription(f"{ground.right} ({ground.law})")
            font = box.font()
            font.setBold(True)
            box.setFont(font)
            box.toggled.connect(self._changed)
            self.boxes[ground.code] = box
            layout.addWidget(box)
            right = plain_label(
                self.tr("{right} — {law}. You ask the force to: {asks}").format(
                    right=ground.right, law=ground.law, asks=ground.asks_for),
                accessible_name=self.tr("The right behind: {title}").format(
                    title=ground.title))
            right.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(right)
        layout.addStretch(1)

    def set_grounds(self, codes: list[str]) -> None:
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in codes)
            box.blockSignals(False)
        self.completeChanged.emit()

    def grounds(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def _changed(self) -> None:
        self.completeChanged.emit()
        self.w.changed()

    def isComplete(self) -> bool:
        return bool(self.grounds())


class StatementPage(QWizardPage):
    def __init__(self, wizard: ChallengeWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Your statement"))
        self.setSubTitle(self.tr("Say in your own words what is wrong and what really "
                                 "happened. It is signed exactly as you write it."))
        layout = QVBoxLayout(self)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Your statement"))
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(self.tr(
            "For example: on 12 March I was on authorised annual leave, recorded in the "
            "duty system; it was counted as an absence."))
        self.editor.textChanged.connect(self.w.changed)
        layout.addWidget(self.editor)
        self.count = plain_label("", accessible_name=self.tr("Length of your statement"))
        self.editor.textChanged.connect(self._count)
        layout.addWidget(self.count)
        self._count()

    def _count(self) -> None:
        n = len(self.editor.toPlainText())
        self.count.setText(self.tr("{n} of 20,000 characters").format(n=f"{n:,}"))
        emphasise(self.count, n > 20_000)


class RecordsPage(QWizardPage):
    def __init__(self, wizard: ChallengeWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("The records you dispute"))
        self.setSubTitle(self.tr("Tick the records that are wrong or were counted wrongly. "
                                 "Space ticks the selected record."))
        layout = QVBoxLayout(self)
        self.prefill_note = plain_label("", accessible_name=self.tr("Pre-filled records"))
        layout.addWidget(self.prefill_note)
        self.model = DisputedModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Records the flag used; ticked ones are disputed"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setTabKeyNavigation(False)
        layout.addWidget(self.view)
        self.model.disputed_changed.connect(self.w.changed)
        self.model.disputed_changed.connect(self.summarise)
        self.summary = plain_label("", accessible_name=self.tr("Disputed records"))
        layout.addWidget(self.summary)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Space on the focused row ticks it
        if event.key() == Qt.Key.Key_Space and self.view.hasFocus():
            index = self.view.currentIndex()
            if index.isValid():
                first = self.model.index(index.row(), 0)
                ticked = first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
                self.model.setData(first, Qt.CheckState.Unchecked if ticked
                                   else Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
                return
        super().keyPressEvent(event)

    def summarise(self) -> None:
        n = len(self.model.disputed())
        self.summary.setText(self.tr("{n} of {total} records disputed.").format(
            n=n, total=self.model.rowCount()))


class AttachmentsPage(QWizardPage):
    def __init__(self, wizard: ChallengeWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Attachments"))
        self.setSubTitle(self.tr("Add documents that support your challenge (a duty sheet, "
                                 "a leave approval). They are kept encrypted on this PC and "
                                 "their SHA-256 fingerprints are signed with your challenge."))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Size"),
                                              self.tr("SHA-256")])
        self.table.setAccessibleName(self.tr("Attached files"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add files…"))
        self.add_button.setAccessibleName(self.tr("Add files"))
        self.add_button.clicked.connect(self._choose)
        self.remove_button = QPushButton(self.tr("&Remove selected"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected file"))
        self.remove_button.clicked.connect(self._remove)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = plain_label("", accessible_name=self.tr("Attachment status"))
        layout.addWidget(self.status)

    def _choose(self) -> None:
        paths = open_files(self, self.tr("Add files to your challenge"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[Path]) -> Job:
        """Read, hash and keep each file encrypted in the store (in a worker)."""
        self.add_button.setEnabled(False)
        self.status.setText(self.tr("Adding…"))
        service, draft_id = self.w.service, self.w.draft.id
        self.w.save_now()  # the draft row must exist before its files

        def attach_all() -> int:
            for path in paths:
                media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                service.attach(draft_id, path.name, media, path.read_bytes())
            return len(paths)

        return self.w.context.run_in_worker(
            attach_all, key=CONTEST_JOB, on_success=self._added, on_failure=self._failed,
            name="contest.attach")

    def _added(self, count: int) -> None:
        self.add_button.setEnabled(True)
        self.status.setText(self.tr("{n} file(s) added.").format(n=count))
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.add_button.setEnabled(True)
        if isinstance(error, OSError):
            self.status.setText(self.tr("That file could not be read. Nothing was added."))
        else:
            self.status.setText(error_text(error))
        self.reload()

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item = self.table.item(row, 0)
        if item is None:
            return
        self.w.service.detach(self.w.draft.id, item.text())
        self.reload()

    def reload(self) -> None:
        files = self.w.service.draft_files(self.w.draft.id)
        self.table.setRowCount(len(files))
        for row, file in enumerate(files):
            cells = (file.name, self.tr("{n} bytes").format(n=f"{len(file.content):,}"),
                     file.sha256)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()


# --- the wizard -------------------------------------------------------------------------


class ChallengeWizard(SigningWizard):
    """Contest `flag`. `differences` are the records "check the arithmetic" found counted
    differently: they pre-fill the disputed records of a new draft."""

    def __init__(self, context: AppContext, store: Store, flag: FlagDetail,
                 differences: list[str] | None = None, parent: QWidget | None = None) -> None:
        member = context.acting_for
        title = (QCoreApplication.translate("ChallengeWizard", "Contest this flag")
                 if member is None else QCoreApplication.translate(
                     "ChallengeWizard", "Contest this flag for {who} (mandate {ref})").format(
                         who=member.title, ref=member.mandate))
        super().__init__(context, store, title, parent)
        from recourse.contest import Draft

        self.flag = flag
        existing = [d for d in self.service.drafts()
                    if d.kind == "challenge" and d.flag_id == flag.id]
        self.resumed = bool(existing)
        self.draft = existing[0] if existing else Draft(kind="challenge", flag_id=flag.id)
        if not existing:
            self.draft.disputed_record_ids = [
                rid for rid in flag.provenance.input_record_ids if rid in set(differences or [])]

        self.grounds_page = GroundsPage(self)
        self.statement_page = StatementPage(self)
        self.records_page = RecordsPage(self)
        self.attachments_page = AttachmentsPage(self)
        self.review_page = ReviewPage(self, self.tr(
            "These are the exact bytes your key will sign. Nothing else is sent except the "
            "attached files they name."))
        self.result_page = ResultPage(self)
        for page in (self.grounds_page, self.statement_page, self.records_page,
                     self.attachments_page, self.review_page, self.result_page):
            self.addPage(page)

        self.grounds_page.set_grounds(self.draft.grounds)
        self.statement_page.editor.setPlainText(self.draft.statement)
        self.records_page.model.set_records(store, list(flag.provenance.input_record_ids))
        self.records_page.model.set_disputed(self.draft.disputed_record_ids)
        self.records_page.view.resizeColumnToContents(0)
        self.records_page.view.resizeColumnToContents(1)
        if differences and not self.resumed:
            self.records_page.prefill_note.setText(self.tr(
                "{n} records are ticked already: checking the arithmetic found them counted "
                "differently from what they record.").format(n=len(self.draft.disputed_record_ids)))
        elif self.resumed:
            self.records_page.prefill_note.setText(self.tr("Resumed from your saved draft."))
        self.records_page.summarise()
        self.attachments_page.reload()
        self.start()

    def kind_word(self) -> str:
        return self.tr("challenge")

    def apply_to_draft(self, draft: Draft) -> None:
        draft.grounds = self.grounds_page.grounds()
        draft.statement = self.statement_page.editor.toPlainText()
        draft.disputed_record_ids = self.records_page.model.disputed()

    def _prepared(self, prepared: PreparedSubmission) -> None:
        super()._prepared(prepared)
        self.review_page.send_button.setFocus()

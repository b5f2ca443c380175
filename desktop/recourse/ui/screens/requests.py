"""Requests: the officer's challenges and subject-access requests and their deadlines.

A table of every submission (kind, what about, reference, state, received, due date,
days left; overdue ones in words and colour), and for the selected one its events, the
outcome and reasons, and the force's receipt as verified on this PC. From here the
officer asks for their data (the SAR wizard), refreshes statuses from the force (and
resends anything signed but not yet received), exports the evidence bundle, and views a
fulfilled SAR's verified response.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recourse.api.errors import ApiError
from recourse.ui.dialogs.challenge.common import CONTEST_JOB, KeySetup, error_text, make_service
from recourse.ui.dialogs.clarification import ClarificationPanel
from recourse.ui.file_dialogs import save_file
from recourse.ui.i18n import current_language
from recourse.ui.models.formatting import format_time
from recourse.ui.models.requests_model import (
    ABOUT,
    HEADERS,
    RequestsModel,
    days_left_text,
    deadline_state,
    state_text,
    status_state_text,
    target_text,
)
from recourse.ui.screens.common import (
    acting_for_name,
    current_row,
    empty_state,
    make_table,
    select_row,
)
from recourse.ui.screens.escalation import EscalationPanel
from recourse.ui.widgets.plain import heading_label, plain_label

if TYPE_CHECKING:
    from recourse.contest import SarResult, SubmissionRecord
    from recourse.domain.contest import Art15Item
    from recourse.store import Store
    from recourse.ui.app import AppContext
    from recourse.ui.dialogs.deadlines import DeadlinesDialog
    from recourse.ui.dialogs.sar import SarWizard
    from recourse.ui.dialogs.sar.response import ResponseDialog
    from recourse.ui.workers import Job

log = logging.getLogger(__name__)


class RequestsScreen(QWidget):
    #: After a refresh or a new submission: statuses (and maybe flags) changed.
    data_changed = Signal()
    #: What it shows, for `AppContext.data_changed` (the flags give each row its title).
    shows = frozenset({"submissions", "flags"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._store: Store | None = None
        self.wizard: SarWizard | None = None
        self.response_dialog: ResponseDialog | None = None
        self.keys: KeySetup | None = None
        self._refreshing = False
        self.setAccessibleName(self.tr("Requests"))
        layout = QVBoxLayout(self)
        self._who = acting_for_name(context)
        title = (self.tr("Your challenges and requests") if self._who is None
                 else self.tr("Challenges and requests for {who}").format(who=self._who))
        layout.addWidget(heading_label(title))

        bar = QHBoxLayout()
        self.ask_button = QPushButton(self.tr("&Ask for my data…"))
        self.ask_button.setAccessibleName(self.tr("Ask for my data"))
        self.ask_button.clicked.connect(self.ask_for_data)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh from the force"))
        self.refresh_button.clicked.connect(self.refresh_from_server)
        self.export_button = QPushButton(self.tr("&Export evidence bundle…"))
        self.export_button.setAccessibleName(self.tr("Export evidence bundle"))
        self.export_button.clicked.connect(self._choose_export)
        self.response_button = QPushButton(self.tr("&View response…"))
        self.response_button.setAccessibleName(self.tr("View the force's response"))
        self.response_button.clicked.connect(self.view_response)
        self.chaser_button = QPushButton(self.tr("&Chaser letter…"))
        self.chaser_button.setAccessibleName(self.tr("Chaser letter for an overdue request"))
        self.chaser_button.setToolTip(self.tr(
            "A letter (PDF) reminding the force that its answer is overdue, with the "
            "reference, the day it received your request and the due date."))
        self.chaser_button.clicked.connect(self._choose_chaser)
        self.deadlines_button = QPushButton(self.tr("&Deadlines…"))
        self.deadlines_button.setAccessibleName(self.tr("Every open deadline, and a calendar"))
        self.deadlines_button.clicked.connect(self.show_deadlines)
        self.deadlines_dialog: DeadlinesDialog | None = None
        for button in (
            self.ask_button,
            self.refresh_button,
            self.export_button,
            self.response_button,
            self.chaser_button,
            self.deadlines_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.status = plain_label("", accessible_name=self.tr("Requests status"))
        layout.addWidget(self.status)

        self.model = RequestsModel(self._today, self)
        self.view = make_table(title)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("Details of the selected request"))
        self.detail.setTabChangesFocus(True)
        self.clarification = ClarificationPanel(context)
        self.clarification.answered.connect(self._answered)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.clarification)
        self.escalation = EscalationPanel(context)
        self.escalation.changed.connect(lambda: self._answered(None))
        lower_layout.addWidget(self.escalation)
        lower_layout.addWidget(self.detail, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        self.empty = empty_state(
            self.tr(
                "No challenges or requests yet. Contest a flag from the Flags screen, or ask "
                'for the data the force holds about you with "Ask for my data". Each one '
                "appears here with the date the force must answer by."
            ) if self._who is None else self.tr(
                "No challenges or requests for {who} yet. Each one appears here with the "
                "date the force must answer by.").format(who=self._who)
        )
        member = context.acting_for
        if member is not None:
            # A subject-access request for the member needs the mandate's "act" scope;
            # the member's statuses arrive with the representative's sync.
            self.ask_button.setText(self.tr("&Ask for {who}'s data…").format(who=member.short))
            self.ask_button.setAccessibleName(self.tr("Ask for {who}'s data").format(
                who=member.short))
            self.ask_button.setVisible(member.can("act"))
            self.refresh_button.hide()
        layout.addWidget(self.empty, 1)  # the empty state takes the room the table would
        # A sync that worked means the server is back: send what waits in the outbox.
        context.synced.connect(self._synced)
        self._update()

    # -- screen contract ---------------------------------------------------------------
    def _today(self) -> date:
        return self.context.clock().date()

    def set_store(self, store: Store | None) -> None:
        self._store = store
        if self.wizard is not None and store is None:
            self.wizard = None
        self.refresh()

    def refresh(self) -> None:
        """Reload from the store (no network)."""
        if self._store is None:
            # Locked: nothing read from the store stays on screen or in a widget.
            self.model.set_records([])
            self.detail.setPlainText("")
            self.clarification.show_for(None, None, self._today())
            self.escalation.show_for(None, None, self._today())
            self._update()
            return
        place = self.save_place()
        try:
            records = make_service(self.context, self._store).submissions()
        except Exception as exc:  # a damaged receipt must not hide the others' deadlines
            self.status.setText(error_text(exc))
            records = []
        flags = {f.id: f.headline for f in self._store.flags()}
        self.model.set_records(records, flags)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        # A flag's headline is long: wrap it rather than push the deadline off screen.
        about_width = self.fontMetrics().averageCharWidth() * 40
        header.resizeSection(ABOUT, min(header.sectionSize(ABOUT), about_width))
        self.view.resizeRowsToContents()
        self._update()
        self.restore_place(place)
        if current_row(self.view) is None and self.model.rowCount():
            select_row(self.view, 0)
        self._show_selected()

    def save_place(self) -> dict[str, Any]:
        record = self.current_record()
        return {"id": record.id if record is not None else None}

    def restore_place(self, place: dict[str, Any]) -> None:
        if place.get("id"):
            self.select_reference(place["id"])

    def select_reference(self, reference_or_id: str) -> bool:
        row = self.model.row_of(reference_or_id)
        if row is None:
            return False
        select_row(self.view, row)
        return True

    def current_record(self) -> SubmissionRecord | None:
        row = current_row(self.view)
        return self.model.record_at(row) if row is not None else None

    # -- internals --------------------------------------------------------------------
    def _update(self) -> None:
        has = self.model.rowCount() > 0
        self.splitter.setVisible(has)
        self.empty.setVisible(not has)
        online = self.context.api is not None and self._store is not None
        self.ask_button.setEnabled(self._store is not None)
        self.deadlines_button.setEnabled(self._store is not None and has)
        self.refresh_button.setEnabled(online)
        record = self.current_record()
        if record is None or record.receipt is None:  # nothing received to act on
            for button in (self.export_button, self.response_button, self.chaser_button):
                button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        self.response_button.setEnabled(
            online
            and record.kind == "sar"
            and record.status is not None
            and bool(record.status.response_available)
        )
        self.chaser_button.setEnabled(deadline_state(record, self._today()) == "overdue")

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        self.detail.setPlainText(self.detail_text())
        self.clarification.show_for(self._store, self.current_record(), self._today())
        self.escalation.show_for(self._store, self.current_record(), self._today())
        self._update()

    def _answered(self, _record: object) -> None:
        self.refresh()
        self.data_changed.emit()
        self._notify()

    def _notify(self) -> None:
        from recourse.ui.app import FLAGS, SUBMISSIONS

        # A status from the force can move a flag (under review, upheld) and a deadline.
        self.context.notify_changed(SUBMISSIONS, FLAGS, source=self)

    def detail_text(self) -> str:
        record = self.current_record()
        if record is None:
            return ""
        today = self._today()
        flags = {f.id: f.headline for f in self._store.flags()} if self._store else {}
        lines = [
            target_text(record, flags),
            self.tr("State: {state}").format(state=state_text(record)),
            (self.tr("Acknowledgement (DPA 2018 s.164A): {left}") if record.kind == "complaint"
             else self.tr("Deadline: {left}")).format(left=days_left_text(record, today)),
        ]
        sent_by = record.sent_by
        if sent_by is not None:
            lines.insert(0, self.tr(
                "Sent for you by your representative {name} under mandate {ref}.").format(
                    name=sent_by.name, ref=sent_by.mandate) if self._who is None else
                self.tr("Sent for {who} by {name} under mandate {ref}.").format(
                    who=self._who, name=sent_by.name, ref=sent_by.mandate))
        if not record.token and record.status is not None:
            lines.append(self.tr(
                "Signed and sent from another PC, which keeps the force's signed receipt; "
                "this PC shows the force's record of it."))
        status = record.status
        if status is not None:
            if status.extended_due_date is not None:
                lines.append(
                    self.tr("Extended to {day}. The force's reasons: {why}").format(
                        day=status.extended_due_date.isoformat(),
                        why=status.extension_reasons or self.tr("none given"),
                    )
                )
            if status.clarification_request:
                lines.append(
                    self.tr("The force asks: {text}").format(text=status.clarification_request)
                )
            if status.outcome:
                lines.append(
                    self.tr("Outcome: {outcome}").format(outcome=status.outcome.replace("_", " "))
                )
            if status.outcome_reasons:
                lines.append(self.tr("Reasons: {text}").format(text=status.outcome_reasons))
            if status.events:
                lines.append("")
                lines.append(self.tr("What happened:"))
                for event in status.events:
                    words = status_state_text(event.state)
                    note = f" — {event.note}" if event.note else ""
                    lines.append(f"  {format_time(event.at)}  {words}{note}")
        service = make_service(self.context, self._store)
        if record.receipt is not None:
            answers = service.answers_to(record.receipt.reference)
            if answers:
                lines.append("")
                lines.append(self.tr("Your signed answers:"))
            for answer in answers:
                text = answer.payload.get("statement", "")
                if answer.receipt is not None:
                    lines.append(self.tr("  {at}, receipt {ref} verified: {text}").format(
                        at=format_time(answer.receipt.received_at),
                        ref=answer.receipt.reference, text=text))
                else:
                    lines.append(self.tr("  Waiting to send: {text}").format(text=text))
        lines.append("")
        if record.receipt is not None:
            pin = service.contest.server_pin()
            fingerprint = ""
            if pin is not None:
                from recourse.protocol.jws import fingerprint_words, load_public_jwk

                fingerprint = fingerprint_words(load_public_jwk(pin.public_jwk))
            lines.append(
                self.tr(
                    "Receipt: verified ✓ — reference {ref}, received {at}, signed by the "
                    "force's key {fingerprint}"
                ).format(
                    ref=record.receipt.reference,
                    at=format_time(record.receipt.received_at),
                    fingerprint=fingerprint,
                )
            )
        elif record.state == "signed":
            lines.append(self.tr(
                "Waiting to send: signed on this PC on {at} and kept, encrypted, with "
                "the exact signed bytes. Recourse sends it when the force's server is "
                "reachable (Refresh), and shows it as received only once the force's "
                "receipt has been checked.").format(at=format_time(record.created_at)))
            if record.last_error:
                lines.append(self.tr("Last attempt: {why}").format(why=record.last_error))
        elif record.state == "refused":
            # last_error is already the server's refusal in words ("The server refused…").
            lines.append(record.last_error or self.tr("The force's server refused it."))
            lines.append(self.tr(
                "Nothing was recorded as received. Your draft is kept on this PC: open it "
                "again (Contest this flag… on the flag, or Ask for my data…), check it and "
                "sign it again."))
        elif record.token:
            lines.append(self.tr("No receipt yet: the force has not confirmed receiving it."))
            if record.last_error:
                lines.append(self.tr("Last attempt: {why}").format(why=record.last_error))
        return "\n".join(lines)

    # -- actions ------------------------------------------------------------------------
    def refresh_from_server(self) -> Job | None:
        """Resend anything signed and waiting, then fetch the force's statuses."""
        if self._store is None or self.context.api is None:
            return None
        self._refreshing = True
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Refreshing from the force…"))
        service = make_service(self.context, self._store)

        def work() -> list[SubmissionRecord]:
            from recourse.contest import ContestError, NotPinned, ServerKeyChanged

            # An entry that still fails keeps its reason (shown in the detail pane);
            # statuses are fetched all the same. A changed server key stops everything;
            # a key never seen must be shown to the officer first.
            try:
                service.resume_outbox()
            except (ServerKeyChanged, NotPinned):
                raise
            except (ApiError, ContestError) as exc:
                log.info("resending the outbox failed: %s", type(exc).__name__)
            return service.refresh_submissions()

        return self.context.run_in_worker(
            work,
            key=CONTEST_JOB,
            on_success=self._refreshed,
            on_failure=self._refresh_failed,
            name="contest.refresh",
        )

    def _synced(self) -> None:
        if self._store is None or self.context.api is None or self._refreshing:
            return
        from recourse.store.contest import ContestStore

        kept = ContestStore(self._store)
        # Also the first time: what was sent from another PC shows here, with its clock.
        if kept.entries("signed") or kept.submissions_etag() is None:
            self.refresh_from_server()

    def _refreshed(self, _records: object) -> None:
        self._refreshing = False
        self.status.setText(self.tr("Up to date."))
        self.refresh()
        self.data_changed.emit()
        self._notify()

    def _refresh_failed(self, error: BaseException) -> None:
        from recourse.contest import NotPinned

        self._refreshing = False
        self.status.setText(error_text(error))
        self.refresh()
        if isinstance(error, NotPinned) and self._store is not None:
            # Signed while offline before the force's key was known: show the officer its
            # fingerprint, then send what waits.
            self.keys = KeySetup(self.context, make_service(self.context, self._store), self)
            self.keys.ready.connect(self.refresh_from_server)
            self.keys.failed.connect(self.status.setText)
            self.keys.start()

    def show_deadlines(self) -> DeadlinesDialog | None:
        """Every open clock, and the calendar file the officer may save."""
        if self._store is None:
            return None
        from recourse.ui.dialogs.deadlines import DeadlinesDialog

        self.deadlines_dialog = DeadlinesDialog(self.context, self._store, self._today(), self)
        self.deadlines_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.deadlines_dialog.open()
        return self.deadlines_dialog

    def ask_for_data(self) -> SarWizard | None:
        if self._store is None:
            return None
        from recourse.ui.dialogs.sar import SarWizard

        self.wizard = SarWizard(self.context, self._store, parent=self)
        self.wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard.submitted.connect(self._submitted)
        self.wizard.open()
        return self.wizard

    def _submitted(self) -> None:
        self.refresh()
        self.data_changed.emit()

    def _choose_export(self) -> None:
        record = self.current_record()
        if record is None or record.receipt is None:
            return
        path = save_file(
            self,
            self.tr("Export evidence bundle"),
            f"recourse-evidence-{record.receipt.reference.replace('/', '-')}.zip",
            self.tr("Evidence bundle (*.zip)"),
        )
        if path:
            self.export_bundle(path)

    def export_bundle(self, path: Path) -> Job | None:
        """Write the selected submission's evidence bundle to `path` (the officer chose
        it: this is an export on purpose)."""
        record = self.current_record()
        if record is None or record.receipt is None or self._store is None:
            return None
        service = make_service(self.context, self._store)
        self.status.setText(self.tr("Exporting…"))
        return self.context.run_in_worker(
            service.export_bundle,
            record.receipt.reference,
            path,
            current_language() or "en",
            key=CONTEST_JOB,
            on_success=lambda p: self.status.setText(
                self.tr("Evidence bundle saved to {path}").format(path=str(p))
            ),
            on_failure=lambda e: self.status.setText(error_text(e)),
            name="contest.export",
        )

    def _choose_chaser(self) -> None:
        record = self.current_record()
        if record is None or record.receipt is None:
            return
        path = save_file(
            self,
            self.tr("Save the chaser letter"),
            f"chaser-{record.receipt.reference.replace('/', '-')}.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if path:
            self.save_chaser(path)

    def save_chaser(self, path: Path) -> Job | None:
        """Write a chaser letter for the selected overdue request to `path` (the officer
        chose it: an export on purpose)."""
        record = self.current_record()
        if record is None or record.receipt is None or self._store is None:
            return None
        service = make_service(self.context, self._store)
        me = self._store.me()
        today = self._today()
        reference = record.receipt.reference
        language = current_language() or "en"  # the letter in the officer's language

        def work() -> Path:
            pdf = service.overdue_letter_pdf(
                reference, today,
                officer_name=(me.name if me is not None else ""),
                force_number=(me.force_number or "" if me is not None else ""),
                language=language)
            path.write_bytes(pdf)
            return path

        self.status.setText(self.tr("Writing the chaser letter…"))
        return self.context.run_in_worker(
            work,
            key=CONTEST_JOB,
            on_success=lambda p: self.status.setText(
                self.tr("Chaser letter saved to {path}").format(path=str(p))),
            on_failure=lambda e: self.status.setText(error_text(e)),
            name="contest.chaser",
        )

    def view_response(self) -> Job | None:
        """Download and verify the force's response to the selected SAR, then show it."""
        record = self.current_record()
        if record is None or record.receipt is None or self._store is None:
            return None
        service = make_service(self.context, self._store)
        reference = record.receipt.reference
        self.status.setText(self.tr("Downloading and checking the force's response…"))

        def work() -> tuple[SarResult, list[Art15Item]]:
            from recourse.contest import check_completeness

            result = service.fetch_sar_response(reference)
            return result, check_completeness(result.package)

        return self.context.run_in_worker(
            work,
            key=CONTEST_JOB,
            on_success=self._show_response,
            on_failure=lambda e: self.status.setText(error_text(e)),
            name="contest.response",
        )

    def _show_response(self, value: tuple[SarResult, list[Art15Item]]) -> None:
        from recourse.ui.dialogs.sar.response import ResponseDialog

        result, missing = value
        self.status.setText(self.tr("The force's response was verified with its key."))
        me = self._store.me() if self._store is not None else None
        self.response_dialog = ResponseDialog(result, missing, me, self.context, parent=self)
        self.response_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.response_dialog.open()


__all__ = ["HEADERS", "RequestsScreen"]

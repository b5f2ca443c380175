"""Flags: every flag raised against the officer and, for the selected one, why.

The detail is built from the flag's provenance: the explanation in plain words, the
rule card, a chart of the observed values against the threshold, the exact input
records (each opens in My data), corroboration, human review, the action that
followed and, for rule-based flags, "Check the arithmetic".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recourse.ui.explain import corroboration_sentence, explain, review_sentence
from recourse.ui.models.evidence_model import EvidenceModel, RecordIdRole
from recourse.ui.models.flag_table_model import (
    ACTION_COLUMN,
    RULE_COLUMN,
    FlagTableModel,
    action_text,
    status_text,
)
from recourse.ui.models.formatting import format_time
from recourse.ui.plain_text import visible_controls
from recourse.ui.qt import QT_TRANSLATE_NOOP
from recourse.ui.screens.common import (
    acting_for_name,
    current_row,
    empty_state,
    make_table,
    select_row,
)
from recourse.ui.widgets.arithmetic_panel import ArithmeticPanel
from recourse.ui.widgets.observation_chart import ObservationChart
from recourse.ui.widgets.plain import emphasise, heading_label, plain_label
from recourse.ui.widgets.rule_card import RuleCard

if TYPE_CHECKING:
    from datetime import datetime

    from recourse.protocol.wire import FlagDetail, FlagSummary, Rule
    from recourse.store import Store
    from recourse.ui.app import AppContext
    from recourse.ui.dialogs.challenge import ChallengeWizard

VALUE_LABELS = {
    "hybrid-attendance": QT_TRANSLATE_NOOP("FlagsScreen", "Attendance (% of working days)"),
    "roster-manipulation": QT_TRANSLATE_NOOP("FlagsScreen", "Self-edit and overtime pairs"),
    "systems-misuse": QT_TRANSLATE_NOOP("FlagsScreen", "Look-ups with no linked case"),
    "undeclared-membership": QT_TRANSLATE_NOOP("FlagsScreen", "Match score"),
}


def challenges_by_flag(store: Store) -> dict[str, tuple[datetime, str | None]]:
    """Each challenged flag's latest challenge: when it was signed, and the force's
    reference once received (None while it waits in the outbox)."""
    from recourse.protocol.jws import unverified_payload
    from recourse.store.contest import ContestStore

    contest = ContestStore(store)
    found: dict[str, tuple[datetime, str | None]] = {}
    for entry in contest.entries():
        if entry.kind != "challenge" or entry.state == "refused":
            continue
        target = unverified_payload(entry.token).get("target")  # signed on this PC
        if not isinstance(target, str):
            continue
        if target not in found or found[target][0] < entry.created_at:
            receipt = contest.receipt(entry.id)
            found[target] = (entry.created_at, receipt.reference if receipt else None)
    return found


class FlagsScreen(QWidget):
    #: What it shows, for AppContext.data_changed. Each flag says whether it was challenged.
    shows = frozenset({"flags", "records", "submissions"})
    open_record = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._store: Store | None = None
        self._rules: dict[str, Rule] = {}
        self._flag: FlagDetail | None = None
        self.wizard: ChallengeWizard | None = None
        self._challenged: dict[str, tuple[datetime, str | None]] = {}
        self.setAccessibleName(self.tr("Flags"))

        layout = QVBoxLayout(self)
        self.model = FlagTableModel(self)
        who = acting_for_name(context)
        self.list_view = make_table(self.tr("Flags raised against you") if who is None
                                    else self.tr("Flags raised against {who}").format(who=who))
        self.list_view.setModel(self.model)
        self.list_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list_view.setWordWrap(True)
        # Status, date and action as wide as their text; the rule's title wraps in what is
        # left, so every column stays on screen without scrolling sideways.
        header = self.list_view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RULE_COLUMN, QHeaderView.ResizeMode.Stretch)
        # A long action ("Misconduct assessment") wraps too, rather than leave a long
        # rule title one word a line.
        header.setSectionResizeMode(ACTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        # ...but never narrower than its title, in whichever language it is.
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance(
            str(self.model.headerData(ACTION_COLUMN, Qt.Orientation.Horizontal))) + 10)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        metrics = self.list_view.fontMetrics()
        # Room for the zone-marked time ("2026-09-14 06:30 BST") and the other columns.
        self.list_view.setMinimumWidth(metrics.averageCharWidth() * 64)

        self.detail = self._build_detail()
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setWidget(self.detail)
        self.detail_scroll.setAccessibleName(self.tr("Why this flag was raised"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(self.detail_scroll)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.detail_scroll.setMinimumWidth(metrics.averageCharWidth() * 60)
        self.splitter.setSizes([metrics.averageCharWidth() * 70,
                                metrics.averageCharWidth() * 100])
        layout.addWidget(self.splitter, 1)
        self.empty = empty_state(
            self.tr(
                "No flags have been raised against you, or your local copy has not been "
                "synced yet. When the force's system raises a flag, it appears here with the "
                "data that produced it and why."
            ) if who is None else self.tr(
                "No flags have been raised against {who}, or the copy on this PC has not "
                "been synced yet.").format(who=who)
        )
        layout.addWidget(self.empty)
        self._show_flag(None)
        self._update_visibility()

    def _build_detail(self) -> QWidget:
        detail = QWidget()
        layout = QVBoxLayout(detail)
        self.headline = heading_label("", level=2)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.headline)
        self.contest_button = QPushButton(self.tr("&Contest this flag…"))
        self.contest_button.setAccessibleName(self.tr("Contest this flag"))
        self.contest_button.clicked.connect(self.contest_current_flag)
        layout.addWidget(self.contest_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.challenged_label = plain_label(accessible_name=self.tr("Challenge sent"))
        layout.addWidget(self.challenged_label)

        facts = QFormLayout()
        self.status_label = plain_label(accessible_name=self.tr("Status"))
        self.action_label = plain_label(accessible_name=self.tr("Action that followed"))
        self.corroboration_label = plain_label(accessible_name=self.tr("Corroboration"))
        self.review_label = plain_label(accessible_name=self.tr("Human review"))
        facts.addRow(
            plain_label(self.tr("Status:"), selectable=False, wrap=False), self.status_label
        )
        facts.addRow(
            plain_label(self.tr("Action that followed:"), selectable=False, wrap=False),
            self.action_label,
        )
        facts.addRow(
            plain_label(self.tr("Corroboration:"), selectable=False, wrap=False),
            self.corroboration_label,
        )
        facts.addRow(
            plain_label(self.tr("Checked by a person:"), selectable=False, wrap=False),
            self.review_label,
        )
        layout.addLayout(facts)

        why = QGroupBox(self.tr("Why it was raised"))
        why.setAccessibleName(self.tr("Why it was raised"))
        why_layout = QVBoxLayout(why)
        self.explanation = plain_label(accessible_name=self.tr("Explanation in plain words"))
        why_layout.addWidget(self.explanation)
        layout.addWidget(why)

        self.rule_card = RuleCard()
        layout.addWidget(self.rule_card)

        chart_box = QGroupBox(self.tr("Observed values over the window"))
        chart_box.setAccessibleName(self.tr("Observed values over the window"))
        chart_layout = QVBoxLayout(chart_box)
        self.chart = ObservationChart()
        chart_layout.addWidget(self.chart)
        layout.addWidget(chart_box)

        self.arithmetic = ArithmeticPanel()
        self.arithmetic.set_runner(self.context.run_in_worker)
        self.arithmetic.set_subject(acting_for_name(self.context))
        self.arithmetic.open_record.connect(self.open_record)
        self.arithmetic.differences_changed.connect(self._highlight_differences)
        layout.addWidget(self.arithmetic)

        evidence_box = QGroupBox(self.tr("The records it used"))
        evidence_box.setAccessibleName(self.tr("The records it used"))
        evidence_layout = QVBoxLayout(evidence_box)
        self.evidence_hint = plain_label(
            self.tr("Press Enter or double-click a record to open it in My data.")
            if acting_for_name(self.context) is None else
            self.tr("Press Enter or double-click a record to open it in Data held.")
        )
        evidence_layout.addWidget(self.evidence_hint)
        self.evidence_model = EvidenceModel(self)
        self.evidence_view = make_table(self.tr("Input records of this flag"))
        self.evidence_view.setModel(self.evidence_model)
        self.evidence_view.setMinimumHeight(220)
        self.evidence_view.verticalHeader().setDefaultSectionSize(
            self.evidence_view.fontMetrics().height() + 8
        )
        self.evidence_view.activated.connect(self._evidence_activated)
        evidence_layout.addWidget(self.evidence_view)
        layout.addWidget(evidence_box)
        layout.addStretch(1)
        return detail

    # -- screen contract -----------------------------------------------------------
    def _highlight_differences(self, record_ids: list[str]) -> None:
        self.evidence_model.highlight(record_ids)

    def set_store(self, store: Store | None) -> None:
        self._store = store
        if store is None:
            self._rules = {}
            self.model.set_flags([])
            self._show_flag(None)
            self._update_visibility()
            return
        self.refresh()

    def refresh(self) -> None:
        if self._store is None:
            return
        place = self.save_place()
        self._rules = {rule.id: rule for rule in self._store.rules()}
        self._challenged = challenges_by_flag(self._store)
        self.model.set_flags(self._store.flags())
        self._update_visibility()
        self._show_flag(None)
        self.restore_place(place)
        if current_row(self.list_view) is None and self.model.rowCount():
            select_row(self.list_view, 0)

    def save_place(self) -> dict[str, Any]:
        return {
            "flag_id": self._flag.id if self._flag is not None else None,
            "scroll": self.detail_scroll.verticalScrollBar().value(),
        }

    def restore_place(self, place: dict[str, Any]) -> None:
        flag_id = place.get("flag_id")
        if flag_id is None:
            return
        self.select_flag(flag_id)
        scroll = place.get("scroll")
        if isinstance(scroll, int):
            self.detail_scroll.verticalScrollBar().setValue(scroll)

    def select_flag(self, flag_id: str) -> bool:
        row = self.model.row_of(flag_id)
        if row is None:
            return False
        select_row(self.list_view, row)
        return True

    @property
    def current_flag(self) -> FlagDetail | None:
        return self._flag

    def contest_current_flag(self) -> ChallengeWizard | None:
        """Open the challenge wizard for the selected flag (resuming its draft)."""
        if self._flag is None or self._store is None:
            return None
        from recourse.ui.dialogs.challenge import ChallengeWizard

        wizard = ChallengeWizard(
            self.context,
            self._store,
            self._flag,
            differences=self.arithmetic.differences(),
            parent=self,
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard = wizard
        wizard.open()
        return wizard

    # -- internals -----------------------------------------------------------------
    def _update_visibility(self) -> None:
        has_flags = self.model.rowCount() > 0
        self.splitter.setVisible(has_flags)
        self.empty.setVisible(not has_flags)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = current_row(self.list_view)
        self._show_flag(self.model.flag_at(row) if row is not None else None)

    def _evidence_activated(self, index: QModelIndex) -> None:
        record_id = index.data(RecordIdRole)
        if record_id:
            self.open_record.emit(record_id)

    def _show_challenge(self, flag: FlagDetail) -> None:
        """Say so when the officer has already challenged this flag (from any screen)."""
        sent = self._challenged.get(flag.id)
        self.challenged_label.setVisible(sent is not None)
        if sent is None:
            self.contest_button.setText(self.tr("&Contest this flag…"))
            return
        when, reference = sent
        who = acting_for_name(self.context)
        if who is not None:
            text = (self.tr("A challenge to this flag was sent for {who} on {day} (reference "
                            "{ref}). Track it on the Requests screen.") if reference else
                    self.tr("A challenge to this flag for {who} was signed on {day}; it waits "
                            "on this PC to be sent.")).format(
                                who=who, day=format_time(when), ref=reference)
        elif reference:
            text = self.tr("You challenged this flag on {day} (reference {ref}). Track it on "
                           "the Requests screen.").format(day=format_time(when),
                                                          ref=reference)
        else:
            text = self.tr("You signed a challenge to this flag on {day}; it waits on this "
                           "PC to be sent. Track it on the Requests screen.").format(
                               day=format_time(when))
        self.challenged_label.setText(text)
        self.contest_button.setText(self.tr("Send another &challenge…"))

    def rule_for(self, flag: FlagSummary | None) -> Rule | None:
        return self._rules.get(flag.rule.id) if flag is not None else None

    def _show_flag(self, flag: FlagDetail | None) -> None:
        self._flag = flag
        self.detail.setVisible(flag is not None)
        if flag is None:
            self.evidence_model.set_records(None, [])
            self.arithmetic.set_flag(None, None)
            self.arithmetic.setVisible(False)
            return
        self._show_challenge(flag)
        provenance = flag.provenance
        rule = self.rule_for(flag)
        self.headline.setText(visible_controls(flag.headline))
        self.headline.setAccessibleName(visible_controls(flag.headline))
        self.status_label.setText(
            self.tr("{status} — raised {raised}, last updated {updated}").format(
                status=status_text(flag.status),
                raised=format_time(flag.raised_at),
                updated=format_time(flag.updated_at),
            )
        )
        action = action_text(flag.action)
        if flag.action_taken_at is not None:
            action = self.tr("{action} on {day}").format(
                action=action, day=flag.action_taken_at.date().isoformat()
            )
        self.action_label.setText(action)
        emphasise(self.action_label, flag.action not in ("none",))
        self.corroboration_label.setText(corroboration_sentence(flag))
        emphasise(self.corroboration_label, provenance.corroboration == "uncorroborated")
        self.review_label.setText(review_sentence(flag))
        emphasise(self.review_label, not flag.review.human_reviewed)
        self.explanation.setText(explain(flag, acting_for_name(self.context)))
        self.rule_card.set_rule(flag.rule, rule, list(provenance.parameters))
        value_label = VALUE_LABELS.get(flag.rule.id, "")
        value_label = QCoreApplication.translate("FlagsScreen", value_label) if value_label else ""
        self.chart.set_observations(
            list(provenance.observations), provenance.threshold, value_label, provenance.comparison
        )
        self.evidence_model.set_records(self._store, list(provenance.input_record_ids))
        self.evidence_view.resizeColumnToContents(0)
        self.evidence_view.resizeColumnToContents(1)
        rule_based = rule is not None and rule.rule_based
        self.arithmetic.setVisible(rule_based)
        self.arithmetic.set_flag(self._store if rule_based else None, flag)

"""Settings → Representatives: the officer's written authority for a Federation
representative, granted and revoked by signing it with this PC's key.

The force lists the mandates, and each is checked here against the officer's own key
and the force's pinned key before it is shown as valid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recourse.ui.dialogs.challenge.common import CONTEST_JOB, error_text, make_service
from recourse.ui.models.formatting import format_long_day
from recourse.ui.widgets.plain import plain_label

if TYPE_CHECKING:
    from recourse.protocol.mandate_wire import MandateEntry, Representative
    from recourse.store import Store
    from recourse.ui.app import AppContext
    from recourse.ui.workers import Job

COLUMNS = ("Representative", "May", "Until", "State", "Reference")


def _buddy(text: str, widget: QWidget) -> QWidget:
    label = plain_label(text, selectable=False, wrap=False)
    label.setBuddy(widget)
    return label


class RepresentativesPanel(QGroupBox):
    #: After a mandate was granted or revoked.
    mandates_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store: Store | None = None
        self.entries: list[MandateEntry] = []
        self.directory: list[Representative] = []
        self.confirm: QMessageBox | None = None
        self.loaded = False
        self.setTitle(self.tr("Representatives"))
        self.setAccessibleName(self.tr("Representatives"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr(
            "A Federation representative can act for you only with your written authority: "
            "a mandate you sign with this PC's key. You choose what it covers and until "
            "when, and you can revoke it at any time; it ends at once."), selectable=False))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setAccessibleName(self.tr("Mandates you have granted"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(170)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table)

        form = QFormLayout()
        self.representative = QComboBox()
        self.representative.setAccessibleName(self.tr("Representative"))
        self.representative.setMaximumWidth(480)
        form.addRow(_buddy(self.tr("&Representative:"), self.representative),
                    self.representative)
        scopes = QHBoxLayout()
        self.scope_read = QCheckBox(self.tr("See my records, flags, access log and requests"))
        self.scope_act = QCheckBox(self.tr("Send challenges and requests for me"))
        self.scope_receive = QCheckBox(self.tr("Receive the force's replies"))
        for box in (self.scope_read, self.scope_act, self.scope_receive):
            box.setAccessibleName(self.tr("The representative may: {what}").format(
                what=box.text()))
            box.setChecked(True)
            box.toggled.connect(self._update_buttons)
            scopes.addWidget(box)
        scopes.addStretch(1)
        form.addRow(plain_label(self.tr("May:"), selectable=False, wrap=False), scopes)
        self.months = QSpinBox()
        self.months.setRange(1, 24)
        self.months.setValue(12)
        self.months.setSuffix(self.tr(" months"))
        self.months.setAccessibleName(self.tr("How long the mandate lasts, in months"))
        self.months.setMaximumWidth(140)
        form.addRow(_buddy(self.tr("&For:"), self.months), self.months)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.grant_button = QPushButton(self.tr("&Sign and grant mandate"))
        self.grant_button.setAccessibleName(self.tr("Sign and grant mandate"))
        self.grant_button.clicked.connect(self.grant)
        self.revoke_button = QPushButton(self.tr("Re&voke selected mandate…"))
        self.revoke_button.setAccessibleName(self.tr("Revoke selected mandate"))
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.reload_button = QPushButton(self.tr("Re&load"))
        self.reload_button.setAccessibleName(self.tr("Reload mandates"))
        self.reload_button.clicked.connect(self.load)
        for button in (self.grant_button, self.revoke_button, self.reload_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = plain_label("", accessible_name=self.tr("Representatives status"))
        layout.addWidget(self.status)
        self._update_buttons()

    # -- state ---------------------------------------------------------------------------
    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.entries, self.directory = [], []
        self.loaded = False
        self._show()

    def _online(self) -> bool:
        return self.store is not None and self.context.api is not None

    def _has_key(self) -> bool:
        if self.store is None:
            return False
        return make_service(self.context, self.store).contest.active_key() is not None

    def scope(self) -> list[str]:
        return [name for name, box in (("read", self.scope_read), ("act", self.scope_act),
                                       ("receive", self.scope_receive)) if box.isChecked()]

    def selected(self) -> MandateEntry | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        return self.entries[rows.pop()]

    def _update_buttons(self) -> None:
        online = self._online()
        self.grant_button.setEnabled(online and bool(self.scope())
                                     and self.representative.count() > 0)
        chosen = self.selected()
        self.revoke_button.setEnabled(online and chosen is not None
                                      and chosen.state in ("current", "pending"))
        self.reload_button.setEnabled(online)

    def _show(self) -> None:
        self.table.setRowCount(len(self.entries))
        states = {"current": self.tr("Current"), "pending": self.tr("Not yet begun"),
                  "expired": self.tr("Expired"), "revoked": self.tr("Revoked by you"),
                  "replaced": self.tr("Replaced by a newer mandate")}
        words = {"read": self.tr("see"), "act": self.tr("act"), "receive": self.tr("receive")}
        for row, entry in enumerate(self.entries):
            cells = (entry.representative_name, ", ".join(words[s] for s in entry.scope),
                     format_long_day(entry.expires_at), states[entry.state],
                     entry.reference)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
        current = self.representative.currentData()
        self.representative.clear()
        for rep in self.directory:
            self.representative.addItem(f"{rep.name} — {rep.branch}", rep.officer_id)
        if current is not None:
            self.representative.setCurrentIndex(max(0, self.representative.findData(current)))
        self._update_buttons()

    def refresh(self) -> None:
        """Fetch the mandates once per store while signed in; otherwise only update."""
        if self._online() and not self.loaded:
            self.loaded = True
            self.load()
        self._update_buttons()

    # -- actions -------------------------------------------------------------------------
    def load(self) -> Job | None:
        if self.store is None or self.context.api is None:
            return None
        service = make_service(self.context, self.store)

        pinned = service.contest.server_pin() is not None

        def fetch() -> tuple[list[Representative], list[MandateEntry]]:
            # Mandates are checked with the force's pinned key; none is trusted here.
            return service.representatives(), service.mandates() if pinned else []

        self.status.setText(self.tr("Fetching your mandates from the force…"))
        return self.context.run_in_worker(fetch, key=CONTEST_JOB, on_success=self._loaded,
                                          on_failure=self._failed, name="mandates.load")

    def _loaded(self, result: Any) -> None:
        self.directory, self.entries = list(result[0]), list(result[1])
        self.status.setText(self.tr("Each mandate below was checked against your own key.")
                            if self.entries else self.tr("You have not granted a mandate."))
        self._show()

    def grant(self) -> Job | None:
        if self.store is None or self.context.api is None:
            return None
        if not self._has_key():
            self.status.setText(self.tr(
                "Set up your signing key first (Signing keys, above): a mandate is signed "
                "with it."))
            return None
        service = make_service(self.context, self.store)
        representative, scope, months = (self.representative.currentData(), self.scope(),
                                         self.months.value())

        def grant_and_list() -> tuple[Any, list[Representative], list[MandateEntry]]:
            answer = service.grant_mandate(representative, scope, months)
            return answer, service.representatives(), service.mandates()

        self.status.setText(self.tr("Signing and sending the mandate…"))
        return self.context.run_in_worker(grant_and_list, key=CONTEST_JOB,
                                          on_success=self._granted, on_failure=self._failed,
                                          name="mandates.grant")

    def _granted(self, result: Any) -> None:
        answer = result[0]
        self._loaded(result[1:])
        self.status.setText(self.tr(
            "Mandate {reference} granted to {name} until {until}. The force's receipt "
            "was checked.").format(reference=answer.reference,
                                   name=answer.mandate.representative_name,
                                   until=format_long_day(answer.mandate.expires_at)))
        self.mandates_changed.emit()

    def ask_revoke(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.confirm = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Revoke this mandate?"),
            self.tr("Revoke mandate {reference}? {name} will at once no longer see your "
                    "data or act for you, and their copy of your data is deleted at their "
                    "next sync.").format(reference=chosen.reference,
                                         name=chosen.representative_name),
            QMessageBox.StandardButton.Cancel, self)
        revoke = self.confirm.addButton(self.tr("&Revoke"), QMessageBox.ButtonRole.AcceptRole)
        revoke.setAccessibleName(self.tr("Revoke"))
        self.confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm.buttonClicked.connect(
            lambda button: self.revoke(chosen.reference) if button is revoke else None)
        self.confirm.open()

    def revoke(self, reference: str) -> Job | None:
        if self.store is None or self.context.api is None:
            return None
        service = make_service(self.context, self.store)

        def revoke_and_list() -> tuple[Any, list[Representative], list[MandateEntry]]:
            answer = service.revoke_mandate(reference)
            return answer, service.representatives(), service.mandates()

        self.status.setText(self.tr("Signing and sending the revocation…"))
        return self.context.run_in_worker(revoke_and_list, key=CONTEST_JOB,
                                          on_success=self._revoked, on_failure=self._failed,
                                          name="mandates.revoke")

    def _revoked(self, result: Any) -> None:
        self._loaded(result[1:])
        self.status.setText(self.tr("Mandate {reference} is revoked.").format(
            reference=result[0].reference))
        self.mandates_changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        self._update_buttons()


__all__ = ["RepresentativesPanel"]

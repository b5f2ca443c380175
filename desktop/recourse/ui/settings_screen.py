"""Settings: server, sync, auto-lock, passphrase, sign out, remove data from this PC.

Values are kept in the encrypted store through the settings registry; the heavy
actions (sync, sign out, removing the profile) are signalled to the main window,
which owns the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recourse.ui.i18n import LANGUAGES
from recourse.ui.messages import describe
from recourse.ui.qt import make_heading
from recourse.ui.settings_registry import AUTO_LOCK_MINUTES, LANGUAGE, SERVER_URL
from recourse.ui.unlock import strength_problem
from recourse.ui.widgets.plain import plain_label

if TYPE_CHECKING:
    from recourse.store import Store
    from recourse.ui.app import AppContext


def _password(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class SettingsScreen(QWidget):
    sync_requested = Signal()
    sign_out_requested = Signal()
    remove_requested = Signal()
    auto_lock_changed = Signal(int)
    server_changed = Signal(str)

    CONFIRM_WORD = "REMOVE"
    #: What it shows, for AppContext.data_changed: this PC's keys.
    shows = frozenset({"keys"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store: Store | None = None
        self.setAccessibleName(self.tr("Settings"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("Settings"))
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        column = QVBoxLayout(body)
        title = plain_label(self.tr("Settings"), selectable=False,
                            accessible_name=self.tr("Title"))
        make_heading(title)
        column.addWidget(title)

        # Server and sync
        server_box = QGroupBox(self.tr("Server"))
        server_form = QFormLayout(server_box)
        self.server = QLineEdit()
        self.server.setAccessibleName(self.tr("Server address"))
        self.server_note = plain_label(selectable=False,
                                       accessible_name=self.tr("Server address note"))
        self.save_server = QPushButton(self.tr("Sa&ve address"))
        self.save_server.setAccessibleName(self.tr("Save server address"))
        self.save_server.clicked.connect(self._save_server)
        self.sync_now = QPushButton(self.tr("S&ync now"))
        self.sync_now.setAccessibleName(self.tr("Sync now"))
        self.sync_now.clicked.connect(self.sync_requested)
        server_label = QLabel(self.tr("Server &address:"))
        server_label.setBuddy(self.server)
        row = QHBoxLayout()
        row.addWidget(self.server, 1)
        row.addWidget(self.save_server)
        server_form.addRow(server_label, row)
        server_form.addRow("", self.server_note)
        server_form.addRow("", self.sync_now)
        column.addWidget(server_box)

        # Auto-lock
        lock_box = QGroupBox(self.tr("Auto-lock"))
        lock_form = QFormLayout(lock_box)
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setAccessibleName(self.tr("Auto-lock after idle minutes"))
        self.auto_lock.setValue(AUTO_LOCK_MINUTES.default)
        self.auto_lock.valueChanged.connect(self._save_auto_lock)
        lock_label = QLabel(self.tr("&Lock after idle:"))
        lock_label.setBuddy(self.auto_lock)
        lock_form.addRow(lock_label, self.auto_lock)
        column.addWidget(lock_box)
        column.addWidget(self._language_box())

        # Passphrase
        pass_box = QGroupBox(self.tr("Passphrase"))
        pass_form = QFormLayout(pass_box)
        self.old_pass = _password(self.tr("Current passphrase"))
        self.new_pass = _password(self.tr("New passphrase"))
        self.confirm_pass = _password(self.tr("Confirm new passphrase"))
        self.change_pass = QPushButton(self.tr("C&hange passphrase"))
        self.change_pass.setAccessibleName(self.tr("Change passphrase"))
        self.change_pass.clicked.connect(self._change_passphrase)
        self.pass_status = plain_label(selectable=False,
                                       accessible_name=self.tr("Passphrase change status"))
        for text, field in ((self.tr("C&urrent:"), self.old_pass),
                            (self.tr("&New:"), self.new_pass),
                            (self.tr("Con&firm:"), self.confirm_pass)):
            label = QLabel(text)
            label.setBuddy(field)
            pass_form.addRow(label, field)
        pass_form.addRow("", self.change_pass)
        pass_form.addRow("", self.pass_status)
        column.addWidget(pass_box)

        # Account
        account_box = QGroupBox(self.tr("Account"))
        account_layout = QVBoxLayout(account_box)
        self.account = plain_label(selectable=False,
                                   accessible_name=self.tr("Signed-in account"))
        self.sign_out = QPushButton(self.tr("Sign &out"))
        self.sign_out.setAccessibleName(self.tr("Sign out"))
        self.sign_out.setToolTip(self.tr(
            "Ends the session with the server. Your data stays on this PC."))
        self.sign_out.clicked.connect(self.sign_out_requested)
        account_layout.addWidget(self.account)
        account_layout.addWidget(self.sign_out, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(account_box)

        # Signing keys (challenges and requests)
        from recourse.ui.keys_panel import KeysPanel

        self.keys_panel = KeysPanel(context)
        column.addWidget(self.keys_panel)

        # Representatives (an officer's mandates); not shown to representatives themselves
        from recourse.ui.representatives_panel import RepresentativesPanel

        self.representatives_panel = RepresentativesPanel(context)
        self.representatives_panel.setVisible(False)
        column.addWidget(self.representatives_panel)

        # Remove
        remove_box = QGroupBox(self.tr("Remove my data from this PC"))
        remove_layout = QVBoxLayout(remove_box)
        remove_layout.addWidget(plain_label(self.tr(
            "Deletes everything Recourse keeps on this PC: your records, flags, drafts "
            "and sign-in. Nothing is deleted on the server. Type {word} to confirm."
        ).format(word=self.CONFIRM_WORD), selectable=False,
            accessible_name=self.tr("Remove data explanation")))
        self.remove_confirm = QLineEdit()
        self.remove_confirm.setAccessibleName(self.tr("Type REMOVE to confirm"))
        self.remove_confirm.setPlaceholderText(self.CONFIRM_WORD)
        self.remove_button = QPushButton(self.tr("&Remove my data"))
        self.remove_button.setAccessibleName(self.tr("Remove my data from this PC"))
        self.remove_button.setEnabled(False)
        self.remove_confirm.textChanged.connect(
            lambda text: self.remove_button.setEnabled(text.strip() == self.CONFIRM_WORD))
        self.remove_button.clicked.connect(self._remove)
        row = QHBoxLayout()
        row.addWidget(self.remove_confirm, 1)
        row.addWidget(self.remove_button)
        remove_layout.addLayout(row)
        column.addWidget(remove_box)
        column.addStretch(1)
        self._loading = False

    def _language_box(self) -> QGroupBox:
        # Titled in both languages, so an officer who cannot read the one shown finds it.
        box = QGroupBox("Language / Iaith")
        form = QFormLayout(box)
        self.language = QComboBox()
        self.language.setObjectName("language")  # focus comes back to it after a switch
        self.language.setAccessibleName(self.tr("Language of Recourse"))
        self.language.addItem(self.tr("The system's language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(self._save_language)
        label = QLabel(self.tr("Lan&guage:"))
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        self.language_note = plain_label(selectable=False)
        form.addRow("", self.language_note)
        return box

    def _show_language(self) -> None:
        settings = self.context.settings
        index = self.language.findData(str(settings.get(self.store, LANGUAGE) or ""))
        self.language.setCurrentIndex(max(index, 0))
        self.language.setEnabled(self.store is not None and not settings.pinned(LANGUAGE))
        self.language_note.setText(self.tr("Set by your IT department.")
                                   if settings.pinned(LANGUAGE) else "")

    def _save_language(self, _index: int) -> None:
        if self._loading or self.store is None:
            return
        from recourse.ui.language import apply_chosen_language

        self.context.put_setting(LANGUAGE, self.language.currentData())
        # Qt then tells every widget; the window rebuilds its screens, keeping its place.
        apply_chosen_language(self.context, self.store)

    # The screens contract, so the main window treats every screen alike.
    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.keys_panel.set_store(store)
        self.representatives_panel.set_store(store)
        self.refresh()

    def refresh(self) -> None:
        self.keys_panel.refresh()
        self._loading = True
        try:
            settings = self.context.settings
            pinned_server = settings.pinned(SERVER_URL)
            self.server.setText(self.context.server_url or
                                settings.get(self.store, SERVER_URL) or "")
            self.server.setReadOnly(pinned_server or self.context.demo)
            self.save_server.setEnabled(not (pinned_server or self.context.demo))
            if pinned_server:
                self.server_note.setText(self.tr("Set by your IT department."))
            elif self.context.demo:
                self.server_note.setText(self.tr("Demo server started by Recourse."))
            else:
                self.server_note.setText("")
            self.auto_lock.setValue(int(settings.get(self.store, AUTO_LOCK_MINUTES)))
            self.auto_lock.setEnabled(not settings.pinned(AUTO_LOCK_MINUTES))
            self._show_language()
            me = self.store.me() if self.store is not None else None
            officer = me is not None and me.role == "officer"
            self.representatives_panel.setVisible(officer)
            if officer:
                self.representatives_panel.refresh()
            api = self.context.api
            if me is not None and api is not None and api.signed_in():
                self.account.setText(self.tr("Signed in as {name} ({username})").format(
                    name=me.name, username=me.username))
            else:
                self.account.setText(self.tr("Not signed in"))
        finally:
            self._loading = False

    def save_place(self) -> dict[str, Any]:
        return {}

    def restore_place(self, place: dict[str, Any]) -> None:
        pass

    def _save_auto_lock(self, minutes: int) -> None:
        if self._loading or self.store is None:
            return
        self.context.put_setting(AUTO_LOCK_MINUTES, minutes)
        self.auto_lock_changed.emit(minutes)

    def _save_server(self) -> None:
        url = self.server.text().strip()
        if not url.startswith(("https://", "http://")):
            self.server_note.setText(self.tr("Enter an address starting with https://"))
            return
        self.context.put_setting(SERVER_URL, url)
        self.server_note.setText(self.tr("Saved. Sign in again to use the new server."))
        self.server_changed.emit(url)

    def _change_passphrase(self) -> None:
        old, new = self.old_pass.text(), self.new_pass.text()
        problem = strength_problem(new)
        if problem:
            self.pass_status.setText(problem)
            return
        if new != self.confirm_pass.text():
            self.pass_status.setText(self.tr("The new passphrases are different."))
            return
        if self.store is None:
            return
        self.change_pass.setEnabled(False)
        self.pass_status.setText(self.tr("Re-encrypting your data…"))
        self.context.run_in_worker(
            self.store.change_passphrase, old, new, key="store",
            on_success=self._passphrase_changed, on_failure=self._passphrase_failed,
            name="store.change_passphrase")

    def _passphrase_changed(self, _result: object) -> None:
        for field in (self.old_pass, self.new_pass, self.confirm_pass):
            field.clear()
        self.change_pass.setEnabled(True)
        self.pass_status.setText(self.tr("Passphrase changed."))

    def _passphrase_failed(self, error: BaseException) -> None:
        self.change_pass.setEnabled(True)
        if type(error).__name__ == "WrongPassphrase":
            self.pass_status.setText(self.tr("The current passphrase is not right."))
        else:
            info = describe(error)
            self.pass_status.setText(f"{info.message} {info.next_step}")

    def _remove(self) -> None:
        if self.remove_confirm.text().strip() != self.CONFIRM_WORD:
            return
        self.remove_confirm.clear()
        self.remove_requested.emit()

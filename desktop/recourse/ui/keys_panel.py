"""Settings → Signing keys: this PC's key, the force's pinned key, rotate and revoke.

The officer's challenges and requests are signed with a key made on this PC (its
private half only in the encrypted store) and registered with the force; the force's
receipts are checked with the force's key pinned here, either configured by IT or
trusted on first use after the officer saw its fingerprint.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recourse.ui.dialogs.challenge.common import (
    CONTEST_JOB,
    KeySetup,
    configured_server_key,
    error_text,
    make_service,
)
from recourse.ui.models.formatting import EMPTY, format_time
from recourse.ui.widgets.plain import plain_label

if TYPE_CHECKING:
    from recourse.store import Store
    from recourse.ui.app import AppContext
    from recourse.ui.workers import Job


def _registered_when(registered: object) -> str:
    """The server's ISO time of registration, read as UK time like every other."""
    try:
        return format_time(datetime.fromisoformat(str(registered)))
    except ValueError:
        return EMPTY


def _fingerprint(jwk: dict[str, str]) -> str:
    from recourse.protocol.jws import fingerprint_words, load_public_jwk

    return fingerprint_words(load_public_jwk(jwk))


class KeysPanel(QGroupBox):
    #: After a key was set up, rotated or revoked.
    keys_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store: Store | None = None
        self.setup: KeySetup | None = None
        self.confirm: QMessageBox | None = None
        self.setTitle(self.tr("Signing keys"))
        self.setAccessibleName(self.tr("Signing keys"))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr(
            "Your challenges and requests are signed with a key kept only on this PC, "
            "encrypted. The force's receipts are checked with the force's key below."),
            selectable=False))
        form = QFormLayout()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.key_id = plain_label(accessible_name=self.tr("This PC's key id"))
        self.fingerprint = plain_label(accessible_name=self.tr("This PC's key fingerprint"))
        self.fingerprint.setFont(mono)
        self.registered = plain_label(accessible_name=self.tr("This PC's key registered at"))
        self.server_key_id = plain_label(
            accessible_name=self.tr("The force's receipt-signing key id"))
        self.server_fingerprint = plain_label(
            accessible_name=self.tr("The force's receipt-signing key fingerprint"))
        self.server_fingerprint.setFont(mono)
        self.server_source = plain_label(
            accessible_name=self.tr("How the force's key came to be trusted"))
        for text, widget in ((self.tr("This PC's key:"), self.key_id),
                             (self.tr("Fingerprint:"), self.fingerprint),
                             (self.tr("Registered:"), self.registered),
                             (self.tr("Force's receipt key:"), self.server_key_id),
                             (self.tr("Its fingerprint:"), self.server_fingerprint),
                             (self.tr("Trusted because:"), self.server_source)):
            form.addRow(plain_label(text, selectable=False, wrap=False), widget)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.setup_button = QPushButton(self.tr("Set &up signing key"))
        self.setup_button.setAccessibleName(self.tr("Set up signing key"))
        self.setup_button.clicked.connect(self.set_up)
        self.rotate_button = QPushButton(self.tr("Ro&tate key"))
        self.rotate_button.setAccessibleName(self.tr("Rotate key"))
        self.rotate_button.setToolTip(self.tr(
            "Make a new key for this PC and revoke the old one. Past receipts stay valid."))
        self.rotate_button.clicked.connect(self.rotate)
        self.revoke_button = QPushButton(self.tr("Re&voke key…"))
        self.revoke_button.setAccessibleName(self.tr("Revoke key"))
        self.revoke_button.setToolTip(self.tr(
            "For a lost or reimaged PC: the force will refuse anything signed with it."))
        self.revoke_button.clicked.connect(self.ask_revoke)
        for button in (self.setup_button, self.rotate_button, self.revoke_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = plain_label("", accessible_name=self.tr("Signing key status"))
        layout.addWidget(self.status)
        self.refresh()

    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        online = self.store is not None and self.context.api is not None
        active = pin = None
        if self.store is not None:
            contest = make_service(self.context, self.store).contest
            active, pin = contest.active_key(), contest.server_pin()
        if active is not None:
            self.key_id.setText(active.key_id)
            self.fingerprint.setText(_fingerprint(active.public_jwk))
            registered = (active.record_body or {}).get("registered_at")
            self.registered.setText(self.tr("{when} on {device}").format(
                when=_registered_when(registered),
                device=active.device_label))
        else:
            self.key_id.setText(self.tr("None yet on this PC"))
            self.fingerprint.setText(EMPTY)
            self.registered.setText(EMPTY)
        configured = configured_server_key(self.context)
        if pin is not None:
            self.server_key_id.setText(pin.key_id)
            self.server_fingerprint.setText(_fingerprint(pin.public_jwk))
            if pin.source == "configured":
                self.server_source.setText(self.tr(
                    "Set by your IT department, and checked against the force's server on "
                    "{when}. Any other key is refused.").format(
                        when=format_time(pin.pinned_at)))
            else:
                # Said without claiming the officer saw it: sign-in may pin it unseen.
                self.server_source.setText(self.tr(
                    "Pinned on first use, {when}. Compare its fingerprint with the one "
                    "your force published; any other key is refused.").format(
                        when=format_time(pin.pinned_at)))
        elif configured:
            self.server_key_id.setText(self.tr("Not yet checked on this PC"))
            self.server_fingerprint.setText(configured)
            self.server_source.setText(self.tr(
                "Set by your IT department. Recourse checks the force's server has this key "
                "before anything is sent, and refuses any other."))
        else:
            self.server_key_id.setText(self.tr("Not yet seen on this PC"))
            self.server_fingerprint.setText(EMPTY)
            self.server_source.setText(EMPTY)
        self.setup_button.setVisible(active is None)
        self.setup_button.setEnabled(online)
        self.rotate_button.setEnabled(online and active is not None)
        self.revoke_button.setEnabled(online and active is not None)

    # -- actions --------------------------------------------------------------------------
    def set_up(self) -> None:
        if self.store is None or self.context.api is None:
            return
        self.setup = KeySetup(self.context, make_service(self.context, self.store), self)
        self.setup.ready.connect(self._changed)
        self.setup.failed.connect(self.status.setText)
        self.status.setText(self.tr("Setting up your signing key…"))
        self.setup.start()

    @property
    def keys(self) -> KeySetup | None:  # the same name the wizards use, for tests
        return self.setup

    def rotate(self) -> Job | None:
        if self.store is None or self.context.api is None:
            return None
        self.status.setText(self.tr("Making and registering a new key…"))
        service = make_service(self.context, self.store)
        return self.context.run_in_worker(service.rotate_key, key=CONTEST_JOB,
                                          on_success=lambda _r: self._changed(
                                              self.tr("New key registered; the old one is "
                                                      "revoked.")),
                                          on_failure=self._failed, name="contest.rotate")

    def ask_revoke(self) -> None:
        self.confirm = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Revoke this PC's key?"),
            self.tr("Revoke the signing key of this PC? Do this if the PC was lost or "
                    "reimaged. Nothing can be signed here until you set up a new key; "
                    "receipts you already have stay valid."),
            QMessageBox.StandardButton.Cancel, self)
        revoke = self.confirm.addButton(self.tr("&Revoke"), QMessageBox.ButtonRole.AcceptRole)
        revoke.setAccessibleName(self.tr("Revoke"))
        self.confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm.buttonClicked.connect(
            lambda button: self.revoke() if button is revoke else None)
        self.confirm.open()

    def revoke(self) -> Job | None:
        if self.store is None or self.context.api is None:
            return None
        self.status.setText(self.tr("Revoking…"))
        service = make_service(self.context, self.store)
        return self.context.run_in_worker(service.revoke_key, key=CONTEST_JOB,
                                          on_success=lambda _r: self._changed(
                                              self.tr("The key is revoked.")),
                                          on_failure=self._failed, name="contest.revoke")

    def _changed(self, text: str = "") -> None:
        self.status.setText(text or self.tr("Your signing key is set up."))
        self.refresh()
        self.keys_changed.emit()
        self.context.notify_changed("keys", source=self)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))
        self.refresh()


__all__ = ["KeysPanel"]

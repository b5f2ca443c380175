"""What the challenge and SAR wizards share: the contest service, the first-use check of
the force's key, draft saving as the officer types, the review of the exact bytes and
the result in plain words.

Every network or crypto call runs through `context.run_in_worker` (key "contest", so
two of them never race on the same outbox); saving a draft is one small write to the
encrypted store and runs on the GUI thread, debounced.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from recourse.ui.messages import describe
from recourse.ui.widgets.plain import heading_label, plain_label

CONTEST_JOB = "contest"
SAVE_DELAY_MS = 300


def make_service(context: Any, store: Any = None) -> Any:
    """A `ContestService` over the context's store and API (cheap: no I/O)."""
    from recourse.sync.contest import ContestService

    return ContestService(store if store is not None else context.store, context.api)


def fetch_offered_key(service: Any) -> tuple[str, str]:
    """(key id, fingerprint) of the key the server offers now. Worker only."""
    from recourse.protocol.jws import fingerprint_words, key_id
    from recourse.sync.contest import _fetch_server_key

    key = _fetch_server_key(service.api)
    return key_id(key), fingerprint_words(key)


def readiness(service: Any) -> dict[str, Any]:
    """Whether signing can go ahead: the force's key pinned and a registered key here.

    Worker only. Returns {"confirm": (key_id, fingerprint)} when the force's key has never
    been seen on this PC (the officer must see its fingerprint first), else sets up the
    signing key if needed and returns {"ready": True}.
    """
    from recourse.store.contest import ContestStore

    if ContestStore(service.store).server_pin() is None and not service.configured_server_key:
        return {"confirm": fetch_offered_key(service)}
    service.ensure_signing_key()
    return {"ready": True}


def trust_and_set_up(service: Any, shown_key_id: str) -> dict[str, Any]:
    """Pin the key the officer was shown (only if it is still the one offered) and set
    up this PC's signing key. Worker only."""
    from recourse.sync.contest import ContestError

    result = service.pin_server_key()
    if result.key_id != shown_key_id:
        raise ContestError(
            "The force's key changed while you were looking at it, so it was not trusted.",
            "Try again; if it happens again, contact your force's IT service desk.",
        )
    service.ensure_signing_key()
    return {"ready": True, "pin": result}


class ServerKeyDialog(QDialog):
    """First use: the officer sees the force's receipt-signing key fingerprint and
    confirms it before Recourse trusts it."""

    def __init__(self, fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check the force's signing key"))
        self.setAccessibleName(self.tr("Check the force's signing key"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("The force's receipt-signing key"), level=2))
        layout.addWidget(plain_label(self.tr(
            "This is the first time this PC talks to your force about challenges and "
            "requests. The force signs every receipt with the key below. Compare its "
            "fingerprint with the one your force published (on the intranet or from the IT "
            "service desk). If it matches, Recourse will trust this key from now on and will "
            "refuse any other.")))
        self.fingerprint = plain_label(fingerprint, accessible_name=self.tr("Fingerprint"))
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.fingerprint)
        buttons = QDialogButtonBox()
        self.trust_button = buttons.addButton(
            self.tr("&It matches: trust this key"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.trust_button.setAccessibleName(self.tr("It matches: trust this key"))
        self.cancel_button = buttons.addButton(
            self.tr("&Do not trust it"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName(self.tr("Do not trust it"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.cancel_button.setDefault(True)


class KeySetup(QObject):
    """Runs `readiness`, asks about a first-seen force key, and reports the outcome.

    Signals `ready()` or `failed(str)` (a plain-words message for the officer).
    """

    ready = Signal()
    failed = Signal(str)

    def __init__(self, context: Any, service: Any, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.service = service
        self.parent_widget = parent_widget
        self.dialog: ServerKeyDialog | None = None
        self.is_ready = False
        self.running = False

    def start(self) -> None:
        if self.running or self.is_ready:
            return
        self.running = True
        self.context.run_in_worker(readiness, self.service, key=CONTEST_JOB,
                                   on_success=self._checked, on_failure=self._failed,
                                   name="contest.readiness")

    def _checked(self, result: Any) -> None:
        if "confirm" in result:
            shown_key_id, fingerprint = result["confirm"]
            self.dialog = ServerKeyDialog(fingerprint, self.parent_widget)
            self.dialog.accepted.connect(lambda: self._trusted(shown_key_id))
            self.dialog.rejected.connect(self._declined)
            self.dialog.open()
            return
        self._done()

    def _trusted(self, shown_key_id: str) -> None:
        self.context.run_in_worker(trust_and_set_up, self.service, shown_key_id,
                                   key=CONTEST_JOB, on_success=lambda _r: self._done(),
                                   on_failure=self._failed, name="contest.trust")

    def _declined(self) -> None:
        self.running = False
        self.failed.emit(self.tr(
            "You did not trust the force's key, so nothing can be signed or sent. Your "
            "draft is kept. Contact your force's IT service desk to check the fingerprint."))

    def _done(self) -> None:
        self.running = False
        self.is_ready = True
        self.ready.emit()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.failed.emit(error_text(error))


def error_text(error: BaseException) -> str:
    info = describe(error)
    return f"{info.message} {info.next_step}"


class Debouncer(QObject):
    """Calls `save` SAVE_DELAY_MS after the last `poke`, or at once on `flush`."""

    def __init__(self, save: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self._save)

    def poke(self) -> None:
        self.timer.start()

    def flush(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
        self._save()


def bytes_view(accessible_name: str) -> QPlainTextEdit:
    """Read-only monospace view of the exact bytes that will be signed."""
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    view.setAccessibleName(accessible_name)
    view.setTabChangesFocus(True)
    return view


def pretty_canonical(prepared: Any) -> str:
    """The canonical bytes, exactly as they will be signed (no re-formatting: the officer
    reads what is signed, not an approximation of it)."""
    text: str = prepared.text
    return text


def result_label() -> QLabel:
    label = plain_label(accessible_name="result")
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label

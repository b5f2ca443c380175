"""What the challenge and SAR wizards share: the contest service, the first-use check of
the force's key, draft saving as the officer types, the review of the exact bytes and
the result in plain words.

Every network or crypto call runs through `context.run_in_worker` (key "contest", so
two of them never race on the same outbox); saving a draft is one small write to the
encrypted store and runs on the GUI thread, debounced.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from recourse.ui.messages import describe
from recourse.ui.models.formatting import format_time
from recourse.ui.widgets.plain import heading_label, plain_label

if TYPE_CHECKING:
    from recourse.contest import (
        ContestService,
        Draft,
        PreparedSubmission,
        SubmissionRecord,
    )
    from recourse.store import Store
    from recourse.store.contest import OutboxEntry
    from recourse.ui.app import AppContext

CONTEST_JOB = "contest"
SAVE_DELAY_MS = 300


def configured_server_key(context: AppContext) -> str | None:
    """The force's receipt-key fingerprint IT set by policy, or None (trust on first use)."""
    from recourse.ui.settings_registry import SERVER_KEY_FINGERPRINT

    value = context.settings.it_value(SERVER_KEY_FINGERPRINT)
    return str(value).strip() or None if value else None


def make_service(context: AppContext, store: Store | None = None) -> ContestService:
    """A `ContestService` over the context's store and API, with IT's receipt key if it
    set one (cheap: no I/O)."""
    from recourse.contest import ContestService

    opened = store if store is not None else context.store
    if opened is None:  # the contest screens exist only while the store is open
        raise RuntimeError("a contest needs the open store")
    member = context.acting_for
    if member is not None:
        # The representative signs for the member with his own key, under the mandate.
        return ContestService(opened, context.api,
                              configured_server_key=configured_server_key(context),
                              acting_for=(member.officer_id, member.mandate),
                              keys_store=context.keys_store())
    return ContestService(opened, context.api,
                          configured_server_key=configured_server_key(context))


def fetch_offered_key(service: ContestService) -> tuple[str, str]:
    """(key id, fingerprint) of the key the server offers now. Worker only."""
    from recourse.protocol.jws import fingerprint_words, key_id

    key = service.fetch_server_key()
    return key_id(key), fingerprint_words(key)


def readiness(service: ContestService) -> dict[str, Any]:
    """Whether signing can go ahead: the force's key pinned and a registered key here.

    Worker only. Returns {"confirm": (key_id, fingerprint)} when the force's key has never
    been seen on this PC (the officer must see its fingerprint first), else sets up the
    signing key if needed and returns {"ready": True}.
    """
    # The service's own contest tables: for a representative acting for a member, the
    # force's key is pinned in his store, not the member's.
    if service.contest.server_pin() is None and not service.configured_server_key:
        return {"confirm": fetch_offered_key(service)}
    service.ensure_signing_key()
    return {"ready": True}


def trust_and_set_up(service: ContestService, shown_key_id: str) -> dict[str, Any]:
    """Pin the key the officer was shown (only if it is still the one offered) and set
    up this PC's signing key. Worker only."""
    from recourse.contest import ContestError

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

    def __init__(self, context: AppContext, service: ContestService,
                 parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.service = service
        self.parent_widget = parent_widget
        self.dialog: ServerKeyDialog | None = None
        self.is_ready = False
        self.running = False
        #: Why the last attempt failed (the wizards sign offline when it is unreachable).
        self.error: BaseException | None = None

    def start(self) -> None:
        if self.running or self.is_ready:
            return
        self.running = True
        self.error = None
        self.context.run_in_worker(readiness, self.service, key=CONTEST_JOB,
                                   on_success=self._checked, on_failure=self._failed,
                                   name="contest.readiness")

    def _checked(self, result: dict[str, Any]) -> None:
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
        self.error = error
        self.failed.emit(error_text(error))

    @property
    def offline(self) -> bool:
        """The last attempt failed only because the force's server could not be reached."""
        from recourse.api.errors import ServerUnreachable

        return isinstance(self.error, ServerUnreachable)


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


# --- the wizards' shared lifecycle ----------------------------------------------------
# A subclass builds its pages (setting `review_page` and `result_page`), then calls
# `start()`; it implements `apply_to_draft(draft)` and `kind_word()`.


class ResultPage(QWizardPage):
    def __init__(self, wizard: QWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Result"))
        layout = QVBoxLayout(self)
        self.headline = heading_label("", level=2)
        layout.addWidget(self.headline)
        self.details = plain_label("", accessible_name=self.tr("Result details"))
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.setFinalPage(True)


class ReviewPage(QWizardPage):
    """Exactly what will be signed, and the button that signs and sends it.

    `offline_text`, when given, is shown instead of checking the key with the force
    while not connected (a SAR can still be saved as a letter)."""

    def __init__(self, wizard: SigningWizard, subtitle: str,
                 offline_text: str | None = None) -> None:
        super().__init__()
        self.w = wizard
        self.offline_text = offline_text
        self.setTitle(self.tr("Check exactly what will be signed"))
        self.setSubTitle(subtitle)
        self.setCommitPage(True)
        layout = QVBoxLayout(self)
        self.bytes = bytes_view(self.tr("The exact bytes that will be signed"))
        layout.addWidget(self.bytes, 1)
        self.status = plain_label("", accessible_name=self.tr("Signing status"))
        layout.addWidget(self.status)
        #: Buttons left of the stretch come before Sign and send (e.g. the SAR's letter).
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.send_button = QPushButton(self.tr("Sign and &send"))
        self.send_button.setAccessibleName(self.tr("Sign and send"))
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.w.sign_and_send)
        self.buttons.addWidget(self.send_button)
        layout.addLayout(self.buttons)
        #: What "Sign and send" sends: new content, or an entry signed earlier.
        self.prepared: PreparedSubmission | OutboxEntry | None = None
        self.finished = False

    def initializePage(self) -> None:
        self.w.save_now()
        self.prepared = None
        self.bytes.setPlainText("")
        self.send_button.setEnabled(False)
        if self.w.keys.is_ready:
            self.w.prepare()
        elif self.offline_text is not None and self.w.context.api is None:
            self.status.setText(self.offline_text)
        else:
            self.status.setText(self.tr("Checking your signing key with the force…"))
            self.w.keys.start()

    def isComplete(self) -> bool:
        return self.finished


class SigningWizard(QWizard):
    #: Emitted with the SubmissionRecord once the force's receipt verified.
    received = Signal(object)
    #: Emitted after anything that changes the outbox (received, or signed and waiting).
    submitted = Signal()

    review_page: ReviewPage
    result_page: ResultPage
    #: The subclass's draft, set before `start()`.
    draft: Draft

    def __init__(self, context: AppContext, store: Store, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = store
        self.service = make_service(context, store)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Finish"))
        self.resize(820, 640)
        self.offline = False
        self._saving_enabled = False
        self.debounce = Debouncer(self._save, self)

    def start(self) -> None:
        """After the pages exist: save as the officer types, follow locking, set up keys."""
        self.keys = KeySetup(self.context, self.service, self)
        self.keys.ready.connect(self._keys_ready)
        self.keys.failed.connect(self._keys_failed)
        self._saving_enabled = True
        self.save_now()
        self.context.store_changed.connect(self._store_changed)
        self.finished.connect(lambda _r: self._closing())
        if self.context.api is not None:
            self.keys.start()

    def apply_to_draft(self, draft: Draft) -> None:
        raise NotImplementedError

    def kind_word(self) -> str:
        raise NotImplementedError

    # -- drafts --------------------------------------------------------------------
    def changed(self) -> None:
        if self._saving_enabled:
            self.debounce.poke()

    def save_now(self) -> None:
        self.debounce.flush()

    def _save(self) -> None:
        if not self._saving_enabled:
            return
        self.apply_to_draft(self.draft)
        self.service.save_draft(self.draft)

    def _store_changed(self, store: Store | None) -> None:
        if store is None:  # locking: keep every keystroke, then close before the store does
            self.save_now()
            self._saving_enabled = False
            self.reject()

    def _closing(self) -> None:
        self.save_now()
        self._saving_enabled = False
        try:
            self.context.store_changed.disconnect(self._store_changed)
        except (RuntimeError, TypeError):
            pass

    # -- signing -------------------------------------------------------------------
    def _keys_ready(self) -> None:
        if self.currentPage() is self.review_page and self.review_page.prepared is None:
            self.prepare()

    def _keys_failed(self, text: str) -> None:
        if self.currentPage() is not self.review_page:
            return
        self.review_page.status.setText(text)
        if self.keys.offline and self.review_page.prepared is None:
            # Not reachable: sign now with a key made here; it waits in the outbox.
            self.prepare(offline=True)

    def prepare(self, offline: bool = False) -> None:
        """Build the exact bytes (in a worker: it reads the key and the attachments)."""
        self.save_now()
        self.offline = offline
        self.review_page.status.setText(self.tr("Preparing…"))
        pending = self.service.contest.pending_for_draft(self.draft.id)
        if pending is not None:
            # Signed before and not yet confirmed: the same bytes go again, unchanged.
            from recourse.protocol.jws import unverified_content

            self.review_page.bytes.setPlainText(
                unverified_content(pending.token).decode("utf-8"))
            self.review_page.prepared = pending
            self.review_page.status.setText(self.tr(
                "You signed this already; it has not reached the force yet. Sending it "
                "again sends these same bytes."))
            self.review_page.send_button.setEnabled(True)
            return
        self.context.run_in_worker(self.service.prepare, self.draft, offline=offline,
                                   key=CONTEST_JOB, on_success=self._prepared,
                                   on_failure=self._prepare_failed, name="contest.prepare")

    def _prepared(self, prepared: PreparedSubmission) -> None:
        self.review_page.prepared = prepared
        self.review_page.bytes.setPlainText(prepared.text)
        size = f"{len(prepared.canonical):,}"
        if self.offline:
            self.review_page.status.setText(self.tr(
                "The force's server cannot be reached. You can still sign these {n} bytes "
                "now: they wait on this PC and are sent when the server is back.").format(
                    n=size))
        else:
            self.review_page.status.setText(self.tr(
                "Your signing key will sign these {n} bytes.").format(n=size))
        self.review_page.send_button.setEnabled(True)

    def _prepare_failed(self, error: BaseException) -> None:
        self.review_page.status.setText(error_text(error))

    def sign_and_send(self) -> None:
        prepared = self.review_page.prepared
        if prepared is None:
            return
        self.review_page.send_button.setEnabled(False)
        self.review_page.status.setText(self.tr("Signing and sending…"))
        from recourse.contest import PreparedSubmission

        if not isinstance(prepared, PreparedSubmission):  # an outbox entry signed earlier
            prepared = PreparedSubmission(self.draft.id, {}, b"", ())
        self.context.run_in_worker(self.service.submit, prepared, key=CONTEST_JOB,
                                   on_success=self._sent, on_failure=self._send_failed,
                                   name="contest.submit")

    def _sent(self, record: SubmissionRecord) -> None:
        self._saving_enabled = False  # the core deleted the draft with the receipt kept
        self.show_result(record, None)
        self.received.emit(record)
        self.submitted.emit()
        self._notify()

    def _notify(self) -> None:
        from recourse.ui.app import KEYS, SUBMISSIONS

        # Signing may have set up this PC's key; the force marks the flag under review.
        self.context.notify_changed(SUBMISSIONS, KEYS, source=self, sent=True)

    def _send_failed(self, error: BaseException) -> None:
        if self.service.contest.pending_for_draft(self.draft.id) is not None:
            self.show_result(None, error)
            self.submitted.emit()
            self._notify()
            return
        self.review_page.status.setText(error_text(error))
        self.review_page.send_button.setEnabled(True)

    def show_result(self, record: SubmissionRecord | None, error: BaseException | None) -> None:
        """Move to the result page: received (receipt verified) or signed and waiting."""
        page = self.result_page
        if record is not None and record.state == "received" and record.receipt is not None:
            receipt = record.receipt
            page.headline.setText(self.tr("Received by the force"))
            page.details.setText(self.tr(
                "The force's signed receipt was checked with its key on this PC.\n\n"
                "Reference: {ref}\nReceived: {at}\nThe force must answer by: {due}\n\n"
                "Track it on the Requests screen.").format(
                    ref=receipt.reference, at=format_time(receipt.received_at),
                    due=receipt.due_date.isoformat()))
        else:
            from recourse.api.errors import ServerUnreachable
            from recourse.contest import NotPinned

            page.headline.setText(self.tr("Signed, waiting to send"))
            if error is None or isinstance(error, (ServerUnreachable, NotPinned)):
                text = self.tr(
                    "Your {kind} is signed and kept, encrypted, on this PC. Recourse sends "
                    "these exact bytes when the force's server is reachable (Refresh on the "
                    "Requests screen), and shows it as received only once the force's "
                    "signed receipt has been checked.").format(kind=self.kind_word())
            else:
                text = self.tr("Your {kind} is saved and signed, but the force has not "
                               "confirmed it: {why}").format(kind=self.kind_word(),
                                                            why=error_text(error))
            page.details.setText(text)
        self.review_page.finished = True
        self.review_page.completeChanged.emit()
        self.next()

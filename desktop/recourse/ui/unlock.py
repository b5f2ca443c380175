"""The first-run screen (new passphrase, server address) and the unlock screen.

Key derivation (Argon2id, 0.5–1 s) runs in a worker so the window keeps painting.
Imports stay light: this is the first thing an officer sees.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recourse.ui.messages import OfficerMessage, describe
from recourse.ui.qt import make_heading
from recourse.ui.settings_registry import SERVER_URL
from recourse.ui.widgets.plain import plain_label

if TYPE_CHECKING:
    from recourse.store import Profile, Store
    from recourse.ui.app import AppContext

MIN_LENGTH = 10
#: zxcvbn's estimate, in bits (log2 of the guesses), below which a passphrase is
#: refused: 10**10 guesses, its "very unguessable" score of 4. The store can be copied
#: and attacked offline, so only that is enough (Argon2id slows each guess, not the
#: order in which an attacker's dictionaries try them).
MIN_BITS = 10 * math.log2(10)
#: Words of this app that make a passphrase easier to guess.
_CONTEXT = ["recourse", "police", "force", "passphrase", "officer", "constable"]
#: zxcvbn's time grows with the length; the first characters decide any weakness.
_CHECKED_CHARS = 100


def _zxcvbn(passphrase: str) -> dict[str, Any]:
    from zxcvbn import zxcvbn

    return zxcvbn(passphrase[:_CHECKED_CHARS], user_inputs=_CONTEXT)


def estimate_bits(passphrase: str) -> float:
    """zxcvbn's estimate of the guesses needed, in bits."""
    if not passphrase:
        return 0.0
    return float(_zxcvbn(passphrase)["guesses_log10"]) * math.log2(10)


def strength_problem(passphrase: str) -> str | None:
    """Why the passphrase is refused, in words (zxcvbn's own advice), or None."""
    tr = _StrengthText
    if len(passphrase) < MIN_LENGTH:
        return tr.too_short().format(n=MIN_LENGTH)
    result = _zxcvbn(passphrase)
    if float(result["guesses_log10"]) * math.log2(10) >= MIN_BITS:
        return None
    feedback = result.get("feedback") or {}
    advice = [str(feedback.get("warning") or "")]
    advice += [str(s) for s in (feedback.get("suggestions") or [])[:2]]
    said = " ".join(a.strip() for a in advice if a.strip())
    return f"{tr.too_guessable()} {said}".strip()


class _StrengthText:
    @staticmethod
    def too_short() -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("FirstRunScreen", "Use at least {n} characters.")

    @staticmethod
    def too_guessable() -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate(
            "FirstRunScreen",
            "Too easy to guess: add more words, or mix in digits and symbols.")


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMinimumWidth(280)
    return field


class _Card(QWidget):
    """A centred column, so the screens look right from 800 px to 4K and at 200%."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.column = QVBoxLayout()
        self.column.setSpacing(12)
        holder = QWidget()
        holder.setLayout(self.column)
        holder.setMaximumWidth(560)
        # Centred by stretches, not by alignment: an aligned widget gets only its size
        # hint, which cuts a wrapped message (a long error) to a line or two.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 100)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)


class FirstRunScreen(_Card):
    """Sets up a new encrypted profile. Emits ``created(store)``."""

    created = Signal(object)

    def __init__(self, context: AppContext, profile: Profile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.profile = profile
        self.setAccessibleName(self.tr("Set up Recourse"))
        title = plain_label(self.tr("Set up Recourse on this PC"), selectable=False,
                            accessible_name=self.tr("Title"))
        make_heading(title)
        intro = plain_label(self.tr(
            "Choose a passphrase. It encrypts everything Recourse keeps on this PC. "
            "Nobody, including IT, can recover it for you: if you forget it you can "
            "remove the data and sync again."),
            selectable=False, accessible_name=self.tr("Introduction"))
        self.passphrase = _password_field(self.tr("New passphrase"))
        self.confirm = _password_field(self.tr("Confirm passphrase"))
        self.meter = QProgressBar()
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.meter.setMaximumHeight(10)
        self.strength = plain_label(selectable=False,
                                    accessible_name=self.tr("Passphrase strength"))
        self.server = QLineEdit()
        self.server.setAccessibleName(self.tr("Server address"))
        self.server.setPlaceholderText("https://recourse.example.police.uk")
        pinned = context.settings.policy.get(SERVER_URL.key)
        initial = pinned or context.server_url or context.settings.default(SERVER_URL)
        if initial:
            self.server.setText(str(initial))
        self.server_row_visible = not (pinned or context.demo)
        form = QFormLayout()
        pass_label = QLabel(self.tr("&Passphrase:"))
        pass_label.setBuddy(self.passphrase)
        confirm_label = QLabel(self.tr("C&onfirm:"))
        confirm_label.setBuddy(self.confirm)
        form.addRow(pass_label, self.passphrase)
        form.addRow("", self.meter)
        form.addRow("", self.strength)
        form.addRow(confirm_label, self.confirm)
        if self.server_row_visible:
            server_label = QLabel(self.tr("&Server address:"))
            server_label.setBuddy(self.server)
            form.addRow(server_label, self.server)
        self.error = plain_label(selectable=False, accessible_name=self.tr("Problem"))
        self.create_button = QPushButton(self.tr("&Create"))
        self.create_button.setAccessibleName(self.tr("Create encrypted profile"))
        self.create_button.setDefault(True)
        self.create_button.setAutoDefault(True)
        self.create_button.clicked.connect(self.submit)
        self.confirm.returnPressed.connect(self.submit)
        self.passphrase.textChanged.connect(self._update_strength)
        for w in (title, intro):
            self.column.addWidget(w)
        self.column.addLayout(form)
        self.column.addWidget(self.error)
        self.column.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        self._update_strength("")

    def _update_strength(self, text: str) -> None:
        bits = estimate_bits(text)
        self.meter.setValue(min(100, int(bits / 80 * 100)))
        problem = strength_problem(text) if text else None
        if not text:
            self.strength.setText(self.tr("Use a few unrelated words; longer is stronger."))
        elif problem:
            self.strength.setText(self.tr("Weak ({n} characters). ").format(n=len(text))
                                  + problem)
        elif bits < 70:
            self.strength.setText(self.tr("Fair ({n} characters).").format(n=len(text)))
        else:
            self.strength.setText(self.tr("Strong ({n} characters).").format(n=len(text)))

    def submit(self) -> None:
        passphrase = self.passphrase.text()
        problem = strength_problem(passphrase)
        if problem:
            self.error.setText(problem)
            self.passphrase.setFocus()
            return
        if passphrase != self.confirm.text():
            self.error.setText(self.tr("The two passphrases are different. Type them again."))
            self.confirm.clear()
            self.confirm.setFocus()
            return
        server = self.server.text().strip()
        if self.server_row_visible and not server.startswith(("https://", "http://")):
            self.error.setText(self.tr(
                "Enter the server address IT gave you, starting with https://"))
            self.server.setFocus()
            return
        self.error.setText(self.tr("Setting up encryption…"))
        self.create_button.setEnabled(False)
        self.context.run_in_worker(
            self._create, self.profile, passphrase, server, key="store",
            on_success=self._done, on_failure=self._failed, name="profile.create")

    def _create(self, profile: Profile, passphrase: str, server: str) -> Store:  # worker
        store = profile.create(passphrase)
        if server and not self.context.settings.pinned(SERVER_URL):
            self.context.settings.put(store, SERVER_URL, server)
        return store

    def _done(self, store: Store) -> None:
        self.passphrase.clear()
        self.confirm.clear()
        self.error.clear()
        self.create_button.setEnabled(True)
        self.created.emit(store)

    def _failed(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        info = describe(error)
        self.error.setText(f"{info.message} {info.next_step}")


class UnlockScreen(_Card):
    """Asks for the passphrase. Emits ``unlocked(store)``; wrong ones wait out a delay."""

    unlocked = Signal(object)
    #: The passphrase was submitted and the key is being derived (about a second).
    unlocking = Signal()

    def __init__(self, context: AppContext, profile: Profile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.profile = profile
        title = self.title = plain_label(selectable=False)
        make_heading(title)
        intro = self.intro = plain_label(selectable=False)
        self.passphrase = _password_field("")
        label = self.passphrase_label = QLabel()
        label.setBuddy(self.passphrase)
        form = QFormLayout()
        form.addRow(label, self.passphrase)
        self.message = plain_label(selectable=False)
        #: Only in the demo, whose passphrase the officer never chose.
        self.demo_hint = plain_label()
        self.demo_hint.hide()
        self._demo_passphrase = ""
        self.unlock_button = QPushButton()
        self.unlock_button.setDefault(True)
        self.retranslate()
        self.unlock_button.clicked.connect(self.submit)
        self.passphrase.returnPressed.connect(self.submit)
        self.column.addWidget(title)
        self.column.addWidget(intro)
        self.column.addLayout(form)
        self.column.addWidget(self.demo_hint)
        self.column.addWidget(self.message)
        self.column.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)
        self._remaining = 0.0
        self._deadline = 0.0
        self._busy = False
        self._wrong = False

    def retranslate(self) -> None:
        """Its texts in the language now installed (also after a switch in Settings)."""
        self.setAccessibleName(self.tr("Unlock Recourse"))
        self.title.setText(self.tr("Recourse is locked"))
        self.title.setAccessibleName(self.tr("Title"))
        self.intro.setText(self.tr("Enter your passphrase to open your data on this PC."))
        self.intro.setAccessibleName(self.tr("Introduction"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.message.setAccessibleName(self.tr("Unlock status"))
        self.demo_hint.setAccessibleName(self.tr("Demo passphrase"))
        self.demo_hint.setText(self.tr(
            "This is the demo. Its passphrase is: {passphrase}").format(
                passphrase=self._demo_passphrase))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))

    def show_demo_passphrase(self, passphrase: str) -> None:
        """The demo made its throw-away profile's passphrase itself: say what it is, so
        that a lock (Ctrl+L, or the idle timer) is not a dead end."""
        self._demo_passphrase = passphrase
        self.retranslate()
        self.demo_hint.show()

    def prepare(self) -> None:
        """Called each time the screen is shown: clear, focus, honour a pending delay."""
        self.passphrase.clear()
        self.passphrase.setFocus()
        self._wrong = False
        self.message.clear()
        delay = float(self.profile.retry_delay())
        if delay > 0:
            self._start_countdown(delay)

    def submit(self) -> None:
        if self._busy or self._remaining > 0 or not self.passphrase.text():
            return
        self._busy = True
        self.unlock_button.setEnabled(False)
        self.message.setText(self.tr("Unlocking…"))
        passphrase = self.passphrase.text()
        self.context.run_in_worker(self.profile.unlock, passphrase, key="store",
                                   on_success=self._done, on_failure=self._failed,
                                   name="profile.unlock")
        self.unlocking.emit()

    def _done(self, store: Store) -> None:
        self._busy = False
        self.passphrase.clear()
        self.message.clear()
        self.unlock_button.setEnabled(True)
        self.unlocked.emit(store)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.unlock_button.setEnabled(True)
        info = describe(error)
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        kind = type(error).__name__
        if kind in ("WrongPassphrase", "TooSoon"):
            self._wrong = self._wrong or kind == "WrongPassphrase"
            self.message.setText(self.tr("That passphrase is not right. Check Caps Lock "
                                         "and try again.") if kind == "WrongPassphrase"
                                 else self.tr("Wait until the button is ready, then try "
                                              "again."))
            delay = float(self.profile.retry_delay())
            if delay > 0:
                self._start_countdown(delay)
        else:
            self.message.setText(f"{info.message} {info.next_step}")

    def show_problem(self, info: OfficerMessage) -> None:
        """Say why the open store had to be closed (after `prepare`, which clears)."""
        self.message.setText(f"{info.message} {info.next_step}")

    def _start_countdown(self, seconds: float) -> None:
        # Against the clock, not by counting ticks: timers run late, and the profile
        # refuses an attempt made before its own delay is over.
        self._deadline = time.monotonic() + seconds + 0.05
        self._remaining = seconds
        self.unlock_button.setEnabled(False)
        self._countdown.start()
        self._tick(first=True)

    def _tick(self, first: bool = False) -> None:
        self._remaining = max(0.0, self._deadline - time.monotonic())
        if self._remaining <= 0:
            self._remaining = 0
            self._countdown.stop()
            self.unlock_button.setEnabled(True)
            self.unlock_button.setText(self.tr("&Unlock"))
            return
        self.unlock_button.setText(
            self.tr("Wait {s} s").format(s=math.ceil(self._remaining)))

    @property
    def waiting(self) -> bool:
        return self._remaining > 0

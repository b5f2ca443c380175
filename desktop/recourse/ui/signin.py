"""Sign-in: the system browser runs the OIDC flow while this screen waits with Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from recourse.ui.messages import describe
from recourse.ui.qt import make_heading

if TYPE_CHECKING:
    from recourse.ui.app import AppContext
    from recourse.ui.workers import Job, JobHandle

#: Signature of the work a sign-in runs on a worker thread: ``fn(handle)``; what it
#: returns is not used.
SignInWork = Callable[["JobHandle"], object]


class SignInScreen(QWidget):
    """Shown while the browser is open. Emits ``signed_in`` or ``cancelled``."""

    signed_in = Signal()
    cancelled = Signal()
    failed = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.tr("Signing in"))
        self.job: Job | None = None
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(self.tr("Finish signing in in your browser…"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAccessibleName(self.tr("Sign-in status"))
        make_heading(self.title)
        self.title.setWordWrap(True)
        self.detail = QLabel(self.tr(
            "Your browser has opened your force's sign-in page. When you have signed in "
            "there, come back here: Recourse continues by itself."))
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("Sign-in instructions"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName(self.tr("Waiting for the browser"))
        self.busy.setMaximumWidth(360)
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel sign-in"))
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.retry_button.setAccessibleName(self.tr("Try signing in again"))
        self.retry_button.hide()
        for w in (self.title, self.detail, self.busy):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.title.setMaximumWidth(560)
        self.detail.setMaximumWidth(560)
        self._work: SignInWork | None = None
        self.retry_button.clicked.connect(lambda: self._work and self.start(self._work))

    def start(self, work: SignInWork) -> Job:
        self._work = work
        self.title.setText(self.tr("Finish signing in in your browser…"))
        self.busy.show()
        self.retry_button.hide()
        self.cancel_button.setEnabled(True)
        self.job = self.context.run_in_worker(
            work, pass_job=True, key="signin", on_success=self._done,
            on_failure=self._failed, name="sign-in")
        return self.job

    def cancel(self) -> None:
        if self.job is not None and not self.job.done:
            self.job.cancel()
        self.job = None
        self.cancelled.emit()

    def _done(self, _result: object) -> None:
        if self.job is None:  # cancelled meanwhile
            return
        self.job = None
        self.signed_in.emit()

    def _failed(self, error: BaseException) -> None:
        if self.job is None:
            return
        self.job = None
        info = describe(error)
        self.busy.hide()
        self.title.setText(info.title)
        self.detail.setText(f"{info.message}\n\n{info.next_step}")
        self.retry_button.show()
        self.failed.emit(error)

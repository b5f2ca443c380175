"""Turning errors into words an officer can act on.

Core errors (`recourse.domain.errors.RecourseError` and the store's errors) carry ``message``
and, for network errors, ``next_step``; anything else is a bug and gets a generic
message while its traceback goes to the log without personal data (only the exception
type and the code locations, never its message or local values).
"""

from __future__ import annotations

import logging
import sys
import traceback
from dataclasses import dataclass
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt

from recourse.ui.qt import QT_TRANSLATE_NOOP

log = logging.getLogger("recourse")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


@dataclass(frozen=True)
class OfficerMessage:
    title: str
    message: str
    next_step: str
    kind: str  # the exception class name, for tests and logs
    expected: bool  # a known condition (network down…) rather than a bug


def describe(error: BaseException) -> OfficerMessage:
    """The message, next step and title to show for ``error``."""
    kind = type(error).__name__
    message = getattr(error, "message", None)
    next_step = getattr(error, "next_step", None)
    if isinstance(message, str) and message:
        titles = {
            "ServerUnreachable": _tr("Cannot reach the server"),
            "CertificateNotTrusted": _tr("The server's certificate is not trusted"),
            "SignedOut": _tr("You are signed out"),
            "ServerError": _tr("The server had a problem"),
            "ResponseInvalid": _tr("The server sent something unexpected"),
            "WrongPassphrase": _tr("Wrong passphrase"),
            "StoreDamaged": _tr("Your local data is damaged"),
            "StoredDataUnreadable": _tr("Some saved data could not be read"),
            "StoreUnavailable": _tr("Your local data cannot be opened"),
            "ProfileExists": _tr("Recourse is already set up here"),
            "UnsupportedSQLCipher": _tr("Encryption library not supported"),
        }
        defaults = {
            "ServerUnreachable": _tr(
                "Check your network connection and try again. Your saved data is still "
                "available."),
            "CertificateNotTrusted": _tr(
                "Contact your IT service desk; do not continue on this network."),
            "SignedOut": _tr("Sign in again to continue syncing. Your saved data is still "
                             "available."),
            "ServerError": _tr("Try again later. Your saved data is still available."),
            "ResponseInvalid": _tr("Try again later; if it keeps happening, contact your IT "
                                   "service desk. Nothing was changed on this PC."),
        }
        return OfficerMessage(
            title=titles.get(kind, _tr("Something went wrong")),
            message=message,
            next_step=next_step if isinstance(next_step, str) and next_step
            else defaults.get(kind, _tr("Try again. If it keeps happening, contact your IT "
                                        "service desk.")),
            kind=kind,
            expected=True,
        )
    if isinstance(error, TimeoutError | ConnectionError):
        return OfficerMessage(
            _tr("Cannot reach the server"),
            _tr("Recourse could not reach the server."),
            _tr("Check your network connection and try again. Your saved data is still "
                "available."),
            kind, True)
    return OfficerMessage(
        _tr("Something went wrong"),
        _tr("Recourse hit an unexpected problem. Nothing you saved has been lost."),
        _tr("Try again. If it keeps happening, restart Recourse and tell your IT service "
            "desk the time it happened."),
        kind, False)


def scrubbed_traceback(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The traceback's code locations and the exception type; no message, no values."""
    frames = traceback.extract_tb(tb)
    lines = [f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in frames]
    return "Traceback (most recent call last):\n" + "\n".join(lines) + f"\n{exc_type.__name__}"


def log_error(error: BaseException) -> None:
    log.error("%s\n%s", type(error).__name__,
              scrubbed_traceback(type(error), error.__traceback__))


def describe_and_log(error: BaseException) -> OfficerMessage:
    """`describe(error)`, logging its scrubbed traceback when it is a bug, not a known
    condition."""
    info = describe(error)
    if not info.expected:
        log_error(error)
    return info


def install_excepthook(show: bool = True) -> None:
    """Route uncaught exceptions to the log (scrubbed) and a generic message box."""

    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("uncaught %s", scrubbed_traceback(exc_type, tb))
        if show and not _showing:
            # One box at a time: an error raised again while a box's own event loop
            # paints (the same bug, each paint) is logged, never boxed inside the box.
            _showing.append(True)
            try:
                _show_box(exc)
            finally:
                _showing.clear()

    sys.excepthook = hook


_showing: list[bool] = []


def _show_box(exc: BaseException) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None:
        info = describe(exc)
        box = QMessageBox(QMessageBox.Icon.Critical, info.title, info.message)
        box.setInformativeText(info.next_step)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAccessibleName(info.title)
        box.exec()


# lupdate reads only calls that name their context, so the texts `_tr` translates
# above are listed for it here (tests/gui/test_shell_translations.py checks none is missing).
_CATALOGUE = (
    QT_TRANSLATE_NOOP("Messages", "Cannot reach the server"),
    QT_TRANSLATE_NOOP("Messages", "The server's certificate is not trusted"),
    QT_TRANSLATE_NOOP("Messages", "You are signed out"),
    QT_TRANSLATE_NOOP("Messages", "The server had a problem"),
    QT_TRANSLATE_NOOP("Messages", "The server sent something unexpected"),
    QT_TRANSLATE_NOOP("Messages", "Wrong passphrase"),
    QT_TRANSLATE_NOOP("Messages", "Your local data is damaged"),
    QT_TRANSLATE_NOOP("Messages", "Some saved data could not be read"),
    QT_TRANSLATE_NOOP("Messages", "Your local data cannot be opened"),
    QT_TRANSLATE_NOOP("Messages", "Recourse is already set up here"),
    QT_TRANSLATE_NOOP("Messages", "Encryption library not supported"),
    QT_TRANSLATE_NOOP("Messages",
                      "Check your network connection and try again. Your saved data"
                      " is still available."),
    QT_TRANSLATE_NOOP("Messages", "Contact your IT service desk; do not continue on this network."),
    QT_TRANSLATE_NOOP("Messages",
                      "Sign in again to continue syncing. Your saved data is still"
                      " available."),
    QT_TRANSLATE_NOOP("Messages", "Try again later. Your saved data is still available."),
    QT_TRANSLATE_NOOP("Messages",
                      "Try again later; if it keeps happening, contact your IT"
                      " service desk. Nothing was changed on this PC."),
    QT_TRANSLATE_NOOP("Messages", "Something went wrong"),
    QT_TRANSLATE_NOOP("Messages",
                      "Try again. If it keeps happening, restart Recourse and tell"
                      " your IT service desk the time it happened."),
    QT_TRANSLATE_NOOP("Messages",
                      "Try again. If it keeps happening, contact your IT service"
                      " desk."),
    QT_TRANSLATE_NOOP("Messages", "Recourse could not reach the server."),
    QT_TRANSLATE_NOOP("Messages",
                      "Recourse hit an unexpected problem. Nothing you saved has"
                      " been lost."),
)

"""Core errors become a message and a next step; bugs become a generic message."""

from __future__ import annotations

import logging
import sys

from recourse.api.errors import ServerUnreachable, SignedOut
from recourse.ui.messages import describe, install_excepthook


def test_core_errors_keep_message_and_next_step(qapp):
    info = describe(ServerUnreachable())
    assert info.expected and info.kind == "ServerUnreachable"
    assert info.message and info.next_step and "Traceback" not in info.message
    assert describe(SignedOut()).title


def test_bug_gets_generic_message_and_scrubbed_log(qapp, caplog, monkeypatch):
    info = describe(KeyError("officer NP4417"))
    assert not info.expected and "NP4417" not in info.message + info.next_step
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(show=False)
    try:
        raise ValueError("secret personal detail NP4417")
    except ValueError:
        with caplog.at_level(logging.ERROR, logger="recourse"):
            sys.excepthook(*sys.exc_info())
    assert "ValueError" in caplog.text
    assert "NP4417" not in caplog.text

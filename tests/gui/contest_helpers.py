"""Shared by the contest GUI tests: a real officer signed in to the real reference
server through the real login form, with a real encrypted profile synced once, and the
demo reviewer acting through the review API.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from tests.support.browser import browser_for

OFFICER = ("ci.okafor", "demo-okafor-2026")
REVIEWER = ("psd.clarke", "demo-clarke-2026")
PASSPHRASE = "correct horse battery staple 42"


@dataclass
class SignedIn:
    folder: Path
    store: Any
    api: Any

    def close(self) -> None:
        self.api.close()
        self.store.close()


def signed_in_officer(server: Any, folder: Path) -> SignedIn:
    from recourse.api import ServerConnection
    from recourse.store import MINIMUM_KDF, Profile
    from recourse.sync import SyncEngine

    store = Profile(folder, kdf=MINIMUM_KDF).create(PASSPHRASE)
    api = ServerConnection(server.url, store, browser=browser_for(*OFFICER))
    api.sign_in()
    SyncEngine(api, store).run()
    return SignedIn(folder, store, api)


def reopen(signed: SignedIn) -> Any:
    from recourse.store import MINIMUM_KDF, Profile

    return Profile(signed.folder, kdf=MINIMUM_KDF).unlock(PASSPHRASE)


def contest_store(signed: SignedIn) -> Any:
    """What the contest core keeps in the officer's encrypted store."""
    from recourse.store.contest import ContestStore

    return ContestStore(signed.store)


def signed_content(token: str) -> bytes:
    """The exact bytes a compact JWS signs (its payload)."""
    from recourse.protocol.jws import b64url_decode

    return b64url_decode(token.split(".")[1])


class Reviewer:
    """The demo Professional Standards reviewer, through the review API."""

    def __init__(self, server: Any) -> None:
        from tests.support.browser import sign_in

        self.url = server.url
        token = sign_in(server.url, *REVIEWER)["access_token"]
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {token}"

    def post(self, reference: str, action: str, body: dict[str, Any] | None = None) -> Any:
        response = self.http.post(
            f"{self.url}/v1/review/submissions/{reference}/{action}", json=body, timeout=30)
        assert response.status_code == 200, response.text
        return response.json()


def make_context(store: Any, api: Any, clock: Any = None) -> Any:
    from recourse.ui.app import AppContext
    from recourse.ui.settings_registry import Settings

    kwargs: dict[str, Any] = {}
    if clock is not None:
        kwargs["clock"] = clock
    return AppContext(settings=Settings(policy={}), store=store, api=api, **kwargs)


def trust_server_key(qtbot: Any, owner: Any) -> None:
    """Play the officer at the first-use fingerprint dialog: it must show; confirm it."""
    from PySide6.QtCore import Qt

    qtbot.waitUntil(lambda: owner.keys.dialog is not None and owner.keys.dialog.isVisible(),
                    timeout=30_000)
    dialog = owner.keys.dialog
    assert len(dialog.fingerprint.text().split()) == 16  # 16 groups of 4 hex digits
    qtbot.mouseClick(dialog.trust_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: owner.keys.is_ready, timeout=30_000)

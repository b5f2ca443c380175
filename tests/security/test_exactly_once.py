"""Exactly-once submission: a client killed (SIGKILL) after the server accepted its
submission and before it stored the receipt submits nothing twice.

The submit runs in a child process against the real server and the real store; the
child kills itself at the one moment that matters (the POST has returned, the receipt is
not yet stored) by wrapping `ContestService._accept`. After the crash the parent opens
the same store: the outbox entry is still `signed`, the draft still there;
`resume_outbox` sends it again with the same Idempotency-Key and bytes and gets the
byte-identical receipt, and the server holds one submission.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

OFFICER = ("pc.hughes", "demo-hughes-2026", "off-1042")
PASSPHRASE = "correct horse battery staple"


def child(profile_dir: str, server_url: str, draft_id: str) -> None:
    """Run in the child process: submit the draft, die right after the POST returns."""
    from recourse.api import ServerConnection
    from recourse.contest import ContestService
    from recourse.store import MINIMUM_KDF, Profile

    store = Profile(Path(profile_dir), kdf=MINIMUM_KDF).unlock(PASSPHRASE)
    api = ServerConnection(server_url, store)  # signed in: the tokens are in the store
    contest = ContestService(store, api)

    def die_before_storing(self, entry, accepted, *args):  # type: ignore[no-untyped-def]
        print(json.dumps({"receipt": accepted.receipt, "reference": accepted.reference}),
              flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

    ContestService._accept = die_before_storing  # type: ignore[method-assign]
    draft = contest.draft(draft_id)
    assert draft is not None
    contest.submit(contest.prepare(draft))
    raise AssertionError("the child should have been killed")


if __name__ == "__main__":
    _repo = str(Path(__file__).resolve().parents[2])
    sys.path.insert(0, _repo)
    child(*sys.argv[1:4])
    raise SystemExit(3)


from tests.support.browser import browser_for  # noqa: E402
from tests.support.server import RunningServer, start_server  # noqa: E402

from recourse.api import ServerConnection  # noqa: E402
from recourse.contest import ContestService, Draft  # noqa: E402
from recourse.protocol import contest_wire as cw  # noqa: E402
from recourse.store import MINIMUM_KDF, Profile  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with start_server(tmp_path_factory.mktemp("server"), only=[OFFICER[0]]) as running:
        yield running


def _open(profile: Path, server: RunningServer, *, create: bool) -> tuple:  # type: ignore[type-arg]
    open_url = browser_for(OFFICER[0], OFFICER[1])

    profiles = Profile(profile, kdf=MINIMUM_KDF)
    store = profiles.create(PASSPHRASE) if create else profiles.unlock(PASSPHRASE)
    api = ServerConnection(server.url, store, browser=open_url)
    if create:
        api.sign_in()
    return store, api, ContestService(store, api)


def _server_references(api: ServerConnection) -> list[str]:
    listed = api.request_json("GET", f"/v1/officers/{OFFICER[2]}/submissions",
                              model=cw.SubmissionList)
    return [s.reference for s in listed.submissions]


def test_a_crash_after_sending_never_submits_twice(tmp_path: Path,
                                                    server: RunningServer) -> None:
    profile = tmp_path / "profile"
    store, api, contest = _open(profile, server, create=True)
    contest.ensure_signing_key(device_label="Test PC")
    flags, _ = api.flags(OFFICER[2])
    assert flags is not None
    draft = Draft(kind="challenge", flag_id=flags.flags[0].id, grounds=["context"],
                  statement="Exactly once, please.")
    contest.save_draft(draft)
    contest.attach(draft.id, "note.txt", "text/plain", b"a note")
    store.close()
    api.close()

    crashed = subprocess.run(
        [sys.executable, __file__, str(profile), server.url, draft.id],
        capture_output=True, text=True, timeout=120,
    )
    assert crashed.returncode == -signal.SIGKILL, crashed.stdout + crashed.stderr
    first = json.loads(crashed.stdout.strip().splitlines()[-1])

    store, api, contest = _open(profile, server, create=False)
    try:
        [pending] = contest.submissions()
        assert pending.state == "signed" and pending.receipt is None
        assert [d.id for d in contest.drafts()] == [draft.id]
        assert len(_server_references(api)) == 1

        [resumed] = contest.resume_outbox()
        assert resumed.state == "received" and resumed.receipt is not None
        assert resumed.receipt.token == first["receipt"]  # byte-identical
        assert resumed.reference == first["reference"]
        assert contest.drafts() == []
        assert contest.resume_outbox() == []  # nothing left to send

        # The server still holds exactly one submission, and a further replay of the same
        # key and bytes gets the same receipt again, not a second case.
        assert _server_references(api) == [first["reference"]]
        again = api.request_json(
            "POST", "/v1/submissions", json={"submission": pending.token},
            idempotency_key=pending.idempotency_key, model=cw.SubmissionAccepted,
        )
        assert again.receipt == first["receipt"]
        assert len(_server_references(api)) == 1
    finally:
        store.close()
        api.close()

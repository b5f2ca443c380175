"""Contesting end to end: the real reference server on loopback, the real OIDC sign-in,
the real SQLCipher store, the real client core (`recourse.contest`).

An officer drafts, reads the exact bytes, signs and submits a challenge; the receipt is
verified with the pinned key; a reviewer (demo account, through the API) gives an
outcome; the officer's next refresh shows the flag's new status. The same for a SAR
through to its verified response package, checked for completeness. The evidence
bundle is checked by `recourse verify` in a subprocess and, independently, with
nothing but the `cryptography` package.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from tests.support.browser import browser_for
from tests.support.browser import sign_in as tokens_for
from tests.support.server import RunningServer, start_server

from recourse.api import ServerConnection
from recourse.contest import (
    ContestService,
    Draft,
    ReceiptInvalid,
    ServerKeyChanged,
    check_completeness,
)
from recourse.domain.deadlines import due_date
from recourse.domain.letters import chaser_letter
from recourse.protocol import contest_wire as cw
from recourse.store import MINIMUM_KDF, Profile, Store

OFFICER = ("pc.hughes", "demo-hughes-2026", "off-1042")
REVIEWER = ("psd.clarke", "demo-clarke-2026")
PASSPHRASE = "correct horse battery staple"


# --- helpers ---------------------------------------------------------------------------


@dataclass
class Client:
    store: Store
    api: ServerConnection
    contest: ContestService

    def close(self) -> None:
        self.api.close()
        self.store.close()


def new_client(folder: Path, server: RunningServer, account: tuple[str, str, str] = OFFICER,
               **options: Any) -> Client:
    store = Profile(folder, kdf=MINIMUM_KDF).create(PASSPHRASE)
    api = ServerConnection(server.url, store, browser=browser_for(account[0], account[1]))
    api.sign_in()
    contest = ContestService(store, api, **options)
    contest.ensure_signing_key(device_label="Test PC")
    return Client(store, api, contest)


class Reviewer:
    """The demo Professional Standards reviewer, through the API."""

    def __init__(self, server: RunningServer) -> None:
        self.url = server.url
        token = tokens_for(server.url, *REVIEWER)["access_token"]
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {token}"

    def post(self, reference: str, action: str, body: dict[str, Any] | None = None) -> Any:
        response = self.http.post(
            f"{self.url}/v1/review/submissions/{reference}/{action}", json=body, timeout=30
        )
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with start_server(tmp_path_factory.mktemp("server"), only=[OFFICER[0]]) as running:
        yield running


@pytest.fixture
def client(tmp_path: Path, server: RunningServer) -> Iterator[Client]:
    made = new_client(tmp_path / "profile", server)
    yield made
    made.close()


def b64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def independent_verify(token: str, jwk: dict[str, Any]) -> dict[str, Any]:
    """Only `cryptography`: split the compact JWS, decode, check the Ed25519 signature."""
    header, payload, signature = token.split(".")
    assert json.loads(b64(header))["alg"] == "EdDSA"
    key = Ed25519PublicKey.from_public_bytes(b64(jwk["x"]))
    key.verify(b64(signature), f"{header}.{payload}".encode("ascii"))  # raises if forged
    result: dict[str, Any] = json.loads(b64(payload))
    return result


def open_flag(client: Client) -> str:
    flags, _ = client.api.flags(OFFICER[2])
    assert flags is not None
    candidates = [f for f in flags.flags if f.status == "open"]
    assert candidates, "the demo officer has an open flag to challenge"
    return candidates[0].id


# --- the tests ------------------------------------------------------------------------------


def test_a_challenge_from_draft_to_outcome(client: Client, server: RunningServer,
                                           tmp_path: Path) -> None:
    contest = client.contest
    flag_id = open_flag(client)
    draft = Draft(kind="challenge", flag_id=flag_id)
    contest.save_draft(draft)
    draft.grounds = ["rectification", "context"]
    draft.statement = "I was on an authorised rest day; see the attached duty sheet. Zoë"
    contest.save_draft(draft)
    sheet = b"%PDF-1.4 duty sheet for 12 March\n"
    contest.attach(draft.id, "duty-sheet.pdf", "application/pdf", sheet)
    assert [d.statement for d in contest.drafts()] == [draft.statement]

    prepared = contest.prepare(contest.draft(draft.id) or draft)
    shown = json.loads(prepared.text)
    assert shown["target"] == flag_id and shown["statement"].endswith("Zoë")
    assert shown["attachments"][0]["sha256"] == hashlib.sha256(sheet).hexdigest()

    record = contest.submit(prepared)
    assert record.state == "received" and record.receipt is not None
    # What was signed is exactly what the officer was shown.
    assert b64(record.token.split(".")[1]) == prepared.canonical
    assert record.receipt.due_date == due_date(record.receipt.received_at.date())
    assert contest.drafts() == []  # the draft is gone once the receipt is kept

    reference = record.receipt.reference
    [listed] = contest.refresh_submissions()
    assert listed.status is not None and listed.status.state == "submitted"
    assert client.store.flag(flag_id).status == "under_review"
    assert listed.days_left(datetime.now(UTC).date()) is not None
    assert listed.deadline_state(datetime.now(UTC).date()) in ("ok", "due_soon")

    reviewer = Reviewer(server)
    reviewer.post(reference, "acknowledge")
    reviewer.post(reference, "outcome", {
        "outcome": "upheld", "reasons": "The rest day was authorised; the flag was wrong.",
        "flag_status": "withdrawn"})

    [decided] = contest.refresh_submissions()
    assert decided.status is not None and decided.status.state == "outcome"
    assert decided.status.outcome == "upheld"
    assert client.store.flag(flag_id).status == "withdrawn"

    # The evidence bundle, checked by `recourse verify` in another process...
    path = contest.export_bundle(reference, tmp_path / "evidence.zip")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    verify = subprocess.run([sys.executable, "-m", "recourse", "verify", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "The bundle checks out." in verify.stdout
    assert reference in verify.stdout and "Not proven" in verify.stdout
    assert "registered to officer off-1042" in verify.stdout

    # ...and independently, with nothing but `cryptography`.
    files = zipfile.ZipFile(path).read
    officer_jwk = json.loads(files("keys/officer.jwk.json"))
    force_jwk = json.loads(files("keys/force.jwk.json"))
    submission_token = files("submission.jws").decode("ascii")
    signed = independent_verify(submission_token, officer_jwk)
    receipt = independent_verify(files("receipt.jws").decode("ascii"), force_jwk)
    key_record = independent_verify(files("keys/officer-record.jws").decode("ascii"), force_jwk)
    assert signed["target"] == flag_id and signed["officer_id"] == OFFICER[2]
    assert receipt["submission_sha256"] == hashlib.sha256(
        submission_token.encode("ascii")).hexdigest()
    assert receipt["reference"] == reference
    assert key_record["key_id"] == signed["key_id"] == officer_jwk["kid"]
    assert files("attachments/duty-sheet.pdf") == sheet
    assert files("summary.pdf").startswith(b"%PDF")

    # A tampered bundle: one byte of the signed statement changed.
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(path) as original, zipfile.ZipFile(tampered, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "submission.jws":
                head, payload, sig = data.decode().split(".")
                changed = b64(payload).replace(b"rest day", b"rest dax")
                payload = base64.urlsafe_b64encode(changed).rstrip(b"=").decode()
                data = f"{head}.{payload}.{sig}".encode()
            copy.writestr(info, data)
    verify = subprocess.run([sys.executable, "-m", "recourse", "verify", str(tampered)],
                            capture_output=True, text=True, timeout=60)
    assert verify.returncode == 1
    assert "does NOT check out" in verify.stdout
    assert "signature does not match" in verify.stdout


def test_a_sar_through_to_its_verified_response(client: Client, server: RunningServer) -> None:
    contest = client.contest
    draft = Draft(kind="sar", sar_items=["copy", "purposes", "categories", "recipients",
                                         "retention", "rights", "complaint", "source",
                                         "automated_logic"],
                  sar_categories=["absences", "building_access"])
    contest.save_draft(draft)
    record = contest.submit(contest.prepare(draft))
    assert record.state == "received" and record.receipt is not None
    reference = record.receipt.reference

    statuses = {r.reference: r for r in contest.refresh_submissions()}
    assert statuses[reference].status is not None
    assert not statuses[reference].status.response_available

    # The force asks for clarification (the clock pauses), the officer answers, the
    # force extends: the request is then "extended", not overdue.
    reviewer = Reviewer(server)
    reviewer.post(reference, "clarify", {"note": "Which building do you mean?"})
    asked = {r.reference: r for r in contest.refresh_submissions()}[reference].status
    assert asked.state == "clarification_requested"
    assert asked.clarification_request == "Which building do you mean?"
    answered = contest.answer_clarification(reference, "Kirkgate, all doors.")
    assert answered.state == "received" and answered.receipt is not None
    assert answered.receipt.kind == "clarification"
    resumed = contest.submission(reference)
    assert resumed.status.state == "acknowledged"
    assert answered.receipt.due_date == resumed.current_due_date()
    assert [a.id for a in contest.answers_to(reference)] == [answered.id]
    assert answered.id not in {r.id for r in contest.submissions()}
    reviewer.post(reference, "extend", {"reasons": "Several systems must be searched."})
    extended = {r.reference: r for r in contest.refresh_submissions()}[reference]
    assert extended.status.extended_due_date is not None
    assert extended.current_due_date() == extended.status.extended_due_date
    assert extended.deadline_state(datetime.now(UTC).date()) == "extended"

    reviewer.post(reference, "fulfil")
    statuses = {r.reference: r for r in contest.refresh_submissions()}
    assert statuses[reference].status.response_available

    result = contest.fetch_sar_response(reference)
    package = result.package
    assert package.reference == reference and package.officer_id == OFFICER[2]
    assert set(package.records_by_category) <= {"absences", "building_access"}
    assert check_completeness(package) == []
    assert contest.sar_response(reference) is not None  # kept, re-verified on read

    # A response that leaves items out is caught, and the chaser asks for exactly them.
    thin = package.model_copy(update={"art15": cw.Art15Answer(
        purposes=package.art15.purposes, categories=package.art15.categories)})
    missing = check_completeness(thin)
    assert [m.code for m in missing] == ["recipients", "retention", "rights", "complaint",
                                         "source", "automated_logic"]
    letter = chaser_letter(missing, reference=reference, officer_name="Rhys Hughes",
                           force_number="NP4417", today=datetime.now(UTC).date())
    assert "Art. 15(1)(c)" in letter and "Art. 15(1)(h)" in letter
    assert "Art. 15(1)(a)" not in letter


def test_a_changed_server_key_is_refused_loudly(client: Client, server: RunningServer) -> None:
    contest = client.contest
    # Simulate what a changed force key looks like from this PC: the pin names another key.
    pin = contest.contest.server_pin()
    assert pin is not None
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from recourse.protocol.jws import key_id, public_jwk

    other = Ed25519PrivateKey.generate().public_key()
    contest.contest.pin_server(key_id(other), public_jwk(other), "first_use")
    draft = Draft(kind="sar")
    contest.save_draft(draft)
    prepared = contest.prepare(draft)
    with pytest.raises(ServerKeyChanged) as refused:
        contest.submit(prepared)
    assert "has changed" in refused.value.message
    assert "Do not submit" in refused.value.next_step
    assert "Federation representative" in refused.value.next_step
    with pytest.raises(ServerKeyChanged):
        contest.pin_server_key()
    assert contest.contest.entries() == []  # nothing was signed or sent
    assert [d.id for d in contest.drafts()] == [draft.id]


def test_a_configured_key_must_match(tmp_path: Path, server: RunningServer) -> None:
    key = cw.ServerKey.model_validate(requests.get(server.url + "/v1/server-key",
                                                   timeout=10).json())
    made = new_client(tmp_path / "a", server, configured_server_key=key.fingerprint.lower())
    try:
        assert made.contest.pin_server_key().source == "configured"
    finally:
        made.close()
    from recourse.contest import ServerKeyMismatch

    with pytest.raises(ServerKeyMismatch):
        new_client(tmp_path / "b", server, configured_server_key="AB12 " * 16)


def test_one_byte_changed_in_a_receipt_is_refused(client: Client) -> None:
    """The real server never sends a bad receipt, so this fault is injected in the one
    place it could arise: the transport's answer to POST /v1/submissions."""
    contest = client.contest
    session = client.api._session
    original_send = session.send

    def altering_send(request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        response = original_send(request, **kwargs)
        if request.method == "POST" and request.path_url == "/v1/submissions":
            body = json.loads(response.content)
            head, payload, sig = body["receipt"].split(".")
            raw = bytearray(b64(payload))
            raw[raw.index(b'"due_date":"') + 13] ^= 0x01  # one digit of the due date
            body["receipt"] = ".".join(
                [head, base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode(), sig])
            data = json.dumps(body).encode()
            response._content = data  # served from here by iter_content, as if received
            response.headers.pop("Content-Encoding", None)
            response.headers["Content-Length"] = str(len(data))
        return response

    session.send = altering_send  # type: ignore[method-assign]
    draft = Draft(kind="sar")
    contest.save_draft(draft)
    try:
        with pytest.raises(ReceiptInvalid) as refused:
            contest.submit(contest.prepare(draft))
    finally:
        session.send = original_send  # type: ignore[method-assign]
    assert "does not prove" in refused.value.message
    [entry] = contest.submissions()
    assert entry.state == "signed" and entry.receipt is None  # nothing shown as received
    assert contest.contest.receipt(entry.id) is None
    assert [d.id for d in contest.drafts()] == [draft.id]

    # The genuine receipt, fetched again with the same Idempotency-Key, is accepted.
    [resumed] = contest.resume_outbox()
    assert resumed.state == "received" and resumed.receipt is not None
    assert contest.drafts() == []

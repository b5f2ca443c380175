"""A key record from the server that does not check out is refused; an overdue request's
chaser letter (PDF) names the reference, the day the force received it and the due date.

The server is the real reference server. A tampered key record is a fault the real
server cannot be made to produce, so the answer to `POST /v1/keys` is altered between
the real API client and the contest core (the key IS registered on the server; the
client must still refuse to treat it as registered).

No PDF text extractor is installed (no pypdf in the dev extras), so the letter is read
back by inflating its content streams and collecting the strings its text operators
show, with the letter forced onto a core font (as without DejaVu) so that the strings
are plain Latin-1 rather than glyph ids.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from tests.support.pdf_text import pdf_strings

from recourse.api import ServerConnection
from recourse.contest import ContestService, Draft, KeyRecordInvalid
from recourse.documents import pdf as letters
from recourse.protocol import contest_wire as cw
from recourse.protocol.canonical import canonical_json
from recourse.protocol.jws import b64url_decode, b64url_encode, key_id, sign_compact

OFFICER = ("pc.hughes", "demo-hughes-2026", "off-1042")  # the hughes_* fixtures


class AlteredKeyRecords:
    """The real API client, except that the force's key records come back altered."""

    def __init__(self, api: ServerConnection, alter: Callable[[cw.KeyRecord], cw.KeyRecord]):
        self._api = api
        self._alter = alter

    def __getattr__(self, name: str) -> Any:
        return getattr(self._api, name)

    def register_key(self, registration: cw.KeyRegistration) -> cw.KeyRecord:
        return self._alter(self._api.register_key(registration))

    def keys(self) -> cw.KeyList:
        return cw.KeyList(keys=[self._alter(k) for k in self._api.keys().keys])


def changed_label(record: cw.KeyRecord) -> cw.KeyRecord:
    return record.model_copy(update={"device_label": "A PC the officer never used"})


def changed_signed_officer(record: cw.KeyRecord) -> cw.KeyRecord:
    """The signed record itself altered: it now claims another officer's key."""
    header, payload, signature = record.record.split(".")
    content = b64url_decode(payload).replace(OFFICER[2].encode(), b"off-9999")
    return record.model_copy(update={
        "record": f"{header}.{b64url_encode(content)}.{signature}"})


def signed_by_another_key(record: cw.KeyRecord) -> cw.KeyRecord:
    other = Ed25519PrivateKey.generate()
    content = cw.key_record_content(
        key_id=record.key_id, officer_id=record.officer_id, public_jwk=record.public_jwk,
        device_label=record.device_label, registered_at=record.registered_at,
        revoked_at=record.revoked_at)
    forged = sign_compact(canonical_json(content), other, key_id(other.public_key()),
                          cw.KEY_RECORD_TYP)
    return record.model_copy(update={"record": forged})


def forged_with_the_server_kid(record: cw.KeyRecord) -> cw.KeyRecord:
    """Signed by another key that claims to be the force's key (its kid in the header)."""
    other = Ed25519PrivateKey.generate()
    header = record.record.split(".")[0]
    server_kid = json.loads(b64url_decode(header))["kid"]
    content = canonical_json(cw.key_record_content(
        key_id=record.key_id, officer_id=record.officer_id, public_jwk=record.public_jwk,
        device_label=record.device_label, registered_at=record.registered_at,
        revoked_at=record.revoked_at))
    return record.model_copy(update={
        "record": sign_compact(content, other, server_kid, cw.KEY_RECORD_TYP)})


@pytest.mark.parametrize(("alter", "reason"), [
    (changed_label, "what the force signed differs from what it sent"),
    (changed_signed_officer, "the signature does not match"),
    (signed_by_another_key, "signed with a different key from the one on record"),
    (forged_with_the_server_kid, "the signature does not match"),
])
def test_a_tampered_key_record_is_refused_and_the_key_not_marked_registered(
    hughes_client: Any, alter: Callable[[cw.KeyRecord], cw.KeyRecord], reason: str
) -> None:
    store, api = hughes_client
    contest = ContestService(store, AlteredKeyRecords(api, alter))
    with pytest.raises(KeyRecordInvalid) as refused:
        contest.ensure_signing_key(device_label="Kirkgate PC")
    message = refused.value.message
    assert message.startswith("The force's record of your signing key could not be checked")
    assert reason in message.lower()
    assert "Nothing was changed" in refused.value.next_step
    assert contest.contest.active_key() is None  # not registered, cannot sign
    made = contest.contest.unregistered_key()
    assert made is not None and made.record is None and made.officer_id is None
    with pytest.raises(Exception, match="no signing key"):
        contest.prepare(Draft(kind="sar"))

    # With the force's real answer, the same key is registered (and only then).
    record = ContestService(store, api).ensure_signing_key()
    assert record.key_id == made.key_id
    assert contest.contest.active_key().record == record.record


# --- the chaser letter for an overdue request ------------------------------------------


def long_day(day: Any) -> str:
    return f"{day.day} {day:%B %Y}"


def test_an_overdue_sar_gets_a_chaser_letter_naming_reference_and_dates(
    hughes_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, api = hughes_client
    contest = ContestService(store, api)
    contest.ensure_signing_key()
    draft = Draft(kind="sar", sar_items=["copy", "automated_logic"])
    contest.save_draft(draft)
    record = contest.submit(contest.prepare(draft))
    receipt = record.receipt
    overdue_day = receipt.due_date + timedelta(days=9)
    assert record.deadline_state(overdue_day) == "overdue"

    text = record.overdue_letter(overdue_day, officer_name="Sam Hughes",
                                 force_number="NP1042")
    assert f"Subject access request {receipt.reference} - response overdue" in text
    assert "is now 9 days late" in text

    monkeypatch.setattr(letters, "REGULAR_FONT", "missing-DejaVuSans.ttf")
    pdf = contest.overdue_letter_pdf(receipt.reference, overdue_day,
                                     officer_name="Sam Hughes", force_number="NP1042")
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    shown = pdf_strings(pdf)
    assert receipt.reference in shown
    assert f"You received my subject access request on {long_day(receipt.received_at)}" \
        in shown
    assert f"Your response was due by {long_day(receipt.due_date)}" in shown
    assert "Sam Hughes" in shown and "Force number NP1042" in shown
    # The unicode (DejaVu) letter is made too, and differs only in its font.
    monkeypatch.undo()
    assert contest.overdue_letter_pdf(receipt.reference, overdue_day).startswith(b"%PDF-")

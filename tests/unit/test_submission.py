"""Signed submissions: build, sign, verify; forgery, replay, staleness, foreign keys."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from recourse.domain.contest import ART15_ITEMS, GROUNDS, SAR_FORMATS, art15_item, ground
from recourse.protocol.canonical import canonical_json
from recourse.protocol.jws import (
    KeyMismatch,
    SignatureInvalid,
    UnexpectedType,
    b64url_decode,
    b64url_encode,
    key_id,
    sign_compact,
    verify_compact,
)
from recourse.protocol.submission import (
    ART15_ITEM_CODES,
    GROUND_CODES,
    SAR_FORMAT_CODES,
    SUBMISSION_TYP,
    NotCanonical,
    SubmissionFromFuture,
    SubmissionInvalid,
    SubmissionReplayed,
    SubmissionStale,
    attachment_entry,
    build_submission,
    format_utc,
    parse_utc,
    sar_target,
    sign_submission,
    verify_submission,
)

OFFICER = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
OFFICER_KID = key_id(OFFICER.public_key())
COLLEAGUE = Ed25519PrivateKey.from_private_bytes(bytes(range(2, 34)))
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


class Nonces:
    """What the server keeps: a set, checked and recorded in one step."""

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.calls = 0

    def __call__(self, nonce: str) -> bool:
        self.calls += 1
        before = nonce in self.seen
        self.seen.add(nonce)
        return before


def _challenge(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "officer_id": "officer-0042",
        "key_id": OFFICER_KID,
        "kind": "challenge",
        "target": "flag-hybrid-0007",
        "grounds": ["rectification", "context"],
        "statement": "Those days were annual leave — see my roster.",
        "disputed_record_ids": ["absence-12", "roster-99"],
        "attachments": [attachment_entry("leave-form.pdf", "application/pdf", b"%PDF-1.7 x")],
        "created_at": NOW - timedelta(minutes=3),
    }
    fields.update(overrides)
    return build_submission(**fields)


def _verify(token: str, nonces: Nonces | None = None, **kw: Any) -> dict[str, Any]:
    return verify_submission(
        token, OFFICER.public_key(), now=NOW, seen_nonces=nonces or Nonces(), **kw
    )


def test_wire_codes_match_domain_names() -> None:
    # protocol and domain may not import each other; this keeps their codes in step.
    assert tuple(GROUNDS) == GROUND_CODES
    assert tuple(ART15_ITEMS) == ART15_ITEM_CODES
    assert tuple(SAR_FORMATS) == SAR_FORMAT_CODES
    assert ground("rectification").law == "UK GDPR Art. 16"
    assert ground("restriction").law == "UK GDPR Art. 18(1)(a)"
    assert "22A" in ground("automated_decision").law
    assert art15_item("automated_logic").law.endswith("15(1)(h)")
    for code in GROUND_CODES:
        assert ground(code).title and ground(code).right
    with pytest.raises(ValueError, match="Unknown ground 'vibes'"):
        ground("vibes")
    with pytest.raises(ValueError, match=r"Unknown Art\. 15 item"):
        art15_item("everything")


def test_challenge_round_trip() -> None:
    payload = _challenge()
    assert payload["created_at"] == "2026-03-02T09:57:00Z"
    assert len(payload["nonce"]) == 22 and len(b64url_decode(payload["nonce"])) == 16
    token = sign_submission(payload, OFFICER)
    verified = verify_compact(token, OFFICER.public_key())
    assert dict(verified.header) == {"alg": "EdDSA", "kid": OFFICER_KID, "typ": SUBMISSION_TYP}
    assert verified.payload_bytes == canonical_json(payload)
    nonces = Nonces()
    assert _verify(token, nonces, expected_officer_id="officer-0042") == payload
    assert nonces.seen == {payload["nonce"]}


def test_fresh_nonce_each_time() -> None:
    assert _challenge()["nonce"] != _challenge()["nonce"]


def test_sar_round_trip() -> None:
    target = sar_target(
        items=["copy", "automated_logic", "source"],
        categories=["location_pings", "logins"],
        date_from=date(2025, 1, 1),
        date_to=date(2025, 12, 31),
    )
    payload = build_submission(
        officer_id="officer-0042",
        key_id=OFFICER_KID,
        kind="sar",
        target=target,
        created_at=NOW,
        statement="Please include the off-duty location data.",
    )
    assert payload["target"] == {
        "categories": ["location_pings", "logins"],
        "date_range": {"from": "2025-01-01", "to": "2025-12-31"},
        "items": ["copy", "automated_logic", "source"],
        "format": "electronic",
    }
    assert _verify(sign_submission(payload, OFFICER)) == payload
    everything = build_submission(
        officer_id="officer-0042",
        key_id=OFFICER_KID,
        kind="sar",
        target=sar_target(),
        created_at=NOW,
    )
    assert everything["target"]["categories"] == "all"
    assert everything["target"]["items"] == list(ART15_ITEM_CODES)


@pytest.mark.parametrize(
    ("overrides", "words"),
    [
        ({"grounds": []}, "at least one ground"),
        ({"grounds": ["vibes"]}, "grounds.0"),
        ({"grounds": ["context", "context"]}, "twice"),
        ({"target": {"categories": "all"}}, "target"),
        ({"officer_id": "officer 42"}, "officer_id"),
        ({"statement": "x" * 20_001}, "statement"),
        ({"disputed_record_ids": ["a", "a"]}, "same record twice"),
        ({"attachments": [attachment_entry("../etc/passwd", "text/plain", b"")]}, "folders"),
        ({"attachments": [attachment_entry("a\x00.txt", "text/plain", b"")]}, "control"),
        (
            {
                "attachments": [
                    attachment_entry("A.txt", "text/plain", b""),
                    attachment_entry("a.TXT", "text/plain", b"1"),
                ]
            },
            "same name",
        ),
        ({"attachments": [{**attachment_entry("a.txt", "text/plain", b""), "size": "0"}]}, "size"),
        ({"attachments": [attachment_entry("a.txt", "Text/Plain", b"")]}, "media_type"),
        ({"nonce": "short"}, "nonce"),
        ({"key_id": "not-a-thumbprint"}, "key_id"),
        ({"kind": "appeal"}, "kind"),
    ],
)
def test_invalid_payloads_are_refused_in_words(overrides: dict[str, Any], words: str) -> None:
    with pytest.raises(SubmissionInvalid, match=words) as info:
        _challenge(**overrides)
    assert str(info.value).startswith("The submission is not complete or not valid")


def test_sar_shape_is_checked() -> None:
    with pytest.raises(SubmissionInvalid, match="no grounds"):
        build_submission(
            officer_id="o1",
            key_id=OFFICER_KID,
            kind="sar",
            target=sar_target(),
            grounds=["objection"],
            created_at=NOW,
        )
    with pytest.raises(SubmissionInvalid, match="starts after it ends"):
        sar_target_payload = sar_target(date_from=date(2026, 2, 1), date_to=date(2026, 1, 1))
        build_submission(
            officer_id="o1",
            key_id=OFFICER_KID,
            kind="sar",
            target=sar_target_payload,
            created_at=NOW,
        )
    with pytest.raises(SubmissionInvalid, match="both"):
        sar_target(date_from=date(2026, 1, 1))
    with pytest.raises(SubmissionInvalid, match="categories"):
        build_submission(
            officer_id="o1",
            key_id=OFFICER_KID,
            kind="sar",
            target=sar_target(categories=["pings"]),
            created_at=NOW,
        )
    with pytest.raises(SubmissionInvalid, match="target"):
        build_submission(
            officer_id="o1",
            key_id=OFFICER_KID,
            kind="challenge",
            target=sar_target(),
            grounds=["context"],
            created_at=NOW,
        )


def test_time_format() -> None:
    assert format_utc(datetime(2026, 3, 1, 9, 30, 5, 999, tzinfo=UTC)) == "2026-03-01T09:30:05Z"
    local = datetime(2026, 7, 1, 10, 0, tzinfo=__import__("zoneinfo").ZoneInfo("Europe/London"))
    assert format_utc(local) == "2026-07-01T09:00:00Z"
    with pytest.raises(ValueError, match="time zone"):
        format_utc(datetime(2026, 3, 1, 9, 30))
    assert parse_utc("2026-03-01T09:30:00Z") == datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    for bad in ("2026-03-01T09:30:00+00:00", "2026-03-01 09:30:00Z", "2026-02-30T09:30:00Z"):
        with pytest.raises(ValueError, match="not a UTC time"):
            parse_utc(bad)


def test_sign_refuses_a_payload_naming_another_key() -> None:
    payload = _challenge(key_id=key_id(COLLEAGUE.public_key()))
    with pytest.raises(KeyMismatch):
        sign_submission(payload, OFFICER)


def test_replayed_nonce_is_refused() -> None:
    nonces = Nonces()
    token = sign_submission(_challenge(), OFFICER)
    _verify(token, nonces)
    with pytest.raises(SubmissionReplayed, match="received before"):
        _verify(token, nonces)
    # A new submission re-using the old nonce is a replay too.
    again = sign_submission(_challenge(nonce=next(iter(nonces.seen))), OFFICER)
    with pytest.raises(SubmissionReplayed):
        _verify(again, nonces)


def test_forgeries_do_not_burn_nonces() -> None:
    nonces = Nonces()
    token = sign_submission(_challenge(), OFFICER)
    header, payload, _ = token.split(".")
    with pytest.raises(SignatureInvalid):
        _verify(f"{header}.{payload}.{b64url_encode(bytes(64))}", nonces)
    assert nonces.calls == 0
    assert _verify(token, nonces)


def test_stale_and_future_submissions() -> None:
    old = sign_submission(_challenge(created_at=NOW - timedelta(hours=24, seconds=1)), OFFICER)
    with pytest.raises(SubmissionStale, match="more than 24 hours ago"):
        _verify(old)
    edge = sign_submission(_challenge(created_at=NOW - timedelta(hours=24)), OFFICER)
    assert _verify(edge)
    ahead = sign_submission(_challenge(created_at=NOW + timedelta(minutes=5, seconds=1)), OFFICER)
    with pytest.raises(SubmissionFromFuture, match="clock"):
        _verify(ahead)
    skewed = sign_submission(_challenge(created_at=NOW + timedelta(minutes=4)), OFFICER)
    assert _verify(skewed)
    with pytest.raises(SubmissionStale, match="90 seconds"):
        _verify(sign_submission(_challenge(), OFFICER), max_age=timedelta(seconds=90))
    with pytest.raises(SubmissionStale, match="more than 1 minute ago"):
        _verify(sign_submission(_challenge(), OFFICER), max_age=timedelta(minutes=1))


def test_foreign_key_is_refused() -> None:
    # Signed by a colleague with their own key: the server checks against the officer's.
    colleague_payload = _challenge(key_id=key_id(COLLEAGUE.public_key()))
    token = sign_submission(colleague_payload, COLLEAGUE)
    with pytest.raises(KeyMismatch, match="different key"):
        _verify(token)
    # Colleague's key, but claiming the officer's kid: the signature fails.
    forged = sign_compact(canonical_json(_challenge()), COLLEAGUE, OFFICER_KID, SUBMISSION_TYP)
    with pytest.raises(SignatureInvalid):
        _verify(forged)
    # The officer's key, for someone else's officer id.
    with pytest.raises(KeyMismatch, match="officer-0042"):
        _verify(sign_submission(_challenge(), OFFICER), expected_officer_id="officer-0099")


def test_payload_key_id_must_match_header() -> None:
    payload = _challenge(key_id=key_id(COLLEAGUE.public_key()))
    token = sign_compact(canonical_json(payload), OFFICER, OFFICER_KID, SUBMISSION_TYP)
    with pytest.raises(KeyMismatch, match="names a different key"):
        _verify(token)


def test_non_canonical_payload_is_refused() -> None:
    payload = _challenge()
    pretty = json.dumps(payload, indent=2).encode()
    token = sign_compact(pretty, OFFICER, OFFICER_KID, SUBMISSION_TYP)
    with pytest.raises(NotCanonical):
        _verify(token)


def test_wrong_type_and_non_object_payloads() -> None:
    token = sign_compact(canonical_json(_challenge()), OFFICER, OFFICER_KID, "recourse-receipt+jws")
    with pytest.raises(UnexpectedType):
        _verify(token)
    listed = sign_compact(b"[1,2]", OFFICER, OFFICER_KID, SUBMISSION_TYP)
    with pytest.raises(SubmissionInvalid, match="not a submission"):
        _verify(listed)
    extra = sign_compact(
        canonical_json({**_challenge(), "priority": "high"}),
        OFFICER,
        OFFICER_KID,
        SUBMISSION_TYP,
    )
    with pytest.raises(SubmissionInvalid, match="priority"):
        _verify(extra)


def test_changed_statement_is_refused() -> None:
    token = sign_submission(_challenge(), OFFICER)
    header, payload_b64, sig = token.split(".")
    payload = json.loads(b64url_decode(payload_b64))
    payload["statement"] = "I withdraw my challenge."
    tampered = f"{header}.{b64url_encode(canonical_json(payload))}.{sig}"
    with pytest.raises(SignatureInvalid):
        _verify(tampered)


def test_naive_now_is_a_programming_error() -> None:
    token = sign_submission(_challenge(), OFFICER)
    with pytest.raises(ValueError, match="time zone"):
        verify_submission(
            token, OFFICER.public_key(), now=datetime(2026, 3, 2), seen_nonces=Nonces()
        )

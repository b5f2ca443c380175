"""Mandates from the officer's client against the real reference server and the real
store: pc.hughes grants rep.davies a mandate signed with this PC's key, both sides check
it without trusting the force's word, and his revocation ends it at once."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from recourse.contest import ContestService, MandateInvalid, MandateRefused, add_months
from recourse.protocol import mandate_wire as mw
from recourse.protocol.jws import b64url_decode, b64url_encode

DAVIES = "off-0311"


def test_the_calendar_months_of_a_term() -> None:
    assert add_months(datetime(2026, 1, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert add_months(datetime(2026, 3, 4, tzinfo=UTC), 12) == datetime(2027, 3, 4, tzinfo=UTC)
    assert add_months(datetime(2026, 11, 30, tzinfo=UTC), 24) == datetime(2028, 11, 30,
                                                                            tzinfo=UTC)


def test_an_officer_grants_and_revokes_a_mandate_from_the_client(hughes_client: Any) -> None:
    store, api = hughes_client
    contest = ContestService(store, api)
    directory = {r.officer_id: r for r in contest.representatives()}
    assert directory[DAVIES].name == "Sian Davies"
    assert directory[DAVIES].branch == "Police Federation, Northshire Branch"

    granted = contest.grant_mandate(DAVIES, ["act", "read"], months=6)
    entry = granted.mandate
    assert entry.scope == ["read", "act"] and entry.state == "current"
    assert entry.officer_key.key_id == contest.contest.active_key().key_id
    assert 180 <= (entry.expires_at - entry.created_at).days <= 184
    listed = {m.reference: m for m in contest.mandates()}
    # The seeded demo mandate (signed with the demo key) is replaced by the new one.
    assert listed[granted.reference].state == "current"
    assert [m.state for m in listed.values() if m.reference != granted.reference] == [
        "replaced"]

    revoked = contest.revoke_mandate(granted.reference)
    assert revoked.mandate.state == "revoked" and revoked.mandate.revocation_jws
    assert {m.reference: m.state for m in contest.mandates()}[granted.reference] == "revoked"
    with pytest.raises(MandateRefused, match="already revoked"):
        contest.revoke_mandate(granted.reference)


def test_a_term_over_two_years_or_no_scope_is_refused_before_signing(
        hughes_client: Any) -> None:
    store, api = hughes_client
    contest = ContestService(store, api)
    with pytest.raises(MandateRefused, match="24 months"):
        contest.grant_mandate(DAVIES, ["read"], months=25)
    with pytest.raises(MandateRefused, match="scope"):
        contest.grant_mandate(DAVIES, [], months=12)


def test_a_listed_mandate_that_differs_from_what_was_signed_is_not_trusted(
        hughes_client: Any) -> None:
    store, api = hughes_client
    contest = ContestService(store, api)
    entry = contest.grant_mandate(DAVIES, ["read"], months=12).mandate
    contest.verify_entry(entry)
    widened = entry.model_copy(update={"scope": ["read", "act", "receive"]})
    with pytest.raises(MandateInvalid, match="differs from what the member signed"):
        contest.verify_entry(widened)
    header, content, signature = entry.jws.split(".")
    forged = b64url_encode(b64url_decode(content).replace(b'"read"', b'"act"'))
    with pytest.raises(MandateInvalid, match="signature does not match"):
        contest.verify_entry(entry.model_copy(update={"jws": f"{header}.{forged}.{signature}"}))
    assert isinstance(entry, mw.MandateEntry)

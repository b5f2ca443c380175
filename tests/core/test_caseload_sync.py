"""A representative's caseload sync on the real stack: rep.davies's store holds each
member's data under that member's id, in stores that never mix; when a member revokes
the mandate from their own client, the next sync deletes that member's data and the
force refuses his further reads and submissions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from test_sync_helpers import RequestLog
from tests.support.browser import signed_in_client

from recourse.api import NotFound, RequestRefused
from recourse.contest import ContestService
from recourse.protocol import wire
from recourse.protocol.submission import build_submission, sign_submission
from recourse.store import MemberStores, Profile, RecordQuery
from recourse.store.header import MINIMUM_KDF
from recourse.sync import SyncEngine, sync_caseload

HUGHES, SHAH, WALSH = "off-1042", "off-1517", "off-1290"
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from tests.support.server import start_server

    with start_server(tmp_path_factory.mktemp("server"), ping_interval=240,
                      only=["pc.hughes", "ds.shah"]) as running:
        yield running


def every_record_id(store: Any) -> set[str]:
    ids: set[str] = set()
    for category in wire.CATEGORIES:
        for offset in range(0, store.count(category), 5000):
            ids |= {r.id for r in store.page(category, RecordQuery(), offset, 5000)}
    return ids


def test_members_are_synced_apart_and_deleted_when_the_mandate_ends(
        server: Any, tmp_path: Path) -> None:
    with signed_in_client(tmp_path / "rep", server.url, "rep.davies", "demo-davies-2026",
                          PASSPHRASE) as (store, api):
        first = sync_caseload(api, store)
        assert first.ok, {k: v.message for k, v in first.members.items()}
        assert sorted(first.members) == sorted([HUGHES, SHAH, WALSH])
        members = MemberStores(store)
        assert members.known() == sorted([HUGHES, SHAH, WALSH])
        held: dict[str, set[str]] = {}
        for officer_id in (HUGHES, SHAH):
            member = members.open(officer_id)
            try:
                assert member.me().officer_id == officer_id
                held[officer_id] = every_record_id(member)
                assert all(f.officer_id == officer_id for f in member.flags())
                assert member.flags(), officer_id
            finally:
                member.close()
        assert held[HUGHES] and held[SHAH] and not held[HUGHES] & held[SHAH]
        # The representative's own store holds none of the members' records.
        assert every_record_id(store) == set() and store.flags() == []
        # Nothing-new: one more caseload sync changes nothing.
        again = sync_caseload(api, store)
        assert all(not r.changed or set(r.changed) <= {"rules", "sources"}
                   for r in again.members.values()), {k: r.changed for k, r in
                                                       again.members.items()}
        # Once the members' access logs hold his reads (each logged once a window), a
        # caseload sync with nothing new is `/me` and one `changes` for all members.
        requests_made = RequestLog()
        requests_made.attach(api)
        steady = sync_caseload(api, store)
        assert steady.ok and sorted(steady.members) == sorted([HUGHES, SHAH, WALSH])
        assert [p for _, p, _, _ in requests_made.seen] == ["/v1/me", "/v1/changes"]
        assert steady.summary(0.0).requests == 2

        # Hughes revokes from his own client.
        with signed_in_client(tmp_path / "hughes", server.url, "pc.hughes", "demo-hughes-2026",
                              PASSPHRASE) as (own_store, own_api):
            SyncEngine(own_api, own_store).run()
            contest = ContestService(own_store, own_api)
            contest.pin_server_key()
            reference = next(m.reference for m in contest.mandates()
                             if m.representative_id == "off-0311" and m.state == "current")
            contest.revoke_mandate(reference)
            log = own_api.access_log(HUGHES)[0]
            assert log is not None
            reasons = {e.reason for e in log.entries if "rep.davies" in e.viewer}
            assert reasons == {f"Acting for the officer under their signed mandate {reference}."}

        hughes_folder = members.folder(HUGHES)
        assert hughes_folder is not None and hughes_folder.exists()
        after = sync_caseload(api, store)
        assert after.removed == [HUGHES] and sorted(after.members) == sorted([SHAH, WALSH])
        assert members.known() == sorted([SHAH, WALSH])
        assert not hughes_folder.exists()
        # Through the store API: no record, flag or key of Hughes remains on this PC.
        assert store.get_secret("members.key." + HUGHES) is None
        for officer_id in members.known():
            member = members.open(officer_id)
            try:
                assert not every_record_id(member) & held[HUGHES]
                assert all(f.officer_id != HUGHES for f in member.flags())
            finally:
                member.close()
        assert not every_record_id(store) & held[HUGHES]
        # And the force refuses his reads and his submissions for Hughes.
        with pytest.raises(NotFound):
            api.flags(HUGHES)
        contest = ContestService(store, api)
        contest.ensure_signing_key()
        kid = contest.contest.active_key().key_id
        private = Ed25519PrivateKey.from_private_bytes(contest.contest.private_key(kid))
        token = sign_submission(build_submission(
            officer_id=HUGHES, key_id=kid, kind="sar",
            target={"categories": "all", "date_range": None, "items": ["copy"],
                    "format": "electronic"}, created_at=datetime.now(UTC), actor_id="off-0311",
            mandate=reference), private)
        with pytest.raises((NotFound, RequestRefused)):
            api.submit(token, idempotency_key="caseload-test-after-revocation-1")
    # The representative's profile reopens with the remaining members intact.
    reopened = Profile(tmp_path / "rep", kdf=MINIMUM_KDF).unlock(PASSPHRASE)
    try:
        assert MemberStores(reopened).known() == sorted([SHAH, WALSH])
    finally:
        reopened.close()

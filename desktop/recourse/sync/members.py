"""A representative's caseload sync: each member's data into that member's own store.

For every member under a current mandate (`/v1/me`'s `represents`), the ordinary sync
engine runs for that member (whom the mandate names, so no `/me` is asked), into the
member's store (`recourse.store.MemberStores`): the same incremental, resumable,
one-transaction-per-page sync as an officer's own. A member whose mandate has ended -
no longer listed, or answered 404 - has their data deleted from this PC at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from recourse.api.errors import NotFound, RequestRefused
from recourse.protocol import changes_wire as chw
from recourse.protocol import wire
from recourse.store import MemberStores, Store
from recourse.sync.engine import SyncApi, SyncEngine
from recourse.sync.known_changes import held_cursors
from recourse.sync.outcome import SyncProgress, SyncResult

__all__ = ["CaseloadResult", "member_me", "sync_caseload"]


def member_me(member: wire.RepresentedMember) -> wire.Me:
    """What the member's store records as its officer: the member, as the mandate says."""
    return wire.Me(officer_id=member.officer_id, username=member.force_number or member.name,
                   name=member.name, role="officer", force_number=member.force_number,
                   rank=member.rank)


@dataclass
class CaseloadResult:
    me: wire.Me
    #: Each member's sync, by member id.
    members: dict[str, SyncResult] = field(default_factory=dict)
    #: Members whose data was deleted from this PC (mandate ended).
    removed: list[str] = field(default_factory=list)
    #: What changed for every member, asked once for the whole caseload (None: a server
    #: without the request); requests the caseload made itself (`me`, `changes`).
    changes: chw.ChangesSummary | None = None
    requests: int = 1

    @property
    def ok(self) -> bool:
        return all(r.state == "ok" for r in self.members.values())

    def summary(self, seconds: float) -> SyncResult:
        """The caseload's sync as one result: the first failure, if any, is its error."""
        results = list(self.members.values())
        failed = [r for r in results if r.state == "failed"]
        cancelled = any(r.state == "cancelled" for r in results)
        changed: dict[str, int] = {}
        for r in results:
            for name, count in r.changed.items():
                changed[name] = changed.get(name, 0) + count
        if self.removed:
            changed["members_removed"] = len(self.removed)
        return SyncResult(
            state="failed" if failed else "cancelled" if cancelled else "ok",
            items=sum(r.items for r in results), bytes=sum(r.bytes for r in results),
            requests=self.requests + sum(r.requests for r in results), seconds=seconds,
            changed=changed,
            error=failed[0].error if failed else None)


def _ask_changes(api: SyncApi, members: MemberStores, officer_ids: list[str],
                 cancel: threading.Event | None) -> chw.ChangesSummary | None:
    """One `changes` request for the whole caseload, from each member store's cursors."""
    if not officer_ids:
        return None
    asked = []
    for officer_id in officer_ids:
        member_store = members.open(officer_id)
        try:
            asked.append(chw.OfficerCursors(officer_id=officer_id,
                                            cursors=held_cursors(member_store)))
        finally:
            member_store.close()
    try:
        return api.changes(asked, cancel=cancel)
    except (NotFound, RequestRefused):
        return None  # no such request on this server: each member's sync asks for all


def sync_caseload(api: SyncApi, store: Store, *,
                  progress: Callable[[str, SyncProgress], None] | None = None,
                  cancel: threading.Event | None = None) -> CaseloadResult:
    """Sync every member's data; delete the data of members no longer represented."""
    me = api.me(cancel=cancel)
    if store.me() != me:
        store.put_me(me)
    members = MemberStores(store)
    current = {m.officer_id: m for m in me.represents}
    result = CaseloadResult(me)
    for gone in sorted(set(members.known()) - set(current)):
        members.delete(gone)
        result.removed.append(gone)
    result.changes = _ask_changes(api, members, list(current), cancel)
    if result.changes is not None:
        result.requests += 1
    for officer_id, member in current.items():
        if cancel is not None and cancel.is_set():
            break
        member_store = members.open(officer_id)
        try:
            report = None if progress is None else (
                lambda p, officer=officer_id: progress(officer, p))
            outcome = SyncEngine(api, member_store, report, changes=result.changes,
                                 me=member_me(member)).run(cancel)
        finally:
            member_store.close()
        if isinstance(outcome.error, NotFound):
            # Revoked between `me` and this member's sync: as if never represented.
            members.delete(officer_id)
            result.removed.append(officer_id)
            continue
        result.members[officer_id] = outcome
    return result

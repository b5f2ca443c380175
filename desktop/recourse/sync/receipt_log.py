"""At each sync: hold the force to its log of receipts (`recourse.protocol.receipt_log`).

The newest signed tree head is checked with the PINNED receipt key, then against every
head this PC kept: the log may only grow (a consistency proof from the last head held),
and two heads of the same size must have the same root. Every receipt held that names
its `log_index` must be included in the newest head. Anything else means the force's
record of what was sent has been altered: it is recorded as a `log_alerts` row with all
its evidence (both heads, the proof it gave) and reported, and the rest of the sync goes
on. A representative's client also compares the heads seen through each member's sync
(`check_caseload_log`), so a force that shows members different logs is caught.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from recourse.api.errors import ApiError, RequestRefused
from recourse.protocol import merkle
from recourse.protocol import receipt_log as rl
from recourse.protocol.jws import ProtocolError, load_public_jwk, unverified_payload
from recourse.protocol.submission import format_utc
from recourse.store import MemberStores, Store
from recourse.store.contest import ContestStore
from recourse.store.receipt_log import HeldHead, LogStore

__all__ = [
    "LogApi",
    "LogCheck",
    "LogProblem",
    "check_caseload_log",
    "check_receipt_log",
    "pinned_receipt_key",
]


class LogApi(Protocol):
    def log_tree_head(self, tree_size: int | None = None) -> rl.TreeHeadAnswer: ...

    def log_inclusion(self, leaf_index: int, tree_size: int) -> rl.InclusionAnswer: ...

    def log_consistency(self, first: int, second: int) -> rl.ConsistencyAnswer: ...


ProblemKind = Literal["bad_head", "shrank", "forked", "receipt_missing"]


@dataclass(frozen=True)
class LogProblem:
    """One alteration of the force's log, with what proves it."""

    kind: ProblemKind
    detail: str
    evidence: dict[str, Any]


@dataclass
class LogCheck:
    #: "ok": the log only grew and holds every receipt; "altered": see `problems`;
    #: "unavailable": the force's log could not be read this time; "not_pinned": no
    #: receipt key pinned yet, so nothing can be checked.
    state: Literal["ok", "altered", "unavailable", "not_pinned"]
    tree_size: int | None = None
    #: Receipts proved to be in the newest head.
    included: int = 0
    problems: list[LogProblem] = field(default_factory=list)


def pinned_receipt_key(store: Store) -> Ed25519PublicKey | None:
    pin = ContestStore(store).server_pin()
    return None if pin is None else load_public_jwk(pin.public_jwk)


def _head_evidence(sth: str) -> dict[str, Any]:
    return {"sth": sth}


def _problem(logs: LogStore, found: list[LogProblem], kind: ProblemKind, detail: str,
             evidence: dict[str, Any]) -> None:
    found.append(LogProblem(kind, detail, evidence))
    logs.add_alert(kind, detail, evidence)


def _still_valid(sth: str, key: Ed25519PublicKey) -> rl.TreeHead | None:
    """A head kept earlier, if the key pinned now signed it (not after a key change)."""
    try:
        return rl.verify_tree_head(sth, key)
    except ProtocolError:
        return None


def _held_receipts(store: Store) -> Iterable[tuple[str, str, int]]:
    """(reference, receipt, log_index) of every receipt held that names its leaf."""
    with store.reading() as db:
        rows = db.execute("SELECT reference, token FROM contest_receipts ORDER BY reference"
                          ).fetchall()
    for reference, token in rows:
        try:
            index = unverified_payload(token).get("log_index")
        except ProtocolError:
            continue
        if isinstance(index, int) and not isinstance(index, bool):
            yield str(reference), str(token), index


def check_receipt_log(api: LogApi, store: Store, public_key: Ed25519PublicKey | None = None,
                      *, seen_via: str = "", keep_in: Store | None = None) -> LogCheck:
    """Check the force's log against what `store` holds; record what is wrong there (and
    the head also in `keep_in`, a representative's own store, as seen via `seen_via`)."""
    key = public_key or pinned_receipt_key(store)
    if key is None:
        return LogCheck("not_pinned")
    logs = LogStore(store)
    found: list[LogProblem] = []
    try:
        answer = api.log_tree_head()
    except ApiError:
        return LogCheck("unavailable")
    try:
        head = rl.verify_tree_head(answer.sth, key)
    except ProtocolError as error:
        _problem(logs, found, "bad_head", f"The force's tree head is not signed by its "
                 f"receipt key: {error}", _head_evidence(answer.sth))
        return LogCheck("altered", problems=found)
    root = merkle.to_hex(head.root_hash)
    held = logs.heads("")
    previous = logs.latest_head("")
    for same in (h for h in held if h.tree_size == head.tree_size and h.root_hash != root):
        _problem(logs, found, "forked", f"The force signed two different logs of "
                 f"{head.tree_size} receipts.", {"older": same.sth, "newer": head.token})
    if previous is not None and head.tree_size < previous.tree_size:
        _problem(logs, found, "shrank", f"The force's log shrank from {previous.tree_size} "
                 f"receipts to {head.tree_size}.", {"older": previous.sth, "newer": head.token})
    elif previous is not None and 0 < previous.tree_size < head.tree_size \
            and (older := _still_valid(previous.sth, key)) is not None:
        try:
            proof = api.log_consistency(previous.tree_size, head.tree_size)
            rl.check_consistency(older, head, proof)
        except RequestRefused as error:
            _problem(logs, found, "forked", f"The force would not prove that its log of "
                     f"{head.tree_size} receipts extends the one of {previous.tree_size}: "
                     f"{error.detail or error}", {"older": previous.sth, "newer": head.token})
        except rl.LogInvalid as error:
            _problem(logs, found, "forked", str(error), {
                "older": previous.sth, "newer": head.token,
                "proof": proof.model_dump(mode="json")})
        except ApiError:
            return LogCheck("unavailable", head.tree_size)
    logs.keep_head(head.token, tree_size=head.tree_size, root_hash=root,
                   signed_at=format_utc(head.timestamp))
    if keep_in is not None:
        LogStore(keep_in).keep_head(head.token, tree_size=head.tree_size, root_hash=root,
                                    signed_at=format_utc(head.timestamp),
                                    seen_via=seen_via)
    included = 0
    for reference, receipt, index in _held_receipts(store):
        if index >= head.tree_size:
            _problem(logs, found, "receipt_missing", f"Your receipt {reference} is entry "
                     f"{index + 1} of the log, but the force's log now has only "
                     f"{head.tree_size} entries.", {"receipt": receipt, "newer": head.token})
            continue
        kept = logs.proof(reference)
        if kept is not None and kept.sth == head.token and kept.receipt == receipt:
            included += 1
            continue
        try:
            inclusion = api.log_inclusion(index, head.tree_size)
            rl.check_inclusion(receipt, index, head, inclusion)
        except RequestRefused as error:
            _problem(logs, found, "receipt_missing", f"The force would not prove that your "
                     f"receipt {reference} is in its log: {error.detail or error}",
                     {"receipt": receipt, "newer": head.token})
            continue
        except rl.LogInvalid as error:
            _problem(logs, found, "receipt_missing", f"Your receipt {reference} is no longer "
                     f"in the force's log: {error}", {
                         "receipt": receipt, "newer": head.token,
                         "proof": inclusion.model_dump(mode="json")})
            continue
        except ApiError:
            return LogCheck("unavailable", head.tree_size, included, found)
        logs.keep_proof(reference, receipt, index, head.tree_size, head.token,
                        inclusion.audit_path)
        included += 1
    return LogCheck("altered" if found else "ok", head.tree_size, included, found)


def check_caseload_log(api: LogApi, store: Store, members: Iterable[str]) -> LogCheck:
    """A representative's check: each member's receipts in that member's store, then the
    heads seen through every member compared (same size, same root; each consistent with
    the largest). Problems are recorded in the representative's own store too."""
    key = pinned_receipt_key(store)
    if key is None:
        return LogCheck("not_pinned")
    own = LogStore(store)
    stores = MemberStores(store)
    found: list[LogProblem] = []
    size: int | None = None
    for officer_id in members:
        member_store = stores.open(officer_id)
        try:
            result = check_receipt_log(api, member_store, key, seen_via=officer_id,
                                       keep_in=store)
        finally:
            member_store.close()
        size = result.tree_size if result.tree_size is not None else size
        for problem in result.problems:
            _problem(own, found, problem.kind, problem.detail,
                     {**problem.evidence, "member": officer_id})
    latest: dict[str, HeldHead] = {}
    for held in own.heads():
        if held.seen_via and (held.seen_via not in latest
                              or held.tree_size >= latest[held.seen_via].tree_size):
            latest[held.seen_via] = held
    by_size: dict[int, HeldHead] = {}
    for held in own.heads():
        if not held.seen_via:
            continue
        other = by_size.setdefault(held.tree_size, held)
        if other.root_hash != held.root_hash:
            _problem(own, found, "forked", f"The force showed your members different logs "
                     f"of {held.tree_size} receipts.", {
                         "older": other.sth, "newer": held.sth,
                         "members": [other.seen_via, held.seen_via]})
    if latest:
        largest = max(latest.values(), key=lambda h: h.tree_size)
        big = rl.verify_tree_head(largest.sth, key)
        for held in latest.values():
            if 0 < held.tree_size < largest.tree_size:
                small = rl.verify_tree_head(held.sth, key)
                try:
                    rl.check_consistency(small, big,
                                         api.log_consistency(small.tree_size, big.tree_size))
                except (rl.LogInvalid, RequestRefused) as error:
                    _problem(own, found, "forked", f"The log the force showed one member "
                             f"does not extend to the one it showed another: {error}", {
                                 "older": held.sth, "newer": largest.sth,
                                 "members": [held.seen_via, largest.seen_via]})
                except ApiError:
                    break
    return LogCheck("altered" if found else "ok", size, problems=found)


def audit_log(api: LogApi, store: Store, public_key: Ed25519PublicKey | None = None,
              ) -> tuple[LogCheck, list[str]]:
    """A deeper look than a sync's: the sync's check, then for every size this PC ever
    saw and every power of two below the newest size, the head the force signed at that
    size (the same root as the one seen, if any) and its consistency with the newest.
    Returns the check and what was verified, in words."""
    key = public_key or pinned_receipt_key(store)
    if key is None:
        return LogCheck("not_pinned"), []
    check = check_receipt_log(api, store, key)
    if check.state != "ok" or not check.tree_size:
        return check, []
    logs = LogStore(store)
    newest = rl.verify_tree_head(api.log_tree_head(check.tree_size).sth, key)
    seen = {h.tree_size: h for h in logs.heads("") if 0 < h.tree_size < newest.tree_size}
    sizes = sorted(set(seen) | {1 << k for k in range(newest.tree_size.bit_length())
                                if 1 << k < newest.tree_size})
    said = []
    for size in sizes:
        try:
            head = rl.verify_tree_head(api.log_tree_head(size).sth, key)
            if head.tree_size != size:
                raise rl.LogInvalid(f"Asked for the head of {size} receipts, the force "
                                    f"answered one of {head.tree_size}.")
            held = seen.get(size)
            if held is not None and held.root_hash != merkle.to_hex(head.root_hash):
                raise rl.LogInvalid(f"The force's head of {size} receipts is not the one "
                                    "this PC saw.")
            rl.check_consistency(head, newest, api.log_consistency(size, newest.tree_size))
        except (rl.LogInvalid, RequestRefused) as error:
            _problem(logs, check.problems, "forked", str(error),
                     {"newer": newest.token, "size": size})
            continue
        except ProtocolError as error:
            _problem(logs, check.problems, "bad_head", str(error), {"size": size})
            continue
        said.append(f"The log of {size} receipts (signed {format_utc(head.timestamp)}) is a "
                    f"prefix of the log of {newest.tree_size}.")
    if check.problems:
        check.state = "altered"
    return check, said

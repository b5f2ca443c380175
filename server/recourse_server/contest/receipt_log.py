"""The force's append-only log of every receipt it issues (RFC 9162 Merkle tree).

An issuer calls `allocate` inside the transaction that records the submission, signs the
receipt naming that index, then `append`s it: the leaf, the new complete subtrees and the
signed tree head of the new size are written in the same transaction, so a receipt exists
only if it is logged. `allocate` updates the single row of `contest_log_state` first,
which serialises appends on SQLite and PostgreSQL alike.

Roots and proofs are computed from the stored complete subtrees (`contest_log_nodes`), a
few dozen primary-key reads whatever the log's size. `audit` rebuilds the whole tree from
the leaves alone and checks every stored node and signed head against it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, Engine, and_, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from recourse.protocol import merkle
from recourse.protocol import receipt_log as rl
from recourse.protocol.jws import ProtocolError
from recourse.protocol.receipt import submission_sha256
from recourse.protocol.submission import format_utc

from .. import db
from . import tables as t
from .errors import ContestError
from .keys import server_private_key

_STATE_ID = 1


def _split(n: int) -> int:
    return 1 << ((n - 1).bit_length() - 1)


def ensure_log(engine: Engine, now: datetime | None = None) -> None:
    """Create the log's state row and the empty tree's signed head, if not there yet."""
    private = server_private_key(engine)
    with engine.begin() as conn:
        db.insert_or_ignore(conn, t.log_state, {"id": _STATE_ID, "size": 0, "frontier": ""})
        if conn.execute(select(t.log_heads.c.tree_size).where(
                t.log_heads.c.tree_size == 0)).first() is None:
            moment = (now or datetime.now(UTC)).replace(microsecond=0)
            empty = merkle.root_hash([])
            sth = rl.sign_tree_head(0, empty, moment, private)
            db.insert_or_ignore(conn, t.log_heads, {
                "tree_size": 0, "root_hash": merkle.to_hex(empty),
                "timestamp": format_utc(moment), "sth": sth})


def allocate(conn: Connection) -> int:
    """The next leaf index, held by this transaction until it commits or rolls back."""
    s = t.log_state.c
    bump = update(t.log_state).where(s.id == _STATE_ID).values(size=s.size + 1) \
        .returning(s.size)
    size = conn.execute(bump).scalar()
    if size is None:
        db.insert_or_ignore(conn, t.log_state, {"id": _STATE_ID, "size": 0, "frontier": ""})
        size = conn.execute(bump).scalar_one()
    return int(size) - 1


def _nodes(conn: Connection, keys: set[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
    """The stored hashes of these complete subtrees, in one read."""
    if not keys:
        return {}
    n = t.log_nodes.c
    # OR of equalities, not a row-value IN: SQLite answers each from the primary key.
    found = {(int(r.level), int(r.idx)): bytes.fromhex(r.hash) for r in conn.execute(
        select(n.level, n.idx, n.hash).where(or_(*(and_(n.level == level, n.idx == idx)
                                                   for level, idx in sorted(keys)))))}
    if len(found) != len(keys):
        raise ContestError(500, "The log is missing a stored hash; run `recourse-server log "
                                "audit`.")
    return found


class _Tree:
    """Roots of the RFC 9162 subtrees of the stored log, from its complete subtrees."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._memo: dict[tuple[int, int], bytes] = {}
        self._wanted: set[tuple[int, int]] | None = None

    def read(self, compute: Callable[[], list[bytes]]) -> list[bytes]:
        """Run `compute` twice: once to learn which stored hashes it needs (read then in
        one query), once for real."""
        self._wanted = set()
        compute()
        wanted, self._wanted = self._wanted, None
        self._memo.update(_nodes(self._conn, wanted))
        return compute()

    def root(self, start: int, end: int) -> bytes:
        """MTH(D[start:end]); `start` is a multiple of the largest power of two below
        `end - start`, as every subtree of the RFC's recursion is."""
        size = end - start
        if size == 0:
            return merkle.root_hash([])
        if size & (size - 1) == 0:
            level = size.bit_length() - 1
            key = (level, start >> level)
            if key in self._memo:
                return self._memo[key]
            if self._wanted is None:
                self._memo.update(_nodes(self._conn, {key}))
                return self._memo[key]
            self._wanted.add(key)
            return merkle.root_hash([])  # a stand-in while learning what is needed
        k = _split(size)
        return merkle.node_hash(self.root(start, start + k), self.root(start + k, end))

    def inclusion(self, start: int, end: int, index: int) -> list[bytes]:
        if end - start == 1:
            return []
        k = _split(end - start)
        if index < start + k:
            return [*self.inclusion(start, start + k, index), self.root(start + k, end)]
        return [*self.inclusion(start + k, end, index), self.root(start, start + k)]

    def consistency(self, start: int, end: int, m: int, complete: bool) -> list[bytes]:
        if m == end:
            return [] if complete else [self.root(start, end)]
        k = _split(end - start)
        if m <= start + k:
            return [*self.consistency(start, start + k, m, complete), self.root(start + k, end)]
        return [*self.consistency(start + k, end, m, False), self.root(start, start + k)]


def append(conn: Connection, index: int, receipt: str, *, kind: str, submitted_sha256: str,
           now: datetime, private_key: Ed25519PrivateKey) -> str:
    """Log `receipt` at the `index` `allocate` gave; returns the new size's signed head."""
    leaf = merkle.leaf_hash(receipt.encode("ascii"))
    conn.execute(insert(t.log_leaves), {
        "leaf_index": index, "kind": kind, "leaf": receipt,
        "submission_sha256": submitted_sha256, "receipt_sha256": rl.receipt_sha256(receipt),
        "logged_at": format_utc(now)})
    # The new leaf completes the subtrees of its trailing ones: fold them into it, then
    # fold the larger subtrees left of it into the new root (RFC 9162's MTH, on the edge).
    s = t.log_state.c
    stored = conn.execute(select(s.frontier).where(s.id == _STATE_ID)).scalar_one()
    frontier = [bytes.fromhex(h) for h in str(stored).split()]
    if len(frontier) != index.bit_count():
        raise ContestError(500, "The log's state does not match its size; run "
                                "`recourse-server log audit`.")
    level, idx, value = 0, index, leaf
    made = {(0, index): leaf}
    while idx & 1:
        value = merkle.node_hash(frontier.pop(), value)
        level, idx = level + 1, idx >> 1
        made[(level, idx)] = value
    conn.execute(insert(t.log_nodes), [{"level": lv, "idx": i, "hash": merkle.to_hex(h)}
                                       for (lv, i), h in made.items()])
    frontier.append(value)
    conn.execute(update(t.log_state).where(s.id == _STATE_ID).values(
        frontier=" ".join(merkle.to_hex(h) for h in frontier)))
    size = index + 1
    root = frontier[-1]
    for left in reversed(frontier[:-1]):
        root = merkle.node_hash(left, root)
    sth = rl.sign_tree_head(size, root, now, private_key)
    conn.execute(insert(t.log_heads), {"tree_size": size, "root_hash": merkle.to_hex(root),
                                       "timestamp": format_utc(now), "sth": sth})
    return sth


def size_of(conn: Connection) -> int:
    value = conn.execute(select(t.log_state.c.size).where(
        t.log_state.c.id == _STATE_ID)).scalar()
    return int(value or 0)


# ------------------------------------------------------------------------------- reading

def tree_head(engine: Engine, tree_size: int | None = None) -> rl.TreeHeadAnswer:
    h = t.log_heads.c
    with engine.connect() as conn:
        if tree_size is None:
            sth = conn.execute(select(h.sth).order_by(h.tree_size.desc()).limit(1)).scalar()
            if sth is None:
                raise ContestError(404, "The force's log has no signed tree head yet.")
        else:
            sth = conn.execute(select(h.sth).where(h.tree_size == tree_size)).scalar()
            if sth is None:
                raise ContestError(404, f"The force never signed a tree head of size "
                                        f"{tree_size}.")
    return rl.TreeHeadAnswer(sth=sth)


def _within(conn: Connection, tree_size: int) -> None:
    size = size_of(conn)
    if tree_size > size:
        raise ContestError(422, f"The log holds {size} receipts; there is no tree of "
                                f"{tree_size} yet.")


def inclusion(engine: Engine, leaf_index: int, tree_size: int) -> rl.InclusionAnswer:
    if not 0 <= leaf_index < tree_size:
        raise ContestError(422, f"Leaf {leaf_index} cannot be in a tree of {tree_size}: "
                                "the index must be below the size.")
    with engine.connect() as conn:
        _within(conn, tree_size)
        tree = _Tree(conn)
        path = tree.read(lambda: tree.inclusion(0, tree_size, leaf_index))
    return rl.InclusionAnswer(leaf_index=leaf_index, tree_size=tree_size,
                              audit_path=[merkle.to_hex(p) for p in path])


def consistency(engine: Engine, first: int, second: int) -> rl.ConsistencyAnswer:
    if not 0 < first <= second:
        raise ContestError(422, f"There is no consistency proof from {first} receipts to "
                                f"{second}: the first size must be at least 1 and at most "
                                "the second.")
    with engine.connect() as conn:
        _within(conn, second)
        tree = _Tree(conn)
        path = tree.read(lambda: tree.consistency(0, second, first, True))
    return rl.ConsistencyAnswer(first=first, second=second,
                                consistency_path=[merkle.to_hex(p) for p in path])


# ------------------------------------------------------------------------------ backfill

@dataclass(frozen=True)
class _Issued:
    at: str
    order: tuple[int, int]
    kind: str
    receipt: str
    submission_sha256: str


def _issued(conn: Connection) -> Iterator[_Issued]:
    s = t.submissions.c
    for row in conn.execute(select(s.seq, s.kind, s.receipt, s.submission_sha256,
                                   s.received_at).where(s.receipt != "")):
        yield _Issued(row.received_at, (0, row.seq), row.kind, row.receipt,
                      row.submission_sha256)
    m = db.mandates.c
    for mandate in conn.execute(select(m.seq, m.receipt, m.token_sha256, m.received_at,
                                       m.revocation_receipt, m.revocation_token, m.ended_at)
                                .where(m.receipt != "")):
        yield _Issued(mandate.received_at, (1, mandate.seq), "mandate", mandate.receipt,
                      mandate.token_sha256)
        if mandate.revocation_receipt:
            yield _Issued(mandate.ended_at, (2, mandate.seq), "mandate_revocation",
                          mandate.revocation_receipt,
                          submission_sha256(mandate.revocation_token))


def backfill(engine: Engine, now: datetime | None = None) -> int:
    """Log every receipt issued before the log existed, in the order issued; a receipt
    already logged is skipped, so running it again does nothing. Returns how many."""
    ensure_log(engine, now)
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    private = server_private_key(engine)
    try:
        with engine.begin() as conn:
            logged = set(conn.execute(select(t.log_leaves.c.receipt_sha256)).scalars())
            missing = sorted((i for i in _issued(conn)
                              if rl.receipt_sha256(i.receipt) not in logged),
                             key=lambda i: (i.at, i.order))
            for item in missing:
                append(conn, allocate(conn), item.receipt, kind=item.kind,
                       submitted_sha256=item.submission_sha256, now=moment,
                       private_key=private)
    except IntegrityError:
        return 0  # another worker logged them at the same moment
    return len(missing)


# --------------------------------------------------------------------------------- audit

def audit(engine: Engine, say: Callable[[str], None]) -> list[str]:
    """Rebuild the tree from its leaves and check every stored hash and signed head.
    Returns the problems found, in words (none: the log is sound)."""
    problems: list[str] = []
    public = server_private_key(engine).public_key()
    with engine.connect() as conn:
        size = size_of(conn)
        leaves = conn.execute(select(t.log_leaves.c.leaf_index, t.log_leaves.c.leaf)
                              .order_by(t.log_leaves.c.leaf_index)).all()
        hashes = []
        for expected, row in enumerate(leaves):
            if row.leaf_index != expected:
                problems.append(f"Leaf {expected} is missing from the log.")
                break
            hashes.append(merkle.leaf_hash(row.leaf.encode("ascii")))
        if len(hashes) != size:
            problems.append(f"The log says it holds {size} receipts but {len(hashes)} "
                            "consecutive leaves are stored.")
        say(f"rebuilding the tree of {len(hashes)} leaves")
        levels = [hashes]
        while len(levels[-1]) > 1:
            below = levels[-1]
            levels.append([merkle.node_hash(below[i], below[i + 1])
                           for i in range(0, len(below) - 1, 2)])
        n = t.log_nodes.c
        for node in conn.execute(select(n.level, n.idx, n.hash)):
            ok = node.level < len(levels) and node.idx < len(levels[node.level])
            if not ok or merkle.to_hex(levels[node.level][node.idx]) != node.hash:
                problems.append(f"The stored hash of subtree {node.idx} at level {node.level} "
                                "does not match the leaves.")
        stored = conn.execute(select(t.log_state.c.frontier).where(
            t.log_state.c.id == _STATE_ID)).scalar()
        edge: list[str] = []
        start = 0
        for level in range(len(hashes).bit_length() - 1, -1, -1):
            if len(hashes) >> level & 1:
                edge.append(merkle.to_hex(levels[level][start >> level]))
                start += 1 << level
        if str(stored or "").split() != edge:
            problems.append("The log's record of its newest subtrees does not match the "
                            "leaves: the next receipt would be logged on a wrong tree.")
        h = t.log_heads.c
        heads = conn.execute(select(h.tree_size, h.root_hash, h.sth)
                             .order_by(h.tree_size)).all()
    say(f"checking {len(heads)} signed tree heads")
    roots = _prefix_roots(hashes, {h.tree_size for h in heads})
    for stored in heads:
        try:
            head = rl.verify_tree_head(stored.sth, public)
        except ProtocolError as error:
            problems.append(f"The tree head of size {stored.tree_size} is not validly signed: "
                            f"{error}")
            continue
        if (head.tree_size != stored.tree_size
                or merkle.to_hex(head.root_hash) != stored.root_hash):
            problems.append(f"The tree head stored at size {stored.tree_size} signs a different "
                            "size or root from the one stored beside it.")
        expected_root = roots.get(head.tree_size)
        if expected_root is None:
            problems.append(f"The force signed a tree head of size {head.tree_size}, but the "
                            f"log holds only {len(hashes)} leaves.")
        elif expected_root != head.root_hash:
            problems.append(f"The tree head of size {head.tree_size} signs a root that the "
                            "leaves do not give: the log was altered after it was signed.")
    return problems


def _prefix_roots(hashes: list[bytes], sizes: set[int]) -> dict[int, bytes]:
    """MTH of every wanted prefix, in one pass: a stack of complete subtrees grows leaf
    by leaf, and a prefix's root folds that stack from the right."""
    roots: dict[int, bytes] = {}
    if 0 in sizes:
        roots[0] = merkle.root_hash([])
    stack: list[tuple[int, bytes]] = []  # (size, hash) of complete subtrees, left to right
    for count, leaf in enumerate(hashes, 1):
        stack.append((1, leaf))
        while len(stack) > 1 and stack[-1][0] == stack[-2][0]:
            (size, right), (_, left) = stack.pop(), stack.pop()
            stack.append((2 * size, merkle.node_hash(left, right)))
        if count in sizes:
            value = stack[-1][1]
            for _, left in reversed(stack[:-1]):
                value = merkle.node_hash(left, value)
            roots[count] = value
    return roots

"""The force's log of receipts at 100,000 leaves: `python -m bench log`.

Appends 100,000 receipts through the server's log module (allocate + append, as intake
does, 1,000 to a transaction) on a SQLite file; then, at that size, times issuing a real
receipt (`intake.submit`: a signed SAR verified, recorded and given its receipt) with its
log entry against the same with the log's two calls stubbed out, alternately, in the
same run; then the proofs: their sizes (hashes) and the time the server takes to make
one and the client to verify one; and `recourse-server log audit` over the whole log.

Figures (../shared/BENCH.md): log.append_100k, log.issue_receipt, log.inclusion_hashes,
log.consistency_hashes, log.inclusion_make, log.inclusion_verify, log.consistency_verify,
log.audit_100k.
"""

from __future__ import annotations

import math
import secrets
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import emit, median, progress

LEAVES = 100_000
BATCH = 1_000
ISSUES = 150  # each way


def _fake_receipt(i: int) -> str:
    return f"eyJhbGciOiJFZERTQSJ9.{secrets.token_urlsafe(180)}-{i}.{secrets.token_urlsafe(64)}"


def _append_all(engine: Any) -> float:
    from recourse_server.contest import receipt_log
    from recourse_server.contest.keys import server_private_key

    private = server_private_key(engine)
    now = datetime.now(UTC).replace(microsecond=0)
    started = time.perf_counter()
    for start in range(0, LEAVES, BATCH):
        with engine.begin() as conn:
            for i in range(start, start + BATCH):
                index = receipt_log.allocate(conn)
                receipt_log.append(conn, index, _fake_receipt(i), kind="sar",
                                   submitted_sha256="0" * 64, now=now, private_key=private)
        if start % 10_000 == 0:
            progress(f"log: {start + BATCH} leaves")
    return time.perf_counter() - started


def _issue(engine: Any, rounds: int) -> tuple[float, float]:
    """Median seconds per receipt issued, with the log and with it stubbed out."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from recourse.protocol import contest_wire as cw
    from recourse.protocol.jws import key_id, public_jwk
    from recourse.protocol.submission import build_submission, sar_target, sign_submission
    from recourse_server.contest import intake, receipt_log
    from recourse_server.contest.keys import register_key

    officer = "off-bench"
    private = Ed25519PrivateKey.generate()
    now = datetime.now(UTC).replace(microsecond=0)
    register_key(engine, officer, cw.KeyRegistration(
        public_jwk=public_jwk(private.public_key()), device_label="bench"), now)

    def one() -> float:
        token = sign_submission(build_submission(
            officer_id=officer, key_id=key_id(private.public_key()), kind="sar",
            target=sar_target(), created_at=now), private)
        started = time.perf_counter()
        intake.submit(engine, officer, token, secrets.token_urlsafe(18), now)
        return time.perf_counter() - started

    real_allocate, real_append = receipt_log.allocate, receipt_log.append
    stubs: dict[str, Callable[..., Any]] = {"allocate": lambda _conn: None,
                                            "append": lambda *_a, **_k: ""}
    with_log, without = [], []
    for _ in range(rounds):
        with_log.append(one())
        receipt_log.allocate, receipt_log.append = stubs["allocate"], stubs["append"]  # type: ignore[assignment]
        try:
            without.append(one())
        finally:
            receipt_log.allocate, receipt_log.append = real_allocate, real_append  # type: ignore[assignment]
    return median(with_log), median(without)


def main() -> None:
    from recourse.protocol import receipt_log as rl
    from recourse_server import db, schema
    from recourse_server.contest import receipt_log
    from recourse_server.contest.keys import server_private_key

    with tempfile.TemporaryDirectory(prefix="bench-log-") as folder:
        engine = db.make_engine(f"sqlite:///{Path(folder) / 'log.sqlite3'}")
        schema.create_schema(engine)
        receipt_log.ensure_log(engine)
        seconds = _append_all(engine)
        emit("log.append_100k", seconds, "s", target=None, better="lower",
             detail=f"{LEAVES} receipts appended (leaf, complete subtrees, signed tree head "
                    f"of every size) {BATCH} to a transaction on SQLite: "
                    f"{1000 * seconds / LEAVES:.2f} ms each")

        progress("log: issuing receipts with and without the log")
        with_log, without = _issue(engine, ISSUES)
        emit("log.issue_receipt", 1000 * with_log, "ms", target=None, better="lower",
             baseline=1000 * without, ratio_target=2.0,
             detail=f"intake.submit of a signed SAR at a log of {LEAVES}+ leaves, with its "
                    f"log entry and signed tree head; baseline: the same with the log's two "
                    f"calls stubbed out; median of {ISSUES} each, alternating")

        public = server_private_key(engine).public_key()
        size = receipt_log.tree_head(engine).sth
        newest = rl.verify_tree_head(size, public)
        n = newest.tree_size
        bound = math.ceil(math.log2(n)) + 1
        indexes = [secrets.randbelow(n) for _ in range(300)] + [0, n - 1]
        with engine.connect() as conn:
            from sqlalchemy import select

            from recourse_server.contest import tables
            leaves = dict(conn.execute(select(tables.log_leaves.c.leaf_index,
                                              tables.log_leaves.c.leaf).where(
                tables.log_leaves.c.leaf_index.in_(indexes))).all())
        make, verify, lengths = [], [], []
        for index in indexes:
            started = time.perf_counter()
            proof = receipt_log.inclusion(engine, index, n)
            make.append(time.perf_counter() - started)
            lengths.append(len(proof.audit_path))
            started = time.perf_counter()
            rl.check_inclusion(leaves[index], index, newest, proof)
            verify.append(time.perf_counter() - started)
        emit("log.inclusion_hashes", max(lengths), "hashes", target=bound, better="lower",
             detail=f"longest audit path of {len(indexes)} leaves in a tree of {n} "
                    f"(bound ceil(log2 n)+1 = {bound}; {32 * max(lengths)} bytes)")
        emit("log.inclusion_make", 1000 * median(make), "ms", target=None, better="lower",
             detail="server: one inclusion proof from the stored subtrees (one SQL read), "
                    f"median of {len(indexes)}")
        emit("log.inclusion_verify", 1e6 * median(verify), "us", target=None, better="lower",
             detail=f"client: RFC 9162 2.1.3.2 verification, median of {len(indexes)}")
        c_lengths, c_verify = [], []
        for first in [f for f in (1, 2, 1023, 1024, 1025, 65_536, n // 3, n - 1) if f < n] + [
                1 + secrets.randbelow(n - 1) for _ in range(100)]:
            head = rl.verify_tree_head(receipt_log.tree_head(engine, first).sth, public)
            proof_c = receipt_log.consistency(engine, first, n)
            c_lengths.append(len(proof_c.consistency_path))
            started = time.perf_counter()
            rl.check_consistency(head, newest, proof_c)
            c_verify.append(time.perf_counter() - started)
        emit("log.consistency_hashes", max(c_lengths), "hashes", target=2 * bound,
             better="lower", detail=f"longest consistency proof of {len(c_lengths)} older "
                                    f"sizes to {n} ({32 * max(c_lengths)} bytes)")
        emit("log.consistency_verify", 1e6 * median(c_verify), "us", target=None,
             better="lower", detail=f"client: RFC 9162 2.1.4.2, median of {len(c_verify)}")

        progress("log: audit of the whole log")
        started = time.perf_counter()
        problems = receipt_log.audit(engine, lambda _m: None)
        emit("log.audit_100k", time.perf_counter() - started, "s", target=None,
             better="lower", detail=f"recourse-server log audit: rebuild {n} leaves, check "
                                    f"every stored hash and all {n + 1} signed heads "
                                    f"({len(problems)} problems)")
        engine.dispose()

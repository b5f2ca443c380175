"""The force's log of receipts, through the real app and the log module: every receipt
names its leaf, proofs verify with the RFC's own algorithms (`merkle`), concurrent
submissions never share an index, hostile parameters get 4xx problems, receipts issued
before the log existed are logged once, in order, and `recourse-server log audit` catches
a database altered behind the log's back."""

from __future__ import annotations

import math
import os
import threading
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, delete, select, text, update
from tests.server.test_contest import clock, register, sar, send, server_public

from recourse.protocol import merkle
from recourse.protocol import receipt_log as rl
from recourse.protocol.receipt import verify_receipt
from recourse_server import db, schema
from recourse_server.cli import main as server_main
from recourse_server.contest import receipt_log, tables
from recourse_server.contest.keys import server_private_key

__all__ = ["clock"]  # the fixture, used by name

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def fake_receipt(i: int) -> str:
    return f"eyJhbGciOiJFZERTQSJ9.receipt-{i}.sig"


def build_log(engine: Any, count: int) -> list[str]:
    """Append `count` leaves through the log module, as an issuer does."""
    private = server_private_key(engine)
    leaves = []
    with engine.begin() as conn:
        for _ in range(count):
            index = receipt_log.allocate(conn)
            leaf = fake_receipt(index)
            receipt_log.append(conn, index, leaf, kind="sar", submitted_sha256="0" * 64,
                               now=NOW, private_key=private)
            leaves.append(leaf)
    return leaves


def _log_backends() -> list[Any]:
    dsn = os.environ.get("RECOURSE_TEST_POSTGRES", "").strip()
    return ["sqlite", pytest.param("postgres", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not dsn, reason="RECOURSE_TEST_POSTGRES is not set")])]


@pytest.fixture(params=_log_backends())
def engine(request: pytest.FixtureRequest, tmp_path: Any) -> Any:
    """A fresh database with the server's tables: a SQLite file, or a PostgreSQL schema."""
    if request.param == "sqlite":
        made = db.make_engine(f"sqlite:///{tmp_path / 'log.sqlite3'}")
        drop = None
    else:
        dsn = os.environ["RECOURSE_TEST_POSTGRES"].strip()
        name = f"t_{uuid.uuid4().hex[:12]}"
        admin = create_engine(dsn)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
        separator = "&" if "?" in dsn else "?"
        made = db.make_engine(f"{dsn}{separator}options=-csearch_path%3D{name}",
                              pool_size=10)
        drop = (admin, name)
    schema.create_schema(made)
    receipt_log.ensure_log(made, NOW)
    yield made
    made.dispose()
    if drop is not None:
        admin, name = drop
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


def test_proofs_from_stored_subtrees_equal_the_rfc_reference_at_every_size(engine: Any) -> None:
    leaves = build_log(engine, 70)
    hashes = [merkle.leaf_hash(leaf.encode()) for leaf in leaves]
    public = server_private_key(engine).public_key()
    for size in range(1, 71):
        head = rl.verify_tree_head(receipt_log.tree_head(engine, size).sth, public)
        assert head.root_hash == merkle.root_hash(hashes[:size])
        for index in {0, size // 2, size - 1}:
            proof = receipt_log.inclusion(engine, index, size)
            assert proof.audit_path == [merkle.to_hex(h) for h in
                                        merkle.inclusion_path(hashes[:size], index)]
            rl.check_inclusion(leaves[index], index, head, proof)
            assert len(proof.audit_path) <= math.ceil(math.log2(size)) + 1
        for first in {1, size // 3 or 1, size}:
            proof_c = receipt_log.consistency(engine, first, size)
            assert proof_c.consistency_path == [
                merkle.to_hex(h) for h in merkle.consistency_path(hashes[:size], first)]
            old = rl.verify_tree_head(receipt_log.tree_head(engine, first).sth, public)
            rl.check_consistency(old, head, proof_c)
    assert receipt_log.audit(engine, lambda _m: None) == []


def test_concurrent_appends_never_share_an_index(engine: Any) -> None:
    private = server_private_key(engine)
    barrier = threading.Barrier(8)
    got: list[int] = []
    errors: list[BaseException] = []

    def issue(n: int) -> None:
        try:
            barrier.wait()
            for j in range(5):
                with engine.begin() as conn:
                    index = receipt_log.allocate(conn)
                    got.append(index)
                    receipt_log.append(conn, index, f"x.{n}-{j}.y", kind="sar",
                                       submitted_sha256="1" * 64, now=NOW,
                                       private_key=private)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=issue, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(got) == list(range(40))
    assert receipt_log.audit(engine, lambda _m: None) == []


def test_every_receipt_names_its_leaf_and_the_endpoints_prove_it(
        client: TestClient, headers: dict[str, dict[str, str]], clock: Any) -> None:
    auth = headers["pc.two"]
    private = register(client, auth)
    tokens = [sar(private, "off-2", clock.now) for _ in range(3)]
    receipts = []
    for token in tokens:
        response = send(client, auth, token)
        assert response.status_code == 201, response.text
        receipt = verify_receipt(response.json()["receipt"], token, server_public(client))
        receipts.append(receipt)
    indexes = [r.log_index for r in receipts]
    assert None not in indexes and len(set(indexes)) == 3
    head_answer = client.get("/v1/log/tree-head", headers=headers["psd.review"])
    assert head_answer.status_code == 200
    head = rl.verify_tree_head(rl.TreeHeadAnswer.model_validate_json(head_answer.text).sth,
                               server_public(client))
    for receipt in receipts:
        assert receipt.log_index is not None
        answer = client.get("/v1/log/inclusion", headers=auth, params={
            "leaf_index": receipt.log_index, "tree_size": head.tree_size})
        assert answer.status_code == 200, answer.text
        rl.check_inclusion(receipt.token, receipt.log_index, head,
                           rl.InclusionAnswer.model_validate_json(answer.text))
    first = client.get("/v1/log/consistency", headers=auth,
                       params={"first": 1, "second": head.tree_size})
    assert first.status_code == 200
    old = client.get("/v1/log/tree-head", headers=auth, params={"tree_size": 1}).json()["sth"]
    rl.check_consistency(rl.verify_tree_head(old, server_public(client)), head,
                         rl.ConsistencyAnswer.model_validate_json(first.text))


@pytest.mark.parametrize(("path", "params"), [
    ("/v1/log/tree-head", {"tree_size": "-1"}),
    ("/v1/log/tree-head", {"tree_size": "99999999"}),
    ("/v1/log/tree-head", {"tree_size": "1e3"}),
    ("/v1/log/tree-head", {"tree_size": str(2**70)}),
    ("/v1/log/inclusion", {"leaf_index": "5", "tree_size": "5"}),
    ("/v1/log/inclusion", {"leaf_index": "0", "tree_size": "0"}),
    ("/v1/log/inclusion", {"leaf_index": "0", "tree_size": str(2**53)}),
    ("/v1/log/inclusion", {"leaf_index": "x", "tree_size": "1"}),
    ("/v1/log/inclusion", {"tree_size": "1"}),
    ("/v1/log/consistency", {"first": "0", "second": "1"}),
    ("/v1/log/consistency", {"first": "3", "second": "2"}),
    ("/v1/log/consistency", {"first": "1", "second": str(2**53)}),
    ("/v1/log/consistency", {"first": "1", "second": "1" * 400}),
])
def test_hostile_parameters_are_refused_with_problems(
        client: TestClient, headers: dict[str, dict[str, str]], path: str,
        params: dict[str, str]) -> None:
    response = client.get(path, params=params, headers=headers["pc.one"])
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


def test_the_log_is_for_people_signed_in(client: TestClient) -> None:
    assert client.get("/v1/log/tree-head").status_code == 401


def test_receipts_from_before_the_log_are_logged_once_in_the_order_issued(
        engine: Any) -> None:
    private = server_private_key(engine)
    s = tables.submissions.c
    with engine.begin() as conn:
        for seq, at in ((1, "2026-01-02T09:00:00Z"), (2, "2026-01-01T09:00:00Z")):
            conn.execute(tables.submissions.insert(), {
                "seq": seq, "reference": f"RC-2026-{seq:06d}", "officer_id": "off-1",
                "kind": "sar", "officer_key_id": "k" * 43, "token": f"tok{seq}",
                "submission_sha256": f"{seq}" * 64, "payload": "{}",
                "idempotency_key": f"key-{seq}", "request_sha256": f"{seq}" * 64,
                "receipt": f"old.receipt-{seq}.sig", "received_at": at,
                "state": "submitted", "updated_at": at})
    assert receipt_log.backfill(engine, NOW) == 2
    assert receipt_log.backfill(engine, NOW) == 0
    with engine.connect() as conn:
        leaves = conn.execute(select(tables.log_leaves.c.leaf)
                              .order_by(tables.log_leaves.c.leaf_index)).scalars().all()
        assert conn.execute(select(s.seq)).all()
    assert leaves == ["old.receipt-2.sig", "old.receipt-1.sig"]
    head = rl.verify_tree_head(receipt_log.tree_head(engine).sth, private.public_key())
    assert head.tree_size == 2
    assert receipt_log.audit(engine, lambda _m: None) == []


@pytest.mark.parametrize("damage", ["alter", "delete", "resign"])
def test_the_audit_command_catches_a_tampered_log(tmp_path: Any, damage: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'audit.sqlite3'}"
    made = db.make_engine(url)
    schema.create_schema(made)
    receipt_log.ensure_log(made, NOW)
    build_log(made, 9)
    assert server_main(["log", "--database", url, "audit"]) == 0
    leaves = tables.log_leaves.c
    with made.begin() as conn:
        if damage == "alter":
            conn.execute(update(tables.log_leaves).where(leaves.leaf_index == 4)
                         .values(leaf="forged.receipt.sig"))
        elif damage == "delete":
            conn.execute(delete(tables.log_leaves).where(leaves.leaf_index == 8))
        else:
            sth = rl.sign_tree_head(5, b"\x07" * 32, NOW, server_private_key(made))
            conn.execute(update(tables.log_heads).where(tables.log_heads.c.tree_size == 5)
                         .values(sth=sth, root_hash="07" * 32))
    made.dispose()
    capsys.readouterr()
    assert server_main(["log", "--database", url, "audit"]) == 1
    err = capsys.readouterr().err
    assert "FAILED its audit" in err
    assert {"alter": "altered", "delete": "holds", "resign": "root that the leaves"}[damage] \
        in err


def test_a_valid_history_of_ten_thousand_receipts_verifies(engine: Any) -> None:
    """Built through the log module as the issuer does; every signed head is checked by
    the audit, and a client's checks pass across the history, with proofs that stay
    logarithmic in size."""
    size = 10_000
    leaves = build_log(engine, size)
    assert receipt_log.audit(engine, lambda _m: None) == []
    public = server_private_key(engine).public_key()
    newest = rl.verify_tree_head(receipt_log.tree_head(engine).sth, public)
    assert newest.tree_size == size
    bound = math.ceil(math.log2(size)) + 1
    for index in range(0, size, 37):
        proof = receipt_log.inclusion(engine, index, size)
        assert len(proof.audit_path) <= bound
        rl.check_inclusion(leaves[index], index, newest, proof)
    for first in (1, 2, 3, 1023, 1024, 1025, 4097, 9999, 10_000):
        proof_c = receipt_log.consistency(engine, first, size)
        assert len(proof_c.consistency_path) <= bound
        rl.check_consistency(rl.verify_tree_head(receipt_log.tree_head(engine, first).sth,
                                                 public), newest, proof_c)


def test_every_receipt_the_server_holds_is_a_leaf_at_the_index_it_names(
        client: TestClient, headers: dict[str, dict[str, str]]) -> None:
    """Seeded mandates (signed by the members' demo keys) and submissions alike."""
    from recourse.protocol.jws import unverified_payload

    engine = client.app.state.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        leaves = dict(conn.execute(select(tables.log_leaves.c.leaf,
                                          tables.log_leaves.c.leaf_index)).all())
        issued = [r for r in conn.execute(select(db.mandates.c.receipt)).scalars()]
        issued += [r for r in conn.execute(select(tables.submissions.c.receipt)).scalars()]
    assert any(unverified_payload(r)["kind"] == "mandate" for r in issued)
    for receipt in issued:
        assert receipt in leaves
        assert unverified_payload(receipt)["log_index"] == leaves[receipt]

"""The client holds the force to its log of receipts: the real reference server on
loopback, the real encrypted store, and a force that alters its own log the way an
insider would (every hash recomputed and every head re-signed with its receipt key,
`tests.support.log_tamper`). Each alteration is caught by the next sync's check, kept
with its evidence, and an honest log that only grows passes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.support import log_tamper

from recourse.contest import ContestService, Draft
from recourse.protocol import receipt_log as rl
from recourse.protocol.jws import unverified_payload
from recourse.store.receipt_log import LogStore
from recourse.sync.receipt_log import check_receipt_log, pinned_receipt_key


@pytest.fixture
def restored(hughes_server: Any) -> Iterator[str]:
    """The server's database URL; the log is put back as it was after the test."""
    before = log_tamper.leaves(hughes_server.database_url)
    yield hughes_server.database_url
    log_tamper.rewrite(hughes_server.database_url, lambda _old: before)


def send_sar(store: Any, api: Any) -> tuple[str, int]:
    """A real subject-access request; its reference and the receipt's log index."""
    contest = ContestService(store, api)
    contest.pin_server_key()
    contest.ensure_signing_key()
    draft = Draft(kind="sar")
    contest.save_draft(draft)
    sent = contest.submit(contest.prepare(draft))
    assert sent.state == "received"
    receipt = contest.contest.receipt(sent.id)
    assert receipt is not None
    index = unverified_payload(receipt.token)["log_index"]
    assert isinstance(index, int)
    return receipt.reference, index


def kinds(found: Any) -> set[str]:
    return {p.kind for p in found.problems}


def test_an_honest_log_that_grows_passes_and_every_proof_is_kept(
        hughes_client: Any, restored: str) -> None:
    store, api = hughes_client
    first_ref, _ = send_sar(store, api)
    first = check_receipt_log(api, store)
    assert first.state == "ok" and first.included == 1
    second_ref, second_index = send_sar(store, api)
    again = check_receipt_log(api, store)
    assert again.state == "ok" and again.included == 2
    assert again.tree_size is not None and first.tree_size is not None
    assert again.tree_size > first.tree_size
    logs = LogStore(store)
    assert {h.tree_size for h in logs.heads()} >= {first.tree_size, again.tree_size}
    proof = logs.proof(second_ref)
    assert proof is not None and proof.leaf_index == second_index
    key = pinned_receipt_key(store)
    assert key is not None
    head = rl.verify_tree_head(proof.sth, key)
    rl.check_inclusion(proof.receipt, proof.leaf_index, head, rl.InclusionAnswer(
        leaf_index=proof.leaf_index, tree_size=proof.tree_size, audit_path=proof.audit_path))
    assert logs.proof(first_ref) is not None
    assert logs.alerts() == []


def test_a_receipt_altered_in_the_force_database_is_caught(hughes_client: Any,
                                                          restored: str) -> None:
    store, api = hughes_client
    _, index = send_sar(store, api)
    assert check_receipt_log(api, store).state == "ok"

    def alter(old: list[str]) -> list[str]:
        changed = list(old)
        changed[index] = changed[index][:-4] + "AAAA"
        return changed

    log_tamper.rewrite(restored, alter)
    found = check_receipt_log(api, store)
    assert found.state == "altered"
    assert {"forked", "receipt_missing"} <= kinds(found)
    alerts = LogStore(store).alerts()
    forked = next(a for a in alerts if a.kind == "forked")
    # The same size signed over two roots: both signed heads are the evidence.
    assert {"older", "newer"} <= set(forked.evidence)
    assert forked.evidence["older"] != forked.evidence["newer"]
    missing = next(a for a in alerts if a.kind == "receipt_missing")
    assert not missing.evidence["receipt"].endswith("AAAA")  # the officer's own copy
    assert "proof" in missing.evidence


def test_a_receipt_deleted_from_the_force_database_is_caught(hughes_client: Any,
                                                            restored: str) -> None:
    store, api = hughes_client
    _, index = send_sar(store, api)
    assert check_receipt_log(api, store).state == "ok"
    log_tamper.rewrite(restored, lambda old: old[:index] + old[index + 1:])
    found = check_receipt_log(api, store)
    assert found.state == "altered"
    assert {"shrank", "receipt_missing"} <= kinds(found)


def test_a_tree_head_re_signed_over_a_different_root_is_caught(hughes_client: Any,
                                                               restored: str) -> None:
    store, api = hughes_client
    send_sar(store, api)
    assert check_receipt_log(api, store).state == "ok"
    log_tamper.resign_newest(restored)
    found = check_receipt_log(api, store)
    assert found.state == "altered"
    assert {"forked", "receipt_missing"} <= kinds(found)
    forked = next(a for a in LogStore(store).alerts() if a.kind == "forked")
    assert forked.evidence["older"] != forked.evidence["newer"]  # both heads kept


def test_a_log_rolled_back_to_an_older_size_is_caught(hughes_client: Any,
                                                      restored: str) -> None:
    store, api = hughes_client
    _, index = send_sar(store, api)
    assert check_receipt_log(api, store).state == "ok"
    log_tamper.roll_back(restored, index)
    found = check_receipt_log(api, store)
    assert found.state == "altered"
    assert {"shrank", "receipt_missing"} <= kinds(found)
    # Found once: the next sync finds the same and does not say it twice.
    count = len(LogStore(store).alerts())
    assert check_receipt_log(api, store).state == "altered"
    assert len(LogStore(store).alerts()) == count


def test_without_a_pinned_key_nothing_is_checked_and_nothing_breaks(
        hughes_client: Any) -> None:
    store, api = hughes_client
    assert check_receipt_log(api, store).state == "not_pinned"


def test_the_evidence_bundle_carries_the_log_proof_and_verify_says_what_it_proves(
        hughes_client: Any, restored: str, tmp_path: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    from recourse.cli.verify import verify_main
    from recourse.contest.bundles import read_bundle, write_zip_atomically
    from recourse.protocol.bundle import verify_bundle

    store, api = hughes_client
    reference, index = send_sar(store, api)
    contest = ContestService(store, api)
    unchecked = verify_bundle(contest.bundle_files(reference))
    assert unchecked.ok and any("no proof of it" in s for s in unchecked.not_proven)
    checked = check_receipt_log(api, store)
    assert checked.state == "ok"
    path = contest.export_bundle(reference, tmp_path / "bundle.zip")
    assert verify_main([str(path)]) == 0
    out = capsys.readouterr().out
    assert (f"This receipt was in the force's public log of {checked.tree_size} receipts at"
            in out)
    assert f"at entry {index + 1} of it" in out

    files = read_bundle(path)
    proof = rl.InclusionAnswer.model_validate_json(files["log/inclusion.json"])
    forged = proof.model_copy(update={"audit_path": ["0" * 64, *proof.audit_path[1:]]}) \
        if proof.audit_path else proof.model_copy(update={"tree_size": proof.tree_size + 1})
    files["log/inclusion.json"] = forged.model_dump_json().encode()
    write_zip_atomically(tmp_path / "forged.zip", files)
    assert verify_main([str(tmp_path / "forged.zip")]) == 1
    assert "in the force's log does not check out" in capsys.readouterr().out


def test_the_log_audit_command_checks_every_size_seen_and_says_what_it_found(
        hughes_client: Any, hughes_server: Any, restored: str, tmp_path: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    from recourse.cli.log_audit import log_main
    from recourse.sync.receipt_log import audit_log

    store, api = hughes_client
    send_sar(store, api)
    assert check_receipt_log(api, store).state == "ok"
    send_sar(store, api)
    check, said = audit_log(api, store)
    assert check.state == "ok" and said
    assert all("is a prefix of the log of" in line for line in said)

    profile = Path(store.path).parent
    args = ["audit", "--server", hughes_server.url, "--profile", str(profile)]
    assert log_main(args, passphrase=lambda: "correct horse battery staple") == 0
    assert "only grew and holds every one of your 2 receipt(s)" in capsys.readouterr().out
    log_tamper.roll_back(restored, 1)
    assert log_main(args, passphrase=lambda: "correct horse battery staple") == 1
    out = capsys.readouterr().out
    assert "HAS BEEN ALTERED" in out and "shrank" in out


def test_the_log_instructions_in_verify_txt_work_on_a_real_bundle(
        hughes_client: Any, restored: str, tmp_path: Path) -> None:
    import subprocess
    import sys

    store, api = hughes_client
    reference, _ = send_sar(store, api)
    assert check_receipt_log(api, store).state == "ok"
    files = ContestService(store, api).bundle_files(reference)
    for path, data in files.items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    text = files["VERIFY.txt"].decode()
    script = (text[text.index("import base64"):text.index("\n\n3. With openssl")] + "\n"
              + text[text.index('_, head = check("log/'):text.index("\n\nWhat this proves")])

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", script], cwd=tmp_path,
                              capture_output=True, text=True, check=False)

    result = run()
    assert result.returncode == 0, result.stderr
    assert "In the force's log of" in result.stdout
    proof = (tmp_path / "log" / "inclusion.json").read_text()
    path = rl.InclusionAnswer.model_validate_json(proof).audit_path
    if path:
        (tmp_path / "log" / "inclusion.json").write_text(proof.replace(path[0], "0" * 64))
        assert run().returncode != 0

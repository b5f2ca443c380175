"""The part of an evidence bundle that proves the receipt is in the force's public log:
the force's signed tree head and the receipt's inclusion proof (`receipt_log`), checked
offline with the force's key in the bundle.

    log/tree-head.jws          the signed tree head the proof is against
    log/inclusion.json         {"leaf_index", "tree_size", "audit_path"} (RFC 9162 2.1.3)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import ValidationError

from recourse.protocol import receipt_log as rl
from recourse.protocol.canonical import canonical_json
from recourse.protocol.jws import ProtocolError, unverified_payload

__all__ = ["INCLUSION_FILE", "TREE_HEAD_FILE", "check_log_files", "log_files"]

TREE_HEAD_FILE = "log/tree-head.jws"
INCLUSION_FILE = "log/inclusion.json"


class _Report(Protocol):
    proven: list[str]
    not_proven: list[str]
    problems: list[str]


def log_files(tree_head: str, proof: rl.InclusionAnswer) -> dict[str, bytes]:
    return {TREE_HEAD_FILE: tree_head.encode("ascii"),
            INCLUSION_FILE: canonical_json(proof.model_dump(mode="json"))}


def check_log_files(files: Mapping[str, bytes], force: Ed25519PublicKey, receipt_token: str,
                    report: _Report) -> None:
    """Say what the log proof in the bundle proves of the (already verified) receipt."""
    head_bytes, proof_bytes = files.get(TREE_HEAD_FILE), files.get(INCLUSION_FILE)
    if head_bytes is None and proof_bytes is None:
        report.not_proven.append(
            "That the receipt is in the force's public log of receipts: this bundle carries "
            "no proof of it (the receipt may predate the log, or was not yet checked).")
        return
    if head_bytes is None or proof_bytes is None:
        report.problems.append(f"{TREE_HEAD_FILE} and {INCLUSION_FILE} come together; one "
                               "of them is missing.")
        return
    try:
        head = rl.verify_tree_head(head_bytes.decode("ascii").strip(), force)
        proof = rl.InclusionAnswer.model_validate_json(proof_bytes)
        index = unverified_payload(receipt_token).get("log_index")
        if not isinstance(index, int) or isinstance(index, bool):
            raise rl.LogInvalid("The receipt does not name its entry in the log.")
        rl.check_inclusion(receipt_token, index, head, proof)
    except (ProtocolError, ValidationError, UnicodeDecodeError) as exc:
        reason = str(exc) if isinstance(exc, ProtocolError) else "it cannot be read"
        report.problems.append(f"The proof that the receipt is in the force's log does not "
                               f"check out: {reason}")
        return
    report.proven.append(
        f"This receipt was in the force's public log of {head.tree_size} receipts at "
        f"{head.timestamp:%Y-%m-%d %H:%M:%S} UTC: the force's key signed that log's tree "
        f"head, and the inclusion proof places exactly this receipt at entry {index + 1} of "
        "it (RFC 9162). The force cannot drop or change it later without its log showing "
        "that it was altered.")

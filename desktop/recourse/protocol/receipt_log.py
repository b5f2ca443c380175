"""The force's public, append-only log of receipts: signed tree heads, the wire answers of
`/v1/log/`, and the checks a client makes of them (hashing and proofs: `merkle`).

Every receipt the force issues is a leaf of an RFC 9162 Merkle tree; the leaf is the exact
bytes of the receipt's compact JWS, and the receipt names its `log_index`. The force signs
a tree head for every size its log reaches, with its receipt key (EdDSA over the RFC 8785
JSON of `{"tree_size", "root_hash", "timestamp"}`, typ `TREE_HEAD_TYP`).

Endpoints (bearer token of anyone signed in):

- `GET /v1/log/tree-head[?tree_size=N]` -> `TreeHeadAnswer`: the newest head, or the one
  issued at size N.
- `GET /v1/log/inclusion?leaf_index=I&tree_size=N` -> `InclusionAnswer` (§2.1.3).
- `GET /v1/log/consistency?first=M&second=N` -> `ConsistencyAnswer` (§2.1.4).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from pydantic import Field, ValidationError

from recourse.protocol import merkle
from recourse.protocol.canonical import canonical_json, is_canonical, loads_strict
from recourse.protocol.jws import ProtocolError, key_id, sign_compact, verify_compact
from recourse.protocol.submission import format_utc, parse_utc
from recourse.protocol.wire import WireModel

__all__ = [
    "MAX_TREE_SIZE",
    "TREE_HEAD_TYP",
    "ConsistencyAnswer",
    "InclusionAnswer",
    "LogInvalid",
    "TreeHead",
    "TreeHeadAnswer",
    "check_consistency",
    "check_inclusion",
    "receipt_sha256",
    "sign_tree_head",
    "verify_tree_head",
]

TREE_HEAD_TYP = "recourse-tree-head+jws"
#: No log grows beyond this; larger numbers in a request or an answer are refused unread.
MAX_TREE_SIZE = 2**53
_HEX = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
_SIZE = Annotated[int, Field(ge=0, le=MAX_TREE_SIZE)]


class LogInvalid(ProtocolError):
    """A tree head or proof of the force's log does not check out; the text says why."""


class TreeHeadAnswer(WireModel):
    #: The signed tree head, a compact JWS (`verify_tree_head`).
    sth: Annotated[str, Field(min_length=1, max_length=2000)]


class InclusionAnswer(WireModel):
    leaf_index: _SIZE
    tree_size: _SIZE
    audit_path: Annotated[list[_HEX], Field(max_length=64)]


class ConsistencyAnswer(WireModel):
    first: _SIZE
    second: _SIZE
    consistency_path: Annotated[list[_HEX], Field(max_length=merkle.MAX_PATH_LENGTH)]


class _HeadPayload(WireModel):
    tree_size: _SIZE
    root_hash: _HEX
    timestamp: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]


@dataclass(frozen=True)
class TreeHead:
    """A verified signed tree head."""

    token: str
    tree_size: int
    root_hash: bytes
    timestamp: datetime


def receipt_sha256(receipt_token: str) -> str:
    """Hex SHA-256 of the receipt's exact bytes (the leaf)."""
    return hashlib.sha256(receipt_token.encode("ascii")).hexdigest()


def sign_tree_head(tree_size: int, root: bytes, timestamp: datetime,
                   private_key: Ed25519PrivateKey) -> str:
    payload = {"tree_size": tree_size, "root_hash": merkle.to_hex(root),
               "timestamp": format_utc(timestamp)}
    return sign_compact(canonical_json(payload), private_key,
                        key_id(private_key.public_key()), TREE_HEAD_TYP)


def verify_tree_head(token: str, public_key: Ed25519PublicKey) -> TreeHead:
    """Check a tree head with the pinned receipt key; `ProtocolError` if it is not one."""
    verified = verify_compact(token, public_key, expected_kid=key_id(public_key),
                              expected_typ=TREE_HEAD_TYP)
    if not is_canonical(verified.payload_bytes):
        raise LogInvalid("The tree head's content is not in canonical form.")
    raw = loads_strict(verified.payload_bytes)
    try:
        model = _HeadPayload.model_validate(raw)
        moment = parse_utc(model.timestamp)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "tree head"
        raise LogInvalid(f"The tree head is not valid: {where}: {first['msg']}.") from None
    except ValueError as exc:
        raise LogInvalid(f"The tree head is not valid: {exc}.") from None
    return TreeHead(token=token, tree_size=model.tree_size,
                    root_hash=bytes.fromhex(model.root_hash), timestamp=moment)


def check_inclusion(receipt_token: str, leaf_index: int, head: TreeHead,
                    proof: InclusionAnswer) -> None:
    """That this exact receipt is leaf `leaf_index` of the log `head` signed."""
    if proof.leaf_index != leaf_index or proof.tree_size != head.tree_size:
        raise LogInvalid(f"The proof is for leaf {proof.leaf_index} of a log of "
                         f"{proof.tree_size}, not leaf {leaf_index} of {head.tree_size}.")
    try:
        leaf = merkle.leaf_hash(receipt_token.encode("ascii"))
        merkle.verify_inclusion(leaf, leaf_index, head.tree_size,
                                [bytes.fromhex(h) for h in proof.audit_path], head.root_hash)
    except (merkle.ProofInvalid, UnicodeEncodeError) as error:
        raise LogInvalid(f"The receipt is not in the force's log: {error}.") from None


def check_consistency(old: TreeHead, new: TreeHead, proof: ConsistencyAnswer) -> None:
    """That the log `new` signed only added receipts to the log `old` signed."""
    if new.tree_size < old.tree_size:
        raise LogInvalid(f"The log shrank from {old.tree_size} receipts to {new.tree_size}.")
    if old.tree_size == 0:
        return  # every log extends the empty one
    if proof.first != old.tree_size or proof.second != new.tree_size:
        raise LogInvalid(f"The proof is from {proof.first} to {proof.second} receipts, not "
                         f"from {old.tree_size} to {new.tree_size}.")
    try:
        merkle.verify_consistency(old.tree_size, new.tree_size, old.root_hash, new.root_hash,
                                  [bytes.fromhex(h) for h in proof.consistency_path])
    except merkle.ProofInvalid as error:
        raise LogInvalid(f"The force's log was rewritten: {error}.") from None

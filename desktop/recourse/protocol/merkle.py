"""The receipt log's Merkle tree, with the hashing and proofs of RFC 9162 (Certificate
Transparency v2), §2.1: the force appends every receipt it issues, and a client that holds a
receipt can check that it stays in the log and that the log only ever grows.

    leaf hash  = SHA-256(0x00 || leaf)
    node hash  = SHA-256(0x01 || left || right)

`inclusion_path` and `consistency_path` make the proofs from the leaf hashes (§2.1.3.1,
§2.1.4.1, as the server does); `verify_inclusion` and `verify_consistency` check them with
the RFC's own algorithms (§2.1.3.2, §2.1.4.2), so a proof made by any implementation that
follows the RFC verifies here. Pure functions over bytes; hashes travel as lowercase hex
(`to_hex`, `from_hex`).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence

__all__ = [
    "HASH_BYTES",
    "MAX_PATH_LENGTH",
    "ProofInvalid",
    "consistency_path",
    "from_hex",
    "inclusion_path",
    "leaf_hash",
    "node_hash",
    "root_hash",
    "to_hex",
    "verify_consistency",
    "verify_inclusion",
]

HASH_BYTES = 32
#: A well-formed proof in a tree of fewer than 2**64 leaves has at most this many hashes
#: (a consistency proof: twice the height); anything longer is refused unread.
MAX_PATH_LENGTH = 2 * 64
_EMPTY_ROOT = hashlib.sha256(b"").digest()


class ProofInvalid(ValueError):
    """A Merkle proof does not prove what it claims; the text says why."""


def leaf_hash(leaf: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def to_hex(digest: bytes) -> str:
    return digest.hex()


def from_hex(text: str) -> bytes:
    """A hash from lowercase hex; anything else (upper case, wrong length) is refused."""
    if len(text) != 2 * HASH_BYTES or text != text.lower():
        raise ProofInvalid("a hash is not 64 lowercase hexadecimal digits")
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise ProofInvalid("a hash is not 64 lowercase hexadecimal digits") from None


def _split(n: int) -> int:
    """The largest power of two smaller than n (n > 1): where RFC 9162 splits a tree."""
    return 1 << ((n - 1).bit_length() - 1)


def root_hash(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH(D[n]) over the leaves' hashes (RFC 9162 §2.1.1); the empty tree's is SHA-256('')."""
    n = len(leaf_hashes)
    if n == 0:
        return _EMPTY_ROOT
    if n == 1:
        return leaf_hashes[0]
    k = _split(n)
    return node_hash(root_hash(leaf_hashes[:k]), root_hash(leaf_hashes[k:]))


def inclusion_path(leaf_hashes: Sequence[bytes], index: int) -> list[bytes]:
    """PATH(m, D[n]) (§2.1.3.1): the audit path of leaf `index` in the tree of these leaves."""
    n = len(leaf_hashes)
    if not 0 <= index < n:
        raise ValueError(f"leaf {index} is not in a tree of {n}")
    if n == 1:
        return []
    k = _split(n)
    if index < k:
        return [*inclusion_path(leaf_hashes[:k], index), root_hash(leaf_hashes[k:])]
    return [*inclusion_path(leaf_hashes[k:], index - k), root_hash(leaf_hashes[:k])]


def consistency_path(leaf_hashes: Sequence[bytes], first: int) -> list[bytes]:
    """PROOF(m, D[n]) (§2.1.4.1): proves the tree of the first `first` leaves is a prefix of
    the tree of all of them. Empty when the sizes are equal."""
    n = len(leaf_hashes)
    if not 0 < first <= n:
        raise ValueError(f"no consistency proof from size {first} to {n}")
    return _subproof(leaf_hashes, first, complete=True)


def _subproof(leaf_hashes: Sequence[bytes], m: int, *, complete: bool) -> list[bytes]:
    n = len(leaf_hashes)
    if m == n:
        return [] if complete else [root_hash(leaf_hashes)]
    k = _split(n)
    if m <= k:
        return [*_subproof(leaf_hashes[:k], m, complete=complete), root_hash(leaf_hashes[k:])]
    return [*_subproof(leaf_hashes[k:], m - k, complete=False), root_hash(leaf_hashes[:k])]


def _check_path(path: Sequence[bytes]) -> None:
    if len(path) > MAX_PATH_LENGTH:
        raise ProofInvalid("the proof is longer than any tree could need")
    if any(len(p) != HASH_BYTES for p in path):
        raise ProofInvalid("a hash in the proof is not 32 bytes")


def verify_inclusion(
    leaf: bytes, index: int, tree_size: int, path: Sequence[bytes], root: bytes
) -> None:
    """§2.1.3.2: that the leaf with hash `leaf` is leaf `index` of the tree of `tree_size`
    whose root is `root`. Raises `ProofInvalid` unless it is."""
    _check_path(path)
    if not 0 <= index < tree_size:
        raise ProofInvalid(f"leaf {index} cannot be in a tree of {tree_size}")
    fn, sn, r = index, tree_size - 1, leaf
    for p in path:
        if sn == 0:
            raise ProofInvalid("the proof is longer than the tree is high")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofInvalid("the proof is shorter than the tree is high")
    if not hmac.compare_digest(r, root):
        raise ProofInvalid("the leaf is not in the tree with that root")


def verify_consistency(
    first: int, second: int, first_root: bytes, second_root: bytes, path: Sequence[bytes]
) -> None:
    """§2.1.4.2: that the tree of `first` leaves with root `first_root` is a prefix of the
    tree of `second` leaves with root `second_root`, i.e. the log only grew. Raises
    `ProofInvalid` unless it is."""
    _check_path(path)
    if not 0 < first <= second:
        raise ProofInvalid(f"a log cannot grow from {first} to {second} entries")
    if first == second:
        if path:
            raise ProofInvalid("trees of the same size need an empty proof")
        if not hmac.compare_digest(first_root, second_root):
            raise ProofInvalid("two trees of the same size have different roots")
        return
    if not path:
        raise ProofInvalid("the proof is empty")
    nodes = list(path)
    if first & (first - 1) == 0:  # an exact power of two: the old root is a node itself
        nodes.insert(0, first_root)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = nodes[0]
    for c in nodes[1:]:
        if sn == 0:
            raise ProofInvalid("the proof is longer than the tree is high")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofInvalid("the proof is shorter than the tree is high")
    if not hmac.compare_digest(fr, first_root):
        raise ProofInvalid("the older tree is not a prefix of the newer one")
    if not hmac.compare_digest(sr, second_root):
        raise ProofInvalid("the newer tree's root does not match")

"""The receipt log's Merkle tree against RFC 9162 §2.1 and the published Certificate
Transparency test vectors (the eight-leaf tree of RFC 6962's reference tests: roots of every
prefix, audit paths and consistency proofs), against pymerkle as an independent
implementation, and against tampering: a changed leaf, a wrong index, a shrunk or forked log."""

from __future__ import annotations

import math
import random

import pytest
from pymerkle import InmemoryTree

from recourse.protocol import merkle
from recourse.protocol.merkle import ProofInvalid

LEAVES = [bytes.fromhex(x) for x in (
    "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
    "606162636465666768696a6b6c6d6e6f")]
HASHES = [merkle.leaf_hash(leaf) for leaf in LEAVES]
ROOTS = [  # of the first 1..8 leaves
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
# (leaf index, tree size, audit path), leaf indexes from 0.
INCLUSION = [
    (0, 1, []),
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]
# (first size, second size, consistency path)
CONSISTENCY = [
    (1, 1, []),
    (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]


def hexes(path: list[bytes]) -> list[str]:
    return [merkle.to_hex(p) for p in path]


def test_the_roots_of_every_prefix_are_the_published_ones() -> None:
    assert [merkle.to_hex(merkle.root_hash(HASHES[:n])) for n in range(1, 9)] == ROOTS
    assert merkle.to_hex(merkle.root_hash([])) == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")


@pytest.mark.parametrize(("index", "size", "path"), INCLUSION)
def test_audit_paths_are_the_published_ones_and_verify(index: int, size: int,
                                                        path: list[str]) -> None:
    assert hexes(merkle.inclusion_path(HASHES[:size], index)) == path
    merkle.verify_inclusion(HASHES[index], index, size, [merkle.from_hex(p) for p in path],
                            merkle.from_hex(ROOTS[size - 1]))


@pytest.mark.parametrize(("first", "second", "path"), CONSISTENCY)
def test_consistency_proofs_are_the_published_ones_and_verify(first: int, second: int,
                                                              path: list[str]) -> None:
    assert hexes(merkle.consistency_path(HASHES[:second], first)) == path
    merkle.verify_consistency(first, second, merkle.from_hex(ROOTS[first - 1]),
                              merkle.from_hex(ROOTS[second - 1]),
                              [merkle.from_hex(p) for p in path])


def test_pymerkle_an_independent_implementation_agrees() -> None:
    """Roots and audit paths for every tree up to 70 leaves (pymerkle's paths start with the
    leaf's own hash and count leaves from 1)."""
    rng = random.Random(9162)
    leaves = [rng.randbytes(rng.randrange(0, 40)) for _ in range(70)]
    hashes = [merkle.leaf_hash(leaf) for leaf in leaves]
    tree = InmemoryTree(algorithm="sha256")
    for leaf in leaves:
        tree.append_entry(leaf)
    for size in range(1, 71):
        assert merkle.root_hash(hashes[:size]) == tree.get_root(size)
        for index in range(size):
            theirs = tree.prove_inclusion(index + 1, size).serialize()["path"][1:]
            assert hexes(merkle.inclusion_path(hashes[:size], index)) == theirs


def test_every_proof_of_a_10000_leaf_history_verifies_and_stays_logarithmic() -> None:
    rng = random.Random(14)
    hashes = [merkle.leaf_hash(rng.randbytes(200)) for _ in range(10_000)]
    sizes = sorted({1, 2, 3, 1024, 1025, 4097, 9999, 10_000, *rng.sample(range(1, 10_001), 8)})
    roots = {n: merkle.root_hash(hashes[:n]) for n in sizes}
    for n in sizes:
        height = math.ceil(math.log2(n)) if n > 1 else 0
        for index in {0, n - 1, rng.randrange(n)}:
            path = merkle.inclusion_path(hashes[:n], index)
            assert len(path) <= height
            merkle.verify_inclusion(hashes[index], index, n, path, roots[n])
        for first in (m for m in sizes if m <= n):
            path = merkle.consistency_path(hashes[:n], first)
            assert len(path) <= 2 * height
            merkle.verify_consistency(first, n, roots[first], roots[n], path)


@pytest.fixture
def eight() -> tuple[list[bytes], bytes]:
    return HASHES, merkle.root_hash(HASHES)


def test_an_altered_leaf_is_not_included(eight: tuple[list[bytes], bytes]) -> None:
    hashes, root = eight
    path = merkle.inclusion_path(hashes, 3)
    with pytest.raises(ProofInvalid, match="not in the tree"):
        merkle.verify_inclusion(merkle.leaf_hash(b"altered"), 3, 8, path, root)


@pytest.mark.parametrize(("index", "size", "change", "why"), [
    (4, 8, lambda p: p, "not in the tree"),            # right path, wrong index
    (3, 8, lambda p: p[:-1], "shorter"),                # truncated
    (3, 8, lambda p: [*p, p[0]], "longer"),             # padded
    (3, 8, lambda p: [*p[:1], bytes(32), *p[2:]], "not in the tree"),
    (8, 8, lambda p: p, "cannot be in a tree"),
])
def test_a_bent_inclusion_proof_fails(eight: tuple[list[bytes], bytes], index: int, size: int,
                                      change: object, why: str) -> None:
    hashes, root = eight
    path = change(merkle.inclusion_path(hashes, 3))  # type: ignore[operator]
    with pytest.raises(ProofInvalid, match=why):
        merkle.verify_inclusion(hashes[3], index, size, path, root)


def test_a_forked_or_shrunk_log_fails_consistency(eight: tuple[list[bytes], bytes]) -> None:
    hashes, root = eight
    old_root = merkle.root_hash(hashes[:5])
    path = merkle.consistency_path(hashes, 5)
    forked = [*hashes[:4], merkle.leaf_hash(b"rewritten"), *hashes[5:]]
    with pytest.raises(ProofInvalid, match="prefix"):  # the log rewrote entry 4
        merkle.verify_consistency(5, 8, old_root, merkle.root_hash(forked),
                                  merkle.consistency_path(forked, 5))
    with pytest.raises(ProofInvalid, match="cannot grow"):  # rolled back to a smaller size
        merkle.verify_consistency(8, 5, root, old_root, path)
    with pytest.raises(ProofInvalid, match="different roots"):
        merkle.verify_consistency(8, 8, root, merkle.root_hash(forked), [])
    with pytest.raises(ProofInvalid, match="empty"):
        merkle.verify_consistency(5, 8, old_root, root, [])


def test_hashes_travel_as_lowercase_hex_only() -> None:
    with pytest.raises(ProofInvalid):
        merkle.from_hex(ROOTS[0].upper())
    with pytest.raises(ProofInvalid):
        merkle.from_hex(ROOTS[0][:-2])
    with pytest.raises(ProofInvalid, match="longer than any tree"):
        merkle.verify_inclusion(HASHES[0], 0, 8, [HASHES[0]] * 129, HASHES[0])

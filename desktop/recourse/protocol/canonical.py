"""RFC 8785 JSON Canonicalization Scheme (JCS), and a strict JSON reader to match.

Everything Recourse signs is canonical JSON, so that a challenge, a SAR or a receipt
hashes to the same bytes on the officer's PC, on the force's server and in a
lawyer's copy verified years later. The canonical form itself comes from the
maintained `rfc8785` package; this module adds what a signer needs around it:
errors that say *where* in the object the non-JSON value is, and a reader that
refuses the things ordinary `json.loads` lets through (duplicate keys, NaN,
Infinity, lone surrogates) so that what was verified is what gets used.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import rfc8785

__all__ = [
    "MAX_SAFE_INTEGER",
    "CanonicalJsonError",
    "StrictJsonError",
    "canonical_json",
    "is_canonical",
    "loads_strict",
]

#: I-JSON (RFC 7493): integers beyond ±(2**53 - 1) do not survive a trip through a
#: double, so two implementations could disagree on them.
MAX_SAFE_INTEGER = 2**53 - 1


class CanonicalJsonError(ValueError):
    """The value cannot be written as canonical JSON; `path` says where, e.g. `$.a[2]`."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"The value at {path} {problem}.")


class StrictJsonError(ValueError):
    """The bytes are not the plain, unambiguous JSON that Recourse signs."""


def _check(value: object, path: str) -> None:
    # Walk first so the error names the offending field; rfc8785 alone would only say
    # "unsupported type" without saying which of a hundred fields it was.
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, str):
        _check_text(value, path)
        return
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise CanonicalJsonError(path, "is an integer too large for JSON (beyond 2**53 - 1)")
        return
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise CanonicalJsonError(path, f"is {value!r}, which JSON cannot represent")
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise CanonicalJsonError(
                    path, f"has a key {key!r} that is not text (JSON keys must be strings)"
                )
            _check_text(key, f"{path} key {key!r}")
            _check(item, f"{path}.{key}" if key.isidentifier() else f"{path}[{key!r}]")
        return
    if isinstance(value, Sequence) and not isinstance(value, bytes | bytearray | memoryview):
        for index, item in enumerate(value):
            _check(item, f"{path}[{index}]")
        return
    raise CanonicalJsonError(
        path,
        f"is a {type(value).__name__}, which is not a JSON type (text, number, "
        "true/false, null, list or object)",
    )


def _check_text(text: str, path: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise CanonicalJsonError(path, "contains a lone UTF-16 surrogate, not valid text") from None


def canonical_json(obj: object) -> bytes:
    """Return the RFC 8785 canonical UTF-8 bytes of `obj`.

    Accepts dicts with string keys, lists and tuples, str, int within ±(2**53 - 1),
    finite float, bool and None. Anything else raises `CanonicalJsonError` naming the
    path of the offending value.
    """
    _check(obj, "$")
    try:
        return rfc8785.dumps(obj)  # type: ignore[arg-type]  # _check proved it is JSON
    except rfc8785.CanonicalizationError as exc:  # pragma: no cover - _check is stricter
        raise CanonicalJsonError("$", str(exc)) from exc


def _refuse_constant(name: str) -> Any:
    raise StrictJsonError(f"JSON may not contain {name}.")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            # Two readers could pick different copies of a duplicated key; a signed
            # document must mean one thing only.
            raise StrictJsonError(f"JSON has the key {key!r} twice.")
        result[key] = value
    return result


def loads_strict(data: bytes | str) -> Any:
    """Parse JSON refusing duplicate keys, NaN/Infinity, bad UTF-8 and lone surrogates."""
    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise StrictJsonError("JSON is not valid UTF-8 text.") from exc
    else:
        text = data
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise StrictJsonError(f"Not valid JSON ({exc.msg} at position {exc.pos}).") from exc
    try:
        _check(value, "$")
    except CanonicalJsonError as exc:
        raise StrictJsonError(str(exc)) from exc
    return value


def is_canonical(data: bytes) -> bool:
    """True if `data` is exactly the canonical form of the JSON it contains."""
    try:
        return canonical_json(loads_strict(data)) == data
    except (StrictJsonError, CanonicalJsonError):
        return False

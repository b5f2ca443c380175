"""RFC 8785 JSON Canonicalization Scheme (JCS), and a strict JSON reader to match.

Everything Recourse signs is canonical JSON, so that a challenge, a SAR or a receipt
hashes to the same bytes on the officer's PC, on the force's server and in a
lawyer's copy verified years later. The canonical form itself comes from the
maintained `rfc8785` package; this module adds what a signer needs around it:
errors that say *where* in the object the non-JSON value is, and a reader that
refuses the things ordinary `json.loads` lets through (duplicate keys, NaN,
Infinity, lone surrogates) so that what was verified is what gets used.

`loads_bounded` is the one reader for JSON from outside (a server, a token, a file an
officer was sent): before anything is parsed it measures the bytes (size, nesting depth,
the length of every number, how many values there are), so that no input can make the
parser recurse without end, build millions of objects or turn a thousand-digit number
into an integer; each limit has its own error type.
"""

from __future__ import annotations

import math
import re
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import jiter
import rfc8785

__all__ = [
    "DEFAULT_LIMITS",
    "MAX_SAFE_INTEGER",
    "CanonicalJsonError",
    "JsonLimits",
    "JsonNumberTooLong",
    "JsonTooDeep",
    "JsonTooLarge",
    "JsonTooManyValues",
    "StrictJsonError",
    "canonical_json",
    "check_bounded",
    "is_canonical",
    "loads_bounded",
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


class JsonTooLarge(StrictJsonError):
    """More bytes than the reader accepts for this kind of document."""


class JsonTooDeep(StrictJsonError):
    """Lists and objects nested deeper than the reader accepts."""


class JsonNumberTooLong(StrictJsonError):
    """A number written with more characters than any real value needs."""


class JsonTooManyValues(StrictJsonError):
    """More values (list items, object members) than the reader accepts."""


@dataclass(frozen=True)
class JsonLimits:
    """What `loads_bounded` accepts. The defaults fit every document Recourse reads."""

    #: Bytes of the whole document.
    max_bytes: int = 16 * 1024 * 1024
    #: Lists and objects inside each other; the deepest real document is about 12.
    max_depth: int = 32
    #: Characters of one number literal: 2**53 has 16 digits, a double needs about 24.
    max_number_chars: int = 32
    #: Values of every kind, counted as commas and openings (an upper bound).
    max_values: int = 2_000_000
    #: (depth, n): no list or object at that depth (1 = the top) may hold more than n
    #: members in all; e.g. (2, 5000) for the changes of a feed page. None: no such bound.
    max_members_at: tuple[int, int] | None = None


DEFAULT_LIMITS = JsonLimits()

_CHUNK = 1024 * 1024


def _outside_strings(unescaped: bytes) -> bytes:
    """The bytes outside JSON strings, once escapes are gone (every quote opens or
    closes one). Split a chunk at a time, so the pieces of a huge document never all
    exist at once."""
    kept: list[bytes] = []
    inside = False
    for start in range(0, len(unescaped), _CHUNK):
        parts = unescaped[start : start + _CHUNK].split(b'"')
        kept.append(b"".join(parts[1::2] if inside else parts[::2]))
        inside ^= (len(parts) - 1) % 2 == 1
    return b"".join(kept)

_BRACKETS = bytes(range(256)).translate(None, b"[]{}")
_DEPTH_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_MEMBER_STEPS = bytes.maketrans(b"[{]},", b"\x01\x01\xff\xff\x00")
_BRACKETS_AND_COMMAS = bytes(range(256)).translate(None, b"[]{},")
_COUNTED = bytes(range(256)).translate(None, b"[{,")


def check_bounded(data: bytes, limits: JsonLimits = DEFAULT_LIMITS) -> bytes:
    """Refuse `data` if it breaks `limits`, without parsing it (linear time, C speed).

    Strings are dropped first so that brackets, commas and digits inside text do not
    count; what is left, the document's structure, is returned. With escaped
    backslashes and then escaped quotes removed, every quote left opens or closes a
    string. (For bytes that are not JSON the measure may be off; the parser refuses them
    anyway, within its own depth limit.)"""
    if len(data) > limits.max_bytes:
        raise JsonTooLarge(
            f"The document is {len(data):,} bytes, more than the {limits.max_bytes:,} "
            "accepted."
        )
    unescaped = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    structure = _outside_strings(unescaped)
    del unescaped
    steps = structure.translate(_DEPTH_STEPS, _BRACKETS)
    depth = max(accumulate(array("b", steps)), default=0)
    if depth > limits.max_depth:
        raise JsonTooDeep(
            f"The document nests lists or objects {depth} deep, more than the "
            f"{limits.max_depth} accepted."
        )
    long_number = re.search(rb"[-+0-9.eE]{%d,}" % (limits.max_number_chars + 1), structure)
    if long_number is not None:
        raise JsonNumberTooLong(
            f"The document has a number {len(long_number.group())} characters long, "
            f"more than the {limits.max_number_chars} accepted."
        )
    values = len(structure.translate(None, _COUNTED)) + 1
    if values > limits.max_values:
        raise JsonTooManyValues(
            f"The document has about {values:,} values, more than the "
            f"{limits.max_values:,} accepted."
        )
    if limits.max_members_at is not None:
        level, most = limits.max_members_at
        marks = array("b", structure.translate(_MEMBER_STEPS, _BRACKETS_AND_COMMAS))
        # A comma at `level` separates two members of a container at that level; the
        # containers there may hold `most` members in all (so most - 1 commas, plus one
        # for each further container, which a page does not have).
        commas = sum(
            1 for mark, depth in zip(marks, accumulate(marks), strict=True)
            if mark == 0 and depth == level
        )
        if commas >= most:
            raise JsonTooManyValues(
                f"The document has more than {most:,} items in one list, more than "
                "accepted."
            )
    return structure


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




def loads_bounded(data: bytes | str, limits: JsonLimits = DEFAULT_LIMITS) -> Any:
    """Parse untrusted JSON within `limits`, refusing duplicate keys, NaN/Infinity, bad
    UTF-8, control characters and lone surrogates. Every failure is a `StrictJsonError`
    (one of its subclasses for a broken limit); nothing else escapes."""
    if isinstance(data, str):
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError:
            raise StrictJsonError("JSON holds a lone UTF-16 surrogate, not valid text.") from None
    else:
        raw = bytes(data)
    structure = check_bounded(raw, limits)
    try:
        # jiter is pydantic's own parser: it refuses duplicate keys and NaN itself, and
        # the checks above have already bounded its depth and its numbers.
        return jiter.from_json(raw, allow_inf_nan=False, catch_duplicate_keys=True)
    except ValueError as exc:
        raise StrictJsonError(_in_words(str(exc), raw, structure)) from None


_DUPLICATE = re.compile(r'duplicate key "(.*)"')


def _in_words(problem: str, raw: bytes, structure: bytes) -> str:
    """The parser's complaint, said as what a reader of the log can act on."""
    duplicate = _DUPLICATE.search(problem)
    if duplicate is not None:
        # Two readers could pick different copies of a duplicated key; a signed
        # document must mean one thing only.
        return f"JSON has the key {duplicate.group(1)!r} twice."
    constant = re.search(rb"NaN|-?Infinity", structure)
    if constant is not None:
        return f"JSON may not contain {constant.group().decode()}."
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "JSON is not valid UTF-8 text."
    if "surrogate" in problem or "hex escape" in problem:
        return "JSON holds a lone UTF-16 surrogate, not valid text."
    return f"Not valid JSON ({problem})."


def loads_strict(data: bytes | str, limits: JsonLimits = DEFAULT_LIMITS) -> Any:
    """`loads_bounded`, and every value one that canonical JSON can write (integers
    within ±(2**53 - 1), finite numbers): what a signed document may hold."""
    value = loads_bounded(data, limits)
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

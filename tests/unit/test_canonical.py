"""RFC 8785 canonical JSON: the RFC's own examples and the reference test vectors."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from recourse.protocol.canonical import (
    CanonicalJsonError,
    StrictJsonError,
    canonical_json,
    is_canonical,
    loads_strict,
)

JCS_DATA = Path(__file__).parent / "data" / "jcs"

# RFC 8785 Appendix B: IEEE-754 double (hex) -> expected JSON number text.
APPENDIX_B = [
    ("0000000000000000", "0"),
    ("8000000000000000", "0"),
    ("0000000000000001", "5e-324"),
    ("8000000000000001", "-5e-324"),
    ("7fefffffffffffff", "1.7976931348623157e+308"),
    ("ffefffffffffffff", "-1.7976931348623157e+308"),
    ("4340000000000000", "9007199254740992"),
    ("c340000000000000", "-9007199254740992"),
    ("4430000000000000", "295147905179352830000"),
    ("44b52d02c7e14af5", "9.999999999999997e+22"),
    ("44b52d02c7e14af6", "1e+23"),
    ("44b52d02c7e14af7", "1.0000000000000001e+23"),
    ("444b1ae4d6e2ef4e", "999999999999999700000"),
    ("444b1ae4d6e2ef4f", "999999999999999900000"),
    ("444b1ae4d6e2ef50", "1e+21"),
    ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"),
    ("3eb0c6f7a0b5ed8d", "0.000001"),
    ("41b3de4355555553", "333333333.3333332"),
    ("41b3de4355555554", "333333333.33333325"),
    ("41b3de4355555555", "333333333.3333333"),
    ("41b3de4355555556", "333333333.3333334"),
    ("41b3de4355555557", "333333333.33333343"),
    ("becbf647612f3696", "-0.0000033333333333333333"),
    ("43143ff3c1cb0959", "1424953923781206.2"),
]
# Appendix B rows with no JSON form.
APPENDIX_B_INVALID = ["7fffffffffffffff", "7ff0000000000000"]


def _double(bits: str) -> float:
    value: float = struct.unpack(">d", bytes.fromhex(bits))[0]
    return value


@pytest.mark.parametrize(("bits", "expected"), APPENDIX_B)
def test_appendix_b_number_serialisation(bits: str, expected: str) -> None:
    assert canonical_json(_double(bits)) == expected.encode()
    # ...and inside a structure, not only as a bare value.
    assert canonical_json({"n": [_double(bits)]}) == b'{"n":[' + expected.encode() + b"]}"


@pytest.mark.parametrize("bits", APPENDIX_B_INVALID)
def test_appendix_b_nan_and_infinity_are_refused(bits: str) -> None:
    with pytest.raises(CanonicalJsonError, match=r"\$\.score") as info:
        canonical_json({"score": _double(bits)})
    assert info.value.path == "$.score"


def test_rfc_sample_object_section_3_2_2() -> None:
    source = (
        '{\n  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n'
        '  "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n'
        '  "literals": [null, true, false]\n}'
    )
    expected = (
        '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
        '"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
    ).encode()
    assert canonical_json(json.loads(source)) == expected
    assert is_canonical(expected)
    assert not is_canonical(source.encode())


def test_rfc_sorting_example_section_3_2_3_with_non_bmp_key() -> None:
    source = (
        '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet '
        'With Dagesh", "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", '
        '"\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}'
    )
    out = json.loads(canonical_json(json.loads(source)))
    # Sorted by UTF-16 code units: U+1F600 (D83D DE00) sorts before U+FB33 although
    # its code point is higher - the trap a code-point sort falls into.
    assert list(out.values()) == [
        "Carriage Return",
        "One",
        "Control",
        "Latin Small Letter O With Diaeresis",
        "Euro Sign",
        "Emoji: Grinning Face",
        "Hebrew Letter Dalet With Dagesh",
    ]


def _vector_names() -> list[str]:
    return sorted(p.stem for p in (JCS_DATA / "output").glob("*.json"))


def test_all_reference_vectors_are_present() -> None:
    assert _vector_names() == [
        "arrays",
        "french",
        "simpleString",
        "structures",
        "unicode",
        "values",
        "weird",
    ]


@pytest.mark.parametrize("name", _vector_names())
def test_reference_vectors(name: str) -> None:
    source = (JCS_DATA / "input" / f"{name}.json").read_bytes()
    expected = (JCS_DATA / "output" / f"{name}.json").read_bytes()
    assert canonical_json(loads_strict(source)) == expected
    assert is_canonical(expected)


def test_unicode_is_not_normalised() -> None:
    # JCS keeps the code points it is given; NFC would change signed bytes.
    assert canonical_json("\u1e0d\u0307") == '"\u1e0d\u0307"'.encode()
    assert canonical_json("\u1e0d\u0307") != canonical_json("\u1e0c\u0323\u0307")


@pytest.mark.parametrize(
    ("value", "path", "words"),
    [
        ({"a": float("nan")}, "$.a", "nan"),
        ({"a": [1, float("-inf")]}, "$.a[1]", "inf"),
        ({1: "x"}, "$", "not text"),
        ({"a": {("t",): 1}}, "$.a", "not text"),
        ({"a": b"bytes"}, "$.a", "bytes"),
        ({"a": {1, 2}}, "$.a", "set"),
        ({"a": 2**53}, "$.a", "too large"),
        ({"bad key": "\ud800"}, "$['bad key']", "surrogate"),
    ],
)
def test_non_json_values_are_refused_with_their_path(value: object, path: str, words: str) -> None:
    with pytest.raises(CanonicalJsonError) as info:
        canonical_json(value)
    assert info.value.path == path
    assert words in str(info.value)


def test_largest_safe_integers_are_accepted() -> None:
    assert canonical_json([2**53 - 1, -(2**53 - 1)]) == b"[9007199254740991,-9007199254740991]"


def test_tuples_and_nested_structures() -> None:
    assert canonical_json({"b": (1, 2), "a": {"d": None, "c": True}}) == (
        b'{"a":{"c":true,"d":null},"b":[1,2]}'
    )


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b'{"a":1,"a":2}', "twice"),
        (b'{"a":NaN}', "NaN"),
        (b'{"a":Infinity}', "Infinity"),
        (b'{"a":1e400}', "inf"),
        (b"\xff\xfe", "UTF-8"),
        (b'{"a":"\\ud800"}', "surrogate"),
        (b'{"a":', "Not valid JSON"),
    ],
)
def test_strict_reader_refuses_ambiguous_json(data: bytes, words: str) -> None:
    with pytest.raises(StrictJsonError, match=words):
        loads_strict(data)
    assert not is_canonical(data)


def test_strict_reader_accepts_plain_json() -> None:
    assert loads_strict('{"a":[1,2.5,"x",null,true]}') == {"a": [1, 2.5, "x", None, True]}

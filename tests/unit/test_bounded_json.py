"""The bounded JSON reader against generated input: only typed errors, and the same
values as the standard library wherever both accept the document."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recourse.protocol.canonical import (
    JsonLimits,
    JsonNumberTooLong,
    JsonTooDeep,
    JsonTooLarge,
    JsonTooManyValues,
    StrictJsonError,
    check_bounded,
    loads_bounded,
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=40,
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_plain_json_reads_as_the_standard_library_reads_it(value: Any) -> None:
    text = json.dumps(value)
    assert loads_bounded(text.encode()) == json.loads(text)


@settings(max_examples=600)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_value_or_a_typed_error(data: bytes) -> None:
    try:
        loads_bounded(data)
    except StrictJsonError:
        pass


JSONISH = st.lists(st.sampled_from(
    ['{', '}', '[', ']', ',', ':', '"', '\\', '"a"', '1', '-', 'e', '.', 'true', 'null',
     'NaN', ' ', '\\"', '\\\\', '9' * 40]), max_size=200).map("".join)


@settings(max_examples=600)
@given(JSONISH)
def test_json_like_text_gives_a_value_or_a_typed_error(text: str) -> None:
    try:
        value = loads_bounded(text.encode())
    except StrictJsonError:
        return
    assert json.loads(text) == value or _has_nan(value)


def _has_nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)


@pytest.mark.parametrize(("depth", "refused"), [(32, False), (33, True), (100_000, True)])
def test_depth_is_measured_before_parsing(depth: int, refused: bool) -> None:
    doc = b"[" * depth + b"]" * depth
    if refused:
        with pytest.raises(JsonTooDeep):
            loads_bounded(doc)
    else:
        assert loads_bounded(doc) is not None


def test_brackets_and_digits_inside_text_do_not_count() -> None:
    text = "[" * 1000 + "9" * 1000 + '\\" ,,,, {{{'
    assert loads_bounded(json.dumps({"a": text}).encode()) == {"a": text}


@pytest.mark.parametrize(
    ("doc", "error"),
    [
        (b"[" + b"1" * 33 + b"]", JsonNumberTooLong),
        (b"[1e" + b"9" * 40 + b"]", JsonNumberTooLong),
        (b"[" + b"0," * 2_000_001 + b"0]", JsonTooManyValues),
        (b" " * (16 * 1024 * 1024 + 1), JsonTooLarge),
    ],
)
def test_each_limit_has_its_own_error(doc: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        loads_bounded(doc)


def test_members_at_a_depth_are_counted_from_the_bytes() -> None:
    limits = JsonLimits(max_members_at=(2, 3))
    check_bounded(b'{"changes":[1,2,3],"x":[[1,2,3,4]]}', limits)  # 4 is at depth 3
    with pytest.raises(JsonTooManyValues):
        check_bounded(b'{"changes":[1,2,3,4]}', limits)

"""JCS fast path (orjson) equals the RFC 8785 reference output."""

from __future__ import annotations

from typing import Any

import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from obcore._jcs import canonicalize

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
_json: Any = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_json)
def test_canonical_bytes_equal_rfc8785(value: Any) -> None:
    assert canonicalize(value) == rfc8785.dumps(value)


def test_keys_outside_the_bmp_sort_by_utf16_code_units() -> None:
    value = {"\U0001f600": 1, "\ufb01": 2, "a": 3}
    assert canonicalize(value) == rfc8785.dumps(value)
    assert canonicalize(value).index(b"\xef\xac\x81") > canonicalize(value).index(b"\xf0")


def test_control_characters_and_unicode_are_escaped_as_rfc8785_says() -> None:
    value = {"s": '\x00\x1f\u2028é"\\\n', "n": [1, -0, 2**53 - 1]}
    assert canonicalize(value) == rfc8785.dumps(value)


def test_integers_beyond_2_53_are_refused_like_the_reference() -> None:
    import pytest

    with pytest.raises(rfc8785.IntegerDomainError):
        canonicalize({"n": 2**53})
    assert canonicalize({"n": 2**53 - 1}) == rfc8785.dumps({"n": 2**53 - 1})


def test_text_that_looks_like_numbers_or_null_is_written_exactly() -> None:
    value = {"a": "ratio:1.5", "b": "[-2e3", "c": ",null", "d": None, "e": [None, 1, "x"]}
    assert canonicalize(value) == rfc8785.dumps(value)


def test_not_a_number_is_refused_like_the_reference() -> None:
    import pytest

    for bad in (float("nan"), float("inf"), float("-inf")):
        with pytest.raises(rfc8785.FloatDomainError):
            canonicalize({"x": [bad]})


def test_floats_anywhere_take_ecmascript_formatting() -> None:
    value = {"top": 1.0, "list": [-0.5, 1e21, 1e-7], "deep": {"x": [[2.5]]}}
    assert canonicalize(value) == rfc8785.dumps(value)
    assert b'"top":1}' in canonicalize(value)

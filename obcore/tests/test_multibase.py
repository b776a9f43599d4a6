"""Base58btc as Bitcoin defines it: known values and round trips of any bytes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from obcore import _multibase
from obcore.errors import KeyFormatError


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"", ""),
        (b"\0", "1"),
        (b"\0\0\x01", "112"),
        (b"Hello World!", "2NEpo7TZRRrLZSi2U"),
        (
            b"The quick brown fox jumps over the lazy dog.",
            "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z",
        ),
    ],
)
def test_known_values(data: bytes, text: str) -> None:
    assert _multibase.b58encode(data) == text
    assert _multibase.b58decode(text) == data


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=100))
def test_decode_inverts_encode(data: bytes) -> None:
    assert _multibase.b58decode(_multibase.b58encode(data)) == data


def test_characters_outside_the_alphabet_are_named() -> None:
    with pytest.raises(KeyFormatError, match="'0'"):
        _multibase.b58decode("abc0")

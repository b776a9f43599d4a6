"""Sealed issuer secrets open only with the right key-encryption key and for the right row."""

import os

import pytest

from skillstack.issuing import envelope

KEK = os.urandom(32)


def test_a_sealed_secret_opens_with_its_key_and_context() -> None:
    sealed = envelope.seal(kek=KEK, secret=b"seed" * 8, context="org:1:key-1")
    assert b"seed" not in sealed.ciphertext + sealed.wrapped_key
    assert envelope.open_sealed(kek=KEK, sealed=sealed, context="org:1:key-1") == b"seed" * 8


def test_a_secret_moved_to_another_row_does_not_open() -> None:
    sealed = envelope.seal(kek=KEK, secret=b"s" * 32, context="org:1:key-1")
    with pytest.raises(envelope.EnvelopeError):
        envelope.open_sealed(kek=KEK, sealed=sealed, context="org:2:key-1")


def test_another_key_encryption_key_is_named_in_the_error() -> None:
    sealed = envelope.seal(kek=KEK, secret=b"s" * 32, context="c")
    with pytest.raises(envelope.EnvelopeError, match="sealed with key-encryption key"):
        envelope.open_sealed(kek=os.urandom(32), sealed=sealed, context="c")


def test_rewrap_moves_a_secret_to_a_new_key_encryption_key() -> None:
    new = os.urandom(32)
    sealed = envelope.seal(kek=KEK, secret=b"s" * 32, context="c")
    moved = envelope.rewrap(old_kek=KEK, new_kek=new, sealed=sealed, context="c")
    assert envelope.open_sealed(kek=new, sealed=moved, context="c") == b"s" * 32


@pytest.mark.parametrize("text", ["", "not base64!", "c2hvcnQ="])
def test_a_bad_key_encryption_key_is_refused(text: str) -> None:
    with pytest.raises(envelope.EnvelopeError):
        envelope.kek_from_text(text)

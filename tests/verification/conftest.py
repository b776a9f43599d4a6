from __future__ import annotations

import socket

import pytest


@pytest.fixture
def no_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test (name lookups are left to each test)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("verification tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)

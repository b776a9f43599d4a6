"""Reading untrusted input within fixed limits (size, nesting depth) in bounded time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

from obcore.errors import InputError

MAX_BYTES = 8 * 1024 * 1024  # a baked image larger than this is refused unread
MAX_JSON_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64


def check_size(data: bytes | str, *, limit: int = MAX_BYTES) -> None:
    if len(data) > limit:
        raise InputError(
            f"The input is {len(data) // 1024} KiB; obcore reads at most {limit // 1024} KiB.",
        )


def check_depth(value: Any, *, limit: int = MAX_DEPTH) -> None:
    """Refuse JSON nested deeper than ``limit`` (iterative: no recursion to exhaust)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            raise InputError(f"The JSON is nested more than {limit} levels deep; refused.")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item if isinstance(v, (dict, list)))


def parse_json(text: bytes | str) -> Any:
    """Parse JSON with size and depth limits; InputError with a sentence otherwise."""
    check_size(text, limit=MAX_JSON_BYTES)
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as err:
        raise InputError(f"The input is not valid JSON ({err}).") from None
    raw = text.encode("utf-8") if isinstance(text, str) else text
    # each level of nesting opens with a bracket of its own: with no more brackets in the
    # whole text than the limit (counted in C), the value cannot be nested deeper
    if raw.count(b"{") + raw.count(b"[") > MAX_DEPTH:
        check_depth(value)
    return value


def _baking_sniff() -> Callable[[bytes], str] | None:
    try:
        from obcore.baking import sniff as baking_sniff
    except ImportError:
        return None
    return baking_sniff


def sniff(data: bytes) -> str:
    """'json', 'jwt', 'png' or 'svg' (obcore.baking.sniff when available).

    Plain JSON (the common case) is recognised without importing the baking module.
    """
    head = data[:64].lstrip()
    if head[:1] == b"{":
        return "json"
    baking_sniff = _baking_sniff()
    if baking_sniff is not None:
        try:
            return str(baking_sniff(data))
        except Exception:  # noqa: S110, BLE001 - unreadable bytes: our own minimal sniffing below
            pass
    head = data[:512].lstrip()
    if head.startswith(b"\x89PNG"):
        return "png"
    if head.startswith((b"<?xml", b"<svg")):
        return "svg"
    if head.startswith((b"{", b"[")):
        return "json"
    if head.startswith(b"ey"):
        return "jwt"
    return "unknown"

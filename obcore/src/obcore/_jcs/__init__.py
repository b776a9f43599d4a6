"""JSON Canonicalization Scheme (RFC 8785) with an orjson fast path.

orjson with ``OPT_SORT_KEYS`` writes exactly the RFC 8785 form when the value has no
floating-point numbers (RFC 8785 §3.2.2.3 requires ECMAScript number formatting), no
integers outside the IEEE-754 exact range (§3.2.2.3, 2^53), and no object key outside the
Basic Multilingual Plane (§3.2.3 sorts by UTF-16 code units; orjson sorts by code point,
which agrees only inside the BMP). Anything else goes to the ``rfc8785`` reference package.
"""

from __future__ import annotations

from typing import Any

import orjson

_MAX_SAFE_INT = 2**53 - 1
_ORJSON_OPTIONS = orjson.OPT_SORT_KEYS


def _orjson_safe(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str) or any(ord(c) > 0xFFFF for c in key):
                    return False
                stack.append(child)
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if not -_MAX_SAFE_INT <= item <= _MAX_SAFE_INT:
                return False
        elif isinstance(item, str):
            continue
        else:  # float and anything else: let the reference implementation decide
            return False
    return True


def canonicalize(value: Any) -> bytes:
    """RFC 8785 canonical UTF-8 bytes of a JSON value."""
    if _orjson_safe(value):
        try:
            return orjson.dumps(value, option=_ORJSON_OPTIONS)
        except TypeError:  # e.g. a lone surrogate in a string
            pass
    import rfc8785

    return rfc8785.dumps(value)

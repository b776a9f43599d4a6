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

_ORJSON_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_STRICT_INTEGER
_CONTAINERS_AND_FLOAT = (dict, list, float)


def _orjson_safe(value: Any) -> bool:
    """No float, no key outside the BMP (integers: ``OPT_STRICT_INTEGER`` refuses)."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is dict:
            for key, child in item.items():
                if type(key) is not str:
                    return False
                if not key.isascii() and any(ord(c) > 0xFFFF for c in key):
                    return False
                if type(child) in _CONTAINERS_AND_FLOAT:
                    stack.append(child)
        elif kind is list:
            stack.extend(c for c in item if type(c) in _CONTAINERS_AND_FLOAT)
        elif kind is not str:  # float (or a subclass of a JSON type): reference path
            return False
    return True


def canonicalize(value: Any) -> bytes:
    """RFC 8785 canonical UTF-8 bytes of a JSON value."""
    if _orjson_safe(value):
        try:
            return orjson.dumps(value, option=_ORJSON_OPTIONS)
        except (TypeError, orjson.JSONEncodeError):  # big integer, lone surrogate
            pass
    import rfc8785

    return rfc8785.dumps(value)

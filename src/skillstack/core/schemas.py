"""Shapes shared by every app's API: a strict base for input and a bounded pagination.

Input is strict on purpose: an unknown field is more often a typo than an intention, and a NUL
character, a lone surrogate or a runaway number would otherwise travel to the database and come
back as a 500 (PostgreSQL rejects NUL in text, neither database stores a lone surrogate, and
SQLite cannot store integers beyond 64 bits).
"""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import ConfigDict, field_validator

MAX_ID = 2**63 - 1
"""The largest primary key either database can hold; larger path ids are refused as input."""

MAX_PAGE = 200
"""Most rows one page of a list may carry."""

MAX_OFFSET = 1_000_000


class StrictIn(Schema):
    """Base of every request body: unknown fields and NUL characters are input errors."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _storable_text(cls, value: Any) -> Any:
        _check_text(value)
        return value


def _check_text(value: Any) -> None:
    """Refuse text the databases cannot store, at any depth of lists and dicts."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("must not contain NUL characters")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate such as "\ud800" from JSON
            raise ValueError("must be valid Unicode text") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key)
            _check_text(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _check_text(item)


SafeText = Annotated[str, Field(max_length=200, pattern=r"^[^\x00]*$")]
"""A short free-text query parameter (filters), never carrying NUL."""


class Pagination(LimitOffsetPagination):
    """Limit/offset pages with bounds, so that no query asks the database for the absurd."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=MAX_PAGE)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

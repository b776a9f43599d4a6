"""A lock across test processes (pytest-xdist workers), for setting up a shared cache once."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def cache_lock(target: Path) -> Iterator[None]:
    """Hold an exclusive lock named after ``target`` while it is checked and filled."""
    lock = target.parent / f"{target.name}.lock"
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

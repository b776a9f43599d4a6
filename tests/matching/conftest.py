from __future__ import annotations

from collections.abc import Iterator

import pytest

from skillstack.matching.index import MATCHER


@pytest.fixture(autouse=True)
def _fresh_index() -> Iterator[None]:
    """Each test has its own database: start and end with an empty index."""
    MATCHER.reset()
    yield
    MATCHER.reset()

"""The shared reference folder: found, or a hard failure (never a skip) when missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import require_shared


def test_missing_shared_folder_fails_in_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SKILLSTACK_SHARED", str(tmp_path / "nowhere"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="shared material folder is missing"):
        require_shared()


def test_missing_shared_folder_fails_locally_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SKILLSTACK_SHARED", str(tmp_path / "nowhere"))
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.fail.Exception, match="shared material folder is missing"):
        require_shared()


def test_env_variable_points_at_the_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SKILLSTACK_SHARED", str(tmp_path))
    assert require_shared() == tmp_path

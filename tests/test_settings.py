"""Settings from the environment: production passes Django's deploy checks, secrets can come
from files, and a bad value stops start-up with a message naming the variable."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest

SKILLSTACK = Path(sys.executable).parent / "skillstack"
STRONG_SECRET = "k3P9-" + "x7Qz" * 14


def _base_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("SKILLSTACK_", "EMAIL_", "SECRET_KEY", "DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC")
        )
    }
    env["SKILLSTACK_VAR_DIR"] = str(tmp_path)
    env.update(extra)
    return env


def _production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    kek = base64.urlsafe_b64encode(b"k" * 32).decode()
    production = {
        "SKILLSTACK_ENV": "production",
        "SECRET_KEY": STRONG_SECRET,
        "SKILLSTACK_KEY_ENCRYPTION_KEY": kek,
        "ALLOWED_HOSTS": "skillstack.example",
    }
    return _base_env(tmp_path, **(production | extra))


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SKILLSTACK), *args], env=env, capture_output=True, text=True, timeout=120
    )


def _setting(names: list[str], env: dict[str, str]) -> list[str]:
    code = (
        "import django; django.setup(); from django.conf import settings; "
        f"print(*[repr(getattr(settings, n)) for n in {names!r}], sep='\\n')"
    )
    env = {**env, "DJANGO_SETTINGS_MODULE": "skillstack.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_production_settings_pass_the_deploy_checks(tmp_path: Path) -> None:
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], _production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_secrets_come_from_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret_key"
    secret.write_text(STRONG_SECRET + "\n")
    password = tmp_path / "mail_password"
    password.write_text("mail-pa55word\n")
    user = tmp_path / "mail_user"
    user.write_text("postmaster@skillstack.example\n")
    env = _production_env(
        tmp_path,
        SECRET_KEY_FILE=str(secret),
        EMAIL_HOST_PASSWORD_FILE=str(password),
        EMAIL_HOST_USER_FILE=str(user),
    )
    del env["SECRET_KEY"]
    values = _setting(["SECRET_KEY", "EMAIL_HOST_PASSWORD", "EMAIL_HOST_USER"], env)
    assert values == [repr(STRONG_SECRET), "'mail-pa55word'", "'postmaster@skillstack.example'"]


def test_a_file_wins_over_the_plain_variable(tmp_path: Path) -> None:
    secret = tmp_path / "secret_key"
    secret.write_text(STRONG_SECRET)
    env = _production_env(tmp_path, SECRET_KEY="from-the-variable", SECRET_KEY_FILE=str(secret))
    assert _setting(["SECRET_KEY"], env) == [repr(STRONG_SECRET)]


@pytest.mark.parametrize(
    ("variable", "value", "named"),
    [
        ("DEBUG", "maybe", "DEBUG"),
        ("EMAIL_PORT", "twenty-five", "EMAIL_PORT"),
        ("LOGIN_THROTTLE_LIMIT", "1.5", "LOGIN_THROTTLE_LIMIT"),
        ("SKILLSTACK_ENV", "staging", "SKILLSTACK_ENV"),
        ("DATABASE_URL", "nonsense", "DATABASE_URL"),
        ("SECRET_KEY_FILE", "/nonexistent/secret", "SECRET_KEY_FILE"),
        ("EMAIL_HOST_PASSWORD_FILE", "/nonexistent/pw", "EMAIL_HOST_PASSWORD_FILE"),
    ],
)
def test_a_bad_value_stops_start_up_naming_the_variable(
    tmp_path: Path, variable: str, value: str, named: str
) -> None:
    result = _run(["check"], _base_env(tmp_path, **{variable: value}))
    assert result.returncode == 2
    assert named in result.stderr
    assert result.stderr.startswith("skillstack: configuration error:")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_essentials(tmp_path: Path, missing: str) -> None:
    env = _production_env(tmp_path)
    del env[missing]
    result = _run(["check"], env)
    assert result.returncode == 2
    assert missing in result.stderr

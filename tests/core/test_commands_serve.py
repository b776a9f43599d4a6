"""``skillstack serve --with-worker``: web and worker start, answer, and both stop on Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

SKILLSTACK = Path(sys.executable).parent / "skillstack"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _a_static_file() -> str:
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            prefix = getattr(storage, "prefix", None)  # "vendor/pico" for prefixed dirs
            return "/".join(p for p in (prefix, path.replace(os.sep, "/")) if p)
    pytest.fail("no static files to serve: run `make install` (npm assets)")


def _get(url: str, deadline: float) -> tuple[int, bytes]:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                return response.status, response.read()
        except urllib.error.HTTPError as exc:  # the server answered: no point waiting
            return exc.code, exc.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def server_env(tmp_path: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "SKILLSTACK_ENV": "development",
        "DEBUG": "false",
        "TASKS_IMMEDIATE": "false",
        "SKILLSTACK_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
    }
    subprocess.run([SKILLSTACK, "migrate", "--noinput", "-v0"], env=env, check=True, timeout=120)
    return env


def test_serve_with_worker_answers_and_stops_on_ctrl_c(server_env: dict[str, str]) -> None:
    port = _free_port()
    static = _a_static_file()
    server = subprocess.Popen(
        [SKILLSTACK, "serve", "--addr", f"127.0.0.1:{port}", "--with-worker", "--workers", "1"],
        env=server_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        status, body = _get(f"http://127.0.0.1:{port}/healthz", deadline)
        assert (status, body) == (200, b'{"status": "ok"}')
        status, _ = _get(f"http://127.0.0.1:{port}/static/{static}", deadline)
        assert status == 200
        assert any(Path(server_env["SKILLSTACK_VAR_DIR"], "static").iterdir())
    finally:
        server.send_signal(signal.SIGINT)
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output
    pids = {name: int(pid) for name, pid in re.findall(r"(\w+) started \(pid (\d+)\)", output)}
    assert set(pids) == {"web", "worker"}, output
    assert not any(_alive(pid) for pid in pids.values()), output


def test_serve_refuses_a_bad_address() -> None:
    result = subprocess.run(
        [SKILLSTACK, "serve", "--addr", "nonsense"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "--addr must look like 127.0.0.1:8000" in result.stderr


def test_when_the_web_server_dies_the_worker_is_stopped_too(server_env: dict[str, str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [SKILLSTACK, "serve", "--addr", f"127.0.0.1:{port}", "--with-worker"],
            env=server_env,
            capture_output=True,
            text=True,
            timeout=90,
        )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    pids = {name: int(pid) for name, pid in re.findall(r"(\w+) started \(pid (\d+)\)", output)}
    assert set(pids) == {"web", "worker"}, output
    assert not any(_alive(pid) for pid in pids.values()), output

"""``skillstack serve``: the web server (gunicorn, WSGI) and optionally the task worker.

Both run as child processes of this one, each in its own process group, so that Ctrl-C (or a
SIGTERM from a service manager) reaches this supervisor once and it stops both children in
order: a graceful SIGTERM first, SIGKILL after a grace period. If either child dies, the other
is stopped too and the exit code says so. Static files are served by WhiteNoise from the web
process; ``collectstatic`` runs first when the static root is empty or lacks its manifest.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

GRACE_SECONDS = 10.0
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _address(value: str) -> str:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise CommandError(f"--addr must look like 127.0.0.1:8000, not {value!r}")
    return value


def static_needs_collecting() -> bool:
    root = Path(settings.STATIC_ROOT)
    if not root.exists() or not any(root.iterdir()):
        return True
    return bool(settings.PRODUCTION) and not (root / "staticfiles.json").exists()


class Command(BaseCommand):
    help = "Run the web server (gunicorn), and with --with-worker the task worker too."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--addr", default="127.0.0.1:8000", type=_address)
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
        parser.add_argument("--with-worker", action="store_true", help="also run the task worker")
        parser.add_argument(
            "--collectstatic", action="store_true", help="collect static files even if present"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1")
        if options["collectstatic"] or static_needs_collecting():
            call_command("collectstatic", interactive=False, verbosity=0)
        children = {"web": self._spawn(self._gunicorn_argv(options))}
        if options["with_worker"]:
            children["worker"] = self._spawn(
                [sys.executable, "-m", "skillstack.cli", "worker", "--no-reload"]
            )
        for name, child in children.items():
            self.stdout.write(f"{name} started (pid {child.pid})")
        self.stdout.write(f"Serving on http://{options['addr']}/ — Ctrl-C stops everything.")
        self.stdout.flush()
        code = Supervisor(children).run()
        if code:
            raise CommandError(f"stopped: a child process exited with code {code}", returncode=code)

    def _gunicorn_argv(self, options: dict[str, Any]) -> list[str]:
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "skillstack.wsgi:application",
            "--bind",
            options["addr"],
            "--workers",
            str(options["workers"]),
            "--access-logfile",
            "-",
            "--graceful-timeout",
            str(int(GRACE_SECONDS)),
            "--no-control-socket",  # several servers on one machine must not share a socket
        ]

    def _spawn(self, argv: list[str]) -> subprocess.Popen[bytes]:
        settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "skillstack.settings")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module}
        return subprocess.Popen(argv, env=env, start_new_session=True)  # noqa: S603


class Supervisor:
    """Waits on the children; on a stop signal or a child's death, stops them all."""

    def __init__(self, children: dict[str, subprocess.Popen[bytes]]) -> None:
        self.children = children
        self.stopping = False

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True

    def run(self) -> int:
        previous = {sig: signal.signal(sig, self._on_signal) for sig in STOP_SIGNALS}
        try:
            failed = 0
            while not self.stopping:
                for child in self.children.values():
                    if child.poll() is not None:
                        failed = failed or child.returncode or 0
                        self.stopping = True
                time.sleep(0.2)
            self.stop_all()
            return failed
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def stop_all(self) -> None:
        for child in self.children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + GRACE_SECONDS
        for child in self.children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()

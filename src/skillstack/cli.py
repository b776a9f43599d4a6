"""The ``skillstack`` command.

``keygen``, ``sign`` and ``verify`` go straight to obcore without importing Django, so they
start fast and need no database. ``serve``, ``worker``, ``demo`` and every Django command
go through Django's management utility.
"""

from __future__ import annotations

import os
import sys

STANDARDS_COMMANDS = {"keygen", "sign", "verify"}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in STANDARDS_COMMANDS:
        from obcore.cli import main as obcore_main

        return obcore_main(args)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skillstack.settings")
    from django.core.management import execute_from_command_line

    from skillstack.env import EnvError

    try:
        execute_from_command_line(["skillstack", *args])
    except EnvError as exc:  # a setting is wrong: say which, without a traceback
        print(f"skillstack: configuration error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

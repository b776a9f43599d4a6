"""``obcore`` / ``skillstack`` command line: keygen, sign, verify (no Django, lean imports).

Exit codes: 0 every credential valid (or command done), 1 some credential not valid,
2 the command itself could not run (missing file, bad option, unreadable key). Errors are
sentences on stderr, never tracebacks.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any, NoReturn

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="obcore", description="Open Badges 3.0 keys, signing, verifying.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("keygen", help="print a new Ed25519 key as JSON")
    sign = sub.add_parser("sign", help="sign credentials (JSON or JSON Lines)")
    sign.add_argument("--key", required=True, help="key file written by keygen")
    sign.add_argument(
        "--suite", choices=["eddsa-rdfc-2022", "eddsa-jcs-2022"], default="eddsa-rdfc-2022"
    )
    sign.add_argument("--created", help="proof creation time (ISO 8601 with zone)")
    sign.add_argument("file", help="credential file, or - for standard input")
    verify = sub.add_parser("verify", help="verify JSON, JSON Lines, JWT, PNG or SVG")
    verify.add_argument("--json", action="store_true", help="one JSON object per credential")
    verify.add_argument("--now", help="verify as of this time (ISO 8601)")
    verify.add_argument(
        "--jobs",
        type=int,
        default=0,
        help="worker processes (default: all cores for large batches)",
    )
    verify.add_argument("files", nargs="+", help="files, or - for standard input")
    return parser


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as file:  # not pathlib: it costs start-up time (urllib.parse)
            return file.read()
    except OSError as err:
        raise _UsageError(f"cannot read {path}: {err.strerror or err}") from None


def _write(text: str) -> None:
    sys.stdout.write(text)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0, 1 or 2)."""
    try:
        args = _build_parser().parse_args(argv)
        if args.command == "keygen":
            return _keygen()
        if args.command == "sign":
            return _sign(args)
        return _verify(args)
    except _UsageError as err:
        sys.stderr.write(f"{err}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # noqa: BLE001 - a sentence, never a traceback
        sys.stderr.write(f"obcore: the command failed: {type(err).__name__}: {err}\n")
        return EXIT_USAGE


def _keygen() -> int:
    import orjson

    from obcore.keys import key_pair_generate

    _write(orjson.dumps(key_pair_generate().as_json()).decode() + "\n")
    return EXIT_OK


def _load_key(path: str) -> Any:
    import orjson

    from obcore.errors import KeyFormatError
    from obcore.keys import key_pair_from_json

    try:
        return key_pair_from_json(orjson.loads(_read(path)))
    except orjson.JSONDecodeError:
        raise _UsageError(f"the key file {path} is not JSON") from None
    except KeyFormatError as err:
        raise _UsageError(f"the key file {path} is not usable: {err}") from None


def _split_documents(data: bytes) -> tuple[list[bytes], bool]:
    """One JSON document, or JSON Lines (several non-empty lines each starting with '{')."""
    lines = [line for line in data.splitlines() if line.strip()]
    if len(lines) == 1:
        return lines, True
    if len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines):
        import orjson

        try:
            orjson.loads(data)
        except orjson.JSONDecodeError:
            return lines, True
    return [data], False


def _sign(args: argparse.Namespace) -> int:
    import orjson

    from obcore.errors import ObcoreError
    from obcore.proofs import proof_add
    from obcore.verify import issuer_id

    key = _load_key(args.key)
    documents, lines = _split_documents(_read(args.file))
    outputs = []
    for number, raw in enumerate(documents, start=1):
        where = f"line {number}" if lines else args.file
        try:
            credential = orjson.loads(raw)
        except orjson.JSONDecodeError as err:
            raise _UsageError(f"{where}: not valid JSON ({err})") from None
        if not isinstance(credential, dict):
            raise _UsageError(f"{where}: not a JSON object")
        if issuer_id(credential) != key.did:
            raise _UsageError(
                f"{where}: the issuer is {issuer_id(credential)!r}, but the key's DID is "
                f"{key.did}; set the credential's issuer (or issuer.id) to the key's DID"
            )
        try:
            signed = proof_add(credential, key=key, cryptosuite=args.suite, created=args.created)
        except ObcoreError as err:
            raise _UsageError(f"{where}: cannot sign: {err}") from None
        option = 0 if lines else orjson.OPT_INDENT_2
        outputs.append(orjson.dumps(signed, option=option).decode())
    _write("\n".join(outputs) + "\n")
    return EXIT_OK


def _parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    from obcore._timeutil import parse_datetime

    moment = parse_datetime(value if "T" in value else value + "T00:00:00Z")
    if moment is None:
        raise _UsageError(f"--now {value!r} is not an ISO 8601 date-time")
    return moment


_Job = tuple[str, bytes, "datetime | None", bool]
#: from this many credentials on, verification is spread over the machine's cores
PARALLEL_MIN = 200


def _verify(args: argparse.Namespace) -> int:
    now = _parse_now(args.now)
    inputs = [(path, _read(path)) for path in args.files]  # usage errors before any output
    jobs: list[_Job] = []
    for path, data in inputs:
        documents, lines = _split_documents(data) if data.lstrip()[:1] == b"{" else ([data], False)
        for number, raw in enumerate(documents, start=1):
            jobs.append((f"{path}:{number}" if lines else path, raw, now, args.json))
    workers = _workers(args.jobs, len(jobs))
    all_valid = True
    for text, verified in _run(jobs, workers):
        all_valid &= verified
        _write(text)
    return EXIT_OK if all_valid else EXIT_INVALID


def _workers(requested: int, count: int) -> int:
    if requested > 0:
        return requested
    import os

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(cores or 1, 8) if count >= PARALLEL_MIN else 1


def _run(jobs: list[_Job], workers: int) -> Any:
    """Reports in input order; with several workers, forked processes share the work."""
    if workers <= 1:
        return map(_render, jobs)
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return map(_render, jobs)
    return _parallel(jobs, workers, multiprocessing.get_context("fork"))


def _parallel(jobs: list[_Job], workers: int, context: Any) -> Any:
    from concurrent.futures import ProcessPoolExecutor

    # The first credential is verified here, before forking: the workers then inherit
    # warm caches (processed contexts, compiled schema) instead of each building them.
    yield _render(jobs[0])
    executor = ProcessPoolExecutor(workers, mp_context=context)
    rest = jobs[1:]
    chunk = max(1, min(64, len(rest) // (workers * 4)))
    try:
        yield from executor.map(_render, rest, chunksize=chunk)
    finally:
        executor.shutdown(cancel_futures=True)


def _render(job: _Job) -> tuple[str, bool]:
    """Verify one credential and format its report (a line of JSON, or readable text)."""
    from obcore.verify import verify

    label, raw, now, as_json = job
    report = verify(raw, now=now)
    if as_json:
        import orjson

        record = {"input": label, **report.as_dict()}
        errors = [c["message"] for c in record["checks"] if c["outcome"] == "fail"]
        if errors:
            record["error"] = errors[0]
        return orjson.dumps(record).decode() + "\n", report.verified
    marks = {"pass": "ok  ", "fail": "FAIL", "warning": "warn", "not-checked": "skip"}
    lines = [f"{label}: {report.verdict.value.upper()}"]
    lines += [f"  [{marks[c.outcome.value]}] {c.id}: {c.message}" for c in report.checks]
    return "\n".join(lines) + "\n", report.verified

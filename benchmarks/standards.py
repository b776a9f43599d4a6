"""Skillstack standards core (obcore) vs the Node.js reference peer, measured in one run.

Run: ``.venv-core/bin/python benchmarks/standards.py [--n 500] [--bulk 2000] [--cold 9]``

Prints, for eddsa-rdfc-2022 and eddsa-jcs-2022: warm sign and verify operations per
second in one process (obcore's ``verify()`` with its default checks on: parse, context,
type, schema, validity, proof, issuer binding) beside the peer's ``issue.mjs --bench`` and
``verify.mjs --bench`` (full VC mode); bulk verification of thousands of distinct
credentials in JSON Lines as whole processes (``python -m obcore verify --json`` vs
``node verify.mjs``; ours both with ``--jobs 1`` and with its default worker processes);
and the cold start of verifying one credential. The last line is one
JSON object with the figures and ratios (ours ÷ peer, higher is better; cold start:
peer time ÷ ours). ``proofonly`` compares the proof engine alone (``proof_set_verify`` vs
``verify.mjs --proof-only``). Absolute figures on a shared machine mean little: compare
ratios; each figure is the best of interleaved rounds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SKILLSTACK_SHARED", ROOT.parent / "shared"))
SUITES = {"rdfc": "eddsa-rdfc-2022", "jcs": "eddsa-jcs-2022"}


def peer_dir() -> Path:
    source = SHARED / "interop" / "peer"
    lock = hashlib.sha256((source / "package-lock.json").read_bytes()).hexdigest()[:12]
    target = Path(tempfile.gettempdir()) / f"obcore-peer-{lock}"
    out = subprocess.run(
        ["bash", str(source / "setup-copy.sh"), str(target)],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip().splitlines()[-1])


def node_json(peer: Path, *args: str) -> dict[str, Any]:
    out = subprocess.run(["node", *args], cwd=peer, capture_output=True, text=True, check=True)
    line = [x for x in out.stdout.strip().splitlines() if x.startswith("{")][-1]
    result: dict[str, Any] = json.loads(line)
    return result


def ops_per_sec(func: Any, n: int, warmup: int = 30) -> float:
    for _ in range(warmup):
        func()
    start = time.perf_counter()
    for _ in range(n):
        func()
    return n / (time.perf_counter() - start)


def warm_figures(peer: Path, n: int, rounds: int) -> dict[str, float]:
    """Best of ``rounds`` interleaved runs (ours, peer, ours, …): the machine is shared."""
    from obcore.keys import key_pair_from_json
    from obcore.proofs import proof_add, proof_set_verify
    from obcore.verify import verify

    key_file = SHARED / "standards/vectors/vc-di-eddsa/TestVectors/keyPair.json"
    key = key_pair_from_json(json.loads(key_file.read_text()))
    unsigned = json.loads((peer / "samples/ob3-achievement-unsigned.json").read_text())
    figures: dict[str, float] = {}

    def best(name: str, value: float) -> None:
        figures[name] = max(figures.get(name, 0.0), value)

    for _ in range(rounds):
        for short, suite in SUITES.items():
            sample = peer / f"samples/ob3-achievement-signed-{short}.json"
            raw = sample.read_bytes()
            report = verify(raw)
            assert report.verified, report.as_dict()
            assert {c.id for c in report.checks} >= {"schema", "validity", "proof[0]", "issuer"}
            best(f"verify_{short}_ours", ops_per_sec(lambda r=raw: verify(r), n))
            best(
                f"verify_{short}_peer",
                node_json(peer, "verify.mjs", "--quiet", "--bench", str(n), str(sample))[
                    "verified_per_sec"
                ],
            )
            document = json.loads(raw)
            best(f"proofonly_{short}_ours", ops_per_sec(lambda d=document: proof_set_verify(d), n))
            best(
                f"proofonly_{short}_peer",
                node_json(
                    peer, "verify.mjs", "--quiet", "--proof-only", "--bench", str(n), str(sample)
                )["verified_per_sec"],
            )
            best(
                f"sign_{short}_ours",
                ops_per_sec(lambda s=suite: proof_add(unsigned, key=key, cryptosuite=s), n),
            )
            best(
                f"sign_{short}_peer",
                node_json(
                    peer,
                    "issue.mjs",
                    "--bench",
                    str(n),
                    "--suite",
                    short,
                    "samples/ob3-achievement-unsigned.json",
                )["signs_per_sec"],
            )
    return figures


def expansion_figures(peer: Path, n: int) -> dict[str, float]:
    """JSON-LD expansion of the sample credential: stock pyld vs obcore's cached engine."""
    import pyld.jsonld as stock
    from obcore._jsonld.loader import BundledLoader

    from obcore import jsonld

    loader = BundledLoader()

    def plain_loader(url: str, options: Any = None) -> dict[str, Any]:
        return {"contextUrl": None, "documentUrl": url, "document": loader.context(url)}

    sample = json.loads((peer / "samples/ob3-achievement-unsigned.json").read_text())
    stock_rate = ops_per_sec(
        lambda: stock.expand(sample, {"documentLoader": plain_loader}), max(50, n // 10), 5
    )
    ours_rate = ops_per_sec(lambda: jsonld.expand(sample), n)
    return {"expand_stock_pyld_ms": 1000 / stock_rate, "expand_obcore_ms": 1000 / ours_rate}


def bulk_file(peer: Path, suite: str, count: int, folder: Path) -> Path:
    """``count`` distinct credentials (id, subject, name and proof time all differ)."""
    from obcore.keys import key_pair_from_json
    from obcore.proofs import proof_add

    key_file = SHARED / "standards/vectors/vc-di-eddsa/TestVectors/keyPair.json"
    key = key_pair_from_json(json.loads(key_file.read_text()))
    base = json.loads((peer / "samples/ob3-achievement-unsigned.json").read_text())
    start = datetime(2025, 1, 15, 9, tzinfo=UTC)
    path = folder / f"bulk-{suite}.jsonl"
    with path.open("w") as out:
        for i in range(count):
            doc = json.loads(json.dumps(base))
            doc["id"] = f"urn:uuid:0b9a6f4e-3c1d-4e7a-9f52-{i:012x}"
            doc["credentialSubject"]["id"] = f"did:example:learner-{i}"
            doc["credentialSubject"]["achievement"]["name"] = f"Python Fundamentals #{i}"
            created = (start + timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
            out.write(
                json.dumps(proof_add(doc, key=key, cryptosuite=SUITES[suite], created=created))
                + "\n"
            )
    return path


#: Python child processes run as an installed obcore would: with its bytecode cache
#: (pip writes .pyc files at install time). This machine may set PYTHONDONTWRITEBYTECODE;
#: the cache then goes to a folder of its own (PYTHONPYCACHEPREFIX), never into src/.
PYCACHE = Path(tempfile.gettempdir()) / "obcore-bench-pycache"
INSTALLED_ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": str(PYCACHE),
}
NO_BYTECODE_ENV = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": ""}


def timed(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    run = subprocess.run(
        cmd,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
        env=env if env is not None else INSTALLED_ENV,
    )
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {run.returncode}: {run.stderr[-500:]!r}")
    return elapsed


def bulk_figures(peer: Path, count: int, folder: Path, rounds: int) -> dict[str, float]:
    """Whole processes over ``count`` credentials: ours single-process (``--jobs 1``, like
    the peer) and with its default (worker processes on every core from 200 credentials)."""
    figures: dict[str, float] = {}
    verify = [sys.executable, "-m", "obcore", "verify", "--json"]
    for suite in SUITES:
        path = bulk_file(peer, suite, count, folder)
        for _ in range(rounds):
            runs = {
                f"bulk_{suite}_ours": timed([*verify, "--jobs", "1", str(path)]),
                f"bulk_{suite}_peer": timed(["node", "verify.mjs", str(path)], cwd=peer),
                f"bulkjobs_{suite}_ours": timed([*verify, str(path)]),
            }
            for key, seconds in runs.items():
                figures[key] = max(figures.get(key, 0.0), count / seconds)
        figures[f"bulkjobs_{suite}_peer"] = figures[f"bulk_{suite}_peer"]
    return figures


def cold_figures(peer: Path, runs: int) -> dict[str, float]:
    """Median wall time of one whole ``verify one.json`` process, interleaved with the peer.

    ``cold_*_ours_ms``: obcore as installed (bytecode cache written by a first run, as pip
    does at install time); ``coldsrc_*_ours_ms``: with no bytecode cache at all (every
    obcore module compiled from source in each process), for comparison.
    """
    figures: dict[str, float] = {}
    for suite in SUITES:
        one = peer / f"samples/ob3-achievement-signed-{suite}.json"
        command = [sys.executable, "-m", "obcore", "verify", str(one)]
        timed(command)  # writes the bytecode cache, like an install
        ours, source, theirs = [], [], []
        for _ in range(runs):  # interleaved, so both see the same machine load
            ours.append(timed(command))
            theirs.append(timed(["node", "verify.mjs", str(one)], cwd=peer))
            source.append(timed(command, env=NO_BYTECODE_ENV))
        figures[f"cold_{suite}_ours_ms"] = statistics.median(ours) * 1000
        figures[f"cold_{suite}_peer_ms"] = statistics.median(theirs) * 1000
        figures[f"coldsrc_{suite}_ours_ms"] = statistics.median(source) * 1000
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=500, help="warm operations per figure")
    parser.add_argument("--bulk", type=int, default=2000, help="credentials in the bulk file")
    parser.add_argument("--cold", type=int, default=9, help="cold-start runs (median)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (best of)")
    args = parser.parse_args()
    peer = peer_dir()
    with tempfile.TemporaryDirectory() as tmp:
        figures = warm_figures(peer, args.n, args.rounds)
        figures |= expansion_figures(peer, args.n)
        figures |= bulk_figures(peer, args.bulk, Path(tmp), max(1, args.rounds - 1))
        figures |= cold_figures(peer, args.cold)
    ratios: dict[str, float] = {}
    print(f"{'figure':<24}{'obcore':>12}{'peer':>12}{'ratio':>9}")
    for kind in ("sign", "verify", "proofonly", "bulk", "bulkjobs"):
        for suite in SUITES:
            ours, theirs = figures[f"{kind}_{suite}_ours"], figures[f"{kind}_{suite}_peer"]
            ratios[f"{kind}_{suite}"] = round(ours / theirs, 2)
            print(
                f"{kind + ' ' + suite + ' (/s)':<24}{ours:>12.0f}{theirs:>12.0f}"
                f"{ours / theirs:>8.2f}x"
            )
    for kind in ("cold", "coldsrc"):
        for suite in SUITES:
            ours, theirs = figures[f"{kind}_{suite}_ours_ms"], figures[f"cold_{suite}_peer_ms"]
            ratios[f"{kind}_{suite}"] = round(theirs / ours, 2)
            print(
                f"{kind + ' ' + suite + ' (ms)':<24}{ours:>12.0f}{theirs:>12.0f}"
                f"{theirs / ours:>8.2f}x"
            )
    print(
        f"{'expand sample (ms)':<24}{figures['expand_obcore_ms']:>12.2f}"
        f"{figures['expand_stock_pyld_ms']:>12.2f}  (stock pyld 3.3.0)"
    )
    rounded = {k: round(v, 2) for k, v in figures.items()}
    print(
        json.dumps(
            {
                "figures": rounded,
                "ratios": ratios,
                "notes": {
                    "bulk": "obcore --jobs 1 (one process, like the peer)",
                    "bulkjobs": "obcore default (worker processes on every core from "
                    "200 credentials); the peer is single-process",
                    "cold": "obcore with its bytecode cache, as installed",
                    "coldsrc": "obcore with no bytecode cache (PYTHONDONTWRITEBYTECODE=1)",
                    "targets": "sign/verify/bulk ratios are single-process figures",
                },
                "bulk_credentials": args.bulk,
                "n": args.n,
                "load_average": os.getloadavg()[0],
            }
        )
    )


if __name__ == "__main__":
    main()

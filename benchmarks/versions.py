"""One SDK for a range of versions against one SDK for one version, in one run.

    python benchmarks/versions.py [--repeat 3] [--out benchmarks/versions.json]

Builds the whole Gitea range of ``../shared/specs`` (1.17 to 1.27) into one
SDK and Gitea 1.27 alone, each cold (no cache) in a fresh process, the two
alternating so that a busy machine slows both alike; then times importing
each SDK's ``Client`` and first use of its largest group. Prints a table with
PASS/FAIL against the targets (range build under 3x the single build; import
within 10% or 5 ms of the single SDK's) and writes the raw numbers as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import measure
from run import PYTHON, SPECS_ROOT, WORK, _env, _fresh, _import_snippets, log

BUILD_TARGET = 3.0  # times a single build
IMPORT_SLACK = (1.10, 5.0)  # a ratio, or milliseconds, whichever is looser


def gitea_range() -> list[Path]:
    return [SPECS_ROOT / f"gitea/1.{n}.json" for n in range(17, 28)]


def command(specs: list[Path], out: Path) -> list[str]:
    args = [PYTHON, "-m", "forgegen", "build", "-q", "--out", str(out)]
    for spec in specs:
        args += ["--spec", str(spec)]
    return [*args, "--package-name", out.name]


def build_times(repeat: int) -> dict[str, list[measure.Measured]]:
    cold = _env(FORGEGEN_NO_CACHE="1", FORGEGEN_CACHE_DIR=None)
    runs: dict[str, list[measure.Measured]] = {"single": [], "range": []}
    for i in range(repeat):
        for kind, specs in (("single", gitea_range()[-1:]), ("range", gitea_range())):
            log(f"build {kind} ({i + 1}/{repeat})")
            out = _fresh(WORK / "versions" / kind / f"{kind}_sdk")
            runs[kind].append(measure.run_measured(command(specs, out), env=cold).check(kind))
    return runs


def import_times(runs: int) -> dict[str, dict[str, float]]:
    found: dict[str, dict[str, float]] = {}
    for kind in ("single", "range"):
        folder = WORK / "versions" / kind / f"{kind}_sdk" / f"{kind}_sdk"
        env = _env(PYTHONPATH=str(folder.parent), PYTHONDONTWRITEBYTECODE=None)
        found[kind] = {}
        for label, code in _import_snippets("forgegen", folder).items():
            log(f"import {kind}: {label}")
            measure.time_command([PYTHON, "-c", code], runs=0, env=env, warmup=1)
            bare = measure.time_command([PYTHON, "-c", "pass"], runs=runs, env=env, warmup=0)
            loaded = measure.time_command([PYTHON, "-c", code], runs=runs, env=env, warmup=0)
            found[kind][label.split(" of .")[0]] = (
                measure.median(loaded) - measure.median(bare)
            ) * 1000
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--import-runs", type=int, default=15)
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("versions.json"))
    args = parser.parse_args()
    if not all(p.is_file() for p in gitea_range()):
        print("../shared/specs with Gitea 1.17 to 1.27 is needed", file=sys.stderr)
        return 2
    builds = build_times(args.repeat)
    wall = {k: measure.median(r.wall_s for r in v) for k, v in builds.items()}
    cpu = {k: measure.median(r.cpu_s for r in v) for k, v in builds.items()}
    peak = {k: max(r.maxrss_mib for r in v) for k, v in builds.items()}
    imports = import_times(args.import_runs)
    ratio = wall["range"] / wall["single"]
    rows = [
        "| | Gitea 1.27 alone | Gitea 1.17 to 1.27 in one SDK | ratio | target | |",
        "|---|---|---|---|---|---|",
        f"| cold build, wall (CPU) | {wall['single']:.1f} s ({cpu['single']:.1f} s) | "
        f"{wall['range']:.1f} s ({cpu['range']:.1f} s) | {ratio:.2f}x | < {BUILD_TARGET:g}x "
        f"| {'PASS' if ratio < BUILD_TARGET else 'FAIL'} |",
        f"| largest RSS | {peak['single']:.0f} MiB | {peak['range']:.0f} MiB | "
        f"{peak['range'] / peak['single']:.2f}x | | |",
    ]
    for label, single in imports["single"].items():
        ranged = imports["range"][label]
        ok = ranged <= max(single * IMPORT_SLACK[0], single + IMPORT_SLACK[1])
        rows.append(
            f"| import: {label} | {single:.1f} ms | {ranged:.1f} ms | {ranged / single:.2f}x "
            f"| unchanged | {'PASS' if ok else 'FAIL'} |"
        )
    print("\n".join(rows))
    raw = {
        "builds": {
            k: [{"wall_s": r.wall_s, "cpu_s": r.cpu_s, "maxrss_mib": r.maxrss_mib} for r in v]
            for k, v in builds.items()
        },
        "imports_over_bare_ms": imports,
    }
    args.out.write_text(json.dumps(raw, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

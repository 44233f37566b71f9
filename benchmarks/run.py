"""forgegen side by side with openapi-python-client and openapi-generator, in one run.

    python benchmarks/run.py [--quick] [--repeat N] [--specs gitea-1.25,forgejo-11,gogs]
                             [--out benchmarks/results.json] [--no-peers]

Installs the peers into ``benchmarks/.peers/`` when they are missing (PyPI
and npm, nothing else), builds every spec with every generator in fresh
processes, then measures the generated SDKs: import time, decoding 1,000
issues, and paging 5,000 items from a loopback server. Prints Markdown
tables with PASS/FAIL against the issue's targets and writes every raw
number as JSON. Work files go to ``benchmarks/.build/`` (ignored by git).
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import measure
import peers as peers_module
import report
import workloads

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SPECS_ROOT = REPO.parent / "shared" / "specs"
# Other projects' big specs, from the corpus (benchmarks/corpus/fetch.sh)
CORPUS_ROOT = Path(os.environ.get("FORGEGEN_CORPUS") or REPO.parent / "corpus")
WORK = HERE / ".build"
TRASH = WORK / "trash"  # earlier outputs, deleted after the measurements (``_fresh``)
PYTHON = sys.executable


@dataclass(frozen=True)
class Spec:
    key: str
    relative: str  # under ../shared/specs, or the corpus
    oag_package: str  # "": openapi-generator is not run (minutes on a big spec)
    corpus: bool = False

    @property
    def path(self) -> Path:
        return (CORPUS_ROOT if self.corpus else SPECS_ROOT) / self.relative

    @property
    def shown(self) -> str:
        return f"../{'corpus' if self.corpus else 'shared/specs'}/{self.relative}"


SPECS = {
    spec.key: spec
    for spec in (
        Spec("gitea-1.25", "gitea/1.25.json", "gitea_oag"),
        Spec("forgejo-11", "forgejo/11.json", "forgejo_oag"),
        Spec("gogs", "gogs/openapi.json", "gogs_oag"),
        Spec("stripe", "big/stripe-apisguru.json", "", corpus=True),
        Spec("github", "big/github.json", "", corpus=True),
    )
}
# What a run measures unless told: the forges; the big specs take minutes each.
DEFAULT_SPECS = ("gitea-1.25", "forgejo-11", "gogs")
WORKLOAD_SPEC = "gitea-1.25"


@dataclass(frozen=True)
class Settings:
    quick: bool
    repeat: int  # cold builds per tool
    rebuild_repeat: int  # forgegen's cheap rebuilds
    peer_rebuild_repeat: int
    import_runs: int
    decode_repeat: int
    paginate_items: int
    paginate_repeat: int
    paginate_processes: int
    prefetch_repeat: int
    latency_s: float = 0.05
    decode_items: int = 1000
    profile: bool = True  # a phase profile of a cold forgegen build, and --force rebuilds

    @classmethod
    def make(cls, quick: bool) -> Settings:
        if quick:  # peers' rebuilds, --force rebuilds and the phase profile are left out
            return cls(True, 1, 3, 0, 2, 3, 500, 2, 1, 1, profile=False)
        return cls(False, 3, 7, 1, 10, 15, 5000, 5, 5, 3)


_started = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - _started:6.1f}s] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Builds
# ---------------------------------------------------------------------------


def _summary(runs: Sequence[measure.Measured]) -> dict[str, Any]:
    pss = [r.tree_pss_mib for r in runs if r.tree_pss_mib is not None]
    return {
        "median_s": measure.median(r.wall_s for r in runs),
        "runs_s": [r.wall_s for r in runs],
        "cpu_median_s": measure.median(r.cpu_s for r in runs),
        "maxrss_mib": max(r.maxrss_mib for r in runs),
        "tree_pss_mib": max(pss) if pss else None,
    }


def _fresh(folder: Path) -> Path:
    """``folder``, made free: what was there goes to the trash, emptied when
    the run ends. Deleting thousands of files just before a build slows the
    build, whichever tool it is: ext4 makes each new file skip the inodes
    freed in the last minute or so (GitHub's SDK: 1 ms a file instead of 0.05)."""
    if folder.exists():
        TRASH.mkdir(parents=True, exist_ok=True)
        folder.rename(Path(tempfile.mkdtemp(dir=TRASH)) / folder.name)
    folder.parent.mkdir(parents=True, exist_ok=True)
    return folder


def _empty_trash() -> None:
    shutil.rmtree(TRASH, ignore_errors=True)


def _env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _is_swagger2(path: Path) -> bool:
    with path.open("rb") as handle:
        head = json.loads(handle.read())
    return "swagger" in head


def _forgegen_command(spec: Path, out: Path, *extra: str) -> list[str]:
    return [
        PYTHON,
        "-m",
        "forgegen",
        "build",
        "--spec",
        str(spec),
        "--out",
        str(out),
        "-q",
        *extra,
    ]


def _package_dir(out: Path, name: str | None = None) -> Path:
    if name is not None:
        return out / name
    for child in sorted(out.iterdir()):
        if (child / "__init__.py").exists() and (child / "client.py").exists():
            return child
    raise RuntimeError(f"no package found in {out}")


def measure_builds(
    spec: Spec, peers: peers_module.Peers | None, settings: Settings
) -> dict[str, Any]:
    work = WORK / spec.key
    work.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"path": spec.shown, "cold": {}, "rebuild": {}, "size": {}}
    outs = {
        report.FORGEGEN: work / "forgegen",
        report.RUFF: work / "forgegen-ruff",
        report.OPC: work / "opc",
        report.OAG: work / "oag",
    }
    cold_env = _env(FORGEGEN_NO_CACHE="1", FORGEGEN_CACHE_DIR=None)

    # openapi-python-client reads OpenAPI 3 only: convert Swagger 2.0 first.
    opc_spec = spec.path
    if peers is not None and _is_swagger2(spec.path):
        opc_spec = work / "openapi3.json"
        runs = []
        for _ in range(settings.repeat):
            log(f"{spec.key}: swagger2openapi")
            runs.append(
                measure.run_measured(peers.s2o_command(spec.path, opc_spec), env=peers.env()).check(
                    "swagger2openapi"
                )
            )
        result["conversion"] = _summary(runs)

    commands: dict[str, tuple[Callable[[Path], list[str]], Mapping[str, str]]] = {
        report.FORGEGEN: (lambda out: _forgegen_command(spec.path, out), cold_env),
        report.RUFF: (
            lambda out: _forgegen_command(spec.path, out, "--formatter", "ruff"),
            cold_env,
        ),
    }
    if peers is not None:
        commands[report.OPC] = (lambda out: peers.opc_command(opc_spec, out), peers.env())
        if spec.oag_package:
            commands[report.OAG] = (
                lambda out: peers.oag_command(spec.path, out, spec.oag_package),
                peers.env(),
            )
    cold: dict[str, list[measure.Measured]] = {tool: [] for tool in commands}
    failed: dict[str, str] = {}  # a peer that fails (openapi-python-client on Stripe's spec)
    for index in range(settings.repeat):  # in turns, so drift in load hits all alike
        for tool, (command, env) in commands.items():
            if tool in failed:
                continue
            log(f"{spec.key}: cold build {index + 1}/{settings.repeat}: {tool}")
            out = _fresh(outs[tool])
            done = measure.run_measured(command(out), env=env, cwd=work)
            try:
                cold[tool].append(done.check(tool))
            except RuntimeError as exc:
                if tool in (report.FORGEGEN, report.RUFF):
                    raise
                # ... does not cost forgegen's figures for the spec: it is recorded and left out
                failed[tool] = str(exc)
                log(f"{spec.key}: {tool} failed")
    result["cold"] = {tool: _summary(runs) for tool, runs in cold.items() if tool not in failed}
    if failed:
        result["error"] = "\n".join(failed.values())

    # Rebuilds. forgegen's caches live in a folder of this run: phases.py
    # builds once with them (a cold build: the folder starts empty, which also
    # gives the phase profile), then the --force rebuilds hit them. The
    # unchanged-spec rebuild needs no cache: the output's manifest says it is
    # up to date.
    cache = _fresh(work / "cache")
    warm_env = _env(FORGEGEN_CACHE_DIR=str(cache), FORGEGEN_NO_CACHE=None)
    forgegen_out = outs[report.FORGEGEN]
    rebuilds: dict[str, tuple[list[str], Mapping[str, str], int]] = {
        report.REBUILD: (
            _forgegen_command(spec.path, forgegen_out),
            warm_env,
            settings.rebuild_repeat,
        ),
    }
    if settings.profile:
        log(f"{spec.key}: forgegen phase profile (cold, fills the cache)")
        phases = measure.run_measured(
            [
                PYTHON,
                str(HERE / "phases.py"),
                "--spec",
                str(spec.path),
                "--out",
                str(_fresh(work / "phases")),
                "--formatter",
                "black",
            ],
            env=warm_env,
        ).check("phases.py")
        result["phases"] = json.loads(phases.stdout)
        rebuilds[report.FORCED] = (
            _forgegen_command(spec.path, forgegen_out, "--force"),
            warm_env,
            settings.repeat,
        )
    if peers is not None and settings.peer_rebuild_repeat and report.OPC not in failed:
        rebuilds[report.OPC] = (
            peers.opc_rebuild_command(opc_spec, outs[report.OPC]),
            peers.env(),
            settings.peer_rebuild_repeat,
        )
        if spec.oag_package and report.OAG not in failed:
            rebuilds[report.OAG] = (
                peers.oag_command(spec.path, outs[report.OAG], spec.oag_package),
                peers.env(),
                settings.peer_rebuild_repeat,
            )
    for tool, (command, env, count) in rebuilds.items():
        runs = []
        for index in range(count):
            log(f"{spec.key}: rebuild {index + 1}/{count}: {tool}")
            runs.append(measure.run_measured(command, env=env, cwd=work).check(tool))
        result["rebuild"][tool] = _summary(runs)
    manifest = json.loads((forgegen_out / ".forgegen.json").read_text())
    package = str(manifest["package"])
    result["package"] = package

    packages = {
        report.FORGEGEN: _package_dir(forgegen_out, package),
        report.RUFF: _package_dir(outs[report.RUFF], package),
    }
    if peers is not None:
        if report.OPC not in failed:
            packages[report.OPC] = _package_dir(outs[report.OPC])
        if spec.oag_package and report.OAG not in failed:
            packages[report.OAG] = _package_dir(outs[report.OAG], spec.oag_package)
    for tool, folder in packages.items():
        result["size"][tool] = {
            "package": asdict(measure.count_tree(folder)),
            "all": asdict(measure.count_tree(folder.parent)),
        }
    result["ruff_vs_black"] = compare_trees(packages[report.FORGEGEN], packages[report.RUFF])
    result["packages"] = {tool: str(folder) for tool, folder in packages.items()}
    return result


def compare_trees(black: Path, ruff: Path) -> dict[str, int]:
    """How far ruff's formatting of the same render is from black's."""
    files = identical = changed = 0
    for path in sorted(black.rglob("*.py")):
        other = ruff / path.relative_to(black)
        files += 1
        a = path.read_text().splitlines()
        b = other.read_text().splitlines() if other.exists() else []
        if a == b:
            identical += 1
            continue
        changed += sum(
            1
            for line in difflib.unified_diff(a, b, lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        )
    return {"files": files, "files_identical": identical, "lines_changed": changed}


# ---------------------------------------------------------------------------
# Imports
# ---------------------------------------------------------------------------


def _import_snippets(tool: str, folder: Path) -> dict[str, str]:
    package = folder.name
    if tool in (report.FORGEGEN, report.RUFF):
        # The heaviest API group: its first use imports the module and the models.
        group = max((folder / "api").glob("[!_]*.py"), key=lambda p: p.stat().st_size).stem
        return {
            "Client": f"import {package}; from {package} import Client",
            # models/ loads a model on first use: * asks for every one
            "every model": f"from {package}.models import *",
            f"Client + first use of .{group}": f"from {package} import Client; "
            f"Client('http://127.0.0.1').{group}",
        }
    if tool == report.OPC:
        return {
            "Client": f"import {package}; from {package} import Client",
            "models": f"from {package} import models",
        }
    return {
        "ApiClient (imports every API and model)": (
            f"import {package}; from {package} import ApiClient"
        )
    }


def measure_imports(packages: Mapping[str, str], python: str, settings: Settings) -> dict[str, Any]:
    """Wall-clock of a fresh interpreter doing the import, minus a bare one
    (``-c pass``), medians of ``import_runs`` runs after a warm-up that also
    writes the bytecode caches. Bare and import runs alternate."""
    found: dict[str, Any] = {}
    for tool, folder in packages.items():
        if tool == report.RUFF:
            continue  # the same code as forgegen's, formatted otherwise
        path = Path(folder)
        env = _env(PYTHONPATH=str(path.parent), PYTHONDONTWRITEBYTECODE=None)
        found[tool] = {}
        for label, code in _import_snippets(tool, path).items():
            log(f"import {path.name}: {label}")
            bare, loaded = [], []
            try:
                measure.time_command([python, "-c", code], runs=0, env=env, warmup=1)
            except RuntimeError as exc:
                found[tool][label] = {"error": str(exc)[-500:]}
                continue
            for _ in range(settings.import_runs):
                bare += measure.time_command([python, "-c", "pass"], runs=1, env=env, warmup=0)
                loaded += measure.time_command([python, "-c", code], runs=1, env=env, warmup=0)
            found[tool][label] = {
                "over_bare_ms": (measure.median(loaded) - measure.median(bare)) * 1000,
                "median_ms": measure.median(loaded) * 1000,
                "bare_median_ms": measure.median(bare) * 1000,
                "runs": settings.import_runs,
            }
    return found


REFERENCE_IMPORTS = {
    "httpx": "import httpx",
    "asyncio": "import asyncio",
    "attrs + dateutil (openapi-python-client's runtime)": "import attrs, dateutil.parser",
    "pydantic": "import pydantic",
}


def measure_reference_imports(python: str, settings: Settings) -> dict[str, Any]:
    """What the SDKs' own dependencies cost to import, measured the same way."""
    found: dict[str, Any] = {}
    for label, code in REFERENCE_IMPORTS.items():
        log(f"import (reference): {label}")
        bare, loaded = [], []
        try:
            measure.time_command([python, "-c", code], runs=0, warmup=1)
        except RuntimeError:
            continue  # not installed in this interpreter
        for _ in range(settings.import_runs):
            bare += measure.time_command([python, "-c", "pass"], runs=1, warmup=0)
            loaded += measure.time_command([python, "-c", code], runs=1, warmup=0)
        found[label] = {
            "over_bare_ms": (measure.median(loaded) - measure.median(bare)) * 1000,
            "runs": settings.import_runs,
        }
    return found


# ---------------------------------------------------------------------------
# Workloads
# ---------------------------------------------------------------------------


def _workload(python: str, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [python, str(HERE / "workloads.py"), *args], capture_output=True, text=True, timeout=900
    )
    if done.returncode != 0:
        raise RuntimeError(f"workloads.py {args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def _median_of(runs: Sequence[Mapping[str, Any]], key: str) -> dict[str, float]:
    names = runs[0][key]
    return {name: measure.median(run[key][name] for run in runs) for name in names}


def measure_workloads(
    spec: Spec, packages: Mapping[str, str], python: str, settings: Settings
) -> dict[str, Any]:
    document = json.loads(spec.path.read_text())
    data = WORK / f"issues-{settings.decode_items}.json"
    data.write_text(json.dumps(workloads.make_issues(document, settings.decode_items)))
    sdks = []
    for tool in (report.FORGEGEN, report.OPC, report.OAG):
        if tool in packages:
            folder = Path(packages[tool])
            sdks += ["--sdk", f"{tool}={folder.parent}:{folder.name}"]
    log(f"decode {settings.decode_items} issues")
    found: dict[str, Any] = {
        "decode": _workload(
            python, "decode", "--data", str(data), "--repeat", str(settings.decode_repeat), *sdks
        )
    }

    items_file = WORK / f"issues-{settings.paginate_items}.json"
    items_file.write_text(json.dumps(workloads.make_issues(document, settings.paginate_items)))
    forgegen = Path(packages[report.FORGEGEN])
    sdk = f"{forgegen.parent}:{forgegen.name}"
    pages = -(-settings.paginate_items // workloads.PAGE_CAP)
    for section, latency, mode, repeat in (
        ("pagination", 0.0, "overhead", settings.paginate_repeat),
        ("prefetch", settings.latency_s, "prefetch", settings.prefetch_repeat),
    ):
        budget = (pages + 2) * 3 * (repeat + 1) * settings.paginate_processes + 50
        proc, url = workloads.start_server(python, items_file, latency=latency, max_requests=budget)
        # Overhead ratios vary from one process to the next (by up to ±10% on
        # this machine, the same seed and load notwithstanding): several
        # processes, and the median of their medians.
        processes = settings.paginate_processes if mode == "overhead" else 1
        try:
            runs = []
            for index in range(processes):
                log(
                    f"{section}: {settings.paginate_items} items, latency "
                    f"{latency * 1000:.0f} ms, process {index + 1}/{processes}"
                )
                runs.append(
                    _workload(
                        python,
                        "paginate",
                        "--url",
                        url,
                        "--sdk",
                        sdk,
                        "--expect",
                        str(settings.paginate_items),
                        "--repeat",
                        str(repeat),
                        "--mode",
                        mode,
                    )
                )
        finally:
            workloads.stop_server(proc)
        found[section] = {
            "mode": mode,
            "items": settings.paginate_items,
            "page_size": workloads.PAGE_CAP,
            "latency_s": latency,
            "processes": processes,
            "repeat": repeat,
            "median_s": _median_of(runs, "median_s"),
            "cpu_median_s": _median_of(runs, "cpu_median_s"),
            "per_process": runs,
        }
    return found


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------


def _versions(peers: peers_module.Peers | None) -> dict[str, str]:
    import importlib.metadata as metadata

    found = {
        name: metadata.version(name)
        for name in ("forgegen", "black", "httpx", "jinja2", "openapi-spec-validator")
    }
    ruff = shutil.which("ruff")
    if ruff:
        found["ruff"] = subprocess.run(
            [ruff, "--version"], capture_output=True, text=True
        ).stdout.strip()
    if peers is not None:
        found.update(peers.versions())
    return found


def _git() -> dict[str, Any]:
    """The commit measured, and how many files of the generator differ from it."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    changed = git("status", "--porcelain", "--", "generator", "templates")
    return {
        "commit": git("rev-parse", "HEAD"),
        "generator_files_changed": len(changed.splitlines()) if changed else 0,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="one build each, fewer runs: a smoke run"
    )
    parser.add_argument(
        "--specs",
        default=None,
        help=f"comma-separated, of {', '.join(SPECS)} "
        f"(default: {','.join(DEFAULT_SPECS)}; --quick: {WORKLOAD_SPEC})",
    )
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument(
        "--repeat",
        type=int,
        help="cold builds per tool and spec (default: 3; --quick: 1), medians reported",
    )
    parser.add_argument(
        "--no-peers", action="store_true", help="forgegen only: neither install nor run the peers"
    )
    args = parser.parse_args(argv)
    settings = Settings.make(args.quick)
    if args.repeat:
        settings = replace(settings, repeat=args.repeat)
    keys = (args.specs or (WORKLOAD_SPEC if args.quick else ",".join(DEFAULT_SPECS))).split(",")
    unknown = [k for k in keys if k not in SPECS]
    if unknown:
        parser.error(f"unknown spec(s) {', '.join(unknown)}; known: {', '.join(SPECS)}")
    missing = [SPECS[k].shown for k in keys if not SPECS[k].path.exists()]
    if missing:
        parser.error(f"spec(s) not found: {', '.join(missing)}")

    peers = None
    if not args.no_peers:
        try:
            peers = peers_module.install(log)
        except peers_module.PeerError as exc:
            log(f"peers unavailable, measuring forgegen alone: {exc}")
    python = str(peers.python) if peers is not None else PYTHON
    WORK.mkdir(parents=True, exist_ok=True)
    _empty_trash()  # what an interrupted run left

    results: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": {
            "platform": platform.platform(),
            "machine": platform.machine(),
            "processor": platform.processor(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "loadavg_start": [round(x, 2) for x in os.getloadavg()],
        },
        "settings": asdict(settings),
        "versions": _versions(peers),
        "git": _git(),
        "peers": peers is not None,
        "workload_spec": WORKLOAD_SPEC,
        "specs": {},
    }
    for key in keys:  # a failure is recorded and the run goes on
        spec = SPECS[key]
        try:
            built = measure_builds(spec, peers, settings)
        except Exception as exc:
            log(f"{key}: builds failed: {exc}")
            results["specs"][key] = {"path": spec.shown, "error": str(exc)[-2000:]}
            continue
        results["specs"][key] = built
        built["imports"] = measure_imports(built["packages"], python, settings)
        if key == WORKLOAD_SPEC:
            try:
                results.update(measure_workloads(spec, built["packages"], python, settings))
            except Exception as exc:
                log(f"workloads failed: {exc}")
                results["workloads_error"] = str(exc)[-2000:]
    results["imports_reference"] = measure_reference_imports(python, settings)
    results["machine"]["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    results["duration_s"] = time.perf_counter() - _started
    for built in results["specs"].values():
        built["packages"] = {  # no machine paths in the committed JSON
            tool: os.path.relpath(folder, REPO)
            for tool, folder in built.get("packages", {}).items()
        }
    targets = report.evaluate(results)
    results["targets"] = [t.as_dict() for t in targets]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(report.markdown(results, targets))
    log(f"results written to {args.out}")
    _empty_trash()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""forgegen's build, phase by phase, in one process: where a cold build spends its time.

    python benchmarks/phases.py --spec SPEC --out DIR [--formatter black|ruff|none]
                                [--jobs N] [--cprofile FILE]

Prints one JSON object: seconds per phase (import, load, validate, parse,
render, format, write). It strings together the same stages as
``forgegen.build.build`` (source → validate → fixes → IR → pagination →
render → format → write), minus the rebuild shortcut and the changelog, but
one after the other: a build validates in child processes beside parsing,
rendering and formatting, so its wall time is less than the sum here (see
a cold build's own time for that). ``--formatter`` is the build's option of
the same name (``none`` writes the render unformatted); with ruff, nothing of
black is imported. Run it with ``FORGEGEN_NO_CACHE=1`` for a cold build.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any


def _build(spec: str, out: Path, formatter: str, jobs: int | None) -> dict[str, Any]:
    timings: dict[str, float] = {}
    rss: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = timings.get(name, 0.0) + now - clock
        rss[name] = _status_mib("VmRSS")
        clock = now

    from forgegen.diagnostics import Diagnostics
    from forgegen.load import source
    from forgegen.parse import parse, refuse_external_refs
    from forgegen.profiles import forges
    from forgegen.profiles.fixes import apply_fixes
    from forgegen.profiles.paginate import mark_pagination
    from forgegen.render.package import Provenance, package_version, render_package
    from forgegen.validate.verdicts import validate_cached
    from forgegen.write.tree import write_tree

    if formatter != "none":
        from forgegen.format.formatters import format_files, require

        require(formatter)
    lap("import")

    loaded = source.load(spec)
    lap("load")

    diagnostics = Diagnostics()
    refuse_external_refs(loaded.document, loaded.origin)
    validate_cached(loaded.document, loaded.sha256, diagnostics)
    lap("validate")

    profile = forges.detect(loaded.document)
    package = forges.default_package(profile, loaded.document)
    document, applied = apply_fixes(loaded.document, profile.name, diagnostics)
    api = parse(document, diagnostics, loaded.origin)
    sdk = mark_pagination(api, profile)
    lap("parse")

    files: dict[str, Any] = dict(
        render_package(
            sdk,
            package=package,
            profile=profile,
            provenance=Provenance(Path(loaded.origin).name, loaded.sha256),
            version=package_version(api.version, ""),
            fixes=applied,
        )
    )
    lap("render")

    if formatter != "none":
        files = dict(format_files(files, formatter=formatter, jobs=jobs))
        lap("format")
    write_tree(out, files, manifest={"package": package, "forge": profile.name})
    lap("write")
    return {
        "formatter": formatter,
        "package": package,
        "operations": len(api.operations),
        "models": len(api.models),
        "files": len(files),
        "phases_s": timings,
        "rss_after_mib": rss,  # this process only; black's workers are others
        "peak_rss_mib": _status_mib("VmHWM"),
    }


def _status_mib(field: str) -> float:
    """A memory figure of this process from /proc (0 where there is none)."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", required=True)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--formatter", choices=("black", "ruff", "none"), default="black")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--cprofile", type=Path, help="write cProfile stats of the build here")
    args = parser.parse_args()
    if args.cprofile is None:
        result = _build(args.spec, args.out, args.formatter, args.jobs)
    else:
        import cProfile

        profiler = cProfile.Profile()
        result = profiler.runcall(_build, args.spec, args.out, args.formatter, args.jobs)
        profiler.dump_stats(args.cprofile)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()

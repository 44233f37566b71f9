"""``forgegen build --all``: every target of the config, in parallel processes.

Each target builds in a worker process of its own (the GIL would serialise
rendering in threads) and formats its files there without a further pool.
Workers report back plain values, never exceptions, so nothing has to
survive pickling; the caller gets one ``Outcome`` per target as each ends.

A worker builds one target after another, so the validator and black are
imported once per worker (at its start), not once per target, and what they
cache in memory serves every target it builds. The largest specs go first:
a small one left for last keeps the other cores idle for less time.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import click

from forgegen.build import BuildOptions, build
from forgegen.release.config import Target

__all__ = ["Outcome", "build_target", "run_targets"]

Status = Literal["built", "unchanged", "failed"]


@dataclass(frozen=True)
class Outcome:
    target: str
    status: Status
    message: str
    exit_code: int = 0


def build_target(target: Target, force: bool = False) -> Outcome:
    """Build one target; any failure becomes a failed ``Outcome``."""
    options = BuildOptions(
        spec=target.spec,
        more_specs=target.more_specs,
        out=target.out,
        package=target.package,
        forge=target.forge,
        templates=target.templates,
        fixes=target.fixes,
        version_suffix=target.version_suffix,
        package_version=target.package_version,
        force=force,
        jobs=1,
        formatter=target.formatter,
    )
    try:
        result = build(options)
    except click.ClickException as exc:
        return Outcome(target.name, "failed", exc.format_message(), exc.exit_code)
    except Exception as exc:  # reported like the CLI reports an internal error
        return Outcome(target.name, "failed", f"internal error: {type(exc).__name__}: {exc}", 1)
    if result.unchanged:
        detail = f"{result.package} {result.version} in {result.out}"
        return Outcome(target.name, "unchanged", detail)
    fixes = f", {len(result.fixes)} spec fix(es)" if result.fixes else ""
    changelog = ", CHANGELOG entry added" if result.changelog else ""
    return Outcome(
        target.name,
        "built",
        f"{result.package} {result.version} ({result.forge}): {result.operations} operations, "
        f"{result.models} models{fixes}{changelog} in {result.out}",
    )


def _warm_up() -> None:
    """Import what every build needs once per worker, before its first target."""
    import black  # noqa: F401

    from forgegen.validate import validator  # noqa: F401


def _size(target: Target) -> int:
    try:
        return Path(target.spec).stat().st_size
    except OSError:  # a URL: its size is not known before fetching
        return 0


def _largest_first(targets: Sequence[Target]) -> list[Target]:
    return sorted(targets, key=lambda t: ("://" not in t.spec, -_size(t)))


def run_targets(
    targets: Sequence[Target],
    *,
    jobs: int | None = None,
    force: bool = False,
    report: Callable[[Outcome], None] = lambda outcome: None,
) -> list[Outcome]:
    """Build every target, ``jobs`` at a time; outcomes in the targets' order."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(targets)))
    outcomes: dict[str, Outcome] = {}
    if workers == 1:
        for target in targets:
            outcomes[target.name] = build_target(target, force)
            report(outcomes[target.name])
        return [outcomes[t.name] for t in targets]
    # spawn, not fork: a forked child of a threaded parent can deadlock.
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=context, initializer=_warm_up
    ) as pool:
        futures = {pool.submit(build_target, t, force): t for t in _largest_first(targets)}
        for future in concurrent.futures.as_completed(futures):
            target = futures[future]
            try:
                outcome = future.result()
            except Exception as exc:  # the worker process died
                outcome = Outcome(target.name, "failed", f"worker failed: {exc}", 1)
            outcomes[target.name] = outcome
            report(outcome)
    return [outcomes[t.name] for t in targets]

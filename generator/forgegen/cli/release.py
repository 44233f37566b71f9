"""The commands a release pipeline runs: ``diff``, ``check`` and ``build --all``.

``check`` exits 6 for a stale SDK and ``diff --fail-on`` 7 for the changes it
fails on: codes of their own, so that CI tells a failed check from a failed
run (1 is an internal error); their other exit codes are the build's (3
unreadable spec, 4 invalid spec).
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from forgegen import ir
from forgegen.build import build, load_spec, sdk_api
from forgegen.cli.options import (
    PackageName,
    VersionSuffix,
    build_options,
    exit_codes,
    fetch_options,
    formatter_option,
    package_version_option,
    reporter,
    spec_option,
)
from forgegen.errors import (
    ChangesFound,
    ForgegenError,
    OutputError,
    SourceError,
    SpecError,
    StaleOutput,
)
from forgegen.format.formatters import Formatter
from forgegen.parse import versions
from forgegen.profiles.forges import FORGES
from forgegen.release.batch import Outcome, run_targets
from forgegen.release.config import ConfigError, find_config, load_config
from forgegen.release.diff import diff
from forgegen.release.diff_report import markdown, to_json
from forgegen.write.check import compare_trees
from forgegen.write.tree import read_manifest

__all__ = ["build_all", "check_command", "diff_command"]

# How a failed target's exit code is raised again for the whole batch.
_ERROR_BY_CODE: dict[int, type[ForgegenError]] = {
    2: ConfigError,
    3: SourceError,
    4: SpecError,
    5: OutputError,
}

NO_FIXES_HELP = (
    "Use the spec as published: leave out the forge profile's per-version spec fixes "
    "(places where the spec and the server disagree)."
)
IGNORE_HELP = "Go on when a spec does not validate (the errors are still shown)."


@click.command(
    "diff",
    short_help="What changed between two specs, for SDK callers, and is it breaking.",
    epilog=exit_codes(2, 3, 4, 7),
)
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.argument("more", metavar="[MORE]...", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Markdown release notes, or JSON for tools.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["breaking", "any", "never"]),
    default="never",
    show_default=True,
    help="Exit 7 when there are breaking changes (or any change), for CI.",
)
@click.option("--no-fixes", is_flag=True, help=NO_FIXES_HELP)
@click.option("--ignore-validation-errors", is_flag=True, help=IGNORE_HELP)
@fetch_options
def diff_command(
    old: str,
    new: str,
    more: tuple[str, ...],
    fmt: str,
    fail_on: str,
    no_fixes: bool,
    ignore_validation_errors: bool,
    quiet: bool,
    max_mb: float,
    timeout: float,
) -> None:
    """Say what changed from the SDK of spec OLD to the SDK of spec NEW.

    OLD and NEW are files or URLs, Swagger 2.0 or OpenAPI 3.x, in any mix.
    Operations are matched by method and route, so a new operationId on the
    same route shows as a renamed method. Each change is marked breaking or
    not for code calling the SDK, and a semantic-version bump is recommended.
    The report goes to standard output.

    With more than two specs (the list that builds one SDK for several
    versions), they are ordered by version and the report is the history:
    what changed from each version to the next.
    """
    specs = (old, new, *more)
    if specs.count("-") > 1:
        raise click.UsageError("only one spec can be '-' (standard input)")
    progress = reporter(quiet)
    apis = []
    for spec in specs:
        loaded = load_spec(
            spec,
            ignore_validation_errors=ignore_validation_errors,
            timeout=timeout,
            max_bytes=int(max_mb * 1024 * 1024),
            fixes=not no_fixes,
        )
        fixes = ", ".join(f.id for f in loaded.fixes) or "none"
        progress(
            f"{loaded.source.origin}: {loaded.profile.name} {loaded.api.version}, "
            f"{len(loaded.api.operations)} operations; spec fixes: {fixes}"
        )
        apis.append(sdk_api(loaded))
    if more:
        _history(apis, fmt, fail_on, progress)
        return
    report = diff(apis[0], apis[1])
    click.echo(to_json(report) if fmt == "json" else markdown(report), nl=False)
    breaking = len(report.breaking)
    progress(
        f"{breaking} breaking, {len(report.changes) - breaking} other change(s); "
        f"recommended bump: {report.bump}"
    )
    if (fail_on == "breaking" and breaking) or (fail_on == "any" and report.changes):
        what = f"{breaking} breaking change(s)" if fail_on == "breaking" else "changes"
        raise ChangesFound(f"{what} between {old} and {new} (--fail-on {fail_on})")


def _history(apis: list[ir.Api], fmt: str, fail_on: str, progress: Callable[[str], None]) -> None:
    """Each version's changes from the one before, oldest first."""
    apis = sorted(apis, key=lambda api: versions.release(api.version))
    reports = [diff(a, b) for a, b in itertools.pairwise(apis)]
    if fmt == "json":
        steps = [json.loads(to_json(r)) for r in reports]
        click.echo(json.dumps({"history": steps}, indent=2, sort_keys=True, ensure_ascii=False))
    else:
        first, last = apis[0].version, apis[-1].version
        parts = [f"# API history: {apis[0].title} {first} to {last}\n"]
        parts += [markdown(r, level=2, title=f"{r.old.version} → {r.new.version}") for r in reports]
        click.echo("\n".join(parts), nl=False)
    breaking = sum(len(r.breaking) for r in reports)
    changes = sum(len(r.changes) for r in reports)
    progress(f"{len(reports)} steps: {breaking} breaking, {changes - breaking} other change(s)")
    if (fail_on == "breaking" and breaking) or (fail_on == "any" and changes):
        what = f"{breaking} breaking change(s)" if fail_on == "breaking" else "changes"
        raise ChangesFound(f"{what} across {len(apis)} versions (--fail-on {fail_on})")


@click.command(
    "check",
    short_help="Exit 6 with a diff when a committed SDK is stale.",
    epilog=exit_codes(2, 3, 4, 6),
)
@spec_option(multiple=True)
@click.option(
    "--out",
    "-o",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="The committed SDK to check: a folder forgegen built.",
)
@click.option("--package-name", "package", type=PackageName(), help="As for build.")
@click.option("--forge", type=click.Choice(sorted(FORGES)), help="As for build.")
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="A template overlay folder, as for build.",
)
@click.option("--version-suffix", type=VersionSuffix(), default="", help="As for build.")
@package_version_option
@click.option("--no-fixes", is_flag=True, help=NO_FIXES_HELP)
@formatter_option
@click.option("--ignore-validation-errors", is_flag=True, help=IGNORE_HELP)
@click.option(
    "--max-diff-lines",
    type=click.IntRange(min=0),
    default=200,
    show_default=True,
    help="Cut the printed diff after this many lines.",
)
@fetch_options
def check_command(
    spec: tuple[str, ...],
    out: Path,
    package: str | None,
    forge: str | None,
    templates: Path | None,
    version_suffix: str,
    package_version: str | None,
    no_fixes: bool,
    formatter: Formatter,
    ignore_validation_errors: bool,
    max_diff_lines: int,
    quiet: bool,
    max_mb: float,
    timeout: float,
) -> None:
    """Exit 6, printing a unified diff, when the SDK in --out is not exactly
    what `forgegen build` with these options would write now (for CI and
    pre-commit). Nothing in --out is changed."""
    if not spec:
        raise click.UsageError("Missing option '--spec' / '-s'.")
    if not (out / ".forgegen.json").is_file():
        raise StaleOutput(f"{out} holds no SDK built by forgegen; build it first")
    with tempfile.TemporaryDirectory(prefix="forgegen-check-") as temp:
        options = build_options(
            spec[0],
            Path(temp) / "sdk",
            more_specs=spec[1:],
            package=package,
            forge=forge,
            ignore_validation_errors=ignore_validation_errors,
            templates=templates,
            timeout=timeout,
            max_mb=max_mb,
            no_fixes=no_fixes,
            version_suffix=version_suffix,
            force=True,
            formatter=formatter,
            package_version=package_version,
            previous=out,  # carry its CHANGELOG as a rebuild over it would
        )
        build(options)
        manifest = read_manifest(out) or {}
        listed = manifest.get("files")
        owned = [str(f) for f in listed] if isinstance(listed, list) else None
        comparison = compare_trees(options.out, out, limit=max_diff_lines, owned=owned)
    if comparison.kept:
        reporter(quiet)(
            f"{len(comparison.kept)} file(s) forgegen did not write, which a build keeps: "
            + ", ".join(comparison.kept[:5])
            + (", …" if len(comparison.kept) > 5 else "")
        )
    if comparison.fresh:
        reporter(quiet)(f"{out} is up to date")
        return
    if not quiet:
        click.echo(comparison.diff, nl=False)
        for problem in comparison.problems:
            click.echo(f"forgegen: {problem}", err=True)
    raise StaleOutput(
        f"{out} is stale: {len(comparison.problems)} file(s) differ from a fresh build; "
        "rebuild it with forgegen build and the same options"
    )


def build_all(config: Path | None, *, jobs: int | None, force: bool, quiet: bool) -> None:
    """Build every target of the config file, one progress line per target."""
    path = config or find_config(Path.cwd())
    if path is None:
        raise click.UsageError(
            f"--all: no forgegen.toml, and no [tool.forgegen] in pyproject.toml, in {Path.cwd()}; "
            "pass --config FILE"
        )
    targets = load_config(path).targets
    say = reporter(quiet)
    say(f"{path}: {len(targets)} target(s)")
    done = 0

    def line(outcome: Outcome) -> None:
        nonlocal done
        done += 1
        text = f"[{done}/{len(targets)}] {outcome.target}: {outcome.status}: {outcome.message}"
        if outcome.status == "failed":
            click.echo(f"forgegen: {text}", err=True)
        else:
            say(text)

    outcomes = run_targets(targets, jobs=jobs, force=force, report=line)
    counts = {s: sum(o.status == s for o in outcomes) for s in ("built", "unchanged", "failed")}
    say(", ".join(f"{n} {s}" for s, n in counts.items()))
    failed = [o.target for o in outcomes if o.status == "failed"]
    if failed:
        # The exit code of the first failing target, in the config's order.
        code = next(o.exit_code for o in outcomes if o.status == "failed")
        kind = _ERROR_BY_CODE.get(code, ForgegenError)
        raise kind(f"{len(failed)} of {len(targets)} target(s) failed: {', '.join(failed)}")

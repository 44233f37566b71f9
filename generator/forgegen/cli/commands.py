"""The ``forgegen`` command line."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import NoReturn

import click

from forgegen import __version__
from forgegen.build import build, load_spec
from forgegen.cli.options import (
    PackageName,
    VersionSuffix,
    build_options,
    exit_codes,
    fetch_options,
    formatter_option,
    package_version_option,
    report,
    reporter,
    spec_option,
)
from forgegen.cli.release import NO_FIXES_HELP, build_all, check_command, diff_command
from forgegen.diagnostics import Severity
from forgegen.errors import SpecError
from forgegen.format.formatters import Formatter
from forgegen.profiles.forges import FORGES

__all__ = ["main"]


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=exit_codes(2, 3, 4, 5, 6, 7),
)
@click.version_option(__version__, prog_name="forgegen")
def cli() -> None:
    """Generate a typed Python SDK from the API spec a Gitea, Forgejo or Gogs
    instance publishes.

    \b
      forgegen build --spec https://gitea.example.com --out sdk/
      forgegen validate --spec swagger.v1.json
      forgegen diff gitea-1.22.json gitea-1.23.json --fail-on breaking
      forgegen check --spec swagger.v1.json --out sdk/
      forgegen build --all

    Each command's --help lists the exit codes it gives.
    """


cli.add_command(diff_command)
cli.add_command(check_command)


@cli.command(
    "build",
    short_help="Build an SDK from a spec, or every target of a config file.",
    epilog=exit_codes(2, 3, 4, 5),
)
@spec_option(multiple=True)
@fetch_options
@click.option(
    "--ignore-validation-errors",
    is_flag=True,
    help="Build even when the spec does not validate (the errors are still shown).",
)
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the generated project (pyproject.toml, README.md and the package). "
    "It is replaced atomically; forgegen refuses a non-empty folder it did not create.",
)
@click.option(
    "--package-name",
    "package",
    type=PackageName(),
    help="Import name of the generated package. Default: gitea_sdk, forgejo_sdk or gogs_sdk "
    "by forge, or one made from the spec's title.",
)
@click.option(
    "--forge",
    type=click.Choice(sorted(FORGES)),
    help="Which forge the spec describes. Default: detected from its title and security schemes.",
)
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="A folder of templates laid over the built-in ones, file by file.",
)
@click.option(
    "--version-suffix",
    type=VersionSuffix(),
    default="",
    help="Appended to the package version: .post1 (or +forgegen.1, a local version "
    "that PyPI refuses).",
)
@package_version_option
@click.option("--no-fixes", is_flag=True, help=NO_FIXES_HELP)
@formatter_option
@click.option(
    "--force",
    is_flag=True,
    help="Rebuild even when the spec, the options and the output are unchanged.",
)
@click.option(
    "--all",
    "all_targets",
    is_flag=True,
    help="Build every target of forgegen.toml or of [tool.forgegen] in pyproject.toml, "
    "in parallel processes, instead of --spec and --out.",
)
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="The config file for --all. Default: forgegen.toml, else pyproject.toml, "
    "in the current folder.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="With --all: how many targets to build at once. Default: one per core.",
)
def build_command(
    spec: tuple[str, ...],
    out: Path | None,
    package: str | None,
    forge: str | None,
    templates: Path | None,
    version_suffix: str,
    package_version: str | None,
    no_fixes: bool,
    formatter: Formatter,
    force: bool,
    all_targets: bool,
    config: Path | None,
    jobs: int | None,
    quiet: bool,
    ignore_validation_errors: bool,
    max_mb: float,
    timeout: float,
) -> None:
    """Build an SDK from a spec into --out, or every target of a config file (--all).

    An output already built from the same spec with the same options is left
    as it is ("unchanged"). Rebuilding over an output built from another spec
    adds an entry to its CHANGELOG.md listing what changed for callers."""
    ctx = click.get_current_context()
    given = [
        p.opts[0]
        for p in ctx.command.params
        if ctx.get_parameter_source(p.name or "") is click.core.ParameterSource.COMMANDLINE
    ]
    if all_targets:
        single = [
            o for o in given if o not in ("--all", "--config", "--jobs", "--force", "--quiet")
        ]
        if single:
            raise click.UsageError(
                "--all builds the targets of the config file; give their options there, "
                f"not {', '.join(single)}"
            )
        build_all(config, jobs=jobs, force=force, quiet=quiet)
        return
    if "--config" in given or "--jobs" in given:
        raise click.UsageError("--config and --jobs go with --all")
    for name, value in (("spec", spec), ("out", out)):
        if not value:
            param = next(p for p in ctx.command.params if p.name == name)
            raise click.MissingParameter(ctx=ctx, param=param)
    assert out is not None
    progress = reporter(quiet)
    options = build_options(
        spec[0],
        out,
        more_specs=spec[1:],
        package=package,
        forge=forge,
        ignore_validation_errors=ignore_validation_errors,
        templates=templates,
        timeout=timeout,
        max_mb=max_mb,
        no_fixes=no_fixes,
        version_suffix=version_suffix,
        force=force,
        formatter=formatter,
        package_version=package_version,
    )
    result = build(options, progress)
    report(result.diagnostics, result.origin, quiet)
    if result.unchanged:
        progress(f"{result.package} {result.version} unchanged; --force rebuilds it")
    elif not quiet:
        if result.kept:
            shown = ", ".join(result.kept[:5]) + (", …" if len(result.kept) > 5 else "")
            progress(
                f"kept {len(result.kept)} file(s) or folder(s) forgegen did not write: {shown}"
            )
        click.echo(
            f"built {result.package} ({result.forge}): {result.operations} operations, "
            f"{result.models} models, {result.files} files in {result.out}",
            err=True,
        )


@cli.command("validate", epilog=exit_codes(2, 3, 4))
@spec_option()
@fetch_options
@click.option(
    "--ignore-validation-errors",
    is_flag=True,
    help="When the spec does not validate, read it as a build would anyway and report its "
    "notes too. The exit code is still 4.",
)
def validate_command(
    spec: str, quiet: bool, ignore_validation_errors: bool, max_mb: float, timeout: float
) -> None:
    """Load and validate a spec, and report what a build would note about it."""
    loaded = load_spec(
        spec,
        ignore_validation_errors=ignore_validation_errors,
        error_limit=None,
        timeout=timeout,
        max_bytes=int(max_mb * 1024 * 1024),
        progress=reporter(quiet),
    )
    report(loaded.diagnostics, loaded.source.origin, quiet)
    errors = loaded.diagnostics.of(Severity.ERROR)
    if errors:
        raise SpecError(f"{loaded.source.origin}: not valid ({len(errors)} error(s))")
    if not quiet:
        click.echo(
            f"{loaded.source.origin}: valid {loaded.api.spec_format}, "
            f"{len(loaded.api.operations)} operations, {len(loaded.api.models)} models",
            err=True,
        )


def _interrupted() -> NoReturn:
    # Stopping is under way: a second Ctrl-C while the children are reaped
    # must not turn exit 130 into death by SIGINT, nor print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    click.echo("forgegen: interrupted", err=True)
    # CPython marks an interrupt that ends code run from a string (exec or
    # eval of a str, as dataclasses and typing do) as unhandled, even once
    # caught; under `python -m` it then ends the process by SIGINT instead of
    # this exit code. Each such run clears the mark first, so one more does.
    exec("None")
    sys.exit(130)


def main() -> None:
    """Run the CLI; an unexpected failure is one line, not a traceback
    (set FORGEGEN_DEBUG=1 to see the traceback)."""
    try:
        cli.main(standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        _interrupted()
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _interrupted()
    except Exception as exc:
        if os.environ.get("FORGEGEN_DEBUG"):
            raise
        click.echo(f"forgegen: internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("please report this; FORGEGEN_DEBUG=1 shows the traceback", err=True)
        sys.exit(1)

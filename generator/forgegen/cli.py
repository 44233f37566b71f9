"""The ``forgegen`` command line."""

from __future__ import annotations

import keyword
import os
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .build import BuildOptions, build, load_spec
from .diagnostics import Diagnostics, Severity
from .errors import SpecError
from .forges import FORGES

__all__ = ["main"]

SPEC_HELP = (
    "The spec: a file (JSON or YAML), '-' for standard input, or an http(s) URL. "
    "A URL that names an instance (https://git.example.com, or a sub-path such as "
    "https://example.com/git/) finds /swagger.v1.json, then /openapi3.v1.json, under it."
)


class PackageName(click.ParamType[str]):
    """A Python package name: lower-case letters, digits and underscores."""

    name = "package"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        if not text.isidentifier() or not text.isascii() or keyword.iskeyword(text):
            self.fail(f"{text!r} is not a valid Python package name", param, ctx)
        if text != text.lower() or text.startswith("_"):
            self.fail(f"{text!r}: use lower case and no leading underscore", param, ctx)
        return text


def _reporter(quiet: bool) -> Any:
    def progress(message: str) -> None:
        if not quiet:
            click.echo(f"forgegen: {message}", err=True)

    return progress


def _report(diagnostics: Diagnostics, origin: str, quiet: bool) -> None:
    for d in diagnostics.items:
        if d.severity is Severity.ERROR or not quiet:
            click.echo(d.format(origin), err=True)


def _spec_options(fn: Any) -> Any:
    fn = click.option(
        "--timeout",
        type=click.FloatRange(min=0.1),
        default=30.0,
        show_default=True,
        help="Seconds to wait for a spec URL, redirects and discovery included.",
    )(fn)
    fn = click.option(
        "--max-size",
        "max_mb",
        type=click.FloatRange(min=0.001),
        default=32.0,
        show_default=True,
        help="Refuse a spec larger than this many MiB.",
    )(fn)
    fn = click.option("--quiet", "-q", is_flag=True, help="Print errors only.")(fn)
    return click.option("--spec", "-s", required=True, metavar="SRC", help=SPEC_HELP)(fn)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="forgegen")
def cli() -> None:
    """Generate a typed Python SDK from the API spec a Gitea, Forgejo or Gogs
    instance publishes.

    \b
      forgegen build --spec https://gitea.example.com --out sdk/
      forgegen validate --spec swagger.v1.json

    Exit codes: 0 success, 1 internal error, 2 bad command line, 3 the spec
    could not be read or fetched, 4 the spec is invalid, 5 the output could
    not be written.
    """


@cli.command("build")
@_spec_options
@click.option(
    "--ignore-validation-errors",
    is_flag=True,
    help="Build even when the spec does not validate (the errors are still shown).",
)
@click.option(
    "--out",
    "-o",
    required=True,
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
def build_command(
    spec: str,
    out: Path,
    package: str | None,
    forge: str | None,
    templates: Path | None,
    quiet: bool,
    ignore_validation_errors: bool,
    max_mb: float,
    timeout: float,
) -> None:
    """Build an SDK from a spec into --out."""
    progress = _reporter(quiet)
    options = BuildOptions(
        spec=spec,
        out=out,
        package=package,
        forge=forge,
        ignore_validation_errors=ignore_validation_errors,
        templates=templates,
        timeout=timeout,
        max_bytes=int(max_mb * 1024 * 1024),
    )
    result = build(options, progress)
    _report(result.diagnostics, result.origin, quiet)
    if not quiet:
        click.echo(
            f"built {result.package} ({result.forge}): {result.operations} operations, "
            f"{result.models} models, {result.files} files in {result.out}",
            err=True,
        )


@cli.command("validate")
@_spec_options
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
        progress=_reporter(quiet),
    )
    _report(loaded.diagnostics, loaded.source.origin, quiet)
    errors = loaded.diagnostics.of(Severity.ERROR)
    if errors:
        raise SpecError(f"{loaded.source.origin}: not valid ({len(errors)} error(s))")
    if not quiet:
        click.echo(
            f"{loaded.source.origin}: valid {loaded.api.spec_format}, "
            f"{len(loaded.api.operations)} operations, {len(loaded.api.models)} models",
            err=True,
        )


def main() -> None:
    """Run the CLI; an unexpected failure is one line, not a traceback
    (set FORGEGEN_DEBUG=1 to see the traceback)."""
    try:
        cli.main(standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("forgegen: interrupted", err=True)
        sys.exit(130)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("forgegen: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("FORGEGEN_DEBUG"):
            raise
        click.echo(f"forgegen: internal error: {type(exc).__name__}: {exc}", err=True)
        click.echo("please report this; FORGEGEN_DEBUG=1 shows the traceback", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()

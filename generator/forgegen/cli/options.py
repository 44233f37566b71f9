"""Options and reporting that several ``forgegen`` commands share."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from forgegen.build import BuildOptions
from forgegen.diagnostics import Diagnostics, Severity
from forgegen.errors import EXIT_CODES
from forgegen.format.formatters import FORMATTERS, Formatter
from forgegen.release.config import package_problem
from forgegen.render.package import package_version

__all__ = [
    "SPEC_HELP",
    "PackageName",
    "PackageVersion",
    "VersionSuffix",
    "exit_codes",
    "fetch_options",
    "formatter_option",
    "package_version_option",
    "report",
    "reporter",
    "spec_option",
]

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
        problem = package_problem(text)
        if problem:
            self.fail(problem, param, ctx)
        return text


class PackageVersion(click.ParamType[str]):
    """A PEP 440 version for the package: ``0.13.0``, ``1.22.6.post1``."""

    name = "version"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        try:
            package_version("", override=text)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)
        return text


PACKAGE_VERSION_HELP = (
    "The PEP 440 version of the generated package, instead of the public part of the spec's "
    "info.version (11.0.1+gitea-1.22.0 gives 11.0.1). Gogs' spec always says 1: give "
    "the Gogs release here."
)


def package_version_option(fn: Any) -> Any:
    return click.option(
        "--package-version", "package_version", type=PackageVersion(), help=PACKAGE_VERSION_HELP
    )(fn)


class VersionSuffix(click.ParamType[str]):
    """A suffix that keeps the package version valid: ``+forgegen.1``, ``.post1``."""

    name = "suffix"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        try:
            package_version("1.0", text)
        except ValueError:
            self.fail(f"{text!r} does not make a valid version (try +forgegen.1 or .post1)")
        return text


def exit_codes(*codes: int) -> str:
    """A command's --help epilog: the exit codes it can give, one a line."""
    lines = [f"  {code}  {EXIT_CODES[code]}" for code in sorted({0, 1, *codes})]
    # \b keeps click from rewrapping the lines into one paragraph.
    return "\b\nExit codes:\n" + "\n".join(lines)


def reporter(quiet: bool) -> Callable[[str], None]:
    def progress(message: str) -> None:
        if not quiet:
            click.echo(f"forgegen: {message}", err=True)

    return progress


def report(diagnostics: Diagnostics, origin: str, quiet: bool) -> None:
    for d in diagnostics.items:
        if d.severity is Severity.ERROR or not quiet:
            click.echo(d.format(origin), err=True)


def fetch_options(fn: Any) -> Any:
    """--timeout, --max-size and --quiet: how to read a spec and how much to say."""
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
    return click.option(
        "--quiet", "-q", is_flag=True, help="Print errors only: no progress, notes or warnings."
    )(fn)


FORMATTER_HELP = (
    "What formats the generated code: black (the default), or ruff, which is many times "
    "faster and formats a few constructs differently (pip install 'forgegen[ruff]')."
)


def formatter_option(fn: Any) -> Any:
    return click.option(
        "--formatter",
        type=click.Choice(FORMATTERS),
        default="black",
        show_default=True,
        help=FORMATTER_HELP,
    )(fn)


MORE_SPECS_HELP = (
    " Give --spec again for other versions of the same forge's spec (--spec 1.22.json "
    "--spec 1.25.json): one SDK for every version, each method marked with the versions "
    "that have it and checked against the server's version before it is sent."
)


def spec_option(*, required: bool = True, multiple: bool = False) -> Callable[[Any], Any]:
    if multiple:
        return click.option(
            "--spec", "-s", metavar="SRC", multiple=True, help=SPEC_HELP + MORE_SPECS_HELP
        )
    return click.option("--spec", "-s", required=required, metavar="SRC", help=SPEC_HELP)


def build_options(
    spec: str,
    out: Path,
    *,
    package: str | None,
    forge: str | None,
    ignore_validation_errors: bool,
    templates: Path | None,
    timeout: float,
    max_mb: float,
    no_fixes: bool,
    version_suffix: str,
    force: bool,
    formatter: Formatter = "black",
    previous: Path | None = None,
    more_specs: tuple[str, ...] = (),
    package_version: str | None = None,
) -> BuildOptions:
    """The build that ``build`` and ``check`` both describe with their options."""
    return BuildOptions(
        spec=spec,
        more_specs=more_specs,
        out=out,
        package=package,
        forge=forge,
        ignore_validation_errors=ignore_validation_errors,
        templates=templates,
        timeout=timeout,
        max_bytes=int(max_mb * 1024 * 1024),
        fixes=not no_fixes,
        version_suffix=version_suffix,
        force=force,
        previous=previous,
        formatter=formatter,
        package_version=package_version,
    )

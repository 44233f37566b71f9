"""The pipeline: source → validate → IR → render → format → write.

Each stage hands the next a typed value; this module only strings them
together and decides what stops a build. Progress goes to a callback, never
to print(): the CLI chooses where it is shown.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__, forges, ir, source
from .diagnostics import Diagnostics, Severity
from .errors import SpecError
from .format import format_files
from .paginate import mark_pagination
from .parse import parse, refuse_external_refs
from .render import Provenance, render_package
from .validate import validate
from .write import write_tree

__all__ = ["BuildOptions", "BuildResult", "build", "load_spec"]

Progress = Callable[[str], None]


def _silent(message: str) -> None:
    pass


@dataclass(frozen=True)
class BuildOptions:
    spec: str
    out: Path
    package: str | None = None
    forge: str | None = None  # None: detect from the spec
    ignore_validation_errors: bool = False
    templates: Path | None = None
    timeout: float = 30.0
    max_bytes: int = 32 * 1024 * 1024


@dataclass(frozen=True)
class LoadedSpec:
    source: source.SpecSource
    diagnostics: Diagnostics
    api: ir.Api


@dataclass(frozen=True)
class BuildResult:
    origin: str  # where the spec was read from, secrets masked
    out: Path
    package: str
    forge: str
    files: int
    operations: int
    models: int
    diagnostics: Diagnostics = field(default_factory=Diagnostics)


def load_spec(
    spec: str,
    *,
    ignore_validation_errors: bool = False,
    error_limit: int | None = 20,
    hint: str = "",
    timeout: float = 30.0,
    max_bytes: int = 32 * 1024 * 1024,
    progress: Progress = _silent,
) -> LoadedSpec:
    """Read, check and parse a spec; a SpecError lists every validation error."""
    loaded = source.load(spec, timeout=timeout, max_bytes=max_bytes, progress=progress)
    diagnostics = Diagnostics()
    refuse_external_refs(loaded.document, loaded.origin)
    progress("validating")
    validate(loaded.document, diagnostics)
    errors = [d.format(loaded.origin) for d in diagnostics.of(Severity.ERROR)]
    if errors and not ignore_validation_errors:
        limit = len(errors) if error_limit is None else error_limit
        shown = "\n".join(errors[:limit])
        more = f"\n… and {len(errors) - limit} more" if len(errors) > limit else ""
        raise SpecError(f"the spec is not valid ({len(errors)} error(s)):\n{shown}{more}{hint}")
    api = parse(loaded.document, diagnostics, loaded.origin)
    return LoadedSpec(loaded, diagnostics, api)


def _shown_origin(origin: str) -> str:
    """A URL as is; a file by its name only, so output does not vary by machine."""
    return origin if "://" in origin else posixpath.basename(origin.replace("\\", "/"))


def build(options: BuildOptions, progress: Progress = _silent) -> BuildResult:
    spec = load_spec(
        options.spec,
        ignore_validation_errors=options.ignore_validation_errors,
        hint="\n(--ignore-validation-errors builds anyway)",
        timeout=options.timeout,
        max_bytes=options.max_bytes,
        progress=progress,
    )
    document = spec.source.document
    profile = forges.FORGES[options.forge] if options.forge else forges.detect(document)
    package = options.package or forges.default_package(profile, document)
    progress(f"rendering {package} ({profile.name}, {len(spec.api.operations)} operations)")
    files = render_package(
        mark_pagination(spec.api, profile),
        package=package,
        profile=profile,
        provenance=Provenance(_shown_origin(spec.source.origin), spec.source.sha256),
        overlay=options.templates,
    )
    formatted = format_files(files, progress=progress)
    progress(f"writing {options.out}")
    write_tree(
        options.out,
        formatted,
        manifest={
            "forge": profile.name,
            "forgegen_version": __version__,
            "package": package,
            "spec_sha256": spec.source.sha256,
            "spec_version": spec.api.version,
        },
    )
    return BuildResult(
        origin=spec.source.origin,
        out=options.out,
        package=package,
        forge=profile.name,
        files=len(formatted),
        operations=len(spec.api.operations),
        models=len(spec.api.models),
        diagnostics=spec.diagnostics,
    )

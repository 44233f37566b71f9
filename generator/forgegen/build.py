"""The pipeline: source → validate → fixes → IR → render → format → write.

Each stage hands the next a typed value; this module only strings them
together and decides what stops a build. Progress goes to a callback, never
to print(): the CLI chooses where it is shown.

A rebuild whose inputs and output are unchanged is skipped right after the
spec is read (``fingerprint``); one over a previous output carries its
CHANGELOG.md forward and adds an entry when the API changed (``changelog``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__, fingerprint, forges, ir, source
from .changelog import history
from .diagnostics import Diagnostics, Severity
from .errors import ForgegenError, SpecError
from .fixes import Applied, apply_fixes
from .format import format_files
from .paginate import mark_pagination
from .parse import parse, refuse_external_refs
from .render import Provenance, builtin_templates, package_version, render_package
from .verdicts import validate_cached
from .write import read_manifest, write_tree

__all__ = ["BuildOptions", "BuildResult", "build", "check_spec", "load_spec", "sdk_api"]

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
    fixes: bool = True  # apply the forge profile's per-version spec fixes
    version_suffix: str = ""  # appended to the package version: "+forgegen.1", ".post1"
    force: bool = False  # rebuild even when inputs and output are unchanged
    previous: Path | None = None  # the output whose history to carry (default: out)
    jobs: int | None = None  # formatting processes (default: one per core)


@dataclass(frozen=True)
class LoadedSpec:
    source: source.SpecSource
    diagnostics: Diagnostics
    api: ir.Api  # parsed from the fixed document
    profile: forges.Profile = forges.FORGES["generic"]
    fixes: tuple[Applied, ...] = ()


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
    version: str = ""  # the generated package's version
    fixes: tuple[str, ...] = ()  # the ids of the spec fixes applied
    unchanged: bool = False  # skipped: inputs and output as the last build left them
    changelog: bool = False  # a CHANGELOG.md entry was added


def load_spec(
    spec: str,
    *,
    ignore_validation_errors: bool = False,
    error_limit: int | None = 20,
    hint: str = "",
    timeout: float = 30.0,
    max_bytes: int = 32 * 1024 * 1024,
    progress: Progress = _silent,
    forge: str | None = None,
    fixes: bool = True,
) -> LoadedSpec:
    """Read, check, fix and parse a spec; a SpecError lists every validation error."""
    loaded = source.load(spec, timeout=timeout, max_bytes=max_bytes, progress=progress)
    return check_spec(
        loaded,
        ignore_validation_errors=ignore_validation_errors,
        error_limit=error_limit,
        hint=hint,
        progress=progress,
        forge=forge,
        fixes=fixes,
    )


def check_spec(
    loaded: source.SpecSource,
    *,
    ignore_validation_errors: bool = False,
    error_limit: int | None = 20,
    hint: str = "",
    progress: Progress = _silent,
    forge: str | None = None,
    fixes: bool = True,
) -> LoadedSpec:
    """Validate a spec that was read, apply its forge's fixes, and parse it.

    Fixes come after validation, which judges the spec as the forge published
    it, and before parsing, so the IR has the types the server really sends."""
    diagnostics = Diagnostics()
    refuse_external_refs(loaded.document, loaded.origin)
    progress("validating")
    validate_cached(loaded.document, loaded.sha256, diagnostics)
    errors = [d.format(loaded.origin) for d in diagnostics.of(Severity.ERROR)]
    if errors and not ignore_validation_errors:
        limit = len(errors) if error_limit is None else error_limit
        shown = "\n".join(errors[:limit])
        more = f"\n… and {len(errors) - limit} more" if len(errors) > limit else ""
        raise SpecError(f"the spec is not valid ({len(errors)} error(s)):\n{shown}{more}{hint}")
    profile = forges.FORGES[forge] if forge else forges.detect(loaded.document)
    document: Any = loaded.document
    applied: tuple[Applied, ...] = ()
    if fixes:
        document, applied = apply_fixes(loaded.document, profile.name, diagnostics)
    api = parse(document, diagnostics, loaded.origin)
    return LoadedSpec(loaded, diagnostics, api, profile, applied)


def sdk_api(spec: LoadedSpec) -> ir.Api:
    """The IR the SDK is rendered from: the parsed spec plus the forge's pagination."""
    return mark_pagination(spec.api, spec.profile)


def _shown_origin(origin: str) -> str:
    """A URL as is; a file by its name only, so output does not vary by machine."""
    return origin if "://" in origin else posixpath.basename(origin.replace("\\", "/"))


def _inputs(options: BuildOptions, loaded: source.SpecSource, package: str, forge: str) -> str:
    """A digest of everything that decides the output (see ``fingerprint``)."""
    return fingerprint.inputs_digest(
        {
            "spec_sha256": loaded.sha256,
            "origin": _shown_origin(loaded.origin),
            "package": package,
            "forge": forge,
            "fixes": options.fixes,
            "version_suffix": options.version_suffix,
            "forgegen": __version__,
            "templates": fingerprint.folder_digest(builtin_templates()),
            "overlay": fingerprint.folder_digest(options.templates),
        }
    )


def _unchanged(out: Path, inputs: str, origin: str) -> BuildResult | None:
    """The last build's result if it had these inputs and its files are intact."""
    manifest = read_manifest(out)
    if manifest is None or manifest.get("inputs_sha256") != inputs:
        return None
    files = manifest.get("files")
    if not isinstance(files, list) or fingerprint.files_digest(out, files) != manifest.get(
        "output_sha256"
    ):
        return None
    fixes = manifest.get("fixes")
    return BuildResult(
        origin=origin,
        out=out,
        package=str(manifest.get("package", "")),
        forge=str(manifest.get("forge", "")),
        files=len(files),
        operations=0,
        models=0,
        version=str(manifest.get("version", "")),
        fixes=tuple(str(f) for f in fixes) if isinstance(fixes, list) else (),
        unchanged=True,
    )


def build(options: BuildOptions, progress: Progress = _silent) -> BuildResult:
    loaded = source.load(
        options.spec, timeout=options.timeout, max_bytes=options.max_bytes, progress=progress
    )
    document = loaded.document
    profile = forges.FORGES[options.forge] if options.forge else forges.detect(document)
    package = options.package or forges.default_package(profile, document)
    inputs = _inputs(options, loaded, package, profile.name)
    # A build that goes on past validation errors is always redone, so that
    # they are shown again.
    if not (options.force or options.ignore_validation_errors or options.previous):
        skipped = _unchanged(options.out, inputs, loaded.origin)
        if skipped is not None:
            return skipped  # the caller says so: result.unchanged
    spec = check_spec(
        loaded,
        ignore_validation_errors=options.ignore_validation_errors,
        hint="\n(--ignore-validation-errors builds anyway)",
        progress=progress,
        forge=profile.name,
        fixes=options.fixes,
    )
    try:
        version = package_version(spec.api.version, options.version_suffix)
    except ValueError as exc:
        raise ForgegenError(f"--version-suffix: {exc}") from None
    api = sdk_api(spec)
    progress(f"rendering {package} ({profile.name}, {len(spec.api.operations)} operations)")
    files = render_package(
        api,
        package=package,
        profile=profile,
        provenance=Provenance(_shown_origin(spec.source.origin), spec.source.sha256),
        overlay=options.templates,
        version=version,
        fixes=spec.fixes,
    )
    formatted: dict[str, str | bytes] = dict(
        format_files(files, progress=progress, jobs=options.jobs)
    )
    past = history(options.previous or options.out, api, version=version, spec_sha256=loaded.sha256)
    if past.note:
        progress(past.note)
    if past.report is not None:
        progress(f"CHANGELOG.md: new entry {version} (bump: {past.report.bump})")
    formatted.update(past.files)
    progress(f"writing {options.out}")
    write_tree(
        options.out,
        formatted,
        manifest={
            "fixes": [f.id for f in spec.fixes],
            "forge": profile.name,
            "forgegen_version": __version__,
            "inputs_sha256": inputs,
            "output_sha256": fingerprint.tree_digest(formatted),
            "package": package,
            "spec_sha256": spec.source.sha256,
            "spec_version": spec.api.version,
            "version": version,
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
        version=version,
        fixes=tuple(f.id for f in spec.fixes),
        changelog=past.report is not None,
    )

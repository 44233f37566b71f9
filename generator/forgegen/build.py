"""The pipeline: source → validate → fixes → IR → render → format → write.

Each stage hands the next a typed value; this module only strings them
together and decides what stops a build. Progress goes to a callback, never
to print(): the CLI chooses where it is shown.

A build validates in a child process beside the stages from fixes to
format (``verdicts``) and waits for the verdict before writing; the
``validate`` and ``diff`` commands validate first, in this process.

A rebuild whose inputs and output are unchanged is skipped right after the
spec is read (``fingerprint``); one over a previous output carries its
CHANGELOG.md forward and adds an entry when the API changed (``changelog``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from forgegen import __version__, ir
from forgegen.diagnostics import Diagnostic, Diagnostics, Severity
from forgegen.errors import ForgegenError, SpecError
from forgegen.format.formatters import Formatter, format_files, require
from forgegen.load import source
from forgegen.parse import parse, refuse_external_refs
from forgegen.profiles import forges
from forgegen.profiles.fixes import Applied, apply_fixes
from forgegen.profiles.paginate import mark_pagination
from forgegen.release.changelog import history
from forgegen.render.package import Provenance, builtin_templates, package_version, render_package
from forgegen.validate.verdicts import Verdict
from forgegen.write import fingerprint
from forgegen.write.tree import read_manifest, write_tree

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
    # Processes to format with (default: one per core), and whether to validate
    # in one beside the build: 1 does everything in this process.
    jobs: int | None = None
    formatter: Formatter = "black"


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
    refuse_external_refs(loaded.document, loaded.origin)
    progress("validating")
    with Verdict(loaded.document, loaded.sha256, background=False) as verdict:
        found = verdict.items()
    _judge(found, loaded.origin, ignore_validation_errors, error_limit, hint)
    parsed = _parse(loaded, forge, fixes)
    return replace(parsed, diagnostics=Diagnostics([*found, *parsed.diagnostics.items]))


def _judge(
    found: list[Diagnostic], origin: str, ignore: bool, error_limit: int | None, hint: str
) -> None:
    """Raise the SpecError that lists every validation error, unless told to go on."""
    errors = [d.format(origin) for d in found if d.severity is Severity.ERROR]
    if errors and not ignore:
        limit = len(errors) if error_limit is None else error_limit
        shown = "\n".join(errors[:limit])
        more = f"\n… and {len(errors) - limit} more" if len(errors) > limit else ""
        raise SpecError(f"the spec is not valid ({len(errors)} error(s)):\n{shown}{more}{hint}")


def _parse(loaded: source.SpecSource, forge: str | None, fixes: bool) -> LoadedSpec:
    """Apply the forge's fixes and parse; the diagnostics are theirs only."""
    diagnostics = Diagnostics()
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
    parts: dict[str, object] = {
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
    # The default formatter adds nothing, so that the manifests of SDKs built
    # before there was a choice still say "unchanged".
    if options.formatter != "black":
        parts["formatter"] = options.formatter
    return fingerprint.inputs_digest(parts)


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


@dataclass(frozen=True)
class _Rendered:
    """What a build keeps of the spec once rendered: its IR is no longer needed."""

    files: dict[str, str]  # unformatted
    history: dict[str, str | bytes]  # CHANGELOG.md and the API record, ready to write
    diagnostics: Diagnostics  # of fixes and parsing
    version: str
    spec_version: str
    operations: int
    models: int
    fixes: tuple[str, ...]
    changelog: bool


def build(options: BuildOptions, progress: Progress = _silent) -> BuildResult:
    require(options.formatter)  # before any work, so a missing one costs nothing
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
    refuse_external_refs(document, loaded.origin)
    progress("validating")

    def judge(found: list[Diagnostic]) -> None:
        hint = "\n(--ignore-validation-errors builds anyway)"
        _judge(found, loaded.origin, options.ignore_validation_errors, 20, hint)

    # The validator runs beside everything up to writing (unless told to use
    # one process), and its verdict comes first: an invalid spec fails with
    # the validator's located errors, whatever the later stages made of it.
    with Verdict(document, loaded.sha256, background=options.jobs != 1) as verdict:

        def checkpoint() -> None:
            """Stop as soon as the verdict is known to reject the spec: the
            work after this point would be thrown away."""
            if not options.ignore_validation_errors and verdict.failing():
                judge(verdict.items())

        try:
            checkpoint()
            rendered = _render(options, loaded, profile, package, progress)
            checkpoint()
            formatted: dict[str, str | bytes] = dict(
                format_files(
                    rendered.files,
                    formatter=options.formatter,
                    progress=progress,
                    jobs=options.jobs,
                    stop=checkpoint,
                )
            )
        except Exception:
            judge(verdict.items())
            raise
        found = verdict.items()
    judge(found)
    formatted.update(rendered.history)
    progress(f"writing {options.out}")
    write_tree(
        options.out,
        formatted,
        manifest={
            "fixes": list(rendered.fixes),
            "forge": profile.name,
            "forgegen_version": __version__,
            "inputs_sha256": inputs,
            "output_sha256": fingerprint.tree_digest(formatted),
            "package": package,
            "spec_sha256": loaded.sha256,
            "spec_version": rendered.spec_version,
            "version": rendered.version,
        },
    )
    return BuildResult(
        origin=loaded.origin,
        out=options.out,
        package=package,
        forge=profile.name,
        files=len(formatted),
        operations=rendered.operations,
        models=rendered.models,
        diagnostics=Diagnostics([*found, *rendered.diagnostics.items]),
        version=rendered.version,
        fixes=rendered.fixes,
        changelog=rendered.changelog,
    )


def _render(
    options: BuildOptions,
    loaded: source.SpecSource,
    profile: forges.Profile,
    package: str,
    progress: Progress,
) -> _Rendered:
    """Fix, parse and render the spec, and carry the output's history forward.

    A function of its own so that the IR is freed before formatting, the
    stage that needs the most memory."""
    spec = _parse(loaded, profile.name, options.fixes)
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
        provenance=Provenance(_shown_origin(loaded.origin), loaded.sha256),
        overlay=options.templates,
        version=version,
        fixes=spec.fixes,
    )
    past = history(options.previous or options.out, api, version=version, spec_sha256=loaded.sha256)
    if past.note:
        progress(past.note)
    if past.report is not None:
        progress(f"CHANGELOG.md: new entry {version} (bump: {past.report.bump})")
    return _Rendered(
        files=dict(files),
        history=dict(past.files),
        diagnostics=spec.diagnostics,
        version=version,
        spec_version=spec.api.version,
        operations=len(spec.api.operations),
        models=len(spec.api.models),
        fixes=tuple(f.id for f in spec.fixes),
        changelog=past.report is not None,
    )

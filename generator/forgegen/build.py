"""The pipeline: source → validate → fixes → IR → render → format → write.

Each stage hands the next a typed value; this module only strings them
together and decides what stops a build. Progress goes to a callback, never
to print(): the CLI chooses where it is shown.

A build validates in a child process beside the stages from fixes to
format (``verdicts``) and waits for the verdict before writing; the
``validate`` and ``diff`` commands validate first, in this process. Several
versions of one spec are each parsed, then merged (``parse.versions``).

A rebuild whose inputs and output are unchanged is skipped right after the
spec is read (``fingerprint``); one over a previous output carries its
CHANGELOG.md forward and adds an entry when the API changed (``changelog``).
"""

from __future__ import annotations

import contextlib
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from forgegen import __version__, ir
from forgegen.diagnostics import Diagnostic, Diagnostics, Severity
from forgegen.format.formatters import Formatter, format_files, require
from forgegen.load import source
from forgegen.parse import parse, refuse_external_refs, versions
from forgegen.profiles import forges
from forgegen.profiles.fixes import Applied, apply_fixes
from forgegen.profiles.paginate import mark_pagination
from forgegen.profiles.presence import mark_presence
from forgegen.release.changelog import history
from forgegen.release.guards import check_forge, output_forge, publish_version
from forgegen.render.metadata import metadata
from forgegen.render.package import Provenance, builtin_templates, render_package
from forgegen.validate.verdicts import Verdict, judge_all, judge_verdict, start_all
from forgegen.write import fingerprint
from forgegen.write.check import is_artifact
from forgegen.write.tree import read_manifest, write_tree

__all__ = ["BuildOptions", "BuildResult", "build", "check_spec", "load_spec", "sdk_api"]

Progress = Callable[[str], None]


def _silent(message: str) -> None:
    pass


@dataclass(frozen=True)
class BuildOptions:
    spec: str
    out: Path
    # Other versions of the same forge's spec: one SDK for them all (parse/versions.py).
    more_specs: tuple[str, ...] = ()
    package: str | None = None
    forge: str | None = None  # None: detect from the spec
    ignore_validation_errors: bool = False
    templates: Path | None = None
    timeout: float = 30.0
    max_bytes: int = 32 * 1024 * 1024
    fixes: bool = True  # apply the forge profile's per-version spec fixes
    version_suffix: str = ""  # appended to the package version: ".post1", "+forgegen.1"
    package_version: str | None = None  # the version to publish, instead of the spec's
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
    kept: tuple[str, ...] = ()  # what the output held that forgegen did not write, kept


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
    judge_verdict(found, loaded.origin, ignore_validation_errors, error_limit, hint)
    parsed = _parse(loaded, forge, fixes)
    return replace(parsed, diagnostics=Diagnostics([*found, *parsed.diagnostics.items]))


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


def _merged(specs: list[LoadedSpec]) -> LoadedSpec:
    """Specs of several versions as one, newest first: their APIs merged, what
    was found and fixed in any of them said once."""
    found = {(d.severity, d.pointer, d.message): d for s in specs for d in s.diagnostics.items}
    fixes = {a.id: a for s in specs for a in s.fixes}
    merged = replace(specs[0], api=versions.merge([s.api for s in specs]))
    return replace(merged, diagnostics=Diagnostics([*found.values()]), fixes=(*fixes.values(),))


def sdk_api(spec: LoadedSpec) -> ir.Api:
    """The IR the SDK is rendered from: the parsed spec plus the forge's pagination
    and the fields it always sends."""
    api = forges.under_instance(spec.api, spec.profile)
    return mark_presence(mark_pagination(api, spec.profile), spec.profile)


def _shown_origin(origin: str) -> str:
    """A URL as is; a file by its name only, so output does not vary by machine."""
    return origin if "://" in origin else posixpath.basename(origin.replace("\\", "/"))


def _inputs(
    options: BuildOptions, loaded: source.SpecSource, package: str, forge: str, others: _Others
) -> str:
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
    if others:  # likewise absent for one spec
        parts["more_specs"] = [o.sha256 for o in others]
    if options.package_version is not None:
        parts["package_version"] = options.package_version
    return fingerprint.inputs_digest(parts)


def _unchanged(out: Path, inputs: str, origin: str) -> BuildResult | None:
    """The last build's result if it had these inputs and its files are intact."""
    manifest = fingerprint.intact(out, read_manifest(out), inputs)
    if manifest is None:
        return None
    files, fixes = manifest["files"], manifest.get("fixes")
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


_Others = tuple[source.SpecSource, ...]


def _load_all(options: BuildOptions, progress: Progress) -> tuple[source.SpecSource, _Others]:
    """The specs to build from, newest version first."""
    loaded = [
        source.load(spec, timeout=options.timeout, max_bytes=options.max_bytes, progress=progress)
        for spec in (options.spec, *options.more_specs)
    ]
    if len(loaded) > 1:
        loaded.sort(key=lambda s: versions.release(s.server_version or "", s.origin), reverse=True)
    return loaded[0], tuple(loaded[1:])


def build(options: BuildOptions, progress: Progress = _silent) -> BuildResult:
    require(options.formatter)  # before any work, so a missing one costs nothing
    loaded, others = _load_all(options, progress)
    document = loaded.document
    mismatch = check_forge(options.forge, document)
    profile = forges.FORGES[options.forge] if options.forge else forges.detect(document)
    package = options.package or forges.default_package(profile, document)
    replaced = output_forge(options.previous or options.out, profile.name, package)
    early = [Diagnostic(Severity.WARNING, "", w) for w in (mismatch, replaced) if w]
    inputs = _inputs(options, loaded, package, profile.name, others)
    # A build that goes on past validation errors is always redone, so that
    # they are shown again.
    if not (options.force or options.ignore_validation_errors or options.previous):
        skipped = _unchanged(options.out, inputs, loaded.origin)
        if skipped is not None:
            return skipped  # the caller says so: result.unchanged
    for spec in (loaded, *others):
        refuse_external_refs(spec.document, spec.origin)
    progress("validating")

    def judge(found: list[Diagnostic], origin: str = loaded.origin) -> None:
        hint = "\n(--ignore-validation-errors builds anyway)"
        judge_verdict(found, origin, options.ignore_validation_errors, 20, hint)

    # The validator runs beside everything up to writing (unless told to use
    # one process), and its verdict comes first: an invalid spec fails with
    # the validator's located errors, whatever the later stages made of it.
    with contextlib.ExitStack() as stack:
        verdicts = start_all(stack, (loaded, *others), background=options.jobs != 1)

        def checkpoint() -> None:
            """Stop as soon as a verdict rejects its spec: later work would be wasted."""
            if not options.ignore_validation_errors:
                judge_all(verdicts, judge, only_failing=True)

        try:
            checkpoint()
            rendered = _render(options, loaded, profile, package, progress, others)
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
        except Exception:  # the verdicts come first, whatever the later stages made of it
            judge_all(verdicts, judge)
            raise
        judge_all(verdicts, judge)
        found = verdicts[0][1].items()
    formatted.update(rendered.history)
    progress(f"writing {options.out}")
    kept = write_tree(
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
        carried=tuple(rendered.history),
    )
    return BuildResult(
        origin=loaded.origin,
        out=options.out,
        package=package,
        forge=profile.name,
        files=len(formatted),
        operations=rendered.operations,
        models=rendered.models,
        diagnostics=Diagnostics([*early, *found, *rendered.diagnostics.items]),
        version=rendered.version,
        fixes=rendered.fixes,
        changelog=rendered.changelog,
        kept=tuple(k for k in kept if not is_artifact(k)),
    )


def _render(
    options: BuildOptions,
    loaded: source.SpecSource,
    profile: forges.Profile,
    package: str,
    progress: Progress,
    others: _Others = (),
) -> _Rendered:
    """Fix, parse and render the spec, and carry the output's history forward.

    A function of its own so that the IR is freed before formatting, the
    stage that needs the most memory."""
    spec = _parse(loaded, profile.name, options.fixes)
    if others:
        spec = _merged([spec, *(_parse(o, profile.name, options.fixes) for o in others)])
    version = publish_version(
        spec.api.version,
        suffix=options.version_suffix,
        override=options.package_version,
        forge=profile.name,
        diagnostics=spec.diagnostics,
    )
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
        meta=metadata(
            loaded.document,
            forge=profile.name,
            title=spec.api.title,
            spec_version=spec.api.version,
            origin=_shown_origin(loaded.origin),
        ),
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

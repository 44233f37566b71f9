"""The CHANGELOG.md of a generated SDK: an entry for each rebuild that changed it.

Each build leaves the API it produced in its output (``record.RECORD``).
When forgegen rebuilds over that output, it compares the recorded API with
the new one and, when the spec or the API changed, puts an entry made from
the diff at the top of CHANGELOG.md; the file is carried from build to
build. Entries hold no dates and no paths, so the same rebuild gives the
same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from forgegen import ir, literals
from forgegen.release.diff import Report, diff
from forgegen.release.diff_report import body
from forgegen.write import record
from forgegen.write.tree import read_manifest

__all__ = ["CHANGELOG", "History", "history", "prepend"]

CHANGELOG = "CHANGELOG.md"

HEADER = """\
# Changelog

forgegen writes an entry here each time it rebuilds this SDK from a spec that
changes it. The public API is what the package exports: `Client`,
`AsyncClient` and their methods (names, arguments, return types), the classes
in `models` and their attributes, the auth adapters and the exceptions. A
change is breaking when code that used that API correctly can fail after
upgrading; the recommended version bump follows semantic versioning.
"""


@dataclass(frozen=True)
class History:
    files: dict[str, str]  # the API record and, once there is one, CHANGELOG.md
    report: Report | None  # the changes of a new entry, if one was written
    note: str | None  # why no entry was written when the spec changed


def history(previous: Path, api: ir.Api, *, version: str, spec_sha256: str) -> History:
    """The files that carry the history of ``previous`` (the output being
    replaced) into the new build of ``api``."""
    files = {record.RECORD: record.dump(api)}
    manifest = read_manifest(previous)
    if manifest is None:
        return History(files, None, None)  # a first build: nothing to compare with
    existing = _read(previous / CHANGELOG)
    if existing is not None:
        files[CHANGELOG] = existing
    old_sha = str(manifest.get("spec_sha256", ""))
    try:
        old_api = record.load(_read(previous / record.RECORD) or "")
    except record.RecordError as exc:
        if old_sha == spec_sha256:
            return History(files, None, None)
        note = f"no CHANGELOG entry: the previous build left no API record ({exc})"
        return History(files, None, note)
    report = diff(old_api, api)
    if old_sha == spec_sha256 and not report.changes:
        return History(files, None, None)
    entry = _entry(report, version, old_sha, spec_sha256)
    files[CHANGELOG] = prepend(existing, entry)
    return History(files, report, None)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _entry(report: Report, version: str, old_sha: str, new_sha: str) -> str:
    def side(title: str, v: str, sha: str) -> str:
        text = literals.markdown(f"{title} {v}".strip()) or "an untitled spec"
        return f"{text} (spec SHA-256 `{sha[:12]}`)" if sha else text

    old, new = report.old, report.new
    built = (
        f"Built from {side(new.title, new.version, new_sha)}; "
        f"the previous build was from {side(old.title, old.version, old_sha)}."
    )
    return f"## {literals.markdown(version)}\n\n{built}\n\n{body(report, level=3)}"


def prepend(existing: str | None, entry: str) -> str:
    """``entry`` above the newest entry of ``existing``, below its header."""
    if not existing or not existing.strip():
        return f"{HEADER}\n{entry}"
    start = existing.find("\n## ")
    if existing.startswith("## "):
        start = -1
    elif start < 0:
        return existing.rstrip("\n") + "\n\n" + entry
    return existing[: start + 1] + entry + "\n" + existing[start + 1 :]

"""A ``diff.Report`` as release notes (Markdown) or as JSON for tools.

Both are deterministic: the report's order is fixed and nothing here adds a
date or a path. Spec text only appears inside code spans (``diff.code``), so
a name cannot start a heading or a link.
"""

from __future__ import annotations

import json
from typing import Any

from forgegen import literals
from forgegen.release.changes import Change, code
from forgegen.release.diff import Report, Side

__all__ = ["body", "markdown", "summary", "to_json"]

_SECTIONS = ("Operations", "Models", "Enums", "Auth schemes")


def _side(side: Side) -> str:
    return literals.markdown(f"{side.title} {side.version}".strip()) or "(untitled)"


def summary(report: Report) -> str:
    """One sentence: the bump and the counts."""
    breaking = len(report.breaking)
    other = len(report.changes) - breaking
    if not report.changes:
        return "No changes to the SDK's API: no release needed (bump: none)."
    return (
        f"Recommended version bump: **{report.bump}** "
        f"({breaking} breaking, {other} non-breaking change{'s' if other != 1 else ''})."
    )


def _item(change: Change) -> str:
    why = f" ({literals.markdown(change.why)})" if change.why else ""
    return f"- **{change.kind}** {code(change.subject)}: {change.detail}{why}"


def _sections(changes: list[Change], level: int) -> list[str]:
    lines: list[str] = []
    for category, name in enumerate(_SECTIONS):
        items = [c for c in changes if c.category == category]
        if items:
            lines += ["", f"{'#' * level} {name}", "", *(_item(c) for c in items)]
    return lines


def markdown(report: Report, *, level: int = 1, title: str | None = None) -> str:
    """Release notes: a title at ``level``, then ``body``."""
    if title is None:
        title = f"API changes: {_side(report.old)} → {_side(report.new)}"
    return f"{'#' * level} {title}\n\n{body(report, level=level + 1)}"


def body(report: Report, *, level: int = 2) -> str:
    """The summary, then breaking and other changes under headings at
    ``level``, each by section one level below."""
    heading = "#" * level
    lines = [summary(report)]
    breaking = [c for c in report.changes if c.breaking]
    other = [c for c in report.changes if not c.breaking]
    if breaking:
        lines += ["", f"{heading} Breaking changes ({len(breaking)})"]
        lines += _sections(breaking, level + 1)
    if other:
        lines += ["", f"{heading} Other changes ({len(other)})"]
        lines += _sections(other, level + 1)
    return "\n".join(lines) + "\n"


def _side_json(side: Side) -> dict[str, Any]:
    return {"title": side.title, "version": side.version, "format": side.spec_format}


def _change_json(c: Change) -> dict[str, Any]:
    """One change for tools: where it is, what it was and is, plain text only."""
    return {
        "kind": c.kind,
        "subject": c.subject,
        "operation_id": c.operation_id or None,
        "method": c.method or None,
        "path": c.path or None,
        "location": c.location or None,
        "before": c.before,
        "after": c.after,
        "breaking": c.breaking,
        "why": c.why or None,
        "message": c.message,
    }


def to_json(report: Report) -> str:
    data = {
        "old": _side_json(report.old),
        "new": _side_json(report.new),
        "bump": report.bump,
        "breaking": len(report.breaking),
        "non_breaking": len(report.changes) - len(report.breaking),
        "changes": [_change_json(c) for c in report.changes],
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

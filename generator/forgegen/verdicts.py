"""Validation results cached by the spec's SHA-256.

Validating Gitea's spec takes about a second and importing the validator a
few tenths more; a release pipeline rebuilds the same spec again and again.
The verdict (every note and error, with its pointer) is kept in the user
cache, keyed by the spec's bytes and the versions of forgegen and the
validator, and the validator is imported only on a miss.
"""

from __future__ import annotations

import importlib.metadata
import json
from collections.abc import Mapping
from typing import Any

from . import __version__
from .cache import ContentCache
from .diagnostics import Diagnostic, Diagnostics, Severity

__all__ = ["validate_cached"]


def _salt() -> str:
    return f"{__version__}\0{importlib.metadata.version('openapi-spec-validator')}"


def validate_cached(document: Mapping[str, Any], sha256: str, diagnostics: Diagnostics) -> None:
    """Add the validation diagnostics of ``document`` (whose bytes hash to
    ``sha256``) to ``diagnostics``."""
    cache = ContentCache.open("validation", _salt())
    hit = cache.get(sha256)
    if hit is not None:
        try:
            diagnostics.items.extend(
                Diagnostic(Severity(s), str(p), str(m)) for s, p, m in json.loads(hit)
            )
            return
        except (ValueError, TypeError):
            pass  # an entry from elsewhere: validate again
    from .validate import validate  # the validator is slow to import

    found = Diagnostics()
    validate(document, found)
    diagnostics.items.extend(found.items)
    cache.put(sha256, json.dumps([[d.severity.value, d.pointer, d.message] for d in found.items]))

"""verdicts.py: a spec is validated once; the cached verdict says the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import forgegen.validate.validator
from forgegen.diagnostics import Diagnostics
from forgegen.validate.verdicts import validate_cached

INVALID = {
    "swagger": "2.0",
    "info": {"title": "T", "version": "1"},
    "paths": {"/x": {"get": {"parameters": [{"name": "a", "in": "query", "type": "integr"}]}}},
}


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("FORGEGEN_NO_CACHE", raising=False)
    monkeypatch.setenv("FORGEGEN_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_a_verdict_is_reused_without_validating_again(monkeypatch: pytest.MonkeyPatch) -> None:
    first = Diagnostics()
    validate_cached(INVALID, "sha-1", first)
    assert first.has_errors

    def fail(*args: object) -> None:
        raise AssertionError("validated twice")

    monkeypatch.setattr(forgegen.validate.validator, "validate", fail)
    second = Diagnostics()
    validate_cached(INVALID, "sha-1", second)
    assert second.items == first.items


def test_a_damaged_entry_is_validated_again(cache: Path) -> None:
    validate_cached(INVALID, "sha-2", Diagnostics())
    (entry,) = (cache / "validation").iterdir()
    header, _, _ = entry.read_text().partition("\n")
    body = json.dumps([["nonsense"]])
    entry.write_text(f"{header}\n{body}")  # the hash no longer matches
    again = Diagnostics()
    validate_cached(INVALID, "sha-2", again)
    assert again.has_errors


def test_no_cache_still_validates(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    monkeypatch.setenv("FORGEGEN_NO_CACHE", "1")
    found = Diagnostics()
    validate_cached(INVALID, "sha-3", found)
    assert found.has_errors
    assert not (cache / "validation").exists()

"""The README's test command is the one CI runs, and with the slow set it runs every test."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _pytest_lines(text: str) -> list[str]:
    return re.findall(r"python -m pytest[^\n&|;]*", text)


def _collected(*args: str) -> tuple[set[str], str]:
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert listed.returncode == 0, listed.stdout[-2000:] + listed.stderr[-2000:]
    return {line for line in listed.stdout.splitlines() if "::" in line}, listed.stdout


def test_the_readme_test_command_is_the_one_ci_runs_then_the_slow_set() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    first = readme[readme.index("```sh") : readme.index("```", readme.index("```sh") + 5)]
    assert _pytest_lines(first) == ["python -m pytest"]
    readme_command = next(line for line in first.splitlines() if "pytest" in line)
    # every line of .ci/run that names pytest runs it: the README's whole
    # command as written, then the slow set
    run_lines = [line.strip() for line in ci.splitlines() if "pytest" in line]
    assert run_lines == [readme_command, "python -m pytest -m slow"]


def test_the_default_run_and_the_slow_set_together_are_every_test() -> None:
    default, summary = _collected()
    slow, _ = _collected("-m", "slow")
    counts = re.search(r"(\d+)/(\d+) tests collected \((\d+) deselected\)", summary)
    assert counts, summary[-500:]
    chosen, total, left_out = map(int, counts.groups())
    assert slow, "no test is marked slow"
    assert not default & slow
    assert (len(default), len(slow), len(default) + len(slow)) == (chosen, left_out, total)
    assert (
        f"tests/test_test_commands.py::{test_the_default_run_and_the_slow_set_together_are_every_test.__name__}"
        in default
    )

"""Mistakes a release pipeline makes silently otherwise: the wrong forge, or
a version it cannot publish.

``--forge gitea`` on Gogs' spec renders an SDK whose auth, paging and
errors are another forge's; building Gogs into the folder of a Gitea SDK
replaces one with the other; a local version is refused by PyPI, and Gogs'
spec gives every release the same version. All are caught here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from packaging.version import Version

from forgegen.diagnostics import Diagnostics
from forgegen.errors import ForgegenError
from forgegen.profiles import forges
from forgegen.render.package import package_version
from forgegen.write.tree import read_manifest

__all__ = ["ForgeMismatch", "check_forge", "output_forge", "publish_version"]

# Forgejo forked Gitea: its API is Gitea's plus more, so one profile on the
# other's spec works with a warning; Gogs' API is another one.
_FAMILY = {"gitea": "gitea", "forgejo": "gitea", "gogs": "gogs"}


class ForgeMismatch(ForgegenError):
    """``--forge`` names a forge whose API the spec is not: a bad command line."""

    exit_code = 2


def check_forge(chosen: str | None, document: Mapping[str, Any]) -> str | None:
    """Raise when ``--forge`` cannot be right for the spec; a warning when it is
    a near miss (Gitea and Forgejo), else None."""
    if chosen is None or chosen == "generic":
        return None
    detected = forges.detect(document).name
    if detected in ("generic", chosen):
        return None
    said = f"--forge {chosen}, but the spec is {detected.capitalize()}'s (from its title)"
    if _FAMILY[detected] != _FAMILY[chosen]:
        raise ForgeMismatch(
            f"{said}: an SDK with {chosen.capitalize()}'s auth, paging and errors would not work "
            f"against it; leave --forge out, or pass --forge {detected} (or generic)"
        )
    return f"{said}; building with the {chosen} profile as asked"


def output_forge(out: Path, forge: str, package: str) -> str | None:
    """A warning when ``out`` holds an SDK of another forge or package."""
    manifest = read_manifest(out)
    if manifest is None:
        return None
    was_forge, was_package = manifest.get("forge"), manifest.get("package")
    if (was_forge, was_package) == (forge, package) or not isinstance(was_forge, str):
        return None
    return (
        f"{out} holds the {was_forge} SDK {was_package}; this build replaces it with the "
        f"{forge} SDK {package} (is --out right?)"
    )


def publish_version(
    spec_version: str,
    *,
    suffix: str,
    override: str | None,
    forge: str,
    diagnostics: Diagnostics,
) -> str:
    """The package version (``package_version``), with a warning where PyPI
    would refuse it or where it cannot tell releases apart."""
    try:
        version = package_version(spec_version, suffix, override=override)
    except ValueError as exc:
        option = "--package-version" if override else "--version-suffix"
        raise ForgegenError(f"{option}: {exc}") from None
    if Version(version).local:
        diagnostics.warn(
            "/info/version",
            f"the package version {version} has a local label (after '+'), which PyPI "
            "refuses; use .postN or --package-version for a version you can publish",
        )
    if forge == "gogs" and override is None:
        diagnostics.warn(
            "/info/version",
            f"Gogs' spec calls every release version {spec_version!r}, so the package is "
            f"{version} whatever Gogs it was built from; pass --package-version (or "
            "package_version in the config) to publish one version per Gogs release",
        )
    return version

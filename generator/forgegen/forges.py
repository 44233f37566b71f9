"""The forges forgegen knows, and how a spec says which one it describes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import naming

__all__ = ["FORGES", "Profile", "default_package", "detect"]


@dataclass(frozen=True)
class Profile:
    name: str
    package: str  # the default name of the generated package


FORGES: dict[str, Profile] = {
    "gitea": Profile("gitea", "gitea_sdk"),
    "forgejo": Profile("forgejo", "forgejo_sdk"),
    "gogs": Profile("gogs", "gogs_sdk"),
    "generic": Profile("generic", "forge_sdk"),
}


def detect(document: Mapping[str, Any]) -> Profile:
    """Guess the forge from the spec's title, then from its OTP header name."""
    info = document.get("info")
    title = str(info.get("title", "")).lower() if isinstance(info, Mapping) else ""
    for name in ("forgejo", "gitea", "gogs"):
        if name in title:
            return FORGES[name]
    schemes = document.get("securityDefinitions")
    if isinstance(schemes, Mapping):
        headers = {
            str(s.get("name", "")).upper() for s in schemes.values() if isinstance(s, Mapping)
        }
        if "X-FORGEJO-OTP" in headers:
            return FORGES["forgejo"]
        if "X-GITEA-OTP" in headers:
            return FORGES["gitea"]
    return FORGES["generic"]


def default_package(profile: Profile, document: Mapping[str, Any]) -> str:
    """The forge's package name, or one made from a generic spec's title."""
    if profile.name != "generic":
        return profile.package
    info = document.get("info")
    title = str(info.get("title", "")) if isinstance(info, Mapping) else ""
    stem = naming.snake(title.lower().replace("api", " "), fallback="forge").strip("_")
    return naming.identifier(f"{stem or 'forge'}_sdk")

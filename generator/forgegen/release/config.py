"""Build targets from a config file: ``forgegen.toml`` or ``[tool.forgegen]``.

A release pipeline keeps one target per SDK it publishes::

    [tool.forgegen]                      # in forgegen.toml: no [tool.forgegen] line
    version_suffix = ".post1"            # defaults for every target (optional)

    [[tool.forgegen.targets]]
    name = "gitea-1.22"
    spec = "specs/gitea-1.22.json"       # a file (relative to the config) or a URL
    out = "sdk/gitea-1.22"
    forge = "gitea"                      # optional: detected from the spec
    package = "gitea_sdk"                # optional: the forge's default
    version_suffix = ".post1"            # optional: overrides the default
    package_version = "1.22.6"           # optional: instead of the spec's version
    templates = "templates-overlay"      # optional: a template overlay folder
    fixes = true                         # optional: per-version spec fixes (default on)
    formatter = "ruff"                   # optional: black (default) or ruff

    [[tool.forgegen.targets]]            # one SDK for several versions of a forge
    name = "gitea"
    versions = ["specs/gitea-1.20.json", "specs/gitea-1.22.json"]   # instead of spec
    out = "sdk/gitea"

Every problem is a ``ConfigError`` (exit code 2) naming the file and the key.
"""

from __future__ import annotations

import keyword
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forgegen.errors import ForgegenError
from forgegen.format.formatters import FORMATTERS, Formatter
from forgegen.profiles.forges import FORGES
from forgegen.render.package import package_version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["CONFIG_NAMES", "Config", "ConfigError", "Target", "find_config", "load_config"]

CONFIG_NAMES = ("forgegen.toml", "pyproject.toml")

_DEFAULT_KEYS = {"version_suffix": str, "templates": str, "fixes": bool, "formatter": str}
_TARGET_KEYS = {
    "name": str,
    "spec": str,
    "versions": list,
    "out": str,
    "forge": str,
    "package": str,
    "package_version": str,
    **_DEFAULT_KEYS,
}
# What the generated SDK imports itself: a package of that name would shadow it.
_TAKEN = frozenset({"httpx", "httpcore", "anyio", "cryptography", "bcrypt"})
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class ConfigError(ForgegenError):
    """The config file is missing, not TOML, or names something wrong."""

    exit_code = 2


@dataclass(frozen=True)
class Target:
    name: str
    spec: str  # a URL, or an absolute path
    out: Path
    forge: str | None = None
    package: str | None = None
    version_suffix: str = ""
    package_version: str | None = None
    templates: Path | None = None
    fixes: bool = True
    formatter: Formatter = "black"
    more_specs: tuple[str, ...] = ()  # the other versions of a ``versions`` list


@dataclass(frozen=True)
class Config:
    path: Path
    targets: tuple[Target, ...]


def package_problem(name: str) -> str | None:
    """Why ``name`` cannot be the generated package's import name, or None."""
    if not name.isidentifier() or not name.isascii() or keyword.iskeyword(name):
        return f"{name!r} is not a valid Python package name"
    if name != name.lower() or name.startswith("_"):
        return f"{name!r}: use lower case and no leading underscore"
    if name in sys.stdlib_module_names or name in _TAKEN:
        what = "the standard library's" if name in sys.stdlib_module_names else "a dependency's"
        return (
            f"{name!r} is {what} module: installed, the SDK would hide it (or it the SDK) "
            "from every import; choose another name"
        )
    return None


def find_config(folder: Path) -> Path | None:
    """``forgegen.toml`` in ``folder``, else its ``pyproject.toml`` if that has
    a ``[tool.forgegen]`` table."""
    candidate = folder / "forgegen.toml"
    if candidate.is_file():
        return candidate
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return pyproject  # load_config reports what is wrong with it
        if isinstance(data.get("tool"), dict) and "forgegen" in data["tool"]:
            return pyproject
    return None


def load_config(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    table: Any = data
    prefix = ""
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("forgegen") if isinstance(tool, dict) else None
        prefix = "tool.forgegen."
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: no [tool.forgegen] table")
    return _Reader(path, prefix).config(table)


class _Reader:
    def __init__(self, path: Path, prefix: str) -> None:
        self.path = path
        self.prefix = prefix
        self.base = path.parent

    def fail(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.path}: {self.prefix}{key}: {message}")

    def config(self, table: dict[str, Any]) -> Config:
        self._known(table, {"targets": list, **_DEFAULT_KEYS}, "")
        defaults = {k: table[k] for k in _DEFAULT_KEYS if k in table}
        targets = table.get("targets")
        if not isinstance(targets, list) or not targets:
            raise self.fail("targets", "give at least one [[targets]] table")
        found: list[Target] = []
        for i, entry in enumerate(targets):
            key = f"targets[{i}]"
            if not isinstance(entry, dict):
                raise self.fail(key, "must be a table")
            found.append(self.target({**defaults, **entry}, key))
        self._unique(found, "name", [t.name for t in found])
        self._unique(found, "out", [str(t.out) for t in found])
        return Config(self.path, tuple(found))

    def _known(self, table: dict[str, Any], types: dict[str, type], at: str) -> None:
        for key, value in table.items():
            where = f"{at}.{key}" if at else key
            if key not in types:
                raise self.fail(where, f"unknown key; expected one of {', '.join(sorted(types))}")
            if not isinstance(value, types[key]):
                raise self.fail(where, f"must be a {types[key].__name__}, not {value!r}")

    def _unique(self, targets: list[Target], key: str, values: list[str]) -> None:
        for i, value in enumerate(values):
            if values.index(value) != i:
                raise self.fail(f"targets[{i}].{key}", f"{value!r} is used by another target")

    def target(self, entry: dict[str, Any], at: str) -> Target:
        self._known(entry, _TARGET_KEYS, at)
        for required in ("name", "out"):
            if not entry.get(required):
                raise self.fail(f"{at}.{required}", "missing")
        name = entry["name"]
        if not _NAME.fullmatch(name):
            raise self.fail(f"{at}.name", f"{name!r}: use letters, digits, '.', '_' and '-'")
        specs = self._specs(entry, at)
        forge = entry.get("forge")
        if forge is not None and forge not in FORGES:
            raise self.fail(f"{at}.forge", f"{forge!r} is not one of {', '.join(sorted(FORGES))}")
        package = entry.get("package")
        problem = package_problem(package) if package is not None else None
        if problem:
            raise self.fail(f"{at}.package", problem)
        suffix = entry.get("version_suffix", "")
        try:
            package_version("1.0", suffix)
        except ValueError:
            raise self.fail(
                f"{at}.version_suffix",
                f"{suffix!r} does not make a valid version (try '+forgegen.1' or '.post1')",
            ) from None
        pinned = entry.get("package_version")
        if pinned is not None:
            try:
                package_version("", override=pinned)
            except ValueError as exc:
                raise self.fail(f"{at}.package_version", str(exc)) from None
        formatter = entry.get("formatter", "black")
        if formatter not in FORMATTERS:
            raise self.fail(
                f"{at}.formatter", f"{formatter!r} is not one of {', '.join(FORMATTERS)}"
            )
        templates = self._path(entry["templates"]) if "templates" in entry else None
        if templates is not None and not templates.is_dir():
            raise self.fail(f"{at}.templates", f"{templates} is not a folder")
        located = [spec if "://" in spec else str(self._path(spec)) for spec in specs]
        return Target(
            name=name,
            spec=located[0],
            more_specs=tuple(located[1:]),
            out=self._path(entry["out"]),
            forge=forge,
            package=package,
            version_suffix=suffix,
            package_version=pinned,
            templates=templates,
            fixes=entry.get("fixes", True),
            formatter=formatter,
        )

    def _specs(self, entry: dict[str, Any], at: str) -> list[str]:
        """A target's spec, or its ``versions``: the specs of one SDK for several."""
        if ("spec" in entry) == ("versions" in entry):
            raise self.fail(f"{at}.spec", "give spec, or versions for several, but one of them")
        key = "spec" if "spec" in entry else "versions"
        specs = [entry["spec"]] if key == "spec" else entry["versions"]
        if not specs or (len(specs) == 1 and key == "versions"):
            raise self.fail(f"{at}.versions", "list two specs or more (one is a spec)")
        for i, spec in enumerate(specs):
            where = f"{at}.{key}" + (f"[{i}]" if key == "versions" else "")
            if not isinstance(spec, str) or not spec:
                raise self.fail(where, f"must be a file or a URL, not {spec!r}")
            if spec == "-":
                raise self.fail(where, "standard input cannot be a target's spec")
        return specs

    def _path(self, value: str) -> Path:
        return (self.base / Path(value).expanduser()).absolute()

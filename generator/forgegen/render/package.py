"""IR → the generated package's files, through Jinja templates.

One environment, made by ``environment()``, serves builds and tests alike:
strict about undefined names, with the escaping filters registered once and
a user's template folder, when given, laid over the built-in one file by file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from packaging.version import InvalidVersion, Version

from forgegen import __version__, ir, literals
from forgegen.errors import ForgegenError
from forgegen.profiles.forges import Profile
from forgegen.render import layout
from forgegen.render.metadata import Metadata, metadata
from forgegen.render.modules import model_modules
from forgegen.render.readme import examples
from forgegen.render.views import GroupView, auth_view, group_view, models_view

__all__ = [
    "Provenance",
    "TemplateError",
    "builtin_templates",
    "environment",
    "package_version",
    "pep440",
    "render_package",
]

# What the package exports besides its auth adapters and errors, and where from.
_CORE_NAMES = {
    "AsyncClient": "._client",
    "AsyncPaginator": "._pagination",
    "Client": "._client",
    "Page": "._pagination",
    "Paginator": "._pagination",
    "Retries": "._client",
}
_ERROR_NAMES = (
    "ApiError",
    "ClientError",
    "Conflict",
    "Forbidden",
    "NotFound",
    "RateLimited",
    "ResponseError",
    "ServerError",
    "TransportError",
    "Unauthorized",
    "UnsupportedVersion",  # only in an SDK of several versions
    "ValidationFailed",
)


class TemplateError(ForgegenError):
    """A template failed to render: a user's overlay, or a bug in forgegen's own."""


@dataclass(frozen=True)
class Provenance:
    """Where the spec came from, as the generated README states it."""

    origin: str  # a URL, or a file's name (never a local path: output must not vary by machine)
    sha256: str


def builtin_templates() -> Path:
    """The templates folder: inside the installed wheel, or the checkout's."""
    packaged = Path(__file__).parents[1] / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[3] / "templates"


def environment(overlay: Path | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(str(builtin_templates()))]
    if overlay is not None:
        loaders.insert(0, jinja2.FileSystemLoader(str(overlay)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Python, escaped by the filters below
    )
    env.filters.update(
        pystr=literals.pystr,
        docstring=literals.docstring,
        comment=literals.comment,
        ident=literals.identifier,
        markdown=literals.markdown,
        markdown_code=literals.markdown_code,
        toml_str=literals.toml_str,
    )
    env.filters["docstring_literal"] = layout.docstring_literal
    env.globals.update(
        lay_out=layout.lay_out,
        lay_out_line=layout.lay_out_line,
        import_from=layout.import_from,
        assign=layout.assign,
        parameters=layout.parameters,
        Parameter=layout.Parameter,
    )
    return env


def pep440(version: str) -> str:
    """The spec's ``info.version`` as a valid package version.

    ``1.22.6`` stays, ``7.0.15+gitea-1.22.0`` is normalised, ``v1`` → ``1``;
    anything else becomes ``0.0.0``.
    """
    for candidate in (version.strip(), version.strip().lstrip("vV")):
        try:
            return str(Version(candidate))
        except InvalidVersion:
            continue
    match = re.match(r"v?(\d+(?:\.\d+)*)", version.strip())
    return match.group(1) if match else "0.0.0"


def package_version(version: str, suffix: str = "", *, override: str | None = None) -> str:
    """The package version: the public part of ``pep440(version)``, or
    ``override`` as given, with a release pipeline's suffix.

    The spec's local label is dropped (Forgejo's ``11.0.1+gitea-1.22.0`` gives
    ``11.0.1``): PyPI refuses local versions, and the Gitea version it names is
    in the package's description. A suffix ``+forgegen.1`` adds a local label
    (for private indexes only); anything else (``.post1``, ``.dev0``) extends
    the public part, before any local label. A result that is not a valid
    version is a ValueError.
    """
    if override is not None:
        try:
            base = Version(override)
        except InvalidVersion:
            raise ValueError(f"{override!r} is not a PEP 440 version") from None
    else:
        base = Version(Version(pep440(version)).public)
    if not suffix:
        return str(base)
    if suffix.startswith("+"):
        text = f"{base.public}+{'.'.join(filter(None, [base.local, suffix[1:]]))}"
    else:
        text = base.public + suffix + (f"+{base.local}" if base.local else "")
    try:
        return str(Version(text))
    except InvalidVersion:
        raise ValueError(f"{suffix!r} does not make a valid version of {base}") from None


def _isort(names: set[str]) -> list[str]:
    """Names in the order isort and ruff give them: CONSTANTS, Classes, functions."""
    return sorted(names, key=lambda n: (not n.isupper(), not n[:1].isupper(), n))


def _group_context(view: GroupView) -> dict[str, Any]:
    imports = view.imports
    return {
        "group": view.group,
        "methods": view.methods,
        "typing_names": _isort(imports.typing | {"TYPE_CHECKING"}),
        "datetime": imports.datetime,
        "runtime_names": sorted(imports.runtime),
        "model_names": sorted(imports.models),
        "decodes_models": imports.decodes_models,
        "paged": any(m.result.paged for m in view.methods),
    }


def render_package(
    api: ir.Api,
    *,
    package: str,
    profile: Profile,
    provenance: Provenance,
    overlay: Path | None = None,
    version: str | None = None,
    fixes: Sequence[Any] = (),
    meta: Metadata | None = None,
) -> dict[str, str]:
    """Every file of the generated project, keyed by its path relative to ``--out``.

    ``version`` is the package's (default: the spec's, made PEP 440);
    ``fixes`` are the spec fixes applied (``fixes.Applied``), for the README;
    ``meta`` is the pyproject.toml's metadata (default: from the IR alone).
    """
    if meta is None:
        meta = metadata(
            {},
            forge=profile.name,
            title=api.title,
            spec_version=api.version,
            origin=provenance.origin,
        )
    env = environment(overlay)
    version = version or pep440(api.version)
    generic = profile.name == "generic"
    # A generic spec's first absolute server is where a client goes by default.
    default_url = ""
    if generic and api.servers and "://" in api.servers[0] and not api.server_url:
        default_url = api.servers[0]
    base_error = "SdkError" if generic else "ForgeError"
    # An SDK of several versions checks them, and says so with an error of its own.
    names = [n for n in _ERROR_NAMES if api.versions or n != "UnsupportedVersion"]
    names.insert(names.index("ServerError" if generic else "Forbidden"), base_error)
    error_names = tuple(names)
    groups = tuple(group_view(g) for g in api.groups)
    modules = model_modules(api, models_view(api))
    auth = auth_view(api, profile)
    common = {
        "api": api,
        "package": package,
        "version": version,
        "groups": groups,
        "profile": profile,
        # Client.from_env() reads <prefix>_URL and <prefix>_TOKEN
        "env_prefix": "API" if profile.name == "generic" else profile.name.upper(),
        "auth": auth,
        "auth_names": auth.names,
        "error_names": error_names,
        "base_error": base_error,
        "generic": generic,
        "server_word": "server" if generic else "forge",
        "default_url": default_url,
        "example_url": default_url
        or ("https://api.example.com" if generic else "https://forge.example.com"),
        "core_names": _CORE_NAMES,
        "version_endpoint": any(
            op.method == "GET" and op.path == "/version" for op in api.operations
        ),
    }
    files: dict[str, str] = {}

    def emit(path: str, template: str, **context: Any) -> None:
        try:
            files[path] = env.get_template(template).render(**common, **context)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"{exc.filename or template}, line {exc.lineno}: {exc.message}"
            ) from None
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{template}: {exc.message or type(exc).__name__}") from None

    root = package
    emit(
        f"{root}/__init__.py",
        "package/__init__.py.jinja",
        all_names=sorted([*_CORE_NAMES, *auth.names, *auth.ssh_names, *error_names]),
    )
    emit(f"{root}/_client.py", "package/_client.py.jinja")
    emit(f"{root}/_runtime.py", "package/_runtime.py.jinja")
    emit(f"{root}/_pagination.py", "package/_pagination.py.jinja")
    emit(f"{root}/_tls.py", "package/_tls.py.jinja")
    emit(f"{root}/errors.py", "package/errors.py.jinja")
    emit(f"{root}/auth.py", "package/auth.py.jinja")
    if auth.ssh_signatures:
        emit(f"{root}/ssh_auth.py", "package/ssh_auth.py.jinja")
    emit(
        f"{root}/models/__init__.py",
        "package/models/__init__.py.jinja",
        modules=modules,
        where=sorted((name, m.stem) for m in modules for name in m.names),
    )
    for module in modules:
        emit(f"{root}/models/{module.stem}.py", "package/models/model.py.jinja", module=module)
    emit(f"{root}/py.typed", "package/py.typed.jinja")
    emit(f"{root}/api/__init__.py", "package/api/__init__.py.jinja")
    for view in groups:
        emit(
            f"{root}/api/{view.group.module}.py",
            "package/api/group.py.jinja",
            **_group_context(view),
        )
    emit(
        "pyproject.toml",
        "pyproject.toml.jinja",
        distribution=package.replace("_", "-"),
        metadata=meta,
    )
    emit(
        "README.md",
        "README.md.jinja",
        provenance=provenance,
        generator_version=__version__,
        operation_count=len(api.operations),
        fixes=fixes,
        ex=examples(api),
    )
    return files

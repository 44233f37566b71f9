"""Parse: a validated spec document → ``ir.Api``, for Swagger 2.0 and OpenAPI 3.x alike.

Both formats walk their paths the same way (``walk``) into drafts that
``operations`` assembles; ``schemas`` makes models and enums, ``refs`` follows
local ``$ref``s only. Python names come from ``naming``; it knows no forge.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from forgegen import ir, naming
from forgegen.diagnostics import Diagnostics
from forgegen.errors import SpecError
from forgegen.parse import openapi3, swagger2
from forgegen.parse.operations import assemble, with_tag_descriptions
from forgegen.parse.refs import Resolver, refuse_external_refs
from forgegen.parse.schemas import Schemas

__all__ = ["parse", "refuse_external_refs", "spec_format"]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def spec_format(document: Mapping[str, Any]) -> str:
    """``"swagger 2.0"``, ``"openapi 3.0.3"``…, or a SpecError."""
    if str(document.get("swagger", "")) == "2.0":
        return "swagger 2.0"
    version = document.get("openapi")
    if isinstance(version, str) and version.startswith("3."):
        return f"openapi {version}"
    raise SpecError("neither swagger: '2.0' nor openapi: '3.x' at the top level", pointer="")


def parse(document: Mapping[str, Any], diagnostics: Diagnostics, origin: str = "") -> ir.Api:
    fmt = spec_format(document)
    resolver = Resolver(document, origin)
    scope = naming.Scope()
    info = document.get("info") if isinstance(document.get("info"), Mapping) else {}
    assert isinstance(info, Mapping)
    if fmt.startswith("swagger"):
        definitions = document.get("definitions") or {}
        schemas = Schemas(resolver, diagnostics, definitions, "/definitions", scope)
        drafts = swagger2.parse_operations(document, resolver, schemas, diagnostics)
        base_path = _text(document.get("basePath"))
        servers = _swagger2_servers(document, base_path)
        server_url = ""
        security = _swagger2_security(document.get("securityDefinitions"))
    else:
        components = document.get("components") or {}
        definitions = components.get("schemas") or {} if isinstance(components, Mapping) else {}
        schemas = Schemas(resolver, diagnostics, definitions, "/components/schemas", scope)
        drafts = openapi3.parse_operations(document, resolver, schemas, diagnostics)
        servers = _servers(document.get("servers"))
        base_path, server_url = _server_parts(servers[0] if servers else "")
        security = _openapi3_security(
            components.get("securitySchemes") if isinstance(components, Mapping) else None
        )
    # Group classes share the models' scope: a group module imports models by name.
    groups = with_tag_descriptions(assemble(drafts, diagnostics, scope), document.get("tags"))
    groups = _require_bodies(groups, schemas.models)
    webhooks = document.get("webhooks")
    if not drafts and isinstance(webhooks, Mapping) and webhooks:
        # Valid OpenAPI 3.1, and its models are worth having, but there is
        # nothing to call: say so rather than hand over an empty client.
        diagnostics.warn(
            "/webhooks",
            f"the spec has no operations, only {len(webhooks)} webhook(s) (requests the "
            "server sends, not calls a client makes): the SDK has models but no methods",
        )
    return ir.Api(
        title=_text(info.get("title")),
        version=str(info.get("version", ""))
        if isinstance(info.get("version"), str | int | float)
        else "",
        description=_text(info.get("description")),
        spec_format=fmt,
        base_path=base_path.rstrip("/"),
        groups=groups,
        models=schemas.models,
        enums=schemas.enums,
        security=security,
        server_url=server_url,
        servers=servers,
    )


def _require_bodies(
    groups: tuple[ir.Group, ...], models: tuple[ir.Model, ...]
) -> tuple[ir.Group, ...]:
    """A JSON body whose model has required fields cannot be left out, so it is a
    required argument whatever the spec says: Gitea's Swagger never marks a body
    required, which would make ``create_repo()`` without a body look valid."""
    needed = {m.name for m in models if any(f.required for f in m.fields)}

    def fix(op: ir.Operation) -> ir.Operation:
        body = op.body
        if body is None or body.required or body.kind != "json":
            return op
        if body.type.kind != "model" or body.type.name not in needed:
            return op
        return replace(op, body=replace(body, required=True))

    return tuple(replace(g, operations=tuple(fix(op) for op in g.operations)) for g in groups)


def _servers(servers: Any) -> tuple[str, ...]:
    """Every server's URL with its variables at their defaults."""
    found: list[str] = []
    for server in servers if isinstance(servers, list) else ():
        if not isinstance(server, Mapping) or not isinstance(server.get("url"), str):
            continue
        variables = server.get("variables")
        defaults = {
            str(name): str(v["default"])
            for name, v in (variables.items() if isinstance(variables, Mapping) else ())
            if isinstance(v, Mapping) and isinstance(v.get("default"), str | int | float)
        }
        url = re.sub(r"\{([^{}]*)\}", functools.partial(_variable, defaults), server["url"])
        if url not in found:
            found.append(url)
    return tuple(found)


def _variable(defaults: Mapping[str, str], match: re.Match[str]) -> str:
    return defaults.get(match.group(1), match.group(0))


def _server_parts(url: str) -> tuple[str, str]:
    """(the path a client adds to its URL, the reference it resolves against it).

    An absolute URL names a default host: a client given another URL keeps
    the path, as with a forge's sub-path. A relative one ("/v1", "v2",
    "//host/v1") is resolved as RFC 3986 says, by the client."""
    if "://" in url:
        return urlsplit(url).path, ""
    if url in ("", "/"):
        return "", ""
    return "", url


def _swagger2_servers(document: Mapping[str, Any], base_path: str) -> tuple[str, ...]:
    host = document.get("host")
    if not isinstance(host, str) or not host:
        return ()
    schemes = document.get("schemes")
    scheme = (
        next((s for s in schemes if s in ("https", "http")), "https")
        if isinstance(schemes, list)
        else "https"
    )
    return (f"{scheme}://{host}{base_path}".rstrip("/"),)


def _swagger2_security(schemes: Any) -> tuple[ir.SecurityScheme, ...]:
    found = []
    for key, scheme in (schemes or {}).items() if isinstance(schemes, Mapping) else ():
        if not isinstance(scheme, Mapping):
            continue
        kind = scheme.get("type")
        desc = _text(scheme.get("description"))
        if kind == "basic":
            found.append(ir.SecurityScheme(str(key), "basic", "", "", desc))
        elif kind == "apiKey" and scheme.get("in") in ("header", "query"):
            found.append(
                ir.SecurityScheme(str(key), "apikey", scheme["in"], _text(scheme.get("name")), desc)
            )
        elif kind == "oauth2":
            found.append(ir.SecurityScheme(str(key), "oauth2", "", "", desc))
    return tuple(found)


def _openapi3_security(schemes: Any) -> tuple[ir.SecurityScheme, ...]:
    found = []
    for key, scheme in (schemes or {}).items() if isinstance(schemes, Mapping) else ():
        if not isinstance(scheme, Mapping):
            continue
        kind, desc = scheme.get("type"), _text(scheme.get("description"))
        http = str(scheme.get("scheme", "")).lower()
        if kind == "http" and http == "basic":
            found.append(ir.SecurityScheme(str(key), "basic", "", "", desc))
        elif kind == "http" and http == "bearer":
            found.append(ir.SecurityScheme(str(key), "bearer", "", "", desc))
        elif kind == "apiKey" and scheme.get("in") in ("header", "query"):
            found.append(
                ir.SecurityScheme(str(key), "apikey", scheme["in"], _text(scheme.get("name")), desc)
            )
        elif kind in ("oauth2", "openIdConnect"):
            found.append(ir.SecurityScheme(str(key), "oauth2", "", "", desc))
    return tuple(found)

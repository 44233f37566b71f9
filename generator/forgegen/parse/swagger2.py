"""Swagger 2.0 → IR, with the deviations real forges ship handled on the way."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forgegen import ir, naming
from forgegen.diagnostics import Diagnostics
from forgegen.parse.operations import Draft, RawParameter, parameter_type
from forgegen.parse.refs import Resolver, child
from forgegen.parse.schemas import Schemas
from forgegen.parse.walk import Params, Walker

__all__ = ["parse_operations"]

_JSON = "application/json"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _mimes(value: Any, fallback: list[str]) -> list[str]:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.split(";")[0].strip().lower() for v in value]
    return fallback


class _Swagger2(Walker):
    def __init__(
        self, doc: Mapping[str, Any], resolver: Resolver, schemas: Schemas, diagnostics: Diagnostics
    ) -> None:
        super().__init__(doc, resolver, schemas, diagnostics)
        self.consumes = _mimes(doc.get("consumes"), [_JSON])
        self.produces = _mimes(doc.get("produces"), [_JSON])

    def _draft(
        self,
        path: str,
        method: str,
        op: Mapping[str, Any],
        at: str,
        shared: Params,
    ) -> Draft:
        op_id = _text(op.get("operationId"))
        context = naming.pascal(op_id or f"{method} {path}", fallback="Operation")
        params = {**shared, **self._parameters(op.get("parameters"), child(at, "parameters"))}
        consumes = _mimes(op.get("consumes"), self.consumes)
        raw: list[RawParameter] = []
        body_param: tuple[Mapping[str, Any], str] | None = None
        form: list[tuple[Mapping[str, Any], str]] = []
        for (name, location), (param, param_at) in params.items():
            if location == "body":
                body_param = (param, param_at)
            elif location == "formData":
                form.append((param, param_at))
            elif location in ("path", "query", "header"):
                raw.append(self._raw(name, location, param, param_at, context))
            else:
                self.diagnostics.warn(
                    param_at, f"parameters in {location[:40]!r} are not supported; skipped"
                )
        tags = op.get("tags")
        return Draft(
            operation_id=op_id,
            method=method,
            path=path,
            tag=str(tags[0]) if isinstance(tags, list) and tags else "",
            summary=_text(op.get("summary")),
            description=_text(op.get("description")),
            parameters=tuple(raw),
            body=self._body(body_param, form, consumes, context),
            responses=self._responses(op, at, method, context),
            deprecated=op.get("deprecated") is True,
            pointer=at,
        )

    def _raw(
        self, name: str, location: str, param: Mapping[str, Any], at: str, context: str
    ) -> RawParameter:
        ptype = parameter_type(self.schemas, param, at, context + naming.pascal(name))
        return RawParameter(
            wire_name=name,
            location=location,  # type: ignore[arg-type]  # checked by the caller
            type=ptype,
            required=param.get("required") is True,
            description=_text(param.get("description")),
            explode=param.get("collectionFormat") == "multi",
            pointer=child(at, "name"),
        )

    def _body(
        self,
        body: tuple[Mapping[str, Any], str] | None,
        form: list[tuple[Mapping[str, Any], str]],
        consumes: list[str],
        context: str,
    ) -> ir.Body | None:
        if form:
            fields = tuple(
                ir.FormField(
                    name=naming.snake(str(p["name"]), fallback="field"),
                    wire_name=str(p["name"]),
                    type=self.schemas.type_of(p, p_at, context + naming.pascal(str(p["name"]))),
                    required=p.get("required") is True,
                    description=_text(p.get("description")),
                    is_file=p.get("type") == "file",
                )
                for p, p_at in form
            )
            multipart = any(f.is_file for f in fields) or "multipart/form-data" in consumes
            kind: ir.BodyKind = "multipart" if multipart else "form"
            return ir.Body(
                name="form",
                kind=kind,
                content_type="multipart/form-data"
                if multipart
                else "application/x-www-form-urlencoded",
                type=ir.TypeRef("any"),
                required=any(f.required for f in fields),
                description="",
                form_fields=fields,
            )
        if body is None:
            return None
        param, at = body
        schema = param.get("schema")
        btype = self.schemas.type_of(schema, child(at, "schema"), context + "Body")
        text_only = not any("json" in c for c in consumes) and any(
            c.startswith("text/") for c in consumes
        )
        kind = "text" if text_only and btype.kind == "str" else "json"
        if btype.kind == "bytes":
            kind = "binary"
        return ir.Body(
            name="body",
            kind=kind,
            content_type={"json": _JSON, "binary": "application/octet-stream"}.get(
                kind, next((c for c in consumes if c.startswith("text/")), "text/plain")
            ),
            type=btype,
            required=param.get("required") is True,
            description=_text(param.get("description")),
        )

    def _responses(
        self, op: Mapping[str, Any], at: str, method: str, context: str
    ) -> tuple[ir.Response, ...]:
        responses = op.get("responses")
        if not isinstance(responses, Mapping):
            return ()
        produces = _mimes(op.get("produces"), self.produces)
        result = []
        for code in sorted(str(c) for c in responses):
            if len(code) != 3 or not code.startswith("2"):
                continue
            resp_at = child(at, "responses", code)
            resp, target_at = self.resolver.resolve(responses[code], resp_at)
            schema: Any = resp.get("schema") if isinstance(resp, Mapping) else None
            schema_at = child(target_at, "schema")
            if target_at.startswith("/definitions/"):
                # Gitea 1.24+ points some responses straight at a schema.
                self.diagnostics.note(
                    child(resp_at, "$ref"),
                    "a response $ref names a schema, not a response; read as that schema",
                )
                schema, schema_at = {"$ref": "#" + target_at}, resp_at
            description = _text(resp.get("description")) if isinstance(resp, Mapping) else ""
            result.append(
                self._response(code, schema, schema_at, produces, method, context, description)
            )
        return tuple(result)

    def _response(
        self,
        code: str,
        schema: Any,
        at: str,
        produces: list[str],
        method: str,
        context: str,
        description: str,
    ) -> ir.Response:
        if schema is None:
            # A GET that declares no schema still returns content (archives,
            # logs, editorconfig): hand the caller the raw bytes.
            if code != "204" and method == "get":
                return ir.Response(code, "bytes", ir.TypeRef("bytes"), description)
            return ir.Response(code, "empty", None, description)
        rtype = self.schemas.type_of(schema, at, context + "Response")
        if rtype.kind == "bytes":
            return ir.Response(code, "bytes", rtype, description)
        if rtype.kind == "str" and any(p.startswith("text/") for p in produces):
            return ir.Response(code, "text", rtype, description)
        return ir.Response(code, "json", rtype, description)


def parse_operations(
    doc: Mapping[str, Any], resolver: Resolver, schemas: Schemas, diagnostics: Diagnostics
) -> list[Draft]:
    return _Swagger2(doc, resolver, schemas, diagnostics).drafts()

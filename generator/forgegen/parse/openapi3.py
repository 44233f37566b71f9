"""OpenAPI 3.0 / 3.1 → IR drafts."""

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


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _is_json(mime: str) -> bool:
    return mime == "application/json" or mime.endswith("+json")


class _OpenApi3(Walker):
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
        raw = []
        for (name, location), (param, param_at) in params.items():
            if location not in ("path", "query", "header", "cookie"):
                self.diagnostics.warn(
                    param_at, f"parameters in {location[:40]!r} are not supported; skipped"
                )
                continue
            raw.append(self._raw(name, location, param, param_at, context))
        tags = op.get("tags")
        return Draft(
            operation_id=op_id,
            method=method,
            path=path,
            tag=str(tags[0]) if isinstance(tags, list) and tags else "",
            summary=_text(op.get("summary")),
            description=_text(op.get("description")),
            parameters=tuple(raw),
            body=self._body(op.get("requestBody"), child(at, "requestBody"), context),
            responses=self._responses(op, at, context),
            deprecated=op.get("deprecated") is True,
            pointer=at,
        )

    def _raw(
        self, name: str, location: str, param: Mapping[str, Any], at: str, context: str
    ) -> RawParameter:
        schema_at = child(at, "schema")
        ptype = parameter_type(
            self.schemas, param.get("schema", {}), schema_at, context + naming.pascal(name)
        )
        # OpenAPI 3's default style is "form" in the query, "simple" in a path or header.
        style = param.get("style", "form" if location == "query" else "simple")
        return RawParameter(
            wire_name=name,
            location=location,  # type: ignore[arg-type]  # checked by the caller
            type=ptype,
            required=param.get("required") is True,
            description=_text(param.get("description")),
            explode=param.get("explode", style == "form") is True,
            pointer=child(at, "name"),
        )

    def _body(self, body: Any, at: str, context: str) -> ir.Body | None:
        if body is None:
            return None
        body, at = self.resolver.resolve(body, at)
        content = body.get("content") if isinstance(body, Mapping) else None
        if not isinstance(content, Mapping) or not content:
            return None
        mimes = {str(m).split(";")[0].strip().lower(): str(m) for m in content}
        required = body.get("required") is True
        description = _text(body.get("description"))
        chosen = next((m for m in mimes if _is_json(m)), None)
        forms: tuple[tuple[str, ir.BodyKind], ...] = (
            ("multipart/form-data", "multipart"),
            ("application/x-www-form-urlencoded", "form"),
        )
        for form_mime, form_kind in forms:
            if chosen is None and form_mime in mimes:
                media_at = child(at, "content", mimes[form_mime])
                return self._form(
                    content[mimes[form_mime]], media_at, form_kind, form_mime, required, context
                )
        mime = chosen or next(iter(mimes))
        media = content[mimes[mime]]
        schema = media.get("schema") if isinstance(media, Mapping) else None
        btype = self.schemas.type_of(
            schema, child(at, "content", mimes[mime], "schema"), context + "Body"
        )
        kind: ir.BodyKind = "json"
        if not _is_json(mime):
            kind = "text" if mime.startswith("text/") else "binary"
            btype = ir.TypeRef("str") if kind == "text" else ir.TypeRef("bytes")
        return ir.Body(
            name="body",
            kind=kind,
            content_type=mime,
            type=btype,
            required=required,
            description=description,
        )

    def _form(
        self, media: Any, at: str, kind: ir.BodyKind, mime: str, required: bool, context: str
    ) -> ir.Body:
        schema, schema_at = self.resolver.resolve(
            media.get("schema") if isinstance(media, Mapping) else None, child(at, "schema")
        )
        props = schema.get("properties") if isinstance(schema, Mapping) else None
        needed = set(schema.get("required") or []) if isinstance(schema, Mapping) else set()
        fields = []
        for wire, sub in (props or {}).items():
            sub_at = child(schema_at, "properties", wire)
            ftype = self.schemas.type_of(sub, sub_at, context + naming.pascal(str(wire)))
            fields.append(
                ir.FormField(
                    name=naming.snake(str(wire), fallback="field"),
                    wire_name=str(wire),
                    type=ftype,
                    required=wire in needed,
                    description=_text(sub.get("description")) if isinstance(sub, Mapping) else "",
                    is_file=ftype.kind == "bytes",
                )
            )
        return ir.Body(
            name="form",
            kind=kind,
            content_type=mime,
            type=ir.TypeRef("any"),
            # A form whose fields are required is itself, as in Swagger 2.0's formData.
            required=required or any(f.required for f in fields),
            description="",
            form_fields=tuple(fields),
        )

    def _responses(self, op: Mapping[str, Any], at: str, context: str) -> tuple[ir.Response, ...]:
        responses = op.get("responses")
        if not isinstance(responses, Mapping):
            return ()
        result = []
        for code in sorted(str(c) for c in responses):
            if len(code) != 3 or not code.startswith("2"):
                continue
            resp, resp_at = self.resolver.resolve(responses[code], child(at, "responses", code))
            if not isinstance(resp, Mapping):
                continue
            description = _text(resp.get("description"))
            content = resp.get("content")
            if not isinstance(content, Mapping) or not content:
                result.append(ir.Response(code, "empty", None, description))
                continue
            mimes = {str(m).split(";")[0].strip().lower(): str(m) for m in content}
            mime = next((m for m in mimes if _is_json(m)), next(iter(mimes)))
            media = content[mimes[mime]]
            schema = media.get("schema") if isinstance(media, Mapping) else None
            rtype = self.schemas.type_of(
                schema, child(resp_at, "content", mimes[mime], "schema"), context + "Response"
            )
            if _is_json(mime) and rtype.kind != "bytes":
                result.append(ir.Response(code, "json", rtype, description))
            elif mime.startswith("text/") and rtype.kind != "bytes":
                result.append(ir.Response(code, "text", ir.TypeRef("str"), description))
            else:
                result.append(ir.Response(code, "bytes", ir.TypeRef("bytes"), description))
        return tuple(result)


def parse_operations(
    doc: Mapping[str, Any], resolver: Resolver, schemas: Schemas, diagnostics: Diagnostics
) -> list[Draft]:
    return _OpenApi3(doc, resolver, schemas, diagnostics).drafts()

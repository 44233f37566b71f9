"""Reach a spec's parts by what they mean, in Swagger 2.0 and OpenAPI 3 alike.

Gitea serves the same API in both formats (``/swagger.v1.json`` and
``/openapi3.v1.json``); a fix written against one format's JSON pointers
would miss the other. The fixes ask for a named response, a named schema or
an operation by method and path, and read or replace a response's body
through here; the pointers they report are those of the format at hand.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Located", "Spec"]

Document = dict[str, Any]

_JSON = "application/json"


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class Located:
    """A response object and the JSON pointer it sits at."""

    node: dict[str, Any]
    pointer: str


class Spec:
    """One document, with its format's places for responses, schemas and bodies."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.swagger = str(document.get("swagger", "")) == "2.0"
        self._responses = ("responses",) if self.swagger else ("components", "responses")
        self._schemas = ("definitions",) if self.swagger else ("components", "schemas")

    # --- names ------------------------------------------------------------------

    def schema_ref(self, name: str) -> str:
        return "#/" + "/".join((*self._schemas, _escape(name)))

    def response(self, name: str) -> Located | None:
        """The shared response of this name (``#/responses/…``, ``#/components/responses/…``)."""
        table = self._table(self._responses, create=False)
        found = table.get(name) if table is not None else None
        if not isinstance(found, dict):
            return None
        return Located(found, self._pointer(*self._responses, name))

    def define(self, name: str, schema: dict[str, Any]) -> str | None:
        """Add a named schema and return its pointer, unless one of that name exists."""
        table = self._table(self._schemas, create=True)
        if table is None or name in table:
            return None
        table[name] = schema
        return self._pointer(*self._schemas, name)

    # --- operations -------------------------------------------------------------

    def operation(self, method: str, path: str) -> Located | None:
        paths = self.document.get("paths")
        item = paths.get(path) if isinstance(paths, dict) else None
        op = item.get(method.lower()) if isinstance(item, dict) else None
        if not isinstance(op, dict):
            return None
        return Located(op, self._pointer("paths", path, method.lower()))

    def successes(self, op: Located) -> Iterator[tuple[str, Located, str]]:
        """Each 2xx response of an operation: its status, the response object
        (a shared one followed through its local ``$ref``), and that ref's name
        ("" for a response written inline)."""
        responses = op.node.get("responses")
        if not isinstance(responses, dict):
            return
        for status in sorted(str(s) for s in responses):
            node = responses[status]
            if not status.startswith("2") or not isinstance(node, dict):
                continue
            ref = node.get("$ref")
            if isinstance(ref, str):
                name = ref.rsplit("/", 1)[-1]
                shared = self.response(name) if ref == self._ref_to_response(name) else None
                if shared is not None:
                    yield status, shared, name
                continue
            yield status, Located(node, self._pointer(op.pointer, "responses", status)), ""

    def inline(self, op: Located, status: str, response: dict[str, Any]) -> str:
        """Make one operation's response its own (no longer a shared ``$ref``)."""
        op.node["responses"][status] = response
        return self._pointer(op.pointer, "responses", status)

    # --- bodies -----------------------------------------------------------------

    def body_schema(self, response: Mapping[str, Any]) -> Any:
        """The JSON body schema a response declares, or None."""
        if self.swagger:
            return response.get("schema")
        content = response.get("content")
        media = content.get(_JSON) if isinstance(content, Mapping) else None
        return media.get("schema") if isinstance(media, Mapping) else None

    def set_body_schema(self, response: Located, schema: dict[str, Any]) -> str:
        """Declare a JSON body; returns the pointer of the schema it wrote."""
        if self.swagger:
            response.node["schema"] = schema
            return self._pointer(response.pointer, "schema")
        response.node["content"] = {_JSON: {"schema": schema}}
        return self._pointer(response.pointer, "content", _JSON, "schema")

    def media_types(self, op: Located, response: Mapping[str, Any]) -> list[str]:
        """What a response says it answers: Swagger's ``produces`` (the operation's
        or the document's), OpenAPI 3's content keys; [] when it declares no body."""
        if self.swagger:
            if response.get("schema") is None:
                return []
            produces = op.node.get("produces", self.document.get("produces"))
            return [str(m) for m in produces] if isinstance(produces, list) else [_JSON]
        content = response.get("content")
        return [str(m) for m in content] if isinstance(content, Mapping) else []

    def declare_media(self, op: Located, status: str, response: Located, media: str) -> str:
        """Say that this operation's response answers ``media``, keeping its
        description; bytes get a binary schema, text a string."""
        binary = not media.startswith("text/")
        if self.swagger:
            op.node["produces"] = [media]
            wanted = {"type": "file"} if binary else {"type": "string"}
            if response.node.get("schema") != wanted:
                fresh = {**response.node, "schema": wanted}
                if response.pointer.startswith(op.pointer + "/"):
                    response.node.update(fresh)
                else:  # a shared response: the others that use it keep theirs
                    self.inline(op, status, fresh)
            return self._pointer(op.pointer, "produces")
        schema = {"type": "string", "format": "binary"} if binary else {"type": "string"}
        fresh = {k: v for k, v in response.node.items() if k != "content"}
        fresh["content"] = {media: {"schema": schema}}
        return self.inline(op, status, fresh)

    # --- helpers ----------------------------------------------------------------

    def _ref_to_response(self, name: str) -> str:
        return "#/" + "/".join((*self._responses, _escape(name)))

    def _table(self, where: tuple[str, ...], *, create: bool) -> dict[str, Any] | None:
        node: Any = self.document
        for key in where:
            if not isinstance(node, dict):
                return None
            if key not in node and create:
                node[key] = {}
            node = node.get(key)
        return node if isinstance(node, dict) else None

    @staticmethod
    def _pointer(*parts: str) -> str:
        head, *rest = parts
        prefix = head if head.startswith("/") else "/" + _escape(head)
        return "/".join([prefix, *(_escape(p) for p in rest)])

"""JSON instances made from a spec's schemas, for round-trip tests.

Built from the spec itself, not from forgegen's IR, so the test checks the
generator against the document rather than against its own reading of it.
"""

from __future__ import annotations

from typing import Any

UNKNOWN_FIELD = "x_field_from_a_newer_server"


class InstanceMaker:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def resolve(self, schema: Any) -> Any:
        while isinstance(schema, dict) and "$ref" in schema:
            node: Any = self.document
            for part in schema["$ref"][2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            schema = node
        return schema

    def properties(self, schema: dict[str, Any]) -> dict[str, Any]:
        props = dict(schema.get("properties") or {})
        for member in schema.get("allOf") or []:
            props.update(self.properties(self.resolve(member)))
        return props

    def instance(self, schema: Any, depth: int = 0) -> Any:
        """A value with every property set; recursion stops after a few levels."""
        schema = self.resolve(schema)
        if not isinstance(schema, dict) or schema == {}:
            return {"free": ["form", 1]}
        if schema.get("enum"):
            return schema["enum"][-1]
        members = schema.get("allOf") or []
        if len(members) == 1 and "type" not in schema and "properties" not in schema:
            # OpenAPI 3's way to describe a $ref: {allOf: [$ref], description}
            return self.instance(members[0], depth)
        kind = schema.get("type")
        props = self.properties(schema)
        if props:
            if depth > 3:
                return {}
            made = {name: self.instance(sub, depth + 1) for name, sub in props.items()}
            made[UNKNOWN_FIELD] = {"kept": [1, "two"]}
            return made
        if kind == "array":
            return [self.instance(schema.get("items", {}), depth + 1)]
        if kind == "object" or "additionalProperties" in schema:
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                return {"key": self.instance(extra, depth + 1)}
            return {"free": {"form": True}}
        if kind == "integer":
            return 7
        if kind == "number":
            return 1.5
        if kind == "boolean":
            return True
        if kind == "string":
            fmt = schema.get("format")
            if fmt == "date-time":
                return "2024-02-03T04:05:06+02:00"
            if fmt == "date":
                return "2024-02-03"
            return "text"
        return {"free": "form"}

"""Random valid specs, random names and texts included, always make an SDK that
compiles and imports doing nothing but define things.

Hypothesis writes small Swagger 2.0 documents, half of them then recast as
OpenAPI 3.0: definitions with properties of every kind (scalars, enums, arrays,
references, nested objects), operations with path, query, header and body
parameters, tags, and text in every place the generator copies text from; half
of the SDKs are named from the random title. Names avoid only what would make the spec itself
invalid (braces in path templates, for one); texts are any Unicode, lone
surrogates, controls and quotes included.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forgegen.build import BuildOptions, build

from sdk import check_output, import_quietly

# Any text at all: controls, quotes, backslashes, lone surrogates (sent as JSON's
# \ud800 escapes), and a few payloads that would run if they ever became code.
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=24),
    st.sampled_from(['"""', "'''", "\\", '"', "\r\n", "{{ x }}", "__import__('os').system('x')"]),
)
# Names: any text but lone surrogates (which the reader turns into U+FFFD, so two
# distinct names could meet: a spec valid as sent would no longer be).
NAME = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=16)
# Path template parameters: the validator reads templates like str.format does.
PATH_NAME = st.text(
    st.characters(categories=("L", "N"), include_characters="_-"),
    min_size=1,
    max_size=10,
)
SEGMENT = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="{}/?#%"),
    max_size=10,
)


def ref(name: str) -> dict[str, str]:
    """A $ref to a definition: JSON-pointer escaped, then URI-fragment encoded."""
    pointer = name.replace("~", "~0").replace("/", "~1")
    return {"$ref": "#/definitions/" + quote(pointer, safe="")}


@st.composite
def schemas(draw: st.DrawFn, names: list[str], depth: int = 0) -> dict[str, Any]:
    choices = ["string", "integer", "number", "boolean", "enum", "date-time", "array", "ref"]
    if depth < 2:
        choices.append("object")
    kind = draw(st.sampled_from(choices))
    schema: dict[str, Any]
    if kind == "enum":
        schema = {
            "type": "string",
            "enum": draw(st.lists(NAME, min_size=1, max_size=4, unique=True)),
        }
    elif kind == "date-time":
        schema = {"type": "string", "format": "date-time"}
    elif kind == "array":
        schema = {"type": "array", "items": draw(schemas(names, depth + 1))}
    elif kind == "ref":
        return ref(draw(st.sampled_from(names)))
    elif kind == "object":
        props = draw(st.dictionaries(NAME, schemas(names, depth + 1), max_size=3))
        schema = {"type": "object", "properties": props}
    else:
        schema = {"type": kind}
    if draw(st.booleans()):
        schema["description"] = draw(TEXT)
    return schema


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(NAME, min_size=1, max_size=4, unique=True))
    definitions = {}
    for name in names:
        props = draw(st.dictionaries(NAME, schemas(names), min_size=1, max_size=4))
        required = draw(st.lists(st.sampled_from(sorted(props)), unique=True, max_size=2))
        definitions[name] = {"type": "object", "description": draw(TEXT), "properties": props}
        if required:
            definitions[name]["required"] = required
    tags = draw(st.lists(NAME, min_size=1, max_size=3, unique=True))
    paths: dict[str, Any] = {}
    for i in range(draw(st.integers(1, 4))):
        param = draw(PATH_NAME)
        path = f"/{draw(SEGMENT)}{i}/{{{param}}}"
        query = [q for q in draw(st.lists(NAME, max_size=3, unique=True)) if q != param]
        parameters: list[dict[str, Any]] = [
            {"name": param, "in": "path", "required": True, "type": "string"},
            *(
                {"name": q, "in": "query", "type": "string", "description": draw(TEXT)}
                for q in query
            ),
        ]
        if draw(st.booleans()):
            parameters.append({"name": draw(NAME), "in": "header", "type": "integer"})
        method = draw(st.sampled_from(["get", "post", "put", "delete", "patch"]))
        if method != "get" and draw(st.booleans()):
            body = {"name": "body", "in": "body", "schema": ref(draw(st.sampled_from(names)))}
            parameters.append(body)
        response = {"description": draw(TEXT)}
        if draw(st.booleans()):
            response["schema"] = draw(schemas(names))
        paths[path] = {
            method: {
                "operationId": f"{draw(NAME)}{i}",
                "summary": draw(TEXT),
                "description": draw(TEXT),
                "tags": [draw(st.sampled_from(tags))],
                "parameters": parameters,
                "responses": {"200": response},
            }
        }
    return {
        "swagger": "2.0",
        "info": {"title": draw(TEXT), "version": draw(TEXT), "description": draw(TEXT)},
        "tags": [{"name": tag, "description": draw(TEXT)} for tag in tags],
        "paths": paths,
        "definitions": definitions,
    }


def to_openapi3(spec: dict[str, Any]) -> dict[str, Any]:
    """The same API as OpenAPI 3.0: schemas under components, typed parameters,
    request bodies and response content."""
    text = json.dumps(spec).replace('"#/definitions/', '"#/components/schemas/')
    doc = json.loads(text)
    for item in doc["paths"].values():
        for op in item.values():
            params = []
            for param in op["parameters"]:
                if param["in"] == "body":
                    content = {"application/json": {"schema": param["schema"]}}
                    op["requestBody"] = {"content": content}
                    continue
                schema = {"type": param.pop("type")}
                params.append({**param, "schema": schema})
            op["parameters"] = params
            for response in op["responses"].values():
                if "schema" in response:
                    response["content"] = {"application/json": {"schema": response.pop("schema")}}
    return {
        "openapi": "3.0.3",
        "info": doc["info"],
        "tags": doc["tags"],
        "paths": doc["paths"],
        "components": {"schemas": doc["definitions"]},
    }


@pytest.fixture(scope="module", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FORGEGEN_CACHE_DIR", str(tmp_path_factory.mktemp("black-cache")))
        mp.delenv("FORGEGEN_NO_CACHE", raising=False)
        yield


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(spec=specs(), openapi3=st.booleans(), named=st.booleans())
def test_random_valid_specs_build_safe_sdks(
    spec: dict[str, Any], openapi3: bool, named: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / "spec.json"
        document = to_openapi3(spec) if openapi3 else spec
        path.write_text(json.dumps(document, ensure_ascii=True), encoding="utf-8")
        out = root / "sdk"
        # Named from the title, or one name for all, so the modules every SDK shares
        # come from the cache.
        package = None if named else "fuzz_sdk"
        build(BuildOptions(spec=str(path), out=out, package=package, jobs=1))
        package = check_output(out)
        empty = root / "empty"
        empty.mkdir()
        import_quietly(out, package, empty)

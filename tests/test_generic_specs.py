"""What other projects' OpenAPI documents need of the generic profile.

Small inline specs, each holding one shape real third-party specs have and
forge specs do not: schemas that contain themselves, relative and templated
server URLs, cookie parameters, OpenAPI 3.1's boolean schemas and type
lists, responses of any JSON, webhooks without operations. Each SDK is
built, imported, type-checked with ``mypy --strict`` and, where it talks to
a server, run against one on 127.0.0.1.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import pytest
from click.testing import CliRunner

from forgegen import build as pipeline
from forgegen.build import BuildOptions, build
from forgegen.cli.commands import cli
from forgegen.diagnostics import Severity
from forgegen.errors import SpecError

from sdk import load_package


@pytest.fixture(scope="module", autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FORGEGEN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


def _ok(schema: Any) -> dict[str, Any]:
    return {"description": "ok", "content": {"application/json": {"schema": schema}}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


OAS31: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Swagger Petstore - OpenAPI 3.0", "version": "1.0.0"},
    "servers": [
        {
            "url": "http://{host}/base/{version}",
            "variables": {
                "host": {"default": "127.0.0.1:9"},
                "version": {"default": "v2", "enum": ["v1", "v2"]},
            },
        },
        {"url": "https://staging.example.com/base"},
    ],
    "paths": {
        "/nodes/{id}": {
            "get": {
                "operationId": "getNode",
                "tags": ["nodes"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                    {"name": "theme", "in": "cookie", "schema": {"type": "string"}},
                ],
                "responses": {"200": _ok(_ref("Node"))},
            },
            "put": {
                "operationId": "putNode",
                "tags": ["nodes"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "requestBody": {"content": {"application/json": {"schema": _ref("Tree")}}},
                "responses": {"200": _ok({})},
            },
            "delete": {
                "operationId": "deleteNode",
                "tags": ["nodes"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"204": {"description": "gone"}},
            },
        },
        "/anything": {
            "post": {
                "operationId": "postAnything",
                "tags": ["misc"],
                "responses": {"200": _ok({}), "204": {"description": "nothing"}},
            },
            "get": {
                "operationId": "getList",
                "tags": ["misc"],
                "responses": {
                    "200": _ok({"type": "array", "items": {}}),
                    "204": {"description": "-"},
                },
            },
            "patch": {
                "operationId": "patchText",
                "tags": ["misc"],
                "responses": {"200": _ok({"type": "string"}), "204": {"description": "-"}},
            },
        },
    },
    "components": {
        "schemas": {
            "Tree": {"type": "array", "items": _ref("Tree")},
            "Dict": {"type": "object", "additionalProperties": _ref("Dict")},
            "Node": {
                "type": "object",
                "properties": {
                    "name": {"type": ["string", "null"]},
                    "size": {"type": ["integer", "null"]},
                    "either": {"type": ["integer", "string"]},
                    "children": {"type": "array", "items": _ref("Node")},
                    "parent": _ref("Node"),
                    "tree": _ref("Tree"),
                    "dict": _ref("Dict"),
                    "anything": True,
                    "nothing": False,
                    "vote": {"type": "string", "enum": ["+1", "-1", "a b", ""]},
                    "two": {"type": "string", "enum": ["1", "2"]},
                },
            },
        }
    },
}

SWAGGER2: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "GitHub's official OpenAPI spec", "version": "1.0"},
    "basePath": "/v1",
    "paths": {
        "/a": {
            "get": {
                "operationId": "getA",
                "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/A"}}},
            }
        }
    },
    "definitions": {
        # A is B and more; B holds a list of A: recursive through allOf and items
        "A": {
            "allOf": [
                {"$ref": "#/definitions/B"},
                {"type": "object", "properties": {"x": {"type": "string"}}},
            ]
        },
        "B": {
            "type": "object",
            "properties": {"kids": {"type": "array", "items": {"$ref": "#/definitions/A"}}},
        },
        # allOf members that name each other
        "C": {"allOf": [{"$ref": "#/definitions/D"}], "properties": {"c": {"type": "string"}}},
        "D": {"allOf": [{"$ref": "#/definitions/C"}], "properties": {"d": {"type": "string"}}},
        # an alias of a list of itself
        "L": {"type": "array", "items": {"$ref": "#/definitions/L2"}},
        "L2": {"allOf": [{"$ref": "#/definitions/L"}]},
    },
}


def _write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _build(tmp: Path, name: str, document: dict[str, Any], **options: Any) -> pipeline.BuildResult:
    spec = _write(tmp / f"{name}.json", document)
    return build(BuildOptions(spec=str(spec), out=tmp / name, formatter="ruff", **options))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pipeline.BuildResult]:
    tmp = tmp_path_factory.mktemp("generic")
    return {
        "oas31": _build(tmp, "oas31", OAS31),
        "swagger2": _build(tmp, "swagger2", SWAGGER2, package="recursive2_sdk"),
    }


def _sdk(result: pipeline.BuildResult) -> ModuleType:
    return load_package(result.out, result.package)


class _Recorder(BaseHTTPRequestHandler):
    """Answers every request with what it saw; /nodes/deep with a nested node."""

    seen: ClassVar[list[dict[str, Any]]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        request = {
            "method": self.command,
            "path": self.path,
            "cookie": self.headers.get("Cookie"),
            "body": body,
        }
        type(self).seen.append(request)
        if self.command == "DELETE":
            self.send_response(204)
            self.end_headers()
            return
        if self.path.endswith("/nodes/deep"):
            answer: Any = {
                "name": "root",
                "children": [{"name": "a", "children": [{"name": None, "vote": "+1"}]}],
                "parent": {"name": "p", "parent": {"name": "pp"}},
                "tree": [[], [[]]],
                "dict": {"k": {"k2": {}}},
                "either": "x",
                "vote": "-1",
                "two": "2",
                "extra": 1,
            }
        else:
            answer = request
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_PUT = do_POST = do_DELETE = do_PATCH = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# --- recursive schemas, casts, mypy -------------------------------------------------------


def test_recursive_schemas_build_and_pass_mypy_strict(
    built: dict[str, pipeline.BuildResult], tmp_path: Path
) -> None:
    mypy = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path)]
    for result in built.values():
        done = subprocess.run(
            [*mypy, result.package], cwd=result.out, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_models_refer_to_themselves_and_decode_nested_data(
    built: dict[str, pipeline.BuildResult], server: str
) -> None:
    sdk = _sdk(built["oas31"])
    models = sdk.models
    with sdk.Client(f"http://{server}") as client:
        node = client.nodes.get_node("deep")
    assert isinstance(node, models.Node)
    assert isinstance(node.children[0].children[0], models.Node)
    assert node.children[0].children[0].vote is models.NodeVote.PLUS_1
    assert node.parent.parent.name == "pp"
    assert node.tree == [[], [[]]] and node.dict_ == {"k": {"k2": {}}}
    # the server's null comes back as null (a decoded model remembers what was sent)
    assert node.to_dict()["children"][0]["children"][0] == {"name": None, "vote": "+1"}
    assert node.to_dict()["extra"] == 1

    swagger = _sdk(built["swagger2"]).models
    a = swagger.A.from_dict({"x": "1", "kids": [{"x": "2", "kids": [{"x": "3"}]}]})
    assert a.kids[0].kids[0].x == "3"
    assert a.to_dict() == {"x": "1", "kids": [{"x": "2", "kids": [{"x": "3"}]}]}
    c = swagger.C.from_dict({"c": "1", "d": "2"})
    assert (c.c, c.d) == ("1", "2")


def test_responses_of_any_json_and_no_content_are_not_cast(
    built: dict[str, pipeline.BuildResult], server: str
) -> None:
    out = built["oas31"].out / built["oas31"].package
    misc = (out / "api" / "misc.py").read_text(encoding="utf-8")
    assert 'cast(\n            "Any' not in misc and '"Any | None"' not in misc
    sdk = _sdk(built["oas31"])
    with sdk.Client(f"http://{server}") as client:
        assert client.nodes.delete_node("x") is None
        answer = client.misc.post_anything()
    assert answer["method"] == "POST"


# --- servers ------------------------------------------------------------------------------


def test_server_variables_take_their_defaults_and_others_are_listed(
    built: dict[str, pipeline.BuildResult], server: str
) -> None:
    result = built["oas31"]
    sdk = _sdk(result)
    client_module = sys.modules[f"{result.package}._client"]
    assert client_module.DEFAULT_URL == "http://127.0.0.1:9/base/v2"
    assert client_module.api_root("http://h:1") == "http://h:1/base/v2"
    assert client_module.api_root("http://h:1/base/v2/") == "http://h:1/base/v2"
    doc = sdk.Client.__doc__ or ""
    readme = (result.out / "README.md").read_text(encoding="utf-8")
    for text in (doc, readme):
        assert "http://127.0.0.1:9/base/v2" in text
        assert "https://staging.example.com/base" in text
        assert "the first is the default" in text
    _Recorder.seen.clear()
    with sdk.Client(f"http://{server}") as client:
        client.nodes.get_node("n1")
    assert _Recorder.seen[-1]["path"] == "/base/v2/nodes/n1"


@pytest.mark.parametrize(
    ("url", "given", "path"),
    [
        ("/v1", "http://{server}/ignored/path", "/v1/nodes/x"),
        ("/v1/", "http://{server}", "/v1/nodes/x"),
        ("v2", "http://{server}/api/", "/api/v2/nodes/x"),
        ("v2", "http://{server}", "/v2/nodes/x"),
        ("//{server}/v1", "http://127.0.0.1:9/elsewhere", "/v1/nodes/x"),
    ],
)
def test_relative_server_urls_resolve_against_the_client_url(
    tmp_path: Path, server: str, url: str, given: str, path: str
) -> None:
    document = {
        "openapi": "3.0.3",
        "info": {"title": f"Relative {url}", "version": "1"},
        "servers": [{"url": url.format(server=server)}],
        "paths": {
            "/nodes/{id}": {
                "get": {
                    "operationId": "getNode",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {"200": _ok({"type": "object"})},
                }
            }
        },
    }
    result = _build(tmp_path, "relative", document, package="relative_sdk")
    sdk = _sdk(result)
    try:
        _Recorder.seen.clear()
        with sdk.Client(given.format(server=server)) as client:
            client.default.get_node("x")
        assert _Recorder.seen[-1]["path"] == path
    finally:
        for name in [n for n in sys.modules if n.startswith("relative_sdk")]:
            del sys.modules[name]
        sys.path.remove(str(result.out))


# --- cookies, OpenAPI 3.1 schemas, names, texts --------------------------------------------


def test_cookie_parameters_are_sent_as_cookies(
    built: dict[str, pipeline.BuildResult], server: str
) -> None:
    sdk = _sdk(built["oas31"])
    _Recorder.seen.clear()
    with sdk.Client(f"http://{server}") as client:
        client.nodes.get_node("n", session="abc; evil=1", theme="dark")
        client.nodes.get_node("n", theme="light")
        client.nodes.get_node("n")
    cookies = [r["cookie"] for r in _Recorder.seen]
    assert cookies == ["session=abc%3B%20evil=1; theme=dark", "theme=light", None]


def test_openapi_31_schemas_are_understood_without_warnings(
    built: dict[str, pipeline.BuildResult],
) -> None:
    result = built["oas31"]
    warnings = [d for d in result.diagnostics.items if d.severity is not Severity.NOTE]
    assert warnings == []
    fields = _sdk(result).models.Node.__annotations__
    assert fields["name"] == "str | None"
    assert fields["size"] == "int | None"
    assert fields["either"] == "Any | None"  # a union of two types


def test_package_name_comes_from_the_title(built: dict[str, pipeline.BuildResult]) -> None:
    assert built["oas31"].package == "petstore_sdk"
    assert built["swagger2"].package == "recursive2_sdk"  # --package-name still decides


def test_enum_values_that_are_not_names_get_readable_ones(
    built: dict[str, pipeline.BuildResult],
) -> None:
    models = _sdk(built["oas31"]).models
    assert [(m.name, m.value) for m in models.NodeVote] == [
        ("PLUS_1", "+1"),
        ("MINUS_1", "-1"),
        ("A_B", "a b"),
        ("EMPTY", ""),
    ]
    assert [m.name for m in models.NodeTwo] == ["VALUE_1", "VALUE_2"]


def test_generic_texts_do_not_say_forge(built: dict[str, pipeline.BuildResult]) -> None:
    for result in built.values():
        for path in result.out.rglob("*"):
            if path.is_file() and path.suffix in (".py", ".md", ".toml"):
                text = path.read_text(encoding="utf-8").lower().replace("forgegen", "")
                assert "forge" not in text, (path, text[text.find("forge") - 80 :][:160])
    assert _sdk(built["oas31"]).SdkError.__doc__


# --- documents without operations, invalid documents ---------------------------------------


def test_a_webhooks_only_document_says_it_has_no_operations(tmp_path: Path) -> None:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "Webhook Example", "version": "1.0.0"},
        "webhooks": {
            "newPet": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": _ref("Pet")}}},
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "components": {
            "schemas": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}}
        },
    }
    spec = _write(tmp_path / "hooks.json", document)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--spec", str(spec), "--out", str(out)])
    # valid, and its models are worth having: built, with a warning that says why it is empty
    assert result.exit_code == 0, result.output
    assert (
        "hooks.json#/webhooks: the spec has no operations, only 1 webhook(s) "
        "(requests the server sends, not calls a client makes)" in result.output
    )
    assert (out / "webhook_example_sdk" / "models" / "__init__.py").is_file()
    assert list((out / "webhook_example_sdk" / "models").glob("_[!_]*.py"))


INVALID: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Broken", "version": "1"},
    "paths": {"/x": {"get": {"operationId": "x", "responses": {"200": {"content": {}}}}}},
}


def test_an_invalid_document_stops_before_formatting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The render is made slow, so the validator's verdict comes meanwhile:
    the build must stop there, never format, and write nothing."""
    spec = _write(tmp_path / "broken.json", INVALID)
    render = pipeline._render
    formatted: list[int] = []

    def slow_render(*args: Any) -> Any:
        time.sleep(4)
        return render(*args)

    monkeypatch.setattr(pipeline, "_render", slow_render)
    monkeypatch.setattr(pipeline, "format_files", lambda *a, **k: formatted.append(1) or {})
    with pytest.raises(SpecError) as caught:
        build(BuildOptions(spec=str(spec), out=tmp_path / "out"))
    assert "broken.json#/paths/~1x/get/responses/200" in str(caught.value)
    assert formatted == []
    assert not (tmp_path / "out").exists()


def test_an_invalid_document_with_a_known_verdict_renders_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = _write(tmp_path / "broken.json", INVALID)
    with pytest.raises(SpecError):
        build(BuildOptions(spec=str(spec), out=tmp_path / "out"))  # caches the verdict
    seen: list[str] = []
    with pytest.raises(SpecError) as caught:
        build(BuildOptions(spec=str(spec), out=tmp_path / "out"), progress=seen.append)
    assert "#/paths/~1x/get/responses/200" in str(caught.value)
    assert not any(line.startswith(("rendering", "formatting")) for line in seen), seen
    assert not (tmp_path / "out").exists()

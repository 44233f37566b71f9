"""Gitea 1.27 serves its API twice, as Swagger 2.0 (/swagger.v1.json) and as
OpenAPI 3.0.3 (/openapi3.v1.json). The SDKs built from the two must offer the
same methods with the same parameters, bodies and return types, read the same
way; the one difference allowed is listed below with its reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from forgegen import ir
from forgegen.build import load_spec, sdk_api

from sdk import build_sdk, load_package, run_python
from surface import api_surface

pytestmark = pytest.mark.slow

SWAGGER, OPENAPI3 = "gitea/1.27.json", "gitea/1.27-openapi3.json"

# The one difference, and why it is allowed: Swagger 2.0 writes every enum
# inline, so its SDK names each after the field it sits in (IssueState,
# MilestoneState); OpenAPI 3 names the shared schema (StateType). The values,
# and so what goes over the wire, are the same; only the class names differ.
# Models are therefore compared with every enum replaced by its values.


def _type(t: ir.TypeRef | None, enums: dict[str, tuple[str, ...]]) -> Any:
    if t is None:
        return None
    if t.kind == "enum":
        return ("enum", enums[t.name])
    return (t.kind, t.name, _type(t.item, enums), t.values)


def _operations(api: ir.Api) -> dict[str, Any]:
    """Everything a method's signature and its reading of the answer depend on."""
    enums = {e.name: tuple(v.value for v in e.values) for e in api.enums}
    found = {}
    for group in api.groups:
        for op in group.operations:
            body = op.body
            found[op.operation_id] = {
                "method": f"{group.attr}.{op.name}",
                "route": f"{op.method} {op.path}",
                "parameters": [
                    # How a value is spread over the query matters for arrays only.
                    (p.name, p.wire_name, p.location, _type(p.type, enums), p.required)
                    + ((p.explode,) if p.type.kind == "list" else ())
                    for p in op.parameters
                ],
                "body": None
                if body is None
                else (
                    body.name,
                    body.kind,
                    body.content_type,
                    _type(body.type, enums),
                    body.required,
                    [
                        (f.name, f.wire_name, _type(f.type, enums), f.required, f.is_file)
                        for f in body.form_fields
                    ],
                ),
                "result": (op.result.kind, _type(op.result.type, enums), op.result.optional),
                "paged": None
                if op.pagination is None
                else (op.pagination.limit, _type(op.pagination.item, enums)),
            }
    return found


def _models(api: ir.Api) -> dict[str, Any]:
    enums = {e.name: tuple(v.value for v in e.values) for e in api.enums}
    return {
        m.name: [(f.name, f.wire_name, _type(f.type, enums), f.required) for f in m.fields]
        for m in api.models
    }


@pytest.fixture(scope="module")
def apis(shared_specs: Path) -> tuple[ir.Api, ir.Api]:
    twins = [sdk_api(load_spec(str(shared_specs / name))) for name in (SWAGGER, OPENAPI3)]
    return twins[0], twins[1]


def test_both_formats_give_the_same_methods_parameters_bodies_and_results(
    apis: tuple[ir.Api, ir.Api],
) -> None:
    swagger, openapi3 = (_operations(api) for api in apis)
    assert len(swagger) == 482
    assert sorted(swagger) == sorted(openapi3)
    differing = [op_id for op_id in sorted(swagger) if swagger[op_id] != openapi3[op_id]]
    shown = {
        op_id: {
            k: (v, openapi3[op_id][k]) for k, v in swagger[op_id].items() if v != openapi3[op_id][k]
        }
        for op_id in differing[:5]
    }
    assert differing == [], shown


def test_the_answers_the_openapi3_document_mislabels_are_read_as_the_server_sends(
    apis: tuple[ir.Api, ir.Api],
) -> None:
    ops = {op.operation_id: op for op in apis[1].operations}
    assert {
        ops[i].result.kind for i in ("renderMarkdown", "renderMarkdownRaw", "renderMarkup")
    } == {"text"}
    assert ops["repoDownloadPullDiffOrPatch"].result.kind == "text"
    assert ops["repoDownloadCommitDiffOrPatch"].result.kind == "text"
    assert ops["getVerificationToken"].result.kind == "text"
    for op_id in ("repoGetArchive", "downloadActionsRunJobLogs", "repoGetEditorConfig"):
        assert ops[op_id].result.kind == "bytes", op_id
    token = ops["adminCreateRunnerRegistrationToken"].result
    assert (token.kind, token.type) == ("json", ir.TypeRef("model", "RegistrationToken"))


def test_both_formats_give_the_same_models_up_to_enum_names(
    apis: tuple[ir.Api, ir.Api],
) -> None:
    swagger, openapi3 = (_models(api) for api in apis)
    assert sorted(swagger) == sorted(openapi3)
    assert {n for n in swagger if swagger[n] != openapi3[n]} == set()
    # The enums themselves: the same sets of values, under other names.
    values = [{tuple(v.value for v in e.values) for e in api.enums} for api in apis]
    assert values[0] == values[1]
    names = [{e.name for e in api.enums} for api in apis]
    assert names[0] != names[1]  # the difference above is real, not hypothetical


def test_the_generated_modules_are_the_same(
    shared_specs: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("twins")
    packages = {SWAGGER: "gitea_twin_swagger", OPENAPI3: "gitea_twin_openapi3"}
    outs = {
        name: build_sdk(shared_specs / name, root / package, package=package, formatter="ruff")
        for name, package in packages.items()
    }
    surfaces = []
    for name, package in packages.items():
        load_package(outs[name], package)
        surfaces.append(
            [line for line in api_surface(outs[name], package) if line.startswith("Api ")]
        )
    assert len(surfaces[0]) == 482
    assert surfaces[0] == surfaces[1]
    # Every module but the models (whose enum classes are named differently,
    # see above) is the same text: methods, decoders, auth, client, runtime.
    swagger_root = outs[SWAGGER] / packages[SWAGGER]
    modules = sorted(
        p for p in swagger_root.rglob("*.py") if p.relative_to(swagger_root).parts[0] != "models"
    )
    assert len(modules) > 10
    for module in modules:
        twin = outs[OPENAPI3] / packages[OPENAPI3] / module.relative_to(swagger_root)
        texts = [
            path.read_text(encoding="utf-8")
            .replace(package, "PACKAGE")
            .replace(package.replace("_", "-"), "PACKAGE")
            for path, package in ((module, packages[SWAGGER]), (twin, packages[OPENAPI3]))
        ]
        assert texts[0] == texts[1], module.name
    _reads_what_the_server_sends(outs[OPENAPI3], packages[OPENAPI3])


def _reads_what_the_server_sends(out: Path, package: str) -> None:
    """The OpenAPI 3 SDK against the bodies Gitea writes: HTML, a diff, an
    archive and a JSON token, none of which its document declares right."""
    code = f"""
import httpx
from {package} import Client

ANSWERS = {{
    "/api/v1/markdown": (b"<p>hi</p>", "text/html; charset=utf-8"),
    "/api/v1/repos/o/r/pulls/1.diff": (b"diff --git a/x b/x", "text/plain; charset=utf-8"),
    "/api/v1/repos/o/r/archive/main.zip": (b"PK\\x03\\x04\\xff", "application/zip"),
    "/api/v1/admin/actions/runners/registration-token": (b'{{"token": "AAA"}}', "application/json"),
}}

def answer(request):
    body, kind = ANSWERS[request.url.path]
    return httpx.Response(200, content=body, headers={{"content-type": kind}})

http = httpx.Client(base_url="https://forge.test/api/v1/", transport=httpx.MockTransport(answer))
with Client("https://forge.test", http_client=http) as client:
    print(repr(client.miscellaneous.render_markdown()))
    print(repr(client.repository.download_pull_diff_or_patch("o", "r", 1, "diff")))
    print(repr(client.repository.get_archive("o", "r", "main.zip")))
    print(client.admin.create_runner_registration_token().token)
"""
    result = run_python(code, cwd=out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "'<p>hi</p>'",
        "'diff --git a/x b/x'",
        "b'PK\\x03\\x04\\xff'",
        "AAA",
    ]

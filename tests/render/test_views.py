"""The template views: decisions made in Python before any template runs."""

from __future__ import annotations

import pytest

from forgegen import ir
from forgegen.render.views import ModelView, models_view


def model(name: str, wire_name: str, description: str = "") -> ModelView:
    return ModelView(ir.Model(name, wire_name, (), description, "/x"), ())


@pytest.mark.parametrize(
    ("wire_name", "docstring"),
    [
        (
            "/paths/~1user~1repos/post/requestBody/content/application~1json/schema",
            "The request body of ``POST /user/repos``.",
        ),
        (
            "/paths/~1repos~1{owner}~1{repo}~1issues/post/parameters/0/schema",
            "The request body of ``POST /repos/{owner}/{repo}/issues``.",
        ),
        (
            "/paths/~1users~1search/get/responses/200/schema",
            "The 200 response of ``GET /users/search``.",
        ),
        (
            "/components/schemas/Collaborator/allOf/1/properties/permissions",
            "The ``permissions`` field of ``Collaborator``.",
        ),
        (
            "/definitions/Branch/properties/commit/properties/author",
            "The ``commit.author`` field of ``Branch``.",
        ),
        (
            "/components/schemas/Commit/properties/parents/items",
            "An item of the ``parents`` field of ``Commit``.",
        ),
        (
            "/definitions/Odd~0Name/additionalProperties",
            "The schema at ``/definitions/Odd~0Name/additionalProperties``.",
        ),
        ("api.Thing", "The ``api.Thing`` schema."),
    ],
)
def test_an_inline_model_says_where_it_comes_from(wire_name: str, docstring: str) -> None:
    assert model("Generated", wire_name).docstring == docstring


def test_a_model_named_as_in_the_spec_needs_no_docstring_unless_described() -> None:
    assert model("Issue", "Issue").docstring == ""
    assert model("Issue", "Issue", "An issue.").docstring == "An issue."
    assert model("Generated", "/paths/~1x/get/responses/200/schema", "Said.").docstring == "Said."


@pytest.mark.parametrize(
    ("name", "wire", "required", "secret", "default"),
    [
        ("title", "title", True, False, ""),
        ("title", "title", False, False, " = None"),
        ("token", "token", False, True, " = field(default=None, repr=False)"),
        ("class_", "class", True, False, ' = field(metadata={"wire": "class"})'),
        (
            "sha_1",
            "sha1",
            False,
            True,
            ' = field(default=None, repr=False, metadata={"wire": "sha1"})',
        ),
    ],
)
def test_a_field_needs_dataclasses_field_only_beyond_a_plain_default(
    name: str, wire: str, required: bool, secret: bool, default: str
) -> None:
    field = ir.Field(name, wire, ir.TypeRef("str"), required, "", secret)
    model = ir.Model("Thing", "Thing", (field,), "", "/definitions/Thing")
    api = ir.Api("T", "1", "", "swagger 2.0", "/api/v1", (), (model,), (), ())
    view = models_view(api)[0].fields[0]
    assert view.default == default
    assert view.uses_field == default.startswith(" = field(")

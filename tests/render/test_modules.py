"""The layout of the generated ``models`` package: which module holds which model."""

from __future__ import annotations

from forgegen import ir
from forgegen.render.modules import model_modules
from forgegen.render.views import models_view


def _model(name: str, *refs: str, enum: str = "") -> ir.Model:
    fields = [
        ir.Field(r.lower(), r.lower(), ir.TypeRef("model", r), False, "", False) for r in refs
    ]
    if enum:
        fields.append(ir.Field("state", "state", ir.TypeRef("enum", enum), False, "", False))
    return ir.Model(name, name, tuple(fields), "", f"/definitions/{name}")


def _modules(*models: ir.Model, enums: tuple[ir.Enum, ...] = ()) -> dict[str, tuple[str, ...]]:
    api = ir.Api("T", "1", "", "swagger 2.0", "/api/v1", (), models, enums, ())
    return {m.stem: m.names for m in model_modules(api, models_view(api))}


def test_each_model_has_a_module_and_an_enum_lives_with_its_only_user() -> None:
    def enum(name: str) -> ir.Enum:
        return ir.Enum(name, (ir.EnumValue("OPEN", "open"),), "", f"/definitions/{name}")

    modules = _modules(
        _model("Issue", "User", enum="State"),
        _model("User", enum="Kind"),
        _model("Team", enum="Kind"),
        enums=(enum("State"), enum("Kind"), enum("Unused")),
    )
    assert modules == {
        "_issue": ("State", "Issue"),  # State is only Issue's: it comes along
        "_kind": ("Kind",),  # two models use it
        "_team": ("Team",),
        "_unused": ("Unused",),  # no model uses it (an operation may)
        "_user": ("User",),
    }


def test_models_in_a_cycle_share_a_module_and_the_imports_between_modules_have_none() -> None:
    models = (
        _model("Node", "Node"),  # refers to itself only: alone
        _model("A", "B"),
        _model("B", "C"),
        _model("C", "A", "Leaf"),
        _model("Root", "A"),
        _model("Leaf"),
    )
    api = ir.Api("T", "1", "", "swagger 2.0", "/api/v1", (), models, (), ())
    modules = model_modules(api, models_view(api))
    assert {m.stem: m.names for m in modules} == {
        "_node": ("Node",),
        "_a": ("A", "B", "C"),
        "_root": ("Root",),
        "_leaf": ("Leaf",),
    }
    imports = {m.stem: dict(m.imports) for m in modules}
    assert imports == {
        "_node": {},
        "_a": {"_leaf": ("Leaf",)},
        "_root": {"_a": ("A",)},
        "_leaf": {},
    }


def test_module_names_differ_where_the_file_system_ignores_case() -> None:
    modules = _modules(_model("APIError"), _model("ApiError"), _model("Api_Error"))
    assert sorted(modules) == ["_api_error", "_api_error_2", "_api_error_3"]
    assert sorted(n for names in modules.values() for n in names) == [
        "APIError",
        "ApiError",
        "Api_Error",
    ]


def test_a_deep_chain_of_models_needs_no_deep_stack() -> None:
    chain = [_model(f"M{i}", f"M{i + 1}") for i in range(3000)] + [_model("M3000", "M0")]
    modules = _modules(*chain)
    assert list(modules.values()) == [tuple(f"M{i}" for i in range(3001))]

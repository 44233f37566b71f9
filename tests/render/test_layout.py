"""render/layout.py writes what black would write, so black has nothing to redo.

Black still formats every build; these tests pin the speed-up, not the
output's correctness (which the snapshot and compile tests cover): a shape
laid out differently from black's choice makes black slower, never wrong.
"""

from __future__ import annotations

import keyword
from pathlib import Path

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forgegen.build import load_spec, sdk_api
from forgegen.format.with_black import MODE
from forgegen.render import layout
from forgegen.render.layout import (
    Brackets,
    Nested,
    Parameter,
    docstring_literal,
    import_from,
    lay_out,
)
from forgegen.render.package import Provenance, render_package

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "specs"


def black_keeps(code: str) -> None:
    assert black.format_str(code, mode=MODE) == code


def method(signature: str, body: str) -> str:
    return f"class C:\n    {signature}\n        {body}\n"


def test_a_statement_that_fits_stays_on_one_line() -> None:
    call = Brackets("(", ('"GET"', '"/version"', "decode=json_value"), ")")
    assert lay_out(8, "return self._client.call", call) == (
        'return self._client.call("GET", "/version", decode=json_value)'
    )


def test_arguments_that_fit_on_one_line_of_their_own_get_one() -> None:
    params = Brackets("(", ("self", Parameter("owner", "str"), Parameter("repository", "str")), ")")
    text = lay_out(4, "def get_a_rather_long_method_name_for_this_test", params, " -> Repository:")
    assert text == (
        "def get_a_rather_long_method_name_for_this_test(\n"
        "        self, owner: str, repository: str\n"
        "    ) -> Repository:"
    )
    black_keeps(method(text, "return None"))


def test_a_display_is_exploded_and_every_item_gets_a_trailing_comma() -> None:
    query = Nested("query=", Brackets("{", tuple(f'"k{i}": v{i}' for i in range(12)), "}", True))
    call = Brackets("(", ('"GET"', '"/x"', query, "decode=nothing"), ")")
    text = lay_out(8, "return self._client.call", call)
    lines = text.splitlines()
    assert lines[3] == "            query={"
    assert lines[4] == '                "k0": v0,'
    assert lines[-1] == "        )"
    black_keeps(method("def f(self) -> None:", text))


def test_a_long_argument_is_split_at_its_own_last_call() -> None:
    decode = 'opt(PayloadCommitVerification.from_dict, d.pop("verification", None))'
    item = f"verification_of_the_commit={decode}"
    text = lay_out(8, "return cls", Brackets("(", (item, "additional_properties=d"), ")"))
    assert "            verification_of_the_commit=opt(\n" in text
    black_keeps(method("def f(self) -> None:", text))


def test_a_long_optional_annotation_is_parenthesised_and_split_at_the_bar() -> None:
    values = ", ".join(f'"value-number-{i}"' for i in range(9))
    params = Brackets(
        "(", ("self", "*", Parameter("sort", f"Literal[{values}] | None", "None")), ")"
    )
    text = lay_out(4, "def f", params, " -> None:")
    assert "        sort: (\n" in text and "            | None\n" in text
    assert "        ) = None,\n" in text
    black_keeps(method(text, "return None"))


def test_strings_hide_their_brackets_commas_and_escaped_quotes() -> None:
    split = layout._split('x=f("a, (b\\", [c", g(d, e))')
    assert split == Nested("x=f", Brackets("(", ('"a, (b\\", [c"', "g(d, e)"), ")"))
    # A tuple is a display (exploded when split); a parenthesised expression is left alone.
    assert layout._split("keep=(a, b)") == Nested("keep=", Brackets("(", ("a", "b"), ")", True))
    assert layout._split("total = (a + b)") is None
    assert layout._split("f(a, b,)") is None  # a magic trailing comma
    assert layout._split("list[int]") is None  # a subscript, outside annotations
    assert layout._split('f("unclosed)') is None


def test_imports_are_parenthesised_one_per_line_when_too_long() -> None:
    assert import_from("..models", ["A", "B"]) == "from ..models import A, B"
    names = [f"SomeRatherLongModelName{i}" for i in range(5)]
    text = import_from("..models", names)
    assert text.splitlines()[1] == "    SomeRatherLongModelName0,"
    black_keeps(text + "\n")


def test_docstrings_are_reindented_and_long_last_lines_close_below() -> None:
    text = docstring_literal("First line.\n  second\n    third " + "x" * 80, 4)
    assert text.splitlines()[1] == "    second"
    assert text.splitlines()[2].startswith("      third ")
    assert text.endswith('\n    """')
    black_keeps(f"class C:\n    {text}\n")
    assert docstring_literal('ends with a quote"', 4) == '"""ends with a quote\\""""'


NAMES = st.from_regex(r"[a-z][a-z_]{0,30}", fullmatch=True).filter(
    lambda n: not keyword.iskeyword(n) and n not in ("self", "match", "case", "type", "_")
)
ANNOTATIONS = st.sampled_from(
    ["str", "int | None", "list[str] | None", "datetime.datetime | None", "SomeModelName"]
) | st.lists(st.from_regex(r"[a-z\-]{1,14}", fullmatch=True), min_size=1, max_size=12).map(
    lambda vs: "Literal[" + ", ".join(f'"{v}"' for v in vs) + "] | None"
)


@settings(max_examples=150, deadline=None)
@given(
    name=NAMES,
    positional=st.lists(st.tuples(NAMES, ANNOTATIONS), max_size=4, unique_by=lambda p: p[0]),
    keyword_only=st.lists(st.tuples(NAMES, ANNOTATIONS), max_size=12, unique_by=lambda p: p[0]),
    returns=st.sampled_from(["None", "Repository", "Paginator[Issue]", "list[LabelTemplate]"]),
)
def test_black_keeps_every_laid_out_method(
    name: str,
    positional: list[tuple[str, str]],
    keyword_only: list[tuple[str, str]],
    returns: str,
) -> None:
    taken = {n for n, _ in positional}
    keyword_only = [(n, a) for n, a in keyword_only if n not in taken]
    params: list[layout.Item] = ["self", *(Parameter(n, a) for n, a in positional)]
    if keyword_only:
        params += ["*", *(Parameter(n, a, "None") for n, a in keyword_only)]
    signature = lay_out(4, f"def {name}", Brackets("(", tuple(params), ")"), f" -> {returns}:")
    query = Brackets("{", tuple(f'"{n}": {n}' for n, _ in keyword_only), "}", display=True)
    args: tuple[layout.Item, ...] = ('"GET"', '"/repos/{owner}/{repo}"')
    if keyword_only:
        args += (Nested("query=", query),)
    args += (f"decode=json_of({returns}.from_dict)",)
    body = lay_out(8, "return self._client.call", Brackets("(", args, ")"))
    black_keeps(method(signature, body))


def _unformatted(spec: Path) -> dict[str, str]:
    loaded = load_spec(str(spec))
    return render_package(
        sdk_api(loaded),
        package="sdk",
        profile=loaded.profile,
        provenance=Provenance(spec.name, loaded.source.sha256),
    )


SPECS = [REPO / "specs" / name for name in ("mini-gitea.json", "mini-gogs.json", "edge-cases.json")]
REAL = [
    SHARED / "gitea" / "1.25.json",
    SHARED / "gitea" / "1.17.json",
    SHARED / "forgejo" / "11.json",
    SHARED / "gogs" / "openapi.json",
]


@pytest.mark.parametrize(
    "spec",
    [*SPECS, *(pytest.param(p, marks=pytest.mark.slow) for p in REAL)],
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_black_keeps_every_module_as_rendered(spec: Path) -> None:
    if not spec.is_file():
        pytest.skip(f"{spec} is not here (../shared is absent)")
    files = _unformatted(spec)
    modules = [p for p in files if p.endswith(".py")]
    expected = {"models/__init__", "_client", "_pagination", "_runtime", "auth", "errors"}
    expected.add("__init__")
    assert {f"sdk/{name}.py" for name in expected} <= set(modules)
    for folder in ("sdk/api/", "sdk/models/"):
        assert any(p.startswith(folder) and not p.endswith("__init__.py") for p in modules)
    changed = [p for p in modules if black.format_str(files[p], mode=MODE) != files[p]]
    assert changed == []


def test_an_indented_import_keeps_its_indentation_on_every_line() -> None:
    names = [f"SomeRatherLongGroupApiName{i}" for i in range(4)]
    text = "if TYPE_CHECKING:\n    " + import_from(".api.group", names, 4) + "\n"
    assert text.splitlines()[-1] == "    )"
    black_keeps(text)


@pytest.mark.parametrize("length", [10, 60, 75, 90])
def test_a_long_assignment_splits_its_value_then_its_target(length: int) -> None:
    header = '"X-' + "A" * length + '"'
    text = layout.assign(12, f"request.headers[{header}]", "self._otp")
    assert len(text.splitlines()) == (1 if length == 10 else 3)
    black_keeps(f"class C:\n    def f(self) -> None:\n        if x:\n            {text}\n")


@pytest.mark.parametrize("length", [10, 70, 90])
def test_a_lone_parameter_gets_a_trailing_comma_when_split(length: int) -> None:
    name = "group_" + "x" * length
    text = layout.lay_out(4, f"def {name}", layout.parameters(["self"]), " -> SomeGroupApi:")
    assert ("self,\n" in text) == (len(f"    def {name}(self) -> SomeGroupApi:") > 88)
    black_keeps(method(text, "return None"))


@pytest.mark.parametrize("count", [1, 3, 6, 12])
def test_a_long_literal_without_a_bar_splits_at_its_subscript(count: int) -> None:
    names = [f'"access_token_number_{i}"' for i in range(count)]
    param = Parameter("param", "Literal[" + ", ".join(names) + "]", names[0])
    items = ["self", Parameter("token", "str"), param]
    text = layout.lay_out(4, "def __init__", layout.parameters(items), " -> None:")
    black_keeps(method(text, "return None"))
    tuple_line = "params = (" + ", ".join(names) + ("," if count == 1 else "") + ")"
    black_keeps("class C:\n    " + layout.lay_out_line(4, tuple_line) + "\n")

"""naming.py: every spec name becomes a safe, readable, stable Python name."""

from __future__ import annotations

import keyword

import pytest

from forgegen import naming


@pytest.mark.parametrize(
    ("spec_name", "expected"),
    [
        ("repoGetRawFileOrLFS", "repo_get_raw_file_or_lfs"),
        ("getGeneralAPISettings", "get_general_api_settings"),
        ("repoGetByID", "repo_get_by_id"),
        ("userVerifyGPGKey", "user_verify_gpg_key"),
        ("GetTree", "get_tree"),
        ("status-types", "status_types"),
        ("not", "not_"),
        ("id", "id"),  # builtins are fine as attributes and keyword arguments
        ("type", "type"),
        ("next", "next"),
        ("format", "format"),
        ("match", "match"),  # a soft keyword is a valid name
        ("class", "class_"),
        ("from", "from_"),
        ("import", "import_"),
        ("self", "self_"),
        ("int", "int_"),  # would shadow an annotation inside a model's class body
        ("content", "content"),  # a field may be called so (an argument not: see below)
        ("__init__", "init"),
        ("_private", "private"),
        ("2fa-enabled", "value_2_fa_enabled"),
        ("@context", "context"),
        ("über", "uber"),
        ("x.y", "x_y"),
        ("", "value"),
        ("!!!", "value"),
    ],
)
def test_snake(spec_name: str, expected: str) -> None:
    assert naming.snake(spec_name) == expected


@pytest.mark.parametrize(
    ("spec_name", "expected"),
    [
        ("GPGKey", "GPGKey"),  # valid PascalCase stays verbatim
        ("APIError", "APIError"),
        ("foo_bar", "FooBar"),
        ("repo settings & more", "RepoSettingsMore"),
        ("3d-model", "Schema_3DModel"),
        ("None", "None_"),
    ],
)
def test_pascal(spec_name: str, expected: str) -> None:
    assert naming.pascal(spec_name) == expected


def test_arguments_do_not_hide_what_a_method_body_calls() -> None:
    assert [naming.argument(n) for n in ("content", "text", "dump", "cast", "id")] == [
        "content_",
        "text_",
        "dump_",
        "cast_",
        "id",
    ]


def test_constants_of_enum_values() -> None:
    assert naming.constant("rebase-merge") == "REBASE_MERGE"
    assert naming.constant("fast-forward-only") == "FAST_FORWARD_ONLY"
    assert naming.constant("1st") == "VALUE_1_ST"


@pytest.mark.parametrize(
    "text", ["class", "def", "__import__('os')", "a\nb", "\x00", "é" * 3, "0", "print", "_", "True"]
)
def test_identifier_is_always_safe(text: str) -> None:
    name = naming.identifier(text)
    assert name.isidentifier() and name.isascii()
    assert not keyword.iskeyword(name)
    assert not name.startswith("_")


def test_scope_resolves_collisions_in_claim_order_ignoring_case() -> None:
    scope = naming.Scope(["self"])
    assert scope.claim("foo_bar") == "foo_bar"
    assert scope.claim("foo_bar") == "foo_bar_2"
    assert scope.claim("Foo_Bar") == "Foo_Bar2"  # "foo_bar" is taken, whatever the case
    classes = naming.Scope()
    assert [classes.claim("FooBar"), classes.claim("FooBar"), classes.claim("FOO")] == [
        "FooBar",
        "FooBar2",
        "FOO",
    ]
    assert classes.claim("FOO") == "FOO_2"


def test_tag_prefix_is_stripped_only_when_it_repeats_the_tag() -> None:
    words = naming.split_words
    assert naming.strip_prefix(words("repoGetBranch"), "repository") == ["Get", "Branch"]
    assert naming.strip_prefix(words("notifyGetList"), "notification") == ["Get", "List"]
    assert naming.strip_prefix(words("issueGetIssue"), "issue") == ["Get", "Issue"]
    assert naming.strip_prefix(words("getVersion"), "miscellaneous") == ["get", "Version"]
    assert naming.strip_prefix(words("repo"), "repository") == ["repo"]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("../../evil", "evil"),
        ("a/b", "a_b"),
        ("..", "default"),
        ("C:\\Windows", "c_windows"),
        ("con", "con_"),
        ("Aux", "aux_"),
        ("nul.txt", "nul_txt"),
        ("x" * 300, "x" * naming.MODULE_LENGTH),
        ("a_" * 100, "a_" * 31 + "a"),
    ],
)
def test_module_names_are_file_names_on_every_system(tag: str, expected: str) -> None:
    assert naming.module(tag, fallback="default") == expected


def test_usable() -> None:
    assert naming.usable("a") and naming.usable("über") and naming.usable("2")
    assert not any(naming.usable(t) for t in ("", "!!!", "日本", "\U0001f600", "\x00"))


@pytest.mark.parametrize(
    ("title", "package"),
    [
        ("Swagger Petstore - OpenAPI 3.0", "petstore_sdk"),
        ("GitHub's official OpenAPI spec", "github_sdk"),
        ("GitHub\u2019s official OpenAPI spec + Octokit extension", "github_sdk"),
        ("Stripe API", "stripe_sdk"),
        ("Airflow API (Stable)", "airflow_sdk"),
        ("Amazon S3 on Outposts", "amazon_s3_outposts_sdk"),
        ("Open Banking", "open_banking_sdk"),
        ("API", "api_sdk"),
        ("", "api_sdk"),
        ("1Password Connect", "api_1password_connect_sdk"),
    ],
)
def test_package_names_from_titles_are_short(title: str, package: str) -> None:
    assert naming.package_from_title(title) == package


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("+1", "PLUS_1"),
        ("-1", "MINUS_1"),
        ("a b", "A_B"),
        ("", "EMPTY"),
        ("<=", "LT_EQ"),
        ("*", "STAR"),
        ("rebase-merge", "REBASE_MERGE"),
        ("2", "VALUE_2"),
    ],
)
def test_enum_values_get_readable_names(value: str, name: str) -> None:
    assert naming.constant(value) == name

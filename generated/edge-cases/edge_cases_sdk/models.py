"""The data models of the Edge Cases, 0.1.0.

Every model keeps the JSON fields it does not know in
``additional_properties``, and every enum accepts values it does not know,
so this package keeps working against newer servers.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ._runtime import Model, OpenEnum, decoded_from, need, opt, parse_datetime

__all__ = [
    "A",
    "B",
    "Color",
    "FooBar",
    "FooBar2",
    "Keywords",
    "KeywordsType",
    "WeirdNames",
]


class Color(OpenEnum):
    """Three values that all become A_B under a naive UPPER_SNAKE conversion, and one that starts with a digit."""

    A_B = "a-b"
    A_B_2 = "a_b"
    A_B_3 = "A B"
    VALUE_1_ST = "1st"


class KeywordsType(OpenEnum):
    PUBLIC = "public"
    PRIVATE = "private"


@dataclass(slots=True, kw_only=True)
class A(Model):
    """A points at a B."""

    b: B | None = None
    name: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> A:
        d = dict(data)
        decoded = cls(
            b=opt(B.from_dict, d.pop("b", None)),
            name=d.pop("name", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class B(Model):
    """B points back at an A."""

    a: A | None = None
    size: int | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> B:
        d = dict(data)
        decoded = cls(
            a=opt(A.from_dict, d.pop("a", None)),
            size=d.pop("size", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class FooBar(Model):
    """Collides with foo_bar once both are PascalCased."""

    value: int | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FooBar:
        d = dict(data)
        decoded = cls(value=d.pop("value", None), additional_properties=d)
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class FooBar2(Model):
    """Collides with FooBar once both are PascalCased."""

    value: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FooBar2:
        d = dict(data)
        decoded = cls(value=d.pop("value", None), additional_properties=d)
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class Keywords(Model):
    """Every property name here is a Python keyword, soft keyword, builtin, dunder or private-looking name.
    See \"\""this\"\"" and '''that'''."""

    none: bool | None = field(default=None, metadata={"wire": "None"})
    true: bool | None = field(default=None, metadata={"wire": "True"})
    init: str | None = field(default=None, metadata={"wire": "__init__"})
    private: str | None = field(default=None, metadata={"wire": "_private"})
    class_: str = field(metadata={"wire": "class"})
    cls_: str | None = field(default=None, metadata={"wire": "cls"})
    def_: str | None = field(default=None, metadata={"wire": "def"})
    dict_: dict[str, int] | None = field(default=None, metadata={"wire": "dict"})
    from_: datetime.datetime | None = field(default=None, metadata={"wire": "from"})
    id: int
    import_: str | None = field(default=None, metadata={"wire": "import"})
    list_: list[str] | None = field(default=None, metadata={"wire": "list"})
    match: str | None = None
    self_: str | None = field(default=None, metadata={"wire": "self"})
    str_: str | None = field(default=None, metadata={"wire": "str"})
    type: KeywordsType | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Keywords:
        d = dict(data)
        decoded = cls(
            none=d.pop("None", None),
            true=d.pop("True", None),
            init=d.pop("__init__", None),
            private=d.pop("_private", None),
            class_=need(d, "class"),
            cls_=d.pop("cls", None),
            def_=d.pop("def", None),
            dict_=d.pop("dict", None),
            from_=opt(parse_datetime, d.pop("from", None)),
            id=need(d, "id"),
            import_=d.pop("import", None),
            list_=d.pop("list", None),
            match=d.pop("match", None),
            self_=d.pop("self", None),
            str_=d.pop("str", None),
            type=opt(KeywordsType, d.pop("type", None)),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class WeirdNames(Model):
    """Property names that are not Python identifiers, or that collide after snake_casing."""

    field_2_fa_enabled: bool | None = field(
        default=None, metadata={"wire": "2fa-enabled"}
    )
    """leading digit and a hyphen"""
    context: str | None = field(default=None, metadata={"wire": "@context"})
    """starts with an at sign"""
    htmlurl: str | None = field(default=None, metadata={"wire": "HTMLURL"})
    """all capitals"""
    foo_bar: str | None = field(default=None, metadata={"wire": "fooBar"})
    """snake_cases to foo_bar, like the next one"""
    foo_bar_2: int | None = field(default=None, metadata={"wire": "foo_bar"})
    """already snake_case"""
    grid: list[list[int]] | None = None
    """an inline array of arrays"""
    with_space: str | None = field(default=None, metadata={"wire": "with space"})
    """has a space; the docs say \"\""quoted\"\"" and end with a backslash \\"""
    x_y: str | None = field(default=None, metadata={"wire": "x.y"})
    """has a dot; {{ not_a_variable }} {% raw %}{% endraw %}"""
    uber: str | None = field(default=None, metadata={"wire": "\u00fcber"})
    """non-ASCII letter"""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WeirdNames:
        d = dict(data)
        decoded = cls(
            field_2_fa_enabled=d.pop("2fa-enabled", None),
            context=d.pop("@context", None),
            htmlurl=d.pop("HTMLURL", None),
            foo_bar=d.pop("fooBar", None),
            foo_bar_2=d.pop("foo_bar", None),
            grid=d.pop("grid", None),
            with_space=d.pop("with space", None),
            x_y=d.pop("x.y", None),
            uber=d.pop("\u00fcber", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)

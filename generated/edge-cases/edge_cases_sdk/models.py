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

from ._runtime import OpenEnum, dump_fields, need, opt, parse_datetime

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
    """The values of ``KeywordsType``."""

    PUBLIC = "public"
    PRIVATE = "private"


@dataclass(slots=True, kw_only=True)
class A:
    """A points at a B."""

    b: B | None = None
    name: str | None = None
    additional_properties: dict[str, Any] = field(default_factory=dict)
    """Fields the server sent that this version of the spec does not declare."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> A:
        d = dict(data)
        return cls(
            b=opt(B.from_dict, d.pop("b", None)),
            name=d.pop("name", None),
            additional_properties=d,
        )

    def to_dict(self) -> dict[str, Any]:
        return dump_fields(
            self.additional_properties,
            {
                "b": self.b,
                "name": self.name,
            },
        )


@dataclass(slots=True, kw_only=True)
class B:
    """B points back at an A."""

    a: A | None = None
    size: int | None = None
    additional_properties: dict[str, Any] = field(default_factory=dict)
    """Fields the server sent that this version of the spec does not declare."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> B:
        d = dict(data)
        return cls(
            a=opt(A.from_dict, d.pop("a", None)),
            size=d.pop("size", None),
            additional_properties=d,
        )

    def to_dict(self) -> dict[str, Any]:
        return dump_fields(
            self.additional_properties,
            {
                "a": self.a,
                "size": self.size,
            },
        )


@dataclass(slots=True, kw_only=True)
class FooBar:
    """Collides with foo_bar once both are PascalCased."""

    value: int | None = None
    additional_properties: dict[str, Any] = field(default_factory=dict)
    """Fields the server sent that this version of the spec does not declare."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FooBar:
        d = dict(data)
        return cls(
            value=d.pop("value", None),
            additional_properties=d,
        )

    def to_dict(self) -> dict[str, Any]:
        return dump_fields(
            self.additional_properties,
            {
                "value": self.value,
            },
        )


@dataclass(slots=True, kw_only=True)
class FooBar2:
    """Collides with FooBar once both are PascalCased."""

    value: str | None = None
    additional_properties: dict[str, Any] = field(default_factory=dict)
    """Fields the server sent that this version of the spec does not declare."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FooBar2:
        d = dict(data)
        return cls(
            value=d.pop("value", None),
            additional_properties=d,
        )

    def to_dict(self) -> dict[str, Any]:
        return dump_fields(
            self.additional_properties,
            {
                "value": self.value,
            },
        )


@dataclass(slots=True, kw_only=True)
class Keywords:
    """Every property name here is a Python keyword, soft keyword, builtin, dunder or private-looking name.
    See \"\""this\"\"" and '''that'''."""

    none: bool | None = None
    true: bool | None = None
    init: str | None = None
    private: str | None = None
    class_: str
    cls_: str | None = None
    def_: str | None = None
    dict_: dict[str, int] | None = None
    from_: datetime.datetime | None = None
    id_: int
    import_: str | None = None
    list_: list[str] | None = None
    match_: str | None = None
    self_: str | None = None
    str_: str | None = None
    type_: KeywordsType | None = None
    additional_properties: dict[str, Any] = field(default_factory=dict)
    """Fields the server sent that this version of the spec does not declare."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Keywords:
        d = dict(data)
        return cls(
            none=d.pop("None", None),
            true=d.pop("True", None),
            init=d.pop("__init__", None),
            private=d.pop("_private", None),
            class_=need(d, "class"),
            cls_=d.pop("cls", None),
            def_=d.pop("def", None),
            dict_=d.pop("dict", None),
            from_=opt(parse_datetime, d.pop("from", None)),
            id_=need(d, "id"),
            import_=d.pop("import", None),
            list_=d.pop("list", None),
            match_=d.pop("match", None),
            self_=d.pop("self", None),
            str_=d.pop("str", None),
            type_=opt(KeywordsType, d.pop("type", None)),
            additional_properties=d,
        )

    def to_dict(self) -> dict[str, Any]:
        return dump_fields(
            self.additional_properties,
            {
                "None": self.none,
                "True": self.true,
                "__init__": self.init,
                "_private": self.private,
                "class": self.class_,
                "cls": self.cls_,
                "def": self.def_,
                "dict": self.dict_,
                "from": self.from_,
                "id": self.id_,
                "import": self.import_,
                "list": self.list_,
                "match": self.match_,
                "self": self.self_,
                "str": self.str_,
                "type": self.type_,
            },
        )


@dataclass(slots=True, kw_only=True)
class WeirdNames:
    """Property names that are not Python identifiers, or that collide after snake_casing."""

    field_2_fa_enabled: bool | None = None
    """leading digit and a hyphen"""
    context: str | None = None
    """starts with an at sign"""
    htmlurl: str | None = None
    """all capitals"""
    foo_bar: str | None = None
    """snake_cases to foo_bar, like the next one"""
    foo_bar_2: int | None = None
    """already snake_case"""
    grid: list[list[int]] | None = None
    """an inline array of arrays"""
    with_space: str | None = None
    """has a space; the docs say \"\""quoted\"\"" and end with a backslash \\"""
    x_y: str | None = None
    """has a dot; {{ not_a_variable }} {% raw %}{% endraw %}"""
    uber: str | None = None
    """non-ASCII letter"""
    additional_properties: dict[str, Any] = field(default_factory=dict)
    """Fields the server sent that this version of the spec does not declare."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WeirdNames:
        d = dict(data)
        return cls(
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

    def to_dict(self) -> dict[str, Any]:
        return dump_fields(
            self.additional_properties,
            {
                "2fa-enabled": self.field_2_fa_enabled,
                "@context": self.context,
                "HTMLURL": self.htmlurl,
                "fooBar": self.foo_bar,
                "foo_bar": self.foo_bar_2,
                "grid": self.grid,
                "with space": self.with_space,
                "x.y": self.x_y,
                "\u00fcber": self.uber,
            },
        )

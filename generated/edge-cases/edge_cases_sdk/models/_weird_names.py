"""The ``WeirdNames`` model of the Edge Cases, 0.1.0.

Import it from ``edge_cases_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._runtime import Model, decoded_from

__all__ = ["WeirdNames"]


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

"""The ``Keywords`` model and its enum ``KeywordsType`` of the Edge Cases, 0.1.0.

Import them from ``edge_cases_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._runtime import Model, OpenEnum, decoded_from, need, opt, parse_datetime

__all__ = [
    "Keywords",
    "KeywordsType",
]


class KeywordsType(OpenEnum):
    PUBLIC = "public"
    PRIVATE = "private"


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

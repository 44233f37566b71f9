"""The API a build produced, kept in its output so the next build can say what changed.

The record is the IR the SDK was rendered from, without its prose
(descriptions, summaries, JSON pointers): what ``diff`` compares, and no
more. It is JSON with one operation, model or enum per line, so it also
reads well in a version-control diff of a committed SDK. Reading is lenient
about what it does not need: a field the IR gained later takes its default,
and a record that cannot be read is simply not used.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from typing import Any, Literal

from forgegen import ir

__all__ = ["RECORD", "RecordError", "dump", "load"]

RECORD = ".forgegen-api.json"
_FORMAT = 1
# Text no comparison looks at; left out to keep the record small.
_PROSE = frozenset({"description", "summary", "pointer"})


class RecordError(ValueError):
    """The record is missing, from another format, or does not decode."""


def dump(api: ir.Api) -> str:
    groups = []
    operations = []
    for group in api.groups:
        encoded = _encode(group)
        for op in encoded.pop("operations", []):
            operations.append({"group": group.attr, **op})
        groups.append(encoded)
    head = _encode(dataclasses.replace(api, groups=(), models=(), enums=()))
    for key in ("groups", "models", "enums"):
        head.pop(key, None)
    parts = [
        f'"format": {_FORMAT}',
        f'"api": {_line(head)}',
        _array("groups", groups),
        _array("operations", operations),
        _array("models", [_encode(m) for m in api.models]),
        _array("enums", [_encode(e) for e in api.enums]),
    ]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def load(text: str) -> ir.Api:
    try:
        return _load(json.loads(text))
    except RecursionError:
        raise RecordError("nested too deeply") from None
    except ValueError as exc:  # RecordError is one too
        if isinstance(exc, RecordError):
            raise
        raise RecordError(f"not JSON: {exc}") from None


def _load(data: Any) -> ir.Api:
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        raise RecordError("not a record this forgegen can read")
    operations: dict[str, list[Any]] = {}
    for op in _list(data, "operations"):
        if not isinstance(op, dict):
            raise RecordError("an operation is not an object")
        operations.setdefault(str(op.get("group")), []).append(op)
    groups = [
        {**g, "operations": operations.get(str(g.get("attr")), [])}
        for g in _list(data, "groups")
        if isinstance(g, dict)
    ]
    head = data.get("api")
    if not isinstance(head, dict):
        raise RecordError("no api object")
    document = {
        **head,
        "groups": groups,
        "models": _list(data, "models"),
        "enums": _list(data, "enums"),
    }
    return _decode(ir.Api, document)


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise RecordError(f"{key} is not a list")
    return value


def _line(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _array(key: str, items: list[Any]) -> str:
    if not items:
        return f'"{key}": []'
    return f'"{key}": [\n' + ",\n".join(_line(item) for item in items) + "\n]"


def _encode(value: Any) -> Any:
    """A dataclass as a dict without prose and without fields at their defaults."""
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    cls: type = type(value)
    kept = _kept(cls)
    if kept is None:
        return value
    out = {}
    for name, default in kept:
        item = getattr(value, name)
        if default is dataclasses.MISSING or item != default:
            out[name] = item if type(item) in _SCALARS else _encode(item)
    return out


# Values that are JSON as they are: no call to _encode needed.
_SCALARS = frozenset({str, int, bool, float, type(None)})


@functools.cache
def _kept(cls: type) -> tuple[tuple[str, Any], ...] | None:
    """The fields of a dataclass the record keeps, each with its default (or
    MISSING); None for any other class. Asked once a class, not once a value:
    GitHub's record takes about 100,000 calls of _encode."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple((f.name, f.default) for f in dataclasses.fields(cls) if f.name not in _PROSE)


_T = typing.TypeVar("_T")


def _decode(cls: type[_T], data: Any) -> _T:
    if not isinstance(data, dict):
        raise RecordError(f"{cls.__name__}: expected an object")
    hints = _hints(cls)  # type: ignore[arg-type]  # classes are hashable
    values = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            values[f.name] = _convert(hints[f.name], data[f.name], f"{cls.__name__}.{f.name}")
        elif f.name in _PROSE:
            values[f.name] = ""
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            # Fields left out at their defaults: the empty value of their type.
            values[f.name] = _empty(hints[f.name], f"{cls.__name__}.{f.name}")
    return cls(**values)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _empty(hint: Any, where: str) -> Any:
    if hint is str:
        return ""
    if typing.get_origin(hint) is tuple:
        return ()
    if _optional(hint) is not None:
        return None
    raise RecordError(f"{where} is missing")


def _optional(hint: Any) -> Any:
    """``X`` for ``X | None``, else None."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(hint)) == 2:
            return args[0]
    return None


def _convert(hint: Any, value: Any, where: str) -> Any:
    inner = _optional(hint)
    if inner is not None:
        return None if value is None else _convert(inner, value, where)
    origin = typing.get_origin(hint)
    if origin is tuple:
        if not isinstance(value, list):
            raise RecordError(f"{where}: expected a list")
        item = typing.get_args(hint)[0]
        return tuple(_convert(item, v, where) for v in value)
    if origin is Literal:
        if value not in typing.get_args(hint):
            raise RecordError(f"{where}: unexpected value {value!r}")
        return value
    if dataclasses.is_dataclass(hint):
        return _decode(hint, value)  # type: ignore[arg-type]
    if hint in (str, bool, int, float) and type(value) is hint:
        return value
    raise RecordError(f"{where}: expected {getattr(hint, '__name__', hint)}")

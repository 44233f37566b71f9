"""Python source fragments for IR types: annotations and decoder expressions.

Templates call these (as filters and globals) instead of branching on type
kinds themselves. Every fragment names only what ``Imports`` records, so a
generated module imports exactly what it uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from forgegen import ir
from forgegen.literals import pystr

__all__ = [
    "ZERO",
    "Imports",
    "ResultParts",
    "annotation",
    "field_decoder",
    "item_decoder",
    "paged_parts",
    "plain",
    "result_parts",
]

_SCALAR_ANNOTATIONS = {
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "bytes": "bytes",
    "any": "Any",
    "datetime": "datetime.datetime",
    "date": "datetime.date",
}


@dataclass
class Imports:
    """What a generated module needs, collected while its fragments are made.

    ``models`` are the model and enum names the module imports. A group module
    (``lazy_models``) imports them for type checkers only: its methods decode
    through the ``models`` package, which loads a model on first use.
    """

    models: set[str] = field(default_factory=set)
    lazy_models: bool = False
    decodes_models: bool = False  # a decoder names ``models.X``
    runtime: set[str] = field(default_factory=set)
    typing: set[str] = field(default_factory=set)
    datetime: bool = False

    def note_type(self, t: ir.TypeRef) -> None:
        if t.kind in ("model", "enum"):
            self.models.add(t.name)
        elif t.kind == "any":
            self.typing.add("Any")
        elif t.kind == "literal":
            self.typing.add("Literal")
        elif t.kind in ("datetime", "date"):
            self.datetime = True
        if t.item is not None:
            self.note_type(t.item)

    def decoder(self, name: str) -> str:
        """How a decoder expression names a model or enum."""
        if self.lazy_models:
            self.decodes_models = True
            return f"models.{name}"
        self.models.add(name)
        return name


def annotation(t: ir.TypeRef, imports: Imports) -> str:
    imports.note_type(t)
    if t.kind in ("model", "enum"):
        return t.name
    if t.kind == "literal":
        return "Literal[" + ", ".join(pystr(v) for v in t.values) + "]"
    if t.kind == "list":
        return f"list[{annotation(t.item or ir.TypeRef('any'), imports)}]"
    if t.kind == "map":
        return f"dict[str, {annotation(t.item or ir.TypeRef('any'), imports)}]"
    return _SCALAR_ANNOTATIONS[t.kind]


def _scalar_decoder(t: ir.TypeRef, imports: Imports) -> str | None:
    """A callable that turns one JSON value into ``t``; None if JSON already is ``t``."""
    if t.kind == "model":
        return f"{imports.decoder(t.name)}.from_dict"
    if t.kind == "enum":
        return imports.decoder(t.name)
    if t.kind in ("datetime", "date"):
        name = "parse_datetime" if t.kind == "datetime" else "parse_date"
        imports.runtime.add(name)
        return name
    return None


def plain(t: ir.TypeRef) -> ir.TypeRef:
    """The type as decoded. A model makes one decoder call per field, so a
    container of containers of models keeps its JSON shape inside."""
    if t.is_container and t.item is not None and t.item.is_container and _needs_decoding(t.item):
        return ir.TypeRef(t.kind, item=ir.TypeRef(t.item.kind, item=ir.TypeRef("any")))
    return t


def _needs_decoding(t: ir.TypeRef) -> bool:
    if t.is_container and t.item is not None:
        return _needs_decoding(t.item)
    return t.kind in ("model", "enum", "datetime", "date")


def item_decoder(t: ir.TypeRef, imports: Imports) -> tuple[str, str | None]:
    """("scalar" | "list" | "map", the element decoder) for a decoded type."""
    if t.is_container and t.item is not None and not t.item.is_container:
        return t.kind, _scalar_decoder(t.item, imports)
    if t.is_container:
        return t.kind, None
    return "scalar", _scalar_decoder(t, imports)


# What Go writes for a scalar it leaves out (omitempty): its type's zero value.
ZERO = {"str": '""', "enum": '""', "int": "0", "float": "0.0", "bool": "False"}


def field_decoder(
    t: ir.TypeRef, wire: str, required: bool, imports: Imports, *, always: bool = False
) -> str:
    """An expression taking field ``wire`` out of the dict ``d`` and decoding it.

    A missing optional field is None; a missing required one is an error; a
    missing one the forge always sends (``always``) is its zero value, or
    None for a reference (``profiles/presence.py``).
    """
    shape, decoder = item_decoder(plain(t), imports)
    if always and not required:
        taken = f"d.pop({pystr(wire)}, None)"
        if t.kind in ZERO:
            imports.runtime.add("zero_if_none")
            source = f"zero_if_none({taken}, {ZERO[t.kind]})"
            return f"{decoder}({source})" if decoder else source
        imports.runtime.add("always_set")
        return f"always_set({decoder}, {taken})" if decoder else taken
    if required:
        imports.runtime.add("need")
        source = f"need(d, {pystr(wire)})"
    else:
        source = f"d.pop({pystr(wire)}, None)"
    if decoder is None:
        return source
    if required:
        helper = {"scalar": "", "list": "list_of", "map": "map_of"}[shape]
        if not helper:
            return f"{decoder}({source})"
    else:
        helper = {"scalar": "opt", "list": "opt_list", "map": "opt_map"}[shape]
    imports.runtime.add(helper)
    return f"{helper}({decoder}, {source})"


@dataclass(frozen=True)
class ResultParts:
    annotation: str  # the method's return annotation (for a paged list: the item type)
    decode: str  # the ``decode=`` argument of the call
    cast: str  # a type to cast the call's result to ("" when none is needed)
    paged: bool = False  # the method returns a (Async)Paginator of ``annotation``


def paged_parts(op: ir.Operation, imports: Imports) -> ResultParts:
    """A paged list: the item annotation, and a decoder of one page's items."""
    pagination = op.pagination
    assert pagination is not None
    item = plain(pagination.item)
    note = annotation(item, imports)
    decoder = None if item.is_container else _scalar_decoder(item, imports)
    wrapper = op.result.type
    if pagination.wrapper_field is not None and wrapper is not None:
        field = pagination.wrapper_field
        wrapped = imports.decoder(wrapper.name)
        decode = f"json_items({wrapped}.from_dict, lambda page: page.{field})"
    else:
        decode = f"json_list({decoder})" if decoder else "json_array"
    imports.runtime.add(decode.split("(")[0])
    return ResultParts(note, decode, "", paged=True)


def result_parts(result: ir.Result, imports: Imports) -> ResultParts:
    if result.kind == "empty" or result.type is None:
        imports.runtime.add("nothing")
        return ResultParts("None", "nothing", "")
    rtype = plain(result.type)
    note = annotation(rtype, imports)
    cast = ""
    if result.kind == "text":
        decode = "text"
    elif result.kind == "bytes":
        decode = "content"
    else:
        shape, decoder = item_decoder(rtype, imports)
        if decoder is None:
            # A list endpoint may answer null (Go's nil slice): json_array makes it [].
            # json_value gives Any: a cast to Any (or Any | None) would be redundant.
            decode = "json_array" if shape == "list" else "json_value"
            cast = "" if rtype.kind == "any" else note
        else:
            decode = {"scalar": "json_of", "list": "json_list", "map": "json_map"}[shape]
            decode = f"{decode}({decoder})"
    imports.runtime.add(decode.split("(")[0])
    if result.optional:
        imports.runtime.add("optional")
        decode = f"optional({decode})"
        note = f"{note} | None"
        cast = f"{cast} | None" if cast else ""
    if cast:
        imports.typing.add("cast")
    return ResultParts(note, decode, cast)

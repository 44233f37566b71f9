"""Plumbing shared by the generated models and API methods.

Nothing here is public: the names may change with any regeneration.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import IO, TYPE_CHECKING, Any, TypeVar, Union, cast
from urllib.parse import quote

if TYPE_CHECKING:
    import httpx  # the decoders below take its responses; importing this must not load it

T = TypeVar("T")
W = TypeVar("W")

FileUpload = Union[
    bytes,
    IO[bytes],
    tuple[str, Union[bytes, IO[bytes]]],
    tuple[str, Union[bytes, IO[bytes]], str],
]
"""A file to upload: its content, or (file name, content[, content type])."""


class OpenEnum(str, enum.Enum):
    """A string enum that also accepts values a newer server introduces.

    ``State("new-value")`` does not raise: it returns a member outside the
    declared ones, whose ``value`` is the string the server sent.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


_UTC = datetime.timezone.utc
_from_iso = datetime.datetime.fromisoformat
# RFC 3339 as Go writes it: up to nine fractional digits, ``Z`` or an offset.
_RFC3339 = re.compile(
    r"(\d{4}-\d\d-\d\d)[Tt ](\d\d:\d\d:\d\d)(?:\.(\d+))?([Zz]|[+-]\d\d:\d\d)?"
)


def parse_datetime(value: str) -> datetime.datetime:
    """An RFC 3339 timestamp as an aware datetime (UTC when no offset is given).

    Python 3.11 reads what Go writes as it is; 3.10 takes neither ``Z`` nor
    more than six fractional digits, so those take the slower way round.
    """
    try:
        parsed = _from_iso(value)
    except ValueError:
        parsed = _parse_rfc3339(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_UTC)


def _parse_rfc3339(value: str) -> datetime.datetime:
    match = _RFC3339.fullmatch(value)
    if match is None:
        raise ValueError(f"not an RFC 3339 timestamp: {value!r}")
    day, clock, fraction, offset = match.groups()
    if day.startswith("0000"):
        # Go's zero time seen from west of UTC ("0000-12-31T19:00:00-05:00"):
        # before year 1, which Python cannot hold. to_dict still sends the text.
        return datetime.datetime.min.replace(tzinfo=_UTC)
    text = f"{day}T{clock}"
    if fraction:
        text += "." + fraction[:6].ljust(6, "0")  # microseconds: nanoseconds are cut
    if offset:
        text += "+00:00" if offset in "Zz" else offset
    return _from_iso(text)


def parse_date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def format_datetime(value: datetime.datetime) -> str:
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def opt(decode: Callable[[Any], T], value: Any) -> T | None:
    return None if value is None else decode(value)


def opt_list(decode: Callable[[Any], T], value: Any) -> list[T] | None:
    return None if value is None else [decode(item) for item in value]


def opt_map(decode: Callable[[Any], T], value: Any) -> dict[str, T] | None:
    return None if value is None else {key: decode(item) for key, item in value.items()}


def list_of(decode: Callable[[Any], T], value: Any) -> list[T]:
    return [decode(item) for item in value]


def map_of(decode: Callable[[Any], T], value: Any) -> dict[str, T]:
    return {key: decode(item) for key, item in value.items()}


def zero_if_none(value: Any, zero: Any) -> Any:
    """A field the server always writes: left out (Go's omitempty) or null, it is
    its type's zero value."""
    return zero if value is None else value


def always_set(decode: Callable[[Any], T], value: Any) -> T:
    """A reference the server always sets: missing all the same, it is None
    rather than an error that would lose the rest of the answer."""
    return cast(T, None) if value is None else decode(value)


def need(data: dict[str, Any], key: str) -> Any:
    """Take a field the spec marks required; its absence is an error."""
    value = data.pop(key, None)
    if value is None:
        raise ValueError(f"the required field {key!r} is missing")
    return value


def dump(value: Any) -> Any:
    """A model, enum, timestamp or container of them, as JSON-ready data."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.datetime):
        return format_datetime(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        # cast: isinstance on Any leaves pyright with items of unknown type
        return {key: dump(item) for key, item in cast(Any, value).items()}
    if isinstance(value, (list, tuple)):
        return [dump(item) for item in cast(Any, value)]
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if to_dict is not None else value


class _Received:
    """The object ``from_dict`` read, kept so that ``to_dict`` can give it back as sent."""

    __slots__ = ("_received",)
    _received: Mapping[str, Any]


@dataclass(slots=True, kw_only=True)
class Model(_Received):
    """What every model shares: the fields it does not declare, and ``to_dict``.

    Decoding is generated per model (``from_dict``), because it is on every
    response's path; encoding a request body is rarer, so one loop serves all.
    A decoded model remembers the object it was read from (one reference, no
    copy, so decoding costs nothing more): ``to_dict`` sends ``null`` again
    where the server did, and a timestamp as the text the server wrote
    (Go's nanoseconds and offset) while its value is unchanged.
    """

    additional_properties: dict[str, Any] = field(
        default_factory=dict[str, Any], repr=False
    )
    """Fields the server sent that this version of the spec does not declare."""

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data: its unknown fields, then every field that is
        set, and those the server sent as ``null``."""
        result = dict(self.additional_properties)
        received = getattr(self, "_received", None)
        for name, wire in _wire_names(type(self)):
            value = getattr(self, name)
            if received is None:
                if value is not None:
                    result[wire] = dump(value)
            elif value is None or (received.get(wire) is None and _unset(value)):
                # None, or the zero value of a field left out or null: as sent
                if wire in received and received[wire] is None:
                    result[wire] = None
            else:
                result[wire] = _as_sent(value, received.get(wire))
        return result


M = TypeVar("M", bound=_Received)


def decoded_from(model: M, data: Mapping[str, Any]) -> M:
    """``model``, remembering the object it was decoded from (see ``Model``)."""
    # Through the base's type: mypy takes a slotted dataclass's __slots__ to be
    # its own fields only, and would refuse the assignment on ``model``.
    held: _Received = model
    held._received = data
    return model


def _unset(value: Any) -> bool:
    """None, or the zero value a missing field the server always sends decodes to."""
    return value is None or (isinstance(value, (str, int, float)) and not value)


def _as_sent(value: Any, sent: Any) -> Any:
    """``dump(value)``, but a timestamp or date that still means the text it
    was decoded from is that text."""
    if isinstance(sent, str) and isinstance(value, datetime.date):
        try:
            if isinstance(value, datetime.datetime):
                same = parse_datetime(sent) == value
            else:
                same = parse_date(sent) == value
        except ValueError:
            same = False
        return sent if same else dump(value)
    if isinstance(value, list) and isinstance(sent, list) and len(value) == len(sent):
        return [_as_sent(item, sent_item) for item, sent_item in zip(value, sent)]
    if isinstance(value, dict) and isinstance(sent, dict):
        return {key: _as_sent(item, sent.get(key)) for key, item in value.items()}
    return dump(value)


# Model class → (attribute, JSON name) of its fields; filled on first use.
_WIRE_NAMES: dict[type[Model], tuple[tuple[str, str], ...]] = {}


def _wire_names(model: type[Model]) -> tuple[tuple[str, str], ...]:
    names = _WIRE_NAMES.get(model)
    if names is None:
        # A field renamed for Python (``class_``) records its JSON name in its metadata.
        names = tuple(
            (f.name, f.metadata.get("wire", f.name))
            for f in fields(model)
            if f.name != "additional_properties"
        )
        _WIRE_NAMES[model] = names
    return names


def csv(value: list[Any] | None) -> str | None:
    return None if value is None else ",".join(str(dump(item)) for item in value)


def expand_path(
    template: str, values: Mapping[str, Any], keep_slash: tuple[str, ...] = ()
) -> str:
    """Fill ``{name}`` placeholders, percent-encoding each value.

    A file path keeps its slashes (servers route ``raw/{filepath}`` on them),
    but no value may add a ``.`` or ``..`` segment: those are encoded, so a
    value can never move the request to another endpoint.
    """
    path = template
    for name, value in values.items():
        text = str(dump(value))
        segments = text.split("/") if name in keep_slash else [text]
        encoded = "/".join(_segment(segment) for segment in segments)
        path = path.replace("{" + name + "}", encoded)
    return path


def _segment(text: str) -> str:
    quoted = quote(text, safe="")
    return quoted.replace(".", "%2E") if quoted in (".", "..") else quoted


QueryPairs = list[tuple[str, Union[str, int, float, bool, None]]]


def query_params(query: Mapping[str, Any]) -> QueryPairs:
    """Query pairs with unset values left out and lists repeated."""
    pairs: QueryPairs = []
    for key, value in query.items():
        # cast: isinstance on Any leaves pyright with items of unknown type
        for item in cast(Any, value) if isinstance(value, (list, tuple)) else [value]:
            if item is None:
                continue
            item = dump(item)
            if isinstance(item, bool):
                item = "true" if item else "false"
            pairs.append((key, str(item)))
    return pairs


def cookie_header(cookies: Mapping[str, Any]) -> str | None:
    """A ``Cookie`` header of the cookie parameters that are set, or None.

    Values are percent-encoded where RFC 6265 forbids a character (space,
    ``;``, ``,``, quotes), so no value can add a cookie of its own."""
    pairs = query_params(cookies)
    safe = "!#$&'()*+-./:<=>?@[]^_`{|}~"
    return "; ".join(f"{k}={quote(str(v), safe=safe)}" for k, v in pairs) or None


def json_value(response: httpx.Response) -> Any:
    return response.json()


def json_of(decode: Callable[[Any], T]) -> Callable[[httpx.Response], T]:
    return lambda response: decode(response.json())


def json_list(decode: Callable[[Any], T]) -> Callable[[httpx.Response], list[T]]:
    # Go encodes an empty slice it never made as null: that is an empty list.
    return lambda response: [decode(item) for item in response.json() or ()]


def json_array(response: httpx.Response) -> Any:
    """A list of plain JSON values; ``null`` (Go's nil slice) is an empty list."""
    value = response.json()
    return [] if value is None else value


def json_items(
    decode: Callable[[Any], W], items: Callable[[W], list[T] | None]
) -> Callable[[httpx.Response], list[T]]:
    """The list inside a wrapper such as ``{"ok": true, "data": [...]}``."""
    return lambda response: items(decode(response.json())) or []


def json_map(decode: Callable[[Any], T]) -> Callable[[httpx.Response], dict[str, T]]:
    return lambda response: {
        key: decode(item) for key, item in (response.json() or {}).items()
    }


def created_token(response: httpx.Response) -> str:
    """The secret of a token just created: the answer's ``sha1``."""
    return str(response.json()["sha1"])


def text(response: httpx.Response) -> str:
    return response.text


def content(response: httpx.Response) -> bytes:
    """The body; empty when it was streamed into a file (``into=``) instead."""
    import httpx  # loaded already: it made the response

    try:
        return response.content
    except httpx.ResponseNotRead:
        return b""


def nothing(response: httpx.Response) -> None:
    return None


def optional(
    decode: Callable[[httpx.Response], T],
) -> Callable[[httpx.Response], T | None]:
    """For operations that answer with a body on one success status and
    without one on another (201 or 204, say)."""

    def decode_unless_empty(response: httpx.Response) -> T | None:
        if response.status_code == 204 or not response.content:
            return None
        return decode(response)

    return decode_unless_empty

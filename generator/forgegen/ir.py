"""The intermediate representation: what a spec means, in Python's terms.

Both parsers (Swagger 2.0 and OpenAPI 3.x) produce an ``Api``; templates read
nothing else. Every name here is already a safe Python name (``naming``
made it); the wire names beside them are kept verbatim for the HTTP layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Api",
    "Body",
    "Enum",
    "EnumValue",
    "Field",
    "FormField",
    "Group",
    "Model",
    "Operation",
    "Pagination",
    "Parameter",
    "Response",
    "Result",
    "SecurityScheme",
    "TypeRef",
]

TypeKind = Literal[
    "str",
    "int",
    "float",
    "bool",
    "any",
    "datetime",
    "date",
    "bytes",
    "model",
    "enum",
    "list",
    "map",
    "literal",
]


@dataclass(frozen=True)
class TypeRef:
    """A Python type: a scalar, a named model or enum, or a container of one."""

    kind: TypeKind
    name: str = ""  # the Python class name, for "model" and "enum"
    item: TypeRef | None = None  # the element of a "list", the value of a "map"
    values: tuple[str, ...] = ()  # the choices of a "literal"

    @property
    def is_container(self) -> bool:
        return self.kind in ("list", "map")


@dataclass(frozen=True)
class EnumValue:
    name: str  # the Python member name
    value: str  # the wire value


@dataclass(frozen=True)
class Enum:
    name: str
    values: tuple[EnumValue, ...]
    description: str
    pointer: str


@dataclass(frozen=True)
class Field:
    name: str
    wire_name: str
    type: TypeRef
    required: bool
    description: str
    secret: bool = False  # a token, password or secret: kept out of repr()
    since: str | None = None  # the first version whose model has it, if not the model's first
    # The forge always sends it (profiles/presence.py): typed without None even
    # where the spec does not say required; a scalar left out means its zero value.
    always: bool = False


@dataclass(frozen=True)
class Model:
    name: str
    wire_name: str  # the definition's name, or where an inline schema stood
    fields: tuple[Field, ...]
    description: str
    pointer: str


ParameterLocation = Literal["path", "query", "header", "cookie"]


@dataclass(frozen=True)
class Parameter:
    name: str
    wire_name: str
    location: ParameterLocation
    type: TypeRef
    required: bool
    description: str
    explode: bool = True  # for arrays in a query: repeat the key, or join with commas
    allow_slash: bool = False  # a path parameter that names a file path keeps its "/"
    since: str | None = None  # the first version that takes it, if not the operation's first


@dataclass(frozen=True)
class FormField:
    """One field of a multipart or urlencoded form; ``is_file`` ones are uploads."""

    name: str
    wire_name: str
    type: TypeRef
    required: bool
    description: str
    is_file: bool


BodyKind = Literal["json", "text", "binary", "form", "multipart"]


@dataclass(frozen=True)
class Body:
    name: str  # the Python argument name (a form's fields are arguments of their own)
    kind: BodyKind
    content_type: str
    type: TypeRef
    required: bool
    description: str
    form_fields: tuple[FormField, ...] = ()


ResponseKind = Literal["json", "text", "bytes", "empty"]


@dataclass(frozen=True)
class Response:
    status: str
    kind: ResponseKind
    type: TypeRef | None  # None for "empty"
    description: str


@dataclass(frozen=True)
class Pagination:
    """How a list operation pages: which query parameters, and where the items are."""

    page: str  # the wire name of the 1-based page parameter
    limit: str | None  # the wire name of the page-size parameter, when there is one
    item: TypeRef  # the type of one item
    wrapper_field: str | None  # the list field of a wrapper model ({"ok", "data"}), or None


ResultKind = Literal["json", "text", "bytes", "empty"]


@dataclass(frozen=True)
class Result:
    """What a method returns, merged from all of its 2xx responses."""

    kind: ResultKind
    type: TypeRef | None  # None for "empty"
    optional: bool  # some success status carries no body (201|204 and the like)


@dataclass(frozen=True)
class Operation:
    operation_id: str
    name: str  # the method name inside its group
    method: str  # upper case
    path: str  # the template, relative to the API's base path
    summary: str
    description: str
    parameters: tuple[Parameter, ...]  # required first, then optional, each in spec order
    body: Body | None
    responses: tuple[Response, ...]  # the 2xx responses, in status order
    result: Result
    deprecated: bool
    pointer: str
    pagination: Pagination | None = None  # set by paginate.py, from the forge profile
    # In an SDK built from several versions (parse/versions.py): the first
    # version that has the operation, when not the oldest, and the first
    # version that no longer has it.
    since: str | None = None
    until: str | None = None

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")


@dataclass(frozen=True)
class Group:
    """The operations of one tag: ``client.<attr>`` of class ``<class_name>``."""

    tag: str
    attr: str
    module: str
    class_name: str
    async_class_name: str
    description: str
    operations: tuple[Operation, ...]


SchemeKind = Literal["basic", "apikey", "bearer", "oauth2"]


@dataclass(frozen=True)
class SecurityScheme:
    key: str
    kind: SchemeKind
    location: Literal["header", "query", ""]  # for apikey
    parameter: str  # the header or query name, for apikey
    description: str


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    description: str
    spec_format: str  # "swagger 2.0", "openapi 3.0.3" …
    base_path: str  # "/api/v1"
    groups: tuple[Group, ...]
    models: tuple[Model, ...]
    enums: tuple[Enum, ...]
    security: tuple[SecurityScheme, ...]
    versions: tuple[str, ...] = ()  # the releases merged into it, oldest first; () for one spec
    # OpenAPI 3: a relative first server URL ("/v1", "v2", "//host/v1"), which a
    # client resolves against the URL it is given (RFC 3986); "" when the
    # spec's URL is absolute or a Swagger 2.0 basePath, and base_path is added.
    server_url: str = ""
    servers: tuple[str, ...] = ()  # every server URL, variables at their defaults

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for g in self.groups for op in g.operations)

"""Per-module views of the IR: what each template renders, already decided.

Templates loop and print; the choices (argument order, which decoder, which
imports) are made here, in code that is typed and tested.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from forgegen import ir
from forgegen.literals import identifier, pystr
from forgegen.profiles.forges import Profile
from forgegen.render.layout import Brackets, Item, Nested, Parameter, parameters
from forgegen.render.pycode import (
    ZERO,
    Imports,
    ResultParts,
    annotation,
    field_decoder,
    paged_parts,
    plain,
    result_parts,
)

__all__ = [
    "Argument",
    "FieldView",
    "GroupView",
    "MethodView",
    "ModelView",
    "group_view",
    "models_view",
]


@dataclass(frozen=True)
class Argument:
    name: str
    annotation: str
    required: bool
    description: str
    location: str = ""  # "path", "query", "JSON body"…; "" for the SDK's own arguments

    @property
    def doc(self) -> str:
        """Its line in the docstring's Args, after the name: where it goes and what it means."""
        where = f"({self.location}) " if self.location else ""
        return where + (self.description or "")


@dataclass(frozen=True)
class MethodView:
    op: ir.Operation
    positional: tuple[Argument, ...]
    keyword: tuple[Argument, ...]
    call_args: tuple[str | Nested, ...]  # the client call's arguments after method and path
    result: ResultParts

    @property
    def arguments(self) -> tuple[Argument, ...]:
        return self.positional + self.keyword

    @property
    def parameters(self) -> Brackets:
        items: list[Item] = ["self"]
        items += [Parameter(identifier(a.name), a.annotation) for a in self.positional]
        if self.keyword:
            items.append("*")
            items += [Parameter(identifier(a.name), a.annotation, "None") for a in self.keyword]
        return parameters(items)

    def returns(self, is_async: bool) -> str:
        """The docstring's sentence on what the method returns."""
        result = self.result
        if result.paged:
            pager = "AsyncPaginator" if is_async else "Paginator"
            return f"Returns ``{pager}[{result.annotation}]``, every item of every page, lazily."
        if result.annotation == "None":
            return "Returns nothing."
        return f"Returns ``{result.annotation}``."

    @property
    def call(self) -> Brackets:
        """The arguments of ``client.call``."""
        op = self.op
        decode = f"decode={self.result.decode}"
        return Brackets("(", (pystr(op.method), pystr(op.path), *self.call_args, decode), ")")

    @property
    def pager_call(self) -> Brackets:
        """The arguments of ``Paginator`` (and ``AsyncPaginator``)."""
        op = self.op
        assert op.pagination is not None
        items = ("self._client", pystr(op.method), pystr(op.path), *self.call_args)
        items += (f"page_param={pystr(op.pagination.page)}", f"decode={self.result.decode}")
        return Brackets("(", (*items, "max_items=max_items"), ")")

    def cast_call(self, client_call: str) -> Brackets:
        """The arguments of ``cast`` around ``client_call(...)``."""
        return Brackets("(", (pystr(self.result.cast), Nested(client_call, self.call)), ")")


@dataclass(frozen=True)
class GroupView:
    group: ir.Group
    methods: tuple[MethodView, ...]
    imports: Imports


@dataclass(frozen=True)
class FieldView:
    field: ir.Field
    annotation: str
    decode: str
    options: tuple[str, ...]  # the arguments of its dataclasses.field(), if it needs one

    @property
    def description(self) -> str:
        """The field's attribute docstring: the spec's text, and the version it came in."""
        since = self.field.since
        if since is None:
            return self.field.description
        return "\n\n".join(filter(None, [self.field.description, f".. versionadded:: {since}"]))

    @property
    def uses_field(self) -> bool:
        return bool(self.options) and not (
            len(self.options) == 1 and self.options[0].startswith("default=")
        )

    @property
    def default(self) -> str:
        """What follows the annotation: "", " = None" (or a zero value) or " = field(...)"."""
        if self.uses_field:
            return f" = field({', '.join(self.options)})"
        return f" = {self.options[0].removeprefix('default=')}" if self.options else ""


@dataclass(frozen=True)
class ModelView:
    model: ir.Model
    fields: tuple[FieldView, ...]
    imports: Imports = field(default_factory=Imports)  # the models it names are its module's

    @property
    def docstring(self) -> str:
        """The spec's description, or where the model comes from if its name does not say."""
        model = self.model
        if model.description or model.wire_name == model.name:
            return model.description
        return _origin(model.wire_name)

    @property
    def constructor(self) -> Brackets:
        """The arguments of ``cls`` in ``from_dict``."""
        items = [f"{identifier(f.field.name)}={f.decode}" for f in self.fields]
        return Brackets("(", (*items, "additional_properties=d"), ")")


def _argument(
    name: str, t: ir.TypeRef, required: bool, description: str, imports: Imports, location: str
) -> Argument:
    note = annotation(plain(t), imports)
    optional = note if required else f"{note} | None"
    return Argument(name, optional, required, description, location)


def _body_arguments(body: ir.Body, imports: Imports) -> list[Argument]:
    if body.kind in ("form", "multipart"):
        arguments = []
        for f in body.form_fields:
            if f.is_file:
                imports.runtime.add("FileUpload")
                note = "FileUpload" if f.required else "FileUpload | None"
                arguments.append(Argument(f.name, note, f.required, f.description, "file"))
            else:
                arguments.append(
                    _argument(f.name, f.type, f.required, f.description, imports, "form field")
                )
        return arguments
    btype = ir.TypeRef("str") if body.kind == "text" else body.type
    if body.kind == "binary":
        btype = ir.TypeRef("bytes")
    where = {"json": "JSON body", "text": "text body"}.get(body.kind, "body")
    what = body.description or (f"a ``{btype.name}``" if btype.kind == "model" else "")
    return [_argument(body.name, btype, body.required, what, imports, where)]


def _mapping(keyword: str, pairs: list[tuple[str, str]]) -> Nested:
    entries = tuple(f"{pystr(k)}: {v}" for k, v in pairs)
    return Nested(keyword + "=", Brackets("{", entries, "}", display=True))


def _call_args(op: ir.Operation, imports: Imports) -> tuple[str | Nested, ...]:
    args: list[str | Nested] = []
    by_location: dict[str, list[tuple[str, str]]] = {
        "path": [],
        "query": [],
        "header": [],
        "cookie": [],
    }
    for p in op.parameters:
        value = p.name
        if p.type.kind == "list" and not p.explode:
            imports.runtime.add("csv")
            value = f"csv({p.name})"
        by_location[p.location].append((p.wire_name, value))
    if by_location["path"]:
        args.append(_mapping("path", by_location["path"]))
        slashed = [p.wire_name for p in op.path_parameters if p.allow_slash]
        if slashed:
            names = ", ".join(pystr(n) for n in slashed) + ("," if len(slashed) == 1 else "")
            args.append(f"keep_slash=({names})")
    if by_location["query"]:
        args.append(_mapping("query", by_location["query"]))
    if by_location["cookie"]:
        # Sent in the Cookie header, which paginators pass on like any header.
        imports.runtime.add("cookie_header")
        cookies = ", ".join(f"{pystr(k)}: {v}" for k, v in by_location["cookie"])
        by_location["header"].append(("Cookie", f"cookie_header({{{cookies}}})"))
    if by_location["header"]:
        args.append(_mapping("headers", by_location["header"]))
    body = op.body
    if body is None:
        return tuple(args)
    if body.kind == "json":
        imports.runtime.add("dump")
        args.append(f"json=dump({body.name})")
    elif body.kind in ("text", "binary"):
        args += [f"content={body.name}", f"content_type={pystr(body.content_type)}"]
    else:
        data = [(f.wire_name, f.name) for f in body.form_fields if not f.is_file]
        files = [(f.wire_name, f.name) for f in body.form_fields if f.is_file]
        if data:
            args.append(_mapping("data", data))
        if files:
            args.append(_mapping("files", files))
    return tuple(args)


def _since(description: str, since: str | None) -> str:
    """A description with the version it appeared in, for SDKs of several versions."""
    if since is None:
        return description
    return f"{description} (since {since})" if description else f"Since {since}."


def _versions(op: ir.Operation, group: ir.Group, imports: Imports) -> tuple[str, ...]:
    """The ``versions=`` argument of an operation not every merged version has."""
    if op.since is None and op.until is None:
        return ()
    imports.runtime.add("Versions")
    items = [pystr(f"{group.attr}.{op.name}")]
    items += [f"since={pystr(op.since)}"] if op.since else []
    items += [f"until={pystr(op.until)}"] if op.until else []
    return (f"versions=Versions({', '.join(items)})",)


def method_view(op: ir.Operation, imports: Imports, group: ir.Group | None = None) -> MethodView:
    arguments = [
        _argument(p.name, p.type, p.required, _since(p.description, p.since), imports, p.location)
        for p in op.parameters
    ]
    if op.body is not None:
        arguments += _body_arguments(op.body, imports)
    call_args = _call_args(op, imports)
    if group is not None:
        call_args += _versions(op, group, imports)
    if op.pagination is not None:
        arguments.append(Argument("max_items", "int | None", False, "stop after this many items"))
        result = paged_parts(op, imports)
    else:
        result = result_parts(op.result, imports)
    if op.result.kind == "bytes" and op.pagination is None:
        imports.typing.add("IO")
        note = "write the body into this binary file as it arrives (the method then returns b'')"
        arguments.append(Argument("into", "IO[bytes] | None", False, note))
        call_args += ("into=into",)
    positional = tuple(a for a in arguments if a.required)
    keyword = tuple(a for a in arguments if not a.required)
    return MethodView(op, positional, keyword, call_args, result)


def group_view(group: ir.Group) -> GroupView:
    imports = Imports(lazy_models=True)
    methods = tuple(method_view(op, imports, group) for op in group.operations)
    return GroupView(group, methods, imports)


def _origin(wire_name: str) -> str:
    """Where an inline schema stood, in words: its wire name is a JSON pointer."""
    if not wire_name.startswith("/"):
        return f"The ``{wire_name}`` schema."
    parts = [p.replace("~1", "/").replace("~0", "~") for p in wire_name[1:].split("/")]
    if parts[0] == "paths" and len(parts) >= 4:
        route = f"``{parts[2].upper()} {parts[1]}``"
        if parts[3] in ("requestBody", "parameters"):
            return f"The request body of {route}."
        if parts[3] == "responses" and len(parts) >= 5:
            return f"The {parts[4]} response of {route}."
    named = {"definitions": 2, "components": 3}.get(parts[0], 0)  # /components/schemas/X
    if named and len(parts) > named and "properties" in parts:
        owner = parts[named - 1]
        path = ".".join(p for i, p in enumerate(parts) if i and parts[i - 1] == "properties")
        what = "An item of the" if parts[-1] == "items" else "The"
        return f"{what} ``{path}`` field of ``{owner}``."
    return f"The schema at ``{wire_name}``."


def _field_options(f: ir.Field) -> tuple[str, ...]:
    options = [] if f.required or f.always else ["default=None"]
    # (not an enum's: "" is not one of its members to a type checker)
    if f.always and not f.required and f.type.kind in ZERO and f.type.kind != "enum":
        options = [f"default={ZERO[f.type.kind]}"]  # a model made by hand need not set it
    if f.secret:
        options.append("repr=False")
    if f.name != f.wire_name:
        # Model.to_dict reads the JSON name of a renamed field from here.
        options.append(f'metadata={{"wire": {pystr(f.wire_name)}}}')
    return tuple(options)


def models_view(api: ir.Api) -> tuple[ModelView, ...]:
    views = []
    for model in api.models:
        imports = Imports()
        fields = []
        for f in model.fields:
            note = annotation(plain(f.type), imports)
            decode = field_decoder(f.type, f.wire_name, f.required, imports, always=f.always)
            note = note if f.required or f.always else f"{note} | None"
            fields.append(FieldView(f, note, decode, _field_options(f)))
        views.append(ModelView(model, tuple(fields), imports))
    return tuple(views)


@dataclass(frozen=True)
class AuthView:
    """Which auth adapters the package offers: the spec's schemes plus the profile's facts."""

    otp_header: str | None
    bearer: bool
    query_params: tuple[str, ...]  # query parameter names a token may use; () when refused
    sudo_header: str | None
    sudo_param: str | None
    ssh_signatures: bool
    token_path: str | None  # the route that mints a token with basic auth

    @property
    def names(self) -> tuple[str, ...]:
        names = ["BasicAuth", "TokenAuth"]
        names += ["BearerAuth"] if self.bearer else []
        names += ["QueryTokenAuth"] if self.query_params else []
        names += ["Sudo"] if self.sudo_header or self.sudo_param else []
        return tuple(sorted(names))

    @property
    def ssh_names(self) -> tuple[str, ...]:
        """Adapters in the ``ssh_auth`` module, which needs the ``ssh`` extra."""
        return ("SSHCertificateAuth", "SSHSignatureAuth") if self.ssh_signatures else ()


def auth_view(api: ir.Api, profile: Profile) -> AuthView:
    def scheme(location: str, match: str) -> str | None:
        return next(
            (
                s.parameter
                for s in api.security
                if s.kind == "apikey" and s.location == location and match in s.parameter.lower()
            ),
            None,
        )

    spec_query = tuple(
        sorted(
            s.parameter
            for s in api.security
            if s.kind == "apikey" and s.location == "query" and "sudo" not in s.parameter.lower()
        )
    )
    query_ok = profile.query_tokens or (profile.name == "generic" and bool(spec_query))
    token_path = next(
        (
            op.path
            for op in api.operations
            if op.method == "POST" and op.path == "/users/{username}/tokens"
        ),
        None,
    )
    return AuthView(
        otp_header=scheme("header", "otp") or profile.otp_header,
        bearer=profile.bearer or any(s.kind in ("bearer", "oauth2") for s in api.security),
        query_params=(spec_query or ("access_token", "token")) if query_ok else (),
        sudo_header=(scheme("header", "sudo") or "Sudo") if profile.sudo else None,
        sudo_param=(scheme("query", "sudo") or "sudo") if profile.sudo else None,
        ssh_signatures=profile.name in ("gitea", "forgejo"),
        token_path=token_path,
    )

"""What the generated README's examples call: found in the IR by route, so
each forge's manual shows its own method names, and a spec that lacks an
operation simply gets no example for it.

The examples run as written against an instance holding the repository
``alice/hello`` (the test suite's fake forge has it); a reader replaces the
names with their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from forgegen import ir
from forgegen.literals import pystr

__all__ = ["Examples", "examples"]

OWNER, REPO = "alice", "hello"
_VALUES = {
    "owner": OWNER,
    "repo": REPO,
    "filepath": "README.md",
    "ref": "main",
    "id": 1,
    "username": OWNER,
}


@dataclass(frozen=True)
class Call:
    """``client.<group>.<method>`` and its required arguments, ready to print."""

    method: str
    arguments: str
    op: ir.Operation

    def __call__(self, *extra: str) -> str:
        """The call with the example's arguments, then ``extra`` (``limit=50``…)."""
        return f"{self.method}({', '.join([a for a in [self.arguments] if a] + list(extra))})"

    @property
    def paged(self) -> bool:
        return self.op.pagination is not None

    def has(self, name: str) -> bool:
        return any(p.name == name for p in self.op.parameters)


@dataclass(frozen=True)
class Examples:
    repo: Call | None  # GET /repos/{owner}/{repo}
    me: Call | None  # GET /user
    tokens: Call | None  # GET /users/{username}/tokens, which takes basic auth everywhere
    issues: Call | None  # the paged issue list of a repository
    create_issue: Call | None
    issue_body: str  # the model of create_issue's body
    issue_body_arg: str  # and the argument taking it
    download: Call | None  # a raw file
    download_streams: bool  # download takes into=
    upload: Call | None  # a release attachment
    upload_field: str  # the argument taking the file
    token_scopes: bool  # a token is created with scopes (Gitea 1.19+ refuses one without)
    groups: tuple[tuple[str, tuple[ir.Operation, ...]], ...]  # (attribute, operations)


def _call(api: ir.Api, method: str, *paths: str) -> Call | None:
    for group in api.groups:
        for op in group.operations:
            if op.method == method and op.path.rstrip("/") in paths:
                values = []
                for p in op.parameters:
                    if not p.required:
                        continue
                    value = _VALUES.get(p.wire_name)
                    if value is None:
                        return None  # an argument the example cannot fill
                    values.append(pystr(value) if isinstance(value, str) else str(value))
                return Call(f"client.{group.attr}.{op.name}", ", ".join(values), op)
    return None


def examples(api: ir.Api) -> Examples:
    repo = "/repos/{owner}/{repo}"
    create = _call(api, "POST", repo + "/issues")
    issues = _call(api, "GET", repo + "/issues")
    if issues is not None and issues.op.pagination is None:
        issues = None
    body = create.op.body if create is not None else None
    if create is not None and (body is None or body.type.kind != "model"):
        create = None
    download = _call(api, "GET", repo + "/raw/{filepath}", repo + "/raw/{ref}/{filepath}")
    upload = _call(api, "POST", repo + "/releases/{id}/assets")
    form = upload.op.body.form_fields if upload is not None and upload.op.body is not None else ()
    files = [f.name for f in form if f.is_file]
    token = _call(api, "POST", "/users/{username}/tokens")
    token_body = token.op.body if token is not None else None
    token_model = next(
        (m for m in api.models if token_body is not None and m.name == token_body.type.name), None
    )
    scopes = token_model is not None and any(f.wire_name == "scopes" for f in token_model.fields)
    return Examples(
        repo=_call(api, "GET", repo),
        me=_call(api, "GET", "/user"),
        tokens=_call(api, "GET", "/users/{username}/tokens"),
        issues=issues,
        create_issue=create,
        issue_body=body.type.name if create is not None and body is not None else "",
        issue_body_arg=body.name if body is not None else "",
        download=download,
        download_streams=download is not None and download.op.result.kind == "bytes",
        upload=upload if files else None,
        upload_field=files[0] if files else "",
        token_scopes=scopes,
        groups=tuple((g.attr, g.operations) for g in api.groups),
    )

"""The data models of the Gogs API, v1.

Every model keeps the JSON fields it does not know in
``additional_properties``, and every enum accepts values it does not know,
so this package keeps working against newer servers.

Each model is loaded the first time it is asked for, with the models it
refers to: a call decodes its answer without loading the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._access_token import AccessToken
    from ._collaborator import Collaborator
    from ._collaborator_permissions import CollaboratorPermissions
    from ._create_access_token_body import CreateAccessTokenBody
    from ._create_issue_body import CreateIssueBody
    from ._delete_emails_body import DeleteEmailsBody
    from ._error import Error
    from ._issue import Issue, IssueState
    from ._label import Label
    from ._milestone import Milestone, MilestoneState
    from ._render_markdown_body import RenderMarkdownBody, RenderMarkdownBodyMode
    from ._repository import Repository
    from ._repository_permissions import RepositoryPermissions
    from ._search_repositories_response import SearchRepositoriesResponse
    from ._user import User

# Where each name is defined.
_MODULES = {
    "AccessToken": "._access_token",
    "Collaborator": "._collaborator",
    "CollaboratorPermissions": "._collaborator_permissions",
    "CreateAccessTokenBody": "._create_access_token_body",
    "CreateIssueBody": "._create_issue_body",
    "DeleteEmailsBody": "._delete_emails_body",
    "Error": "._error",
    "Issue": "._issue",
    "IssueState": "._issue",
    "Label": "._label",
    "Milestone": "._milestone",
    "MilestoneState": "._milestone",
    "RenderMarkdownBody": "._render_markdown_body",
    "RenderMarkdownBodyMode": "._render_markdown_body",
    "Repository": "._repository",
    "RepositoryPermissions": "._repository_permissions",
    "SearchRepositoriesResponse": "._search_repositories_response",
    "User": "._user",
}

__all__ = [
    "AccessToken",
    "Collaborator",
    "CollaboratorPermissions",
    "CreateAccessTokenBody",
    "CreateIssueBody",
    "DeleteEmailsBody",
    "Error",
    "Issue",
    "IssueState",
    "Label",
    "Milestone",
    "MilestoneState",
    "RenderMarkdownBody",
    "RenderMarkdownBodyMode",
    "Repository",
    "RepositoryPermissions",
    "SearchRepositoriesResponse",
    "User",
]


def __dir__() -> list[str]:
    return sorted(__all__)


# Type checkers see the imports above; at run time each name is imported on first use.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value

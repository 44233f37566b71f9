"""The data models of the Gitea API, 1.22.6.

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
    from ._action_runner import ActionRunner
    from ._action_runner_label import ActionRunnerLabel
    from ._activity import Activity
    from ._activity_pub import ActivityPub
    from ._api_error import APIError
    from ._attachment import Attachment
    from ._commit import Commit
    from ._commit_user import CommitUser
    from ._create_access_token_option import CreateAccessTokenOption
    from ._create_action_workflow_dispatch import CreateActionWorkflowDispatch
    from ._create_issue_option import CreateIssueOption
    from ._create_or_update_secret_option import CreateOrUpdateSecretOption
    from ._create_repo_option import (
        CreateRepoOption,
        CreateRepoOptionObjectFormatName,
        CreateRepoOptionTrustModel,
    )
    from ._edit_reaction_option import EditReactionOption
    from ._general_api_settings import GeneralAPISettings
    from ._issue import Issue
    from ._issue_meta import IssueMeta
    from ._label import Label
    from ._merge_pull_request_option import (
        MergePullRequestOption,
        MergePullRequestOptionDo,
    )
    from ._milestone import Milestone
    from ._node_info import NodeInfo
    from ._node_info_software import NodeInfoSoftware
    from ._notification_subject import NotificationSubject
    from ._notification_thread import NotificationThread
    from ._o_auth_2_application import OAuth2Application
    from ._permission import Permission
    from ._pull_request_meta import PullRequestMeta
    from ._repo_commit import RepoCommit
    from ._repository import Repository, RepositoryObjectFormatName
    from ._search_results import SearchResults
    from ._server_version import ServerVersion
    from ._user import User
    from ._user_settings import UserSettings
    from ._watch_info import WatchInfo

# Where each name is defined.
_MODULES = {
    "APIError": "._api_error",
    "AccessToken": "._access_token",
    "ActionRunner": "._action_runner",
    "ActionRunnerLabel": "._action_runner_label",
    "Activity": "._activity",
    "ActivityPub": "._activity_pub",
    "Attachment": "._attachment",
    "Commit": "._commit",
    "CommitUser": "._commit_user",
    "CreateAccessTokenOption": "._create_access_token_option",
    "CreateActionWorkflowDispatch": "._create_action_workflow_dispatch",
    "CreateIssueOption": "._create_issue_option",
    "CreateOrUpdateSecretOption": "._create_or_update_secret_option",
    "CreateRepoOption": "._create_repo_option",
    "CreateRepoOptionObjectFormatName": "._create_repo_option",
    "CreateRepoOptionTrustModel": "._create_repo_option",
    "EditReactionOption": "._edit_reaction_option",
    "GeneralAPISettings": "._general_api_settings",
    "Issue": "._issue",
    "IssueMeta": "._issue_meta",
    "Label": "._label",
    "MergePullRequestOption": "._merge_pull_request_option",
    "MergePullRequestOptionDo": "._merge_pull_request_option",
    "Milestone": "._milestone",
    "NodeInfo": "._node_info",
    "NodeInfoSoftware": "._node_info_software",
    "NotificationSubject": "._notification_subject",
    "NotificationThread": "._notification_thread",
    "OAuth2Application": "._o_auth_2_application",
    "Permission": "._permission",
    "PullRequestMeta": "._pull_request_meta",
    "RepoCommit": "._repo_commit",
    "Repository": "._repository",
    "RepositoryObjectFormatName": "._repository",
    "SearchResults": "._search_results",
    "ServerVersion": "._server_version",
    "User": "._user",
    "UserSettings": "._user_settings",
    "WatchInfo": "._watch_info",
}

__all__ = [
    "APIError",
    "AccessToken",
    "ActionRunner",
    "ActionRunnerLabel",
    "Activity",
    "ActivityPub",
    "Attachment",
    "Commit",
    "CommitUser",
    "CreateAccessTokenOption",
    "CreateActionWorkflowDispatch",
    "CreateIssueOption",
    "CreateOrUpdateSecretOption",
    "CreateRepoOption",
    "CreateRepoOptionObjectFormatName",
    "CreateRepoOptionTrustModel",
    "EditReactionOption",
    "GeneralAPISettings",
    "Issue",
    "IssueMeta",
    "Label",
    "MergePullRequestOption",
    "MergePullRequestOptionDo",
    "Milestone",
    "NodeInfo",
    "NodeInfoSoftware",
    "NotificationSubject",
    "NotificationThread",
    "OAuth2Application",
    "Permission",
    "PullRequestMeta",
    "RepoCommit",
    "Repository",
    "RepositoryObjectFormatName",
    "SearchResults",
    "ServerVersion",
    "User",
    "UserSettings",
    "WatchInfo",
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

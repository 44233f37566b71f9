"""The ``ActionRunner`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt_list, zero_if_none
from ._action_runner_label import ActionRunnerLabel

__all__ = ["ActionRunner"]


@dataclass(slots=True, kw_only=True)
class ActionRunner(Model):
    """ActionRunner is a machine that picks up Actions jobs."""

    busy: bool = False
    ephemeral: bool = False
    id: int = 0
    labels: list[ActionRunnerLabel] | None = None
    name: str = ""
    status: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActionRunner:
        d = dict(data)
        decoded = cls(
            busy=zero_if_none(d.pop("busy", None), False),
            ephemeral=zero_if_none(d.pop("ephemeral", None), False),
            id=zero_if_none(d.pop("id", None), 0),
            labels=opt_list(ActionRunnerLabel.from_dict, d.pop("labels", None)),
            name=zero_if_none(d.pop("name", None), ""),
            status=zero_if_none(d.pop("status", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)

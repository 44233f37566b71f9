"""The ``CreateActionWorkflowDispatch`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, need

__all__ = ["CreateActionWorkflowDispatch"]


@dataclass(slots=True, kw_only=True)
class CreateActionWorkflowDispatch(Model):
    """CreateActionWorkflowDispatch names the ref to run and the workflow inputs."""

    inputs: dict[str, str] | None = None
    ref: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateActionWorkflowDispatch:
        d = dict(data)
        decoded = cls(
            inputs=d.pop("inputs", None), ref=need(d, "ref"), additional_properties=d
        )
        return decoded_from(decoded, data)

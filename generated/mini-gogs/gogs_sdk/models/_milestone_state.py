"""The ``MilestoneState`` enum of the Gogs API, v1.

Import it from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations


from .._runtime import OpenEnum

__all__ = ["MilestoneState"]


class MilestoneState(OpenEnum):
    OPEN = "open"
    CLOSED = "closed"

"""The ``KeywordsType`` enum of the Edge Cases, 0.1.0.

Import it from ``edge_cases_sdk.models``, not from here.
"""

from __future__ import annotations


from .._runtime import OpenEnum

__all__ = ["KeywordsType"]


class KeywordsType(OpenEnum):
    PUBLIC = "public"
    PRIVATE = "private"

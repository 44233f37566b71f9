"""The ``Color`` enum of the Edge Cases, 0.1.0.

Import it from ``edge_cases_sdk.models``, not from here.
"""

from __future__ import annotations


from .._runtime import OpenEnum

__all__ = ["Color"]


class Color(OpenEnum):
    """Three values that all become A_B under a naive UPPER_SNAKE conversion, and one that starts with a digit."""

    A_B = "a-b"
    A_B_2 = "a_b"
    A_B_3 = "A B"
    VALUE_1_ST = "1st"

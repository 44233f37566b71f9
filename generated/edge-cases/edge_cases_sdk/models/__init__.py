"""The data models of the Edge Cases, 0.1.0.

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
    from ._a import A, B
    from ._color import Color
    from ._foo_bar import FooBar
    from ._foo_bar_2 import FooBar2
    from ._keywords import Keywords, KeywordsType
    from ._weird_names import WeirdNames

# Where each name is defined.
_MODULES = {
    "A": "._a",
    "B": "._a",
    "Color": "._color",
    "FooBar": "._foo_bar",
    "FooBar2": "._foo_bar_2",
    "Keywords": "._keywords",
    "KeywordsType": "._keywords",
    "WeirdNames": "._weird_names",
}

__all__ = [
    "A",
    "B",
    "Color",
    "FooBar",
    "FooBar2",
    "Keywords",
    "KeywordsType",
    "WeirdNames",
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

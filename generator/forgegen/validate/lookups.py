"""The keyword walk's steps into dicts and lists, without typing's slow protocol check.

Takes nothing and gives a context manager, ``direct_lookups``, to hold while
openapi-spec-validator walks a document.

Every step the walk takes goes through pathable's ``_get_subnode``, which
first asks ``isinstance(node, Subscriptable)``, a runtime-checkable Protocol.
Before Python 3.12 that check works out the protocol's members again on every
call (CPython gh-74690, fixed in 3.12): on GitHub's spec, 128,000 checks and a
third of the walk (4.3 s; 2.7 s without them). A parsed JSON or YAML document
is dicts and lists, which are Subscriptable, so for them the answer is known
and the step is a plain subscript; any other node goes to pathable as before.
The errors are the same either way: a missing key or index, or a subscript of
the wrong type, is the ``KeyError(part)`` pathable raises.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator
from typing import Any

__all__ = ["direct_lookups"]

_NAME = "_get_subnode"


# Walks in other threads may hold it too: the first one in puts the direct
# lookup in place, the last one out takes it away.
_lock = threading.Lock()
_holders = 0
_installed = False  # by us: a lookup the library defines itself is never taken away


@contextlib.contextmanager
def direct_lookups() -> Iterator[None]:
    """While held, jsonschema-path steps into dicts and lists directly; before
    Python 3.12 only, and only where the library still looks the way it did."""
    global _holders, _installed
    node_class = _schema_node()
    if sys.version_info >= (3, 12) or node_class is None:
        yield  # nothing to gain, or a library that changed: leave it be
        return
    with _lock:
        if _holders == 0 and _NAME not in vars(node_class):
            setattr(node_class, _NAME, classmethod(_direct(getattr(node_class, _NAME))))
            _installed = True
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _installed:
                delattr(node_class, _NAME)  # the inherited lookup again
                _installed = False


def _direct(inherited: Any) -> Any:
    def get_subnode(cls: type, node: Any, part: Any) -> Any:
        if type(node) is dict or type(node) is list:
            try:
                return node[part]
            except (KeyError, IndexError, TypeError) as exc:
                raise KeyError(part) from exc
        return inherited(node, part)

    return get_subnode


def _schema_node() -> type | None:
    """jsonschema-path's node class, if it inherits pathable's lookup as expected."""
    try:
        from jsonschema_path.nodes import SchemaNode
    except ImportError:
        return None
    return SchemaNode if callable(getattr(SchemaNode, _NAME, None)) else None

"""The API surface of a generated package as text: one line per method
signature, model field and enum member."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import re
from pathlib import Path

_ROUTE = re.compile(r"``([A-Z]+) (\S+)``")


def _signature(fn: object) -> str:
    """The signature as written in the source (annotations are strings there)."""
    sig = inspect.signature(fn)  # type: ignore[arg-type]
    parts, star = [], False
    for p in sig.parameters.values():
        if p.kind is p.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        text = p.name if p.annotation is p.empty else f"{p.name}: {p.annotation}"
        parts.append(text if p.default is p.empty else f"{text} = {p.default!r}")
    return f"({', '.join(parts)}) -> {sig.return_annotation}"


def api_surface(out: Path, package: str) -> list[str]:
    lines = []
    for path in sorted((out / package / "api").glob("[!_]*.py")):
        module = importlib.import_module(f"{package}.api.{path.stem}")
        for cls_name, cls in sorted(vars(module).items()):
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            if cls_name.startswith("Async"):
                continue
            for name, fn in vars(cls).items():
                if name.startswith("_") or not inspect.isfunction(fn):
                    continue
                route = _ROUTE.findall(fn.__doc__ or "")
                where = f"  # {route[-1][0]} {route[-1][1]}" if route else ""
                lines.append(f"Api {cls_name}.{name}{_signature(fn)}{where}")
    models = importlib.import_module(f"{package}.models")
    for name in models.__all__:
        cls = getattr(models, name)
        if dataclasses.is_dataclass(cls):
            lines += [f"Model {name}.{f.name}: {f.type}" for f in dataclasses.fields(cls)]
        else:
            lines += [f"Enum {name}.{m.name} = {m.value!r}" for m in cls]
    return lines

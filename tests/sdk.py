"""Helpers for tests that build an SDK and load it."""

from __future__ import annotations

import ast
import importlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from forgegen import naming
from forgegen.build import BuildOptions, build

from builds import shared_build

REPO = Path(__file__).resolve().parent.parent

# Every real spec, with the package name its SDK gets in tests: unique, so
# that several SDKs can be imported into one test process.
REAL_SPECS = {
    **{f"gitea/1.{n}.json": f"gitea_1_{n}_sdk" for n in range(17, 28)},
    "gitea/1.27-openapi3.json": "gitea_1_27_openapi3_sdk",
    **{f"forgejo/{n}.json": f"forgejo_{n}_sdk" for n in range(7, 16)},
    "gogs/openapi.json": "gogs_sdk",
}


def build_sdk(spec: Path | str, out: Path, package: str | None = None, **options: Any) -> Path:
    """Build an SDK into ``out`` (or copy the tree an identical build made in this run)."""

    def run() -> None:
        build(BuildOptions(spec=str(spec), out=out, package=package, **options))

    shared_build(run, spec, out, package, options)
    return out


def load_package(out: Path, package: str) -> ModuleType:
    """Import a generated package (and all its modules) from ``out``."""
    if str(out) not in sys.path:
        sys.path.insert(0, str(out))
    importlib.invalidate_caches()
    module = importlib.import_module(package)
    importlib.import_module(f"{package}.models")
    return module


def group_modules(out: Path, package: str) -> Iterator[ModuleType]:
    for path in sorted((out / package / "api").glob("*.py")):
        if path.stem != "__init__":
            yield importlib.import_module(f"{package}.api.{path.stem}")


def spec_operations(document: dict[str, Any]) -> list[tuple[str, str]]:
    """(METHOD, path) of every operation a spec declares."""
    methods = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
    return [
        (m.upper(), path)
        for path, item in document["paths"].items()
        for m in methods
        if isinstance(item.get(m), dict)
    ]


def run_python(code: str, *, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter, so imports there start cold and clean."""
    return subprocess.run(
        [sys.executable, "-X", "utf8", "-c", code],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


# Imports every module of a generated package, touches every export and every API
# group of a client, and reports what it did besides defining things: any process,
# socket or file-changing call the audit hook saw. Run in a fresh interpreter.
IMPORT_EVERYTHING = r"""
import importlib, json, os, pathlib, sys
import httpx

httpx.Client().close()  # the SDK's one dependency loads (all of it) before the watch starts

out, package = pathlib.Path(sys.argv[1]), sys.argv[2]
WATCHED = (
    "socket.", "subprocess.", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.fork",
    "os.kill", "os.remove", "os.unlink", "os.rename", "os.rmdir", "os.mkdir", "os.symlink",
    "os.chmod", "os.truncate", "shutil.", "ctypes.", "webbrowser.", "urllib.Request",
)
CHANGES = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
seen = []

def watch(event, args):
    if event.startswith(WATCHED):
        seen.append(f"{event} {args!r}"[:300])
    elif event == "open":
        mode, flags = args[1], args[2] or 0
        if (isinstance(mode, str) and set(mode) & set("wax+")) or flags & CHANGES:
            seen.append(f"{event} {args!r}"[:300])

sys.path.insert(0, str(out))
sys.addaudithook(watch)
names = sorted(
    ".".join(p.relative_to(out).with_suffix("").parts).removesuffix(".__init__")
    for p in (out / package).rglob("*.py")
)
modules = [importlib.import_module(name) for name in names]
root = modules[0]
for name in root.__all__:
    getattr(root, name)
with root.Client("http://127.0.0.1:9") as client:
    for name, value in vars(type(client)).items():
        if isinstance(value, property) or type(value).__name__ == "cached_property":
            getattr(client, name)
print(json.dumps({"modules": names, "seen": seen}))
"""


def import_quietly(out: Path, package: str, cwd: Path) -> list[str]:
    """Import all of a generated package in a fresh interpreter working in ``cwd``
    (an empty folder); fail unless it printed nothing and did nothing but define
    things. Returns the names of the modules imported."""
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-B",
            "-X",
            "utf8",
            "-c",
            IMPORT_EVERYTHING,
            str(out.resolve()),
            package,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert len(lines) == 1, f"the import printed something:\n{result.stdout[-3000:]}"
    report = json.loads(lines[0])
    assert report["seen"] == [], report["seen"]
    assert list(cwd.iterdir()) == [], "the import created files"
    names: list[str] = report["modules"]
    return names


# What a generated module may call while it is imported: typing and dataclass
# machinery. Anything else at module or class level (a call, a decorator) would be
# code that runs on import.
IMPORT_TIME_CALLS = frozenset(
    {
        "ContextVar",
        "Retries",  # the default of the clients' ``retries``: the package's own dataclass
        "TypeVar",
        "classmethod",
        "contextlib.asynccontextmanager",
        "contextlib.contextmanager",
        "dataclass",
        "field",
        "frozenset",
        "functools.cached_property",
        "functools.cache",
        "property",
        "re.compile",
        "staticmethod",
    }
)


def import_time_calls(source: str) -> list[str]:
    """The calls and decorators a module runs when imported that are not in
    ``IMPORT_TIME_CALLS``: module level, class bodies, decorators and defaults,
    not function bodies (annotations are strings: every module has
    ``from __future__ import annotations``). Pure string work on literals
    (``"|".join(map(re.escape, names))``) counts as a definition."""
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            arguments = node.args
            for default in [*arguments.defaults, *arguments.kw_defaults]:
                if default is not None:
                    visit(default)
            if not isinstance(node, ast.Lambda):
                for decorator in node.decorator_list:
                    check(decorator)
            return
        if isinstance(node, ast.ClassDef):
            for decorator in node.decorator_list:
                check(decorator)
        if isinstance(node, ast.Call):
            check(node)
            return
        if isinstance(node, (ast.AnnAssign, ast.arg)):  # an annotation is never evaluated
            for name, value in ast.iter_fields(node):
                if name != "annotation" and isinstance(value, ast.AST):
                    visit(value)
            return
        for child in ast.iter_child_nodes(node):
            if not (isinstance(node, ast.ClassDef) and child in node.decorator_list):
                visit(child)

    def check(node: ast.expr) -> None:
        callee = node.func if isinstance(node, ast.Call) else node
        name = ast.unparse(callee)
        on_text = isinstance(callee, ast.Attribute) and isinstance(callee.value, ast.Constant)
        pure_map = (
            name == "map"
            and isinstance(node, ast.Call)
            and ast.unparse(node.args[0]) in ("re.escape", "str")
        )
        if name not in IMPORT_TIME_CALLS and not on_text and not pure_map:
            found.append(f"line {node.lineno}: {ast.unparse(node)[:120]}")
        if isinstance(node, ast.Call):
            for part in [node.func, *node.args, *(k.value for k in node.keywords)]:
                visit(part)

    tree = ast.parse(source)
    postponed = any(isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in tree.body)
    if not postponed and any(isinstance(n, (ast.FunctionDef, ast.ClassDef)) for n in tree.body):
        found.append("no `from __future__ import annotations`: annotations run on import")
    visit(tree)
    return found


# What no generated file may hold: controls (a line break is "\n" only), lone
# surrogates, and the bidi marks that make code read differently from how it runs.
UNSAFE_TEXT = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ufeff\ud800-\udfff]"
)
SAFE_FILE_NAME = re.compile(r"\.?[A-Za-z0-9_][A-Za-z0-9_.-]*")  # .forgegen.json, x_sdk, a.py
WINDOWS_DEVICES = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"{p}{n}" for p in ("com", "lpt") for n in range(10)),
}


def check_output(out: Path) -> str:
    """Every file of a build is plain, safely named and inside ``out``; every module
    compiles, runs only definitions on import and binds each name once. Returns
    the package name."""
    package = json.loads((out / ".forgegen.json").read_text(encoding="utf-8"))["package"]
    assert (out / package / "__init__.py").is_file()
    for path in out.rglob("*"):
        assert not path.is_symlink()
        assert path.resolve().is_relative_to(out.resolve())
        for part in path.relative_to(out).parts:
            assert SAFE_FILE_NAME.fullmatch(part), part
            assert len(part) <= naming.MODULE_LENGTH + 12, part
            assert part.split(".")[0].lower() not in WINDOWS_DEVICES, part
        if path.suffix == ".json":  # data, not code: it must only parse
            json.loads(path.read_text(encoding="utf-8"))
        elif path.is_file() and path.suffix in (".py", ".md", ".toml"):
            text = path.read_text(encoding="utf-8")
            bad = UNSAFE_TEXT.search(text)
            assert bad is None, f"{path}: {bad.group()!r} at {bad.start()}"
    _check_modules(out, str(package))
    return str(package)


def _check_modules(out: Path, package: str) -> None:
    """Every module compiles, runs only definitions on import, and binds each name once."""
    for path in sorted((out / package).rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        compile(source, str(path), "exec")
        assert import_time_calls(source) == [], path
        for scope in [ast.parse(source), *_classes(ast.parse(source))]:
            names = _bound_names(scope.body)
            doubles = sorted({n for n in names if names.count(n) > 1})
            assert doubles == [], f"{path}: {doubles} bound twice (one shadows the other)"


def _classes(tree: ast.Module) -> list[ast.ClassDef]:
    return [node for node in tree.body if isinstance(node, ast.ClassDef)]


def _bound_names(body: list[ast.stmt]) -> list[str]:
    """Names a block binds by definition or import (``if TYPE_CHECKING`` imports too)."""
    names: list[str] = []
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names += [(a.asname or a.name).split(".")[0] for a in node.names]
        elif isinstance(node, ast.If):
            names += _bound_names(node.body) + _bound_names(node.orelse)
    return names


def pyright_strict(project: Path, package: str, scratch: Path) -> subprocess.CompletedProcess[str]:
    """``pyright`` in strict mode over a generated package, its config kept in ``scratch``
    so the project (perhaps a committed snapshot) is left as it was."""
    config = scratch / "pyrightconfig.json"
    settings = {
        "include": [str(project / package)],
        "extraPaths": [str(project)],
        "typeCheckingMode": "strict",
        "pythonVersion": "3.10",
    }
    config.write_text(json.dumps(settings), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pyright", "--project", str(config)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

"""Runtime workloads: decoding realistic issues, and paginating from a loopback server.

Importable (the data generator and the server are plain functions) and
runnable: ``run.py`` starts each workload in a fresh interpreter, with the
generated SDKs on ``sys.path``, and reads one JSON object from its stdout::

    python workloads.py serve --items FILE [--latency S] [--max-requests N]
    python workloads.py decode --data FILE --sdk NAME=DIR:PACKAGE ... [--repeat N]
    python workloads.py paginate --url URL --sdk DIR:PACKAGE --expect N --mode overhead|prefetch

Everything stays on 127.0.0.1; the server answers a bounded number of
requests and stops when its standard input closes or its lifetime ends.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import gc
import importlib
import json
import random
import string
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

__all__ = [
    "ISSUES_PATH",
    "make_issues",
    "page_links",
    "start_server",
    "stop_server",
    "strip_nulls",
]

ISSUES_PATH = "/api/v1/repos/octo/hello/issues"
PAGE_CAP = 50  # the forge's max_response_items
HOST = "gitea.example.com"

# ---------------------------------------------------------------------------
# Realistic issues, made from the spec's own schema
# ---------------------------------------------------------------------------


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_WORDS = _split(
    "fix crash when pushing large repository mirror sync fails after upgrade "
    "webhook delivery timeout label color not saved milestone progress wrong branch "
    "protection rule ignored pull request review comment lost markdown rendering "
    "broken table avatar cache ssh key import api returns error pagination header "
    "missing token scope admin panel dark theme"
)
_NAMES = _split(
    "alice bob carol dave erin frank grace heidi ivan judy mallory niaj olivia "
    "peggy rupert sybil trent victor walter yuki zoe"
)
_OFFSETS = ("Z", "+00:00", "+08:00", "+02:00", "-05:00", "+05:30", "-07:00")
# Gitea sends null (not an empty value) for these when they are unset.
_NULL_P = {
    "milestone": 0.45,
    "assignee": 0.55,
    "assignees": 0.55,
    "pull_request": 0.8,
    "closed_at": 0.6,
    "due_date": 0.85,
    "merged_at": 0.8,
    "deadline": 0.6,
}
_ALWAYS = frozenset({"user", "repository", "owner", "poster"})
_POOLED = 24  # nested objects come from small pools, as users and labels do in a repo


class _Faker:
    def __init__(self, spec: Mapping[str, Any], seed: int) -> None:
        self.rng = random.Random(seed)
        self.schemas: Mapping[str, Any] = spec.get("definitions") or spec.get("components", {}).get(
            "schemas", {}
        )
        self.pools: dict[str, list[Any]] = {}

    def resolve(self, schema: Mapping[str, Any]) -> tuple[str | None, Mapping[str, Any]]:
        name = None
        while "$ref" in schema:
            name = str(schema["$ref"]).rsplit("/", 1)[-1]
            schema = self.schemas[name]
        if "allOf" in schema and "properties" not in schema:
            merged: dict[str, Any] = {"type": "object", "properties": {}}
            for part in schema["allOf"]:
                merged["properties"].update(self.resolve(part)[1].get("properties", {}))
            schema = merged
        return name, schema

    def timestamp(self) -> str:
        rng = self.rng
        moment = datetime.datetime(2019, 1, 1) + datetime.timedelta(
            seconds=rng.randrange(7 * 365 * 86400)
        )
        return moment.strftime("%Y-%m-%dT%H:%M:%S") + rng.choice(_OFFSETS)

    def text(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(_WORDS) for _ in range(self.rng.randint(low, high)))

    def string(self, name: str, schema: Mapping[str, Any]) -> str:
        rng = self.rng
        fmt = schema.get("format")
        if fmt == "date-time":
            # Gitea's zero time, as it sends it for users who never logged in
            return "0001-01-01T00:00:00Z" if rng.random() < 0.05 else self.timestamp()
        if fmt == "date":
            return self.timestamp()[:10]
        if "enum" in schema:
            return str(rng.choice(schema["enum"]))
        login = rng.choice(_NAMES)
        if name.endswith("url") or name in ("website", "link"):
            return f"https://{HOST}/{login}/{rng.choice(_WORDS)}-{rng.randrange(100)}"
        if name == "email":
            return f"{login}@noreply.{HOST}"
        if name in ("login", "username", "owner", "login_name", "name"):
            return login if rng.random() < 0.7 else f"{login}-{rng.randrange(1000)}"
        if name == "full_name":
            return f"{login}/{rng.choice(_WORDS)}" if rng.random() < 0.5 else login.title()
        if name == "color":
            return "".join(rng.choice("0123456789abcdef") for _ in range(6))
        if name == "body":
            paragraphs = [self.text(12, 60) for _ in range(rng.randint(1, 4))]
            return "\n\n".join(paragraphs) + "\n\n```\n$ gitea --version\n```"
        if name in ("title", "description"):
            return self.text(3, 12).capitalize()
        if name == "visibility":
            return rng.choice(("public", "public", "limited", "private"))
        if name == "state":
            return rng.choice(("open", "closed"))
        if name in ("sha", "merge_commit_sha"):
            return "".join(rng.choice("0123456789abcdef") for _ in range(40))
        if name in ("ref", "language", "location", "original_author", "source_id"):
            return "" if rng.random() < 0.7 else rng.choice(_WORDS)
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 12)))

    def value(self, schema: Mapping[str, Any], name: str, depth: int) -> Any:
        rng = self.rng
        ref, schema = self.resolve(schema)
        if depth > 0 and name not in _ALWAYS and rng.random() < _NULL_P.get(name, 0.0):
            return None
        kind = schema.get("type")
        is_object = kind == "object" or "properties" in schema
        if ref is not None and depth > 0 and is_object:
            pool = self.pools.setdefault(ref, [])
            if len(pool) >= _POOLED:
                return rng.choice(pool)
            made = self.object(schema, depth)
            pool.append(made)
            return made
        if is_object:
            return self.object(schema, depth)
        if kind == "array":
            if depth >= 3:
                return []
            count = rng.choice((0, 0, 1, 1, 2, 3)) if name != "labels" else rng.randint(0, 4)
            item = f"{name}[]"
            return [self.value(schema.get("items", {}), item, depth + 1) for _ in range(count)]
        if kind == "integer":
            if name == "id" or name.endswith("_id"):
                return rng.randrange(1, 2_000_000)
            return rng.choice((0, 0, rng.randrange(1, 60)))
        if kind == "number":
            return round(rng.random() * 100, 2)
        if kind == "boolean":
            return rng.random() < 0.3
        return self.string(name, schema)

    def object(self, schema: Mapping[str, Any], depth: int) -> dict[str, Any]:
        properties = schema.get("properties", {})
        if not properties:
            return {}
        return {key: self.value(sub, key, depth + 1) for key, sub in properties.items()}


def make_issues(
    spec: Mapping[str, Any], count: int, *, seed: int = 1125, schema: str = "Issue"
) -> list[dict[str, Any]]:
    """``count`` issues as a forge sends them, shaped by the spec's ``schema``:
    nested user, labels, milestone and repository, timestamps with offsets,
    the nulls Gitea sends for unset fields. Deterministic for a seed."""
    faker = _Faker(spec, seed)
    root = {"$ref": f"#/definitions/{schema}"}
    issues = []
    for index in range(count):
        issue = faker.value(root, "issue", 0)
        number = index + 1
        issue.update({key: value for key, value in _identity(number).items() if key in issue})
        issues.append(issue)
    return issues


def _identity(number: int) -> dict[str, Any]:
    return {
        "id": 100_000 + number,
        "number": number,
        "url": f"https://{HOST}{ISSUES_PATH}/{number}",
        "html_url": f"https://{HOST}/octo/hello/issues/{number}",
    }


def strip_nulls(value: Any) -> Any:
    """The same data with every null field left out (for decoders that refuse null)."""
    if isinstance(value, dict):
        return {k: strip_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [strip_nulls(v) for v in value]
    return value


# ---------------------------------------------------------------------------
# The loopback server
# ---------------------------------------------------------------------------


def page_links(base: str, page: int, limit: int, last: int) -> str:
    """A ``Link`` header as Gitea writes it."""
    rels = []
    if page < last:
        rels.append((page + 1, "next"))
        rels.append((last, "last"))
    if page > 1:
        rels.append((1, "first"))
        rels.append((page - 1, "prev"))
    return ",".join(f'<{base}?limit={limit}&page={p}>; rel="{rel}"' for p, rel in rels)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, items: Sequence[Any], latency: float, max_requests: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.items = items
        self.latency = latency
        self.max_requests = max_requests
        self.requests = 0
        self.lock = threading.Lock()
        self.pages: dict[tuple[int, int], bytes] = {}

    def page(self, page: int, limit: int) -> bytes:
        key = (page, limit)
        body = self.pages.get(key)
        if body is None:
            start = (page - 1) * limit
            body = json.dumps(self.items[start : start + limit]).encode()
            self.pages[key] = body
        return body


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes, headers: Mapping[str, str] = {}) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        server = self.server
        with server.lock:
            server.requests += 1
            over = server.requests > server.max_requests
        if over:
            self._send(503, b'{"message":"request budget exhausted"}', {"Connection": "close"})
            threading.Thread(target=server.shutdown, daemon=True).start()
            return
        parts = urlsplit(self.path)
        if parts.path != ISSUES_PATH:
            self._send(404, b'{"message":"not found"}')
            return
        query = parse_qs(parts.query)
        try:
            page = max(int(query.get("page", ["1"])[0]), 1)
            limit = int(query.get("limit", [str(PAGE_CAP)])[0])
        except ValueError:
            self._send(422, b'{"message":"bad page or limit"}')
            return
        limit = PAGE_CAP if limit <= 0 else min(limit, PAGE_CAP)
        total = len(server.items)
        last = max(1, -(-total // limit))
        body = server.page(page, limit)
        if server.latency:
            time.sleep(server.latency)
        base = f"http://{self.headers.get('Host', '127.0.0.1')}{ISSUES_PATH}"
        headers = {"X-Total-Count": str(total)}
        links = page_links(base, page, limit, last)
        if links:
            headers["Link"] = links
        self._send(200, body, headers)


def serve_in_thread(
    items: Sequence[Any], *, latency: float = 0.0, max_requests: int = 10_000
) -> tuple[_Server, str]:
    """A server on a thread of this process (for tests); ``shutdown()`` it."""
    server = _Server(items, latency, max_requests)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def start_server(
    python: str | Path,
    items_file: Path,
    *,
    latency: float = 0.0,
    max_requests: int = 10_000,
    lifetime: float = 600.0,
) -> tuple[subprocess.Popen[bytes], str]:
    """The server in its own process, so it does not share the client's GIL."""
    proc = subprocess.Popen(
        [
            str(python),
            str(Path(__file__).resolve()),
            "serve",
            "--items",
            str(items_file),
            "--latency",
            str(latency),
            "--max-requests",
            str(max_requests),
            "--lifetime",
            str(lifetime),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().decode().strip()
    if not line.startswith("http://"):
        stop_server(proc)
        raise RuntimeError(f"the loopback server did not start: {line!r}")
    return proc, line


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Close its stdin (it shuts down), then make sure it ended — this process only."""
    if proc.stdin is not None:
        proc.stdin.close()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


def _serve(args: argparse.Namespace) -> None:
    items = json.loads(Path(args.items).read_text())
    server = _Server(items, args.latency, args.max_requests)
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)

    def on_eof() -> None:
        sys.stdin.read()
        server.shutdown()

    threading.Thread(target=on_eof, daemon=True).start()
    timer = threading.Timer(args.lifetime, server.shutdown)
    timer.daemon = True
    timer.start()
    server.serve_forever(poll_interval=0.1)
    server.server_close()


# ---------------------------------------------------------------------------
# Timing inside the workload process
# ---------------------------------------------------------------------------


def _interleaved(
    functions: Mapping[str, Callable[[], Any]],
    repeat: int,
    *,
    warmup: int = 1,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, list[float]]:
    """Each function ``repeat`` times, in turns, so that a change in the
    machine's load hits every contender alike."""
    times: dict[str, list[float]] = {name: [] for name in functions}
    for index in range(warmup + repeat):
        for name, function in functions.items():
            gc.collect()
            start = clock()
            function()
            elapsed = clock() - start
            if index >= warmup:
                times[name].append(elapsed)
    return times


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _import_sdk(spec: str) -> Any:
    """``DIR:PACKAGE`` → the imported package, with DIR first on sys.path."""
    folder, _, package = spec.rpartition(":")
    sys.path.insert(0, folder)
    return importlib.import_module(package)


def _issue_class(name: str, package: str) -> Any:
    if name == "forgegen":
        return importlib.import_module(f"{package}.models").Issue
    return importlib.import_module(f"{package}.models.issue").Issue  # both peers


def _decode(args: argparse.Namespace) -> dict[str, Any]:
    """Median CPU seconds (``time.process_time``: robust to other load on the
    machine; wall seconds are kept too) to decode the whole JSON array."""
    realistic = Path(args.data).read_text()
    texts = {
        "realistic": realistic,
        "nulls stripped": json.dumps(strip_nulls(json.loads(realistic))),
    }
    decoders: dict[str, Callable[[str], Any]] = {"json.loads": json.loads}
    for sdk in args.sdk:
        name, _, location = sdk.partition("=")
        folder, _, package = location.rpartition(":")
        sys.path.insert(0, folder)
        issue = _issue_class(name, package)
        decoders[name] = lambda text, issue=issue: [issue.from_dict(x) for x in json.loads(text)]
        if name == "openapi-generator":
            from pydantic import TypeAdapter

            decoders[f"{name} (pydantic validate_json)"] = TypeAdapter(list[issue]).validate_json
    refused: dict[str, dict[str, str]] = {}
    functions: dict[str, Callable[[], Any]] = {}
    for name, decoder in decoders.items():
        for label, text in texts.items():
            if label != "realistic" and name.startswith("openapi-generator"):
                continue  # it takes the nulls: no need for the other data
            try:
                decoded = decoder(text)
            except Exception as exc:  # a peer refusing realistic data is a result
                refused.setdefault(name, {})[label] = f"{type(exc).__name__}: {exc}"[:300]
                continue
            if name == "forgegen":  # the decoding really happened
                first = decoded[0]
                assert first.created_at is None or first.created_at.tzinfo is not None
            functions[f"{name}\t{label}"] = lambda d=decoder, t=text: d(t)
    cpu = _interleaved(functions, args.repeat, clock=time.process_time)
    wall = _interleaved(functions, 3, clock=time.perf_counter)
    result: dict[str, Any] = {"items": len(json.loads(realistic)), "repeat": args.repeat}
    for name in decoders:
        entry: dict[str, Any] = {"cpu_s": {}, "wall_s": {}}
        if name in refused:
            entry["refused"] = refused[name]
        for label in texts:
            key = f"{name}\t{label}"
            if key in cpu:
                entry["cpu_s"][label] = _median(cpu[key])
                entry["wall_s"][label] = _median(wall[key])
        result[name] = entry
    return result


def _collect(iterable: Any) -> int:
    count = 0
    for _ in iterable:
        count += 1
    return count


def _paginate(args: argparse.Namespace) -> dict[str, Any]:
    import httpx

    sdk = _import_sdk(args.sdk)
    package = sdk.__name__
    client_module = importlib.import_module(f"{package}._client")
    models = importlib.import_module(f"{package}.models")
    issue = models.Issue
    root = client_module.api_root(args.url) + "/"
    settings = {
        "base_url": root,
        "timeout": client_module.DEFAULT_TIMEOUT,
        "headers": {"User-Agent": client_module.USER_AGENT},
        "follow_redirects": True,
    }
    first = f"repos/octo/hello/issues?limit={PAGE_CAP}&page=1"

    def hand_pages(decode: Callable[[Any], Any] | None) -> Iterator[Any]:
        # What a caller writes by hand: follow rel="next", yield item by item.
        with httpx.Client(**settings) as http:
            url: str | None = first
            while url is not None:
                response = http.get(url)
                response.raise_for_status()
                items = response.json()
                if decode is None:
                    yield from items
                else:
                    yield from (decode(item) for item in items)
                url = response.links.get("next", {}).get("url")

    def hand_loop(decode: Callable[[Any], Any] | None) -> int:
        return _collect(hand_pages(decode))

    def forgegen_sync() -> int:
        with sdk.Client(args.url) as client:
            return _collect(client.issue.list_issues("octo", "hello", limit=PAGE_CAP))

    async def forgegen_async_run() -> int:
        count = 0
        async with sdk.AsyncClient(args.url) as client:
            async for _ in client.issue.list_issues("octo", "hello", limit=PAGE_CAP):
                count += 1
        return count

    def forgegen_async() -> int:
        return asyncio.run(forgegen_async_run())

    if args.mode == "overhead":
        functions = {
            "httpx loop (dicts)": lambda: hand_loop(None),
            "httpx loop + Issue.from_dict": lambda: hand_loop(issue.from_dict),
            "forgegen Paginator": forgegen_sync,
        }
    else:
        functions = {
            "forgegen Paginator (sequential)": forgegen_sync,
            "forgegen AsyncPaginator (prefetch)": forgegen_async,
        }
    for name, function in functions.items():
        got = function()
        if got != args.expect:
            raise SystemExit(f"{name} saw {got} items, expected {args.expect}")
    wall: dict[str, list[float]] = {name: [] for name in functions}
    cpu: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(args.repeat):  # in turns; the warm-up was the check above
        for name, function in functions.items():
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            function()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start)
    # The server runs in another process: this process's CPU time is what the
    # client side costs, and unlike wall time it does not grow when other
    # work on the machine takes the cores away.
    return {
        "mode": args.mode,
        "items": args.expect,
        "repeat": args.repeat,
        "median_s": {name: _median(values) for name, values in wall.items()},
        "cpu_median_s": {name: _median(values) for name, values in cpu.items()},
        "runs_s": wall,
        "cpu_runs_s": cpu,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve")
    serve.add_argument("--items", required=True)
    serve.add_argument("--latency", type=float, default=0.0)
    serve.add_argument("--max-requests", type=int, default=10_000)
    serve.add_argument("--lifetime", type=float, default=600.0)
    decode = commands.add_parser("decode")
    decode.add_argument("--data", required=True)
    decode.add_argument("--sdk", action="append", default=[], help="NAME=DIR:PACKAGE")
    decode.add_argument("--repeat", type=int, default=15)
    paginate = commands.add_parser("paginate")
    paginate.add_argument("--url", required=True)
    paginate.add_argument("--sdk", required=True, help="DIR:PACKAGE")
    paginate.add_argument("--expect", type=int, required=True)
    paginate.add_argument("--repeat", type=int, default=5)
    paginate.add_argument("--mode", choices=("overhead", "prefetch"), default="overhead")
    args = parser.parse_args(argv)
    if args.command == "serve":
        _serve(args)
    elif args.command == "decode":
        print(json.dumps(_decode(args)))
    else:
        print(json.dumps(_paginate(args)))


if __name__ == "__main__":
    main()

"""First use of a Gitea SDK: forgegen's beside py-gitea, giteapy and pyforgejo, in one run.

    python benchmarks/first_use.py [--runs 21] [--repeat 15] [--out benchmarks/first_use.json]

A short script or CLI pays, on every run, for importing the SDK, making a
client and its first call. This measures exactly that, from before the first
import to after ``GET /repos/{owner}/{repo}`` returned a decoded repository,
inside a fresh interpreter (so interpreter start-up, the same for every SDK,
is left out), wall clock and CPU, median of ``--runs``, the SDKs taking turns
run by run. The server is a loopback one on 127.0.0.1 that answers with a
repository body a real Gitea sent (``../shared/responses/gitea/repo.json``),
and with what each SDK asks for on construction (the report lists every
request each made).

Each SDK has a virtualenv of its own under ``benchmarks/.peers/first-use/``
holding only its runtime dependencies, pinned below: forgegen's has httpx
and nothing else (with click and rich installed, ``import httpx`` loads its
command line too, and costs several times more). Bytecode is compiled
before the runs, which use ``python -I`` (no user site, no PYTHON* variables:
PYTHONDONTWRITEBYTECODE cannot leave them without .pyc files).

Then decoding, in one process and on the same bytes: 1,000 realistic issues
(``workloads.make_issues``), by ``json.loads`` alone and by each SDK as its
own calls do it (``from_dict``; py-gitea's ``parse_response``; giteapy's
``ApiClient.deserialize``; pyforgejo's pydantic ``parse_obj_as``).
Prints a Markdown table with PASS/FAIL and writes every raw number as JSON.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import workloads

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
SPEC = SHARED / "specs" / "gitea" / "1.25.json"
REPO_BODY = SHARED / "responses" / "gitea" / "repo.json"
VENVS = HERE / ".peers" / "first-use"
WORK = HERE / ".build" / "first-use"

# What each virtualenv gets from PyPI (forgegen's SDK itself is built here).
PINS = {
    "forgegen": ["httpx==0.29.0"],
    "py-gitea": ["py-gitea==0.2.10"],
    "giteapy": ["giteapy==1.0.8"],
    "pyforgejo": ["pyforgejo==2.0.7"],
}
DECODE_VENV = "decode"  # all of them, for decoding in one process
TARGET_MS = 60.0
DECODE_TARGET = 3.0  # times json.loads
TIMES = "\u00d7"  # the multiplication sign

# Import, make a client, fetch one repository: as each SDK's README shows it.
# ``{url}`` is the server's root; each snippet leaves the repository's full name in ``name``.
FIRST_USE = {
    "forgegen": (
        "from gitea_sdk import Client, TokenAuth",
        'client = Client("{url}", auth=TokenAuth("secret"))',
        'name = client.repository.get("octocat", "hello-world").full_name',
    ),
    "py-gitea": (
        "from gitea import Gitea, Repository",
        'gitea = Gitea("{url}", "secret")',
        'name = Repository.request(gitea, "octocat", "hello-world").full_name',
    ),
    "giteapy": (
        "import giteapy",
        "config = giteapy.Configuration()\n"
        'config.host = "{url}/api/v1"\n'
        'config.api_key["access_token"] = "secret"\n'
        "api = giteapy.RepositoryApi(giteapy.ApiClient(config))",
        'name = api.repo_get("octocat", "hello-world").full_name',
    ),
    "pyforgejo": (
        "from pyforgejo import PyforgejoApi",
        'client = PyforgejoApi(base_url="{url}/api/v1", api_key="secret")',
        'name = client.repository.repo_get("octocat", "hello-world").full_name',
    ),
    # The floor of any SDK on httpx: the library, one client, one GET.
    "httpx alone": (
        "import httpx",
        "client = httpx.Client()",
        'name = client.get("{url}/api/v1/repos/octocat/hello-world").json()["full_name"]',
    ),
}
VENV_OF = {"httpx alone": "forgegen"}

_CHILD = """\
import time
_marks = [time.perf_counter(), time.process_time()]
{0}
_marks += [time.perf_counter(), time.process_time()]
{1}
_marks += [time.perf_counter(), time.process_time()]
{2}
_marks += [time.perf_counter(), time.process_time()]
import json, sys
models = [m for m in sys.modules if m.startswith("gitea_sdk.models.")]
print(json.dumps({{"marks": _marks, "name": name, "modules": len(sys.modules), "models": models}}))
"""


def log(message: str) -> None:
    print(f"first_use: {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# The loopback forge
# ---------------------------------------------------------------------------


class _Forge(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, repository: bytes) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.repository = repository
        self.seen: list[str] = []
        self.lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, each answer after
    # the first on a kept-alive connection waits for the client's delayed ACK.
    disable_nagle_algorithm = True
    server: _Forge

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path == "/__seen":  # the requests since the last look, for the report
            with self.server.lock:
                seen, self.server.seen = self.server.seen, []
            self._send(200, json.dumps(seen).encode())
            return
        with self.server.lock:
            self.server.seen.append(f"GET {path}")
        if re.fullmatch(r"/api/v1/repos/[^/]+/[^/]+", path):
            self._send(200, self.server.repository)
        elif path == "/api/v1/version":
            self._send(200, b'{"version":"1.25.4"}')
        else:
            self._send(404, b'{"message":"not found"}')


def _serve() -> None:
    forge = _Forge(REPO_BODY.read_bytes())
    print(f"http://127.0.0.1:{forge.server_address[1]}", flush=True)
    threading.Thread(target=lambda: (sys.stdin.read(), forge.shutdown()), daemon=True).start()
    timer = threading.Timer(1800, forge.shutdown)  # never outlives a forgotten run
    timer.daemon = True
    timer.start()
    forge.serve_forever(poll_interval=0.1)


# ---------------------------------------------------------------------------
# Set-up: the SDK, the virtualenvs, bytecode
# ---------------------------------------------------------------------------


def _python(venv: str) -> Path:
    return VENVS / venv / "bin" / "python"


def _site(venv: str) -> Path:
    out = subprocess.run(
        [str(_python(venv)), "-I", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    )
    return Path(out.stdout.strip())


def _venv(name: str, packages: Sequence[str], sdk: Path | None) -> dict[str, str]:
    """The virtualenv ``name`` with ``packages``; forgegen's SDK on its path
    through a ``.pth`` file when ``sdk`` is given. Its ``pip freeze``."""
    if not _python(name).exists():
        log(f"creating {VENVS / name}")
        subprocess.run([sys.executable, "-m", "venv", str(VENVS / name)], check=True)
    pip = [str(_python(name)), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    done = subprocess.run([*pip, *packages], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"first_use: pip could not install {packages} into {name}:\n{done.stderr}")
    site = _site(name)
    pth = site / "forgegen_first_use.pth"
    if sdk is not None:
        pth.write_text(f"{sdk}\n")
    elif pth.exists():
        pth.unlink()
    compile_dirs = [str(site), *([str(sdk)] if sdk else [])]
    subprocess.run(
        [str(_python(name)), "-I", "-m", "compileall", "-q", "-j", "0", *compile_dirs],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    freeze = subprocess.run(
        [str(_python(name)), "-I", "-m", "pip", "freeze", "--disable-pip-version-check"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return dict(line.split("==", 1) for line in freeze if "==" in line)


def _build_sdk() -> Path:
    out = WORK / "sdk"
    subprocess.run(
        [sys.executable, "-m", "forgegen", "build", "--spec", str(SPEC), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    return out


# ---------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------


def _once(tool: str, url: str) -> dict[str, Any]:
    code = _CHILD.format(*(part.format(url=url) for part in FIRST_USE[tool]))
    python = _python(VENV_OF.get(tool, tool))
    out = subprocess.run(
        [str(python), "-I", "-c", code], check=True, capture_output=True, text=True, cwd=WORK
    )
    return dict(json.loads(out.stdout.splitlines()[-1]))


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def measure_first_use(url: str, runs: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for tool in FIRST_USE:  # a warm-up run each: what it asks the server for, and .pyc files
        _once(tool, url)
        results[tool] = {"requests": _seen(url), "runs": []}
    for _ in range(runs):
        for tool in FIRST_USE:
            results[tool]["runs"].append(_once(tool, url))
    for entry in results.values():
        marks = [run["marks"] for run in entry["runs"]]
        phases = {"import": 0, "client": 2, "first call": 4}
        for clock, offset in (("wall_ms", 0), ("cpu_ms", 1)):
            entry[clock] = {
                "total": _median([(m[6 + offset] - m[offset]) * 1000 for m in marks]),
                **{
                    phase: _median([(m[at + 2 + offset] - m[at + offset]) * 1000 for m in marks])
                    for phase, at in phases.items()
                },
            }
        last = entry["runs"][-1]
        entry["name"] = last["name"]
        entry["modules"] = last["modules"]
        entry["models_loaded"] = sorted(m.rsplit(".", 1)[1] for m in last["models"])
        entry["runs"] = [{"wall_ms": (r["marks"][6] - r["marks"][0]) * 1000} for r in entry["runs"]]
    return results


def _seen(url: str) -> list[str]:
    import urllib.request

    with urllib.request.urlopen(f"{url}/__seen", timeout=10) as answer:
        return list(json.loads(answer.read()))


def measure_decode(url: str, repeat: int) -> dict[str, Any]:
    issues = workloads.make_issues(json.loads(SPEC.read_text()), 1000)
    data = WORK / "issues.json"
    data.write_text(json.dumps(issues))
    script = HERE / "first_use_decode.py"
    out = subprocess.run(
        [str(_python(DECODE_VENV)), "-E", "-s", str(script), str(data), str(repeat), url],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(out.stdout))


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def markdown(results: Mapping[str, Any]) -> str:
    first, decode = results["first_use"], results["decode"]
    lines = [
        "| first use (import + client + `repository.get`) | wall ms | CPU ms"
        " | import ms | client ms | first call ms | modules loaded |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for tool, entry in first.items():
        wall, cpu = entry["wall_ms"], entry["cpu_ms"]
        lines.append(
            f"| {tool} | {wall['total']:.1f} | {cpu['total']:.1f} | {wall['import']:.1f}"
            f" | {wall['client']:.1f} | {wall['first call']:.1f} | {entry['modules']} |"
        )
    lines += ["", f"| decode 1,000 issues | CPU ms | {TIMES} json.loads |", "| --- | ---: | ---: |"]
    base = decode["json.loads"]["cpu_ms"]
    for tool, entry in decode.items():
        if not isinstance(entry, dict):
            continue
        if "refused" in entry:
            lines.append(f"| {tool} | refused: {entry['refused'][:60]} | |")
        else:
            lines.append(f"| {tool} | {entry['cpu_ms']:.1f} | {entry['cpu_ms'] / base:.2f} |")
    ours = first["forgegen"]["wall_ms"]["total"]
    peers = [t for t in first if t not in ("forgegen", "httpx alone")]
    decoded = {t: e["cpu_ms"] for t, e in decode.items() if isinstance(e, dict) and "cpu_ms" in e}
    decoded.pop("json.loads")
    lines += [
        "",
        f"- first use ≤ {TARGET_MS:.0f} ms: {ours:.1f} ms — {_verdict(ours <= TARGET_MS)}",
        "- first use faster than every peer: "
        + _verdict(all(ours < first[p]["wall_ms"]["total"] for p in peers)),
        f"- decode ≤ {DECODE_TARGET:.0f}{TIMES} json.loads:"
        f" {decoded['forgegen'] / base:.2f}{TIMES} — "
        + _verdict(decoded["forgegen"] <= DECODE_TARGET * base),
        "- decode faster than every peer: "
        + _verdict(all(decoded["forgegen"] < v for t, v in decoded.items() if t != "forgegen")),
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", nargs="?", default="run", choices=["run", "serve"])
    parser.add_argument("--runs", type=int, default=21, help="fresh interpreters per SDK")
    parser.add_argument("--repeat", type=int, default=15, help="decodes per decoder")
    parser.add_argument("--out", type=Path, default=HERE / "first_use.json")
    args = parser.parse_args(argv)
    if args.command == "serve":
        _serve()
        return 0
    WORK.mkdir(parents=True, exist_ok=True)
    log("building forgegen's Gitea SDK")
    sdk = _build_sdk()
    versions = {
        name: _venv(name, pins, sdk if name == "forgegen" else None) for name, pins in PINS.items()
    }
    everything = [pin for pins in PINS.values() for pin in pins]
    versions[DECODE_VENV] = _venv(DECODE_VENV, everything, sdk)
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        log(f"first use, {args.runs} runs each, against {url}")
        first = measure_first_use(url, args.runs)
        log(f"decoding, {args.repeat} times each")
        _seen(url)  # count py-gitea's requests while decoding afresh
        decode = measure_decode(url, args.repeat)
        # one check, then warm-up + 3 on the CPU clock, warm-up + 3 on the wall clock
        decodes = 1 + (1 + 3) + (1 + 3)
        decode["py-gitea"]["requests_per_decode"] = len(_seen(url)) / decodes
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=10)
    results = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "versions": versions,
        "first_use": first,
        "decode": decode,
    }
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

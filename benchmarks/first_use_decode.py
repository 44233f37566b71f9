"""Decode 1,000 issues by every SDK of ``first_use.py``, in this one process.

    python first_use_decode.py ISSUES.json REPEAT URL

Run with the virtualenv that holds them all. Each decoder starts from the
same bytes, as a response body, and does what the SDK's own call does with
it; the SDKs take turns, and the figures are median CPU (and wall) times.
Prints one JSON object.
"""

from __future__ import annotations

import json
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import workloads


def decoders(url: str) -> dict[str, Callable[[bytes], Any]]:
    import giteapy
    from gitea import Gitea
    from gitea import Issue as PyGiteaIssue
    from gitea_sdk.models import Issue
    from pyforgejo.core.pydantic_utilities import parse_obj_as
    from pyforgejo.types.issue import Issue as ForgejoIssue

    gitea = Gitea(url, "secret")
    api_client = giteapy.ApiClient(giteapy.Configuration())

    class IssueAlone(PyGiteaIssue):
        # py-gitea fetches each issue's whole repository while decoding it;
        # without that, what remains is its building of objects from dicts.
        _fields_to_parsers: ClassVar = {
            k: v for k, v in PyGiteaIssue._fields_to_parsers.items() if k != "repository"
        }

    return {
        "json.loads": json.loads,
        # what json_list(Issue.from_dict) does with a response
        "forgegen": lambda body: [Issue.from_dict(item) for item in json.loads(body) or ()],
        "py-gitea": lambda body: [PyGiteaIssue.parse_response(gitea, i) for i in json.loads(body)],
        "py-gitea without its repository requests": lambda body: [
            IssueAlone.parse_response(gitea, i) for i in json.loads(body)
        ],
        # ApiClient.deserialize reads ``response.data``, as urllib3 leaves it
        "giteapy": lambda body: api_client.deserialize(
            types.SimpleNamespace(data=body.decode()), "list[Issue]"
        ),
        "pyforgejo": lambda body: parse_obj_as(list[ForgejoIssue], json.loads(body)),
    }


def main() -> None:
    body = Path(sys.argv[1]).read_bytes()
    repeat = int(sys.argv[2])
    url = sys.argv[3]
    title = json.loads(body)[0]["title"]
    functions: dict[str, Callable[[], Any]] = {}
    result: dict[str, Any] = {}
    for name, decode in decoders(url).items():
        try:
            first = decode(body)[0]
        except Exception as exc:  # a peer refusing real-shaped data is a result
            result[name] = {"refused": f"{type(exc).__name__}: {exc}"[:300]}
            continue
        got = first["title"] if isinstance(first, dict) else first.title
        assert got == title, (name, got)
        functions[name] = lambda decode=decode: decode(body)
    # py-gitea's own decoding makes 1,000 requests: a few runs of it are enough.
    slow = {"py-gitea": functions.pop("py-gitea")} if "py-gitea" in functions else {}
    cpu = workloads._interleaved(functions, repeat, clock=time.process_time)
    wall = workloads._interleaved(functions, 3, clock=time.perf_counter)
    cpu.update(workloads._interleaved(slow, 3, clock=time.process_time))
    wall.update(workloads._interleaved(slow, 3, clock=time.perf_counter))
    functions.update(slow)
    for name in functions:
        result[name] = {
            "cpu_ms": workloads._median(cpu[name]) * 1000,
            "wall_ms": workloads._median(wall[name]) * 1000,
            "cpu_runs_ms": [t * 1000 for t in cpu[name]],
        }
    print(json.dumps({"items": len(json.loads(body)), "repeat": repeat, **result}))


if __name__ == "__main__":
    main()

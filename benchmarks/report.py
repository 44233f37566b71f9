"""The targets of the speed issue, judged on one run's results, and the Markdown tables.

Pure functions over the results dictionary that ``run.py`` writes as JSON,
so they can be tested without running anything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["Target", "evaluate", "markdown"]

FORGEGEN = "forgegen"
RUFF = "forgegen --formatter ruff"
OPC = "openapi-python-client"
OAG = "openapi-generator"
REBUILD = "forgegen (unchanged spec)"
FORCED = "forgegen --force (warm cache)"
TOOLS = (FORGEGEN, RUFF, OPC, OAG)
DECODE_DATA = "realistic"
TIMES = "\u00d7"  # the multiplication sign


@dataclass(frozen=True)
class Target:
    name: str
    scope: str  # a spec key, or "gitea-1.25 workloads"
    measured: str
    goal: str
    passed: bool | None  # None: not measured (a peer missing)

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "FAIL", None: "n/a"}[self.passed]

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "verdict": self.verdict}


def _get(mapping: Mapping[str, Any] | None, *keys: str) -> Any:
    node: Any = mapping
    for key in keys:
        if not isinstance(node, Mapping) or key not in node:
            return None
        node = node[key]
    return node


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


def _x(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}{TIMES}"


def _s(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _judge(value: float | None, ok: bool) -> bool | None:
    return None if value is None else ok


def _spec_targets(key: str, spec: Mapping[str, Any]) -> list[Target]:
    cold = {tool: _get(spec, "cold", tool, "median_s") for tool in TOOLS}
    found: list[Target] = []

    cpu = {tool: _get(spec, "cold", tool, "cpu_median_s") for tool in TOOLS}

    def on_cpu(tool: str) -> str:
        ratio = _ratio(cpu[tool], cpu[FORGEGEN])
        return "" if ratio is None else f" (CPU time: {_x(ratio)})"

    vs_opc = _ratio(cold[OPC], cold[FORGEGEN])
    found.append(
        Target(
            "cold build (black) vs openapi-python-client",
            key,
            f"{_s(cold[FORGEGEN])} vs {_s(cold[OPC])}: {_x(vs_opc)} as fast{on_cpu(OPC)}",
            f"≥ 1{TIMES} (at least as fast)",
            _judge(vs_opc, vs_opc is not None and vs_opc >= 1.0),
        )
    )
    vs_oag = _ratio(cold[OAG], cold[FORGEGEN])
    found.append(
        Target(
            "cold build (black) vs openapi-generator",
            key,
            f"{_s(cold[FORGEGEN])} vs {_s(cold[OAG])}: {_x(vs_oag)} as fast{on_cpu(OAG)}",
            f"≥ 1.5{TIMES}",
            _judge(vs_oag, vs_oag is not None and vs_oag >= 1.5),
        )
    )
    ruff = _ratio(cold[OPC], cold[RUFF])
    found.append(
        Target(
            "cold build with --formatter ruff vs openapi-python-client",
            key,
            f"{_s(cold[RUFF])} vs {_s(cold[OPC])}: {_x(ruff)} as fast",
            f"≥ 3{TIMES}",
            _judge(ruff, ruff is not None and ruff >= 3.0),
        )
    )
    lines = _ratio(
        _get(spec, "size", FORGEGEN, "package", "py_lines"),
        _get(spec, "size", OPC, "package", "py_lines"),
    )
    found.append(
        Target(
            "generated lines vs openapi-python-client",
            key,
            "—"
            if lines is None
            else f"{spec['size'][FORGEGEN]['package']['py_lines']:,} vs "
            f"{spec['size'][OPC]['package']['py_lines']:,} lines: {lines:.2f}",
            "≤ 0.25",
            _judge(lines, lines is not None and lines <= 0.25),
        )
    )
    rebuild = _get(spec, "rebuild", REBUILD, "median_s")
    found.append(
        Target(
            "rebuild, unchanged spec",
            key,
            _s(rebuild),
            "≤ 0.5 s",
            _judge(rebuild, rebuild is not None and rebuild <= 0.5),
        )
    )
    client = _get(spec, "imports", FORGEGEN, "Client", "over_bare_ms")
    found.append(
        Target(
            "import SDK + Client, over a bare interpreter",
            key,
            "—" if client is None else f"{client:.0f} ms",
            "≤ 50 ms",
            _judge(client, client is not None and client <= 50),
        )
    )
    memory = _get(spec, "cold", FORGEGEN, "tree_pss_mib")
    largest = _get(spec, "cold", FORGEGEN, "maxrss_mib")
    found.append(
        Target(
            "generator peak memory (process tree, PSS)",
            key,
            "—" if memory is None else f"{memory:.0f} MiB (largest process {largest:.0f} MiB RSS)",
            "≤ 150 MB",
            _judge(memory, memory is not None and memory * 1.048576 <= 150),
        )
    )
    return found


def _workload_targets(results: Mapping[str, Any]) -> list[Target]:
    scope = f"{results.get('workload_spec', 'gitea-1.25')} workloads"
    found: list[Target] = []
    decode = results.get("decode") or {}
    ours = _get(decode, FORGEGEN, "cpu_s", DECODE_DATA)
    plain = _get(decode, "json.loads", "cpu_s", DECODE_DATA)
    vs_json = _ratio(ours, plain)
    found.append(
        Target(
            "decode 1,000 issues vs json.loads alone",
            scope,
            f"{_ms(ours)} vs {_ms(plain)}: {_x(vs_json)}",
            f"≤ 3{TIMES}",
            _judge(vs_json, vs_json is not None and vs_json <= 3.0),
        )
    )
    for peer in (OPC, OAG):
        entry = decode.get(peer)
        data = DECODE_DATA
        if entry is not None and _get(entry, "cpu_s", data) is None:
            data = "nulls stripped"  # the peer refuses the nulls forges send
        theirs = _get(entry, "cpu_s", data)
        mine = _get(decode, FORGEGEN, "cpu_s", data)
        speedup = _ratio(theirs, mine)
        note = "" if data == DECODE_DATA else f" (on {data} data: it refuses realistic nulls)"
        found.append(
            Target(
                f"decode vs {peer}'s models",
                scope,
                f"{_ms(mine)} vs {_ms(theirs)}: {_x(speedup)} as fast{note}",
                f"> 1{TIMES} (faster)",
                _judge(speedup, speedup is not None and speedup > 1.0),
            )
        )
    paging = _get(results, "pagination", "cpu_median_s") or {}
    wall = _get(results, "pagination", "median_s") or {}
    mine = paging.get("forgegen Paginator")
    loop = paging.get("httpx loop + Issue.from_dict")
    dicts = paging.get("httpx loop (dicts)")
    ratio = _ratio(mine, loop)
    overhead = None if ratio is None else ratio - 1
    wall_ratio = _ratio(wall.get("forgegen Paginator"), wall.get("httpx loop + Issue.from_dict"))
    found.append(
        Target(
            "pagination overhead vs a hand-written httpx loop (same decoding; client CPU time)",
            scope,
            "—"
            if overhead is None
            else f"{_ms(mine)} vs {_ms(loop)}: {overhead:+.1%}"
            + ("" if dicts is None else f" (loop yielding dicts: {_ms(dicts)})")
            + ("" if wall_ratio is None else f"; wall time {wall_ratio - 1:+.1%}"),
            "≤ +15%",
            _judge(overhead, overhead is not None and overhead <= 0.15),
        )
    )
    prefetch = _get(results, "prefetch", "median_s") or {}
    sequential = prefetch.get("forgegen Paginator (sequential)")
    concurrent = prefetch.get("forgegen AsyncPaginator (prefetch)")
    speedup = _ratio(sequential, concurrent)
    found.append(
        Target(
            "async prefetch vs sequential, 50 ms latency",
            scope,
            f"{_s(sequential)} vs {_s(concurrent)}: {_x(speedup)}",
            f"≥ 3{TIMES}",
            _judge(speedup, speedup is not None and speedup >= 3.0),
        )
    )
    return found


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:.1f} ms"


def evaluate(results: Mapping[str, Any]) -> list[Target]:
    """Every target of the issue, judged on ``results``."""
    found: list[Target] = []
    for key, spec in (results.get("specs") or {}).items():
        found.extend(_spec_targets(key, spec))
    if results.get("decode") or results.get("pagination") or results.get("prefetch"):
        found.extend(_workload_targets(results))
    return found


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _mib(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def _int(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def _import_cell(spec: Mapping[str, Any], tool: str) -> str:
    cells = []
    for label, entry in (_get(spec, "imports", tool) or {}).items():
        value = entry.get("over_bare_ms")
        cells.append(f"{label}: {'failed' if value is None else f'{value:.0f}'}")
    return "; ".join(cells) or "—"


def build_table(results: Mapping[str, Any]) -> str:
    rows = []
    for key, spec in (results.get("specs") or {}).items():
        conversion = _get(spec, "conversion", "median_s")
        for tool in TOOLS:
            cold = _get(spec, "cold", tool)
            if cold is None:
                continue
            rebuild = _get(spec, "rebuild", REBUILD if tool == FORGEGEN else tool, "median_s")
            size = _get(spec, "size", tool) or {}
            name = tool
            if tool == OPC and conversion is not None:
                name += f" (+ {conversion:.2f} s swagger2openapi)"
            rows.append(
                [
                    key,
                    name,
                    f"{_s(cold.get('median_s'))} ({_s(cold.get('cpu_median_s'))} CPU)",
                    f"{_mib(cold.get('tree_pss_mib'))} / {_mib(cold.get('maxrss_mib'))}",
                    _s(rebuild),
                    _int(_get(size, "package", "py_lines")),
                    _int(_get(size, "all", "bytes")),
                    _import_cell(spec, tool),
                ]
            )
        forced = _get(spec, "rebuild", FORCED, "median_s")
        if forced is not None:
            rows.append([key, FORCED, "", "", _s(forced), "", "", ""])
    return _table(
        [
            "spec",
            "tool",
            "cold build: wall (CPU)",
            "peak MiB (tree PSS / largest RSS)",
            "rebuild",
            "package .py lines",
            "all bytes",
            "import ms over bare (median)",
        ],
        rows,
    )


def phases_table(results: Mapping[str, Any]) -> str:
    rows = []
    for key, spec in (results.get("specs") or {}).items():
        phases = _get(spec, "phases", "phases_s")
        if not phases:
            continue
        total = sum(phases.values())
        rows.append([key, *(f"{phases.get(p, 0.0):.2f}" for p in PHASES), f"{total:.2f}"])
    if not rows:
        return ""
    return _table(["spec", *PHASES, "total s"], rows)


PHASES = ("import", "load", "validate", "parse", "render", "format", "write")


def workload_table(results: Mapping[str, Any]) -> str:
    rows = []
    decode = results.get("decode") or {}
    for name, entry in decode.items():
        if not isinstance(entry, Mapping) or "cpu_s" not in entry:
            continue
        realistic = _get(entry, "cpu_s", "realistic")
        stripped = _get(entry, "cpu_s", "nulls stripped")
        note = "refuses realistic data (nulls)" if _get(entry, "refused", "realistic") else ""
        rows.append([f"decode 1,000 issues: {name}", _ms(realistic), _ms(stripped), note])
    for section in ("pagination", "prefetch"):
        block = results.get(section) or {}
        cpu = block.get("cpu_median_s") or {}
        for name, value in (block.get("median_s") or {}).items():
            label = f"{section} {block.get('items', '?'):,} items: {name}"
            rows.append([label, f"{_s(value)} wall, {_ms(cpu.get(name))} CPU", "", ""])
    return _table(["workload", "median", "median (nulls stripped)", "note"], rows)


def targets_table(targets: Sequence[Target]) -> str:
    return _table(
        ["target", "scope", "measured", "goal", "result"],
        [[t.name, t.scope, t.measured, t.goal, f"**{t.verdict}**"] for t in targets],
    )


def markdown(results: Mapping[str, Any], targets: Sequence[Target]) -> str:
    machine = results.get("machine") or {}
    head = (
        f"Run {results.get('date', '?')} on {machine.get('platform', '?')}, "
        f"{machine.get('cpus', '?')} CPUs, Python {machine.get('python', '?')}"
        f"{' (--quick)' if _get(results, 'settings', 'quick') else ''}; "
        f"load average {machine.get('loadavg_start', '?')} at start."
    )
    parts = [head, "", "Builds (medians):", "", build_table(results)]
    errors = [
        f"- {key}: {spec['error']}"
        for key, spec in (results.get("specs") or {}).items()
        if "error" in spec
    ]
    if results.get("workloads_error"):
        errors.append(f"- workloads: {results['workloads_error']}")
    if errors:
        parts += ["", "Failures:", "", *errors]
    drift = [
        f"{key} {spec['ruff_vs_black']['lines_changed']:,} lines in "
        f"{spec['ruff_vs_black']['files'] - spec['ruff_vs_black']['files_identical']} "
        f"of {spec['ruff_vs_black']['files']} files"
        for key, spec in (results.get("specs") or {}).items()
        if "ruff_vs_black" in spec
    ]
    if drift:
        parts += [
            "",
            "forgegen --formatter ruff formats the same render with ruff instead of "
            "black; its output differs from black's in " + "; ".join(drift) + ".",
        ]
    reference = results.get("imports_reference") or {}
    if reference:
        costs = ", ".join(
            f"{label} {entry['over_bare_ms']:.0f} ms" for label, entry in reference.items()
        )
        parts += ["", f"Imports of the SDKs' dependencies alone, over a bare interpreter: {costs}."]
    phases = phases_table(results)
    if phases:
        parts += ["", "forgegen cold build by phase (one run, seconds):", "", phases]
    parts += [
        "",
        "Workloads (decode: CPU time; paging: wall time and the client's CPU time):",
        "",
        workload_table(results),
    ]
    parts += ["", "Targets:", "", targets_table(targets)]
    return "\n".join(parts) + "\n"

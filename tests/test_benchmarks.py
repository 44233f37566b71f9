"""The benchmark harness in benchmarks/: its helpers, on small inputs only.

Nothing here installs or runs a peer generator, nor downloads anything: the
workloads run against the committed mini-gitea SDK on 127.0.0.1.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "benchmarks"
MINI_SPEC = REPO / "specs" / "mini-gitea.json"
MINI_SDK = REPO / "generated" / "mini-gitea"

sys.path.insert(0, str(BENCHMARKS))
sys.path.insert(0, str(BENCHMARKS / "corpus"))

import measure  # noqa: E402
import peers  # noqa: E402
import report  # noqa: E402
import run  # noqa: E402
import sweep  # noqa: E402
import workloads  # noqa: E402


@pytest.fixture(scope="module")
def mini_spec() -> dict[str, object]:
    return json.loads(MINI_SPEC.read_text())


def test_issues_are_realistic_and_deterministic(mini_spec: dict[str, object]) -> None:
    issues = workloads.make_issues(mini_spec, 200)
    assert issues == workloads.make_issues(mini_spec, 200)
    assert [i["number"] for i in issues] == list(range(1, 201))
    assert all(isinstance(i["user"], dict) and i["user"]["login"] for i in issues)
    assert any(i["milestone"] is None for i in issues)
    assert any(isinstance(i["milestone"], dict) for i in issues)
    stamps = [i["created_at"] for i in issues]
    assert any(s.endswith("Z") for s in stamps) and any("+08:00" in s for s in stamps)
    assert all(isinstance(label, dict) for i in issues for label in i["labels"])


def test_strip_nulls() -> None:
    assert workloads.strip_nulls({"a": None, "b": [{"c": None, "d": 1}], "e": 0}) == {
        "b": [{"d": 1}],
        "e": 0,
    }


def test_link_header_names_next_and_last_like_gitea() -> None:
    links = workloads.page_links("http://h/x", 2, 50, 3)
    assert httpx.Response(200, headers={"Link": links}).links["next"]["url"].endswith("page=3")
    assert 'rel="last"' in links and 'rel="prev"' in links
    assert "next" not in workloads.page_links("http://h/x", 3, 50, 3)


def test_server_caps_the_page_size_and_counts_requests(mini_spec: dict[str, object]) -> None:
    items = workloads.make_issues(mini_spec, 120)
    server, url = workloads.serve_in_thread(items, max_requests=3)
    try:
        with httpx.Client(base_url=url) as http:
            first = http.get(workloads.ISSUES_PATH, params={"limit": 500})
            assert len(first.json()) == workloads.PAGE_CAP
            assert first.headers["X-Total-Count"] == "120"
            last = http.get(first.links["last"]["url"])
            assert len(last.json()) == 20 and "next" not in last.links
            assert http.get("/elsewhere").status_code == 404
            assert http.get(workloads.ISSUES_PATH).status_code == 503  # budget spent
    finally:
        server.shutdown()
        server.server_close()


def test_paginate_and_decode_workloads_on_the_mini_sdk(
    mini_spec: dict[str, object], tmp_path: Path
) -> None:
    data = tmp_path / "issues.json"
    data.write_text(json.dumps(workloads.make_issues(mini_spec, 120)))
    script = [sys.executable, str(BENCHMARKS / "workloads.py")]
    sdk = f"forgegen={MINI_SDK}:gitea_sdk"
    decoded = json.loads(
        subprocess.run(
            [*script, "decode", "--data", str(data), "--repeat", "1", "--sdk", sdk],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert decoded["items"] == 120
    assert decoded["forgegen"]["cpu_s"]["realistic"] > 0
    assert decoded["json.loads"]["cpu_s"]["nulls stripped"] > 0

    for mode, latency in (("overhead", 0.0), ("prefetch", 0.01)):
        flags = ["--expect", "120", "--repeat", "1", "--mode", mode]
        proc, url = workloads.start_server(sys.executable, data, latency=latency, max_requests=100)
        try:
            paged = json.loads(
                subprocess.run(
                    [*script, "paginate", "--url", url, "--sdk", f"{MINI_SDK}:gitea_sdk", *flags],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
            )
        finally:
            workloads.stop_server(proc)
        assert paged["items"] == 120
        assert all(value > 0 for value in paged["median_s"].values())
        assert proc.returncode == 0


def test_run_measured_reads_peak_memory_and_exit_code(tmp_path: Path) -> None:
    done = measure.run_measured(
        [sys.executable, "-c", "x = bytearray(64 * 1024 * 1024); x[::4096] = b'1' * len(x[::4096])"]
    )
    assert done.returncode == 0 and done.wall_s > 0
    assert done.maxrss_mib >= 64
    failed = measure.run_measured([sys.executable, "-c", "import sys; sys.exit(3)"])
    with pytest.raises(RuntimeError, match="exit 3"):
        failed.check("the child")
    assert len(measure.time_command([sys.executable, "-c", "pass"], runs=2, warmup=0)) == 2


def test_count_tree(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text("x = 1\ny = 2\n")
    (tmp_path / "pkg" / "b.py").write_text("z = 3")  # no final newline: still a line
    (tmp_path / "README.md").write_text("hello\n")
    (tmp_path / "pkg" / "__pycache__").mkdir()
    (tmp_path / "pkg" / "__pycache__" / "a.pyc").write_bytes(b"\0" * 100)
    size = measure.count_tree(tmp_path)
    assert (size.files, size.py_files, size.py_lines) == (3, 2, 3)
    assert size.bytes == 12 + 5 + 6


def _results(**overrides: float) -> dict[str, object]:
    values = {
        "fg": 4.0,
        "ruff": 1.0,
        "opc": 4.0,
        "oag": 8.0,
        "rebuild": 0.3,
        "client": 30.0,
        "pss": 100.0,
        **overrides,
    }
    spec = {
        "cold": {
            report.FORGEGEN: {
                "median_s": values["fg"],
                "tree_pss_mib": values["pss"],
                "maxrss_mib": 90,
            },
            report.RUFF: {"median_s": values["ruff"]},
            report.OPC: {"median_s": values["opc"]},
            report.OAG: {"median_s": values["oag"]},
        },
        "rebuild": {report.REBUILD: {"median_s": values["rebuild"]}},
        "size": {
            report.FORGEGEN: {"package": {"py_lines": 20}, "all": {"bytes": 1}},
            report.OPC: {"package": {"py_lines": 100}, "all": {"bytes": 1}},
        },
        "imports": {report.FORGEGEN: {"Client": {"over_bare_ms": values["client"]}}},
    }
    return {
        "specs": {"gitea-1.25": spec},
        "decode": {
            "json.loads": {"cpu_s": {"realistic": 0.02}},
            report.FORGEGEN: {"cpu_s": {"realistic": 0.05, "nulls stripped": 0.05}},
            report.OPC: {"cpu_s": {"nulls stripped": 0.06}, "refused": {"realistic": "TypeError"}},
            report.OAG: {"cpu_s": {"realistic": 0.04}},
        },
        "pagination": {
            "items": 5000,
            "median_s": {"httpx loop + Issue.from_dict": 1.0, "forgegen Paginator": 1.3},
            "cpu_median_s": {"httpx loop + Issue.from_dict": 1.0, "forgegen Paginator": 1.1},
        },
        "prefetch": {
            "items": 5000,
            "median_s": {
                "forgegen Paginator (sequential)": 5.0,
                "forgegen AsyncPaginator (prefetch)": 2.0,
            },
        },
    }


def test_targets_are_judged_on_ratios_of_the_same_run() -> None:
    verdicts = {t.name: t.verdict for t in report.evaluate(_results())}
    assert verdicts["cold build (black) vs openapi-python-client"] == "PASS"  # 1.0x
    assert verdicts["cold build (black) vs openapi-generator"] == "PASS"  # 2x
    assert verdicts["generated lines vs openapi-python-client"] == "PASS"  # 0.2
    assert verdicts["rebuild, unchanged spec"] == "PASS"
    assert verdicts["import SDK + Client, over a bare interpreter"] == "PASS"
    assert verdicts["generator peak memory (process tree, PSS)"] == "PASS"
    assert verdicts["decode 1,000 issues vs json.loads alone"] == "PASS"  # 2.5x
    # the peer that refuses nulls is compared on the data it accepts
    assert verdicts["decode vs openapi-python-client's models"] == "PASS"
    assert verdicts["decode vs openapi-generator's models"] == "FAIL"
    paging = "pagination overhead vs a hand-written httpx loop (same decoding; client CPU time)"
    assert verdicts[paging] == "PASS"  # judged on CPU time: +10%
    assert verdicts["async prefetch vs sequential, 50 ms latency"] == "FAIL"  # 2.5x

    slow = {t.name: t.verdict for t in report.evaluate(_results(fg=4.1, pss=150.0))}
    assert slow["cold build (black) vs openapi-python-client"] == "FAIL"
    assert slow["generator peak memory (process tree, PSS)"] == "FAIL"  # 157 MB


def test_missing_peers_make_targets_not_applicable() -> None:
    results = _results()
    spec = results["specs"]["gitea-1.25"]  # type: ignore[index]
    del spec["cold"][report.OPC], spec["size"][report.OPC]
    verdicts = {t.name: t.verdict for t in report.evaluate(results)}
    assert verdicts["cold build (black) vs openapi-python-client"] == "n/a"
    assert verdicts["generated lines vs openapi-python-client"] == "n/a"
    assert verdicts["rebuild, unchanged spec"] == "PASS"


def test_markdown_has_every_table() -> None:
    results = _results()
    text = report.markdown(results, report.evaluate(results))
    assert "| gitea-1.25 | forgegen |" in text
    assert "**FAIL**" in text and "**PASS**" in text
    assert "decode 1,000 issues: openapi-python-client" in text


def test_peer_commands_stay_in_their_folder(tmp_path: Path) -> None:
    found = peers.find()
    if found is None:
        pytest.skip("the peers are not installed (python benchmarks/run.py installs them)")
    assert peers.PEERS_DIR in found.python.parents
    command = found.oag_command(tmp_path / "spec.json", tmp_path / "out", "pkg")
    assert command[:2] == [str(found.oag), "generate"]
    assert found.env()["PATH"].startswith(str(found.python.parent))


def test_an_output_folder_is_freed_into_the_trash_and_deleted_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "TRASH", tmp_path / "trash")
    out = tmp_path / "work" / "forgegen"
    assert run._fresh(out) == out and not out.exists() and out.parent.is_dir()
    for _ in range(2):  # the same folder, built over twice
        (out / "pkg").mkdir(parents=True)
        (out / "pkg" / "m.py").write_text("x = 1\n")
        assert run._fresh(out) == out and not out.exists()
    kept = sorted(p.relative_to(tmp_path / "trash").parts[1:] for p in tmp_path.rglob("m.py"))
    assert kept == [("forgegen", "pkg", "m.py")] * 2
    run._empty_trash()
    assert not (tmp_path / "trash").exists()


def test_the_sweep_judges_each_outcome_as_the_corpus_test_does(tmp_path: Path) -> None:
    spec = tmp_path / "api" / "x.json"
    located = f"Error: the spec is not valid (1 error(s)):\nerror: {spec}#/paths: bad\n"
    assert sweep.finding(spec, 0, "") is None
    assert sweep.finding(spec, 4, located) is None
    assert sweep.finding(spec, None, "") == f"no answer within {sweep.TIMEOUT_S} s"
    assert sweep.finding(spec, 1, "Traceback (most recent call last):\n") == "a traceback"
    assert sweep.finding(spec, 2, "Error: no such option\n") == "exit 2: Error: no such option"
    unlocated = sweep.finding(spec, 4, "Error: the spec is not valid\nerror: somewhere: bad\n")
    assert unlocated == "refused without a located error: error: somewhere: bad"


def test_the_sweep_samples_alike_for_a_seed_and_leaves_the_corpus_out(tmp_path: Path) -> None:
    collection, corpus = tmp_path / "api", tmp_path / "corpus"
    for name in ("a.com.json", "b.com/v1.json", "c.com/v2.json", "d.com.json"):
        (collection / name).parent.mkdir(parents=True, exist_ok=True)
        (collection / name).write_text("{}")
    (corpus / "valid").mkdir(parents=True)
    (corpus / "valid" / "b.com_v1.json").write_text("{}")
    first = sweep.sample(collection, 3, 5, corpus)
    assert first == sweep.sample(collection, 3, 5, corpus)
    assert sorted(p.name for p in first) == ["a.com.json", "d.com.json", "v2.json"]

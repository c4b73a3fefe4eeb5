"""Hostile and careless inputs to the `geokg` command (issue 10): over-long articles, bad option
values, an existing output file, Ctrl-C. Real subprocesses, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.sqlite_store import SqliteStore

ROOT = Path(__file__).resolve().parents[2]
GOOD_MD = "---\ntitle: Russia strikes\ndate: 2024-02-06\n---\nRussia attacked Ukraine on Tuesday.\n"


def geokg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geokg", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=1200
    )


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr, done.stderr


def test_a_paragraph_longer_than_spacys_limit_is_extracted_with_the_other_inputs(tmp_path: Path) -> None:
    good, long = tmp_path / "good.md", tmp_path / "long.txt"
    good.write_text(GOOD_MD, encoding="utf-8")
    # 1.3 million characters in one paragraph; long tokens keep the parse cheap (the slow test
    # below runs the 2.2 MB reproduction of the issue)
    long.write_text(" ".join(["Russia attacked Ukraine and " + "z" * 2000] * 650), encoding="utf-8")
    done = geokg("extract", str(good), str(long), "--date", "2024-02-06")
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert ("Russia", "ATTACK", "Ukraine") in {(r["subject"]["name"], r["relation"]["type"], r["object"]["name"])
                                                for r in records if r["sentence"].endswith("Tuesday.")}
    assert "2 articles" in done.stderr and "0 inputs failed" in done.stderr

    ingested = geokg("ingest", str(good), str(long), "--db", str(tmp_path / "graph.sqlite"), "--ledger",
                     str(tmp_path / "ledger.sqlite"), "--report", "json")
    no_traceback(ingested)
    assert ingested.returncode == 0, ingested.stderr
    report = json.loads(ingested.stdout.splitlines()[-1])
    assert (report["articles_new"], report["articles_failed"]) == (2, 0)
    store = SqliteStore(tmp_path / "graph.sqlite")
    try:
        assert store.counts()["Article"] == 2
    finally:
        store.close()


@pytest.mark.slow
def test_the_issue_reproduction_a_2_mb_run_on_sentence(tmp_path: Path) -> None:
    good, long = tmp_path / "good.md", tmp_path / "long.txt"
    good.write_text(GOOD_MD, encoding="utf-8")
    long.write_text(" ".join(["Russia attacked Ukraine and"] * 80_000) + "\n", encoding="utf-8")  # 2.2 MB
    done = geokg("extract", str(good), str(long))
    no_traceback(done)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert any(r["sentence"] == "Russia attacked Ukraine on Tuesday." for r in records)
    assert "2 articles" in done.stderr


@pytest.mark.parametrize("value", ["0", "-3", "two"])
def test_a_bad_process_count_is_one_line(tmp_path: Path, value: str) -> None:
    good = tmp_path / "good.md"
    good.write_text(GOOD_MD, encoding="utf-8")
    done = geokg("extract", str(good), "--processes", value)
    no_traceback(done)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1].startswith("geokg extract: error: argument --processes: ")
    assert done.stdout == ""

"""Ingestion into the embedded store: idempotent, resumable after a kill, bad input alone."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.sqlite_store import SqliteStore
from loaders.ingest import Ledger, LedgerError, RunReport, ingest
from loaders.sources import read_inputs

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"


def _counts(db: Path) -> dict[str, int]:
    store = SqliteStore(db)
    try:
        return store.counts()
    finally:
        store.close()


def test_a_second_pass_loads_nothing_new(tmp_path: Path, extractor: Extractor) -> None:
    store = SqliteStore(tmp_path / "graph.sqlite")
    ledger = Ledger(tmp_path / "ledger.sqlite")
    first = ingest(read_inputs([str(EXAMPLES)]), store, "embedded:test", extractor, ledger, batch_articles=8)
    counts = store.counts()
    second = ingest(read_inputs([str(EXAMPLES)]), store, "embedded:test", extractor, ledger, batch_articles=8)
    assert (first.articles_new, first.articles_duplicate) == (32, 0)
    assert (second.articles_new, second.articles_duplicate, second.triples_loaded) == (0, 32, 0)
    assert first.triples_loaded == counts["Event"] > 50
    assert store.counts() == counts
    assert ledger.statuses("embedded:test") == {"loaded": 32}
    ledger.close()
    store.close()


def test_a_changed_article_is_loaded_again_and_replaces_its_events(tmp_path: Path, extractor: Extractor) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Hungary criticized Russia.\n\nJapan praised South Korea.", encoding="utf-8")
    store = SqliteStore(tmp_path / "graph.sqlite")
    ledger = Ledger(tmp_path / "ledger.sqlite")
    ingest(read_inputs([str(article)], "2024-01-01"), store, "k", extractor, ledger)
    assert store.counts()["Event"] == 2
    # the same file edited: a new content hash, so a new article id and a new load
    article.write_text("Hungary criticized Russia.", encoding="utf-8")
    report = ingest(read_inputs([str(article)], "2024-01-01"), store, "k", extractor, ledger)
    assert (report.articles_new, report.triples_loaded) == (1, 1)
    assert store.counts()["Article"] == 2
    ledger.close()
    store.close()


def test_a_killed_run_resumes_to_the_counts_of_a_clean_run(
    tmp_path: Path, killer: Callable[[subprocess.Popen[bytes], Path, int], None]
) -> None:
    clean_db, killed_db = tmp_path / "clean.sqlite", tmp_path / "killed.sqlite"
    base = [sys.executable, "-m", "geokg", "ingest", str(EXAMPLES), "--batch", "1", "--report", "json"]
    clean = subprocess.run([*base, "--db", str(clean_db), "--ledger", str(tmp_path / "clean-ledger.sqlite")],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr
    ledger = tmp_path / "killed-ledger.sqlite"
    process = subprocess.Popen([*base, "--db", str(killed_db), "--ledger", str(ledger)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killer(process, ledger, 3)
    assert 0 < _counts(killed_db)["Article"] < 32
    rerun = subprocess.run([*base, "--db", str(killed_db), "--ledger", str(ledger)], cwd=ROOT,
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout.strip().splitlines()[-1])
    assert report["articles_duplicate"] >= 3 and report["articles_new"] + report["articles_duplicate"] == 32
    assert _counts(killed_db) == _counts(clean_db)


def test_bad_inputs_fail_alone_and_the_report_says_so(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "Iran attacked Israel.", "date": "2024-04-14"}\n{oops\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "geokg", "ingest", str(bad), "--db", str(tmp_path / "g.sqlite"),
         "--ledger", str(tmp_path / "l.sqlite"), "--report", "json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 1
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert {k: report[k] for k in ("articles_new", "articles_duplicate", "articles_failed", "triples_loaded")} == {
        "articles_new": 1, "articles_duplicate": 0, "articles_failed": 1, "triples_loaded": 1,
    }
    assert f"{bad}:2: invalid JSON" in done.stderr


def test_a_store_emptied_behind_the_ledger_is_loaded_again(tmp_path: Path, extractor: Extractor) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite")
    first = SqliteStore(tmp_path / "graph.sqlite")
    ingest(read_inputs([str(EXAMPLES)]), first, "k", extractor, ledger, batch_articles=16)
    counts = first.counts()
    first.close()
    (tmp_path / "graph.sqlite").unlink()  # the graph is deleted, the ledger is not
    second = SqliteStore(tmp_path / "graph.sqlite")
    report = ingest(read_inputs([str(EXAMPLES)]), second, "k", extractor, ledger, batch_articles=16)
    assert (report.articles_new, report.articles_duplicate) == (32, 0)
    assert second.counts() == counts
    second.close()
    ledger.close()


def test_reports_of_one_pass_add_up() -> None:
    total = RunReport(articles_read=2, articles_new=1, articles_duplicate=1, triples_loaded=3,
                      drops_by_reason=Counter({"no_actor": 2}), errors=["a.txt: empty"])
    total.add(RunReport(articles_read=3, articles_new=2, articles_failed=1, triples_loaded=4, events_removed=1,
                        drops_by_reason=Counter({"no_actor": 1, "self_loop": 1}), errors=["b.txt: not UTF-8"],
                        warnings_by_reason=Counter({"not_english": 1})))
    assert total.as_dict() | {"seconds": 0} == {
        "articles_read": 5, "articles_new": 3, "articles_duplicate": 1, "articles_failed": 1, "triples_loaded": 7,
        "events_removed": 1, "drops_by_reason": {"no_actor": 3, "self_loop": 1},
        "warnings_by_reason": {"not_english": 1}, "errors": ["a.txt: empty", "b.txt: not UTF-8"], "seconds": 0,
    }


def test_a_ledger_of_another_shape_is_named_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE ledger (something TEXT)")
        connection.execute("INSERT INTO ledger VALUES ('kept')")
    connection.close()
    with pytest.raises(LedgerError, match=r"ledger\.sqlite: cannot open the ingestion ledger \(no such column"):
        Ledger(path)
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT something FROM ledger").fetchall() == [("kept",)]
    connection.close()

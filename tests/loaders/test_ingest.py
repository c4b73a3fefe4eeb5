"""Ingestion into the embedded store: idempotent, resumable after a kill, bad input alone."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from extract.extractor import RULES, ExtractorSettings
from extract.knowledge_dir import DEFAULT_KNOWLEDGE_DIR, KNOWLEDGE_ENV
from extract.parallel import ParallelExtractor, WorkerSpec
from extract.pipeline import Extractor
from graph.model import Article
from graph.neo4j_store import Neo4jStore
from graph.sqlite_store import SqliteStore
from loaders.ingest import Ledger, LedgerError, RunReport, Standing, ingest
from loaders.sources import read_inputs
from tests.held_input import HELD_ARTICLES, HeldFeed

if TYPE_CHECKING:
    from neo4j import Driver

    from tests.graph.neo4j_fixtures import Neo4jTestServer

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"
ARTICLES = 67  # the bundled example articles (examples/articles/README.md is not one)


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
    assert (first.articles_new, first.articles_duplicate) == (ARTICLES, 0)
    assert (second.articles_new, second.articles_duplicate, second.triples_loaded) == (0, ARTICLES, 0)
    assert first.triples_loaded == counts["Event"] > 50
    assert store.counts() == counts
    assert ledger.statuses("embedded:test") == {"loaded": ARTICLES}
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


def test_two_worker_processes_load_what_one_loads_and_a_stop_leaves_the_rest(
    tmp_path: Path, extractor: Extractor
) -> None:
    opened: list[SqliteStore | Ledger] = []

    def run(name: str, chosen: Any, **options: Any) -> tuple[RunReport, SqliteStore, Ledger]:
        store, ledger = SqliteStore(tmp_path / f"{name}.sqlite"), Ledger(tmp_path / f"{name}-ledger.sqlite")
        opened.extend((store, ledger))
        report = ingest(read_inputs([str(EXAMPLES)]), store, "k", chosen, ledger, batch_articles=8, **options)
        return report, store, ledger

    spec = WorkerSpec.of(RULES, ExtractorSettings(min_confidence=extractor.min_confidence))  # as the suite's
    with ParallelExtractor(spec, workers=2, local=extractor, chunk_articles=4) as parallel:
        one, one_store, _ = run("one", extractor)
        two, two_store, _ = run("two", parallel)
        assert parallel.pool_started
        batches: list[int] = []  # a stop asked for once the first batch is loaded
        stopped, stopped_store, stopped_ledger = run("stopped", parallel, on_batch=batches.append,
                                                     stopping=lambda: bool(batches))
        loaded = stopped_ledger.statuses("k")["loaded"]
        rerun = ingest(read_inputs([str(EXAMPLES)]), stopped_store, "k", parallel, stopped_ledger, batch_articles=8)
    assert {**one.as_dict(), "seconds": 0} == {**two.as_dict(), "seconds": 0}
    assert (two.articles_new, two.articles_read) == (ARTICLES, ARTICLES)
    assert one_store.counts() == two_store.counts()
    # the article in hand when the stop came is the last; read counts only the articles accounted for
    assert batches == [8, 1] and (stopped.articles_read, stopped.articles_new) == (9, 9) and loaded == 9
    assert (rerun.articles_new, rerun.articles_duplicate) == (ARTICLES - 9, 9)
    assert stopped_store.counts() == one_store.counts()
    for part in opened:
        part.close()


def test_a_killed_run_resumes_to_the_counts_of_a_clean_run(
    tmp_path: Path, killer: Callable[[subprocess.Popen[bytes], Path, int], None], example_feed: HeldFeed
) -> None:
    clean_db, killed_db = tmp_path / "clean.sqlite", tmp_path / "killed.sqlite"
    base = [sys.executable, "-m", "geokg", "ingest", "--batch", "1", "--workers", "1", "--report", "json"]
    clean = subprocess.run([*base, str(example_feed.file), "--db", str(clean_db),
                            "--ledger", str(tmp_path / "clean-ledger.sqlite")],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr
    ledger = tmp_path / "killed-ledger.sqlite"
    # the feed keeps its last articles back (one process extracts them as they come), so the kill
    # lands mid-run however fast the machine
    process = subprocess.Popen([*base, str(example_feed.pipe), "--db", str(killed_db), "--ledger", str(ledger)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killer(process, ledger, 3)
    assert 3 <= _counts(killed_db)["Article"] <= ARTICLES - HELD_ARTICLES
    rerun = subprocess.run([*base, str(example_feed.file), "--db", str(killed_db), "--ledger", str(ledger)],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout.strip().splitlines()[-1])
    assert report["articles_duplicate"] >= 3 and report["articles_new"] + report["articles_duplicate"] == ARTICLES
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
    assert report["articles_read"] == 2  # read = new + duplicate + failed
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
    assert (report.articles_new, report.articles_duplicate) == (ARTICLES, 0)
    assert second.counts() == counts
    second.close()
    ledger.close()


def test_an_article_dated_by_its_month_is_stored_with_that_date(tmp_path: Path, extractor: Extractor) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "m", "text": "Hungary criticized Russia on Tuesday.", "date": "2021-04"}\n'
                    '{"id": "y", "text": "Japan praised South Korea last month.", "date": "2021"}\n', encoding="utf-8")
    store = SqliteStore(tmp_path / "graph.sqlite")
    ledger = Ledger(tmp_path / "ledger.sqlite")
    report = ingest(read_inputs([str(dump)]), store, "k", extractor, ledger)
    assert (report.articles_new, report.triples_loaded, report.errors) == (2, 2, [])
    assert [(store.article(i) or {}).get("published") for i in ("m", "y")] == ["2021-04", "2021"]
    events = store.connection.execute("SELECT article_id, date, date_precision FROM events ORDER BY article_id")
    assert events.fetchall() == [("m", "2021-04-01", "month"), ("y", "2021-01-01", "year")]
    ledger.close()
    store.close()


def test_reports_of_one_pass_add_up() -> None:
    total = RunReport(articles_read=2, articles_new=1, articles_duplicate=1, triples_loaded=3,
                      drops_by_reason=Counter({"no_actor": 2}), errors=["a.txt: empty"])
    total.add(RunReport(articles_read=4, articles_new=2, articles_reextracted=1, articles_failed=1, triples_loaded=4,
                        events_removed=1, drops_by_reason=Counter({"no_actor": 1, "self_loop": 1}),
                        errors=["b.txt: not UTF-8"], warnings_by_reason=Counter({"not_english": 1})))
    assert total.as_dict() | {"seconds": 0} == {
        "articles_read": 6, "articles_new": 3, "articles_reextracted": 1, "articles_duplicate": 1, "articles_failed": 1,
        "triples_loaded": 7,
        "events_removed": 1, "drops_by_reason": {"no_actor": 3, "self_loop": 1},
        "warnings_by_reason": {"not_english": 1}, "errors": ["a.txt: empty", "b.txt: not UTF-8"], "error": None,
        "seconds": 0,
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


# --- re-extraction when the knowledge changes ------------------------------------------------------

# A name no knowledge file knows, in an article written for these tests: read as an unknown person
# until the changed knowledge gives it as the alias of an organisation.
ZEMBLA = "Zembla condemned Russia on Monday.\n"
# What re-extraction must get right: the events and everything that follows from them. Actor nodes
# an older version named and the new one does not (here the person "Zembla") stay in the store, as
# when any article's events change, so actor counts are not compared.
EVENT_COUNTS = ("Article", "Event", "SUBJECT", "OBJECT", "REPORTED_IN", "ATTRIBUTED_TO")


def add_row(table: Path, values: dict[str, str]) -> None:
    """Append a row to a TSV knowledge file, in the order of its header (other columns empty)."""
    header = table.read_text(encoding="utf-8").splitlines()[0].split("\t")
    with table.open("a", encoding="utf-8") as handle:
        handle.write("\t".join(values.get(column, "") for column in header) + "\n")


def changed_knowledge(tmp_path: Path) -> Path:
    """extract/data copied to ``tmp_path`` with one alias row added."""
    knowledge = Path(shutil.copytree(DEFAULT_KNOWLEDGE_DIR, tmp_path / "knowledge"))
    add_row(knowledge / "organizations.tsv", {"id": "zemblan-assembly", "name": "Zemblan Assembly",
                                              "aliases": "Zembla", "type": "IGO", "cameo": "IGOZEM"})
    return knowledge


def ingest_run(inputs: list[str], *options: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """`geokg ingest` as a subprocess; its JSON report."""
    done = subprocess.run([sys.executable, "-m", "geokg", "ingest", *inputs, "--report", "json", *options],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def event_counts(counts: dict[str, int]) -> dict[str, int]:
    """The counts of events, their articles and links, and the aggregated relationships over them."""
    labels = {"Actor", "Person", "Country", "Organization", "Group", "Region", "HOLDS_ROLE"}
    return {key: value for key, value in counts.items() if key in EVENT_COUNTS or key not in labels}


@pytest.fixture
def zembla_inputs(tmp_path: Path) -> list[str]:
    article = tmp_path / "zembla.txt"
    article.write_text(ZEMBLA, encoding="utf-8")
    return [str(EXAMPLES), str(article), "--date", "2024-01-15"]


def _subjects(db: Path) -> set[str]:
    with sqlite3.connect(db) as connection:
        return {row[0] for row in connection.execute("SELECT subject_id FROM events")}


def test_changed_knowledge_re_extracts_every_article_in_the_embedded_store(
    tmp_path: Path, zembla_inputs: list[str]
) -> None:
    db, ledger = tmp_path / "graph.sqlite", tmp_path / "ledger.sqlite"
    first = ingest_run(zembla_inputs, "--db", str(db), "--ledger", str(ledger))
    assert (first["articles_new"], first["articles_reextracted"]) == (ARTICLES + 1, 0)
    assert "person:zembla" in _subjects(db) and "org:zemblan-assembly" not in _subjects(db)
    knowledge = changed_knowledge(tmp_path)
    env = {**os.environ, KNOWLEDGE_ENV: str(knowledge)}
    second = ingest_run(zembla_inputs, "--db", str(db), "--ledger", str(ledger), env=env)
    assert {k: second[k] for k in ("articles_read", "articles_new", "articles_reextracted", "articles_duplicate")} == {
        "articles_read": ARTICLES + 1, "articles_new": 0, "articles_reextracted": ARTICLES + 1, "articles_duplicate": 0}
    fresh_db = tmp_path / "fresh.sqlite"
    fresh = ingest_run(zembla_inputs, "--db", str(fresh_db), "--ledger", str(tmp_path / "fresh-ledger.sqlite"),
                       "--knowledge-dir", str(knowledge))
    assert (fresh["articles_new"], fresh["articles_reextracted"]) == (ARTICLES + 1, 0)
    assert second["triples_loaded"] == fresh["triples_loaded"] == _counts(fresh_db)["Event"]
    assert event_counts(_counts(db)) == event_counts(_counts(fresh_db))
    # the change reached the graph: Zembla is now the organisation, not an unknown person
    assert _subjects(db) == _subjects(fresh_db)
    assert "org:zemblan-assembly" in _subjects(db) and "person:zembla" not in _subjects(db)
    # with the same knowledge again, nothing is re-extracted
    third = ingest_run(zembla_inputs, "--db", str(db), "--ledger", str(ledger), "--knowledge-dir", str(knowledge))
    assert (third["articles_duplicate"], third["articles_reextracted"], third["articles_new"]) == (ARTICLES + 1, 0, 0)


def test_changed_knowledge_re_extracts_every_article_in_neo4j(
    tmp_path: Path, zembla_inputs: list[str], neo4j_server: Neo4jTestServer, neo4j_driver: Driver
) -> None:
    env = {**os.environ, **neo4j_server.env()}
    ledger = tmp_path / "ledger.sqlite"
    neo4j = ("--store", "neo4j", "--ledger", str(ledger))

    def subjects() -> set[str]:
        records, _, _ = neo4j_driver.execute_query("MATCH (:Event)-[:SUBJECT]->(a:Actor) RETURN DISTINCT a.id AS id")
        return {str(record["id"]) for record in records}

    first = ingest_run(zembla_inputs, *neo4j, env=env)
    assert (first["articles_new"], first["articles_reextracted"]) == (ARTICLES + 1, 0)
    assert "person:zembla" in subjects()
    knowledge = changed_knowledge(tmp_path)
    second = ingest_run(zembla_inputs, *neo4j, "--knowledge-dir", str(knowledge), env=env)
    reextracted = (second["articles_new"], second["articles_reextracted"], second["articles_duplicate"])
    assert reextracted == (0, ARTICLES + 1, 0)
    fresh_db = tmp_path / "fresh.sqlite"
    ingest_run(zembla_inputs, "--db", str(fresh_db), "--ledger", str(tmp_path / "fresh-ledger.sqlite"),
               "--knowledge-dir", str(knowledge))
    store = Neo4jStore(neo4j_server.store_settings())
    try:
        assert event_counts(store.counts()) == event_counts(_counts(fresh_db))
    finally:
        store.close()
    assert subjects() == _subjects(fresh_db)
    assert "org:zemblan-assembly" in subjects() and "person:zembla" not in subjects()


def test_the_ledger_tells_loaded_stale_and_unloaded_apart(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite")
    article = Article("a", "Hungary criticized Russia.")
    assert ledger.standing("k", article, "rules/2") is Standing.UNLOADED
    ledger.mark("k", [article], "rules/1", "seen")
    assert ledger.standing("k", article, "rules/2") is Standing.UNLOADED  # never loaded: nothing to replace
    ledger.mark("k", [article], "rules/1", "loaded")
    assert ledger.standing("k", article, "rules/1") is Standing.LOADED
    assert ledger.standing("k", article, "rules/2") is Standing.STALE
    assert ledger.standing("other-store", article, "rules/1") is Standing.UNLOADED
    edited = Article("a", "Hungary praised Russia.")  # same id, other content: new, not stale
    assert ledger.standing("k", edited, "rules/2") is Standing.UNLOADED
    assert ledger.is_loaded("k", article, "rules/1") and not ledger.is_loaded("k", article, "rules/2")
    ledger.close()


def _ingest(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "geokg", "ingest", *args, "--report", "json"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_the_same_id_twice_in_one_file_the_later_replaces_with_a_warning(tmp_path: Path) -> None:
    lines = tmp_path / "twice.jsonl"
    lines.write_text('{"id": "a", "text": "Iran attacked Israel.", "date": "2024-04-14"}\n'
                     '{"id": "b", "text": "Hungary criticized Russia.", "date": "2024-04-14"}\n'
                     '{"id": "a", "text": "Hungary criticized Russia.", "date": "2024-04-14"}\n'
                     '{"id": "b", "text": "Hungary criticized Russia.", "date": "2024-04-14"}\n', encoding="utf-8")
    done = _ingest(str(lines), "--db", str(tmp_path / "g.sqlite"), "--ledger", str(tmp_path / "l.sqlite"))
    stdout, stderr = done.communicate(timeout=300)
    assert done.returncode == 0, stderr
    report = json.loads(stdout.splitlines()[-1])
    assert (report["articles_read"], report["articles_new"], report["articles_duplicate"]) == (4, 3, 1)
    assert f"geokg: warning: {lines}:3: id 'a' is also on line 1 with another text; line 3 replaces it" in stderr
    assert "line 4" not in stderr  # the same text again is a plain duplicate
    with sqlite3.connect(tmp_path / "g.sqlite") as connection:
        stored = connection.execute("SELECT article_id, type FROM events ORDER BY 1").fetchall()
    assert stored == [("a", "CRITICIZE"), ("b", "CRITICIZE")]  # as a later run would leave it


def test_two_ingestions_at_once_load_each_article_once_and_say_so(tmp_path: Path) -> None:
    store = ["--db", str(tmp_path / "g.sqlite"), "--ledger", str(tmp_path / "l.sqlite")]
    runs = [_ingest(str(EXAMPLES), *store) for _ in range(2)]
    reports = []
    for run in runs:
        stdout, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stderr
        reports.append(json.loads(stdout.splitlines()[-1]))
    assert sorted((r["articles_new"], r["articles_duplicate"]) for r in reports) == [(0, ARTICLES), (ARTICLES, 0)]

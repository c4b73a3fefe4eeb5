"""Scheduled ingestion against a real HTTP server on 127.0.0.1 (tests/loaders/news_site.py)."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from extract.pipeline import Extractor
from graph.neo4j_store import Neo4jStore
from graph.sqlite_store import SqliteStore
from graph.store import GraphStore
from loaders.fetch import Fetcher, FetchPolicy
from loaders.ingest import Ledger
from loaders.schedule import PassReport, Pipeline, run_pass
from loaders.source_config import load_sources
from loaders.source_state import SourceState, backoff_seconds
from tests.loaders.news_site import NewsSite, serve

if TYPE_CHECKING:
    from neo4j import Driver

    from tests.graph.neo4j_fixtures import Neo4jTestServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def site() -> Iterator[NewsSite]:
    yield from serve()


def sources_file(folder: Path, site: NewsSite, bad: bool = True) -> Path:
    text = f"""
[[source]]
name = "example-news"
kind = "rss"
url = "{site.url('/rss.xml')}"
every = "15m"
outlet_country = "GBR"

[[source]]
name = "example-wire"
kind = "atom"
url = "{site.url('/atom.xml')}"
cron = "*/30 * * * *"
"""
    if bad:
        for name, path, kind in (("server-error", "/error.xml", "rss"), ("too-slow", "/slow.xml", "rss"),
                                 ("malformed", "/broken.xml", "rss"), ("redirect-loop", "/loop/0", "rss"),
                                 ("huge-page", "/huge.html", "html")):
            text += f'\n[[source]]\nname = "{name}"\nkind = "{kind}"\nurl = "{site.url(path)}"\nevery = "1h"\n'
    path = folder / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


Events = list[tuple[str, dict[str, Any]]]


def make_pipeline(folder: Path, store: GraphStore, extractor: Extractor, clock: Clock, events: Events) -> Pipeline:
    policy = FetchPolicy(read_timeout=1.0, host_interval=0.0)
    return Pipeline(store, "test", extractor, Ledger(folder / "ledger.sqlite"), SourceState(folder / "state.sqlite"),
                    Fetcher(policy), folder / "runs.jsonl", clock=clock,
                    log=lambda name, fields: events.append((name, fields)))


def one_pass(folder: Path, sources: Path, store: GraphStore, extractor: Extractor, clock: Clock,
             events: Events | None = None) -> PassReport:
    pipeline = make_pipeline(folder, store, extractor, clock, [] if events is None else events)
    try:
        return run_pass(load_sources(sources), pipeline, folder / "pass.lock")
    finally:
        pipeline.fetcher.close()
        pipeline.ledger.close()
        pipeline.state.close()


def test_passes_with_failing_sources_backoff_and_copies(tmp_path: Path, site: NewsSite, extractor: Extractor) -> None:
    store, clock, events = SqliteStore(tmp_path / "graph.sqlite"), Clock(), []
    sources = sources_file(tmp_path, site)
    first = one_pass(tmp_path, sources, store, extractor, clock, events)
    assert first.sources_ok == ["example-news", "example-wire"]
    reasons = first.sources_failed
    assert set(reasons) == {"server-error", "too-slow", "malformed", "redirect-loop", "huge-page"}
    assert "HTTP 500" in reasons["server-error"] and "timed out" in reasons["too-slow"]
    assert "not a readable RSS or Atom feed" in reasons["malformed"]
    assert "more than 5 redirects" in reasons["redirect-loop"]
    assert "52,428,800 bytes is more than the limit" in reasons["huge-page"]
    assert (first.ingest.articles_new, first.articles_near_duplicate) == (5, 1)  # the wire copy is linked
    assert first.ingest.triples_loaded > 5
    counts = store.counts()
    assert (counts["Article"], counts["COPY_OF"]) == (6, 1)  # five extracted, one copy linked to its first
    state = SourceState(tmp_path / "state.sqlite")
    copy = "url:" + site.url("/wire/copy-of-orban-visits-moscow")
    original = "url:" + site.url("/news/2024-07-05-orban-visits-moscow")
    assert state.copy_of(copy) == (original, pytest.approx(0.8, abs=0.15))
    assert store.connection.execute("SELECT original_id FROM copies WHERE copy_id = ?", (copy,)).fetchall() == [
        (original,)]
    assert store.known_articles([copy]) == {copy} and store.counts()["Event"] == counts["Event"]
    assert state.status("server-error").failures == 1
    assert state.status("server-error").next_attempt == clock.now + backoff_seconds(1)
    by_source = {fields.get("source"): (name, fields) for name, fields in events}
    assert by_source["server-error"] == ("source_failed", {
        "source": "server-error", "error": reasons["server-error"], "failures": 1,
        "next_attempt": clock.now + 60})
    assert by_source["example-wire"] == ("source_ok", {
        "source": "example-wire", "articles_new": 2, "articles_duplicate": 0, "articles_near_duplicate": 1,
        "articles_failed": 0, "triples_loaded": by_source["example-wire"][1]["triples_loaded"]})
    assert events[-1][0] == "pass_finished" and events[-1][1]["sources_failed"] == reasons

    clock.now += 30  # within the backoff: failing sources wait, good feeds answer 304
    second = one_pass(tmp_path, sources, store, extractor, clock)
    assert (second.ingest.articles_new, second.ingest.triples_loaded, second.pages_not_modified) == (0, 0, 2)
    assert set(second.sources_waiting) == set(reasons) and not second.sources_failed
    assert site.not_modified["/rss.xml"] == site.not_modified["/atom.xml"] == 1
    assert site.requests["/error.xml"] == 1  # not retried before its backoff
    assert store.counts() == counts

    clock.now += backoff_seconds(1) + 1  # retried after the backoff, failing again: a longer backoff
    third = one_pass(tmp_path, sources, store, extractor, clock)
    assert set(third.sources_failed) == set(reasons)
    assert state.status("server-error").failures == 2
    assert state.status("server-error").next_attempt == clock.now + backoff_seconds(2) == clock.now + 120
    assert site.requests["/error.xml"] == 2
    assert [run["ok"] for run in state.runs()] == [False, True, False]  # newest first
    state.close()
    store.close()


def test_first_and_second_pass_on_neo4j(tmp_path: Path, site: NewsSite, extractor: Extractor,
                                        neo4j_server: Neo4jTestServer, neo4j_driver: Driver) -> None:
    store = Neo4jStore(neo4j_server.store_settings())
    sources, clock = sources_file(tmp_path, site, bad=False), Clock()
    first = one_pass(tmp_path, sources, store, extractor, clock)
    counts = store.counts()
    second = one_pass(tmp_path, sources, store, extractor, clock)
    assert (first.ingest.articles_new, first.articles_near_duplicate, second.ingest.articles_new) == (5, 1, 0)
    assert store.counts() == counts and (counts["Article"], counts["COPY_OF"]) == (6, 1)
    store.close()


def test_a_copy_linked_in_the_state_but_not_yet_in_the_graph_is_linked_by_the_rerun(
    tmp_path: Path, site: NewsSite, extractor: Extractor
) -> None:
    store, clock = SqliteStore(tmp_path / "graph.sqlite"), Clock()
    sources = sources_file(tmp_path, site, bad=False)
    one_pass(tmp_path, sources, store, extractor, clock)
    clean = store.counts()
    # what a pass killed between the state file's link and the graph's leaves behind: the copy's
    # page not yet remembered, the wire feed's validators not yet stored, no COPY_OF in the graph
    copy_url = site.url("/wire/copy-of-orban-visits-moscow")
    with store.connection:
        store.connection.execute("DELETE FROM copies")
    state = sqlite3.connect(tmp_path / "state.sqlite")
    with state:
        state.execute("DELETE FROM pages WHERE url = ?", (copy_url,))
        state.execute("UPDATE sources SET etag = NULL, last_modified = NULL WHERE name = 'example-wire'")
    state.close()
    assert "COPY_OF" not in store.counts()
    clock.now += 3600
    rerun = one_pass(tmp_path, sources, store, extractor, clock)
    # the copy was counted as a near-duplicate when it was found; read again, it is a duplicate, as
    # are the wire feed's two pages read before
    assert (rerun.ingest.articles_new, rerun.articles_near_duplicate, rerun.ingest.articles_duplicate) == (0, 0, 3)
    assert store.counts() == clean
    store.close()


def geokg_pass(folder: Path, sources: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "geokg", "ingest", "--sources", str(sources), "--once", "--db",
         str(folder / "graph.sqlite"), "--ledger", str(folder / "ledger.sqlite"), "--state",
         str(folder / "state.sqlite"), "--report", "json"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def counts_of(folder: Path) -> dict[str, int]:
    store = SqliteStore(folder / "graph.sqlite")
    try:
        return store.counts()
    finally:
        store.close()


def test_killed_and_concurrent_passes_give_the_counts_of_one_clean_pass(
    tmp_path: Path, site: NewsSite, killer: Callable[[subprocess.Popen[bytes], Path, int], None]
) -> None:
    sources = sources_file(tmp_path, site, bad=False)
    clean = tmp_path / "clean"
    clean.mkdir()
    assert geokg_pass(clean, sources).wait(timeout=300) == 0
    expected = counts_of(clean)
    assert (expected["Article"], expected["COPY_OF"]) == (6, 1)

    killed = tmp_path / "killed"
    killed.mkdir()
    site.gates["/atom.xml"] = threading.Event()  # the second source waits, so the kill lands between the two
    killer(geokg_pass(killed, sources), killed / "ledger.sqlite", 3)  # after the RSS source's articles
    site.gates["/atom.xml"].set()
    assert counts_of(killed)["Article"] == 3
    rerun = geokg_pass(killed, sources)
    assert rerun.wait(timeout=300) == 0
    assert counts_of(killed) == expected

    together = tmp_path / "together"
    together.mkdir()
    passes = [geokg_pass(together, sources), geokg_pass(together, sources)]
    assert [p.wait(timeout=300) for p in passes] == [0, 0]
    assert counts_of(together) == expected
    reports = [p.stdout.read().decode().strip().splitlines()[-1] for p in passes if p.stdout]
    assert sorted('"articles_new": 5' in r for r in reports) == [False, True]  # one loaded, the other found it done


def test_runs_lists_recent_runs_and_failures(tmp_path: Path, site: NewsSite, extractor: Extractor) -> None:
    store = SqliteStore(tmp_path / "graph.sqlite")
    one_pass(tmp_path, sources_file(tmp_path, site), store, extractor, Clock())
    store.close()
    listing = subprocess.run([sys.executable, "-m", "geokg", "runs", "--state", str(tmp_path / "state.sqlite")],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert listing.returncode == 0, listing.stderr
    assert "failed server-error: " in listing.stdout and "HTTP 500" in listing.stdout
    assert "example-news" in listing.stdout and "NO" in listing.stdout
    log = (tmp_path / "runs.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(log) == 1 and '"articles_near_duplicate": 1' in log[0]


def test_schedule_run_keeps_running_until_sigterm(tmp_path: Path, site: NewsSite) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "example-news"\nkind = "rss"\nurl = "{site.url("/rss.xml")}"\n'
                       'every = "1h"\n', encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "geokg", "schedule", "run", "--sources", str(sources), "--db",
         str(tmp_path / "graph.sqlite"), "--ledger", str(tmp_path / "ledger.sqlite"), "--state",
         str(tmp_path / "state.sqlite")], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    log = tmp_path / "runs.jsonl"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not (log.exists() and log.read_text(encoding="utf-8").strip()):
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        time.sleep(0.2)
    assert log.exists(), "the scheduler ran no pass"
    # no pause needed: SIGTERM lets a pass in flight finish (its pass_finished event included)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    stderr = process.stderr.read().decode() if process.stderr else ""
    events = [json.loads(line) for line in stderr.splitlines()]  # not a terminal: JSON lines only
    names = [event["event"] for event in events]
    assert names[0] == "scheduler_started" and events[0]["sources"] == 1 and names[-1] == "scheduler_stopped"
    assert [e["articles_new"] for e in events if e["event"] == "source_ok"][:1] == [3]
    assert "pass_finished" in names
    assert counts_of(tmp_path)["Article"] == 3
    assert '"articles_new": 3' in (process.stdout.read().decode() if process.stdout else "")


def test_credentials_in_source_addresses_are_never_written_or_printed(tmp_path: Path, site: NewsSite) -> None:
    secret = "S3cret-pw"
    sources = tmp_path / "sources.toml"
    with_password = site.url("/rss.xml").replace("http://", f"http://reader:{secret}@")
    failing = site.url("/error.xml").replace("http://", f"http://reader:{secret}@")
    sources.write_text(f'[[source]]\nname = "news"\nkind = "rss"\nurl = "{with_password}"\nevery = "1h"\n\n'
                       f'[[source]]\nname = "broken"\nkind = "rss"\nurl = "{failing}"\nevery = "1h"\n',
                       encoding="utf-8")
    state = tmp_path / ".geokg"
    done = geokg_pass(state, sources)
    assert done.wait(timeout=300) == 1  # one source failed
    stdout, stderr = (stream.read().decode() if stream is not None else "" for stream in (done.stdout, done.stderr))
    report = json.loads(stdout.splitlines()[-1])
    assert (report["sources_ok"], report["articles_new"]) == (["news"], 3)
    printed = stdout + stderr
    assert "HTTP 500" in printed and "://***@127.0.0.1" in printed
    runs = [subprocess.run([sys.executable, "-m", "geokg", "runs", "--state", str(state / "state.sqlite"), *flag],
                           cwd=ROOT, capture_output=True, text=True, timeout=60) for flag in ([], ["--json"])]
    assert all(run.returncode == 0 for run in runs) and "HTTP 500" in runs[0].stdout
    written = {path.name: path.read_bytes() for path in state.iterdir()}
    assert {"state.sqlite", "ledger.sqlite", "graph.sqlite", "runs.jsonl"} <= set(written)
    for text in (printed, *(run.stdout + run.stderr for run in runs)):
        assert secret not in text
    for name, data in written.items():
        assert secret.encode() not in data, name
    for path in state.iterdir():  # state files are readable by their owner only
        assert path.stat().st_mode & 0o077 == 0, path.name


def test_a_failed_feed_item_is_retried_with_backoff_even_when_the_feed_answers_304(
    tmp_path: Path, site: NewsSite, extractor: Extractor
) -> None:
    store, clock = SqliteStore(tmp_path / "graph.sqlite"), Clock()
    sources = sources_file(tmp_path, site, bad=False)
    item = "/news/2023-03-21-xi-visits-moscow"
    working = site.routes[item]
    site.routes[item] = (500, {}, b"Internal Server Error")  # the page fails once, transiently
    first = one_pass(tmp_path, sources, store, extractor, clock)
    assert (first.ingest.articles_new, first.ingest.articles_failed, first.ok) == (4, 1, False)
    site.routes[item] = working

    clock.now += 30  # within the item's backoff: the feed is unchanged (304) and the item waits
    second = one_pass(tmp_path, sources, store, extractor, clock)
    assert (second.pages_not_modified, second.pages_waiting, second.ingest.articles_new) == (2, 1, 0)
    assert site.requests[item] == 1

    clock.now += backoff_seconds(1)  # backoff over: retried although the feed still answers 304
    third = one_pass(tmp_path, sources, store, extractor, clock)
    assert (third.pages_not_modified, third.ingest.articles_new, third.ok) == (2, 1, True)
    assert site.requests[item] == 2
    assert store.known_articles(["url:" + site.url(item)]) == {"url:" + site.url(item)}

    clock.now += 3600  # loaded: never fetched again
    fourth = one_pass(tmp_path, sources, store, extractor, clock)
    assert (fourth.ingest.articles_new, site.requests[item]) == (0, 2)
    for report in (first, second, third, fourth):
        counts = report.as_dict()
        assert counts["articles_read"] == sum(counts[k] for k in (
            "articles_new", "articles_duplicate", "articles_near_duplicate", "articles_failed"))
    store.close()


def test_a_copy_counts_once_and_every_pass_adds_up(tmp_path: Path, site: NewsSite, extractor: Extractor) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    original = (ROOT / "examples" / "articles" / "2024-07-05-orban-visits-moscow.md").read_text(encoding="utf-8")
    (folder / "a-original.md").write_text(original, encoding="utf-8")
    (folder / "b-copy.md").write_text(original.replace("on Friday", "on Friday, July 5,")
                                      + "\n\nReporting by the wire desk.\n", encoding="utf-8")
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "drop"\nkind = "folder"\nevery = "1h"\npath = "{folder}"\n',
                       encoding="utf-8")
    store, clock = SqliteStore(tmp_path / "graph.sqlite"), Clock()
    reports = []
    for _ in range(3):
        reports.append(one_pass(tmp_path, sources, store, extractor, clock).as_dict())
        clock.now += 3600
    store.close()
    assert [(r["articles_new"], r["articles_near_duplicate"], r["articles_duplicate"]) for r in reports] == [
        (1, 1, 0), (0, 0, 2), (0, 0, 2)]
    for report in reports:
        assert report["articles_read"] == 2 == sum(report[k] for k in (
            "articles_new", "articles_duplicate", "articles_near_duplicate", "articles_failed"))


def test_a_second_sigterm_is_harmless_and_the_stop_does_not_wait_for_the_pass(tmp_path: Path, site: NewsSite) -> None:
    site.slow_seconds = 4.0  # each of the feed's three pages: the whole pass would take 12 s or more
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "slow-news"\nkind = "rss"\nurl = "{site.url("/slow-news.xml")}"\n'
                       'every = "1h"\n', encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "geokg", "schedule", "run", "--sources", str(sources), "--db",
         str(tmp_path / "graph.sqlite"), "--ledger", str(tmp_path / "ledger.sqlite"), "--state",
         str(tmp_path / "state.sqlite")], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    slow_pages = lambda: sum(n for path, n in site.requests.items() if path.startswith("/slow/"))  # noqa: E731
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and slow_pages() == 0:  # the first page is being served
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    time.sleep(0.5)
    process.send_signal(signal.SIGTERM)  # while the first stop is under way
    assert process.wait(timeout=60) == 0
    stderr = process.stderr.read().decode() if process.stderr else ""
    assert "Traceback" not in stderr and "SchedulerNotRunningError" not in stderr, stderr
    assert slow_pages() == 1  # the page in hand finished; the other two were left for the next pass
    events = [json.loads(line) for line in stderr.splitlines()]
    assert events[-1]["event"] == "scheduler_stopped"
    (finished,) = [e for e in events if e["event"] == "pass_finished"]
    assert finished["stopped"] is True and finished["sources_ok"] == []
    state = SourceState(tmp_path / "state.sqlite")
    assert state.status("slow-news").etag is None  # the feed is read again in full next time
    state.close()

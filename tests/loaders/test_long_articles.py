"""Over-long articles in scheduled passes, against the real HTTP server on 127.0.0.1: a paragraph
longer than spaCy's limit is extracted in bounded blocks, and an article that still cannot be
processed fails alone (issue 10, D1)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.pipeline import Extractor
from graph.sqlite_store import SqliteStore
from loaders.source_state import SourceState
from tests.loaders.news_site import NewsSite, front_matter, page, serve
from tests.loaders.test_schedule import Clock, counts_of, geokg_pass, one_pass

GOOD = "2024-07-05-orban-visits-moscow"
LATER = "2023-03-21-xi-visits-moscow"
# one paragraph of 1.3 million characters (spaCy refuses more than 1,000,000 in one text, E088);
# long tokens keep the parse cheap, the length is what matters
HUGE_PARAGRAPH = " ".join(["Russia attacked Ukraine and " + "z" * 2000] * 650)


@pytest.fixture
def site() -> Iterator[NewsSite]:
    yield from serve()


def feed_with(site: NewsSite, names: list[str]) -> None:
    """``/long.xml``: an RSS feed of ``/long/NAME`` pages."""
    items = "".join(f"<item><title>{name}</title><link>{site.url('/long/' + name)}</link>"
                    f"<pubDate>Fri, 05 Jul 2024 09:00:00 GMT</pubDate></item>" for name in names)
    site.routes["/long.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                f'<?xml version="1.0"?><rss version="2.0"><channel><title>Long</title>'
                                f"{items}</channel></rss>".encode())


def sources_with_a_folder_after(folder: Path, site: NewsSite) -> Path:
    articles = folder / "articles"
    articles.mkdir()
    (articles / "local.txt").write_text("Hungary criticized the European Union on Monday.", encoding="utf-8")
    path = folder / "sources.toml"
    path.write_text(f"""
[[source]]
name = "long-feed"
kind = "rss"
url = "{site.url('/long.xml')}"
every = "15m"

[[source]]
name = "local-folder"
kind = "folder"
path = "{articles}"
every = "15m"
""", encoding="utf-8")
    return path


def test_a_feed_item_with_a_paragraph_longer_than_spacys_limit_is_stored_with_the_rest(
    tmp_path: Path, site: NewsSite
) -> None:
    title, date, body = front_matter(GOOD)
    site.routes["/long/good"] = (200, {"Content-Type": "text/html"}, page(title, date, body))
    site.routes["/long/huge"] = (200, {"Content-Type": "text/html"},
                                 page("A very long page", date, "Russia attacked Ukraine.\n\n" + HUGE_PARAGRAPH))
    feed_with(site, ["good", "huge"])
    process = geokg_pass(tmp_path, sources_with_a_folder_after(tmp_path, site))
    stdout, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr.decode()
    assert b"Traceback" not in stderr
    report = json.loads(stdout.decode().splitlines()[-1])
    assert report["sources_ok"] == ["long-feed", "local-folder"]
    assert (report["articles_new"], report["articles_failed"]) == (3, 0)
    store = SqliteStore(tmp_path / "graph.sqlite")
    try:
        stored = {row[0] for row in store.connection.execute("SELECT id FROM articles")}
        assert {"url:" + site.url("/long/good"), "url:" + site.url("/long/huge")} <= stored and len(stored) == 3
    finally:
        store.close()
    state = SourceState(tmp_path / "state.sqlite")
    try:
        (run,) = state.runs()
        assert run["ok"] and run["articles_new"] == 3
    finally:
        state.close()
    assert json.loads((tmp_path / "runs.jsonl").read_text().splitlines()[-1])["articles_new"] == 3


def test_an_article_that_cannot_be_extracted_fails_alone_and_is_fetched_again(
    tmp_path: Path, site: NewsSite, extractor: Extractor
) -> None:
    title, date, body = front_matter(GOOD)
    site.routes["/long/good"] = (200, {"Content-Type": "text/html"}, page(title, date, body))
    site.routes["/long/bad"] = (200, {"Content-Type": "text/html"}, page("Bad", date, "Russia attacked. " + "z" * 3000))
    feed_with(site, ["bad", "good"])
    sources = sources_with_a_folder_after(tmp_path, site)
    store, clock = SqliteStore(tmp_path / "graph.sqlite"), Clock()
    limit = extractor.nlp.max_length
    extractor.nlp.max_length = 500  # lowered below the longest block (1,000 characters): the bad page hits E088
    try:
        first = one_pass(tmp_path, sources, store, extractor, clock)
        clock.now += 3600
        site.routes["/long/later"] = (200, {"Content-Type": "text/html"}, page(*front_matter(LATER)))
        feed_with(site, ["bad", "good", "later"])  # the feed changes, so the next pass reads it again
        second = one_pass(tmp_path, sources, store, extractor, clock)
    finally:
        extractor.nlp.max_length = limit
        store.close()
    assert first.sources_ok == ["long-feed", "local-folder"] and not first.sources_failed
    assert (first.ingest.articles_new, first.ingest.articles_failed) == (2, 1)
    (error,) = first.ingest.errors
    assert error.startswith(site.url("/long/bad") + " (Bad): could not be extracted (ValueError: [E088]")
    assert counts_of(tmp_path)["Article"] == 3  # good, local.txt, then later; never the bad page
    # the failed page was not remembered as seen: the next read of the feed fetches it again
    assert (second.ingest.articles_new, second.ingest.articles_failed) == (1, 1)
    assert (site.requests["/long/bad"], site.requests["/long/good"]) == (2, 1)
    state = SourceState(tmp_path / "state.sqlite")
    try:
        assert [run["articles_failed"] for run in state.runs()] == [1, 1]
    finally:
        state.close()

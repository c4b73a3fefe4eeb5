"""Polite fetching against a real HTTP server on 127.0.0.1 (tests/loaders/news_site.py)."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator

import pytest

from loaders.fetch import USER_AGENT, Fetcher, FetchError, FetchPolicy
from tests.loaders.news_site import LAST_MODIFIED, NewsSite, serve


@pytest.fixture
def site() -> Iterator[NewsSite]:
    yield from serve()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    fetcher = Fetcher(FetchPolicy(read_timeout=1.0, host_interval=0.0, max_bytes=1024 * 1024))
    yield fetcher
    fetcher.close()


def test_conditional_get_and_user_agent(site: NewsSite, fetcher: Fetcher) -> None:
    first = fetcher.get(site.url("/rss.xml"))
    assert (first.status, first.not_modified, first.last_modified) == (200, False, LAST_MODIFIED)
    assert first.body.startswith(b'<?xml version="1.0"?><rss') and first.etag and first.etag.startswith('"')
    by_etag = fetcher.get(site.url("/rss.xml"), etag=first.etag)
    by_date = fetcher.get(site.url("/rss.xml"), last_modified=first.last_modified)
    assert (by_etag.status, by_etag.body, by_etag.etag) == (304, b"", first.etag)
    assert by_date.not_modified and by_date.last_modified == LAST_MODIFIED
    assert site.not_modified["/rss.xml"] == 2
    assert site.user_agents == [USER_AGENT] * 3 and USER_AGENT.startswith("geokg/")


def test_redirects_are_followed_up_to_the_limit(site: NewsSite, fetcher: Fetcher) -> None:
    followed = fetcher.get(site.url("/hop/3"))
    assert (followed.status, followed.url) == (200, site.url("/rss.xml"))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(site.url("/hop/6"))
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(site.url("/loop/0"))


def test_errors_timeouts_and_sizes(site: NewsSite, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match=r"error\.xml: HTTP 500"):
        fetcher.get(site.url("/error.xml"))
    with pytest.raises(FetchError, match="missing: HTTP 404"):
        fetcher.get(site.url("/missing"))
    with pytest.raises(FetchError, match=r"slow\.xml: timed out"):
        fetcher.get(site.url("/slow.xml"))
    with pytest.raises(FetchError, match="52,428,800 bytes is more than the limit of 1,048,576"):
        fetcher.get(site.url("/huge.html"))  # refused on its Content-Length
    with pytest.raises(FetchError, match=r"endless\.html: more than the limit of 1,048,576 bytes"):
        fetcher.get(site.url("/endless.html"))  # no Content-Length: stopped while streaming
    with socket.socket() as closed:  # a port that was free a moment ago: nothing listens on it
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with pytest.raises(FetchError, match=re.escape(f"127.0.0.1:{port}/closed: ConnectionError")):
        fetcher.get(f"http://127.0.0.1:{port}/closed")


class FakeTime:
    """A clock that only moves when the fetcher sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_one_request_per_host_per_interval(site: NewsSite) -> None:
    fake = FakeTime()
    fetcher = Fetcher(FetchPolicy(host_interval=2.0), clock=fake.clock, sleep=fake.sleep)
    other_host = site.url("/rss.xml").replace("127.0.0.1", "localhost")
    try:
        fetcher.get(site.url("/rss.xml"))
        fetcher.get(other_host)  # another host: no wait
        fetcher.get(site.url("/atom.xml"))  # the same host at once: waits the whole interval
        fake.now += 0.5
        fetcher.get(site.url("/rss.xml"))  # half a second later: waits the rest
        fake.now += 5
        fetcher.get(site.url("/rss.xml"))  # long after: no wait
    finally:
        fetcher.close()
    assert fake.sleeps == [2.0, 1.5]

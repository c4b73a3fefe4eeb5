"""Feeds to entries and pages to text; the page-to-text path is fuzzed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.feeds import FeedError, PageText, page_text, parse_feed
from tests.loaders.news_site import NewsSite, _atom, _rss, front_matter, page


def test_rss_and_atom_entries() -> None:
    site = NewsSite(base="http://news.example")
    rss = parse_feed(_rss(site), "rss")
    assert rss[0].url == "http://news.example/news/2024-07-05-orban-visits-moscow?utm_source=rss"
    assert rss[0].published == "2024-07-05" and rss[0].title == "Orban visits Moscow in self-styled peace mission"
    atom = parse_feed(_atom(site), "atom")
    assert len(atom) == 3 and atom[0].published == "2024-07-05"
    with pytest.raises(FeedError, match="broken: not a readable RSS or Atom feed"):
        parse_feed(b"<?xml version='1.0'?><rss><channel><item><title>cut", "broken")
    with pytest.raises(FeedError, match="page: not"):
        parse_feed(b"<html><body>Hello</body></html>", "page")


def test_page_text_keeps_the_article_and_drops_the_boilerplate() -> None:
    title, date, body = front_matter("2024-07-05-orban-visits-moscow")
    found = page_text(page(title, date, body), "http://news.example/a")
    assert isinstance(found, PageText)
    assert (found.title, found.date) == (title, date)
    assert "Viktor Orban met Russian President Vladimir Putin in Moscow" in found.text
    assert "Copyright" not in found.text and "Home" not in found.text
    assert page_text(b"") is None and page_text("<html><head><title>x</title></head><body></body></html>") is None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000),
    st.lists(st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<article>", "<script>", "<!--", "-->", "&amp;",
                              "&#x0;", "<meta charset='x'>", "text ", "\x00", "<h1>", "]]>", "<![CDATA["]),
             max_size=200).map("".join),
))
def test_page_text_never_crashes(document: str | bytes) -> None:
    result = page_text(document, "http://news.example/fuzz")
    assert result is None or (isinstance(result, PageText) and result.text.strip())

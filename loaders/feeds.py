"""Feeds to entries (feedparser) and article pages to their main text (trafilatura)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import feedparser
import trafilatura

from graph.redact import redacted


class FeedError(ValueError):
    """A feed that cannot be read; the message names the feed."""


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: the article's link, and what the feed says of it."""

    url: str
    title: str | None
    published: str | None  # ISO date
    summary: str | None


@dataclass(frozen=True)
class PageText:
    """The main text of an article page, with its title and date when the page gives them."""

    text: str
    title: str | None
    date: str | None


def _iso(entry: feedparser.FeedParserDict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()


def parse_feed(body: bytes, url: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom document that have links; raises ``FeedError`` when the
    document is not a feed (malformed XML with no entries, an HTML page, ...)."""
    parsed = feedparser.parse(body)
    url = redacted(url)
    entries = [e for e in parsed.entries if e.get("link")]
    if parsed.get("bozo") and not entries:
        reason = parsed.get("bozo_exception")
        raise FeedError(f"{url}: not a readable RSS or Atom feed ({type(reason).__name__}: {reason})")
    if not parsed.get("version") and not entries:
        raise FeedError(f"{url}: not an RSS or Atom feed")
    return [FeedEntry(str(e["link"]).strip(), e.get("title"), _iso(e), e.get("summary")) for e in entries]


def page_text(html: str | bytes, url: str | None = None) -> PageText | None:
    """The main text of a page (boilerplate, menus and comments removed), or None when the page
    has no article text. Never raises on odd input."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not html.strip():
        return None
    try:
        document = trafilatura.bare_extraction(html, url=url, include_comments=False, include_tables=False,
                                               with_metadata=True)
    except (ValueError, TypeError, AttributeError, LookupError):
        return None
    if document is None or isinstance(document, dict):
        return None
    text = (document.text or "").strip()
    if not text:
        return None
    date = document.date if document.date and len(document.date) >= 10 else None
    return PageText(text, document.title or None, date[:10] if date else None)

"""A real HTTP server on 127.0.0.1 serving an RSS feed, an Atom feed and article pages made from
the bundled example articles, plus misbehaving endpoints; it honours If-None-Match and
If-Modified-Since with 304 and counts requests."""

from __future__ import annotations

import contextlib
import hashlib
import html
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
LAST_MODIFIED = "Wed, 20 Nov 2024 10:00:00 GMT"
RSS_ARTICLES = ("2024-07-05-orban-visits-moscow", "2023-03-21-xi-visits-moscow", "2022-11-14-biden-xi-bali")
GATE_SECONDS = 120.0  # the longest a gated request waits
ATOM_ARTICLES = ("2023-03-10-saudi-iran-beijing-deal", "2023-04-04-finland-joins-nato")


def front_matter(name: str) -> tuple[str, str, str]:
    """(title, date, body) of a bundled article."""
    _, header, body = (ARTICLES / f"{name}.md").read_text(encoding="utf-8").split("---", 2)
    fields = dict(line.split(": ", 1) for line in header.strip().splitlines())
    return fields["title"], fields["date"], body.strip()


def page(title: str, date: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n\n"))
    return (f"<html><head><title>{html.escape(title)}</title>"
            f'<meta property="article:published_time" content="{date}T09:00:00Z"></head>'
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{html.escape(title)}</h1>\n{paragraphs}</article>"
            f"<footer>Copyright Example News. All rights reserved.</footer></body></html>").encode()


def wire_copy(body: str) -> str:
    """The same story as another agency files it: a dateline, a changed word, a credit line."""
    return "MOSCOW (Agency) - " + body.replace("on Friday", "on Friday, July 5,") + "\n\nReporting by the wire desk."


@dataclass
class NewsSite:
    """The routes of the site and what it has served."""

    base: str = ""
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    requests: Counter[str] = field(default_factory=Counter)
    not_modified: Counter[str] = field(default_factory=Counter)
    user_agents: list[str] = field(default_factory=list)
    slow_seconds: float = 3.0
    gates: dict[str, threading.Event] = field(default_factory=dict)  # a gated path is served once its gate opens

    def url(self, path: str) -> str:
        return self.base + path


def _rss(site: NewsSite, pages: str = "/news/") -> bytes:
    items = []
    for name in RSS_ARTICLES:
        title, date, _ = front_matter(name)
        day = time.strftime("%a, %d %b %Y 09:00:00 GMT", time.strptime(date, "%Y-%m-%d"))
        items.append(f"<item><title>{html.escape(title)}</title><link>{site.url(pages + name)}?utm_source=rss</link>"
                     f"<pubDate>{day}</pubDate></item>")
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>'
            f"<link>{site.url('/')}</link>{''.join(items)}</channel></rss>").encode()


def _atom(site: NewsSite) -> bytes:
    entries = []
    for name in (*ATOM_ARTICLES, "copy-of-orban-visits-moscow"):
        entries.append(f"<entry><title>{name}</title><link href=\"{site.url('/wire/' + name)}\"/>"
                       f"<id>{site.url('/wire/' + name)}</id><updated>2024-07-05T09:00:00Z</updated></entry>")
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Example Wire</title><id>{site.url('/wire')}</id><updated>2024-07-05T09:00:00Z</updated>"
            f"{''.join(entries)}</feed>").encode()


def build_routes(site: NewsSite) -> None:
    feed_headers = {"Content-Type": "application/rss+xml", "Last-Modified": LAST_MODIFIED}
    for name in RSS_ARTICLES:
        site.routes[f"/news/{name}"] = (200, {"Content-Type": "text/html"}, page(*front_matter(name)))
    for name in ATOM_ARTICLES:
        site.routes[f"/wire/{name}"] = (200, {"Content-Type": "text/html"}, page(*front_matter(name)))
    _, date, body = front_matter("2024-07-05-orban-visits-moscow")
    site.routes["/wire/copy-of-orban-visits-moscow"] = (200, {"Content-Type": "text/html"},
                                                         page("Hungary's Orban in Moscow", date, wire_copy(body)))
    site.routes["/rss.xml"] = (200, feed_headers, _rss(site))
    site.routes["/slow-news.xml"] = (200, feed_headers, _rss(site, "/slow/"))  # each page takes slow_seconds
    site.routes["/atom.xml"] = (200, {**feed_headers, "Content-Type": "application/atom+xml"}, _atom(site))
    site.routes["/broken.xml"] = (200, feed_headers, b"<?xml version='1.0'?><rss><channel><item><title>cut")
    site.routes["/error.xml"] = (500, {}, b"Internal Server Error")


class _Handler(BaseHTTPRequestHandler):
    site: NewsSite

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.site.requests[path] += 1
        self.site.user_agents.append(self.headers.get("User-Agent", ""))
        if path in self.site.gates:
            self.site.gates[path].wait(timeout=GATE_SECONDS)
        if path == "/slow.xml":
            time.sleep(self.site.slow_seconds)
            self._send(200, {"Content-Type": "application/rss+xml"}, b"<rss version='2.0'><channel/></rss>")
            return
        if path.startswith("/slow/"):  # a slow article page: /slow/NAME serves /news/NAME late
            time.sleep(self.site.slow_seconds)
            path = "/news/" + path.removeprefix("/slow/")
        if path.startswith("/loop/"):
            step = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/loop/{(step + 1) % 3}")
            self.end_headers()
            return
        if path.startswith("/hop/"):  # /hop/N redirects N times, then to the RSS feed
            left = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/hop/{left - 1}" if left > 1 else "/rss.xml")
            self.end_headers()
            return
        if path == "/endless.html":  # no Content-Length: the size limit must stop the stream itself
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"<p>" + b"y" * 65530 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if path == "/huge.html":
            size = 50 * 1024 * 1024
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(size))
            self.end_headers()
            try:
                chunk = b"<p>" + b"x" * 65530 + b"</p>"
                for _ in range(size // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if path not in self.site.routes:
            self._send(404, {}, b"not found")
            return
        status, headers, body = self.site.routes[path]
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        since = self.headers.get("If-Modified-Since")
        if status == 200 and (self.headers.get("If-None-Match") == etag
                              or (since is not None and since == headers.get("Last-Modified"))):
            self.site.not_modified[path] += 1
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._send(status, {**headers, "ETag": etag}, body)

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client went away (killed)
            self.wfile.write(body)


def serve() -> Iterator[NewsSite]:
    """Start the site on a free port; stop it when the generator closes."""
    site = NewsSite()
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    build_routes(site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()

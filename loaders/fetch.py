"""Polite HTTP fetching: a User-Agent, a minimum interval per host, timeouts, a size limit, a
redirect limit and conditional GETs (ETag / Last-Modified)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from urllib.parse import urlsplit

import requests

from graph.redact import redacted

USER_AGENT = f"geokg/{version('geokg')} (news knowledge graph; polite crawler)"


class FetchError(RuntimeError):
    """A page or feed could not be fetched; the message says why."""


@dataclass(frozen=True)
class FetchPolicy:
    """How politely to fetch."""

    user_agent: str = USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    host_interval: float = 1.0  # seconds between two requests to the same host


@dataclass(frozen=True)
class Fetched:
    """A response: ``not_modified`` when a conditional GET got 304."""

    url: str
    status: int
    body: bytes
    etag: str | None
    last_modified: str | None
    content_type: str

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Fetcher:
    """One HTTP session with per-host pacing."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        self.session = requests.Session()
        self.session.headers["User-Agent"] = self.policy.user_agent
        self.session.max_redirects = self.policy.max_redirects
        self._last_request: dict[str, float] = {}

    def _pace(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last_request.get(host)
        if last is not None:
            wait = self.policy.host_interval - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url``; raises ``FetchError`` on network errors, HTTP errors, too many redirects
        and bodies larger than the policy allows."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self._pace(url)
        policy = self.policy
        shown = redacted(url)  # a user and password in the address are never part of a message
        try:
            with self.session.get(url, headers=headers, stream=True,
                                  timeout=(policy.connect_timeout, policy.read_timeout)) as response:
                if response.status_code == 304:
                    return Fetched(url, 304, b"", etag, last_modified, "")
                if response.status_code >= 400:
                    raise FetchError(f"{shown}: HTTP {response.status_code}")
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > policy.max_bytes:
                    raise FetchError(f"{shown}: {int(declared):,} bytes is more than the limit of {policy.max_bytes:,}")
                body = bytearray()
                for chunk in response.iter_content(64 * 1024):
                    body += chunk
                    if len(body) > policy.max_bytes:
                        raise FetchError(f"{shown}: more than the limit of {policy.max_bytes:,} bytes")
                return Fetched(response.url, response.status_code, bytes(body), response.headers.get("ETag"),
                               response.headers.get("Last-Modified"), response.headers.get("Content-Type", ""))
        except requests.TooManyRedirects as error:
            raise FetchError(f"{shown}: more than {policy.max_redirects} redirects") from error
        except requests.Timeout as error:
            raise FetchError(f"{shown}: timed out") from error
        except requests.RequestException as error:
            raise FetchError(f"{shown}: {type(error).__name__}: {redacted(str(error))}") from error

    def close(self) -> None:
        self.session.close()

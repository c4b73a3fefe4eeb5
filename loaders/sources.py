"""Reading articles from files, folders, JSONL and standard input.

Every bad input becomes an ``InputError`` naming the input (and line), so one bad file never
stops the others.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import IO
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from extract.dates import parse_article_date
from graph.model import Article
from graph.redact import redacted

TEXT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_TRACKING_PARAMS = re.compile(r"^(utm_|fbclid$|gclid$|mc_)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class InputError:
    """A source that could not be read as an article."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no user or password, no fragment, no tracking parameters, no
    trailing slash."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING_PARAMS.match(k)])
    path = parts.path.rstrip("/") or "/"
    host = parts.netloc.rpartition("@")[2].lower()
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def article_id_for(text: str, url: str | None) -> str:
    """Article ids come from the canonical URL, else from the content hash."""
    return f"url:{canonical_url(url)}" if url else Article.content_id(text)


def _checked_date(value: object, source: str, line: int | None) -> str | InputError | None:
    """An input's date at its own precision (``2021-04-15``, ``2021-04``, ``2021``), None when it
    has none, or an InputError saying why it is not a date."""
    if value in (None, ""):
        return None
    try:
        return parse_article_date(str(value)).iso
    except ValueError as error:
        return InputError(source, f"date {value!r} is {error}", line)


def _decode(data: bytes, source: str) -> str | InputError:
    if b"\x00" in data:
        return InputError(source, "binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return InputError(source, f"not UTF-8 text (byte {error.start})")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``---``-delimited ``key: value`` lines at the top of a Markdown file, and the body."""
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    meta: dict[str, str] = {}
    for line in text[3:end].strip().splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()] = value.strip().strip('"').strip("'")
    body_start = text.find("\n", end + 4)
    return meta, text[body_start + 1 :] if body_start >= 0 else ""


class _TextOfHtml(HTMLParser):
    """Visible text of an HTML page, one block per paragraph-like element."""

    _SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "svg"})
    _BLOCK = frozenset({
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "figcaption", "blockquote",
        "article", "section", "tr",
    })

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.published: str | None = None
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in self._SKIP:
            self._skipping += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and values.get("property", values.get("name", "")) in (
            "article:published_time", "date", "pubdate", "dc.date"
        ):
            self.published = self.published or values.get("content")
        elif tag == "time" and values.get("datetime"):
            self.published = self.published or values["datetime"]
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag == "title":
            self._in_title = False
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None, str | None]:
    """(text, title, published date) of an HTML page, with the standard library only."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    paragraphs = [re.sub(r"[ \t\r\f\v]+", " ", p).strip() for p in re.split(r"\n\s*\n", raw)]
    text = "\n\n".join(p for p in paragraphs if p)
    return text, parser.title.strip() or None, parser.published


def article_from_file(path: Path, date: str | None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article | InputError:
    """One article from a .txt, .md or .html file."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputError(source, f"file is {size} bytes, more than the limit of {max_bytes}")
        data = path.read_bytes()
    except OSError as error:
        return InputError(source, f"cannot read: {error.strerror or error}")
    return article_from_bytes(source, path.suffix, data, date)


def article_from_bytes(source: str, suffix: str, data: bytes, date: str | None) -> Article | InputError:
    """One article from the bytes of a .txt, .md or .html file (``suffix`` says which); ``source``
    names it in errors, ``date`` applies when the file gives none. What ``article_from_file`` reads
    and what Spark workers build from ``binaryFile`` rows: ids come from the URL or the text, never
    from ``source``."""
    decoded = _decode(data, source)
    if isinstance(decoded, InputError):
        return decoded
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    text = decoded
    if suffix.lower() == ".md":
        meta, text = split_front_matter(decoded)
        title, outlet = meta.get("title"), meta.get("source")
        url = redacted(meta["url"]) if meta.get("url") else None
        if not text.strip() and title:  # a headline-only article: the headline is its text
            text = title
        date = meta.get("date") or date
    elif suffix.lower() in (".html", ".htm"):
        text, title, published = html_to_text(decoded)
        if published and _ISO_DATE.match(published[:10]):
            date = published  # a page's own ISO date wins; other formats leave --date in force
    checked = _checked_date(date, source, None)
    if isinstance(checked, InputError):
        return checked
    if not text.strip():
        return InputError(source, "empty text")
    return Article(article_id_for(text, url), text, title, checked, url, outlet)


Warn = Callable[[str], None]


def _ignore(message: str) -> None:
    """For callers that show no warnings (the rule they announce applies all the same)."""


def articles_from_jsonl(
    stream: Iterable[str], source: str, max_bytes: int = DEFAULT_MAX_BYTES, warn: Warn = _ignore
) -> Iterator[Article | InputError]:
    """Articles from JSONL lines ``{"id", "text", "title"?, "date"?, "url"?}``. The same id again
    with another text is read again (the later replaces the earlier, as a later run would) and
    ``warn`` is told both line numbers."""
    for _, item in _numbered_jsonl(stream, source, max_bytes, warn):
        yield item


def _numbered_jsonl(
    stream: Iterable[str], source: str, max_bytes: int, warn: Warn = _ignore
) -> Iterator[tuple[int, Article | InputError]]:
    """``articles_from_jsonl`` with the line number of each item (0 for a file with no lines)."""
    first_lines: dict[str, tuple[int, int]] = {}  # id -> (first line, hash of its text)
    empty = True
    for number, line in enumerate(stream, start=1):
        if isinstance(line, _UndecodableLine):
            empty = False
            yield number, InputError(source, str(line), number)
            continue
        if not line.strip():
            continue
        empty = False
        item = article_from_jsonl_line(line, source, number, max_bytes)
        if isinstance(item, InputError):
            yield number, item
            continue
        text, article_id = item.text, item.id
        earlier = first_lines.setdefault(article_id, (number, hash(text)))
        if earlier[1] != hash(text):
            warn(f"{source}:{number}: id {article_id[:80]!r} is also on line {earlier[0]} with another text; "
                 f"line {number} replaces it")
            first_lines[article_id] = (number, hash(text))
        yield number, item
    if empty:
        yield 0, InputError(source, "empty: no JSON lines")


def article_from_jsonl_line(line: str, source: str, number: int, max_bytes: int = DEFAULT_MAX_BYTES
                            ) -> Article | InputError:
    """The article of one non-blank JSONL line ``{"id", "text", "title"?, "date"?, "url"?, "source"?}``,
    or the error naming ``source`` and line ``number``."""
    if len(line) > max_bytes:
        return InputError(source, f"line is longer than the limit of {max_bytes} bytes", number)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(source, f"invalid JSON ({error.msg} at column {error.colno})", number)
    if not isinstance(record, dict):
        return InputError(source, "a line must be a JSON object", number)
    return article_from_fields(record, source, number)


def article_from_fields(record: Mapping[str, object], source: str, number: int | None) -> Article | InputError:
    """The article of one record's fields (a JSONL object, a Parquet row): ``text`` and ``id``
    required; ``title``, ``date``, ``url`` and ``source`` when they are text."""
    text, article_id = record.get("text"), record.get("id")
    if not isinstance(text, str) or not text.strip():
        return InputError(source, "missing or empty \"text\"", number)
    if "\x00" in text:
        return InputError(source, "binary data (NUL characters) in \"text\"", number)
    if isinstance(article_id, bool) or not isinstance(article_id, str | int) or str(article_id) == "":
        return InputError(source, "missing \"id\"", number)
    date = _checked_date(record.get("date"), source, number)
    if isinstance(date, InputError):
        return date
    title, url, outlet = record.get("title"), record.get("url"), record.get("source")
    return Article(str(article_id), text, title if isinstance(title, str) else None, date,
                   url if isinstance(url, str) else None, outlet if isinstance(outlet, str) else None)


class _UndecodableLine(str):
    """Stands in for a JSONL line that is not UTF-8, so its number is kept."""


def _decoded_lines(stream: IO[bytes]) -> Iterator[str]:
    """Lines of a byte stream; a line that is not UTF-8 fails alone."""
    for raw in stream:
        try:
            yield raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            yield _UndecodableLine(f"not UTF-8 text (byte {error.start})")


def _files_under(directory: Path) -> list[Path]:
    suffixes = TEXT_SUFFIXES | JSONL_SUFFIXES
    return sorted(
        p for p in directory.rglob("*")
        if p.is_file() and p.suffix.lower() in suffixes and p.name.lower() != "readme.md"
    )


def read_inputs(
    inputs: list[str], date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO[str] | None = None,
    warn: Warn = _ignore,
) -> Iterator[Article | InputError]:
    """Articles (or errors) from every input, in order, streaming; ``warn`` hears of an id
    repeated with another text in one JSONL input."""
    for _, item in labelled_inputs(inputs, date, max_bytes, stdin, warn):
        yield item


def labelled_inputs(
    inputs: list[str], date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, stdin: IO[str] | None = None,
    warn: Warn = _ignore,
) -> Iterator[tuple[str, Article | InputError]]:
    """``read_inputs`` with where each item comes from: a file, ``FILE:LINE`` of a JSONL file, or
    ``<stdin>`` (``<stdin>:LINE``)."""
    for item in inputs:
        if item == "-":
            stream = stdin or sys.stdin
            data = stream.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield "<stdin>", InputError(
                    "<stdin>", f"standard input is longer than the limit of {max_bytes} characters")
                continue
            if data.lstrip().startswith("{"):
                for number, line_item in _numbered_jsonl(data.splitlines(keepends=True), "<stdin>", max_bytes, warn):
                    yield f"<stdin>:{number}" if number else "<stdin>", line_item
                continue
            if not data.strip():
                yield "<stdin>", InputError("<stdin>", "empty text")
                continue
            if "\x00" in data:
                yield "<stdin>", InputError("<stdin>", "binary data (NUL bytes), not text")
                continue
            checked = _checked_date(date, "<stdin>", None)
            if isinstance(checked, InputError):
                yield "<stdin>", checked
                continue
            yield "<stdin>", Article(Article.content_id(data), data, None, checked)
            continue
        path = Path(item)
        if path.is_dir():
            files = _files_under(path)
            if not files:
                yield item, InputError(item, "directory has no .txt, .md, .html or .jsonl files")
            for file in files:
                yield from _read_path(file, date, max_bytes, warn)
        elif path.exists():
            yield from _read_path(path, date, max_bytes, warn)
        else:
            yield item, InputError(item, "no such file or directory")


def _read_path(path: Path, date: str | None, max_bytes: int, warn: Warn) -> Iterator[tuple[str, Article | InputError]]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            with path.open("rb") as stream:
                for number, item in _numbered_jsonl(_decoded_lines(stream), str(path), max_bytes, warn):
                    yield f"{path}:{number}" if number else str(path), item
        except OSError as error:
            yield str(path), InputError(str(path), f"cannot read: {error.strerror or error}")
    elif suffix in TEXT_SUFFIXES:
        yield str(path), article_from_file(path, date, max_bytes)
    else:
        message = f"unsupported file type {suffix or '(none)'}; use .txt, .md, .html or .jsonl"
        yield str(path), InputError(str(path), message)

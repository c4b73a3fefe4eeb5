"""Reading articles from real files: good inputs, and bad ones that fail alone and say why."""

from __future__ import annotations

import io
import json
import os
import tracemalloc
from pathlib import Path

from graph.model import Article
from loaders.sources import (
    DEFAULT_MAX_BYTES,
    InputError,
    article_from_bytes,
    article_from_fields,
    article_from_file,
    article_from_jsonl_line,
    articles_from_jsonl,
    canonical_url,
    html_to_text,
    read_inputs,
    split_front_matter,
)


def _read(paths: list[str], **kwargs: object) -> list[Article | InputError]:
    return list(read_inputs(paths, **kwargs))  # type: ignore[arg-type]


def _articles(items: list[Article | InputError]) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


def _errors(items: list[Article | InputError]) -> list[InputError]:
    return [e for e in items if isinstance(e, InputError)]


# --- plain text ---------------------------------------------------------------------------


def test_txt_takes_the_date_flag_and_a_content_id(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Hungary buys gas from Russia.\n", encoding="utf-8")
    (article,) = _read([str(path)], date="2023-10-19")
    assert isinstance(article, Article)
    assert article.date == "2023-10-19"
    assert article.text == "Hungary buys gas from Russia.\n"
    assert article.id == Article.content_id("Hungary buys gas from Russia.\n")
    assert article.id.startswith("sha256:") and len(article.id) == len("sha256:") + 24
    assert (article.title, article.url, article.source) == (None, None, None)


def test_txt_without_a_date_flag_has_no_date_and_a_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffOrbán met Putin.".encode())
    article = article_from_file(path, None)
    assert isinstance(article, Article)
    assert article.date is None
    assert article.text == "Orbán met Putin."


def test_a_bad_date_flag_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Text.", encoding="utf-8")
    (error,) = _read([str(path)], date="19/10/2023")
    assert isinstance(error, InputError)
    assert error.source == str(path) and error.line is None
    assert error.message == "date '19/10/2023' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)"


def test_an_impossible_calendar_date_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text('{"id": "a", "text": "Text.", "date": "2024-02-30"}\n', encoding="utf-8")
    (item,) = _read([str(path)])
    assert isinstance(item, InputError)
    assert (item.source, item.line) == (str(path), 1)


# --- Markdown -----------------------------------------------------------------------------


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text(
        "---\ntitle: \"Orbán meets Putin\"\ndate: 2023-10-17T09:30:00Z\nsource: wire\n"
        "url: HTTPS://Example.org/a/?utm_source=x#top\n---\n\nBody text here.\n",
        encoding="utf-8",
    )
    article = article_from_file(path, "2000-01-01")  # front matter wins over the flag
    assert isinstance(article, Article)
    assert (article.title, article.date, article.source) == ("Orbán meets Putin", "2023-10-17", "wire")
    assert article.url == "HTTPS://Example.org/a/?utm_source=x#top"
    assert article.id == "url:https://example.org/a"
    assert article.text == "\nBody text here.\n"


def test_markdown_without_front_matter_uses_the_flag_and_a_content_id(tmp_path: Path) -> None:
    path = tmp_path / "plain.md"
    path.write_text("# Heading\n\nEgypt hosted Qatar.\n", encoding="utf-8")
    article = article_from_file(path, "2024-02-02")
    assert isinstance(article, Article)
    assert (article.date, article.title, article.url) == ("2024-02-02", None, None)
    assert article.id == Article.content_id("# Heading\n\nEgypt hosted Qatar.\n")


def test_split_front_matter() -> None:
    meta, body = split_front_matter("---\nTitle: 'Quoted'\nno colon line\nurl: https://a.org/x?y=1\n---\nBody.\n")
    assert meta == {"title": "Quoted", "url": "https://a.org/x?y=1"}
    assert body == "Body.\n"
    assert split_front_matter("no front matter") == ({}, "no front matter")
    assert split_front_matter("---\ntitle: never closed\nBody.") == ({}, "---\ntitle: never closed\nBody.")
    assert split_front_matter("---\ntitle: T\n---") == ({"title": "T"}, "")


# --- HTML ---------------------------------------------------------------------------------

PAGE = (
    "<html><head><title> Talks in Beijing </title>"
    "<meta property='article:published_time' content='2024-05-16T08:00:00Z'>"
    "<script>var tracker = 1;</script><style>p { color: red }</style></head>"
    "<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
    "<h1>Putin visits Beijing</h1>"
    "<p>Russian President Vladimir   Putin met Xi&nbsp;Jinping &amp; aides.</p>"
    "<aside>Read more: unrelated story</aside>"
    "<p>They signed a\n joint statement.</p>"
    "<footer>Copyright 2024 Example News</footer></body></html>"
)


def test_html_to_text_keeps_the_article_and_drops_the_chrome() -> None:
    text, title, published = html_to_text(PAGE)
    assert title == "Talks in Beijing"
    assert published == "2024-05-16T08:00:00Z"
    assert text.split("\n\n") == [
        "Putin visits Beijing",
        "Russian President Vladimir Putin met Xi\xa0Jinping & aides.",
        "They signed a\n joint statement.",
    ]
    for chrome in ("tracker", "color", "Home", "World", "Read more", "Copyright"):
        assert chrome not in text


def test_html_time_element_gives_the_date_when_there_is_no_meta() -> None:
    _, title, published = html_to_text("<p>Text <time datetime='2022-02-24'>Thursday</time></p>")
    assert (title, published) == (None, "2022-02-24")


def test_html_file_becomes_an_article_dated_by_its_meta(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text(PAGE, encoding="utf-8")
    article = article_from_file(path, "1999-01-01")
    assert isinstance(article, Article)
    assert article.date == "2024-05-16"
    assert article.title == "Talks in Beijing"
    assert article.text.startswith("Putin visits Beijing\n\nRussian President Vladimir Putin met")
    assert article.id == Article.content_id(article.text)


def test_html_page_with_only_chrome_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "menu.htm"
    path.write_text("<html><body><nav>Home</nav><script>x()</script></body></html>", encoding="utf-8")
    error = article_from_file(path, None)
    assert isinstance(error, InputError)
    assert (error.source, error.message) == (str(path), "empty text")


# --- folders ------------------------------------------------------------------------------


def test_a_folder_reads_every_supported_file_in_path_order_and_skips_readmes(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("About this folder.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ntitle: Third\n---\nThird body.", encoding="utf-8")
    (tmp_path / "d.html").write_text("<title>Fourth</title><p>Fourth body.</p>", encoding="utf-8")
    (tmp_path / "e.jsonl").write_text('{"id": "j1", "text": "Fifth."}\n', encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "f.txt").write_text("Sixth, in a subfolder.", encoding="utf-8")
    (sub / "readme.MD").write_text("Also skipped.", encoding="utf-8")
    items = _read([str(tmp_path)], date="2024-01-02")
    assert _errors(items) == []
    assert [(a.title, a.text) for a in _articles(items)] == [
        (None, "First."),
        (None, "Second."),
        ("Third", "Third body."),
        ("Fourth", "Fourth body."),
        (None, "Fifth."),
        (None, "Sixth, in a subfolder."),
    ]
    # The --date flag fills files without a date of their own, but not JSONL lines.
    assert [a.date for a in _articles(items)] == ["2024-01-02"] * 4 + [None, "2024-01-02"]
    assert _articles(items)[4].id == "j1"


def test_a_folder_with_no_articles_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("Only a readme.", encoding="utf-8")
    (tmp_path / "data.csv").write_text("a,b", encoding="utf-8")
    (error,) = _read([str(tmp_path)])
    assert isinstance(error, InputError)
    assert error.source == str(tmp_path)
    assert error.message == "directory has no .txt, .md, .html or .jsonl files"


# --- JSONL --------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(
        '{"id": "a1", "text": "Iran criticized Israel.", "date": "2024-04-14", "title": "T", '
        '"url": "https://x.org/1", "source": "wire"}\n'
        "{not json\n"
        '{"text": "no id"}\n'
        '{"id": "a3", "text": "   "}\n'
        '["a", "list"]\n'
        '{"id": "a5", "text": "Dated badly.", "date": "14/04/2024"}\n'
        "\n"
        '{"id": 7, "text": "Numeric ids are kept as text.", "date": "2024-04-15T10:00:00Z", "title": 3}\n'
        '{"id": "a9", "text": "Nul \\u0000 inside."}\n',
        encoding="utf-8",
    )
    items = _read([str(path)], date="2000-01-01")
    articles, errors = _articles(items), _errors(items)
    assert [(a.id, a.date, a.title, a.url, a.source) for a in articles] == [
        ("a1", "2024-04-14", "T", "https://x.org/1", "wire"),
        ("7", "2024-04-15", None, None, None),
    ]
    assert articles[0].text == "Iran criticized Israel."
    assert [(e.source, e.line, e.message) for e in errors] == [
        (str(path), 2, "invalid JSON (Expecting property name enclosed in double quotes at column 2)"),
        (str(path), 3, 'missing "id"'),
        (str(path), 4, 'missing or empty "text"'),
        (str(path), 5, "a line must be a JSON object"),
        (str(path), 6, "date '14/04/2024' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)"),
        (str(path), 9, 'binary data (NUL characters) in "text"'),
    ]
    assert str(errors[0]) == f"{path}:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)"
    assert str(errors[4]).startswith(f"{path}:6: date ")


def test_jsonl_month_and_year_dates_are_kept_at_their_precision(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(
        '{"id": "m", "text": "Hungary criticized Russia.", "date": "2021-04"}\n'
        '{"id": "y", "text": "Hungary criticized Russia.", "date": "2021"}\n'
        '{"id": "n", "text": "A number is a year too.", "date": 2019}\n'
        '{"id": "bad-month", "text": "Text.", "date": "2021-13"}\n'
        '{"id": "short", "text": "Text.", "date": "2021-4"}\n'
        '{"id": "words", "text": "Text.", "date": "April 2021"}\n',
        encoding="utf-8",
    )
    items = _read([str(path)])
    assert [(a.id, a.date) for a in _articles(items)] == [("m", "2021-04"), ("y", "2021"), ("n", "2019")]
    assert [str(e) for e in _errors(items)] == [
        f"{path}:4: date '2021-13' is not a calendar date",
        f"{path}:5: date '2021-4' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)",
        f"{path}:6: date 'April 2021' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)",
    ]


def test_front_matter_and_the_date_flag_take_a_month(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: T\ndate: 2022-02\n---\nRussia attacked Ukraine.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Russia attacked Ukraine.", encoding="utf-8")
    assert [a.date for a in _articles(_read([str(tmp_path)], date="2022"))] == ["2022-02", "2022"]


def test_jsonl_line_longer_than_the_limit_fails_alone() -> None:
    stream = io.StringIO('{"id": "s", "text": "Short."}\n{"id": "l", "text": "' + "x" * 200 + '"}\n')
    items = list(articles_from_jsonl(stream, "big.jsonl", max_bytes=100))
    assert [a.id for a in _articles(items)] == ["s"]
    (error,) = _errors(items)
    assert (error.source, error.line) == ("big.jsonl", 2)
    assert error.message == "line is longer than the limit of 100 bytes"


def test_jsonl_with_one_non_utf8_line_keeps_the_other_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "a", "text": "One."}\n{"id": "b", "text": "caf\xe9"}\n{"id": "c", "text": "Three."}\n')
    items = _read([str(path)])
    assert [a.id for a in _articles(items)] == ["a", "c"]
    (error,) = _errors(items)
    assert (error.source, error.line) == (str(path), 2)


def test_jsonl_boolean_id_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    path.write_text('{"id": true, "text": "Text."}\n', encoding="utf-8")
    (item,) = _read([str(path)])
    assert isinstance(item, InputError)
    assert item.line == 1


# --- bad files ----------------------------------------------------------------------------


def test_bad_files_fail_alone_with_their_name(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Japan praised South Korea.", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"abc\x00def")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.md"
    blank.write_text("  \n\t\n", encoding="utf-8")
    unsupported = tmp_path / "data.pdf"
    unsupported.write_bytes(b"%PDF")
    no_suffix = tmp_path / "Makefile"
    no_suffix.write_text("all:", encoding="utf-8")
    dangling = tmp_path / "gone.txt"
    os.symlink(tmp_path / "nowhere", dangling)
    missing = tmp_path / "missing.txt"
    inputs = [binary, latin, empty, blank, unsupported, no_suffix, dangling, good, missing]
    items = _read([str(p) for p in inputs])
    assert [(e.source, e.line, e.message) for e in _errors(items)] == [
        (str(binary), None, "binary data (NUL bytes), not text"),
        (str(latin), None, "not UTF-8 text (byte 3)"),
        (str(empty), None, "empty text"),
        (str(blank), None, "empty text"),
        (str(unsupported), None, "unsupported file type .pdf; use .txt, .md, .html or .jsonl"),
        (str(no_suffix), None, "unsupported file type (none); use .txt, .md, .html or .jsonl"),
        (str(dangling), None, "no such file or directory"),
        (str(missing), None, "no such file or directory"),
    ]
    assert [a.text for a in _articles(items)] == ["Japan praised South Korea."]
    assert str(_errors(items)[1]) == f"{latin}: not UTF-8 text (byte 3)"


def test_unreadable_paths_are_errors_even_for_root(tmp_path: Path) -> None:
    # chmod 000 does not stop root, so use paths that really cannot be read as files.
    folder = tmp_path / "x.txt"
    folder.mkdir()
    error = article_from_file(folder, None)
    assert isinstance(error, InputError)
    assert (error.source, error.message) == (str(folder), "cannot read: Is a directory")
    dangling = tmp_path / "dangling.txt"
    os.symlink(tmp_path / "target-that-does-not-exist.txt", dangling)
    error = article_from_file(dangling, None)
    assert isinstance(error, InputError)
    assert (error.source, error.message) == (str(dangling), "cannot read: No such file or directory")
    # Given on the command line, the folder named x.txt is read as a folder with nothing in it.
    (listed,) = _read([str(folder)])
    assert isinstance(listed, InputError) and listed.source == str(folder)
    assert listed.message == "directory has no .txt, .md, .html or .jsonl files"


def test_a_50_mb_file_is_rejected_by_size_without_being_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    size = 50 * 1024 * 1024
    with huge.open("wb") as handle:  # sparse: 50 MB of NUL bytes without writing them
        handle.truncate(size)
    assert huge.stat().st_size == size
    tracemalloc.start()
    try:
        (error,) = _read([str(huge)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(error, InputError)
    # Had the file been read, its NUL bytes would have been reported instead of its size.
    assert error.message == f"file is {size} bytes, more than the limit of {DEFAULT_MAX_BYTES}"
    assert error.source == str(huge)
    assert peak < 1024 * 1024
    small_limit = article_from_file(tmp_path / "huge.txt", None, max_bytes=size + 1)
    assert isinstance(small_limit, InputError) and small_limit.message == "binary data (NUL bytes), not text"


# --- standard input -----------------------------------------------------------------------


def test_standard_input_as_plain_text() -> None:
    (article,) = _read(["-"], date="2024-01-01", stdin=io.StringIO("Egypt hosted Qatar.\n"))
    assert isinstance(article, Article)
    assert (article.id, article.text, article.date, article.title) == (
        Article.content_id("Egypt hosted Qatar.\n"), "Egypt hosted Qatar.\n", "2024-01-01", None
    )
    (bad_date,) = _read(["-"], date="January 1", stdin=io.StringIO("Egypt hosted Qatar."))
    assert isinstance(bad_date, InputError) and bad_date.source == "<stdin>"
    assert bad_date.message == "date 'January 1' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)"
    (empty,) = _read(["-"], stdin=io.StringIO(" \n"))
    assert isinstance(empty, InputError)
    assert (empty.source, empty.line, empty.message) == ("<stdin>", None, "empty text")


def test_standard_input_as_jsonl() -> None:
    stream = io.StringIO('  {"id": "s1", "text": "Egypt hosted Qatar.", "date": "2024-03-03"}\n{bad\n'
                         '{"id": "s3", "text": "Qatar thanked Egypt."}\n')
    items = _read(["-"], date="2000-01-01", stdin=stream)
    assert [(a.id, a.date) for a in _articles(items)] == [("s1", "2024-03-03"), ("s3", None)]
    (error,) = _errors(items)
    assert (error.source, error.line) == ("<stdin>", 2)
    assert str(error).startswith("<stdin>:2: invalid JSON")


def test_binary_standard_input_is_rejected() -> None:
    (item,) = _read(["-"], stdin=io.StringIO("abc\x00def"))
    assert isinstance(item, InputError)
    assert item.source == "<stdin>"


# --- URLs ---------------------------------------------------------------------------------


def test_canonical_url() -> None:
    assert canonical_url("HTTPS://News.Example.COM/world/story/?utm_medium=x&id=3&utm_source=y#comments") == (
        "https://news.example.com/world/story?id=3"
    )
    assert canonical_url("https://example.com") == "https://example.com/"
    assert canonical_url("  https://example.com/a?fbclid=1&gclid=2&page=2&mc_cid=9  ") == (
        "https://example.com/a?page=2"
    )
    # The path keeps its case: only scheme and host are case-insensitive.
    assert canonical_url("https://EXAMPLE.com/World/Story#top") == "https://example.com/World/Story"
    assert canonical_url("https://example.com/a?b=2&a=1") == "https://example.com/a?b=2&a=1"


def test_two_markdown_files_with_the_same_canonical_url_share_an_id(tmp_path: Path) -> None:
    first = tmp_path / "one.md"
    first.write_text("---\nurl: https://Example.com/story/?utm_campaign=a\n---\nVersion one.", encoding="utf-8")
    second = tmp_path / "two.md"
    second.write_text("---\nurl: https://example.com/story#comments\n---\nVersion two.", encoding="utf-8")
    one, two = _read([str(first), str(second)])
    assert isinstance(one, Article) and isinstance(two, Article)
    assert one.id == two.id == "url:https://example.com/story"


def test_a_headline_only_markdown_file_is_its_headline(tmp_path: Path) -> None:
    path = tmp_path / "headline.md"
    path.write_text("---\ntitle: Russia attacks Ukraine\ndate: 2024-02-06\n---\n\n", encoding="utf-8")
    article = article_from_file(path, None)
    assert isinstance(article, Article)
    assert (article.text, article.title, article.date) == ("Russia attacks Ukraine", "Russia attacks Ukraine",
                                                           "2024-02-06")
    path.write_text("---\ndate: 2024-02-06\n---\n\n", encoding="utf-8")  # no headline, no body: still empty
    assert article_from_file(path, None) == InputError(str(path), "empty text")


def test_an_empty_jsonl_file_is_an_error_and_a_non_text_source_is_dropped(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n  \n", encoding="utf-8")
    assert _read([str(empty)]) == [InputError(str(empty), "empty: no JSON lines")]
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "a", "text": "Iran criticized Israel.", "source": {"name": "wire"}}\n', encoding="utf-8")
    (article,) = _read([str(dump)])
    assert isinstance(article, Article) and article.source is None  # a store can only bind text


# --- one article from bytes or one line (what Spark workers build) --------------------------


def test_an_article_from_bytes_is_the_article_of_its_file(tmp_path: Path) -> None:
    """Ids come from the URL or the text, never from where the bytes were read."""
    files = {
        "a.md": "---\ntitle: T\nurl: https://example.org/a?utm_source=x\ndate: 2022-03\n---\nHungary met Russia.\n",
        "b.html": "<html><title>B</title><meta name='date' content='2021-04-15'><p>Hungary met Russia.</p></html>",
        "c.txt": "Hungary met Russia.",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        from_file = article_from_file(path, "2020-01-01")
        from_bytes = article_from_bytes("elsewhere/" + name, path.suffix, text.encode("utf-8"), "2020-01-01")
        assert isinstance(from_file, Article) and from_bytes == from_file
    assert article_from_bytes("x.txt", ".txt", b"caf\xe9", None) == InputError("x.txt", "not UTF-8 text (byte 3)")


def test_one_jsonl_line_is_read_as_in_a_file() -> None:
    line = '{"id": 7, "text": "Hungary met Russia.", "title": "T", "date": "2022-03-01", "url": "https://e.org/a"}'
    (from_stream,) = articles_from_jsonl([line], "dump.jsonl")
    assert article_from_jsonl_line(line, "dump.jsonl", 1) == from_stream
    assert article_from_fields(json.loads(line), "dump.jsonl", 1) == from_stream
    not_an_object = InputError("dump.jsonl", "a line must be a JSON object", 4)
    assert article_from_jsonl_line("[1]", "dump.jsonl", 4) == not_an_object
    assert str(article_from_fields({"id": "a", "text": " "}, "t.parquet", None)) == 't.parquet: missing or empty "text"'

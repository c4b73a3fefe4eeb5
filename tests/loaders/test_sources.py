"""Reading articles from real files: good inputs, and bad ones that fail alone and say why."""

from __future__ import annotations

import io
import os
from pathlib import Path

from graph.model import Article
from loaders.sources import (
    InputError,
    article_from_file,
    canonical_url,
    html_to_text,
    read_inputs,
    split_front_matter,
)


def _read(paths: list[str], **kwargs: object) -> list[Article | InputError]:
    return list(read_inputs(paths, **kwargs))  # type: ignore[arg-type]


def test_txt_takes_the_date_flag_and_a_content_id(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Hungary buys gas from Russia.\n", encoding="utf-8")
    (article,) = _read([str(path)], date="2023-10-19")
    assert isinstance(article, Article)
    assert article.date == "2023-10-19"
    assert article.id == Article.content_id("Hungary buys gas from Russia.\n")
    assert article.id.startswith("sha256:")


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text(
        "---\ntitle: Orbán meets Putin\ndate: 2023-10-17\nsource: wire\nurl: HTTPS://Example.org/a/?utm_source=x#top\n"
        "---\n\nBody text here.\n",
        encoding="utf-8",
    )
    article = article_from_file(path, None)
    assert isinstance(article, Article)
    assert (article.title, article.date, article.source) == ("Orbán meets Putin", "2023-10-17", "wire")
    assert article.id == "url:https://example.org/a"
    assert article.text.strip() == "Body text here."
    meta, body = split_front_matter("no front matter")
    assert meta == {} and body == "no front matter"


def test_html_page_keeps_the_article_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Talks</title><meta property='article:published_time' content='2024-05-16T08:00:00Z'>"
        "<script>var x = 1;</script></head><body><nav>Home | World</nav><h1>Putin visits Beijing</h1>"
        "<p>Russian President Vladimir Putin met Xi Jinping.</p><p>They signed a statement.</p>"
        "<footer>Copyright</footer></body></html>"
    )
    text, title, published = html_to_text(page)
    assert title == "Talks" and published == "2024-05-16T08:00:00Z"
    assert text.split("\n\n") == ["Putin visits Beijing", "Russian President Vladimir Putin met Xi Jinping.",
                                  "They signed a statement."]
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    article = article_from_file(path, None)
    assert isinstance(article, Article) and article.date == "2024-05-16"
    assert "var x" not in article.text and "Copyright" not in article.text


def test_a_folder_reads_every_supported_file_in_order_and_skips_its_readme(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("About this folder.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y", encoding="utf-8")
    items = _read([str(tmp_path)])
    assert [a.text for a in items if isinstance(a, Article)] == ["First.", "Second."]
    assert not any(isinstance(a, InputError) for a in items)


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(
        '{"id": "a1", "text": "Iran criticized Israel.", "date": "2024-04-14", "title": "T"}\n'
        "{not json\n"
        '{"text": "no id"}\n'
        '{"id": "a3", "text": "   "}\n'
        '["a", "list"]\n'
        '{"id": "a5", "text": "Dated badly.", "date": "14/04/2024"}\n'
        "\n"
        '{"id": 7, "text": "Numeric ids are kept as text."}\n',
        encoding="utf-8",
    )
    items = _read([str(path)])
    articles = [a for a in items if isinstance(a, Article)]
    errors = [e for e in items if isinstance(e, InputError)]
    assert [(a.id, a.date, a.title) for a in articles] == [("a1", "2024-04-14", "T"), ("7", None, None)]
    assert [(e.source, e.line) for e in errors] == [(str(path), 2), (str(path), 3), (str(path), 4),
                                                    (str(path), 5), (str(path), 6)]
    assert "invalid JSON" in errors[0].message
    assert "id" in errors[1].message
    assert "text" in errors[2].message
    assert "JSON object" in errors[3].message
    assert "ISO date" in errors[4].message
    assert str(errors[0]).startswith(f"{path}:2: ")


def test_bad_files_fail_alone_with_their_name(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Japan praised South Korea.", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"abc\x00def")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    unsupported = tmp_path / "data.pdf"
    unsupported.write_bytes(b"%PDF")
    dangling = tmp_path / "gone.txt"
    os.symlink(tmp_path / "nowhere", dangling)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: 50 MB without writing 50 MB
        handle.seek(50 * 1024 * 1024)
        handle.write(b"x")
    inputs = [str(p) for p in (binary, latin, empty, unsupported, dangling, huge, good)]
    items = _read([*inputs, str(tmp_path / "missing.txt")])
    errors = {Path(e.source).name: e.message for e in items if isinstance(e, InputError)}
    assert "NUL" in errors["binary.txt"]
    assert "UTF-8" in errors["latin.txt"]
    assert errors["empty.txt"] == "empty text"
    assert "unsupported file type .pdf" in errors["data.pdf"]
    assert "no such file" in errors["gone.txt"]
    assert "more than the limit" in errors["huge.txt"]
    assert "no such file" in errors["missing.txt"]
    assert [a.text for a in items if isinstance(a, Article)] == ["Japan praised South Korea."]


def test_standard_input_as_text_and_as_jsonl() -> None:
    (text_article,) = _read(["-"], date="2024-01-01", stdin=io.StringIO("Egypt hosted Qatar."))
    assert isinstance(text_article, Article) and text_article.date == "2024-01-01"
    items = _read(["-"], stdin=io.StringIO('{"id": "s1", "text": "Egypt hosted Qatar."}\n{bad\n'))
    assert isinstance(items[0], Article) and items[0].id == "s1"
    assert isinstance(items[1], InputError) and (items[1].source, items[1].line) == ("<stdin>", 2)
    (empty,) = _read(["-"], stdin=io.StringIO(""))
    assert isinstance(empty, InputError) and empty.source == "<stdin>"


def test_canonical_url() -> None:
    assert canonical_url("HTTPS://News.Example.COM/world/story/?utm_medium=x&id=3#comments") == (
        "https://news.example.com/world/story?id=3"
    )
    assert canonical_url("https://example.com") == "https://example.com/"

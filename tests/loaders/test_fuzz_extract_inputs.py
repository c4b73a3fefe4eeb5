"""Fuzzing what `geokg extract` and `geokg ingest` read (issue 10): random bytes, text and JSONL
lines through the real readers, the block splitter and the extractor.

Properties: the readers yield only articles or one-line ``InputError``s (never raise); every
article has text and its blocks index it exactly and are bounded; the extractor yields an
extraction (or a named failure) per article, with evidence that indexes the text; rejected input
leaves the stored graph and the ledger as they were; and the command itself never prints a
traceback. CI runs >= 1,000 examples of the reader layer and fewer through spaCy; the tests
marked slow (``pytest -m slow``, nightly) run ten times as many.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.pipeline import ArticleFailure, Extractor
from extract.text import MAX_BLOCK_CHARS, is_all_caps, looks_english, recase_all_caps, recase_title, split_blocks
from graph.model import Article
from graph.sqlite_store import SqliteStore
from loaders.ingest import Ledger, ingest
from loaders.sources import InputError, labelled_inputs

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = (".txt", ".md", ".html", ".jsonl", ".htm", ".csv")
WORDS = ("Russia", "attacked", "Ukraine", "RUSSIA", "Orban", "met", "Putin", "in", "the", "Moscow", "on", "Tuesday",
         "said", "NATO", "Der", "und", "la", "of", "EU", "sanctions", "Hungary", "criticized", "\u201cWe", "won\u2019t")
SEPARATORS = (" ", " ", " ", "\n", "\n\n", ". ", "! ", "? ", "\r\n", "\t", "---\n", ": ")

# text shaped like articles (words, sentence ends, blank lines, front matter fences) and raw text
ARTICLE_TEXT = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=120).map(
    lambda parts: "".join(word + separator for word, separator in parts))
ANY_TEXT = st.one_of(ARTICLE_TEXT, st.text(max_size=400), st.text(alphabet=" \n.!?\u201dXy'-\r\t", max_size=3000))
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
RECORD = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none(), JSON_VALUE),
    "text": st.one_of(ANY_TEXT, JSON_VALUE),
    "title": st.one_of(st.text(max_size=40), JSON_VALUE),
    "date": st.one_of(st.sampled_from(["2024-02-06", "2024-13-45", "2024-02-30", "yesterday", "2024-02-06T10:00Z",
                                       "0000-00-00", ""]), JSON_VALUE),
    "url": st.one_of(st.text(max_size=40), st.just("https://example.org/a?utm_source=x#f"), JSON_VALUE),
    "source": JSON_VALUE,
})
JSONL_LINE = st.one_of(RECORD.map(json.dumps), st.text(max_size=80), JSON_VALUE.map(json.dumps))
FILE_BODY = st.one_of(
    ANY_TEXT.map(lambda text: text.encode("utf-8")),
    st.binary(max_size=600),
    st.lists(JSONL_LINE, max_size=6).map(lambda lines: "\n".join(lines).encode("utf-8")),
    st.tuples(st.text(max_size=30), ANY_TEXT).map(
        lambda pair: f"---\ntitle: {pair[0]}\ndate: 2024-02-06\n---\n{pair[1]}".encode()),
    ANY_TEXT.map(lambda text: f"<html><title>t</title><p>{text}</p><script>x</script></html>".encode()),
)
AN_INPUT = st.tuples(st.sampled_from(SUFFIXES), FILE_BODY)


def read_one(suffix: str, body: bytes, max_bytes: int = 4096) -> list[tuple[str, Article | InputError]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(body)
        return list(labelled_inputs([str(path)], "2024-02-06", max_bytes))


def check_items(items: list[tuple[str, Article | InputError]]) -> list[Article]:
    """Only articles and one-line errors; every article's blocks index its text and are bounded."""
    articles = []
    for label, item in items:
        assert isinstance(label, str) and label
        if isinstance(item, InputError):
            assert "\n" not in str(item) and item.message
            continue
        assert isinstance(item, Article) and item.text.strip() and "\x00" not in item.text
        assert isinstance(item.id, str) and item.id
        for value in (item.title, item.date, item.url, item.source):  # what a store can bind
            assert value is None or isinstance(value, str)
        for block in split_blocks(item.text):
            assert item.text[block.start : block.start + len(block.text)] == block.text
            assert 0 < len(block.text) <= MAX_BLOCK_CHARS
        articles.append(item)
    return articles


def check_reader(suffix: str, body: bytes) -> None:
    for article in check_items(read_one(suffix, body)):
        keep = frozenset({"Russia", "NATO", "Orban"})
        assert len(recase_all_caps(article.text, keep)) == len(article.text)
        assert len(recase_title(article.text, keep)) == len(article.text)
        assert isinstance(is_all_caps(article.text), bool) and isinstance(looks_english(article.text), bool)


READER_SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}


@settings(max_examples=1000, **READER_SETTINGS)
@given(AN_INPUT)
def test_fuzz_the_readers_and_the_splitter(an_input: tuple[str, bytes]) -> None:
    check_reader(*an_input)


@pytest.mark.slow
@settings(max_examples=20_000, **READER_SETTINGS)
@given(AN_INPUT)
def test_fuzz_the_readers_and_the_splitter_nightly(an_input: tuple[str, bytes]) -> None:
    check_reader(*an_input)


@settings(max_examples=1000, **READER_SETTINGS)
@given(st.text(max_size=3000), st.integers(min_value=2, max_value=200))
def test_fuzz_the_splitter_bound_and_offsets(text: str, limit: int) -> None:
    blocks = split_blocks(text, limit)
    for block in blocks:
        assert text[block.start : block.start + len(block.text)] == block.text and 0 < len(block.text) <= limit
    assert [b.start for b in blocks] == sorted(b.start for b in blocks)
    assert "".join(text.split()) == "".join("".join(b.text for b in blocks).split())  # nothing lost but spaces


@settings(max_examples=1000, **READER_SETTINGS)
@given(st.text(max_size=2000))
def test_fuzz_standard_input(text: str) -> None:
    check_items(list(labelled_inputs(["-"], None, 1500, stdin=io.StringIO(text))))


def extract_property(extractor: Extractor) -> Callable[[list[tuple[str, bytes]]], None]:
    def check(inputs: list[tuple[str, bytes]]) -> None:
        articles = [a for suffix, body in inputs for a in check_items(read_one(suffix, body))]
        failures: list[ArticleFailure] = []
        extractions = list(extractor.extract_many(articles, on_failure=failures.append))
        assert len(extractions) + len(failures) == len(articles)
        for extraction in extractions:
            text = extraction.article.text
            for event in extraction.events:
                assert all(text[e.char_start : e.char_end] == e.sentence for e in event.evidence)
    return check


SPACY_SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                                              HealthCheck.function_scoped_fixture]}


@settings(max_examples=150, **SPACY_SETTINGS)
@given(st.lists(AN_INPUT, min_size=1, max_size=3))
def test_fuzz_inputs_through_the_extractor(extractor: Extractor, inputs: list[tuple[str, bytes]]) -> None:
    extract_property(extractor)(inputs)


@pytest.mark.slow
@settings(max_examples=3000, **SPACY_SETTINGS)
@given(st.lists(AN_INPUT, min_size=1, max_size=3))
def test_fuzz_inputs_through_the_extractor_nightly(extractor: Extractor, inputs: list[tuple[str, bytes]]) -> None:
    extract_property(extractor)(inputs)


REJECTED = st.one_of(
    st.tuples(st.sampled_from((".txt", ".md", ".html")), st.binary(max_size=200).map(lambda b: b + b"\x00")),
    st.tuples(st.just(".jsonl"), st.lists(st.one_of(
        st.text(max_size=40).filter(lambda line: not line.strip().startswith("{")),
        RECORD.filter(lambda r: not isinstance(r.get("text"), str) or not r["text"].strip()).map(json.dumps),
        st.just('{"id": "x", "text": "Russia attacked Ukraine.", "date": "2024-13-45"}'),
    ), min_size=1, max_size=4).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))),
    st.tuples(st.sampled_from((".csv", ".docx", "")), FILE_BODY),
)


def snapshot(store: SqliteStore, ledger: Ledger) -> tuple[Any, ...]:
    tables = ("articles", "actors", "events", "relations")
    rows = tuple(tuple(store.connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()) for t in tables)
    return rows, tuple(ledger.connection.execute("SELECT * FROM ledger ORDER BY article_id").fetchall())


@settings(max_examples=100, **SPACY_SETTINGS)
@given(REJECTED)
def test_fuzz_rejected_input_leaves_the_store_and_ledger_unchanged(
    tmp_path_factory: pytest.TempPathFactory, extractor: Extractor, rejected: tuple[str, bytes]
) -> None:
    folder = tmp_path_factory.mktemp("rejected")
    store, ledger = SqliteStore(folder / "graph.sqlite"), Ledger(folder / "ledger.sqlite")
    try:
        ingest([Article("kept", "Russia attacked Ukraine on Tuesday.", None, "2024-02-06")], store, "k", extractor,
               ledger)
        before = snapshot(store, ledger)
        suffix, body = rejected
        path = folder / f"bad{suffix}"
        path.write_bytes(body)
        items = [item for _, item in labelled_inputs([str(path)], "2024-02-06")]
        assert items and all(isinstance(item, InputError) for item in items)
        report = ingest(items, store, "k", extractor, ledger)
        assert (report.articles_new, report.articles_failed) == (0, len(items))
        assert snapshot(store, ledger) == before
    finally:
        store.close()
        ledger.close()


def random_body(rng: random.Random) -> bytes:
    """A random input file for the command test: article-like text, raw bytes, JSONL or markup."""
    words = " ".join(rng.choice(WORDS) + rng.choice(SEPARATORS) for _ in range(rng.randrange(80)))
    values: list[object] = [None, True, 7, 2.5, "x", [], {"a": 1}, words, "2024-13-45", "2024-02-06", ""]
    kind = rng.randrange(5)
    if kind == 0:
        return words.encode()
    if kind == 1:
        return rng.randbytes(rng.randrange(400))
    if kind == 2:
        records = [{key: rng.choice(values) for key in ("id", "text", "title", "date", "url", "source")
                    if rng.random() < 0.8} for _ in range(rng.randrange(1, 5))]
        return "\n".join(json.dumps(r) if rng.random() < 0.8 else words[:40] for r in records).encode()
    if kind == 3:
        return f"---\ntitle: {words[:40]}\ndate: {rng.choice(values)}\n---\n{words}".encode()
    return f"<html><title>{words[:30]}</title><p>{words}</p></html>".encode()


def command_never_prints_a_traceback(folder: Path, count: int, seed: int) -> None:
    """One `geokg extract` over ``count`` random files: one-line errors, exit status 0 or 1."""
    rng = random.Random(seed)
    for number in range(count):
        (folder / f"{number:05d}{rng.choice(SUFFIXES)}").write_bytes(random_body(rng))
    done = subprocess.run([sys.executable, "-m", "geokg", "extract", str(folder), "--max-bytes", "4096"],
                          cwd=ROOT, capture_output=True, text=True, timeout=3600)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.returncode in (0, 1), done.stderr[-3000:]
    assert all(line.startswith("geokg: ") for line in done.stderr.splitlines()), done.stderr[-3000:]
    for line in done.stdout.splitlines():
        assert isinstance(json.loads(line), dict)


def test_the_command_over_200_random_files_prints_no_traceback(tmp_path: Path) -> None:
    command_never_prints_a_traceback(tmp_path, 200, seed=0)


@pytest.mark.slow
def test_the_command_over_5000_random_files_prints_no_traceback(tmp_path: Path) -> None:
    command_never_prints_a_traceback(tmp_path, 5000, seed=1)

"""The sources file: what it accepts and the errors that name the file and the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.source_config import SourceConfigError, load_sources, parse_interval


def write(folder: Path, text: str) -> Path:
    path = folder / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file(tmp_path: Path) -> None:
    sources = load_sources(write(tmp_path, """
[[source]]
name = "wire"
kind = "atom"
url = "https://example.org/atom.xml"
every = "15m"
language = "en"
outlet_country = "GBR"

[[source]]
name = "drop-folder"
kind = "folder"
path = "incoming"
cron = "0 * * * *"
enabled = false
"""))
    assert [(s.name, s.kind, s.every_seconds, s.cron, s.enabled) for s in sources] == [
        ("wire", "atom", 900, None, True), ("drop-folder", "folder", None, "0 * * * *", False)]
    assert sources[1].location == str(tmp_path / "incoming")  # relative to the sources file
    assert sources[0].outlet_country == "GBR" and sources[0].is_web and not sources[1].is_web


@pytest.mark.parametrize(("text", "message"), [
    ('[[source]]\nname = "a"\nkind = "rss"\nurl = "ftp://x"\nevery = "1h"\n', "url must start with http"),
    ('[[source]]\nname = "a"\nkind = "podcast"\nurl = "http://x"\nevery = "1h"\n', "kind must be one of"),
    ('[[source]]\nname = "a"\nkind = "rss"\nurl = "http://x"\n', "give exactly one of every"),
    ('[[source]]\nname = "a"\nkind = "rss"\nurl = "http://x"\nevery = "soon"\n', "interval 'soon'"),
    ('[[source]]\nname = "a"\nkind = "rss"\nurl = "http://x"\ncron = "* *"\n', "cron must have five fields"),
    ('[[source]]\nname = "a"\nkind = "folder"\nevery = "1h"\n', 'a folder source needs path = "..."'),
    ('[[source]]\nname = "a"\nkind = "rss"\nurl = "http://x"\nevery = "1h"\ncolour = "red"\n', "unknown key colour"),
    ('[[source]]\nname = "a"\nkind = "rss"\nurl = "http://x"\nevery = "1h"\nlanguage = "de"\n',
     "language 'de' is not read by the extractor (supported: en)"),
    ('[[source]]\nname = "a"\nkind = "rss"\nurl = "http://x"\nevery = "1h"\noutlet_country = "uk"\n',
     "outlet_country must be an ISO 3166 alpha-3 code"),
    ('[[source]]\nname = "a"\nkind = "rss"\nurl = "http://x"\nevery = "1h"\nenabled = "yes"\n',
     "enabled must be true or false"),
    ('[[source]]\nname = "a b"\nkind = "rss"\nurl = "http://x"\nevery = "1h"\n', "source 'a b': name must be"),
    ("[[source]\n", "not valid TOML"),
    ("title = 'no sources'\n", "no [[source]] tables"),
])
def test_errors_name_the_file_and_the_source(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SourceConfigError) as raised:
        load_sources(path)
    assert str(raised.value).startswith(str(path)) and message in str(raised.value)


def test_duplicate_names_and_missing_files(tmp_path: Path) -> None:
    twice = '[[source]]\nname = "a"\nkind = "rss"\nurl = "http://x"\nevery = "1h"\n' * 2
    with pytest.raises(SourceConfigError, match="must be unique: a"):
        load_sources(write(tmp_path, twice))
    with pytest.raises(SourceConfigError, match="cannot read"):
        load_sources(tmp_path / "missing.toml")


def test_intervals() -> None:
    assert [parse_interval(t) for t in ("90s", "15m", "2h", "1d")] == [90, 900, 7200, 86400]
    for bad in ("0m", "15", "m", "1w"):
        with pytest.raises(ValueError):
            parse_interval(bad)


def test_the_example_sources_file() -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    sources = load_sources(examples / "sources.toml")
    assert [(s.name, s.kind, s.enabled) for s in sources] == [
        ("bundled-examples", "folder", True), ("world-news-rss", "rss", False), ("wire-atom", "atom", False),
        ("nightly-dump", "jsonl", False)]
    assert sources[0].location == str(examples / "articles") and (examples / "articles").is_dir()

"""tools/build_pattern_words.py on a small fixture written in Pattern's en-sentiment.xml format
(never the package's file): subjective and factual senses, two-sided words, other word classes,
low-confidence ratings and malformed input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extract.evaluative import load_evaluative_words

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "build_pattern_words.py"


def word(form: str, pos: str, polarity: float, subjectivity: float, confidence: float = 0.9,
         key: str = "confidence") -> str:
    return (f'<word form="{form}" wordnet_id="a-1" pos="{pos}" sense="s" polarity="{polarity}"'
            f' subjectivity="{subjectivity}" intensity="1.0" {key}="{confidence}" />')


LEXICON = "\n".join([
    '<?xml version="1.0" encoding="utf-8"?>',
    '<sentiment language="en" version="1.3" author="A, B" license="PDDL">',
    word("zorky", "JJ", -0.5, 1.0),
    word("zorky", "JJ", -1.0, 0.9),          # two senses, one side: mean -0.75 -> -3.0
    word("blimful", "NN", 0.5, 0.8, key="reliability"),  # reliability stands for confidence
    word("flat", "JJ", -0.5, 1.0),
    word("flat", "JJ", 0.0, 0.2),            # a factual sense: the word is left out
    word("twosy", "JJ", -0.5, 1.0),
    word("twosy", "JJ", 0.5, 1.0),           # both sides: left out, a conflicts row
    word("meh", "JJ", 0.0, 0.9),             # rated 0: left out
    word("unsure", "JJ", -0.8, 1.0, 0.8),    # confidence 0.8: left out
    word("quickly", "RB", 0.6, 1.0),         # an adverb: left out
    word("done with", "JJ", -0.6, 1.0),      # two words: left out
    word("Zorky", "JJ", 0.5, 1.0),           # capitalised: left out
    "</sentiment>",
]) + "\n"


def convert(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOL), "--source", str(source), "--out", str(out)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    base = tmp_path_factory.mktemp("pattern")
    (base / "en-sentiment.xml").write_text(LEXICON, encoding="utf-8")
    done = convert(base / "en-sentiment.xml", base / "out")
    assert done.returncode == 0, done.stderr
    return base / "out", done


def test_only_subjective_one_sided_adjectives_and_nouns_are_written_on_vaders_scale(
    converted: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, done = converted
    lines = (out / "evaluative_words_pattern.tsv").read_text(encoding="utf-8").splitlines()
    assert lines == ["word\tvalence", "blimful\t2.0", "zorky\t-3.0"]
    assert "1  word dropped: a sense of subjectivity 0.5 or less (states a fact)" in done.stderr
    assert "1  word dropped: senses take both sides" in done.stderr
    assert "1  word dropped: rated 0 (not evaluative)" in done.stderr
    assert "1  sense dropped: confidence below 0.9" in done.stderr
    assert "1  sense dropped: neither adjective nor noun" in done.stderr
    assert "2  sense dropped: not a single lower-case word" in done.stderr


def test_two_sided_words_are_listed_as_conflicts(converted: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, _ = converted
    lines = (out / "pattern_words_conflicts.tsv").read_text(encoding="utf-8").splitlines()
    assert lines == ["kind\tword\tpolarities\toutcome", "senses take both sides\ttwosy\t-0.5 0.5\tleft out"]


def test_the_product_loads_what_the_converter_writes(converted: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, _ = converted
    assert load_evaluative_words(out / "evaluative_words_pattern.tsv").valences == {"blimful": 2.0, "zorky": -3.0}


def test_second_run_writes_the_same_bytes_with_the_licence(
    converted: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path,
) -> None:
    out, _ = converted
    assert convert(out.parent / "en-sentiment.xml", tmp_path / "again").returncode == 0
    for path in sorted(out.iterdir()):
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name
    licence = " ".join((out / "LICENSE-PATTERN.txt").read_text(encoding="utf-8").split())
    assert "PDDL" in licence and "De Smedt" in licence and "textblob 0.20.1" in licence and "MIT License" in licence


def test_malformed_input_is_one_line_naming_the_file(tmp_path: Path) -> None:
    source = tmp_path / "en-sentiment.xml"
    source.write_text('<sentiment><word form="zorky" pos="JJ" polarity="x" subjectivity="1" confidence="0.9" />'
                      "</sentiment>", encoding="utf-8")
    done = convert(source, tmp_path / "out")
    assert done.returncode == 2
    assert done.stderr.strip() == (f"build_pattern_words: {source}: 'zorky': polarity, subjectivity or confidence"
                                   " is not a number")
    source.write_text("<sentiment><word", encoding="utf-8")
    done = convert(source, tmp_path / "out")
    assert done.returncode == 2 and done.stderr.startswith(f"build_pattern_words: {source}: not well-formed XML")


def test_a_missing_source_is_one_line_naming_it(tmp_path: Path) -> None:
    done = convert(tmp_path / "nothing.xml", tmp_path / "out")
    assert done.returncode == 2
    assert done.stderr.strip() == f"build_pattern_words: {tmp_path / 'nothing.xml'}: no such file"

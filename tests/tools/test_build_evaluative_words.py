"""tools/build_evaluative_words.py on a small fixture written in VADER's lexicon format (never the
package's file): words beside emoticons, a word listed twice, and malformed lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extract.evaluative import load_evaluative_words

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "build_evaluative_words.py"

# token, mean, standard deviation, the ten ratings; CRLF line ends as in the package's file
LEXICON = "\r\n".join([
    ":-)\t1.3\t0.45826\t[1, 1, 1, 2, 1, 2, 1, 1, 2, 1]",
    "zorky\t-2.4\t0.66332\t[-2, -3, -2, -3, -2, -2, -3, -2, -3, -2]",
    "blimful\t1.95\t0.6\t[2, 2, 1, 3, 2, 2, 2, 1, 2, 3]",
    "short-glum\t-1.7\t0.64031\t[-2, -1, -2, -2, -1, -2, -2, -2, -2, -1]",
    "142\t2.1\t0.7\t[2, 2, 2, 3, 2, 2, 1, 2, 3, 2]",
    "Zorky\t-2.0\t0.1\t[-2, -2, -2, -2, -2, -2, -2, -2, -2, -2]",
    "twicey\t0.5\t0.5\t[0, 1, 0, 1, 0, 1, 0, 1, 0, 1]",
    "twicey\t-1.0\t0.5\t[-1, -1, -1, -1, -1, -1, -1, -1, -1, -1]",
]) + "\r\n"


def convert(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOL), "--source", str(source), "--out", str(out)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    base = tmp_path_factory.mktemp("vader")
    (base / "vader_lexicon.txt").write_text(LEXICON, encoding="utf-8", newline="")
    done = convert(base / "vader_lexicon.txt", base / "out")
    assert done.returncode == 0, done.stderr
    return base / "out", done


def test_only_lower_case_words_are_written_with_their_mean_valence(
    converted: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, done = converted
    lines = (out / "evaluative_words.tsv").read_text(encoding="utf-8").splitlines()
    # sorted; the mean as given; an emoticon, a digit string and a capitalised token left out
    assert lines == ["word\tvalence", "blimful\t1.95", "short-glum\t-1.7", "twicey\t-1.0", "zorky\t-2.4"]
    assert "3  token dropped: not a word (emoticon, digits, symbols)" in done.stderr
    assert "1  word listed twice: the later rating kept" in done.stderr  # as the package reads it
    assert "conflicts listed" not in done.stderr  # the converter writes no conflicts file


def test_the_product_loads_what_the_converter_writes(converted: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, _ = converted
    assert load_evaluative_words(out / "evaluative_words.tsv").valences["zorky"] == -2.4


def test_second_run_writes_the_same_bytes_with_the_licence(
    converted: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path,
) -> None:
    out, _ = converted
    assert convert(out.parent / "vader_lexicon.txt", tmp_path / "again").returncode == 0
    for path in sorted(out.iterdir()):
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name
    licence = (out / "LICENSE-VADER.txt").read_text(encoding="utf-8")
    licence = " ".join(licence.split())
    assert "MIT License" in licence and "C.J. Hutto" in licence and "vaderSentiment 3.3.2" in licence


def test_a_malformed_line_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    source = tmp_path / "vader_lexicon.txt"
    source.write_text("zorky\t-2.4\t0.6\t[-2]\nglum\t-1.7\n", encoding="utf-8")
    done = convert(source, tmp_path / "out")
    assert done.returncode == 2
    assert done.stderr.strip() == f"build_evaluative_words: {source}:2: expected 4 tab-separated cells, got 2"


def test_a_missing_source_is_one_line_naming_it(tmp_path: Path) -> None:
    done = convert(tmp_path / "nothing.txt", tmp_path / "out")
    assert done.returncode == 2
    assert done.stderr.strip() == f"build_evaluative_words: {tmp_path / 'nothing.txt'}: no such file"

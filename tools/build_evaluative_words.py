"""Convert the VADER sentiment lexicon shipped in vaderSentiment into extract/data/evaluative_words.tsv.

    pip install -e '.[lexicons]' && .venv/bin/python tools/build_evaluative_words.py
    .venv/bin/python tools/build_evaluative_words.py --source FILE --out DIR

Reads ``vader_lexicon.txt`` of the vaderSentiment package (MIT; C.J. Hutto): one token a line,
its mean valence as rated by ten people on a scale from -4 (extremely negative) to +4 (extremely
positive), the standard deviation and the ten ratings. Writes evaluative_words.tsv (``word
valence``, documented in extract/data/VERBS.md) and LICENSE-VADER.txt. Sorted and deterministic:
a second run writes the same bytes. The product reads only the written files, never the package.

Selection rules (each a rule of the format, none fitted to a sentence):
- only words: lower-case letters, with an inner hyphen or apostrophe ("short-sighted"); the
  emoticons, digit strings and other symbols the lexicon holds for social media are left out;
- a word listed twice keeps its last rating, as the package itself reads the file (a later line
  replaces an earlier one in its dictionary); each such case is counted;
- only the mean valence is kept: the deviation and the single ratings are not read by the product.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from build_phoenix import Report
from installed_package import installed_package_dir

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "extract" / "data"
PACKAGE = "vaderSentiment"
PACKAGE_VERSION = "3.3.2"  # pinned in pyproject.toml's lexicons extra
LEXICON_FILE = "vader_lexicon.txt"
OUTPUT_FILE = "evaluative_words.tsv"
LICENCE_FILE = "LICENSE-VADER.txt"

_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")


class LexiconFormatError(ValueError):
    """A line of the lexicon is not ``token, mean, deviation, ratings``; the message names it."""


def read_lexicon(path: Path, report: Report) -> dict[str, float]:
    """Word -> mean valence: the lexicon's words as the package reads them (a later line wins)."""
    valences: dict[str, float] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != 4:
            raise LexiconFormatError(f"{path}:{number}: expected 4 tab-separated cells, got {len(cells)}")
        token, mean = cells[0], cells[1]
        try:
            valence = float(mean)
        except ValueError:
            raise LexiconFormatError(f"{path}:{number}: mean valence {mean!r} is not a number") from None
        report.counts["tokens read"] += 1
        if not _WORD.fullmatch(token):
            report.counts["token dropped: not a word (emoticon, digits, symbols)"] += 1
            continue
        if token in valences:
            report.counts["word listed twice: the later rating kept"] += 1
        valences[token] = valence
    report.counts["words written"] = len(valences)
    return valences


def rows_of(valences: Mapping[str, float]) -> Iterable[tuple[str, str]]:
    for word in sorted(valences):
        yield word, repr(valences[word])  # the shortest decimal that reads back as the same number


def write_valences(path: Path, valences: Mapping[str, float]) -> None:
    """The word/valence table the product reads (extract/evaluative.py), words sorted."""
    lines = ["word\tvalence", *("\t".join(row) for row in rows_of(valences))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def chosen_source(tool: str, given: Path | None, installed: Callable[[], Path | str]) -> Path | None:
    """The lexicon file to convert: ``given``, else the installed package's (``installed``); None
    after printing a one-line error, prefixed with ``tool``, when it cannot be read."""
    source = given if given is not None else installed()
    if isinstance(source, str):
        print(f"{tool}: {source}", file=sys.stderr)
        return None
    if not source.is_file():
        print(f"{tool}: {source}: no such file", file=sys.stderr)
        return None
    return source


ATTRIBUTION = f"""\
evaluative_words.tsv in this folder is converted by tools/build_evaluative_words.py from the
VADER sentiment lexicon ({LEXICON_FILE}) as shipped in the Python package vaderSentiment
{PACKAGE_VERSION} (https://github.com/cjhutto/vaderSentiment).

Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
Analysis of Social Media Text. Eighth International Conference on Weblogs and Social Media
(ICWSM-14). Ann Arbor, MI, June 2014.

Changes made: only the lexicon's words were kept (emoticons, digit strings and symbols left
out), with their mean valence; the standard deviations and the single ratings were left out; a
word listed twice keeps its later rating, as the package reads it.

The MIT License (MIT)

Copyright (c) 2016 C.J. Hutto

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def build(source: Path, out: Path) -> Report:
    report = Report()
    valences = read_lexicon(source, report)
    out.mkdir(parents=True, exist_ok=True)
    write_valences(out / OUTPUT_FILE, valences)
    (out / LICENCE_FILE).write_text(ATTRIBUTION, encoding="utf-8")
    return report


def package_lexicon() -> Path | str:
    """The installed vaderSentiment's lexicon file, or a one-line error naming what is wrong."""
    folder = installed_package_dir(PACKAGE, PACKAGE_VERSION, "lexicons")
    return folder if isinstance(folder, str) else folder / LEXICON_FILE


@dataclass(frozen=True)
class LexiconConverter:
    """What a converter of a packaged lexicon names on its command line and in its messages."""

    #: the tool's name, the prefix of its one-line errors
    tool: str
    #: the tool's docstring: its first line describes it
    doc: str
    lexicon_file: str
    #: the package and its pinned version ("vaderSentiment 3.3.2")
    package: str
    #: the installed package's lexicon file, or a one-line error
    installed: Callable[[], Path | str]
    #: converts a lexicon file into a folder and says what it counted
    build: Callable[[Path, Path], Report]
    #: the error of a malformed lexicon
    error: type[ValueError]
    #: the file of conflict rows it writes beside its output, if any
    conflicts_file: str | None = None


def converter_main(converter: LexiconConverter, argv: Sequence[str] | None) -> int:
    """Convert ``--source`` (default: the installed package's lexicon) into ``--out``; print the
    report's counts (and where its conflicts are), or a one-line error and return 2."""
    parser = argparse.ArgumentParser(description=converter.doc.splitlines()[0])
    parser.add_argument("--source", type=Path, help=f"a {converter.lexicon_file} (default: the installed "
                                                     f"{converter.package}'s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder the files are written to")
    args = parser.parse_args(argv)
    source = chosen_source(converter.tool, args.source, converter.installed)
    if source is None:
        return 2
    try:
        report = converter.build(source, args.out)
    except converter.error as error:
        print(f"{converter.tool}: {error}", file=sys.stderr)
        return 2
    report.print_to_stderr(None if converter.conflicts_file is None else args.out / converter.conflicts_file)
    return 0


CONVERTER = LexiconConverter("build_evaluative_words", __doc__ or "", LEXICON_FILE, f"{PACKAGE} {PACKAGE_VERSION}",
                             package_lexicon, build, LexiconFormatError)


def main(argv: Sequence[str] | None = None) -> int:
    return converter_main(CONVERTER, argv)


if __name__ == "__main__":
    sys.exit(main())

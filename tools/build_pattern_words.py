"""Convert the Pattern subjectivity lexicon shipped in TextBlob into extract/data/evaluative_words_pattern.tsv.

    pip install -e '.[lexicons]' && .venv/bin/python tools/build_pattern_words.py
    .venv/bin/python tools/build_pattern_words.py --source FILE --out DIR

Reads ``en-sentiment.xml`` of the textblob package (the lexicon of Pattern by Tom De Smedt and
Walter Daelemans, CLiPS; its file declares the PDDL, TextBlob's code is MIT): one ``<word>``
element per sense of a word, with its part of speech, a polarity from -1.0 to +1.0 and the
lexicon's confidence in the rating. Writes evaluative_words_pattern.tsv (``word valence``, the
format of evaluative_words.tsv, on VADER's scale from -4 to +4; documented in extract/data/VERBS.md),
pattern_words_conflicts.tsv (the words left out because their senses disagree) and
LICENSE-PATTERN.txt. Sorted and deterministic: a second run writes the same bytes. The product
reads only the written files, never the package, and only for words VADER does not rate.

Selection rules (each a rule of the format, none fitted to a sentence):
- only single lower-case words (an inner hyphen or apostrophe allowed): multi-word forms and
  forms with digits or symbols are left out;
- only the word classes a naming predicate is made of: adjectives and nouns (Penn tags JJ*, NN*);
  adverbs, verbs and interjections are left out;
- only senses the lexicon rates with confidence 0.9 or more (its hand-checked ratings; 0.8 marks
  ratings it is less sure of);
- only words all of whose kept senses are rated more subjective than objective (subjectivity above
  0.5): a word with a sense that states a fact ("many", "small", "primary", "unable") judges
  nothing by itself, whatever its other senses;
- a word whose kept senses take both sides (one rated above 0, one below) is left out, each case a
  row of the conflicts file; a word rated 0 in every kept sense is left out (not evaluative);
- the valence is the mean polarity of the kept senses times 4: Pattern's -1..+1 on VADER's -4..+4.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from build_evaluative_words import LexiconConverter, converter_main, write_valences
from build_phoenix import Report, write_tsv
from installed_package import installed_package_dir

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "extract" / "data"
PACKAGE = "textblob"
PACKAGE_VERSION = "0.20.1"  # pinned in pyproject.toml's lexicons extra
LEXICON_FILE = "en-sentiment.xml"
OUTPUT_FILE = "evaluative_words_pattern.tsv"
CONFLICTS_FILE = "pattern_words_conflicts.tsv"
LICENCE_FILE = "LICENSE-PATTERN.txt"
#: Lowest confidence (or reliability) of a kept rating.
MIN_CONFIDENCE = 0.9
#: Subjectivity (0 objective .. 1 subjective) a kept rating must exceed.
MIN_SUBJECTIVITY = 0.5
#: Pattern's polarity (-1..+1) times this is on VADER's scale (-4..+4).
SCALE = 4.0

_WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")
_PREDICATE_TAGS = ("JJ", "NN")


class LexiconFormatError(ValueError):
    """The lexicon is no XML of ``<word form= pos= polarity=>`` elements; the message names it."""


def read_senses(path: Path, report: Report) -> dict[str, list[float]]:
    """Word -> the polarities of its kept senses, by the selection rules above."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise LexiconFormatError(f"{path}: not well-formed XML ({error})") from None
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for element in root.iter("word"):
        report.counts["senses read"] += 1
        form, pos, polarity = element.get("form"), element.get("pos") or "", element.get("polarity")
        subjectivity = element.get("subjectivity")
        confidence = element.get("confidence") or element.get("reliability")
        if form is None or polarity is None or confidence is None or subjectivity is None:
            raise LexiconFormatError(f"{path}: a <word> without form, polarity, subjectivity or confidence:"
                                     f" {element.attrib}")
        try:
            value, sure, subjective = float(polarity), float(confidence), float(subjectivity)
        except ValueError:
            raise LexiconFormatError(
                f"{path}: {form!r}: polarity, subjectivity or confidence is not a number") from None
        if not _WORD.fullmatch(form):
            report.counts["sense dropped: not a single lower-case word"] += 1
        elif not pos.startswith(_PREDICATE_TAGS):
            report.counts["sense dropped: neither adjective nor noun"] += 1
        elif sure < MIN_CONFIDENCE:
            report.counts["sense dropped: confidence below 0.9"] += 1
        else:
            senses[form].append((value, subjective))
    kept: dict[str, list[float]] = {}
    for form, rated in senses.items():
        if any(subjective <= MIN_SUBJECTIVITY for _, subjective in rated):
            report.counts["word dropped: a sense of subjectivity 0.5 or less (states a fact)"] += 1
        else:
            kept[form] = [value for value, _ in rated]
    return kept


def valences_of(senses: dict[str, list[float]], report: Report) -> dict[str, float]:
    """Word -> valence on VADER's scale; two-sided and neutral words left out."""
    valences: dict[str, float] = {}
    for word, polarities in senses.items():
        if any(p > 0 for p in polarities) and any(p < 0 for p in polarities):
            detail = " ".join(repr(p) for p in sorted(polarities))
            report.conflict("senses take both sides", word, detail, "left out")
            continue
        mean = sum(polarities) / len(polarities)
        if mean == 0:
            report.counts["word dropped: rated 0 (not evaluative)"] += 1
            continue
        valences[word] = round(mean * SCALE, 2)
    report.counts["words written"] = len(valences)
    return valences


ATTRIBUTION = f"""\
evaluative_words_pattern.tsv in this folder is converted by tools/build_pattern_words.py from the
Pattern subjectivity lexicon for English ({LEXICON_FILE}, version 1.3) as shipped in the Python
package textblob {PACKAGE_VERSION} (https://github.com/sloria/TextBlob); the lexicon comes from
Pattern (https://github.com/clips/pattern), CLiPS, University of Antwerp.

De Smedt, T. & Daelemans, W. (2012). Pattern for Python. Journal of Machine Learning Research,
13, 2063-2067.

Licence: the lexicon file declares itself under the Open Data Commons Public Domain Dedication
and License (PDDL) 1.0, author="Tom De Smedt, Walter Daelemans" license="PDDL"
(https://opendatacommons.org/licenses/pddl/1-0/): the database and its contents are dedicated to
the public domain; no conditions apply. Attribution is given here as a courtesy.

Changes made: only single lower-case adjectives and nouns rated with confidence 0.9 or more and
subjectivity above 0.5 in every such sense were kept; a word whose senses take both sides, or are
all rated 0, was left out; a word's valence is the mean polarity of its kept senses times 4
(VADER's scale); senses, WordNet and Cornetto ids, subjectivity and intensity were left out.

TextBlob, whose package ships the file, is under the MIT License:

Copyright Steven Loria and contributors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
"""


def build(source: Path, out: Path) -> Report:
    report = Report(label="word dropped")
    valences = valences_of(read_senses(source, report), report)
    out.mkdir(parents=True, exist_ok=True)
    write_valences(out / OUTPUT_FILE, valences)
    write_tsv(out / CONFLICTS_FILE, ("kind", "word", "polarities", "outcome"), sorted(report.conflicts))
    (out / LICENCE_FILE).write_text(ATTRIBUTION, encoding="utf-8")
    return report


def package_lexicon() -> Path | str:
    """The installed textblob's lexicon file, or a one-line error naming what is wrong."""
    folder = installed_package_dir(PACKAGE, PACKAGE_VERSION, "lexicons")
    return folder if isinstance(folder, str) else folder / "en" / LEXICON_FILE


CONVERTER = LexiconConverter("build_pattern_words", __doc__ or "", LEXICON_FILE, f"{PACKAGE} {PACKAGE_VERSION}",
                             package_lexicon, build, LexiconFormatError, CONFLICTS_FILE)


def main(argv: Sequence[str] | None = None) -> int:
    return converter_main(CONVERTER, argv)


if __name__ == "__main__":
    sys.exit(main())

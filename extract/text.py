"""Splitting article text into blocks (headline, caption, paragraphs) with their offsets."""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_TERMINAL = ('.', '!', '?', ':', ';', '"', "'", "\u201d", "\u2019")
# A line that ends on one of these words was wrapped mid-sentence, not a headline.
_CONTINUING = frozenset({
    "a", "an", "the", "of", "from", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but",
    "that", "which", "who", "as", "than", "into", "over", "after", "before", "between", "against",
})
_SHORT_LINE_WORDS = 25
#: The longest block handed to spaCy. Longer paragraphs are cut at a sentence end (else a line
#: break, else a space) so that no text reaches spaCy's own limit (``nlp.max_length``, E088) and
#: the memory of a parse is bounded by the block, not by the paragraph or the article: spaCy
#: needs about 3 KB per character of a batch in flight, so a batch of 64 blocks of 1,000
#: characters adds about 180 MiB to the model, as much as a stream of short articles does.
MAX_BLOCK_CHARS = 1_000
# the end of a sentence: terminal punctuation, closing quotes or brackets, then white space
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Block:
    """A run of text parsed on its own, and where it starts in the article."""

    text: str
    start: int


def _lines_of(paragraph: str, start: int) -> Iterator[Block]:
    """Split a paragraph at line breaks that end a headline-like line.

    A line break is a block boundary when the line before it has no terminal punctuation,
    is short, and the next line starts with a capital: headlines, captions and datelines have
    no final period and would otherwise run into the next sentence. Hard-wrapped prose lines
    are joined.
    """
    offset = 0
    current_start = 0
    lines = paragraph.split("\n")
    for index, line in enumerate(lines):
        line_end = offset + len(line)
        is_last = index == len(lines) - 1
        if not is_last:
            following = lines[index + 1].lstrip()
            stripped = line.rstrip()
            last_word = stripped.rsplit(None, 1)[-1].lower() if stripped else ""
            headline_like = (
                bool(stripped)
                and not stripped.endswith(_TERMINAL)
                and last_word not in _CONTINUING
                and len(stripped.split()) <= _SHORT_LINE_WORDS
                and following[:1].isupper()
            )
            ends_sentence = stripped.endswith(('.', '!', '?', '"', "\u201d"))
            if headline_like or ends_sentence or not stripped:
                chunk = paragraph[current_start:line_end]
                if chunk.strip():
                    yield _trimmed(chunk, start + current_start)
                current_start = line_end + 1
        offset = line_end + 1
    chunk = paragraph[current_start:]
    if chunk.strip():
        yield _trimmed(chunk, start + current_start)


def _trimmed(chunk: str, start: int) -> Block:
    leading = len(chunk) - len(chunk.lstrip())
    return Block(chunk.strip(), start + leading)


def _cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` (longer than ``limit``): after the last sentence end in the second
    half of the first ``limit`` characters, else after the last line break or space there, else
    at ``limit``. Cutting in the second half keeps every piece longer than ``limit // 2``."""
    window = text[:limit]
    half = limit // 2
    ends = [match.end() for match in _SENTENCE_END.finditer(window, half)]
    if ends:
        return ends[-1]
    newline = window.rfind("\n", half)
    if newline >= 0:
        return newline + 1
    spaces = [match.end() for match in _SPACE.finditer(window, half)]
    return spaces[-1] if spaces else limit


def bounded(block: Block, limit: int = MAX_BLOCK_CHARS) -> Iterator[Block]:
    """``block`` cut into pieces of at most ``limit`` characters, with their offsets."""
    text, start = block.text, block.start
    while len(text) > limit:
        cut = _cut_point(text, limit)
        piece = _trimmed(text[:cut], start)
        if piece.text:
            yield piece
        rest = text[cut:]
        start += cut + len(rest) - len(rest.lstrip())
        text = rest.lstrip()
    if text:
        yield Block(text, start)


def split_blocks(text: str, max_chars: int = MAX_BLOCK_CHARS) -> list[Block]:
    """Blocks of ``text``: paragraphs split at blank lines, then at headline-like line ends, then
    cut to at most ``max_chars`` characters (see ``bounded``).

    ``text[block.start : block.start + len(block.text)] == block.text`` holds for every block,
    except that line breaks inside a block are kept as they are.
    """
    blocks: list[Block] = []
    position = 0
    for match in _BLANK_LINE.finditer(text):
        for block in _lines_of(text[position : match.start()], position):
            blocks.extend(bounded(block, max_chars))
        position = match.end()
    for block in _lines_of(text[position:], position):
        blocks.extend(bounded(block, max_chars))
    return blocks


_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*")


def is_title_case(text: str) -> bool:
    """A headline written in Title Case: short, no final period, most words capitalised."""
    words = _WORD.findall(text)
    if len(words) < 3 or len(words) > _SHORT_LINE_WORDS or text.rstrip().endswith((".", "!", "?")):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.7


def recase_title(text: str, keep: frozenset[str]) -> str:
    """Lower-case the words of a Title Case headline that are not names, so the parser sees
    "Putin meets Xi in Beijing"; the length and offsets of the text do not change."""
    def lower(match: re.Match[str]) -> str:
        word = match.group(0)
        if match.start() == 0 or word.isupper() or word in keep or word.split("'")[0] in keep:
            return word
        return word.lower()

    return _WORD.sub(lower, text)


# Days and months are capitalised in English; so is the pronoun I.
_ALWAYS_CAPITALISED = frozenset(name for name in (*calendar.day_name, *calendar.month_name, "I") if name)
_SENTENCE_END_BEFORE = re.compile(r"[.!?:][\"'\u201d\u2019)\]]*\s*$")
ALL_CAPS_MIN_WORDS = 3


def is_all_caps(text: str) -> bool:
    """Text written in capitals: at least three words and nine in ten cased letters upper case."""
    words = (match for match in _WORD.finditer(text) if match.end() - match.start() > 1)
    if sum(1 for _ in itertools.islice(words, ALL_CAPS_MIN_WORDS)) < ALL_CAPS_MIN_WORDS:
        return False
    upper, lower = cased_letters(text)
    return upper >= 9 * lower


_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")


def cased_letters(text: str) -> tuple[int, int]:
    """How many characters of ``text`` are upper case and how many lower case (``str.isupper`` and
    ``str.islower`` of each). The ASCII letters are counted by deleting them from the text's bytes
    (in C, a byte at a time: in ASCII only A-Z are upper case and a-z lower case); the few other
    characters one by one."""
    ascii_part = text.encode("ascii", "ignore")
    size = len(ascii_part)
    upper = size - len(ascii_part.translate(None, _ASCII_UPPER))
    lower = size - len(ascii_part.translate(None, _ASCII_LOWER))
    if size < len(text):  # letters beyond ASCII ("É", "Ö", Greek, Cyrillic)
        rest = _ASCII_RUNS.sub("", text)
        upper += sum(map(str.isupper, rest))
        lower += sum(map(str.islower, rest))
    return upper, lower


def recase_all_caps(text: str, keep: frozenset[str]) -> str:
    """Sentence case for text written in capitals, so the parser sees "Russia attacked Ukraine on
    Tuesday": a word stays upper case when ``keep`` has it so ("NATO"), is capitalised when ``keep``
    has it capitalised ("Russia", "Orban's"), when English always capitalises it (days, months, I)
    or when it starts a sentence, and is lower-cased otherwise. Only ASCII letters change, so the
    length and offsets of the text do not."""
    def recase(match: re.Match[str]) -> str:
        word = match.group(0)
        stem = re.split(r"['\u2019]", word, maxsplit=1)[0]
        if word in keep or stem in keep:
            return word
        capitalised = word[0] + word[1:].lower()
        if capitalised in keep or stem.capitalize() in keep or stem.capitalize() in _ALWAYS_CAPITALISED:
            return capitalised
        if match.start() == 0 or _SENTENCE_END_BEFORE.search(text, 0, match.start()):
            return capitalised
        return word.lower()

    return _WORD.sub(recase, text)


#: A text of at least this many words is judged for language; shorter ones (headlines) are not.
ENGLISH_MIN_WORDS = 20
#: English prose has about a quarter of its words on spaCy's English stop list (words of two
#: letters or more; one-letter words such as "a" and "i" are words of other languages too);
#: other languages have almost none. Below this share a text is counted ``not_english``.
ENGLISH_MIN_STOP_SHARE = 0.12
#: Only the first words are looked at: the test stays cheap for a 10 MB article.
_LANGUAGE_SAMPLE_WORDS = 5_000
_ANY_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


def looks_english(text: str) -> bool:
    """Whether ``text`` reads as English by its share of English stop words (see the constants);
    a text too short to judge counts as English."""
    if len(text) < 2 * _LANGUAGE_SAMPLE_WORDS:  # too short to hold more words than are looked at:
        words = _ANY_WORD.findall(text)  # all of them, found in C
    else:  # (a word and the character after it take two characters at least)
        words = [match[0] for match in itertools.islice(_ANY_WORD.finditer(text), _LANGUAGE_SAMPLE_WORDS)]
    if len(words) < ENGLISH_MIN_WORDS:
        return True
    stops = sum(map(_LONG_STOP_WORDS.__contains__, map(str.lower, words)))  # counted in C
    return stops / len(words) >= ENGLISH_MIN_STOP_SHARE


#: spaCy's English stop words of two letters or more (see ``ENGLISH_MIN_STOP_SHARE``).
_LONG_STOP_WORDS = frozenset(word for word in STOP_WORDS if len(word) > 1)


# A wire dateline before the lede: the place (or places, "BEIJING/WASHINGTON") the story was
# filed from (in capitals, or with a news agency after it), more place or date parts after commas,
# the agency in parentheses, then a dash or (after capitals) a colon: "KYIV, Ukraine (AP) — ",
# "BEIJING (Reuters) - ", "MOSCOW/KYIV, March 3 (Reuters) — ", "Addis Ababa, Ethiopia, 5 March
# 2021 (AFP) - ", "BERLIN (dpa) - ", "ISLAMABAD: ", or only the agency: "March 3 (Reuters) - ".
# Web pages write its spaces as no-break or thin spaces, and a dateline may stand alone on its
# line ("WARSAW (Reuters) -").
_SPACE_CHARS = "[ \u00a0\u2009\u202f]"
_CAPS_PLACE = r"[A-Z][A-Z.'\-]{3,}(?:" + _SPACE_CHARS + r"[A-Z][A-Z.'\-]+){0,3}"
_CAPS_PLACES = _CAPS_PLACE + r"(?:" + _SPACE_CHARS + r"?/" + _SPACE_CHARS + r"?" + _CAPS_PLACE + r"){0,3}"
_TITLE_PLACE = r"[A-Z][\w.'\-]+(?:" + _SPACE_CHARS + r"[A-Z][\w.'\-]+){0,3}"
_TITLE_PLACES = _TITLE_PLACE + r"(?:" + _SPACE_CHARS + r"?/" + _SPACE_CHARS + r"?" + _TITLE_PLACE + r"){0,3}"
_DATELINE_PARTS = r"(?:," + _SPACE_CHARS + r"+[^,()\n\u2014\u2013]{1,40}?){0,3}"
_AGENCY = _SPACE_CHARS + r"?\([A-Za-z][A-Za-z.&' ]{0,30}\)"
# a dash, then the lede (a capital or an opening quote) or the end of the block; after an em or en
# dash the space may be missing ("(AP)—The"), after a hyphen it may not ("ABU-DHABI" is a name)
_DASH = (_SPACE_CHARS + r"*(?:(?:\u2014|\u2013)" + _SPACE_CHARS + r"*|--?" + _SPACE_CHARS + r"+|--?\s*$)"
         r"(?=[A-Z\"'\u201c\u2018]|\s*$)")
_DATELINE = re.compile(
    r"(?:" + _CAPS_PLACES + _DATELINE_PARTS + rf"(?:{_AGENCY})?(?:{_DASH}|:{_SPACE_CHARS}+(?=[A-Z\"'\u201c\u2018]))"
    r"|" + _TITLE_PLACES + _DATELINE_PARTS + _AGENCY + rf"(?:{_DASH}|\s*$)"
    r"|" + _CAPS_PLACES + _DATELINE_PARTS + _AGENCY + r"\s*$"
    # no place, only the date and the agency: "(Reuters) - ", "March 3 (Reuters) - "
    r"|(?:[A-Z][a-z]{2,8}\.?" + _SPACE_CHARS + r"+\d{1,2}" + _SPACE_CHARS + r"*)?"
    + _AGENCY.removeprefix(_SPACE_CHARS + "?") + rf"(?:{_DASH}))"
)
#: A wire dateline in its full form, the place in capitals and the agency ("CITY (Reuters) - "),
#: opens a story wherever its paragraph stands; another form ("WASHINGTON — ", "ISLAMABAD: ",
#: "Kyiv (AFP) - ") only in the front matter: the blocks before the first dateline and before the
#: first long paragraph (headline, byline, timestamps and captions are short). In a story's body a
#: title-case name with an initialism and a dash ("Islamic Revolutionary Guard Corps (IRGC) — The
#: force ...") is no dateline.
FRONT_MATTER_WORDS = _SHORT_LINE_WORDS
_FULL_DATELINE = re.compile(_CAPS_PLACES + _DATELINE_PARTS + _AGENCY + rf"(?:{_DASH}|\s*$)")


def dateline_length(text: str) -> int:
    """Characters of the wire dateline that opens ``text`` (0 if none). A dateline names where a
    story was filed and who filed it, not an actor of its first sentence."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


def dateline_lengths(blocks: Sequence[Block]) -> list[int]:
    """For each block of an article, the characters of the dateline that opens it (0 if none): a
    full dateline in any block, another form only in the front matter (see ``FRONT_MATTER_WORDS``)."""
    lengths: list[int] = []
    in_front_matter = True
    for block in blocks:
        length = dateline_length(block.text)
        if length and not in_front_matter and not _FULL_DATELINE.match(block.text):
            length = 0
        lengths.append(length)
        if length or len(block.text.split()) > FRONT_MATTER_WORDS:
            in_front_matter = False  # the story has begun
    return lengths

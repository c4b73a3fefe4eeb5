"""Splitting article text into blocks with their offsets."""

from __future__ import annotations

import re

import pytest
from spacy.lang.en.stop_words import STOP_WORDS

from extract.text import (
    MAX_BLOCK_CHARS,
    Block,
    cased_letters,
    dateline_length,
    dateline_lengths,
    is_all_caps,
    looks_english,
    recase_all_caps,
    split_blocks,
)


def _check_offsets(text: str, blocks: list[Block]) -> None:
    for block in blocks:
        assert text[block.start : block.start + len(block.text)] == block.text
        assert block.text == block.text.strip() and block.text


def test_a_headline_without_a_final_period_is_its_own_block() -> None:
    text = "Putin Meets Xi In Beijing\nRussian President Vladimir Putin met Chinese President Xi Jinping."
    blocks = split_blocks(text)
    assert blocks == [
        Block("Putin Meets Xi In Beijing", 0),
        Block("Russian President Vladimir Putin met Chinese President Xi Jinping.", 26),
    ]
    _check_offsets(text, blocks)


def test_headline_dateline_and_caption_lines() -> None:
    text = (
        "Hungary keeps buying Russian oil\n"
        "BUDAPEST, Oct 19\n"
        "Budapest has no intention of reducing purchases.\n"
        "Photo: Peter Szijjarto in Minsk"
    )
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == [
        "Hungary keeps buying Russian oil",
        "BUDAPEST, Oct 19",
        "Budapest has no intention of reducing purchases.",
        "Photo: Peter Szijjarto in Minsk",
    ]
    assert [b.start for b in blocks] == [0, 33, 50, 99]
    _check_offsets(text, blocks)


def test_a_dateline_ending_in_the_agency_is_its_own_block() -> None:
    text = "BUDAPEST, Oct 19 (Reuters)\nBudapest has no intention of reducing purchases."
    assert split_blocks(text) == [
        Block("BUDAPEST, Oct 19 (Reuters)", 0),
        Block("Budapest has no intention of reducing purchases.", 27),
    ]


def test_blank_lines_separate_paragraphs() -> None:
    text = "  First paragraph.\n\nSecond paragraph.\n \t \n\n\nThird paragraph.  \n"
    blocks = split_blocks(text)
    assert blocks == [
        Block("First paragraph.", 2),
        Block("Second paragraph.", 20),
        Block("Third paragraph.", text.index("Third")),
    ]
    _check_offsets(text, blocks)


def test_windows_line_endings() -> None:
    text = "Title line\r\nBody sentence one.\r\n\r\nSecond paragraph."
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == ["Title line", "Body sentence one.", "Second paragraph."]
    assert [b.start for b in blocks] == [0, 12, 34]
    _check_offsets(text, blocks)


def test_hard_wrapped_prose_lines_are_joined() -> None:
    text = (
        "Hungarian Foreign Minister Peter Szijjarto said on Tuesday that his country\n"
        "would keep buying oil and gas from Russia despite pressure from\n"
        "its partners in the European Union.\n\n"
        "The ministry did not comment further."
    )
    blocks = split_blocks(text)
    assert blocks == [
        Block(
            "Hungarian Foreign Minister Peter Szijjarto said on Tuesday that his country\n"
            "would keep buying oil and gas from Russia despite pressure from\n"
            "its partners in the European Union.",
            0,
        ),
        Block("The ministry did not comment further.", text.index("The ministry")),
    ]
    _check_offsets(text, blocks)


def test_a_long_line_is_prose_even_before_a_capital() -> None:
    long_line = " ".join(["word"] * 26)
    text = f"{long_line}\nBudapest said so."
    (block,) = split_blocks(text)
    assert block == Block(text, 0)


def test_lines_ending_a_sentence_are_block_boundaries() -> None:
    text = "Iran attacked Israel.\nIsrael condemned Iran!\n\u201cWe will respond,\u201d he said."
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == ["Iran attacked Israel.", "Israel condemned Iran!",
                                        "\u201cWe will respond,\u201d he said."]
    _check_offsets(text, blocks)


def test_a_wrapped_line_before_a_name_is_not_a_headline() -> None:
    text = "Hungary will keep buying oil and gas from\nRussia, the minister said on Tuesday."
    assert split_blocks(text) == [Block(text, 0)]


def test_offsets_hold_for_every_block_of_a_messy_article() -> None:
    text = (
        "\n\n  Putin Meets Xi In Beijing  \n"
        "By Staff Writer\n"
        "\n"
        "Russian President Vladimir Putin met Chinese President\n"
        "Xi Jinping in Beijing on Tuesday, the Kremlin said.\n"
        "   \n"
        "  Both leaders signed a statement.   Talks will continue\n"
        "next year.\n"
    )
    blocks = split_blocks(text)
    assert len(blocks) >= 4
    assert blocks[0] == Block("Putin Meets Xi In Beijing", 4)
    assert blocks[1] == Block("By Staff Writer", text.index("By Staff"))
    assert blocks[-1].text == "Both leaders signed a statement.   Talks will continue\nnext year."
    _check_offsets(text, blocks)
    starts = [b.start for b in blocks]
    assert starts == sorted(starts)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", " \t\n \n"])
def test_empty_text_has_no_blocks(text: str) -> None:
    assert split_blocks(text) == []


def test_an_over_long_paragraph_is_cut_at_sentence_ends_into_bounded_blocks() -> None:
    sentence = "Russia attacked Ukraine on Tuesday. "
    text = "Headline Without A Period\n\n" + sentence * 1000 + "\n\nLast paragraph."
    blocks = split_blocks(text, max_chars=1000)
    assert max(len(b.text) for b in blocks) <= 1000
    assert all(b.text.endswith("Tuesday.") for b in blocks[1:-1])  # every cut is at a sentence end
    assert [blocks[0].text, blocks[-1].text] == ["Headline Without A Period", "Last paragraph."]
    _check_offsets(text, blocks)
    assert sum(b.text.count("Russia") for b in blocks) == 1000  # nothing lost between pieces


def test_a_paragraph_without_sentence_ends_is_cut_at_spaces_then_anywhere() -> None:
    words = " ".join(["Russia attacked Ukraine and"] * 400)
    blocks = split_blocks(words, max_chars=500)
    assert max(len(b.text) for b in blocks) <= 500 and min(len(b.text) for b in blocks[:-1]) > 250
    assert all(b.text.endswith(("and", "Russia", "attacked", "Ukraine")) for b in blocks)
    _check_offsets(words, blocks)
    assert "".join(b.text for b in blocks).replace(" ", "") == words.replace(" ", "")
    solid = "x" * 2500
    assert [(b.start, len(b.text)) for b in split_blocks(solid, max_chars=1000)] == [(0, 1000), (1000, 1000),
                                                                                   (2000, 500)]


def test_the_default_bound_keeps_blocks_far_below_spacys_limit() -> None:
    text = "Russia attacked Ukraine and " * 40_000  # 1.1 million characters in one paragraph
    blocks = split_blocks(text)
    assert max(len(b.text) for b in blocks) <= MAX_BLOCK_CHARS < 1_000_000
    _check_offsets(text, blocks)


GERMAN = ("Der russische Präsident hat am Dienstag in Moskau den ungarischen Ministerpräsidenten empfangen. Die beiden "
          "Politiker sprachen über Energie, den Krieg in der Ukraine und die Beziehungen zwischen ihren Ländern.")
HUNGARIAN = ("Az orosz elnök kedden Moszkvában fogadta a magyar miniszterelnököt. A két politikus az energiáról, az "
             "ukrajnai háborúról és a két ország kapcsolatairól tárgyalt, közölte a Kreml szóvivője a sajtónak.")
ENGLISH = ("Russian President Vladimir Putin received Hungarian Prime Minister Viktor Orban in Moscow on Tuesday. "
           "The two leaders talked about energy, the war in Ukraine and relations between their countries, "
           "the Kremlin said.")


def test_english_is_told_from_other_languages_by_its_stop_words() -> None:
    assert looks_english(ENGLISH) and looks_english(ENGLISH.upper())
    assert not looks_english(GERMAN) and not looks_english(HUNGARIAN)
    assert looks_english("Putin Meets Xi In Beijing")  # too short to judge: a headline is not flagged


def test_text_in_capitals_is_recognised_and_recased_without_moving_offsets() -> None:
    keep = frozenset({"Russia", "Ukraine", "NATO", "Orban"})
    text = "RUSSIA ATTACKED UKRAINE ON TUESDAY. NATO AND ORBAN'S GOVERNMENT CONDEMNED THE ATTACK."
    assert is_all_caps(text) and not is_all_caps("BUDAPEST, Oct 19") and not is_all_caps(ENGLISH)
    recased = recase_all_caps(text, keep)
    assert recased == "Russia attacked Ukraine on Tuesday. NATO and Orban's government condemned the attack."
    assert len(recased) == len(text)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("KYIV, Ukraine (AP) — Russian forces attacked.", "KYIV, Ukraine (AP) — "),
        ("BEIJING (Reuters) - China said.", "BEIJING (Reuters) - "),
        ("NAIROBI, Kenya — Kenyan police said.", "NAIROBI, Kenya — "),
        ("Addis Ababa, Ethiopia, 5 March 2021 (AFP) - Ethiopia said.", "Addis Ababa, Ethiopia, 5 March 2021 (AFP) - "),
        ("LONDON, Jan 5 (Reuters) - Britain said.", "LONDON, Jan 5 (Reuters) - "),
        ("ISLAMABAD: Pakistan summoned the envoy.", "ISLAMABAD: "),
        ("Russia — the largest country — said.", ""),  # a name then an aside, no dateline
        ("NATO said on Monday it would act.", ""),
        ("UN: Russia must leave.", ""),  # a two-letter source in a headline is not a filing place
        ("Kyiv — which Russia attacked — said.", ""),  # mixed case needs an agency
        ("BEIJING/WASHINGTON (Reuters) - China said.", "BEIJING/WASHINGTON (Reuters) - "),  # two cities
        ("MOSCOW/KYIV, March 3 (Reuters) — Russia said.", "MOSCOW/KYIV, March 3 (Reuters) — "),
        ("TEL AVIV/GAZA, Oct 9 (Reuters) - Israel said.", "TEL AVIV/GAZA, Oct 9 (Reuters) - "),
        ("Moscow/Kyiv (AFP) – Russia said.", "Moscow/Kyiv (AFP) – "),  # title case, en dash
        ("TOKYO (Reuters) -- Japan said.", "TOKYO (Reuters) -- "),  # double hyphen
        ("BERLIN (dpa) - Germany said.", "BERLIN (dpa) - "),  # an agency in lower case
        ("KAMPALA, Uganda (AP) —Kenya said.", "KAMPALA, Uganda (AP) —"),  # no space after an em dash
        ("CAIRO,\u00a0June 2\u00a0(Reuters)\u00a0-\u00a0Egypt said.",
         "CAIRO,\u00a0June 2\u00a0(Reuters)\u00a0-\u00a0"),  # no-break spaces of a web page
        ("WARSAW (Reuters) -", "WARSAW (Reuters) -"),  # a dateline alone on its line
        ("BUDAPEST, Oct 19 (Reuters)", "BUDAPEST, Oct 19 (Reuters)"),
        ("ABU-DHABI-Based firms said.", ""),  # a hyphen inside a word is no dash
        ("Reporting by Jane Doe; Editing by Mark Smith", ""),
        ("(Reuters) - Russia said.", "(Reuters) - "),  # a story filed from no one place
        ("March 3 (Reuters) — Russia said.", "March 3 (Reuters) — "),
        ("(the ministry said) Russia left.", ""),
    ],
)
def test_a_wire_dateline_is_measured_and_nothing_else(text: str, dateline: str) -> None:
    assert text[: dateline_length(text)] == dateline


def test_a_dateline_with_an_agency_opens_any_paragraph_one_without_only_the_front_matter() -> None:
    text = (
        "Egypt accuses Sudan\n\nBy Jane Doe\n\nMarch 5, 2024\n\n3 min read\n\n"
        "Soldiers stand guard at a crossing, March 4, 2024. REUTERS/Staff\n\n"
        "DOHA, Qatar (Reuters) - Egypt accused Sudan on Tuesday of a border raid that killed two soldiers "
        "near the crossing, the foreign ministry in Cairo said in a statement.\n\n"
        "CAIRO: Egypt said it would respond.\n\nKHARTOUM (AP) — Sudan denied the charge.\n\n"
        "Islamic Revolutionary Guard Corps (IRGC) — The force said it would respond."
    )
    blocks = split_blocks(text)
    lengths = dict(zip([b.text[:12] for b in blocks], dateline_lengths(blocks), strict=True))
    assert lengths["DOHA, Qatar "] == len("DOHA, Qatar (Reuters) - ")  # the sixth block, after the front matter
    assert lengths["CAIRO: Egypt"] == 0  # no agency, after the first long paragraph: not a dateline
    assert lengths["KHARTOUM (AP"] == len("KHARTOUM (AP) — ")
    assert lengths["By Jane Doe"] == 0
    assert lengths["Islamic Revo"] == 0  # a name and its initialism in the story's body


@pytest.mark.parametrize("text", [
    "",
    "RUSSIA ATTACKS UKRAINE",
    "Hungary criticized the plan on Monday, officials said.",
    "\u201cWE WILL NOT ACCEPT PRESSURE,\u201d ORB\u00c1N TOLD REPORTERS IN BUDAPEST \u2014 AFP",
    "Erdo\u011fan and \u00c6r\u00f8 met in M\u00fcnchen; \u0130stanbul, \u0131, \u00df, "
    "\u01c5 (titlecase), \u2167 \u2177",
    "\u0391\u0398\u0397\u039d\u0391 \u03b1\u03b8\u03b7\u03bd\u03b1 \u041c\u041e\u0421\u041a\u0412\u0410 "
    "\u043c\u043e\u0441\u043a\u0432\u0430 \uff21\uff22 \uff41\uff42 \U0001d400\U0001d41a 12345 !?",
])
def test_cased_letters_are_the_count_of_each_characters_case(text: str) -> None:
    """The letters counted in bulk are those ``str.isupper`` and ``str.islower`` find one by one,
    in ASCII and beyond it (accented, Greek, Cyrillic, full-width, titlecase, numerals, astral)."""
    assert cased_letters(text) == (sum(map(str.isupper, text)), sum(map(str.islower, text)))
    assert cased_letters(text * 3) == tuple(3 * n for n in cased_letters(text))


def _share_of_stop_words(text: str, looked_at: int) -> float:
    """The share of English stop words among the first ``looked_at`` words of ``text``, spelt out."""
    words = re.findall(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*", text)[:looked_at]
    return sum(word.lower() in STOP_WORDS and len(word) > 1 for word in words) / len(words)


@pytest.mark.parametrize("text", [
    "x " * 4999 + "x",  # 9,999 characters: 5,000 words, every one looked at
    "x " * 4999 + "of",  # the last word (a stop word) still counts
    "of " * 650 + "y " * 5000,  # 11,950 characters: only the first 5,000 words are looked at
    "y " * 4500 + "of " * 1000,  # the stop words past the first 5,000 words are not
    ENGLISH * 40,
    "Ölçü zu der Straße, d\u2019Orsay l'Élysée " * 300,
])
def test_the_language_is_judged_by_the_first_five_thousand_words(text: str) -> None:
    """A text too short to hold more than 5,000 words has all its words read at once, a longer
    one only its first 5,000: the answer is the spelt-out share of stop words against 0.12 either way."""
    assert looks_english(text) is (_share_of_stop_words(text, 5_000) >= 0.12)

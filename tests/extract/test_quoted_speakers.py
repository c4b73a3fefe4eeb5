"""First-person pronouns in a direct quotation stand for its speaker (extract/quoted_speakers.py)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from extract.quoted_speakers import Quotation, quotations
from tests.extract.extracting import paired_triples, runner

run = runner("quotes", "2024-05-02")


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    """The triples the parse pairs (word-order back-off left out)."""
    return {(s, r, o) for s, r, o, pairing in paired_triples(run(extractor, text)) if pairing != "backoff"}


def test_quotations_pair_straight_marks_in_turn_and_curly_marks_by_kind(extractor: Extractor) -> None:
    straight = extractor.nlp('"We agree," he said. "We do not," she said.')
    # the comma is quoted
    assert [(q.start, q.end) for q in quotations([t.text for t in straight])] == [(1, 4), (9, 13)]
    curly = extractor.nlp("\u201cWe agree,\u201d he said.")
    assert list(quotations([t.text for t in curly])) == [Quotation(1, 4)]
    unclosed = extractor.nlp('"We agree, he said.')
    assert list(quotations([t.text for t in unclosed])) == [Quotation(1, len(unclosed))]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ('"We stand with the United Kingdom," Spanish Prime Minister Pedro Sanchez said.',
         ("person:pedro-sanchez", "SUPPORT", "country:GBR")),
        ('"I will visit Japan next month," South Korean President Yoon Suk Yeol said.',
         ("person:yoon-suk-yeol", "VISIT", "country:JPN")),
        # the attribution in the sentence where a quotation of two sentences closes
        ('"We are ready. We will support Ukraine," German Chancellor Olaf Scholz told reporters.',
         ("person:olaf-scholz", "SUPPORT", "country:UKR")),
        # the speaker named by a pronoun already resolved
        ('Olaf Scholz spoke in Berlin. "We will support Ukraine," he said.',
         ("person:olaf-scholz", "SUPPORT", "country:UKR")),
    ],
)
def test_first_person_in_a_quotation_is_its_speaker(
    extractor: Extractor, text: str, wanted: tuple[str, str, str],
) -> None:
    assert wanted in triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        '"We will support Ukraine."',  # no attribution
        # two speakers: which one said it is not told
        '"We will support Ukraine," Scholz said, and Macron said the same.',
        # outside a quotation, "we" after a person speaker is not resolved
        "Scholz said we will support Ukraine.",
    ],
)
def test_no_speaker_is_guessed(extractor: Extractor, text: str) -> None:
    assert not any(relation == "SUPPORT" for _, relation, _ in triples(extractor, text))

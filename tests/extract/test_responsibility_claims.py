"""Accusations told as a statement of responsibility (extract/responsibility_claims.py), on invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from extract.responsibility_claims import holds_responsible
from extract.responsibility_words import ResponsibilityWordsError, load_responsibility_words
from tests.extract.extracting import runner, triples

run = runner("responsibility-test", "2024-02-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Latvia said Belarus was responsible for the explosion at the border post.",
         ("country:LVA", "ACCUSE", "country:BLR")),
        ("Manila said Beijing was behind the ramming of a Philippine supply boat.",
         ("country:PHL", "ACCUSE", "country:CHN")),
        ("Armenia's foreign ministry said Azerbaijan was to blame for the killing of three soldiers.",
         ("country:ARM", "ACCUSE", "country:AZE")),
        ("Tbilisi said Moscow was behind the protests and the bombing of the pipeline.",  # a coordinated harm
         ("country:GEO", "ACCUSE", "country:RUS")),
        ("Ottawa said Beijing was involved in the hacking of government servers.",
         ("country:CAN", "ACCUSE", "country:CHN")),
        ("Kyiv said it was clear that Moscow was responsible for the attack on the dam.",
         ("country:UKR", "ACCUSE", "country:RUS")),
    ],
)
def test_a_stated_responsibility_for_a_harm_is_an_accusation(
    extractor: Extractor, text: str, expected: tuple[str, str, str],
) -> None:
    assert expected in triples(run(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "Latvia said Belarus was not responsible for the explosion.",  # negated
        "Latvia said Belarus might be responsible for the explosion.",  # hedged by a modal
        "Latvia said it was unclear whether Belarus was behind the explosion.",  # an open question
        "Latvia said Belarus was responsible for the upkeep of the border road.",  # a duty, not a harm
        "Latvia said Belarus was involved in the negotiations.",  # taking part in no harm
        "Latvia said it was responsible for the explosion.",  # the speaker's own state
        "Latvia denied that Belarus was responsible for the explosion.",  # not a reporting verb of assertion
    ],
)
def test_no_accusation_without_an_unhedged_responsibility_of_another_state_for_a_harm(
    extractor: Extractor, text: str,
) -> None:
    assert not any(s == "country:LVA" and r == "ACCUSE" for s, r, _ in triples(run(extractor, text)))


def test_the_predicate_must_name_a_harm(extractor: Extractor) -> None:
    words = extractor.knowledge.ontology.responsibility
    doc = extractor.nlp("Chile said Peru was responsible for the bombing and Peru was responsible for the census.")
    copulas = [t for t in doc if t.lemma_ == "be"]
    assert [holds_responsible(t, words) for t in copulas] == [True, False]


def test_a_missing_word_list_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "responsibility.toml"
    path.write_text('responsible_adjectives = ["responsible"]\n', encoding="utf-8")
    with pytest.raises(ResponsibilityWordsError, match=r"responsibility\.toml"):
        load_responsibility_words(path)

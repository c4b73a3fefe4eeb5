"""Agreements on a view are no agreements to act (extract/agreement_content.py; sentences written here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.agreement_content import AgreementWordsError, load_agreement_words
from extract.gazetteer import DATA_DIR
from extract.pipeline import Extractor
from graph.model import DropReason, Extraction
from tests.extract.extracting import runner

run = runner("test", "2019-05-14")


def agreements(extraction: Extraction) -> set[tuple[str, str]]:
    return {(e.subject.id, e.object.id) for e in extraction.events if e.relation.name == "AGREE"}


def view_drops(extraction: Extraction) -> list[str]:
    return [d.detail for d in extraction.drops if d.reason is DropReason.NOT_AN_EVENT and "(a view)" in d.detail]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("France and Germany agreed on the need for more defence spending.", "agreement on 'need' (a view)"),
        ("Egypt agreed with Sudan on the importance of the Nile waters.", "agreement on 'importance' (a view)"),
        ("Brazil and Chile agreed on the danger posed by organised crime.", "agreement on 'danger' (a view)"),
        ("Japan and Australia agreed that the situation in the South China Sea was worrying.",
         "agreement that <a statement> (a view)"),
        ("Russia and China agreed that the West was to blame for the crisis.", "agreement that <a statement> (a view)"),
        ("The foreign ministers of Peru and Bolivia agreed that trade had grown.",
         "agreement that <a statement> (a view)"),
    ],
)
def test_an_agreement_on_a_view_is_no_event(extractor: Extractor, text: str, detail: str) -> None:
    result = run(extractor, text)
    assert agreements(result) == set()
    assert view_drops(result) == [detail]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Canada and Mexico agreed to hold talks on migration.", ("country:CAN", "country:MEX")),
        ("Britain and Ireland agreed to cooperate on border security.", ("country:GBR", "country:IRL")),
        ("Spain and Portugal agreed on a ceasefire plan for the region.", ("country:ESP", "country:PRT")),
        ("Kenya and Uganda agreed that they would meet again in March.", ("country:KEN", "country:UGA")),
        ("Turkey agreed with Russia on a prisoner exchange.", ("country:TUR", "country:RUS")),
        ("Poland and Lithuania agreed a new gas deal.", ("country:POL", "country:LTU")),
        ("India agreed with Japan that the sea lanes must remain open.", ("country:IND", "country:JPN")),
    ],
)
def test_an_agreement_to_act_stays(extractor: Extractor, text: str, pair: tuple[str, str]) -> None:
    result = run(extractor, text)
    assert pair in agreements(result)
    assert view_drops(result) == []


def test_the_word_classes_load_and_bad_ones_name_the_file(tmp_path: Path) -> None:
    words = load_agreement_words(DATA_DIR / "agreement.toml")
    assert "need" in words.assessment_nouns and "would" in words.action_auxiliaries
    broken = tmp_path / "agreement.toml"
    broken.write_text('agreeing_verbs = ["agree"]\nassessment_nouns = []\n', encoding="utf-8")
    with pytest.raises(AgreementWordsError, match=r"agreement\.toml: assessment_nouns"):
        load_agreement_words(broken)

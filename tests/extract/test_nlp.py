"""The English pipeline and its verb-lemma corrections (sentences written here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from extract.nlp import LEMMA_CORRECTIONS, LemmaCorrectionsError, load_model, read_lemma_corrections
from extract.pipeline import Extractor
from graph.model import Article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def lemmas(nlp: Language, text: str) -> dict[str, str]:
    return {token.lower_: token.lemma_ for token in nlp(text)}


def test_hope_and_spare_keep_their_lemma(nlp: Language) -> None:
    found = lemmas(nlp, "Egypt hopes to talk, hoped for calm and is hoping for peace; the strike spared the town.")
    assert (found["hopes"], found["hoped"], found["hoping"], found["spared"]) == ("hope", "hope", "hope", "spare")


def test_stage_keeps_its_lemma(nlp: Language) -> None:
    found = lemmas(nlp, "Farmers staged a protest; unions are staging strikes and the party stages rallies.")
    assert (found["staged"], found["staging"], found["stages"]) == ("stage", "stage", "stage")


def test_the_verbs_they_were_mistaken_for_keep_theirs(nlp: Language) -> None:
    found = lemmas(nlp, "The two armies sparred along the border as soldiers hopped across the river.")
    assert (found["sparred"], found["hopped"]) == ("spar", "hop")


def test_an_act_someone_hopes_for_is_an_intention(extractor: Extractor) -> None:
    result = extractor.extract(Article("test", "Egypt hopes to sign a trade deal with Jordan.", None, "2019-05-14"))
    assert {(e.relation.name, e.object.id, e.modality.value) for e in result.events} == {
        ("SIGN_AGREEMENT", "country:JOR", "intended"),
    }


def test_the_corrections_load_and_a_bad_file_is_named(tmp_path: Path) -> None:
    assert read_lemma_corrections(LEMMA_CORRECTIONS)["hopes"] == "hope"
    broken = tmp_path / "lemma_corrections.toml"
    broken.write_text('[verbs]\nhopes = 3\n', encoding="utf-8")
    with pytest.raises(LemmaCorrectionsError, match=r"lemma_corrections\.toml: \[verbs\]"):
        read_lemma_corrections(broken)

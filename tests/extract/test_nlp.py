"""The English pipeline, its verb-lemma corrections and its infinitive-complement repair (sentences
written here)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from extract.nlp import (
    LEMMA_CORRECTIONS,
    MODEL_NAMES,
    InfinitiveComplementsError,
    LemmaCorrectionsError,
    load_model,
    read_complement_verbs,
    read_lemma_corrections,
)
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


# -- infinitive complements (infinitive_complements.toml) ------------------------------------------------
@pytest.fixture(scope="module")
def plain_nlp() -> Language:
    """The model without the repair: the parse the repair starts from."""
    return spacy.load(MODEL_NAMES[0]) if spacy.util.is_package(MODEL_NAMES[0]) else spacy.load(MODEL_NAMES[1])


def dep_of(nlp: Language, text: str, word: str) -> str:
    (token,) = [t for t in nlp(text) if t.lower_ == word]
    return token.dep_


@pytest.mark.parametrize("text, word", [
    ("Tehran refused on Sunday to free two American hikers.", "free"),  # subject control, no object
    ("Sarkozy appealed to FARC rebels on Wednesday to free Ingrid Betancourt.", "free"),  # object control
])
def test_an_infinitive_misparsed_as_a_purpose_clause_becomes_the_complement(
        nlp: Language, plain_nlp: Language, text: str, word: str) -> None:
    assert dep_of(plain_nlp, text, word) == "advcl", "the model's parse this repair exists for"
    assert dep_of(nlp, text, word) == "xcomp"


@pytest.mark.parametrize("text, word", [
    ("France called Germany's chancellor on Tuesday to discuss the budget.", "discuss"),  # "call" alone: a phone call
    ("Japan sent a delegation to Beijing on Monday to discuss trade.", "discuss"),  # "send" takes no infinitive
])
def test_a_purpose_clause_stays_one(nlp: Language, plain_nlp: Language, text: str, word: str) -> None:
    assert dep_of(nlp, text, word) == dep_of(plain_nlp, text, word) == "advcl"


def test_a_refusal_across_an_adverbial_negates_the_act(extractor: Extractor) -> None:
    result = extractor.extract(Article("test", "Tehran refused on Sunday to free two American hikers.", None,
                                       "2010-08-01"))
    assert [(e.relation.name, e.polarity.value) for e in result.events] == [("RELEASE", "negated")]


def test_an_appeal_across_an_adverbial_asks_the_act_of_its_addressee(extractor: Extractor) -> None:
    text = "Sarkozy appealed to FARC rebels on Wednesday to free Ingrid Betancourt."
    result = extractor.extract(Article("test", text, None, "2008-03-01"))
    assert "RELEASE" not in {e.relation.name for e in result.events if e.subject.id == "person:nicolas-sarkozy"}


@pytest.mark.parametrize("text, key", [
    ('object_control = ["urge"]\n', "subject_control"),
    ('subject_control = ["agree"]\nobject_control = []\n', "object_control"),
    ('subject_control = ["agree", 3]\nobject_control = ["urge"]\n', "subject_control"),
])
def test_a_malformed_complement_list_is_named_with_its_file(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "infinitive_complements.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InfinitiveComplementsError, match=rf"infinitive_complements\.toml: {key}"):
        read_complement_verbs(path)

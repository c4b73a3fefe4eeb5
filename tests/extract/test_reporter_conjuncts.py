"""A speech act coordinated after a reported clause is the reporter's act (extract/reporter_conjuncts.py):
"X said S was P and urged Y" - X urged Y, asserted, not reported. Invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from extract.reporter_conjuncts import ReporterActsError, load_reporter_acts, reporting_verb_of_conjunct
from tests.extract.extracting import runner

run = runner("reporter-conjuncts-test", "2024-05-02")


def events_of(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    return {(e.subject.id, e.relation.name, e.object.id, e.modality.value) for e in run(extractor, text).events}


@pytest.mark.parametrize("text, expected", [
    # a copula in the reported clause
    ("Kenya said Uganda's decision was regrettable and urged Kampala to reconsider.",
     ("country:KEN", "APPEAL", "country:UGA")),
    # a progressive auxiliary
    ("Peru said the Chilean consulate was hiding two fugitives and demanded that Chile hand them over.",
     ("country:PER", "DEMAND", "country:CHL")),
    # a modal auxiliary
    ("Norway said the new rules would hurt fishermen and urged Russia to withdraw them.",
     ("country:NOR", "APPEAL", "country:RUS")),
    # a passive with a perfect
    ("Ghana said the attack had been planned for weeks and accused Togo of harbouring the gunmen.",
     ("country:GHA", "ACCUSE", "country:TGO")),
])
def test_the_conjoined_speech_act_is_the_reporters_and_asserted(extractor: Extractor, text: str,
                                                               expected: tuple[str, str, str]) -> None:
    assert (*expected, "asserted") in events_of(extractor, text), events_of(extractor, text)


@pytest.mark.parametrize("text", [
    # the reported clause's verb in the plain simple past: its subject may well be the actor
    "Egypt said the Libyan rebels seized the port and demanded a ransom from Malta.",
    # a speech act in the reported clause: the conjunct continues that clause
    "Spain said Morocco had accused Algeria of meddling and demanded an apology from it.",
])
def test_other_coordinations_keep_the_reported_clauses_subject(extractor: Extractor, text: str) -> None:
    subjects = {s for s, _, _, _ in events_of(extractor, text)}
    assert "country:EGY" not in subjects and "country:ESP" not in subjects, events_of(extractor, text)


def test_only_coordinated_speech_acts_after_a_reporting_verb_are_read(extractor: Extractor) -> None:
    acts = extractor.knowledge.reporter_acts
    reporting = extractor.knowledge.ontology.speech_acts.censure.reporting_verbs
    doc = extractor.nlp("Chile said the vote was unfair and urged Bolivia to recount it.")
    urged = next(t for t in doc if t.lower_ == "urged")
    assert reporting_verb_of_conjunct(urged, acts, reporting) is not None
    assert reporting_verb_of_conjunct(urged, acts, frozenset()) is None  # no reporting verb known
    assert reporting_verb_of_conjunct(urged, frozenset({"accuse"}), reporting) is None  # not a listed act
    negated = extractor.nlp("Chile did not say the vote was unfair and urged Bolivia to recount it.")
    urged = next(t for t in negated if t.lower_ == "urged")
    assert reporting_verb_of_conjunct(urged, acts, reporting) is None


def test_a_malformed_acts_file_is_an_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "reporter_acts.toml"
    bad.write_text("acts = []\n", encoding="utf-8")
    with pytest.raises(ReporterActsError, match=r"reporter_acts\.toml"):
        load_reporter_acts(bad)
    with pytest.raises(ReporterActsError, match=r"missing\.toml"):
        load_reporter_acts(tmp_path / "missing.toml")

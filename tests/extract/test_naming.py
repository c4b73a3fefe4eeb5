"""Naming verbs coded by their predicate's valence when the verb dictionary codes no judgement
(extract/naming.py, extract/evaluative.py; sentences written here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Token

from extract.evaluative import (
    CLEAR_VALENCE,
    EvaluativeWords,
    EvaluativeWordsError,
    Judgement,
    load_evaluative_words,
    predicate_judgement,
)
from extract.naming import predicate_complement
from extract.ontology import DATA_DIR
from extract.pipeline import Extractor
from graph.model import Extraction
from tests.extract.extracting import bare_statements, runner

run = runner("test", "2024-03-05")


#: What an unclear judgement comes to: a public statement with no content (CAMEO 010), which is no
#: event by itself (extract/bare_statements.py).
STATEMENT = None


def coded(extraction: Extraction) -> set[tuple[str, str, str, str]]:
    """(subject, relation, finer code or the relation's own, object)."""
    return {(e.subject.id, e.relation.name, dict(e.attributes).get("cameo", e.relation.cameo), e.object.id)
            for e in extraction.events}


def assert_coded(extraction: Extraction, expected: tuple[str, str, str, str] | None) -> None:
    """The one triple expected, or for ``STATEMENT`` none and the naming dropped as no event."""
    if expected is STATEMENT:
        assert not extraction.events, coded(extraction)
        assert bare_statements(extraction), extraction.drops
    else:
        assert coded(extraction) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # clearly negative words in the predicate (head or modifier): criticize or denounce
        ("Erdogan labelled Israel a terrorist state.",
         ("person:recep-tayyip-erdogan", "CRITICIZE", "111", "country:ISR")),
        ("Macron described Orban as a dangerous populist.",
         ("person:emmanuel-macron", "CRITICIZE", "111", "person:viktor-orban")),
        ("Turkey labelled Greece a reckless aggressor.", ("country:TUR", "CRITICIZE", "111", "country:GRC")),
        ("China called the Australian report ridiculous.", ("country:CHN", "CRITICIZE", "111", "country:AUS")),
        ("Serbia called the Croatian minister a brutal and dishonest man.",
         ("country:SRB", "CRITICIZE", "111", "country:HRV")),
        # clearly positive: praise or endorse
        ("Modi called Japan a trusted friend.", ("person:narendra-modi", "PRAISE", "051", "country:JPN")),
        ("Greece described Cyprus as a loyal friend.", ("country:GRC", "PRAISE", "051", "country:CYP")),
        ("Italy called the Tunisian election a great success.", ("country:ITA", "PRAISE", "051", "country:TUN")),
        # weak or unrated words ("important" 0.8, "critical" -1.3, "joke" 1.2): a public statement
        ("Spain called Morocco an important neighbour.", STATEMENT),
        ("Turkey called the situation in Syria critical.", STATEMENT),
        ("Chile called the Argentine plan a joke.", STATEMENT),
        # a complement of "of", "to", "for" judges alone after an unrated head ...
        ("Iran called Israel a sponsor of terrorism.", ("country:IRN", "CRITICIZE", "111", "country:ISR")),
        ("Kenya called Somalia a haven for terrorists.", ("country:KEN", "CRITICIZE", "111", "country:SOM")),
        # ... a merit related to a merit is one, a relation across sides a fault ...
        ("Norway called Sweden a champion of freedom.", ("country:NOR", "PRAISE", "051", "country:SWE")),
        ("France called Italy a friend of terrorists.", ("country:FRA", "CRITICIZE", "111", "country:ITA")),
        ("Russia called Ukraine a threat to peace.", ("country:RUS", "CRITICIZE", "111", "country:UKR")),
        # ... and a weakly rated head ("victim" -1.1) leaves it unclear
        ("France called Mali a victim of terrorism.", STATEMENT),
        # another preposition may oppose what it relates: unclear
        ("Chile called Peru a bulwark against terrorism.", STATEMENT),
    ],
)
def test_a_predicate_the_dictionary_does_not_code_is_coded_by_its_valence(
    extractor: Extractor, text: str, expected: tuple[str, str, str, str] | None
) -> None:
    assert_coded(run(extractor, text), expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # denying a merit is a criticism
        ("Peru described Bolivia as no friend.", ("country:PER", "CRITICIZE", "111", "country:BOL")),
        # denying a fault praises no one
        ("India described Pakistan as no threat.", STATEMENT),
        # the dictionary's "call ... liar" (111) codes the predicate asserted, not denied
        ("Chile called the Bolivian president no liar.", STATEMENT),
    ],
)
def test_negation_inside_the_predicate(
    extractor: Extractor, text: str, expected: tuple[str, str, str, str] | None
) -> None:
    assert_coded(run(extractor, text), expected)


def test_the_dictionary_still_wins_over_the_valence(extractor: Extractor) -> None:
    # "call ... partner" is 013 in the dictionary (an optimistic comment), though "valued" is positive
    assert coded(run(extractor, "Chile called Peru a valued partner.")) == {
        ("country:CHL", "COMMENT_ON", "013", "country:PER")}


@pytest.mark.parametrize("text", ["Biden called Xi a dictator.", "Biden called Xi Jinping a dictator."])
def test_an_object_the_parser_folds_into_the_predicate_is_recovered(extractor: Extractor, text: str) -> None:
    # the parser hangs "Xi" on "dictator" (before its determiner), or "a dictator" on "Xi Jinping"
    # as an apposition without a comma; the dictionary's "call ... dictator" is 111
    assert coded(run(extractor, text)) == {("person:joe-biden", "CRITICIZE", "111", "person:xi-jinping")}


def test_an_object_s_predicate_the_parser_misreads_is_still_a_predicate(extractor: Extractor) -> None:
    # "a grave mistake" hung on the object as an apposition with no comma; "unfounded" tagged a
    # past form on the object-predicate arc: a judgement either way, never a phone call
    assert coded(run(extractor, "China called Japan's decision a grave mistake.")) == {
        ("country:CHN", "CRITICIZE", "111", "country:JPN")}
    assert not coded(run(extractor, "Russia called the U.S. sanctions unfounded."))
    # a second object hung on the first as its direct object (a noun takes none): the predicate
    assert coded(run(extractor, "Maduro called the Colombian pressure an insult to Venezuela.")) == {
        ("person:nicolas-maduro", "CRITICIZE", "111", "country:COL")}


def test_an_adjective_after_the_object_is_its_predicate(extractor: Extractor) -> None:
    # English puts an attributive adjective before its noun: one after the object, hung on it as
    # a modifier or stranded in a noun's place at the end of its phrase, is the object's predicate
    for text, adjective in (("Kenya called Uganda's move regrettable on Tuesday.", "regrettable"),
                            ("Rwanda called Burundi's decision to close the border unfortunate.", "unfortunate")):
        verb = next(t for t in extractor.nlp(text) if t.lemma_ == "call")
        found = predicate_complement(verb)
        assert found is not None and found.predicate.text == adjective
        assert {e.relation.name for e in run(extractor, text).events} == {"CRITICIZE"}
    # an adjective before the object is its own modifier: a phone call still
    assert {e.relation.name for e in run(extractor, "Kenya called the Ugandan president on Tuesday.").events} == {
        "PHONE"}


def test_an_apposition_set_off_by_commas_is_no_predicate(extractor: Extractor) -> None:
    doc = extractor.nlp("Biden praised Xi, a former rival, on Monday.")
    verb = next(t for t in doc if t.lemma_ == "praise")
    assert predicate_complement(verb) is None


# -- the judgement on a parse, with a made-up lexicon -----------------------------------------
def predicate_of(extractor: Extractor, text: str) -> Token:
    doc = extractor.nlp(text)
    found = predicate_complement(next(t for t in doc if t.lemma_ == "call"))
    assert found is not None, text
    return found.predicate


NEGATORS = frozenset({"not", "no", "never"})


@pytest.mark.parametrize(
    ("valences", "expected"),
    [
        ({"bold": -CLEAR_VALENCE}, Judgement.NEGATIVE),  # the threshold itself counts
        ({"bold": -CLEAR_VALENCE + 0.1}, Judgement.UNCLEAR),
        ({"leader": CLEAR_VALENCE}, Judgement.POSITIVE),  # the head counts as well as its modifier
        ({"bold": -2.0, "leader": 2.0}, Judgement.UNCLEAR),  # both sides: unclear
        ({}, Judgement.UNCLEAR),
    ],
)
def test_a_word_counts_from_the_threshold_and_both_sides_are_unclear(
    extractor: Extractor, valences: dict[str, float], expected: Judgement
) -> None:
    predicate = predicate_of(extractor, "Chile called Peru a bold leader.")
    assert predicate_judgement(predicate, EvaluativeWords(valences), NEGATORS) is expected


@pytest.mark.parametrize(
    ("valences", "expected"),
    [
        ({"bold": 2.0, "peace": 2.0}, Judgement.POSITIVE),  # a merit related to a merit
        ({"bold": 2.0, "peace": -2.0}, Judgement.NEGATIVE),  # across sides: a fault
        ({"bold": -2.0, "peace": 2.0}, Judgement.NEGATIVE),
        ({"bold": -2.0, "peace": -2.0}, Judgement.UNCLEAR),  # two faults may cancel
        ({"peace": -2.0}, Judgement.NEGATIVE),  # an unrated head: the complement alone
        ({"leader": 1.0, "peace": -2.0}, Judgement.UNCLEAR),  # a weakly rated head
    ],
)
def test_a_relating_complement_composes_with_the_head(
    extractor: Extractor, valences: dict[str, float], expected: Judgement
) -> None:
    predicate = predicate_of(extractor, "Chile called Peru a bold leader of peace.")
    assert predicate_judgement(predicate, EvaluativeWords(valences), NEGATORS) is expected


def test_a_negated_merit_is_a_fault_and_a_negated_fault_is_unclear(extractor: Extractor) -> None:
    predicate = predicate_of(extractor, "Chile called Peru no bold leader.")
    assert predicate_judgement(predicate, EvaluativeWords({"bold": 2.0}), NEGATORS) is Judgement.NEGATIVE
    assert predicate_judgement(predicate, EvaluativeWords({"bold": -2.0}), NEGATORS) is Judgement.UNCLEAR


def test_words_are_read_as_written_else_as_lemma(extractor: Extractor) -> None:
    predicate = predicate_of(extractor, "Chile called the Peruvian envoys old friends.")
    assert predicate_judgement(predicate, EvaluativeWords({"friend": 2.0}), NEGATORS) is Judgement.POSITIVE


# -- the data file ----------------------------------------------------------------------------
def test_the_shipped_words_load_with_valences_on_vaders_scale() -> None:
    words = load_evaluative_words(DATA_DIR / "evaluative_words.tsv")
    assert len(words.valences) > 7000
    assert words.valences["terrorist"] < -CLEAR_VALENCE < CLEAR_VALENCE < words.valences["friend"]
    assert all(-4.0 <= value <= 4.0 for value in words.valences.values())
    assert (DATA_DIR / "LICENSE-VADER.txt").is_file()


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("word\tvalence\nfriend\t2.2\nfoe\n", 3),
        ("word\tvalence\nfoe\tbad\n", 2),
        ("word\tvalence\nfoe\t-9.0\n", 2),
        ("word\tscore\n", 1),
    ],
)
def test_a_malformed_row_is_an_error_naming_file_and_line(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "evaluative_words.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EvaluativeWordsError, match=rf"evaluative_words\.tsv:{line}: "):
        load_evaluative_words(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya denounced what it called Somalia's interference.", ("country:KEN", "CRITICIZE", "country:SOM")),
        ("Chile condemned what it described as Peruvian provocations.", ("country:CHL", "CRITICIZE", "country:PER")),
        ("Ghana rejected what Accra termed Togo's unfounded claims.", ("country:GHA", "REJECT", "country:TGO")),
    ],
)
def test_a_free_relative_of_naming_as_object_stands_for_what_it_names(
    extractor: Extractor, text: str, expected: tuple[str, str, str],
) -> None:
    events = run(extractor, text).events
    assert expected in {(e.subject.id, e.relation.name, e.object.id) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker inside the free relative is no target: what was struck is the said predicate
        ("Indian warplanes struck what New Delhi said was a militant camp inside Pakistan.",
         ("group:ind-mil", "ATTACK", "country:PAK")),
        ("Russia condemned what it said was an attack by Ukraine on its embassy.",
         ("country:RUS", "CRITICIZE", "country:UKR")),
    ],
)
def test_a_free_relative_of_saying_as_object_stands_for_the_said_predicate(
    extractor: Extractor, text: str, expected: tuple[str, str, str],
) -> None:
    events = run(extractor, text).events
    assert {(e.subject.id, e.relation.name, e.object.id) for e in events} == {expected}

"""Epithets of states and organisations ("the kingdom", "the Gulf state", "the Islamic Republic",
"the alliance", "the council"), plural nouns of mutual relation ("the neighbours") and a third
party's act on one of a pair (extract/epithets.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from extract.epithets import (
    ActDyad,
    EpithetsError,
    as_organisation_holders,
    is_mutual_pair,
    is_proper_epithet,
    load_epithets,
    organisation_members,
    state_members,
    without_third_party_acts,
    words_before,
)
from extract.pipeline import Extractor
from graph.model import Actor, ActorType, Article, DropReason, Extraction
from tests.extract.extracting import pairs_of, state_actor

DATE = "2024-05-02"


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article("epithets-test", text, None, DATE))


# -- the data file ----------------------------------------------------------------------------
def test_a_malformed_file_raises_a_one_line_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    with pytest.raises(EpithetsError, match=r"missing\.toml"):
        load_epithets(missing)
    unnamed = tmp_path / "unnamed.toml"
    unnamed.write_text('named_organisation_heads = []\nmutual_pair_nouns = []\n[members]\nx = ["FRA"]\n'
                       '[[state]]\nheads = ["kingdom"]\nmembers = "kingdoms"\n')
    with pytest.raises(EpithetsError, match=r"unnamed\.toml: state entry 1 must name a list of \[members\]"):
        load_epithets(unnamed)
    empty = tmp_path / "empty.toml"
    empty.write_text('named_organisation_heads = []\nmutual_pair_nouns = []\n[members]\nx = ["FRA"]\n'
                     '[[state]]\nmembers = "x"\n')
    with pytest.raises(EpithetsError, match="needs heads or modifiers"):
        load_epithets(empty)


def test_the_shipped_lists_hold_what_their_header_says(extractor: Extractor) -> None:
    epithets = extractor.knowledge.epithets
    gulf = next(e for e in epithets.states if "gulf" in e.modifiers)
    assert gulf.members == {"SAU", "ARE", "QAT", "KWT", "BHR", "OMN"}
    soviet = next(e for e in epithets.states if "soviet" in e.modifiers)
    assert len(soviet.members) == 14 and "RUS" not in soviet.members
    alliance = next(e for e in epithets.organisations if "alliance" in e.heads)
    assert alliance.members == {"org:nato", "org:csto"}
    organisations = {f"org:{key}" for key in extractor.knowledge.gazetteer.organizations}
    assert all(e.members <= organisations for e in epithets.organisations)  # every id is a known organisation


def test_the_word_sets_are_built_once_and_hold_every_epithets_words(extractor: Extractor) -> None:
    epithets = extractor.knowledge.epithets
    heads = epithets.proper_heads
    assert heads is epithets.proper_heads  # built once, not at every capitalised noun
    assert heads == {h for e in epithets.states if e.modifiers for h in e.heads} and "republic" in heads
    modifiers = epithets.modifier_words
    assert modifiers is epithets.modifier_words
    assert modifiers == {w for e in epithets.states for w in e.modifiers} and {"gulf", "soviet"} <= modifiers
    republic = next(t for t in extractor.nlp("Officials of the Islamic Republic met in Doha.") if t.text == "Republic")
    assert is_proper_epithet(republic, epithets)


# -- the pure parts ---------------------------------------------------------------------------
def test_a_description_allows_the_states_its_words_carry(extractor: Extractor) -> None:
    epithets = extractor.knowledge.epithets
    doc = extractor.nlp("The Himalayan kingdom spoke. The oil-rich state spoke. The country spoke. "
                        "The Gulf state spoke. The island nation spoke.")
    heads = [t for t in doc if t.lower_ in ("kingdom", "state", "country", "nation")]
    kingdom, oil, plain, gulf, island = (state_members(t, epithets) for t in heads)
    assert kingdom == {"BTN"}  # the kingdoms that are Himalayan
    assert oil is not None and {"KWT", "NOR", "LBY"} <= oil and "DEU" not in oil
    assert plain is None  # "the country" carries no property
    assert gulf is not None and "EGY" not in gulf and "QAT" in gulf
    assert island is not None and {"LKA", "CUB", "JPN"} <= island and "AUS" not in island
    assert words_before(heads[1]) == {"the", "oil-rich"}


def test_an_organisation_noun_read_from_names_allows_the_organisations_so_named(extractor: Extractor) -> None:
    epithets = extractor.knowledge.epithets
    names = extractor.knowledge.organisation_names
    doc = extractor.nlp("The council met. The court ruled. The bloc voted. The group spoke.")
    council, court, bloc, group = (organisation_members(t, epithets, names) for t in doc if t.dep_ == "nsubj")
    assert council is not None and {"org:un-security-council", "org:gcc"} <= council and "org:nato" not in council
    assert court is not None and {"org:icj", "org:icc"} <= court and "org:un" not in court
    assert bloc is not None and "org:eu" in bloc and "org:nato" not in bloc
    assert group is None


def test_a_capitalised_head_is_an_epithet_only_with_its_modifier(extractor: Extractor) -> None:
    epithets = extractor.knowledge.epithets
    doc = extractor.nlp("The Islamic Republic rejected the offer. The Republic rejected the offer.")
    republics = [t for t in doc if t.text == "Republic"]
    assert [is_proper_epithet(t, epithets) for t in republics] == [True, False]


def test_a_mutual_pair_is_a_plural_relation_noun_with_the_alone(extractor: Extractor) -> None:
    """The reading as an analyst would configure it (the shipped list is empty, see epithets.toml)."""
    epithets = replace(extractor.knowledge.epithets, mutual_pair_nouns=frozenset({"neighbour", "rival"}))
    doc = extractor.nlp("The neighbours met. Its neighbours met. The two rivals met. The allies met. "
                        "The rivals met.")
    found = [(t.text, is_mutual_pair(t, epithets)) for t in doc if t.tag_ == "NNS"]
    assert found == [("neighbours", True), ("neighbours", False), ("rivals", False), ("allies", False),
                     ("rivals", True)]


def test_a_third_partys_act_on_one_of_a_pair_is_left_out() -> None:
    arm, aze, rus, tur = state_actor("ARM"), state_actor("AZE"), state_actor("RUS"), state_actor("TUR")
    talks = (arm, aze)  # "Armenia and Azerbaijan held talks": two conjuncts
    urged = ActDyad(rus, aze)  # "Russia urged Azerbaijan": a third party acts on one of them
    assert without_third_party_acts([urged, talks]) == [talks]
    pact = (tur, aze)  # "Turkey and Azerbaijan signed a pact": an event between two parties, kept
    assert without_third_party_acts([pact, talks]) == [pact, talks]
    accused = ActDyad(arm, aze)  # the pair itself acting: kept
    assert without_third_party_acts([accused, urged, talks]) == [accused, talks]
    assert without_third_party_acts([urged]) == [urged]  # no pair before it: it is the pair


# -- through the extractor --------------------------------------------------------------------
def test_a_property_picks_the_antecedent_that_has_it(extractor: Extractor) -> None:
    found = run(extractor, "France and Saudi Arabia held talks on Monday. The kingdom later condemned Iran.")
    assert ("country:SAU", "country:IRN") in pairs_of(found, "CRITICIZE")
    assert not any(e.subject.id == "country:FRA" and e.object.id == "country:IRN" for e in found.events)


def test_a_baltic_or_nordic_state_is_one_of_its_region(extractor: Extractor) -> None:
    baltic = run(extractor, "Russia expelled two Estonian diplomats on Monday. China criticised the Baltic country's "
                            "decision.")
    assert ("country:CHN", "country:EST") in pairs_of(baltic, "CRITICIZE")
    nordic = run(extractor, "Turkey and Finland held talks on Monday. The Nordic country later condemned Russia.")
    assert ("country:FIN", "country:RUS") in pairs_of(nordic, "CRITICIZE")


def test_a_property_no_antecedent_has_drops_countably(extractor: Extractor) -> None:
    found = run(extractor, "France and Egypt held talks on Monday. The kingdom later condemned Israel.")
    assert not any(e.object.id == "country:ISR" for e in found.events)
    assert any(d.reason is DropReason.UNRESOLVED_REFERENCE for d in found.drops)


def test_two_antecedents_with_the_property_leave_it_unresolved(extractor: Extractor) -> None:
    found = run(extractor, "Saudi Arabia and Jordan held talks on Monday. The kingdom later condemned Israel.")
    assert not any(e.object.id == "country:ISR" for e in found.events)
    assert any(d.reason is DropReason.UNRESOLVED_REFERENCE for d in found.drops)


def test_an_alliance_is_not_the_latest_organisation_of_any_kind(extractor: Extractor) -> None:
    found = run(extractor, "The European Union and NATO held a joint meeting on Monday. "
                           "The alliance later accused Russia of sabotage.")
    assert ("org:nato", "country:RUS") in pairs_of(found, "ACCUSE")
    assert ("org:eu", "country:RUS") not in pairs_of(found, "ACCUSE")


def test_another_phrase_with_the_same_noun_leaves_it_unresolved(extractor: Extractor) -> None:
    found = run(extractor, "Iran and the IAEA held talks on Monday. Russia's Tass news agency reported the "
                           "talks. The agency later criticised Iran over its enrichment.")
    assert ("org:iaea", "country:IRN") not in pairs_of(found, "CRITICIZE")


def test_the_two_sides_are_not_a_third_party_and_one_of_them(extractor: Extractor) -> None:
    found = run(extractor, "Armenia and Azerbaijan held talks in Moscow on Monday. Russia urged Azerbaijan to "
                           "withdraw its troops. The two sides later accused each other of violating the truce.")
    accusations = pairs_of(found, "ACCUSE")
    assert {("country:ARM", "country:AZE"), ("country:AZE", "country:ARM")} <= accusations
    assert ("country:RUS", "country:AZE") not in accusations


def test_the_shipped_data_reads_no_plural_relation_noun_as_a_pair(extractor: Extractor) -> None:
    """Measured on the blind sets, "the rivals"/"the neighbours" as the pair under discussion gave
    only wrong triples, so the shipped list is empty and the sentence gives no pair of its own."""
    assert extractor.knowledge.epithets.mutual_pair_nouns == frozenset()
    found = run(extractor, "Kenya and Somalia resumed talks on Monday. "
                           "The neighbours had accused each other of border violations.")
    assert not pairs_of(found, "ACCUSE")


def test_an_organisations_office_holder_stands_for_it(extractor: Extractor) -> None:
    found = run(extractor, "NATO Secretary-General Jens Stoltenberg met the Polish president on Monday. "
                           "He said the alliance would defend Poland.")
    assert ("org:nato", "country:POL") in pairs_of(found, "SUPPORT")
    holder = Actor("person:jens-stoltenberg", "Jens Stoltenberg", ActorType.PERSON, title="nato secretary general")
    nato = Actor("org:nato", "NATO", ActorType.ORGANIZATION)
    other = state_actor("POL")
    office = {holder.id: nato}
    assert list(as_organisation_holders([other, holder], lambda a: office.get(a.id))) == [other, nato]

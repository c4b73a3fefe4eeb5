"""Gazetteer names found in a block (extract/gazetteer_matches.py), with the real gazetteer and
parses; sentences invented for these tests."""

from __future__ import annotations

from extract.block_index import BlockTokens, index_arcs
from extract.gazetteer import Surface, SurfaceKind, index_spellings
from extract.gazetteer_matches import GazetteerMatcher, _may_open_caseless_name
from extract.person_registry import PersonRegistry
from extract.pipeline import Extractor
from extract.unknown_actors import UnknownActors
from graph.model import Article


def matcher(extractor: Extractor) -> GazetteerMatcher:
    return GazetteerMatcher(extractor.knowledge.gazetteer, extractor.index, "2020-06-01",
                            PersonRegistry(UnknownActors()))


def test_states_and_demonyms_are_found_longest_first(extractor: Extractor) -> None:
    doc = extractor.nlp("Chilean diplomats met officials of the United States in Lima.")
    found = [(doc[start:end].text, s.kind, s.key)
             for start, end, s in matcher(extractor).matches(doc, BlockTokens.of(doc))]
    assert ("Chilean", SurfaceKind.DEMONYM, "CHL") in found
    assert ("United States", SurfaceKind.COUNTRY, "USA") in found
    assert ("Lima", SurfaceKind.CAPITAL, "PER") in found
    assert all(text != "States" for text, _, _ in found)  # inside the longer name


def test_a_capital_named_with_its_article_needs_the_article(extractor: Extractor) -> None:
    """"The Valley" is Anguilla's capital; the "Valley" of another valley's name is no capital."""
    doc = extractor.nlp("Troops moved into the Jordan Valley before the minister flew to The Valley.")
    found = [(doc[start:end].text, s.kind, s.key)
             for start, end, s in matcher(extractor).matches(doc, BlockTokens.of(doc))]
    assert [(text, kind) for text, kind, key in found if key == "AIA"] == [("The Valley", SurfaceKind.CAPITAL)]


def test_a_word_read_as_an_adjective_is_a_demonym_or_no_name(extractor: Extractor) -> None:
    """A state's or capital's name is a proper noun: "Male" read as an adjective is no capital, while
    "Thai" read as one is still the demonym."""
    doc = extractor.nlp("Male protesters and Thai officials met in Male on Monday.")
    found = [(doc[start:end].text, start, s.key)
             for start, end, s in matcher(extractor).matches(doc, BlockTokens.of(doc))]
    assert found == [("Thai", 3, "THA"), ("Male", 7, "MDV")]
    thai = extractor.nlp("Thai authorities handed over the suspects to Cambodia.")
    assert thai[0].tag_ == "JJ"
    first_start, _, first = matcher(extractor).matches(thai, BlockTokens.of(thai))[0]
    assert (first_start, first.kind, first.key) == (0, SurfaceKind.DEMONYM, "THA")


def test_a_place_that_ends_a_longer_place_name_is_not_that_place(extractor: Extractor) -> None:
    """"Cabo Delgado" is a province of Mozambique, not the Salvadoran town of Delgado; a word of
    position ("West Darfur") still leaves the place it qualifies."""
    longer = extractor.nlp("The European Union sent aid to Cabo Delgado in northern Mozambique.")
    keys = [s.key for _, _, s in matcher(extractor).matches(longer, BlockTokens.of(longer))]
    assert "SLV" not in keys and "MOZ" in keys
    part = extractor.nlp("Rebels attacked police in West Darfur on Sunday.")
    assert [s.key for _, _, s in matcher(extractor).matches(part, BlockTokens.of(part))] == ["SDN"]  # no "West" region


def test_a_name_written_in_lower_case_is_no_match(extractor: Extractor) -> None:
    doc = extractor.nlp("the ministers agreed to turkey and chile on the menu.")
    assert matcher(extractor).matches(doc, BlockTokens.of(doc)) == []


def test_the_state_inside_an_organisations_name(extractor: Extractor) -> None:
    doc = extractor.nlp("The Free Chile Movement marched.")
    assert matcher(extractor).country_inside(doc, 1, 4) == "CHL"
    assert matcher(extractor).country_inside(doc, 0, 1) is None


def test_a_state_inside_a_person_entity_cut_past_its_possessive_is_the_state(extractor: Extractor) -> None:
    """The recogniser sometimes labels "Sri Lanka's" a person: a PERSON entity that goes past the
    state's name only by words that are no names is a mis-cut, not a longer person's name."""
    text = "Subrahmanyam Jaishankar met Sri Lanka's president on Monday."
    events = extractor.extract(Article("miscut", text, None, "2024-05-02")).events
    # the state's president on that date (the office table knows him), never a person "Sri Lanka"
    assert "person:ranil-wickremesinghe" in {e.object.id for e in events}
    assert not any(e.object.id == "person:sri-lanka" for e in events)


PLAUSIBILITY_TEXTS = (
    "George Washington met Georgia Meloni and President Jordan of Chad in Kharkiv on Monday.",
    "the ministers agreed to turkey and chile on the menu, said Sri Lanka's envoy in Goma.",
    "HAMAS and the Houthis attacked shipping off Yemen; the Quai d'Orsay urged calm in 2024.",
)


def test_plausibility_read_from_the_blocks_words_is_the_same(extractor: Extractor) -> None:
    """``plausible`` reads the block's own words while its arcs are held (a span only where one is
    read): at every run of up to four words, for every kind of name, cased or not, it answers as
    on the plain parse."""
    found = matcher(extractor)
    asked = said_yes = 0
    for text in PLAUSIBILITY_TEXTS:
        plain, indexed = extractor.nlp(text), extractor.nlp(text)
        held = index_arcs(indexed)
        for start in range(len(plain)):
            for end in range(start + 1, min(len(plain), start + 4) + 1):
                for kind in SurfaceKind:
                    for caseless in (False, True):
                        surface = Surface(kind, "GEO", caseless)
                        answer = found.plausible(plain, start, end, surface)
                        assert found.plausible(indexed, start, end, surface) == answer, (text, start, end, surface)
                        asked, said_yes = asked + 1, said_yes + answer
        assert held.words
    assert asked > said_yes > 100


NAME_START_TEXTS = (
    "Mohammed bin Salman met Viktor Orbán and the Houthis in São Paulo; HAMAS and hamas said so.",
    "the ministers agreed to turkey and chile on the menu, said Sri Lanka's envoy in Goma.",
    "UNITED STATES AND CHINA: Xi Jinping told the African Union and the Taliban about Al-Shabaab.",
)


def test_the_words_that_may_begin_a_name_are_those_the_full_test_finds(extractor: Extractor) -> None:
    """``_name_starts`` rules most words out by one look-up of their lower case among the names'
    first words; the words left are those the full test (the word in its case among the cased
    names' first words, or in lower case among the caseless ones' where such a name may open) finds."""
    found, index = matcher(extractor), extractor.index
    starts = 0
    for text in NAME_START_TEXTS:
        tokens = BlockTokens.of(extractor.nlp(text))
        folded, lowered = index_spellings(tokens.texts, extractor.knowledge.gazetteer.name_variants)
        full = [i for i, (word, lower) in enumerate(zip(folded, lowered, strict=True))
                if word in index.longest_from
                or (lower in index.caseless_longest_from and _may_open_caseless_name(tokens.texts[i]))]
        assert found._name_starts(folded, lowered, tokens.texts) == full, text
        starts += len(full)
    assert starts > 15

"""Places, sponsors and sources that word order must not lend as parties (extract/non_party_phrases.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from extract.non_party_phrases import is_attribution_source, is_compound_qualifier, names_no_party
from extract.ontology import load_lexicon
from extract.pipeline import Extractor
from graph.model import Article

LEXICON = load_lexicon()


def token(extractor: Extractor, text: str, word: str) -> Token:
    return next(t for t in extractor.nlp(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The Oslo-based agency urged Ankara to act.", "Oslo", True),
        ("A Nairobi-headquartered bank lent Uganda money.", "Nairobi", True),
        ("Iranian-backed fighters fired rockets.", "Iranian", True),
        ("A Saudi-led coalition struck the port.", "Saudi", False),  # the leader acts
        ("Canberra criticised Jakarta.", "Canberra", False),
        ("The Oslo talks failed.", "Oslo", False),  # no participle
    ],
)
def test_compound_qualifier(extractor: Extractor, text: str, word: str, expected: bool) -> None:
    assert is_compound_qualifier(token(extractor, text, word), LEXICON) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Chile seized a fishing boat, according to Peruvian officials.", "officials", True),
        ("According to the Danish navy, Sweden detained a trawler.", "navy", True),
        ("Chile seized a fishing boat near Peru.", "Peru", False),
        ("Chile sent a note to Peru, according to officials.", "Peru", False),  # the note's addressee
    ],
)
def test_attribution_source(extractor: Extractor, text: str, word: str, expected: bool) -> None:
    assert is_attribution_source(token(extractor, text, word), LEXICON) is expected
    assert names_no_party(token(extractor, text, word), LEXICON) is expected


def pairs(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    events = extractor.extract(Article("non-party", text, None, "2024-05-02")).events
    return {(e.subject.id, e.object.id) for e in events}


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("The Oslo-based monitor accused Sudan of shelling a camp.", ("country:NOR", "country:SDN")),
        ("A Kuwait-funded group condemned Myanmar.", ("country:KWT", "country:MMR")),
        ("Russian-made missiles hit a market in Sudan.", ("country:RUS", "country:SDN")),  # the maker is no doer
        ("Chile seized a fishing boat on Monday, according to the Peruvian navy.", ("country:CHL", "group:per-mil")),
    ],
)
def test_word_order_lends_no_place_sponsor_or_source(
    extractor: Extractor, text: str, forbidden: tuple[str, str],
) -> None:
    assert forbidden not in pairs(extractor, text)


def test_word_order_still_pairs_named_parties(extractor: Extractor) -> None:
    # the rule takes out only the compound's place: the parties the clause names stay
    assert ("country:NOR", "country:SDN") in pairs(extractor, "Norway accused Sudan of shelling a camp.")


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        # a plural noun of relation names other states, not its possessor
        ("Peru's allies criticised Chile on Monday.", ("country:PER", "country:CHL")),
        ("Chile criticised Peru's allies for sending arms.", ("country:CHL", "country:PER")),
        # a people living in a state is not its government
        ("Syria's Kurds appealed to Washington for help.", ("country:SYR", "country:USA")),
    ],
)
def test_a_possessor_of_allies_or_of_a_people_is_no_party(
    extractor: Extractor, text: str, forbidden: tuple[str, str],
) -> None:
    assert forbidden not in pairs(extractor, text)


def test_a_possessor_of_its_own_forces_still_acts(extractor: Extractor) -> None:
    assert ("country:PER", "country:CHL") in pairs(extractor, "Peru's government criticised Chile on Monday.")


def test_an_adjective_names_the_allies_themselves(extractor: Extractor) -> None:
    assert ("country:PER", "region:wst") in pairs(extractor, "Peru urged Western allies to send aid.")

"""The other party of relations broken or restored without naming it (extract/relation_partners.py)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from extract.relation_partners import PARTNER_PAIRING
from tests.extract.extracting import paired_triples, runner

run = runner("partners", "2024-05-02")


def partner_triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(s, r, o) for s, r, o, pairing in paired_triples(run(extractor, text)) if pairing == PARTNER_PAIRING}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Nicaragua expelled the Colombian ambassador on Monday. Colombia broke off diplomatic relations on Tuesday.",
         ("country:COL", "REDUCE_DIPLOMATIC_RELATIONS", "country:NIC")),
        ("Saudi Arabia and Iran held talks in Beijing. Iran restored relations a week later.",
         ("country:IRN", "DIPLOMATIC_COOPERATION", "country:SAU")),
        ("Ecuador and Mexico traded accusations. Ecuador suspended diplomatic ties.",
         ("country:ECU", "REDUCE_DIPLOMATIC_RELATIONS", "country:MEX")),
        # a recall that says not where from is from the state just told dealing with the recaller
        ("Israel expelled the Chilean envoy on Monday. Chile recalled its ambassador on Tuesday.",
         ("country:CHL", "REDUCE_DIPLOMATIC_RELATIONS", "country:ISR")),
        # a reason adjunct names whom the act answers, before anything told earlier
        ("Turkey and Greece held talks. Turkey recalled its ambassador over Israel's strikes on Lebanon.",
         ("country:TUR", "REDUCE_DIPLOMATIC_RELATIONS", "country:ISR")),
        ("Ghana recalled its diplomats because of attacks by Togolese police on its traders.",
         ("country:GHA", "REDUCE_DIPLOMATIC_RELATIONS", "group:tgo-cop")),
    ],
)
def test_bare_relations_take_the_partner_just_told(
    extractor: Extractor, text: str, wanted: tuple[str, str, str],
) -> None:
    assert wanted in partner_triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # two other states in the latest act: either could be meant
        "Peru accused Chile and Bolivia of meddling. Peru suspended ties.",
        # the act that would name the partner is three sentences back
        "Nicaragua expelled the Colombian ambassador. The move came after months of tension. "
        "Colombia's congress met on Monday. Colombia broke off relations on Friday.",
        # relations kept are how things stand, not an act
        "Ecuador and Mexico traded accusations. Ecuador maintains diplomatic ties.",
        # the subject's state took no part in the act told before
        "Israel struck a Hamas camp. Bolivia cut ties in protest.",
        "Chile recalled its ambassador for consultations.",
        # a noun modifier names where the reason happened, not who did it
        "Bolivia recalled its ambassador over the Gaza offensive.",
    ],
)
def test_no_partner_is_guessed(extractor: Extractor, text: str) -> None:
    assert not partner_triples(extractor, text)


def test_a_named_partner_is_the_parse_s(extractor: Extractor) -> None:
    found = paired_triples(run(extractor, "Nicaragua expelled the Colombian ambassador. "
                                          "Colombia broke off relations with Venezuela."))
    assert ("country:COL", "REDUCE_RELATIONS", "country:VEN", "dependency") in found
    assert not any(pairing == PARTNER_PAIRING for *_, pairing in found)

"""Requests and reactions about an act done to someone are aimed at its doer, not its patient
(extract/requested_acts.py; sentences written here)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import DropReason, Extraction
from tests.extract.extracting import runner, triples

ARTICLE_DATE = "2019-05-14"


run = runner("test", ARTICLE_DATE)


def patient_drops(extraction: Extraction) -> list[tuple[str, str]]:
    return [(d.trigger, d.relation) for d in extraction.drops if d.reason is DropReason.PATIENT_OF_REQUESTED_ACT]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the holder named by a clause on the patient
        ("The United States demanded the release of two Canadians detained by China.",
         {("country:USA", "DEMAND", "country:CHN"), ("country:CHN", "ARREST", "group:can-cvl")}),
        ("Canada called for the release of its citizens held in Iranian custody.",
         {("country:CAN", "APPEAL", "country:IRN")}),
        ("Seoul demanded the release of South Korean sailors held by Iran.",
         {("country:KOR", "DEMAND", "country:IRN")}),
        ("Canada demanded the release of two Canadians detained in China.", {("country:CAN", "DEMAND", "country:CHN")}),
        ("France demanded the release of a French tourist whom Iran detained in March.",
         {("country:FRA", "DEMAND", "country:IRN"), ("country:IRN", "ARREST", "group:fra-cvl")}),
        ("Japan demanded the return of its citizens abducted by North Korea.",
         {("country:JPN", "DEMAND", "country:PRK"), ("country:PRK", "ABDUCT", "group:jpn-cvl")}),
        # a "by" phrase on the act, wherever the parser hangs it
        ("Japan protested the detention of its fishermen by North Korea.",
         {("country:JPN", "COMPLAIN_OFFICIALLY", "country:PRK")}),
        ("Pakistan welcomed the release of its fishermen by India.",
         {("country:PAK", "PRAISE", "country:IND"), ("country:IND", "RELEASE", "group:pak-agr")}),
        ("The United States condemned the killing of Palestinian civilians by Israeli forces.",
         {("country:USA", "CRITICIZE", "group:isr-mil"), ("group:isr-mil", "ATTACK", "group:pse-cvl")}),
        # a "from" phrase of handing over
        ("Poland demanded the extradition of the suspect from Belarus.", {("country:POL", "DEMAND", "country:BLR")}),
        ("Turkey demanded the extradition of Fethullah Gulen from the United States.",
         {("country:TUR", "DEMAND", "country:USA")}),
        # a state's act where it takes place
        ("France protested the arrest of a French diplomat in Tehran.",
         {("country:FRA", "COMPLAIN_OFFICIALLY", "country:IRN")}),
        # near misses that stay as they are: the possessor beside an "of" object does the act
        ("Australia criticised China's treatment of the detained writer.",
         {("country:AUS", "CRITICIZE", "country:CHN")}),
        ("The United States welcomed Russia's release of the American student.",
         {("country:USA", "PRAISE", "country:RUS"), ("country:RUS", "RELEASE", "group:usa-edu")}),
        ("Japan demanded the return of the islands from Russia.", {("country:JPN", "DEMAND", "country:RUS")}),
        # an envoy's return is his own state's act, no act done to him: the reaction stays as it was
        ("Qatar welcomed the return of the Saudi ambassador to Doha.", {("country:QAT", "HOST", "country:SAU")}),
        # a request addressed to someone names its object itself
        ("France urged Iran to release the aid worker.", {("country:FRA", "APPEAL", "country:IRN")}),
    ],
)
def test_aimed_at_the_doer(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(run(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "relation"),
    [
        ("The European Union demanded the release of the jailed opposition leader Ivan Petrov.", "demand", "DEMAND"),
        ("Britain welcomed Alexei Navalny's release.", "welcome", "PRAISE"),
        ("The United States condemned the killing of Palestinian civilians.", "condemn", "CRITICIZE"),
        ("Britain voiced concern about the journalist's treatment in custody.", "concern", "CRITICIZE"),
        ("Amnesty International demanded the immediate release of the detained protesters.", "demand", "DEMAND"),
        ("The EU called for the return of the kidnapped Ukrainian children.", "call", "APPEAL"),
        ("Iran condemned the killing of its nuclear scientist in Tehran.", "condemn", "CRITICIZE"),
    ],
)
def test_no_doer_named_drops_the_request(extractor: Extractor, text: str, trigger: str, relation: str) -> None:
    result = run(extractor, text)
    assert not [e for e in result.events if e.relation.name == relation]
    assert (trigger, relation) in patient_drops(result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the holder told in the sentence before
        ("Russia detained the activist on Monday. The European Union demanded his release.",
         ("org:eu", "DEMAND", "country:RUS")),
        ("Iran arrested a British-Iranian aid worker last year. Britain has repeatedly called for her release.",
         ("country:GBR", "APPEAL", "country:IRN")),
        ("Iran detained a French tourist in March. France condemned the detention of the tourist and demanded her "
         "release.", ("country:FRA", "DEMAND", "country:IRN")),
        ("Iran detained a French tourist in March, and France has demanded her release.",
         ("country:FRA", "DEMAND", "country:IRN")),
        # the earlier act told with the noun's own word
        ("Russia arrested a German activist on Monday. Germany condemned the arrest of the German activist.",
         ("country:DEU", "CRITICIZE", "country:RUS")),
        ("Belarus expelled two Lithuanian diplomats on Monday. Lithuania condemned the expulsion of its diplomats.",
         ("country:LTU", "CRITICIZE", "country:BLR")),
    ],
)
def test_the_doer_told_before(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(run(extractor, text))


def test_the_holder_of_the_same_person_further_back(extractor: Extractor) -> None:
    told = ("Belarus arrested opposition leader Maria Kolesnikova in September. She was taken to a prison in Minsk. "
            "Her lawyers were not allowed to see her. ")
    same = run(extractor, told + "Lithuania demanded the release of Maria Kolesnikova.")
    assert ("country:LTU", "DEMAND", "country:BLR") in triples(same)
    other = run(extractor, told + "Lithuania demanded the release of the journalists.")
    assert not [e for e in other.events if e.relation.name == "DEMAND"]
    assert ("demand", "DEMAND") in patient_drops(other)


def test_a_holder_too_far_back_is_not_the_doer(extractor: Extractor) -> None:
    text = ("Russia detained the activist on Monday. The court met on Tuesday. The judge spoke on Wednesday. "
            "The European Union demanded his release.")
    result = run(extractor, text)
    assert not [e for e in result.events if e.relation.name == "DEMAND"]
    assert ("demand", "DEMAND") in patient_drops(result)


def test_a_definite_act_with_no_actor_in_its_phrase_is_left_to_event_references(extractor: Extractor) -> None:
    alone = run(extractor, "Germany condemned the arrest of the activist.")
    assert alone.events == ()
    assert [d.reason for d in alone.drops if d.trigger == "condemn"] == [DropReason.NOT_AN_ACTOR]
    told = run(extractor, "Russia arrested the opposition activist on Monday. "
                          "Germany condemned the arrest of the activist.")
    assert ("country:DEU", "CRITICIZE", "country:RUS") in triples(told)

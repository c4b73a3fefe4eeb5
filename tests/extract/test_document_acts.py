"""Documents and statements as acts (verb_senses.toml: issuing a statement or public document,
paying reparations, paying a fine or penalty; extract/verb_senses.py); sentences written here."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import Article
from tests.extract.extracting import bare_statements, code_of


def coded(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    """(subject, relation, finer code or the relation's own, object) of the affirmed, asserted events."""
    extraction = extractor.extract(Article("test", text, None, "2024-03-05"))
    return {(e.subject.id, e.relation.name, code_of(e), e.object.id) for e in extraction.events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the statement's own words tell the act; releasing it is no act on anyone
        ("The African Union released a communique urging Sudan to hold elections.",
         {("org:african-union", "APPEAL", "020", "country:SDN")}),
        ("Brazil released a report criticising Paraguay.", {("country:BRA", "CRITICIZE", "111", "country:PRY")}),
        ("Saudi Arabia and the United Arab Emirates adopted a joint communique condemning Qatar.",
         {("country:SAU", "CRITICIZE", "111", "country:QAT"), ("country:ARE", "CRITICIZE", "111", "country:QAT")}),
        # a joint statement: no act of one author on the other
        ("China issued a joint statement with Russia on Tuesday.", set()),
        ("India and Japan released a joint statement on maritime security.", set()),
        ("Germany and France adopted a joint declaration on defence cooperation.", set()),
        # near misses that stay: releasing persons or property, signing a declaration or treaty
        ("Russia released two Ukrainian prisoners.", {("country:RUS", "RELEASE", "0841", "group:ukr-cvl")}),
        ("Iran released the British tanker.", {("country:IRN", "RELEASE", "0841", "group:gbr-bus")}),
        ("Turkey and Russia signed a joint declaration on Syria.",
         {("country:TUR", "SIGN_AGREEMENT", "057", "country:RUS")}),
        ("Israel and Jordan signed a peace treaty.", {("country:ISR", "SIGN_AGREEMENT", "057", "country:JOR")}),
        ("The EU issued a warning to Belarus over the migrant crisis.",
         {("org:eu", "THREATEN", "130", "country:BLR")}),
        ("Qatar issued a decree expelling the Saudi ambassador.", {("country:QAT", "EXPEL", "166", "country:SAU")}),
        # paying what makes good a wrong, or a fine: no trade
        ("Germany paid reparations to Namibia.", {("country:DEU", "YIELD", "0842", "country:NAM")}),
        ("Iran paid damages to Canada.", {("country:IRN", "YIELD", "0842", "country:CAN")}),
        ("Iraq paid compensation to Kuwait.", {("country:IRQ", "YIELD", "0842", "country:KWT")}),
        ("Russia paid a fine to the European Union.", {("country:RUS", "YIELD", "080", "org:eu")}),
        ("Italy paid a penalty to the European Commission.",
         {("country:ITA", "YIELD", "080", "org:european-commission")}),
        # near misses that stay: paying for goods, paying tribute
        ("Venezuela paid Russia for the fighter jets.", {("country:VEN", "TRADE_WITH", "061", "country:RUS")}),
        ("Germany bought gas from Russia.", {("country:DEU", "BUY_FROM", "061", "country:RUS")}),
    ],
)
def test_documents_statements_and_payments(extractor: Extractor, text: str,
                                            expected: set[tuple[str, str, str, str]]) -> None:
    assert coded(extractor, text) == expected


def test_releasing_a_statement_names_its_class_in_the_drop(extractor: Extractor) -> None:
    extraction = extractor.extract(Article("test", "Japan released a joint statement with Australia.", None,
                                           "2024-03-05"))
    assert not extraction.events
    assert [(d.trigger, d.relation) for d in extraction.drops] == [("release", "COMMENT_ON")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "call for" demands a course of action: no phone call between the ones calling for it
        ("Iran and Iraq called for calm in the region.", set()),
        ("Iran and Iraq issued a joint statement on Tuesday calling for calm in the region.", set()),
        ("Brazil and Argentina called for a ceasefire in Ukraine.", set()),
        # near misses that stay: a phone call to an addressee, an appeal on an addressee
        ("Putin called Erdogan on Tuesday.",
         {("person:vladimir-putin", "PHONE", "041", "person:recep-tayyip-erdogan")}),
        ("France called on Russia to withdraw its troops.", {("country:FRA", "APPEAL", "020", "country:RUS")}),
    ],
)
def test_calling_for_a_course_of_action_is_no_phone_call(extractor: Extractor, text: str,
                                                          expected: set[tuple[str, str, str, str]]) -> None:
    assert coded(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a statement or document issued, released, published or adopted on a state, with nothing
        # told of what it says: a public statement with no content (010), no event by itself
        # (extract/bare_statements.py), never a signed agreement (057) or a release of persons (0841)
        "The Security Council adopted a resolution on Syria.",
        "The General Assembly adopted a resolution against Israel.",
        "The European Parliament adopted a declaration on Hungary.",
        "Egypt released a report on Ethiopia.",
        "Chad published a communique about Libya.",
        "Iran issued a statement on Iraq.",
    ],
)
def test_a_document_with_nothing_told_of_its_content_is_no_event(extractor: Extractor, text: str) -> None:
    extraction = extractor.extract(Article("test", text, None, "2024-03-05"))
    assert not extraction.events, extraction.events
    assert bare_statements(extraction), extraction.drops

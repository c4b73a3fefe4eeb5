"""Amounts that count goods (extract/counted_goods.py), on real parses of invented sentences."""

from __future__ import annotations

import pytest

from extract.counted_goods import counted_goods, counted_goods_verb
from extract.pipeline import Extractor
from graph.model import Modality
from tests.extract.extracting import runner, triples

run = runner("goods", "2024-02-20")


@pytest.mark.parametrize(("text", "goods", "verb"), [
    ("Washington suspended about $100 million in aid to Ethiopia.", "aid", "suspended"),
    ("Germany sent 500 million euros worth of weapons to Ukraine.", "weapons", "sent"),
    ("China provided billions of dollars in loans to Sri Lanka.", "loans", "provided"),
])
def test_an_amounts_in_or_worth_of_phrase_names_the_goods_of_its_verb(
        extractor: Extractor, text: str, goods: str, verb: str) -> None:
    doc = extractor.nlp(text)
    noun = next(t for t in doc if t.text == goods)
    found = counted_goods_verb(noun)
    assert found is not None and found.text == verb
    assert [t.text for t in counted_goods(found)] == [goods]


@pytest.mark.parametrize(("text", "noun"), [
    ("Japan held talks in Tokyo with Chinese officials.", "Tokyo"),  # no amount: a place
    ("Kenya deployed troops in Somalia.", "Somalia"),
    ("Russia spent a week in talks with Turkey.", "talks"),  # a span of time, no amount of goods
])
def test_an_in_phrase_without_an_amount_counts_no_goods(extractor: Extractor, text: str, noun: str) -> None:
    doc = extractor.nlp(text)
    assert counted_goods_verb(next(t for t in doc if t.text == noun)) is None


def test_holding_back_an_amount_of_aid_reduces_aid(extractor: Extractor) -> None:
    found = run(extractor, "Washington suspended about $100 million in aid to Ethiopia.")
    assert triples(found) == {("country:USA", "REDUCE_AID", "country:ETH")}


def test_an_amount_of_goods_takes_the_verbs_subject_target_and_intention(extractor: Extractor) -> None:
    sent = run(extractor, "Germany sent 500 million euros worth of weapons to Ukraine.")
    assert ("country:DEU", "MILITARY_AID", "country:UKR") in triples(sent)
    for text in ("Japan pledged $2 billion in aid to Ukraine.", "Japan pledged 2 billion yen in aid to Ukraine."):
        aid = [e for e in run(extractor, text).events if e.relation.name == "AID"]
        assert [(e.subject.id, e.object.id, e.modality) for e in aid] == [
            ("country:JPN", "country:UKR", Modality.INTENDED)]

"""A noun inside a reason adjunct names no act of the clause's subject (extract/reason_adjuncts.py,
extract/reason_adjunct_words.py; sentences written here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.gazetteer import DATA_DIR
from extract.pipeline import Extractor
from extract.reason_adjunct_words import ReasonAdjunctsError, load_reason_adjuncts
from graph.model import DropReason, Extraction
from tests.extract.extracting import runner, triples

ARTICLE_DATE = "2019-05-14"


run = runner("test", ARTICLE_DATE)


def adjunct_drops(extraction: Extraction) -> list[tuple[str, str]]:
    return [(d.trigger, d.detail) for d in extraction.drops if d.reason is DropReason.REASON_ADJUNCT]


@pytest.mark.parametrize(
    ("text", "relation", "drop"),
    [
        ("Turkey closed its airspace to Israeli flights, citing threats to its security.", "THREATEN",
         ("threat", "'threat' gives the reason for 'cite'")),
        ("Kenya closed its border with Somalia, citing attacks on Somali towns.", "ATTACK",
         ("attack", "'attack' gives the reason for 'cite'")),
        ("The United States imposed sanctions on Iran, citing attacks on Saudi oil facilities.", "ATTACK",
         ("attack", "'attack' gives the reason for 'cite'")),
        ("India suspended talks with Pakistan because of attacks on Pakistani posts.", "ATTACK",
         ("attack", "'attack' gives the reason for 'suspend'")),
        ("Russia warned Finland against joining NATO, citing threats to Russian security.", "THREATEN",
         ("threat", "'threat' gives the reason for 'cite'")),
        # "in N of", "for fear of": the reason noun's complement
        ("Jordan closed its border with Syria in the wake of attacks on Syrian villages.", "ATTACK",
         ("attack", "'attack' gives the reason for 'close'")),
        ("Jordan closed its border with Syria for fear of attacks on Syrian villages.", "ATTACK",
         ("attack", "'attack' gives the reason for 'close'")),
        ("Jordan closed its border with Syria in light of threats against Syrian refugees.", "THREATEN",
         ("threat", "'threat' gives the reason for 'close'")),
    ],
)
def test_a_reason_is_no_act_of_the_subject(extractor: Extractor, text: str, relation: str,
                                           drop: tuple[str, str]) -> None:
    result = run(extractor, text)
    subject = next(e.subject.id for e in result.events)  # the clause's own act stays
    assert not [e for e in result.events if e.relation.name == relation and e.subject.id == subject
                and e.trigger == drop[0]]
    assert drop in adjunct_drops(result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the agent named inside the adjunct stays
        ("The United States sanctioned Russian officials in response to Russia's invasion of Ukraine.",
         ("country:RUS", "ATTACK", "country:UKR")),
        ("Russia recalled its ambassador, citing the expulsion of Russian diplomats by Britain.",
         ("country:GBR", "EXPEL", "country:RUS")),
        # the clause's own act is no adjunct
        ("Azerbaijan expelled French diplomats, accusing France of interference.",
         ("country:AZE", "ACCUSE", "country:FRA")),
        # a temporal adjunct is no reason: the subject's own talks
        ("Jordan signed a trade deal with Syria after talks with Iraq.",
         ("country:JOR", "SIGN_AGREEMENT", "country:SYR")),
    ],
)
def test_acts_named_with_their_agent_stay(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    result = run(extractor, text)
    assert expected in triples(result)
    assert adjunct_drops(result) == []


@pytest.mark.parametrize(
    ("text", "own_act", "matter"),
    [
        ("The United States sanctioned Russian officials over Russia's invasion of Ukraine.",
         ("country:USA", "SANCTION", "country:RUS"), "invasion"),
        ("Chile recalled its ambassador from Lima over Peru's seizure of Chilean boats.",
         ("country:CHL", "REDUCE_DIPLOMATIC_RELATIONS", "country:PER"), "seizure"),
        # "over" on a noun: the matter of the row
        ("Chile froze talks with Bolivia amid a row over Peru's seizure of Chilean boats.",
         ("country:CHL", "HALT_NEGOTIATIONS", "country:BOL"), "seizure"),
    ],
)
def test_the_matter_over_names_is_no_event_told(
    extractor: Extractor, text: str, own_act: tuple[str, str, str], matter: str,
) -> None:
    result = run(extractor, text)
    assert own_act in triples(result)  # the clause's act stays, aimed as before
    assert not [e for e in result.events if e.trigger == matter]
    assert (matter, f"'{matter}' is the matter 'over' names, not an event told") in adjunct_drops(result)


def test_loader_reads_the_shipped_file() -> None:
    words = load_reason_adjuncts(DATA_DIR / "reason_adjuncts.toml")
    assert "cite" in words.participles
    assert "amid" in words.prepositions
    assert "response" in words.reason_nouns
    assert words.matter_prepositions == frozenset({"over"})


def test_loader_names_a_malformed_entry(tmp_path: Path) -> None:
    path = tmp_path / "reason_adjuncts.toml"
    path.write_text('participles = ["cite"]\nprepositions = []\nreason_nouns = ["response"]\n', encoding="utf-8")
    with pytest.raises(ReasonAdjunctsError, match="prepositions must be a non-empty list of words") as raised:
        load_reason_adjuncts(path)
    assert str(path) in str(raised.value)

"""Standing states are no events and past events keep their own year (sentences written here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Token

from extract.actors import ActorResolver
from extract.aspect import (
    AspectWords,
    AspectWordsError,
    _has_occasion,
    _present_perfect_progressive,
    _present_progressive,
    _simple_present,
    _standing_object,
    _states_a_time,
    load_aspect_words,
    standing_state,
)
from extract.block_index import BlockTokens
from extract.gazetteer import DATA_DIR
from extract.patterns import Context
from extract.pipeline import Extractor
from graph.model import DropReason, Extraction
from tests.extract.extracting import runner, triples

ARTICLE_DATE = "2019-05-14"


run = runner("test", ARTICLE_DATE)


def standing(extraction: Extraction) -> list[tuple[str, str]]:
    return [(d.relation, d.detail) for d in extraction.drops if d.reason is DropReason.STANDING_STATE]


@pytest.mark.parametrize(
    ("text", "relation", "detail"),
    [
        # verbs of having and housing in the simple present
        ("Kuwait hosts the largest American naval base in the Gulf.", "HOST", "simple present of 'host'"),
        ("Jordan hosts a U.S. air base.", "HOST", "simple present of 'host'"),
        ("The United States maintains sanctions on Cuba.", "SANCTION", "simple present of 'maintain'"),
        # verbs of esteem, in any tense
        ("Norway values its partnership with Germany.", "COOPERATE", "object of 'value'"),
        ("Canberra valued its relationship with Paris.", "DIPLOMATIC_COOPERATION", "object of 'value'"),
        # a trend up to now
        ("Japan has been cultivating closer ties with India.", "DIPLOMATIC_COOPERATION",
         "present perfect progressive of 'cultivate'"),
        # an arrangement that already exists
        ("He saw no reason for U.N. sanctions on Sudan to remain in place.", "SANCTION", "'remain' in place"),
        ("The EU kept its sanctions on Russia in place.", "SANCTION", "'keep' in place"),
    ],
)
def test_standing_states_are_no_events(extractor: Extractor, text: str, relation: str, detail: str) -> None:
    result = run(extractor, text)
    assert not [e for e in result.events if e.relation.name == relation]
    assert (relation, detail) in standing(result)


def test_a_present_relative_clause_describes_its_actor(extractor: Extractor) -> None:
    result = run(extractor, "Tajikistan, which hosts a Russian military base, signed a deal with China.")
    assert triples(result) == {("country:TJK", "SIGN_AGREEMENT", "country:CHN")}
    assert ("HOST", "simple present of 'host'") in standing(result)
    described = run(extractor, "Iran, which supplies drones to Russia, denied the report.")
    assert described.events == ()
    assert standing(described) == [("SELL_TO", "present-tense relative clause on an actor")]
    past = run(extractor, "Iran, which supplied drones to Russia, denied the report.")
    assert ("country:IRN", "MILITARY_AID", "country:RUS") in triples(past)  # drones given: 072 (material_goods)


def test_a_verbal_act_in_a_present_relative_clause_is_a_stance_taken_now(extractor: Extractor) -> None:
    result = run(extractor, "The meeting was called by Germany, which accuses Iran of violating the deal.")
    assert standing(result) == []
    assert ("country:DEU", "ACCUSE", "country:IRN") in triples(result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's historic present of an act is the act
        ("Russia expels British diplomats.", ("country:RUS", "EXPEL", "country:GBR")),
        # hosting an occasion or a visitor is a visit hosted, whatever the tense
        ("China hosts talks between India and Pakistan.", ("country:CHN", "HOST", "country:IND")),
        ("Kenya hosts Macron.", ("country:KEN", "HOST", "person:emmanuel-macron")),
        # the simple past of a verb of housing, and a present with a stated day (scheduled)
        ("Qatar hosted the American envoy on Sunday.", ("country:QAT", "HOST", "country:USA")),
        ("Egypt hosts Israeli and Palestinian negotiators on Sunday.", ("country:EGY", "HOST", "country:ISR")),
        # other tenses of a verb of gradual development are acts
        ("Japan cultivated closer ties with India.", ("country:JPN", "DIPLOMATIC_COOPERATION", "country:IND")),
        # a new sanction is an act
        ("The United States imposed sanctions on Cuba.", ("country:USA", "SANCTION", "country:CUB")),
    ],
)
def test_acts_stay_events(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    result = run(extractor, text)
    assert standing(result) == []
    assert expected in triples(result)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Iraq invaded Kuwait in 1990.", "1990-01-01"),
        ("Israel captured the Golan Heights in the 1967 war.", "1967-01-01"),
        ("Iran and Iraq fought a war between 1980 and 1988.", "1980-01-01"),
        ("Argentina and Britain fought a war in 1982 over the islands.", "1982-01-01"),
    ],
)
def test_a_past_event_keeps_its_own_year(extractor: Extractor, text: str, date: str) -> None:
    result = run(extractor, text)
    assert result.events
    assert {(e.date, e.date_precision) for e in result.events} == {(date, "year")}


def test_a_year_after_the_article_does_not_date_a_past_event(extractor: Extractor) -> None:
    later = run(extractor, "Iran will hold talks with the EU in 2030.")
    assert later.events
    assert all(e.date_precision != "year" for e in later.events)
    dated = run(extractor, "Iraq invaded Kuwait on Thursday in 1990.")
    assert {e.date_precision for e in dated.events} == {"day"}  # a stated day wins over the year


def test_aspect_words_load_and_malformed_files_are_named(tmp_path: Path) -> None:
    words = load_aspect_words(DATA_DIR / "aspect.toml")
    assert "host" in words.present_stative_verbs and ("in", "place") in words.standing_phrases
    broken = tmp_path / "aspect.toml"
    broken.write_text((DATA_DIR / "aspect.toml").read_text(encoding="utf-8").replace(
        'standing_phrases = ["in place"', 'standing_phrases = ["place"'), encoding="utf-8")
    with pytest.raises(AspectWordsError, match=r"aspect\.toml: standing_phrases"):
        load_aspect_words(broken)
    missing = tmp_path / "missing.toml"
    missing.write_text('stative_verbs = ["value"]\n', encoding="utf-8")
    with pytest.raises(AspectWordsError, match=r"missing\.toml: [a-z_]+ must be a non-empty list of words"):
        load_aspect_words(missing)


def test_a_narrative_past_perfect_with_no_time_is_background(extractor: Extractor) -> None:
    told = run(extractor, "Iraq had invaded Kuwait, and the United States led a coalition against it.")
    assert {(e.subject.id, e.relation.name, e.date, e.date_precision) for e in told.events} == {
        ("country:IRQ", "ATTACK", None, "background")
    }
    reported = run(extractor, "Russia said it had expelled two British diplomats.")  # the past of a report
    assert {e.date_precision for e in reported.events} == {"article"}
    conditional = run(extractor, "If Iran had attacked Israel, the war would have spread.")
    assert {e.date_precision for e in conditional.events} == {"article"}
    dated = run(extractor, "Germany had expelled Russian diplomats on Sunday.")
    assert {(e.date, e.date_precision) for e in dated.events} == {("2019-05-12", "day")}
    governed = run(extractor, "Earlier in the day, Turkey had expelled two Greek diplomats.")
    assert governed.events
    assert all(e.date_precision != "background" for e in governed.events)


STATE_TEXTS = (
    "Kenya hosts 500,000 refugees. Kenya hosts talks on Sunday. Kenya is hosting refugees in June.",
    "The sanctions that remain in place worry Iran. Sanctions remain in place on Monday.",
    "Egypt, which backs the plan, holds Israeli prisoners. Egypt holds the prisoners today.",
    "Russia, which supplies Syria on Friday, keeps the embargo in force. Japan values its partnership.",
    "Turkey houses Syrian refugees. Turkey houses the envoys on Monday. Iran maintains sanctions in March.",
)


def _standing_state_spelt_out(trigger: Token, material: bool, ctx: Context, words: AspectWords) -> str | None:
    """``standing_state`` as it read before: a simple present's clause time looked for first."""
    governor = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.head != trigger else None
    if governor is not None and governor.pos_ in ("VERB", "AUX"):
        detail = _standing_object(trigger, governor, words)
        if detail is not None:
            return detail
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else (governor if trigger.dep_ == "dobj" else None)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma in words.gradual_verbs and _present_perfect_progressive(verb):
        return f"present perfect progressive of '{lemma}'"
    if (verb == trigger and lemma in words.present_stative_verbs and _present_progressive(verb)
            and not _states_a_time(verb) and not _has_occasion(verb, ctx)):
        return f"present progressive of '{lemma}'"
    if not _simple_present(verb) or _states_a_time(verb):
        return None
    if verb == trigger and lemma in words.present_stative_verbs and not _has_occasion(verb, ctx):
        return f"simple present of '{lemma}'"
    if verb != trigger and lemma in words.arrangement_verbs:
        return f"simple present of '{lemma}'"
    if material and verb.dep_ == "relcl" and ctx.actor(verb.head) is not None:
        return "present-tense relative clause on an actor"
    return None


def test_a_states_time_looked_for_last_gives_the_same_reading(extractor: Extractor) -> None:
    """``standing_state`` looks for a time in a simple present's clause only once the rest of a
    reading holds: at every word, material act or not, it answers as the reading that looks first."""
    knowledge, words = extractor.knowledge, extractor.knowledge.aspect_words
    read = 0
    for text in STATE_TEXTS:
        doc = extractor.nlp(text)
        resolver = ActorResolver(knowledge.gazetteer, extractor.index, knowledge.lexicon, "2024-05-02",
                                 knowledge.binding_words)
        ctx = Context(knowledge.ontology, knowledge.lexicon, resolver.resolve_block(doc, BlockTokens.of(doc)),
                      knowledge.reporter_acts)
        for trigger in doc:
            for material in (False, True):
                detail = standing_state(trigger, material, ctx, words)
                assert detail == _standing_state_spelt_out(trigger, material, ctx, words), (text, trigger.text)
                read += detail is not None
    assert read >= 4

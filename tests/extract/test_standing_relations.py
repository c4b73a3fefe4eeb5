"""Standing relations, wishes and requesters are no acts (extract/standing_relations.py); every
drop is counted with its reason and detail. Sentences written here, not from any eval set."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Token

from extract.gazetteer import DATA_DIR
from extract.pipeline import Extractor
from extract.standing_relations import (
    StandingWords,
    StandingWordsError,
    _lasting_perfect,
    _simple_present,
    _states_a_time,
    habitual_material_act,
    held_position,
    load_standing_words,
)
from graph.model import DropReason, Extraction
from tests.extract.extracting import runner, triples

run = runner("standing", "2024-03-14")


def drops(extraction: Extraction, reason: DropReason) -> list[str]:
    return [d.detail for d in extraction.drops if d.reason is reason]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("Iran arms the Houthis.", "simple present of 'arm'"),
        ("Qatar does not fund Hamas.", "simple present of 'fund'"),
        ("Tehran, which backs Hezbollah, condemned the strike.", "simple present of 'back'"),
        ("Hezbollah, which is armed by Iran, fired rockets at Israel.", "present passive of 'arm'"),
        ("The Syrian army, backed by Russian aircraft, shelled the town.", "participle 'backed' after a noun"),
        ("Qatar has been funding Hamas.", "present perfect progressive of 'fund'"),
        ("Saudi Arabia has long backed the Yemeni government.", "present perfect of 'back' with a duration"),
        ("Britain has supported Ukraine since the start of the war.", "present perfect of 'support' with a duration"),
        ("Iran has funded Hamas for years.", "present perfect of 'fund' with a duration"),
        # a verbal act kept up over time is a position held
        ("Ghana has long accused Togo of sheltering rebels.", "present perfect of 'accuse' with a duration"),
        ("Chile has criticised Peru's maritime claim since 2019.", "present perfect of 'criticise' with a duration"),
        ("Kinshasa accused Kigali of backing the M23 rebels.", "gerund of 'back' in an accusation"),
        ("Israel blamed Iran for arming Hezbollah.", "gerund of 'arm' in an accusation"),
        ("Israel occupies the West Bank.", "simple present of a material act 'occupy'"),
        ("Russia sells arms to India, officials say.", "simple present of a material act 'sell'"),
        ("North Korea often fires missiles at Japanese ships.", "simple present of a material act 'fire'"),
        ("Iran's support for the Houthis angered Saudi Arabia.", "'support' with its holder, named as background"),
        ("Riyadh cut ties with Tehran because of Iran's support for the Houthis.",
         "'support' with its holder, named as background"),
    ],
)
def test_a_standing_relation_is_dropped_with_its_reason(extractor: Extractor, text: str, detail: str) -> None:
    extraction = run(extractor, text)
    assert detail in drops(extraction, DropReason.STANDING_STATE), extraction.drops


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        # a dated act, a count of things sent, the speaker's own stance, support expressed now
        ("Iran supplied drones to Russia in August.", ("country:IRN", "MILITARY_AID", "country:RUS")),
        ("Iran armed Hezbollah with new missiles in March.", ("country:IRN", "MILITARY_AID", "org:hezbollah")),
        ("Germany backed Ukraine's bid to join the European Union on Monday.",
         ("country:DEU", "SUPPORT", "country:UKR")),
        ("Germany reiterated its support for Ukraine on Monday.", ("country:DEU", "SUPPORT", "country:UKR")),
        ("Germany said it supports Ukraine's bid to join the European Union.",
         ("country:DEU", "SUPPORT", "country:UKR")),
        # a verb of transfer in the perfect with "long" reports repeated acts; a denial is coded negated
        ("Iran has long supplied weapons to Syria.", ("country:IRN", "MILITARY_AID", "country:SYR")),
        # the perfect without a duration tells a recent act
        ("Ghana has accused Togo of sheltering rebels.", ("country:GHA", "ACCUSE", "country:TGO")),
        ("Iran denied arming the Houthis.", ("country:IRN", "MILITARY_AID", "org:houthis")),
        # a material act in the simple present with a time, and a punctual act's historic present, stay
        ("Russia sells fighter jets to India on Tuesday.", ("country:RUS", "SELL_TO", "country:IND")),
        ("Poland expels Belarusian diplomats.", ("country:POL", "EXPEL", "country:BLR")),
        # a reaction to the support presupposes it
        ("Japan criticised China's support for North Korea.", ("country:CHN", "SUPPORT", "country:PRK")),
    ],
)
def test_an_act_of_the_same_verbs_stays(extractor: Extractor, text: str, triple: tuple[str, str, str]) -> None:
    extraction = run(extractor, text)
    assert triple in triples(extraction), extraction.drops


def test_a_number_of_things_sent_up_to_now_is_an_act(extractor: Extractor) -> None:
    extraction = run(extractor, "Germany has supplied 18 tanks to Ukraine since January.")
    assert not any("supply" in d for d in drops(extraction, DropReason.STANDING_STATE))


def test_an_act_wished_of_another_is_no_act_of_it(extractor: Extractor) -> None:
    extraction = run(extractor, "Baghdad wants Washington to withdraw its forces from Iraq.")
    assert not any(e.subject.id == "country:USA" for e in extraction.events)
    assert "wished by 'want' of another" in drops(extraction, DropReason.BLOCKED_BY_GOVERNOR)
    own = run(extractor, "Washington wants to withdraw its forces from Iraq.")
    assert ("country:USA", "WITHDRAW", "country:IRQ") in triples(own)


@pytest.mark.parametrize(
    ("text", "detail", "absent"),
    [
        ("Poland pushed for new sanctions on Russia.", "asked for by 'push'",
         ("country:POL", "SANCTION", "country:RUS")),
        ("Finland applied to join NATO.", "asked for by 'apply'", ("country:FIN", "COOPERATE", "org:nato")),
    ],
)
def test_an_act_pressed_or_applied_for_is_not_done(
    extractor: Extractor, text: str, detail: str, absent: tuple[str, str, str]
) -> None:
    extraction = run(extractor, text)
    assert absent not in triples(extraction)
    assert detail in drops(extraction, DropReason.BLOCKED_BY_GOVERNOR)


def test_an_act_asked_of_another_one_infinitive_down_is_not_the_askers(extractor: Extractor) -> None:
    extraction = run(extractor, "The EU called on China to stop supplying Russia with weapons components.")
    assert not any(e.subject.id == "org:eu" and e.object.id == "country:RUS" for e in extraction.events)
    assert "asked for by 'call'" in drops(extraction, DropReason.BLOCKED_BY_GOVERNOR)
    own = run(extractor, "The EU decided to stop buying Russian gas.")
    assert any(e.subject.id == "org:eu" and e.relation.name == "BUY_FROM" for e in own.events)


def test_the_requester_is_not_the_patient(extractor: Extractor) -> None:
    extraction = run(extractor, "Canada arrested the executive at the request of the United States.")
    assert ("country:CAN", "ARREST", "country:USA") not in triples(extraction)
    assert "'at the request of X' names who asked, not the patient" in drops(extraction, DropReason.NO_OBJECT)
    named = run(extractor, "Canada arrested an American diplomat at the request of Britain.")
    assert not any(e.object.id == "country:GBR" for e in named.events)


def test_the_words_file_loads_and_a_bad_one_is_named(tmp_path: Path) -> None:
    words = load_standing_words(DATA_DIR / "standing_relations.toml")
    assert {"arm", "back", "fund"} <= words.sustaining_verbs
    bad = tmp_path / "standing_relations.toml"
    bad.write_text("sustaining_verbs = [", encoding="utf-8")
    with pytest.raises(StandingWordsError, match=r"standing_relations\.toml"):
        load_standing_words(bad)


TIMED_TEXTS = (
    "Russia has long accused Ukraine of shelling Donetsk since 2014, and it has accused Kyiv on Tuesday.",
    "China has criticised Japan for decades. The US has always opposed the plan in May.",
    "Israel occupies the West Bank. Israel occupies the town on Monday, officials say.",
    "Russia often fires missiles at Kyiv in May, and Iran sells drones to Russia, officials say.",
    "If Iran attacks Israel, it supplies Hezbollah. Iran supplies Hezbollah in August.",
)


def _held_position_spelt_out(verb: Token, words: StandingWords) -> str | None:
    """``held_position`` as it read before: the clause's time first."""
    if verb.pos_ not in ("VERB", "AUX") or _states_a_time(verb):
        return None
    auxiliaries = [a.lower_ for a in verb.children if a.dep_ in ("aux", "auxpass")]
    return (f"present perfect of '{verb.lemma_.lower()}' with a duration"
            if _lasting_perfect(verb, auxiliaries, words) else None)


def _habitual_act_spelt_out(verb: Token, words: StandingWords) -> str | None:
    """``habitual_material_act`` as it read before: the clause's time first."""
    if verb.pos_ not in ("VERB", "AUX") or _states_a_time(verb):
        return None
    frequent = any(c.dep_ == "advmod" and c.lower_ in words.frequency_adverbs for c in verb.children)
    if not frequent and verb.lemma_.lower() not in words.habitual_material_verbs:
        return None
    auxiliaries = [a.lower_ for a in verb.children if a.dep_ in ("aux", "auxpass")]
    if not _simple_present(verb, auxiliaries) or any(c.dep_ == "mark" for c in verb.children):
        return None
    node = verb
    while node.dep_ == "conj":
        node = node.head
    if node.dep_ in ("ROOT", "ccomp", "parataxis") and not any(c.dep_ == "mark" for c in node.children):
        return f"simple present of a material act '{verb.lemma_.lower()}'"
    return None


def test_a_positions_time_looked_for_last_gives_the_same_reading(extractor: Extractor) -> None:
    """``held_position`` and ``habitual_material_act`` look for a time in the verb's clause (a walk
    of the clause) only once the rest of the reading holds: at every word they answer as the
    reading that looks for it first, and a time still undoes a reading."""
    words = extractor.knowledge.standing_words
    read = undone = 0
    for text in TIMED_TEXTS:
        for verb in extractor.nlp(text):
            held, habit = held_position(verb, words), habitual_material_act(verb, words)
            assert held == _held_position_spelt_out(verb, words), (text, verb.text)
            assert habit == _habitual_act_spelt_out(verb, words), (text, verb.text)
            read += held is not None or habit is not None
            undone += verb.pos_ == "VERB" and verb.tag_ in ("VBZ", "VBN") and _states_a_time(verb)
    assert read >= 3 and undone >= 3

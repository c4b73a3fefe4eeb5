"""What implicative verbs and words of ability say about whether their complement happened
(extract/implicatives.py; sentences written here, wire style)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.gazetteer import DATA_DIR
from extract.implicatives import (
    Entailment,
    ImplicativeReading,
    ImplicativeWordsError,
    load_implicative_words,
    requalify,
)
from extract.pipeline import Extractor
from extract.qualifiers import Qualifiers
from graph.model import Extraction, Modality, Polarity
from tests.extract.extracting import runner

ARTICLE_DATE = "2019-05-14"
Qualified = tuple[str, str, str, str, str]


run = runner("test", ARTICLE_DATE)


def qualified(extraction: Extraction) -> set[Qualified]:
    return {(e.subject.id, e.relation.name, e.object.id, e.polarity.value, e.modality.value)
            for e in extraction.events}


def reading_of(extractor: Extractor, text: str, relation: str) -> tuple[str, str]:
    """The polarity and modality of the one event of ``relation`` in ``text``."""
    found = [e for e in run(extractor, text).events if e.relation.name == relation]
    assert len(found) == 1, (text, found)
    return found[0].polarity.value, found[0].modality.value


@pytest.mark.parametrize(
    ("text", "relation", "expected"),
    [
        # positive implicatives, asserted: the complement happened, done by its own doer
        ("Qatar managed to broker a ceasefire between Israel and Hamas on Tuesday.", "CEASEFIRE",
         ("affirmed", "asserted")),
        ("Japan has managed to sign a trade deal with Vietnam.", "SIGN_AGREEMENT", ("affirmed", "asserted")),
        ("The United States forced Iran to negotiate with the European Union.", "NEGOTIATE",
         ("affirmed", "asserted")),
        ("Ukraine managed to shoot down Russian drones over Kyiv.", "ATTACK", ("affirmed", "asserted")),
        ("Iran has been able to supply drones to Russia.", "MILITARY_AID", ("affirmed", "asserted")),
        ("Iran was able to attack Israel with drones.", "ATTACK", ("affirmed", "asserted")),
        # negative implicatives, asserted: it did not happen
        ("Russia failed to reach an agreement with Ukraine on grain exports.", "SIGN_AGREEMENT",
         ("negated", "asserted")),
        ("China refused to meet the Japanese foreign minister.", "MEET", ("negated", "asserted")),
        ("India declined to condemn Russia at the United Nations.", "CRITICIZE", ("negated", "asserted")),
        ("Serbia avoided criticizing Russia at the summit.", "CRITICIZE", ("negated", "asserted")),
        ("Pakistan refused to extradite the suspect to India.", "EXTRADITE", ("negated", "asserted")),
        ("Russia was unable to reach an agreement with Ukraine on prisoner exchanges.", "SIGN_AGREEMENT",
         ("negated", "asserted")),
        # a negated two-way implicative flips the entailment
        ("Egypt did not manage to broker a deal between Israel and Hamas.", "SIGN_AGREEMENT",
         ("negated", "asserted")),
        ("Japan never managed to sign a peace treaty with Russia.", "SIGN_AGREEMENT", ("negated", "asserted")),
        ("China did not fail to condemn Japan.", "CRITICIZE", ("affirmed", "asserted")),
        ("Russia was not able to reach an agreement with Ukraine on prisoner exchanges.", "SIGN_AGREEMENT",
         ("negated", "asserted")),
        # a negated one-way implicative entails nothing: the act is only a possibility
        ("The United States did not force Iran to negotiate with the European Union.", "NEGOTIATE",
         ("affirmed", "hypothetical")),
        ("Iran did not refuse to meet the inspectors of the IAEA.", "MEET", ("affirmed", "hypothetical")),
        ("Colombia did not avoid criticizing Venezuela at the summit.", "CRITICIZE",
         ("affirmed", "hypothetical")),
        ("China did not stop Russia from attacking Ukraine.", "ATTACK", ("affirmed", "hypothetical")),
        # under a modal or a future nothing is entailed and the modal's reading stands
        ("The United States will force Iran to negotiate with the European Union.", "NEGOTIATE",
         ("affirmed", "intended")),
        ("China may refuse to meet the Japanese foreign minister.", "MEET", ("negated", "hypothetical")),
        ("Russia could fail to reach an agreement with Ukraine.", "SIGN_AGREEMENT",
         ("negated", "hypothetical")),
        # a statement of capability is no event
        ("Russia is able to strike NATO countries with hypersonic missiles.", "ATTACK",
         ("affirmed", "hypothetical")),
        ("North Korea has the capacity to strike the United States.", "ATTACK", ("affirmed", "hypothetical")),
        ("China has the ability to invade Taiwan within a week.", "ATTACK", ("affirmed", "hypothetical")),
        ("Turkey is capable of attacking Greece.", "ATTACK", ("affirmed", "hypothetical")),
        ("North Korea has the capability of striking Japan.", "ATTACK", ("affirmed", "hypothetical")),
        ("Venezuela will be able to sell oil to India next year.", "SELL_TO", ("affirmed", "hypothetical")),
        ("Germany is unable to deliver tanks to Ukraine this year.", "MILITARY_AID", ("affirmed", "hypothetical")),
        ("Iraq has the means to export oil to Turkey.", "SELL_TO", ("affirmed", "hypothetical")),
        ("Iran's ability to strike Israel worries Washington.", "ATTACK", ("affirmed", "hypothetical")),
        # negative implicative phrases and adverbs of approximation: the act did not happen
        ("Canada stopped short of recognising Kosovo.", "RECOGNIZE", ("negated", "asserted")),
        ("Venezuela has yet to recognise the new government of Bolivia.", "RECOGNIZE", ("negated", "asserted")),
        ("Algeria nearly cut ties with Morocco last year.", "REDUCE_RELATIONS", ("negated", "asserted")),
        # "did not hesitate to" says the act happened
        ("North Korea did not hesitate to threaten Japan.", "THREATEN", ("affirmed", "asserted")),
        # a passive implicative keeps its entailment
        ("Ethiopia was compelled to negotiate with Egypt.", "NEGOTIATE", ("affirmed", "asserted")),
        ("Israel managed not to attack Syria.", "ATTACK", ("negated", "asserted")),
        # nouns of implicative verbs, definite: what they entail is presupposed
        ("China's refusal to meet the Japanese foreign minister angered Tokyo.", "MEET", ("negated", "asserted")),
        ("Russia's failure to reach an agreement with Ukraine disappointed Berlin.", "SIGN_AGREEMENT",
         ("negated", "asserted")),
        # factive verbs: the complement happened, even under negation
        ("Turkey did not regret shooting down the Russian jet.", "ATTACK", ("affirmed", "asserted")),
        ("Japan did not know that Russia had attacked Georgia.", "ATTACK", ("affirmed", "asserted")),
        ("Germany remembered to invite Poland to the ceremony.", "APPEAL", ("affirmed", "asserted")),
        ("The Indian government forgot to invite Pakistan to the summit.", "APPEAL", ("negated", "asserted")),
        # a denial: its speaker says the act did not happen; a denial negated says nothing
        ("Russia denied that it had attacked Ukraine's power grid.", "ATTACK", ("negated", "reported")),
        ("Russia denied attacking Ukraine's power grid.", "ATTACK", ("negated", "reported")),
        ("Russia did not deny attacking Ukraine.", "ATTACK", ("affirmed", "hypothetical")),
        ("Russia pretended to negotiate with Ukraine.", "NEGOTIATE", ("negated", "asserted")),
        # adjectives of (un)willingness state an intention to act or not to act
        ("Greece was willing to negotiate with Turkey.", "NEGOTIATE", ("affirmed", "intended")),
        ("Greece was not willing to negotiate with Turkey.", "NEGOTIATE", ("negated", "intended")),
        ("Greece was unwilling to negotiate with Turkey.", "NEGOTIATE", ("negated", "intended")),
        ("Japan was reluctant to criticise China.", "CRITICIZE", ("negated", "intended")),
        ("Russia would be willing to negotiate with Ukraine.", "NEGOTIATE", ("affirmed", "intended")),
        # near misses: no implicative governs the act
        ("Algeria cut ties with Morocco last year.", "REDUCE_RELATIONS", ("affirmed", "asserted")),
        ("Canada stopped talks with Kosovo.", "HALT_NEGOTIATIONS", ("affirmed", "asserted")),
        ("France and Germany can work together on defence, Macron said.", "COOPERATE",
         ("affirmed", "hypothetical")),
        ("Russia made clear that it would not attack Finland.", "ATTACK", ("negated", "hypothetical")),
    ],
)
def test_an_implicative_governor_says_whether_its_act_happened(
    extractor: Extractor, text: str, relation: str, expected: tuple[str, str],
) -> None:
    assert reading_of(extractor, text, relation) == expected


def test_the_forcing_is_an_event_of_its_own(extractor: Extractor) -> None:
    forced = qualified(run(extractor, "Brazil forced Argentina to lift its tariffs on Brazilian beef."))
    assert ("country:BRA", "COERCE", "country:ARG", "affirmed", "asserted") in forced
    assert ("country:ARG", "EASE_SANCTIONS", "country:BRA", "affirmed", "asserted") in forced
    not_forced = qualified(run(extractor, "The United States did not force Iran to negotiate with the European Union."))
    assert ("country:USA", "COERCE", "country:IRN", "negated", "asserted") in not_forced


def test_a_clause_before_a_denial_is_not_what_is_denied(extractor: Extractor) -> None:
    text = "Peru blamed Chile for the raid; Santiago denied it had sent troops across the border."
    blamed = [e for e in run(extractor, text).events if e.relation.name == "ACCUSE"]
    assert [(e.subject.id, e.object.id, e.polarity.value) for e in blamed] == [
        ("country:PER", "country:CHL", "affirmed"),
    ]


def test_a_reported_refusal_stays_reported(extractor: Extractor) -> None:
    assert reading_of(extractor, "The minister said Israel had failed to protect Palestinian civilians.", "AID") == (
        "negated", "reported")


def test_requalify_keeps_the_qualifiers_when_no_implicative_governs() -> None:
    plain = Qualifiers(Polarity.NEGATED, Modality.REPORTED, None, False)
    assert requalify(plain, None) == plain
    undecided = ImplicativeReading(Entailment.HAPPENED, decisive=False)
    assert requalify(plain, undecided) == plain
    settled = ImplicativeReading(Entailment.HAPPENED, decisive=True)
    assert requalify(plain, settled) == Qualifiers(Polarity.AFFIRMED, Modality.REPORTED, None, False)
    unentailed = ImplicativeReading(Entailment.UNENTAILED, decisive=True)
    assert requalify(plain, unentailed) == Qualifiers(Polarity.AFFIRMED, Modality.HYPOTHETICAL, None, False)


def test_the_word_classes_load_and_bad_ones_name_the_file(tmp_path: Path) -> None:
    words = load_implicative_words(DATA_DIR / "implicatives.toml")
    assert "manage" in words.two_way_positive and "refuse" in words.one_way_negative
    assert "capacity" in words.capability_nouns
    broken = tmp_path / "implicatives.toml"
    broken.write_text('two_way_positive = ["manage"]\n', encoding="utf-8")
    with pytest.raises(ImplicativeWordsError, match=r"implicatives\.toml: one_way_positive"):
        load_implicative_words(broken)


@pytest.mark.parametrize(
    ("text", "relation", "expected"),
    [
        # a negated verb of reluctance under a modal states a readiness to act (litotes)
        ("Peru said it would not hesitate to impose sanctions on Chile.", "SANCTION", ("affirmed", "intended")),
        ("Bolivia would not hesitate to attack Chile.", "ATTACK", ("affirmed", "intended")),
        # without the modal it tells what happened
        ("Bolivia did not hesitate to attack Chile.", "ATTACK", ("affirmed", "asserted")),
    ],
)
def test_would_not_hesitate_states_a_readiness(
    extractor: Extractor, text: str, relation: str, expected: tuple[str, str],
) -> None:
    assert reading_of(extractor, text, relation) == expected


def test_another_agents_event_is_not_what_is_refused(extractor: Extractor) -> None:
    """"refused to criticise Peru's strikes": the refusal is the criticising's; the strikes are Peru's."""
    text = "Chile refused to criticise Peru's strikes on Bolivia."
    assert reading_of(extractor, text, "ATTACK") == ("affirmed", "asserted")
    assert reading_of(extractor, text, "CRITICIZE") == ("negated", "asserted")

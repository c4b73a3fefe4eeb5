"""Threats beyond a threatening word's own object (extract/intended_threats.py): intentions to carry
out a material conflict act, conditional statements of one, and threats aimed at the party a
condition names (sentences written here)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from graph.model import DropReason, Extraction, Modality, Polarity
from tests.extract.extracting import runner

run = runner("test", "2024-03-05")


def threats(extraction: Extraction) -> set[tuple[str, str, str, str | None]]:
    """(subject, object, the threat's code, the act threatened) of each THREATEN event."""
    found = set()
    for event in extraction.events:
        if event.relation.name == "THREATEN":
            attributes = dict(event.attributes)
            code = attributes.get("cameo", event.relation.cameo)
            found.add((event.subject.id, event.object.id, code, attributes.get("requested")))
    return found


# -- a condition names the target -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the act has no object: the threat is aimed at the condition's subject
        ("Croatia threatened to use force if Serbia did not withdraw its troops.",
         ("country:HRV", "country:SRB", "130", None)),
        ("Russia threatened to retaliate unless Ukraine stopped the shelling.",
         ("country:RUS", "country:UKR", "130", None)),
        ("Canada threatened to impose sanctions unless Iran freed the sailors.",
         ("country:CAN", "country:IRN", "1312", "SANCTION")),
        # an agent noun a state qualifies is that state's party
        ("Spain threatened to retaliate if Moroccan troops crossed the border.",
         ("country:ESP", "group:mar-mil", "130", None)),
        # a passive condition names the party by its agent
        ("Egypt threatened to retaliate if the dam was attacked by Sudan.",
         ("country:EGY", "country:SDN", "130", None)),
        # a warning of consequences under a condition threatens the condition's party
        ("China warned of grave consequences if Canada did not release the businessman.",
         ("country:CHN", "country:CAN", "130", None)),
        # a warning that the speaker will do a conflict act under a condition
        ("Russia warned that it would retaliate if Finland joined the alliance.",
         ("country:RUS", "country:FIN", "130", None)),
        # a conditional statement of a conflict act the speaker will do
        ("Iraq said it would cut diplomatic relations if Sweden allowed another protest.",
         ("country:IRQ", "country:SWE", "1313", "REDUCE_DIPLOMATIC_RELATIONS")),
    ],
)
def test_a_threat_without_a_target_of_its_own_is_aimed_at_the_conditions_party(
    extractor: Extractor, text: str, expected: tuple[str, str, str, str | None]
) -> None:
    result = run(extractor, text)
    assert threats(result) == {expected}
    threat = next(e for e in result.events if e.relation.name == "THREATEN")
    assert threat.modality is Modality.ASSERTED  # the threat was made; only the act is conditional


@pytest.mark.parametrize(
    "text",
    [
        "Chile threatened to retaliate if it was attacked.",  # the condition is about the speaker
        "Peru threatened to retaliate if Lima lost the arbitration.",
        "The United Nations warned of a famine if Ethiopia did not open the roads.",  # a plight, no consequence
        "Spain threatened to retaliate if the talks failed.",  # the condition names no party
        "Russia threatened to retaliate even if Finland stayed neutral.",  # concessive: no condition
        "Spain threatened to retaliate if the Moroccan economy collapsed.",  # a thing Morocco qualifies
        "Russia threatened to retaliate as if Finland had attacked it.",  # a comparison
    ],
)
def test_a_condition_naming_no_other_party_gives_no_target(extractor: Extractor, text: str) -> None:
    result = run(extractor, text)
    assert threats(result) == set()
    # the speaker is no target of its own threat: not even one dropped later as a self-loop
    assert not [d for d in result.drops if d.reason is DropReason.SELF_LOOP]


def test_a_conditions_party_is_no_target_when_the_act_has_its_own(extractor: Extractor) -> None:
    result = run(extractor, "Turkey threatened to attack Syria if the United States withdrew its troops.")
    assert threats(result) == {("country:TUR", "country:SYR", "138", "ATTACK")}


def test_a_condition_on_the_speaker_itself_is_counted_as_a_drop(extractor: Extractor) -> None:
    result = run(extractor, "Chile threatened to impose sanctions if Chile was attacked.")
    assert threats(result) == set()
    assert DropReason.CONDITIONAL_TARGET in {d.reason for d in result.drops}


def test_a_statement_of_intent_without_a_condition_keeps_its_coding(extractor: Extractor) -> None:
    result = run(extractor, "Iraq said it would cut diplomatic relations with Sweden.")
    assert threats(result) == set()
    assert {e.relation.name for e in result.events} == {"REDUCE_DIPLOMATIC_RELATIONS"}


@pytest.mark.parametrize(
    "text",
    [
        # the act is another's than the speaker's
        "Analysts said Iraq would cut diplomatic relations if Sweden allowed another protest.",
        # "even if" sets no condition: a statement of intent as before
        "Israel said it would strike Iran even if the United States objected.",
        # a denial announces no course of action
        "Iran denied that it would strike Israel if the talks failed.",
    ],
)
def test_a_conditional_act_not_announced_by_its_actor_is_no_threat(extractor: Extractor, text: str) -> None:
    assert threats(run(extractor, text)) == set()


def test_a_conditional_act_announced_with_its_own_target_threatens_that_target(extractor: Extractor) -> None:
    result = run(extractor, "Russia announced that it would expel Estonian diplomats if Tallinn removed the monument.")
    assert threats(result) == {("country:RUS", "country:EST", "136", "EXPEL")}


# -- intentions to carry out a material conflict act ------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected", "trigger"),
    [
        ("Iran vowed to retaliate against Israel.", ("country:IRN", "country:ISR", "130", None), "vow"),
        ("The United States pledged to impose sanctions on Russia.",
         ("country:USA", "country:RUS", "1312", "SANCTION"), "pledge"),
        ("Azerbaijan vowed to attack Armenia.", ("country:AZE", "country:ARM", "138", "ATTACK"), "vow"),
        ("Chile promised to punish Bolivia.", ("country:CHL", "country:BOL", "130", None), "promise"),
        ("Russia promised sanctions against Latvia.", ("country:RUS", "country:LVA", "1312", "SANCTION"), "promise"),
        ("Russia's pledge to impose sanctions on Latvia alarmed Estonia.",
         ("country:RUS", "country:LVA", "1312", "SANCTION"), "pledge"),
        ("Ukraine plans to expel the Russian ambassador.", ("country:UKR", "country:RUS", "136", "EXPEL"), "plan"),
        ("Greece pledged that it would expel the Turkish ambassador.",
         ("country:GRC", "country:TUR", "136", "EXPEL"), "pledge"),
    ],
)
def test_an_intention_to_carry_out_a_conflict_act_is_a_threat(
    extractor: Extractor, text: str, expected: tuple[str, str, str, str | None], trigger: str
) -> None:
    result = run(extractor, text)
    assert threats(result) == {expected}
    threat = next(e for e in result.events if e.relation.name == "THREATEN")
    assert threat.trigger == trigger
    assert threat.modality is Modality.ASSERTED
    assert not [e for e in result.events if e.relation.name in ("ATTACK", "SANCTION", "EXPEL")]


def test_an_intention_to_cooperate_stays_an_intention(extractor: Extractor) -> None:
    result = run(extractor, "France vowed to cooperate with Germany.")
    assert threats(result) == set()
    assert {(e.relation.name, e.modality) for e in result.events} == {("COOPERATE", Modality.INTENDED)}


def test_a_vow_not_to_attack_is_no_threat(extractor: Extractor) -> None:
    result = run(extractor, "Russia vowed not to attack Ukraine.")
    assert threats(result) == set()
    assert {(e.relation.name, e.polarity) for e in result.events} == {("ATTACK", Polarity.NEGATED)}


def test_an_intention_under_a_condition_is_aimed_at_the_conditions_party(extractor: Extractor) -> None:
    result = run(extractor, "Ghana vowed to impose sanctions unless Togo released the prisoners.")
    assert threats(result) == {("country:GHA", "country:TGO", "1312", "SANCTION")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the OEDA verb dictionary codes "vow ... revenge" and "promise ... raid" 138
        ("Iran vowed revenge against Israel.", ("country:IRN", "country:ISR", "138", None)),
        ("Hamas promised a raid on Israel.", ("org:hamas", "country:ISR", "138", None)),
        ("Iran vowed revenge if Israel struck again.", ("country:IRN", "country:ISR", "138", None)),
    ],
)
def test_an_intention_the_verb_dictionary_codes_as_a_threat_is_one(
    extractor: Extractor, text: str, expected: tuple[str, str, str, str | None]
) -> None:
    assert threats(run(extractor, text)) == {expected}


def test_an_intention_denied_is_a_negated_threat(extractor: Extractor) -> None:
    result = run(extractor, "Iran did not vow revenge against Israel.")
    assert threats(result) == {("country:IRN", "country:ISR", "138", None)}
    assert result.events[0].polarity is Polarity.NEGATED


def test_an_intention_to_support_is_no_threat(extractor: Extractor) -> None:
    result = run(extractor, "Kenya pledged support for Somalia.")
    assert threats(result) == set()

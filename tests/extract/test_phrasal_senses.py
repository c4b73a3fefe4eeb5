"""Phrasal verbs whose particle changes a trigger verb's sense (extract/phrasal_senses.py, the
[phrasal] table of extract/data/verb_senses.toml) and the classes of communication, abstract and
figurative objects of the same file. Every sentence here is invented for the rule it tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.ontology import DATA_DIR, read_cameo_goldstein
from extract.pipeline import Extractor
from extract.verb_sense_table import VerbSenseError, load_verb_sense_table
from graph.model import DropReason, Extraction
from tests.extract.extracting import code_of, runner

run = runner("phrasal-senses-test", "2025-04-02")
CODES = frozenset(read_cameo_goldstein(DATA_DIR / "cameo_codes.tsv"))


def coded(extraction: Extraction) -> set[tuple[str, str, str]]:
    """(subject country, CAMEO code, object country) of every event."""
    return {(e.subject.country or "", code_of(e), e.object.country or "") for e in extraction.events}


def roots(extraction: Extraction) -> set[str]:
    return {code_of(e)[:2] for e in extraction.events}


# -- a listed particle takes the verb away from its trigger ------------------------------------------
@pytest.mark.parametrize(
    ("text", "false_root"),
    [
        ("Norway called off its planned talks with Denmark.", "04"),  # cancel, no phone call
        ("Croatia gave up its claim to compensation from Slovenia.", "07"),  # abandon, no aid
        ("Estonia sent back the migrants who had come from Latvia.", "07"),  # return, no aid
        ("Bolivia's top court struck down the treaty with Paraguay.", "19"),  # annul, no attack
        ("Ecuador stood up to Peru over the fishing rights.", "05"),  # resist, no support
        ("Uruguay pushed back against Brazil's tariff proposal.", "10"),  # resist, no demand
    ],
)
def test_a_listed_particle_is_no_event_of_the_bare_verb(extractor: Extractor, text: str, false_root: str) -> None:
    extraction = run(extractor, text)
    assert false_root not in roots(extraction)


def test_the_drop_names_the_phrasal_verb(extractor: Extractor) -> None:
    # the dictionary lists no "stand up": the phrasal verb is dropped with a reason naming it
    extraction = run(extractor, "Ecuador stood up to Peru over the fishing rights.")
    details = [d.detail for d in extraction.drops if d.reason is DropReason.NO_EVENT_SENSE]
    assert any(detail.startswith("stand up:") for detail in details), details


def test_the_dictionary_codes_a_phrasal_verb_it_lists(extractor: Extractor) -> None:
    # OEDA: BACK DOWN = 080 (yield); the bare verb would be support (050)
    found = coded(run(extractor, "Serbia backed down after Montenegro threatened to close the border."))
    assert not any(code.startswith("05") for _, code, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Britain backed up France's account of the border incident.", ("GBR", "050", "FRA")),  # "up" keeps it
        ("India struck back at militant camps in Pakistan.", ("IND", "190", "PAK")),  # "back" keeps it
        ("Iran gave in to pressure from Iraq over the water.", ("IRN", "080", "IRQ")),  # a trigger names "in"
    ],
)
def test_a_particle_not_listed_or_named_by_a_trigger_keeps_the_event(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    found = coded(run(extractor, text))
    assert any(s == expected[0] and c[:2] == expected[1][:2] and o == expected[2] for s, c, o in found), found


# -- light verbs with a communication or abstract object --------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Finland sent a message of condolence to Greece after the fire.",
        "Portugal gave an interview to Spanish radio about the water treaty.",
        "Hungary provided no evidence to Slovakia for its claims.",
        "Chile delivered a blunt message to Peru about the fishing fleet.",
    ],
)
def test_a_communication_given_or_sent_is_no_aid_or_sale(extractor: Extractor, text: str) -> None:
    assert not roots(run(extractor, text)) & {"06", "07"}


def test_giving_way_to_someone_is_yielding(extractor: Extractor) -> None:
    assert ("LBN", "080", "SYR") in coded(run(extractor, "Lebanon gave way to Syria after a week of talks."))


def test_aid_given_is_still_aid(extractor: Extractor) -> None:
    assert ("JPN", "070", "TUR") in coded(run(extractor, "Japan gave Turkey $10 million in earthquake aid."))


# -- figurative and non-actor objects ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "false_root"),
    [
        ("Argentina beat Chile in the final in Santiago.", "18"),
        ("Mongolia's exports to China hit a record in June.", "19"),
        ("Kenya and Uganda struck a deal on the railway.", "19"),
        ("Laos shares a long border with Vietnam.", "06"),
        ("Russia charged Belarus higher fees for oil transit.", "11"),
        ("Thailand seized the chance to mend ties with Cambodia.", "17"),
        ("Denmark and Norway fought climate change together.", "19"),
        ("Peru received a letter from Ecuador about the treaty.", "04"),
    ],
)
def test_a_figurative_object_is_no_event_of_the_surface_kind(extractor: Extractor, text: str, false_root: str) -> None:
    assert false_root not in roots(run(extractor, text))


def test_attacking_a_plan_is_criticism(extractor: Extractor) -> None:
    found = coded(run(extractor, "Spain attacked Morocco's plan to expand the port."))
    assert ("ESP", "111", "MAR") in found
    assert not any(code.startswith("19") for _, code, _ in found)


def test_hitting_with_sanctions_is_a_sanction(extractor: Extractor) -> None:
    found = coded(run(extractor, "Canada hit Iran with new sanctions on Monday."))
    assert ("CAN", "163", "IRN") in found
    assert not any(code.startswith("19") for _, code, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel hit targets in Lebanon overnight.", ("ISR", "19", "LBN")),
        ("Russia struck a market in Kharkiv, Ukraine said.", ("RUS", "19", "UKR")),
        ("Turkey recognised Kosovo's independence.", ("TUR", "05", "XKX")),
        ("The Netherlands shared intelligence with Ukraine.", ("NLD", "06", "UKR")),
    ],
)
def test_the_literal_sense_keeps_its_event(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    found = coded(run(extractor, text))
    assert any(s == expected[0] and c[:2] == expected[1] and o == expected[2] for s, c, o in found), found


# -- the [phrasal] table -------------------------------------------------------------------------------
def test_the_table_reads_the_particles_of_a_verb() -> None:
    table = load_verb_sense_table(DATA_DIR / "verb_senses.toml", CODES)
    assert {"off", "up"} <= table.sense_changing_particles("call")
    assert table.sense_changing_particles("negotiate") == frozenset()


def test_a_phrasal_particle_of_two_words_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "verb_senses.toml"
    path.write_text(
        'general_verbs = ["give"]\n[[sense]]\nname = "x"\nverbs = ["pay"]\nobjects = ["price"]\ncode = "---"\n'
        '[phrasal]\ncall = ["off to"]\n',
        encoding="utf-8",
    )
    with pytest.raises(VerbSenseError, match=r"\[phrasal\] call"):
        load_verb_sense_table(path, CODES)


# -- phrasal verbs the dictionary does not list, coded by [phrasal_codes] ---------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway called out Russia over the jamming of its flights.", ("NOR", "111", "RUS")),
        ("Egypt struck out at Ethiopia over the filling of the dam.", ("EGY", "111", "ETH")),
    ],
)
def test_a_listed_phrasal_verb_says_its_own_act(
    extractor: Extractor, text: str, expected: tuple[str, str, str]
) -> None:
    found = coded(run(extractor, text))
    assert expected in found
    assert not any(code[:2] in ("04", "19") for _, code, _ in found)


def test_a_phrasal_code_must_be_a_cameo_code(tmp_path: Path) -> None:
    path = tmp_path / "verb_senses.toml"
    path.write_text(
        'general_verbs = ["give"]\n[[sense]]\nname = "x"\nverbs = ["pay"]\nobjects = ["price"]\ncode = "---"\n'
        '[phrasal_codes]\n"call out" = "999"\n',
        encoding="utf-8",
    )
    with pytest.raises(VerbSenseError, match=r"\[phrasal_codes\] 'call out'"):
        load_verb_sense_table(path, CODES)


# -- a light verb with a particle that changes it passes its subject to no event noun ---------------
@pytest.mark.parametrize(
    "text",
    [
        "Austria held up the sanctions package against Belarus for a month.",
        "Slovakia held off sanctions on Russia until the summit.",
        "Iran gave up talks with Bahrain after the incident.",
    ],
)
def test_a_light_verb_with_a_changing_particle_gives_no_event(extractor: Extractor, text: str) -> None:
    extraction = run(extractor, text)
    assert not extraction.events
    assert any(d.reason is DropReason.BLOCKED_BY_GOVERNOR for d in extraction.drops)


def test_a_light_verb_without_a_particle_keeps_the_event(extractor: Extractor) -> None:
    assert ("AUT", "163", "BLR") in coded(run(extractor, "Austria imposed sanctions on Belarus."))
    assert any(code.startswith("04") for _, code, _ in coded(run(extractor, "Iran held talks with Bahrain.")))


# -- joining a call, hijacking a process, shooting down a proposal, hosting a contest -----------------
@pytest.mark.parametrize(
    ("text", "false_root"),
    [
        ("Austria joined calls by Italy for a ceasefire.", "06"),
        ("Syria hijacked the agenda of the talks with Jordan.", "18"),
        ("Sweden's fans invaded the pitch after the win over Norway.", "19"),
        ("Kenya hosted the marathon with Uganda.", "04"),
    ],
)
def test_a_figurative_object_of_join_hijack_invade_or_host(extractor: Extractor, text: str, false_root: str) -> None:
    assert false_root not in roots(run(extractor, text))


def test_shooting_down_a_proposal_rejects_it_and_a_drone_is_still_shot(extractor: Extractor) -> None:
    found = coded(run(extractor, "Peru shot down Bolivia's proposal for a joint port."))
    assert ("PER", "120", "BOL") in found
    assert not any(code.startswith("19") for _, code, _ in found)
    assert any(code.startswith("19") for _, code, _ in coded(run(extractor, "Syria shot down an Israeli drone.")))


def test_a_state_joining_another_in_a_mission_still_cooperates(extractor: Extractor) -> None:
    assert ("ESP", "060", "FRA") in coded(run(extractor, "Spain joined France in the mission to Mali."))

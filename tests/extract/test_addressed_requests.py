"""Appeals and demands addressed by a for-to or that complement, deadlines given as ultimatums, and
threats of force aimed "against" an actor (extract/addressed_requests.py,
extract/addressed_request_words.py; sentences written here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.addressed_request_words import AddressedRequestsError, load_addressed_request_words
from extract.gazetteer import DATA_DIR
from extract.pipeline import Extractor
from graph.model import DropReason, Polarity
from tests.extract.extracting import code_of, runner

run = runner("test", "2024-03-14")


def coded(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    """(subject state, CAMEO code, object state or id, polarity) of every event."""
    return {
        (e.subject.country or e.subject.id, code_of(e), e.object.country or e.object.id, e.polarity.value)
        for e in run(extractor, text).events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # for-to complements of a requesting verb or noun: the for-phrase is the one asked
        ("Denmark called for Iraq to investigate the attack on its embassy.", ("DNK", "020", "IRQ")),
        ("Italy pleaded for Tunisia to stop the boats.", ("ITA", "020", "TUN")),
        ("Berlin's call for Ankara to free the reporters was ignored.", ("DEU", "020", "TUR")),
        ("Chile repeated its call for Peru to hand over the suspect.", ("CHL", "020", "PER")),
        ("Russia's demand for Georgia to drop the law angered Tbilisi.", ("RUS", "100", "GEO")),
        # a request noun's "that" clause, issued by the subject of a verb of issuing
        ("Egypt issued a demand that Ethiopia stop filling the dam.", ("EGY", "100", "ETH")),
        ("Brazil made an appeal that Paraguay reopen the bridge.", ("BRA", "020", "PRY")),
        # "urge N on X": the object is what is asked, the "on" phrase the one asked
        ("The UN urged restraint on both Armenia and Azerbaijan.", ("org:un", "020", "AZE")),
        # a requesting verb's mandative "that" clause, also where the parser took its verb for a noun
        ("Japan urged that China release the detained businessman.", ("JPN", "020", "CHN")),
        ("Pakistan demanded that Afghanistan's government act against the militants.", ("PAK", "100", "AFG")),
        ("Hungary's prime minister demanded that the EU release frozen funds.", ("HUN", "100", "org:eu")),
        ("Russia insisted that Ukraine withdraw from the four regions.", ("RUS", "100", "UKR")),
        # deadlines: CAMEO 139, never aid
        ("Kenya gave Somalia until Monday to recall its troops.", ("KEN", "139", "SOM")),
        ("The United States gave Iran an ultimatum to leave the talks.", ("USA", "139", "IRN")),
        ("Algeria set Mali a deadline to expel the militants.", ("DZA", "139", "MLI")),
        # threats, warnings and vows of force or reprisal aimed "against" an actor
        ("Ethiopia threatened military action against Eritrea.", ("ETH", "138", "ERI")),
        ("Iran vowed reprisals against Israel.", ("IRN", "130", "ISR")),
        ("China threatened countermeasures against Lithuania.", ("CHN", "130", "LTU")),
        ("Belarus vowed to take countermeasures against Lithuania.", ("BLR", "130", "LTU")),
        ("Iran promised retaliation against Israel.", ("IRN", "130", "ISR")),
        ("Russia's threat to use force against Ukraine drew wide condemnation.", ("RUS", "138", "UKR")),
        # raising the prospect of one's own conflict act
        ("Washington raised the prospect of force against Iran.", ("USA", "138", "IRN")),
        ("Israel raised the prospect of military strikes on Lebanon.", ("ISR", "138", "LBN")),
        ("The EU raised the possibility of sanctions against Belarus.", ("org:eu", "1312", "BLR")),
        # a statement that another state will answer for its conduct
        ("Moscow said Sweden would pay for its decision to send weapons.", ("RUS", "130", "SWE")),
        ("The Pentagon said Iran would be held accountable for the attack.", ("USA", "130", "IRN")),
        # a warning that the speaker's relations with another party will be harmed
        ("China warned that the visit would damage ties with Washington.", ("CHN", "130", "USA")),
        ("Iran warned that the deal would have consequences for relations between Tehran and Baku.",
         ("IRN", "130", "AZE")),
        # a retaliation announced under a condition on another party
        ("Russia said it would respond with countermeasures if Norway joined the exercise.", ("RUS", "130", "NOR")),
        ("Iran warned that it would retaliate if Azerbaijan hosted the drills.", ("IRN", "130", "AZE")),
        ("Israel said it would respond firmly if Hezbollah fired rockets.", ("ISR", "130", "LBN")),
        ("Iran warned that it would respond if Israel attacked Lebanon.", ("IRN", "130", "ISR")),
        ("Lavrov warned that Moscow would take retaliatory measures if Washington sent missiles to Poland.",
         ("RUS", "130", "USA")),
    ],
)
def test_a_request_deadline_or_threat_is_coded(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert (*expected, Polarity.AFFIRMED.value) in coded(extractor, text)


def test_the_deadline_is_no_aid_and_the_act_asked_for_no_event(extractor: Extractor) -> None:
    extraction = run(extractor, "Kenya gave Somalia until Monday to recall its troops.")
    assert {code_of(e) for e in extraction.events} == {"139"}
    assert ("give", DropReason.DUPLICATE) in {(d.trigger, d.reason) for d in extraction.drops}


def test_an_assertion_by_insist_is_dropped_with_its_reason(extractor: Extractor) -> None:
    extraction = run(extractor, "China insisted that Taiwan is an inalienable part of China.")
    assert (DropReason.NOT_AN_EVENT, "insist") in {(d.reason, d.trigger) for d in extraction.drops}


def test_an_act_asked_of_an_addressee_gets_no_actors_by_word_order(extractor: Extractor) -> None:
    """"the council" names no actor here; word order must not make the requester condemn Venezuela."""
    extraction = run(extractor, "Guyana asked the council to condemn Venezuela's threats.")
    assert "111" not in {code_of(e) for e in extraction.events}
    assert ("condemn", DropReason.BLOCKED_BY_GOVERNOR) in {(d.trigger, d.reason) for d in extraction.drops}


def test_a_prospect_raised_is_no_act_done(extractor: Extractor) -> None:
    codes = {code_of(e) for e in run(extractor, "Israel raised the prospect of military strikes on Lebanon.").events}
    assert codes == {"138"}


def test_relations_harmed_are_no_cooperation(extractor: Extractor) -> None:
    text = "Iran warned that the deal would have consequences for relations between Tehran and Baku."
    extraction = run(extractor, text)
    assert {code_of(e) for e in extraction.events} == {"130"}


def test_a_negated_request_or_threat_is_negated(extractor: Extractor) -> None:
    assert ("DNK", "020", "IRQ", Polarity.NEGATED.value) in coded(
        extractor, "Denmark did not call for Iraq to investigate the attack.")
    assert ("ETH", "138", "ERI", Polarity.NEGATED.value) in coded(
        extractor, "Ethiopia has not threatened military action against Eritrea.")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # "action" is force only with a military modifier
        ("Ethiopia threatened legal action against Eritrea.", "138"),
        # no actor in the for-phrase: a call for an act, no one addressed
        ("Denmark called for calm to return to the region.", "020"),
        # a request noun under a verb of reacting is left to the patterns: no appeal read as negated
        ("Ethiopia rejected Egypt's call for Sudan to close the border.", "020"),
        # a verb of reacting is no issuing verb: its subject did not make the demand
        ("Turkey rejected a demand that Greece withdraw its ships.", "100"),
        # a gift with no deadline is no ultimatum
        ("Japan gave Vietnam two patrol boats.", "139"),
        # a passive act: the for-phrase undergoes it, it is not asked to act
        ("Kenya called for the United Nations to be reformed.", "020"),
        ("India pressed for Pakistan to be placed on the blacklist.", "100"),
        # "insist" with a clause that is no mandative one asserts it
        ("China insisted that Taiwan is an inalienable part of China.", "100"),
        ("Serbia insisted that Kosovo was never a state.", "100"),
        # paying for goods is no answering for conduct; a negated clause predicts nothing
        ("Germany said Poland would pay for the tanks.", "130"),
        ("Russia said Ukraine would not be held accountable.", "130"),
        # a response that promises no harm, a concessive "even if", a negated retaliation
        ("Iran said it would respond positively if the United States returned to the deal.", "130"),
        ("Iran said it would respond if Israel attacked Lebanon.", "130"),  # said, not warned
        ("Russia said it would not retaliate if Estonia removed the monument.", "130"),
        ("Pakistan said India would retaliate if it attacked.", "130"),
        ("Japan said it would take measures if China continued the ban.", "130"),
        # a prospect of no conflict act, or raised by no actor
        ("The minister raised the prospect of talks with China.", "130"),
        ("Analysts raised the prospect of war between India and Pakistan.", "138"),
        # relations helped, or not harmed
        ("Japan said the agreement would strengthen ties with Australia.", "130"),
        ("India said the decision would not harm relations with Nepal.", "130"),
        # one state: no one appeals to or threatens itself
        ("Moscow called for Russia to rearm.", "020"),
    ],
)
def test_no_request_deadline_or_threat_is_read_where_english_gives_none(
    extractor: Extractor, text: str, code: str
) -> None:
    assert code not in {c for _, c, _, _ in coded(extractor, text)}


def test_a_malformed_word_file_names_itself(tmp_path: Path) -> None:
    source = (DATA_DIR / "addressed_requests.toml").read_text(encoding="utf-8")
    broken = tmp_path / "addressed_requests.toml"
    broken.write_text(source.replace('force = "138"', 'force = "force"'), encoding="utf-8")
    with pytest.raises(AddressedRequestsError, match=r"addressed_requests\.toml: threatened_acts\.codes\.force"):
        load_addressed_request_words(broken)
    assert load_addressed_request_words(DATA_DIR / "addressed_requests.toml").act_codes["force"] == "138"

"""Where a governing clause's reach stops (``extract.clause_scope``)."""

from __future__ import annotations

import pytest

from extract.clause_scope import (
    clause_top,
    finite_conjunct_partner,
    is_completed_adverbial,
    is_definite,
    names_another_agent,
)
from extract.pipeline import Extractor
from graph.model import Article, Modality, Polarity


def word(extractor: Extractor, sentence: str, text: str) -> tuple[str, ...]:
    doc = extractor.nlp(sentence)
    token = next(t for t in doc if t.text == text)
    partner = finite_conjunct_partner(token)
    return (partner.text,) if partner is not None else ()


def test_a_finite_verb_is_no_conjunct_of_an_infinitive(extractor: Extractor) -> None:
    assert word(extractor, "Peru refused to meet Chile and expelled its envoy.", "expelled") == ("refused",)
    assert word(extractor, "Peru met Chile and expelled its envoy.", "expelled") == ()  # two finite verbs
    assert word(extractor, "Peru refused to meet Chile and to recall its envoy.", "recall") == ()


def test_a_finite_verb_is_no_conjunct_of_a_gerund(extractor: Extractor) -> None:
    assert word(extractor, "Serbia denies arming the rebels and blames Croatia for the violence.", "blames") == (
        "denies",)
    assert word(extractor, "Serbia denied arming the rebels and attacking Croatia.", "attacking") == ()  # two gerunds


def test_a_finite_verb_beside_a_denied_gerund_is_neither_denied_nor_reported(extractor: Extractor) -> None:
    found = extractor.extract(Article("scope", "Serbia denies arming the rebels and blames Croatia for the violence.",
                                      None, "2024-05-02")).events
    blame = next(e for e in found if e.trigger == "blame")
    assert (blame.object.id, blame.polarity, blame.modality) == ("country:HRV", Polarity.AFFIRMED, Modality.ASSERTED)


def test_the_top_of_coordinated_verbs(extractor: Extractor) -> None:
    def top(sentence: str, text: str, stop: bool) -> str:
        token = next(t for t in extractor.nlp(sentence) if t.text == text)
        return clause_top(token, stop_at_finite_conjunct=stop).text

    assert top("Peru threatened to impose sanctions and cut ties with Chile.", "cut", True) == "impose"
    assert top("Peru refused to meet Chile and expelled its envoy.", "expelled", True) == "expelled"
    assert top("Peru refused to meet Chile and expelled its envoy.", "expelled", False) == "meet"


@pytest.mark.parametrize(
    ("sentence", "verb", "completed"),
    [
        ("After Chile expelled the envoy, Peru vowed to retaliate.", "expelled", True),
        ("Peru will respond because Chile had expelled its envoy.", "expelled", True),
        ("Since Chile closed the border, trade has fallen.", "closed", True),
        ("Bolivia will protest once Chile expels the envoy.", "expels", False),  # present: not yet done
        ("Peru might retaliate if Chile expelled its envoy.", "expelled", False),  # a condition
        ("Peru left before Chile could expel its envoy.", "expel", False),  # a modal: not done
        # the parser hangs "after ..." on a noun of time as a relative clause: still an adverbial
        ("Peru agreed on Monday to impose new sanctions on Chile, a day after Chile forced a Peruvian plane to land.",
         "forced", True),
    ],
)
def test_a_completed_adverbial_clause(extractor: Extractor, sentence: str, verb: str, completed: bool) -> None:
    doc = extractor.nlp(sentence)
    token = next(t for t in doc if t.text == verb)
    assert is_completed_adverbial(token) is completed


@pytest.mark.parametrize(
    ("sentence", "noun", "other", "definite"),
    [
        ("Chile did not condemn Peru's blockade of the port.", "blockade", True, True),  # a possessor
        ("Chile refused to criticise the Bolivian strikes.", "strikes", True, True),  # a named modifier
        ("Chile declined to back OAS sanctions.", "sanctions", True, False),  # bare: not presupposed
        ("Chile did not comment on the strikes by Peru.", "strikes", True, True),  # a "by" phrase
        ("Chile did not launch its offensive.", "offensive", False, True),  # a pronoun: the subject's own
        ("Chile did not hold talks with Peru.", "talks", False, False),  # no agent of its own
        ("Peru did not impose Peru sanctions.", "sanctions", False, False),  # the subject itself
    ],
)
def test_an_event_noun_naming_another_agent(
    extractor: Extractor, sentence: str, noun: str, other: bool, definite: bool,
) -> None:
    doc = extractor.nlp(sentence)
    token = next(t for t in doc if t.text == noun)
    assert names_another_agent(token) is other
    assert is_definite(token) is definite


def test_another_agents_event_escapes_the_negation_of_its_governor(extractor: Extractor) -> None:
    text = "Chile did not condemn Peru's invasion of Bolivia."
    events = extractor.extract(Article("own-agent", text, None, "2024-03-14")).events
    pairs = [((e.subject.id, e.object.id), e.polarity, e.modality) for e in events]
    invasion = [(p, m) for ends, p, m in pairs if ends == ("country:PER", "country:BOL")]
    condemning = [p for ends, p, _ in pairs if ends == ("country:CHL", "country:PER")]
    assert invasion == [(Polarity.AFFIRMED, Modality.ASSERTED)]
    assert condemning == [Polarity.NEGATED]


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Chile prevented Peru's attack on Bolivia.", Polarity.NEGATED),  # a verb denying its object
        ("Chile did not prevent Peru's attack on Bolivia.", Polarity.AFFIRMED),
        ("Chile refused to criticise the Peruvian attack on Bolivia.", Polarity.AFFIRMED),
    ],
)
def test_a_verb_denying_its_object_still_denies_another_agents_event(
    extractor: Extractor, text: str, polarity: Polarity,
) -> None:
    events = extractor.extract(Article("own-agent", text, None, "2024-03-14")).events
    attacks = [e.polarity for e in events if (e.subject.id, e.object.id) == ("country:PER", "country:BOL")]
    assert attacks == [polarity]

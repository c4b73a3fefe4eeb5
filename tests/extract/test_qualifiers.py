"""Polarity and modality read from the clauses that govern a trigger (``extract.qualifiers``)."""

from __future__ import annotations

import pytest

from extract.pipeline import Extractor
from extract.qualifiers import qualify
from graph.model import Article, Modality, Polarity


def qualified(extractor: Extractor, sentence: str, trigger: str) -> tuple[Polarity, Modality]:
    """Polarity and modality of the first token of ``sentence`` written ``trigger``."""
    doc = extractor.nlp(sentence)
    (token,) = [t for t in doc if t.text == trigger][:1]
    found = qualify(token, extractor.knowledge.lexicon)
    return found.polarity, found.modality


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Italian police prevented an attack on the embassy.", "attack"),
        ("The navy thwarted an attempt to seize the tanker.", "seize"),
        ("Brazil refrained from criticising Venezuela.", "criticising"),
        ("The coalition averted a strike on the port.", "strike"),
        ("Ghana barred the tanker from docking in Tema.", "docking"),
        ("The sanctions kept Iran from buying aircraft.", "buying"),
        ("Washington blocked the company from exporting chips to China.", "exporting"),
    ],
)
def test_a_prevented_event_is_negated(extractor: Extractor, sentence: str, trigger: str) -> None:
    assert qualified(extractor, sentence, trigger)[0] is Polarity.NEGATED


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Turkey kept its promise to visit Greece.", "visit"),  # "keep" negates only "from V-ing"
        ("Peru barred Bolivian traders after the protests.", "protests"),
        ("The ministry did not prevent the protest.", "protest"),  # a negated prevention
        ("Chile stopped short of expelling the ambassador after he met rebels.", "met"),
    ],
)
def test_an_event_not_prevented_stays_affirmed(extractor: Extractor, sentence: str, trigger: str) -> None:
    assert qualified(extractor, sentence, trigger)[0] is Polarity.AFFIRMED


def test_prevention_and_refusal_are_read_alongside_modality(extractor: Extractor) -> None:
    assert qualified(extractor, "Egypt said the rules would keep Sudan from importing arms.", "importing") == (
        Polarity.NEGATED, Modality.HYPOTHETICAL,
    )
    assert qualified(extractor, "Japan refused to meet the delegation.", "meet")[0] is Polarity.NEGATED
    assert qualified(extractor, "Japan would not rule out talks with Seoul.", "talks") == (
        Polarity.AFFIRMED, Modality.HYPOTHETICAL,
    )


def test_a_prevented_event_between_actors_is_extracted_negated(extractor: Extractor) -> None:
    text = "Hungary prevented the European Union from imposing sanctions on Russia."
    extraction = extractor.extract(Article("prevented", text, date="2024-03-01"))
    sanctions = [e for e in extraction.events if e.relation.name == "SANCTION"]
    assert [(e.subject.id, e.object.id, e.polarity) for e in sanctions] == [
        ("org:eu", "country:RUS", Polarity.NEGATED)
    ]


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        ("Turkey said it would send troops to Libya.", "send", Modality.INTENDED),
        ("Israel would send wheat to Sudan, he said.", "send", Modality.INTENDED),
        ("Ghana said it would impose sanctions on Togo.", "sanctions", Modality.INTENDED),
        ("Turkey said it could send troops to Libya.", "send", Modality.HYPOTHETICAL),
        ("Turkey says it would send troops to Libya.", "send", Modality.HYPOTHETICAL),  # not reported in the past
        ("Turkey would send troops to Libya if asked.", "send", Modality.HYPOTHETICAL),
    ],
)
def test_would_in_speech_reported_in_the_past_is_a_stated_intention(
    extractor: Extractor, sentence: str, trigger: str, modality: Modality,
) -> None:
    assert qualified(extractor, sentence, trigger)[1] is modality


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Ghana and Togo are set to sign a border agreement on Friday.", "sign"),
    ("Japan is poised to sign a defence pact with the Philippines.", "sign"),
    ("The Kenyan president is slated to meet Uganda's president in May.", "meet"),
    ("Russia expressed willingness to mediate between Armenia and Azerbaijan.", "mediate"),
    # nouns of striving and seeking: the act is sought, not done
    ("Moscow criticised Armenia's attempt to join the International Criminal Court.", "join"),
    ("Turkey renewed its push to join the European Union.", "join"),
    ("Kenya welcomed Uganda's efforts to mediate between the two sides.", "mediate"),
])
def test_a_participle_or_noun_of_intention_makes_the_act_intended(
        extractor: Extractor, sentence: str, trigger: str) -> None:
    assert qualified(extractor, sentence, trigger)[1] is Modality.INTENDED


@pytest.mark.parametrize("sentence", [
    "Iran said it was ready for talks with the United States.",
    "Kim Jong Un said he was open to talks with Seoul.",
])
def test_an_event_noun_of_a_readiness_is_the_ready_ones_intention(extractor: Extractor, sentence: str) -> None:
    result = extractor.extract(Article("readiness-test", sentence, None, "2018-01-01"))
    assert [(e.relation.name, e.modality) for e in result.events] == [("MEET", Modality.INTENDED)], sentence
    assert result.events[0].subject.country in ("IRN", "PRK")


@pytest.mark.parametrize(("sentence", "modality"), [
    ("Ghana's president will fly to Lome next week for talks with Togo's president.", Modality.INTENDED),
    ("Ghana's president flew to Lome on Monday for talks with Togo's president.", Modality.ASSERTED),
])
def test_a_trip_purpose_takes_the_trip_verb_modality(extractor: Extractor, sentence: str, modality: Modality) -> None:
    assert qualified(extractor, sentence, "talks")[1] is modality


def test_a_definite_cause_after_for_keeps_its_own_modality(extractor: Extractor) -> None:
    assert qualified(extractor, "Ghana will sanction Togo for the attacks on its traders.", "attacks")[1] \
        is Modality.ASSERTED


@pytest.mark.parametrize(("sentence", "trigger"), [
    ("Tehran vowed revenge on Tuesday for an Israeli air strike on its consulate.", "strike"),
    ("Iran promised retaliation for a drone attack on its border guards.", "attack"),
])
def test_the_deed_a_reaction_answers_is_told_as_done(extractor: Extractor, sentence: str, trigger: str) -> None:
    # after a verb whose object is a reaction, "for" names its cause, not a purpose (lexicon reaction_nouns)
    assert qualified(extractor, sentence, trigger)[1] is Modality.ASSERTED


def test_a_passive_that_is_no_adjective_of_intention_leaves_the_act_asserted(extractor: Extractor) -> None:
    assert qualified(extractor, "Chile was forced to sign the agreement with Peru.", "sign")[1] is Modality.ASSERTED


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Neither Chile nor Peru condemned the coup.", "condemned"),  # a subject under "neither ... nor"
        ("No government recognised the breakaway region.", "recognised"),  # a subject under "no"
        ("Norway no longer buys gas from Qatar.", "buys"),  # "no" with a comparative adverb
        ("The envoy left Nairobi without meeting the rebels.", "meeting"),  # a gerund under "without"
        ("Canada ruled out sending warships to the strait.", "sending"),  # a gerund parsed as an adverbial
    ],
)
def test_negated_subjects_comparatives_and_gerunds(extractor: Extractor, sentence: str, trigger: str) -> None:
    assert qualified(extractor, sentence, trigger)[0] is Polarity.NEGATED


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("No talks were held between the two sides.", "talks"),  # the negated subject is the event itself
        ("Chile no sooner met Peru than it left.", "met"),  # "no sooner" is no negation
        ("Nepal kept sending workers abroad, ignoring the ban.", "ignoring"),  # an adverbial gerund of manner
        ("Kenya did not leave, sending troops instead.", "sending"),  # the governor's "not" is its own
    ],
)
def test_what_the_new_negation_readings_leave_alone(extractor: Extractor, sentence: str, trigger: str) -> None:
    expected = Polarity.NEGATED if trigger == "talks" else Polarity.AFFIRMED
    assert qualified(extractor, sentence, trigger)[0] is expected


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        # a modal perfect is counterfactual, even in speech reported in the past
        ("Peru said it would have expelled the envoy.", "expelled", Modality.HYPOTHETICAL),
        ("Chile could have sent troops.", "sent", Modality.HYPOTHETICAL),
        # "be to" states an arrangement
        ("The minister was to meet his Ghanaian counterpart.", "meet", Modality.INTENDED),
        ("The president is to visit Lima in May.", "visit", Modality.INTENDED),
        ("The envoy was supposed to meet the rebels.", "meet", Modality.INTENDED),  # "be supposed to"
        # a completed act in an adverbial clause of time or reason keeps its assertion
        ("After Chile expelled the envoy, Peru vowed to retaliate.", "expelled", Modality.ASSERTED),
        ("Peru plans to respond because Chile had expelled its envoy.", "expelled", Modality.ASSERTED),
        ("Bolivia will protest once Chile expels the envoy.", "expels", Modality.HYPOTHETICAL),  # not yet done
        ("Peru might retaliate if Chile expels its envoy.", "expels", Modality.HYPOTHETICAL),
    ],
)
def test_counterfactuals_arrangements_and_completed_adverbials(
    extractor: Extractor, sentence: str, trigger: str, modality: Modality,
) -> None:
    assert qualified(extractor, sentence, trigger)[1] is modality


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        ("Chile will not negotiate until Peru withdraws its ambassador.", "withdraws", Modality.HYPOTHETICAL),
        ("Kenya will lift the ban once Uganda releases the fishermen.", "releases", Modality.HYPOTHETICAL),
        ("Kenya lifted the ban once Uganda released the fishermen.", "released", Modality.ASSERTED),  # past
        ("Kenya lifts the ban when Uganda releases the fishermen.", "releases", Modality.ASSERTED),  # no modal
    ],
)
def test_a_present_clause_of_time_under_a_future_clause_is_hypothetical(
    extractor: Extractor, sentence: str, trigger: str, modality: Modality,
) -> None:
    assert qualified(extractor, sentence, trigger)[1] is modality


def test_a_finite_conjunct_of_an_infinitive_escapes_its_governor(extractor: Extractor) -> None:
    """"refused to meet X and sent Y": "sent" is the refusing's conjunct, not the meeting's."""
    assert qualified(extractor, "Peru refused to meet Chile and expelled its envoy.", "expelled") == (
        Polarity.AFFIRMED, Modality.ASSERTED,
    )
    assert qualified(extractor, "Peru promised to meet Chile and recalled its envoy.", "recalled")[1] is (
        Modality.ASSERTED
    )
    assert qualified(extractor, "Peru promised to meet Chile and to recall its envoy.", "recall")[1] is (
        Modality.INTENDED  # an infinitive conjunct stays under the promise
    )


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # a negated verb of exclusion leaves its event open
        ("Chile did not rule out sanctions on Peru.", "sanctions", (Polarity.AFFIRMED, Modality.HYPOTHETICAL)),
        ("Chile has not ruled out expelling the envoy.", "expelling", (Polarity.AFFIRMED, Modality.HYPOTHETICAL)),
        ("Chile ruled out talks with Peru.", "talks", (Polarity.NEGATED, Modality.ASSERTED)),  # not negated itself
        # a negated forecast or an improbability is no act
        ("Chile is not expected to sign the accord.", "sign", (Polarity.NEGATED, Modality.HYPOTHETICAL)),
        ("Peru is unlikely to recognise the junta.", "recognise", (Polarity.AFFIRMED, Modality.HYPOTHETICAL)),
        # a negated intention is an intention denied, not an act denied
        ("Chile had no plans to expel the envoy.", "expel", (Polarity.NEGATED, Modality.INTENDED)),
        ("Peru did not intend to attack the convoy.", "attack", (Polarity.NEGATED, Modality.INTENDED)),
        ("Peru did not attack the convoy.", "attack", (Polarity.NEGATED, Modality.ASSERTED)),
    ],
)
def test_negated_exclusions_forecasts_and_intentions(
    extractor: Extractor, sentence: str, trigger: str, expected: tuple[Polarity, Modality],
) -> None:
    assert qualified(extractor, sentence, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "speaker", "modality"),
    [
        ("Peru met Chile. According to Reuters, Bolivia expelled the envoy.", "expelled", "Reuters", Modality.REPORTED),
        ("Peru met Chile. Bolivia reportedly expelled the envoy.", "expelled", None, Modality.REPORTED),
        ("Bolivia ALLEGEDLY expelled the envoy.", "expelled", None, Modality.REPORTED),  # any case
        ("According to Reuters, Peru met Chile. Bolivia expelled the envoy.", "expelled", None, Modality.ASSERTED),
        ("Peru met Chile. Bolivia expelled the envoy.", "expelled", None, Modality.ASSERTED),
    ],
)
def test_a_sentence_attribution_is_read_only_in_the_triggers_sentence(
    extractor: Extractor, text: str, trigger: str, speaker: str | None, modality: Modality,
) -> None:
    # the source of the trigger's own sentence, not of the one before; the same with the block's
    # words in lower case given (the sentence is walked only when they hold one of the words)
    doc = extractor.nlp(text)
    token = next(t for t in doc if t.text == trigger)
    lowers = tuple(t.lower_ for t in doc)
    for found in (qualify(token, extractor.knowledge.lexicon), qualify(token, extractor.knowledge.lexicon,
                                                                        lowers=lowers)):
        assert (found.speaker.text if found.speaker is not None else None, found.modality) == (speaker, modality)


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        # set off by a comma: the writer's aside, not part of what was said or intended
        ("Analysts said the pact was aimed at China, which signed a deal with Fiji last year.", "signed",
         Modality.ASSERTED),
        ("Somalia accused Kenya of meddling in Jubaland, where Kenyan troops fight al-Shabab.", "fight",
         Modality.ASSERTED),
        ("Chile will send troops to Haiti, which gangs have attacked for months.", "attacked", Modality.ASSERTED),
        # restrictive: part of what is said
        ("Analysts said the pact was aimed at the country that signed a deal with Fiji.", "signed",
         Modality.REPORTED),
    ],
)
def test_a_relative_clause_set_off_by_a_comma_is_the_writers_aside(
    extractor: Extractor, sentence: str, trigger: str, modality: Modality,
) -> None:
    assert qualified(extractor, sentence, trigger)[1] is modality


def test_floating_an_act_proposes_it(extractor: Extractor) -> None:
    """"floated sending troops": an idea put forward, a course not yet taken."""
    assert qualified(extractor, "Peru floated sending troops to Bolivia.", "sending")[1] is Modality.INTENDED

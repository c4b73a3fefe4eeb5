"""Events named but not asserted (``extract.unasserted``): prospects, conditional adjuncts and
yes/no questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from extract.qualifiers import Qualifiers
from extract.unasserted import (
    UnassertedWordsError,
    _ends_with_question_mark,
    in_yes_no_question,
    load_unasserted_words,
    unasserted,
)
from graph.model import Article, Modality, Polarity

PLAIN = Qualifiers(Polarity.AFFIRMED, Modality.ASSERTED, None, False)


def modality_of(extractor: Extractor, sentence: str, trigger: str) -> Modality:
    doc = extractor.nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    return unasserted(PLAIN, token, extractor.knowledge.unasserted_words).modality


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Fears of a naval blockade rose in Manila.", "blockade"),  # "of" a noun of apprehension
        ("The risk of a border war is growing.", "war"),
        ("Hopes for a summit in Lima faded.", "summit"),  # "for" a noun of wish
        ("Talk of a visit by the king resurfaced.", "visit"),
        ("Demands for sanctions grew in parliament.", "sanctions"),
        ("The possibility that Chile expels the envoy worried Lima.", "expels"),  # a clause completing the noun
        ("The danger of attacking the port was discussed.", "attacking"),  # a gerund
        ("In case of an invasion, the army will mobilise.", "invasion"),  # a conditional adjunct
        ("In the event of a strike on the dam, Cairo will respond.", "strike"),
        ("The aid depends on a ceasefire between the two sides.", "ceasefire"),  # a condition
        ("The deal is conditional on the release of the prisoners.", "release"),
        ("Peru sent troops in case Chile attacks the port.", "attacks"),  # an "in case" clause
        ("Peru warned Chile against attacking the port.", "attacking"),  # warned against
        ("Japan cautioned China against an attack on Taiwan.", "attack"),  # a noun warned against
        ("Britain advised Israel against striking Lebanon.", "striking"),
        ("The senate voted against an invasion of the island.", "invasion"),
        ("Did Peru expel the envoy?", "expel"),  # yes/no questions
        ("Has Chile sent troops to the border?", "sent"),
        ("Is Bolivia buying arms from Russia?", "buying"),
    ],
)
def test_a_named_but_unasserted_event_is_hypothetical(extractor: Extractor, sentence: str, trigger: str) -> None:
    assert modality_of(extractor, sentence, trigger) is Modality.HYPOTHETICAL


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The attack on the port killed five.", "attack"),
        ("Chile condemned the attack of last week.", "attack"),  # "of" under no prospect noun
        ("Peace talks of the two sides resumed.", "talks"),  # the event is the head, not the complement
        ("Why did Peru expel the envoy?", "expel"),  # a wh-question presupposes its event
        ("Peru expelled the envoy, the minister said.", "expelled"),
        ("In the case of Chile, the envoy was expelled.", "expelled"),
        ("Chile commented on the release of the prisoners.", "release"),  # "on" under no word of condition
        ("Chile protested against the attack on its embassy.", "attack"),  # a protest's "against" is a real act
        ("Chile attacked the port in the end.", "attacked"),  # "in the end" is no condition
        ("Germany warned Turkey after invading Syria.", "invading"),  # "after", not "against"
    ],
)
def test_an_asserted_event_stays_asserted(extractor: Extractor, sentence: str, trigger: str) -> None:
    assert modality_of(extractor, sentence, trigger) is Modality.ASSERTED


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [("The alleged attack on the port drew protests.", "attack"), ("Lima condemned the suspected strike.", "strike")],
)
def test_an_alleged_event_is_reported(extractor: Extractor, sentence: str, trigger: str) -> None:
    assert modality_of(extractor, sentence, trigger) is Modality.REPORTED


def test_an_unasserted_event_between_states_is_coded_hypothetical(extractor: Extractor) -> None:
    text = "Fears of an attack by Peru on Chile grew on Monday."
    events = extractor.extract(Article("prospect", text, None, "2024-03-14")).events
    attacks = [e for e in events if e.subject.id == "country:PER" and e.object.id == "country:CHL"]
    assert attacks and all(e.modality is Modality.HYPOTHETICAL for e in attacks)


def test_a_malformed_word_list_is_named(tmp_path: Path) -> None:
    path = tmp_path / "unasserted.toml"
    path.write_text('prospect_nouns = []\nprospect_prepositions = ["of"]\ncondition_nouns = ["case"]\n'
                    'condition_governors = ["depend"]\nagainst_governors = ["warn"]\n'
                    'allegation_modifiers = ["alleged"]\nquestion_auxiliaries = ["do"]\n', encoding="utf-8")
    with pytest.raises(UnassertedWordsError, match="prospect_nouns"):
        load_unasserted_words(path)


@pytest.mark.parametrize(
    ("text", "trigger", "question"),
    [
        ('Peru met Chile on Monday. "Did Bolivia expel the envoy?" a reporter asked.', "expel", True),
        ("Peru met Chile on Monday. Did Bolivia expel the envoy?", "expel", True),
        ("Did Bolivia expel the envoy? Peru met Chile on Monday.", "met", False),  # the question is another sentence
        ("Peru met Chile on Monday.  Bolivia expelled the envoy?", "expelled", False),  # no opening auxiliary
    ],
)
def test_a_question_is_read_from_its_own_sentence_in_a_block_of_several(
    extractor: Extractor, text: str, trigger: str, question: bool,
) -> None:
    # the question mark is read from the sentence's last words, as its whole text would give it
    doc = extractor.nlp(text)
    token = next(t for t in doc if t.text == trigger)
    assert _ends_with_question_mark(token.sent) is token.sent.text.rstrip().rstrip("\"'\u201d\u2019").endswith("?")
    assert in_yes_no_question(token, extractor.knowledge.unasserted_words) is question


@pytest.mark.parametrize(
    "text",
    ['Did Peru expel the envoy?"', "Did Peru expel the envoy? \u201d", "Did Peru expel the envoy?\n\n",
     'Peru expelled the envoy. "', 'Did Peru expel the envoy ?" "', "Peru expelled the envoy", '"', "?"],
)
def test_the_question_mark_read_from_the_last_words_is_the_one_of_the_whole_text(
    extractor: Extractor, text: str,
) -> None:
    doc = extractor.nlp(text)
    for sentence in doc.sents:
        whole = sentence.text.rstrip().rstrip("\"'\u201d\u2019").endswith("?")
        assert _ends_with_question_mark(sentence) is whole, (text, sentence.text)

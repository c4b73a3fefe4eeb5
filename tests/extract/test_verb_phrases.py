"""Events carried by a verb phrase rather than a verb (extract/patterns.py): the subject of "take part
in" / "play a role in" an event noun is its agent; the holder of a thing acted on, named by the
modifiers of its "of" complement, is the target ("froze the assets of Russian oligarchs")."""

from __future__ import annotations

from extract.pipeline import Extractor
from graph.model import Extraction
from tests.extract.extracting import code_of, runner

run = runner("verb-phrases-test", "2025-03-11")


def triples(extraction: Extraction) -> set[tuple[str, str, str, str]]:
    """(subject country, CAMEO code, object country, polarity) of every event."""
    return {(e.subject.country or "", code_of(e), e.object.country or "", e.polarity.value)
            for e in extraction.events}


def test_the_subject_taking_part_in_talks_is_their_party(extractor: Extractor) -> None:
    assert ("EGY", "040", "ETH", "affirmed") in triples(run(extractor, "Egypt took part in talks with Ethiopia."))
    assert ("IRN", "040", "USA", "affirmed") in triples(
        run(extractor, "Iran played a key role in the negotiations with the United States."))


def test_a_part_not_taken_is_negated(extractor: Extractor) -> None:
    found = triples(run(extractor, "Egypt did not take part in the talks with Ethiopia."))
    assert ("EGY", "040", "ETH", "negated") in found
    assert ("EGY", "040", "ETH", "affirmed") not in found


def test_a_role_denied_gives_the_act_no_agent(extractor: Extractor) -> None:
    # "deny" is no verb of taking part: the attack keeps no agent
    assert not any(s == "RUS" for s, *_ in triples(run(extractor, "Russia denied any role in the attack on Ukraine.")))


def test_the_holder_of_assets_frozen_is_the_target(extractor: Extractor) -> None:
    assert ("GBR", "163", "RUS", "affirmed") in triples(
        run(extractor, "Britain froze the assets of Russian oligarchs."))


def test_an_of_complement_without_an_actor_modifier_names_no_target(extractor: Extractor) -> None:
    assert triples(run(extractor, "Britain froze the assets of several oligarchs.")) == set()


def test_a_partitive_or_a_relation_to_the_possessor_names_no_holder(extractor: Extractor) -> None:
    # "part of" a stronghold is of the thing itself; "Japan's ally" is not Japan
    assert not any(o == "JPN" for _, _, o, _ in triples(
        run(extractor, "Chinese troops destroyed the base of Japan's ally.")))
    assert triples(run(extractor, "Burmese troops captured part of a Karen rebel stronghold.")) == set()

"""An article's acts and speakers so far, for nouns that refer back to them."""

from __future__ import annotations

from dataclasses import replace

from extract.event_memory import REFERENCE_WINDOW_SENTENCES, Author, EventMemory, RememberedEvent, Speaker
from extract.pipeline import Extractor
from graph.model import Actor, ActorType, Article

ATTACK = "Al-Shabaab fighters attacked a Kenyan army base on Tuesday."


def state(code: str) -> Actor:
    return Actor(f"country:{code}", code, ActorType.COUNTRY, country=code)


def test_the_memory_lets_go_of_what_no_later_sentence_can_refer_to(extractor: Extractor) -> None:
    (event,) = extractor.extract(Article("memory-test", ATTACK, None, "2024-03-14")).events
    memory = EventMemory().remember([RememberedEvent.of(event, 0)], 0)
    assert [e.subject.id for e in memory.recent(REFERENCE_WINDOW_SENTENCES)] == ["org:al-shabab"]
    assert not list(memory.recent(REFERENCE_WINDOW_SENTENCES + 1))
    assert not memory.remember([], REFERENCE_WINDOW_SENTENCES + 1).events
    # nothing added and nothing let go: the same memory, not a copy; a let-go one is a new memory
    assert memory.remember([], REFERENCE_WINDOW_SENTENCES) is memory
    assert memory.remember(iter([]), 1) is memory
    later = memory.remember([], REFERENCE_WINDOW_SENTENCES + 1)
    assert later is not memory and later.speakers == memory.speakers


def test_a_narrower_window_looks_fewer_sentences_back() -> None:
    act = RememberedEvent("COERCE", "annex", state("ARM"), None, False, 3)
    memory = EventMemory().remember([act], 3)
    assert list(memory.recent(5, window=2)) == [act]
    assert not list(memory.recent(6, window=2))


def test_the_parties_of_an_act_are_its_agent_or_both_sides_of_a_reciprocal_event() -> None:
    agent_only = RememberedEvent("COERCE", "annex", state("ARM"), None, False, 0)
    assert agent_only.parties() == (state("ARM"),)
    deal = RememberedEvent("SIGN_AGREEMENT", "sign", state("PER"), state("CHL"), True, 0)
    assert deal.parties() == (state("PER"), state("CHL"))
    reciprocal_without_object = RememberedEvent("MEET", "meet", state("PER"), None, True, 0)
    assert reciprocal_without_object.parties() == (state("PER"),)


def test_remembering_and_hearing_keep_every_other_part_of_the_memory() -> None:
    """Acts remembered and speakers heard give the memory ``replace`` would give: the other parts
    (speakers, authors, the lede; acts, the lede, authors) are kept as they were."""
    old = RememberedEvent("COERCE", "annex", state("ARM"), None, True, 0)
    lede = RememberedEvent("ATTACK", "attack", state("RUS"), state("UKR"), False, 1, True)
    memory = EventMemory((old, lede), (lede,), (Speaker(state("FRA"), 1, 4),),
                         (Author("resolution", state("CHL"), 1, 2),))
    act = RememberedEvent("PRAISE", "praise", state("PER"), state("CHL"), False, 3, False)
    assert memory.remember([act], 3) == replace(memory, events=(old, lede, act))
    far = REFERENCE_WINDOW_SENTENCES + 1
    assert memory.remember([act], far) == replace(memory, events=(lede, act))  # the act of sentence 0 let go
    fresh = EventMemory().remember([act, lede], 3)
    assert fresh == EventMemory((act, lede), (lede,))  # the first acts told as done are the story's own
    heard = (Speaker(state("PER"), 3, 1), Speaker(state("CHL"), 3, 7))
    assert memory.hear(heard) == replace(memory, speakers=(*memory.speakers, *heard))
    assert memory.hear([]) is memory

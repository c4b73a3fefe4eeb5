"""An article's acts and speakers so far, for nouns that refer back to them (event_reference.py).

The pipeline remembers each act as it emits it ("Hamas gunmen attacked Israeli towns"), and an act
whose object named no actor by its agent alone ("Israel annexed the area"); a later "the attack",
"the annexation" is aimed at that agent. Speakers are the subjects of speech verbs, for a later
"the claim"; authors are those told issuing a text, for a later "the resolution".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from extract.block_index import BlockTokens, children_of, conjuncts_of
from extract.patterns import Context
from graph.model import Actor, Event, same_state

#: How many sentences back a definite event noun may refer (the sentence of the reaction counts
#: as 0): news reports a reaction close to the event it answers, and the further back, the more
#: likely another event of the kind, not reported in the article, is meant.
REFERENCE_WINDOW_SENTENCES = 5
#: The modalities of an act told as done.
_DONE = frozenset({"asserted", "reported"})


@dataclass(frozen=True)
class RememberedEvent:
    """What a later definite event noun can refer to: an act reported earlier in the article."""

    relation: str
    trigger: str
    subject: Actor
    #: None for an act whose object named no actor ("annexed the area"): only its agent is known
    object: Actor | None
    reciprocal: bool
    sentence: int
    #: told as done (asserted or reported), not as intended or hypothetical ("agreed to recognise")
    done: bool = True

    @staticmethod
    def of(event: Event, sentence: int) -> RememberedEvent:
        return RememberedEvent(event.relation.name, event.trigger, event.subject, event.object,
                               event.relation.reciprocal, sentence, event.modality.value in _DONE)

    def parties(self) -> tuple[Actor, ...]:
        """Who did the act: its subject, or both parties of a reciprocal event."""
        if self.reciprocal and self.object is not None:
            return (self.subject, self.object)
        return (self.subject,)


@dataclass(frozen=True)
class Speaker:
    """The subject of a speech verb: who said what a later "the claim" refers to."""

    actor: Actor
    sentence: int
    token: int  # the speech verb's index in its block, to order speakers within a sentence


@dataclass(frozen=True)
class Author:
    """An actor told issuing a text ("the council passed a resolution"): who a later "the
    resolution" names."""

    noun: str  # the document noun (event_nouns.toml ``document_nouns``)
    actor: Actor
    sentence: int
    token: int  # the issuing verb's index in its block


@dataclass(frozen=True)
class EventMemory:
    """An article's acts, speakers and authors so far, in text order, back to the window's start."""

    events: tuple[RememberedEvent, ...] = ()
    #: the acts told as done in the first sentence that told one: the story's own event, which a
    #: definite event noun anywhere in the article may name when nothing in the window does
    lede: tuple[RememberedEvent, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    authors: tuple[Author, ...] = ()

    def remember(self, events: Iterable[RememberedEvent], sentence: int) -> EventMemory:
        """The memory with ``events`` (of article sentence ``sentence``) added, and what no later
        sentence can refer to any more let go."""
        kept = tuple(e for e in self.events if sentence - e.sentence <= REFERENCE_WINDOW_SENTENCES)
        added = tuple(events)
        if not added and len(kept) == len(self.events):
            return self  # nothing added, nothing let go: the same memory, not a copy
        lede = self.lede or tuple(e for e in added if e.done)
        # made directly, not by ``replace`` (which reads every field by name): once per candidate
        return EventMemory(kept + added, lede, self.speakers, self.authors)

    def keeping(self, kept: Callable[[RememberedEvent], bool]) -> EventMemory:
        """The memory with only the acts, recent and the story's own, that ``kept`` admits."""
        return replace(self, events=tuple(e for e in self.events if kept(e)),
                       lede=tuple(e for e in self.lede if kept(e)))

    def hear(self, speakers: Iterable[Speaker]) -> EventMemory:
        """The memory with ``speakers`` (of one block, in text order) added."""
        heard = tuple(speakers)
        return EventMemory(self.events, self.lede, self.speakers + heard, self.authors) if heard else self

    def note_authors(self, authors: Iterable[Author]) -> EventMemory:
        """The memory with ``authors`` (of one block, in text order) added."""
        noted = tuple(authors)
        return replace(self, authors=self.authors + noted) if noted else self

    def latest_speaker(self, sentence: int, token: int, reactors: tuple[Actor, ...]) -> Actor | None:
        """The latest speaker before ``token`` of article sentence ``sentence``, within the
        window, of a state none of ``reactors`` belongs to."""
        return _latest_of_another_state(self.speakers, sentence, token, reactors)

    def latest_author(self, noun: str, sentence: int, token: int, reactors: tuple[Actor, ...]) -> Actor | None:
        """The latest author of a ``noun`` before ``token`` of article sentence ``sentence``,
        within the window, of a state none of ``reactors`` belongs to."""
        return _latest_of_another_state([a for a in self.authors if a.noun == noun], sentence, token, reactors)

    def recent(self, sentence: int, window: int = REFERENCE_WINDOW_SENTENCES) -> Iterator[RememberedEvent]:
        """The events a noun in article sentence ``sentence`` can refer to, ``window`` sentences
        back at most, the latest first."""
        for event in reversed(self.events):
            if sentence - event.sentence <= window:
                yield event


def _latest_of_another_state(
    told: Sequence[Speaker | Author], sentence: int, token: int, reactors: tuple[Actor, ...],
) -> Actor | None:
    """The actor of the latest of ``told`` before ``token`` of article sentence ``sentence``,
    within the window, of a state none of ``reactors`` belongs to."""
    for item in reversed(told):
        before = item.sentence < sentence or (item.sentence == sentence and item.token < token)
        if not before:
            continue
        if sentence - item.sentence > REFERENCE_WINDOW_SENTENCES:
            return None
        if not any(same_state(reactor, item.actor) for reactor in reactors):
            return item.actor
    return None


def sentence_numbers(sentence_starts: Iterable[int], before: int) -> dict[int, int]:
    """Article sentence number by a block's sentence start token, ``before`` sentences preceding it."""
    return {start: before + number for number, start in enumerate(sentence_starts)}


def speakers_and_authors(
    tokens: Iterable[Token], sentences: dict[int, int], ctx: Context, table: BlockTokens,
    speaking: frozenset[str], issuing: frozenset[str],
) -> tuple[list[Speaker], list[Author]]:
    """The speakers and the authors of a block (whose words ``table`` gives), each in text order,
    read in one walk over its verbs (``speakers_at`` at the ``speaking`` verbs: speech, accusing and
    naming; ``authors_at``). A verb tells an author only through a document noun: as one of the
    ``issuing`` verbs (the documents' own words, "proposed") or with a document noun as its
    argument, so in a block without a document noun only the issuing verbs are read for one."""
    documents = ctx.ontology.event_nouns.documents
    any_document = not documents.keys().isdisjoint(table.lemmas)
    speakers: list[Speaker] = []
    authors: list[Author] = []
    for token in tokens:
        if table.pos[token.i] != "VERB":
            continue
        lemma = table.lemmas[token.i]
        if lemma in speaking:
            speakers.extend(speakers_at(token, sentences, ctx))
        if any_document or lemma in issuing:
            authors.extend(authors_at(token, lemma, sentences, ctx))
    return speakers, authors


def speakers_at(verb: Token, sentences: dict[int, int], ctx: Context) -> Iterator[Speaker]:
    """The actors that are the subject of a speech, accusing or naming verb ("Beijing said", "Tokyo
    accused", "the minister described ..."); the caller checks the verb."""
    for child in children_of(verb):
        actor = ctx.actor(child) if child.dep_ == "nsubj" else None
        if actor is not None:
            yield Speaker(actor, sentences[verb.sent.start], verb.i)


def authors_at(verb: Token, lemma: str, sentences: dict[int, int], ctx: Context) -> list[Author]:
    """The actors a verb (its lower-case lemma ``lemma``) tells issuing a document noun, as the
    subject of a verb whose direct object it is ("passed a resolution"), the agent of such a passive
    ("a plan put forward by France") or the subject of a verb it derives from ("proposed")."""
    documents = ctx.ontology.event_nouns.documents
    phrasal = any(c.dep_ == "prt" for c in children_of(verb))  # "ruled out", "offered up": another verb
    nouns = [] if phrasal else [noun for noun, words in documents.items() if lemma in words]
    nouns += [c.lemma_.lower() for c in children_of(verb)
              if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in documents]
    if not nouns:
        return []
    return [Author(noun, actor, sentences[verb.sent.start], verb.i) for actor in _issuers(verb, ctx) for noun in nouns]


def _issuers(verb: Token, ctx: Context) -> list[Actor]:
    """Who a verb tells issuing something: its active subject and that subject's conjuncts, or
    the agent of its passive ("by France")."""
    subjects = [c for c in children_of(verb) if c.dep_ == "nsubj"]
    agents = [pobj for c in children_of(verb) if c.dep_ == "agent" for pobj in children_of(c) if pobj.dep_ == "pobj"]
    tokens = [t for head in subjects + agents for t in (head, *conjuncts_of(head))]
    return [actor for t in tokens if (actor := ctx.actor(t)) is not None]

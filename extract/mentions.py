"""Actor mentions of a parsed block: token spans naming an actor, by token index."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc, Span, Token

from extract.block_index import block_words, doc_entities, span_root
from graph.model import Actor


class MentionKind(StrEnum):
    NAME = "name"
    DEMONYM = "demonym"
    CAPITAL = "capital"
    SEAT = "seat"
    TITLE = "title"
    GROUP = "group"
    PRONOUN = "pronoun"
    DESCRIPTION = "description"  # "the alliance", "the Gulf state": a definite description referring back


@dataclass(frozen=True)
class Mention:
    """A token span of a block that names an actor."""

    start: int
    end: int
    actor: Actor
    kind: MentionKind

    @property
    def is_anaphor(self) -> bool:
        """A mention that refers back to an actor named before (a pronoun or a description)."""
        return self.kind in (MentionKind.PRONOUN, MentionKind.DESCRIPTION)

    def covers(self, index: int) -> bool:
        return self.start <= index < self.end


class BlockMentions(dict[int, Mention]):
    """A block's mentions by token index, plus the tokens of agent nouns that no country,
    demonym or place qualifies ("protesters" alone): those are not actors, but a candidate that
    fails for want of one is dropped with its own reason (``unqualified_agent``); and the pair and
    group references ("the two countries", "the three allies", extract/pair_reference.py) by token
    index, each with its actors or None when they could not be told."""

    def __init__(self) -> None:
        super().__init__()
        self.unqualified_agents: frozenset[int] = frozenset()
        self.references: dict[int, tuple[Actor, ...] | None] = {}
        self.place_states: Mapping[int, Actor] = {}  # tokens of a place name: the state containing it
        self.scene_places: frozenset[int] = frozenset()  # places that located an agent (extract/event_location.py)


def entity_of(token: Token) -> Span | None:
    """The recogniser's entity a token is part of, if any."""
    for ent in doc_entities(token.doc):  # the block's entity spans, made once (extract/block_index.py)
        if ent.start <= token.i < ent.end:
            return ent
    return None


def mention_root(doc: Doc, mention: Mention) -> Token:
    """The word heading ``mention`` in ``doc`` (its span's root): a one-word mention is its own
    root, and no span is made for it (most mentions are one word)."""
    if mention.end - mention.start == 1:
        return block_words(doc)[mention.start]
    return span_root(doc, mention.start, mention.end)  # (read from the block's arcs: no span made)

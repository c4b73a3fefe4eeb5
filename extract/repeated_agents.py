"""An agent noun repeated without its qualifier refers back to the qualified phrase before it.

A rule of English discourse: once a text has named a group by a qualified noun ("North Korea's
state media", "Kenyan police", "Sudanese officials"), the bare noun repeated soon after ("State
media said ...", "Police said ...", "officials added") refers back to that group. The bare noun
takes the group only as the subject of its sentence's main verb and written bare: no
determiner, possessor or modifier ("the fighters", "his troops", "ethnic Armenian forces" are
other references), and only when, within the last ``REPEAT_WINDOW_SENTENCES`` sentences, exactly one
actor was named with that head noun; with two ("Russian officials ... Ukrainian officials ...
officials said") it stays no actor.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from extract.block_index import block_sentences, block_words, children_of
from extract.mentions import BlockMentions, Mention, MentionKind
from graph.model import Actor

#: How far back a bare agent noun looks: its own sentence and the two before it.
REPEAT_WINDOW_SENTENCES = 3


@dataclass
class RepeatedAgents:
    """The qualified agent nouns of the last sentences of one article, by head lemma."""

    named: deque[list[tuple[str, Actor]]] = field(default_factory=lambda: deque(maxlen=REPEAT_WINDOW_SENTENCES))

    def resolve_block(self, doc: Doc, by_token: BlockMentions, unqualified: Iterable[int]) -> None:
        """Give each bare agent noun of ``doc`` (token indices ``unqualified``) the one group named
        before it with the same head noun; remember this block's qualified group nouns."""
        bare = frozenset(unqualified)
        words = block_words(doc)  # the block's own Token objects (``doc[i]`` makes one at each asking)
        for sentence in block_sentences(doc):
            self.named.append([])
            for i in range(sentence.start, sentence.end):
                mention = by_token.get(i)
                if mention is None and i not in bare:
                    continue  # neither a bare agent noun nor part of a mention: nothing to read
                token = words[i]
                if token.i in bare and mention is None and _stands_bare(token):
                    actor = self._only(_noun_key(token))
                    if actor is not None:
                        by_token[token.i] = Mention(token.i, token.i + 1, actor, MentionKind.GROUP)
                elif mention is not None and mention.kind is MentionKind.GROUP and token.i == mention.end - 1:
                    self.named[-1].append((_noun_key(token), mention.actor))

    def _only(self, lemma: str) -> Actor | None:
        """The one actor named with head ``lemma`` in the window, else None."""
        actors = {actor.id: actor for sentence in self.named for word, actor in sentence if word == lemma}
        return next(iter(actors.values())) if len(actors) == 1 else None


def _noun_key(token: Token) -> str:
    """A noun with its common-noun compounds, by lemma ("state medium" for "state media")."""
    compounds = [c.lemma_.lower() for c in children_of(token) if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return " ".join([*compounds, token.lemma_.lower()])


def _stands_bare(token: Token) -> bool:
    """The main verb's subject, with nothing before it but common-noun compounds ("Police said",
    "State media reported")."""
    if token.dep_ != "nsubj" or token.head != token.sent.root:
        return False
    return all(c.dep_ == "compound" and c.pos_ == "NOUN" for c in children_of(token) if c.i < token.i)

"""First-person pronouns in a direct quotation stand for its speaker.

A rule of English direct speech: inside quotation marks, "I", "me" and "my" are the speaker the
attribution names ('"I will meet Kim again," Trump said'), and "we", "us" and "our" the speaker's
side, for which the speaker stands ('"We stand with the United Kingdom," Tusk said': the speaker,
read at the level of the state or body it speaks for, as its other acts are). The attribution is a
reporting verb (lexicon ``speech_verbs``) outside the quotation, in the sentence where it opens or
closes, whose subject names one actor (a name, or a pronoun already resolved: '"...," he said'). A
quotation with no such attribution, or with attributions to different actors, leaves its pronouns
unresolved. Straight quotation marks open and close in turn; curly ones say which they are.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from extract.block_index import BlockTokens, children_of
from extract.mentions import Mention, MentionKind
from graph.model import Actor

FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine", "we", "us", "our", "ours", "ourselves"})
_STRAIGHT_QUOTES = frozenset({'"', "''", "``"})
_OPENING_QUOTES = frozenset({"\u201c"})
_CLOSING_QUOTES = frozenset({"\u201d"})


@dataclass(frozen=True)
class Quotation:
    """The words between a pair of quotation marks: token indices ``start`` to ``end`` (exclusive)."""

    start: int
    end: int

    def holds(self, i: int) -> bool:
        return self.start <= i < self.end


def quotations(texts: Sequence[str]) -> Iterator[Quotation]:
    """The quotations of a block whose words' texts are ``texts``, in order; an unclosed one runs
    to the block's end."""
    opened: int | None = None
    for i, text in enumerate(texts):
        if opened is None and (text in _STRAIGHT_QUOTES or text in _OPENING_QUOTES):
            opened = i + 1
        elif opened is not None and (text in _STRAIGHT_QUOTES or text in _CLOSING_QUOTES):
            yield Quotation(opened, i)
            opened = None
    if opened is not None:
        yield Quotation(opened, len(texts))


def quotation_speaker(
    doc: Doc, quotation: Quotation, by_token: dict[int, Mention], speech_verbs: frozenset[str],
) -> Actor | None:
    """The one actor a reporting verb outside ``quotation``, in the sentences where it opens and
    closes, has as its subject; None when there is none or several."""
    first = doc[quotation.start] if quotation.start < len(doc) else doc[-1]
    last = doc[max(quotation.end - 1, quotation.start)] if quotation.end > quotation.start else first
    spans = {(s.start, s.end) for s in (first.sent, last.sent)}
    speakers: dict[str, Actor] = {}
    for start, end in spans:
        for verb in doc[start:end]:
            if quotation.holds(verb.i) or verb.pos_ != "VERB" or verb.lemma_.lower() not in speech_verbs:
                continue
            for child in children_of(verb):
                mention = by_token.get(child.i) if child.dep_ == "nsubj" else None
                if mention is not None:
                    speakers[mention.actor.id] = mention.actor
    return next(iter(speakers.values())) if len(speakers) == 1 else None


def resolve_quoted(doc: Doc, by_token: dict[int, Mention], speech_verbs: frozenset[str], tokens: BlockTokens) -> None:
    """Add a pronoun mention of the speaker for every unresolved first-person pronoun inside a
    quotation of ``doc`` (whose words ``tokens`` gives) that has one speaker."""
    for quotation in quotations(tokens.texts):
        pronouns = [i for i in range(quotation.start, quotation.end)
                    if i not in by_token and tokens.lowers[i] in FIRST_PERSON and tokens.pos[i] == "PRON"]
        if not pronouns:
            continue
        speaker = quotation_speaker(doc, quotation, by_token, speech_verbs)
        if speaker is None:
            continue
        for i in pronouns:
            by_token[i] = Mention(i, i + 1, speaker, MentionKind.PRONOUN)

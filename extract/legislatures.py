"""Legislatures and their members as actors of their own sector (CAMEO LEG), apart from the
government.

CAMEO codes "a US senator", "lawmakers", "members of parliament", "a congressional delegation" and
"the Duma" with the sector LEG of their state ("USALEG", "RUSLEG"), not as the government (GOV).
The role nouns carry that sector through roles.tsv and the Phoenix agents; this module corrects the
mentions that other readers take for the state itself: a state's name or a government group noun
whose own words include a legislative word ("the US Congress", "a US congressional delegation"),
the seat or proper name of a legislature ("the Knesset", "Capitol Hill"), and an organisation no
gazetteer knows that is named after a state's legislature ("the Duma").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from spacy.tokens import Doc

from extract.block_index import BlockTokens
from extract.data_tables import load_word_table
from extract.gazetteer import Gazetteer, Role
from extract.mentions import BlockMentions, Mention, MentionKind, mention_root
from extract.role_mentions import group_actor
from graph.model import Actor, ActorType

LEGISLATURE = Role("legislature", "GROUP", "LEG", "legislature")


class LegislaturesError(ValueError):
    """legislatures.toml is malformed."""


@dataclass(frozen=True)
class Legislatures:
    """Legislative words (lower case) and the proper names of legislatures (lower case) by state."""

    words: frozenset[str]
    names: Mapping[str, str]

    def sizes_from(self, first_word: str) -> tuple[int, ...]:
        """The word counts of the names that begin with ``first_word``, longest first."""
        return self._sizes_by_first_word.get(first_word, ())

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The first word of every name, built once."""
        return frozenset(self._sizes_by_first_word)

    @cached_property
    def _sizes_by_first_word(self) -> dict[str, tuple[int, ...]]:
        sizes: dict[str, set[int]] = {}
        for name in self.names:
            words = name.split()
            sizes.setdefault(words[0], set()).add(len(words))
        return {first: tuple(sorted(found, reverse=True)) for first, found in sizes.items()}


def load_legislatures(path: Path) -> Legislatures:
    """Read legislatures.toml; a malformed file raises a one-line ``LegislaturesError`` naming it."""
    file = load_word_table(path, LegislaturesError)
    names: dict[str, str] = {}
    for name, iso3 in file.table("names").entries.items():
        if not isinstance(iso3, str) or len(iso3) != 3 or not iso3.isupper():
            raise LegislaturesError(f"{path}: names.{name} must be an ISO alpha-3 code, got {iso3!r}")
        names[" ".join(name.lower().split())] = iso3
    return Legislatures(file.table("words")("legislative"), names)


def with_legislatures(
    doc: Doc, tokens: BlockTokens, mentions: BlockMentions, legislatures: Legislatures, gazetteer: Gazetteer,
) -> None:
    """Re-code in place the mentions of ``doc`` (whose words ``tokens`` gives) that name a state's
    legislature or its members as the state's LEG group (see the module docstring); pronouns and
    descriptions are left as they are."""
    _add_named_legislatures(doc, tokens.lowers, mentions, legislatures, gazetteer)
    for mention in {id(m): m for m in mentions.values()}.values():
        iso3 = _legislature_state(doc, tokens, mention, legislatures)
        if iso3 is None or iso3 not in gazetteer.countries:
            continue
        legislature = Mention(mention.start, mention.end, group_actor(gazetteer, iso3, LEGISLATURE), mention.kind)
        for i in range(mention.start, mention.end):
            if mentions.get(i) is mention:
                mentions[i] = legislature


def _add_named_legislatures(doc: Doc, lowered: Sequence[str], mentions: BlockMentions, legislatures: Legislatures,
                            gazetteer: Gazetteer) -> None:
    """Add a mention for each proper name of a legislature that no reader took ("the State Duma",
    "the Russian Duma" after its demonym): the longest name from each token (``lowered``: the
    block's words in lower case)."""
    length = len(doc)
    firsts = legislatures.first_words  # most words begin no name: only those that do are looked at
    after_last = 0  # a name is looked for after the last one taken, not inside it
    for i in [i for i, lower in enumerate(lowered) if lower in firsts]:
        if i < after_last:
            continue
        for size in legislatures.sizes_from(lowered[i]):
            if i + size > length:
                continue
            iso3 = legislatures.names.get(" ".join(lowered[i : i + size]))
            if iso3 is None or iso3 not in gazetteer.countries or doc[i + size - 1].pos_ != "PROPN":
                continue
            if any(j in mentions for j in range(i, i + size)):
                break
            legislature = Mention(i, i + size, group_actor(gazetteer, iso3, LEGISLATURE), MentionKind.NAME)
            for j in range(i, i + size):
                mentions[j] = legislature
            after_last = i + size
            break


def _legislature_state(doc: Doc, tokens: BlockTokens, mention: Mention, legislatures: Legislatures) -> str | None:
    """The state whose legislature ``mention`` names, or None; its words' lower case and part of
    speech read from ``tokens``, the block's table (no span is made unless its root is asked)."""
    if mention.is_anaphor or mention.kind is MentionKind.PRONOUN:
        return None
    actor: Actor = mention.actor
    if actor.type is ActorType.PERSON:
        return None  # a person is never a legislature (each reading below is of another type)
    for text in (_text_of(doc, mention.start, mention.end), actor.name):
        named = legislatures.names.get(" ".join(text.lower().split()).removeprefix("the "))
        if named is not None and actor.country in (None, named):
            return named  # "the Knesset", "Capitol Hill", "the Duma (speaker)": an organisation of no state
    words = range(mention.start, mention.end)
    for i in words:
        named = legislatures.names.get(tokens.lowers[i])
        if named is not None and tokens.pos[i] == "PROPN":
            return named  # "the Duma speaker": the body's own name says whose, not a place spelt alike
    if actor.country is None or actor.sector != "GOV":
        return None
    if actor.type not in (ActorType.COUNTRY, ActorType.GROUP):
        return None
    if any(tokens.lowers[i] in legislatures.words for i in words):
        return actor.country  # "the US Congress", "a US congressional delegation"
    root = mention_root(doc, mention)
    head = root.head
    outside = not mention.start <= head.i < mention.end
    if (actor.type is ActorType.COUNTRY and root.dep_ in _MODIFIER_ARCS and outside
            and head.lower_ in legislatures.words):
        return actor.country  # "the Iranian Majlis": the state names whose legislature the noun is
    return None


#: Arcs by which a state's name or demonym qualifies the noun it modifies.
_MODIFIER_ARCS = frozenset({"amod", "compound", "nmod", "poss"})


def _text_of(doc: Doc, start: int, end: int) -> str:
    """The text of ``doc[start:end]`` as its span gives it, without making the span: the words
    with the spaces between them, not the space after the last."""
    if end <= start:
        return ""
    last = doc[end - 1]
    return "".join([*(doc[i].text_with_ws for i in range(start, end - 1)), last.text])

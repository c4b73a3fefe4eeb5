"""Numbered group references: "the three countries", "all four governments", "the three allies".

A rule of English discourse, the pair rule (``extract.pair_reference``) for more than two: a definite
plural quantified by a number of three or more refers back to a group of exactly that many actors
that the text put together, a coordination ("the United States, Britain and Australia"). Unlike a
pair, a group is never guessed from actors named apart: only the latest coordination of exactly that
size within the window is the group, and a reference with none stays unresolved (a candidate missing
it is dropped as ``unresolved_reference``). The head nouns are the lexicon's pair nouns; the number
words and the definite words are in group_reference.toml.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from extract.block_index import block_words, children_of, conjuncts_of
from extract.data_tables import load_word_table
from extract.mentions import BlockMentions, mention_root
from graph.model import Actor

#: The smallest group this rule resolves: two is a pair (``extract.pair_reference``).
SMALLEST_GROUP = 3


class GroupWordsError(ValueError):
    """group_reference.toml is missing or malformed."""


@dataclass(frozen=True)
class GroupWords:
    """The number words with their values ("three": 3) and the words that make a group definite."""

    sizes: Mapping[str, int]
    definite: frozenset[str]


def load_group_words(path: Path) -> GroupWords:
    """Read group_reference.toml; a malformed file raises a one-line ``GroupWordsError`` naming it."""
    file = load_word_table(path, GroupWordsError)
    sizes: dict[str, int] = {}
    for word, value in file.table("sizes").entries.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < SMALLEST_GROUP:
            raise GroupWordsError(f"{path}: sizes.{word} must be a whole number of at least {SMALLEST_GROUP}, "
                                  f"got {value!r}")
        sizes[word.lower()] = value
    return GroupWords(sizes, file.table("words")("definite"))


def group_size(token: Token, words: GroupWords) -> int | None:
    """The size of the group a plural noun refers to, or None: a number of three or more before it
    (a word of ``words.sizes`` or digits) with a definite word before it ("the three", "all four");
    "three countries" alone is indefinite and refers to no group named before. The caller checks the
    head noun."""
    if token.tag_ not in ("NNS", "NNPS"):
        return None
    lefts = [c for c in children_of(token) if c.i < token.i]
    numbers = [c for c in lefts if c.dep_ == "nummod"]
    if len(numbers) != 1 or not any(c.lower_ in words.definite for c in lefts if c.i < numbers[0].i):
        return None
    number = numbers[0].lower_
    size = int(number) if number.isdigit() else words.sizes.get(number)
    return size if size is not None and size >= SMALLEST_GROUP else None


def mention_roots(sentence: Span, mentions: BlockMentions) -> frozenset[int]:
    """The indices of the words of ``sentence`` that head the mention they belong to ("Britain" of
    "the United Kingdom of Great Britain"), each mention's head found once, not once per word."""
    heads: dict[tuple[int, int], int] = {}
    roots: set[int] = set()
    for i in range(sentence.start, sentence.end):
        mention = mentions.get(i)
        if mention is None:
            continue
        bounds = (mention.start, mention.end)
        if bounds not in heads:
            # a one-word mention heads itself: neither a span nor a word is made for it
            heads[bounds] = mention.start if mention.end - mention.start == 1 else mention_root(sentence.doc, mention).i
        if heads[bounds] == i:
            roots.add(i)
    return frozenset(roots)


def sentence_groups(
    sentence: Span, mentions: BlockMentions, roots: frozenset[int],
) -> list[tuple[int, tuple[Actor, ...]]]:
    """The groups of three or more distinct actors ``sentence`` coordinates ("the United States,
    Britain and Australia"), in text order, each with the index of its last conjunct; ``roots`` are
    the sentence's ``mention_roots``."""
    found: list[tuple[int, tuple[Actor, ...]]] = []
    words = block_words(sentence.doc)  # the block's own Token objects (``doc[i]`` makes one at each asking)
    for i in sorted(roots):
        token, mention = words[i], mentions[i]
        if token.dep_ in ("conj", "appos") and token.head.i < token.i and token.head.i in mentions:
            continue  # a later member: the group is found at its first
        conjuncts = [*conjuncts_of(token), *_listed_as_apposition(token, mentions)]
        if len(conjuncts) < SMALLEST_GROUP - 1 or any(c.i < token.i for c in conjuncts):
            continue
        members = [mentions.get(c.i) for c in conjuncts]
        actors = [mention.actor, *(m.actor for m in members if m is not None)]
        if None in members or len({a.id for a in actors}) != len(actors):
            continue  # a conjunct that names no actor, or one actor twice: no countable group
        found.append((max(c.i for c in conjuncts), tuple(actors)))
    return found


def _listed_as_apposition(token: Token, mentions: BlockMentions) -> list[Token]:
    """The rest of a list the parser hung on the first member as an apposition ("the United States,
    Russia, and Switzerland": Russia as an appositive heading "and Switzerland"). An apposition renames
    its head; an appositive of the same kind that heads a coordination of its own lists more members."""
    head = mentions[token.i].actor
    listed: list[Token] = []
    for child in children_of(token):
        other = mentions.get(child.i)
        if child.dep_ == "appos" and other is not None and other.actor.type is head.type and conjuncts_of(child):
            listed += [child, *conjuncts_of(child)]
    return listed


def latest_group(
    size: int, groups_recent_first: Iterable[tuple[Actor, ...]],
    usable: Callable[[Actor], Actor | None], distinct: Callable[[Actor, Actor], bool],
) -> tuple[Actor, ...] | None:
    """The latest group that is ``size`` actors as the reference counts them: each member made
    ``usable`` (its country for "the three countries"; None leaves it out, as a clause-mate is
    left out) and every two members ``distinct``; None when no group in the window is."""
    for group in groups_recent_first:
        members = [m for actor in group if (m := usable(actor)) is not None]
        if len(members) != size:
            continue
        if all(distinct(a, b) for i, a in enumerate(members) for b in members[i + 1 :]):
            return tuple(members)
    return None

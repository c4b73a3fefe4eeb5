"""A coordinated subject is no antecedent of a singular pronoun.

A rule of English agreement: "Chile and Argentina" is one plural subject, and a singular "it",
"he" or "she" in the next sentence does not pick out one of its members ("Chile and Argentina
criticised Bolivia. It rejected ..." is about Bolivia, if anyone; "Lula and Milei met in Asuncion.
He said ..." does not say which). Where the sentence before had such a subject, a singular subject
pronoun is not given its first member (``extract.pronouns``): it is left unresolved rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from spacy.tokens import Span, Token

from extract.block_index import children_of
from extract.mentions import Mention

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
#: Conjunctions that make a plural of their conjuncts ("or" leaves one of them the actor).
_COORDINATORS = frozenset({"and", "&"})


def has_coordinated_subject(
    sentence: Span, by_token: Mapping[int, Mention], counts: Callable[[Mention], bool],
) -> bool:
    """Whether the subject of the sentence's main clause is a coordination ("X and Y") whose head
    names an actor that ``counts`` (a state or organisation for "it", a person for "he"/"she") and
    that names another such actor (the parser may hang the conjunct on any word of a long name)."""
    for child in children_of(sentence.root):
        mention = by_token.get(child.i)
        if child.dep_ in _SUBJECT_DEPS and mention is not None and counts(mention):
            phrase = [t for t in child.subtree if _in_phrase(t, child)]
            joined = any(t.dep_ == "cc" and t.lower_ in _COORDINATORS for t in phrase)
            others = {m.actor.id for t in phrase if (m := by_token.get(t.i)) is not None and counts(m)}
            return joined and len(others - {mention.actor.id}) > 0
    return False


def may_coordinate(sentence: Span, lowers: Sequence[str]) -> bool:
    """Whether ``sentence`` has a coordinator ("and", "&") among its words (``lowers``: its block's
    words in lower case): without one, ``has_coordinated_subject`` is False whatever ``counts`` is,
    and its subject's phrase need not be walked."""
    return not _COORDINATORS.isdisjoint(lowers[sentence.start : sentence.end])


def _in_phrase(token: Token, subject: Token) -> bool:
    """The token belongs to the subject's noun phrase, no clause between them ("countries that Chile
    and Peru back" holds a clause)."""
    node = token
    while node != subject:
        if node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return True

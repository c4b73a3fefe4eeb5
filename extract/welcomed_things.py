"""Welcoming a thing is approving of it, not hosting a guest.

"Welcome" receives a person gladly ("welcomed the Spanish king": hosting) or approves of a thing
("welcomed the Spanish shift", "welcomed the EU sanctions"). The guest reading needs a guest: a
direct object that is itself an actor (a person, a body, a state, a role noun such as "the
delegation"). When every direct object is a thing and the actor is only named on it (its adjective,
possessor or noun modifier), the verb approves of that actor's thing: CAMEO 051, praise or endorse,
the OEDA dictionary's default for the verb. A noun of someone's coming ("welcomed the visit",
"the return of the ambassador") receives that someone, as the dictionary's "WELCOME * VISIT" (043)
does. A noun of someone's going or losing power ("welcomed Morales' resignation") approves of a
loss, which praises no one: no event. Words in ``welcomed_things.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.data_tables import load_word_table
from extract.patterns import Candidate, Context
from graph.model import DropReason

_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})


class WelcomedThingsError(ValueError):
    """A malformed ``welcomed_things.toml``."""


@dataclass(frozen=True)
class WelcomeWords:
    """The verbs that host a guest or approve of a thing, the nouns of a guest's coming, and the
    code of approval."""

    verbs: frozenset[str]
    coming_nouns: frozenset[str]
    approval_code: str
    going_nouns: frozenset[str]


def load_welcome_words(path: Path) -> WelcomeWords:
    """Read ``welcomed_things.toml``; a missing list or code raises a one-line error naming the file."""
    words = load_word_table(path, WelcomedThingsError)
    code = words.entries.get("approval_code")
    if not isinstance(code, str) or not code.isdigit():
        raise WelcomedThingsError(f"{path}: approval_code must be a CAMEO code string, got {code!r}")
    return WelcomeWords(words("verbs"), words("coming_nouns"), code, words("going_nouns"))


def with_welcomed_thing(candidate: Candidate, ctx: Context, words: WelcomeWords) -> Candidate:
    """The candidate recoded as approval when its welcoming verb's objects are things, not guests;
    dropped as no event when they are all someone's going or loss of power."""
    verb = candidate.trigger
    if candidate.drop is not None or verb.pos_ != "VERB" or verb.lemma_.lower() not in words.verbs:
        return candidate
    objects = [child for child in children_of(verb) if child.dep_ in _OBJECT_DEPS]
    if objects and all(noun.lemma_.lower() in words.going_nouns for noun in objects):
        return replace(candidate, subjects=(), objects=(), pairs=(), confidence=0.0, drop=DropReason.NOT_AN_EVENT,
                       detail=f"welcomed the {objects[0].lemma_.lower()}: approval of a loss, no praise")
    approval = ctx.ontology.relation_for_code(words.approval_code)
    if candidate.relation == approval.name:
        return candidate
    if not objects or any(_is_guest(noun, ctx, words) for noun in objects):
        return candidate
    return replace(candidate, relation=approval.name)


def _is_guest(noun: Token, ctx: Context, words: WelcomeWords) -> bool:
    """The noun names an actor itself (a mention covers it), an agent no country qualifies, or
    someone's coming."""
    return (ctx.actor(noun) is not None or ctx.is_unqualified_agent(noun)
            or noun.lemma_.lower() in words.coming_nouns)

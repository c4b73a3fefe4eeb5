"""Aspect and time of a clause: standing states that are no events, and years that date an event.

English marks a state rather than an act by its verb and tense. A verb of esteem is stative in
every tense ("Canberra values its ties with Paris"); a verb of having or housing is stative in the
simple present ("Kuwait hosts a U.S. base"), unless its object is an occasion or a visitor ("Egypt
hosts talks", a headline's historic present) or a time is stated ("hosts talks on Sunday"); the
present perfect progressive of a verb of gradual development describes a trend ("have been
cultivating closer ties"); a relative clause in the simple present of a material act describes its
actor ("Iran, which supplies drones to Russia, ..."); and an arrangement said to remain "in place" already exists
("sanctions remain in place"). Such candidates are dropped as ``standing_state``.

A past event with a year of its own ("fought a war from 1998 to 2000", "captured the city in the
1967 war") is dated to that year, not to the article's day; one told in the narrative's past
perfect with no time ("Israel had occupied the Sinai") is ``background``: before the article, when
not said. The words are in ``aspect.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.data_tables import load_word_table
from extract.dates import ArticleDate, ResolvedDate
from extract.patterns import Candidate, Context
from graph.model import ActorType, DropReason

_YEAR = re.compile(r"(?:1[0-9]|20)[0-9]{2}")
_PRESENT_AUX = frozenset({"do", "does"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "'s"})
#: The date precision of an event before the article whose time the text does not give.
BACKGROUND = "background"
_CONDITIONS = frozenset({"if", "unless", "whether"})
#: CAMEO quad classes of material acts (2 material cooperation, 4 material conflict): in a present
#: relative clause they are habitual ("Iran, which supplies drones to Russia"); a verbal act there
#: reports a stance the actor takes now ("the United States, which accuses her of fraud").
MATERIAL_QUAD_CLASSES = frozenset({2, 4})
#: Clauses of their own below a verb: a time stated in them is not the verb's.
_OWN_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "xcomp", "acl", "conj", "parataxis"})
#: Objects that make a verb of hosting an event: a visitor named as a person, or a state or
#: organisation named by its own name (its delegation), by actor type and the name's entity label.
_VISITORS = frozenset({(ActorType.PERSON, "PERSON"), (ActorType.COUNTRY, "GPE"), (ActorType.ORGANIZATION, "ORG")})
#: Dependencies of a verb's object (the parser reads some bare objects as adverbial nouns).
_OBJECTS = frozenset({"dobj", "dative", "npadvmod"})
#: The CAMEO root of provide aid: its nouns name things given, never an occasion to host.
_AID_ROOT = "07"


class AspectWordsError(ValueError):
    """A malformed ``aspect.toml``."""


@dataclass(frozen=True)
class AspectWords:
    """The closed classes of ``aspect.toml`` (see the comments there)."""

    stative_verbs: frozenset[str]
    present_stative_verbs: frozenset[str]
    arrangement_verbs: frozenset[str]
    gradual_verbs: frozenset[str]
    continuing_verbs: frozenset[str]
    keeping_verbs: frozenset[str]
    standing_phrases: frozenset[tuple[str, str]]
    year_prepositions: frozenset[str]


def load_aspect_words(path: Path) -> AspectWords:
    """Read ``aspect.toml``; a missing or malformed list raises a one-line error naming the file."""
    words = load_word_table(path, AspectWordsError)
    phrases = words("standing_phrases")
    if any(len(phrase.split()) != 2 for phrase in phrases):
        raise AspectWordsError(f"{path}: standing_phrases must be a preposition and a noun, got {sorted(phrases)!r}")
    return AspectWords(
        words("stative_verbs"), words("present_stative_verbs"), words("arrangement_verbs"), words("gradual_verbs"),
        words("continuing_verbs"), words("keeping_verbs"),
        frozenset((p.split()[0], p.split()[1]) for p in phrases), words("year_prepositions"),
    )


# -- standing states -------------------------------------------------------------------------
def with_standing_state(candidate: Candidate, ctx: Context, words: AspectWords) -> Candidate:
    """The candidate, or a ``standing_state`` drop when its clause states how things stand."""
    if candidate.drop is not None:
        return candidate
    material = ctx.ontology.relation(candidate.relation).quad_class in MATERIAL_QUAD_CLASSES
    detail = standing_state(candidate.trigger, material, ctx, words)
    if detail is None:
        return candidate
    return replace(candidate, subjects=(), objects=(), pairs=(), confidence=0.0,
                   drop=DropReason.STANDING_STATE, detail=detail)


def standing_state(trigger: Token, material: bool, ctx: Context, words: AspectWords) -> str | None:
    """Why the event at ``trigger`` (a material act or not) is a standing state, or None when it
    reads as an act."""
    governor = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.head != trigger else None
    if governor is not None and governor.pos_ in ("VERB", "AUX"):
        detail = _standing_object(trigger, governor, words)
        if detail is not None:
            return detail
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else (governor if trigger.dep_ == "dobj" else None)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma in words.gradual_verbs and _present_perfect_progressive(verb):
        return f"present perfect progressive of '{lemma}'"
    if (verb == trigger and lemma in words.present_stative_verbs and _present_progressive(verb)
            and not _states_a_time(verb) and not _has_occasion(verb, ctx)):
        return f"present progressive of '{lemma}'"  # "Kenya is hosting 500,000 refugees": a state for now
    if not _simple_present(verb):
        return None
    detail = None
    if ((verb == trigger and lemma in words.present_stative_verbs and not _has_occasion(verb, ctx))
            or (verb != trigger and lemma in words.arrangement_verbs)):
        detail = f"simple present of '{lemma}'"
    elif material and verb.dep_ == "relcl" and ctx.actor(verb.head) is not None:
        detail = "present-tense relative clause on an actor"
    # a present with a time is an act: the clause's time is looked for last, only where it matters
    return None if detail is None or _states_a_time(verb) else detail


def _standing_object(noun: Token, verb: Token, words: AspectWords) -> str | None:
    """An event noun that a verb of esteem takes ("values its partnership"), or an arrangement
    that remains or is kept in place ("sanctions remain in place", "kept the embargo in force")."""
    lemma = verb.lemma_.lower()
    if noun.dep_ == "dobj" and lemma in words.stative_verbs:
        return f"object of '{lemma}'"
    continuing = noun.dep_ == "nsubj" and lemma in words.continuing_verbs
    kept = noun.dep_ == "dobj" and lemma in words.keeping_verbs
    if (continuing or kept) and _standing_phrase(verb, words):
        return f"'{lemma}' in place"
    return None


def _standing_phrase(verb: Token, words: AspectWords) -> bool:
    """ "remain in place", "kept in force": a standing phrase among the verb's (or its object's)
    prepositions."""
    holders = [verb, *(c for c in children_of(verb) if c.dep_ in ("dobj", "acomp", "oprd", "ccomp", "xcomp"))]
    return any(
        (prep.lower_, obj.lower_) in words.standing_phrases
        for holder in holders for prep in children_of(holder) if prep.dep_ == "prep"
        for obj in children_of(prep) if obj.dep_ == "pobj"
    )


def _simple_present(verb: Token) -> bool:
    """ "hosts", "host", "does not host": a present verb with no auxiliary but do."""
    auxiliaries = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxiliaries
    return verb.tag_ == "VB" and len(auxiliaries) == 1 and auxiliaries[0].lower_ in _PRESENT_AUX


def _present_progressive(verb: Token) -> bool:
    """ "is hosting", "are keeping": a present participle after a present "be" alone."""
    auxiliaries = [c.lower_ for c in children_of(verb) if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBG" and auxiliaries in (["is"], ["are"], ["'s"], ["'re"], ["am"])


def _present_perfect_progressive(verb: Token) -> bool:
    """ "have been cultivating": a present participle after "been" and a present "have"."""
    auxiliaries = {c.lower_ for c in children_of(verb) if c.dep_ == "aux"}
    return verb.tag_ == "VBG" and "been" in auxiliaries and bool(auxiliaries & _PERFECT_AUX)


def clause_tokens(verb: Token, own_clauses: frozenset[str] = _OWN_CLAUSES) -> Iterable[Token]:
    """The verb's own clause: its subtree without the clauses below it (the arcs ``own_clauses``)."""
    stack = [c for c in children_of(verb) if c.dep_ not in own_clauses]
    while stack:
        token = stack.pop()
        yield token
        stack.extend(c for c in children_of(token) if c.dep_ not in own_clauses)


def _states_a_time(verb: Token) -> bool:
    """A date or time in the verb's own clause: a present with a time is an event ("hosts talks
    on Sunday": scheduled; a headline's historic present)."""
    return any(t.ent_type_ in ("DATE", "TIME") and not _dates_a_noun(t) for t in clause_tokens(verb))


def _dates_a_noun(token: Token) -> bool:
    """A year or date that modifies a noun of no time ("according to a 2019 report"): it dates the
    noun, not the verb's act."""
    return token.dep_ in ("nummod", "compound", "amod") and token.head.ent_type_ not in ("DATE", "TIME")


def _has_occasion(verb: Token, ctx: Context) -> bool:
    """A verb of hosting whose object is an occasion ("hosts talks", "hosts Indian and Pakistani
    envoys for talks") or a visitor named as a person, state or organisation ("hosts Macron")."""
    objects = [c for c in children_of(verb) if c.dep_ in _OBJECTS]
    purposes = [o for p in children_of(verb) if p.dep_ == "prep" and p.lower_ == "for"
                for o in children_of(p) if o.dep_ == "pobj"]
    for token in objects + purposes:
        if _names_occasion(token, ctx):
            return True
        actor = ctx.actor(token)
        if token in objects and actor is not None and (actor.type, token.ent_type_) in _VISITORS:
            return True
    return False


def _names_occasion(noun: Token, ctx: Context) -> bool:
    """An event noun that is not only a thing given (CAMEO 07, provide aid: "weapons", "aid"):
    "hosts talks" is an occasion, "hosts U.S. nuclear weapons" is what the host keeps."""
    triggers = ctx.ontology.triggers_for("NOUN", noun.lemma_.lower())
    return any(not ctx.ontology.relation(t.relation).cameo.startswith(_AID_ROOT) for t in triggers)


# -- years ------------------------------------------------------------------------------------
def dated_in_time(trigger: Token, article: ArticleDate | None, date: ResolvedDate, words: AspectWords,
                  speech_verbs: frozenset[str]) -> ResolvedDate:
    """``date``, or, when it is only the article's own date: the year the clause states for the
    event ("in 1990", "from 1998 to 2000", "in the 1967 war") if that year is not after the
    article's; else, for a narrative past perfect ("Israel had occupied the Sinai"), no date and
    the precision ``background`` (before the article, when is not said). ``article``: the article's
    date as read (``parse_article_date``), or None when it has none."""
    if article is None:
        return date
    if date != article.period:
        return date
    year = stated_year(trigger, words)
    if year is not None and year <= article.first.year:
        return ResolvedDate(f"{year:04d}-01-01", "year")
    if year is None and _narrative_past_perfect(trigger, speech_verbs):
        return ResolvedDate(None, BACKGROUND)
    return date


def _narrative_past_perfect(trigger: Token, speech_verbs: frozenset[str]) -> bool:
    """The trigger's clause is in the past perfect ("had occupied", "had been fighting") and is
    the narrative's own: not reported ("said it had expelled": the past of the report, recent) and
    not a condition ("if it had attacked")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else _governing_verb(trigger)
    if verb is None or "had" not in {c.lower_ for c in children_of(verb) if c.dep_ in ("aux", "auxpass")}:
        return False
    if _states_a_time(verb):  # "had postponed the visit on Friday", "earlier in the day, had demanded"
        return False
    node = verb
    while True:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in children_of(node)):
            return False
        if node != verb and node.lemma_.lower() in speech_verbs:
            return False
        if node.head == node:
            return True
        node = node.head


def stated_year(trigger: Token, words: AspectWords) -> int | None:
    """The year a preposition of time gives the trigger's clause ("in 1990", "from 1998", "in the
    1967 war"), or that modifies an event noun ("the 1998 bombings"), else None."""
    heads = [trigger, *(c for c in children_of(trigger) if c.dep_ == "dobj")]  # "fought a war between 1980 and 1988"
    if trigger.pos_ in ("NOUN", "PROPN"):
        for child in children_of(trigger):
            if child.dep_ in ("nummod", "amod", "compound") and _year(child) is not None:
                return _year(child)
        governor = _governing_verb(trigger)
        if governor is not None:
            heads.append(governor)
    for head in heads:
        for prep in children_of(head):
            if prep.dep_ != "prep" or prep.lower_ not in words.year_prepositions:
                continue
            for obj in (c for c in children_of(prep) if c.dep_ == "pobj"):
                modifiers = [c for c in children_of(obj) if c.dep_ in ("nummod", "amod", "compound")]
                year = next((y for y in map(_year, [obj, *modifiers]) if y is not None), None)
                if year is not None:
                    return year
    return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose clause an event noun is an argument of ("fought a war", "war broke out")."""
    node = noun
    for _ in range(3):
        if node.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj", "prep", "attr"):
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _year(token: Token) -> int | None:
    return int(token.text) if token.like_num and _YEAR.fullmatch(token.text) else None

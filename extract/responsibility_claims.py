"""Accusations told as a statement of responsibility: "Britain said Russia was responsible for the
poisoning", "Kyiv said Moscow was behind the cyberattack", "said Moscow was to blame for the sabotage".

A speaker who states that another party was responsible for, behind or to blame for a harmful act
holds that party responsible: CAMEO codes it as an accusation (112; OEDA: HOLD + RESPONSIBLE). The
reporting verb (speech_acts.toml ``censure.reporting_verbs``) must be affirmed; its clause a copula,
affirmed and without a modal or a "whether"/"if", whose predicate is a responsibility word
(responsibility.toml) on a harm noun, and whose subject is an actor of another state than the
speaker's. The clause may sit under an unhedged "it was (highly) likely/clear that ...". A
responsibility for a duty ("for the security of the border") or one's own ("said it was
responsible for the strike") is no accusation.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.event_memory import same_state
from extract.patterns import Candidate, Context, actors_of, clause_subject, subject_actors
from extract.responsibility_words import ResponsibilityWords

ACCUSE_RELATION = "ACCUSE"
RESPONSIBILITY_CONFIDENCE = 0.75


def _plain(clause: Token) -> bool:
    """An affirmed clause with no modal and no "whether"/"if"."""
    return not any(
        c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") or (c.dep_ == "mark" and c.lower_ in ("whether", "if"))
        for c in clause.children
    )


def _harm_after(word: Token, preposition: str, words: ResponsibilityWords) -> bool:
    """Whether ``word`` has a ``preposition`` phrase whose noun names a harm."""
    return any(
        p.dep_ == "prep" and p.lower_ == preposition
        and any(g.dep_ == "pobj" and g.lemma_.lower() in words.harm_nouns for g in p.children)
        for p in word.children
    )


def holds_responsible(clause: Token, words: ResponsibilityWords) -> bool:
    """Whether a copular ``clause`` says its subject was responsible for, behind or to blame for a harm."""
    if clause.lemma_.lower() != "be" or not _plain(clause):
        return False
    for child in clause.children:
        responsible = child.dep_ == "acomp" and child.lemma_.lower() in words.responsible_adjectives
        to_blame = child.dep_ == "xcomp" and child.lemma_.lower() in words.blame_verbs
        if (responsible or to_blame) and _harm_after(child, "for", words):
            return True
        doer = child.dep_ == "prep" and child.lower_ in words.doer_prepositions
        if doer and any(g.dep_ == "pobj" and g.lemma_.lower() in words.harm_nouns for g in child.children):
            return True
    return False


def _stated_clauses(verb: Token, words: ResponsibilityWords) -> Iterator[Token]:
    """The clauses a reporting verb states: its complement, or the complement of an unhedged
    "it was likely/clear that" complement."""
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        yield clause
        if clause.lemma_.lower() != "be" or not _plain(clause):
            continue
        if not any(c.dep_ in ("expl", "nsubj") and c.lower_ == "it" for c in clause.children):
            continue
        certain = [c for c in clause.children if c.dep_ == "acomp" and c.lemma_.lower() in words.certainty_adjectives]
        if certain:
            yield from (c for holder in (clause, *certain) for c in holder.children if c.dep_ == "ccomp")


def responsibility_accusations(verb: Token, ctx: Context) -> Iterator[Candidate]:
    """A reporting verb whose clause holds another state's actor responsible for a harm: an
    accusation of the speaker against that actor."""
    words = ctx.ontology.responsibility
    if (verb.lemma_.lower() not in ctx.ontology.speech_acts.censure.reporting_verbs
            or ACCUSE_RELATION not in ctx.ontology.relations or not _plain(verb)):
        return
    for clause in _stated_clauses(verb, words):
        if not holds_responsible(clause, words):
            continue
        speakers = subject_actors(clause_subject(verb, ctx), ctx)
        targets = [actor for c in clause.children if c.dep_ == "nsubj" for actor in actors_of(c, ctx)
                   if not any(same_state(actor, speaker) for speaker in speakers)]
        if speakers and targets:
            yield Candidate(verb, ACCUSE_RELATION, tuple(speakers), tuple(targets), (), RESPONSIBILITY_CONFIDENCE)

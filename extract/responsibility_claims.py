"""Accusations told as a statement of responsibility: "Britain said Russia was responsible for the
poisoning", "Kyiv said Moscow was behind the cyberattack", "said Moscow was to blame for the sabotage".

A speaker who states that another party was responsible for, behind, involved in or to blame for a
harmful act holds that party responsible: CAMEO codes it as an accusation (112; OEDA: HOLD + RESPONSIBLE). The
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

from extract.block_index import children_of, conjuncts_of
from extract.patterns import Candidate, Context, actors_of, clause_subject, subject_actors
from extract.responsibility_words import ResponsibilityWords
from graph.model import same_state

ACCUSE_RELATION = "ACCUSE"
RESPONSIBILITY_CONFIDENCE = 0.75


def _plain(clause: Token) -> bool:
    """An affirmed clause with no modal and no "whether"/"if"."""
    return not any(
        c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") or (c.dep_ == "mark" and c.lower_ in ("whether", "if"))
        for c in children_of(clause)
    )


def _harm_after(word: Token, pairs: frozenset[str], words: ResponsibilityWords) -> bool:
    """Whether ``word`` with one of its prepositions makes a "word preposition" pair of ``pairs``
    whose noun names a harm ("responsible for the bombing")."""
    return any(
        p.dep_ == "prep" and f"{word.lemma_.lower()} {p.lower_}" in pairs and _names_harm(p, words)
        for p in children_of(word)
    )


def _names_harm(preposition: Token, words: ResponsibilityWords) -> bool:
    """Whether the noun of ``preposition``, or a noun coordinated with it, names a harm."""
    nouns = [g for g in children_of(preposition) if g.dep_ == "pobj"]
    nouns += [c for g in nouns for c in conjuncts_of(g)]
    return any(g.lemma_.lower() in words.harm_nouns for g in nouns)


def holds_responsible(clause: Token, words: ResponsibilityWords) -> bool:
    """Whether ``clause`` says its subject was responsible for, behind, involved in or to blame for a
    harm: a copula with such a predicate, or a passive participle of taking part."""
    if not _plain(clause):
        return False
    if clause.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in children_of(clause)):
        return _harm_after(clause, words.implicated_participles, words)
    if clause.lemma_.lower() != "be":
        return False
    for child in children_of(clause):
        if child.dep_ == "acomp" and _harm_after(child, words.responsible_adjectives, words):
            return True
        if child.dep_ == "xcomp" and _harm_after(child, words.blame_verbs, words):
            return True
        if child.dep_ == "prep" and child.lower_ in words.doer_prepositions and _names_harm(child, words):
            return True
    return False


def _stated_clauses(verb: Token, words: ResponsibilityWords) -> Iterator[Token]:
    """The clauses a reporting verb states: its complement, or the complement of an unhedged
    "it was likely/clear that" complement."""
    for clause in children_of(verb):
        if clause.dep_ != "ccomp":
            continue
        yield clause
        if clause.lemma_.lower() != "be" or not _plain(clause):
            continue
        if not any(c.dep_ in ("expl", "nsubj") and c.lower_ == "it" for c in children_of(clause)):
            continue
        certain = [c for c in children_of(clause)
                   if c.dep_ == "acomp" and c.lemma_.lower() in words.certainty_adjectives]
        if certain:
            yield from (c for holder in (clause, *certain) for c in children_of(holder) if c.dep_ == "ccomp")


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
        targets = [actor for c in children_of(clause) if c.dep_ in ("nsubj", "nsubjpass") for actor in actors_of(c, ctx)
                   if not any(same_state(actor, speaker) for speaker in speakers)]
        if speakers and targets:
            yield Candidate(verb, ACCUSE_RELATION, tuple(speakers), tuple(targets), (), RESPONSIBILITY_CONFIDENCE)

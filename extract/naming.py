"""Naming verbs with a predicate ("called X a threat", "termed the move unacceptable"): a judgement
of the object, not an act on it. Readers of the parse and the code CAMEO gives the judgement."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from extract.block_index import children_of
from extract.evaluative import Judgement, negated_predicate, predicate_judgement
from extract.ontology import Ontology
from extract.reported_judgements import censures

#: Arcs on which spaCy hangs a predicate after the object: "called X a liar" (oprd), "found X
#: guilty" (acomp, xcomp), "named X envoy" (attr).
_PREDICATE_ARCS = frozenset({"oprd", "xcomp", "acomp", "attr"})
_PREDICATE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
#: The indefinite articles, which begin a predicate noun phrase ("a dictator") and no apposition.
_INDEFINITE_ARTICLES = frozenset({"a", "an"})


@dataclass(frozen=True)
class NamedPredicate:
    """What a naming verb judges and the predicate that judges it."""

    named: Token
    predicate: Token


def predicate_complement(verb: Token) -> NamedPredicate | None:
    """The object and its predicate: "called X a liar", a second object ("called X a liar" parsed
    as two objects), "described X as hostile", or a verbless small clause ("called [X
    illegitimate]", parsed as a ccomp or an oprd with X its subject). None when the verb has no predicate
    ("called X on Monday", "called X to discuss ...")."""
    objects = [c for c in children_of(verb) if c.dep_ == "dobj"]
    if objects:
        for child in children_of(verb):
            if child.dep_ in _PREDICATE_ARCS and (child.pos_ in _PREDICATE_POS or _is_participle_predicate(child)):
                return NamedPredicate(objects[0], child)
        if len(objects) > 1:
            return NamedPredicate(objects[0], objects[1])
        appended = _unset_apposition(objects[0]) or _postposed_adjective(objects[0]) or _stranded_adjective(objects[0])
        if appended is not None:  # "called [Japan's decision] [a grave mistake]", "called X's move [regrettable]"
            return NamedPredicate(objects[0], appended)
        for child in children_of(verb):
            if child.dep_ == "prep" and child.lower_ == "as":
                for pobj in children_of(child):
                    if pobj.dep_ in ("pobj", "amod", "acomp"):
                        return NamedPredicate(objects[0], pobj)
    fused = _misparsed_object(verb)
    if fused is not None:
        return fused
    for child in children_of(verb):
        small = child.dep_ == "ccomp" or (child.dep_ in _PREDICATE_ARCS and child.pos_ in _PREDICATE_POS)
        if small and _is_small_clause(child):
            subjects = [g for g in children_of(child) if g.dep_ == "nsubj"]
            if subjects:
                return NamedPredicate(subjects[0], child)
    return None


def _is_participle_predicate(token: Token) -> bool:
    """A past participle as the object's predicate ("called the sanctions [unfounded]"): the
    parser's object-predicate arc says it is one, whatever part of speech it tagged."""
    return token.dep_ == "oprd" and token.tag_ in ("VBN", "VBD")


def _unset_apposition(noun: Token) -> Token | None:
    """An indefinite noun phrase hung on ``noun`` as its apposition with no comma between: a
    predicate, since an apposition is set off by commas ("called Japan's decision [a mistake]");
    or a noun phrase hung on it as a direct object, which a noun cannot take: the verb's second
    object ("called the U.S. pressure [an affront]")."""
    for child in children_of(noun):
        if child.i < noun.i or any(t.is_punct for t in noun.doc[noun.i + 1:child.left_edge.i]):
            continue
        indefinite = any(c.dep_ == "det" and c.lower_ in _INDEFINITE_ARTICLES for c in children_of(child))
        if (child.dep_ == "appos" and indefinite) or (child.dep_ == "dobj" and child.pos_ in _PREDICATE_POS):
            return child
    return None


def _postposed_adjective(noun: Token) -> Token | None:
    """An adjective hung on ``noun`` as its modifier but standing after it: English puts an
    attributive adjective before its noun, so after the object of a naming verb it is the object's
    predicate ("called Uganda's move [regrettable]"), whatever arc the parser gave it."""
    for child in children_of(noun):
        if child.dep_ == "amod" and child.pos_ == "ADJ" and child.i > noun.i:
            return child
    return None


#: Arcs of a noun's place in its clause, which an adjective cannot fill.
_NOUN_SLOTS = frozenset({"dobj", "pobj"})


def _stranded_adjective(noun: Token) -> Token | None:
    """The last word of the object's phrase when it is an adjective the parser put in a noun's
    place (as an object): an adjective is no object, so at the end of a naming verb's object it
    is the object's predicate ("called [Burundi's decision to close the border] [unfortunate]")."""
    last = noun.right_edge
    if last.i > noun.i and last.pos_ == "ADJ" and last.dep_ in _NOUN_SLOTS:
        return last
    return None


def _misparsed_object(verb: Token) -> NamedPredicate | None:
    """The object and predicate of a verb the parser gave no direct object, when the parse
    still shows both: two predicates in a row ("called [Kim] [a madman]", the first the object); a
    name before the predicate's determiner, hung on the predicate ("called [Xi] a dictator": a
    determiner begins its noun phrase, so a word before it is outside it); or an indefinite noun
    phrase hung on the name as its apposition with no comma between ("called Xi Jinping [a
    dictator]": an apposition is set off by commas, a predicate is not)."""
    predicates = [c for c in children_of(verb) if c.dep_ in _PREDICATE_ARCS and c.pos_ in ("NOUN", "PROPN")]
    if len(predicates) > 1:
        return NamedPredicate(predicates[0], predicates[1])
    if not predicates:
        return None
    predicate = predicates[0]
    determiners = [c.i for c in children_of(predicate) if c.dep_ == "det"]
    for child in children_of(predicate):
        if child.dep_ in ("nmod", "compound") and child.pos_ == "PROPN" and determiners and child.i < min(determiners):
            return NamedPredicate(child, predicate)
    appended = _unset_apposition(predicate)
    if appended is not None:
        return NamedPredicate(predicate, appended)
    return None


def _is_small_clause(clause: Token) -> bool:
    """A clause without a verb of its own: a noun or adjective after its subject, with no
    subordinator or auxiliary ("called [the claims illegitimate]"; the tagger may take the
    adjective for a verb)."""
    if any(c.dep_ in ("mark", "aux", "auxpass", "dobj") for c in children_of(clause)):
        return False
    return clause.pos_ in _PREDICATE_POS or clause.tag_ == "VBP"


def naming_code(verb: Token, predicate: Token, ontology: Ontology, negators: frozenset[str]) -> str:
    """The CAMEO code of a judgement, if a statement of judgement (``naming.statement_roots``):
    the OEDA dictionary's pattern for the verb with this predicate ("call ... liar" 111), else for
    another naming verb with it (the naming verbs share their predicate's judgement: "declare ...
    enemy" 110 codes "labelled X an enemy"), else the verb's pattern with the predicate after "as"
    ("describe ... as mistake" 110), unless the predicate is negated ("called X no liar"); else the
    verb's own code when it is more than a statement ("brand" 111); else by the predicate's valence
    (evaluative_words.tsv): clearly negative a criticism (111: "a dangerous populist"), clearly
    positive praise (051: "a trusted friend"); an unclear one that charges wrongdoing
    (speech_acts.toml ``censure.words``: "a provocation", "aggression") a criticism too; else a
    public statement (010). Never the verb's
    other senses ("call" 041, a phone call; "call ... end" 020, an appeal)."""
    naming = ontology.speech_acts.naming
    verbs = ontology.verbs
    lemma = verb.lemma_.lower()

    def judging(code: str | None) -> bool:
        return code is not None and code[:2] in naming.statement_roots

    # the dictionary's patterns code the predicate asserted: "called X no liar" is no "call ... liar"
    if not negated_predicate(predicate, negators):
        for other in (lemma, *sorted(naming.dictionary_verbs - {lemma})):
            match = verbs.predicate_match(other, predicate)
            if match is not None and judging(match.code):
                return match.code
        full = verbs.match(verb)
        if full is not None and full.pattern is not None and full.pattern.prep == "as" and judging(full.code):
            return full.code
    entry = verbs.entries.get(lemma)
    if entry is not None and judging(entry.default) and entry.default != naming.statement_code:
        return str(entry.default)
    judgement = predicate_judgement(predicate, ontology.evaluative_words, negators)
    if judgement is Judgement.UNCLEAR and censures(predicate, ontology.speech_acts.censure, negators):
        return naming.criticism_code  # a charge of wrongdoing the lexicon does not rate ("a provocation")
    if judgement is Judgement.NEGATIVE:
        return naming.criticism_code
    if judgement is Judgement.POSITIVE:
        return naming.praise_code
    return naming.statement_code

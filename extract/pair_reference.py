"""Plural pair references: "the two countries", "both sides", "the two leaders".

A rule of English discourse: a definite plural quantified by "two" or "both" refers back to the
pair just under discussion: the latest two actors of the kind its head noun names that the text
put together (coordinated, "Armenia and Azerbaijan", or subject and object of one clause, "Xi
welcomed Duterte"), else the only two such actors named in the window. Three or more actors with
none put together leave the reference unresolved: the two most recent of them were the wrong pair
for 15 of 28 such triples on the news set ("talks brokered by Russia, but both sides ...").
As a subject the pair acts like a coordinated subject ("A and B agreed"), as an object
each party is acted on; "each other"/"one another" as the object of a group's verb pairs its
members both ways. The head nouns, quantifiers and reciprocal pronouns are lexicon data.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from extract.block_index import BlockTokens, block_sentences, block_words, children_of, conjuncts_of
from extract.co_arguments import co_argument_actors
from extract.description_reference import (
    DescriptionKind,
    description_fitting,
    description_kind,
    description_referent,
    may_describe,
    relation_possessor,
)
from extract.epithets import (
    ActDyad,
    Epithets,
    as_organisation_holders,
    is_mutual_pair,
    is_proper_epithet,
    named_by_another,
    organisation_members,
    state_members,
    without_third_party_acts,
)
from extract.gazetteer import Gazetteer
from extract.group_reference import GroupWords, group_size, latest_group, mention_roots, sentence_groups
from extract.mentions import BlockMentions, Mention, MentionKind, mention_root
from extract.ontology import Lexicon
from extract.organisation_names import OrganisationNames
from extract.plural_subject import PLURAL_SUBJECT_PRONOUN, continues_plural_subject, coordinated_subject_pair
from extract.reference_ambiguity import rival_pairs, rival_referents
from graph.model import Actor, ActorType, DropReason

if TYPE_CHECKING:
    from extract.patterns import Candidate

#: How far back a pair reference looks: its own sentence and the two before it. News text names
#: the pair in the sentence or two before "the two countries"; further back, other actors have
#: usually come under discussion and a guess would pair the wrong ones.
PAIR_WINDOW_SENTENCES = 3
#: A pair of states told together this often is what the story is about (``_story_pair``).
STORY_PAIR_MIN_TOLD = 2
#: What events whose actors come from a pair reference say as their ``pairing``.
PAIR_REFERENCE_PAIRING = "pair_reference"
#: A pair-derived event is less certain than its dependency path: the referents are a discourse guess.
PAIR_CONFIDENCE_FACTOR = 0.9
#: Prepositions that make a named state the setting of what is said ("talks in Nairobi", "the war
#: in Ukraine"), not one of the parties under discussion.
_SETTING_PREPS = frozenset({"in", "at", "near", "inside"})
#: Determiners that make "two" definite ("the two countries"; "two countries" is indefinite).
_DEFINITE_DETERMINERS = frozenset({"the", "these", "those"})
#: Modifiers after the head that restrict a plural to other referents ("the two countries that
#: border Sudan", "both sides of the border"): such a phrase is not a reference back.
_RESTRICTING_ARCS = frozenset({"relcl", "acl", "appos"})
_RESTRICTING_PREPS = frozenset({"of", "from"})
_QUALIFYING_ARCS = frozenset({"amod", "compound", "nmod", "poss"})
#: Descriptions left unresolved when two referents are equally salient (extract/reference_ambiguity.py);
#: a compass word or a relation to a possessor already tells its referent apart.
_RIVALLED_DESCRIPTIONS = frozenset({DescriptionKind.STATE, DescriptionKind.ORGANISATION})


class PairKind(StrEnum):
    """What a pair reference's head noun names."""

    PERSONS = "persons"  # leaders, presidents, ministers: the two most recent persons
    STATES = "states"  # countries, governments, capitals: the two most recent states
    PARTIES = "parties"  # sides, parties, rivals: any two actors


def pair_kind(token: Token, lexicon: Lexicon) -> PairKind | None:
    """The kind of pair ``token`` refers to, or None: a plural head noun of the lexicon's pair
    nouns with "both", or with "two" after a definite determiner, and no restricting modifier."""
    if is_bare_pair(token, lexicon):
        return PairKind.PARTIES
    kind = head_kind(token, lexicon)
    if kind is None:
        return None
    lefts = [c for c in children_of(token) if c.i < token.i]
    quantifiers = [c for c in lefts if c.lower_ in lexicon.pair_quantifiers]
    if not quantifiers:
        return None
    if all(q.like_num for q in quantifiers) and not any(c.lower_ in _DEFINITE_DETERMINERS for c in lefts):
        return None
    return kind


#: Arcs of a noun phrase that is an argument of its clause, and of one that is its subject.
_ARGUMENT_ARCS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
_SUBJECT_ARCS = frozenset({"nsubj", "nsubjpass"})


def is_bare_pair(token: Token, lexicon: Lexicon) -> bool:
    """ "The two discussed trade", "Both agreed to ...": a definite "two", or "both", standing alone
    as an argument, its noun left out, refers back to the pair under discussion as "the two sides"
    would (general English)."""
    if token.lower_ not in lexicon.pair_quantifiers or token.dep_ not in _ARGUMENT_ARCS:
        return False
    children = children_of(token)
    if any(c.dep_ in _RESTRICTING_ARCS or c.dep_ in ("amod", "compound") for c in children):
        return False
    if token.like_num:
        return [c.lower_ for c in children if c.dep_ == "det"] == ["the"]
    # "both" as a subject only ("Both agreed"): as an object it more often takes up things ("rejected both")
    return token.dep_ in _SUBJECT_ARCS and not any(c.dep_ in ("det", "prep") for c in children)


#: The fine tags of a plural noun.
_PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})


def head_kind(token: Token, lexicon: Lexicon) -> PairKind | None:
    """What a plural head noun of the lexicon's pair nouns names, or None: not plural, not such a
    noun, or restricted by a modifier after it to other referents."""
    if token.tag_ not in _PLURAL_NOUN_TAGS:
        return None
    lemma = token.lemma_.lower()
    if lemma in lexicon.pair_person_nouns:
        kind = PairKind.PERSONS
    elif lemma in lexicon.pair_state_nouns:
        kind = PairKind.STATES
    elif lemma in lexicon.pair_party_nouns:
        kind = PairKind.PARTIES
    else:
        return None
    for child in children_of(token):
        if child.dep_ in _RESTRICTING_ARCS or (child.dep_ == "prep" and child.lower_ in _RESTRICTING_PREPS):
            return None
    return kind


def as_kind(actor: Actor, kind: PairKind, country_actor: Callable[[str], Actor | None]) -> Actor | None:
    """The actor a mention contributes to a pair of ``kind``: a person for persons; its country for
    states (a person, group or government counts as its country); for parties a state or an
    organisation itself, a person or group as its country."""
    if kind is PairKind.PERSONS:
        return actor if actor.type is ActorType.PERSON else None
    if actor.type is ActorType.COUNTRY:
        return actor
    if kind is PairKind.PARTIES and actor.type is ActorType.ORGANIZATION:
        return actor
    if actor.country is None or actor.type is ActorType.REGION:
        return None
    if not _acts_for_state(actor):
        # "talks between Israel and Hamas ... the two sides": an armed group, the opposition or
        # civilians are a side of their own, and no state ("the two countries")
        return actor if kind is PairKind.PARTIES else None
    return country_actor(actor.country)


#: CAMEO sectors of a state's own bodies: its government, forces, police, intelligence,
#: legislature and courts. An actor of another sector (rebels, opposition, civilians) is not its state.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})


def _acts_for_state(actor: Actor) -> bool:
    """Whether a person or group is one of its state's bodies (by its sector, else by the sector
    of its CAMEO code after the country: "PSEREBHMS" is rebels); no sector at all counts as the
    state's."""
    sector = actor.sector or (actor.cameo[3:6] if actor.cameo and len(actor.cameo) >= 6 else None)
    return sector is None or sector in _STATE_SECTORS


def referents(
    kind: PairKind, recent_first: Iterable[Actor], excluded: Iterable[Actor],
    country_actor: Callable[[str], Actor | None], dyads_recent_first: Iterable[tuple[Actor, Actor]] = (),
    salience: Callable[[tuple[Actor, Actor]], int] = lambda dyad: 0, story: tuple[Actor, Actor] | None = None,
) -> tuple[Actor, Actor] | None:
    """The pair a reference of ``kind`` names, leaving out ``excluded`` (its clause-mates): the
    latest dyad the text put together (``dyads_recent_first``) whose two actors are of ``kind``,
    unless the pair the story is about (``story``) was told more often (``salience``) and each
    such dyad shares a state with it (a third party acting on one side: "Sudan also expelled the
    Iranian ambassador. ... urged both sides"); with no such dyad, the story's pair, else the only
    two distinct actors of ``kind`` among ``recent_first`` (which runs back from the reference);
    None when nothing gives a pair, when both belong to one country, or when a person of the pair
    has no country."""
    usable = _usable(kind, excluded, country_actor)
    stand_in = _usable(PairKind.STATES, excluded, country_actor)
    window = [(dyad, pair) for dyad in dyads_recent_first if (pair := _pair_of_kind(kind, dyad, usable, stand_in))]
    story_pair = _pair_of_kind(kind, story, usable, usable) if story is not None else None
    if window:
        latest_dyad, latest = window[0]
        if (story is not None and story_pair is not None and salience(story) > salience(latest_dyad)
                and all(_shares_state(story, dyad) for dyad, _ in window)):
            return story_pair
        return latest
    if story_pair is not None:
        return story_pair
    found: list[Actor] = []
    for actor in recent_first:
        candidate = usable(actor)
        if candidate is not None and not any(candidate.id == f.id for f in found):
            found.append(candidate)
    if len(found) != 2 or not _a_pair(kind, *found):
        return None
    last_named, first_named = found
    return first_named, last_named  # in the order they were named


def _pair_of_kind(
    kind: PairKind, dyad: tuple[Actor, Actor], usable: Callable[[Actor], Actor | None],
    stand_in: Callable[[Actor], Actor | None],
) -> tuple[Actor, Actor] | None:
    """What a dyad gives a reference of ``kind`` (``usable`` for each actor), or None."""
    earlier, later = dyad
    first, second = usable(earlier), usable(later)
    if kind is PairKind.PERSONS and (first is None) != (second is None):
        # "Sisi received the Sudanese leader. The two men ...": a person put together with a
        # state's unnamed leader (the state) is the pair, the state standing for its leader
        first, second = first or stand_in(earlier), second or stand_in(later)
    if first is None or second is None or not _a_pair(kind, first, second):
        return None
    return first, second


def _shares_state(first: tuple[Actor, Actor], second: tuple[Actor, Actor]) -> bool:
    return bool((pair_topic(first) or frozenset()) & (pair_topic(second) or frozenset()))


def group_referents(
    kind: PairKind, size: int, groups_recent_first: Iterable[tuple[Actor, ...]], excluded: Iterable[Actor],
    country_actor: Callable[[str], Actor | None],
) -> tuple[Actor, ...] | None:
    """The group a numbered reference of ``kind`` ("the three countries") names: the latest
    coordination of exactly ``size`` actors of ``kind`` (``extract.group_reference``), its
    clause-mates left out, every two of them as distinct as a pair; else None."""
    return latest_group(size, groups_recent_first, _usable(kind, excluded, country_actor),
                        lambda first, second: _a_pair(kind, first, second))


def _usable(kind: PairKind, excluded: Iterable[Actor],
            country_actor: Callable[[str], Actor | None]) -> Callable[[Actor], Actor | None]:
    """What an actor contributes to a reference of ``kind`` (``as_kind``), None for the clause-mates."""
    left_out = {a.id for actor in excluded if (a := as_kind(actor, kind, country_actor)) is not None}

    def usable(actor: Actor) -> Actor | None:
        candidate = as_kind(actor, kind, country_actor)
        return None if candidate is None or candidate.id in left_out else candidate

    return usable


def _a_pair(kind: PairKind, first: Actor, second: Actor) -> bool:
    """Two actors that can be a pair: distinct, of two countries, persons each with a country."""
    if first.id == second.id:
        return False
    if kind is PairKind.PERSONS and (first.country is None or second.country is None):
        return False
    return first.country is None or first.country != second.country


def sentence_dyads(
    sentence: Span, mentions: BlockMentions, roots: frozenset[int], tokens: BlockTokens,
    mediating: frozenset[str] = frozenset(),
) -> list[tuple[int, tuple[Actor, Actor]]]:
    """The pairs of actors ``sentence`` puts together, in text order, each with the index of the
    token that ends it: two conjuncts ("Armenia and Azerbaijan") and the subject and object of one verb
    ("Xi welcomed Duterte", "spoke by phone with X"); ``roots`` are the sentence's ``mention_roots``,
    ``tokens`` the words of its block. Conjuncts who mediate (``mediating`` verbs: "talks mediated
    by Qatar and Turkey", "Egypt and Qatar offered to broker a truce") are go-betweens, no pair."""
    found: list[tuple[int, tuple[Actor, Actor]]] = []
    words = block_words(sentence.doc)  # the block's own Token objects (``doc[i]`` makes one at each asking)
    for i in range(sentence.start, sentence.end):
        if i not in roots and tokens.pos[i] not in _VERB_POS:
            continue  # neither a mention's head nor a verb: no pair ends here
        token = words[i]
        mention = mentions.get(token.i) if token.i in roots else None
        conjuncts = conjuncts_of(token) if mention is not None else ()  # (spaCy walks them at each asking)
        if mention is not None and len(conjuncts) == 1 and not goes_between(token, mediating):
            # "Russia, China and Cuba" is no pair, nor are two mediators
            (conjunct,) = conjuncts
            other = mentions.get(conjunct.i)
            if conjunct.i > token.i and other is not None and other.actor.id != mention.actor.id:
                found.append((conjunct.i, (mention.actor, other.actor)))
        if tokens.pos[i] in _VERB_POS:
            subject = _argument(token, ("nsubj",), mentions)
            if subject is None:
                continue  # no pair without a subject: its object is not looked for
            target = _argument(token, ("dobj", "dative"), mentions) or _prepositional_argument(token, mentions)
            if target is not None and subject[1].id != target[1].id:
                found.append((max(token.i, subject[0], target[0]), ActDyad(subject[1], target[1])))
    return sorted(found, key=lambda item: item[0])


#: The parts of speech of a verb whose subject and object can be a pair.
_VERB_POS = frozenset({"VERB", "AUX"})


def goes_between(token: Token, mediating: frozenset[str]) -> bool:
    """Whether the phrase headed by ``token`` names who mediates: the subject of a ``mediating``
    verb, directly or through a control verb ("offered to mediate"), or the agent of one ("a truce
    brokered by Egypt", "talks mediated by Qatar")."""
    head = token.head
    if token.dep_ == "nsubj":
        return head.lemma_.lower() in mediating or any(
            c.dep_ == "xcomp" and c.lemma_.lower() in mediating for c in children_of(head))
    return (token.dep_ == "pobj" and head.lower_ == "by" and head.dep_ in ("agent", "prep")
            and head.head.lemma_.lower() in mediating)


def _may_refer_to_pair(tokens: BlockTokens, i: int, lexicon: Lexicon) -> bool:
    """Whether word ``i`` can be a pair or group reference as ``is_bare_pair`` and ``head_kind``
    read one: a word of the pair quantifiers ("two") or a plural of the pair nouns ("countries");
    every other word is none, and is not looked at further."""
    if tokens.lowers[i] in lexicon.pair_quantifiers:
        return True
    lemma = tokens.lemmas[i]
    return tokens.tags[i] in _PLURAL_NOUN_TAGS and (
        lemma in lexicon.pair_person_nouns or lemma in lexicon.pair_state_nouns or lemma in lexicon.pair_party_nouns)


def _argument(verb: Token, arcs: tuple[str, ...], mentions: BlockMentions) -> tuple[int, Actor] | None:
    """The first argument of ``verb`` along ``arcs`` that is an actor, with its token index."""
    for child in children_of(verb):
        if child.dep_ in arcs and (mention := mentions.get(child.i)) is not None:
            return child.i, mention.actor
    return None


def _prepositional_argument(verb: Token, mentions: BlockMentions) -> tuple[int, Actor] | None:
    """The actor a verb's preposition governs, unless the preposition names a setting ("in")."""
    for prep in children_of(verb):
        if prep.dep_ == "prep" and prep.lower_ not in _SETTING_PREPS:
            for pobj in children_of(prep):
                if pobj.dep_ == "pobj" and (mention := mentions.get(pobj.i)) is not None:
                    return pobj.i, mention.actor
    return None


def clause_mates(token: Token, mentions: BlockMentions) -> list[Actor]:
    """The actors of the subjects (and passive agents) of the clause a pair reference is an
    argument of, through control verbs ("Washington would not hesitate to impose sanctions on
    both countries") and to a conjoined verb without a subject of its own ("Mexico and Uruguay
    declined ... and offered to mediate between the two sides"): a definite description does not
    refer to its own clause's subject ("China praised the two countries"), while a speaker above a
    reported clause may be one of the pair."""
    actors: list[Actor] = []
    node = token
    while node.head != node:
        parent = node.head
        if parent.pos_ in ("VERB", "AUX"):
            for child in parent.children:
                if child is node:
                    continue
                arguments = [child] if child.dep_ in ("nsubj", "nsubjpass") else (
                    [g for g in children_of(child) if g.dep_ == "pobj"] if child.dep_ == "agent" else [])
                for argument in arguments:
                    for item in (argument, *conjuncts_of(argument)):
                        mention = mentions.get(item.i)
                        if mention is not None:
                            actors.append(mention.actor)
            if parent.dep_ in ("acl", "relcl") and (modified := mentions.get(parent.head.i)) is not None:
                actors.append(modified.actor)  # "Russia, whose peacekeepers ..., called on both sides"
            shares_subject = parent.dep_ == "conj" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in children_of(parent))
            if parent.dep_ != "xcomp" and not shares_subject:
                break
        node = parent
    return actors


def addressed_relation_pair(
    token: Token, mentions: BlockMentions, lexicon: Lexicon, usable: Callable[[Actor], Actor | None],
) -> tuple[Actor, Actor] | None:
    """The pair of a reference to relations told to the other party: "France warned Jakarta that
    executing its citizen would harm relations between the two countries", "Xi told Putin that the
    two countries' ties were unshakeable". A speaker who tells another about the relations between
    "the two countries", in a clause that completes the telling verb, means their own: the verb's
    subject and object (each ``usable``), whatever pairs the text put together before. None when the
    reference is no party of a relation noun (lexicon ``relation_nouns``: "relations between", "the
    two countries' ties") or no finite complement of a verb with two actors holds it."""
    holder = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "between" else token.head
    if token.dep_ not in ("pobj", "poss") or holder.lemma_.lower() not in lexicon.relation_nouns:
        return None
    node = holder
    while node.head != node and node.dep_ != "ccomp":
        node = node.head
    verb = node.head
    if node.dep_ != "ccomp" or verb.pos_ not in _VERB_POS:
        return None
    subject = _argument(verb, ("nsubj",), mentions)
    # the parser may read a name after the verb as an adverbial noun ("warned [Jakarta] that ...")
    target = _argument(verb, ("dobj", "dative", "npadvmod"), mentions)
    if subject is None or target is None:
        return None
    first, second = usable(subject[1]), usable(target[1])
    if first is None or second is None or not _a_pair(PairKind.STATES, first, second):
        return None
    return first, second


def _is_under_discussion(mention: Mention, doc: Doc) -> bool:
    """A mention that can be one of a later pair: named, not a pronoun (its antecedent counted
    already); not the setting of what is said ("talks in Nairobi", "the war in Ukraine"); not the
    subject of a predicate noun or adjective, which describes it rather than has it act ("Taiwan
    was the first red line")."""
    if mention.is_anaphor:
        return False
    root = mention_root(doc, mention)
    if root.dep_ == "pobj" and root.head.lower_ in _SETTING_PREPS:
        return False
    copula = root.head
    return not (root.dep_ == "nsubj" and copula.lemma_ == "be"
                and any(c.dep_ in ("attr", "acomp") for c in children_of(copula)))


def _qualifiers(token: Token, mentions: BlockMentions, arcs: frozenset[str] = _QUALIFYING_ARCS) -> list[Mention]:
    """The mentions inside the noun's qualifying modifiers ("Russian" in "the two Russian ministers")."""
    own = mentions.get(token.i)
    found: list[Mention] = []
    for child in children_of(token):
        if child.dep_ in arcs:
            for inner in child.subtree:
                mention = mentions.get(inner.i)
                if mention is not None and mention is not own and mention not in found:
                    found.append(mention)
    return found


def _qualified(token: Token, mentions: BlockMentions) -> bool:
    """A modifier of the noun names an actor ("the two Russian ministers"): no pair reference."""
    return bool(_qualifiers(token, mentions))


def _possessor_actors(token: Token, mentions: BlockMentions) -> list[Actor]:
    """The actor a description's possessor names ("its" of "its neighbour"), if any."""
    possessor = relation_possessor(token)
    mention = mentions.get(possessor.i) if possessor is not None else None
    return [mention.actor] if mention is not None else []


def _regional_qualifiers(token: Token, mentions: BlockMentions) -> list[Mention] | None:
    """The noun's qualifiers when every one names a region ("the Central American nation", "the
    West African country"): such a phrase describes one state of the region, not the region; None
    when the noun has no qualifier or one names something else."""
    qualifiers = _qualifiers(token, mentions)
    if qualifiers and all(m.actor.type is ActorType.REGION for m in qualifiers):
        return qualifiers
    return None


#: Prepositions after an agent noun that name whom the agents come from or act for.
_AGENT_OF_PREPS = frozenset({"from", "of"})


def agents_of_pairs(
    doc: Doc, agents: Iterable[int], references: Mapping[int, tuple[Actor, ...] | None],
) -> dict[int, tuple[Actor, ...]]:
    """Agent nouns nothing else qualifies whose "from"/"of" phrase is a resolved pair or group
    reference ("diplomats from the two countries", "officials of both sides"): the agents are the
    pair's, so the noun refers to the pair as "the two countries" would."""
    found: dict[int, tuple[Actor, ...]] = {}
    for i in agents:
        for prep in children_of(doc[i]):
            if prep.dep_ != "prep" or prep.lower_ not in _AGENT_OF_PREPS:
                continue
            for pobj in children_of(prep):
                pair = references.get(pobj.i) if pobj.dep_ == "pobj" else None
                if pair:
                    found[i] = pair
    return found


def _forget(token: Token, mentions: BlockMentions) -> None:
    """A plural pair never names one actor: drop a mention the resolver gave the noun ("the two
    leaders" taken for the one leader named before)."""
    mention = mentions.get(token.i)
    if mention is not None:
        for i in range(mention.start, mention.end):
            if mentions.get(i) is mention:
                del mentions[i]


@dataclass
class ReferenceResolver:
    """One article's definite references back, block by block: pair references ("the two
    countries") and descriptions of one actor ("the alliance", ``extract.description_reference``).
    Remembers the actors named in the last sentences (``PAIR_WINDOW_SENTENCES``) so that a
    reference can look back across blocks."""

    lexicon: Lexicon
    gazetteer: Gazetteer
    group_words: GroupWords
    epithets: Epithets
    organisation_names: OrganisationNames  # the gazetteer's organisation names by word, built once
    recent: deque[tuple[tuple[Actor, ...], tuple[tuple[Actor, Actor], ...]]] = field(
        default_factory=lambda: deque(maxlen=PAIR_WINDOW_SENTENCES - 1))
    recent_groups: deque[tuple[tuple[Actor, ...], ...]] = field(
        default_factory=lambda: deque(maxlen=PAIR_WINDOW_SENTENCES - 1))
    last_subject_pair: tuple[Actor, Actor] | None = None  # the sentence before's coordinated subject
    #: how often the article's acts so far were between each pair of states (``pair_topic``,
    #: ``note_acts``): the pair a story is about comes up again and again, a third party's once or twice
    told_pairs: Counter[frozenset[str]] = field(default_factory=Counter)
    told_dyads: dict[frozenset[str], tuple[Actor, Actor]] = field(default_factory=dict)  # the latest of each

    def resolve_block(self, doc: Doc, mentions: BlockMentions, tokens: BlockTokens) -> None:
        """Record every pair and numbered group reference of ``doc`` (whose words ``tokens`` gives:
        "the two countries", "the three allies") in ``mentions.references`` (its actors, or None
        when they cannot be told) and take it out of the unqualified agents; add a mention for every
        description that refers back to an actor."""
        for sentence in block_sentences(doc):
            self._resolve_sentence(sentence, mentions, tokens)
        references = mentions.references
        references.update(agents_of_pairs(doc, mentions.unqualified_agents, references))
        mentions.unqualified_agents = frozenset(i for i in mentions.unqualified_agents if i not in references)

    def _resolve_sentence(self, sentence: Span, mentions: BlockMentions, tokens: BlockTokens) -> None:
        doc = sentence.doc
        kinds, sizes = self._reference_words(sentence, mentions, tokens)
        named: list[Actor] = []
        roots = mention_roots(sentence, mentions)  # both walks below ask it of every word
        dyads = sentence_dyads(sentence, mentions, roots, tokens, self.lexicon.mediating_verbs)
        coordinated = sentence_groups(sentence, mentions, roots)
        for i in range(sentence.start, sentence.end):
            if i in sizes:
                token = doc[i]
                head, size = sizes[i]
                group = group_referents(head, size, self._groups_looking_back(coordinated, token),
                                        clause_mates(token, mentions), self._country)
                mentions.references[i] = group
                named.extend(group or ())
                continue
            kind = kinds.get(i)
            if kind is not None:
                pair = self._pair_referents(doc[i], kind, mentions, named, dyads)
                mentions.references[i] = pair
                named.extend(pair or ())
                continue
            # most words are no description (read from the table) and need no token; a word that is
            # already a mention is none either (``_describe`` answers False there before anything else)
            if (i not in mentions and (may_describe(tokens, i, self.lexicon)
                                       or (tokens.tags[i] == "NNP" and is_proper_epithet(doc[i], self.epithets)))
                    and self._describe(doc[i], mentions, named)):
                continue
            mention = mentions.get(i)
            if mention is not None and i == mention.start and _is_under_discussion(mention, doc):
                named.append(mention.actor)
        self.recent.append((tuple(named), tuple(dyad for _, dyad in dyads)))
        self.last_subject_pair = coordinated_subject_pair(sentence, mentions)
        self.recent_groups.append(tuple(group for _, group in coordinated))

    def _reference_words(
        self, sentence: Span, mentions: BlockMentions, tokens: BlockTokens,
    ) -> tuple[dict[int, PairKind], dict[int, tuple[PairKind, int]]]:
        """The sentence's pair references (by token index, with the kind they name) and numbered group
        references (with the kind and the number), each taken out of the mentions; a plural subject
        pronoun continuing the sentence before's coordinated subject ("Ghana and Togo ... They") is
        recorded as that pair on the way."""
        doc = sentence.doc
        kinds: dict[int, PairKind] = {}
        sizes: dict[int, tuple[PairKind, int]] = {}
        for i in range(sentence.start, sentence.end):
            if (self.last_subject_pair is not None and tokens.lowers[i] == PLURAL_SUBJECT_PRONOUN
                    and continues_plural_subject(doc[i], mentions)):
                mentions.references[i] = self.last_subject_pair  # "Ghana and Togo ... They"
                continue
            if not _may_refer_to_pair(tokens, i, self.lexicon):
                continue  # most words: no pair or group noun, no "two" (read from the table)
            token = doc[i]
            head = head_kind(token, self.lexicon)  # None unless a plural pair noun: then no pair either
            kind = pair_kind(token, self.lexicon) if head is not None or is_bare_pair(token, self.lexicon) else None
            if kind is None and head is not None and is_mutual_pair(token, self.epithets):
                kind = head  # "the neighbours", "the rivals": the pair in that relation
            head = head if kind is None else None
            size = group_size(token, self.group_words) if head is not None else None
            if (kind is None and size is None) or _qualified(token, mentions):
                continue
            if kind is not None:
                kinds[token.i] = kind
            elif head is not None and size is not None:
                sizes[token.i] = head, size
            _forget(token, mentions)
        return kinds, sizes

    def _pair_referents(
        self, token: Token, kind: PairKind, mentions: BlockMentions, named: Sequence[Actor],
        dyads: Sequence[tuple[int, tuple[Actor, Actor]]],
    ) -> tuple[Actor, Actor] | None:
        """The pair a pair reference of ``kind`` at ``token`` names: the teller and the told of
        relations told to the other party (``addressed_relation_pair``), else the pair under
        discussion (``referents``), unless two pairs were put together in one sentence."""
        excluded = clause_mates(token, mentions)
        usable = _usable(kind, excluded, self._country)
        pair = addressed_relation_pair(token, mentions, self.lexicon, usable)
        if pair is not None:
            return pair
        pair = referents(kind, self._looking_back(named), excluded, self._country,
                         without_third_party_acts(list(self._dyads_looking_back(dyads, token))),
                         self._salience, self._story_pair())
        if pair is not None and rival_pairs(self._dyad_sentences_looking_back(dyads, token), usable):
            return None  # two pairs put together in one sentence: none is guessed
        return pair

    def _describe(self, token: Token, mentions: BlockMentions, named: Sequence[Actor]) -> bool:
        """Resolve ``token`` as a definite description (extract/description_reference.py), adding
        its mention when it finds a referent; whether the token is a description at all."""
        proper = is_proper_epithet(token, self.epithets)
        described = description_kind(token, self.lexicon, proper) if token.i not in mentions else None
        if described is None:
            return False
        epithet_words = self.epithets.modifier_words if described is DescriptionKind.STATE else frozenset()
        for qualifier in _qualifiers(token, mentions):  # "the former Soviet republic": a property, no actor
            if set(token.doc[qualifier.start : qualifier.end].text.lower().split()) <= epithet_words:
                _forget(token.doc[qualifier.start], mentions)
        regional = _regional_qualifiers(token, mentions)
        if regional is None:
            # a qualifier naming an actor makes no description; a relational noun's own possessor
            # does not count ("its neighbour")
            relational = described is DescriptionKind.RELATIONAL
            if _qualifiers(token, mentions, _QUALIFYING_ARCS - {"poss"} if relational else _QUALIFYING_ARCS):
                return False
        for region in regional or ():  # "the Central American nation" is a state, never the region
            _forget(token.doc[region.start], mentions)
        excluded = [*clause_mates(token, mentions), *_possessor_actors(token, mentions),
                    *co_argument_actors(token, mentions)]
        within = self._members(regional or ())
        allowed = self._epithet_members(token, described)
        if allowed is not None:
            within = allowed & within if within and described is DescriptionKind.STATE else allowed
            if not within or (token.lemma_.lower() in self.epithets.named_organisation_heads
                              and named_by_another(token, within, mentions)):
                mentions.references[token.i] = None  # a property none has, or another "agency": no referent
                return True
        looking_back: Callable[[Iterable[Actor]], Iterable[Actor]] = (
            (lambda actors: actors) if described is not DescriptionKind.ORGANISATION
            else (lambda actors: as_organisation_holders(actors, self._office_organisation)))
        actor = description_referent(token.lower_, described, looking_back(self._looking_back(named)),
                                     excluded, self._country, within)
        fitting = description_fitting(token.lower_, described, excluded, self._country, within)
        if (actor is not None and described in _RIVALLED_DESCRIPTIONS
                and rival_referents((tuple(looking_back(sentence)) for sentence in self._sentences_looking_back(named)),
                                    fitting)):
            mentions.references[token.i] = None  # two referents equally salient: none is guessed
            return True
        if actor is not None:
            mentions[token.i] = Mention(token.i, token.i + 1, actor, MentionKind.DESCRIPTION)
        elif allowed is not None:
            mentions.references[token.i] = None  # no actor with the epithet's property: no referent
        return True

    def _epithet_members(self, token: Token, described: DescriptionKind) -> frozenset[str] | None:
        """What the description's epithets allow (extract/epithets.py): ISO codes of states, or
        organisation actor ids; None when its words carry no property."""
        if described is DescriptionKind.STATE:
            return state_members(token, self.epithets)
        if described is DescriptionKind.ORGANISATION:
            return organisation_members(token, self.epithets, self.organisation_names)
        return None

    def _office_organisation(self, actor: Actor) -> Actor | None:
        """The organisation a person holds an office of (the gazetteer's office_organizations), or None."""
        if actor.type is not ActorType.PERSON or actor.title is None:
            return None
        org_id = self.gazetteer.office_organizations.get((actor.id.removeprefix("person:"), actor.title))
        known = org_id is not None and org_id in self.gazetteer.organizations
        return self.gazetteer.organization_actor(org_id) if known and org_id is not None else None

    def _members(self, regions: Iterable[Mention]) -> frozenset[str]:
        """The states of the regions ``regions`` name (empty when none is bounded)."""
        codes = {m.actor.cameo for m in regions if m.actor.cameo in self.gazetteer.regions}
        return frozenset().union(*(self.gazetteer.regions[code].members for code in codes if code is not None))

    def _country(self, iso3: str) -> Actor | None:
        return self.gazetteer.country_actor(iso3) if iso3 in self.gazetteer.countries else None

    def note_acts(self, acts: Iterable[tuple[int, Actor, Actor]]) -> None:
        """Count the acts the article has told (a block's events, once the block is read, each as
        its sentence's start and its subject and object) toward the pair the story is about: each
        pair of states once per sentence, so that a mutual act told as two events counts once."""
        told = {(start, key): (subject, obj) for start, subject, obj in acts
                if (key := pair_topic((subject, obj))) is not None}
        for (_, key), pair in told.items():
            self.told_pairs[key] += 1
            self.told_dyads[key] = pair

    def _story_pair(self) -> tuple[Actor, Actor] | None:
        """The pair the article is about: the pair of states its acts in the paragraphs so far
        were between in most sentences, at least ``STORY_PAIR_MIN_TOLD``; None when two pairs tie."""
        if not self.told_pairs:
            return None
        (top, told), *rest = self.told_pairs.most_common(2)
        if told < STORY_PAIR_MIN_TOLD or (rest and rest[0][1] == told):
            return None
        return self.told_dyads[top]

    def _salience(self, dyad: tuple[Actor, Actor]) -> int:
        """How often the article's acts so far were between the dyad's two states."""
        key = pair_topic(dyad)
        return self.told_pairs[key] if key is not None else 0

    def _looking_back(self, named: Sequence[Actor]) -> Iterator[Actor]:
        """The actors named so far, most recent first: earlier in the sentence, then the
        sentences before it within the window."""
        yield from reversed(named)
        for sentence_named, _ in reversed(self.recent):
            yield from reversed(sentence_named)

    def _sentences_looking_back(self, named: Sequence[Actor]) -> Iterator[tuple[Actor, ...]]:
        """The actors named so far, sentence by sentence, most recent first (as ``_looking_back``)."""
        yield tuple(reversed(named))
        for sentence_named, _ in reversed(self.recent):
            yield tuple(reversed(sentence_named))

    def _dyad_sentences_looking_back(
        self, dyads: Sequence[tuple[int, tuple[Actor, Actor]]], reference: Token,
    ) -> Iterator[tuple[tuple[Actor, Actor], ...]]:
        """The dyads put together before ``reference``, sentence by sentence, most recent first."""
        yield tuple(dyad for end, dyad in dyads if end < reference.i)
        for _, earlier in reversed(self.recent):
            yield earlier

    def _dyads_looking_back(
        self, dyads: Sequence[tuple[int, tuple[Actor, Actor]]], reference: Token,
    ) -> Iterator[tuple[Actor, Actor]]:
        """The dyads put together before ``reference``, most recent first: those of its own
        sentence that end before it, then those of the sentences before it within the window."""
        yield from reversed([dyad for end, dyad in dyads if end < reference.i])
        for _, earlier in reversed(self.recent):
            yield from reversed(earlier)

    def _groups_looking_back(
        self, groups: Sequence[tuple[int, tuple[Actor, ...]]], reference: Token,
    ) -> Iterator[tuple[Actor, ...]]:
        """The coordinated groups before ``reference``, most recent first, as ``_dyads_looking_back``."""
        yield from reversed([group for end, group in groups if end < reference.i])
        for earlier in reversed(self.recent_groups):
            yield from reversed(earlier)


def pair_topic(dyad: tuple[Actor, Actor]) -> frozenset[str] | None:
    """The two states a dyad puts together (an actor with no state counts as itself), or None when
    both are of one state."""
    key = frozenset(actor.country or actor.id for actor in dyad)
    return key if len(key) == 2 else None


# -- candidates -----------------------------------------------------------------------------
def _argument_tokens(trigger: Token) -> list[Token]:
    """The trigger's direct objects and prepositional objects (also those on its direct object):
    where an unresolved pair or a reciprocal pronoun would sit."""
    tokens = [c for c in children_of(trigger) if c.dep_ in ("dobj", "dative", "nsubjpass")]
    holders = [trigger, *tokens]
    tokens += [g for h in holders for c in children_of(h) if c.dep_ in ("prep", "agent") for g in children_of(c)
               if g.dep_ == "pobj"]
    return tokens


def is_reciprocal(token: Token, lexicon: Lexicon) -> bool:
    """"each other", "one another": the token with a determiner of its own before it."""
    return any(f"{c.lower_} {token.lower_}" in lexicon.reciprocal_pronouns for c in children_of(token) if c.i < token.i)


def _with_possessors(tokens: Iterable[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from (c for c in children_of(token) if c.dep_ == "poss")


def with_pair_reference(
    candidate: Candidate, subject_tokens: Sequence[Token], object_indices: Iterable[int],
    confidence: float, references: Mapping[int, tuple[Actor, ...] | None], lexicon: Lexicon,
) -> Candidate:
    """The candidate as pair references and reciprocal pronouns make it: marked ``pair_reference``
    at a lower confidence when a pair gave its actors; paired both ways when a group acts on "each
    other"; dropped as ``unresolved_reference`` when an unresolved pair is its missing argument.
    ``confidence`` is the path's, before a drop set it to 0; ``references`` are the block's pair
    and group references by token (their actors, None when unresolved)."""
    if not references and (candidate.drop is None or not _may_act_on_each_other(candidate)):
        return candidate  # a block without pair or group references: nothing to mark or resolve
    objects = _argument_tokens(candidate.trigger)
    arguments = [*subject_tokens, *(candidate.trigger.doc[i] for i in object_indices), *objects]
    from_pair = bool(references) and _actors_from_pair(candidate, arguments, references)
    if candidate.drop is None:
        return _as_pair_derived(candidate, candidate.confidence) if from_pair else candidate
    reciprocal = _reciprocal(candidate, objects, lexicon)
    if reciprocal is not None:
        if from_pair:
            return _as_pair_derived(reciprocal, confidence)
        return replace(reciprocal, confidence=round(confidence, 3))
    return _as_unresolved(candidate, objects if candidate.subjects else subject_tokens, references)


def _actors_from_pair(
    candidate: Candidate, arguments: Sequence[Token], references: Mapping[int, tuple[Actor, ...] | None],
) -> bool:
    """Whether a resolved pair or group reference among the arguments (or their possessors: "the two
    sides' ministers") gave the candidate its actors."""
    actors = {a.id for a in (*candidate.subjects, *candidate.objects)}
    return any((pair := references.get(t.i)) is not None and {a.id for a in pair} <= actors
               for t in _with_possessors(arguments))


def _as_pair_derived(candidate: Candidate, confidence: float) -> Candidate:
    return replace(candidate, confidence=round(confidence * PAIR_CONFIDENCE_FACTOR, 3), pairing=PAIR_REFERENCE_PAIRING)


_MISSING_OBJECT = frozenset({DropReason.NOT_AN_ACTOR, DropReason.NO_OBJECT, DropReason.UNQUALIFIED_AGENT})


def _may_act_on_each_other(candidate: Candidate) -> bool:
    """A candidate without its object whose subjects are a group: its object may be "each other"."""
    return candidate.drop in _MISSING_OBJECT and len(candidate.subjects) >= 2


def _reciprocal(candidate: Candidate, objects: Sequence[Token], lexicon: Lexicon) -> Candidate | None:
    """A group of two or more subjects whose object is "each other" (or its possessor: "each
    other's positions"): every member acts on every other ("both sides accused each other",
    "Russia and Ukraine shelled each other's positions"); None when that is not the case."""
    subjects = candidate.subjects
    if not _may_act_on_each_other(candidate):
        return None
    if not any(is_reciprocal(t, lexicon) for t in _with_possessors(objects)):
        return None
    pairs = tuple((a, b) for a in subjects for b in subjects if a != b)
    return replace(candidate, drop=None, detail="", pairs=pairs)


def _as_unresolved(
    candidate: Candidate, missing: Sequence[Token], references: Mapping[int, tuple[Actor, ...] | None],
) -> Candidate:
    """A candidate that lacks an actor where an unresolved pair or group reference stands is dropped
    as an unresolved reference (in subject position the parse already says so)."""
    if candidate.drop not in (DropReason.NOT_AN_ACTOR, DropReason.UNQUALIFIED_AGENT):
        return candidate
    unresolved = [t for t in _with_possessors(missing) if t.i in references and references[t.i] is None]
    if not unresolved:
        return candidate
    detail = f"reference back '{unresolved[0].text}' with no single referent (pair, group or description)"
    return replace(candidate, drop=DropReason.UNRESOLVED_REFERENCE, detail=detail)

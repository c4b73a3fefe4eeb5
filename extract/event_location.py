"""Agents that take their state from where they act.

CAMEO practice codes a domestic actor with no stated nationality with the country where the event
takes place. An agent noun nothing else ascribes to a state ("protesters", "police") takes one:

1. from a place after "in"/"from"/"of" that postmodifies it, nested places included ("police in
   the northern city of Kano", "students in the Kenyan capital"), whatever the agent noun;
2. for a local agent (``event_location.toml`` ``local_agents``: the people of a place, a crowd,
   its police), from the place of the clause it is an argument of ("thousands of people marched in
   Bukavu", "in Caracas, demonstrators protested"): a locative preposition of the verb (or of the
   verbs that share its subject) with a known place as object, or the place of a local agent it
   acts with or on ("police in Lagos arrested traders");
3. a diplomatic mission stands where its "in" says ("the Dutch embassy in Khartoum" stands in
   Sudan, and still stands for the Netherlands): local agents gathered outside it, or storming
   it, are of its host state;
4. a local agent the act is done to is where the act is aimed ("warplanes bombed Juba, killing
   civilians": South Sudanese civilians); the agent that acts never is;
5. an agent noun still without a state, in a sentence that names one state only (by its name,
   capital, places, people, officials or groups), is that state's when its own clause is set there:
   a co-argument that is the state, a place of it, one of its persons, organisations or
   institutions ("rebels attacked an army base in northern Mali", "opposition leader Bobi Wine was
   arrested by police"), not a group of its people, who may be abroad ("police arrested Chinese
   smugglers"). Never armed forces and their arms, which act across borders, nor people who are by
   nature abroad or deal with other states (``event_location.toml``), which also set no scene in
   their own state ("gunmen seized two American tourists").

A place that locates an agent by rule 2 is where the act happens, so it is not also the target of
an act that names no object (``BlockMentions.scene_places``: "people marched in Bukavu" do not
protest against Congo). A place after a preposition of direction or target ("advanced on Kyiv",
"fired at the Kremlin": the verb's own object prepositions) or a direct object is where the act
is aimed, not where its agent is, and gives the agent no state. Places of several states leave the
agent as it was (still ``unqualified_agent`` when a candidate needs it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from extract.block_index import block_words, children_of, conjuncts_of
from extract.data_tables import load_word_table
from extract.gazetteer import Gazetteer, Role
from extract.mentions import BlockMentions, Mention, MentionKind, mention_root
from extract.ontology import Lexicon, Ontology
from extract.role_mentions import group_actor
from extract.verb_forms import has_own_subject
from graph.model import ActorType

#: Mention kinds that name a place of a state: its name, capital or seat (not a demonym: "in Japanese").
_PLACE_KINDS = frozenset({MentionKind.NAME, MentionKind.CAPITAL, MentionKind.SEAT})
#: Prepositions after an agent noun that say where it is or comes from ("police in Lagos", "students from Kano",
#: "residents of Kano").
_POSTMODIFIER_PREPS = frozenset({"in", "from", "of"})
#: The one of them that says where a local agent is now, so where it acts ("police in Lagos arrested ...").
_PRESENCE_PREPS = frozenset({"in"})
#: Arcs of a verb's arguments (the object of a preposition is reached through the preposition).
_ARGUMENT_ARCS = frozenset({"nsubj", "nsubjpass", "dobj"})
#: Arcs of the argument an act is done to.
_PATIENT_ARCS = frozenset({"dobj", "nsubjpass"})
#: Prepositions that put a place noun inside another place ("a square in Cairo", "the town of Kano"); not
#: "near" or "outside": "towns near Somalia" may lie in another state.
_NESTING_PREPS = frozenset({"in", "of"})
#: Arcs between verbs that share one subject and one scene ("marched in Bukavu to protest", "gathered and chanted").
_SAME_SCENE_ARCS = frozenset({"conj", "xcomp", "advcl"})
_NESTING_DEPTH = 3
#: Arcs of a word that qualifies the noun it hangs on ("American tourists", "the US embassy").
_QUALIFIER_ARCS = frozenset({"amod", "compound", "nmod", "poss"})


class LocationWordsError(ValueError):
    """The event-location word file is missing a list or is malformed; the message names it."""


@dataclass(frozen=True)
class LocationWords:
    """The words of ``event_location.toml``: locative prepositions (multi-word ones as word
    tuples) and the local agent nouns with their role."""

    locative_prepositions: frozenset[tuple[str, ...]]
    local_agents: Mapping[str, Role]
    border_crossing_sectors: frozenset[str]
    travelling_agents: frozenset[str]
    foreign_qualifiers: frozenset[str]
    expelling_verbs: frozenset[str]
    scene_setting_sectors: frozenset[str]


def load_location_words(path: Path) -> LocationWords:
    """Read ``event_location.toml``; a missing list or a malformed entry raises a one-line error
    naming the file and the list."""
    words = load_word_table(path, LocationWordsError)
    prepositions = frozenset(tuple(p.split()) for p in words("locative_prepositions"))
    rows = words.entries.get("local_agents")
    if not isinstance(rows, list):
        raise LocationWordsError(f"{path}: local_agents must be a list of {{term, sector, role}} tables, got {rows!r}")
    try:
        agents = {
            str(row["term"]).lower(): Role(str(row["term"]).lower(), "GROUP", str(row["sector"]), str(row["role"]))
            for row in rows
        }
    except (KeyError, TypeError) as error:
        raise LocationWordsError(f"{path}: local_agents has a malformed entry ({error!r})") from error
    return LocationWords(prepositions, agents, frozenset(s.upper() for s in words("border_crossing_sectors")),
                         frozenset(words("travelling_agents")), words("foreign_qualifiers"),
                         words("expelling_verbs"),
                         frozenset(s.upper() for s in words("scene_setting_sectors")))


@dataclass(frozen=True)
class AgentLocator:
    """Gives unqualified agent nouns of a block the state of where they are or act."""

    words: LocationWords
    gazetteer: Gazetteer
    lexicon: Lexicon
    ontology: Ontology

    def locate(self, doc: Doc, tokens: Iterable[Token], mentions: BlockMentions) -> None:
        """Add a group mention for every agent noun among ``tokens`` (a block's words, or those of
        them that may be nouns) that a place ascribes to one state, and take it out of the
        unqualified agents."""
        located: set[int] = set()
        scene_places: set[int] = set()
        for token in tokens:
            role = self._agent_role(token, mentions)
            if role is None:
                continue
            states = self._postmodifier_states(token, mentions)
            places: dict[int, set[str]] = {}
            if not states and self._is_local(token):
                places = self._scene_places(token, mentions)
                aimed_at = self._target_places(token, mentions)
                states = {state for found in (*places.values(), *aimed_at.values()) for state in found}
            if len(states) != 1:
                continue
            scene_places.update(places)
            (state,) = states
            if state not in self.gazetteer.countries:
                continue
            self._add_group(token, role, state, mentions)
            located.add(token.i)
        mentions.unqualified_agents = frozenset(mentions.unqualified_agents - located)
        mentions.scene_places = frozenset(mentions.scene_places | scene_places)
        self._locate_in_one_state_sentences(doc, mentions)

    def _add_group(self, token: Token, role: Role, state: str, mentions: BlockMentions) -> None:
        """Make the agent noun (with the words of its role term) a mention of the state's group."""
        actor = group_actor(self.gazetteer, state, role)
        start = token.i - len(role.term.split()) + 1 if _ends_with(token.doc, token.i, role.term) else token.i
        mention = Mention(start, token.i + 1, actor, MentionKind.GROUP)
        for i in range(start, token.i + 1):
            mentions.setdefault(i, mention)

    # -- rule 5: "rebels attacked an army base in northern Mali" --------------------------------
    def _locate_in_one_state_sentences(self, doc: Doc, mentions: BlockMentions) -> None:
        """Give the agents still unqualified the state of their sentence where it names one only."""
        located: set[int] = set()
        words = block_words(doc)
        by_sentence: dict[int, set[str]] = {}  # the states of each sentence, read once
        for index in sorted(mentions.unqualified_agents):
            token = words[index]
            role = self._agent_role(token, mentions)
            if role is None or not self._may_be_of_the_scene(token, role, mentions):
                continue
            sentence = token.sent
            if sentence.start not in by_sentence:
                by_sentence[sentence.start] = self._sentence_states(sentence, words, mentions)
            states = by_sentence[sentence.start]
            if len(states) != 1 or self._clause_states(token, mentions) != states:
                continue
            (state,) = states
            if state in self.gazetteer.countries:
                self._add_group(token, role, state, mentions)
                located.add(index)
        mentions.unqualified_agents = frozenset(mentions.unqualified_agents - located)

    def _may_be_of_the_scene(self, token: Token, role: Role, mentions: BlockMentions) -> bool:
        """Whether an agent may be of the state its sentence tells of: not one that crosses
        borders or travels by nature, nor one a foreign word or an unknown name qualifies."""
        if role.sector in self.words.border_crossing_sectors:
            return False
        if token.lower_ in self.words.travelling_agents or role.term in self.words.travelling_agents:
            return False
        if token.lemma_.lower() in self.lexicon.place_nouns or self._is_expelled(token):
            return False
        for child in children_of(token):
            if child.dep_ in _QUALIFIER_ARCS and child.lower_ in self.words.foreign_qualifiers:
                return False
            if child.dep_ in ("compound", "poss") and child.i not in mentions and self._is_unknown_name(child):
                return False
        return True

    def _is_expelled(self, token: Token) -> bool:
        argument = _argument_of(token, self.lexicon)
        verb = _governing_verb(argument)
        return (verb is not None and argument.dep_ in _PATIENT_ARCS
                and verb.lemma_.lower() in self.words.expelling_verbs)

    def _is_unknown_name(self, word: Token) -> bool:
        """A proper name or an initialism no actor covers ("Ryanair", "NGO"); a capitalised
        word of a role ("Police officers") is none."""
        if word.pos_ == "PROPN" or (word.is_upper and len(word) > 1):
            return True
        return word.is_title and self._known_role(word) is None and word.lower_ not in self.words.local_agents

    def _clause_states(self, token: Token, mentions: BlockMentions) -> set[str]:
        """The states the agent's own clause is set in: those of the other arguments of its verb
        (and of the verbs sharing its subject) that set a scene (states, capitals, places,
        persons, organisations, a state's institutions: not groups of people, who may be
        abroad), of the places those arguments are in, and of the verbs' places."""
        argument = _argument_of(token, self.lexicon)
        verb = _governing_verb(argument)
        if verb is None:
            return set()
        states: set[str] = set()
        for scene_verb in _same_scene(verb):
            for other in _arguments(scene_verb):
                if other.i == argument.i or other.i == token.i:
                    continue
                for item in (other, *conjuncts_of(other)):
                    states |= self._setting_states(item, mentions)
                states |= self._postmodifier_states(other, mentions)
            for _, place in self._locatives(scene_verb):
                states |= self._place_states(place, mentions)
        return states

    def _setting_states(self, token: Token, mentions: BlockMentions) -> set[str]:
        mention = mentions.get(token.i)
        if mention is not None and mention.actor.country and (
                mention.actor.type is not ActorType.GROUP
                or mention.actor.sector in self.words.scene_setting_sectors):
            return {mention.actor.country}
        place = mentions.place_states.get(token.i)
        if place is not None and place.country:
            return {place.country}
        return {actor.country for actor in mentions.references.get(token.i) or () if actor.country}

    def _sentence_states(self, sentence: Span, words: tuple[Token, ...], mentions: BlockMentions) -> set[str]:
        """The states a sentence names: of its actor mentions (not those headed by a travelling
        agent noun), its places and its resolved pair and group references."""
        states: set[str] = set()
        for i in range(sentence.start, sentence.end):
            mention = mentions.get(i)
            if mention is not None and mention.actor.country and not self._names_travellers(words, mention):
                states.add(mention.actor.country)
            place = mentions.place_states.get(i)
            if place is not None and place.country:
                states.add(place.country)
            for actor in mentions.references.get(i) or ():
                if actor.country:
                    states.add(actor.country)
        return states

    def _names_travellers(self, words: tuple[Token, ...], mention: Mention) -> bool:
        """A mention that names travelling agents, or qualifies them ("the US embassy", "two
        American tourists")."""
        root = mention_root(words[0].doc, mention)
        head = root.head if root.dep_ in _QUALIFIER_ARCS else root
        pair = f"{words[head.i - 1].lower_} {head.lower_}" if head.i > 0 else head.lower_
        found = (words[mention.end - 1].lower_, head.lower_, pair)
        return any(word in self.words.travelling_agents for word in found)

    # -- which nouns ----------------------------------------------------------------------------
    def _agent_role(self, token: Token, mentions: BlockMentions) -> Role | None:
        """The role of an agent noun no actor or pair reference covers and no possessor owns
        ("their supporters" belong to whom "their" names): an unqualified agent of the resolver,
        or a local agent noun."""
        if token.i in mentions or token.i in mentions.references:
            return None
        local = self.words.local_agents.get(token.lower_)
        if local is None and token.i not in mentions.unqualified_agents:
            return None  # neither an unqualified agent nor a local agent noun (most words: tested first)
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "amod", "nmod", "poss"):
            return None  # "police station": a modifier, not an agent
        if any(child.dep_ == "poss" for child in children_of(token)):
            return None
        return self._known_role(token) or local

    def _known_role(self, token: Token) -> Role | None:
        """The gazetteer's group role ending at ``token`` (longest term first)."""
        terms = self.gazetteer.role_terms.terms
        doc = token.doc
        for size in range(min(3, token.i + 1), 0, -1):
            role = terms.get(tuple(t.lower_ for t in doc[token.i - size + 1 : token.i + 1]))
            if role is not None and role.kind == "GROUP":
                return role
        return None

    def _is_local(self, token: Token) -> bool:
        return token.lower_ in self.words.local_agents

    # -- rule 1: "police in Lagos" -------------------------------------------------------------
    def _postmodifier_states(self, token: Token, mentions: BlockMentions) -> set[str]:
        return {state for found in self._postmodifier_places(token, mentions).values() for state in found}

    def _postmodifier_places(self, token: Token, mentions: BlockMentions,
                             preps: frozenset[str] = _POSTMODIFIER_PREPS) -> dict[int, set[str]]:
        """The places after the noun's prepositions ``preps``, by token, with their states."""
        return {
            pobj.i: self._place_states(pobj, mentions)
            for prep in children_of(token) if prep.dep_ == "prep" and prep.lower_ in preps
            for pobj in children_of(prep) if pobj.dep_ == "pobj"
        }

    # -- rules 2 and 3: "people marched in Bukavu", "stormed the embassy in Khartoum" ------------
    def _scene_places(self, token: Token, mentions: BlockMentions) -> dict[int, set[str]]:
        """The places where the clause the agent is an argument of takes place (by token of the
        place phrase) with their states."""
        argument = _argument_of(token, self.lexicon)
        verb = _governing_verb(argument)
        if verb is None:
            return {}
        own_prep = argument.head if argument.dep_ == "pobj" else None
        places: dict[int, set[str]] = {}
        for scene_verb in _same_scene(verb):
            target_preps = {p for trig in self.ontology.triggers_for("VERB", scene_verb.lemma_.lower())
                            for p in trig.preps}
            for prep, place in self._locatives(scene_verb):
                aimed = prep.lower_ in target_preps and place.lemma_.lower() not in self.lexicon.mission_nouns
                if prep is own_prep or aimed:
                    continue  # a mission aimed at still stands where its "in" says (rule 3)
                places[place.i] = self._place_states(place, mentions)
            for other in _arguments(scene_verb):
                if self._is_local(other):  # "police in Lagos arrested traders": the traders are there too
                    places.update(self._postmodifier_places(other, mentions, _PRESENCE_PREPS))
            if scene_verb.lemma_.lower() in self.lexicon.storming_verbs:
                for obj in (c for c in children_of(scene_verb) if c.dep_ == "dobj"):
                    if obj.lemma_.lower() in self.lexicon.mission_nouns:
                        places[obj.i] = self._place_states(obj, mentions)  # rule 3: where the stormed mission stands
        return {i: states for i, states in places.items() if states}

    def _target_places(self, token: Token, mentions: BlockMentions) -> dict[int, set[str]]:
        """For a local agent the act is done to (its object: "killing civilians", "residents were
        detained"), the places the act is aimed at are where it is: the verb's direct object and
        the objects of its target prepositions, where they are places ("bombed Juba, killing
        civilians", "bombed a hospital in Idlib, wounding civilians"). Never for the agent that
        acts: "troops advanced on Kyiv" are not Ukrainian."""
        argument = _argument_of(token, self.lexicon)
        verb = _governing_verb(argument)
        if verb is None or argument.dep_ not in _PATIENT_ARCS:
            return {}
        places: dict[int, set[str]] = {}
        for scene_verb in _aimed_scene(verb):
            target_preps = {p for trig in self.ontology.triggers_for("VERB", scene_verb.lemma_.lower())
                            for p in trig.preps}
            aimed = [c for c in children_of(scene_verb) if c.dep_ == "dobj"] + [
                g for c in children_of(scene_verb) if c.dep_ == "prep" and c.lower_ in target_preps
                for g in children_of(c) if g.dep_ == "pobj"]
            for place in aimed:
                if place.i != argument.i:
                    places[place.i] = self._place_states(place, mentions)
        return {i: states for i, states in places.items() if states}

    def _locatives(self, verb: Token) -> Iterator[tuple[Token, Token]]:
        """(preposition, object) of the verb's prepositions of place, "in front of" as the parser
        chains it (in -> front -> of)."""
        for prep in (c for c in children_of(verb) if c.dep_ == "prep"):
            for pobj in (g for g in children_of(prep) if g.dep_ == "pobj"):
                if (prep.lower_,) in self.words.locative_prepositions:
                    yield prep, pobj
                for inner in (c for c in children_of(pobj) if c.dep_ == "prep"):
                    if (prep.lower_, pobj.lower_, inner.lower_) in self.words.locative_prepositions:
                        yield prep, next((g for g in children_of(inner) if g.dep_ == "pobj"), pobj)

    # -- places ----------------------------------------------------------------------------------
    def _place_states(self, token: Token, mentions: BlockMentions, depth: int = 0) -> set[str]:
        """The states of the places a token and its conjuncts name: a country, capital or seat; a
        place the gazetteer puts in a state; a place noun located in one ("a square in Cairo", "the
        city of Kano", "the Kenyan capital"). A diplomatic mission is located only by its "in"
        ("the Turkish embassy in Athens" stands in Greece; "the Turkish embassy" nowhere)."""
        states: set[str] = set()
        for item in (token, *conjuncts_of(token)):
            states |= self._place_state(item, mentions, depth)
        return states

    def _place_state(self, token: Token, mentions: BlockMentions, depth: int) -> set[str]:
        lemma = token.lemma_.lower()
        if lemma in self.lexicon.mission_nouns:
            return self._nested(token, mentions, depth, frozenset({"in"}))
        mention = mentions.get(token.i)
        if mention is not None and mention.actor.type is ActorType.COUNTRY and mention.kind in _PLACE_KINDS:
            return {mention.actor.country} if mention.actor.country else set()
        if mention is not None and lemma not in self.lexicon.place_nouns:
            return set()  # an actor, not a place ("a hospital in Idlib" is both: its "in" still locates it)
        place = mentions.place_states.get(token.i)
        if place is not None and place.country:
            return {place.country}
        if lemma not in self.lexicon.place_nouns:
            return set()
        owners: set[str] = set()
        if lemma in self.lexicon.territory_nouns:
            # "the Kenyan capital", "Israeli towns": a territory noun qualified by its state
            owners = {
                m.actor.country for c in children_of(token) if c.dep_ in ("amod", "compound", "poss", "nmod")
                if (m := mentions.get(c.i)) is not None and m.actor.type is ActorType.COUNTRY and m.actor.country
            }
        return owners or self._nested(token, mentions, depth, _NESTING_PREPS)

    def _nested(self, token: Token, mentions: BlockMentions, depth: int, preps: frozenset[str]) -> set[str]:
        if depth >= _NESTING_DEPTH:
            return set()
        return {
            state
            for prep in children_of(token) if prep.dep_ == "prep" and prep.lower_ in preps
            for pobj in children_of(prep) if pobj.dep_ == "pobj"
            for state in self._place_states(pobj, mentions, depth + 1)
        }


def _ends_with(doc: Doc, end: int, term: str) -> bool:
    words = term.split()
    start = end - len(words) + 1
    return start >= 0 and [t.lower_ for t in doc[start : end + 1]] == words


def _argument_of(token: Token, lexicon: Lexicon) -> Token:
    """The argument phrase a noun heads or stands in: itself, the first conjunct it is coordinated
    with ("police and protesters clashed"), or the quantity it is counted by ("hundreds of
    protesters", "a group of students")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "NUM", "PRON"):
        quantity = prep.head
        if quantity.like_num or quantity.lemma_.lower() in lexicon.partitive_nouns or quantity.tag_ == "NNS":
            return _argument_of(quantity, lexicon)
    return token


def _governing_verb(argument: Token) -> Token | None:
    """The verb an argument is the subject, object or prepositional object of."""
    head = argument.head
    if argument.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ in ("VERB", "AUX"):
        return head
    if argument.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


def _arguments(verb: Token) -> list[Token]:
    """The verb's subject, objects and prepositional objects, and the nouns they count ("hundreds
    of protesters")."""
    found = [c for c in children_of(verb) if c.dep_ in _ARGUMENT_ARCS]
    found += [g for c in children_of(verb) if c.dep_ in ("prep", "agent") for g in children_of(c) if g.dep_ == "pobj"]
    counted = [g for t in found for c in children_of(t) if c.dep_ == "prep" and c.lower_ == "of"
               for g in children_of(c) if g.dep_ == "pobj"]
    return found + counted


def _same_scene(verb: Token) -> list[Token]:
    """The verb and the verbs that share its subject and scene: up and down coordinations,
    infinitival complements and purpose clauses, through verbs without a subject of their own."""
    top = verb
    while top.dep_ in _SAME_SCENE_ARCS and not has_own_subject(top) and top.head != top:
        top = top.head
    scene: list[Token] = []
    stack = [top]
    while stack:
        current = stack.pop()
        scene.append(current)
        stack.extend(c for c in children_of(current)
                     if c.dep_ in _SAME_SCENE_ARCS and c.pos_ in ("VERB", "AUX") and not has_own_subject(c))
    return scene


def _aimed_scene(verb: Token) -> list[Token]:
    """The verb an act is done by, and the act it results from when it is a participle clause
    without a subject of its own ("bombed Juba, killing civilians"); not the verbs coordinated
    with it, which may be aimed elsewhere ("civilians were killed and [it] accused India")."""
    if verb.dep_ == "advcl" and not has_own_subject(verb) and verb.head != verb:
        return [verb, verb.head]
    return [verb]



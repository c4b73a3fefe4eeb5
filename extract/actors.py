"""Finding actor mentions in a parsed block and resolving them to canonical actors.

One ``ActorResolver`` lives for one article: it remembers the people named so far, so that
"Orban", "the Hungarian prime minister" and "he" resolve to the Viktor Orbán named earlier.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from extract.block_index import BlockTokens, doc_entities
from extract.definite_offices import DefiniteOffices
from extract.demonym_peoples import with_peoples
from extract.entity_mentions import EntityNames, introduced_initialism, surname_mentions
from extract.gazetteer import Gazetteer, Surface, SurfaceIndex, SurfaceKind
from extract.gazetteer_matches import GazetteerMatcher
from extract.mentions import BlockMentions, Mention, MentionKind, entity_of
from extract.official_states import OfficialStates
from extract.ontology import Lexicon
from extract.person_descriptions import from_apposition, from_nationality
from extract.person_registry import PersonRegistry
from extract.place_names import capital_names_body, capital_names_document
from extract.possessor_binding import BindingWords
from extract.pronouns import PronounResolver
from extract.repeated_agents import RepeatedAgents
from extract.role_mentions import (
    RoleReading,
    coordinated_qualifier_mentions,
    is_ethnic,
    role_mentions,
    stacked_demonym,
)
from extract.role_spans import BlockRoles
from extract.titles import with_title
from extract.unknown_actors import UnknownActors
from graph.model import Actor, ActorType


@dataclass
class ActorResolver:
    """Resolves the actor mentions of an article's blocks, in order. It coordinates the
    article's state (its persons, ``PersonRegistry``; names no gazetteer knows,
    ``UnknownActors``; pronoun antecedents, ``PronounResolver``) and the block readers: gazetteer
    names (extract/gazetteer_matches.py), entity names (extract/entity_mentions.py), titles and
    descriptions of persons (extract/titles.py, extract/person_descriptions.py), role nouns
    (extract/role_mentions.py) and pronouns (extract/pronouns.py)."""

    gazetteer: Gazetteer
    index: SurfaceIndex
    lexicon: Lexicon
    date: str | None
    binding: BindingWords  # the lexicon's words for a possessive "its" (extract/possessor_binding.py)
    unknown: UnknownActors = field(default_factory=lambda: UnknownActors())
    persons: PersonRegistry = field(init=False)
    pronouns: PronounResolver = field(init=False)
    repeated: RepeatedAgents = field(default_factory=lambda: RepeatedAgents())
    offices: DefiniteOffices = field(default_factory=lambda: DefiniteOffices())
    _matcher: GazetteerMatcher = field(init=False)
    _entities: EntityNames = field(init=False)
    # each state's actor as its names give it, made once per article (not at every name of it)
    _country_actors: dict[str, Actor] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.persons = PersonRegistry(self.unknown)
        self.pronouns = PronounResolver(self.lexicon.person_pronouns, self.gazetteer.person_title_heads, self.binding,
                                        self.lexicon.speech_verbs)
        self._matcher = GazetteerMatcher(self.gazetteer, self.index, self.date, self.persons)
        self._entities = EntityNames(self.gazetteer, self.lexicon, self.persons, self.unknown, self._matcher)

    def resolve_block(self, doc: Doc, tokens: BlockTokens) -> BlockMentions:
        """Mentions of ``doc`` (whose words ``tokens`` gives) by token index (every token of a
        mention maps to it): names first, then role nouns with their qualifiers, then pronouns."""
        roles = BlockRoles.of(tokens, self.gazetteer.role_terms)  # terms built once per gazetteer
        places: dict[int, str] = {}  # tokens of place names: ISO code of the state containing them
        by_token = BlockMentions()
        before = self._subject_before_block()  # the sentence before this block is the previous block's
        names = self._with_official_states(doc, self._name_mentions(doc, tokens, roles, places), before)
        _cover(by_token, with_peoples(doc, names, self.gazetteer))
        reading = self._role_reading(doc, roles, places)
        unqualified = self._add_role_mentions(reading, by_token)
        _cover(by_token, coordinated_qualifier_mentions(reading, by_token))
        self.repeated.resolve_block(doc, by_token, unqualified)
        self.offices.resolve_block(doc, by_token, roles, self.gazetteer, before,
                                   self.lexicon.state_description_nouns | self.lexicon.organisation_description_nouns)
        self.pronouns.resolve_block(doc, by_token, tokens)
        by_token.unqualified_agents = frozenset(i for i in unqualified if i not in by_token)
        by_token.place_states = {i: self.gazetteer.country_actor(iso3) for i, iso3 in places.items()
                                 if i not in by_token}
        return by_token

    def _role_reading(self, doc: Doc, roles: BlockRoles, places: dict[int, str]) -> RoleReading:
        """What reading the role nouns of ``doc`` needs (extract/role_mentions.py)."""
        return RoleReading(
            doc, roles, places, self.gazetteer, self.lexicon, self.binding, self.date, self.persons,
            self.pronouns.last_person, self.pronouns.previous_subject_body,
            lambda start, end: self._entities.organization(doc, start, end),
        )

    @staticmethod
    def _add_role_mentions(reading: RoleReading, by_token: BlockMentions) -> set[int]:
        """Add the role-noun mentions to ``by_token`` in two passes ("leaders of Romania's
        government" needs "government" first; unknown organisation names only in the last);
        the heads of agent nouns nothing qualifies."""
        unqualified: set[int] = set()
        for last_pass in (False, True):
            found, heads = role_mentions(reading, by_token, guess_names=last_pass)
            unqualified.update(heads)
            for mention in found:
                for i in range(mention.start, mention.end):
                    if _role_takes_token(by_token.get(i), mention):
                        by_token[i] = mention
        return unqualified

    # -- names ---------------------------------------------------------------------------
    def _name_mentions(self, doc: Doc, tokens: BlockTokens, roles: BlockRoles, places: dict[int, str]) -> list[Mention]:
        """The names of ``doc``: the gazetteer's, the recogniser's entities no gazetteer knows and
        the surnames of persons met before; persons with what their descriptions say."""
        taken: set[int] = set()
        mentions = self._gazetteer_mentions(doc, tokens, places, taken)
        for ent in doc_entities(doc):  # the block's entity spans, made once (extract/block_index.py)
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            mention = self._entities.mention(doc, ent, roles)
            if mention is not None:
                mentions.append(mention)
                taken.update(range(mention.start, mention.end))
        mentions.extend(surname_mentions(tokens, taken, self.persons))
        # Persons named with their title: extend to "Hungarian Prime Minister Viktor Orbán".
        result = [
            self._described_person(doc, m, mentions, roles)
            if m.actor.type is ActorType.PERSON and m.kind is MentionKind.NAME else m
            for m in sorted(mentions, key=lambda m: m.start)
        ]
        return _drop_nested([self._with_state_learned(m) for m in result])

    def _gazetteer_mentions(
        self, doc: Doc, tokens: BlockTokens, places: dict[int, str], taken: set[int],
    ) -> list[Mention]:
        """The mentions of the gazetteer's names in ``doc``; place names go to ``places`` (they
        qualify agent nouns but are no actors), and the tokens used to ``taken``."""
        mentions: list[Mention] = []
        for start, end, surface in self._matcher.matches(doc, tokens):
            if surface.kind is SurfaceKind.PLACE:
                for i in range(start, end):
                    places[i] = surface.key
                name = doc[start:end]  # one span for both readings
                if (self._matcher.place_read_as_person(name, surface)
                        or self._matcher.place_read_as_organisation(name, surface)):
                    taken.update(range(start, end))  # not a person or an organisation as well
                continue
            if surface.kind is SurfaceKind.CAPITAL:  # both readings are of capitals only: no span for other names
                name = doc[start:end]
                if capital_names_body(name, surface, self.lexicon.organisation_description_nouns):
                    continue  # "the Lima Group" is no government of Peru (extract/place_names.py)
                if capital_names_document(name, surface, self.lexicon.document_name_nouns):
                    continue  # "the Paris agreement" names no French party (extract/place_names.py)
            actor, kind = self._surface_actor(surface)
            if is_ethnic(doc, Mention(start, end, actor, kind), self.lexicon.ethnicity_markers):
                continue  # "ethnic Armenians": an origin, not the state
            widened = stacked_demonym(mentions[-1] if mentions else None, start, end, actor, kind)
            if widened is not None:  # "Syrian Turkmen": Syria's, the origin is no state
                mentions[-1] = widened
                taken.update(range(start, end))
                continue
            if actor.type is ActorType.PERSON:
                start, end = self._person_span(doc, start, end)
                actor = self.persons.register(actor)
            elif surface.kind is SurfaceKind.ORGANIZATION:
                acronym = introduced_initialism(doc, doc[start:end])
                if acronym is not None:  # "the Oromo Liberation Front (OLF)": later "OLF" is the same
                    self.unknown.add(actor, (acronym,))
            mentions.append(Mention(start, end, actor, kind))
            taken.update(range(start, end))
        return mentions

    def _described_person(self, doc: Doc, mention: Mention, mentions: list[Mention], roles: BlockRoles) -> Mention:
        """A person's name mention with what its title, apposition and nationality say
        (extract/titles.py, extract/person_descriptions.py); the article's person is updated."""
        mention = self._noted(mention, self._held_office(with_title(
            doc, mention, mentions, roles, self.lexicon.office_modifiers, self.gazetteer)))
        mention = self._noted(mention, from_apposition(doc, mention, mentions, self.gazetteer))
        return self._noted(mention, from_nationality(doc, mention, mentions, self.gazetteer))

    def _held_office(self, mention: Mention) -> Mention:
        """A person the lists do not know, named by a title and one name ("President Boric"): the
        one holder of that office at the article's date with that surname, when there is one."""
        actor = mention.actor
        person_id = actor.id.removeprefix("person:")
        if (actor.type is not ActorType.PERSON or actor.title is None or self.date is None or " " in actor.name
                or person_id in self.gazetteer.offices or person_id in self.gazetteer.dated_persons):
            return mention
        holder = self.gazetteer.holder_by_surname(actor.name, actor.title, self.date)
        if holder is None:
            return mention
        return Mention(mention.start, mention.end,
                       self.persons.register(self.gazetteer.person_actor(holder, self.date)), mention.kind)

    def _noted(self, mention: Mention, described: Mention) -> Mention:
        """``described``, after recording in the article's persons what it says anew of the person."""
        if described.actor is not mention.actor:
            self.persons.update(described.actor)
        return described

    def _with_state_learned(self, mention: Mention) -> Mention:
        """A person mention with no state takes the one the article has since given the same
        person ("Ales Bialiatski, a Belarusian activist, ... Bialiatski"): titles, appositions and
        nationalities are read after all the names of a block are found."""
        actor = mention.actor
        if actor.type is not ActorType.PERSON or actor.country or actor.cameo:
            return mention
        learned = self.persons.get(actor.id)
        if learned is None or learned.country is None:
            return mention
        return Mention(mention.start, mention.end, learned, mention.kind)

    def _with_official_states(self, doc: Doc, mentions: list[Mention], before: Actor | None) -> list[Mention]:
        """Officials whose title names no state, given the state the text is centred on
        (extract/official_states.py; ``before``: the subject of the sentence before the block);
        the article's persons learn it."""
        officials = OfficialStates(self.lexicon.home_office_roles, self.gazetteer.knows_person, before,
                                   self.lexicon.office_modifiers, self.lexicon.past_office_modifiers,
                                   self.gazetteer.one_word_role_terms)
        resolved = officials.resolve(doc, mentions)
        for old, new in zip(mentions, resolved, strict=True):
            if new.actor is not old.actor:
                self.persons.update(new.actor)
        return resolved

    def _subject_before_block(self) -> Actor | None:
        """The state, or person of a state, that was the subject of the sentence before this block."""
        before = self.pronouns.previous_subject_body
        if before is None or before.type is not ActorType.COUNTRY:
            before = self.pronouns.previous_subject_person
        return before

    def _surface_actor(self, surface: Surface) -> tuple[Actor, MentionKind]:
        kind = surface.kind
        if kind is SurfaceKind.PERSON:
            return self.gazetteer.person_actor(surface.key, self.date), MentionKind.NAME
        if kind is SurfaceKind.ORGANIZATION:
            return self.gazetteer.organization_actor(surface.key), MentionKind.NAME
        if kind in (SurfaceKind.REGION, SurfaceKind.REGION_DEMONYM):
            mention_kind = MentionKind.NAME if kind is SurfaceKind.REGION else MentionKind.DEMONYM
            return self.gazetteer.region_actor(surface.key), mention_kind
        mention_kind = {
            SurfaceKind.COUNTRY: MentionKind.NAME,
            SurfaceKind.DEMONYM: MentionKind.DEMONYM,
            SurfaceKind.CAPITAL: MentionKind.CAPITAL,
            SurfaceKind.SEAT: MentionKind.SEAT,
        }[kind]
        actor = self._country_actors.get(surface.key)
        if actor is None:
            actor = self._country_actors[surface.key] = self.gazetteer.country_actor(surface.key)
        return actor, mention_kind

    def _person_span(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """Widen a gazetteer person hit to its PERSON entity ("Vladimir V. Putin")."""
        ent = entity_of(doc[start])
        if ent is not None and ent.label_ == "PERSON" and ent.start <= start and ent.end >= end:
            return ent.start, ent.end
        return start, end


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Keep the outer mention where spans overlap (title extension may swallow a demonym)."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _cover(by_token: BlockMentions, mentions: list[Mention]) -> None:
    """Map every token of each mention to it (a later mention wins a token)."""
    for mention in mentions:
        for i in range(mention.start, mention.end):
            by_token[i] = mention


def _role_takes_token(held: Mention | None, role: Mention) -> bool:
    """Whether a role mention takes a token: a free one, or a demonym of its own state that is
    part of a group's name ("Cambodian refugees"), not a second actor."""
    return held is None or (held.kind is MentionKind.DEMONYM and role.kind is MentionKind.GROUP
                            and role.actor.country == held.actor.country)

"""Finding actor mentions in a parsed block and resolving them to canonical actors.

One ``ActorResolver`` lives for one article: it remembers the people named so far, so that
"Orban", "the Hungarian prime minister" and "he" resolve to the Viktor Orbán named earlier.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extract.gazetteer import Gazetteer, Surface, SurfaceIndex, SurfaceKind, fold
from extract.gazetteer_matches import GazetteerMatcher
from extract.mentions import BlockMentions, Mention, MentionKind, entity_of
from extract.ontology import Lexicon
from extract.person_descriptions import from_apposition, from_nationality
from extract.person_registry import PersonRegistry
from extract.pronouns import PronounResolver
from extract.role_mentions import RoleReading, coordinated_qualifier_mentions, is_ethnic, role_mentions
from extract.role_spans import HEAD_ROLES, BlockRoles, is_group_noun
from extract.titles import with_title
from extract.unknown_actors import DETERMINERS, UnknownActors, normalised_name, slug
from graph.model import Actor, ActorType


@dataclass
class ActorResolver:
    """Per-article actor resolution state (people seen so far, most recent mentions)."""

    gazetteer: Gazetteer
    index: SurfaceIndex
    lexicon: Lexicon
    date: str | None
    _roles: BlockRoles = field(init=False)
    _places: dict[int, str] = field(default_factory=dict)
    _unqualified: set[int] = field(default_factory=set)
    unknown: UnknownActors = field(default_factory=lambda: UnknownActors())
    persons: PersonRegistry = field(init=False)
    pronouns: PronounResolver = field(init=False)
    _matcher: GazetteerMatcher = field(init=False)

    def __post_init__(self) -> None:
        self.persons = PersonRegistry(self.unknown)
        self.pronouns = PronounResolver(self.lexicon.person_pronouns)
        self._matcher = GazetteerMatcher(self.gazetteer, self.index, self.date, self.persons)

    # -- public --------------------------------------------------------------------------
    def resolve_block(self, doc: Doc) -> BlockMentions:
        """Mentions of ``doc`` by token index (every token of a mention maps to it)."""
        by_token = BlockMentions()
        self._roles = BlockRoles.of(doc, self.gazetteer.role_terms)  # terms built once per gazetteer
        self._places = {}
        self._unqualified = set()
        mentions = self._with_context_country(self._name_mentions(doc))
        for mention in mentions:
            for i in range(mention.start, mention.end):
                by_token[i] = mention
        reading = self._role_reading(doc)
        for last_pass in (False, True):  # twice: "leaders of Romania's government" needs "government" first
            found, unqualified = role_mentions(reading, by_token, guess_names=last_pass)
            self._unqualified.update(unqualified)
            for mention in found:
                for i in range(mention.start, mention.end):
                    # "Cambodian refugees": the demonym is part of the group's name, not a second actor
                    qualifier = by_token.get(i)
                    if qualifier is None or (qualifier.kind is MentionKind.DEMONYM and mention.kind is MentionKind.GROUP
                                             and mention.actor.country == qualifier.actor.country):
                        by_token[i] = mention
        for mention in coordinated_qualifier_mentions(reading, by_token):
            for i in range(mention.start, mention.end):
                by_token[i] = mention
        self.pronouns.resolve_block(doc, by_token)
        by_token.unqualified_agents = frozenset(i for i in self._unqualified if i not in by_token)
        by_token.place_states = {i: self.gazetteer.country_actor(iso3) for i, iso3 in self._places.items()
                                 if i not in by_token}
        return by_token

    def _role_reading(self, doc: Doc) -> RoleReading:
        """What reading the role nouns of ``doc`` needs (extract/role_mentions.py)."""
        return RoleReading(
            doc, self._roles, self._places, self.gazetteer, self.lexicon, self.date, self.persons,
            self.pronouns.last_person, self.pronouns.previous_subject_body,
            lambda start, end: self._unknown_organization(doc, start, end),
        )

    # -- names ---------------------------------------------------------------------------
    def _name_mentions(self, doc: Doc) -> list[Mention]:
        mentions: list[Mention] = []
        taken: set[int] = set()
        for start, end, surface in self._matcher.matches(doc):
            if surface.kind is SurfaceKind.PLACE:
                for i in range(start, end):
                    self._places[i] = surface.key  # qualifies agent nouns; not an actor itself
                if self._matcher.place_read_as_person(doc[start:end], surface):
                    taken.update(range(start, end))  # not a person as well
                continue
            actor, kind = self._surface_actor(surface)
            if is_ethnic(doc, Mention(start, end, actor, kind), self.lexicon.ethnicity_markers):
                continue  # "ethnic Armenians": an origin, not the state
            if actor.type is ActorType.PERSON:
                start, end = self._person_span(doc, start, end)
                actor = self.persons.register(actor)
            elif surface.kind is SurfaceKind.ORGANIZATION:
                acronym = _introduced_initialism(doc, doc[start:end])
                if acronym is not None:  # "the Oromo Liberation Front (OLF)": later "OLF" is the same
                    self.unknown.add(actor, (acronym,))
            mentions.append(Mention(start, end, actor, kind))
            taken.update(range(start, end))
        for ent in doc.ents:
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            mention = self._entity_mention(doc, ent)
            if mention is not None:
                mentions.append(mention)
                taken.update(range(mention.start, mention.end))
        mentions.extend(self._surname_mentions(doc, taken))
        # Persons named with their title: extend to "Hungarian Prime Minister Viktor Orbán".
        result = []
        for mention in sorted(mentions, key=lambda m: m.start):
            if mention.actor.type is ActorType.PERSON and mention.kind is MentionKind.NAME:
                mention = self._described_person(doc, mention, mentions)
            result.append(mention)
        return _drop_nested([self._with_state_learned(m) for m in result])

    def _described_person(self, doc: Doc, mention: Mention, mentions: list[Mention]) -> Mention:
        """A person's name mention with what its title, apposition and nationality say
        (extract/titles.py, extract/person_descriptions.py); the article's person is updated."""
        mention = self._noted(mention, with_title(
            doc, mention, mentions, self._roles, self.lexicon.office_modifiers, self.gazetteer))
        mention = self._noted(mention, from_apposition(doc, mention, mentions, self.gazetteer))
        return self._noted(mention, from_nationality(doc, mention, mentions, self.gazetteer))

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

    def _with_context_country(self, mentions: list[Mention]) -> list[Mention]:
        """A head of state or government the gazetteer does not know ("President Yoweri
        Museveni") and whose title names no country acts for the one country the block
        mentions, if it mentions exactly one; the guess lowers nothing else and is skipped
        when the block names several countries."""
        countries = {m.actor.country for m in mentions if m.actor.type is ActorType.COUNTRY and m.actor.country}
        if len(countries) != 1:
            return mentions
        (country,) = countries
        result = []
        for mention in mentions:
            actor = mention.actor
            person_id = actor.id.removeprefix("person:")
            unknown = actor.type is ActorType.PERSON and not self.gazetteer.knows_person(person_id)
            if unknown and actor.country is None and actor.title in HEAD_ROLES and not (
                actor.cameo and actor.cameo[:3] in ("IGO", "NGO")
            ):
                actor = Actor(actor.id, actor.name, ActorType.PERSON, country, actor.sector or "GOV",
                              title=actor.title, cameo=country + (actor.sector or "GOV"))
                self.persons.update(actor)
                mention = Mention(mention.start, mention.end, actor, mention.kind)
            result.append(mention)
        return result

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
        return self.gazetteer.country_actor(surface.key), mention_kind

    def _person_span(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """Widen a gazetteer person hit to its PERSON entity ("Vladimir V. Putin")."""
        ent = entity_of(doc[start])
        if ent is not None and ent.label_ == "PERSON" and ent.start <= start and ent.end >= end:
            return ent.start, ent.end
        return start, end

    def _entity_mention(self, doc: Doc, ent: Span) -> Mention | None:
        """An actor no gazetteer knows, named by an entity. Its type, in this order: what the
        name's form says (introduced with its initials, or ending in an organisation head such as
        "Front": an organisation; two words or more starting with a given name: a person; both
        learnt from the lists, see ``NameWords``), else the type the name was first given in the
        article (the recogniser's label then), which holds for every later mention. The form does
        not depend on the sentence, so such a name has one type and one id in every article."""
        start = ent.start
        while start < ent.end - 1 and (doc[start].lower_ in DETERMINERS or not _nominal(doc[start])):
            start += 1  # "Later Abiy Ahmed": a sentence's first word is not part of the name
        label = ent.label_
        ent = doc[start : _name_end(ent) if label == "PERSON" else ent.end]
        if self._named_place(ent):
            return None
        text = ent.text.strip()
        words = [t for t in ent if not t.is_punct]
        if not words:
            return None
        form = self._name_form(text) if label in ("PERSON", "ORG") else None
        if label == "PERSON" and (_introduced_initialism(doc, ent) is not None or form is ActorType.ORGANIZATION):
            label = "ORG"  # "The Tigray People's Liberation Front (TPLF)", "the Tana Renewal Front"
        elif label == "ORG" and form is ActorType.PERSON:
            label = "PERSON"
        if label == "PERSON":
            known_org = self.unknown.find(ActorType.ORGANIZATION, text)
            if known_org is not None:  # first met as an organisation: stays one in the article
                return Mention(start, ent.end, known_org, MentionKind.NAME)
        person_named = label in ("ORG", "GPE", "NORP") and form is None and (
            (len(words) == 1 and self.persons.names_a_person(words[0].text))
            or self.unknown.find(ActorType.PERSON, text) is not None
        )
        if label == "PERSON" or person_named:
            if any(self._read_as_pronoun(t) for t in words):
                return None
            if len(words) == 1 and self._roles.at(words[0].i) is not None:
                return None
            actor = self.persons.register(self.persons.by_name(text))
            return Mention(start, ent.end, actor, MentionKind.NAME)
        if label == "ORG" and (found := self._roles.at(start)) is not None and found[0] == ent.end:
            return None  # "the Foreign Ministry", "Parliament": an agent noun written as a name
        if label == "ORG" and len(words) <= 8:
            name, _ = normalised_name(text, self._is_group_noun)
            last = [t for t in doc[start : ent.end] if name and t.text == name.split()[-1]]
            if not last or last[-1].pos_ != "PROPN":
                return None  # the name's head must be a proper noun ("Kremlin spokesman" is not one)
            acronyms: tuple[str, ...] = ()
            if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
                written = doc[ent.end + 1].text
                if written.isupper() and written.isalpha():
                    acronyms = (written,)  # "Tigray People's Liberation Front (TPLF)"
            return Mention(start, ent.end, self._unknown_organization(doc, start, ent.end, acronyms), MentionKind.NAME)
        return None

    def _named_place(self, name: Span) -> bool:
        """A name no gazetteer knows that is the object of "of" after a noun of a populated place
        or territory ("the town of X", "the eastern province of X": lexicon ``territory_nouns``)
        is that place's name: not a person or an organisation, so not an actor by itself."""
        root = name.root
        preposition = root.head
        if root.dep_ != "pobj" or preposition.lower_ != "of" or preposition.dep_ != "prep":
            return False
        return preposition.head.lemma_.lower() in self.lexicon.territory_nouns

    def _read_as_pronoun(self, token: Token) -> bool:
        """A person pronoun's word is a pronoun unless written as a name inside the sentence: a
        capitalised word the tagger reads as a proper noun, not at the sentence's start (where every
        word is capitalised), is part of a name ("Vice Premier He Lifeng")."""
        if token.lower_ not in self.lexicon.person_pronouns:
            return False
        return token.pos_ != "PROPN" or token.i == token.sent.start or not token.text[:1].isupper()

    def _name_form(self, name: str) -> ActorType | None:
        """What a name's form says it names: an organisation when its last word heads many
        organisation names of the lists ("Front", "Party", "Group"), a person when it has two
        words or more and the first is a given name of the person lists; None otherwise."""
        words = [w for w in fold(name).lower().replace(".", " ").split() if w.isalpha() and len(w) > 1]
        if len(words) < 2:
            return None
        forms = self.gazetteer.name_words
        if words[-1] in forms.organisation_heads:
            return ActorType.ORGANIZATION
        if words[0] in forms.given_names:
            return ActorType.PERSON
        return None

    def _is_group_noun(self, word: str) -> bool:
        return is_group_noun(self.gazetteer.role_terms, word)

    def _surname_mentions(self, doc: Doc, taken: set[int]) -> list[Mention]:
        """A lone proper noun that is the surname of a person named earlier in the article
        ("Kovacs later criticized Russia"), which the entity recogniser may have missed."""
        found = []
        for token in doc:
            if token.i in taken or token.pos_ != "PROPN" or not self.persons.names_a_person(token.text):
                continue
            neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
            if any(n.pos_ == "PROPN" for n in neighbours):
                continue
            found.append(Mention(token.i, token.i + 1, self.persons.by_word(token.text), MentionKind.NAME))
        return found

    # -- bare titles and group nouns -----------------------------------------------------
    def _unknown_organization(self, doc: Doc, start: int, end: int, aliases: tuple[str, ...] = ()) -> Actor:
        """The organisation of the article named ``doc[start:end]`` that no gazetteer knows: the
        one met earlier under the same normalised name or alias, else a new one."""
        name, inner_aliases = normalised_name(doc[start:end].text, self._is_group_noun)
        aliases = (*inner_aliases, *aliases)
        seen = self.unknown.find(ActorType.ORGANIZATION, name, aliases)
        if seen is not None:
            return seen
        country = self._matcher.country_inside(doc, start, end)
        organization = Actor(f"org:{slug(name)}", name, ActorType.ORGANIZATION, country, None,
                             cameo=(country or "---"), aliases=aliases)
        self.unknown.add(organization, (name, *aliases))
        return organization


def _nominal(token: Token) -> bool:
    """A word that can be part of a name: a noun, proper noun, adjective, number or a hyphen or
    apostrophe inside one (not an adverb, verb or conjunction the recogniser swept in)."""
    return token.pos_ in ("PROPN", "NOUN", "ADJ", "NUM", "PART", "PUNCT")


def _introduced_initialism(doc: Doc, name: Span) -> str | None:
    """The initialism a name is introduced with, "Tigray People's Liberation Front (TPLF)": a
    word in capitals in parentheses right after the name whose letters are the initials of the
    name's capitalised words, in order (words like "of" and "the" may be skipped)."""
    if name.end + 2 >= len(doc) or doc[name.end].text != "(" or doc[name.end + 2].text != ")":
        return None
    written = doc[name.end + 1].text
    if not (2 <= len(written) <= 8 and written.isalpha() and written.isupper()):
        return None
    initials = "".join(t.text[0] for t in name if t.text[:1].isupper())
    return written if initials.upper() == written else None


def _name_end(ent: Span) -> int:
    """Where a person's name ends: the recogniser may stop inside it ("[Aung San] Suu Kyi");
    while its last word is a compound of a proper noun further right that no other entity
    takes, that noun and the words between are part of the name."""
    doc, end = ent.doc, ent.end
    while doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end:
        head = doc[end - 1].head
        between = doc[end : head.i + 1]
        if any(t.pos_ != "PROPN" or t.ent_type_ for t in between):
            break
        end = head.i + 1
    return end


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Keep the outer mention where spans overlap (title extension may swallow a demonym)."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept

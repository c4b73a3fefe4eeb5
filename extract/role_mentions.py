"""Role nouns as actors: titles and agent nouns with what qualifies them.

"Russian troops", "Russia's president", "the government of Hungary", "NATO ambassadors",
"TPLF fighters", "police in Kandahar": a role noun qualified by a state, an organisation or a
place inside a state names an actor (a state's group, an organisation, or the person holding a
title); "Kenyan and Ugandan officials" names one actor per coordinated state. An agent noun
nothing qualifies is no actor; its token is reported so a candidate it fails can be dropped
with its own reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extract.argument_paths import led_group_leader
from extract.block_index import children_of, conjuncts_of
from extract.gazetteer import Gazetteer, Role
from extract.mentions import Mention, MentionKind, entity_of
from extract.ontology import Lexicon
from extract.person_registry import PersonRegistry
from extract.possessor_binding import BindingWords, harmed_verb, may_be_doer, other_party
from extract.pronouns import bodies_named_before, possessor_body
from extract.role_spans import HEAD_ROLES, BlockRoles, with_office_modifier
from graph.model import Actor, ActorType

_AFFILIATION_PREPS = frozenset({"of", "for"})
_LOCATION_PREPS = frozenset({"in", "from"})
#: Words read past between a qualifier and its role noun ("Russia's top diplomat").
_BETWEEN_QUALIFIER_AND_ROLE = ("'s", "\u2019s", "senior", "top", "former", "deputy", "acting")
#: Participles of a ship's or aircraft's registry joined by a hyphen to the state: "a Greek-flagged
#: tanker", "a Panama-registered ship" is that state's vessel (acts on it are coded against its flag state).
_REGISTRY_PARTICIPLES = ("flagged", "registered")


@dataclass(frozen=True)
class RoleReading:
    """What reading the role nouns of one block needs: the block, its role terms and the places
    in it (token -> ISO code of the state containing the place), the words that bind a possessive
    "its" (extract/possessor_binding.py), the article's persons, and what
    the blocks before left: the last person named and the last sentence's subject body.
    ``unknown_organization(start, end)`` is the article's organisation named ``doc[start:end]``
    that no gazetteer knows."""

    doc: Doc
    roles: BlockRoles
    places: Mapping[int, str]
    gazetteer: Gazetteer
    lexicon: Lexicon
    binding: BindingWords
    date: str | None
    persons: PersonRegistry
    last_person: Actor | None
    previous_subject_body: Actor | None
    unknown_organization: Callable[[int, int], Actor]


def role_mentions(
    reading: RoleReading, by_token: Mapping[int, Mention], guess_names: bool,
) -> tuple[list[Mention], list[int]]:
    """Role nouns with what qualifies them, and the head tokens of agent nouns nothing
    qualifies; with ``guess_names``, an agent noun nothing known qualifies may take an
    organisation name no gazetteer knows (the last pass: a qualifier the first pass found, as in
    "the Colombian government and the ELN rebel group", comes first)."""
    doc = reading.doc
    found: list[Mention] = []
    unqualified: list[int] = []
    after = 0  # a role term is looked for after the last one read, not inside it
    for i in reading.roles.starts():
        if i < after or i in by_token:
            continue
        end, role = reading.roles.starting[i]
        if any(j in by_token for j in range(i, end)):
            continue
        head = doc[end - 1]
        if head.pos_ not in ("NOUN", "PROPN"):
            after = end
            continue
        title_start, role = with_office_modifier(doc, i, role, reading.lexicon.office_modifiers)
        if any(j in by_token for j in range(title_start, i)):
            title_start = i
        qualifier, modifier_start = _qualifier(reading, head, title_start, by_token, role, guess_names)
        actor = role_actor(reading, role, qualifier, head)
        if actor is None and role.kind == "GROUP" and qualifier is None:
            unqualified.append(head.i)
        if actor is not None:
            kind = MentionKind.TITLE if role.kind == "TITLE" else MentionKind.GROUP
            found.append(Mention(min(title_start, modifier_start), end, actor, kind))
        after = end
    return found, unqualified


def coordinated_qualifier_mentions(reading: RoleReading, by_token: Mapping[int, Mention]) -> list[Mention]:
    """Coordinated qualifiers of one role noun each name an actor in that role: in "Kenyan and
    Ugandan officials", "Indian and Pakistani troops" or "the leaders of Chad and Niger" each
    state has its own officials, troops or leaders, not just a mention."""
    found: list[Mention] = []
    for mention in {m for m in by_token.values() if m.kind in (MentionKind.GROUP, MentionKind.TITLE)}:
        head = reading.doc[mention.end - 1]
        role_found = reading.roles.ending_at(mention.end)
        if role_found is None:
            continue
        role = role_found[1]
        for token in coordinated_qualifier_tokens(head):
            qualifier = by_token.get(token.i)
            if qualifier is None or qualifier is mention or qualifier.actor.type is not ActorType.COUNTRY:
                continue
            actor = role_actor(reading, role, qualifier.actor, head)
            if actor is not None:
                found.append(Mention(qualifier.start, qualifier.end, actor, mention.kind))
    return found


def _qualifier(
    reading: RoleReading, head: Token, start: int, by_token: Mapping[int, Mention], role: Role, guess_names: bool,
) -> tuple[Actor | None, int]:
    """The state or organisation a role noun is qualified with ("Russian troops",
    "Russia's president", "the government of Hungary", "NATO ambassadors", "TPLF fighters",
    "fighters of the TPLF") and where that qualifier starts; the first of these steps that
    finds one wins."""
    group = role.kind == "GROUP"
    member = not group or names_members(role, reading.lexicon)
    before = start - 1
    while before >= 0 and reading.doc[before].lower_ in _BETWEEN_QUALIFIER_AND_ROLE:
        before -= 1
    if before >= 2 and reading.doc[before].lower_ in _REGISTRY_PARTICIPLES and reading.doc[before - 1].text == "-":
        before -= 2
    found = (
        _qualifier_before(reading, before, head, by_token, member)
        or _place_before(reading, before, by_token)
        or _modifier_qualifier(reading, head, start, by_token, member)
        or _led_qualifier(head, start, by_token)
        or (_first_conjunct_state(reading, head, start, by_token) if group else None)
        or _prepositional_qualifier(reading, head, start, by_token, group, member)
        # last: what the gazetteer knows qualifies first, a name it does not know after
        or (unknown_group_name(reading, head, by_token) if group and member and guess_names else None)
    )
    return found if found is not None else (None, start)


def _qualifies(reading: RoleReading, mention: Mention, member: bool) -> bool:
    """Whether a mention can qualify a role noun: a state or region (not named by origin:
    "ethnic Armenians"), or an organisation when the noun names its members (``member``)."""
    if is_ethnic(reading.doc, mention, reading.lexicon.ethnicity_markers):
        return False
    if mention.actor.type in (ActorType.COUNTRY, ActorType.REGION):
        return True
    organisation = mention.actor.type is ActorType.ORGANIZATION or _is_organisation_name(mention)
    return organisation and member


def _qualifier_before(
    reading: RoleReading, before: int, head: Token, by_token: Mapping[int, Mention], member: bool,
) -> tuple[Actor, int] | None:
    """A qualifying actor written just before the role ("Russia's president"), or a possessive
    "its" standing for one ("Its foreign ministry said": the body "its" refers to); an envoy's
    or mission's "its" is left to extract/envoys.py."""
    mention = by_token.get(before) if before >= 0 else None
    if mention is not None:
        return (mention.actor, mention.start) if _qualifies(reading, mention, member) else None
    doc, lexicon = reading.doc, reading.lexicon
    envoys_own = head.lemma_.lower() in lexicon.mission_nouns | lexicon.envoy_nouns
    if before >= 0 and doc[before].lower_ == "its" and doc[before].dep_ == "poss" and not envoys_own:
        body = possessor_body(doc[before], by_token, reading.previous_subject_body)
        harming = harmed_verb(doc[before], reading.binding)
        if harming is not None and body is not None and may_be_doer(harming, body, by_token):
            return _harmed_possessor(reading, doc[before], body, by_token, member)
        body = body or _institution_state(reading, doc[before], by_token)
        if body is not None and _qualifies(reading, Mention(before, before + 1, body, MentionKind.PRONOUN), member):
            return body, before
    return None


def _harmed_possessor(
    reading: RoleReading, pronoun: Token, body: Actor | None, by_token: Mapping[int, Mention], member: bool,
) -> tuple[Actor, int] | None:
    """The owner an "its" in the object of a harming act stands for: not the act's doer, the latest
    state or organisation named before it, but the one other named before it in the sentence
    ("Kyiv said Moscow had shelled its villages": Ukraine's villagers; extract/possessor_binding.py);
    None when there is no such one, or several."""
    named = bodies_named_before(pronoun, by_token)
    if body is None or not named or named[-1].id != body.id:
        return None
    owner = other_party(body, named)
    if owner is None or not _qualifies(reading, Mention(pronoun.i, pronoun.i + 1, owner, MentionKind.PRONOUN), member):
        return None
    return owner, pronoun.i


def _institution_state(reading: RoleReading, pronoun: Token, by_token: Mapping[int, Mention]) -> Actor | None:
    """With no state or organisation named before an "its" in its sentence, the state of the latest
    state institution named there ("The Indian army said its troops ...": India's troops)."""
    groups = [m for j in range(pronoun.sent.start, pronoun.i) if (m := by_token.get(j)) is not None
              and m.kind is MentionKind.GROUP and m.actor.country]
    country = groups[-1].actor.country if groups else None
    return reading.gazetteer.country_actor(country) if country else None


def _place_before(reading: RoleReading, before: int, by_token: Mapping[int, Mention]) -> tuple[Actor, int] | None:
    """ "Helmand farmers", "Kandahar police": a place inside a state ascribes the agent to it."""
    places = reading.places
    if before < 0 or before not in places or before in by_token:
        return None
    place_start = before
    while place_start - 1 in places and places[place_start - 1] == places[before]:
        place_start -= 1
    return reading.gazetteer.country_actor(places[before]), place_start


def _modifier_qualifier(
    reading: RoleReading, head: Token, start: int, by_token: Mapping[int, Mention], member: bool,
) -> tuple[Actor, int] | None:
    """A qualifying modifier of the role noun: "NATO peacekeeping troops", "Russian special forces"."""
    for child in head.lefts:
        modifier = by_token.get(child.i)
        if child.dep_ in ("amod", "compound", "poss", "nmod") and modifier and _qualifies(reading, modifier, member):
            return modifier.actor, min(modifier.start, start)
    return None


def _led_qualifier(head: Token, start: int, by_token: Mapping[int, Mention]) -> tuple[Actor, int] | None:
    """ "Saudi-led coalition jets", "US-led forces": the state leading the group (extract/argument_paths.py)."""
    leader = led_group_leader(head)
    mention = by_token.get(leader.i) if leader is not None else None
    if mention is None or mention.actor.type is not ActorType.COUNTRY:
        return None
    return mention.actor, min(mention.start, start)


def _first_conjunct_state(
    reading: RoleReading, head: Token, start: int, by_token: Mapping[int, Mention],
) -> tuple[Actor, int] | None:
    """ "Turkish warplanes and artillery": the first conjunct's state qualifies both."""
    if head.dep_ != "conj":
        return None
    first = by_token.get(head.head.i)
    if first is not None and first.kind is MentionKind.GROUP and first.actor.country:
        return reading.gazetteer.country_actor(first.actor.country), start
    return None


def _prepositional_qualifier(
    reading: RoleReading, head: Token, start: int, by_token: Mapping[int, Mention], group: bool, member: bool,
) -> tuple[Actor, int] | None:
    """A state after "of"/"for" ("the government of Hungary"); for agent nouns also an
    organisation after "of"/"for" ("fighters of the TPLF"), for titles one after "of" ("the
    secretary-general of the United Nations" is the UN's), and for agent nouns a state or a place inside one
    after "in"/"from" ("police in Kandahar"). A diplomatic mission that is harmed is its owner's,
    not its host's ("attacked its embassy in Damascus": extract/possessor_binding.py)."""
    preps = _AFFILIATION_PREPS | (_LOCATION_PREPS if group and not _harmed_mission(reading, head) else frozenset())
    holders = [head, head.head] if head.dep_ == "compound" else [head]
    holders += _hyphen_completion(head)  # "secretary-general of the UN": "of" hangs on "general"
    first = head.doc[start]
    if first.i < head.i and first.is_ancestor(head):
        holders.append(first)  # "members of parliament in Britain": the term's first noun heads it
    for child in (c for holder in holders for c in children_of(holder)):
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        for pobj in children_of(child):
            if pobj.dep_ != "pobj":
                continue
            found = by_token.get(pobj.i)
            if found is not None and found.actor.type is ActorType.COUNTRY:
                return found.actor, start
            if (found is not None and (group or child.lower_ == "of") and child.lower_ in _AFFILIATION_PREPS
                    and found.actor.type is not ActorType.REGION and _qualifies(reading, found, member)):
                return found.actor, start
            if found is None and pobj.i in reading.places:
                return reading.gazetteer.country_actor(reading.places[pobj.i]), start
    return None


def _hyphen_completion(head: Token) -> list[Token]:
    """The word a hyphen joins after a role noun, which the parser may read as its own modifier
    ("secretary-general" as "secretary" with "general" after "-"): phrases hung on it are the title's."""
    doc = head.doc
    if head.i + 2 >= len(doc) or doc[head.i + 1].text != "-" or doc[head.i + 1].whitespace_ or head.whitespace_:
        return []
    after = doc[head.i + 2]
    return [after] if after.head.i == head.i else []


def _harmed_mission(reading: RoleReading, head: Token) -> bool:
    """A diplomatic mission with a possessor in the object of a harming act ("attacked its embassy in
    Damascus"): the possessor owns it, and its "in" names only where it stands. Opening or closing a
    mission ("reopened its embassy in Damascus") is a relation with the host, which "in" names."""
    lexicon = reading.lexicon
    if head.lemma_.lower() not in lexicon.mission_nouns:
        return False
    possessor = next((c for c in children_of(head) if c.dep_ == "poss"), None)
    return possessor is not None and harmed_verb(possessor, reading.binding) is not None


def unknown_group_name(
    reading: RoleReading, head: Token, by_token: Mapping[int, Mention],
) -> tuple[Actor, int] | None:
    """An organisation no gazetteer knows, named by a modifier of an agent noun: an
    initialism written in capitals ("TPLF fighters", "SDF militias") or a proper noun the
    recogniser labels an organisation ("Wagner Group mercenaries").
    The agent noun names the organisation's members, so the organisation is the actor."""
    places = reading.places
    for child in head.lefts:
        if child.dep_ not in ("amod", "compound", "nmod") or child.i in by_token or child.i in places:
            continue
        span = _name_span(reading.doc, child)
        if span is None or any(t.i in by_token or t.i in places for t in span):
            continue
        return reading.unknown_organization(span.start, span.end), span.start
    return None


def role_actor(reading: RoleReading, role: Role, qualifier: Actor | None, head: Token) -> Actor | None:
    """The actor a role noun with this qualifier names: an organisation qualifier itself; for a
    state, the person holding a title (named before or in the lists), the state for a singular
    government title, else the state's group of the role's sector ("a US senator": USA LEG); a
    title with no state, its one holder named before (none when the article also named that
    title for another state whose holder it does not know)."""
    if qualifier is not None and qualifier.type is not ActorType.COUNTRY:
        return qualifier  # "NATO ambassadors", "EU foreign ministers", "Hamas fighters"
    country = qualifier.country if qualifier is not None else None
    if country is None or country not in reading.gazetteer.countries:
        if role.kind == "TITLE" and role.role != "official":
            return person_with_role(reading, None, role)
        return None
    if role.kind == "TITLE":
        person = person_with_role(reading, country, role)
        if person is not None:
            return person
    plural = head.tag_ in ("NNS", "NNPS") or role.kind == "GROUP"
    if role.kind == "TITLE" and not plural and role.sector == "GOV":
        reading.persons.unheld_titles.add((role.role, country))
        return reading.gazetteer.country_actor(country)
    return group_actor(reading.gazetteer, country, role)


def person_with_role(reading: RoleReading, country: str | None, role: Role) -> Actor | None:
    """A person named earlier in the article with this role and country (the last named of
    several), else the gazetteer's office holder at the article date, who is then remembered."""
    wanted = HEAD_ROLES if role.role == "leader" else frozenset({role.role})
    seen = reading.persons.titled(country, wanted) or reading.persons.titled(
        country, narrower_titles(reading.gazetteer, role))
    if country is None and any(title in wanted and state not in {p.country for p in seen}
                               for title, state in reading.persons.unheld_titles):
        return None  # "Kenya's foreign minister met Uganda's foreign minister. The foreign minister ..."
    if len(seen) == 1:
        return seen[0]
    if len(seen) > 1 and reading.last_person in seen:
        return reading.last_person
    if country is None:
        return None
    holders = reading.gazetteer.holders(country, wanted, reading.date)
    if len(holders) == 1 or (holders and role.role == "leader"):
        actor = reading.gazetteer.person_actor(holders[0], reading.date)
        reading.persons.add_if_new(actor)
        return actor
    return None


def narrower_titles(gazetteer: Gazetteer, role: Role) -> frozenset[str]:
    """The titles a one-word title heads ("foreign minister", "defence minister" for "minister"):
    in English a later "the minister" refers back to a person named with a narrower title of the
    same head. Only a person named before is looked for with them, never an office holder."""
    if role.kind != "TITLE" or " " in role.role:
        return frozenset()
    return frozenset(r.role for r in gazetteer.roles.values()
                     if r.kind == "TITLE" and r.role != role.role and r.role.split()[-1] == role.role)


def group_actor(gazetteer: Gazetteer, country: str, role: Role) -> Actor:
    """The actor of a group role of a state: "Nigerian police" (NGA COP); a government role is
    the state itself."""
    if role.sector == "GOV":
        return gazetteer.country_actor(country)
    country_name = gazetteer.countries[country]
    adjective = country_name.demonyms[0] if country_name.demonyms else country_name.name
    return Actor(
        f"group:{country.lower()}-{role.sector.lower()}",
        f"{adjective} {role.role}",
        ActorType.GROUP,
        country,
        role.sector,
        cameo=country + (role.code or role.sector),
    )


def is_ethnic(doc: Doc, mention: Mention, ethnicity_markers: frozenset[str]) -> bool:
    """A demonym after a word of ethnicity ("ethnic": lexicon ``ethnicity_markers``) names
    people by their origin, not by the state they belong to: it ascribes no agent to a state."""
    return mention.kind is MentionKind.DEMONYM and mention.start > 0 and (
        doc[mention.start - 1].lower_ in ethnicity_markers)


def stacked_demonym(previous: Mention | None, start: int, end: int, actor: Actor, kind: MentionKind) -> Mention | None:
    """Two nationality words in a row with nothing between them ("Syrian Turkmen villages",
    "Afghan Uzbek militias", "Iranian Azeris"), or a state's name used as a noun before a
    nationality word ("Kosovo Serbs"), name an ethnic group living in the first word's state:
    English puts the state before the origin. The first word's mention widened over the second
    (``start``..``end``, naming ``actor`` as ``kind``), a demonym of the first word's state; None
    when the two are not so stacked."""
    stacked = (
        previous is not None and previous.end == start
        and previous.kind in (MentionKind.DEMONYM, MentionKind.NAME) and kind is MentionKind.DEMONYM
        and previous.actor.type is ActorType.COUNTRY and actor.type is ActorType.COUNTRY
        and previous.actor.id != actor.id
    )
    return Mention(previous.start, end, previous.actor, MentionKind.DEMONYM) if stacked and previous else None


def names_members(role: Role, lexicon: Lexicon) -> bool:
    """Whether an agent noun qualified by an organisation names its members or staff ("TPLF
    fighters", "Siemens employees") rather than people it holds or harms ("victims of Hamas",
    "prisoners of the TPLF"): lexicon ``non_member_sectors``."""
    return role.sector.lower() not in lexicon.non_member_sectors


def coordinated_qualifier_tokens(head: Token) -> list[Token]:
    """The coordinated words that qualify a noun: its modifiers with their conjuncts ("Kenyan
    and Ugandan"), and the objects of its "of"/"from"/"for" phrase with theirs ("of Chad and
    Niger"); nothing when no qualifier is coordinated."""
    heads = [c for c in head.lefts if c.dep_ in ("amod", "compound") and conjuncts_of(c)]
    heads += [
        pobj for prep in head.rights if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "for")
        for pobj in children_of(prep) if pobj.dep_ == "pobj" and conjuncts_of(pobj)
    ]
    return [t for qualifier in heads for t in (qualifier, *conjuncts_of(qualifier))]


def _is_organisation_name(mention: Mention) -> bool:
    """A mention that names an organisation or an armed group (not a state, person or role)."""
    return mention.kind is MentionKind.NAME and mention.actor.type in (ActorType.ORGANIZATION, ActorType.GROUP)


def _name_span(doc: Doc, token: Token) -> Span | None:
    """The organisation name a modifier token is part of: its entity when the recogniser labels it
    an organisation and it ends in a proper noun, else the token alone when it is an initialism
    outside any entity (two to six capital letters: "TPLF", "SDF") that the tagger does not read
    as a common noun ("NGO workers") or a verb ("IS"); None otherwise. Nationality,
    religious and political adjectives (NORP: "Soviet", "Sunni", "Islamist") name peoples or
    creeds, not organisations, and are left out."""
    ent = entity_of(token)
    if ent is not None:
        if ent.label_ == "ORG" and ent[-1].pos_ == "PROPN" and ent[-1].i < token.head.i:
            return ent
        return None
    text = token.text
    if 2 <= len(text) <= 6 and text.isalpha() and text.isupper() and token.pos_ in ("PROPN", "ADJ"):
        return doc[token.i : token.i + 1]
    return None

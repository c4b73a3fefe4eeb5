"""Titles written with a person's name: "Hungarian Prime Minister Viktor Orbán", "U.S.
Ambassador to Hungary X", "King Hassan of Morocco".

Pure functions over a parsed block, its name mentions and its role terms: where the title
starts, the role it names, the state or organisation it gives, and the person it makes.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from extract.gazetteer import Gazetteer, Role
from extract.mentions import Mention
from extract.role_spans import BlockRoles, with_office_modifier
from graph.model import Actor, ActorType

#: Small words inside or around a title ("Minister of the Interior", "former deputy ...").
TITLE_GLUE = frozenset({
    "of", "to", "for", "the", "and", "'s", "-", "former", "deputy", "acting", "senior", "top", "then",
    "new", "outgoing", "ousted", "exiled",
})


@dataclass(frozen=True)
class TitleFound:
    """A title written before a person's name: where it starts, its role (None: no title) and
    the state (ISO code) or organisation (CAMEO code) it names."""

    start: int
    role: Role | None
    affiliation: str | None
    organization_code: str | None


@dataclass
class _TitleScan:
    """The title read so far, right to left from a name: ``index`` is the next word to read."""

    index: int
    start: int
    role: Role | None = None
    affiliation: str | None = None
    organization_code: str | None = None


def with_title(
    doc: Doc, mention: Mention, mentions: Sequence[Mention], roles: BlockRoles,
    office_modifiers: Collection[str], gazetteer: Gazetteer,
) -> Mention:
    """The person mention with its title absorbed ("U.S. Ambassador to Hungary", "King Hassan of
    Morocco") and its actor given what the title says; ``mention`` itself when it has no title."""
    title = preceding_title(doc, mention, mentions, roles, office_modifiers)
    end, affiliation = mention.end, title.affiliation
    if title.role is not None and affiliation is None:
        end, affiliation = trailing_affiliation(doc, mention, mentions)
    actor = mention.actor
    if title.role is not None:
        actor = titled_actor(gazetteer, actor, title.role, affiliation, title.organization_code)
    if title.start == mention.start and end == mention.end and actor is mention.actor:
        return mention
    return Mention(title.start, end, actor, mention.kind)


def preceding_title(
    doc: Doc, mention: Mention, mentions: Sequence[Mention], roles: BlockRoles, office_modifiers: Collection[str],
) -> TitleFound:
    """The title written before a person's name, within the sentence: its role (the longest
    role term, made another office by a modifier before it), the state or organisation it
    names and where it starts."""
    sent_start = doc[mention.start].sent.start
    scan = _TitleScan(index=mention.start - 1, start=mention.start)
    while scan.index >= sent_start and (
        _read_role(doc, roles, office_modifiers, scan)
        or _read_affiliation(doc, mention, mentions, roles, scan)
        or _skip_inner_word(doc, mention, scan, sent_start)
        or _read_capitalised_title_word(doc, roles, scan)
    ):
        pass
    start = scan.start
    while start < mention.start and doc[start].lower_ in TITLE_GLUE:
        start += 1
    return TitleFound(start, scan.role, scan.affiliation, scan.organization_code)


def _read_role(doc: Doc, roles: BlockRoles, office_modifiers: Collection[str], scan: _TitleScan) -> bool:
    """A role term ending at the word: the title's role when it is the longest so far."""
    found = roles.ending_at(scan.index + 1)
    if found is None:
        return False
    role_start, role = with_office_modifier(doc, found[0], found[1], office_modifiers)
    if scan.role is None or len(role.term) > len(scan.role.term):
        scan.role = role
    scan.start = role_start
    scan.index = role_start - 1
    return True


def _read_affiliation(
    doc: Doc, mention: Mention, mentions: Sequence[Mention], roles: BlockRoles, scan: _TitleScan,
) -> bool:
    """A state or organisation inside the title ("Hungarian", "U.N.") gives its affiliation,
    unless it is where the person is posted ("Ambassador to Hungary")."""
    other = next((m for m in mentions if m.covers(scan.index) and m is not mention), None)
    if other is None or other.actor.type is ActorType.PERSON:
        return False
    if scan.role is None and not introduces_title(doc, other, roles):
        return False
    before = doc[other.start - 1].lower_ if other.start > 0 else ""
    if before == "to":
        pass  # "Ambassador to Hungary": the posting, not the affiliation
    elif other.actor.country:
        scan.affiliation = other.actor.country
    elif other.actor.cameo:
        scan.organization_code = other.actor.cameo
    scan.start = other.start
    scan.index = other.start - 1
    return True


def _skip_inner_word(doc: Doc, mention: Mention, scan: _TitleScan, sent_start: int) -> bool:
    """Small words of a title ("of", "former"), a preposition that may lead to one, and
    modifiers of its words ("Saudi national security adviser"): read past, not its start."""
    token = doc[scan.index]
    glue = token.lower_ in TITLE_GLUE and scan.role is not None and scan.index > sent_start
    linking = token.lower_ in ("to", "of", "for") and scan.role is None and scan.index > sent_start
    inside = scan.role is not None and token.dep_ in ("compound", "amod") and scan.start <= token.head.i < mention.end
    if glue or linking or inside:
        scan.index -= 1
        return True
    return False


def _read_capitalised_title_word(doc: Doc, roles: BlockRoles, scan: _TitleScan) -> bool:
    """A capitalised word of the curated role terms ("Foreign", "Interior") extends a title."""
    token = doc[scan.index]
    capitalised = token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ", "NOUN")
    if capitalised and scan.role is not None and token.lower_ in roles.terms.curated_words:
        scan.start = scan.index
        scan.index -= 1
        return True
    return False


def introduces_title(doc: Doc, other: Mention, roles: BlockRoles) -> bool:
    """Whether a state or organisation is introduced by a title ("Ambassador to Hungary")."""
    return (
        other.start >= 2
        and doc[other.start - 1].lower_ in ("to", "of", "for")
        and roles.ending_at(other.start - 1) is not None
    )


def trailing_affiliation(doc: Doc, mention: Mention, mentions: Sequence[Mention]) -> tuple[int, str | None]:
    """ "King Hassan of Morocco": the state after the name, and where the mention then ends."""
    end = mention.end
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        other = next((m for m in mentions if m.covers(end + 1)), None)
        if other is not None and other.actor.country:
            return other.end, other.actor.country
    return end, None


def titled_actor(
    gazetteer: Gazetteer, actor: Actor, role: Role, affiliation: str | None, organization_code: str | None,
) -> Actor:
    """The person with what their title says; known office holders keep the gazetteer's."""
    person_id = actor.id.removeprefix("person:")
    if person_id in gazetteer.dated_persons:
        return _dated_titled(actor, role, affiliation, organization_code)
    known_holder = person_id in gazetteer.offices
    country = actor.country if known_holder else (actor.country or affiliation)
    return replace(
        actor,
        country=country,
        sector=role.sector,
        title=actor.title if known_holder else role.role,
        cameo=country + role.sector if country else (organization_code or "---" + role.sector),
    )


def _dated_titled(actor: Actor, role: Role, affiliation: str | None, organization_code: str | None) -> Actor:
    """A Phoenix person with a title in the text. The text says whom the person acts for
    now: an affiliation it gives ("U.N. mediator X", "Zimbabwean Prime Minister X") wins
    over the lists, and so does the title's sector when the lists have no office in force
    (only the elite code, ELI); an office in force at the article date is kept."""
    in_office = actor.sector not in (None, "ELI") and (actor.since is not None or actor.until is not None)
    title = actor.title or role.role
    if organization_code and not affiliation:
        return replace(actor, country=None, sector=role.sector, title=title, cameo=organization_code)
    country = affiliation or actor.country
    if in_office and country == actor.country:
        return replace(actor, title=title)
    cameo = (country or "---") + role.sector
    return replace(actor, country=country, sector=role.sector, title=title, cameo=cameo)

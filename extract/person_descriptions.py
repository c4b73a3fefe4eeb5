"""What the words describing a person say of the state and sector they act for: an apposition
("Kenzo Oshima, the United Nations relief coordinator") or a nationality and agent noun written
before the name ("Australian journalist Cheng Lei"). Pure functions over a parsed block and
its name mentions; a person whose state or organisation is already known keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from extract.block_index import children_of
from extract.gazetteer import Gazetteer
from extract.mentions import Mention
from graph.model import Actor, ActorType


def _affiliated(actor: Actor) -> bool:
    """The person already acts for a state or an organisation."""
    return bool(actor.country or (actor.cameo and not actor.cameo.startswith("---")))


def from_apposition(doc: Doc, mention: Mention, mentions: Sequence[Mention], gazetteer: Gazetteer) -> Mention:
    """ "Kenzo Oshima, the United Nations relief coordinator, ...", "Norway's foreign minister,
    Espen Barth Eide, ...": a person with no known affiliation takes the state or organisation
    named in their apposition, or in the phrase they are the apposition of."""
    actor = mention.actor
    if _affiliated(actor):
        return mention
    roots = [t for t in doc[mention.start : mention.end] if not (mention.start <= t.head.i < mention.end)]
    for root in roots:
        appositions = [c for c in children_of(root) if c.dep_ == "appos" and not mention.covers(c.i)]
        if root.dep_ == "appos" and not mention.covers(root.head.i):
            appositions.append(root.head)  # the name is the apposition: the phrase before it describes it
        for appos in appositions:
            for token in without_conjuncts(appos):
                other = next((m for m in mentions if m.covers(token.i) and m is not mention), None)
                if other is None or other.actor.type is ActorType.PERSON:
                    continue
                country = other.actor.country
                sector = actor.sector or described_sector(appos, gazetteer)
                updated = Actor(
                    actor.id, actor.name, ActorType.PERSON, country, sector,
                    title=actor.title,
                    cameo=(country + sector) if country else other.actor.cameo,
                )
                return Mention(mention.start, mention.end, updated, mention.kind)
    return mention


def described_sector(noun: Token, gazetteer: Gazetteer) -> str:
    """The sector a describing noun gives a person: a title's ("the Zambian president" GOV) or
    an agent noun's ("a Belarusian activist" OPP); GOV when it names neither (an office named
    by its organisation: "the United Nations relief coordinator")."""
    lemma = noun.lemma_.lower()
    known = gazetteer.roles.get(lemma) or gazetteer.agents.get(lemma)
    return known.sector if known is not None and known.sector else "GOV"


def from_nationality(doc: Doc, mention: Mention, mentions: Sequence[Mention], gazetteer: Gazetteer) -> Mention:
    """ "American basketball star Brittney Griner", "Australian journalist Cheng Lei": a
    person with no known state takes the state of a demonym or country name in the words
    that describe them before their name, as a citizen (the sector of an agent noun there,
    "journalist" MED, else CVL); the mention then starts at that state's name."""
    actor = mention.actor
    if _affiliated(actor):
        return mention
    start, state, sector = mention.start, None, "CVL"
    i = mention.start - 1
    while i >= doc[mention.start].sent.start and doc[i].dep_ in ("compound", "amod", "nmod") and (
        i < doc[i].head.i < mention.end
    ):
        other = next((m for m in mentions if m.covers(i) and m is not mention), None)
        agent = gazetteer.agents.get(doc[i].lemma_.lower())
        if other is not None and other.actor.type is ActorType.COUNTRY:
            state, start = other.actor.country, other.start
            i = other.start - 1
            continue
        if other is not None:
            break  # another actor describes the person ("Hamas leader X"): not a nationality
        if agent is not None and sector == "CVL":
            sector = agent.sector
        i -= 1
    if state is None:
        return mention
    updated = Actor(actor.id, actor.name, ActorType.PERSON, state, sector, title=actor.title, cameo=state + sector)
    return Mention(start, mention.end, updated, mention.kind)


def without_conjuncts(token: Token) -> list[Token]:
    """The subtree of ``token`` minus coordinated phrases hanging from it."""
    kept = [token]
    for child in children_of(token):
        if child.dep_ not in ("conj", "cc", "relcl", "acl"):
            kept.extend(without_conjuncts(child))
    return kept

"""Places the recogniser takes for organisations, or for no name at all.

A rule of news English and of the recogniser's habits: a city named alone as where something
happened or what was hit ("fired rockets at Kharkiv", "shelled Sumy") is often tagged ORG, or left
without an entity, and would then be an unknown organisation with no state, or no actor. A single
capitalised proper noun that the place lists (GeoNames, Phoenix) know, tagged ORG as an entity of
that one word (punctuation aside: "Ganja,") or tagged as no entity, names the place: no actor by
itself, and, as the object of an act, its state (CAMEO codes an act on a city as an act on the state
it lies in). An organisation the gazetteer knows by the same name still wins, as every organisation
does over a place (``GazetteerMatcher.best_surface``); a longer ORG entity ("Kharkiv Regional
Administration") is an organisation's name and no place; a person of the article is asked about by
the caller.
"""

from __future__ import annotations

from spacy.tokens import Span

from extract.block_index import children_of
from extract.gazetteer import Surface, SurfaceKind
from extract.mentions import entity_of

#: The recogniser's labels a lone place name is mistaken for here: an organisation, or none.
_MISTAKEN_LABELS = frozenset({"ORG", ""})


def place_read_as_organisation(span: Span, surface: Surface) -> bool:
    """Whether ``span`` is a known place written as one capitalised proper noun that the
    recogniser tagged ORG on its own ("Kharkiv") or left untagged."""
    if surface.kind is not SurfaceKind.PLACE or len(span) != 1:
        return False
    (token,) = span
    if token.ent_type_ not in _MISTAKEN_LABELS or token.pos_ != "PROPN" or not token.text[:1].isupper():
        return False
    if len(token.text) > 1 and token.text.isupper():
        return False  # an acronym ("ILO", "WHO") names a body; place names are written in title case
    entity = entity_of(token)
    return entity is None or [t.i for t in entity if not t.is_punct] == [token.i]


def described_as_place(name: Span, territory_nouns: frozenset[str]) -> bool:
    """Whether a name is put in apposition with a noun of a populated place or territory
    ("Stepanakert, the region's main town", "Lachin, a town near the border"): the apposition says
    what the name names, so it is a place's name and no person or organisation, known or not."""
    return any(child.dep_ == "appos" and child.lemma_.lower() in territory_nouns for child in children_of(name.root))


def capital_names_body(span: Span, surface: Surface, body_nouns: frozenset[str]) -> bool:
    """Whether a capital is the first word of a body's proper name ("the Lima Group", "the Minsk
    Group"): a compound of a capitalised proper noun that is one of the lexicon's nouns of an
    organisation. A rule of English naming: a body named after the city where it first met is not that
    city's government, and belongs to no one state (a capital stands for its state on its own: "Lima
    said", "the Kabul government")."""
    if surface.kind is not SurfaceKind.CAPITAL:
        return False
    root = span.root
    head = root.head
    return (root.dep_ == "compound" and head.i > root.i and head.pos_ == "PROPN" and head.text[:1].isupper()
            and head.lemma_.lower() in body_nouns)


def capital_names_document(span: Span, surface: Surface, document_nouns: frozenset[str]) -> bool:
    """Whether a capital is part of an agreement's or a process's name ("the Paris agreement", "the
    Paris climate agreement", "the Minsk accords", "the Astana process"): a compound, directly or
    through other compounds, of one of the lexicon's document nouns. A rule of English naming: an
    agreement named after the city where it was made names no party (its government is one only
    where the text says so: "the deal Tehran signed")."""
    if surface.kind is not SurfaceKind.CAPITAL:
        return False
    token = span.root
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
        if token.lemma_.lower() in document_nouns or token.lower_ in document_nouns:
            return True
    return False

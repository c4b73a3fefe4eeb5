"""Names of the gazetteer found in a parsed block: states, demonyms, capitals, seats,
regions, organisations, persons and places, each where it is plausibly written as that name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extract.block_index import BlockTokens, block_words
from extract.gazetteer import Gazetteer, Surface, SurfaceIndex, SurfaceKind, index_spellings
from extract.mentions import entity_of
from extract.person_registry import PersonRegistry
from extract.place_names import capital_names_body, place_read_as_organisation

_SURFACE_PRIORITY = {
    SurfaceKind.PERSON: 0,
    SurfaceKind.ORGANIZATION: 1,
    SurfaceKind.COUNTRY: 2,
    SurfaceKind.REGION: 3,
    SurfaceKind.CAPITAL: 4,
    SurfaceKind.SEAT: 5,
    SurfaceKind.DEMONYM: 6,
    SurfaceKind.REGION_DEMONYM: 7,
    SurfaceKind.PLACE: 8,
}


@dataclass(frozen=True)
class GazetteerMatcher:
    """Longest-match lookup of the gazetteer's names in a block, for one article (its date
    chooses among persons sharing a name; its persons tell a place from a person's name)."""

    gazetteer: Gazetteer
    index: SurfaceIndex
    date: str | None
    persons: PersonRegistry

    def matches(self, doc: Doc, tokens: BlockTokens) -> list[tuple[int, int, Surface]]:
        """The gazetteer names of ``doc`` (whose words ``tokens`` gives) as (start, end, surface),
        longest first, left to right, each plausible in context; caseless names only where written
        as a name."""
        matches: list[tuple[int, int, Surface]] = []
        folded, lowered = index_spellings(tokens.texts, self.gazetteer.name_variants)
        after_last = 0  # a name is looked for after the last one found, not inside it
        for i in self._name_starts(folded, lowered, tokens.texts):
            if i < after_last:
                continue
            found = self._longest_at(doc, folded, lowered, i, tokens.texts[i])
            if found is None:
                continue
            if self.plausible(doc, *found):
                matches.append(found)
            after_last = found[1]
        return matches

    def _name_starts(self, folded: list[str], lowered: list[str], texts: tuple[str, ...]) -> list[int]:
        """The indices of the words that begin a name of the index, in its case or in lower case
        (where a caseless name may open: ``_may_open_caseless_name``); most words begin none."""
        cased, caseless = self.index.longest_from, self.index.caseless_longest_from
        firsts = self.index.first_words_lowered  # one look-up rules out most words: in either case
        return [i for i, lower in enumerate(lowered)
                if lower in firsts and (folded[i] in cased or (lower in caseless
                                                               and _may_open_caseless_name(texts[i])))]

    def _longest_at(
        self, doc: Doc, folded: list[str], lowered: list[str], i: int, text: str,
    ) -> tuple[int, int, Surface] | None:
        """The longest name starting at word ``i`` (written ``text``): cased names before caseless
        ones of the same length, a caseless one only where plausible."""
        # names are looked up only as long as the longest one starting with the word
        cased_longest = self.index.longest_from.get(folded[i], 0)
        caseless_longest = self.index.caseless_longest_from.get(lowered[i], 0)
        if caseless_longest and not _may_open_caseless_name(text):
            caseless_longest = 0
        # and only as long as the words from here still begin one
        limit = min(max(cased_longest, caseless_longest), len(folded) - i)
        for n in range(self.index.reach(folded, lowered, i, limit), 0, -1):
            surfaces = self.index.get(tuple(folded[i : i + n])) if n <= cased_longest else ()
            if n == 1 and surfaces and block_words(doc)[i].tag_ == "JJ":
                surfaces = _adjective_readings(surfaces)
            if surfaces:
                return i, i + n, self.best_surface(surfaces)
            surfaces = self.index.get_caseless(tuple(lowered[i : i + n])) if n <= caseless_longest else ()
            if surfaces and self.plausible(doc, i, i + n, surfaces[0]):
                return i, i + n, self.best_surface(surfaces)
        return None

    def best_surface(self, surfaces: tuple[Surface, ...]) -> Surface:
        """The most specific kind wins; among people sharing a name ("Bush"), the one in office
        at the article date, else the one who held office most recently before it."""
        best_kind = min(_SURFACE_PRIORITY[s.kind] for s in surfaces)
        candidates = [s for s in surfaces if _SURFACE_PRIORITY[s.kind] == best_kind]
        if len(candidates) == 1 or candidates[0].kind is not SurfaceKind.PERSON or not self.date:
            return candidates[0]
        date = self.date

        def recency(surface: Surface) -> tuple[bool, str]:
            return self.gazetteer.in_office(surface.key, date)

        return max(candidates, key=recency)

    def plausible(self, doc: Doc, start: int, end: int, surface: Surface) -> bool:
        """Reject gazetteer hits that are plainly something else in context."""
        words = block_words(doc)[start:end]  # the block's own Token objects: a span only where one is read
        if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in words):
            return False
        if surface.caseless:
            span = doc[start:end]
            if not (_written_as_name(span, surface.kind) or self.place_read_as_person(span, surface)
                    or self.place_read_as_organisation(span, surface)):
                return False
        if surface.kind is SurfaceKind.PERSON:
            return True
        if surface.kind is SurfaceKind.PLACE and _tail_of_longer_place(words):
            return False
        if surface.kind is SurfaceKind.REGION and _position_in_place_name(words):
            return False
        # "George Washington", "Georgia Meloni": a place name inside a longer person name. A
        # person's name is made of names: a PERSON entity that goes past the place only by words
        # that are no names ("Sri Lanka's", "the Quai d'Orsay urged") is the recogniser's mis-cut.
        if {t.ent_type_ for t in words} != {"PERSON"}:
            return True  # some word outside a person's name (or all outside entities)
        for token in words:
            if token.ent_iob_ != "":
                ent = entity_of(token)
                if ent is not None and not ends_in_plural(ent) and _has_name_word_outside(ent, start, end):
                    return False
        return True

    def place_read_as_person(self, span: Span, surface: Surface) -> bool:
        """A known place the recogniser took for a person ("Goma", "Kherson"): one capitalised
        proper noun tagged PERSON that names no person of the article. A lone word is rarely a
        person's first mention in news, which names people in full before using one name."""
        if surface.kind is not SurfaceKind.PLACE or len(span) != 1:
            return False
        (token,) = span
        return (token.ent_type_ == "PERSON" and token.pos_ == "PROPN" and token.text[:1].isupper()
                and not self.persons.names_a_person(token.text))

    def place_read_as_organisation(self, span: Span, surface: Surface) -> bool:
        """A known place the recogniser took for an organisation or no name (``extract.place_names``)
        that names no person of the article."""
        return place_read_as_organisation(span, surface) and not self.persons.names_a_person(span.text)

    def country_inside(self, doc: Doc, start: int, end: int, body_nouns: frozenset[str] = frozenset()) -> str | None:
        """The state a name ``doc[start:end]`` contains (a country, demonym or capital), if any; not
        a capital that begins a body's name ("the Lima Group": ``place_names.capital_names_body``)."""
        for i, j, surface in self.matches(doc[start:end].as_doc(), BlockTokens.of(doc[start:end].as_doc())):
            if surface.kind in (SurfaceKind.COUNTRY, SurfaceKind.DEMONYM, SurfaceKind.CAPITAL):
                if body_nouns and capital_names_body(doc[start + i : start + j], surface, body_nouns):
                    continue
                return surface.key
        return None


def _may_open_caseless_name(word: str) -> bool:
    """Whether a name matched ignoring case can begin with ``word``: such a name must be written as
    one (``_written_as_name``, ``place_read_as_person``), so a word of letters that is not capitalised
    opens none ("said", "on")."""
    return not word.isalpha() or word[:1].isupper()


#: Entity labels of places, bodies of water and sites.
_PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Words of position that open a part of a place's name ("West Darfur", "Upper Nile", "Greater Accra").
_POSITION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower",
    "greater", "northeast", "northwest", "southeast", "southwest",
})
#: Kinds of names of a state or its places: proper nouns, never adjectives (demonyms are).
_PLACE_NAME_KINDS = frozenset({SurfaceKind.COUNTRY, SurfaceKind.CAPITAL, SurfaceKind.SEAT, SurfaceKind.PLACE})
#: Tags of plural nouns: a person's name never ends in one ("Kosovo Serbs", "Bosnian Serbs").
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})


def _position_in_place_name(words: Sequence[Token]) -> bool:
    """Whether a region named by a word of position ("the West") is that word opening a place's
    name ("West Darfur", "East Jerusalem"): a capitalised proper noun of the same place entity
    follows it."""
    ent = entity_of(words[0])
    if len(words) != 1 or words[0].lower_ not in _POSITION_WORDS:
        return False
    if ent is None or ent.label_ not in _PLACE_ENTITY_LABELS:
        return False
    return any(t.i > words[0].i and t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent)


def _tail_of_longer_place(words: Sequence[Token]) -> bool:
    """Whether a place's name ends a longer name of a place, body of water or site that the
    recogniser found and the gazetteer does not know ("Cabo Delgado" is no "Delgado", "the Gulf of
    Aden" no "Aden"): a capitalised word of that name before it, other than a word of position
    ("West Darfur" is in Darfur). A name in capitals (a dateline's "NEW DELHI") is left alone."""
    ent = entity_of(words[0])
    if ent is None or ent.label_ not in _PLACE_ENTITY_LABELS:
        return False
    before = [t for t in ent if t.i < words[0].i and t.pos_ == "PROPN"]
    return any(t.text.istitle() and t.lower_ not in _POSITION_WORDS for t in before)


def _adjective_readings(surfaces: tuple[Surface, ...]) -> tuple[Surface, ...]:
    """The readings a word the tagger reads as an adjective can have: a demonym ("Thai
    authorities"), never the name of a state or place, which is a proper noun ("Male protesters" at
    a sentence's start is no crowd of the Maldives' capital)."""
    return tuple(surface for surface in surfaces if surface.kind not in _PLACE_NAME_KINDS)


def ends_in_plural(ent: Span) -> bool:
    """Whether a name ends in a plural noun: then it names a people or a group ("Kosovo Serbs",
    "Iraqi Kurds"), never one person, whatever the recogniser labelled it."""
    return ent[-1].tag_ in PLURAL_NOUN_TAGS


def _has_name_word_outside(ent: Span, start: int, end: int) -> bool:
    """Whether entity ``ent`` has a capitalised proper noun outside tokens ``start:end``."""
    return any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent if not start <= t.i < end)


def _written_as_name(span: Span, kind: SurfaceKind) -> bool:
    """A name matched ignoring case must be written as one: every word capitalised (small
    words like "of", "al" aside) and recognised as a name (a proper noun or inside an entity);
    a person's name must not sit inside a place or organisation entity, a place must be
    tagged as one. "Person names that are also common words" fail here in ordinary use."""
    words = [t for t in span if t.is_alpha and (len(t.text) > 3 or t.i == span.start)]
    if not words or not all(t.text[:1].isupper() for t in words):
        return False
    labels = {t.ent_type_ for t in span}
    if kind is SurfaceKind.PERSON:
        return labels <= {"PERSON"} and ("PERSON" in labels or all(t.pos_ == "PROPN" for t in words))
    if kind is SurfaceKind.PLACE:
        return bool(labels & {"GPE", "LOC", "FAC"}) and all(t.pos_ == "PROPN" for t in words)
    if "LOC" in labels:
        return False  # "Indian Ocean": a place the recogniser knows, whatever the lists say
    return bool(labels & {"ORG", "NORP", "GPE", "FAC"}) or all(t.pos_ == "PROPN" for t in words)

"""Verb and noun classes of composed events (light_verbs.toml) and their loader: a verb of ending,
reducing, easing or imposing plus a noun of a relation, aid, trade or a restriction gives the CAMEO
code its noun class lists for the verb class. The rule that reads a parse is
extract/light_verb_candidates.py."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from extract.data_tables import read_table, read_words

#: The verb classes, in the order a verb listed in several is tried.
VERB_CLASSES = ("ending", "reducing", "easing", "imposing", "restricting")


class LightVerbsError(ValueError):
    """light_verbs.toml is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class VerbEntry:
    """A verb of a class: its lemma, the particles it needs on it, and the preposition that takes
    the noun (None: the noun is the direct object)."""

    verb_class: str
    lemma: str
    particles: tuple[str, ...]
    prep: str | None


@dataclass(frozen=True)
class NounClass:
    """Nouns whose event a verb class composes with, the prepositions naming the counterpart, and
    the CAMEO code per verb class (refined by a modifier of the noun, or by trade)."""

    name: str
    nouns: frozenset[str]
    preps: tuple[str, ...]
    codes: Mapping[str, str]
    modifier_codes: Mapping[str, str] = field(default_factory=dict)
    trade_codes: Mapping[str, str] = field(default_factory=dict)
    #: an infinitive right after the noun is its complement ("a deal to buy submarines")
    infinitive_complement: bool = False


@dataclass(frozen=True)
class Listing:
    """Putting an actor on or taking it off a list of sanctioned actors."""

    list_nouns: frozenset[str]
    markers: frozenset[str]
    #: entries whose ``prep`` takes the list noun; verb_class is "easing" or "imposing"
    verbs: tuple[VerbEntry, ...]
    codes: Mapping[str, str]


@dataclass(frozen=True)
class Receiving:
    """Verbs whose subject receives or refuses what their object names, as (lemma, particles), and
    the CAMEO roots whose event nouns take their agent from a "from" phrase."""

    verbs: frozenset[tuple[str, tuple[str, ...]]]
    from_agent_roots: frozenset[str]

    def particles_of(self, lemma: str) -> tuple[tuple[str, ...], ...]:
        """The particle sets a receiving verb of this lemma needs (``()`` for none)."""
        return tuple(particles for verb, particles in self.verbs if verb == lemma)


@dataclass(frozen=True)
class LightVerbs:
    """What light_verbs.toml says, indexed for the rule."""

    verbs: Mapping[str, tuple[VerbEntry, ...]]
    nouns: Mapping[str, NounClass]
    trade_nouns: frozenset[str]
    listing: Listing
    #: noun of a listed verb -> the verb's lemma ("suspension" -> "suspend")
    nominalisations: Mapping[str, str] = field(default_factory=dict)
    receiving: Receiving = field(default_factory=lambda: Receiving(frozenset(), frozenset()))
    #: noun of a listed verb -> the prepositions taking its complement, where not "of" alone ("an end to")
    complement_preps: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def noun_class(self, lemma: str) -> NounClass | None:
        return self.nouns.get(lemma)

    def verb_of_noun(self, lemma: str) -> str | None:
        """The listed verb a noun names the act of: a listed nominalisation, or a gerund noun of a
        listed verb ("lifting": lift, "cutting": cut, "easing": ease)."""
        if lemma in self.nominalisations:
            return self.nominalisations[lemma]
        if not lemma.endswith("ing") or len(lemma) < 6:
            return None
        stem = lemma[:-3]
        for verb in (stem, stem + "e", stem[:-1] if stem[-1] == stem[-2] else ""):
            if verb in self.verbs:
                return verb
        return None

    def verb_entries(self, lemma: str) -> tuple[VerbEntry, ...]:
        """The entries of a verb lemma, the most specific (most words) first."""
        return self.verbs.get(lemma, ())

    @staticmethod
    def empty() -> LightVerbs:
        return LightVerbs({}, {}, frozenset(), Listing(frozenset(), frozenset(), (), {}))


def _words(path: Path, table: Mapping[str, object], key: str) -> list[str]:
    return read_words(path, table, key, LightVerbsError)


def _table(path: Path, raw: Mapping[str, object], key: str) -> Mapping[str, object]:
    return read_table(path, raw, key, LightVerbsError)


def _entry(verb_class: str, text: str, with_prep: bool) -> VerbEntry:
    words = text.split()
    if with_prep:
        if len(words) < 2:
            raise ValueError(text)
        return VerbEntry(verb_class, words[0], tuple(words[1:-1]), words[-1])
    return VerbEntry(verb_class, words[0], tuple(words[1:]), None)


def _codes(path: Path, where: str, table: object, cameo_codes: frozenset[str]) -> dict[str, str]:
    if not isinstance(table, dict):
        raise LightVerbsError(f"{path}: {where} must be a table, got {table!r}")
    codes = {str(key).lower(): value for key, value in table.items()}
    for key, code in codes.items():
        if not isinstance(code, str) or code not in cameo_codes:
            raise LightVerbsError(f"{path}: {where}.{key} = {code!r} is not a CAMEO code")
    return codes


def _noun_class(path: Path, name: str, table: object, cameo_codes: frozenset[str]) -> NounClass:
    if not isinstance(table, dict):
        raise LightVerbsError(f"{path}: nouns.{name} must be a table")
    where = f"nouns.{name}"
    codes = _codes(path, f"{where}.codes", table.get("codes"), cameo_codes)
    unknown = sorted(set(codes) - set(VERB_CLASSES))
    if unknown or not codes:
        raise LightVerbsError(f"{path}: {where}.codes must map verb classes {VERB_CLASSES} to codes, got {codes!r}")
    trade = _codes(path, f"{where}.trade_codes", table.get("trade_codes", {}), cameo_codes)
    if set(trade) - set(codes):
        raise LightVerbsError(f"{path}: {where}.trade_codes names verb classes its codes do not")
    return NounClass(
        name=name,
        nouns=frozenset(_words(path, table, "nouns")),
        preps=tuple(_words(path, table, "preps")),
        codes=MappingProxyType(codes),
        modifier_codes=MappingProxyType(_codes(path, f"{where}.modifier_codes", table.get("modifier_codes", {}),
                                               cameo_codes)),
        trade_codes=MappingProxyType(trade),
        infinitive_complement=_flag(path, f"{where}.infinitive_complement", table.get("infinitive_complement", False)),
    )


def _flag(path: Path, where: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise LightVerbsError(f"{path}: {where} must be true or false, got {value!r}")
    return value


def load_light_verbs(path: Path, cameo_codes: frozenset[str]) -> LightVerbs:
    """Read light_verbs.toml; every CAMEO code in it must be one of ``cameo_codes``, and a noun may
    belong to one class only."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    verbs_table = _table(path, raw, "verbs")
    entries: dict[str, list[VerbEntry]] = {}
    for verb_class in VERB_CLASSES:
        for key, with_prep in ((verb_class, False), (f"{verb_class}_from", True)):
            for text in _words(path, verbs_table, key):
                try:
                    entry = _entry(verb_class, text, with_prep)
                except ValueError:
                    raise LightVerbsError(f"{path}: verbs.{key}: {text!r} needs a verb and a preposition") from None
                entries.setdefault(entry.lemma, []).append(entry)
    nouns: dict[str, NounClass] = {}
    for name, table in _table(path, raw, "nouns").items():
        noun_class = _noun_class(path, name, table, cameo_codes)
        for noun in noun_class.nouns:
            if noun in nouns:
                raise LightVerbsError(f"{path}: noun {noun!r} is in nouns.{nouns[noun].name} and nouns.{name}")
            nouns[noun] = noun_class
    return LightVerbs(
        verbs=MappingProxyType({
            lemma: tuple(sorted(found, key=lambda e: -(len(e.particles) + (e.prep is not None))))
            for lemma, found in entries.items()
        }),
        nouns=MappingProxyType(nouns),
        trade_nouns=frozenset(_words(path, raw, "trade_nouns")),
        listing=_listing(path, _table(path, raw, "listing"), cameo_codes),
        nominalisations=(nominalisations := _nominalisations(
            path, _table(path, _table(path, raw, "nominal"), "nominalisations"), entries)),
        complement_preps=_complement_preps(path, _table(path, raw, "nominal"), nominalisations),
        receiving=_receiving(path, _table(path, raw, "receiving")),
    )


def _nominalisations(path: Path, table: Mapping[str, object], verbs: Mapping[str, object]) -> Mapping[str, str]:
    """noun -> verb lemma; every verb must be one listed in a verb class."""
    found: dict[str, str] = {}
    for noun, verb in table.items():
        if not isinstance(verb, str) or verb not in verbs:
            raise LightVerbsError(f"{path}: nominal.nominalisations.{noun} = {verb!r} is no verb listed in [verbs]")
        found[str(noun).lower()] = verb
    return MappingProxyType(found)


def _complement_preps(path: Path, nominal: Mapping[str, object], nouns: Mapping[str, str]
                      ) -> Mapping[str, tuple[str, ...]]:
    """noun -> prepositions; every noun must be a listed nominalisation."""
    table = _table(path, nominal, "complement_preps")
    found: dict[str, tuple[str, ...]] = {}
    for noun in table:
        if noun not in nouns:
            raise LightVerbsError(f"{path}: nominal.complement_preps.{noun} is no noun of nominal.nominalisations")
        found[noun] = tuple(_words(path, table, noun))
    return MappingProxyType(found)


def _receiving(path: Path, table: Mapping[str, object]) -> Receiving:
    roots = _words(path, table, "from_agent_roots")
    bad = [r for r in roots if len(r) != 2 or not r.isdigit() or not 1 <= int(r) <= 20]
    if bad:
        raise LightVerbsError(f"{path}: receiving.from_agent_roots has no CAMEO roots {bad!r}")
    verbs = frozenset((text.split()[0], tuple(text.split()[1:])) for text in _words(path, table, "verbs"))
    return Receiving(verbs, frozenset(roots))


def _listing(path: Path, table: Mapping[str, object], cameo_codes: frozenset[str]) -> Listing:
    verbs: list[VerbEntry] = []
    codes: dict[str, str] = {}
    for verb_class in ("easing", "imposing"):
        for text in _words(path, table, verb_class):
            if len(text.split()) < 2:
                raise LightVerbsError(f"{path}: listing.{verb_class}: {text!r} needs a verb and a preposition")
            verbs.append(_entry(verb_class, text, with_prep=True))
        code = table.get(f"{verb_class}_code")
        if not isinstance(code, str) or code not in cameo_codes:
            raise LightVerbsError(f"{path}: listing.{verb_class}_code = {code!r} is not a CAMEO code")
        codes[verb_class] = code
    return Listing(frozenset(_words(path, table, "list_nouns")), frozenset(_words(path, table, "markers")),
                   tuple(verbs), MappingProxyType(codes))

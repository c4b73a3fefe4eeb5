"""The actor gazetteer: countries, regions, organisations, office holders and role words.

Thin loaders over the TSV files in ``extract/data`` (documented in GAZETTEER.md) plus an index
from surface forms ("Orban", "Hungarian", "Budapest", "the Kremlin") to what they name. The
curated files come first; the files converted from the OEDA Phoenix dictionaries
(``phoenix_*.tsv``, by ``tools/build_phoenix.py``) add dated persons, organisations, agent nouns
and places, and the GeoNames places (``geonames_places.tsv``, by ``tools/build_geonames_places.py``)
add cities; neither overrides a curated entry.
"""

from __future__ import annotations

import csv
import datetime
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from graph.model import Actor, ActorType

DATA_DIR = Path(__file__).parent / "data"


class GazetteerError(ValueError):
    """A gazetteer file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    members: frozenset[str] = frozenset()  # ISO alpha-3 codes of its states; empty: not bounded


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    aliases: tuple[str, ...]
    type: str
    cameo: str
    country: str | None


@dataclass(frozen=True)
class Office:
    """One term of one person in one office."""

    person_id: str
    name: str
    aliases: tuple[str, ...]
    role: str
    country: str | None
    start: str
    end: str | None

    def holds_on(self, date: str) -> bool:
        return self.start <= date and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class Role:
    """A role word: a person's title ("prime minister") or a group noun ("troops"). ``code`` is
    the full CAMEO agent code after the country when it says more than the sector ("GOVMED")."""

    term: str
    kind: str
    sector: str
    role: str
    code: str = ""


@dataclass(frozen=True)
class DatedCode:
    """A CAMEO actor code and the ISO dates it holds between (None: open)."""

    code: str
    start: str | None
    end: str | None

    def holds_on(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class DatedPerson:
    """A person of the Phoenix lists with the codes of their terms (``[AFGGOV 011222-]``) and
    undated default codes (``[AFGELI]``)."""

    person_id: str
    name: str
    aliases: tuple[str, ...]
    codes: tuple[DatedCode, ...]

    def code_on(self, date: str | None) -> DatedCode:
        """The code in force at ``date``: the dated code holding then (the latest begun if
        several), else the default code, else the elite (ELI) of the state of the nearest term
        (a head of government before and after their terms is one of the state's elite).
        Without a date, the office the person is known for: an office (not ELI) still open
        when the lists were made, else the longest office, else the default code."""
        dated = sorted((c for c in self.codes if c.dated), key=lambda c: (c.start or "", c.code))
        defaults = [c for c in self.codes if not c.dated]
        if date is None:
            offices = [c for c in dated if c.code[3:6] != "ELI"]
            still_open = [c for c in offices if c.end is None]
            if still_open:
                return still_open[-1]
            if offices:
                return max(offices, key=lambda c: (_length(c), c.start or ""))
            return defaults[0] if defaults else dated[-1]
        holding = [c for c in dated if c.holds_on(date)]
        if holding:
            return holding[-1]
        if defaults:
            return defaults[0]
        nearest = min(dated, key=lambda c: _distance(c, date))
        return DatedCode(nearest.code[:3] + "ELI", None, None)


def _length(code: DatedCode) -> int:
    if code.start is None or code.end is None:
        return 0
    return (_day(code.end) - _day(code.start)).days


def _distance(code: DatedCode, date: str) -> int:
    """Days ``date`` lies outside ``code``'s term."""
    if code.end is not None and date > code.end:
        return (_day(date) - _day(code.end)).days
    if code.start is not None and date < code.start:
        return (_day(code.start) - _day(date)).days
    return 0


def _day(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


@dataclass(frozen=True)
class RoleTerms:
    """Role words indexed for lookup: terms by token tuple, the words of the curated terms
    (capitalised title words), the first words of every term and the longest term, and the length
    of the longest term starting with each first word."""

    terms: Mapping[tuple[str, ...], Role]
    curated_words: frozenset[str]
    first_words: frozenset[str]
    longest: int
    longest_from: Mapping[str, int]


#: A word marks a kind of name when at least this many names of that kind in the lists use it
#: there (first word of a person's name, last word of an organisation's) and the other kind's
#: names never do.
NAME_WORD_MIN = 5


@dataclass(frozen=True)
class NameWords:
    """Words that tell a person's name from an organisation's by its form, learnt from the
    lists: given names (the first word of many person names: "Jose", "Ahmed") and organisation
    heads (the last word of many organisation names: "Front", "Party", "Group")."""

    given_names: frozenset[str]
    organisation_heads: frozenset[str]


#: Endings of demonyms that are adjectives only ("British", "Chinese", "Swiss", "French"): English
#: names the people otherwise ("the British", "Britons"), never by adding -s.
_UNINFLECTED_ENDINGS = ("s", "sh", "ch", "ese", "x", "z")


def demonym_plural(demonym: str) -> str | None:
    """The plural English makes of a demonym that is also a noun of a person ("Kenyan" ->
    "Kenyans", "Iraqi" -> "Iraqis", "Filipino" -> "Filipinos"); None for demonyms that are adjectives
    only, and for phrases."""
    if " " in demonym or not demonym[-1:].isalpha() or demonym.lower().endswith(_UNINFLECTED_ENDINGS):
        return None
    return demonym + "s"


def _missing_plurals(demonyms: Iterable[str], names: set[str]) -> Iterator[str]:
    """The plurals of ``demonyms`` the list does not give, none that is a state's or region's name
    ("Philippine" -> "Philippines")."""
    listed = tuple(demonyms)
    for demonym in listed:
        plural = demonym_plural(demonym)
        if plural is not None and plural not in listed and plural not in names:
            yield plural


def name_words(person_names: Iterable[str], organisation_names: Iterable[str]) -> NameWords:
    """The given names and organisation heads of the lists (see ``NAME_WORD_MIN``)."""
    def words(name: str) -> list[str]:
        return [w for w in fold(name).lower().replace(".", " ").split() if w.isalpha() and len(w) > 1]

    person_first: Counter[str] = Counter()
    person_any: set[str] = set()
    organisation_last: Counter[str] = Counter()
    organisation_any: set[str] = set()
    for name in person_names:
        found = words(name)
        if found:
            person_first[found[0]] += 1
            person_any.update(found)
    for name in organisation_names:
        found = words(name)
        if found:
            organisation_last[found[-1]] += 1
            organisation_any.update(found)
    return NameWords(
        frozenset(w for w, n in person_first.items() if n >= NAME_WORD_MIN and w not in organisation_any),
        frozenset(w for w, n in organisation_last.items() if n >= NAME_WORD_MIN and w not in person_any),
    )


class SurfaceKind(StrEnum):
    COUNTRY = "country"
    DEMONYM = "demonym"
    CAPITAL = "capital"
    SEAT = "seat"
    REGION = "region"
    REGION_DEMONYM = "region_demonym"
    ORGANIZATION = "organization"
    PERSON = "person"
    PLACE = "place"  # a city or province (Phoenix, GeoNames): qualifies agent nouns; as an object, its state


@dataclass(frozen=True)
class Surface:
    """What one surface form names: a kind and the key of the entry (iso3, org id, ...).
    ``caseless`` surfaces (the converted Phoenix names) match whatever their case, so the
    resolver checks in context that the text writes them as a name."""

    kind: SurfaceKind
    key: str
    caseless: bool = False


def fold(text: str) -> str:
    """Strip accents and unify apostrophes so "Orbán" and "Orban" meet."""
    if text.isascii():
        return text  # nothing to strip (the curly apostrophes are not ASCII)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _rows(path: Path, header: tuple[str, ...]) -> Iterable[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        first = next(reader, None)
        if first is None or tuple(first) != header:
            expected = " | ".join(header)
            raise GazetteerError(f"{path}: header must be the columns {expected}, got {first!r}")
        for number, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != len(header):
                raise GazetteerError(f"{path}:{number}: expected {len(header)} columns, got {len(row)}")
            yield dict(zip(header, row, strict=True))


@dataclass(frozen=True)
class Gazetteer:
    """All actor knowledge, indexed for lookup."""

    countries: Mapping[str, Country]
    regions: Mapping[str, Region]
    organizations: Mapping[str, Organization]
    offices: Mapping[str, tuple[Office, ...]]
    roles: Mapping[str, Role]
    dated_persons: Mapping[str, DatedPerson] = field(default_factory=dict)
    agents: Mapping[str, Role] = field(default_factory=dict)
    places: Mapping[str, str] = field(default_factory=dict)
    phoenix_organizations: frozenset[str] = frozenset()
    #: (person id, role) -> the organisation in which the person holds an office the curated table
    #: gives no state for ("secretary-general" -> the UN): such a holder acts for the organisation.
    office_organizations: Mapping[tuple[str, str], str] = field(default_factory=dict)
    #: a romanisation of a name word -> the canonical one it is read as ("mohammed" -> "muhammad")
    name_variants: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def person_title_heads(self) -> frozenset[str]:
        """The head nouns of the curated titles ("minister" of "foreign minister", "secretary" of
        "secretary of state"): nouns that name one person by office."""
        return frozenset(
            term.split(" of ")[0].split()[-1] for term, role in self.roles.items() if role.kind == "TITLE"
        )

    @cached_property
    def one_word_role_terms(self) -> frozenset[str]:
        """The role and agent nouns of one word ("officials", "troops", "minister"), built once."""
        return frozenset(term[0] for term in self.role_terms.terms if len(term) == 1)

    @cached_property
    def role_terms(self) -> RoleTerms:
        """Role words and agent nouns by token tuple, built once per gazetteer (the curated
        roles win over the Phoenix agents). A curated term written with a hyphen is also looked
        for as the tokeniser splits it ("secretary-general" as "secretary", "-", "general")."""
        terms = {tuple(term.split()): role for term, role in {**self.agents, **self.roles}.items()}
        terms |= {tuple(term.replace("-", " - ").split()): role for term, role in self.roles.items() if "-" in term}
        return RoleTerms(
            terms,
            frozenset(word for term in self.roles for word in term.split()),
            frozenset(term[0] for term in terms),
            max((len(term) for term in terms), default=1),
            _longest_from(terms),
        )

    @cached_property
    def name_words(self) -> NameWords:
        """Given names and organisation heads of the person and organisation lists, built once."""
        persons = [p.name for p in self.dated_persons.values()]
        persons += [term.name for terms in self.offices.values() for term in terms[:1]]
        return name_words(persons, [org.name for org in self.organizations.values()])

    def country_actor(self, iso3: str) -> Actor:
        country = self.countries[iso3]
        return Actor(f"country:{iso3}", country.name, ActorType.COUNTRY, iso3, "GOV", cameo=iso3,
                     aliases=country.aliases)

    def population_actor(self, iso3: str) -> Actor:
        """The civilians of a country: the target when a state coerces its own territory."""
        country = self.countries[iso3]
        adjective = country.demonyms[0] if country.demonyms else country.name
        return Actor(f"group:{iso3.lower()}-cvl", f"{adjective} civilians", ActorType.GROUP, iso3, "CVL",
                     cameo=iso3 + "CVL")

    def region_actor(self, code: str) -> Actor:
        region = self.regions[code]
        return Actor(f"region:{code.lower()}", region.name, ActorType.REGION, None, None, cameo=code)

    def organization_actor(self, org_id: str) -> Actor:
        org = self.organizations[org_id]
        if org.type == "STATE_BODY" and org.country:
            return self.state_body_actor(org)
        actor_type = ActorType.GROUP if org.type == "ARMED_GROUP" else ActorType.ORGANIZATION
        return Actor(f"org:{org.id}", org.name, actor_type, org.country, None, cameo=org.cameo, aliases=org.aliases)

    def knows_person(self, person_id: str) -> bool:
        """Whether the curated table or the dated Phoenix lists know the person."""
        return person_id in self.offices or person_id in self.dated_persons

    def in_office(self, person_id: str, date: str) -> tuple[bool, str]:
        """Whether the person holds an office (or a dated code) at ``date``, and when their
        latest term begun by then began: orders people who share a name."""
        if person_id in self.offices:
            terms = self.offices[person_id]
            return any(t.holds_on(date) for t in terms), max((t.start for t in terms if t.start <= date), default="")
        codes = [c for c in self.dated_persons[person_id].codes if c.dated]
        holding = any(c.holds_on(date) and c.code[3:6] != "ELI" for c in codes)
        return holding, max((c.start or "" for c in codes if (c.start or "") <= date), default="")

    def state_body_actor(self, org: Organization) -> Actor:
        """A state's army, police or ministry named as an institution ("Afghan National Army"):
        the same actor the agent nouns give ("Afghan troops"), the state itself for GOV."""
        assert org.country is not None
        sector = org.cameo[3:6]
        if sector in ("", "GOV"):
            return self.country_actor(org.country)
        return Actor(f"group:{org.country.lower()}-{sector.lower()}", org.name, ActorType.GROUP, org.country, sector,
                     cameo=org.cameo, aliases=org.aliases)

    def person_actor(self, person_id: str, date: str | None) -> Actor:
        if person_id not in self.offices:
            return self.dated_person_actor(person_id, date)
        office = self.office_of(person_id, date)
        return Actor(
            f"person:{person_id}",
            office.name,
            ActorType.PERSON,
            office.country,
            "GOV",
            title=office.role,
            cameo=self._office_code(office),
            since=office.start,
            until=office.end,
            aliases=tuple(sorted({alias for term in self.offices[person_id] for alias in term.aliases})),
        )

    def _office_code(self, office: Office) -> str:
        """A curated office's CAMEO code: the state's government, else the organisation's own code
        (Phoenix codes a UN secretary-general IGOUNO), else a generic IGO government."""
        if office.country:
            return office.country + "GOV"
        organization = self.office_organizations.get((office.person_id, office.role))
        return self.organizations[organization].cameo if organization else "IGOGOV"

    def dated_person_actor(self, person_id: str, date: str | None) -> Actor:
        """A Phoenix person with the code in force at ``date``: country = code[:3] when it is a
        state, sector = code[3:6], cameo = the full code."""
        person = self.dated_persons[person_id]
        code = person.code_on(date)
        country = code.code[:3] if code.code[:3] in self.countries else None
        return Actor(
            f"person:{person_id}",
            person.name,
            ActorType.PERSON,
            country,
            code.code[3:6] or None,
            cameo=code.code,
            since=code.start,
            until=code.end,
            aliases=person.aliases,
        )

    def office_of(self, person_id: str, date: str | None) -> Office:
        """The person's office at ``date`` (else the latest one)."""
        terms = self.offices[person_id]
        if date:
            current = [t for t in terms if t.holds_on(date)]
            if current:
                return current[-1]
            started = [t for t in terms if t.start <= date]
            if started:
                return started[-1]
        return terms[-1]

    def holders(self, country: str, roles: frozenset[str], date: str | None) -> tuple[str, ...]:
        """Person ids holding one of ``roles`` for ``country`` on ``date``."""
        if not date:
            return ()
        found = []
        for person_id in self.office_holders_by_country.get(country, ()):  # (not every office of the world)
            if any(t.country == country and t.role in roles and t.holds_on(date) for t in self.offices[person_id]):
                found.append(person_id)
        return tuple(found)

    @cached_property
    def office_holders_by_surname(self) -> Mapping[str, tuple[str, ...]]:
        """The ids of the office holders by the last word of their name, folded, built once."""
        by_surname: dict[str, list[str]] = {}
        for person_id, terms in self.offices.items():
            by_surname.setdefault(fold(terms[0].name).split()[-1], []).append(person_id)
        return MappingProxyType({surname: tuple(ids) for surname, ids in by_surname.items()})

    def holder_by_surname(self, surname: str, role: str, date: str) -> str | None:
        """The one office holder of this surname holding an office of this role at ``date``
        ("President Boric" in 2023), or None when there is none or more than one."""
        found = [person_id for person_id in self.office_holders_by_surname.get(fold(surname), ())
                 if any(term.role == role and term.holds_on(date) for term in self.offices[person_id])]
        return found[0] if len(found) == 1 else None

    @cached_property
    def office_holders_by_country(self) -> Mapping[str, tuple[str, ...]]:
        """The ids of the persons with an office of each state, in the order of ``offices``, built once."""
        by_country: dict[str, list[str]] = {}
        for person_id, terms in self.offices.items():
            for country in dict.fromkeys(t.country for t in terms if t.country):
                by_country.setdefault(country, []).append(person_id)
        return MappingProxyType({country: tuple(ids) for country, ids in by_country.items()})

    def surfaces(self) -> Iterable[tuple[str, Surface]]:
        """Every (surface form, what it names) pair, before tokenisation: a country's demonyms with
        the plurals English forms of them (``demonym_plural``) where the list gives none."""
        names = {name for country in self.countries.values() for name in (country.name, *country.aliases)}
        names |= {name for region in self.regions.values() for name in (region.name, *region.aliases)}
        for iso3, country in self.countries.items():
            for name in (country.name, *country.aliases):
                yield name, Surface(SurfaceKind.COUNTRY, iso3)
            for name in country.demonyms:
                yield name, Surface(SurfaceKind.DEMONYM, iso3)
            for name in _missing_plurals(country.demonyms, names):
                yield name, Surface(SurfaceKind.DEMONYM, iso3)
            for name in country.capitals:
                yield name, Surface(SurfaceKind.CAPITAL, iso3)
            for name in country.seats:
                yield name, Surface(SurfaceKind.SEAT, iso3)
        for code, region in self.regions.items():
            for name in (region.name, *region.aliases):
                yield name, Surface(SurfaceKind.REGION, code)
            for name in region.demonyms:
                yield name, Surface(SurfaceKind.REGION_DEMONYM, code)
        for org_id, org in self.organizations.items():
            if org_id in self.phoenix_organizations:
                continue  # matched ignoring case: caseless_surfaces
            for name in (org.name, *org.aliases):
                yield name, Surface(SurfaceKind.ORGANIZATION, org_id)
        for person_id, terms in self.offices.items():
            names = {terms[0].name}
            for term in terms:
                names.update(term.aliases)
            for name in names:
                yield name, Surface(SurfaceKind.PERSON, person_id)

    def caseless_surfaces(self) -> Iterable[tuple[str, Surface]]:
        """The converted Phoenix names (persons, organisations, places), matched ignoring case."""
        for person_id, person in self.dated_persons.items():
            for name in (person.name, *person.aliases):
                yield name, Surface(SurfaceKind.PERSON, person_id, caseless=True)
        for org_id in sorted(self.phoenix_organizations):
            org = self.organizations[org_id]
            for name in (org.name, *org.aliases):
                yield name, Surface(SurfaceKind.ORGANIZATION, org_id, caseless=True)
        for name, iso3 in self.places.items():
            yield name, Surface(SurfaceKind.PLACE, iso3, caseless=True)


def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """Read every gazetteer file in ``data_dir``."""
    countries = {
        row["iso3"]: Country(
            row["iso3"], row["iso2"], row["name"], _split(row["aliases"]), _split(row["demonyms"]),
            _split(row["capitals"]), _split(row["seats"]),
        )
        for row in _rows(
            data_dir / "countries.tsv",
            ("iso3", "iso2", "name", "aliases", "demonyms", "capitals", "seats"),
        )
    }
    regions = {
        row["code"]: Region(
            row["code"], row["name"], _split(row["aliases"]), _split(row["demonyms"]),
            frozenset(_split(row["members"])),
        )
        for row in _rows(data_dir / "regions.tsv", ("code", "name", "aliases", "demonyms", "members"))
    }
    organizations = _load_organizations(data_dir / "organizations.tsv")
    offices: dict[str, list[Office]] = {}
    for row in _rows(
        data_dir / "office_holders.tsv",
        ("person_id", "name", "aliases", "role", "country", "start", "end"),
    ):
        offices.setdefault(row["person_id"], []).append(
            Office(
                row["person_id"], row["name"], _split(row["aliases"]), row["role"],
                row["country"] or None, row["start"], row["end"] or None,
            )
        )
    roles = {
        row["term"]: Role(row["term"], row["kind"], row["sector"], row["role"])
        for row in _rows(data_dir / "roles.tsv", ("term", "kind", "sector", "role"))
    }
    phoenix_orgs = {
        key: org for key, org in _load_organizations(data_dir / "phoenix_organizations.tsv").items()
        if key not in organizations
    } if (data_dir / "phoenix_organizations.tsv").exists() else {}
    return Gazetteer(
        countries=countries,
        regions=regions,
        organizations={**phoenix_orgs, **organizations},
        offices={key: tuple(sorted(terms, key=lambda t: t.start)) for key, terms in offices.items()},
        roles=roles,
        dated_persons=_load_dated_persons(data_dir, exclude=frozenset(offices)),
        agents={term: role for term, role in _load_agents(data_dir / "phoenix_agents.tsv").items()
                if term not in roles},
        places={  # the Phoenix places win over the GeoNames ones (the converter drops those already)
            **_load_places(data_dir / "geonames_places.tsv", frozenset(countries), _GEONAMES_PLACE_COLUMNS),
            **_load_places(data_dir / "phoenix_places.tsv", frozenset(countries)),
        },
        phoenix_organizations=frozenset(phoenix_orgs),
        office_organizations=_load_office_organizations(
            data_dir / "office_organizations.tsv", offices, frozenset(organizations)
        ),
        name_variants=_load_name_variants(data_dir / "name_variants.tsv"),
    )


def _load_name_variants(path: Path) -> dict[str, str]:
    """name_variants.tsv: lower-case single words; a variant listed twice or a canonical spelling
    that is itself a variant is an error naming the file."""
    variants: dict[str, str] = {}
    for row in _rows(path, ("variant", "canonical")):
        variant, canonical = row["variant"], row["canonical"]
        if not (variant.isalpha() and variant.islower() and canonical.isalpha() and canonical.islower()):
            raise GazetteerError(f"{path}: {variant!r} -> {canonical!r}: both must be lower-case words")
        if variant in variants:
            raise GazetteerError(f"{path}: {variant!r} is listed twice")
        variants[variant] = canonical
    chained = sorted(c for c in variants.values() if c in variants)
    if chained:
        raise GazetteerError(f"{path}: canonical spellings must not be variants themselves: {chained}")
    return variants


def canonical_spelling(word: str, variants: Mapping[str, str]) -> str:
    """The word as its canonical romanisation, in the word's own case ("Mohammed" -> "Muhammad",
    "MOHAMED" -> "MUHAMMAD"); any other word as it is."""
    canonical = variants.get(word.lower())
    if canonical is None:
        return word
    if word.islower():
        return canonical
    if word.isupper() and len(word) > 1:
        return canonical.upper()
    return canonical[:1].upper() + canonical[1:]


def index_spellings(texts: Sequence[str], variants: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Each of the words ``texts`` as the surface index spells names (accents folded, ``fold``, and
    in its canonical romanisation, ``canonical_spelling``), and that spelling in lower case."""
    folded = [text if text.isascii() else fold(text) for text in texts]  # (``fold`` keeps ASCII as it is)
    lowered = [word.lower() for word in folded]
    for i in [i for i, lower in enumerate(lowered) if lower in variants]:  # most words have no other
        folded[i] = canonical_spelling(folded[i], variants)  # romanisation: no call for them
        lowered[i] = folded[i].lower()
    return folded, lowered


def _load_office_organizations(
    path: Path, offices: Mapping[str, list[Office]], organizations: frozenset[str]
) -> dict[tuple[str, str], str]:
    """office_organizations.tsv: the curated organisation in which each stateless office of the
    office table is held; an office or organisation the curated tables do not know is an error
    naming its row."""
    table: dict[tuple[str, str], str] = {}
    for row in _rows(path, ("person_id", "role", "organization")):
        roles = {term.role for term in offices.get(row["person_id"], []) if term.country is None}
        if row["role"] not in roles or row["organization"] not in organizations:
            raise GazetteerError(f"{path}: unknown stateless office or organisation in row {row['person_id']!r}")
        table[(row["person_id"], row["role"])] = row["organization"]
    return table


def _load_organizations(path: Path) -> dict[str, Organization]:
    return {
        row["id"]: Organization(
            row["id"], row["name"], _split(row["aliases"]), row["type"], row["cameo"], row["country"] or None
        )
        for row in _rows(path, ("id", "name", "aliases", "type", "cameo", "country"))
    }


def _load_dated_persons(data_dir: Path, exclude: frozenset[str]) -> dict[str, DatedPerson]:
    """phoenix_persons.tsv with the codes of phoenix_person_codes.tsv; a code of an unknown
    person or with a malformed date is an error naming its line. Curated persons win."""
    persons_path, codes_path = data_dir / "phoenix_persons.tsv", data_dir / "phoenix_person_codes.tsv"
    if not persons_path.exists() and not codes_path.exists():
        return {}
    names = {
        row["person_id"]: (row["name"], _split(row["aliases"]))
        for row in _rows(persons_path, ("person_id", "name", "aliases"))
    }
    codes: dict[str, list[DatedCode]] = {}
    for number, row in enumerate(_rows(codes_path, ("person_id", "code", "start", "end")), start=2):
        if row["person_id"] not in names:
            raise GazetteerError(f"{codes_path}:{number}: unknown person_id {row['person_id']!r}")
        for column in ("start", "end"):
            if row[column] and not _ISO_DATE.fullmatch(row[column]):
                raise GazetteerError(f"{codes_path}:{number}: {column} must be an ISO date, got {row[column]!r}")
        if not _CODE.fullmatch(row["code"]):
            raise GazetteerError(f"{codes_path}:{number}: not a CAMEO actor code: {row['code']!r}")
        codes.setdefault(row["person_id"], []).append(DatedCode(row["code"], row["start"] or None, row["end"] or None))
    return {
        person_id: DatedPerson(person_id, name, aliases, tuple(codes[person_id]))
        for person_id, (name, aliases) in names.items()
        if person_id in codes and person_id not in exclude
    }


def _load_agents(path: Path) -> dict[str, Role]:
    """Agent nouns as group roles: "protesters" -> sector OPP (full code kept)."""
    if not path.exists():
        return {}
    agents = {}
    for number, row in enumerate(_rows(path, ("term", "code", "role")), start=2):
        if not _CODE.fullmatch(row["code"]):
            raise GazetteerError(f"{path}:{number}: not a CAMEO agent code: {row['code']!r}")
        agents[row["term"]] = Role(row["term"], "GROUP", row["code"][:3], row["role"], row["code"])
    return agents


_GEONAMES_PLACE_COLUMNS = ("name", "country", "population", "kind")  # tools/build_geonames_places.py


def _load_places(path: Path, countries: frozenset[str], columns: tuple[str, ...] = ("name", "country")
                 ) -> dict[str, str]:
    """Place name -> the ISO3 code of its state (further columns are documentation only)."""
    if not path.exists():
        return {}
    places = {}
    for number, row in enumerate(_rows(path, columns), start=2):
        if row["country"] not in countries:
            raise GazetteerError(f"{path}:{number}: unknown country {row['country']!r}")
        places[row["name"]] = row["country"]
    return places


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CODE = re.compile(r"[A-Z]{3}[A-Z0-9]*")


@dataclass(frozen=True)
class SurfaceIndex:
    """Surface forms as token tuples (accent-folded), for longest-match lookup in a Doc.
    ``entries`` match the text's case; ``caseless`` entries (Phoenix names) are keyed in lower
    case."""

    entries: Mapping[tuple[str, ...], tuple[Surface, ...]]
    longest: int
    caseless: Mapping[tuple[str, ...], tuple[Surface, ...]] = field(default_factory=dict)
    caseless_longest: int = 0
    # the longest key starting with each first word: a lookup at a word no key starts with is skipped
    longest_from: Mapping[str, int] = field(default_factory=dict)
    caseless_longest_from: Mapping[str, int] = field(default_factory=dict)

    @staticmethod
    def build(gazetteer: Gazetteer, tokenize: Callable[[str], list[str]]) -> SurfaceIndex:
        entries = _index(gazetteer.surfaces(), tokenize, lower=False, variants=gazetteer.name_variants)
        caseless = _index(gazetteer.caseless_surfaces(), tokenize, lower=True, variants=gazetteer.name_variants)
        return SurfaceIndex(
            entries,
            max((len(k) for k in entries), default=1),
            caseless,
            max((len(k) for k in caseless), default=0),
            _longest_from(entries),
            _longest_from(caseless),
        )

    def get(self, tokens: tuple[str, ...]) -> tuple[Surface, ...]:
        return self.entries.get(tokens, ())

    @cached_property
    def name_starts(self) -> frozenset[tuple[str, ...]]:
        """Every run of two or more words that a name of ``entries`` begins with (or is), built once."""
        return _multiword_starts(self.entries)

    @cached_property
    def first_words_lowered(self) -> frozenset[str]:
        """The first word of every name, of ``entries`` and ``caseless`` alike, in lower case: a word
        whose lower case is not among them begins no name in any case, built once."""
        return frozenset(word.lower() for word in self.longest_from) | frozenset(self.caseless_longest_from)

    @cached_property
    def caseless_name_starts(self) -> frozenset[tuple[str, ...]]:
        """Every run of two or more lower-case words that a ``caseless`` name begins with (or is)."""
        return _multiword_starts(self.caseless)

    def reach(self, folded: Sequence[str], lowered: Sequence[str], start: int, limit: int) -> int:
        """How many words from ``start`` (at most ``limit``) can hold a name: as many as still
        begin one, in the text's case (``folded``) or in lower case (``lowered``); no name there
        is longer, so a longest-match lookup need not try more words."""
        reach = min(1, limit)
        while reach < limit and (tuple(folded[start : start + reach + 1]) in self.name_starts
                                 or tuple(lowered[start : start + reach + 1]) in self.caseless_name_starts):
            reach += 1
        return reach

    def get_caseless(self, lowered: tuple[str, ...]) -> tuple[Surface, ...]:
        return self.caseless.get(lowered, ())


def _multiword_starts(entries: Iterable[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """The first two, three, ... words of every key, the key itself included."""
    return frozenset(key[:size] for key in entries for size in range(2, len(key) + 1))


def _longest_from(entries: Iterable[tuple[str, ...]]) -> dict[str, int]:
    """The length of the longest key starting with each first word."""
    longest: dict[str, int] = {}
    for key in entries:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return longest


def _article_bound(key: tuple[str, ...], surface: Surface) -> bool:
    """Whether a capital's name keeps its article: "The Valley" without it is the common noun of
    "the Jordan Valley", so only "The Valley" names Anguilla's capital."""
    return surface.kind is SurfaceKind.CAPITAL and len(key) == 2


def _index(
    surfaces: Iterable[tuple[str, Surface]], tokenize: Callable[[str], list[str]], lower: bool,
    variants: Mapping[str, str],
) -> dict[tuple[str, ...], tuple[Surface, ...]]:
    entries: dict[tuple[str, ...], list[Surface]] = {}
    words: dict[str, tuple[str, ...]] = {}

    def tokens(text: str) -> tuple[str, ...]:
        # The tokenizer splits at whitespace first and treats each chunk alone, so chunks are
        # tokenized once each (tens of thousands of names share their words).
        # The caseless (Phoenix) names skip the tokenizer for words of letters only: spaCy's
        # English tokenizer keeps such a word whole unless it is one of its special cases
        # ("cannot", "gonna"), which are not names; this keeps start-up near one second.
        found: list[str] = []
        for chunk in text.split():
            if chunk not in words:
                simple = lower and chunk.isalpha()
                found_words = (fold(chunk),) if simple else tuple(fold(t) for t in tokenize(chunk))
                words[chunk] = tuple(canonical_spelling(word, variants) for word in found_words)
            found.extend(words[chunk])
        return tuple(found)

    for text, surface in surfaces:
        for variant in {text, fold(text)}:
            key = tokens(variant)
            if lower:
                key = tuple(t.lower() for t in key)
            while key and key[0].lower() == "the" and not _article_bound(key, surface):
                key = key[1:]  # "the West" must not swallow the "West" of "the West Bank"
            if key and surface not in entries.setdefault(key, []):
                entries[key].append(surface)
    return {k: tuple(v) for k, v in entries.items()}

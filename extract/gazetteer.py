"""The actor gazetteer: countries, regions, organisations, office holders and role words.

Thin loaders over the TSV files in ``extract/data`` (documented in GAZETTEER.md) plus an index
from surface forms ("Orban", "Hungarian", "Budapest", "the Kremlin") to what they name.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

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
    """A role word: a person's title ("prime minister") or a group noun ("troops")."""

    term: str
    kind: str
    sector: str
    role: str


class SurfaceKind(StrEnum):
    COUNTRY = "country"
    DEMONYM = "demonym"
    CAPITAL = "capital"
    SEAT = "seat"
    REGION = "region"
    REGION_DEMONYM = "region_demonym"
    ORGANIZATION = "organization"
    PERSON = "person"


@dataclass(frozen=True)
class Surface:
    """What one surface form names: a kind and the key of the entry (iso3, org id, ...)."""

    kind: SurfaceKind
    key: str


def fold(text: str) -> str:
    """Strip accents and unify apostrophes so "Orbán" and "Orban" meet."""
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
        actor_type = ActorType.GROUP if org.type == "ARMED_GROUP" else ActorType.ORGANIZATION
        return Actor(f"org:{org.id}", org.name, actor_type, org.country, None, cameo=org.cameo, aliases=org.aliases)

    def person_actor(self, person_id: str, date: str | None) -> Actor:
        office = self.office_of(person_id, date)
        return Actor(
            f"person:{person_id}",
            office.name,
            ActorType.PERSON,
            office.country,
            "GOV",
            title=office.role,
            cameo=(office.country or "IGO") + "GOV",
            since=office.start,
            until=office.end,
            aliases=tuple(sorted({alias for term in self.offices[person_id] for alias in term.aliases})),
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
        for person_id, terms in self.offices.items():
            if any(t.country == country and t.role in roles and t.holds_on(date) for t in terms):
                found.append(person_id)
        return tuple(found)

    def surfaces(self) -> Iterable[tuple[str, Surface]]:
        """Every (surface form, what it names) pair, before tokenisation."""
        for iso3, country in self.countries.items():
            for name in (country.name, *country.aliases):
                yield name, Surface(SurfaceKind.COUNTRY, iso3)
            for name in country.demonyms:
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
            for name in (org.name, *org.aliases):
                yield name, Surface(SurfaceKind.ORGANIZATION, org_id)
        for person_id, terms in self.offices.items():
            names = {terms[0].name}
            for term in terms:
                names.update(term.aliases)
            for name in names:
                yield name, Surface(SurfaceKind.PERSON, person_id)


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
        row["code"]: Region(row["code"], row["name"], _split(row["aliases"]), _split(row["demonyms"]))
        for row in _rows(data_dir / "regions.tsv", ("code", "name", "aliases", "demonyms"))
    }
    organizations = {
        row["id"]: Organization(
            row["id"], row["name"], _split(row["aliases"]), row["type"], row["cameo"], row["country"] or None
        )
        for row in _rows(
            data_dir / "organizations.tsv", ("id", "name", "aliases", "type", "cameo", "country")
        )
    }
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
    return Gazetteer(
        countries=countries,
        regions=regions,
        organizations=organizations,
        offices={key: tuple(sorted(terms, key=lambda t: t.start)) for key, terms in offices.items()},
        roles=roles,
    )


@dataclass(frozen=True)
class SurfaceIndex:
    """Surface forms as token tuples (accent-folded), for longest-match lookup in a Doc."""

    entries: Mapping[tuple[str, ...], tuple[Surface, ...]]
    longest: int

    @staticmethod
    def build(gazetteer: Gazetteer, tokenize: Callable[[str], list[str]]) -> SurfaceIndex:
        entries: dict[tuple[str, ...], list[Surface]] = {}
        for text, surface in gazetteer.surfaces():
            for variant in {text, fold(text)}:
                key = tuple(fold(t) for t in tokenize(variant))
                while key and key[0].lower() == "the":
                    key = key[1:]  # "the West" must not swallow the "West" of "the West Bank"
                if key and surface not in entries.setdefault(key, []):
                    entries[key].append(surface)
        longest = max((len(k) for k in entries), default=1)
        return SurfaceIndex({k: tuple(v) for k, v in entries.items()}, longest)

    def get(self, tokens: tuple[str, ...]) -> tuple[Surface, ...]:
        return self.entries.get(tokens, ())

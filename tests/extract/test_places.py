"""Places from GeoNames (extract/data/geonames_places.tsv, tools/build_geonames_places.py).

Sentences written for these tests. Rules under test:
- a city the GeoNames file adds (and the Phoenix lists lack) stands for its state as the object
  of an event and locates an agent noun in its state ("police in X");
- a place matches only where the text writes it as a name: a lower-case word or a person's name
  that is spelt like a city is no place;
- a name the converter dropped as ambiguous (several states, none dominating) resolves to no state.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract.gazetteer import DATA_DIR, load_gazetteer
from extract.pipeline import Extractor
from graph.model import Extraction
from tests.extract.extracting import runner

DATE = "2024-06-10"


run = runner("test", DATE)


def dyads(extraction: Extraction) -> list[tuple[str, str, str]]:
    return [(e.subject.id, e.relation.name, e.object.id) for e in extraction.events]


def names(file: str) -> dict[str, str]:
    with (DATA_DIR / file).open(encoding="utf-8", newline="") as handle:
        return {row["name"]: row["country"] for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}


@pytest.fixture(scope="module")
def geonames() -> dict[str, str]:
    return names("geonames_places.tsv")


@pytest.fixture(scope="module")
def phoenix() -> dict[str, str]:
    return names("phoenix_places.tsv")


def test_the_gazetteer_loads_the_geonames_places_and_the_phoenix_ones_win(
    geonames: dict[str, str], phoenix: dict[str, str],
) -> None:
    places = load_gazetteer(Path(DATA_DIR)).places
    assert places["Dnipro"] == places["Odesa"] == places["Odessa"] == places["Kremenchuk"] == "UKR"
    assert not set(geonames) & set(phoenix)  # the converter dropped what Phoenix holds
    assert all(places[name] == iso3 for name, iso3 in phoenix.items())


def test_an_attack_on_cities_the_geonames_file_adds_targets_their_state(
    extractor: Extractor, geonames: dict[str, str], phoenix: dict[str, str],
) -> None:
    assert geonames["Lviv"] == geonames["Dnipro"] == "UKR" and not {"Lviv", "Dnipro"} & set(phoenix)
    result = run(extractor, "Russian missiles hit Lviv and Dnipro on Monday.")
    assert dyads(result) == [("country:RUS", "ATTACK", "country:UKR")]


def test_police_in_a_geonames_city_are_its_states_police(extractor: Extractor, geonames: dict[str, str]) -> None:
    assert geonames["Kharkiv"] == "UKR"
    result = run(extractor, "Police in Kharkiv arrested Chinese smugglers.")
    assert dyads(result) == [("group:ukr-cop", "ARREST", "group:chn-crm")]


def test_a_city_name_written_in_lower_case_is_no_place(extractor: Extractor, geonames: dict[str, str]) -> None:
    assert geonames["Van"] == "TUR"  # a Turkish city, and an English noun
    result = run(extractor, "Iraqi troops attacked a van on Tuesday.")
    assert not any(a.country == "TUR" for e in result.events for a in (e.subject, e.object))


def test_a_persons_name_spelt_like_a_city_is_no_place(extractor: Extractor, geonames: dict[str, str]) -> None:
    assert geonames["Aurora"] == "USA"
    result = run(extractor, "Kenyan police arrested Aurora Mwangi on Monday.")
    assert dyads(result) == [("group:ken-cop", "ARREST", "person:aurora-mwangi")]
    assert result.events[0].object.country is None


@pytest.mark.parametrize("city", ["Merida", "Anyang"])  # Mexico and Venezuela; China and South Korea
def test_a_name_dropped_as_ambiguous_resolves_to_no_state(
    extractor: Extractor, geonames: dict[str, str], phoenix: dict[str, str], city: str,
) -> None:
    assert city not in geonames and city not in phoenix
    result = run(extractor, f"Police in {city} arrested Chinese smugglers.")
    assert result.events == ()
    assert [d.reason.value for d in result.drops] == ["unqualified_agent"]

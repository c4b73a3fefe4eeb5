"""tools/build_region_members.py: region members from UN groupings given here, listed regions, and
the shipped regions.tsv it wrote."""

from __future__ import annotations

import csv

import pytest

from extract.gazetteer import load_gazetteer
from tools.build_region_members import LISTED, REGIONS, members

GROUPS = {
    "HND": {"region": "Americas", "subregion": "Latin America and the Caribbean"},
    "MEX": {"region": "Americas", "subregion": "Latin America and the Caribbean"},
    "CHN": {"region": "Asia", "subregion": "Eastern Asia"},
    "EGY": {"region": "Africa", "subregion": "Northern Africa"},
    "IRN": {"region": "Asia", "subregion": "Southern Asia"},
}
KNOWN = [*GROUPS, "ARM", "AZE", "GEO"]


def test_a_grouped_region_takes_the_states_of_its_un_groups() -> None:
    assert members("LAM", GROUPS, KNOWN) == ["HND", "MEX"]
    assert members("ASA", GROUPS, KNOWN) == ["CHN", "IRN"]


def test_a_grouped_region_adds_the_states_news_counts_in_it() -> None:
    assert members("MEA", GROUPS, KNOWN) == ["EGY", "IRN"]  # Northern Africa, and Iran added


def test_a_listed_region_takes_its_list_and_an_ungrouped_one_restricts_nothing() -> None:
    assert members("CAU", GROUPS, KNOWN) == sorted(LISTED["CAU"])
    assert members("WST", GROUPS, KNOWN) == []


def test_a_state_the_countries_file_lacks_is_refused() -> None:
    with pytest.raises(SystemExit, match=r"CAU lists states countries\.tsv lacks"):
        members("CAU", GROUPS, ["ARM"])


def test_the_shipped_members_are_states_of_the_gazetteer() -> None:
    gazetteer = load_gazetteer()
    with REGIONS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert {row["code"] for row in rows} == set(gazetteer.regions)
    for region in gazetteer.regions.values():
        assert region.members <= set(gazetteer.countries), region.code
    assert "HND" in gazetteer.regions["LAM"].members and "CHN" not in gazetteer.regions["LAM"].members

"""Fill the ``members`` column of extract/data/regions.tsv: the states each region is made of.

    pip install -e '.[gazetteer]' && python tools/build_region_members.py

A region's members let a description qualified by a region ("the Central American nation", "the
West African country") refer only to a state of that region. Membership comes from the UN's
standard country groupings (M49) as the pinned ``countryinfo`` package carries them (its
``region`` and ``subregion`` fields). M49 groups some regions news names more coarsely than news
does ("Sub-Saharan Africa" for West and East Africa) and has no Balkans, Caucasus or Middle East;
for those the states are listed below, each list following the M49 sub-region of that name where
one exists (Western, Eastern, Southern Africa; South America and the Caribbean in M49's
"Latin America and the Caribbean"). A region with no members ("the West") restricts nothing.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

REGIONS = Path(__file__).resolve().parents[1] / "extract" / "data" / "regions.tsv"
COLUMNS = ("code", "name", "aliases", "demonyms", "members")

#: Regions made of whole UN groupings: (field, value) pairs of countryinfo, any of which admits a state.
GROUPED: Mapping[str, tuple[tuple[str, str], ...]] = {
    "EUR": (("region", "Europe"),),
    "AFR": (("region", "Africa"),),
    "ASA": (("region", "Asia"),),
    "LAM": (("subregion", "Latin America and the Caribbean"),),
    "SAS": (("subregion", "Southern Asia"),),
    "SEA": (("subregion", "South-eastern Asia"),),
    "CAS": (("subregion", "Central Asia"),),
    "NAF": (("subregion", "Northern Africa"),),
    "MEA": (("subregion", "Western Asia"), ("subregion", "Northern Africa")),
}
#: States added to a grouped region that news counts in it and M49 places elsewhere.
ADDED: Mapping[str, tuple[str, ...]] = {
    "MEA": ("IRN",),  # M49 puts Iran in Southern Asia; news counts it in the Middle East
}
#: Regions M49 does not group as news names them: the states, by ISO 3166-1 alpha-3 code.
LISTED: Mapping[str, tuple[str, ...]] = {
    "BLK": ("ALB", "BIH", "BGR", "GRC", "HRV", "MKD", "MNE", "ROU", "SRB", "SVN", "XKX"),
    "CAU": ("ARM", "AZE", "GEO"),
    "SAF": ("BWA", "LSO", "NAM", "SWZ", "ZAF"),  # M49 Southern Africa
    "WAF": ("BEN", "BFA", "CIV", "CPV", "GHA", "GIN", "GMB", "GNB", "LBR", "MLI", "MRT", "NER", "NGA",
            "SEN", "SLE", "TGO"),  # M49 Western Africa
    "EAF": ("BDI", "COM", "DJI", "ERI", "ETH", "KEN", "MDG", "MOZ", "MUS", "MWI", "RWA", "SOM", "SSD",
            "SYC", "TZA", "UGA", "ZMB", "ZWE"),  # M49 Eastern Africa
    "SCN": ("DNK", "NOR", "SWE"),
    "SAM": ("ARG", "BOL", "BRA", "CHL", "COL", "ECU", "GUY", "PER", "PRY", "SUR", "URY", "VEN"),  # M49 South America
    "NMR": ("CAN", "MEX", "USA"),
    "CRB": ("ATG", "BHS", "BRB", "CUB", "DMA", "DOM", "GRD", "HTI", "JAM", "KNA", "LCA", "TTO", "VCT"),
}


def un_groups() -> dict[str, dict[str, str]]:
    """Each state's countryinfo ``region`` and ``subregion``, by ISO alpha-3 code."""
    groups: dict[str, dict[str, str]] = {}
    for country in pycountry.countries:
        try:
            info = CountryInfo(country.alpha_2).info()
        except (KeyError, ValueError):  # countryinfo lacks a few territories
            continue
        groups[country.alpha_3] = {"region": info.get("region") or "", "subregion": info.get("subregion") or ""}
    return groups


def members(code: str, groups: Mapping[str, Mapping[str, str]], known: Iterable[str]) -> list[str]:
    """The member states of region ``code`` among ``known`` ISO codes, sorted."""
    known = frozenset(known)
    if code in LISTED:
        chosen = set(LISTED[code])
    else:
        admitted = GROUPED.get(code, ())
        chosen = {iso3 for iso3, fields in groups.items() if any(fields[f] == v for f, v in admitted)}
        chosen |= set(ADDED.get(code, ()))
    unknown = chosen - known
    if unknown:
        raise SystemExit(f"{REGIONS}: region {code} lists states countries.tsv lacks: {sorted(unknown)}")
    return sorted(chosen)


def main() -> None:
    with REGIONS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    countries_path = REGIONS.with_name("countries.tsv")
    with countries_path.open(encoding="utf-8", newline="") as handle:
        known = [row["iso3"] for row in csv.DictReader(handle, delimiter="\t")]
    groups = un_groups()
    for row in rows:
        row["members"] = "|".join(members(row["code"], groups, known))
    with REGIONS.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writeheader()
        writer.writerows({column: row.get(column, "") for column in COLUMNS} for row in rows)
    counts = ", ".join(f"{row['code']} {len(row['members'].split('|')) if row['members'] else 0}" for row in rows)
    print(f"wrote {REGIONS}: members per region: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()

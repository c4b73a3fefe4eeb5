from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from extract.gazetteer import GazetteerError, SurfaceKind, fold, load_gazetteer


def test_every_iso_country_with_names_demonyms_and_capitals() -> None:
    gazetteer = load_gazetteer()
    assert len(gazetteer.countries) >= 240
    hungary = gazetteer.countries["HUN"]
    assert hungary.name == "Hungary"
    assert "Hungarian" in hungary.demonyms
    assert "Budapest" in hungary.capitals
    assert "Kremlin" in gazetteer.countries["RUS"].seats
    assert "Washington" in gazetteer.countries["USA"].capitals
    assert "XKX" in gazetteer.countries


def test_no_surface_form_names_two_different_countries() -> None:
    gazetteer = load_gazetteer()
    owners: dict[str, set[str]] = defaultdict(set)
    for text, surface in gazetteer.surfaces():
        if surface.kind in (SurfaceKind.COUNTRY, SurfaceKind.DEMONYM, SurfaceKind.CAPITAL, SurfaceKind.SEAT):
            owners[fold(text)].add(surface.key)
    clashes = {text: keys for text, keys in owners.items() if len(keys) > 1}
    assert clashes == {}


def test_office_holders_reference_known_countries_and_have_dates() -> None:
    gazetteer = load_gazetteer()
    for person_id, terms in gazetteer.offices.items():
        for term in terms:
            assert term.country is None or term.country in gazetteer.countries, (person_id, term.country)
            assert len(term.start) == 10 and (term.end is None or term.end >= term.start), person_id
    orban = gazetteer.person_actor("viktor-orban", "2023-10-19")
    assert (orban.name, orban.country, orban.title) == ("Viktor Orbán", "HUN", "prime minister")


def test_office_holders_at_a_date() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.holders("RUS", frozenset({"president"}), "2023-10-19") == ("vladimir-putin",)
    assert "viktor-orban" in gazetteer.holders("HUN", frozenset({"prime minister"}), "2023-10-19")
    assert gazetteer.holders("HUN", frozenset({"prime minister"}), None) == ()


def test_organizations_are_their_own_actors() -> None:
    gazetteer = load_gazetteer()
    nato = gazetteer.organization_actor("nato")
    assert nato.id == "org:nato" and nato.country is None
    assert nato.cameo is not None and nato.cameo.startswith("IGO")
    assert gazetteer.organization_actor("eu").cameo.startswith("IGO")  # type: ignore[union-attr]


def test_malformed_file_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "countries.tsv").write_text(
        "iso3\tiso2\tname\taliases\tdemonyms\tcapitals\tseats\nHUN\tHU\tHungary\n", encoding="utf-8"
    )
    with pytest.raises(GazetteerError, match=r"countries.tsv:2: expected 7 columns, got 3"):
        load_gazetteer(tmp_path)

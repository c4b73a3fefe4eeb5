"""tools/build_phoenix.py on a small fixture written in the Phoenix format (never ../shared)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "extract" / "data"

COUNTRIES = """\
# header comment
KENYA_  [KEN]
+KENIA_
+MOMBASA_
+KISUMU
+KISUMU_LATIN1_
+NAIROBI_
+GEORGIA_

# National Institutions
SUPREME_COURT_
	[KENJUD]
KENYAN_SUPREME_COURT_
	[KENJUD]
KENYA_DEFENCE_FORCES
+KDF_
\t[KENMIL]

JOMO_TESTPERSON_WANJIRU_  # CountryInfo.txt
+PRESIDENT_WANJIRU_
+WANJIRU_
\t[KENELI 600101-781231]
\t[KENGOV 790101-020101]
\t[KENELI]
AMINA_TESTPERSON_ODHIAMBO_
\t[KENGOVMED >100701]
\t[KENGOV 2004017-050101]
VIKTOR_ORBAN_
\t[HUNGOV 980706-020527]
"""

INTERNATIONAL = """\
THE_TESTLAND_RELIEF_ALLIANCE_ [NGOHLH]
+TRA_
RAFAEL_TESTMEDIATOR_  [IGOUNO 070101-101231] [ELI]
"""

NONSTATE = """\
TESTLAND_LIBERATION_FRONT_(TLF)_ [KENREB] #  kkl 21 Mar 13
+TLF_FIGHTERS_
"""

AGENTS = """\
# agents
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
DEMONSTRATOR [~OPP]
PICKETER [~OPP]
FISHER!PERSON! [~AGR]
THIEF {THIEVES} [~CRM]
AMBASSADOR_TO {} [~GOV]
TROOPS [~MIL]
INFORMATION_!MINIST! [~GOVMED]
"""


def write_fixture(folder: Path) -> None:
    folder.mkdir()
    # one line in Latin-1, as in the real file (not valid UTF-8)
    data = COUNTRIES.encode("utf-8").replace(b"+KISUMU_LATIN1_", b"+KISUMU_CIT\xc9_")
    (folder / "Phoenix.Countries.actors.txt").write_bytes(data)
    (folder / "Phoenix.International.actors.txt").write_text(INTERNATIONAL, encoding="utf-8")
    (folder / "Phoenix.MilNonState.actors.txt").write_text(NONSTATE, encoding="utf-8")
    (folder / "Phoenix.agents.txt").write_text(AGENTS, encoding="utf-8")
    (folder / "LICENSE").write_text("The MIT License (MIT)\nCopyright (c) 2014 Open Event Data Alliance\n")


def convert(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_phoenix.py"), "--source", str(source), "--out", str(out),
         "--curated", str(CURATED)],
        capture_output=True, text=True, check=True, timeout=300,
    )


def rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    base = tmp_path_factory.mktemp("phoenix")
    write_fixture(base / "source")
    return base / "out", convert(base / "source", base / "out")


def test_persons_get_readable_names_and_keep_dated_codes(
    converted: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, _ = converted
    persons = {row[0]: row for row in rows(out / "phoenix_persons.tsv")}
    # "PRESIDENT_WANJIRU_" (title before the name) and "WANJIRU_" (one word) are dropped
    assert persons["jomo-testperson-wanjiru"] == ["jomo-testperson-wanjiru", "Jomo Testperson Wanjiru", ""]
    codes = [row for row in rows(out / "phoenix_person_codes.tsv") if row[0] == "jomo-testperson-wanjiru"]
    assert sorted(codes) == [
        ["jomo-testperson-wanjiru", "KENELI", "", ""],
        ["jomo-testperson-wanjiru", "KENELI", "1960-01-01", "1978-12-31"],
        ["jomo-testperson-wanjiru", "KENGOV", "1979-01-01", "2002-01-01"],
    ]
    # ">100701" is an open start; the malformed "2004017" is skipped and counted
    odhiambo = [row for row in rows(out / "phoenix_person_codes.tsv") if row[0] == "amina-testperson-odhiambo"]
    assert odhiambo == [["amina-testperson-odhiambo", "KENGOVMED", "2010-07-01", ""]]
    # an international official with a dated code and a default
    assert ["rafael-testmediator", "IGOUNO", "2007-01-01", "2010-12-31"] in rows(out / "phoenix_person_codes.tsv")


def test_curated_rows_win_and_conflicts_are_reported(
    converted: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, done = converted
    assert "viktor-orban" not in {row[0] for row in rows(out / "phoenix_persons.tsv")}
    conflicts = rows(out / "phoenix_conflicts.tsv")
    assert ["person name in office_holders.tsv", "Viktor Orban", "same country", "viktor-orban"] in conflicts
    # Georgia is a curated country: not a Kenyan place
    assert ["place is a curated name of another state", "Georgia", "KEN", "GEO"] in conflicts
    # "troops" is a curated role word: the curated row wins
    assert "troops" not in {row[0] for row in rows(out / "phoenix_agents.tsv")}
    assert "conflict: person name in office_holders.tsv" in done.stderr
    assert "code with a malformed date skipped" in done.stderr


def test_organizations_places_and_agents(converted: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, _ = converted
    orgs = {row[1]: row for row in rows(out / "phoenix_organizations.tsv")}
    assert orgs["Testland Relief Alliance"][2:] == ["TRA", "NGO", "NGOHLH", ""]
    front = orgs["Testland Liberation Front"]
    assert "TLF" in front[2].split("|") and front[3:] == ["ARMED_GROUP", "KENREB", "KEN"]
    assert orgs["Kenya Defence Forces"][3:] == ["STATE_BODY", "KENMIL", "KEN"]
    # an institution named in ordinary words without its state could be any state's
    assert "Supreme Court" not in orgs and orgs["Kenyan Supreme Court"][3:] == ["STATE_BODY", "KENJUD", "KEN"]
    places = dict((name, iso3) for name, iso3 in rows(out / "phoenix_places.tsv"))
    assert places["Mombasa"] == "KEN" and places["Kisumu"] == "KEN"
    assert "Nairobi" not in places  # a curated capital of Kenya
    assert places["Kisumu Cit\u00e9"] == "KEN"  # the Latin-1 line decoded, not an error
    agents = {row[0]: row for row in rows(out / "phoenix_agents.tsv")}
    assert agents["picketer"] == ["picketer", "OPP", "opposition"]  # the curated role of the sector
    assert agents["picketers"] == ["picketers", "OPP", "opposition"]  # regular plural added
    assert "demonstrators" not in agents  # a curated role word (same sector: no conflict)
    assert agents["thieves"][1] == "CRM" and "thiefs" not in agents  # the file's plural, no invented one
    assert {"fisherman", "fishermen", "fisherwoman", "fisherwomen"} <= set(agents)  # !PERSON! expanded
    assert "fishermens" not in agents and "troopses" not in agents
    assert agents["information minister"][1] == "GOVMED"
    assert "ambassador to" not in agents  # ends in a preposition: not a noun phrase


def test_second_run_writes_the_same_bytes(
    converted: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path,
) -> None:
    out, _ = converted
    source = out.parent / "source"
    convert(source, tmp_path / "again")
    for path in sorted(out.iterdir()):
        assert (tmp_path / "again" / path.name).read_bytes() == path.read_bytes(), path.name
    assert (out / "LICENSE-OEDA.txt").read_text().count("MIT") >= 2


def test_missing_source_file_is_one_line_naming_it(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_phoenix.py"), "--source", str(tmp_path), "--out",
         str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == f"build_phoenix: {tmp_path / 'Phoenix.Countries.actors.txt'}: no such file"

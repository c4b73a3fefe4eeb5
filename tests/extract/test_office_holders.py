"""The curated office table (extract/data/office_holders.tsv) checked row by row: known states
and roles, dates in order, one name per person id, and no two heads of one state's office at
once beyond a month (the hand-over slack), save the shared offices listed in
office_holder_overlaps.tsv (pairs of holders whose terms truly overlap)."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from extract.gazetteer import DATA_DIR, load_gazetteer

HEAD_ROLES = frozenset({"president", "prime minister", "chancellor", "king", "supreme leader"})
SLACK_DAYS = 31

Row = Mapping[str, str]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _day(text: str) -> date:
    return date.fromisoformat(text)


def office_problems(
    rows: Sequence[Row], countries: frozenset[str], roles: frozenset[str], shared: frozenset[tuple[str, str, str, str]]
) -> list[str]:
    """Every breach of the table's rules, one line each (empty: the table is sound)."""
    problems: list[str] = []
    names: dict[str, str] = {}
    heads: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for number, row in enumerate(rows, start=2):
        where = f"line {number} {row['person_id']}"
        if row["country"] and row["country"] not in countries:
            problems.append(f"{where}: unknown ISO code {row['country']!r}")
        if row["role"] not in roles:
            problems.append(f"{where}: unknown role {row['role']!r}")
        try:
            start = _day(row["start"])
            if row["end"] and _day(row["end"]) < start:
                problems.append(f"{where}: ends {row['end']} before it starts {row['start']}")
        except ValueError:
            problems.append(f"{where}: a date is not YYYY-MM-DD: {row['start']!r} {row['end']!r}")
            continue
        if names.setdefault(row["person_id"], row["name"]) != row["name"]:
            problems.append(f"{where}: name {row['name']!r}, elsewhere {names[row['person_id']]!r}")
        if row["country"] and row["role"] in HEAD_ROLES:
            heads[(row["country"], row["role"])].append(row)
    for (country, role), terms in heads.items():
        problems.extend(_overlaps(country, role, terms, shared))
    return problems


def _overlaps(
    country: str, role: str, terms: Iterable[Row], shared: frozenset[tuple[str, str, str, str]]
) -> list[str]:
    """Two different holders of one head office whose terms share more than the slack and are
    not a listed pair."""
    found = []
    ordered = sorted(terms, key=lambda row: row["start"])
    for index, first in enumerate(ordered):
        first_end = _day(first["end"]) if first["end"] else date.max
        for second in ordered[index + 1:]:
            pair = {first["person_id"], second["person_id"]}
            if len(pair) == 1 or any(
                (country, role) == (c, r) and pair == {a, b} for c, r, a, b in shared
            ):
                continue
            second_end = _day(second["end"]) if second["end"] else date.max
            shared_days = (min(first_end, second_end) - _day(second["start"])).days
            if shared_days > SLACK_DAYS:
                found.append(f"{country} {role}: {first['person_id']} and {second['person_id']} overlap "
                             f"{shared_days} days from {second['start']}")
    return found


def _table() -> tuple[
    list[dict[str, str]], frozenset[str], frozenset[str], frozenset[tuple[str, str, str, str]]
]:
    """The table, the known states, the known roles (the canonical titles of roles.tsv, the
    Phoenix agent nouns such as "army chief", the offices of office_organizations.tsv) and the
    listed overlapping pairs."""
    gazetteer = load_gazetteer()
    rows = _read(DATA_DIR / "office_holders.tsv")
    roles = frozenset(
        {role.role for role in gazetteer.roles.values() if role.kind == "TITLE"}
        | set(gazetteer.agents)
        | {row["role"] for row in _read(DATA_DIR / "office_organizations.tsv")}
    )
    shared = frozenset(
        (row["country"], row["role"], row["first"], row["second"])
        for row in _read(DATA_DIR / "office_holder_overlaps.tsv")
    )
    return rows, frozenset(gazetteer.countries), roles, shared


def test_the_office_table_breaks_none_of_its_rules() -> None:
    rows, countries, roles, shared = _table()
    assert office_problems(rows, countries, roles, shared) == []


def test_the_checker_finds_each_kind_of_breach() -> None:
    _, countries, roles, _ = _table()
    row = {"person_id": "a", "name": "A", "aliases": "", "role": "president", "country": "KEN",
           "start": "2013-04-09", "end": "2022-09-13"}
    bad = [
        {**row, "country": "XYZ"},
        {**row, "role": "grand vizier"},
        {**row, "end": "2012-01-01"},
        {**row, "name": "B"},
        {**row, "person_id": "b", "name": "B", "start": "2020-01-01", "end": ""},
    ]
    problems = office_problems(bad, countries, roles, frozenset())
    assert [p.split(": ", 1)[1].split(" ")[0] for p in problems] == [
        "unknown", "unknown", "ends", "name", "a",
    ], problems
    # a hand-over inside the slack, the same person twice and a listed shared office are sound
    successor = {**row, "person_id": "b", "name": "B", "start": "2022-08-20", "end": ""}
    sound = [row, successor, {**row, "start": "2014-01-01"}]
    assert office_problems(sound, countries, roles, frozenset()) == []
    assert office_problems([*bad[4:], row], countries, roles, frozenset({("KEN", "president", "b", "a")})) == []

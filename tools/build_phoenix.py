"""Convert the OEDA Phoenix actor dictionaries into geokg gazetteer files in extract/data.

    .venv/bin/python tools/build_phoenix.py                    # ../shared/knowledge/oeda-dictionaries
    .venv/bin/python tools/build_phoenix.py --source DIR --out DIR --curated DIR

Reads Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt and Phoenix.agents.txt (MIT, Open Event Data Alliance) and writes
phoenix_persons.tsv, phoenix_person_codes.tsv, phoenix_organizations.tsv, phoenix_agents.tsv,
phoenix_places.tsv (documented in extract/data/GAZETTEER.md), LICENSE-OEDA.txt and
phoenix_conflicts.tsv (what the curated files overrode). Sorted and deterministic: a second run
writes the same bytes. The product reads only the written files, never the source folder.

Conversion rules (each a rule of the format or of English, none fitted to a sentence):
- ALL_CAPS_UNDERSCORE names become readable names ("ABU_NIDAL_ORGANIZATION" -> "Abu Nidal
  Organization"); a parenthesised acronym becomes an alias.
- Dated codes are kept: ``[AFGGOV 700424-940722]``, ``>YYMMDD`` (from), ``<YYMMDD`` (until); a
  two-digit year below 20 is 20YY, else 19YY. A code without a date is the person's default.
- Person aliases that put a title before the name ("PRESIDENT_KARZAI") and one-word person
  names are dropped: a lone surname or given name is ambiguous until the article names the
  person in full (the resolver then maps the surname to that person).
- Single-word organisation and place names that are ordinary lower-case English words (in
  spaCy's English lemma tables) are dropped.
- The curated files win: a Phoenix name that is a curated country name, demonym, capital, seat,
  organisation or person name is dropped, and a Phoenix agent that is a curated role word is
  dropped; each such case is one row of phoenix_conflicts.tsv and counted on standard error.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "knowledge" / "oeda-dictionaries"
DEFAULT_OUT = ROOT / "extract" / "data"

COUNTRY_FILE = "Phoenix.Countries.actors.txt"
INTERNATIONAL_FILE = "Phoenix.International.actors.txt"
NONSTATE_FILE = "Phoenix.MilNonState.actors.txt"
AGENTS_FILE = "Phoenix.agents.txt"

# Nouns that make a name an institution rather than a person (general English).
_INSTITUTION_TEXT = """
academy administration agency alliance army assembly association authority bank battalion board brigade
brigades bureau cabinet cell cells center centre chamber church coalition command commission committee
company conference confederation congress corporation corps council court courts department directorate
division embassy faction federation force forces foundation front fund government group groups guard
guards institute international league legion liberation militia ministry mission movement network
nations office organisation organization organizations parliament party police programme program
regiment republic secretariat senate service services society squad squadron tribunal union unit
university watch wing workers
"""
INSTITUTION_WORDS = frozenset(_INSTITUTION_TEXT.split())

# Words an agent term may not end with: "AMBASSADOR_TO", "EMBASSY_IN" are not noun phrases.
_FUNCTION_WORDS = frozenset({"to", "in", "of", "for", "at", "on", "from", "with", "by", "and", "the", "a"})

# Sectors whose one-word agent nouns are titles before a name ("Rebel X"); not CVL ("Hunter X").
_TITLE_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "OPP", "CRM", "UAF", "SPY", "JUD", "LEG", "ELI", "IGO"})

# Small words kept lower case inside a readable name.
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "del", "la", "le", "du", "des", "da", "y"})


@dataclass(frozen=True)
class DatedCode:
    """One CAMEO actor code with the dates it holds (ISO dates, None = open)."""

    code: str
    start: str | None
    end: str | None


@dataclass
class Entry:
    """One actor of a Phoenix file: its primary name, aliases and codes."""

    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)


# -- reading ----------------------------------------------------------------------------------
def decode_lines(data: bytes) -> list[str]:
    """The file's lines, each decoded as UTF-8 or, failing that, Latin-1."""
    lines = []
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("latin-1"))
    return [line.rstrip("\r") for line in lines]


def phoenix_date(text: str) -> str | None:
    """YYMMDD or YYYYMMDD as an ISO date; None when malformed."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        century = "20" if int(text[:2]) < 20 else "19"
        text = century + text
    year, month, day = text[:4], text[4:6], text[6:]
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    return f"{year}-{month}-{day}"


def parse_code(text: str) -> DatedCode | None:
    """``CODE``, ``CODE a-b``, ``CODE >a`` or ``CODE <b``; None when the date is malformed."""
    parts = text.split(None, 1)
    if not parts or not re.fullmatch(r"[A-Z0-9~]+", parts[0]):
        return None
    code = parts[0]
    if len(parts) == 1:
        return DatedCode(code, None, None)
    span = parts[1].replace(" ", "")
    if span.startswith(">"):
        start = phoenix_date(span[1:])
        return DatedCode(code, start, None) if start else None
    if span.startswith("<"):
        end = phoenix_date(span[1:])
        return DatedCode(code, None, end) if end else None
    if "-" in span:
        first, _, last = span.partition("-")
        start, end = phoenix_date(first), phoenix_date(last)
        if start and end and start <= end:
            return DatedCode(code, start, end)
    return None


def parse_actor_file(lines: Sequence[str], malformed: Counter[str], source: str) -> list[Entry]:
    """Entries of a Phoenix actor file. A name line starts an entry, ``+`` lines add aliases to
    it, ``[...]`` code lines (indented, or on the name line) add codes; consecutive names
    written before any code line share the codes that follow them."""
    entries: list[Entry] = []
    block: list[Entry] = []  # the names the next code lines belong to
    block_has_codes = False
    for number, line in enumerate(lines, start=1):
        text = line.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        codes: list[DatedCode] = []
        for raw in re.findall(r"\[([^\]]*)\]", text):
            code = parse_code(raw.strip())
            if code is None:
                malformed[f"{source}: code with a malformed date skipped"] += 1
            else:
                codes.append(code)
        head = re.sub(r"\[[^\]]*\]", " ", text).strip()
        if head.startswith("+"):
            if block:
                block[-1].aliases.extend(a.strip() for a in head.split("+") if a.strip())
        elif head:
            entry = Entry(head, number)
            entries.append(entry)
            if codes or block_has_codes:
                block, block_has_codes = [], False
            block.append(entry)
        for entry in block:
            entry.codes.extend(codes)
        block_has_codes = block_has_codes or bool(codes)
    return [e for e in entries if e.codes]


# -- names ------------------------------------------------------------------------------------
def _readable_word(word: str, first: bool) -> str:
    lower = word.lower()
    if not first and lower in _SMALL_WORDS:
        return lower
    if word[:1].isdigit():
        return lower  # 1st, 1920s
    if "." in word or not re.search(r"[AEIOUaeiou]", word) or re.search(r"\d", word):
        return word  # acronyms: U.N., PKK, G8
    parts = []
    pieces = re.split(r"(-|')", lower)
    for index, part in enumerate(pieces):
        if part in ("-", "'"):
            parts.append(part)
        elif index >= 2 and pieces[index - 1] == "'" and len(pieces[index - 2]) > 1:
            parts.append(part)  # "Lowe's", but "O'Brien", "D'Alene"
        elif part.startswith("mc") and len(part) > 2:
            parts.append("Mc" + part[2:].capitalize())
        else:
            parts.append(part.capitalize())
    return "".join(parts)


def readable(raw: str) -> tuple[str, tuple[str, ...]]:
    """A readable name and the acronyms in parentheses: "ISLAMIC_ARMY_OF_ADEN_(IAA)_" ->
    ("Islamic Army of Aden", ("IAA",))."""
    text = raw.strip().strip("_").replace("_", " ")
    acronyms = tuple(a.strip() for a in re.findall(r"\(([^)]*)\)", text) if a.strip())
    text = re.sub(r"\([^)]*\)", " ", text)
    words = [w for w in re.split(r"\s+", text) if w]
    name = " ".join(_readable_word(w, i == 0) for i, w in enumerate(words))
    return name, acronyms


def fold_key(text: str) -> str:
    """Accent-, case- and apostrophe-folded form used to compare names."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().split())


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", fold_key(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "unnamed"


# -- curated knowledge ------------------------------------------------------------------------
@dataclass(frozen=True)
class Curated:
    """What the project's curated files already name, folded, with what they name."""

    country_surfaces: dict[str, str]  # folded surface -> iso3
    org_surfaces: dict[str, str]  # folded surface -> org id
    person_surfaces: dict[str, str]  # folded surface -> person id
    person_countries: dict[str, set[str]]  # person id -> countries
    org_codes: dict[str, str]  # org id -> cameo
    countries: frozenset[str]
    role_terms: dict[str, str]  # term -> sector
    sector_roles: dict[str, str]  # sector -> canonical role of the first curated group noun
    title_words: frozenset[str]


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:] if line]


def load_curated(data_dir: Path) -> Curated:
    country_surfaces: dict[str, str] = {}
    for row in read_tsv(data_dir / "countries.tsv"):
        for column in ("name", "aliases", "demonyms", "capitals", "seats"):
            for name in row[column].split("|"):
                if name:
                    country_surfaces.setdefault(fold_key(name), row["iso3"])
    for row in read_tsv(data_dir / "regions.tsv"):
        for column in ("name", "aliases", "demonyms"):
            for name in row[column].split("|"):
                if name:
                    country_surfaces.setdefault(fold_key(name), row["code"])
    org_surfaces: dict[str, str] = {}
    org_codes: dict[str, str] = {}
    for row in read_tsv(data_dir / "organizations.tsv"):
        org_codes[row["id"]] = row["cameo"]
        for name in [row["name"], *row["aliases"].split("|")]:
            if name:
                org_surfaces.setdefault(fold_key(name.removeprefix("the ").removeprefix("The ")), row["id"])
    person_surfaces: dict[str, str] = {}
    person_countries: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv(data_dir / "office_holders.tsv"):
        person_countries[row["person_id"]].add(row["country"] or "IGO")
        for name in [row["name"], *row["aliases"].split("|")]:
            if name:
                person_surfaces.setdefault(fold_key(name), row["person_id"])
    role_terms = {row["term"]: row["sector"] for row in read_tsv(data_dir / "roles.tsv")}
    sector_roles: dict[str, str] = {}
    for row in read_tsv(data_dir / "roles.tsv"):
        if row["kind"] == "GROUP":
            sector_roles.setdefault(row["sector"], row["role"])
    title_words = frozenset(
        word
        for row in read_tsv(data_dir / "roles.tsv")
        if row["kind"] == "TITLE"
        for word in row["term"].split()
    ) | {"secretary-general", "general", "chairman", "spokesman", "acting", "former", "minister", "mr", "mrs",
         "dr", "sir", "gen", "col", "lt", "maj", "capt", "adm", "sen", "rep", "gov", "mayor", "governor",
         "ambassador", "envoy", "chief", "head", "director", "commander", "secretary", "pope", "cardinal",
         "bishop", "rev", "imam", "ayatollah", "mullah", "sheik", "sheikh", "emir", "king", "queen", "prince"}
    return Curated(
        country_surfaces, org_surfaces, person_surfaces, dict(person_countries), org_codes,
        frozenset(row["iso3"] for row in read_tsv(data_dir / "countries.tsv")), role_terms, sector_roles,
        title_words,
    )


# -- conversion -------------------------------------------------------------------------------
@dataclass
class Report:
    """A converter's counts and its conflict rows (kind, source name, detail, winner), written
    beside its output; ``label`` heads each conflict's count ("conflict: <kind>")."""

    label: str = "conflict"
    counts: Counter[str] = field(default_factory=Counter)
    conflicts: set[tuple[str, str, str, str]] = field(default_factory=set)

    def conflict(self, kind: str, name: str, detail: str, winner: str) -> None:
        self.counts[f"{self.label}: {kind}"] += 1
        self.conflicts.add((kind, name, detail, winner))

    def print_to_stderr(self, conflicts_file: Path | None) -> None:
        """The counts, one per line, and where the conflict rows are (a converter that writes
        none passes None)."""
        for key, count in sorted(self.counts.items()):
            print(f"{count:7d}  {key}", file=sys.stderr)
        if conflicts_file is not None:
            print(f"conflicts listed in {conflicts_file}", file=sys.stderr)


def is_person(entry: Entry, name: str, english: frozenset[str], curated: Curated, source: str) -> bool:
    """A Phoenix entry is a person when its name has no institution word and either has a dated
    code or (outside the armed-groups file, which lists groups) is two to five words, not all
    of them ordinary English words ("Doctors Without Borders") and naming no state
    ("Greenpeace Hong Kong")."""
    words = [w.lower() for w in re.split(r"[\s\-]+", name) if w]
    if set(words) & INSTITUTION_WORDS or re.search(r"\d", name):
        return False
    if any(c.start or c.end for c in entry.codes):
        return True
    if source == "nonstate":
        return False
    plain = fold_key(name).split()
    spans = (" ".join(plain[i:j]) for i in range(len(plain)) for j in range(i + 1, len(plain) + 1))
    names_state = any(span in curated.country_surfaces for span in spans)
    content = [w for w in words if w not in _SMALL_WORDS and w.isalpha()]
    return 2 <= len(words) <= 5 and not names_state and not all(is_word(w, english) for w in content)


def title_led(name: str, title_words: frozenset[str]) -> bool:
    """ "President Karzai", "UN Secretary-General Ban Ki-Moon": a title word before the last
    word (a title as the final word is a surname: "Martin Luther King")."""
    words = [w.lower().strip(".") for w in name.split()]
    return any(w in title_words for w in words[:-1]) or any(
        w.isupper() and len(w) <= 4 for w in name.split()[:-1] if w.isalpha()
    )


def person_names(entry: Entry, curated: Curated, report: Report) -> list[str]:
    """Readable names of a person entry, title-led and one-word names dropped."""
    names: list[str] = []
    for raw in [entry.name, *entry.aliases]:
        name, _ = readable(raw)
        if len(name.split()) < 2:
            report.counts["person alias dropped: one word"] += 1
            continue
        if title_led(name, curated.title_words):
            report.counts["person alias dropped: title before the name"] += 1
            continue
        if name not in names:
            names.append(name)
    return names


def country_of(code: str, countries: frozenset[str]) -> str:
    return code[:3] if code[:3] in countries else ""


def convert_persons(
    entries: Iterable[tuple[Entry, list[str]]], curated: Curated, report: Report, org_names: frozenset[str]
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str, str]]]:
    """Persons and their dated codes; a name shared by persons of different countries is
    ambiguous and dropped, persons the curated table knows are dropped, and so are person
    aliases that name an organisation ("Al-Qaeda in Iraq" under its leader)."""
    by_slug: dict[str, list[tuple[Entry, list[str]]]] = defaultdict(list)
    for entry, names in entries:
        by_slug[slug(names[0])].append((entry, names))
    persons: list[tuple[str, str, str]] = []
    codes: list[tuple[str, str, str, str]] = []
    owners: dict[str, set[str]] = defaultdict(set)
    for person_id, group in by_slug.items():
        for _, names in group:
            for name in names:
                owners[fold_key(name)].add(person_id)
    for person_id, group in sorted(by_slug.items()):
        countries = {c.code[:3] for entry, _ in group for c in entry.codes}
        if len(countries) > 1 and len({e.name for e, _ in group}) > 1:
            report.counts["person dropped: one name, persons of several countries"] += 1
            continue
        names: list[str] = []
        for _, entry_names in group:
            names.extend(n for n in entry_names if n not in names)
        kept = []
        for name in names:
            key = fold_key(name)
            if key in curated.person_surfaces:
                curated_id = curated.person_surfaces[key]
                phoenix_countries = ",".join(sorted(countries))
                curated_countries = ",".join(sorted(curated.person_countries.get(curated_id, set())))
                detail = "same country" if set(phoenix_countries.split(",")) & set(curated_countries.split(",")) \
                    else f"phoenix {phoenix_countries} / curated {curated_countries}"
                report.conflict("person name in office_holders.tsv", name, detail, curated_id)
                continue
            if key in curated.country_surfaces or key in curated.org_surfaces:
                report.conflict("person name is a curated country/organisation name", name, "dropped",
                                curated.country_surfaces.get(key) or curated.org_surfaces.get(key, ""))
                continue
            if key in org_names:
                report.counts["person alias dropped: also an organisation name"] += 1
                continue
            if len(owners[key]) > 1:
                report.counts["person alias dropped: names several persons"] += 1
                continue
            kept.append(name)
        if not kept or fold_key(names[0]) in curated.person_surfaces:
            report.counts["person dropped: curated or no usable name"] += 1
            continue
        persons.append((person_id, kept[0], "|".join(sorted(kept[1:]))))
        seen: set[DatedCode] = set()
        for entry, _ in group:
            for code in entry.codes:
                if code not in seen and re.fullmatch(r"[A-Z]{3}[A-Z]*", code.code):
                    seen.add(code)
                    codes.append((person_id, code.code, code.start or "", code.end or ""))
    report.counts["persons written"] = len(persons)
    return persons, sorted(codes)


def organization_type(code: str) -> str:
    head, tail = code[:3], code[3:]
    if head == "IGO":
        return "IGO"
    if head in ("NGO", "NGM"):
        return "NGO"
    if head == "IMG" or any(tail[i : i + 3] in ("REB", "UAF", "INS", "SEP", "RAD") for i in range(0, len(tail), 3)):
        return "ARMED_GROUP"
    if "PTY" in tail[:3]:
        return "PARTY"
    if head == "MNC" or tail[:3] == "BUS":
        return "COMPANY"
    return "STATE_BODY" if tail[:3] in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY") else "NGO"


def generic_institution(name: str, iso3: str, curated: Curated, words: frozenset[str]) -> bool:
    """ "National Security Council", "Supreme Court": a state's institution named only with
    ordinary English words and without its state's name or demonym could be any state's."""
    plain = fold_key(name).split()
    spans = (" ".join(plain[i:j]) for i in range(len(plain)) for j in range(i + 1, len(plain) + 1))
    if any(curated.country_surfaces.get(span) == iso3 for span in spans):
        return False
    content = [w for w in plain if w not in _SMALL_WORDS]
    return bool(content) and all(w.isalpha() and is_word(w, words) for w in content)


def convert_organizations(
    entries: Iterable[tuple[Entry, str]], curated: Curated, words: frozenset[str], report: Report
) -> list[tuple[str, str, str, str, str, str]]:
    """Organisations with their undated (else latest) code; curated names win."""
    rows: dict[str, tuple[str, str, str, str, str, str]] = {}
    claimed: dict[str, str] = {}
    for entry, source in entries:
        undated = [c for c in entry.codes if not (c.start or c.end)]
        code = (undated or sorted(entry.codes, key=lambda c: c.start or "")[-1:])[0].code
        if not re.fullmatch(r"[A-Z]{3}[A-Z]*", code):
            report.counts[f"{source}: organisation dropped: code not an actor code"] += 1
            continue
        names: list[str] = []
        for raw in [entry.name, *entry.aliases]:
            name, acronyms = readable(raw)
            name = re.sub(r"^The ", "", name)  # "THE_UNITED_NATIONS_": the article is not part of the name
            if len(name.split()) == 1 and len(name) <= 5 and name.isalpha():
                name = name.upper()  # a short one-word organisation name is an acronym: "TRA", "ANSF"
            for candidate in (name, *acronyms):
                key = fold_key(candidate)
                if not candidate or candidate in names:
                    continue
                if key in curated.org_surfaces or key in curated.country_surfaces or key in curated.person_surfaces:
                    target = curated.org_surfaces.get(key) or curated.country_surfaces.get(key) \
                        or curated.person_surfaces.get(key, "")
                    curated_code = curated.org_codes.get(target, target)
                    detail = "same code" if curated_code == code else f"phoenix {code} / curated {curated_code}"
                    report.conflict("organisation name in curated files", candidate, detail, target)
                    continue
                if len(candidate.split()) == 1 and is_word(key, words):
                    report.counts["organisation alias dropped: ordinary English word"] += 1
                    continue
                if source == "country" and generic_institution(candidate, code[:3], curated, words):
                    report.counts["organisation alias dropped: generic institution name without its state"] += 1
                    continue
                if len(key) < 2:
                    continue
                names.append(candidate)
        fresh = [n for n in names if fold_key(n) not in claimed]
        if len(fresh) < len(names):
            report.counts["organisation alias dropped: already names another organisation"] += len(names) - len(fresh)
        if not fresh:
            report.counts["organisation dropped: no usable name"] += 1
            continue
        org_id = "phx-" + slug(fresh[0])
        if org_id in rows:
            report.counts["organisation dropped: duplicate id"] += 1
            continue
        for name in fresh:
            claimed[fold_key(name)] = org_id
        rows[org_id] = (org_id, fresh[0], "|".join(sorted(fresh[1:])), organization_type(code), code,
                        country_of(code, curated.countries))
    report.counts["organisations written"] = len(rows)
    return [rows[key] for key in sorted(rows)]


def convert_places(
    country_entries: Iterable[Entry], curated: Curated, words: frozenset[str], report: Report
) -> list[tuple[str, str]]:
    """Aliases of a country entry that are not curated names of the state: its cities,
    provinces and variant spellings, as places inside that state."""
    owners: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for entry in country_entries:
        iso3 = entry.codes[0].code
        if iso3 not in curated.countries:
            continue
        for raw in entry.aliases:
            name, _ = readable(raw)
            key = fold_key(name)
            if not name or key in curated.country_surfaces:
                if key in curated.country_surfaces and curated.country_surfaces[key] != iso3:
                    report.conflict("place is a curated name of another state", name, iso3,
                                    curated.country_surfaces[key])
                continue
            if len(name.split()) == 1 and is_word(key, words, ("verb", "adj", "adv")):
                report.counts["place dropped: ordinary English word"] += 1
                continue
            if not name[:1].isalpha():
                report.counts["place dropped: not a name"] += 1
                continue
            owners[key].add(iso3)
            names.setdefault(key, name)
    rows = []
    for key, isos in sorted(owners.items()):
        if len(isos) > 1:
            report.counts["place dropped: in several states"] += 1
            continue
        rows.append((names[key], next(iter(isos))))
    report.counts["places written"] = len(rows)
    return sorted(rows)


def plural(term: str) -> str:
    """The regular English plural of a noun phrase's last word."""
    head, _, last = term.rpartition(" ")
    if last.endswith(("men", "people")) or (last.endswith("s") and not last.endswith("ss")):
        return term  # already plural: "fishermen", "troops"
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}".strip()


def parse_agents(lines: Sequence[str], report: Report) -> list[tuple[str, str, str, bool]]:
    """(term, code, singular, plural given) of the agents file, substitution sets expanded;
    a plural written in braces is its own term with the singular as its role."""
    sets: dict[str, list[str]] = {}
    pairs: list[tuple[str, str, str, bool]] = []
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        found = re.fullmatch(r"!(\w+)!\s*=\s*(.+)", text)
        if found:
            sets[found.group(1)] = [w.strip() for w in found.group(2).split(",") if w.strip()]
            continue
        found = re.fullmatch(r"(.+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)[\]}]", text)
        if found is None:
            report.counts["agent line skipped: not a ~CODE agent"] += 1
            continue
        term, plurals, code = found.group(1), found.group(2) or "", found.group(3)
        given = [p for p in re.split(r"\s*,\s*", plurals.strip("{} ")) if p]
        singular = _agent_words(term)
        for variant in (term, *given):
            expansions = [variant]
            for set_name, members in sets.items():
                marker = f"!{set_name}!"
                expansions = [
                    e.replace(marker, member) for e in expansions for member in (members if marker in e else [""])
                ] if any(marker in e for e in expansions) else expansions
            for expansion in expansions:
                words = _agent_words(expansion)
                plain = re.fullmatch(r"[a-z][a-z\-]*( [a-z][a-z\-]*){0,3}", words)
                if plain and words.split()[0] not in _SMALL_WORDS | {"a"} and words.split()[-1] not in _FUNCTION_WORDS:
                    pairs.append((words, code, singular if variant != term else words, bool(given)))
                else:
                    report.counts["agent term skipped: not a plain noun phrase of 1-4 words"] += 1
    return pairs


def _agent_words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("_", " ").strip().lower())


def convert_agents(
    pairs: Iterable[tuple[str, str, str, bool]], curated: Curated, report: Report
) -> list[tuple[str, str, str]]:
    """Agent terms (with regular plurals where the file gives none), their sector codes and
    the canonical role of the sector (the curated group noun's, so "Kenyan protesters" and
    "Kenyan demonstrators" name one actor); curated role words win."""
    rows: dict[str, tuple[str, str, str]] = {}
    for term, code, role, plural_given in pairs:
        if len(code) < 3:
            continue
        forms = (term,) if plural_given or role != term else tuple(dict.fromkeys((term, plural(term))))
        for form in forms:
            if form in curated.role_terms:
                if curated.role_terms[form] != code[:3]:
                    report.conflict("agent is a curated role word", form, f"phoenix {code}",
                                    f"curated {curated.role_terms[form]}")
                continue
            if len(form.split()) > 6 or form in rows:
                continue
            rows[form] = (form, code, curated.sector_roles.get(code[:3], role))
    report.counts["agent terms written"] = len(rows)
    return [rows[key] for key in sorted(rows)]


# -- writing ----------------------------------------------------------------------------------
def write_tsv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    lines = ["\t".join(header)]
    for row in rows:
        cells = [cell.replace("\t", " ") for cell in row]
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def english_words() -> frozenset[str]:
    """Ordinary English words: the nouns, verbs, adjectives and adverbs of spaCy's English
    lemma index (WordNet-derived; it lists some place and group names in lower case too, so
    only one-word organisation names and person-shaped names are tested against it, and
    places only against its verbs, adjectives and adverbs)."""
    from spacy.strings import get_string_id

    from extract.nlp import load_model

    nlp = load_model()
    names = {get_string_id(pos): pos for pos in ("noun", "verb", "adj", "adv")}
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    index = lookups.get_table("lemma_index")
    words: set[str] = set()
    for key, values in index.items():
        pos = names.get(key) if isinstance(key, int) else key
        if pos in names.values():
            words.update(f"{pos}:{w}" for w in values if w.isalpha())
    return frozenset(words)


def is_word(text: str, words: frozenset[str], parts: tuple[str, ...] = ("noun", "verb", "adj", "adv")) -> bool:
    key = text.lower()
    return any(f"{pos}:{key}" in words for pos in parts)


def build(source: Path, out: Path, curated_dir: Path, words: frozenset[str]) -> Report:
    report = Report()
    curated = load_curated(curated_dir)
    agent_pairs = parse_agents(decode_lines((source / AGENTS_FILE).read_bytes()), Report())
    # one-word agent nouns of acting sectors also lead a title ("Rebel leader X", "Extremist X")
    curated = replace(curated, title_words=curated.title_words | {
        term for term, code, _, _ in agent_pairs if " " not in term and code[:3] in _TITLE_SECTORS
    })
    malformed: Counter[str] = Counter()

    def entries_of(name: str) -> list[Entry]:
        return parse_actor_file(decode_lines((source / name).read_bytes()), malformed, name)

    country_entries = entries_of(COUNTRY_FILE)
    international = entries_of(INTERNATIONAL_FILE)
    nonstate = entries_of(NONSTATE_FILE)

    country_heads = [e for e in country_entries if len(e.codes) == 1 and re.fullmatch(r"[A-Z]{3}", e.codes[0].code)
                     and not (e.codes[0].start or e.codes[0].end) and e.aliases]
    head_ids = {id(e) for e in country_heads}
    sources = {id(e): source for source, group in (("country", country_entries), ("international", international),
                                                   ("nonstate", nonstate)) for e in group}
    persons: list[tuple[Entry, list[str]]] = []
    organizations: list[tuple[Entry, str]] = []
    for entry in (*country_entries, *international, *nonstate):
        if id(entry) in head_ids:
            continue
        name, _ = readable(entry.name)
        if is_person(entry, name, words, curated, sources[id(entry)]):
            names = person_names(entry, curated, report)
            if names:
                persons.append((entry, names))
            else:
                report.counts["person dropped: no name without a title"] += 1
        else:
            organizations.append((entry, sources[id(entry)]))

    org_rows = convert_organizations(organizations, curated, words, report)
    org_names = frozenset(fold_key(name) for row in org_rows for name in (row[1], *row[2].split("|")) if name)
    person_rows, code_rows = convert_persons(persons, curated, report, org_names)
    place_rows = convert_places(country_heads, curated, words, report)
    agent_rows = convert_agents(parse_agents(decode_lines((source / AGENTS_FILE).read_bytes()), report),
                                curated, report)
    report.counts.update(malformed)

    out.mkdir(parents=True, exist_ok=True)
    write_tsv(out / "phoenix_persons.tsv", ("person_id", "name", "aliases"), person_rows)
    write_tsv(out / "phoenix_person_codes.tsv", ("person_id", "code", "start", "end"), code_rows)
    write_tsv(out / "phoenix_organizations.tsv", ("id", "name", "aliases", "type", "cameo", "country"), org_rows)
    write_tsv(out / "phoenix_agents.tsv", ("term", "code", "role"), agent_rows)
    write_tsv(out / "phoenix_places.tsv", ("name", "country"), place_rows)
    write_tsv(out / "phoenix_conflicts.tsv", ("kind", "phoenix", "detail", "curated"), sorted(report.conflicts))
    licence = (source / "LICENSE").read_text(encoding="utf-8")
    (out / "LICENSE-OEDA.txt").write_text(ATTRIBUTION + "\n" + licence, encoding="utf-8")
    return report


ATTRIBUTION = """\
Open Event Data Alliance dictionaries used by geokg (converted, not copied verbatim), from
openeventdata/UniversalPetrarch @ 067552d83956f552d355256bf200e89ec9fdb7dc, folder
UniversalPetrarch/data/dictionaries/ (Computational Event Data System Project, Parus Analytics,
Open Event Data Alliance; development funded by the U.S. National Science Foundation):
- CAMEO.2.0.txt (git blob 30a0f194f1a7093c998e5f1d559fb2bde53fc06f) -> cameo_verbs.tsv, by
  tools/build_cameo_verbs.py.
- Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt,
  Phoenix.agents.txt -> the phoenix_*.tsv files, by tools/build_phoenix.py. Names were made
  readable, aliases filtered and entries the project's curated files already hold were dropped.
They are used under the MIT licence below.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of the Phoenix files")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder the TSV files are written to")
    parser.add_argument("--curated", type=Path, default=DEFAULT_OUT, help="folder of the curated TSV files")
    args = parser.parse_args(argv)
    for name in (COUNTRY_FILE, INTERNATIONAL_FILE, NONSTATE_FILE, AGENTS_FILE, "LICENSE"):
        if not (args.source / name).is_file():
            print(f"build_phoenix: {args.source / name}: no such file", file=sys.stderr)
            return 2
    build(args.source, args.out, args.curated, english_words()).print_to_stderr(args.out / "phoenix_conflicts.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main())

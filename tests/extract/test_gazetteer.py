from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from extract.gazetteer import (
    DATA_DIR,
    DatedCode,
    DatedPerson,
    GazetteerError,
    SurfaceIndex,
    SurfaceKind,
    canonical_spelling,
    demonym_plural,
    fold,
    index_spellings,
    load_gazetteer,
)


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


@pytest.mark.parametrize(("demonym", "plural"), [
    ("Kenyan", "Kenyans"), ("Iraqi", "Iraqis"), ("Filipino", "Filipinos"), ("Thai", "Thais"),
    # adjectives only: English names the people otherwise
    ("Chinese", None), ("Swiss", None), ("British", None), ("French", None), ("Cook Islander", None),
])
def test_a_demonym_s_plural_is_the_people(demonym: str, plural: str | None) -> None:
    assert demonym_plural(demonym) == plural


def test_derived_plurals_name_the_people_and_never_a_state() -> None:
    surfaces = {(text, surface.kind, surface.key) for text, surface in load_gazetteer().surfaces()}
    assert ("Kenyans", SurfaceKind.DEMONYM, "KEN") in surfaces
    # "Philippine" + s is the state's own name, never its people
    assert ("Philippines", SurfaceKind.DEMONYM, "PHL") not in surfaces
    assert ("Philippines", SurfaceKind.COUNTRY, "PHL") in surfaces


@pytest.mark.parametrize(("word", "canonical"), [
    ("Mohammed", "Muhammad"), ("MOHAMED", "MUHAMMAD"), ("zayed", "zayid"), ("Zayid", "Zayid"), ("Putin", "Putin"),
])
def test_a_romanisation_is_read_as_the_canonical_one_in_its_own_case(word: str, canonical: str) -> None:
    assert canonical_spelling(word, load_gazetteer().name_variants) == canonical


def test_a_canonical_spelling_that_is_itself_a_variant_is_refused(tmp_path: Path) -> None:
    import shutil
    for name in DATA_DIR.iterdir():
        if name.is_file():
            shutil.copy(name, tmp_path / name.name)
    (tmp_path / "name_variants.tsv").write_text("variant\tcanonical\nmohammed\tmohamed\nmohamed\tmuhammad\n",
                                                encoding="utf-8")
    with pytest.raises(GazetteerError, match="must not be variants themselves"):
        load_gazetteer(tmp_path)


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


def test_office_holders_read_by_state_are_those_of_every_office() -> None:
    """``holders`` reads only the offices of the state asked (``office_holders_by_country``): for
    every state, role and a spread of dates, the same persons in the same order as a scan of every
    office of the gazetteer."""
    gazetteer = load_gazetteer()
    by_country = gazetteer.office_holders_by_country
    roles = sorted({t.role for terms in gazetteer.offices.values() for t in terms})
    asked = found = 0
    for country in sorted(by_country):
        for role_set in (frozenset(roles[:3]), frozenset({"president"}), frozenset({"prime minister", "president"}),
                         frozenset(roles)):
            for date in ("1995-06-01", "2010-05-29", "2019-01-01", "2023-10-19"):
                scanned = tuple(person_id for person_id, terms in gazetteer.offices.items()
                                if any(t.country == country and t.role in role_set and t.holds_on(date) for t in terms))
                assert gazetteer.holders(country, role_set, date) == scanned
                asked, found = asked + 1, found + bool(scanned)
    assert len(by_country) > 50 and found > 100 and asked > found


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


def test_phoenix_person_codes_by_date() -> None:
    gazetteer = load_gazetteer()
    # Burhanuddin Rabbani: [AFGELI 580101-920628] [AFGGOV 920628-960927] [AFGGOV 011113-011222] [AFGELI]
    in_office = gazetteer.person_actor("burhanuddin-rabbani", "1994-03-01")
    before = gazetteer.person_actor("burhanuddin-rabbani", "1985-03-01")
    assert (in_office.country, in_office.sector, in_office.cameo) == ("AFG", "GOV", "AFGGOV")
    assert (before.country, before.sector, before.cameo) == ("AFG", "ELI", "AFGELI")
    assert in_office.id == before.id == "person:burhanuddin-rabbani"


def test_dated_code_rules() -> None:
    leader = DatedPerson("x", "X Y", (), (
        DatedCode("ABCELI", "1950-01-01", "1969-12-31"),
        DatedCode("ABCGOV", "1970-01-01", "1994-12-31"),
    ))
    assert leader.code_on("1990-05-01").code == "ABCGOV"
    assert leader.code_on("1960-05-01").code == "ABCELI"
    assert leader.code_on("1940-05-01").code == "ABCELI"  # no default: the elite of the nearest term's state
    assert leader.code_on("2000-05-01").code == "ABCELI"
    assert leader.code_on(None).code == "ABCGOV"  # no date: the office the person is known for
    with_default = DatedPerson(
        "z", "Z W", (), (DatedCode("DEFGOVMED", "2010-07-01", None), DatedCode("DEFELI", None, None))
    )
    assert with_default.code_on("2012-01-01").code == "DEFGOVMED"
    assert with_default.code_on("2009-01-01").code == "DEFELI"


def test_phoenix_files_load_beside_curated_ones_and_curated_wins() -> None:
    gazetteer = load_gazetteer()
    assert len(gazetteer.dated_persons) > 15000 and len(gazetteer.places) > 3000
    assert not set(gazetteer.dated_persons) & set(gazetteer.offices)
    assert gazetteer.agents["protester"].sector == "OPP" and "troops" not in gazetteer.agents
    assert gazetteer.roles["troops"].sector == "MIL"
    assert gazetteer.places["Kandahar"] == "AFG"
    assert gazetteer.organization_actor("nato").name == "NATO"  # curated row, not a converted one
    caseless = {fold(text).lower() for text, _ in gazetteer.caseless_surfaces()}
    curated_countries = {fold(text).lower() for text, s in gazetteer.surfaces() if s.kind is SurfaceKind.COUNTRY}
    assert not caseless & curated_countries


def test_malformed_phoenix_row_names_file_and_line(tmp_path: Path) -> None:
    for name in ("countries.tsv", "regions.tsv", "organizations.tsv", "office_holders.tsv", "office_organizations.tsv",
                 "roles.tsv"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    (tmp_path / "phoenix_persons.tsv").write_text("person_id\tname\taliases\nab-cd\tAb Cd\t\n", encoding="utf-8")
    (tmp_path / "phoenix_person_codes.tsv").write_text(
        "person_id\tcode\tstart\tend\nab-cd\tAFGGOV\t1992-06-28\t\nab-cd\tAFGGOV\t92-06-28\t\n", encoding="utf-8"
    )
    with pytest.raises(GazetteerError, match=r"phoenix_person_codes.tsv:3: start must be an ISO date"):
        load_gazetteer(tmp_path)
    (tmp_path / "phoenix_person_codes.tsv").write_text(
        "person_id\tcode\tstart\tend\nzz-top\tAFGGOV\t\t\n", encoding="utf-8"
    )
    with pytest.raises(GazetteerError, match=r"phoenix_person_codes.tsv:2: unknown person_id 'zz-top'"):
        load_gazetteer(tmp_path)
    (tmp_path / "phoenix_person_codes.tsv").write_text("person_id\tcode\tstart\tend\n", encoding="utf-8")
    (tmp_path / "phoenix_agents.tsv").write_text("term\tcode\trole\nprotester\tOPP\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"phoenix_agents.tsv:2: expected 3 columns, got 2"):
        load_gazetteer(tmp_path)


def test_common_spellings_of_the_two_congos_are_names() -> None:
    gazetteer = load_gazetteer()
    names = {name: iso3 for iso3, country in gazetteer.countries.items() for name in (country.name, *country.aliases)}
    assert names["Democratic Republic of Congo"] == "COD"
    assert names["Republic of Congo"] == "COG"
    assert "Congo" not in names  # either state: left to the context


def test_reach_counts_the_words_that_still_begin_a_name() -> None:
    """A longest-match lookup tries no more words than still begin a name, in the text's case
    or in lower case; past them no name can match, so the longest match is found all the same."""
    cased = {("United", "States"): (), ("United", "Arab", "Emirates"): (), ("Russia",): ()}
    caseless = {("the", "kremlin"): (), ("the", "white", "house", "press", "office"): ()}
    index = SurfaceIndex(cased, 3, caseless, 5, {"United": 3, "Russia": 1}, {"the": 5})

    def reach(text: str, limit: int) -> int:
        words = text.split()
        return index.reach(words, [w.lower() for w in words], 0, limit)

    assert reach("United Arab Emirates said", 3) == 3
    assert reach("United Arab Emirates", 2) == 2  # never past the limit (the longest name, the words left)
    assert reach("United States and", 3) == 2
    assert reach("United Nations", 3) == 1  # "United Nations" begins no name of this index
    assert reach("The White House press office", 5) == 5  # caseless names read in lower case
    assert reach("the White House said", 5) == 3
    assert reach("Russia", 1) == 1 and reach("Russia", 0) == 0


def test_the_index_spelling_of_a_blocks_words_is_each_words_own() -> None:
    """``index_spellings`` folds and respells a block's words in one pass, calling
    ``canonical_spelling`` only at words with another romanisation: each word comes out as folding
    and respelling it alone gives, and its lower case as that spelling's."""
    variants = load_gazetteer().name_variants
    words = ("Mohammed", "MOHAMED", "mohamed", "Mohámed", "Orbán", "ZAYID", "Zayed", "\u2019s", "Putin", "said",
             "Ólafsson", "A", "İstanbul", "ß", "")
    folded, lowered = index_spellings(words, variants)
    assert folded == [canonical_spelling(fold(word), variants) for word in words]
    assert lowered == [word.lower() for word in folded]
    assert folded[:4] == ["Muhammad", "MUHAMMAD", "muhammad", "Muhammad"]

"""Officials of international organisations in the curated office table act for their organisation:
they take its CAMEO code (as Phoenix codes Ban Ki-moon IGOUNO) while in office, and the key-fact
yardstick reads them as that organisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.gazetteer import DATA_DIR, GazetteerError, load_gazetteer
from extract.key_facts import fact_actor_code
from graph.model import Actor, ActorType


def test_a_stateless_office_holder_takes_the_organisations_code() -> None:
    gazetteer = load_gazetteer()
    guterres = gazetteer.person_actor("antonio-guterres", "2024-03-14")
    assert (guterres.country, guterres.cameo) == (None, "IGOUNO")
    assert gazetteer.person_actor("jens-stoltenberg", "2020-05-01").cameo == gazetteer.organizations["nato"].cameo


def test_a_holder_of_a_state_office_keeps_the_state() -> None:
    rutte = load_gazetteer().person_actor("mark-rutte", "2020-05-01")  # Dutch prime minister then
    assert (rutte.country, rutte.cameo) == ("NLD", "NLDGOV")


def test_each_office_of_one_person_has_its_own_organisation() -> None:
    gazetteer = load_gazetteer()
    assert gazetteer.person_actor("christine-lagarde", "2015-01-01").cameo == gazetteer.organizations["imf"].cameo
    assert gazetteer.person_actor("christine-lagarde", "2021-01-01").cameo == gazetteer.organizations["ecb"].cameo
    assert gazetteer.person_actor("christine-lagarde", "2009-01-01").country == "FRA"


def test_every_stateless_curated_term_names_its_organisation() -> None:
    gazetteer = load_gazetteer()
    stateless = {(t.person_id, t.role) for terms in gazetteer.offices.values() for t in terms if t.country is None}
    assert stateless == set(gazetteer.office_organizations)


def test_an_unknown_organisation_is_an_error_naming_the_row(tmp_path: Path) -> None:
    for path in DATA_DIR.glob("*.tsv"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "office_organizations.tsv").write_text(
        "person_id\trole\torganization\nantonio-guterres\tsecretary-general\tno-such-body\n", encoding="utf-8"
    )
    with pytest.raises(GazetteerError, match=r"office_organizations\.tsv: unknown .* row 'antonio-guterres'"):
        load_gazetteer(tmp_path)


def test_a_key_fact_reads_an_igo_official_as_the_organisation() -> None:
    official = Actor("person:x", "X", ActorType.PERSON, None, "GOV", cameo="IGOUNO")
    minister = Actor("person:y", "Y", ActorType.PERSON, "KEN", "GOV", cameo="KENGOV")
    unknown = Actor("person:z", "Z", ActorType.PERSON, None, None, cameo="---")
    assert [fact_actor_code(a) for a in (official, minister, unknown)] == ["IGOUNO", "KEN", None]

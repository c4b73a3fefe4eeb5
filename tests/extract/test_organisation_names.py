"""The gazetteer's organisation names indexed by word (extract/organisation_names.py): the index
answers as reading every organisation's names would."""

from __future__ import annotations

from extract.epithets import organisation_members
from extract.gazetteer import Organization
from extract.organisation_names import OrganisationNames
from extract.pipeline import Extractor


def _organisation(org_id: str, name: str, *aliases: str) -> Organization:
    return Organization(org_id, name, aliases, "IGO", "IGO", None)


def test_a_word_of_a_name_or_an_alias_gives_its_organisations() -> None:
    names = OrganisationNames.of([
        _organisation("north-council", "Northern Council", "the Council of the North"),
        _organisation("sea-court", "Sea Court"),
        _organisation("river-bank", "River Development Bank", "RDB"),
    ])
    assert names.named_with("council") == {"org:north-council"}
    assert names.named_with("north") == {"org:north-council"}  # from the alias
    assert names.named_with("court") == {"org:sea-court"}
    assert names.named_with("rdb") == {"org:river-bank"}  # words are in lower case
    assert names.named_with("councils") == frozenset()  # whole words only, no stem
    assert names.named_with("develop") == frozenset()


def test_the_index_answers_as_a_scan_of_every_organisation_would(extractor: Extractor) -> None:
    gazetteer = extractor.knowledge.gazetteer
    names = extractor.knowledge.organisation_names
    for word in ("council", "court", "agency", "bank", "union", "fund"):
        scanned = {f"org:{o.id}" for o in gazetteer.organizations.values()
                   if any(word in form.lower().split() for form in (o.name, *o.aliases))}
        assert names.named_with(word) == scanned
    assert all(names.named_with(word) for word in ("council", "court", "agency"))  # sets with members compared


def test_a_description_read_from_names_allows_the_organisations_so_named(extractor: Extractor) -> None:
    doc = extractor.nlp("The council condemned the strike. The tribunal adjourned.")
    council, tribunal = (t for t in doc if t.dep_ == "nsubj")
    epithets, names = extractor.knowledge.epithets, extractor.knowledge.organisation_names
    allowed = organisation_members(council, epithets, names)
    assert allowed is not None and "org:un-security-council" in allowed and "org:nato" not in allowed
    assert organisation_members(tribunal, epithets, names) is None  # no epithet, no name-read head

"""A noun of disapproval or rejection in an "in" phrase on a clause takes the clause's subject as
its doer (extract/characterising_acts.py); other nouns and phrases are left as they were."""

from __future__ import annotations

from extract.pipeline import Extractor
from tests.extract.extracting import code_of, runner

run = runner("characterising", "2024-03-14")


def coded(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(e.subject.id, code_of(e)[:2], e.object.id) for e in run(extractor, text).events}


def test_a_rebuke_characterising_the_clause_is_its_subjects(extractor: Extractor) -> None:
    assert ("country:IND", "11", "country:USA") in coded(
        extractor, "In a rebuke to Washington, India bought more Russian oil.")


def test_a_rejection_characterising_the_clause_is_its_subjects(extractor: Extractor) -> None:
    assert ("country:MDA", "12", "country:RUS") in coded(
        extractor, "In a rejection of Russia's demands, Moldova expelled two diplomats.")


def test_a_reaction_to_criticism_is_no_criticism_by_the_clause_subject(extractor: Extractor) -> None:
    found = coded(extractor, "In response to the criticism of Ghana, Kenya recalled its envoy.")
    assert not any(root == "11" and subject == "country:KEN" for subject, root, _ in found)

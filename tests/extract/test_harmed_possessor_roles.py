""""its" before a role noun in the object of a harming act names the other party's people, not the
doer's (extract/role_mentions.py, the rule of extract/possessor_binding.py applied to role nouns)."""

from __future__ import annotations

from extract.pipeline import Extractor
from graph.model import Article


def events(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    found = extractor.extract(Article("harmed-roles", text, None, "2024-05-02")).events
    return {(e.subject.id, e.object.id, e.object.country or "") for e in found}


def test_a_reported_harm_to_its_people_is_against_the_speaker(extractor: Extractor) -> None:
    found = events(extractor, "Chad said Sudan had bombed its villages.")
    assert any(subject == "country:SDN" and country == "TCD" for subject, _, country in found), found


def test_a_claimed_attack_on_its_police_is_against_the_claimant(extractor: Extractor) -> None:
    found = events(extractor, "Bolivia claimed that Peru attacked its police on Monday.")
    assert any(subject == "country:PER" and country == "BOL" for subject, _, country in found), found


def test_a_doer_that_is_no_latest_named_state_keeps_its_own_reading(extractor: Extractor) -> None:
    """"Russian troops" do the act; "its" is Georgia's, the one state named before, as ever."""
    found = events(extractor, "Georgia said Russian troops attacked its soldiers.")
    assert any(country == "GEO" for _, _, country in found), found


def test_several_other_states_leave_the_possessor_unresolved(extractor: Extractor) -> None:
    found = events(extractor, "Chad told Niger that Sudan had bombed its villages.")
    assert not any(subject == "country:SDN" and country in ("SDN", "NER") for subject, _, country in found), found

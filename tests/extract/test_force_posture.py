"""Shows of force told by where forces are put (extract/force_posture.py): forces massed, moved,
sailed or drilled at a state's border, coast or waters, or near the state, are CAMEO 15 against that
state; forces sent into a state, stationed there or held at no one's edge are not. Invented
sentences, the real extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.force_posture import PostureWordsError, load_posture_words
from extract.pipeline import Extractor
from tests.extract.extracting import code_of, runner

DATA_DIR = Path(__file__).resolve().parents[2] / "extract" / "data"
run = runner("posture", "2024-05-02")


def postures(extractor: Extractor, text: str) -> set[tuple[str, str, str, str]]:
    return {(e.subject.country or e.subject.id, code_of(e), e.object.id, e.modality.value)
            for e in run(extractor, text).events if code_of(e).startswith("15")}


@pytest.mark.parametrize(("text", "subject", "target"), [
    ("Armenia has massed troops along its border with Azerbaijan.", "ARM", "country:AZE"),
    ("Serbia moved two battalions of troops to the boundary with Kosovo.", "SRB", "country:XKX"),
    ("Greek warships patrolled near the Turkish coast.", "GRC", "country:TUR"),
    ("Pakistan held artillery drills along the frontier with India.", "PAK", "country:IND"),
    ("Russia sent bombers toward Japan on Tuesday.", "RUS", "country:JPN"),
    ("Eritrea deployed tanks in the waters off Yemen.", "ERI", "country:YEM"),
    ("China staged naval drills around Taiwan.", "CHN", "country:TWN"),  # "around" surrounds the state
    ("Iran held air exercises in the waters around Bahrain.", "IRN", "country:BHR"),
])
def test_forces_put_at_a_states_edge_are_a_show_of_force(
    extractor: Extractor, text: str, subject: str, target: str
) -> None:
    found = postures(extractor, text)
    assert any(s == subject and o == target and m == "asserted" for s, _, o, m in found), found


def test_a_raised_alert_near_a_state_is_152(extractor: Extractor) -> None:
    found = postures(extractor, "Venezuela put its army on maximum alert near Guyana.")
    assert ("VEN", "152", "country:GUY", "asserted") in found


@pytest.mark.parametrize("text", [
    "Russian troops are stationed in Tajikistan.",  # a standing state, no act
    "Poland held military drills on its own territory.",  # at no other state's edge
    "Nigeria moved its troops to the capital.",  # a move at home
    "Chad sent troops to Mali.",  # sent into a state: not a show of force against it
])
def test_forces_not_put_at_another_states_edge_are_no_show_of_force(extractor: Extractor, text: str) -> None:
    assert not postures(extractor, text)


def test_a_planned_show_of_force_is_no_act(extractor: Extractor) -> None:
    """A plan is told as intended, or coded as a threat (13): never as a show of force done."""
    events = run(extractor, "Iran plans to mass troops on the border with Azerbaijan.").events
    told = {(e.subject.id, code_of(e)[:2], e.object.id, e.modality.value) for e in events}
    assert told & {("country:IRN", "15", "country:AZE", "intended"), ("country:IRN", "13", "country:AZE", "asserted")}
    assert ("country:IRN", "15", "country:AZE", "asserted") not in told


def test_posture_words_load_and_malformed_files_are_named(tmp_path: Path) -> None:
    words = load_posture_words(DATA_DIR / "force_posture.toml")
    assert "mass" in words.posture_verbs and "border" in words.frontier_nouns and "station" not in words.posture_verbs
    broken = tmp_path / "force_posture.toml"
    broken.write_text((DATA_DIR / "force_posture.toml").read_text(encoding="utf-8").replace(
        "frontier_nouns = [", "frontier_nouns = 3 #["), encoding="utf-8")
    with pytest.raises(PostureWordsError, match=r"force_posture\.toml: frontier_nouns must be a non-empty list"):
        load_posture_words(broken)

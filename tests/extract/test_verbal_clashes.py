"""A clash in words is no fight (extract/verbal_clashes.py): "clash with" and "skirmish with" code
fighting (190), unless a topic ("over", "about") or an occasion of talk ("at the summit") makes the
clash one of views. Invented sentences, the real extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from extract.verbal_clashes import ClashWordsError, load_clash_words
from graph.model import DropReason
from tests.extract.extracting import code_of, runner

DATA_DIR = Path(__file__).resolve().parents[2] / "extract" / "data"
run = runner("clash", "2024-05-02")


@pytest.mark.parametrize(("text", "pair"), [
    ("Sudanese troops clashed with Ethiopian forces near the border town.", ("SDN", "ETH")),
    ("Tajikistan clashed with Kyrgyzstan along their disputed frontier.", ("TJK", "KGZ")),
    ("Thai soldiers skirmished with Cambodian troops on Tuesday.", ("THA", "KHM")),
])
def test_a_clash_of_forces_is_a_fight(extractor: Extractor, text: str, pair: tuple[str, str]) -> None:
    found = {(e.subject.country, code_of(e)[:2], e.object.country) for e in run(extractor, text).events}
    assert (pair[0], "19", pair[1]) in found, found


@pytest.mark.parametrize("text", [
    "France clashed with Italy over migration policy.",
    "Japan clashed with South Korea about the history textbooks.",
    "The Polish minister clashed with his Hungarian counterpart at the summit in Brussels.",
    # a person does not fight a battle alone
    "Colombian President Gustavo Petro has repeatedly clashed with the Israeli government.",
])
def test_a_clash_of_views_is_no_fight(extractor: Extractor, text: str) -> None:
    told = run(extractor, text)
    assert not [e for e in told.events if code_of(e).startswith("19")]
    assert any(d.reason is DropReason.NOT_AN_EVENT and "clash of views" in d.detail for d in told.drops)


def test_clash_words_load_and_malformed_files_are_named(tmp_path: Path) -> None:
    words = load_clash_words(DATA_DIR / "clashes.toml")
    assert "clash" in words.clash_verbs and "summit" in words.occasion_nouns
    broken = tmp_path / "clashes.toml"
    broken.write_text((DATA_DIR / "clashes.toml").read_text(encoding="utf-8").replace(
        "topic_prepositions = [", "topic_prepositions = 1 #["), encoding="utf-8")
    with pytest.raises(ClashWordsError, match=r"clashes\.toml: topic_prepositions must be a non-empty list"):
        load_clash_words(broken)


def test_a_clash_with_no_with_phrase_pairs_its_sides_both_ways(extractor: Extractor) -> None:
    """"Thai and Cambodian troops clashed near the temple": each side against the other, never the place."""
    events = run(extractor, "Thai and Cambodian troops clashed near the disputed temple on Friday.").events
    found = {(e.subject.country, code_of(e)[:2], e.object.country) for e in events}
    assert found == {("THA", "19", "KHM"), ("KHM", "19", "THA")}

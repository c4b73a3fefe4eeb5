"""Verbs of feeling in the passive: the one who feels reacts to the cause (extract/experiencer_verbs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.experiencer_verbs import ExperiencerVerbsError, load_feeling_words
from extract.pipeline import Extractor
from tests.extract.extracting import coded_triples, runner

run = runner("experiencer", "2024-05-02")


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Seoul was encouraged by Pyongyang's offer of talks.", ("country:KOR", "051", "country:PRK")),
        ("Ankara was angered by Washington's decision to arm Kurdish fighters.",
         ("country:TUR", "110", "country:USA")),
        ("Japan was alarmed by China's naval build-up.", ("country:JPN", "012", "country:CHN")),
    ],
)
def test_the_one_who_feels_reacts_to_the_cause(extractor: Extractor, text: str, wanted: tuple[str, str, str]) -> None:
    found = coded_triples(run(extractor, text))
    assert found == {wanted}, found


def test_the_active_voice_and_agents_of_other_verbs_keep_their_reading(extractor: Extractor) -> None:
    assert coded_triples(run(extractor, "Kenya was criticised by Uganda for hosting the rebels.")) == {
        ("country:UGA", "111", "country:KEN")}
    # with no actor behind the cause there is no one to react to
    assert not run(extractor, "Vietnam was encouraged by the progress of the talks.").events


def test_a_verb_in_two_feelings_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "experiencer_verbs.toml"
    path.write_text('[[feeling]]\ncode = "051"\nverbs = ["please"]\n[[feeling]]\ncode = "110"\nverbs = ["please"]\n',
                    encoding="utf-8")
    with pytest.raises(ExperiencerVerbsError, match="'please' is in two feelings"):
        load_feeling_words(path)

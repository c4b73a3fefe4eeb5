"""Welcoming a thing is approving of it, not hosting a guest (extract/welcomed_things.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import Extractor
from extract.welcomed_things import WelcomedThingsError, load_welcome_words
from tests.extract.extracting import runner, triples

run = runner("welcomed-things", "2024-05-02")


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Morocco welcomed the Spanish shift on Western Sahara.", ("country:MAR", "PRAISE", "country:ESP")),
        ("Denmark welcomed greater American interest in the Arctic.", ("country:DNK", "PRAISE", "country:USA")),
        # a guest is hosted
        ("Japan's prime minister welcomed Chinese President Xi Jinping to Tokyo.",
         ("person:fumio-kishida", "HOST", "person:xi-jinping")),
        ("Chile welcomed the Peruvian delegation in Santiago.", ("country:CHL", "HOST", "country:PER")),
    ],
)
def test_the_object_tells_a_guest_from_a_thing(
    extractor: Extractor, text: str, wanted: tuple[str, str, str],
) -> None:
    found = triples(run(extractor, text))
    assert wanted in found, found


def test_a_malformed_approval_code_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "welcomed_things.toml"
    path.write_text('verbs = ["welcome"]\napproval_code = 51\n', encoding="utf-8")
    with pytest.raises(WelcomedThingsError, match=r"welcomed_things\.toml: approval_code"):
        load_welcome_words(path)


@pytest.mark.parametrize(
    "text",
    [
        "Washington welcomed Morales' resignation as a significant moment for democracy.",
        "Egypt welcomed the ouster of the Sudanese president.",
    ],
)
def test_welcoming_an_actors_loss_praises_no_one(extractor: Extractor, text: str) -> None:
    result = run(extractor, text)
    assert not result.events, triples(result)
    assert any(d.detail.startswith("welcomed the ") and "approval of a loss" in d.detail for d in result.drops)

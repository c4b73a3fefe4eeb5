"""The word heading a mention (``mention_root``), on real parses of sentences written for this test."""

from __future__ import annotations

import pytest

from extract.mentions import Mention, MentionKind, mention_root
from extract.pipeline import Extractor
from graph.model import Actor, ActorType

ACTOR = Actor("country:PER", "Peru", ActorType.COUNTRY, "PER", "GOV", cameo="PER")


@pytest.mark.parametrize(
    ("text", "start", "end", "root"),
    [
        ("Peru expelled the envoy.", 0, 1, "Peru"),  # one word: itself, no span made
        ("The Peruvian foreign minister met the envoy.", 1, 4, "minister"),
        ("The United Kingdom of Great Britain protested.", 1, 6, "Kingdom"),
        ("Officials of the Peruvian government said so.", 4, 5, "government"),
    ],
)
def test_a_mentions_root_is_its_spans_root(extractor: Extractor, text: str, start: int, end: int, root: str) -> None:
    doc = extractor.nlp(text)
    found = mention_root(doc, Mention(start, end, ACTOR, MentionKind.NAME))
    assert found.i == doc[start:end].root.i and found.text == root

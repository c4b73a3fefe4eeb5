"""MinHash near-duplicate detection on wire copies and different stories."""

from __future__ import annotations

from loaders.near_duplicates import best_match, from_bytes, shingles, signature, similarity, to_bytes
from tests.loaders.news_site import front_matter, wire_copy


def test_a_wire_copy_matches_and_another_story_does_not() -> None:
    _, _, story = front_matter("2024-07-05-orban-visits-moscow")
    _, _, other = front_matter("2023-03-21-xi-visits-moscow")
    original, copy, different = signature(story), signature(wire_copy(story)), signature(other)
    assert similarity(original, copy) >= 0.7
    assert similarity(original, different) < 0.2
    assert similarity(original, original) == 1.0
    known = [("other", different), ("first", original)]
    assert best_match(copy, known) == "first"
    assert best_match(different, [("first", original)]) is None
    assert from_bytes(to_bytes(original)) == original


def test_shingles() -> None:
    assert shingles("One two three four five six.") == {"one two three four five", "two three four five six"}
    assert shingles("Short text") == {"short text"}
    assert shingles("") == set()
    assert signature("") == signature("   ")  # no words: one fixed signature

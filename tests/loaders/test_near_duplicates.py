"""MinHash near-duplicate detection on wire copies and different stories."""

from __future__ import annotations

from loaders.near_duplicates import (
    BANDS,
    band_keys,
    best_match,
    from_bytes,
    shingles,
    signature,
    similarity,
    to_bytes,
)
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


def test_bands_bring_copies_together_and_keep_other_stories_apart() -> None:
    _, _, story = front_matter("2024-07-05-orban-visits-moscow")
    originals = [front_matter(name)[2] for name in ("2023-03-21-xi-visits-moscow", "2022-11-14-biden-xi-bali",
                                                     "2023-04-04-finland-joins-nato")]
    keys = band_keys(signature(story))
    assert len(keys) == BANDS == 32 and all(-(2**63) <= k < 2**63 for k in keys)
    assert set(keys) & set(band_keys(signature(wire_copy(story))))
    for other in originals:
        assert not set(keys) & set(band_keys(signature(other)))

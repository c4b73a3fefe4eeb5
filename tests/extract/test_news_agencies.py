"""A news agency tells the story and is never a party to it. Sentences invented for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.news_agencies import NewsAgenciesError, load_news_agencies
from extract.pipeline import DEFAULT_KNOWLEDGE_DIR, Extractor
from graph.model import DropReason
from tests.extract.extracting import runner, triples

run = runner("news-agencies-test", "2024-05-02")


@pytest.mark.parametrize(
    "text",
    [
        "Reuters asked Israel for comment on Monday.",
        "Russia accused Reuters of spreading lies about the war.",
        "Russia criticised the Associated Press over its reporting.",
        "Ethiopia expelled an AFP reporter on Monday.",
    ],
)
def test_an_agency_is_no_actor_and_the_drop_says_why(extractor: Extractor, text: str) -> None:
    result = run(extractor, text)
    assert not result.events
    assert [d.detail for d in result.drops if d.reason is DropReason.NOT_AN_ACTOR
            and d.detail.startswith("news agency ")]


def test_the_story_an_agency_reports_is_extracted(extractor: Extractor) -> None:
    result = run(extractor, "A senior Israeli official told AFP that Israel had struck Iran.")
    assert ("country:ISR", "ATTACK", "country:IRN") in triples(result)
    result = run(extractor, "AFP reported that Iran had summoned the Swiss ambassador.")
    assert ("country:IRN", "COMPLAIN_OFFICIALLY", "country:CHE") in triples(result)


def test_the_file_lists_the_wire_services() -> None:
    names = load_news_agencies(DEFAULT_KNOWLEDGE_DIR / "news_agencies.toml").names
    assert {"reuters", "associated press", "ap", "afp", "xinhua"} <= names


def test_a_malformed_file_is_named_in_a_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "news_agencies.toml"
    broken.write_text("[agencies]\nnames = []\n", encoding="utf-8")
    with pytest.raises(NewsAgenciesError, match=r"news_agencies.toml: agencies.names must be a non-empty list"):
        load_news_agencies(broken)


def test_an_agency_reporting_is_no_source_within_the_story(extractor: Extractor) -> None:
    result = run(extractor, "Reuters reported that Iran had summoned the Swiss ambassador.")
    assert [e.attributed_to for e in result.events] == [None]
    result = run(extractor, "Iranian state media reported that Iran had summoned the Swiss ambassador.")
    assert all(e.attributed_to is not None for e in result.events) and result.events

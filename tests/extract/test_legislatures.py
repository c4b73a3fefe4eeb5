"""Legislators and legislatures carry their state's LEG sector, never the government's actor id;
the opposition carries OPP. Sentences invented for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.legislatures import LegislaturesError, _text_of, load_legislatures
from extract.pipeline import DEFAULT_KNOWLEDGE_DIR, Extractor
from graph.model import Extraction
from tests.extract.extracting import runner

run = runner("legislatures-test", "2024-05-02")


def subjects(extraction: Extraction, relation: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.subject.id, e.subject.country, e.subject.sector) for e in extraction.events
            if e.relation.name == relation}


@pytest.mark.parametrize(
    ("text", "relation", "subject"),
    [
        ("A US senator criticised China on Tuesday over its trade practices.", "CRITICIZE", "group:usa-leg"),
        ("The US Congress condemned Iran on Monday.", "CRITICIZE", "group:usa-leg"),
        ("A US congressional delegation met Taiwan's president on Sunday.", "MEET", "group:usa-leg"),
        ("A delegation of German MPs visited Taiwan on Monday.", "VISIT", "group:deu-leg"),
        ("British members of parliament criticised Israel over the strikes.", "CRITICIZE", "group:gbr-leg"),
        ("Members of parliament in Britain criticised Israel over the strikes.", "CRITICIZE", "group:gbr-leg"),
        ("The Duma speaker accused the United States of meddling.", "ACCUSE", "group:rus-leg"),
        ("The Knesset condemned Turkey on Wednesday.", "CRITICIZE", "group:isr-leg"),
        ("The State Duma condemned the United States on Friday.", "CRITICIZE", "group:rus-leg"),
        ("Japanese lawmakers condemned North Korea on Friday.", "CRITICIZE", "group:jpn-leg"),
        ("The Iranian Majlis condemned the United States on Sunday.", "CRITICIZE", "group:irn-leg"),
        ("Capitol Hill criticised Saudi Arabia over the killing.", "CRITICIZE", "group:usa-leg"),
        ("The speaker of the Russian Duma accused the United States of meddling.", "ACCUSE", "group:rus-leg"),
        ("An opposition party in South Korea accused Japan of rewriting history.", "ACCUSE", "group:kor-opp"),
    ],
)
def test_legislators_are_the_legislature_not_the_government(
    extractor: Extractor, text: str, relation: str, subject: str,
) -> None:
    found = subjects(run(extractor, text), relation)
    assert {actor_id for actor_id, _, _ in found} == {subject}, found
    ((_, country, sector),) = found
    assert country == subject[6:9].upper() and sector == subject[10:].upper()


def test_a_singular_title_of_another_sector_is_its_group_and_a_government_title_the_state(
    extractor: Extractor,
) -> None:
    assert subjects(run(extractor, "A Russian general accused Ukraine of shelling."), "ACCUSE") == {
        ("group:rus-mil", "RUS", "MIL")}
    assert subjects(run(extractor, "A Russian minister accused Ukraine of shelling."), "ACCUSE") == {
        ("country:RUS", "RUS", "GOV")}


def test_a_legislative_word_of_another_organisation_changes_nothing(extractor: Extractor) -> None:
    result = run(extractor, "The European Parliament condemned Russia on Thursday.")
    assert {e.subject.id for e in result.events if e.relation.name == "CRITICIZE"} == {"org:european-parliament"}


def test_the_file_has_words_and_named_legislatures_of_known_states() -> None:
    legislatures = load_legislatures(DEFAULT_KNOWLEDGE_DIR / "legislatures.toml")
    assert {"senator", "lawmakers", "mps", "congressional"} <= legislatures.words
    assert legislatures.names["knesset"] == "ISR" and legislatures.names["state duma"] == "RUS"


def test_a_malformed_file_is_named_in_a_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "legislatures.toml"
    broken.write_text('[words]\nlegislative = ["senator"]\n[names]\n"Knesset" = "Israel"\n', encoding="utf-8")
    with pytest.raises(LegislaturesError, match=r"legislatures.toml: names.Knesset must be an ISO alpha-3 code"):
        load_legislatures(broken)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("The U.S.-backed Knesset  met in Jerusalem.", 1, 5), ("The Duma met.", 1, 2), ("The Duma met.", 0, 2),
     ("The Duma met.", 2, 2)],
)
def test_a_mentions_text_is_its_spans_text(extractor: Extractor, text: str, start: int, end: int) -> None:
    doc = extractor.nlp(text)
    assert _text_of(doc, start, end) == doc[start:end].text

"""Legislators and legislatures carry their state's LEG sector, never the government's actor id;
the opposition carries OPP. Sentences invented for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from extract.block_index import BlockTokens
from extract.gazetteer import Gazetteer
from extract.legislatures import (
    LEGISLATURE,
    Legislatures,
    LegislaturesError,
    _add_named_legislatures,
    _text_of,
    load_legislatures,
)
from extract.mentions import BlockMentions, Mention, MentionKind
from extract.pipeline import DEFAULT_KNOWLEDGE_DIR, Extractor
from extract.role_mentions import group_actor
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


def _named_legislatures_spelt_out(doc: Doc, legislatures: Legislatures, gazetteer: Gazetteer,
                                  mentions: BlockMentions) -> None:
    """The longest legislature name from each word, read word by word (``_add_named_legislatures``
    looks only at the words that begin a name)."""
    lowered = [t.lower_ for t in doc]
    i = 0
    while i < len(doc):
        for size in legislatures.sizes_from(lowered[i]):
            iso3 = legislatures.names.get(" ".join(lowered[i : i + size])) if i + size <= len(doc) else None
            if iso3 is None or iso3 not in gazetteer.countries or doc[i + size - 1].pos_ != "PROPN":
                continue
            if any(j in mentions for j in range(i, i + size)):
                break
            legislature = Mention(i, i + size, group_actor(gazetteer, iso3, LEGISLATURE), MentionKind.NAME)
            for j in range(i, i + size):
                mentions[j] = legislature
            i += size - 1
            break
        i += 1


@pytest.mark.parametrize("text", [
    "The State Duma and the Knesset met; the Russian Duma, Duma deputies and the State Duma Duma spoke.",
    "Capitol Hill and the Knesset Knesset condemned the Majlis on Sunday.",
    "the state duma said nothing, the Duma",
])
def test_named_legislatures_are_those_read_word_by_word(extractor: Extractor, text: str) -> None:
    """Only the words that begin a legislature's name are looked at, and after a name the search
    goes on past its end: the mentions are those a word-by-word reading adds."""
    knowledge = extractor.knowledge
    doc = extractor.nlp(text)
    fast, full = BlockMentions(), BlockMentions()
    _add_named_legislatures(doc, BlockTokens.of(doc).lowers, fast, knowledge.legislatures, knowledge.gazetteer)
    _named_legislatures_spelt_out(doc, knowledge.legislatures, knowledge.gazetteer, full)
    assert dict(fast) == dict(full)

"""The news set (tests/extract/newsset, see NEWSSET.md): 30 wire-style articles with an analyst's key
facts, scored as the hidden evaluation set is (recall of facts at the country level), and every
triple the extractor gives on them judged by hand in ``judged.tsv`` (keyed as in
test_examples_precision.py). Then unit tests of the scorer, extract/key_facts.py, on hand-made
extractions.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from extract.key_facts import KeyFact, KeyFactsError, load_key_facts, score_facts
from extract.ontology import load_ontology
from extract.pipeline import Extractor
from graph.model import Actor, ActorType, Article, Event, Evidence, Extraction, Modality, Polarity
from tests.extract.judgements import (
    badly_judged,
    folder_extractions,
    judged_precision,
    load_judgements,
    unjudged_triples,
)

NEWSSET = Path(__file__).with_name("newsset")
FACTS = NEWSSET / "key_facts.tsv"
JUDGED = NEWSSET / "judged.tsv"

# Measured 2026-11-26 on branch h-newsset (first run, before any rule change): 76 of 178 key facts
# recovered (0.427); 138 of 219 triples judged correct (0.630). On rules 0.6 (main, end of session
# 6, after the set had been read for errors): 100 of 178 (0.562) and 209 of 267 (0.783).
RECALL_FLOOR = 0.55
PRECISION_FLOOR = 0.77



@pytest.fixture(scope="module")
def extractions(extractor: Extractor) -> dict[str, Extraction]:
    """The extraction of every article of the set, keyed by file name."""
    return folder_extractions(extractor, NEWSSET)


def test_the_set_has_thirty_articles_and_their_key_facts(extractions: dict[str, Extraction]) -> None:
    facts = load_key_facts(FACTS)
    assert len(extractions) == 30
    per_article = Counter(fact.article for fact in facts)
    assert set(per_article) == set(extractions), "every article has key facts, every fact an article"
    assert all(3 <= n <= 7 for n in per_article.values()), per_article


def test_recall_of_key_facts_holds(extractions: dict[str, Extraction]) -> None:
    report = score_facts(load_key_facts(FACTS), extractions)
    hits = sum(report.recovered)
    assert report.recall >= RECALL_FLOOR, (
        f"recall {report.recall:.3f} ({hits} of {len(report.facts)}) below {RECALL_FLOOR}; by root: "
        + ", ".join(f"{r.root} {r.recovered}/{r.total}" for r in report.by_root())
    )


def test_every_judgement_has_a_verdict_and_a_wrong_one_a_cause() -> None:
    assert not badly_judged(load_judgements(JUDGED))


def test_every_triple_the_extractor_gives_has_been_judged(extractions: dict[str, Extraction]) -> None:
    unjudged = unjudged_triples(extractions, load_judgements(JUDGED))
    assert not unjudged, (
        f"{len(unjudged)} triple(s) on the news set have no judgement; read each by hand and "
        f"add a row (verdict, cause, note) to {JUDGED.name}:\n" + "\n".join(unjudged)
    )


def test_precision_on_the_judged_news_set_holds(extractions: dict[str, Extraction]) -> None:
    found = judged_precision(extractions, load_judgements(JUDGED))
    assert found.judged >= 150, f"only {found.judged} judged triples on the news set"
    assert found.value >= PRECISION_FLOOR, (
        f"precision {found.value:.3f} ({found.correct} of {found.judged}) below {PRECISION_FLOOR}; "
        f"wrong by cause: {dict(found.wrong_causes)}"
    )


# --- the scorer on hand-made extractions ---------------------------------------------------------

FRANCE = Actor("country:FRA", "France", ActorType.COUNTRY, "FRA")
MALI = Actor("country:MLI", "Mali", ActorType.COUNTRY, "MLI")
MACRON = Actor("person:emmanuel-macron", "Emmanuel Macron", ActorType.PERSON, "FRA", "GOV")
ECOWAS = Actor("org:ecowas", "ECOWAS", ActorType.ORGANIZATION, cameo="IGOWAFWAS")


def _extraction(*triples: tuple[Actor, str, Actor]) -> Extraction:
    ontology = load_ontology()
    article = Article("a1", "text")
    events = tuple(
        Event("a1", subject, ontology.relation(relation), obj, Polarity.AFFIRMED, Modality.ASSERTED, None,
              None, "day", (Evidence("s.", 0, 2),), 0.9, "fixture/1", relation.lower())
        for subject, relation, obj in triples
    )
    return Extraction(article, events, ())


def _fact(source: str, target: str, root: str, reciprocal: bool = False) -> KeyFact:
    return KeyFact("a1.md", source, target, root, reciprocal, "s.", "", 2)


def test_a_fact_is_recovered_by_a_person_acting_for_its_country() -> None:
    report = score_facts([_fact("FRA", "MLI", "11")], {"a1.md": _extraction((MACRON, "CRITICIZE", MALI))})
    assert report.recovered == (True,)
    assert report.recall == 1.0
    assert report.triples_per_article == (("a1.md", 1),)


def test_an_organisation_is_matched_by_its_own_code() -> None:
    report = score_facts([_fact("IGOWAFWAS", "MLI", "16")], {"a1.md": _extraction((ECOWAS, "SANCTION", MALI))})
    assert report.recovered == (True,)


def test_a_reciprocal_fact_is_matched_in_reverse_and_a_one_way_fact_is_not() -> None:
    extraction = _extraction((MALI, "MEET", FRANCE))
    facts = [_fact("FRA", "MLI", "04", reciprocal=True), _fact("FRA", "MLI", "04", reciprocal=False)]
    report = score_facts(facts, {"a1.md": extraction})
    assert report.recovered == (True, False)
    assert report.missed == (facts[1],)


def test_a_wrong_root_is_not_matched() -> None:
    report = score_facts([_fact("FRA", "MLI", "16")], {"a1.md": _extraction((FRANCE, "CRITICIZE", MALI))})
    assert report.recovered == (False,)
    assert [(r.root, r.recovered, r.total) for r in report.by_root()] == [("16", 0, 1)]


def test_a_fact_of_an_article_with_no_extraction_is_an_error() -> None:
    with pytest.raises(KeyFactsError, match=r"line 2: article 'a1.md'"):
        score_facts([_fact("FRA", "MLI", "11")], {})


def test_a_malformed_row_is_an_error_naming_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "key_facts.tsv"
    header = "article\tsource\ttarget\troot\treciprocal\tsentence\tnote\n"
    good = "a1.md\tFRA\tMLI\t11\tno\tFrance condemned Mali.\t\n"
    path.write_text(header + good + "a1.md\tFRA\tMLI\t21\tno\tx\t\n", encoding="utf-8")
    with pytest.raises(KeyFactsError, match=r"key_facts\.tsv:3: root '21'"):
        load_key_facts(path)
    path.write_text(header + good + "a1.md\tFRA\tMLI\t11\tno\n", encoding="utf-8")
    with pytest.raises(KeyFactsError, match=r"key_facts\.tsv:3: 5 columns, expected 7"):
        load_key_facts(path)
    path.write_text(header + "a1.md\tfrance\tMLI\t11\tno\tx\t\n", encoding="utf-8")
    with pytest.raises(KeyFactsError, match=r"key_facts\.tsv:2: source 'france'"):
        load_key_facts(path)
    path.write_text(header + good, encoding="utf-8")
    assert load_key_facts(path) == (KeyFact("a1.md", "FRA", "MLI", "11", False, "France condemned Mali.", "", 2),)

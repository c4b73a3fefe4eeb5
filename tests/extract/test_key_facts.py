"""The key-fact scorer (extract/key_facts.py) on hand-made extractions and key-fact files."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.key_facts import KeyFact, KeyFactsError, load_key_facts, score_facts
from extract.ontology import load_ontology
from graph.model import Actor, ActorType, Article, Event, Evidence, Extraction, Modality, Polarity

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

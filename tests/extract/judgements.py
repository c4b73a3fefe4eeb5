"""Checks of the triples judged by hand (``examples_judged.tsv``, ``newsset*/judged.tsv``, read by
``extract.judged_triples``): a verdict (``correct`` or ``wrong``), a cause for a wrong one and a
note; the judged precision of a set and its triples with no judgement."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from extract.judged_triples import Key, Row, judged_key
from extract.pipeline import Extractor
from graph.model import Article, Extraction
from loaders.sources import article_from_file

VERDICTS = frozenset({"correct", "wrong"})
CAUSES = frozenset({
    "backoff_pair", "surface_verb", "standing_state", "wrong_direction", "wrong_actor",
    "request_as_act", "not_an_event", "modality",
})



def badly_judged(judged: dict[Key, Row]) -> list[str]:
    """Rows without a known verdict, wrong ones without a known cause or a note, correct ones
    with a cause."""
    problems = []
    for key, row in judged.items():
        if row["verdict"] not in VERDICTS:
            problems.append(f"{key}: verdict {row['verdict']!r}")
        elif row["verdict"] == "wrong" and (row["cause"] not in CAUSES or not row["note"]):
            problems.append(f"{key}: a wrong triple needs a cause of {sorted(CAUSES)} and a note")
        elif row["verdict"] == "correct" and row["cause"]:
            problems.append(f"{key}: a correct triple has no cause")
    return problems


@dataclass(frozen=True)
class Precision:
    """Judged precision of a set: ``correct`` of ``judged`` triples, and the wrong ones by cause."""

    correct: int
    judged: int
    wrong_causes: Counter[str]

    @property
    def value(self) -> float:
        return self.correct / self.judged


def folder_extractions(extractor: Extractor, folder: Path) -> dict[str, Extraction]:
    """The extraction of every article (``*.md``) of a news-set folder, keyed by file name."""
    articles: dict[str, Article] = {}
    for path in sorted(folder.glob("*.md")):
        article = article_from_file(path, None)
        assert isinstance(article, Article), str(article)
        articles[path.name] = article
    return dict(zip(articles, extractor.extract_many(articles.values()), strict=True))


def unjudged_triples(extractions: dict[str, Extraction], judged: dict[Key, Row]) -> list[str]:
    """Each triple with no judgement, as its key and sentence."""
    return [f"{key} in: {event.sentence}"
            for extraction in extractions.values() for event in extraction.events
            if (key := judged_key(event)) not in judged]


def judged_precision(extractions: dict[str, Extraction], judged: dict[Key, Row]) -> Precision:
    """Correct among the judged triples the extractions give, and the wrong ones by cause."""
    rows = [judged[key] for x in extractions.values() for e in x.events if (key := judged_key(e)) in judged]
    return Precision(sum(row["verdict"] == "correct" for row in rows), len(rows),
                     Counter(row["cause"] for row in rows if row["verdict"] == "wrong"))


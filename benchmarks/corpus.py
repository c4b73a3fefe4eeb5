"""The corpus the scale benchmarks share: the bundled example articles cycled to any count.

Each copy gets its own id (``<example id>#<n>``), so ingestion treats every one as a new article,
while the text stays real news prose; the same count gives the same corpus in every benchmark
(``workers_bench.py``, ``spark_bench.py``), so their figures compare.
"""

from __future__ import annotations

import json
from pathlib import Path

from graph.model import Article
from loaders.sources import read_inputs

ROOT = Path(__file__).resolve().parents[1]
SCALE_ARTICLES = 2010  # the 67 examples thirty times: "2,000+ articles" of the scale benchmarks


def bundled_articles(count: int) -> list[Article]:
    """The bundled examples, cycled to ``count`` articles with distinct ids."""
    base = [a for a in read_inputs([str(ROOT / "examples" / "articles")]) if isinstance(a, Article)]
    return [
        Article(f"{base[i % len(base)].id}#{i}", base[i % len(base)].text, base[i % len(base)].title,
                base[i % len(base)].date, None, base[i % len(base)].source)
        for i in range(count)
    ]


def write_jsonl(path: Path, count: int = SCALE_ARTICLES) -> Path:
    """``count`` cycled articles as a JSONL dump (``id``, ``text``, ``title``, ``date``), the
    input form that every entry point reads (``geokg extract|ingest``, ``geokg spark extract``)."""
    with path.open("w", encoding="utf-8") as handle:
        for article in bundled_articles(count):
            record = {"id": article.id, "text": article.text, "title": article.title, "date": article.date}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def words_of(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)

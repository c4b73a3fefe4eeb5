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


def bundled_articles(count: int, join: int = 1) -> list[Article]:
    """The bundled examples, cycled to ``count`` articles with distinct ids; with ``join`` above 1
    each article is ``join`` consecutive examples, one after the other (the examples are short
    items of about 90 words; joined by 6 they are about as long as a news article)."""
    base = [a for a in read_inputs([str(ROOT / "examples" / "articles")]) if isinstance(a, Article)]
    articles = []
    for i in range(count):
        parts = [base[(i * join + k) % len(base)] for k in range(join)]
        first = parts[0]
        articles.append(Article(f"{first.id}#{i}" if join == 1 else f"joined-{join}#{i}",
                                "\n\n".join(p.text for p in parts), first.title, first.date, None, first.source))
    return articles


def write_jsonl(path: Path, count: int = SCALE_ARTICLES, join: int = 1) -> Path:
    """``count`` cycled articles (``join`` examples each) as a JSONL dump (``id``, ``text``,
    ``title``, ``date``), the input form that every entry point reads (``geokg extract|ingest``,
    ``geokg spark extract``)."""
    with path.open("w", encoding="utf-8") as handle:
        for article in bundled_articles(count, join):
            record = {"id": article.id, "text": article.text, "title": article.title, "date": article.date}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def words_of(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)

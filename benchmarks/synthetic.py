"""Synthetic extractions shared by the benchmarks: articles of events between generated people.

The relation types are the ontology's own (``extract/data``), so the graph the benchmarks load
has the labels, codes and aggregated relationship types that real extraction produces.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

from extract.ontology import load_ontology
from graph.model import Actor, ActorType, Article, Event, Evidence, Extraction, Modality, Polarity

RELATION_NAMES = ("MEET", "CRITICIZE", "SANCTION", "BUY_FROM", "ATTACK")
T = TypeVar("T")


def extractions(events: int, *, actors: int, seed: int, per_article: int = 10,
                years: tuple[int, int] = (2024, 2024)) -> Iterator[Extraction]:
    """``events // per_article`` articles of ``per_article`` events each between ``actors`` people
    of 190 countries, dated at random within ``years``; the same arguments give the same data."""
    rng = random.Random(seed)
    ontology = load_ontology()
    relations = [ontology.relation(name) for name in RELATION_NAMES]
    people = [Actor(f"person:p{i}", f"Person {i}", ActorType.PERSON, f"C{i % 190:03d}", "GOV") for i in range(actors)]
    for number in range(events // per_article):
        article = Article(f"article:{number}", f"Synthetic article {number}.", None, "2024-01-01")
        found = []
        for slot in range(per_article):
            subject, obj = rng.sample(people, 2)
            day = f"{rng.randint(*years)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            sentence = f"{subject.name} and {obj.name}, sentence {slot} of article {number}."
            evidence = Evidence(sentence, slot * 80, slot * 80 + len(sentence))
            found.append(Event(article.id, subject, rng.choice(relations), obj, Polarity.AFFIRMED, Modality.ASSERTED,
                               None, day, "day", (evidence,), 0.9, "bench/1", "x"))
        yield Extraction(article, tuple(found), ())


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk

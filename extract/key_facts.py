"""Recall of an analyst's key facts: who did what to whom, matched at the country level.

A key fact names an article (its file name), a source and a target actor (ISO 3166 alpha-3 country
code, or for an international organisation its CAMEO code as the gazetteer writes it, e.g.
``IGOUNO``, ``IGOEUREEC``) and a CAMEO root (``01``-``20``). The extractor recovers it when some
event of that article has the source as subject, the target as object (either way round for a
reciprocal fact, such as a meeting or an agreement) and that root, as CAMEO codes the event
(``extract.evaluate.coded_cameo``: a stated intention to cooperate is ``03``, a refusal ``12``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from extract.evaluate import coded_cameo
from graph.model import Actor, ActorType, Extraction

COLUMNS: tuple[str, ...] = ("article", "source", "target", "root", "reciprocal", "sentence", "note")
ROOTS: frozenset[str] = frozenset(f"{n:02d}" for n in range(1, 21))
_RECIPROCAL: Mapping[str, bool] = {"yes": True, "no": False}
_IGO_PREFIXES: tuple[str, ...] = ("IGO",)

Key = tuple[str, str, str]  # (source code, target code, CAMEO root)


class KeyFactsError(ValueError):
    """A key-facts file that cannot be read; the message names the file and the line."""


@dataclass(frozen=True)
class KeyFact:
    """One fact an analyst listed for an article."""

    article: str
    source: str
    target: str
    root: str
    reciprocal: bool
    sentence: str
    note: str
    line: int


def load_key_facts(path: Path) -> tuple[KeyFact, ...]:
    """The facts of a tab-separated file with a header of ``COLUMNS``."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as error:
        raise KeyFactsError(f"{path}: cannot read ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise KeyFactsError(f"{path}: not UTF-8 text (byte {error.start})") from None
    if not rows or tuple(rows[0]) != COLUMNS:
        raise KeyFactsError(f"{path}:1: header must be {' '.join(COLUMNS)} (tab-separated)")
    return tuple(_fact(row, path, number) for number, row in enumerate(rows[1:], start=2) if any(row))


def _fact(row: list[str], path: Path, line: int) -> KeyFact:
    where = f"{path}:{line}"
    if len(row) != len(COLUMNS):
        raise KeyFactsError(f"{where}: {len(row)} columns, expected {len(COLUMNS)} ({' '.join(COLUMNS)})")
    article, source, target, root, reciprocal, sentence, note = (cell.strip() for cell in row)
    if not article:
        raise KeyFactsError(f"{where}: empty article")
    for column, code in (("source", source), ("target", target)):
        if not code or not code.isalnum() or not code.isupper():
            raise KeyFactsError(f"{where}: {column} {code!r} is not an actor code (ISO3 or IGO code)")
    if root not in ROOTS:
        raise KeyFactsError(f"{where}: root {root!r} is not a two-digit CAMEO root 01-20")
    if reciprocal not in _RECIPROCAL:
        raise KeyFactsError(f"{where}: reciprocal {reciprocal!r} is not yes or no")
    return KeyFact(article, source, target, root, _RECIPROCAL[reciprocal], sentence, note, line)


def fact_actor_code(actor: Actor) -> str | None:
    """The code a key fact uses for an actor: an international organisation's own CAMEO code,
    or an official's acting for one (a UN secretary-general), otherwise the country it acts for;
    None for an actor with neither."""
    acts_for_igo = actor.type is ActorType.ORGANIZATION or (actor.type is ActorType.PERSON and not actor.country)
    if acts_for_igo and actor.cameo and actor.cameo.startswith(_IGO_PREFIXES):
        return actor.cameo
    return actor.country


def event_keys(extraction: Extraction) -> frozenset[Key]:
    """(source, target, root) of every event of an extraction that CAMEO codes and whose two
    actors have a code."""
    keys: set[Key] = set()
    for event in extraction.events:
        cameo = coded_cameo(event)
        source, target = fact_actor_code(event.subject), fact_actor_code(event.object)
        if cameo is not None and source is not None and target is not None:
            keys.add((source, target, cameo[:2]))
    return frozenset(keys)


def is_recovered(fact: KeyFact, keys: frozenset[Key]) -> bool:
    """Whether the keys of the fact's article hold the fact (either way round if reciprocal)."""
    if (fact.source, fact.target, fact.root) in keys:
        return True
    return fact.reciprocal and (fact.target, fact.source, fact.root) in keys


@dataclass(frozen=True)
class RootRecall:
    """Recovered and listed facts of one CAMEO root."""

    root: str
    recovered: int
    total: int


@dataclass(frozen=True)
class FactsReport:
    """Which facts were recovered, and how many triples each article gave."""

    facts: tuple[KeyFact, ...]
    recovered: tuple[bool, ...]
    triples_per_article: tuple[tuple[str, int], ...]

    @property
    def recall(self) -> float:
        return sum(self.recovered) / len(self.facts) if self.facts else 0.0

    @property
    def missed(self) -> tuple[KeyFact, ...]:
        return tuple(fact for fact, hit in zip(self.facts, self.recovered, strict=True) if not hit)

    def by_root(self) -> tuple[RootRecall, ...]:
        """Recall per CAMEO root, in root order."""
        counts: dict[str, list[int]] = {}
        for fact, hit in zip(self.facts, self.recovered, strict=True):
            tally = counts.setdefault(fact.root, [0, 0])
            tally[0] += hit
            tally[1] += 1
        return tuple(RootRecall(root, hits, total) for root, (hits, total) in sorted(counts.items()))


def score_facts(facts: Iterable[KeyFact], extractions: Mapping[str, Extraction]) -> FactsReport:
    """Score facts against the extractions of their articles, keyed by article file name; a fact
    whose article has no extraction is an error naming its line."""
    listed = tuple(facts)
    keys = {name: event_keys(extraction) for name, extraction in extractions.items()}
    for fact in listed:
        if fact.article not in keys:
            raise KeyFactsError(f"line {fact.line}: article {fact.article!r} has no extraction (not in the folder?)")
    recovered = tuple(is_recovered(fact, keys[fact.article]) for fact in listed)
    triples = tuple((name, len(extraction.events)) for name, extraction in sorted(extractions.items()))
    return FactsReport(listed, recovered, triples)


def format_facts_report(report: FactsReport) -> str:
    """Recall overall and per root, triples per article, then every missed fact."""
    hits = sum(report.recovered)
    lines = [f"key facts recovered: {hits}/{len(report.facts)} = {report.recall:.3f}", "by CAMEO root:"]
    lines += [f"  {r.root}  {r.recovered:>3}/{r.total:<3} {r.recovered / r.total:.2f}" for r in report.by_root()]
    total_triples = sum(n for _, n in report.triples_per_article)
    lines.append(f"triples: {total_triples} in {len(report.triples_per_article)} articles")
    lines += [f"  {n:>3}  {name}" for name, n in report.triples_per_article]
    lines.append(f"missed ({len(report.missed)}):")
    lines += [
        f"  {f.article}  {f.source} -{f.root}-> {f.target}{' (either way)' if f.reciprocal else ''}: {f.sentence}"
        for f in report.missed
    ]
    return "\n".join(lines)

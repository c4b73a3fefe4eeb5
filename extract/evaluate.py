"""Scoring extraction against the gold triples in ../shared/eval (see its README).

Predictions become (source code, CAMEO code, target code) keys and are matched to gold keys
per record as multisets, at an actor level (A0 country, A1 country+sector, A2 full code) and a
relation level (R1 CAMEO root, R2 full code, RP PLOVER category).

The primary figure is ``plover_gsr`` alone at (A0,R1): its gold is human-coded. ``petr2_gsr`` gold
was derived from PETRARCH2's output, so a coder that codes like PETRARCH2 gains there whether or
not it is right; its gains alone prove nothing, and the reports say so.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from extract.ontology import DATA_DIR, plover_for, read_cameo_to_plover
from graph.model import Actor, ActorType, Article, Event, Extraction, Modality, Polarity

REAL_ACTOR_SOURCES = ("plover_gsr", "petr2_gsr")
PRIMARY_SOURCE = "plover_gsr"
PRIMARY_LEVEL = "A0,R1"
# what each source's figures are worth; printed with them
SOURCE_NOTES: Mapping[str, str] = MappingProxyType({
    "plover_gsr": "PRIMARY: human-coded gold",
    "petr2_gsr": "derived from PETRARCH2 output: its gains alone prove nothing",
    "plover_gsr+petr2_gsr": "partly derived from PETRARCH2 output (petr2_gsr): read it with plover_gsr alone",
})


@dataclass(frozen=True)
class Coded:
    """An actor-event-actor key in the gold set's code space."""

    source: str | None
    cameo: str
    target: str | None


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    date: str | None
    source_name: str
    gold: tuple[Coded, ...]
    gold_plover: tuple[str | None, ...]
    invalid_gold: int


def actor_code(actor: Actor) -> str:
    """A CAMEO-style actor code: country (or IGO/NGO/region code) followed by a sector."""
    if actor.type is ActorType.REGION and actor.cameo:
        return actor.cameo
    if actor.type is ActorType.ORGANIZATION and actor.cameo and actor.cameo[:3] in ("IGO", "NGO", "IMG", "MNC"):
        return actor.cameo
    if actor.country:
        sector = "" if actor.type is ActorType.COUNTRY else (actor.sector or "")
        return actor.country + sector
    return actor.cameo if actor.cameo and actor.cameo[:3] != "---" else "---"


def coded_cameo(event: Event) -> str | None:
    """The CAMEO code of an event as CAMEO codes it, or None when CAMEO would not code it.

    CAMEO codes stated intentions to cooperate under 03 and intentions to use force under 13;
    an appeal (02) stays an appeal whatever its modality; a refused or negated cooperation is a
    rejection (12); a negated conflict and a hypothetical ("could strike", "whether they will
    meet") are no event.
    """
    relation = event.relation
    if event.polarity is Polarity.NEGATED:
        return "120" if relation.quad_class in (1, 2) else None
    if event.modality is Modality.HYPOTHETICAL:
        return None
    if event.modality is Modality.INTENDED:
        if relation.quad_class in (1, 2) and relation.cameo[:2] not in ("02", "03"):
            return "030"
        if relation.quad_class == 4:
            return "130"
    return relation.cameo


def predicted_keys(events: Iterable[Event]) -> list[Coded]:
    """Keys for a record's events; reciprocal relations count in both directions."""
    keys: list[Coded] = []
    for event in events:
        cameo = coded_cameo(event)
        if cameo is None:
            continue
        source, target = actor_code(event.subject), actor_code(event.object)
        keys.append(Coded(source, cameo, target))
        if event.relation.reciprocal:
            keys.append(Coded(target, cameo, source))
    return keys


def _gold_actor(actor: dict[str, Any] | None) -> str | None:
    return None if actor is None else str(actor["code"])


def read_gold(path: Path) -> Iterator[GoldRecord]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = _gold_record(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: invalid JSON ({error.msg})") from error
            except (KeyError, TypeError, AttributeError) as error:
                raise ValueError(f"{path}:{number}: not a gold record ({type(error).__name__}: {error})") from error
            yield record


def _gold_record(record: dict[str, Any]) -> GoldRecord:
    """One line of a gold file (schema in ../shared/eval/README.md)."""
    gold: list[Coded] = []
    plover: list[str | None] = []
    invalid = 0
    for event in record["gold"]:
        relation = event["relation"]
        if relation.get("cameo_valid") is False:
            invalid += 1
            continue
        code = relation.get("cameo") or (relation.get("root") or "")
        gold.append(Coded(_gold_actor(event["source"]), code, _gold_actor(event["target"])))
        plover.append(relation.get("plover"))
    return GoldRecord(record["id"], record["text"], record.get("date"), record["source_name"],
                      tuple(gold), tuple(plover), invalid)


ActorLevel = Callable[[str | None], str | None]
RelationLevel = Callable[[str], str | None]


def a0(code: str | None) -> str | None:
    return None if code is None else code[:3]


def a1(code: str | None) -> str | None:
    return None if code is None else code[:6]


def a2(code: str | None) -> str | None:
    return code


def r1(cameo: str) -> str | None:
    return cameo[:2] or None


def r2(cameo: str) -> str | None:
    return cameo


def ignore(_: object) -> str:
    return "*"


@dataclass
class Score:
    """Micro-averaged counts for one level over many records."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: list[tuple[str | None, ...]], predicted: list[tuple[str | None, ...]]) -> None:
        self.tp += sum((Counter(gold) & Counter(predicted)).values())
        self.predicted += len(predicted)
        self.gold += len(gold)


@dataclass(frozen=True)
class Level:
    name: str
    actor: ActorLevel
    relation: RelationLevel
    plover: bool = False
    lenient_target: bool = False


LEVELS: tuple[Level, ...] = (
    Level("A0,R1", a0, r1),
    Level("A0,R1 lenient", a0, r1, lenient_target=True),
    Level("A1,R1", a1, r1),
    Level("A2,R2", a2, r2),
    Level("A0,PLOVER", a0, r2, plover=True),
    Level("dyad only", a0, ignore),
    Level("relation only", ignore, r1),
)


@dataclass
class Report:
    """Scores per source and level, plus bookkeeping counts."""

    scores: dict[tuple[str, str], Score] = field(default_factory=dict)
    records: Counter[str] = field(default_factory=Counter)
    invalid_gold: int = 0
    plover_dropped: int = 0
    silence: dict[str, Silence] = field(default_factory=dict)

    def score(self, group: str, level: str) -> Score:
        return self.scores.setdefault((group, level), Score())


@dataclass
class Silence:
    """Records whose gold has an event between two actors and where the extractor emitted no
    event at all, with the reasons it dropped its candidates there ("no trigger" when it had
    none); a record counts once per reason."""

    paired_records: int = 0
    silent_records: int = 0
    reasons: Counter[str] = field(default_factory=Counter)


def count_silence(record: GoldRecord, extraction: Extraction, report: Report) -> None:
    """Add one record to the silence counts of its groups."""
    if not any(gold.source is not None and gold.target is not None for gold in record.gold):
        return
    reasons = sorted({drop.reason.value for drop in extraction.drops}) or ["no trigger"]
    for group in _groups(record.source_name):
        silence = report.silence.setdefault(group, Silence())
        silence.paired_records += 1
        if not extraction.events:
            silence.silent_records += 1
            silence.reasons.update(reasons)


def _groups(source_name: str) -> tuple[str, ...]:
    groups = [source_name, "all"]
    if source_name in REAL_ACTOR_SOURCES:
        groups.append("+".join(REAL_ACTOR_SOURCES))
    return tuple(groups)


def score_record(record: GoldRecord, events: Iterable[Event], report: Report, plover_table: dict[str, str]) -> None:
    """Add one record's predictions to every group and level of ``report``."""
    predicted = predicted_keys(events)
    report.records[record.source_name] += 1
    report.invalid_gold += record.invalid_gold
    for level in LEVELS:
        if level.plover and record.source_name != "plover_gsr":
            continue
        gold_keys: list[tuple[str | None, ...]] = []
        for gold, gold_plover in zip(record.gold, record.gold_plover, strict=True):
            relation = gold_plover if level.plover else level.relation(gold.cameo)
            gold_keys.append((level.actor(gold.source), relation, level.actor(gold.target)))
        predicted_list: list[tuple[str | None, ...]] = []
        for key in predicted:
            if level.plover:
                if key.cameo[:2] in ("01", "02"):
                    report.plover_dropped += 1
                    continue
                relation = plover_for(key.cameo, plover_table)
            else:
                relation = level.relation(key.cameo)
            target = level.actor(key.target)
            predicted_list.append((level.actor(key.source), relation, target))
        if level.lenient_target:
            open_targets = Counter((s, r) for s, r, t in gold_keys if t is None)
            adjusted: list[tuple[str | None, ...]] = []
            for s, r, t in predicted_list:
                if open_targets[(s, r)] > 0:
                    open_targets[(s, r)] -= 1
                    adjusted.append((s, r, None))
                else:
                    adjusted.append((s, r, t))
            predicted_list = adjusted
        for group in _groups(record.source_name):
            report.score(group, level.name).add(gold_keys, predicted_list)


def evaluate(
    path: Path,
    run: Callable[[list[Article]], Iterable[Extraction]],
    on_record: Callable[[GoldRecord, Extraction], None] | None = None,
) -> Report:
    """Extract every gold sentence with ``run`` and score the predictions."""
    records = list(read_gold(path))
    articles = [Article(record.id, record.text, None, record.date) for record in records]
    report = Report()
    plover_table = read_cameo_to_plover(DATA_DIR / "cameo2plover.tsv")
    by_id = {record.id: record for record in records}
    for extraction in run(articles):
        record = by_id[extraction.article.id]
        score_record(record, extraction.events, report, plover_table)
        count_silence(record, extraction, report)
        if on_record is not None:
            on_record(record, extraction)
    return report


def _ordered_groups(report: Report) -> list[str]:
    """The primary source first, then single sources, then combinations, then ``all``."""
    return sorted({g for g, _ in report.scores}, key=_group_order)


def _group_order(group: str) -> tuple[bool, bool, bool, str]:
    return (group != PRIMARY_SOURCE, group == "all", "+" in group, group)


def _score_row(score: Score) -> str:
    return (f"{score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
            f"{score.tp:5d} {score.predicted:5d} {score.gold:5d}")


def format_report(report: Report) -> str:
    """A plain-text table: the primary figure first, then one row per group and level, each
    group under the note on what its gold is worth."""
    lines: list[str] = []
    primary = report.scores.get((PRIMARY_SOURCE, PRIMARY_LEVEL))
    if primary is not None:
        lines.append(f"PRIMARY figure ({PRIMARY_SOURCE} alone, human-coded gold, {PRIMARY_LEVEL}): "
                     f"P {primary.precision:.3f}  R {primary.recall:.3f}  F1 {primary.f1:.3f}")
        lines.append("")
    header = f"{'source':<22} {'level':<15} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'pred':>5} {'gold':>5}"
    lines.append(header)
    for group in _ordered_groups(report):
        if group in SOURCE_NOTES:
            lines.append(f"# {group}: {SOURCE_NOTES[group]}")
        for level in LEVELS:
            score = report.scores.get((group, level.name))
            if score is None:
                continue
            lines.append(f"{group:<22} {level.name:<15} {_score_row(score)}")
        lines.append("")
    for group in sorted(report.silence, key=_group_order):
        silence = report.silence[group]
        reasons = ", ".join(f"{reason} {count}" for reason, count in silence.reasons.most_common())
        lines.append(f"silent, {group}: {silence.silent_records} of {silence.paired_records} records with a "
                     f"two-actor gold event gave no event" + (f" (drops there: {reasons})" if reasons else ""))
    lines.append("")
    counts = ", ".join(f"{name} {count}" for name, count in sorted(report.records.items()))
    lines.append(f"records: {counts}; gold events skipped as non-CAMEO: {report.invalid_gold}; "
                 f"predictions with roots 01/02 left out of PLOVER scoring: {report.plover_dropped}")
    return "\n".join(lines)


def _score_json(score: Score) -> dict[str, Any]:
    return {"precision": round(score.precision, 4), "recall": round(score.recall, 4), "f1": round(score.f1, 4),
            "tp": score.tp, "predicted": score.predicted, "gold": score.gold}


def report_json(report: Report) -> dict[str, Any]:
    """``primary`` (the primary figure, or null without plover_gsr records), ``notes`` (what each
    source's gold is worth), then one ``group|level`` entry per score in the table's order."""
    primary = report.scores.get((PRIMARY_SOURCE, PRIMARY_LEVEL))
    result: dict[str, Any] = {
        "primary": None if primary is None else {
            "source": PRIMARY_SOURCE, "level": PRIMARY_LEVEL, "note": SOURCE_NOTES[PRIMARY_SOURCE],
            **_score_json(primary),
        },
        "notes": dict(SOURCE_NOTES),
    }
    for group in _ordered_groups(report):
        for level in LEVELS:
            score = report.scores.get((group, level.name))
            if score is not None:
                result[f"{group}|{level.name}"] = _score_json(score)
    result["silence"] = {
        group: {"paired_records": s.paired_records, "silent_records": s.silent_records, "reasons": dict(s.reasons)}
        for group, s in sorted(report.silence.items())
    }
    return result

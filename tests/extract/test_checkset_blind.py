"""The blind sentence check set (checkset_blind.jsonl; how it was written: CHECKSET_BLIND.md).

A helper wrote it blind to the extractor, in the manner of the CAMEO codebook's example sentences,
as a stand-in for the human-coded half of the held-out gold. It is scored, never read for rules:
the test prints figures only, no sentence. The floors sit about five points under the scores
measured at the session's start commit (4557778: A0,R1 P 0.817, R 0.645).
"""

from __future__ import annotations

from pathlib import Path

from extract.evaluate import evaluate, read_gold
from extract.pipeline import Extractor

CHECKSET_BLIND = Path(__file__).with_name("checkset_blind.jsonl")
SOURCE_NAME = "geokg_checkset_blind"
RECORDS = 150
NEGATIVES = 20
PRECISION_FLOOR = 0.77
RECALL_FLOOR = 0.60


def test_every_record_is_read_and_every_root_is_coded() -> None:
    records = list(read_gold(CHECKSET_BLIND))
    assert len(records) == RECORDS
    assert len({record.id for record in records}) == RECORDS
    assert sum(1 for record in records if not record.gold) == NEGATIVES
    roots = {event.cameo[:2] for record in records for event in record.gold}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_scores_stay_above_the_floor(extractor: Extractor) -> None:
    report = evaluate(CHECKSET_BLIND, extractor.extract_many)
    assert report.records[SOURCE_NAME] == RECORDS
    headline = report.score(SOURCE_NAME, "A0,R1")
    print(f"checkset_blind A0,R1 P {headline.precision:.3f} R {headline.recall:.3f} F1 {headline.f1:.3f}")
    assert headline.precision >= PRECISION_FLOOR, f"A0,R1 precision {headline.precision:.3f} < {PRECISION_FLOOR}"
    assert headline.recall >= RECALL_FLOOR, f"A0,R1 recall {headline.recall:.3f} < {RECALL_FLOOR}"

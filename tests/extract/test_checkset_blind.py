"""The blind sentence check sets (checkset_blind*.jsonl; how each was written: CHECKSET_BLIND*.md).

Helpers wrote them blind to the extractor, as stand-ins for the human-coded half of the held-out
gold: the first and second in the manner of the CAMEO codebook's example sentences, the third as
longer wire-news leads, the fourth half of each. They are scored, never read for rules while they
are held out: the test prints figures only, no sentence. Each floor sits about five points under the
score measured when the set arrived (the first at 4557778: A0,R1 P 0.817, R 0.645; the second and
third at b3f7836: P 0.776, R 0.622 and P 0.670, R 0.487; the fourth at 2afb055: P 0.759, R 0.671).
The first set was opened for study in session 19, when the second and third were commissioned (its
notes say so); the second to fourth stay held out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from extract.evaluate import evaluate, read_gold
from extract.pipeline import Extractor

HERE = Path(__file__).parent


@dataclass(frozen=True)
class BlindSet:
    """One blind check set: its file, its source name, its counts and its score floors."""

    file: str
    source_name: str
    records: int
    negatives: int
    precision_floor: float
    recall_floor: float

    @property
    def path(self) -> Path:
        return HERE / self.file


BLIND_SETS = (
    BlindSet("checkset_blind.jsonl", "geokg_checkset_blind", 150, 20, 0.77, 0.60),
    BlindSet("checkset_blind2.jsonl", "geokg_checkset_blind2", 150, 20, 0.72, 0.57),
    BlindSet("checkset_blind3.jsonl", "geokg_checkset_blind3", 150, 20, 0.62, 0.44),
    BlindSet("checkset_blind4.jsonl", "geokg_checkset_blind4", 150, 20, 0.71, 0.62),
)


@pytest.mark.parametrize("blind", BLIND_SETS, ids=lambda blind: blind.source_name)
def test_every_record_is_read_and_every_root_is_coded(blind: BlindSet) -> None:
    records = list(read_gold(blind.path))
    assert len(records) == blind.records
    assert len({record.id for record in records}) == blind.records
    assert {record.source_name for record in records} == {blind.source_name}
    assert sum(1 for record in records if not record.gold) == blind.negatives
    roots = {event.cameo[:2] for record in records for event in record.gold}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize("blind", BLIND_SETS, ids=lambda blind: blind.source_name)
def test_scores_stay_above_the_floor(extractor: Extractor, blind: BlindSet) -> None:
    report = evaluate(blind.path, extractor.extract_many)
    assert report.records[blind.source_name] == blind.records
    headline = report.score(blind.source_name, "A0,R1")
    print(f"{blind.source_name} A0,R1 P {headline.precision:.3f} R {headline.recall:.3f} F1 {headline.f1:.3f}")
    assert headline.precision >= blind.precision_floor, (
        f"{blind.source_name} A0,R1 precision {headline.precision:.3f} < {blind.precision_floor}")
    assert headline.recall >= blind.recall_floor, (
        f"{blind.source_name} A0,R1 recall {headline.recall:.3f} < {blind.recall_floor}")

"""tools/fit_confidence.py on tiny synthetic judged tables (never the judged sets): the join by key
columns, the regularised logistic fit recovering a known separation, the leave-one-set-out figures,
and the written model read back by extract/calibration.py."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from extract.calibration import load_confidence_model, triple_features
from extract.judged_triples import load_judged, verdicts
from graph.model import Actor, ActorType, Event, Evidence, Modality, Polarity, RelationType

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "fit_confidence.py"
FRANCE = Actor("country:FRA", "France", ActorType.COUNTRY, "FRA", "GOV")
ITALY = Actor("country:ITA", "Italy", ActorType.COUNTRY, "ITA", "GOV")
CRITICIZE = RelationType("CRITICIZE", "111", 3, -2.0, False, "ACCUSE", "")
HEADER = "article_id\tchar_start\tchar_end\tsubject_id\trelation\tobject_id\tpolarity\tmodality\tverdict\tcause\n"


@pytest.fixture(scope="module")
def fitter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_confidence", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fit_confidence"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def event(start: int, pairing: str = "dependency", confidence: float = 0.9,
          polarity: Polarity = Polarity.AFFIRMED) -> Event:
    return Event("a1", FRANCE, CRITICIZE, ITALY, polarity, Modality.ASSERTED, None, None, "unknown",
                 (Evidence("France criticised Italy.", start, start + 24),), confidence, "test/0", "criticise",
                 pairing=pairing)


def test_events_join_their_judged_rows_by_the_key_columns(fitter: ModuleType, tmp_path: Path) -> None:
    judged = tmp_path / "judged.tsv"
    judged.write_text(HEADER + "".join([
        "a1\t0\t24\tcountry:FRA\tCRITICIZE\tcountry:ITA\taffirmed\tasserted\tcorrect\t\n",
        "a1\t30\t54\tcountry:FRA\tCRITICIZE\tcountry:ITA\taffirmed\tasserted\twrong\twrong_actor\n",
        "a1\t60\t84\tcountry:FRA\tCRITICIZE\tcountry:ITA\taffirmed\tasserted\tunsure\t\n",  # no verdict
        "a1\t90\t114\tcountry:FRA\tCRITICIZE\tcountry:ITA\taffirmed\tasserted\tcorrect\t\n",
    ]), encoding="utf-8")
    events = [event(0), event(30, "backoff", 0.5), event(60), event(90, polarity=Polarity.NEGATED), event(120)]
    rows, unjudged = fitter.judged_triples(events, verdicts(load_judged(judged)))
    assert [(r.features.pairing, r.correct) for r in rows] == [("dependency", True), ("backoff", False)]
    assert rows[1].features == triple_features(events[1])
    assert unjudged == 3  # the unsure row, the negated one (another key) and the one with no row


def synthetic(fitter: ModuleType, correct_along_parse: int, correct_by_order: int, each: int = 50) -> list[object]:
    """``each`` triples along the parse and ``each`` by word order, the given numbers of them right."""
    rows = [fitter.Judged(triple_features(event(n)), n < correct_along_parse) for n in range(each)]
    rows += [fitter.Judged(triple_features(event(n, "backoff", 0.5)), n < correct_by_order) for n in range(each)]
    return rows


def test_the_fit_recovers_a_known_separation(fitter: ModuleType) -> None:
    rows = synthetic(fitter, 45, 10)  # along the parse 90% right, by word order 20%
    names = fitter.names_of(["pairing"])
    x, y = fitter.design(rows, names)
    intercept, weights = fitter.fit_logistic(x, y, l2=0.01)
    p = fitter.probabilities(x, intercept, weights)
    assert p[0] == pytest.approx(0.9, abs=0.01) and p[-1] == pytest.approx(0.2, abs=0.01)
    assert weights[names.index("pairing_backoff")] < 0
    _, strong = fitter.fit_logistic(x, y, l2=1000.0)  # a strong L2 shrinks the weights
    assert abs(strong[names.index("pairing_backoff")]) < abs(weights[names.index("pairing_backoff")]) / 5
    assert fitter.log_loss(p, y) < fitter.log_loss(np.full(len(y), y.mean()), y)


def test_leave_one_set_out_scores_each_set_by_a_fit_on_the_others(fitter: ModuleType) -> None:
    by_set = {"one": synthetic(fitter, 45, 10), "two": synthetic(fitter, 44, 12), "three": synthetic(fitter, 46, 8)}
    results = fitter.leave_one_set_out(by_set, fitter.names_of(["pairing"]), 0.1, 0.5, False)
    assert [r.name for r in results] == ["one", "two", "three"]
    one = results[0]
    # the floor removes exactly the word-order triples: 10 right and 40 wrong of set one
    assert (one.triples, one.correct, one.removed_correct, one.removed_wrong) == (100, 55, 10, 40)
    assert one.precision_before() == 0.55 and one.precision_after() == 0.9
    total = fitter.total(results)
    assert (total.triples, total.removed_correct, total.removed_wrong) == (300, 30, 120)
    raw = fitter.raw_threshold(by_set, 0.6)  # the plain rule drops the same triples here
    assert [(r.removed_correct, r.removed_wrong) for r in raw] == [(10, 40), (12, 38), (8, 42)]


def test_the_tuned_sets_offset_stays_out_of_the_model(fitter: ModuleType) -> None:
    # the tuned set is right more often at equal features: with the offset the model follows the others
    by_set = {"newsset": synthetic(fitter, 50, 40), "blind_a": synthetic(fitter, 40, 5),
              "blind_b": synthetic(fitter, 40, 5)}
    names = fitter.names_of(["pairing"])
    with_offset, _ = fitter.fit_model(by_set, names, 0.01, True)
    pooled, _ = fitter.fit_model(by_set, names, 0.01, False)
    assert 1 / (1 + math.exp(-with_offset)) == pytest.approx(0.8, abs=0.01)  # along the parse, blind sets
    assert pooled > with_offset


def test_the_written_model_is_read_back_with_the_same_probabilities(fitter: ModuleType, tmp_path: Path) -> None:
    rows = synthetic(fitter, 45, 10)
    names = fitter.names_of(["raw", "pairing"])
    x, y = fitter.design(rows, names)
    intercept, weights = fitter.fit_logistic(x, y, l2=1.0)
    path = tmp_path / "confidence_model.toml"
    path.write_text(fitter.model_toml(intercept, names, weights, ["a test model", "fitted on nothing real"]),
                    encoding="utf-8")
    assert path.read_text(encoding="utf-8").startswith("# a test model\n# fitted on nothing real\n")
    model = load_confidence_model(path)
    expected = fitter.probabilities(x, intercept, weights)
    for row, p in zip(rows, expected, strict=True):
        assert model.probability(row.features) == pytest.approx(p, abs=1e-3)

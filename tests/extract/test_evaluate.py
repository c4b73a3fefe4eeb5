"""Scoring predictions against gold triples, on hand-built events and records."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from extract.evaluate import (
    LEVELS,
    Coded,
    GoldRecord,
    Report,
    Score,
    actor_code,
    coded_cameo,
    count_silence,
    evaluate,
    format_report,
    predicted_keys,
    read_gold,
    report_json,
    score_record,
)
from extract.ontology import DATA_DIR, read_cameo_to_plover
from graph.model import (
    Actor,
    ActorType,
    Article,
    Drop,
    DropReason,
    Event,
    Evidence,
    Extraction,
    Modality,
    Polarity,
    RelationType,
)

HUN = Actor("country:HUN", "Hungary", ActorType.COUNTRY, "HUN", "GOV", cameo="HUN")
RUS = Actor("country:RUS", "Russia", ActorType.COUNTRY, "RUS", "GOV", cameo="RUS")
USA = Actor("country:USA", "United States", ActorType.COUNTRY, "USA", "GOV", cameo="USA")
IRQ = Actor("country:IRQ", "Iraq", ActorType.COUNTRY, "IRQ", "GOV", cameo="IRQ")
ISR = Actor("country:ISR", "Israel", ActorType.COUNTRY, "ISR", "GOV", cameo="ISR")
LBN = Actor("country:LBN", "Lebanon", ActorType.COUNTRY, "LBN", "GOV", cameo="LBN")
PSE = Actor("country:PSE", "Palestine", ActorType.COUNTRY, "PSE", "GOV", cameo="PSE")
SZIJJARTO = Actor("person:peter-szijjarto", "Péter Szijjártó", ActorType.PERSON, "HUN", "GOV",
                  title="foreign minister", cameo="HUNGOV")

MEET = RelationType("MEET", "040", 1, 1.0, True, "CONSULT", "")
EXPRESS_INTENT_TO_MEET = RelationType("INTEND_MEET", "036", 1, 4.0, False, "AGREE", "")
COMMENT_ON = RelationType("COMMENT_ON", "010", 1, 0.0, False, None, "")
BUY_FROM = RelationType("BUY_FROM", "061", 2, 6.4, False, "COOPERATE", "")
CRITICIZE = RelationType("CRITICIZE", "111", 3, -2.0, False, "ACCUSE", "")
ATTACK = RelationType("ATTACK", "190", 4, -10.0, False, "ASSAULT", "")


def event(
    subject: Actor,
    relation: RelationType,
    obj: Actor,
    polarity: Polarity = Polarity.AFFIRMED,
    modality: Modality = Modality.ASSERTED,
    article_id: str = "a",
) -> Event:
    return Event(
        article_id=article_id, subject=subject, relation=relation, object=obj, polarity=polarity,
        modality=modality, attributed_to=None, date=None, date_precision="unknown",
        evidence=(Evidence("s", 0, 1),), confidence=0.9, extractor="test/0", trigger=relation.name.lower(),
    )


# --- actor codes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actor", "code"),
    [
        # A country is its ISO code, whatever its sector.
        (HUN, "HUN"),
        (Actor("country:FRA", "France", ActorType.COUNTRY, "FRA", "MIL"), "FRA"),
        # A person is country + sector, or the country alone.
        (SZIJJARTO, "HUNGOV"),
        (Actor("person:x", "X", ActorType.PERSON, "RUS", "MIL"), "RUSMIL"),
        (Actor("person:y", "Y", ActorType.PERSON, "CHN"), "CHN"),
        # Groups.
        (Actor("group:hamas", "Hamas", ActorType.GROUP, "PSE", "REB", cameo="PSEREB"), "PSEREB"),
        (Actor("group:taliban", "Taliban", ActorType.GROUP, None, None, cameo="AFGINSTAL"), "AFGINSTAL"),
        (Actor("group:rebels", "rebels", ActorType.GROUP, None, "REB"), "---"),
        # International organisations keep their IGO/NGO code even with a country.
        (Actor("org:nato", "NATO", ActorType.ORGANIZATION, None, None, cameo="IGOWSTNAT"), "IGOWSTNAT"),
        (Actor("org:icrc", "ICRC", ActorType.ORGANIZATION, "CHE", None, cameo="NGOHLHIRC"), "NGOHLHIRC"),
        (Actor("org:gazprom", "Gazprom", ActorType.ORGANIZATION, "RUS", "BUS", cameo="RUSBUS"), "RUSBUS"),
        # Regions.
        (Actor("region:europe", "Europe", ActorType.REGION, None, None, cameo="EUR"), "EUR"),
        (Actor("region:somewhere", "Somewhere", ActorType.REGION), "---"),
        # Unknown actors.
        (Actor("person:unknown", "Someone", ActorType.PERSON), "---"),
        (Actor("person:official", "an official", ActorType.PERSON, None, "GOV", cameo="---GOV"), "---"),
    ],
)
def test_actor_code(actor: Actor, code: str) -> None:
    assert actor_code(actor) == code


# --- event codes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("relation", "polarity", "modality", "expected"),
    [
        (MEET, Polarity.AFFIRMED, Modality.ASSERTED, "040"),
        (MEET, Polarity.AFFIRMED, Modality.REPORTED, "040"),
        # A hypothetical ("could strike", "whether they will meet") is not coded.
        (MEET, Polarity.AFFIRMED, Modality.HYPOTHETICAL, None),
        (ATTACK, Polarity.AFFIRMED, Modality.HYPOTHETICAL, None),
        (CRITICIZE, Polarity.AFFIRMED, Modality.ASSERTED, "111"),
        # Negated cooperation (verbal or material) is a rejection; negated conflict is no event.
        (MEET, Polarity.NEGATED, Modality.ASSERTED, "120"),
        (BUY_FROM, Polarity.NEGATED, Modality.REPORTED, "120"),
        (CRITICIZE, Polarity.NEGATED, Modality.ASSERTED, None),
        (ATTACK, Polarity.NEGATED, Modality.INTENDED, None),
        # Intended cooperation is 030 unless already under 03; intended force is a threat (130).
        (MEET, Polarity.AFFIRMED, Modality.INTENDED, "030"),
        (BUY_FROM, Polarity.AFFIRMED, Modality.INTENDED, "030"),
        (EXPRESS_INTENT_TO_MEET, Polarity.AFFIRMED, Modality.INTENDED, "036"),
        (ATTACK, Polarity.AFFIRMED, Modality.INTENDED, "130"),
        (CRITICIZE, Polarity.AFFIRMED, Modality.INTENDED, "111"),
    ],
)
def test_coded_cameo(relation: RelationType, polarity: Polarity, modality: Modality, expected: str | None) -> None:
    assert coded_cameo(event(HUN, relation, RUS, polarity, modality)) == expected


def test_predicted_keys_expand_reciprocal_relations_and_skip_uncoded_events() -> None:
    events = [
        event(SZIJJARTO, MEET, RUS),
        event(HUN, CRITICIZE, RUS),
        event(USA, ATTACK, IRQ, Polarity.NEGATED),
        event(HUN, MEET, RUS, Polarity.NEGATED),
        event(ISR, ATTACK, LBN, modality=Modality.INTENDED),
    ]
    assert predicted_keys(events) == [
        Coded("HUNGOV", "040", "RUS"),
        Coded("RUS", "040", "HUNGOV"),
        Coded("HUN", "111", "RUS"),
        Coded("HUN", "120", "RUS"),
        Coded("RUS", "120", "HUN"),
        Coded("ISR", "130", "LBN"),
    ]
    assert predicted_keys([]) == []


# --- counting -----------------------------------------------------------------------------


def test_score_counts_multiset_intersections() -> None:
    score = Score()
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)
    key, other = ("HUN", "11", "RUS"), ("USA", "19", "IRQ")
    score.add([key, key], [key])  # one prediction matches one of two gold copies
    assert (score.tp, score.predicted, score.gold) == (1, 1, 2)
    score.add([key, key], [key, key, key, other])  # three predictions, only two gold copies
    assert (score.tp, score.predicted, score.gold) == (3, 5, 4)
    score.add([], [other])
    assert (score.tp, score.predicted, score.gold) == (3, 6, 4)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.75)
    assert score.f1 == pytest.approx(0.6)


# --- one record at every level ------------------------------------------------------------

PLOVER_TABLE = read_cameo_to_plover(DATA_DIR / "cameo2plover.tsv")

PLOVER_RECORD = GoldRecord(
    id="plover_gsr:1",
    text="...",
    date=None,
    source_name="plover_gsr",
    gold=(Coded("HUNMIL", "112", "RUS"), Coded("USA", "190", None)),
    gold_plover=("ACCUSE", "ASSAULT"),
    invalid_gold=1,
)
PLOVER_EVENTS = [
    event(SZIJJARTO, CRITICIZE, RUS),  # HUNGOV 111 RUS
    event(USA, ATTACK, IRQ),  # USA 190 IRQ
    event(HUN, MEET, RUS),  # HUN 040 RUS and RUS 040 HUN
    event(HUN, COMMENT_ON, RUS),  # HUN 010 RUS: root 01 is left out of PLOVER scoring
]

# (tp, predicted, gold) per level, worked out by hand from the five predicted keys
# (HUNGOV 111 RUS), (USA 190 IRQ), (HUN 040 RUS), (RUS 040 HUN), (HUN 010 RUS)
# against the gold (HUNMIL 112 RUS), (USA 190 -).
EXPECTED_PLOVER_RECORD = {
    "A0,R1": (1, 5, 2),  # HUN 11 RUS matches; USA 19 IRQ does not match USA 19 (no target)
    "A0,R1 lenient": (2, 5, 2),  # ...unless an open gold target accepts any predicted target
    "A1,R1": (0, 5, 2),  # HUNGOV is not HUNMIL
    "A2,R2": (0, 5, 2),
    "A0,PLOVER": (1, 4, 2),  # 111 -> ACCUSE matches; 010 left out
    "dyad only": (1, 5, 2),  # three predictions on HUN-RUS, one gold copy
    "relation only": (2, 5, 2),  # 11 and 19
}


def _counts(report: Report, group: str) -> dict[str, tuple[int, int, int]]:
    return {
        level: (s.tp, s.predicted, s.gold) for (g, level), s in report.scores.items() if g == group
    }


def test_score_record_at_every_level() -> None:
    report = Report()
    score_record(PLOVER_RECORD, PLOVER_EVENTS, report, PLOVER_TABLE)
    assert {g for g, _ in report.scores} == {"plover_gsr", "all", "plover_gsr+petr2_gsr"}
    for group in ("plover_gsr", "all", "plover_gsr+petr2_gsr"):
        assert _counts(report, group) == EXPECTED_PLOVER_RECORD
    assert report.records == Counter({"plover_gsr": 1})
    assert report.invalid_gold == 1
    assert report.plover_dropped == 1
    assert report.score("plover_gsr", "A0,R1").precision == pytest.approx(0.2)
    assert report.score("plover_gsr", "A0,R1").recall == pytest.approx(0.5)


def test_other_sources_skip_plover_and_add_up_in_all() -> None:
    report = Report()
    score_record(PLOVER_RECORD, PLOVER_EVENTS, report, PLOVER_TABLE)
    other = GoldRecord("petr_validate:9", "...", "2000-01-01", "petr_validate",
                       (Coded("ISR", "190", "PSE"), Coded("ISR", "130", "LBN")), ("ASSAULT", "THREATEN"), 0)
    score_record(other, [event(ISR, ATTACK, PSE, Polarity.NEGATED),
                         event(ISR, ATTACK, LBN, modality=Modality.INTENDED)], report, PLOVER_TABLE)
    # One prediction (ISR 130 LBN) against two gold events.
    assert _counts(report, "petr_validate") == {
        "A0,R1": (1, 1, 2), "A0,R1 lenient": (1, 1, 2), "A1,R1": (1, 1, 2), "A2,R2": (1, 1, 2),
        "dyad only": (1, 1, 2), "relation only": (1, 1, 2),
    }
    assert ("petr_validate+petr2_gsr", "A0,R1") not in report.scores
    all_counts = _counts(report, "all")
    assert all_counts["A0,R1"] == (2, 6, 4)
    assert all_counts["A0,PLOVER"] == (1, 4, 2)  # only the plover_gsr record
    assert _counts(report, "plover_gsr+petr2_gsr")["A0,R1"] == (1, 5, 2)
    assert report.records == Counter({"plover_gsr": 1, "petr_validate": 1})


def test_lenient_target_only_opens_as_many_targets_as_gold_leaves_open() -> None:
    record = GoldRecord("petr2_gsr:1", "...", None, "petr2_gsr", (Coded("USA", "190", None),), ("ASSAULT",), 0)
    report = Report()
    score_record(record, [event(USA, ATTACK, IRQ), event(USA, ATTACK, LBN)], report, PLOVER_TABLE)
    assert _counts(report, "petr2_gsr")["A0,R1 lenient"] == (1, 2, 1)
    assert _counts(report, "petr2_gsr")["A0,R1"] == (0, 2, 1)


def test_format_report_names_groups_and_levels() -> None:
    report = Report()
    score_record(PLOVER_RECORD, PLOVER_EVENTS, report, PLOVER_TABLE)
    text = format_report(report)
    lines = text.splitlines()
    # the primary figure first: plover_gsr alone at (A0,R1)
    assert lines[:2] == ["PRIMARY figure (plover_gsr alone, human-coded gold, A0,R1): P 0.200  R 0.500  F1 0.286", ""]
    assert lines[2].split() == ["source", "level", "P", "R", "F1", "TP", "pred", "gold"]
    assert lines[3] == "# plover_gsr: PRIMARY: human-coded gold"
    rows = [line.split() for line in lines[3:] if line.strip() and not line.startswith(("records:", "#"))]
    # plover_gsr first, the combined group next (under its note), "all" last.
    assert [row[0] for row in rows] == ["plover_gsr"] * 7 + ["plover_gsr+petr2_gsr"] * 7 + ["all"] * 7
    assert ("# plover_gsr+petr2_gsr: partly derived from PETRARCH2 output (petr2_gsr): "
            "read it with plover_gsr alone") in lines
    first = lines[4].split()
    assert first == ["plover_gsr", "A0,R1", "0.200", "0.500", "0.286", "1", "5", "2"]
    assert [level.name for level in LEVELS] == [" ".join(row[1:-6]) for row in rows[:7]]
    assert lines[-1] == ("records: plover_gsr 1; gold events skipped as non-CAMEO: 1; "
                         "predictions with roots 01/02 left out of PLOVER scoring: 1")


# --- reading gold and evaluating end to end -----------------------------------------------


def _gold_event(source: str | None, target: str | None, cameo: str | None, root: str | None,
                plover: str | None, valid: bool | None = True) -> dict[str, object]:
    return {
        "source": None if source is None else {"code": source},
        "target": None if target is None else {"code": target},
        "relation": {"cameo": cameo, "root": root, "cameo_valid": valid, "plover": plover},
    }


GOLD_LINES = [
    {"id": "plover_gsr:1", "text": "Hungary criticized Russia.", "date": None, "source_name": "plover_gsr",
     "gold": [_gold_event("HUNGOV", "RUS", None, "11", "ACCUSE"),
              _gold_event("HUN", "RUS", "345", None, None, valid=False)]},
    {"id": "petr2_gsr:2", "text": "The United States attacked.", "date": "2008-08-04", "source_name": "petr2_gsr",
     "gold": [_gold_event("USA", None, "190", "19", "ASSAULT")]},
    {"id": "petr_validate:3", "text": "Gondor met Arnor.", "date": "2017-01-02", "source_name": "petr_validate",
     "gold": []},
]


def _write_gold(path: Path) -> None:
    path.write_text("\n".join(json.dumps(line) for line in GOLD_LINES) + "\n\n", encoding="utf-8")


def test_read_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    _write_gold(path)
    records = list(read_gold(path))
    assert records == [
        GoldRecord("plover_gsr:1", "Hungary criticized Russia.", None, "plover_gsr",
                   (Coded("HUNGOV", "11", "RUS"),), ("ACCUSE",), 1),
        GoldRecord("petr2_gsr:2", "The United States attacked.", "2008-08-04", "petr2_gsr",
                   (Coded("USA", "190", None),), ("ASSAULT",), 0),
        GoldRecord("petr_validate:3", "Gondor met Arnor.", "2017-01-02", "petr_validate", (), (), 0),
    ]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(GOLD_LINES[0]) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: invalid JSON"):
        list(read_gold(bad))
    bad.write_text(json.dumps(GOLD_LINES[0]) + "\n" + json.dumps({"id": "x", "text": "No gold key."}) + "\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: not a gold record \(KeyError: 'gold'\)"):
        list(read_gold(bad))


def test_evaluate_end_to_end_with_prepared_extractions(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    _write_gold(path)
    prepared = {
        "plover_gsr:1": (event(SZIJJARTO, CRITICIZE, RUS, article_id="plover_gsr:1"),),
        "petr2_gsr:2": (event(USA, ATTACK, IRQ, article_id="petr2_gsr:2"),),
        "petr_validate:3": (event(HUN, MEET, RUS, article_id="petr_validate:3"),),
    }
    seen_articles: list[Article] = []

    def run(articles: Iterable[Article]) -> Iterator[Extraction]:
        articles = list(articles)
        seen_articles.extend(articles)
        for article in reversed(articles):  # order must not matter: records are matched by id
            yield Extraction(article, prepared[article.id], ())

    logged: list[tuple[str, int]] = []
    report = evaluate(path, run, lambda record, extraction: logged.append((record.id, len(extraction.events))))
    assert [(a.id, a.text, a.date, a.title) for a in seen_articles] == [
        ("plover_gsr:1", "Hungary criticized Russia.", None, None),
        ("petr2_gsr:2", "The United States attacked.", "2008-08-04", None),
        ("petr_validate:3", "Gondor met Arnor.", "2017-01-02", None),
    ]
    assert logged == [("petr_validate:3", 1), ("petr2_gsr:2", 1), ("plover_gsr:1", 1)]
    assert report.records == Counter({"plover_gsr": 1, "petr2_gsr": 1, "petr_validate": 1})
    assert report.invalid_gold == 1
    assert report.plover_dropped == 0
    # Predicted keys: (HUNGOV 111 RUS); (USA 190 IRQ); (HUN 040 RUS) and (RUS 040 HUN).
    assert _counts(report, "plover_gsr")["A0,R1"] == (1, 1, 1)
    assert _counts(report, "plover_gsr")["A1,R1"] == (1, 1, 1)
    assert _counts(report, "plover_gsr")["A0,PLOVER"] == (1, 1, 1)
    assert _counts(report, "petr2_gsr")["A0,R1"] == (0, 1, 1)
    assert _counts(report, "petr2_gsr")["A0,R1 lenient"] == (1, 1, 1)
    assert _counts(report, "petr_validate")["A0,R1"] == (0, 2, 0)
    assert _counts(report, "plover_gsr+petr2_gsr")["A0,R1 lenient"] == (2, 2, 2)
    assert _counts(report, "all")["A0,R1"] == (1, 4, 2)
    assert _counts(report, "all")["A2,R2"] == (0, 4, 2)  # gold 11 is a root, prediction 111 is not
    scores = report_json(report)
    assert scores["all|A0,R1"] == {"precision": 0.25, "recall": 0.5, "f1": 0.3333, "tp": 1, "predicted": 4, "gold": 2}
    assert "petr_validate|A0,PLOVER" not in scores
    # the human-coded source alone is the primary figure: first in the JSON and in the table
    assert list(scores)[:3] == ["primary", "notes", "plover_gsr|A0,R1"]
    assert scores["primary"] == {"source": "plover_gsr", "level": "A0,R1", "note": "PRIMARY: human-coded gold",
                                 "precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "predicted": 1, "gold": 1}
    assert scores["notes"]["petr2_gsr"] == "derived from PETRARCH2 output: its gains alone prove nothing"
    text = format_report(report)
    lines = text.splitlines()
    for group in ("plover_gsr", "petr2_gsr", "petr_validate", "plover_gsr+petr2_gsr", "all"):
        assert any(line.startswith(group + " ") for line in lines)
    assert lines[0] == "PRIMARY figure (plover_gsr alone, human-coded gold, A0,R1): P 1.000  R 1.000  F1 1.000"
    rows = [line.split()[0] for line in lines[3:] if line and not line.startswith(("#", "records:", "silent,"))]
    assert rows[0] == "plover_gsr" and rows[-1] == "all"
    assert lines.index("# plover_gsr: PRIMARY: human-coded gold") < lines.index(next(
        line for line in lines if line.startswith("plover_gsr ")))
    petr2 = lines.index("# petr2_gsr: derived from PETRARCH2 output: its gains alone prove nothing")
    assert lines[petr2 + 1].startswith("petr2_gsr ")
    assert "records: petr2_gsr 1, petr_validate 1, plover_gsr 1; gold events skipped as non-CAMEO: 1" in text


def test_without_human_coded_records_there_is_no_primary_figure(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD_LINES[1]) + "\n", encoding="utf-8")
    report = evaluate(path, lambda articles: (Extraction(a, (), ()) for a in articles))
    assert report_json(report)["primary"] is None
    text = format_report(report)
    assert "PRIMARY figure" not in text and text.startswith("source ")
    assert "# petr2_gsr: derived from PETRARCH2 output" in text


def test_silence_counts_two_actor_records_that_gave_no_event_with_their_drop_reasons() -> None:
    two_actors = GoldRecord("r1", "t", None, "plover_gsr", (Coded("HUN", "040", "RUS"),), ("CONSULT",), 0)
    one_actor = GoldRecord("r2", "t", None, "plover_gsr", (Coded("HUN", "140", None),), ("PROTEST",), 0)
    found = GoldRecord("r3", "t", None, "plover_gsr", (Coded("HUN", "040", "RUS"),), ("CONSULT",), 0)
    no_trigger = GoldRecord("r4", "t", None, "petr2_gsr", (Coded("USA", "111", "IRQ"),), (None,), 0)
    drops = (Drop(DropReason.NO_OBJECT, "meet", "MEET", "t", 0, 1),
             Drop(DropReason.NO_OBJECT, "talk", "MEET", "t", 0, 1))
    report = Report()
    count_silence(two_actors, Extraction(Article("r1", "t"), (), drops), report)
    count_silence(one_actor, Extraction(Article("r2", "t"), (), ()), report)
    count_silence(found, Extraction(Article("r3", "t"), (event(HUN, MEET, RUS),), ()), report)
    count_silence(no_trigger, Extraction(Article("r4", "t"), (), ()), report)
    plover = report.silence["plover_gsr"]
    assert (plover.paired_records, plover.silent_records, dict(plover.reasons)) == (2, 1, {"no_object": 1})
    both = report.silence["all"]
    assert (both.paired_records, both.silent_records, dict(both.reasons)) == (3, 2, {"no_object": 1, "no trigger": 1})
    assert "silent, plover_gsr: 1 of 2 records with a two-actor gold event gave no event" in format_report(report)
    assert report_json(report)["silence"]["all"]["silent_records"] == 2

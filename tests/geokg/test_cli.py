"""The `geokg` command as other tools call it: a real subprocess, real files, real output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = (
    "Putin Meets Xi In Beijing\n"
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Tuesday.\n\n"
    "Budapest has no intention of reducing purchases of Russian oil, Hungarian Foreign Minister "
    "Peter Szijjarto said.\n"
)
TRIPLE_KEYS = {
    "article_id", "subject", "relation", "object", "polarity", "modality", "attributed_to", "date",
    "sentence", "char_start", "char_end", "confidence", "extractor",
}


def geokg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geokg", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=300
    )


def test_jsonl_output_follows_the_contract(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = geokg("extract", str(path), "--date", "2023-10-19", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records
    for record in records:
        assert set(record) >= TRIPLE_KEYS
        assert {"id", "name", "type", "country"} <= set(record["subject"])
        assert {"type", "cameo", "quad_class", "goldstein", "reciprocal", "attributes"} <= set(record["relation"])
        assert ARTICLE[record["char_start"] : record["char_end"]] == record["sentence"]
        assert record["polarity"] in ("affirmed", "negated")
        assert record["extractor"] == "geokg-rules/0.1"
    meeting = next(r for r in records if r["relation"]["type"] == "MEET")
    assert {meeting["subject"]["id"], meeting["object"]["id"]} == {"person:vladimir-putin", "person:xi-jinping"}
    assert meeting["date"] == "2023-10-17"
    assert len(meeting["evidence"]) == 2  # the headline and the body sentence
    oil = next(r for r in records if r["relation"]["type"] == "BUY_FROM")
    assert (oil["subject"]["id"], oil["object"]["id"], oil["polarity"]) == ("country:HUN", "country:RUS", "affirmed")
    assert oil["relation"]["attributes"] == {"commodity": "oil"}
    assert oil["attributed_to"]["id"] == "person:peter-szijjarto"
    assert "drops by reason" in done.stderr


def test_table_jsonl_input_and_bad_inputs_in_one_run(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        json.dumps({"id": "line-1", "text": "Iran attacked Israel on Saturday.", "date": "2024-04-14"}) + "\n"
        + "{broken\n",
        encoding="utf-8",
    )
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01")
    done = geokg("extract", str(dump), str(binary), str(tmp_path / "missing.txt"), "--format", "table")
    assert done.returncode == 1
    errors = done.stderr.strip().splitlines()
    assert errors == [
        f"geokg: error: {dump}:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"geokg: error: {binary}: binary data (NUL bytes), not text",
        f"geokg: error: {tmp_path / 'missing.txt'}: no such file or directory",
    ]
    assert "Iran (IRN)  -[ATTACK]->  Israel (ISR)" in done.stdout
    assert "2024-04-13" in done.stdout  # "on Saturday" before a Sunday article date
    assert "1 articles, 1 triples, 3 inputs failed" in done.stdout


def test_standard_input_and_jsonl_article_ids() -> None:
    line = json.dumps({"id": "wire-42", "text": "Japan praised South Korea.", "date": "2024-03-01"})
    done = geokg("extract", "-", stdin=line + "\n")
    assert done.returncode == 0, done.stderr
    (record,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert record["article_id"] == "wire-42"
    assert (record["subject"]["id"], record["relation"]["type"], record["object"]["id"]) == (
        "country:JPN", "PRAISE", "country:KOR",
    )


def test_evaluate_scores_a_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    record = {
        "id": "t:1", "text": "Hungary criticized Russia.", "date": None, "source_name": "plover_gsr",
        "gold": [{"source": {"code": "HUN"}, "target": {"code": "RUS"},
                  "relation": {"cameo": None, "root": "11", "cameo_valid": None, "plover": "ACCUSE"}}],
    }
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    done = geokg("evaluate", str(gold), "--json")
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    expected = {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "predicted": 1, "gold": 1}
    assert scores["plover_gsr|A0,R1"] == expected
    assert scores["plover_gsr|A0,PLOVER"]["tp"] == 1
    missing = geokg("evaluate", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 1 and "nope.jsonl: no such file" in missing.stderr

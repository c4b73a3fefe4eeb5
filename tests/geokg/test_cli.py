"""The `geokg` command as other tools call it: a real subprocess, real files, real output.

Each call loads the spaCy model, so the checks are grouped into few calls.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from extract.calibration import DEFAULT_MIN_CONFIDENCE
from graph.model import Article

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
ACTOR_KEYS = {"id", "name", "type", "country"}
RELATION_KEYS = {"type", "cameo", "quad_class", "goldstein", "reciprocal", "attributes"}
IRAN_LINE = {"id": "line-1", "text": "Iran attacked Israel on Saturday.", "date": "2024-04-14"}  # a Sunday


def geokg(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geokg", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=300,
        env=None if env is None else {**os.environ, **env},
    )


def _office_holder_ids() -> set[str]:
    rows = (ROOT / "extract" / "data" / "office_holders.tsv").read_text(encoding="utf-8").splitlines()
    return {f"person:{row.split(chr(9))[0]}" for row in rows if row and not row.startswith("#")}


def test_jsonl_output_follows_the_contract(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    done = geokg("extract", str(path), "--date", "2023-10-19", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    for record in records:
        assert isinstance(record, dict)
        assert set(record) >= TRIPLE_KEYS
        assert set(record["subject"]) >= ACTOR_KEYS and set(record["object"]) >= ACTOR_KEYS
        assert set(record["relation"]) >= RELATION_KEYS
        assert isinstance(record["relation"]["attributes"], dict)
        assert record["article_id"] == Article.content_id(ARTICLE)
        assert ARTICLE[record["char_start"] : record["char_end"]] == record["sentence"]
        for evidence in record["evidence"]:
            assert ARTICLE[evidence["char_start"] : evidence["char_end"]] == evidence["sentence"]
        assert record["polarity"] in ("affirmed", "negated")
        assert re.fullmatch(r"geokg-rules/0\.\d+\+k[0-9a-f]{8}", record["extractor"]), record["extractor"]
        assert 0.0 < record["confidence"] <= 1.0
    meeting = next(r for r in records if r["relation"]["type"] == "MEET")
    assert {meeting["subject"]["id"], meeting["object"]["id"]} == {"person:vladimir-putin", "person:xi-jinping"}
    assert {"person:vladimir-putin", "person:xi-jinping"} <= _office_holder_ids()
    assert {meeting["subject"]["country"], meeting["object"]["country"]} == {"RUS", "CHN"}
    assert {k: meeting["relation"][k] for k in RELATION_KEYS - {"attributes"}} == {
        "type": "MEET", "cameo": "040", "quad_class": 1, "goldstein": 1.0, "reciprocal": True,
    }
    assert meeting["relation"]["attributes"] == {"place": "Beijing"}
    assert (meeting["polarity"], meeting["modality"], meeting["attributed_to"]) == ("affirmed", "asserted", None)
    assert meeting["date"] == "2023-10-17"  # "on Tuesday" before Thursday 19 October
    assert [e["sentence"] for e in meeting["evidence"]] == [
        "Putin Meets Xi In Beijing",
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Tuesday.",
    ]
    oil = next(r for r in records if r["relation"]["type"] == "BUY_FROM")
    assert (oil["subject"]["id"], oil["object"]["id"], oil["polarity"]) == ("country:HUN", "country:RUS", "affirmed")
    assert oil["relation"]["attributes"] == {"commodity": "oil"}
    assert oil["attributed_to"]["id"] == "person:peter-szijjarto"
    assert oil["date"] == "2023-10-19"
    assert done.stderr.strip() == "geokg: 1 articles, 2 triples, 0 inputs failed; drops by reason: none"


def test_the_floor_drops_triples_below_it_and_counts_them(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    every = [json.loads(line) for line in geokg("extract", str(path), "--date", "2023-10-19",
                                                 "--min-confidence", "0").stdout.splitlines()]
    assert len(every) == 2
    default = geokg("extract", str(path), "--date", "2023-10-19")  # the default floor keeps every triple
    assert DEFAULT_MIN_CONFIDENCE == 0.0 and [json.loads(line) for line in default.stdout.splitlines()] == every
    floor = max(r["confidence"] for r in every)
    highest = geokg("extract", str(path), "--date", "2023-10-19", "--min-confidence", str(floor))
    assert [json.loads(line)["id"] for line in highest.stdout.splitlines()] == [
        r["id"] for r in every if r["confidence"] >= floor]
    strict = geokg("extract", str(path), "--date", "2023-10-19", "--min-confidence", "0.99")
    assert strict.returncode == 0 and strict.stdout == ""
    assert strict.stderr.strip() == ("geokg: 1 articles, 0 triples, 0 inputs failed; "
                                     "drops by reason: {'low_confidence': 2}")
    refused = geokg("extract", str(path), "--min-confidence", "1.5")
    assert refused.returncode == 2 and "'1.5' is not between 0 and 1" in refused.stderr


def test_table_jsonl_input_and_bad_inputs_in_one_run(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        json.dumps(IRAN_LINE) + "\n{broken\n" + json.dumps({"text": "No id here."}) + "\n", encoding="utf-8"
    )
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01")
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    missing = tmp_path / "missing.txt"
    done = geokg(
        "extract", str(dump), str(binary), str(missing), str(good), str(pdf), "--format", "table",
        "--date", "2023-10-19",
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"geokg: error: {dump}:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        f'geokg: error: {dump}:3: missing "id"',
        f"geokg: error: {binary}: binary data (NUL bytes), not text",
        f"geokg: error: {missing}: no such file or directory",
        f"geokg: error: {pdf}: unsupported file type .pdf; use .txt, .md, .html or .jsonl",
    ]
    out = done.stdout
    # Articles without a title are headed by their id: the JSONL line's own id, the file's content hash.
    assert "\n# line-1\n  2024-04-13  Iran (IRN)  -[ATTACK]->  Israel (ISR)  [affirmed/asserted]\n" in out
    assert f"\n# {Article.content_id(ARTICLE)}\n" in out
    assert "  2023-10-17  Vladimir Putin (RUS)  -[MEET]->  Xi Jinping (CHN)  [affirmed/asserted] place=Beijing\n" in out
    assert ("  2023-10-19  Hungary (HUN)  -[BUY_FROM]->  Russia (RUS)  [affirmed/reported per Péter Szijjártó] "
            "commodity=oil\n") in out
    summary = out[out.index("## Summary") :].splitlines()
    assert summary[1] == "2 articles, 3 triples, 5 inputs failed; drops by reason: none"
    assert summary[2].startswith("relations: ") and set(summary[2][len("relations: ") :].split(", ")) == {
        "ATTACK 1", "MEET 1", "BUY_FROM 1",
    }
    assert "Vladimir Putin – Xi Jinping (1)" in summary[3] and "Iran – Israel (1)" in summary[3]


def test_standard_input_and_a_jsonl_file_in_jsonl_format(tmp_path: Path) -> None:
    dump = tmp_path / "wire.jsonl"
    dump.write_text(json.dumps(IRAN_LINE | {"id": "wire-42"}) + "\n", encoding="utf-8")
    stdin_text = "Japan praised South Korea.\n"
    done = geokg("extract", "-", str(dump), "--date", "2024-03-01", stdin=stdin_text)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["article_id"], r["subject"]["id"], r["relation"]["type"], r["object"]["id"], r["date"])
            for r in records] == [
        (Article.content_id(stdin_text), "country:JPN", "PRAISE", "country:KOR", "2024-03-01"),
        ("wire-42", "country:IRN", "ATTACK", "country:ISR", "2024-04-13"),
    ]
    assert records[0]["sentence"] == "Japan praised South Korea."
    assert (records[0]["char_start"], records[0]["char_end"]) == (0, 26)
    assert done.stderr.strip() == "geokg: 2 articles, 2 triples, 0 inputs failed; drops by reason: none"


def test_a_missing_file_alone_fails(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    done = geokg("extract", str(missing))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"geokg: error: {missing}: no such file or directory",
        "geokg: 0 articles, 0 triples, 1 inputs failed; drops by reason: none",
    ]


def test_an_impossible_date_fails_alone(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Japan praised South Korea.\n", encoding="utf-8")
    dump = tmp_path / "dated.jsonl"
    dump.write_text(json.dumps(IRAN_LINE | {"date": "2024-02-30"}) + "\n", encoding="utf-8")
    done = geokg("extract", str(good), str(dump), "--date", "2024-03-01")
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    assert done.stderr.splitlines()[0].startswith(f"geokg: error: {dump}:1: date '2024-02-30'")
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert record["relation"]["type"] == "PRAISE"


def test_evaluate_scores_a_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    record = {
        "id": "t:1", "text": "Hungary criticized Russia.", "date": None, "source_name": "plover_gsr",
        "gold": [{"source": {"code": "HUN"}, "target": {"code": "RUS"},
                  "relation": {"cameo": None, "root": "11", "cameo_valid": None, "plover": "ACCUSE"}}],
    }
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    done = geokg("evaluate", str(gold), "--json", "--errors", str(errors))
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    expected = {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "predicted": 1, "gold": 1}
    assert scores["plover_gsr|A0,R1"] == expected
    # the human-coded source alone is the primary figure, first in the object
    assert next(iter(scores)) == "primary"
    assert scores["primary"] == {"source": "plover_gsr", "level": "A0,R1", "note": "PRIMARY: human-coded gold",
                                 **expected}
    assert "derived from PETRARCH2 output" in scores["notes"]["petr2_gsr"]
    assert scores["all|A0,R1"] == expected
    assert scores["plover_gsr|A0,PLOVER"]["tp"] == 1
    (logged,) = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert logged == {"id": "t:1", "text": "Hungary criticized Russia.", "gold": [["HUN", "11", "RUS"]],
                      "predicted": [["HUN", "111", "RUS", "CRITICIZE", "criticize"]]}
    # A missing gold file is reported before the model is loaded.
    missing = geokg("evaluate", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 1
    assert missing.stderr == f"geokg: error: {tmp_path / 'nope.jsonl'}: no such file\n"
    # A broken line is named once, with its number; an errors file that cannot be written is named too.
    gold.write_text('{"id": "t:1"}\n', encoding="utf-8")
    broken = geokg("evaluate", str(gold))
    assert (broken.returncode, broken.stderr) == (1, f"geokg: error: {gold}:1: not a gold record (KeyError: 'gold')\n")
    unwritable = geokg("evaluate", str(gold), "--errors", str(tmp_path / "no-such-folder" / "errors.jsonl"))
    assert unwritable.returncode == 1 and "no-such-folder/errors.jsonl: cannot write" in unwritable.stderr


def _not_ours(kind: str, folder: Path) -> bytes:
    """The bytes of a file that is not geokg's: not SQLite at all, or another program's SQLite file."""
    if kind == "garbage":
        return b"this is not a SQLite file\n" * 40
    connection = sqlite3.connect(folder / "other.sqlite")
    with connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("INSERT INTO notes VALUES ('keep me')")
    connection.close()
    return (folder / "other.sqlite").read_bytes()


@pytest.mark.parametrize("kind", ["garbage", "another program's SQLite"])
def test_files_that_are_not_ours_are_named_and_left_as_they_are(tmp_path: Path, kind: str) -> None:
    garbage = _not_ours(kind, tmp_path)
    graph, ledger, state = (str(tmp_path / name) for name in ("graph.sqlite", "ledger.sqlite", "state.sqlite"))
    for path in (graph, ledger, state):
        Path(path).write_bytes(garbage)
    sources = tmp_path / "sources.toml"
    folder = ROOT / "examples" / "articles"
    sources.write_text(f'[[source]]\nname = "drop"\nkind = "folder"\nevery = "1h"\npath = "{folder}"\n',
                       encoding="utf-8")
    (tmp_path / "none.jsonl").write_text("", encoding="utf-8")
    article = str(folder / "2024-07-05-orban-visits-moscow.md")
    new_db, new_ledger = ["--db", str(tmp_path / "new.sqlite")], ["--ledger", str(tmp_path / "new-ledger.sqlite")]
    once = ["ingest", "--sources", str(sources), "--once"]
    cases = {
        graph: [["ingest", article, "--db", graph, *new_ledger],
                ["load", str(tmp_path / "none.jsonl"), "--db", graph],
                ["export", "--to", "csv", "--db", graph, "--out", str(tmp_path / "csv")],
                ["analyze", "summary", "--db", graph]],
        ledger: [["ingest", article, *new_db, "--ledger", ledger]],
        state: [["runs", "--state", state],
                [*once, "--state", state, *new_db, *new_ledger],
                ["schedule", "run", "--sources", str(sources), "--state", state, *new_db, *new_ledger]],
    }
    for path, commands in cases.items():
        for command in commands:
            result = geokg(*command)
            assert result.returncode == 1, (command, result.stderr)
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and f"{Path(path).name}: cannot " in lines[0], (command, result.stderr)
        assert Path(path).read_bytes() == garbage


def test_export_of_a_store_written_before_copies_were_kept(tmp_path: Path, small_graph_sqlite: Path) -> None:
    old = tmp_path / "graph.sqlite"
    shutil.copyfile(small_graph_sqlite, old)
    connection = sqlite3.connect(old)
    with connection:  # as schema version 2 left it: no copies table
        connection.execute("DROP TABLE copies")
        connection.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    connection.close()
    done = geokg("export", "--to", "csv", "--db", str(old), "--out", str(tmp_path / "csv"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "csv" / "copy_of.csv").read_text(encoding="utf-8").splitlines() == [
        ":START_ID(Article),:END_ID(Article),similarity:float,:TYPE"]
    assert len((tmp_path / "csv" / "events.csv").read_text(encoding="utf-8").splitlines()) == 1 + 9


def test_extractor_and_knowledge_flags(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Japan praised South Korea.\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("", encoding="utf-8")
    db, ledger = str(tmp_path / "g.sqlite"), str(tmp_path / "l.sqlite")
    # an unknown name fails each command in one line that lists the known ones, before any work
    for command in (["extract", str(article)], ["ingest", str(article), "--db", db, "--ledger", ledger],
                    ["evaluate", str(gold)]):
        done = geokg(*command, "--extractor", "llm-coder")
        assert (done.returncode, done.stdout) == (1, ""), command
        assert done.stderr == "geokg: error: unknown extractor 'llm-coder' (known: geokg-rules)\n", command
    assert not (tmp_path / "g.sqlite").exists()
    missing = tmp_path / "no-knowledge"
    done = geokg("extract", str(article), "--knowledge-dir", str(missing))
    assert (done.returncode, done.stderr) == (1, f"geokg: error: {missing}: cannot read the knowledge directory "
                                                 "(no such directory)\n")
    broken = Path(shutil.copytree(ROOT / "extract" / "data", tmp_path / "knowledge"))
    (broken / "countries.tsv").write_text("iso3\tname\n", encoding="utf-8")
    done = geokg("extract", str(article), env={"GEOKG_KNOWLEDGE_DIR": str(broken)})
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith(f"geokg: error: {broken}: malformed knowledge (") and "countries.tsv" in done.stderr
    # the default extractor named, and the ingest report counts re-extracted articles
    done = geokg("ingest", str(article), "--db", db, "--ledger", ledger, "--extractor", "geokg-rules",
                 "--date", "2024-03-01")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("articles read 1, new 1, re-extracted 0, duplicate 0, failed 0; triples loaded 1;")


def _events(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return sorted(row[0] for row in connection.execute("SELECT id FROM events"))


def test_load_removes_no_event_unless_asked_and_ingest_repairs_what_load_changed(tmp_path: Path) -> None:
    db, ledger = tmp_path / "graph.sqlite", tmp_path / "ledger.sqlite"
    store = ["--db", str(db), "--ledger", str(ledger)]
    folder = ROOT / "examples" / "articles"
    first = geokg("ingest", str(folder), *store, "--report", "json")
    assert first.returncode == 0, first.stderr
    full = _events(db)
    extracted = geokg("extract", str(folder))
    meetings = [line for line in extracted.stdout.splitlines() if json.loads(line)["relation"]["type"] == "MEET"]
    assert 0 < len(meetings) < len(full)
    subset = tmp_path / "meetings.jsonl"
    subset.write_text("\n".join(meetings) + "\n", encoding="utf-8")

    added = geokg("load", str(subset), *store)
    assert added.returncode == 0, added.stderr
    assert _events(db) == full  # nothing it was not given is removed

    replaced = geokg("load", str(subset), "--replace", *store)
    assert replaced.returncode == 0, replaced.stderr
    assert len(full) > len(_events(db)) >= len(meetings)

    repaired = geokg("ingest", str(folder), *store, "--report", "json")
    assert repaired.returncode == 0, repaired.stderr
    report = json.loads(repaired.stdout.splitlines()[-1])
    touched = {json.loads(line)["article_id"] for line in meetings}
    assert report["articles_new"] == len(touched)  # the ledger no longer calls them loaded
    assert _events(db) == full


def test_two_workers_give_the_output_and_the_counts_of_one(tmp_path: Path) -> None:
    folder = str(ROOT / "examples" / "articles")  # 67 articles: more than one chunk, so workers start
    one, two = (geokg("extract", folder, "--workers", workers) for workers in ("1", "2"))
    assert (one.returncode, two.returncode) == (0, 0), two.stderr
    assert two.stdout == one.stdout and len(one.stdout.splitlines()) > 50  # the same records, in input order
    assert two.stderr.splitlines()[-1] == one.stderr.splitlines()[-1]  # the summary
    db, ledger = tmp_path / "graph.sqlite", tmp_path / "ledger.sqlite"
    done = geokg("ingest", folder, "--db", str(db), "--ledger", str(ledger), "--batch", "10", "--report", "json",
                 "--workers", "2")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[-1])
    assert (report["articles_read"], report["articles_new"], report["articles_failed"]) == (67, 67, 0)
    # the events the workers extracted and the parent wrote are those `geokg extract` printed
    assert _events(db) == sorted({json.loads(line)["id"] for line in one.stdout.splitlines()})
    assert report["triples_loaded"] == len(_events(db))


def test_load_refuses_bad_lines_by_number_and_stores_nothing_of_them(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    extracted = geokg("extract", str(path), "--date", "2023-10-19")
    good, other = (json.loads(line) for line in extracted.stdout.splitlines())
    bad_date = {**other, "date": "2024-13-45"}
    bad_edge = {**other, "relation": {**other["relation"], "edge": "MET` {x:1}]->() MATCH (n) DETACH DELETE n //"}}
    bad_name = {**other, "subject": {**other["subject"], "name": "Viktor\x00Orban\r\n"}}
    lines = [json.dumps(good), json.dumps(bad_date), "not json", json.dumps(bad_edge), json.dumps(bad_name)]
    triples = tmp_path / "triples.jsonl"
    triples.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "graph.sqlite"
    done = geokg("load", str(triples), "--db", str(db), "--ledger", str(tmp_path / "ledger.sqlite"))
    assert done.returncode == 1
    errors = done.stderr.strip().splitlines()
    assert [line.split(":")[3] for line in errors] == ["2", "3", "4", "5"], errors
    assert "Traceback" not in done.stderr
    assert _events(db) == [good["id"]]
    with sqlite3.connect(db) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM actors")}
    assert not any("\x00" in name or "\n" in name for name in names)

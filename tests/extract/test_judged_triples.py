"""The reader of judged triples (extract/judged_triples.py) on small files written here: rows keyed
by the key columns, verdicts, and a clear error for a missing column, a bad row or a key judged twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.judged_triples import JudgedTriplesError, judged_key, load_judged, verdicts
from graph.model import Actor, ActorType, Event, Evidence, Modality, Polarity, RelationType

HEADER = ("article_id\tchar_start\tchar_end\tsubject_id\trelation\tobject_id\tpolarity\tmodality\tverdict\tcause\t"
          "pairing\tnote\tsentence\n")
ROW = ("a1\t{start}\t24\tcountry:FRA\tCRITICIZE\tcountry:ITA\taffirmed\tasserted\t{verdict}\t\tdependency\t\t"
       "{sentence}\n")
FRANCE = Actor("country:FRA", "France", ActorType.COUNTRY, "FRA", "GOV")
ITALY = Actor("country:ITA", "Italy", ActorType.COUNTRY, "ITA", "GOV")
CRITICIZE = RelationType("CRITICIZE", "111", 3, -2.0, False, "ACCUSE", "")


def written(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "judged.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def row(start: int | str, verdict: str = "correct", sentence: str = "France criticised Italy.") -> str:
    return ROW.format(start=start, verdict=verdict, sentence=sentence)


def test_rows_are_keyed_as_a_reader_judges_a_triple(tmp_path: Path) -> None:
    path = written(tmp_path, HEADER + row(0) + row(30, "wrong", '"Shame," France told Italy.') + row(60, "unsure"))
    judged = load_judged(path)
    key = ("a1", 0, "country:FRA", "CRITICIZE", "country:ITA", "affirmed", "asserted")
    assert list(judged) == [key, (*key[:1], 30, *key[2:]), (*key[:1], 60, *key[2:])]
    assert judged[key]["sentence"] == "France criticised Italy."
    # a cell opening with a double quote is read as csv reads it by default (the quotes taken off)
    assert judged[(*key[:1], 30, *key[2:])]["sentence"] == "Shame, France told Italy."
    assert verdicts(judged) == {key: True, (*key[:1], 30, *key[2:]): False}  # the unsure row has no verdict
    event = Event("a1", FRANCE, CRITICIZE, ITALY, Polarity.AFFIRMED, Modality.ASSERTED, None, None, "unknown",
                  (Evidence("France criticised Italy.", 0, 24),), 0.9, "test/0", "criticise")
    assert judged_key(event) == key


def test_a_key_judged_twice_is_rejected_naming_the_file_and_line(tmp_path: Path) -> None:
    path = written(tmp_path, HEADER + row(0) + row(30) + row(0, "wrong"))
    with pytest.raises(JudgedTriplesError, match=f"^{path}:4: judged twice: "):
        load_judged(path)


def test_a_missing_column_is_rejected_naming_the_file(tmp_path: Path) -> None:
    path = written(tmp_path, "article_id\tverdict\na1\tcorrect\n")
    with pytest.raises(JudgedTriplesError, match=f"^{path}: missing columns char_start, subject_id"):
        load_judged(path)


@pytest.mark.parametrize(("line", "complaint"), [
    (row("x"), "char_start 'x' is not a whole number"),
    ("a1\t0\t24\tcountry:FRA\n", "no cell for relation, object_id, polarity, modality, verdict"),
], ids=["char_start_not_a_number", "short_row"])
def test_a_bad_row_is_rejected_naming_the_file_and_line(tmp_path: Path, line: str, complaint: str) -> None:
    path = written(tmp_path, HEADER + row(0) + line)
    with pytest.raises(JudgedTriplesError, match=f"^{path}:3: {complaint}"):
        load_judged(path)

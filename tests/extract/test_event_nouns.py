"""The nouns that name an earlier act (event_nouns.toml) and their loader."""

from __future__ import annotations

from pathlib import Path
from shutil import copytree

import pytest

from extract.event_nouns import EventNounsError, load_event_nouns
from extract.knowledge_dir import KnowledgeError
from extract.ontology import CAMEO_ROOTS, DATA_DIR, load_ontology
from extract.pipeline import Knowledge

ROOTS = frozenset(CAMEO_ROOTS)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "event_nouns.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_file_loads_into_the_ontology() -> None:
    nouns = load_ontology().event_nouns
    assert nouns.words_of("expulsion") == {"expulsion", "expel"}
    assert nouns.words_of("ban") == {"ban"}  # spelled like its verb: no entry needed
    assert {"16", "17"} <= nouns.class_roots("measure")
    assert nouns.class_roots("decision") == nouns.class_roots("move")
    assert not nouns.class_roots("decision") & {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"}
    assert {"over", "after"} <= nouns.empathy["sympathy"]


def test_every_derived_noun_names_verbs_a_trigger_codes() -> None:
    ontology = load_ontology()
    for noun, verbs in ontology.event_nouns.derived.items():
        for verb in verbs:
            assert ontology.triggers_for("VERB", verb) or verb in ontology.verbs, (noun, verb)


def test_a_verb_no_trigger_codes_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, '[derived_nouns]\nannexation = ["annex", "frobnicate"]\n[class_nouns]\n')
    with pytest.raises(EventNounsError, match=r"annexation names verbs no trigger codes: \[.frobnicate.\]"):
        load_event_nouns(path, ROOTS, lambda verb: verb == "annex")


def test_a_class_of_unknown_roots_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, '[derived_nouns]\n[class_nouns]\nmeasure = ["16", "21"]\n')
    with pytest.raises(EventNounsError, match=r"class_nouns\.measure must list CAMEO roots"):
        load_event_nouns(path, ROOTS, lambda verb: True)


def test_a_missing_table_or_a_malformed_entry_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EventNounsError, match=r"\[class_nouns\] must be a table"):
        load_event_nouns(write(tmp_path, "[derived_nouns]\n"), ROOTS, lambda verb: True)
    with pytest.raises(EventNounsError, match=r"derived_nouns\.Expulsion must map a lower-case word"):
        load_event_nouns(write(tmp_path, '[derived_nouns]\nExpulsion = ["expel"]\n[class_nouns]\n'), ROOTS,
                         lambda verb: True)
    with pytest.raises(EventNounsError, match=r"derived_nouns\.expulsion must map"):
        load_event_nouns(write(tmp_path, '[derived_nouns]\nexpulsion = []\n[class_nouns]\n'), ROOTS, lambda verb: True)


def test_a_malformed_file_in_a_knowledge_directory_is_named(tmp_path: Path) -> None:
    data = copytree(DATA_DIR, tmp_path / "data")
    (data / "event_nouns.toml").write_text('[derived_nouns]\nseizure = ["seize"]\n[class_nouns]\nstep = ["99"]\n',
                                           encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"event_nouns\.toml: class_nouns\.step"):
        Knowledge.load(data)


def test_document_nouns_map_to_their_issuing_words() -> None:
    documents = load_ontology().event_nouns.documents
    assert documents["proposal"] == {"proposal", "propose"}
    assert documents["resolution"] == {"resolution"}
    assert "decision" not in documents  # too general to name one issued text


def test_a_document_noun_must_list_itself(tmp_path: Path) -> None:
    path = write(tmp_path, '[derived_nouns]\n[class_nouns]\n[document_nouns]\nproposal = ["propose"]\n')
    with pytest.raises(EventNounsError, match=r"document_nouns\.proposal must list the noun itself"):
        load_event_nouns(path, ROOTS, lambda verb: True)

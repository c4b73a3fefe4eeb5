from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract.light_verb_candidates import relation_for
from extract.ontology import (
    DATA_DIR,
    OntologyError,
    load_lexicon,
    load_ontology,
    quad_class_for,
)
from extract.pipeline import Extractor
from graph.model import Article


def test_every_cameo_root_is_covered_with_triggers() -> None:
    ontology = load_ontology()
    roots = {relation.cameo[:2] for relation in ontology.relations.values()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    relations_with_triggers = {t.relation for items in ontology.triggers.values() for t in items}
    # or coded by composing a verb class with a noun class (light_verbs.toml): "broke off talks"
    classes = ontology.light_verbs
    composed_codes = {code for noun_class in classes.nouns.values()
                      for table in (noun_class.codes, noun_class.modifier_codes, noun_class.trade_codes)
                      for code in table.values()} | set(classes.listing.codes.values())
    composed = {relation_for(code, ontology).name for code in composed_codes}
    assert set(ontology.relations) == relations_with_triggers | composed
    assert {"REDUCE_AID", "HALT_NEGOTIATIONS"} <= composed - relations_with_triggers


def test_goldstein_and_quad_come_from_the_cameo_table() -> None:
    ontology = load_ontology()
    with (DATA_DIR / "cameo_codes.tsv").open(encoding="utf-8") as handle:
        table = {row["code"]: float(row["goldstein"]) for row in csv.DictReader(handle, delimiter="\t")}
    for relation in ontology.relations.values():
        assert relation.goldstein == table[relation.cameo]
        assert relation.quad_class == quad_class_for(relation.cameo)
    assert ontology.relation("MEET").cameo == "040"
    assert ontology.relation("MEET").reciprocal is True
    assert ontology.relation("SANCTION").quad_class == 4
    assert ontology.relation("SANCTION").plover == "COERCE"
    assert ontology.relation("BUY_FROM").goldstein == 6.4  # GDELT: 061 "Cooperate economically"


def test_quad_classes_follow_the_conventional_mapping() -> None:
    assert [quad_class_for(c) for c in ("010", "057", "061", "0874", "090", "130", "140", "200")] == [
        1, 1, 2, 2, 3, 3, 4, 4,
    ]


def test_triggers_carry_particles_and_prepositions() -> None:
    ontology = load_ontology()
    speak = [t for t in ontology.triggers_for("VERB", "speak") if t.relation == "CRITICIZE"]
    assert speak and speak[0].particle == "out" and speak[0].preps == ("against",)
    talks = ontology.triggers_for("NOUN", "talk")
    assert talks[0].relation == "MEET" and set(talks[0].preps) == {"with", "between"}
    buy = [t for t in ontology.triggers_for("VERB", "buy") if t.preps == ("from",)]
    assert buy and buy[0].object_attribute == "commodity"
    assert ("arrest", "warrant") in ontology.multiword_heads["warrant"]


def test_unknown_cameo_code_is_a_clear_error(tmp_path: Path) -> None:
    for name in ("cameo_codes.tsv", "cameo2plover.tsv"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    bad = tmp_path / "ontology.toml"
    bad.write_text('version = "x"\n[[relation]]\nname = "X"\ncameo = "999"\nverbs = ["x"]\n', encoding="utf-8")
    with pytest.raises(OntologyError, match="unknown CAMEO code 999"):
        load_ontology(bad, data_dir=tmp_path)


def test_lexicon_lists_are_lower_case_sets() -> None:
    lexicon = load_lexicon()
    assert "say" in lexicon.speech_verbs
    assert "reduce" in lexicon.lessening_verbs
    assert "impose" in lexicon.light_verbs
    assert all(word == word.lower() for word in lexicon.light_verbs)


def test_a_lexicon_without_its_lists_names_the_file_and_the_lists(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.toml"
    path.write_text('speech_verbs = ["say"]\n', encoding="utf-8")
    with pytest.raises(OntologyError, match=r"lexicon\.toml: missing lists .*lessening_verbs"):
        load_lexicon(path)


def test_a_lexicon_list_that_is_no_list_of_words_is_named(tmp_path: Path) -> None:
    text = (DATA_DIR / "lexicon.toml").read_text(encoding="utf-8").replace("speech_verbs = [", "speech_verbs = [3, ", 1)
    path = tmp_path / "lexicon.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(OntologyError, match=r"lexicon\.toml: speech_verbs must be a non-empty list of words"):
        load_lexicon(path)


def test_every_cameo_code_maps_to_a_relation_exact_else_its_root() -> None:
    ontology = load_ontology()
    for root in range(1, 21):
        generic = ontology.relation_for_code(f"{root:02d}0")
        assert generic.cameo == f"{root:02d}0"
    assert ontology.relation_for_code("063").name == "EXTRADITE"  # exact code
    assert ontology.relation_for_code("0256").cameo == "020"  # no exact relation: the root's generic
    assert ontology.relation_for_code("1723").cameo == "170"
    assert ontology.relation_for_code("061").name == "TRADE_WITH"  # shared code: the for_code one
    assert ontology.relation_for_code("120").name == "REJECT"


@pytest.mark.parametrize(
    ("relations", "message"),
    [
        ('[[relation]]\nname = "X"\ncameo = "010"\n[[relation]]\nname = "X"\ncameo = "020"\n',
         "relation X is defined twice"),
        ('[[relation]]\nname = "X"\ncameo = "010"\nby_state = "Y"\n', r"by_state names unknown relations \['Y'\]"),
        ('[[relation]]\ncameo = "010"\n', "a relation lacks name or cameo"),
    ],
)
def test_a_malformed_relation_is_a_clear_error(tmp_path: Path, relations: str, message: str) -> None:
    for name in ("cameo_codes.tsv", "cameo2plover.tsv"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    bad = tmp_path / "ontology.toml"
    bad.write_text('version = "x"\n' + relations, encoding="utf-8")
    with pytest.raises(OntologyError, match=message):
        load_ontology(bad, data_dir=tmp_path)


def test_a_shared_code_without_for_code_is_a_clear_error(tmp_path: Path) -> None:
    for name in ("cameo_codes.tsv", "cameo2plover.tsv", "cameo_verbs.tsv"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    text = (DATA_DIR / "ontology.toml").read_text(encoding="utf-8").replace("for_code = true\n", "", 1)
    bad = tmp_path / "ontology.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(OntologyError, match=r"CAMEO code 050 is shared by .*mark exactly one for_code"):
        load_ontology(bad, data_dir=tmp_path)


def test_a_root_without_a_generic_relation_is_a_clear_error(tmp_path: Path) -> None:
    for name in ("cameo_codes.tsv", "cameo2plover.tsv", "cameo_verbs.tsv"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    bad = tmp_path / "ontology.toml"
    bad.write_text('version = "x"\n[[relation]]\nname = "X"\ncameo = "010"\nverbs = ["x"]\n', encoding="utf-8")
    with pytest.raises(OntologyError, match=r"no generic relation .* for CAMEO roots 02, 03"):
        load_ontology(bad, data_dir=tmp_path)


@pytest.mark.parametrize("text", [
    "Police in the Nigerian city of Kano fired tear gas to disperse hundreds of protesters.",
    "Riot police dispersed a crowd of Kenyan protesters in Nairobi.",
])
def test_dispersing_protesters_is_coercion(extractor: Extractor, text: str) -> None:
    # CAMEO 175, "use tactics of violent repression"; the OEDA dictionary codes DISPERSE PROTEST [175]
    result = extractor.extract(Article("ontology-test", text, None, "2020-10-20"))
    assert "COERCE" in {e.relation.name for e in result.events if e.subject.sector == "COP"}, text

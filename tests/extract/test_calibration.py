"""The calibrated confidence (extract/calibration.py): a triple's features, the model read from
extract/data/confidence_model.toml, and the floor that drops triples with LOW_CONFIDENCE."""

from __future__ import annotations

import itertools
import math
import re
import shutil
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pytest

from extract.calibration import (
    DEFAULT_MIN_CONFIDENCE,
    INPUT_NAMES,
    ConfidenceModel,
    ConfidenceModelError,
    TripleFeatures,
    _named_inputs,
    calibrated,
    checked_floor,
    load_confidence_model,
    model_inputs,
    triple_features,
)
from extract.extractor import RULES, ExtractorSettings, create_extractor
from extract.knowledge_dir import DEFAULT_KNOWLEDGE_DIR, KnowledgeError
from extract.pipeline import Extractor, Knowledge
from geokg.extractor_options import probability
from graph.model import Actor, ActorType, Article, DropReason, Event, Evidence, Modality, Polarity, RelationType

MODEL_FILE = DEFAULT_KNOWLEDGE_DIR / "confidence_model.toml"
FRANCE = Actor("country:FRA", "France", ActorType.COUNTRY, "FRA", "GOV")
REBELS = Actor("group:rebels", "rebels", ActorType.GROUP, None, "REB")
NATO = Actor("org:nato", "NATO", ActorType.ORGANIZATION, None, None)
SPEAKER = Actor("person:x", "X", ActorType.PERSON, "FRA", "GOV")
CRITICIZE = RelationType("CRITICIZE", "111", 3, -2.0, False, "ACCUSE", "")
ATTACK = RelationType("ATTACK", "190", 4, -10.0, False, "ASSAULT", "")
TEXT = "France criticised Italy on Monday. Spain did not criticise Portugal."


def event(
    subject: Actor = FRANCE, relation: RelationType = CRITICIZE, obj: Actor = NATO, confidence: float = 0.9,
    pairing: str = "dependency", polarity: Polarity = Polarity.AFFIRMED, modality: Modality = Modality.ASSERTED,
    attributed_to: Actor | None = None, sentence: str = "France criticised NATO on Monday .", mentions: int = 1,
) -> Event:
    evidence = tuple(Evidence(sentence, 100 * n, 100 * n + len(sentence)) for n in range(mentions))
    return Event("a", subject, relation, obj, polarity, modality, attributed_to, None, "unknown", evidence,
                 confidence, "test/0", relation.name.lower(), pairing=pairing)


# --- features -----------------------------------------------------------------------------


def test_the_features_are_read_from_the_finished_event() -> None:
    built = event(subject=REBELS, relation=ATTACK, obj=FRANCE, confidence=0.72, pairing="pair_reference",
                  polarity=Polarity.NEGATED, modality=Modality.REPORTED, attributed_to=SPEAKER, mentions=2)
    assert triple_features(built) == TripleFeatures(
        pairing="pair_reference", raw_confidence=0.72, quad_class=4, cameo_root="19",
        modality=Modality.REPORTED, negated=True, attributed=True, subject_type=ActorType.GROUP,
        object_type=ActorType.COUNTRY, subject_stateless=True, object_stateless=False, sentence_words=6, mentions=2)


def test_the_inputs_are_one_hot_against_the_commonest_value() -> None:
    plain = dict(zip(INPUT_NAMES, model_inputs(triple_features(event()), INPUT_NAMES), strict=True))
    assert plain["pairing_backoff"] == plain["pairing_pair_reference"] == plain["modality_reported"] == 0.0
    assert plain["cameo_11"] == 1.0 and sum(plain[f"cameo_{r:02d}"] for r in range(2, 21)) == 1.0
    assert plain["object_organization"] == plain["object_stateless"] == 1.0 and plain["subject_person"] == 0.0
    assert plain["raw_confidence"] == pytest.approx(0.1) and plain["raw_below_0_6"] == 0.0
    statement = RelationType("COMMENT_ON", "010", 1, 0.0, False, None, "")  # root 01 is the base: no input
    assert not any(v for k, v in zip(INPUT_NAMES, model_inputs(triple_features(event(relation=statement)),
                                                                  INPUT_NAMES), strict=True) if k.startswith("cameo_"))


def _spelt_out(features: TripleFeatures) -> dict[str, float]:
    """The one-hot inputs as the model's documentation spells them, name by name."""
    flags = {f"pairing_{p}": features.pairing == p for p in ("pair_reference", "event_reference", "backoff")}
    flags |= {f"quad_{q}": features.quad_class == q for q in (2, 3, 4)}
    flags |= {f"modality_{m.value}": features.modality is m
              for m in (Modality.REPORTED, Modality.INTENDED, Modality.HYPOTHETICAL)}
    types = (ActorType.PERSON, ActorType.ORGANIZATION, ActorType.GROUP, ActorType.REGION)
    flags |= {f"subject_{t.value.lower()}": features.subject_type is t for t in types}
    flags |= {f"object_{t.value.lower()}": features.object_type is t for t in types}
    flags |= {f"cameo_{root:02d}": features.cameo_root == f"{root:02d}" for root in range(2, 21)}
    return {name: 1.0 if flag else 0.0 for name, flag in flags.items()}


@pytest.mark.parametrize("built", [
    event(),
    event(subject=REBELS, relation=ATTACK, obj=FRANCE, pairing="pair_reference", modality=Modality.REPORTED),
    event(subject=SPEAKER, obj=REBELS, pairing="backoff", modality=Modality.HYPOTHETICAL),
    event(subject=NATO, relation=RelationType("APPEAL", "020", 1, 3.0, False, None, ""), obj=SPEAKER,
          pairing="event_reference", modality=Modality.INTENDED),
    event(relation=RelationType("AID", "070", 2, 7.0, False, None, ""), obj=Actor(
        "region:eu", "Europe", ActorType.REGION, None, None)),
])
def test_each_one_hot_input_is_named_and_valued_as_spelt_out(built: Event) -> None:
    """The names of the one-hot inputs are spelt once, not at every triple: each still has the
    value its name says, and exactly one of each group is set (or none, for the base value)."""
    features = triple_features(built)
    inputs = dict(zip(INPUT_NAMES, model_inputs(features, INPUT_NAMES), strict=True))
    spelt = _spelt_out(features)
    assert {name: inputs[name] for name in spelt} == spelt
    assert sum(spelt.values()) >= 2  # a cameo root and a type at least



def test_every_combination_of_one_hot_values_is_named_and_valued_as_spelt_out() -> None:
    """The one-hot inputs start at 0 and the one of each group that the triple's value names is set
    (by looking the value up): for every pairing, quad class, modality, both actor types and every
    CAMEO root (those with an input and those without), each input is what its name says, and the
    inputs come in one order whatever the values."""
    orders = set()
    for pairing, quad, modality, subject, obj, root in itertools.product(
        ("dependency", "pair_reference", "event_reference", "backoff"), (1, 2, 3, 4), Modality, ActorType,
        ActorType, [f"{root:02d}" for root in range(1, 21)],
    ):
        features = TripleFeatures(pairing, 0.7, quad, root, modality, False, True, subject, obj, True, False, 12, 1)
        inputs = dict(zip(INPUT_NAMES, model_inputs(features, INPUT_NAMES), strict=True))
        spelt = _spelt_out(features)
        assert {name: inputs[name] for name in spelt} == spelt, features
        orders.add(tuple(_named_inputs(features)))
    assert len(orders) == 1


# --- the model file -----------------------------------------------------------------------


def test_the_model_file_gives_probabilities_strictly_between_0_and_1() -> None:
    model = load_confidence_model(MODEL_FILE)
    assert model.weights and set(model.weights) <= set(INPUT_NAMES)
    for pairing in ("dependency", "pair_reference", "event_reference", "backoff"):
        for raw in (0.0, 0.3, 0.5, 0.72, 0.9, 1.0):
            for polarity in Polarity:
                p = model.probability(triple_features(event(confidence=raw, pairing=pairing, polarity=polarity)))
                assert 0.0 < p < 1.0


def test_the_probability_moves_with_the_raw_confidence_as_its_weights_say() -> None:
    model = load_confidence_model(MODEL_FILE)
    direction = math.copysign(1.0, model.weights["raw_confidence"])
    # the step below 0.6 must not undo the slope's direction
    assert model.weights.get("raw_below_0_6", 0.0) * direction <= 0
    ps = [model.probability(triple_features(event(confidence=raw / 20))) for raw in range(21)]
    assert all(direction * (later - earlier) >= 0 for earlier, later in itertools.pairwise(ps))
    assert ps[0] != ps[-1]


def test_a_hand_model_scores_by_its_weights() -> None:
    model = ConfidenceModel(0.5, MappingProxyType({"negated": -2.0, "raw_confidence": 1.0}))
    affirmed = model.probability(triple_features(event(confidence=0.8)))
    negated = model.probability(triple_features(event(confidence=0.8, polarity=Polarity.NEGATED)))
    assert affirmed == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert negated == pytest.approx(1 / (1 + math.exp(1.5)))


@pytest.mark.parametrize(("text", "message"), [
    ("intercept = [", "not valid TOML"),
    ("[weights]\nnegated = 1.0\n", "'intercept' must be a number"),
    ("intercept = 0.1\n", "a [weights] table is required"),
    ("intercept = 0.1\n[weights]\nlemma_attack = 1.0\n", "unknown model inputs lemma_attack"),
    ("intercept = 0.1\n[weights]\nnegated = 'high'\n", "weight 'negated' must be a number"),
    ("intercept = true\n[weights]\n", "'intercept' must be a number"),
])
def test_a_malformed_model_file_is_rejected_naming_it(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "confidence_model.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfidenceModelError, match=re.escape(message)) as raised:
        load_confidence_model(path)
    assert str(raised.value).startswith(str(path))


def test_a_knowledge_folder_with_a_malformed_model_does_not_load(tmp_path: Path) -> None:
    knowledge = Path(shutil.copytree(DEFAULT_KNOWLEDGE_DIR, tmp_path / "knowledge"))
    (knowledge / "confidence_model.toml").write_text("intercept = 0\n[weights]\nword_x = 1\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=re.escape("confidence_model.toml: unknown model inputs word_x")):
        Knowledge.load(knowledge)


# --- the floor ----------------------------------------------------------------------------


def test_events_below_the_floor_are_dropped_as_low_confidence() -> None:
    model = ConfidenceModel(1.0, MappingProxyType({"negated": -3.0}))
    kept, drops = calibrated([event(), event(polarity=Polarity.NEGATED)], model, 0.5)
    assert [e.polarity for e in kept] == [Polarity.AFFIRMED]
    assert kept[0].confidence == round(1 / (1 + math.exp(-1.0)), 3)
    assert [(d.reason, d.relation, d.char_start) for d in drops] == [(DropReason.LOW_CONFIDENCE, "CRITICIZE", 0)]
    assert "p=0.119 < 0.5 (raw 0.9)" in drops[0].detail
    everything, none = calibrated([event(), event(polarity=Polarity.NEGATED)], model, 0.0)
    assert len(everything) == 2 and not none


@pytest.mark.parametrize("floor", [-0.1, 1.5])
def test_a_floor_is_a_probability(floor: float) -> None:
    with pytest.raises(ValueError, match="not between 0 and 1"):
        checked_floor(floor)


def test_the_extractor_drops_below_its_floor_and_keeps_all_at_zero(extractor: Extractor) -> None:
    article = Article("calibration-test", TEXT, None, "2024-03-14")
    # a hand model that trusts negated triples little, so the test does not hang on fitted weights
    knowledge = replace(extractor.knowledge,
                        confidence_model=ConfidenceModel(1.0, MappingProxyType({"negated": -3.0})))
    floored = Extractor(extractor.nlp, knowledge, min_confidence=0.5).extract(article)
    everything = Extractor(extractor.nlp, knowledge, min_confidence=0.0).extract(article)
    raw = Extractor(extractor.nlp, knowledge, calibrate=False).extract(article)
    assert {e.polarity for e in everything.events} == {Polarity.AFFIRMED, Polarity.NEGATED}
    assert [e.id for e in everything.events] == [e.id for e in raw.events]  # the floor 0.0 keeps every triple
    assert {e.confidence for e in everything.events} == {0.731, 0.119}
    scored = {e.id: round(knowledge.confidence_model.probability(triple_features(e)), 3) for e in raw.events}
    assert {e.id: e.confidence for e in everything.events} == scored  # the model applied to the raw triple
    assert [e.id for e in floored.events] == [e.id for e in everything.events if e.polarity is Polarity.AFFIRMED]
    low = [d for d in floored.drops if d.reason is DropReason.LOW_CONFIDENCE]
    assert [d.relation for d in low] == ["CRITICIZE"] and "Spain" in low[0].sentence
    assert not any(d.reason is DropReason.LOW_CONFIDENCE for d in everything.drops)


def test_by_default_every_triple_is_kept_and_a_floor_keeps_those_at_or_above_it(extractor: Extractor) -> None:
    article = Article("calibration-test", TEXT, None, "2024-03-14")
    every = extractor.extract(article)  # the suite's extractor is the shipped default
    raw = Extractor(extractor.nlp, extractor.knowledge, calibrate=False).extract(article)
    assert extractor.min_confidence == DEFAULT_MIN_CONFIDENCE == 0.0
    assert [e.id for e in every.events] == [e.id for e in raw.events]
    assert not any(d.reason is DropReason.LOW_CONFIDENCE for d in every.drops)
    floor = sorted(e.confidence for e in every.events)[len(every.events) // 2]  # keeps the upper half
    kept = Extractor(extractor.nlp, extractor.knowledge, min_confidence=floor).extract(article)
    below = [e for e in every.events if e.confidence < floor]
    assert below and all(e.confidence >= floor for e in kept.events)
    assert [e.id for e in kept.events] == [e.id for e in every.events if e.confidence >= floor]
    assert sum(d.reason is DropReason.LOW_CONFIDENCE for d in kept.drops) == len(below)


def test_the_floor_is_part_of_the_version(extractor: Extractor) -> None:
    versions = {Extractor(extractor.nlp, extractor.knowledge, min_confidence=floor).version for floor in (0.0, 0.5)}
    versions.add(Extractor(extractor.nlp, extractor.knowledge, calibrate=False).version)
    assert len(versions) == 3


def test_the_settings_carry_the_floor_to_the_extractor() -> None:
    rules = create_extractor(RULES, ExtractorSettings(min_confidence=0.25))
    assert isinstance(rules, Extractor) and rules.min_confidence == 0.25


@pytest.mark.parametrize(("text", "value"), [("0", 0.0), ("0.5", 0.5), ("1", 1.0)])
def test_the_option_reads_a_probability(text: str, value: float) -> None:
    assert probability(text) == value


@pytest.mark.parametrize("text", ["-0.1", "1.01", "half"])
def test_the_option_rejects_what_is_no_probability(text: str) -> None:
    import argparse

    with pytest.raises(argparse.ArgumentTypeError):
        probability(text)

"""A calibrated confidence for every triple: the judged probability that it is right.

The rules give each candidate a raw confidence made of path factors (0.9 along the parse, lower
for a pair reference or word order); those rank triples but are no probabilities. Here a small
logistic model turns what a finished ``Event`` carries (its pairing, raw confidence, relation
class, modality, polarity, attribution, actor types, sentence length, mentions) into one. The
weights live in a versioned data file (``extract/data/confidence_model.toml``, written by
``tools/fit_confidence.py`` from judged triples). Features are coarse and general on purpose:
never a word, a lemma or an actor id, which would learn the judged sets' vocabulary.

A triple below a floor the caller sets (``--min-confidence``) is dropped with
``DropReason.LOW_CONFIDENCE``; by default the floor is 0.0 and every triple is kept.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from graph.model import ActorType, Drop, DropReason, Event, Modality, Polarity

#: Triples whose calibrated probability is below this are dropped; by default none is. Measured
#: 2026-11-27: on the five older blind sets, each scored by a model fitted without it, a floor of 0.3
#: removed 7 right and 22 wrong triples (precision 0.680 -> 0.701) but cost 5 of 472 key facts; on the
#: sixth blind set, never used in the fit, it removed 2 right and 3 wrong and cost 1 of 130 key facts;
#: on DEV and the check set it removed about as many right triples as wrong. No floor helps enough to
#: be the default: the analyst chooses one (the confidence is a probability, so a floor means what it says).
DEFAULT_MIN_CONFIDENCE = 0.0
#: The raw confidence the continuous feature is centred on (the usual dependency path's 0.9 x ...).
_RAW_CENTRE = 0.8
#: Words of a sentence counted as one unit of the length feature, and the longest counted.
_SENTENCE_UNIT_WORDS = 40
_SENTENCE_CAP_WORDS = 80
_PAIRINGS = ("pair_reference", "event_reference", "backoff")  # against "dependency"
_QUADS = (2, 3, 4)  # against 1 (verbal cooperation)
_TYPES = (ActorType.PERSON, ActorType.ORGANIZATION, ActorType.GROUP, ActorType.REGION)  # against COUNTRY
_MODALITIES = (Modality.REPORTED, Modality.INTENDED, Modality.HYPOTHETICAL)  # against ASSERTED


@dataclass(frozen=True)
class TripleFeatures:
    """What the model may know of a triple: how it was found and what kind of triple it is."""

    pairing: str
    raw_confidence: float
    quad_class: int
    cameo_root: str
    modality: Modality
    negated: bool
    attributed: bool
    subject_type: ActorType
    object_type: ActorType
    subject_stateless: bool  # no country: an international or unknown actor
    object_stateless: bool
    sentence_words: int
    mentions: int


def triple_features(event: Event) -> TripleFeatures:
    """The features of a finished event (its ``confidence`` still the rules' raw one)."""
    return TripleFeatures(
        pairing=event.pairing,
        raw_confidence=event.confidence,
        quad_class=event.relation.quad_class,
        cameo_root=event.relation.cameo[:2],
        modality=event.modality,
        negated=event.polarity is Polarity.NEGATED,
        attributed=event.attributed_to is not None,
        subject_type=event.subject.type,
        object_type=event.object.type,
        subject_stateless=event.subject.country is None,
        object_stateless=event.object.country is None,
        sentence_words=len(event.sentence.split()),
        mentions=len(event.evidence),
    )


def _flag(value: bool) -> float:
    return 1.0 if value else 0.0


def _named_inputs(features: TripleFeatures) -> dict[str, float]:
    """Every model input by name (one-hot against the commonest value, continuous ones scaled)."""
    inputs = {
        "raw_confidence": features.raw_confidence - _RAW_CENTRE,
        "raw_below_0_6": _flag(features.raw_confidence < 0.6),
        "negated": _flag(features.negated),
        "attributed": _flag(features.attributed),
        "subject_stateless": _flag(features.subject_stateless),
        "object_stateless": _flag(features.object_stateless),
        "sentence_length": min(features.sentence_words, _SENTENCE_CAP_WORDS) / _SENTENCE_UNIT_WORDS,
        "repeated": _flag(features.mentions > 1),
    }
    inputs.update(_ONE_HOT_ZEROS)  # every one-hot input, then the one of each group that the triple has
    for group, value in ((_PAIRING_NAMES, features.pairing), (_QUAD_NAMES, features.quad_class),
                         (_MODALITY_NAMES, features.modality), (_SUBJECT_NAMES, features.subject_type),
                         (_OBJECT_NAMES, features.object_type), (_CAMEO_NAMES, features.cameo_root)):
        name = group.get(value)
        if name is not None:  # (none for the commonest value, the one the others are against)
            inputs[name] = 1.0
    return inputs


# the one-hot inputs' names with the value each stands for, spelt once (not at every triple)
_PAIRING_INPUTS = tuple((f"pairing_{p}", p) for p in _PAIRINGS)
_QUAD_INPUTS = tuple((f"quad_{q}", q) for q in _QUADS)
_MODALITY_INPUTS = tuple((f"modality_{m.value}", m) for m in _MODALITIES)
_SUBJECT_INPUTS = tuple((f"subject_{t.value.lower()}", t) for t in _TYPES)
_OBJECT_INPUTS = tuple((f"object_{t.value.lower()}", t) for t in _TYPES)
_CAMEO_INPUTS = tuple((f"cameo_{root:02d}", f"{root:02d}") for root in range(2, 21))
# each group's input by the value it stands for; all of them at 0, in the order above
_PAIRING_NAMES: Mapping[object, str] = MappingProxyType({value: name for name, value in _PAIRING_INPUTS})
_QUAD_NAMES: Mapping[object, str] = MappingProxyType({value: name for name, value in _QUAD_INPUTS})
_MODALITY_NAMES: Mapping[object, str] = MappingProxyType({value: name for name, value in _MODALITY_INPUTS})
_SUBJECT_NAMES: Mapping[object, str] = MappingProxyType({value: name for name, value in _SUBJECT_INPUTS})
_OBJECT_NAMES: Mapping[object, str] = MappingProxyType({value: name for name, value in _OBJECT_INPUTS})
_CAMEO_NAMES: Mapping[object, str] = MappingProxyType({value: name for name, value in _CAMEO_INPUTS})
_ONE_HOT_ZEROS: Mapping[str, float] = MappingProxyType({
    name: 0.0 for inputs in (_PAIRING_INPUTS, _QUAD_INPUTS, _MODALITY_INPUTS, _SUBJECT_INPUTS, _OBJECT_INPUTS,
                             _CAMEO_INPUTS) for name, _ in inputs})


#: Which inputs make up each feature group (what the fitter adds or leaves out as one).
FEATURE_GROUPS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "raw": ("raw_confidence", "raw_below_0_6"),
    "pairing": tuple(f"pairing_{p}" for p in _PAIRINGS),
    "quad": tuple(f"quad_{q}" for q in _QUADS),
    "cameo_root": tuple(f"cameo_{root:02d}" for root in range(2, 21)),
    "modality": (*(f"modality_{m.value}" for m in _MODALITIES), "negated", "attributed"),
    "actor_types": (*(f"subject_{t.value.lower()}" for t in _TYPES), *(f"object_{t.value.lower()}" for t in _TYPES)),
    "stateless": ("subject_stateless", "object_stateless"),
    "sentence": ("sentence_length",),
    "mentions": ("repeated",),
})
INPUT_NAMES: tuple[str, ...] = tuple(name for group in FEATURE_GROUPS.values() for name in group)


def model_inputs(features: TripleFeatures, names: Iterable[str]) -> list[float]:
    """The values of the inputs ``names``, in that order."""
    inputs = _named_inputs(features)
    return [inputs[name] for name in names]


class ConfidenceModelError(ValueError):
    """The confidence model file is missing a part or names an unknown input."""


@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic model: P(right) = 1 / (1 + exp(-(intercept + sum of weight x input)))."""

    intercept: float
    weights: Mapping[str, float]

    def probability(self, features: TripleFeatures) -> float:
        """The calibrated probability that the triple is right, in (0, 1)."""
        inputs = _named_inputs(features)
        score = self.intercept + sum(weight * inputs[name] for name, weight in self.weights.items())
        return _sigmoid(score)


def _sigmoid(score: float) -> float:
    if score >= 0:
        return 1.0 / (1.0 + math.exp(-score))
    exp = math.exp(score)
    return exp / (1.0 + exp)


def load_confidence_model(path: Path) -> ConfidenceModel:
    """Read the model file; a malformed one raises ``ConfidenceModelError`` naming the file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfidenceModelError(f"{path}: not valid TOML ({error})") from error
    intercept = data.get("intercept")
    weights = data.get("weights")
    if not isinstance(intercept, (int, float)) or isinstance(intercept, bool):
        raise ConfidenceModelError(f"{path}: 'intercept' must be a number")
    if not isinstance(weights, dict):
        raise ConfidenceModelError(f"{path}: a [weights] table is required")
    unknown = sorted(set(weights) - set(INPUT_NAMES))
    if unknown:
        raise ConfidenceModelError(f"{path}: unknown model inputs {', '.join(unknown)}")
    for name, weight in weights.items():
        if not isinstance(weight, (int, float)) or isinstance(weight, bool):
            raise ConfidenceModelError(f"{path}: weight {name!r} must be a number")
    return ConfidenceModel(float(intercept), MappingProxyType({n: float(w) for n, w in weights.items()}))


def checked_floor(floor: float) -> float:
    """``floor`` if it is a probability (0 keeps every triple), else a ``ValueError`` saying so."""
    if not 0.0 <= floor <= 1.0:
        raise ValueError(f"minimum confidence {floor} is not between 0 and 1")
    return floor


def calibrated(
    events: Iterable[Event], model: ConfidenceModel, floor: float,
) -> tuple[list[Event], list[Drop]]:
    """Each event with its calibrated confidence, or, below ``floor``, a ``LOW_CONFIDENCE`` drop."""
    kept: list[Event] = []
    drops: list[Drop] = []
    for event in events:
        probability = round(model.probability(triple_features(event)), 3)  # as stored: the floor means what it shows
        if probability < floor:
            drops.append(Drop(DropReason.LOW_CONFIDENCE, event.trigger, event.relation.name, event.sentence,
                              event.char_start, event.char_end,
                              f"p={probability:.3f} < {floor} (raw {event.confidence})"))
            continue
        kept.append(replace(event, confidence=probability))
    return kept, drops

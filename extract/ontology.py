"""Load the relation ontology (ontology.toml) and the CAMEO/PLOVER tables it is aligned with."""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.addressed_request_words import AddressedRequestWords, load_addressed_request_words
from extract.data_tables import load_word_table
from extract.deadlines import DeadlineWords, load_deadline_words
from extract.evaluative import EvaluativeWords, load_evaluative_words, with_affixes, with_fallback
from extract.event_nouns import EventNouns, load_event_nouns
from extract.light_verbs import LightVerbs, load_light_verbs
from extract.patient_acts import PatientActs, load_patient_acts
from extract.polarity_morphology import load_negating_affixes
from extract.reason_adjunct_words import ReasonAdjuncts, load_reason_adjuncts
from extract.responsibility_words import ResponsibilityWords, load_responsibility_words
from extract.speech_acts import SpeechActs, load_speech_acts
from extract.territory_words import TerritoryWords, load_territory_words
from extract.verb_dictionary import VerbDictionary, load_verb_dictionary
from extract.verb_sense_table import VerbSenseTable, load_verb_sense_table
from graph.model import RelationType

DATA_DIR = Path(__file__).parent / "data"


class OntologyError(ValueError):
    """The ontology file is malformed; the message names the file and entry."""


@dataclass(frozen=True)
class Trigger:
    """One way English expresses a relation: a lemma plus an optional particle and prepositions.

    ``preps`` empty means the object is the direct object (verbs). ``between`` marks nouns
    whose "between X and Y" names both actors.
    """

    lemma: str
    pos: str
    relation: str
    particle: str | None
    preps: tuple[str, ...]
    object_attribute: str | None


@dataclass(frozen=True)
class Ontology:
    """Relation types by name and triggers by (pos, lemma)."""

    version: str
    relations: Mapping[str, RelationType]
    triggers: Mapping[tuple[str, str], tuple[Trigger, ...]]
    multiword_heads: Mapping[str, tuple[tuple[str, ...], ...]]
    state_variants: Mapping[str, str]
    code_relations: Mapping[str, str]
    verbs: VerbDictionary
    #: threats, warnings and naming as CAMEO codes them (speech_acts.toml)
    speech_acts: SpeechActs
    #: word -> valence, for naming predicates the dictionary does not code (evaluative_words.tsv,
    #: then evaluative_words_pattern.tsv for words VADER does not rate)
    evaluative_words: EvaluativeWords
    #: verbs of taking a place and the nouns of territory (territory.toml, extract/territory.py)
    territory: TerritoryWords
    #: CAMEO roots of acts that can react to an event named by a definite event noun
    reaction_roots: frozenset[str] = frozenset()
    #: verb lemma -> the relation it takes when its object is such an event ("welcome" -> PRAISE)
    event_object_senses: Mapping[str, str] = field(default_factory=dict)
    #: relations that, from a party of the referred event, stand by its own side's act ("defended
    #: the meeting") and are aimed at no one
    own_side_reactions: frozenset[str] = frozenset()
    #: nouns that name an earlier act: nominalisations and class nouns (event_nouns.toml)
    event_nouns: EventNouns = field(default_factory=EventNouns)
    #: verb and noun classes of composed events ("suspended talks with", light_verbs.toml)
    light_verbs: LightVerbs = field(default_factory=LightVerbs.empty)
    #: figurative objects that change a verb's sense ("traded insults", verb_senses.toml)
    verb_senses: VerbSenseTable = field(default_factory=VerbSenseTable.empty)
    #: nouns of acts done to a person and the words naming who does them (patient_acts.toml)
    patient_acts: PatientActs = field(default_factory=PatientActs)
    #: participles, prepositions and nouns of reason adjuncts (reason_adjuncts.toml)
    reason_adjuncts: ReasonAdjuncts = field(default_factory=ReasonAdjuncts)
    #: words of addressed requests, deadlines and threatened force (addressed_requests.toml)
    addressed_requests: AddressedRequestWords = field(default_factory=AddressedRequestWords)
    #: verbs, nouns and prepositions of a deadline given (deadlines.toml)
    deadlines: DeadlineWords = field(default_factory=DeadlineWords)
    #: words of holding a party responsible for a harm (responsibility.toml)
    responsibility: ResponsibilityWords = field(default_factory=ResponsibilityWords)

    def relation(self, name: str) -> RelationType:
        return self.relations[name]

    def relation_for_code(self, cameo: str) -> RelationType:
        """The relation with exactly this CAMEO code, else the generic relation of its root."""
        name = self.code_relations.get(cameo) or self.code_relations[generic_code(cameo)]
        return self.relations[name]

    def triggers_for(self, pos: str, lemma: str) -> tuple[Trigger, ...]:
        return self.triggers.get((pos, lemma), ())


def quad_class_for(cameo: str) -> int:
    """Conventional CAMEO quad class of a code (01-05: 1, 06-08: 2, 09-13: 3, 14-20: 4)."""
    root = int(cameo[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


CAMEO_ROOTS: tuple[str, ...] = tuple(f"{root:02d}" for root in range(1, 21))


def generic_code(cameo: str) -> str:
    """The "not specified below" code of a CAMEO code's root: 0841 -> 080, 1723 -> 170."""
    return f"{cameo[:2]}0"


def read_cameo_goldstein(path: Path) -> dict[str, float]:
    """CAMEO code -> Goldstein score, from GDELT's table."""
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {row["code"]: float(row["goldstein"]) for row in rows}


def read_cameo_to_plover(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER category; the ambiguous bare ``08`` is left out."""
    table: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            code, event = row["cameo"], row["plover_event"]
            if code == "08" or not event:
                continue
            table.setdefault(code, event)
    return table


def plover_for(cameo: str, table: Mapping[str, str]) -> str | None:
    """PLOVER category of a CAMEO code: full code, then 3 digits, then the root."""
    for prefix in (cameo, cameo[:3], cameo[:2]):
        if prefix in table:
            return table[prefix]
    return None


def _parse_trigger(text: str, pos: str, relation: str, attribute: str | None) -> Trigger:
    words = text.split()
    if not words:
        raise OntologyError(f"empty trigger in relation {relation}")
    if pos == "NOUN":
        # "talk with|between": head lemma (possibly several words) then one preposition slot.
        *head, last = words if len(words) > 1 else [*words, ""]
        noun_preps = tuple(p for p in last.split("|") if p)
        return Trigger(" ".join(head), pos, relation, None, noun_preps, attribute)
    lemma, rest = words[0], words[1:]
    particle = None
    preps: tuple[str, ...] = ()
    if rest:
        preps = tuple(rest[-1].split("|"))
        middle = rest[:-1]
        if middle:
            particle = " ".join(middle)
    return Trigger(lemma, pos, relation, particle, preps, attribute)


_EDGE = re.compile(r"^[A-Z][A-Z_]*$")


def _checked_edge(path: Path, relation: str, edge: str) -> str:
    """Edge names become relationship types in Cypher, so they must be plain identifiers."""
    if not _EDGE.match(edge):
        raise OntologyError(f"{path}: relation {relation} has an invalid edge name {edge!r}")
    return edge


def load_ontology(path: Path | None = None, data_dir: Path = DATA_DIR) -> Ontology:
    """Read ontology.toml and align each relation with CAMEO (Goldstein, quad) and PLOVER."""
    path = path or data_dir / "ontology.toml"
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    goldstein = read_cameo_goldstein(data_dir / "cameo_codes.tsv")
    plover = read_cameo_to_plover(data_dir / "cameo2plover.tsv")
    entries = raw.get("relation", [])
    relations, triggers = _relations_and_triggers(path, entries, goldstein, plover)
    state_variants = _state_variants(path, entries, relations)
    code_relations = _code_relations(path, entries)
    reaction_roots, senses, own_side = _event_reference(path, raw.get("event_reference", {}), relations)
    verbs = load_verb_dictionary(data_dir / "cameo_verbs.tsv")
    event_nouns = load_event_nouns(data_dir / "event_nouns.toml", frozenset(CAMEO_ROOTS),
                                   lambda lemma: ("VERB", lemma) in triggers or lemma in verbs)
    return Ontology(
        version=str(raw.get("version", "0")),
        relations=relations,
        triggers={key: tuple(value) for key, value in triggers.items()},
        multiword_heads=_multiword_heads(triggers),
        state_variants=state_variants,
        code_relations=code_relations,
        verbs=verbs,
        speech_acts=load_speech_acts(data_dir / "speech_acts.toml", frozenset(goldstein)),
        evaluative_words=with_affixes(
            with_fallback(load_evaluative_words(data_dir / "evaluative_words.tsv"),
                          load_evaluative_words(data_dir / "evaluative_words_pattern.tsv")),
            load_negating_affixes(data_dir / "polarity_morphology.toml")),
        territory=load_territory_words(data_dir / "territory.toml"),
        reaction_roots=reaction_roots,
        event_object_senses=senses,
        own_side_reactions=own_side,
        event_nouns=event_nouns,
        light_verbs=load_light_verbs(data_dir / "light_verbs.toml", frozenset(goldstein)),
        verb_senses=load_verb_sense_table(data_dir / "verb_senses.toml", frozenset(goldstein)),
        patient_acts=load_patient_acts(data_dir / "patient_acts.toml", frozenset(goldstein)),
        reason_adjuncts=load_reason_adjuncts(data_dir / "reason_adjuncts.toml"),
        addressed_requests=load_addressed_request_words(data_dir / "addressed_requests.toml"),
        responsibility=load_responsibility_words(data_dir / "responsibility.toml"),
        deadlines=load_deadline_words(data_dir / "deadlines.toml"),
    )


def _relations_and_triggers(
    path: Path, entries: list[dict[str, Any]], goldstein: Mapping[str, float], plover: Mapping[str, str],
) -> tuple[dict[str, RelationType], dict[tuple[str, str], list[Trigger]]]:
    """The relations of the ``[[relation]]`` entries by name, and their verb and noun triggers by
    part of speech and last word of the lemma; read entry by entry, so the first bad one is named."""
    relations: dict[str, RelationType] = {}
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    for entry in entries:
        relation = _relation_type(path, entry, goldstein, plover, relations)
        relations[relation.name] = relation
        for trigger in _entry_triggers(entry, relation.name):
            triggers.setdefault((trigger.pos, trigger.lemma.split()[-1]), []).append(trigger)
    return relations, triggers


def _relation_type(
    path: Path, entry: Mapping[str, Any], goldstein: Mapping[str, float], plover: Mapping[str, str],
    defined: Mapping[str, RelationType],
) -> RelationType:
    """One ``[[relation]]`` entry aligned with CAMEO and PLOVER; an entry without name or code, with
    a code CAMEO lacks, or with the name of a relation in ``defined`` raises an ``OntologyError``."""
    name = entry.get("name")
    cameo = entry.get("cameo")
    if not name or not cameo:
        raise OntologyError(f"{path}: a relation lacks name or cameo: {entry!r}")
    if cameo not in goldstein:
        raise OntologyError(f"{path}: relation {name} has unknown CAMEO code {cameo}")
    if name in defined:
        raise OntologyError(f"{path}: relation {name} is defined twice")
    return RelationType(
        name=name,
        cameo=cameo,
        quad_class=quad_class_for(cameo),
        goldstein=goldstein[cameo],
        reciprocal=bool(entry.get("reciprocal", False)),
        plover=plover_for(cameo, plover),
        description=str(entry.get("description", "")),
        edge=_checked_edge(path, name, str(entry.get("edge", name))),
    )


def _entry_triggers(entry: Mapping[str, Any], relation: str) -> Iterator[Trigger]:
    """The verb and noun triggers a ``[[relation]]`` entry lists, verbs first."""
    attribute = entry.get("object_attribute")
    for pos, key in (("VERB", "verbs"), ("NOUN", "nouns")):
        for text in entry.get(key, []):
            yield _parse_trigger(text, pos, relation, attribute)


def _state_variants(
    path: Path, entries: list[dict[str, Any]], relations: Mapping[str, RelationType],
) -> dict[str, str]:
    """Relation -> its variant when done by a state (``by_state``); a variant must be a relation."""
    variants = {str(entry["name"]): str(entry["by_state"]) for entry in entries if "by_state" in entry}
    unknown = {variant for variant in variants.values() if variant not in relations}
    if unknown:
        raise OntologyError(f"{path}: by_state names unknown relations {sorted(unknown)}")
    return variants


def _multiword_heads(triggers: Mapping[tuple[str, str], list[Trigger]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Last word -> the multiword noun lemmas of noun triggers ending with it, sorted."""
    multiword: dict[str, set[tuple[str, ...]]] = {}
    for (pos, _), items in triggers.items():
        for trigger in items:
            words = tuple(trigger.lemma.split())
            if pos == "NOUN" and len(words) > 1:
                multiword.setdefault(words[-1], set()).add(words)
    return {key: tuple(sorted(value)) for key, value in multiword.items()}


def _event_reference(
    path: Path, table: dict[str, object], relations: Mapping[str, RelationType]
) -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """The ``[event_reference]`` table: reaction roots (two-digit CAMEO roots), the relation each
    listed verb takes when its object is a referred event, and the own-side reactions."""
    roots = table.get("reaction_roots", [])
    senses = table.get("senses", {})
    own_side = table.get("own_side_reactions", [])
    if not isinstance(roots, list) or any(str(root) not in CAMEO_ROOTS for root in roots):
        raise OntologyError(f"{path}: event_reference.reaction_roots must list CAMEO roots 01-20, got {roots!r}")
    if not isinstance(senses, dict) or any(str(name) not in relations for name in senses.values()):
        raise OntologyError(f"{path}: event_reference.senses must map verb lemmas to known relations, got {senses!r}")
    if not isinstance(own_side, list) or any(str(name) not in relations for name in own_side):
        raise OntologyError(f"{path}: event_reference.own_side_reactions must list known relations, got {own_side!r}")
    return (frozenset(str(root) for root in roots), {str(k).lower(): str(v) for k, v in senses.items()},
            frozenset(str(name) for name in own_side))


def _code_relations(path: Path, entries: list[dict[str, object]]) -> dict[str, str]:
    """CAMEO code -> relation name; a code shared by several relations needs one ``for_code``.
    Every CAMEO root must have a generic relation (code root + "0")."""
    by_code: dict[str, list[tuple[str, bool]]] = {}
    for entry in entries:
        by_code.setdefault(str(entry["cameo"]), []).append((str(entry["name"]), bool(entry.get("for_code", False))))
    table: dict[str, str] = {}
    for code, named in sorted(by_code.items()):
        chosen = [name for name, marked in named if marked] if len(named) > 1 else [named[0][0]]
        if len(chosen) != 1:
            names = ", ".join(name for name, _ in named)
            raise OntologyError(f"{path}: CAMEO code {code} is shared by {names}: mark exactly one for_code = true")
        table[code] = chosen[0]
    missing = [root for root in CAMEO_ROOTS if generic_code(root) not in table]
    if missing:
        raise OntologyError(f"{path}: no generic relation (code root+0) for CAMEO roots {', '.join(missing)}")
    return table


@dataclass(frozen=True)
class Lexicon:
    """English function words the patterns rely on (lexicon.toml)."""

    light_verbs: frozenset[str]
    performing_light_verbs: frozenset[str]
    reaction_drawing_verbs: frozenset[str]
    control_verbs: frozenset[str]
    control_nouns: frozenset[str]
    object_control_verbs: frozenset[str]
    partitive_nouns: frozenset[str]
    container_nouns: frozenset[str]
    supplying_agent_nouns: frozenset[str]
    removal_verbs: frozenset[str]
    occasion_prepositions: frozenset[str]
    purpose_prepositions: frozenset[str]
    reaction_nouns: frozenset[str]
    participation_phrases: frozenset[str]
    concessive_markers: frozenset[str]
    speech_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    preventing_verbs: frozenset[str]
    from_preventing_verbs: frozenset[str]
    conveying_verbs: frozenset[str]
    accusing_verbs: frozenset[str]
    future_clause_markers: frozenset[str]
    nonspecific_determiners: frozenset[str]
    stopping_verbs: frozenset[str]
    lessening_verbs: frozenset[str]
    intending_verbs: frozenset[str]
    requesting_verbs: frozenset[str]
    infinitive_requesting_verbs: frozenset[str]
    intending_adjectives: frozenset[str]
    intending_nouns: frozenset[str]
    intending_modals: frozenset[str]
    hypothetical_modals: frozenset[str]
    obligation_modals: frozenset[str]
    hypothetical_markers: frozenset[str]
    opposing_verbs: frozenset[str]
    emulating_verbs: frozenset[str]
    target_prepositions: frozenset[str]
    adjunct_prepositions: frozenset[str]
    relation_nouns: frozenset[str]
    stative_verbs: frozenset[str]
    negators: frozenset[str]
    person_pronouns: frozenset[str]
    thing_pronouns: frozenset[str]
    unresolvable_pronouns: frozenset[str]
    symmetric_verbs: frozenset[str]
    directive_verbs: frozenset[str]
    commitment_verbs: frozenset[str]
    jointness_words: frozenset[str]
    place_nouns: frozenset[str]
    territory_nouns: frozenset[str]
    office_modifiers: frozenset[str]
    home_office_roles: frozenset[str]
    past_office_modifiers: frozenset[str]
    ethnicity_markers: frozenset[str]
    naming_verbs: frozenset[str]
    severing_verbs: frozenset[str]
    non_member_sectors: frozenset[str]
    pair_person_nouns: frozenset[str]
    pair_state_nouns: frozenset[str]
    pair_party_nouns: frozenset[str]
    pair_quantifiers: frozenset[str]
    reciprocal_pronouns: frozenset[str]
    mediating_verbs: frozenset[str]
    state_description_nouns: frozenset[str]
    organisation_description_nouns: frozenset[str]
    business_nouns: frozenset[str]
    document_name_nouns: frozenset[str]
    scoped_organisation_nouns: frozenset[str]
    organisation_scope_words: frozenset[str]
    compass_state_words: frozenset[str]
    relational_state_nouns: frozenset[str]
    statement_nouns: frozenset[str]
    envoy_nouns: frozenset[str]
    mission_nouns: frozenset[str]
    expellable_nouns: frozenset[str]
    leaving_verbs: frozenset[str]
    returning_verbs: frozenset[str]
    expelled_from_nouns: frozenset[str]
    expelling_verbs: frozenset[str]
    expelling_predicates: frozenset[str]
    recalling_verbs: frozenset[str]
    summoning_verbs: frozenset[str]
    host_prepositions: frozenset[str]
    diplomatic_sectors: frozenset[str]
    storming_verbs: frozenset[str]
    protester_nouns: frozenset[str]
    gathering_verbs: frozenset[str]
    at_prepositions: frozenset[str]
    locating_participles: frozenset[str]
    attribution_prepositions: frozenset[str]
    harming_verbs: frozenset[str]
    intruding_verbs: frozenset[str]
    sovereign_space_nouns: frozenset[str]
    expelling_envoy_verbs: frozenset[str]
    leaving_nouns: frozenset[str]
    responding_verbs: frozenset[str]


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read lexicon.toml; every list becomes a frozenset of lower-case lemmas. Missing lists, or one
    that is no non-empty list of words, raise an ``OntologyError`` naming the file and the lists."""
    path = path or DATA_DIR / "lexicon.toml"
    words = load_word_table(path, OntologyError)
    fields = Lexicon.__dataclass_fields__
    missing = [name for name in fields if name not in words.entries]
    if missing:
        raise OntologyError(f"{path}: missing lists {', '.join(missing)}")
    return Lexicon(**{name: words(name) for name in fields})

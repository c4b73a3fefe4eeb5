"""The classes of figurative objects that change a frequent verb's sense (verb_senses.toml): "traded
insults" (111), "pay the price" (no event), "shielded X from censure" (050). Read by
``extract.verb_senses`` after the CAMEO verb dictionary's own object patterns."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "verb_senses.toml"
NO_EVENT = "---"


class VerbSenseError(ValueError):
    """verb_senses.toml is malformed; the message names the file and the class."""


@dataclass(frozen=True)
class ObjectClass:
    """Verbs whose object (or prepositional object) is one of a class of words, and the CAMEO code
    they then say (None: no event)."""

    name: str
    verbs: frozenset[str]
    objects: frozenset[str]  # empty: any direct object
    prep: str | None
    prep_objects: frozenset[str]
    code: str | None
    mutual: bool
    #: prepositions whose object is the target; empty: the lexicon's target prepositions
    target_preps: tuple[str, ...] = ()
    #: read before the dictionary's object pattern for the verb (the class corrects its reading)
    before_dictionary: bool = False


@dataclass(frozen=True)
class PhrasalCode:
    """The act a phrasal verb says: its CAMEO code and the preposition of its target (None: the
    direct object)."""

    code: str
    prep: str | None


@dataclass(frozen=True)
class VerbSenseTable:
    """The object classes by verb lemma, in file order."""

    by_verb: Mapping[str, tuple[ObjectClass, ...]]
    #: verbs whose ontology reading the dictionary's object patterns override
    general_verbs: frozenset[str] = frozenset()
    #: particles that change a verb's sense ("call off", "back down"), by verb lemma
    phrasal: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: particles that take a light verb from its sense ("hold up", "give up"), by verb lemma
    light_phrasal: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: CAMEO codes of phrasal verbs the dictionary does not list, by (lemma, particle)
    phrasal_codes: Mapping[tuple[str, str], PhrasalCode] = field(default_factory=dict)

    @staticmethod
    def empty() -> VerbSenseTable:
        return VerbSenseTable({})

    def classes_for(self, lemma: str) -> tuple[ObjectClass, ...]:
        return self.by_verb.get(lemma, ())

    def sense_changing_particles(self, lemma: str) -> frozenset[str]:
        """The particles that take the verb away from its own sense (none listed: none)."""
        return self.phrasal.get(lemma, frozenset())

    def phrasal_code(self, lemma: str, particle: str) -> PhrasalCode | None:
        """The act of the phrasal verb, where [phrasal_codes] names it."""
        return self.phrasal_codes.get((lemma, particle))

    def light_verb_changing_particles(self, lemma: str) -> frozenset[str]:
        """The particles with which a light verb passes its subject to no event noun."""
        return self.light_phrasal.get(lemma, frozenset())


def load_verb_sense_table(path: Path, cameo_codes: frozenset[str]) -> VerbSenseTable:
    """Read verb_senses.toml; every code must be one of ``cameo_codes`` or "---"."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    entries = raw.get("sense")
    if not isinstance(entries, list) or not entries:
        raise VerbSenseError(f"{path}: needs at least one [[sense]] table")
    by_verb: dict[str, list[ObjectClass]] = {}
    for entry in entries:
        item = _object_class(path, entry, cameo_codes)
        for verb in item.verbs:
            by_verb.setdefault(verb, []).append(item)
    general = frozenset(_words(str(path), raw, "general_verbs", non_empty=True))
    phrasal = _phrasal(path, "phrasal", raw.get("phrasal", {}))
    light = _phrasal(path, "light_phrasal", raw.get("light_phrasal", {}))
    codes = _phrasal_codes(path, raw.get("phrasal_codes", {}), cameo_codes)
    return VerbSenseTable({verb: tuple(items) for verb, items in by_verb.items()}, general, phrasal, light, codes)


def _phrasal_codes(path: Path, table: object, cameo_codes: frozenset[str]) -> dict[tuple[str, str], PhrasalCode]:
    """[phrasal_codes]: "lemma particle [prep]" -> a CAMEO code."""
    if not isinstance(table, dict):
        raise VerbSenseError(f"{path}: [phrasal_codes] must be a table of \"verb particle\" = code, got {table!r}")
    codes: dict[tuple[str, str], PhrasalCode] = {}
    for key, code in table.items():
        words = str(key).lower().split()
        if len(words) not in (2, 3) or not isinstance(code, str) or code not in cameo_codes:
            raise VerbSenseError(
                f"{path} [phrasal_codes] {key!r}: needs 'verb particle [prep]' = a CAMEO code, got {code!r}")
        codes[(words[0], words[1])] = PhrasalCode(code, words[2] if len(words) == 3 else None)
    return codes


def _phrasal(path: Path, key: str, table: object) -> dict[str, frozenset[str]]:
    """A [phrasal] or [light_phrasal] table: verb lemma -> the particles that change its sense."""
    if not isinstance(table, dict):
        raise VerbSenseError(f"{path}: [{key}] must be a table of verb = [particles], got {table!r}")
    phrasal: dict[str, frozenset[str]] = {}
    for verb, particles in table.items():
        words = _words(f"{path} [{key}]", table, verb, non_empty=True)
        if any(len(word.split()) != 1 for word in words):
            raise VerbSenseError(f"{path} [{key}] {verb}: particles must be single words, got {particles!r}")
        phrasal[str(verb).lower()] = frozenset(words)
    return phrasal


def _object_class(path: Path, entry: object, cameo_codes: frozenset[str]) -> ObjectClass:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise VerbSenseError(f"{path}: every [[sense]] needs a name, got {entry!r}")
    name = entry["name"]
    where = f"{path} [[sense]] {name!r}"
    code = entry.get("code")
    if not isinstance(code, str) or (code != NO_EVENT and code not in cameo_codes):
        raise VerbSenseError(f"{where}: code {code!r} is neither a CAMEO code nor {NO_EVENT!r}")
    mutual = entry.get("mutual", False)
    if not isinstance(mutual, bool):
        raise VerbSenseError(f"{where}: mutual must be true or false, got {mutual!r}")
    prep = entry.get("prep")
    if prep is not None and (not isinstance(prep, str) or len(prep.split()) != 1):
        raise VerbSenseError(f"{where}: prep must be one word, got {prep!r}")
    objects = _words(where, entry, "objects")
    prep_objects = _words(where, entry, "prep_objects")
    if bool(prep) != bool(prep_objects):
        raise VerbSenseError(f"{where}: prep and prep_objects go together")
    if not objects and not prep_objects:
        raise VerbSenseError(f"{where}: names no object words (objects or prep_objects)")
    before = entry.get("before_dictionary", False)
    if not isinstance(before, bool):
        raise VerbSenseError(f"{where}: before_dictionary must be true or false, got {before!r}")
    return ObjectClass(
        name=name,
        verbs=frozenset(_words(where, entry, "verbs", non_empty=True)),
        objects=frozenset(objects),
        prep=prep.lower() if prep else None,
        prep_objects=frozenset(prep_objects),
        code=None if code == NO_EVENT else code,
        mutual=mutual,
        target_preps=tuple(_words(where, entry, "target_preps")),
        before_dictionary=before,
    )


def _words(where: str, entry: Mapping[str, object], key: str, non_empty: bool = False) -> list[str]:
    """The list of lemmas ``key`` of a class (absent: none), lower case."""
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(word, str) and word.strip() for word in value):
        raise VerbSenseError(f"{where}: {key} must be a list of words, got {value!r}")
    if non_empty and not value:
        raise VerbSenseError(f"{where}: {key} must not be empty")
    return [" ".join(str(word).lower().split()) for word in value]

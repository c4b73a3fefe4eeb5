"""The OEDA CAMEO verb dictionary (cameo_verbs.tsv), indexed by verb lemma, and a matcher
that reads a verb's particle, direct object and prepositional objects off a spaCy parse.

The TSV is written by tools/build_cameo_verbs.py; see extract/data/VERBS.md.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.block_memo import BlockMemo
from extract.verb_forms import is_passive

DATA_FILE = Path(__file__).parent / "data" / "cameo_verbs.tsv"
COLUMNS = ("verb", "particle", "object", "prep", "prep_object", "target", "code", "line")
NO_CODE = "---"
TARGET_SLOTS = frozenset({"object", "prep"})


class VerbDictionaryError(ValueError):
    """The verb dictionary file is malformed; the message names file and line."""


@dataclass(frozen=True)
class Phrase:
    """A noun phrase a slot must hold: its head lemma and modifier words it must carry."""

    head: str
    modifiers: frozenset[str]


@dataclass(frozen=True)
class VerbPattern:
    """One reduced dictionary pattern; an empty constraint accepts anything."""

    verb: str
    particle: str | None
    objects: tuple[Phrase, ...]
    prep: str | None
    prep_objects: tuple[Phrase, ...]
    target: str
    code: str | None
    line: int

    @property
    def specificity(self) -> int:
        """How much of the parse the pattern constrains: words count more than slots."""
        return (
            (1 if self.particle else 0)
            + (2 if self.objects else 0)
            + (1 if self.prep else 0)
            + (2 if self.prep_objects else 0)
        )

    def anchors(self) -> tuple[tuple[str, str], ...]:
        """The index keys a parse must produce for this pattern to be considered."""
        if self.objects:
            return tuple(sorted({("object", p.head) for p in self.objects}))
        if self.prep_objects and self.prep:
            return tuple(sorted({("pobj", f"{self.prep} {p.head}") for p in self.prep_objects}))
        if self.prep:
            return (("prep", self.prep),)
        if self.particle:
            return (("prt", self.particle),)
        return (("any", ""),)


@dataclass(frozen=True)
class VerbEntry:
    """A verb lemma's default code and its patterns filed under their anchors."""

    default: str | None
    default_line: int
    patterns: Mapping[tuple[str, str], tuple[VerbPattern, ...]]


@dataclass(frozen=True)
class VerbMatch:
    """What the dictionary says about one verb token: a CAMEO code and where its target is."""

    code: str
    particle: str | None
    target_prep: str | None
    pattern: VerbPattern | None  # None: the verb's default code

    @property
    def line(self) -> int | None:
        return self.pattern.line if self.pattern is not None else None


@dataclass(frozen=True)
class VerbDictionary:
    """Entries by verb lemma."""

    entries: Mapping[str, VerbEntry]

    def __contains__(self, lemma: object) -> bool:
        return lemma in self.entries

    @cached_property
    def object_codes(self) -> Mapping[str, frozenset[str | None]]:
        """The codes of each verb's patterns that name its object, built once: a verb none of whose
        object patterns has a code can never be matched to it by ``predicate_match``."""
        return {lemma: frozenset(p.code for key, found in entry.patterns.items() if key[0] == "object" for p in found)
                for lemma, entry in self.entries.items()}

    def match(self, verb: Token, parse: ParseSlots | None = None) -> VerbMatch | None:
        """The most specific pattern matching the verb's parse (``parse``, when its slots were read
        already), else the verb's default code; None when neither gives a code."""
        entry = self.entries.get(verb.lemma_.lower())
        if entry is None:
            return None
        parse = ParseSlots.of(verb) if parse is None else parse
        best: VerbPattern | None = None
        for key in parse.anchor_keys():
            for pattern in entry.patterns.get(key, ()):
                if parse.satisfies(pattern) and (
                    best is None or (pattern.specificity, -pattern.line) > (best.specificity, -best.line)
                ):
                    best = pattern
        if best is not None:
            if best.code is None:
                return None
            target_prep = best.prep if best.target == "prep" else None
            return VerbMatch(best.code, best.particle, target_prep, best)
        if entry.default is None:
            return None
        return VerbMatch(entry.default, None, None, None)

    def object_pattern(self, verb: Token, parse: ParseSlots | None = None) -> VerbPattern | None:
        """The most specific pattern of the verb that names words of its direct object or of a
        prepositional object ("send + delegation", "trade + accusation", "pay + dividend") and that
        the parse satisfies; its code may be None (the dictionary's "---": no event). Patterns
        that constrain only a particle or a bare preposition, and the default, are not returned.
        An object with an "of" complement is a measure or collection of what the complement names
        ("a team of firefighters", "a shipment of grain"): its head alone does not select a sense.
        ``parse``: the verb's slots, when they were read already."""
        entry = self.entries.get(verb.lemma_.lower())
        if entry is None:
            return None
        parse = ParseSlots.of(verb) if parse is None else parse
        objects = tuple(t for t in parse.objects if not _has_of_complement(t))
        if len(objects) != len(parse.objects):  # (no copy when no object has one)
            parse = replace(parse, objects=objects)
        best: VerbPattern | None = None
        for key in parse.anchor_keys():
            if key[0] not in ("object", "pobj"):
                continue
            for pattern in entry.patterns.get(key, ()):
                names_words = bool(pattern.objects or pattern.prep_objects)
                if names_words and parse.satisfies(pattern) and (
                    best is None or (pattern.specificity, -pattern.line) > (best.specificity, -best.line)
                ):
                    best = pattern
        return best

    def predicate_match(self, lemma: str, predicate: Token) -> VerbMatch | None:
        """The most specific pattern of the verb ``lemma`` whose only constraint is an object phrase
        that the predicate after its object fills ("call ... liar", "call ... illegitimate"): the
        dictionary writes a predicate as the word after the verb, where a parse has the object first."""
        entry = self.entries.get(lemma)
        if entry is None:
            return None
        best: VerbPattern | None = None
        for key in {("object", predicate.lemma_.lower()), ("object", predicate.lower_)}:
            for pattern in entry.patterns.get(key, ()):
                fits = pattern.particle is None and pattern.prep is None and _holds(predicate, pattern.objects)
                if fits and (best is None or (pattern.specificity, -pattern.line) > (best.specificity, -best.line)):
                    best = pattern
        if best is None or best.code is None:
            return None
        return VerbMatch(best.code, None, None, best)


@dataclass(frozen=True)
class ParseSlots:
    """What a verb token's dependency children offer to the patterns."""

    particles: frozenset[str]
    objects: tuple[Token, ...]
    preps: Mapping[str, tuple[Token, ...]]

    @staticmethod
    def of(verb: Token) -> ParseSlots:
        passive = is_passive(verb)
        object_deps = ("dobj", "nsubjpass") if passive else ("dobj",)
        particles = particle_words(verb)
        objects = tuple(c for c in children_of(verb) if c.dep_ in object_deps)
        preps: dict[str, list[Token]] = {}
        holders = [verb, *objects]  # "extradited the suspect to Spain" may hang "to" on the object
        for holder in holders:
            for child in children_of(holder):
                if child.dep_ in ("prep", "dative", "agent") and child.pos_ == "ADP":
                    preps.setdefault(child.lower_, []).extend(g for g in children_of(child) if g.dep_ == "pobj")
        return ParseSlots(particles, objects, {k: tuple(v) for k, v in preps.items()})

    def anchor_keys(self) -> Iterator[tuple[str, str]]:
        for token in self.objects:
            yield from {("object", token.lemma_.lower()), ("object", token.lower_)}
        for prep, pobjs in self.preps.items():
            yield ("prep", prep)
            for token in pobjs:
                yield from {("pobj", f"{prep} {token.lemma_.lower()}"), ("pobj", f"{prep} {token.lower_}")}
        for particle in self.particles:
            yield ("prt", particle)
        yield ("any", "")

    def satisfies(self, pattern: VerbPattern) -> bool:
        if pattern.particle and pattern.particle not in self.particles:
            return False
        if pattern.objects and not any(_holds(t, pattern.objects) for t in self.objects):
            return False
        if pattern.prep:
            pobjs = self.preps.get(pattern.prep)
            if pobjs is None:
                return False
            if pattern.prep_objects and not any(_holds(t, pattern.prep_objects) for t in pobjs):
                return False
        return True


def parse_slots(verb: Token, memo: BlockMemo) -> ParseSlots:
    """The verb's parse slots, read once a block (``memo``: the block's readings): the object
    senses and the dictionary ask them of the same verbs."""
    return memo.answer("parse_slots", verb, lambda: ParseSlots.of(verb))


#: Adverbs English uses as verb particles ("hit back", "lash out"), which the parser may attach as
#: adverbial modifiers rather than particles.
_PARTICLE_ADVERBS = frozenset({"back", "out", "off", "up", "down", "away", "aside", "over"})


def particle_words(verb: Token) -> frozenset[str]:
    """The particles of a phrasal verb: its particle children, and a particle adverb right after it
    ("hit back at", parsed as an adverbial modifier)."""
    return frozenset(
        c.lower_ for c in children_of(verb)
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in _PARTICLE_ADVERBS)
    )


def _has_of_complement(token: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(token))


def _holds(token: Token, phrases: tuple[Phrase, ...]) -> bool:
    """Whether a noun token is one of the phrases: its head lemma, and its modifiers present."""
    words = {token.lemma_.lower(), token.lower_}
    modifiers: set[str] | None = None
    for phrase in phrases:
        if phrase.head not in words:
            continue
        if not phrase.modifiers:
            return True
        if modifiers is None:
            modifiers = {
                w for c in children_of(token) if c.dep_ in ("compound", "amod", "nmod", "poss")
                for w in (c.lemma_.lower(), c.lower_)
            }
        if phrase.modifiers <= modifiers:
            return True
    return False


def _phrases(text: str) -> tuple[Phrase, ...]:
    phrases: list[Phrase] = []
    for option in text.split("|"):
        words = option.split()
        if words:
            phrases.append(Phrase(words[-1], frozenset(words[:-1])))
    return tuple(phrases)


def _row(path: Path, number: int, cells: list[str], phrases: dict[str, tuple[Phrase, ...]]) -> VerbPattern:
    if len(cells) != len(COLUMNS):
        raise VerbDictionaryError(f"{path}:{number}: expected {len(COLUMNS)} tab-separated fields, got {len(cells)}")
    verb, particle, objects, prep, prep_objects, target, code, line = cells
    if not verb:
        raise VerbDictionaryError(f"{path}:{number}: empty verb")
    if target not in TARGET_SLOTS:
        raise VerbDictionaryError(f"{path}:{number}: target must be object or prep, not {target!r}")
    if target == "prep" and not prep:
        raise VerbDictionaryError(f"{path}:{number}: target in a preposition but no prep given")
    if code != NO_CODE and not (code.isdigit() and 2 <= len(code) <= 4):
        raise VerbDictionaryError(f"{path}:{number}: not a CAMEO code: {code!r}")
    if not line.isdigit():
        raise VerbDictionaryError(f"{path}:{number}: source line must be a number, not {line!r}")
    for text in (objects, prep_objects):
        if text not in phrases:  # synonym-set expansions repeat across rows: parse each once
            phrases[text] = _phrases(text)
    return VerbPattern(
        verb=verb,
        particle=particle or None,
        objects=phrases[objects],
        prep=prep or None,
        prep_objects=phrases[prep_objects],
        target=target,
        code=None if code == NO_CODE else code,
        line=int(line),
    )


def load_verb_dictionary(path: Path = DATA_FILE) -> VerbDictionary:
    """Read cameo_verbs.tsv into entries by verb lemma; patterns filed under their anchors."""
    defaults: dict[str, tuple[str | None, int]] = {}
    filed: dict[str, dict[tuple[str, str], list[VerbPattern]]] = {}
    header_seen = False
    phrases: dict[str, tuple[Phrase, ...]] = {}
    anchors: dict[tuple[int, str | None, int, str | None], tuple[tuple[str, str], ...]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, cells in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if not cells or cells[0].startswith("#"):
                continue
            if not header_seen:
                if tuple(cells) != COLUMNS:
                    raise VerbDictionaryError(f"{path}:{number}: header must be {' '.join(COLUMNS)}")
                header_seen = True
                continue
            pattern = _row(path, number, cells, phrases)
            if pattern.specificity == 0 and pattern.target == "object":
                if pattern.verb in defaults:
                    raise VerbDictionaryError(f"{path}:{number}: second default for verb {pattern.verb!r}")
                defaults[pattern.verb] = (pattern.code, pattern.line)
                filed.setdefault(pattern.verb, {})
                continue
            by_anchor = filed.setdefault(pattern.verb, {})
            shape = (id(pattern.objects), pattern.prep, id(pattern.prep_objects), pattern.particle)
            if shape not in anchors:  # the interned phrase tuples make shapes repeat
                anchors[shape] = pattern.anchors()
            for key in anchors[shape]:
                by_anchor.setdefault(key, []).append(pattern)
    if not header_seen:
        raise VerbDictionaryError(f"{path}: no header line")
    entries = {
        verb: VerbEntry(
            default=defaults.get(verb, (None, 0))[0],
            default_line=defaults.get(verb, (None, 0))[1],
            patterns={key: tuple(items) for key, items in by_anchor.items()},
        )
        for verb, by_anchor in filed.items()
    }
    return VerbDictionary(entries)

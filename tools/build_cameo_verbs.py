"""Convert the OEDA CAMEO verb dictionary into extract/data/cameo_verbs.tsv.

    .venv/bin/python tools/build_cameo_verbs.py [../shared/knowledge/oeda-dictionaries/CAMEO.2.0.txt]

The dictionary (Open Event Data Alliance, MIT; see extract/data/LICENSE-OEDA.txt) lists synonym
sets (``&NAME`` then ``+WORD`` lines), then verb blocks ``---  LABEL  [code]  ---`` with the verb
forms of the block (optionally each with its own code) and patterns ``- words * words [code]``.
Each pattern is reduced to what a dependency parse can check: a particle, the direct object's head
lemma (with required modifier lemmas), one preposition with its object's lemma, and on which of
the two the target actor sits. Patterns that say more than that (subject words, several
prepositional phrases, free word sequences, reversed roles, transformations) cannot be checked on
a parse: they are counted by reason and reported, not silently dropped. A pattern applies to the
verb its comment names as where it was found, to the whole block only when it names none
(``pattern_verbs``). The run also lists where the dictionary's default codes disagree with the
ontology's triggers for the same verb (the ontology wins there).

Only a developer runs this (it reads ../shared); the product reads the TSV it writes.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "knowledge" / "oeda-dictionaries" / "CAMEO.2.0.txt"
OUT = ROOT / "extract" / "data" / "cameo_verbs.tsv"

#: English verb particles spaCy labels ``prt`` ("set out", "call off", "put forward").
PARTICLES = frozenset({
    "up", "down", "out", "off", "in", "on", "over", "back", "away", "forward", "aside", "through",
    "around", "along", "about", "together", "apart",
})
#: Prepositions a multi-word verb form may end in ("ask for", "scoff at").
PREPOSITIONS = frozenset({
    "about", "above", "across", "after", "against", "along", "among", "around", "as", "at", "before",
    "behind", "below", "beside", "between", "beyond", "by", "for", "from", "in", "into", "near", "of",
    "on", "onto", "out", "over", "through", "to", "toward", "towards", "under", "until", "upon", "with",
    "within", "without",
})
DETERMINERS = frozenset({"a", "an", "the"})
HEADER = ("verb", "particle", "object", "prep", "prep_object", "target", "code", "line")

Lemmatize = Callable[[str], str]


class DictionaryError(ValueError):
    """The dictionary is malformed; the message names file and line."""


class Unrepresentable(ValueError):
    """A pattern a dependency parse cannot check; the message is the counted reason."""


@dataclass(frozen=True)
class Row:
    """One reduced pattern (or a verb's default when every constraint is empty)."""

    verb: str
    particle: str
    object: str
    prep: str
    prep_object: str
    target: str
    code: str
    line: int

    def cells(self) -> tuple[str, ...]:
        return (self.verb, self.particle, self.object, self.prep, self.prep_object, self.target, self.code,
                str(self.line))


@dataclass(frozen=True)
class Pattern:
    particle: str
    object: str
    prep: str
    prep_object: str
    target: str


@dataclass
class Block:
    """One verb block: its forms with their codes, its patterns with their lines."""

    line: int
    default: str
    forms: list[tuple[str, str, int]] = field(default_factory=list)  # (form text, code, line)
    patterns: list[tuple[str, str, int, str]] = field(default_factory=list)  # (text, code, line, comment)
    inflections: dict[str, str] = field(default_factory=dict)  # "stepped_up" -> "step_up" (braced forms)


_CODE = re.compile(r"\[([^\]]*)\]")
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")


def _strip_comment(text: str) -> str:
    return text.split("#", 1)[0].rstrip()


def primary_code(raw: str) -> str:
    """The source-side code of ``[042:043]`` (the part before ``:``); ``---`` means none."""
    code = raw.split(":", 1)[0].strip()
    if not code:
        raise Unrepresentable("code for the target side only ([:code])")
    if code != "---" and not code.isdigit():
        raise Unrepresentable(f"code not a CAMEO code ({code})")
    return code


def read_dictionary(path: Path) -> tuple[dict[str, list[str]], list[Block], Counter[str]]:
    """Synonym sets, verb blocks and the counts of lines skipped by reason."""
    sets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    skipped: Counter[str] = Counter()
    current_set: str | None = None
    in_verbs = False
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n")
            if "VERB PATTERNS" in line and line.startswith("#"):
                in_verbs = True
                continue
            text = _strip_comment(line).strip()
            if not text:
                continue
            if not in_verbs:
                if text.startswith("&"):
                    current_set = text[1:].strip()
                    sets[current_set] = []
                elif text.startswith("+"):
                    if current_set is None:
                        raise DictionaryError(f"{path}:{number}: synonym word outside a set: {text!r}")
                    sets[current_set].append(text[1:].strip())
                else:
                    raise DictionaryError(f"{path}:{number}: unexpected line in the synonym sets: {text!r}")
                continue
            header = _BLOCK.match(text)
            if header:
                blocks.append(Block(number, header.group(2).strip()))
                continue
            if text.startswith("~"):
                skipped["transformation rule (~)"] += 1
                continue
            if not blocks:
                raise DictionaryError(f"{path}:{number}: verb line before any verb block: {text!r}")
            block = blocks[-1]
            codes = _CODE.findall(text)
            body = _CODE.sub("", text).strip()
            if text.startswith("-"):
                if not codes:
                    raise DictionaryError(f"{path}:{number}: pattern without a [code]: {text!r}")
                comment = line.split("#", 1)[1] if "#" in line else ""
                block.patterns.append((body[1:].strip(), codes[-1], number, comment))
            else:
                form = re.sub(r"\{[^}]*\}", "", body).strip()
                block.forms.append((form, codes[-1] if codes else "", number))
                for braced in re.findall(r"\{([^}]*)\}", body):
                    for inflected in braced.split():
                        block.inflections[inflected.lstrip("+").lower()] = form.lstrip("+").lower()
    return sets, blocks, skipped


def _tokens(pattern: str) -> list[str]:
    return re.findall(r"[(){}]|[^\s(){}]+", pattern)


def _bracket_bare_words(after: list[str]) -> list[str]:
    """Bare words after the verb read as the bracketed forms: ``ARMS EMBARGO`` as the noun phrase
    ``{ARMS EMBARGO}``, ``TROOP TOWARD +`` as ``TROOP (TOWARD +)``."""
    if len(after) < 2 or any(t in ("(", ")", "{", "}") for t in after):
        return after
    split = next((i for i, word in enumerate(after) if word.lower() in PREPOSITIONS), len(after))
    head, tail = after[:split], after[split:]
    rebuilt = ["{", *head, "}"] if len(head) > 1 else list(head)
    return rebuilt + (["(", *tail, ")"] if tail else [])


class _Reducer:
    """Reduces the words of one pattern to parse slots, expanding synonym sets."""

    def __init__(self, sets: dict[str, list[str]], lemmatize: Lemmatize) -> None:
        self.sets = sets
        self.lemmatize = lemmatize

    def phrase(self, words: list[str]) -> str:
        """Alternatives ``mod head|head`` of a noun phrase: the last word is its head."""
        words = [w for w in words if w.lower() not in DETERMINERS]
        if not words:
            raise Unrepresentable("empty noun phrase")
        if any(w in ("+", "$", "^", "%", "*") for w in words):
            raise Unrepresentable("actor marker inside a noun phrase")
        options: list[list[str]] = [[]]
        for word in words:
            expansions = self.expand(word)
            options = [[*prefix, expansion] for prefix in options for expansion in expansions]
        variants = sorted({self.normal_phrase(" ".join(option)) for option in options})
        return "|".join(variants)

    def expand(self, word: str) -> list[str]:
        if not word.startswith("&"):
            return [word]
        name = word[1:]
        if name not in self.sets:
            raise Unrepresentable("unknown synonym set")
        return self.sets[name]

    def normal_phrase(self, text: str) -> str:
        """``UN_PEACEKEEPERS`` -> ``un peacekeeper``: lower case, the head lemmatized."""
        words = [w for w in re.split(r"[_\s]+", text.lower()) if w and w not in DETERMINERS]
        if not words:
            raise Unrepresentable("empty noun phrase")
        return " ".join([*words[:-1], self.lemmatize(words[-1])])

    def pattern(self, text: str) -> Pattern:
        tokens = _tokens(text)
        if tokens.count("*") != 1:
            raise Unrepresentable("no single verb position (*)")
        star = tokens.index("*")
        before, after = tokens[:star], tokens[star + 1 :]
        if before == ["+"] or "+" in before:
            raise Unrepresentable("target before the verb (reversed roles)")
        if any(t != "$" for t in before):
            raise Unrepresentable("words before the verb (subject words)")
        particle = ""
        if after and after[0].lower() in PARTICLES and not (len(after) > 1 and after[1] == "+"):
            particle = after[0].lower()
            after = after[1:]
        after = _bracket_bare_words(after)
        position = 0
        object_text = ""
        target = "object"
        if position < len(after) and after[position] not in ("(",):
            head = after[position]
            if head == "{":
                end = after.index("}", position)
                object_text = self.phrase(after[position + 1 : end])
                position = end + 1
            elif head == "+":
                position += 1
            elif head in ("$", "^", "%"):
                raise Unrepresentable("source or skip marker after the verb")
            else:
                object_text = self.phrase([head])
                position += 1
        phrases: list[list[str]] = []
        trailing_target = after[-1:] == ["+"] and len(after) > 1 and after[-2] == ")"
        if trailing_target:  # "* (AS &NEGOTIATOR) +", "* CLAIM (AGAINST) +": the target follows the phrase
            after = after[:-1]
        while position < len(after):
            if after[position] != "(":
                raise Unrepresentable("free word sequence after the verb")
            end = after.index(")", position)
            phrases.append(after[position + 1 : end])
            position = end + 1
        if len(phrases) > 1:
            raise Unrepresentable("several prepositional phrases")
        prep = prep_object = ""
        if phrases:
            words = [w for w in phrases[0] if w not in ("{", "}")]
            if not words or words[0].lower() not in PREPOSITIONS:
                raise Unrepresentable("phrase in parentheses without a preposition")
            prep, rest = words[0].lower(), words[1:]
            if trailing_target and rest == []:
                rest = ["+"]  # "(AGAINST) +": the target is the preposition's object
            if rest == ["+"]:
                target = "prep"
            elif rest in ([], ["^"]):
                pass
            elif "$" in rest or "+" in rest or "^" in rest:
                raise Unrepresentable("actor marker inside a prepositional object phrase")
            else:
                prep_object = self.phrase(rest)
        return Pattern(particle, object_text, prep, prep_object, target)

    def form(self, text: str) -> tuple[str, Pattern]:
        """A verb form: ``HURRY`` or a multi-word ``+ASK_FOR`` / ``+GET_HOLD_OF``."""
        words = [w for w in text.lstrip("+").lower().split("_") if w]
        if not words or not re.fullmatch(r"[a-z][a-z'-]*", words[0]):
            raise Unrepresentable("verb form not a word")
        verb, rest = words[0], words[1:]
        particle = prep = object_text = ""
        if rest and rest[-1] in PREPOSITIONS and len(rest) > 1:
            prep = rest.pop()
        if rest and rest[0] in PARTICLES and (len(rest) == 1 or prep):
            particle = rest.pop(0)
        elif rest and rest[-1] in PREPOSITIONS and len(rest) == 1:
            prep = rest.pop()
        if len(rest) > 1:
            raise Unrepresentable("multi-word verb form with several words after the verb")
        if rest:
            object_text = self.normal_phrase(rest[0])
        if verb in ("is", "are", "was", "were", "be", "been", "am"):
            raise Unrepresentable("copula form (is_determined)")
        return verb, Pattern(particle, object_text, prep, "", "object")


def _merge_default(rows: list[Row], verb: str, code: str, number: int, conflicts: Counter[str]) -> None:
    """An unconstrained pattern gives the verb's default when the block has none."""
    for index, row in enumerate(rows):
        if row.verb == verb and (row.particle, row.object, row.prep, row.prep_object) == ("", "", "", ""):
            if row.code == "---":
                rows[index] = Row(verb, "", "", "", "", "object", code, number)
            elif row.code != code:
                text = f"{verb}: default {row.code} kept, unconstrained pattern {code} at line {number} ignored"
                conflicts[text] += 1
            return


def _add_reason(counts: Counter[str], reason: str) -> None:
    counts[reason] += 1


def comment_names(comment: str) -> set[str]:
    """The verb forms a pattern's comment names, lower case: ``# STEP_UP , STEPPED_UP`` gives
    ``step_up`` and ``stepped_up``; a single word is a single verb."""
    return {word.lower() for word in re.findall(r"[A-Z][A-Z_'-]*[A-Z]", comment)}


def pattern_verbs(comment: str, verbs: list[str]) -> list[str]:
    """The block verbs a pattern applies to: those its comment names as where it was found (the
    dictionary's header: "the verb[s] where the pattern was originally found is shown"), else all.
    Blocks are WordNet synonym sets, and a pattern found for one sense rarely fits every member
    (DISPATCH shares EXPORT's "* (TO) [061]")."""
    named = comment_names(comment)
    found = [verb for verb in verbs if verb in named]
    return found or verbs


def named_phrasal_forms(comment: str, phrasal: dict[str, tuple[str, Pattern]],
                        inflections: dict[str, str]) -> list[tuple[str, Pattern]]:
    """The block's multi-word verb forms (``+STEP_UP``) a pattern's comment names, by the form or one
    of its braced inflections (``STEPPED_UP``): the pattern was found at that phrasal verb, so it
    applies to it (verb and particle) and not to the block's single verbs."""
    found: dict[str, tuple[str, Pattern]] = {}
    for name in comment_names(comment):
        base = inflections.get(name, name)
        if "_" in base and base in phrasal:
            found[base] = phrasal[base]
    return [found[name] for name in sorted(found)]


def phrasal_pattern(form: Pattern, pattern: Pattern) -> Pattern:
    """A pattern found at a phrasal verb form, on that form's slots: ``+STEP_UP`` with ``* PATROLS``
    is particle ``up`` and object ``patrol``; ``+ASK_FOR`` with ``* AMNESTY`` asks for (prep ``for``)
    an amnesty (its object). A slot both fill differently cannot be checked."""
    if form.particle and pattern.particle and form.particle != pattern.particle:
        raise Unrepresentable("phrasal form and pattern name two particles")
    if form.object and pattern.object:
        raise Unrepresentable("phrasal form and pattern both name an object")
    if form.prep and pattern.prep and form.prep != pattern.prep:
        raise Unrepresentable("phrasal form and pattern both name a preposition")
    particle = form.particle or pattern.particle
    if form.prep and pattern.prep:  # "+ASK_FOR" with "* (FOR +)": the same preposition
        return Pattern(particle, form.object, form.prep, pattern.prep_object, pattern.target)
    if form.prep:
        return Pattern(particle, form.object, form.prep, pattern.object, pattern.target)
    return Pattern(particle, form.object or pattern.object, pattern.prep, pattern.prep_object, pattern.target)


def convert(
    path: Path, lemmatize: Lemmatize, whole_blocks: bool = False
) -> tuple[list[Row], Counter[str], Counter[str]]:
    """Rows of the TSV, the counts of patterns not representable by reason, and conflicts.
    ``whole_blocks`` applies every pattern to every verb of its block, as PETRARCH did."""
    sets, blocks, skipped = read_dictionary(path)
    reducer = _Reducer(sets, lemmatize)
    rows: list[Row] = []
    conflicts: Counter[str] = Counter()
    unrepresentable: Counter[str] = Counter()
    for reason, count in skipped.items():
        unrepresentable[reason] += count
    defaults: dict[str, str] = {}
    for block in blocks:
        try:
            block_default = primary_code(block.default)
        except Unrepresentable as error:
            _add_reason(unrepresentable, f"block default: {error}")
            block_default = "---"
        verbs: list[str] = []
        phrasal: dict[str, tuple[str, Pattern]] = {}
        for text, own, number in block.forms:
            try:
                code = primary_code(own) if own else block_default
                verb, shape = reducer.form(text)
            except Unrepresentable as error:
                _add_reason(unrepresentable, f"verb form: {error}")
                continue
            if shape != Pattern("", "", "", "", "object"):
                phrasal[text.lstrip("+").lower()] = (verb, shape)
            if shape == Pattern("", "", "", "", "object"):
                if verb not in defaults:
                    defaults[verb] = code
                    rows.append(Row(verb, "", "", "", "", "object", code, number))
                elif defaults[verb] == "---" and code != "---":
                    defaults[verb] = code  # a block with a code says more than one without
                    _merge_default(rows, verb, code, number, conflicts)
                elif code not in ("---", defaults[verb]):
                    conflicts[f"{verb}: default {defaults[verb]} kept, {code} at line {number} ignored"] += 1
                verbs.append(verb)
            elif code == "---":
                _add_reason(unrepresentable, "verb form: multi-word form without a code")
            else:
                rows.append(Row(verb, shape.particle, shape.object, shape.prep, shape.prep_object, "object",
                                code, number))
        for text, raw_code, number, comment in block.patterns:
            try:
                code = primary_code(raw_code)
                pattern = reducer.pattern(text)
            except Unrepresentable as error:
                _add_reason(unrepresentable, f"pattern: {error}")
                continue
            if pattern == Pattern("", "", "", "", "object"):
                # "- * + [111]": only says the target is the direct object, which every default assumes
                for verb in verbs:
                    _merge_default(rows, verb, code, number, conflicts)
                continue
            at_phrasal = [] if whole_blocks else named_phrasal_forms(comment, phrasal, block.inflections)
            single = [verb for verb in verbs if verb in comment_names(comment)]
            if whole_blocks or single or not at_phrasal:
                for verb in verbs if whole_blocks else pattern_verbs(comment, verbs):
                    rows.append(Row(verb, pattern.particle, pattern.object, pattern.prep, pattern.prep_object,
                                    pattern.target, code, number))
            for verb, form in at_phrasal:
                try:
                    combined = phrasal_pattern(form, pattern)
                except Unrepresentable as error:
                    _add_reason(unrepresentable, f"pattern: {error}")
                    continue
                rows.append(Row(verb, combined.particle, combined.object, combined.prep, combined.prep_object,
                                combined.target, code, number))
    unique: dict[tuple[str, ...], Row] = {}
    for row in rows:
        key = row.cells()[:-1]
        unique.setdefault(key, row)  # the first line a pattern appears on
    ordered = sorted(unique.values(), key=lambda r: (r.verb, r.line, r.cells()))
    return ordered, unrepresentable, conflicts


def spacy_noun_lemmatizer() -> Lemmatize:
    """Lemmatize single nouns with the project's spaCy model (its rule lemmatizer, POS NOUN)."""
    from spacy.tokens import Doc

    from extract.nlp import load_model

    nlp = load_model()
    lemmatizer = nlp.get_pipe("lemmatizer")
    cache: dict[str, str] = {}

    def lemma(word: str) -> str:
        if word not in cache:
            doc = Doc(nlp.vocab, words=[word], pos=["NOUN"])
            lemmas = lemmatizer.rule_lemmatize(doc[0])  # type: ignore[attr-defined]
            cache[word] = str(lemmas[0]).lower() if lemmas else word
        return cache[word]

    return lemma


def write_tsv(rows: list[Row], out: Path, source: str, unrepresentable: Counter[str]) -> None:
    lines = [
        "# CAMEO verb patterns reduced to dependency-parse slots; generated by tools/build_cameo_verbs.py.",
        f"# Source: {source} (Open Event Data Alliance, MIT licence: LICENSE-OEDA.txt). Do not edit by hand.",
        "# verb: lemma; particle: prt child; object: dobj alternatives 'modifier head' separated by |;",
        "# prep/prep_object: a prep child and its pobj alternatives; target: where the target actor sits",
        "# (object = the direct object, prep = the object of prep); code: CAMEO code, --- none; line: source line.",
        f"# Patterns not representable on a parse: {sum(unrepresentable.values())} (see VERBS.md).",
        "\t".join(HEADER),
    ]
    lines.extend("\t".join(row.cells()) for row in rows)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def ontology_disagreements(rows: list[Row]) -> tuple[int, Counter[str], list[str]]:
    """For verbs the ontology also names: how many there are, and where the dictionary's
    default code disagrees with the ontology's relation, by (dictionary root -> ontology roots)."""
    from extract.ontology import load_ontology

    ontology = load_ontology()
    roots_by_verb: dict[str, set[str]] = {}
    for (pos, lemma), triggers in ontology.triggers.items():
        if pos == "VERB":
            roots_by_verb.setdefault(lemma, set()).update(ontology.relation(t.relation).cameo[:2] for t in triggers)
    defaults = {row.verb: row.code for row in rows if (row.particle, row.object, row.prep) == ("", "", "")}
    shared = sorted(set(defaults) & set(roots_by_verb))
    by_roots: Counter[str] = Counter()
    lines: list[str] = []
    for verb in shared:
        code, roots = defaults[verb], roots_by_verb[verb]
        if code[:2] in roots:
            continue
        label = f"{'none' if code == '---' else code[:2]} -> {'/'.join(sorted(roots))}"
        by_roots[label] += 1
        lines.append(f"{verb}: dictionary {code}, ontology root {'/'.join(sorted(roots))}")
    return len(shared), by_roots, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    rows, unrepresentable, conflicts = convert(args.source, spacy_noun_lemmatizer())
    write_tsv(rows, args.out, f"OEDA {args.source.name}", unrepresentable)
    verbs = len({row.verb for row in rows})
    print(f"wrote {len(rows)} rows for {verbs} verb lemmas to {args.out}")
    print(f"not representable on a parse: {sum(unrepresentable.values())}")
    for reason, count in sorted(unrepresentable.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {count:5d}  {reason}")
    print(f"verbs with two different default codes (the first code kept): {len(conflicts)}")
    for text in sorted(conflicts):
        print(f"  {text}")
    shared, by_roots, lines = ontology_disagreements(rows)
    print(f"verbs in both the dictionary and the ontology: {shared}; the dictionary's default root differs "
          f"for {len(lines)} (the ontology wins):")
    for label, count in sorted(by_roots.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {count:4d}  dictionary {label}")
    for line in lines:
        print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

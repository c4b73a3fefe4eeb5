"""Threats, warnings and naming as CAMEO codes them: the data (speech_acts.toml) and its loader."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from extract.data_tables import load_word_table

#: The code of a threat not specified below (CAMEO 130).
GENERIC_THREAT_CODE = "130"


class SpeechActsError(ValueError):
    """speech_acts.toml is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Threats:
    """Threatening and warning words and the threat code of each act threatened."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    warning_verbs: frozenset[str]
    consequence_verbs: frozenset[str]
    consequence_nouns: frozenset[str]
    #: words stating their subject's intention to do the act they govern ("vowed to", "pledge to")
    intention_verbs: frozenset[str]
    intention_nouns: frozenset[str]
    #: verbs announcing their speaker's own course of action ("said it would ...")
    stating_verbs: frozenset[str]
    #: subordinators of a condition set on a threat ("if", "unless")
    condition_markers: frozenset[str]
    #: CAMEO code prefix of the act threatened -> the threat's code
    codes: Mapping[str, str]

    def code_for(self, act_code: str) -> str:
        """The threat's code for an act of this CAMEO code: its longest listed prefix, else 130."""
        for length in range(len(act_code), 1, -1):
            code = self.codes.get(act_code[:length])
            if code is not None:
                return code
        return GENERIC_THREAT_CODE


@dataclass(frozen=True)
class Naming:
    """Verbs that judge their object with a predicate, and how such judgements are coded."""

    verbs: frozenset[str]
    #: verbs whose dictionary patterns code a predicate for every naming verb
    dictionary_verbs: frozenset[str]
    statement_roots: frozenset[str]
    statement_code: str
    #: the code of a clearly negative predicate the dictionary does not code ("a dangerous populist")
    criticism_code: str
    #: the code of a clearly positive one ("a trusted friend")
    praise_code: str


@dataclass(frozen=True)
class Censure:
    """Words that judge an act wrong, and the clauses that report such a judgement
    (extract/reported_judgements.py)."""

    #: predicate words that charge an act with wrongdoing ("a violation", "illegal", "a provocation")
    words: frozenset[str]
    #: verbs that report their subject's own assertion ("said", "stressed"; not "denied", "suggested")
    reporting_verbs: frozenset[str]
    #: verbs that link an act to the predicate judging it: "was illegal", "amounted to aggression"
    copulas: frozenset[str]
    #: verbs that say their subject broke a rule or right: "violated WTO rules", "breached the truce"
    violating_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class OfficialProtest:
    """Words of a state's protest made to another state (extract/official_protests.py)."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    addressee_prepositions: frozenset[str]


@dataclass(frozen=True)
class Refusal:
    """Phrasal verbs of refusing and the dictionary verb whose patterns code each (extract/refusals.py)."""

    phrasal_verbs: Mapping[str, str]
    #: verbs of refusing a verb of accepting governs ("refused to accept")
    refusing_verbs: frozenset[str]
    accepting_verbs: frozenset[str]
    #: verbs of permitting a verb of refusing governs ("refused to let X cross"): X is refused
    permitting_verbs: frozenset[str]
    #: "said no to": saying verbs and the words of refusal they say
    saying_verbs: frozenset[str]
    refusal_words: frozenset[str]


@dataclass(frozen=True)
class SpeechActs:
    """What speech_acts.toml says."""

    threats: Threats
    naming: Naming
    censure: Censure
    official_protest: OfficialProtest
    refusal: Refusal


def load_speech_acts(path: Path, cameo_codes: frozenset[str]) -> SpeechActs:
    """Read speech_acts.toml; every CAMEO code in it must be one of ``cameo_codes``, every list of
    words non-empty (a bad one raises a ``SpeechActsError`` naming the file and "table.key")."""
    words = load_word_table(path, SpeechActsError)
    threats, naming, censure, protest, refusal = (
        words.table(key) for key in ("threats", "naming", "censure", "official_protest", "refusal"))
    phrasal = refusal.table("phrasal_verbs").entries
    if any(len(str(verb).split()) != 2 or not isinstance(sense, str) for verb, sense in phrasal.items()):
        raise SpeechActsError(f"{path}: refusal.phrasal_verbs must map 'verb particle' to a verb, got {dict(phrasal)}")
    codes = threats.table("codes").entries
    for prefix, code in codes.items():
        if prefix not in cameo_codes or not isinstance(code, str) or code not in cameo_codes or code[:2] != "13":
            raise SpeechActsError(f"{path}: threats.codes {prefix!r} = {code!r}: both must be CAMEO codes, "
                                  "the second a threat (root 13)")
    statement_code, criticism_code, praise_code = (
        _code(path, naming.entries, key, cameo_codes) for key in ("statement_code", "criticism_code", "praise_code"))
    roots = naming("statement_roots")
    if any(root not in cameo_codes or len(root) != 2 for root in roots):
        raise SpeechActsError(f"{path}: naming.statement_roots must be CAMEO roots, got {sorted(roots)}")
    return SpeechActs(
        Threats(
            verbs=threats("verbs"),
            nouns=threats("nouns"),
            warning_verbs=threats("warning_verbs"),
            consequence_verbs=threats("consequence_verbs"),
            consequence_nouns=threats("consequence_nouns"),
            intention_verbs=threats("intention_verbs"),
            intention_nouns=threats("intention_nouns"),
            stating_verbs=threats("stating_verbs"),
            condition_markers=threats("condition_markers"),
            codes={str(prefix): str(code) for prefix, code in codes.items()},
        ),
        Naming(naming("verbs"), naming("dictionary_verbs"), roots, statement_code, criticism_code, praise_code),
        Censure(censure("words"), censure("reporting_verbs"), censure("copulas"), censure("violating_verbs")),
        OfficialProtest(protest("verbs"), protest("nouns"), protest("addressee_prepositions")),
        Refusal({str(verb): str(sense) for verb, sense in phrasal.items()},
                *(refusal(key) for key in ("refusing_verbs", "accepting_verbs", "permitting_verbs",
                                           "saying_verbs", "refusal_words"))),
    )


def _code(path: Path, table: Mapping[str, object], key: str, cameo_codes: frozenset[str]) -> str:
    code = table.get(key)
    if not isinstance(code, str) or code not in cameo_codes:
        raise SpeechActsError(f"{path}: naming.{key} must be a CAMEO code, got {code!r}")
    return code

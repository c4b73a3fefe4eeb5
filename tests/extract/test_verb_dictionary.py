"""The OEDA verb dictionary: converter on a small dictionary written here, loader errors, and
the matcher on real spaCy parses of sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Token

from extract.block_memo import BlockMemo
from extract.ontology import load_ontology
from extract.pipeline import Extractor
from extract.verb_dictionary import (
    DATA_FILE,
    ParseSlots,
    VerbDictionary,
    VerbDictionaryError,
    load_verb_dictionary,
    parse_slots,
    particle_words,
)
from graph.model import Article
from tools.build_cameo_verbs import convert, spacy_noun_lemmatizer, write_tsv

FIXTURE = """\
# a small dictionary in the OEDA format, written for these tests
####### SYNONYM SETS #######

&ENVOY
+ENVOY
+AMBASSADORS
+PEACE_ENVOY

####### VERB PATTERNS #######

---  EXPEL   [---]  ---
EXPEL {EXPELS EXPELLED EXPELLING}
OUST [166]
+KICK_OUT {+KICKED_OUT +KICKS_OUT} [166]
- * &ENVOY                                  [166]   # EXPEL
- * {NIGERIAN TRADERS}                      [1742]  # EXPEL
- * (FROM +)                                [174]   # EXPEL
- * JOURNALISTS (TO +)                      [175]   # EXPEL
- * OUT MONITORS                            [166:166]  # OUST
- &MILITARY * CIVILIANS                     [174]   # subject words
- * CIVILIANS (FROM TOWN) (TO CAMPS)        [174]   # several phrases
- * (TO +)                                  [:173]  # target side only
- * LEAVE ^ INTO +                          [042]   # a skip marker in the object
- * (TO CAMPS) AT ONCE                      [042]   # free words after a phrase
- * CONVOYS TOWARD +                        [154]   # bare words: object, then preposition and target
- * PEACE ENVOY                             [043]   # bare words: a noun phrase

---  SAY   [010]  ---
SAY {SAYS SAID SAYING}
- * &UNKNOWN_SET                            [012]

~ a (a b ATTACK) SAY = a b 015
"""


@pytest.fixture(scope="module")
def lemmatize() -> Callable[[str], str]:
    return spacy_noun_lemmatizer()


@pytest.fixture(scope="module")
def fixture_dictionary(tmp_path_factory: pytest.TempPathFactory, lemmatize: Callable[[str], str]) -> VerbDictionary:
    folder = tmp_path_factory.mktemp("verbs")
    source = folder / "CAMEO.test.txt"
    source.write_text(FIXTURE, encoding="utf-8")
    rows, unrepresentable, _ = convert(source, lemmatize)
    out = folder / "cameo_verbs.tsv"
    write_tsv(rows, out, "test fixture", unrepresentable)
    return load_verb_dictionary(out)


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


def verb_of(nlp: Language, text: str, lemma: str) -> Token:
    for token in nlp(text):
        if token.lemma_.lower() == lemma and token.pos_ == "VERB":
            return token
    raise AssertionError(f"no verb {lemma!r} in {text!r}: {[(t.text, t.pos_, t.lemma_) for t in nlp(text)]}")


def test_converter_reduces_patterns_to_parse_slots(tmp_path: Path, lemmatize: Callable[[str], str]) -> None:
    source = tmp_path / "CAMEO.test.txt"
    source.write_text(FIXTURE, encoding="utf-8")
    rows, unrepresentable, conflicts = convert(source, lemmatize)
    cells = {row.cells()[:-1] for row in rows}
    # defaults: EXPEL has none (---), OUST its own code, SAY the block's
    assert ("expel", "", "", "", "", "object", "---") in cells
    assert ("oust", "", "", "", "", "object", "166") in cells
    assert ("say", "", "", "", "", "object", "010") in cells
    # the multi-word form becomes a particle pattern with its own code
    assert ("kick", "out", "", "", "", "object", "166") in cells
    # synonym sets expanded and lemmatized; a multi-word member keeps its modifier
    assert ("expel", "", "ambassador|envoy|peace envoy", "", "", "object", "166") in cells
    # a pattern applies to the verbs its comment names as where it was found, else to the whole block
    assert ("oust", "", "ambassador|envoy|peace envoy", "", "", "object", "166") not in cells
    assert ("oust", "out", "monitor", "", "", "object", "166") in cells  # "# OUST"
    assert ("expel", "out", "monitor", "", "", "object", "166") not in cells
    assert ("oust", "", "peace envoy", "", "", "object", "043") in cells  # no verb named: every verb
    assert ("expel", "", "nigerian trader", "", "", "object", "1742") in cells
    assert ("expel", "", "", "from", "", "prep", "174") in cells
    assert ("expel", "", "journalist", "to", "", "prep", "175") in cells
    assert ("expel", "", "convoy", "toward", "", "prep", "154") in cells
    assert ("expel", "", "peace envoy", "", "", "object", "043") in cells
    assert unrepresentable == {
        "pattern: actor marker inside a noun phrase": 1,
        "pattern: words before the verb (subject words)": 1,
        "pattern: several prepositional phrases": 1,
        "pattern: code for the target side only ([:code])": 1,
        "pattern: free word sequence after the verb": 1,
        "pattern: unknown synonym set": 1,
        "transformation rule (~)": 1,
    }
    assert not conflicts


PHRASAL_FIXTURE = """\
####### VERB PATTERNS #######

---  BOOST   [060]  ---
+STEP_UP {+STEPS_UP +STEPPED_UP +STEPPING_UP }
+ASK_FOR [020]
BOOST
INCREASE
- * PATROLS                                 [130]   # STEP_UP , STEPPED_UP
- * FRIENDSHIP                              [050]   # STEPPED_UP
- * BUDGET                                  [071]   # INCREASE
- * AID                                     [073]   # INCREASE , STEP_UP
- * AMNESTY                                 [023]   # ASK_FOR
- * BID                                     [030]   # BOOST
- * (FOR +)                                 [020]   # ASK_FOR
- * (FROM +)                                [020]   # ASK_FOR
- * (AS MEDIATOR) +                         [045]   # BOOST
- * CLAIM (AGAINST) +                       [115]   # BOOST
"""


def test_a_pattern_found_at_a_phrasal_form_applies_to_that_form(
    tmp_path: Path, lemmatize: Callable[[str], str]
) -> None:
    """A comment naming a multi-word form (or one of its braced inflections) puts the pattern on that
    phrasal verb, not on the block's single verbs; a comment naming both applies to both."""
    source = tmp_path / "CAMEO.test.txt"
    source.write_text(PHRASAL_FIXTURE, encoding="utf-8")
    rows, unrepresentable, _ = convert(source, lemmatize)
    cells = {row.cells()[:-1] for row in rows}
    assert ("step", "up", "patrol", "", "", "object", "130") in cells
    assert ("step", "up", "friendship", "", "", "object", "050") in cells  # named by its inflection
    assert not any(verb in ("boost", "increase") and obj in ("patrol", "friendship") for verb, _, obj, *_ in cells)
    assert ("increase", "", "budget", "", "", "object", "071") in cells
    assert ("step", "up", "budget", "", "", "object", "071") not in cells
    assert {("increase", "", "aid", "", "", "object", "073"), ("step", "up", "aid", "", "", "object", "073")} <= cells
    assert ("ask", "", "", "for", "amnesty", "object", "023") in cells  # the form's preposition takes the object
    assert ("ask", "", "", "for", "", "prep", "020") in cells  # the same preposition twice is one
    assert ("boost", "", "bid", "", "", "object", "030") in cells
    # a target marker after the one phrase: the target follows it
    assert ("boost", "", "", "as", "mediator", "object", "045") in cells
    assert ("boost", "", "claim", "against", "", "prep", "115") in cells
    assert unrepresentable["pattern: phrasal form and pattern both name a preposition"] == 1


def test_whole_blocks_apply_every_pattern_to_every_verb(tmp_path: Path, lemmatize: Callable[[str], str]) -> None:
    source = tmp_path / "CAMEO.test.txt"
    source.write_text(FIXTURE, encoding="utf-8")
    rows, _, _ = convert(source, lemmatize, whole_blocks=True)
    cells = {row.cells()[:-1] for row in rows}
    assert ("oust", "", "ambassador|envoy|peace envoy", "", "", "object", "166") in cells


def test_converter_output_is_deterministic(tmp_path: Path, lemmatize: Callable[[str], str]) -> None:
    source = tmp_path / "CAMEO.test.txt"
    source.write_text(FIXTURE, encoding="utf-8")
    outputs = []
    for name in ("a.tsv", "b.tsv"):
        rows, unrepresentable, _ = convert(source, lemmatize)
        write_tsv(rows, tmp_path / name, "test fixture", unrepresentable)
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    ("text", "lemma", "code", "target_prep"),
    [
        ("Kenya expelled two ambassadors.", "expel", "166", None),  # synonym set member, plural
        ("Two ambassadors were expelled by Kenya.", "expel", "166", None),  # passive: the subject is the object
        ("Kenya expelled Nigerian traders.", "expel", "1742", None),  # the modifier the phrase requires
        ("Kenya expelled the journalists to Uganda.", "expel", "175", "to"),  # object word + target phrase
        ("Kenya expelled the workers from its territory.", "expel", "174", "from"),
        ("Kenya ousted the workers.", "oust", "166", None),  # the verb's own default
        ("Kenya kicked out the observers.", "kick", "166", None),  # multi-word form
        ("Kenya ousted the monitors.", "oust", "166", None),
    ],
)
def test_matcher_on_real_parses(
    nlp: Language, fixture_dictionary: VerbDictionary, text: str, lemma: str, code: str, target_prep: str | None
) -> None:
    match = fixture_dictionary.match(verb_of(nlp, text, lemma))
    assert match is not None, text
    assert (match.code, match.target_prep) == (code, target_prep), text


def test_most_specific_pattern_wins(nlp: Language, fixture_dictionary: VerbDictionary) -> None:
    # "(FROM +)" and "{NIGERIAN TRADERS}" both match; the object words are the more specific
    match = fixture_dictionary.match(verb_of(nlp, "Kenya expelled Nigerian traders from Nairobi.", "expel"))
    assert match is not None and match.code == "1742" and match.pattern is not None
    # traders without the required modifier fall back to the prepositional pattern
    plain = fixture_dictionary.match(verb_of(nlp, "Kenya expelled the traders from Nairobi.", "expel"))
    assert plain is not None and plain.code == "174"


def test_parse_slots_are_read_once_a_block_and_match_as_a_fresh_reading(
    nlp: Language, fixture_dictionary: VerbDictionary
) -> None:
    doc = nlp("Kenya expelled Nigerian traders from Nairobi, and Uganda ousted the monitors.")
    expel, oust = (next(t for t in doc if t.lemma_.lower() == lemma) for lemma in ("expel", "oust"))
    memo = BlockMemo()
    slots = parse_slots(expel, memo)
    assert parse_slots(expel, memo) is slots  # the second asking reads nothing again
    assert slots == ParseSlots.of(expel) and parse_slots(oust, memo) == ParseSlots.of(oust) != slots
    assert [t.text for t in slots.objects] == ["traders"] and [t.text for t in slots.preps["from"]] == ["Nairobi"]
    for verb in (expel, oust):  # the slots handed in give the match the verb's own reading gives
        assert fixture_dictionary.match(verb, parse_slots(verb, memo)) == fixture_dictionary.match(verb)
        pattern = fixture_dictionary.object_pattern(verb, parse_slots(verb, memo))
        assert pattern == fixture_dictionary.object_pattern(verb)
    assert fixture_dictionary.match(expel, slots) is not None
    fresh = nlp("Kenya expelled Nigerian traders from Nairobi, and Uganda ousted the monitors.")
    assert parse_slots(fresh[1], memo) is not slots  # another block's word starts the memo afresh


def test_no_code_without_a_matching_pattern_when_the_default_is_none(
    nlp: Language, fixture_dictionary: VerbDictionary
) -> None:
    assert fixture_dictionary.match(verb_of(nlp, "Kenya expelled the journalists.", "expel")) is None
    assert fixture_dictionary.match(verb_of(nlp, "Kenya met the journalists.", "meet")) is None  # not listed


def test_the_shipped_dictionary_codes_the_long_tail(nlp: Language) -> None:
    dictionary = load_verb_dictionary()
    extradite = dictionary.match(verb_of(nlp, "Police extradited the suspect to Spain.", "extradite"))
    assert extradite is not None and extradite.code == "063"
    assert "urge" not in dictionary  # the dictionary lacks it; the ontology has it
    impose = dictionary.match(verb_of(nlp, "The army imposed a curfew on the city.", "impose"))
    assert impose is not None and impose.pattern is not None and impose.code.startswith("17")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("verb\tparticle\n", "header must be"),
        ("\t".join(("verb", "particle", "object", "prep", "prep_object", "target", "code", "line")) + "\n"
         "expel\t\t\t\t\tobject\t16x\t3\n", "bad.tsv:2: not a CAMEO code"),
        ("\t".join(("verb", "particle", "object", "prep", "prep_object", "target", "code", "line")) + "\n"
         "expel\t\t\t\t\tsubject\t166\t3\n", "bad.tsv:2: target must be object or prep"),
        ("\t".join(("verb", "particle", "object", "prep", "prep_object", "target", "code", "line")) + "\n"
         "expel\t\t\t\n", "bad.tsv:2: expected 8 tab-separated fields"),
        ("\t".join(("verb", "particle", "object", "prep", "prep_object", "target", "code", "line")) + "\n"
         "expel\t\t\t\t\tobject\t166\t3\nexpel\t\t\t\t\tobject\t174\t9\n", "bad.tsv:3: second default"),
    ],
)
def test_loader_errors_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(VerbDictionaryError, match=message):
        load_verb_dictionary(bad)


def test_shipped_file_loads_with_an_index_by_lemma() -> None:
    dictionary = load_verb_dictionary(DATA_FILE)
    assert len(dictionary.entries) > 1000
    entry = dictionary.entries["impose"]
    assert all(isinstance(key, tuple) and len(key) == 2 for key in entry.patterns)


# -- integration: the extractor codes verbs the ontology lacks ---------------------------------
def events_of(extractor: Extractor, text: str) -> set[tuple[str, str, str, tuple[tuple[str, str], ...]]]:
    extraction = extractor.extract(Article("test", text, None, "2023-10-19"))
    return {(e.subject.id, e.relation.name, e.object.id, e.attributes) for e in extraction.events}


def test_a_long_tail_verb_is_coded_by_the_dictionary(extractor: Extractor) -> None:
    # AIRLIFT defaults to 073 (humanitarian aid): no relation has 073, so the root's AID; the
    # direct object is no actor, so the target follows "to"
    assert events_of(extractor, "Japan airlifted food to Haiti.") == {
        ("country:JPN", "AID", "country:HTI", (("cameo", "073"),))
    }
    assert events_of(extractor, "Israel besieged Gaza.") == {
        ("country:ISR", "ATTACK", "country:PSE", (("cameo", "191"),))
    }


def test_the_ontology_wins_where_both_speak(extractor: Extractor) -> None:
    # the dictionary's AGREE defaults to 050; the ontology codes agreeing 030
    assert {(s, r, o) for s, r, o, _ in events_of(extractor, "Chile agreed with Peru.")} == {
        ("country:CHL", "AGREE", "country:PER")
    }


def test_speech_verbs_and_catch_all_defaults_are_no_events(extractor: Extractor) -> None:
    assert events_of(extractor, "Germany told Poland about the plan.") == set()  # TELL defaults to 010
    assert events_of(extractor, "France governed Algeria.") == set()  # a synonym set's 060 catch-all


def test_a_particle_adverb_right_after_the_verb_is_a_particle(extractor: Extractor) -> None:
    doc = extractor.nlp("Chile hit back at Peru.")
    assert doc[2].dep_ == "advmod", "the model now parses 'back' as a particle: pick another sentence"
    assert particle_words(doc[1]) == {"back"}
    assert not particle_words(extractor.nlp("Chile quickly hit Peru.")[2])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("India hit back at China over the map.", ("country:IND", "CRITICIZE", "country:CHN")),
        ("Ghana lashed out at Togo on Monday.", ("country:GHA", "CRITICIZE", "country:TGO")),
    ],
)
def test_a_phrasal_prepositional_verb_is_read_by_the_dictionary_not_as_the_bare_verb(
    extractor: Extractor, text: str, expected: tuple[str, str, str],
) -> None:
    events = extractor.extract(Article("phrasal-test", text, None, "2024-04-02")).events
    found = {(e.subject.id, e.relation.name, e.object.id) for e in events}
    assert expected in found
    assert not any(relation == "ATTACK" for _, relation, _ in found)


def test_object_codes_are_the_codes_of_each_verbs_object_patterns() -> None:
    """The table ``denials.denied_charges`` asks first: every code a pattern naming the verb's object
    has, and no other (a verb missing from it has no object pattern that could match)."""
    verbs = load_ontology().verbs
    codes = verbs.object_codes
    assert set(codes) == set(verbs.entries)
    for lemma, entry in verbs.entries.items():
        assert codes[lemma] == {p.code for key, found in entry.patterns.items() if key[0] == "object" for p in found}
    assert "016" in codes["deny"] and "016" in codes["reject"] and "016" not in codes["visit"]

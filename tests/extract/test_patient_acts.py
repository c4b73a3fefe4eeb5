"""Who an act named by a noun is done to and who does it (extract/patient_acts.py; sentences
written here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.gazetteer import DATA_DIR
from extract.patient_acts import PatientActsError, act_roles, load_patient_acts, possessor_is_agent
from extract.pipeline import Extractor
from tests.extract.extracting import runner, triples

ARTICLE_DATE = "2019-05-14"
CODES = frozenset({"173", "181"})


run = runner("test", ARTICLE_DATE)


def roles(extractor: Extractor, text: str, noun: str) -> tuple[list[str], list[str], list[str]]:
    """The texts of the patients, doers and places of the first token ``noun`` of ``text``."""
    doc = extractor.nlp(text)
    token = next(t for t in doc if t.text == noun)
    found = act_roles(token, extractor.knowledge.ontology.patient_acts)
    return [t.text for t in found.patients], [t.text for t in found.doers], [t.text for t in found.places]


@pytest.mark.parametrize(
    ("text", "noun", "patients", "doers", "places"),
    [
        # a possessor or an "of" object alone is the patient
        ("Navalny's release was announced on Friday.", "release", ["Navalny"], [], []),
        ("The release of the activist was announced.", "release", ["activist"], [], []),
        # beside an "of" object, the possessor does the act
        ("Russia's treatment of the activist was criticised.", "treatment", ["activist"], ["Russia"], []),
        # a "by" phrase names the doer
        ("The arrest of the reporter by the police was filmed.", "arrest", ["reporter"], ["police"], []),
        # a "from" phrase of handing over names who holds the patient
        ("The extradition of the banker from Spain was approved.", "extradition", ["banker"], ["Spain"], []),
        # "X's freedom" is never X's act
        ("Russia's freedom of the prisoners was welcomed.", "freedom", ["Russia", "prisoners"], [], []),
        # the holder named by a clause on the patient
        ("The release of sailors detained by Iran was agreed.", "release", ["sailors"], ["Iran"], []),
        ("The release of citizens held in Iranian custody was agreed.", "release", ["citizens"], ["Iranian"], []),
        ("The release of the sailors Iran seized was agreed.", "release", ["sailors"], ["Iran"], []),
        ("The release of activists jailed in Belarus was agreed.", "release", ["activists"], [], ["Belarus"]),
        # an act of a state's authorities is the act of the state where it takes place
        ("The arrest of the diplomat in Tehran was condemned.", "arrest", ["diplomat"], [], ["Tehran"]),
        # a killing is no state's act by where it happens
        ("The killing of the diplomat in Tehran was condemned.", "killing", ["diplomat"], [], []),
    ],
)
def test_act_roles(extractor: Extractor, text: str, noun: str, patients: list[str], doers: list[str],
                   places: list[str]) -> None:
    assert roles(extractor, text, noun) == (patients, doers, places)


def test_other_nouns_have_no_act_roles(extractor: Extractor) -> None:
    assert roles(extractor, "Russia's invasion of Ukraine was condemned.", "invasion") == ([], [], [])
    doc = extractor.nlp("Russia's invasion of Ukraine was condemned.")
    assert possessor_is_agent(doc[2], extractor.knowledge.ontology.patient_acts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the possessor of an act done to someone is its patient, not its agent
        ("The American journalist's detention by Iranian authorities drew criticism.",
         {("country:IRN", "ARREST", "group:usa-med")}),
        ("The Russian dissident's killing in London shocked Britain.", set()),
        # who announces an act whose possessor is its patient is not its doer
        ("Germany announced the Danish journalist's release on Friday.", set()),
        # near misses: an agent possessor beside an "of" object, and a "by" phrase, stay as they are
        ("China's detention of two Canadian citizens angered Ottawa.", {("country:CHN", "ARREST", "group:can-cvl")}),
        ("The deportation of Afghan refugees by Pakistan continued.", {("country:PAK", "DEPORT", "group:afg-ref")}),
    ],
)
def test_a_patient_possessor_is_no_agent(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert triples(run(extractor, text)) == expected


def test_loader_reads_the_shipped_file() -> None:
    words = load_patient_acts(DATA_DIR / "patient_acts.toml", CODES)
    assert {"release", "treatment", "killing"} <= words.acts
    assert words.ending_custody <= words.acts
    assert "detain" in words.holding_verbs


def patient_acts_text(**lists: list[str]) -> str:
    """A patient_acts.toml with one-word lists, ``lists`` replacing some of them."""
    nouns = {"acts": ["release"], "possessor_never_agent": ["release"], "from_holder": ["release"],
             "ending_custody": ["release"], "sender_acts": ["release"], "state_acts": ["release"]}
    holding = {"verbs": ["hold"], "custody_nouns": ["custody"], "codes": ["173"]}
    def table(name: str, words: dict[str, list[str]]) -> str:
        rows = [f"{key} = {lists.get(key, value)!r}".replace("'", '"') for key, value in words.items()]
        return "\n".join([f"[{name}]", *rows])
    return table("nouns", nouns) + "\n" + table("holding", holding) + "\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (patient_acts_text(acts=[]), "acts must be a non-empty list of words"),
        (patient_acts_text(possessor_never_agent=["freedom"]), "possessor_never_agent lists words not in nouns.acts"),
        (patient_acts_text(codes=["999"]), "unknown CAMEO codes ['999']"),
        ("[holding]\n", "missing table [nouns]"),
    ],
)
def test_loader_names_a_malformed_entry(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "patient_acts.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PatientActsError) as raised:
        load_patient_acts(path, CODES)
    assert str(path) in str(raised.value)
    assert message in str(raised.value)

"""Surface readings that are no act of their verb's kind: standing positions, deadlines, judicial
executions and accusations, signed statements (sentences written here, none from an evaluation set)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.gazetteer import DATA_DIR
from extract.pipeline import Extractor
from extract.surface_readings import SurfaceWordsError, load_surface_words
from graph.model import DropReason, Extraction
from tests.extract.extracting import code_of, runner, triples

run = runner("test", "2019-05-14")
#: The detail of the verb-sense table's drop of "host" with people on the move or goods as object.
_GOODS_RECEIVED = "host: object class 'receiving people on the move or goods' = ---"


def drops(extraction: Extraction, reason: DropReason) -> list[tuple[str, str]]:
    return [(d.relation, d.detail) for d in extraction.drops if d.reason is reason]


def relations(extraction: Extraction) -> set[str]:
    return {e.relation.name for e in extraction.events}


# -- (a) standing positions ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "relation", "detail"),
    [
        ("Some 28,500 U.S. troops are stationed in South Korea.", "MOBILIZE", "present passive of 'station'"),
        ("Some 28,500 U.S. troops are stationed in South Korea to deter North Korea.", "MOBILIZE",
         "present passive of 'station'"),
        ("U.S. troops are deployed in Syria and Iraq.", "MOBILIZE", "present passive of 'deploy'"),
        ("Japan has hosted American forces since the end of World War Two.", "HOST",
         "continuative perfect or progressive of 'host' with a duration"),
        ("Uganda has been hosting U.S. troops for years.", "HOST",
         "continuative perfect or progressive of 'host' with a duration"),
        ("Turkey, which has hosted a NATO radar base since 2012, warned Russia on Monday.", "HOST",
         "continuative perfect or progressive of 'host' with a duration"),
        ("The 26,000 U.S. troops stationed in Japan are meant to deter China.", "MOBILIZE",
         "participle 'stationed' after a noun"),
        ("France has about 5,000 soldiers deployed in the Sahel.", "MOBILIZE", "participle 'deployed' after a noun"),
        ("Chinese troops stationed in Hong Kong held a drill on Saturday.", "MOBILIZE",
         "participle 'stationed' after a noun"),
    ],
)
def test_standing_positions_are_no_deployments(extractor: Extractor, text: str, relation: str, detail: str) -> None:
    result = run(extractor, text)
    assert relation not in relations(result)
    assert (relation, detail) in drops(result, DropReason.STANDING_STATE)


@pytest.mark.parametrize(
    "text",
    [
        "Germany hosts U.S. nuclear weapons.",
        "Germany hosts about 20 U.S. nuclear weapons at Buechel, according to a 2019 parliamentary report.",
        "The Netherlands hosts U.S. nuclear weapons at Volkel air base.",
        "Italy hosts about 35 U.S. nuclear bombs, according to a 2021 study.",
    ],
)
def test_weapons_kept_are_no_hosted_occasion(extractor: Extractor, text: str) -> None:
    """An aid noun ("weapons", "bombs") names what a host keeps, not an occasion that makes hosting
    an act: the simple present is a standing state, unless the verb-sense table's class of goods
    received (extract/data/verb_senses.toml) has already read the verb as no event."""
    result = run(extractor, text)
    assert "HOST" not in relations(result)
    assert (("HOST", "simple present of 'host'") in drops(result, DropReason.STANDING_STATE)
            or ("HOST", _GOODS_RECEIVED) in drops(result, DropReason.NO_EVENT_SENSE))


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("The United States deployed 3,000 troops to Poland on Monday.", ("country:USA", "MOBILIZE", "country:POL")),
        ("Russia stationed nuclear weapons in Belarus last month.", ("country:RUS", "MOBILIZE", "country:BLR")),
        ("Washington announced it would station an additional 1,000 troops in Poland.",
         ("country:USA", "MOBILIZE", "country:POL")),
        ("Germany sent 500 soldiers to Lithuania last week.", ("country:DEU", "COOPERATE_MILITARILY", "country:LTU")),
    ],
)
def test_a_finite_deployment_is_still_an_act(extractor: Extractor, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(run(extractor, text))


def test_a_visitor_hosted_with_a_time_is_still_a_visit(extractor: Extractor) -> None:
    result = run(extractor, "Britain hosted the Ukrainian president in London on Wednesday.")
    assert "HOST" in relations(result)


# -- (b) deadlines ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Moscow gave the Estonian diplomats 72 hours to leave the country.", ("country:RUS", "EXPEL", "country:EST")),
        ("Venezuela gave American diplomats 72 hours to leave the country on Wednesday.",
         ("country:VEN", "EXPEL", "country:USA")),
        ("Russia gave Moldova's ambassador a week to leave Moscow.", ("country:RUS", "EXPEL", "country:MDA")),
        ("Mali gave the French ambassador 72 hours to leave the country.", ("country:MLI", "EXPEL", "country:FRA")),
        ("China gave the Lithuanian ambassador seven days to leave Beijing.", ("country:CHN", "EXPEL", "country:LTU")),
        ("Serbia told the Croatian consul to leave within five days.", ("country:SRB", "EXPEL", "country:HRV")),
        ("Khartoum gave the Kenyan envoy until Friday to leave.", ("country:SDN", "EXPEL", "country:KEN")),
        ("Beijing gave the Canadian consul three days to depart.", ("country:CHN", "EXPEL", "country:CAN")),
    ],
)
def test_a_deadline_to_leave_is_an_expulsion(extractor: Extractor, text: str, triple: tuple[str, str, str]) -> None:
    result = run(extractor, text)
    assert triples(result) == {triple}


def test_a_deadline_to_leave_is_no_threat(extractor: Extractor) -> None:
    result = run(extractor, "Ankara declared the Dutch ambassador persona non grata and gave him 72 hours to leave.")
    assert triples(result) == {("country:TUR", "EXPEL", "country:NLD")}
    assert ("THREATEN", "a deadline to 'leave' orders the addressee out (expulsion), no threat") in drops(
        result, DropReason.NO_EVENT_SENSE)


@pytest.mark.parametrize(
    "text",
    [
        "Sudan gave the UN envoy two weeks to leave.",
        "Egypt gave Hamas until Friday to respond to the proposal.",
        "Qatar gave the Taliban a month to form an inclusive government.",
    ],
)
def test_a_deadline_gives_nothing(extractor: Extractor, text: str) -> None:
    """The giving is dropped: as a deadline, or as part of the ultimatum extract/addressed_requests.py
    reads across the same words."""
    result = run(extractor, text)
    assert "AID" not in relations(result)
    assert any(relation == "AID" and "sets a deadline" in detail
               for relation, detail in drops(result, DropReason.NO_EVENT_SENSE)) or any(
        relation == "AID" and "THREATEN" in detail for relation, detail in drops(result, DropReason.DUPLICATE))


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Japan gave Ukraine $5 billion in aid.", ("country:JPN", "AID", "country:UKR")),
        ("The United States gave Israel 1,000 bombs last month.", ("country:USA", "MILITARY_AID", "country:ISR")),
        ("Germany gave Kyiv tanks and air defence systems.", ("country:DEU", "MILITARY_AID", "country:UKR")),
        ("Poland expelled 45 Russian diplomats on Tuesday.", ("country:POL", "EXPEL", "country:RUS")),
    ],
)
def test_gifts_and_expulsions_said_outright_stay(extractor: Extractor, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(run(extractor, text))


# -- (c) judicial executions and accusations --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("China executed a Japanese national convicted of drug smuggling.", ("country:CHN", "ARREST", "country:JPN")),
        ("Iraq executed an American citizen convicted of terrorism.", ("country:IRQ", "ARREST", "group:usa-cvl")),
        ("Iran executed an Israeli spy, state media reported.", ("country:IRN", "ARREST", "group:isr-spy")),
    ],
)
def test_a_state_executing_a_prisoner_takes_legal_action(
    extractor: Extractor, text: str, triple: tuple[str, str, str],
) -> None:
    result = run(extractor, text)
    assert triples(result) == {triple}
    assert {code_of(e) for e in result.events} == {"173"}


@pytest.mark.parametrize(
    "text",
    [
        "Iran executed a man convicted of spying for Israel, the judiciary said.",
        "Iran executes man convicted of spying for Israel's Mossad.",
        "Belarus executed a man accused of plotting attacks for Ukraine.",
        "Iran hanged a British-Iranian national convicted of spying for Britain.",
        "Iran executed a former defence official who had spied for Britain.",
        "Tehran hanged a man convicted of passing secrets to Israel.",
        "Iran's judiciary executed a dual national accused of spying for Britain.",
    ],
)
def test_the_state_spied_for_is_no_victim(extractor: Extractor, text: str) -> None:
    result = run(extractor, text)
    assert not [e for e in result.events if e.object.country in ("ISR", "GBR", "UKR")]


def test_an_accused_persons_act_is_not_the_accusers(extractor: Extractor) -> None:
    result = run(extractor, "Saudi Arabia executed three men accused of working for Iranian intelligence.")
    assert result.events == ()
    assert ("COOPERATE", "the alleged act of 'men', accused in 'accused'") in drops(result, DropReason.NO_SUBJECT)
    relative = run(extractor, "Iran executed four people it accused of working for Israel's intelligence service.")
    assert relative.events == ()
    put_to_death = run(extractor, "Iran put to death two men convicted of collaborating with Israel's Mossad.")
    assert put_to_death.events == ()
    assert ("ARREST", "the object lies inside an accusation on the patient") in drops(
        put_to_death, DropReason.NO_OBJECT)


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Islamic State militants executed 20 Iraqi soldiers captured near Mosul.",
         ("org:islamic-state", "KILL", "group:irq-mil")),
        ("Israel struck Iranian targets in Syria on Monday.", ("country:ISR", "ATTACK", "country:IRN")),
        ("Israeli aircraft killed three Hezbollah fighters in southern Lebanon.",
         ("country:ISR", "ATTACK", "org:hezbollah")),
        ("Saudi Arabia put to death a Yemeni man convicted of smuggling drugs.",
         ("country:SAU", "ARREST", "group:yem-ppl")),
        # combatants put to death are killed, even by a state's name
        ("Russia executed Ukrainian prisoners of war, Kyiv said.", ("country:RUS", "ATTACK", "group:ukr-mil")),
        ("Russian soldiers executed Ukrainian prisoners of war, Kyiv said.",
         ("group:rus-mil", "ATTACK", "group:ukr-mil")),
    ],
)
def test_killings_and_own_objects_stay(extractor: Extractor, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(run(extractor, text))


def test_an_accusation_keeps_the_accused_as_doer(extractor: Extractor) -> None:
    """Only a doer other than the accused is dropped: an accusation's own act is not touched."""
    result = run(extractor, "Canadian police arrested the executive at the request of the United States, "
                            "which accuses her of misleading banks.")
    assert not [d for d in result.drops if d.detail.startswith("the alleged act of")]


# -- (d) signed statements ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("China and Russia signed a joint statement on deepening their partnership.", ("country:CHN", "country:RUS")),
        ("India and Japan signed a joint communique at the end of the summit.", ("country:IND", "country:JPN")),
        ("Brazil and Argentina signed a joint statement on Tuesday calling for a ceasefire.",
         ("country:BRA", "country:ARG")),
        ("Putin and Xi signed a joint statement condemning Western sanctions.",
         ("person:vladimir-putin", "person:xi-jinping")),
        ("Vietnam and the United States signed a joint vision statement on defence.", ("country:VNM", "country:USA")),
        ("Egypt and Jordan signed a joint communique backing Palestinian statehood.", ("country:EGY", "country:JOR")),
    ],
)
def test_a_signed_statement_is_no_formal_agreement(extractor: Extractor, text: str, pair: tuple[str, str]) -> None:
    result = run(extractor, text)
    assert "SIGN_AGREEMENT" not in relations(result)
    assert (pair[0], "DIPLOMATIC_COOPERATION", pair[1]) in triples(result)
    assert {code_of(e) for e in result.events if e.relation.name == "DIPLOMATIC_COOPERATION"} == {"050"}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Israel and the UAE signed a peace treaty on Tuesday.", ("country:ISR", "country:ARE")),
        ("Turkey and Russia signed an agreement on gas supplies.", ("country:TUR", "country:RUS")),
        ("India and France signed a memorandum of understanding on energy.", ("country:IND", "country:FRA")),
        ("Japan and Australia signed a defence pact in Tokyo.", ("country:JPN", "country:AUS")),
        # the OEDA dictionary codes SIGN * DECLARATION as 057
        ("The foreign ministers of Turkey and Azerbaijan signed a joint declaration in Baku.",
         ("country:TUR", "country:AZE")),
    ],
)
def test_signed_agreements_stay(extractor: Extractor, text: str, pair: tuple[str, str]) -> None:
    assert (pair[0], "SIGN_AGREEMENT", pair[1]) in triples(run(extractor, text))


# -- the word file -------------------------------------------------------------------------------------
def test_the_shipped_words_load_and_name_a_relation(extractor: Extractor) -> None:
    words = load_surface_words(DATA_DIR / "surface_readings.toml")
    assert {"station", "deploy"} <= words.positioning_verbs
    assert extractor.knowledge.ontology.relation(words.statement_relation).cameo == "050"


def test_a_malformed_word_file_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "surface_readings.toml"
    path.write_text('positioning_verbs = "station"\n', encoding="utf-8")
    with pytest.raises(SurfaceWordsError, match=r"surface_readings\.toml: positioning_verbs"):
        load_surface_words(path)


# -- a statement's topic --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "relation", "gerund"),
    [
        ("China and Russia signed a joint statement on deepening their partnership.", "COOPERATE", "deepening"),
        ("India and Brazil issued a joint statement on expanding defence cooperation.", "COOPERATE", "expanding"),
        ("France and Italy signed a declaration on strengthening their alliance.", "COOPERATE", "strengthening"),
    ],
)
def test_a_statements_topic_is_no_act(extractor: Extractor, text: str, relation: str, gerund: str) -> None:
    result = run(extractor, text)
    assert relation not in relations(result)
    assert (relation, f"'{gerund}' is the topic of a statement, not an act") in drops(result, DropReason.NOT_AN_EVENT)


def test_an_agreement_on_a_gerund_is_not_a_statements_topic(extractor: Extractor) -> None:
    result = run(extractor, "China and Russia agreed on deepening their partnership.")
    assert not drops(result, DropReason.NOT_AN_EVENT)
    assert ("country:CHN", "AGREE", "country:RUS") in triples(result)


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("The United States has stationed an additional 3,000 troops in Romania since the invasion.",
         ("country:USA", "MOBILIZE", "country:ROU")),
        ("Russian troops were stationed in Belarus on Monday ahead of the exercises.",
         ("group:rus-mil", "MOBILIZE", "country:BLR")),
        ("A further 1,000 American troops will be stationed in Poland, Washington said.",
         ("group:usa-mil", "MOBILIZE", "country:POL")),
        ("Britain has deployed 800 troops to Estonia.", ("country:GBR", "MOBILIZE", "country:EST")),
        ("Kenya has hosted peace talks between Ethiopia's government and Tigrayan forces.",
         ("country:KEN", "HOST", "country:ETH")),
    ],
)
def test_perfects_passives_and_futures_of_putting_stay_acts(
    extractor: Extractor, text: str, triple: tuple[str, str, str],
) -> None:
    assert triple in triples(run(extractor, text))


def test_hosting_in_the_present_progressive_is_a_state(extractor: Extractor) -> None:
    for text in ("Kenya is hosting a U.S. drone base.", "Djibouti is hosting French and American troops."):
        result = run(extractor, text)
        assert "HOST" not in relations(result)
        assert ("HOST", "present progressive of 'host'") in drops(result, DropReason.STANDING_STATE)


def test_hosting_refugees_is_no_hosted_visit_in_any_tense(extractor: Extractor) -> None:
    """Refugees are people on the move, not visitors (the verb-sense table's class)."""
    for text in ("Kenya is hosting some 500,000 refugees from Somalia and South Sudan.",
                 "Turkey hosted 3.6 million Syrian refugees last year."):
        result = run(extractor, text)
        assert "HOST" not in relations(result)
        assert ("HOST", _GOODS_RECEIVED) in drops(result, DropReason.NO_EVENT_SENSE)


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Japan is hosting the G7 summit in Hiroshima.", ("country:JPN", "HOST", "org:g7")),
        ("Qatar is hosting talks between Israel and Hamas.", ("country:QAT", "HOST", "org:hamas")),
        ("France is hosting Indian Prime Minister Narendra Modi.", ("country:FRA", "HOST", "person:narendra-modi")),
        ("Egypt is hosting Israeli and Hamas negotiators this week.", ("country:EGY", "HOST", "country:ISR")),
    ],
)
def test_hosting_an_occasion_or_a_visitor_now_is_an_act(
    extractor: Extractor, text: str, triple: tuple[str, str, str],
) -> None:
    assert triple in triples(run(extractor, text))

"""The extractor: article text in, canonical actor–relation–actor events out."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from extract.actors import ActorResolver
from extract.agreement_content import AgreementWords, load_agreement_words, with_view_agreement
from extract.aspect import AspectWords, dated_in_time, load_aspect_words, with_standing_state
from extract.bare_statements import without_bare_statement
from extract.block_index import (
    ARCS_KEY,
    ENTITIES_KEY,
    SENTENCES_KEY,
    BlockTokens,
    BlockWords,
    block_sentences,
    block_words,
    index_arcs,
    index_entities,
    index_sentences,
)
from extract.calibration import (
    DEFAULT_MIN_CONFIDENCE,
    ConfidenceModel,
    calibrated,
    checked_floor,
    load_confidence_model,
)
from extract.candidates import block_candidates
from extract.dates import event_date, parse_article_date
from extract.directives import with_directives
from extract.envoys import with_envoy_acts
from extract.epithets import Epithets, load_epithets
from extract.event_location import AgentLocator, LocationWords, load_location_words
from extract.event_memory import EventMemory, sentence_numbers, speakers_and_authors
from extract.event_reference import remembered_acts, resolve_ellipsis, resolve_reaction
from extract.experiencer_verbs import FeelingWords, load_feeling_words, with_felt_reactions
from extract.extractor import RULES, ArticleFailure, extractor_id
from extract.force_posture import PostureWords, load_posture_words, with_force_posture
from extract.gazetteer import Gazetteer, SurfaceIndex, load_gazetteer
from extract.group_reference import GroupWords, load_group_words
from extract.implicatives import ImplicativeWords, load_implicative_words, read_implicatives, requalify
from extract.knowledge_dir import DEFAULT_KNOWLEDGE_DIR, KnowledgeError, knowledge_digest, require_knowledge_dir
from extract.legislatures import Legislatures, load_legislatures, with_legislatures
from extract.material_goods import GoodsWords, load_goods_words, with_goods_code
from extract.membership_exits import ExitWords, load_exit_words, with_membership_exits
from extract.mentions import Mention, MentionKind
from extract.mission_protests import with_mission_target
from extract.news_agencies import NewsAgencies, load_news_agencies
from extract.nlp import load_model
from extract.nominal_speech_acts import nominal_polarity
from extract.noun_senses import NounSenseWords, load_noun_sense_words, with_noun_sense, with_unreported_modality
from extract.obstruction import with_obstruction_code
from extract.ontology import Lexicon, Ontology, load_lexicon, load_ontology
from extract.organisation_names import OrganisationNames
from extract.own_object_targets import with_own_object_target
from extract.own_possessions import only_possessed
from extract.pair_reference import ReferenceResolver
from extract.pass_gates import PassGates, VerbGates
from extract.patterns import Candidate, Context, with_backoff
from extract.possessor_binding import BindingWords
from extract.protest_demands import with_protest_demands
from extract.protest_symbols import SymbolWords, load_symbol_words, with_symbol_protests
from extract.qualifiers import Qualifiers, qualify
from extract.relation_partners import with_relation_partner
from extract.release_conditions import with_holder_of_release
from extract.reporter_conjuncts import load_reporter_acts
from extract.reproach_requests import with_reproach_addressees
from extract.requested_acts import doer_from_memory
from extract.retaliation_targets import with_retaliation_target
from extract.standing_relations import StandingWords, load_standing_words, with_standing_relation
from extract.surface_misreadings import MisreadingWords, load_misreading_words, with_misreading_checked
from extract.surface_readings import SurfaceWords, load_surface_words, with_surface_reading
from extract.territory import with_territory_acts
from extract.text import (
    Block,
    dateline_lengths,
    is_all_caps,
    is_title_case,
    looks_english,
    recase_all_caps,
    recase_title,
    split_blocks,
)
from extract.unasserted import UnassertedWords, load_unasserted_words, unasserted
from extract.verbal_clashes import ClashWords, load_clash_words, without_verbal_clash
from extract.welcomed_things import WelcomeWords, load_welcome_words, with_welcomed_thing
from graph.model import (
    Actor,
    ActorType,
    Article,
    Drop,
    DropReason,
    Event,
    Evidence,
    Extraction,
    Modality,
    RelationType,
    TextWarning,
)

EXTRACTOR_NAME = RULES
# the rules' own version: raise it when the code changes what they extract (the knowledge files
# and the model are covered by the digest in the full version, see ``rules_version``)
RULES_VERSION = "0.20"
# CAMEO 14 PROTEST: when a country would protest against itself, its people protest against the state
PROTEST_ROOT = "14"


@dataclass(frozen=True)
class Knowledge:
    """Everything the extractor knows besides the text: gazetteer, ontology, lexicon, and the
    digest of the directory they were read from."""

    gazetteer: Gazetteer
    ontology: Ontology
    lexicon: Lexicon
    digest: str
    location_words: LocationWords
    group_words: GroupWords
    symbol_words: SymbolWords
    aspect_words: AspectWords
    implicative_words: ImplicativeWords
    agreement_words: AgreementWords
    surface_words: SurfaceWords
    news_agencies: NewsAgencies
    legislatures: Legislatures
    goods_words: GoodsWords
    posture_words: PostureWords
    clash_words: ClashWords
    unasserted_words: UnassertedWords
    noun_sense_words: NounSenseWords
    misreading_words: MisreadingWords
    reporter_acts: frozenset[str]
    standing_words: StandingWords
    epithets: Epithets
    confidence_model: ConfidenceModel
    exit_words: ExitWords
    welcome_words: WelcomeWords
    feeling_words: FeelingWords

    @cached_property
    def binding_words(self) -> BindingWords:
        """The lexicon's words for binding a possessive "its" (extract/possessor_binding.py), built once."""
        return BindingWords.of(self.lexicon)

    @cached_property
    def pass_gates(self) -> PassGates:
        """The words each gated block pass can act at (extract/pass_gates.py), built once."""
        return PassGates.of(self.ontology, self.lexicon, self.symbol_words)

    @cached_property
    def verb_gates(self) -> VerbGates:
        """The verbs each reading at a verb can act at (extract/pass_gates.py), built once."""
        return VerbGates.of(self.ontology, self.lexicon)

    @cached_property
    def organisation_names(self) -> OrganisationNames:
        """The gazetteer's organisation names by word (extract/organisation_names.py), built once."""
        return OrganisationNames.of(self.gazetteer.organizations.values())

    @staticmethod
    def load(data_dir: Path = DEFAULT_KNOWLEDGE_DIR) -> Knowledge:
        """Read the knowledge files of ``data_dir``; a missing or malformed one raises a one-line
        ``KnowledgeError`` naming it."""
        require_knowledge_dir(data_dir)
        try:
            ontology = load_ontology(data_dir=data_dir)
            return Knowledge(
                load_gazetteer(data_dir),
                ontology,
                load_lexicon(data_dir / "lexicon.toml"),
                knowledge_digest(data_dir),
                load_location_words(data_dir / "event_location.toml"),
                load_group_words(data_dir / "group_reference.toml"),
                load_symbol_words(data_dir / "protest_symbols.toml"),
                load_aspect_words(data_dir / "aspect.toml"),
                load_implicative_words(data_dir / "implicatives.toml"),
                load_agreement_words(data_dir / "agreement.toml"),
                load_surface_words(data_dir / "surface_readings.toml"),
                load_news_agencies(data_dir / "news_agencies.toml"),
                load_legislatures(data_dir / "legislatures.toml"),
                load_goods_words(data_dir / "material_goods.toml"),
                load_posture_words(data_dir / "force_posture.toml"),
                load_clash_words(data_dir / "clashes.toml"),
                load_unasserted_words(data_dir / "unasserted.toml"),
                load_noun_sense_words(data_dir / "noun_senses.toml"),
                load_misreading_words(data_dir / "surface_misreadings.toml"),
                load_reporter_acts(data_dir / "reporter_acts.toml"),
                load_standing_words(data_dir / "standing_relations.toml"),
                load_epithets(data_dir / "epithets.toml"),
                load_confidence_model(data_dir / "confidence_model.toml"),
                load_exit_words(data_dir / "membership_exits.toml", ontology.relations),
                load_welcome_words(data_dir / "welcomed_things.toml"),
                load_feeling_words(data_dir / "experiencer_verbs.toml"),
            )
        except OSError as error:
            raise KnowledgeError(f"{error.filename or data_dir}: cannot read the knowledge file "
                                 f"({error.strerror or error})") from error
        except ValueError as error:  # GazetteerError, OntologyError, TOML and UTF-8 errors
            if isinstance(error, KnowledgeError):
                raise
            message = " ".join(str(error).split())
            raise KnowledgeError(f"{data_dir}: malformed knowledge ({message})") from error


def rules_version(knowledge: Knowledge, nlp: Language, confidence: str = f"floor {DEFAULT_MIN_CONFIDENCE}") -> str:
    """``RULES_VERSION+k`` and a short sha256 of the knowledge digest, the spaCy model's name
    and version and the ``confidence`` policy (its floor, or raw): any change to one gives a new
    version, so stored events get re-extracted."""
    meta = nlp.meta
    model = f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}"
    digest = hashlib.sha256(f"{knowledge.digest}\0{model}\0{confidence}".encode()).hexdigest()
    return f"{RULES_VERSION}+k{digest[:8]}"


class RuleExtractor:
    """The rule pipeline: runs spaCy over article blocks and turns trigger words into events
    (an ``extract.extractor.Extractor``). Each event's confidence is the calibrated probability
    that it is right (``extract.calibration``); one below ``min_confidence`` is dropped
    (``LOW_CONFIDENCE``). With ``calibrate=False`` (for fitting the model) events keep the rules'
    raw confidence and none is dropped for it."""

    def __init__(
        self, nlp: Language | None = None, knowledge: Knowledge | None = None,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE, calibrate: bool = True,
    ) -> None:
        self.nlp = nlp or load_model()
        self.knowledge = knowledge or Knowledge.load()
        self.min_confidence = checked_floor(min_confidence)
        self.calibrate = calibrate
        self.index = SurfaceIndex.build(
            self.knowledge.gazetteer, lambda text: [t.text for t in self.nlp.make_doc(text)]
        )
        # the index's words, and the romanisations it reads as them ("Mohammed" for "Muhammad")
        self.name_words = frozenset(word for key in self.index.entries for word in key) | frozenset(
            variant.capitalize() for variant in self.knowledge.gazetteer.name_variants)
        self.name = EXTRACTOR_NAME
        policy = f"floor {self.min_confidence}" if calibrate else "raw"
        self.version = rules_version(self.knowledge, self.nlp, policy)
        self.label = extractor_id(self)  # what its events carry as their extractor

    def extract(self, article: Article) -> Extraction:
        """Extract one article."""
        return next(self.extract_many([article]))

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 64, n_process: int = 1,
        on_failure: Callable[[ArticleFailure], None] | None = None,
    ) -> Iterator[Extraction]:
        """Extract a stream of articles, in order.

        Memory stays bounded by the batch of blocks in flight, not by the corpus or by the length
        of an article: blocks are at most ``MAX_BLOCK_CHARS`` long and each block's parse is
        turned into candidates and let go before the next. With ``on_failure``, an article that
        cannot be processed is handed to it with the reason and the others are extracted; without,
        the error is raised. An error of the ``articles`` iterator itself is always raised.
        """
        pending = iter(articles)
        while True:
            flight = _InFlight()
            try:
                yield from self._stream(pending, flight, batch_size, n_process)
                return
            except Exception:
                if on_failure is None or flight.source_failed:
                    raise
            # the stream stopped inside one of the articles in flight: each is retried alone
            for article in flight.articles:
                alone = _InFlight()
                try:
                    yield from self._stream(iter([article]), alone, batch_size, 1)
                except Exception as error:
                    on_failure(ArticleFailure(article, f"{type(error).__name__}: {error}"))

    def _stream(
        self, pending: Iterator[Article], flight: _InFlight, batch_size: int, n_process: int
    ) -> Iterator[Extraction]:
        """Extractions of ``pending``; ``flight`` lists the articles begun but not yet yielded."""
        def blocks_of() -> Iterator[tuple[str, tuple[Article, Block | None, bool]]]:
            while True:
                try:
                    article = next(pending)
                except StopIteration:
                    return
                except Exception:
                    flight.source_failed = True
                    raise
                flight.articles.append(article)
                blocks = split_blocks(article.text)
                if not blocks:
                    yield "", (article, None, True)
                datelines = dateline_lengths(blocks)  # wire datelines (extract/text.py)
                for number, block in enumerate(blocks):
                    parser_text = self._parser_text(block.text, datelines[number])
                    yield parser_text, (article, block, number == len(blocks) - 1)

        current: _ArticleExtraction | None = None
        for doc, (article, block, last) in self.nlp.pipe(
            blocks_of(), as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            if current is None:
                current = _ArticleExtraction(self, article)
            if block is not None:
                current.add(block, doc)
            if last:
                extraction = current.finish()
                flight.articles.popleft()
                current = None
                yield extraction

    def _parser_text(self, text: str, dateline: int) -> str:
        """The block as the parser should see it (same length): the wire dateline opening it (its
        first ``dateline`` characters) blanked out, capitals and Title Case recased."""
        if dateline and not is_all_caps(text[dateline:]):
            return " " * dateline + text[dateline:]
        if is_all_caps(text):
            return recase_all_caps(text, self.name_words)
        if is_title_case(text):
            return recase_title(text, self.name_words)
        return text

    def _relation_for(self, name: str, subject: Actor) -> RelationType:
        """The ontology's relation, or its conventional-force variant when a state acts."""
        ontology = self.knowledge.ontology
        variant = ontology.state_variants.get(name)
        is_state = subject.type is ActorType.COUNTRY or subject.sector == "MIL"
        return ontology.relation(variant if variant and is_state else name)

    def _emit(
        self,
        article: Article,
        block: Block,
        candidate: Candidate,
        mentions: dict[int, Mention],
        events: list[Event],
        drops: list[Drop],
        lowers: Sequence[str] | None = None,
    ) -> None:
        """Append the candidate's events (one per actor pair) to ``events``, or its drops to ``drops``
        (``lowers``: the block's words in lower case, when read already)."""
        trigger = candidate.trigger
        evidence = _sentence_evidence(block, trigger)
        relation = self.knowledge.ontology.relation(candidate.relation)
        if candidate.drop is not None:
            drops.append(_drop(candidate.drop, trigger, relation, evidence, candidate.detail))
            return
        qualifiers = unasserted(
            requalify(qualify(trigger, self.knowledge.lexicon, self.knowledge.reporter_acts,
                                      self.knowledge.ontology.speech_acts.censure.reporting_verbs, lowers),
                      read_implicatives(trigger, self.knowledge.implicative_words, self.knowledge.lexicon)),
            trigger, self.knowledge.unasserted_words)
        qualifiers = with_unreported_modality(qualifiers, trigger, self.knowledge.noun_sense_words)
        qualifiers = nominal_polarity(qualifiers, trigger, relation.cameo[:2], self.knowledge.lexicon)
        speaker = self._speaker(qualifiers, mentions)
        published = None if article.date is None else parse_article_date(article.date)  # read once for both
        date = dated_in_time(trigger, published, event_date(trigger, published, qualifiers.future),
                             self.knowledge.aspect_words, self.knowledge.lexicon.speech_verbs)
        # a threat or request of a material act is aimed where the act would be ("threatened to
        # impose a curfew in its capital": at its own population)
        requested = dict(candidate.attributes).get("requested")
        for subject, obj in candidate.actor_pairs():
            relation = self._relation_for(candidate.relation, subject)
            act = self._relation_for(requested, subject) if requested else relation
            pair = self._checked_pair(subject, obj, act, lambda state: only_possessed(
                trigger, state, mentions, self.knowledge.location_words.locative_prepositions))
            if isinstance(pair, tuple):
                events.append(Event(
                    article_id=article.id, subject=pair[0], relation=relation, object=pair[1],
                    polarity=qualifiers.polarity, modality=qualifiers.modality, attributed_to=speaker,
                    date=date.iso, date_precision=date.precision, evidence=(evidence,),
                    confidence=candidate.confidence, extractor=self.label, trigger=trigger.lemma_.lower(),
                    attributes=candidate.attributes, pairing=candidate.pairing,
                ))
            else:
                drops.append(_drop(pair.reason, trigger, relation, evidence, pair.detail))

    def _speaker(self, qualifiers: Qualifiers, mentions: dict[int, Mention]) -> Actor | None:
        """Who the clause reports as saying the event, if an actor; never the news agency telling
        the story ("AFP reported that ..." names no source within it)."""
        if qualifiers.speaker is None:
            return None
        mention = mentions.get(qualifiers.speaker.i)
        if mention is None or self.knowledge.news_agencies.names_agency(mention.actor):
            return None
        return mention.actor

    def _checked_pair(self, subject: Actor, obj: Actor, act: RelationType,
                      owned: Callable[[Actor], bool]) -> tuple[Actor, Actor] | _PairDrop:
        """The pair an event runs between, or why it has none: a news agency is no party to the
        story it tells; a state's conflict act on its own state is done to (or, for a protest, by) its
        population, unless the state is named only as the owner of what is acted on (``owned``, read
        only there: extract/own_possessions.py); a state's force on a person (arresting, sentencing,
        killing an official of its own) is done to that person; an actor acting on itself or its own
        state is a self-loop."""
        agency = next((a for a in (subject, obj) if self.knowledge.news_agencies.names_agency(a)), None)
        if agency is not None:  # extract/news_agencies.py
            return _PairDrop(DropReason.NOT_AN_ACTOR, f"news agency {agency.name}")
        if _acts_for(subject, obj) and act.quad_class == 4:
            if owned(obj):
                return _PairDrop(DropReason.SELF_LOOP, f"{subject.id} on its own possession")
            population = self.knowledge.gazetteer.population_actor(obj.id.removeprefix("country:"))
            if act.cameo.startswith(PROTEST_ROOT):
                subject = population  # "Iraqi Kurds protested against the Iraqi government"
            else:
                obj = population  # "Turkish authorities imposed a curfew in Turkey"
        if act.quad_class == 4 and obj.type is ActorType.PERSON and subject.type is not ActorType.PERSON:
            return subject, obj  # "the junta sentenced the former leader": a state's force on one of its people
        if subject.id == obj.id or _acts_for(subject, obj) or _acts_for(obj, subject):
            return _PairDrop(DropReason.SELF_LOOP, subject.id)
        return subject, obj


@dataclass(frozen=True)
class _PairDrop:
    """Why an actor pair of a candidate gives no event."""

    reason: DropReason
    detail: str


def _sentence_evidence(block: Block, trigger: Token) -> Evidence:
    """The trigger's sentence in its original casing, with its offsets in the article."""
    sentence = trigger.sent
    return Evidence(block.text[sentence.start_char : sentence.end_char],
                    block.start + sentence.start_char, block.start + sentence.end_char)


def _drop(reason: DropReason, trigger: Token, relation: RelationType, evidence: Evidence, detail: str) -> Drop:
    return Drop(reason, trigger.lemma_, relation.name, evidence.sentence, evidence.char_start, evidence.char_end,
                detail)

_STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})


def _acts_for(actor: Actor, state: Actor) -> bool:
    """The actor is the state itself or acts for it (its leaders, officials, army, police):
    "Putin warned that Moscow could ..." and "China built up its military" relate the state to
    nothing outside it."""
    if state.type is not ActorType.COUNTRY:
        return False
    return actor.id == state.id or (actor.country == state.country and actor.sector in _STATE_SECTORS)


# the name this class had before the Extractor protocol (extract.extractor) existed
Extractor = RuleExtractor


@dataclass
class _InFlight:
    """Articles whose blocks went into spaCy and whose extraction is not yet out."""

    articles: deque[Article] = field(default_factory=deque)
    source_failed: bool = False


class _ArticleExtraction:
    """One article's extraction, built block by block: each parse is used, then let go."""

    def __init__(self, extractor: Extractor, article: Article) -> None:
        self.extractor = extractor
        self.article = article
        knowledge = extractor.knowledge
        self.resolver = ActorResolver(knowledge.gazetteer, extractor.index, knowledge.lexicon, article.date,
                                      knowledge.binding_words)
        self.references = ReferenceResolver(knowledge.lexicon, knowledge.gazetteer, knowledge.group_words,
                                            knowledge.epithets, knowledge.organisation_names)
        self.locator = AgentLocator(knowledge.location_words, knowledge.gazetteer, knowledge.lexicon,
                                    knowledge.ontology)
        self.events: list[Event] = []
        self.drops: list[Drop] = []
        self.names: dict[str, set[str]] = {}
        self.warnings = _text_warnings(article.text)
        self.memory = EventMemory()  # the events a later "the attack", "the decision" can refer to
        self.sentences_before = 0

    def add(self, block: Block, doc: Doc) -> None:
        sentence_spans = index_sentences(doc)  # every rule asks for token.sent: one table per block
        entity_spans = index_entities(doc)  # and for the recogniser's entities: made once per block
        arcs = index_arcs(doc)  # and for a word's children: each word's Token and children made once
        tokens = BlockTokens.of(arcs.words)  # each word's text, lower case, lemma and tags, read from spaCy once
        words = BlockWords.of(arcs.words, tokens)  # the passes below start from its verbs or nouns
        blanked = _leading_spaces(doc)  # the wire dateline the parser did not see
        if blanked and block.text[:blanked].strip():
            self.resolver.offices.note_dateline(self.extractor.knowledge.gazetteer, block.text[:blanked])
        mentions = self.resolver.resolve_block(doc, tokens)
        with_legislatures(doc, tokens, mentions, self.extractor.knowledge.legislatures,
                          self.extractor.knowledge.gazetteer)
        self.references.resolve_block(doc, mentions, tokens)
        self.locator.locate(doc, words.content, mentions)
        _collect_names(doc, mentions, self.names)
        ctx = Context(self.extractor.knowledge.ontology, self.extractor.knowledge.lexicon, mentions,
                      self.extractor.knowledge.reporter_acts)
        sentences = sentence_numbers((s.start for s in block_sentences(doc)), self.sentences_before)
        gates = self.extractor.knowledge.pass_gates  # each pass walks only the words it can act at
        speakers, authors = speakers_and_authors(words.verbs, sentences, ctx, tokens, gates.speaking_verbs,
                                                 gates.issuing_verbs)
        self.memory = self.memory.hear(speakers).note_authors(authors)
        found = with_envoy_acts(gates.envoy_words(words.verbs, tokens),
                                list(block_candidates(words.content, ctx, tokens,
                                                     self.extractor.knowledge.verb_gates)), ctx)
        found = with_reproach_addressees(found, ctx)
        found = with_protest_demands(found, ctx)
        found = with_membership_exits(words.verbs, found, ctx, self.extractor.knowledge.exit_words)
        found = with_territory_acts(gates.territory_words(words.content, tokens), found, ctx,
                                    self.extractor.knowledge.gazetteer)
        found = with_force_posture(words.verbs, found, ctx, self.extractor.knowledge.posture_words)
        found = with_felt_reactions(words.verbs, found, ctx, self.extractor.knowledge.feeling_words)
        found = with_directives(words.verbs, found, ctx)
        found = with_symbol_protests(gates.symbol_words(words.verbs, tokens), found, ctx,
                                     self.extractor.knowledge.symbol_words, self.extractor.knowledge.gazetteer)
        told_before = len(self.events)
        for candidate in with_backoff(found, ctx):
            sentence = sentences[candidate.trigger.sent.start]
            candidate = resolve_ellipsis(resolve_reaction(candidate, self.memory, sentence, ctx), self.memory,
                                         sentence, ctx)
            candidate = doer_from_memory(candidate, self.memory, sentence, ctx)
            candidate = with_relation_partner(candidate, self.memory, sentence, ctx)
            candidate = with_retaliation_target(candidate, self.memory, sentence, ctx)
            candidate = with_holder_of_release(candidate, self.memory, sentence, ctx)
            candidate = with_noun_sense(candidate, ctx, self.extractor.knowledge.noun_sense_words)
            candidate = with_standing_state(candidate, ctx, self.extractor.knowledge.aspect_words)
            candidate = with_surface_reading(candidate, ctx, self.extractor.knowledge.surface_words)
            candidate = with_standing_relation(candidate, ctx, self.extractor.knowledge.standing_words)
            candidate = with_view_agreement(candidate, self.extractor.knowledge.agreement_words)
            candidate = with_goods_code(candidate, self.extractor.knowledge.goods_words)
            candidate = with_misreading_checked(candidate, ctx, self.extractor.knowledge.misreading_words)
            candidate = with_welcomed_thing(candidate, ctx, self.extractor.knowledge.welcome_words)
            candidate = without_verbal_clash(candidate, self.extractor.knowledge.clash_words)
            candidate = with_obstruction_code(candidate)
            candidate = with_own_object_target(candidate, ctx)
            candidate = with_mission_target(candidate, ctx)
            candidate = without_bare_statement(candidate, ctx)
            emitted = len(self.events)
            self.extractor._emit(self.article, block, candidate, mentions, self.events, self.drops, tokens.lowers)
            acts = remembered_acts(candidate, self.events[emitted:], sentence, ctx)
            self.memory = self.memory.remember(acts, sentence)
        self.references.note_acts((event.evidence[0].char_start, event.subject, event.object)
                                  for event in self.events[told_before:])
        self.sentences_before += len(sentences)
        del sentence_spans  # the block's sentence spans go now (they were kept while its rules ran)
        del entity_spans  # and its entity spans
        del arcs  # and its words and children
        del doc.user_data[ENTITIES_KEY]  # (dead weak references: nothing for a serialiser to meet)
        del doc.user_data[ARCS_KEY]
        del doc.user_data[SENTENCES_KEY]

    def finish(self) -> Extraction:
        named: dict[int, tuple[Actor, Actor]] = {}  # each actor object named once, not at every event of it
        merged = [with_aliases(event, self.names, named) for event in merge_events(self.events, self.drops)]
        if self.extractor.calibrate:
            merged, low = calibrated(merged, self.extractor.knowledge.confidence_model, self.extractor.min_confidence)
            self.drops.extend(low)
        return Extraction(self.article, tuple(merged), tuple(self.drops), self.warnings)


#: How much of an article's start is looked at for its warnings, so a 10 MB article costs no more.
_WARNING_SAMPLE_CHARS = 20_000


def _leading_spaces(doc: Doc) -> int:
    """How many spaces open the doc's text, read from its first words only (``doc.text`` would join
    every word of the block, a Token each, twice): once a word that is not all spaces is reached,
    the words after it cannot change the count."""
    opening = ""
    for token in doc:
        opening += token.text_with_ws
        if opening.lstrip(" "):
            break
    return len(opening) - len(opening.lstrip(" "))


def _text_warnings(text: str) -> tuple[TextWarning, ...]:
    """What limits extraction from this text: written in capitals (it is recased, block by block),
    or not English (it is extracted all the same, and will yield little)."""
    sample = text[:_WARNING_SAMPLE_CHARS]
    warnings = []
    if is_all_caps(sample):
        warnings.append(TextWarning.ALL_CAPS)
    if not looks_english(sample):
        warnings.append(TextWarning.NOT_ENGLISH)
    return tuple(warnings)


#: A run of white space, written as one space in a name.
_SPACES = re.compile(r"\s+")


def _collect_names(doc: Doc, mentions: dict[int, Mention], names: dict[str, set[str]]) -> None:
    """The surface forms that name each actor in a block ("Kovacs", "Janos Kovacs"), not its
    pronouns, titles, capitals or demonyms. Each mention object is read once (the table maps every
    token of a mention to it): by its identity, not by hashing its actor at every token."""
    read: set[int] = set()
    for mention in mentions.values():
        if mention.kind is not MentionKind.NAME or id(mention) in read:
            continue
        read.add(id(mention))  # (an equal mention of another object gives the same text, added again)
        tokens = list(block_words(doc)[mention.start : mention.end])  # (the block's own Token objects)
        if mention.actor.type is ActorType.PERSON and len(tokens) > 1:  # the name without its title
            tokens = [t for t in tokens if t.ent_type_ == "PERSON" and t.text not in ("'s", "\u2019s")]
        text = _SPACES.sub(" ", "".join(t.text_with_ws for t in tokens)).strip(" ,.")
        if text:
            names.setdefault(mention.actor.id, set()).add(text)


def with_aliases(event: Event, names: dict[str, set[str]], known: dict[int, tuple[Actor, Actor]] | None = None,
                 ) -> Event:
    """The event with each actor's aliases extended by the names the article used for it; ``known``
    keeps, by the actor object's id, each actor (kept so its id stays its own) with its named form, so
    that an actor object that takes part in several of an article's events is named once."""
    memo: dict[int, tuple[Actor, Actor]] = {} if known is None else known

    def named(actor: Actor) -> Actor:
        found = memo.get(id(actor))
        if found is not None:
            return found[1]
        seen = names.get(actor.id, set()) | set(actor.aliases)
        aliases = tuple(sorted(name for name in seen if name != actor.name))
        result = actor if aliases == actor.aliases else replace(actor, aliases=aliases)
        memo[id(actor)] = (actor, result)
        return result

    speaker = event.attributed_to
    subject, obj = named(event.subject), named(event.object)
    named_speaker = named(speaker) if speaker is not None else None
    if subject is event.subject and obj is event.object and named_speaker is speaker:
        return event  # no new alias: the same event, not a copy
    return replace(event, subject=subject, object=obj, attributed_to=named_speaker)


_FACTUAL = frozenset({Modality.ASSERTED, Modality.REPORTED})


def _merge_key(event: Event) -> tuple[str, ...]:
    subject, obj = event.subject.id, event.object.id
    if event.relation.reciprocal and obj < subject:
        subject, obj = obj, subject
    factuality = "factual" if event.modality in _FACTUAL else event.modality.value
    return (subject, event.relation.name, obj, event.polarity.value, factuality)


def _same_occasion(a: Event, b: Event) -> bool:
    """Two mentions can be one event unless both give different exact days."""
    return not (a.date_precision == "day" and b.date_precision == "day" and a.date != b.date)


@dataclass
class _Merged:
    """An event being merged: the combined event (with its first mention only) and every mention."""

    event: Event
    evidence: list[Evidence]
    seen: set[Evidence]


def merge_events(events: list[Event], drops: list[Drop]) -> list[Event]:
    """One event per actors, relation, polarity and factuality in an article, carrying every
    mention as evidence (headline, caption and body); mentions on different days stay apart.
    Linear in the mentions: an article repeating one event thousands of times stays fast."""
    merged: list[_Merged] = []
    by_key: dict[tuple[str, ...], list[_Merged]] = {}
    for event in events:
        same = by_key.setdefault(_merge_key(event), [])
        group = next((known for known in same if _same_occasion(known.event, event)), None)
        if group is None:
            group = _Merged(event, list(event.evidence), set(event.evidence))
            same.append(group)
            merged.append(group)
            continue
        if event.evidence[0] in group.seen:
            drops.append(Drop(DropReason.DUPLICATE, event.trigger, event.relation.name, event.sentence,
                              event.char_start, event.char_end, "same sentence"))
            continue
        group.event = replace(_combine(group.event, event), evidence=group.event.evidence)
        group.evidence.extend(event.evidence)
        group.seen.update(event.evidence)
    return [group.event if len(group.evidence) == 1 else replace(group.event, evidence=tuple(group.evidence))
            for group in merged]


def _combine(first: Event, other: Event) -> Event:
    known = {key for key, _ in first.attributes}
    attributes = tuple(sorted(set(first.attributes) | {(k, v) for k, v in other.attributes if k not in known}))
    # the event is as certain as its most direct mention, and attributed like that mention
    source = first if first.modality is Modality.ASSERTED or other.modality is not Modality.ASSERTED else other
    date, precision = first.date, first.date_precision
    if precision not in ("day",) and other.date_precision == "day":
        date, precision = other.date, other.date_precision
    return Event(
        article_id=first.article_id,
        subject=first.subject,
        relation=first.relation,
        object=first.object,
        polarity=first.polarity,
        modality=source.modality,
        attributed_to=source.attributed_to,
        date=date,
        date_precision=precision,
        evidence=first.evidence + other.evidence,
        confidence=max(first.confidence, other.confidence),
        extractor=first.extractor,
        trigger=first.trigger,
        attributes=attributes,
        # one mention found along the parse makes the event a dependency pairing
        pairing="dependency" if "dependency" in (first.pairing, other.pairing) else first.pairing,
    )


def drop_counts(extractions: Iterable[Extraction]) -> Counter[str]:
    """How many candidates were dropped, by reason."""
    counts: Counter[str] = Counter()
    for extraction in extractions:
        counts.update(drop.reason.value for drop in extraction.drops)
    return counts

"""The extractor: article text in, canonical actor–relation–actor events out."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extract.actors import ActorResolver, Mention, MentionKind
from extract.dates import event_date
from extract.extractor import RULES, extractor_id
from extract.gazetteer import Gazetteer, SurfaceIndex, load_gazetteer
from extract.knowledge_dir import DEFAULT_KNOWLEDGE_DIR, KnowledgeError, knowledge_digest, require_knowledge_dir
from extract.nlp import load_model
from extract.ontology import Lexicon, Ontology, load_lexicon, load_ontology
from extract.patterns import Candidate, Context, block_candidates, with_backoff
from extract.qualifiers import qualify
from extract.text import Block, is_title_case, recase_title, split_blocks
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
)

EXTRACTOR_NAME = RULES
# the rules' own version: raise it when the code changes what they extract (the knowledge files
# and the model are covered by the digest in the full version, see ``rules_version``)
RULES_VERSION = "0.2"
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

    @staticmethod
    def load(data_dir: Path = DEFAULT_KNOWLEDGE_DIR) -> Knowledge:
        """Read the knowledge files of ``data_dir``; a missing or malformed one raises a one-line
        ``KnowledgeError`` naming it."""
        require_knowledge_dir(data_dir)
        try:
            return Knowledge(
                load_gazetteer(data_dir),
                load_ontology(data_dir=data_dir),
                load_lexicon(data_dir / "lexicon.toml"),
                knowledge_digest(data_dir),
            )
        except OSError as error:
            raise KnowledgeError(f"{error.filename or data_dir}: cannot read the knowledge file "
                                 f"({error.strerror or error})") from error
        except ValueError as error:  # GazetteerError, OntologyError, TOML and UTF-8 errors
            if isinstance(error, KnowledgeError):
                raise
            message = " ".join(str(error).split())
            raise KnowledgeError(f"{data_dir}: malformed knowledge ({message})") from error


def rules_version(knowledge: Knowledge, nlp: Language) -> str:
    """``RULES_VERSION+k`` and a short sha256 of the knowledge digest and the spaCy model's name
    and version: any change to either gives a new version, so stored events get re-extracted."""
    meta = nlp.meta
    model = f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}"
    digest = hashlib.sha256(f"{knowledge.digest}\0{model}".encode()).hexdigest()
    return f"{RULES_VERSION}+k{digest[:8]}"


class RuleExtractor:
    """The rule pipeline: runs spaCy over article blocks and turns trigger words into events
    (an ``extract.extractor.Extractor``)."""

    def __init__(self, nlp: Language | None = None, knowledge: Knowledge | None = None) -> None:
        self.nlp = nlp or load_model()
        self.knowledge = knowledge or Knowledge.load()
        self.index = SurfaceIndex.build(
            self.knowledge.gazetteer, lambda text: [t.text for t in self.nlp.make_doc(text)]
        )
        self.name_words = frozenset(word for key in self.index.entries for word in key)
        self.name = EXTRACTOR_NAME
        self.version = rules_version(self.knowledge, self.nlp)
        self.label = extractor_id(self)  # what its events carry as their extractor

    def extract(self, article: Article) -> Extraction:
        """Extract one article."""
        return next(self.extract_many([article]))

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 64, n_process: int = 1
    ) -> Iterator[Extraction]:
        """Extract a stream of articles; memory stays bounded by the batch, not the corpus."""
        def blocks_of() -> Iterator[tuple[str, tuple[Article, Block, int, int]]]:
            for article in articles:
                blocks = split_blocks(article.text)
                if not blocks:
                    yield "", (article, Block("", 0), 0, 0)
                for number, block in enumerate(blocks):
                    text = recase_title(block.text, self.name_words) if is_title_case(block.text) else block.text
                    yield text, (article, block, number, len(blocks))

        current: Article | None = None
        docs: list[tuple[Block, Doc]] = []
        for doc, (article, block, number, total) in self.nlp.pipe(
            blocks_of(), as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            if current is not None and article is not current:
                yield self._article_extraction(current, docs)
                docs = []
            current = article
            if block.text:
                docs.append((block, doc))
            if number == total - 1 or total == 0:
                yield self._article_extraction(article, docs)
                docs = []
                current = None
        if current is not None:
            yield self._article_extraction(current, docs)

    def _article_extraction(self, article: Article, docs: list[tuple[Block, Doc]]) -> Extraction:
        resolver = ActorResolver(
            self.knowledge.gazetteer, self.index, self.knowledge.lexicon, article.date
        )
        events: list[Event] = []
        drops: list[Drop] = []
        names: dict[str, set[str]] = {}
        for block, doc in docs:
            mentions = resolver.resolve_block(doc)
            _collect_names(doc, mentions, names)
            ctx = Context(self.knowledge.ontology, self.knowledge.lexicon, mentions)
            for candidate in with_backoff(list(block_candidates(list(doc), ctx)), ctx):
                self._emit(article, block, candidate, mentions, events, drops)
        merged = [with_aliases(event, names) for event in merge_events(events, drops)]
        return Extraction(article, tuple(merged), tuple(drops))

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
    ) -> None:
        trigger = candidate.trigger
        sentence = trigger.sent
        start = block.start + sentence.start_char
        end = block.start + sentence.end_char
        text = block.text[sentence.start_char : sentence.end_char]  # the original casing
        relation = self.knowledge.ontology.relation(candidate.relation)
        if candidate.drop is not None:
            drops.append(Drop(candidate.drop, trigger.lemma_, relation.name, text, start, end, candidate.detail))
            return
        qualifiers = qualify(trigger, self.knowledge.lexicon)
        speaker: Actor | None = None
        if qualifiers.speaker is not None:
            mention = mentions.get(qualifiers.speaker.i)
            speaker = mention.actor if mention is not None else None
        date = event_date(trigger, article.date, qualifiers.future)
        for subject, obj in candidate.actor_pairs():
            relation = self._relation_for(candidate.relation, subject)
            if _acts_for(subject, obj) and relation.quad_class == 4:
                population = self.knowledge.gazetteer.population_actor(obj.id.removeprefix("country:"))
                if relation.cameo.startswith(PROTEST_ROOT):
                    # "Iraqi Kurds protested against the Iraqi government": its people protest against a state
                    subject = population
                else:
                    # "Turkish authorities imposed a curfew in Turkey": coercion of its own population
                    obj = population
            if subject.id == obj.id or _acts_for(subject, obj):
                drops.append(Drop(DropReason.SELF_LOOP, trigger.lemma_, relation.name, text, start, end, subject.id))
                continue
            events.append(
                Event(
                    article_id=article.id,
                    subject=subject,
                    relation=relation,
                    object=obj,
                    polarity=qualifiers.polarity,
                    modality=qualifiers.modality,
                    attributed_to=speaker,
                    date=date.iso,
                    date_precision=date.precision,
                    evidence=(Evidence(text, start, end),),
                    confidence=candidate.confidence,
                    extractor=self.label,
                    trigger=trigger.lemma_.lower(),
                    attributes=candidate.attributes,
                    pairing=candidate.pairing,
                )
            )


_STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})


def _acts_for(subject: Actor, state: Actor) -> bool:
    """The subject is the state itself or acts for it (its leaders, officials, army, police):
    "Putin warned that Moscow could ..." relates Russia to nothing outside it."""
    if state.type is not ActorType.COUNTRY:
        return False
    return subject.id == state.id or (subject.country == state.country and subject.sector in _STATE_SECTORS)


# the name this class had before the Extractor protocol (extract.extractor) existed
Extractor = RuleExtractor


def _collect_names(doc: Doc, mentions: dict[int, Mention], names: dict[str, set[str]]) -> None:
    """The surface forms that name each actor in a block ("Kovacs", "Janos Kovacs"), not its
    pronouns, titles, capitals or demonyms."""
    for mention in set(mentions.values()):
        if mention.kind is not MentionKind.NAME:
            continue
        tokens = list(doc[mention.start : mention.end])
        if mention.actor.type is ActorType.PERSON and len(tokens) > 1:  # the name without its title
            tokens = [t for t in tokens if t.ent_type_ == "PERSON" and t.text not in ("'s", "\u2019s")]
        text = re.sub(r"\s+", " ", "".join(t.text_with_ws for t in tokens)).strip(" ,.")
        if text:
            names.setdefault(mention.actor.id, set()).add(text)


def with_aliases(event: Event, names: dict[str, set[str]]) -> Event:
    """The event with each actor's aliases extended by the names the article used for it."""

    def named(actor: Actor) -> Actor:
        seen = names.get(actor.id, set()) | set(actor.aliases)
        aliases = tuple(sorted(name for name in seen if name != actor.name))
        return actor if aliases == actor.aliases else replace(actor, aliases=aliases)

    speaker = event.attributed_to
    return replace(event, subject=named(event.subject), object=named(event.object),
                   attributed_to=named(speaker) if speaker is not None else None)


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


def merge_events(events: list[Event], drops: list[Drop]) -> list[Event]:
    """One event per actors, relation, polarity and factuality in an article, carrying every
    mention as evidence (headline, caption and body); mentions on different days stay apart."""
    merged: list[Event] = []
    for event in events:
        key = _merge_key(event)
        index = next(
            (i for i, known in enumerate(merged) if _merge_key(known) == key and _same_occasion(known, event)),
            None,
        )
        if index is None:
            merged.append(event)
            continue
        first = merged[index]
        if event.evidence[0] in first.evidence:
            drops.append(Drop(DropReason.DUPLICATE, event.trigger, event.relation.name, event.sentence,
                              event.char_start, event.char_end, "same sentence"))
            continue
        merged[index] = _combine(first, event)
    return merged


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
        pairing=first.pairing if first.pairing == other.pairing else "dependency",
    )


def drop_counts(extractions: Iterable[Extraction]) -> Counter[str]:
    """How many candidates were dropped, by reason."""
    counts: Counter[str] = Counter()
    for extraction in extractions:
        counts.update(drop.reason.value for drop in extraction.drops)
    return counts

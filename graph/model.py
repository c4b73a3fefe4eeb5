"""The vocabulary shared by every layer: actors, relation types, articles, events, drops.

Everything here is a frozen dataclass with no behaviour beyond derived identifiers, so
extract/, loaders/ and the stores can exchange values without importing each other.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class ActorType(StrEnum):
    """What kind of real-world entity an actor is."""

    PERSON = "PERSON"
    COUNTRY = "COUNTRY"
    ORGANIZATION = "ORGANIZATION"
    GROUP = "GROUP"
    REGION = "REGION"


class Polarity(StrEnum):
    """Whether the text affirms or negates that the event happens."""

    AFFIRMED = "affirmed"
    NEGATED = "negated"


class Modality(StrEnum):
    """How the text commits to the event."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    INTENDED = "intended"
    HYPOTHETICAL = "hypothetical"


@dataclass(frozen=True)
class Actor:
    """A canonical real-world entity.

    ``id`` is stable across articles and runs (``person:viktor-orban``, ``country:HUN``,
    ``org:nato``). ``country`` is the ISO 3166 alpha-3 code of the state the actor acts for,
    or None for international and unknown actors. ``sector`` is a CAMEO-style role code
    (GOV, MIL, COP, REB, ...) and ``title`` the office the text gives a person; ``since`` and
    ``until`` bound that office when the gazetteer knows the term; ``aliases`` are the other
    names the gazetteer knows for the actor and the names articles used for it.
    """

    id: str
    name: str
    type: ActorType
    country: str | None = None
    sector: str | None = None
    title: str | None = field(default=None, compare=False)
    cameo: str | None = field(default=None, compare=False)
    since: str | None = field(default=None, compare=False)
    until: str | None = field(default=None, compare=False)
    aliases: tuple[str, ...] = field(default=(), compare=False)


def same_state(a: Actor, b: Actor) -> bool:
    """The same actor, or two actors of the same state."""
    return a.id == b.id or (a.country is not None and a.country == b.country)


@dataclass(frozen=True)
class RelationType:
    """One entry of the versioned ontology, aligned with CAMEO and PLOVER."""

    name: str
    cameo: str
    quad_class: int
    goldstein: float
    reciprocal: bool
    plover: str | None
    description: str
    edge: str = ""

    @property
    def edge_type(self) -> str:
        """The aggregated relationship type between two actors in the graph (``MET``)."""
        return self.edge or self.name


@dataclass(frozen=True)
class Article:
    """A source document. ``date`` is the publication date (ISO), when known. ``text_hash`` is
    set only on an article read back from a store, whose text is not kept: its stored hash."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    text_hash: str | None = None

    @staticmethod
    def content_id(text: str) -> str:
        """The id of an article with no canonical URL: a hash of its text."""
        return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class Evidence:
    """One place in an article that states an event."""

    sentence: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Event:
    """One actor–relation–actor triple with its provenance.

    ``attributes`` holds relation attributes (place, commodity, topic) as sorted pairs so the
    value stays hashable. ``pairing`` says how the actors were paired with the trigger:
    ``dependency`` (along the parse), ``backoff`` (by word order, at a lower confidence) or
    ``event_reference`` (a reaction to "the attack" aimed at the agent of the event it refers to)
    or ``pair_reference`` (along the parse, one side a pair reference such as "the two countries"
    resolved to the two actors just named, at a lower confidence).
    ``evidence`` lists every mention of the same event in the article; the first one also fills
    ``sentence``/``char_start``/``char_end``.
    """

    article_id: str
    subject: Actor
    relation: RelationType
    object: Actor
    polarity: Polarity
    modality: Modality
    attributed_to: Actor | None
    date: str | None
    date_precision: str
    evidence: tuple[Evidence, ...]
    confidence: float
    extractor: str
    trigger: str
    attributes: tuple[tuple[str, str], ...] = ()
    pairing: str = "dependency"

    @property
    def sentence(self) -> str:
        return self.evidence[0].sentence

    @property
    def char_start(self) -> int:
        return self.evidence[0].char_start

    @property
    def char_end(self) -> int:
        return self.evidence[0].char_end

    @property
    def id(self) -> str:
        """Deterministic id: article, first evidence span, relation and actors."""
        key = "|".join(
            (
                self.article_id,
                str(self.char_start),
                str(self.char_end),
                self.relation.name,
                self.subject.id,
                self.object.id,
                self.polarity.value,
            )
        )
        return "event:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


class DropReason(StrEnum):
    """Why a candidate triple was not emitted."""

    NO_SUBJECT = "no_subject"
    NO_OBJECT = "no_object"
    UNRESOLVED_REFERENCE = "unresolved_reference"
    SELF_LOOP = "self_loop"
    NOT_AN_ACTOR = "not_an_actor"
    UNQUALIFIED_AGENT = "unqualified_agent"  # "protesters" with no country, demonym or place
    BLOCKED_BY_GOVERNOR = "blocked_by_governor"
    DUPLICATE = "duplicate"
    NOT_AN_EVENT = "not_an_event"
    CONDITIONAL_TARGET = "conditional_target"  # a threat's condition names no party but its own speaker
    NO_HOST_STATE = "no_host_state"  # "recalled its ambassador" with no state it was posted in
    UNKNOWN_PLACE = "unknown_place"  # "seized the town of X" where no gazetteer places X in a state
    NO_EVENT_SENSE = "no_event_sense"  # the verb's object gives it a sense that is no event ("pay the price")
    STANDING_STATE = "standing_state"  # "Kuwait hosts a U.S. base": how things stand, no act (extract/aspect.py)
    # "demanded the release of X": aimed at whoever holds X, who is not named (extract/requested_acts.py)
    PATIENT_OF_REQUESTED_ACT = "patient_of_requested_act"
    # "closed its airspace, citing threats": a noun in a reason adjunct is no act of the clause's
    # subject (extract/reason_adjuncts.py)
    REASON_ADJUNCT = "reason_adjunct"
    # the calibrated probability that the triple is right is below the floor (extract/calibration.py)
    LOW_CONFIDENCE = "low_confidence"


class TextWarning(StrEnum):
    """Something about an article's text that limits what extraction can find in it."""

    ALL_CAPS = "all_caps"  # blocks written in capitals, recased before parsing
    NOT_ENGLISH = "not_english"  # too few English stop words: probably another language


@dataclass(frozen=True)
class Drop:
    """A candidate triple the extractor rejected, with a countable reason."""

    reason: DropReason
    trigger: str
    relation: str
    sentence: str
    char_start: int
    char_end: int
    detail: str = ""


@dataclass(frozen=True)
class Extraction:
    """What extraction produced for one article."""

    article: Article
    events: tuple[Event, ...]
    drops: tuple[Drop, ...]
    warnings: tuple[TextWarning, ...] = ()


@dataclass(frozen=True)
class CopyLink:
    """A near-duplicate article (the same story with small edits under another address), which
    is not extracted, and the first copy of the story, which was."""

    copy: Article
    original_id: str
    similarity: float

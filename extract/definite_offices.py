"""A definite office noun with no state refers back to the office named before with its state.

A rule of English definiteness: once an article has named an office or institution with its state
("Kenya's foreign minister", "Russia's defence ministry", "the Egyptian foreign ministry"), a later
"the foreign minister", "the minister" or "the ministry" with no state of its own refers back to
it — the definite article marks a referent the reader already knows. It takes that actor only
when the article has named exactly one state's office whose words end with the bare noun's words
("the ministry" matches "defence ministry"; "the foreign minister" does not match "defence
minister"); with two ("Kenya's foreign minister met Uganda's foreign minister. The foreign
minister said ...") English leaves the reference open, and it stays no actor.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from extract.block_index import block_sentences, block_words
from extract.gazetteer import Gazetteer, Role
from extract.mentions import BlockMentions, Mention, MentionKind
from extract.official_states import state_in_focus
from extract.role_spans import BlockRoles
from graph.model import Actor

_OFFICE_KINDS = frozenset({MentionKind.TITLE, MentionKind.GROUP})
#: Singular noun tags (the tagger may read a capitalised "Defence Ministry" as a proper noun).
_SINGULAR = frozenset({"NN", "NNP"})


@dataclass
class DefiniteOffices:
    """The singular offices one article has named with their state so far, by their words."""

    named: dict[tuple[str, ...], dict[str, Actor]] = field(default_factory=dict)
    #: the state of the article's wire dateline ("NAIROBI (Reuters) -"), if any
    dateline_state: str | None = None
    #: every state the article has named so far
    states_named: set[str] = field(default_factory=set)

    def note_dateline(self, gazetteer: Gazetteer, dateline: str) -> None:
        """Remember the state of the article's first dateline whose place (its first part, before
        a comma, slash or bracket) is a capital or a listed place of one state."""
        if self.dateline_state is not None:
            return
        place = dateline.replace("/", ",").replace("(", ",").split(",")[0].strip(" -\u2014\u2013:").title()
        self.dateline_state = gazetteer.places.get(place) or next(
            (iso3 for iso3, country in gazetteer.countries.items() if place in country.capitals), None)

    def resolve_block(self, doc: Doc, by_token: BlockMentions, roles: BlockRoles, gazetteer: Gazetteer,
                      subject_before_block: Actor | None = None, descriptions: Collection[str] = ()) -> None:
        """In text order: remember each singular office named with a state, and give each
        definite office noun with no actor the one state's office named before with its words,
        else a government office the dateline's state when no other state is in play, else the
        state the text is centred on (the state subject of the sentence before, extract/official_states.py;
        ``subject_before_block`` for the block's first sentence). Nouns that describe a state or
        organisation (``descriptions``: "the kingdom") are left to extract/description_reference.py."""
        heads = roles_heads(roles)
        sentence_states: dict[int, set[str]] = {}
        by_index = block_words(doc)  # the block's own Token objects (``doc[i]`` makes one at each asking)
        for named in by_token.values():
            if named.actor.country:
                sentence_states.setdefault(by_index[named.start].sent.start, set()).add(named.actor.country)
        for i in sorted(heads):
            head = by_index[i]
            mention = by_token.get(i)
            if mention is not None:
                if mention.kind in _OFFICE_KINDS and mention.actor.country and head.tag_ in _SINGULAR \
                        and mention.end == i + 1 and _state_before(doc, mention, office_words(head)):
                    self.named.setdefault(office_words(head), {})[mention.actor.id] = mention.actor
                continue
            if not _definite_singular(head):
                continue
            in_play = self.states_named.union(*(states for start, states in sentence_states.items()
                                                if start <= head.sent.start))
            words = office_words(head)
            actor = self._only(words) or self._dateline_office(gazetteer, roles, i, in_play)
            # several antecedents leave it open; a description ("the kingdom") is not an office
            if actor is None and not self._candidates(words) and head.lemma_.lower() not in descriptions:
                actor = _focus_office(gazetteer, roles, head, by_token, subject_before_block)
            if actor is not None:
                first = min(t.i for t in head.lefts)
                for j in range(first, i + 1):
                    by_token[j] = Mention(first, i + 1, actor, MentionKind.DESCRIPTION)
        self.states_named.update(state for states in sentence_states.values() for state in states)

    def _dateline_office(self, gazetteer: Gazetteer, roles: BlockRoles, head: int, in_play: set[str]) -> Actor | None:
        """The dateline's state for a government office (sector GOV) when no other state is in play."""
        state = self.dateline_state
        role = _role_ending_at(roles, head)
        if state is None or role is None or role.sector != "GOV" or not in_play <= {state}:
            return None
        return gazetteer.country_actor(state)

    def _only(self, words: tuple[str, ...]) -> Actor | None:
        """The one actor named with an office whose words end with ``words``, else None."""
        actors = self._candidates(words)
        return next(iter(actors.values())) if len(actors) == 1 else None

    def _candidates(self, words: tuple[str, ...]) -> dict[str, Actor]:
        """The actors named with an office whose words end with ``words``, by id."""
        return {
            actor_id: actor
            for named, found in self.named.items() if named[-len(words):] == words
            for actor_id, actor in found.items()
        }


def _focus_office(gazetteer: Gazetteer, roles: BlockRoles, head: Token, by_token: BlockMentions,
                  subject_before_block: Actor | None) -> Actor | None:
    """The state in focus for a government office (sector GOV): "Kenya said ... The ministry ..."."""
    role = _role_ending_at(roles, head.i)
    if role is None or role.sector != "GOV":
        return None
    state = state_in_focus(head, list(block_sentences(head.doc)), by_token, subject_before_block)
    return gazetteer.country_actor(state) if state is not None else None


def _role_ending_at(roles: BlockRoles, head: int) -> Role | None:
    """The role term of the block whose last word is ``head``, if any."""
    return next((r for end, r in roles.starting.values() if end == head + 1), None)


def _state_before(doc: Doc, mention: Mention, words: tuple[str, ...]) -> bool:
    """The mention names its state before the office words ("Kenya's foreign minister", "the Egyptian
    ministry"), not only by a phrase after them ("the court in The Hague" names where it sits)."""
    office_start = mention.end - len(words)
    return any(t.pos_ != "DET" for t in doc[mention.start:office_start])


def roles_heads(roles: BlockRoles) -> frozenset[int]:
    """The last token of every role term of a block."""
    return frozenset(end - 1 for end, _ in roles.starting.values())


def office_words(head: Token) -> tuple[str, ...]:
    """An office noun's lower-case words: the head's lemma and the common nouns and adjectives
    written in lower case right before it ("foreign minister", "defence ministry")."""
    words = [head.lemma_.lower()]
    i = head.i - 1
    while i >= head.sent.start:
        token = head.doc[i]
        if token.pos_ not in ("NOUN", "ADJ") or not token.text[:1].islower() or token.head.i != head.i:
            break
        words.insert(0, token.lower_)
        i -= 1
    return tuple(words)


def _definite_singular(head: Token) -> bool:
    """A singular common noun whose first word is "the" and has nothing before its own office
    words but that article ("the foreign minister", not "the former foreign minister's")."""
    if head.tag_ != "NN":
        return False
    lefts = [t for t in head.lefts]
    if not lefts or lefts[0].lower_ != "the" or lefts[0].dep_ != "det":
        return False
    modifiers = lefts[1:]
    return all(t.pos_ in ("NOUN", "ADJ") and t.text[:1].islower() for t in modifiers) and (
        len(modifiers) == len(office_words(head)) - 1
    )

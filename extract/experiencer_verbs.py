"""Verbs of feeling in the passive: the one who feels reacts to the one who caused the feeling.

"Seoul was encouraged by Pyongyang's offer", "Ankara was angered by Washington's decision": the
subject of a passive verb of feeling (the "amuse" class of English psychological verbs) is the one
who feels, and the "by" phrase names the cause, not an agent acting on the subject. The event runs
from the one who feels to the actor of the cause, coded as the feeling's class says (glad 051,
displeased 110, uneasy 012; the OEDA verb dictionary codes these feelings so). The candidate the
ordinary patterns made at the verb ("encourage" read as praise by the "by" actor) becomes a
``duplicate`` of this reading. Words in ``experiencer_verbs.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Token

from extract.block_index import children_of
from extract.data_tables import load_word_table
from extract.ontology import Trigger
from extract.patterns import Candidate, Context, coded_verb_candidate
from extract.spanning_acts import SpanningAct, with_spanning_acts
from graph.model import DropReason

_PASSIVE_SUBJECT = "nsubjpass"
#: A side missing from the passive reading is the other side of the feeling.
_TURNED = {DropReason.NO_SUBJECT: DropReason.NO_OBJECT, DropReason.NO_OBJECT: DropReason.NO_SUBJECT}
_AGENT = "agent"


class ExperiencerVerbsError(ValueError):
    """A malformed ``experiencer_verbs.toml``."""


@dataclass(frozen=True)
class FeelingWords:
    """The CAMEO code of each verb of feeling, by lemma."""

    codes: Mapping[str, str]


def load_feeling_words(path: Path) -> FeelingWords:
    """Read ``experiencer_verbs.toml``; a feeling without a code or verbs, or a verb in two feelings,
    raises a one-line error naming the file."""
    table = load_word_table(path, ExperiencerVerbsError)
    feelings = table.entries.get("feeling")
    if not isinstance(feelings, list) or not feelings:
        raise ExperiencerVerbsError(f"{path}: needs [[feeling]] tables, got {feelings!r}")
    codes: dict[str, str] = {}
    for n, feeling in enumerate(feelings, 1):
        entry = feeling if isinstance(feeling, dict) else {}
        code, verbs = entry.get("code"), entry.get("verbs")
        if not isinstance(code, str) or not code.isdigit() or not isinstance(verbs, list) or not verbs:
            raise ExperiencerVerbsError(f"{path}: feeling {n} needs a CAMEO code string and a list of verbs")
        for verb in (str(word).lower() for word in verbs):
            if verb in codes:
                raise ExperiencerVerbsError(f"{path}: verb {verb!r} is in two feelings")
            codes[verb] = code
    return FeelingWords(codes)


def with_felt_reactions(
    verbs: Iterable[Token], candidates: list[Candidate], ctx: Context, words: FeelingWords
) -> list[Candidate]:
    """The candidates with the reaction of every passive verb of feeling with a "by" cause added,
    and the candidate made at that verb turned into a drop (``duplicate``)."""
    acts = [act for verb in verbs for act in _reaction_at(verb, ctx, words)]
    return with_spanning_acts(candidates, acts)


def _turned(drop: DropReason | None) -> DropReason | None:
    return None if drop is None else _TURNED.get(drop, drop)


def _reaction_at(verb: Token, ctx: Context, words: FeelingWords) -> Iterator[SpanningAct]:
    code = words.codes.get(verb.lemma_.lower())
    if code is None or verb.pos_ != "VERB":
        return
    children = children_of(verb)
    if not any(c.dep_ == _PASSIVE_SUBJECT for c in children) or not any(c.dep_ == _AGENT for c in children):
        return
    relation = ctx.ontology.relation_for_code(code)
    # read as the passive it is (the cause as agent, the one who feels as object), then turned round
    read = coded_verb_candidate(verb, Trigger(verb.lemma_.lower(), "VERB", relation.name, None, (), None), ctx)
    attributes = read.attributes if code == relation.cameo else tuple(sorted({*read.attributes, ("cameo", code)}))
    felt = replace(read, subjects=read.objects, objects=read.subjects, attributes=attributes,
                   pairs=tuple((o, s) for s, o in read.pairs), drop=_turned(read.drop))
    yield SpanningAct(felt, frozenset({verb.i}))

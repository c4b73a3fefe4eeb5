"""An actor conveyed is not the recipient ("sent Syrian fighters to the region").

A rule of English: the direct object of a verb of conveying ("send", "dispatch", "ship": lexicon
``conveying_verbs``) is what is conveyed; whom it goes to is the object of "to" or the indirect object
("sent Ukraine tanks"). Fighters, troops or a delegation named as that direct object are the thing sent,
so an aid or transfer event whose only object they are has no recipient: "Turkey sent Syrian fighters to
the region" is no aid to Syria. Such a candidate is dropped as ``no_object``; one whose object comes
from a "to" phrase or an indirect object is left as it is.
"""

from __future__ import annotations

from dataclasses import replace

from extract.block_index import children_of
from extract.patterns import Candidate, Context, actors_of
from graph.model import DropReason


def without_conveyed_recipient(candidate: Candidate, ctx: Context) -> Candidate:
    """The candidate, dropped when its only objects are the actors its conveying verb's direct object names."""
    trigger = candidate.trigger
    if (candidate.drop is not None or not candidate.objects or trigger.pos_ != "VERB"
            or trigger.lemma_.lower() not in ctx.lexicon.conveying_verbs):
        return candidate
    conveyed = [child for child in children_of(trigger) if child.dep_ == "dobj"]
    sent = {actor.id for child in conveyed for actor in actors_of(child, ctx)}
    if not sent or not {actor.id for actor in candidate.objects} <= sent:
        return candidate
    detail = f"'{conveyed[0].text}' is what '{trigger.lemma_.lower()}' conveys, not its recipient"
    return replace(candidate, objects=(), confidence=0.0, drop=DropReason.NO_OBJECT, detail=detail)

"""References back with two equally salient referents: no actor is guessed.

A rule of English discourse: a definite description ("the country", "the kingdom") or a pair
reference ("the two countries") refers to the actor or pair under discussion, and a writer uses it
only when one is. Where the latest sentence that names any fitting referent names two of them with
equal standing, the reader cannot tell which is meant:

* "Serbia accused Kosovo of provoking violence. The country also criticised ..." names two states,
  subject and object, in the sentence before "the country" (a description, not "it", is what a writer
  uses to leave the subject, so the subject is no safer a guess than the latest-named object); within
  the description's own sentence its clause tells the referent apart, as before;
* "Ethiopia and Eritrea traded accusations, while Sudan and South Sudan held talks. The two countries
  signed ..." put together two pairs with no state in common in one sentence.

Such a reference is left unresolved (its events drop as ``unresolved_reference``) rather than given
the latest-named candidate. One candidate in the latest sentence that names any, or two pairs that share
an actor ("Egypt and Sudan accused Ethiopia": the coordinated pair and the pairs of the accusation), is
no ambiguity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from graph.model import Actor


def rival_referents(
    sentences_recent_first: Iterable[Sequence[Actor]], fitting: Callable[[Actor], Actor | None],
) -> bool:
    """Whether the latest sentence before the reference's own (``sentences_recent_first``: each
    sentence's actors, the reference's own sentence first) with an actor that ``fitting`` maps to a
    referent gives two or more distinct referents. A referent in the reference's own sentence is
    told apart by its clause ("severed ties with Qatar, accusing the Gulf state": not the subject
    of its own clause), so there is no rivalry then."""
    for position, actors in enumerate(sentences_recent_first):
        found = {candidate.id for actor in actors if (candidate := fitting(actor)) is not None}
        if found:
            return position > 0 and len(found) > 1
    return False


def rival_pairs(
    sentences_recent_first: Iterable[Sequence[tuple[Actor, Actor]]], usable: Callable[[Actor], Actor | None],
) -> bool:
    """Whether the latest sentence (``sentences_recent_first``: each sentence's dyads, the reference's
    own sentence first) that put together a pair of usable actors put together two pairs with no actor
    in common."""
    for dyads in sentences_recent_first:
        pairs = []
        for earlier, later in dyads:
            first, second = usable(earlier), usable(later)
            if first is not None and second is not None and first.id != second.id:
                pairs.append(frozenset({first.id, second.id}))
        if pairs:
            return any(not (one & other) for one in pairs for other in pairs)
    return False

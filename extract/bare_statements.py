"""A public statement with no content is no event by itself.

CAMEO's 010 (Make statement, not specified below) is what a speech or naming verb codes when
nothing in the sentence says what was said of the other actor: "commented on the talks",
"described the visit as long". A speech verb is no event by itself (say, tell, announce), and
neither is such a statement: the act is in what it says (a criticism, praise, an appeal), which
the other passes code when the sentence gives it. The more specific codes of root 01 (declining
to comment, an empathetic comment, a symbolic act) stay events.
"""

from __future__ import annotations

from dataclasses import replace

from extract.patterns import Candidate, Context
from graph.model import DropReason

#: How such a drop's detail begins, for a reader counting them.
BARE_STATEMENT_DETAIL = "a statement with no content"


def without_bare_statement(candidate: Candidate, ctx: Context) -> Candidate:
    """The candidate dropped as ``NOT_AN_EVENT`` when its code is the unspecified statement
    (speech_acts.toml ``statement_code``); else as it was."""
    if candidate.drop is not None:
        return candidate
    code = dict(candidate.attributes).get("cameo", ctx.ontology.relation(candidate.relation).cameo)
    if code != ctx.ontology.speech_acts.naming.statement_code:
        return candidate
    return replace(candidate, drop=DropReason.NOT_AN_EVENT,
                   detail=f"{BARE_STATEMENT_DETAIL} ('{candidate.trigger.lemma_.lower()}', CAMEO {code})")

"""Refusing to comment: "Thailand declined to comment on Myanmar's election" (CAMEO 011, decline
comment).

The rule of CAMEO practice: refusing to comment is itself a public statement, coded 011 (the OEDA
verb dictionary's REFUSE * COMMENT [011], in the block of refusing verbs), not a comment that was
not made, and not a rejection (12) of the party the comment would be about. So a statement (010)
governed as an infinitive by a verb of refusing (speech_acts.toml ``refusal.refusing_verbs``) is
the refusing verb's act, coded 011, aimed at what the comment would be on."""

from __future__ import annotations

from dataclasses import replace

from extract.patterns import Candidate, Context

#: CAMEO 011 "Decline comment"; what is declined is speech_acts.toml's ``statement_code``, 010 "Make
#: statement, not specified below".
DECLINE_COMMENT_CODE = "011"


def as_declined_comment(candidate: Candidate, ctx: Context) -> Candidate:
    """The candidate as the refusal to comment it is, at the refusing verb; unchanged otherwise."""
    verb = candidate.trigger
    if candidate.drop is not None or verb.pos_ != "VERB" or verb.dep_ != "xcomp":
        return candidate
    if ctx.ontology.relation(candidate.relation).cameo != ctx.ontology.speech_acts.naming.statement_code:
        return candidate
    governor = verb.head
    if governor.lemma_.lower() not in ctx.ontology.speech_acts.refusal.refusing_verbs:
        return candidate
    attributes = tuple(sorted({*(a for a in candidate.attributes if a[0] != "cameo"), ("cameo", DECLINE_COMMENT_CODE)}))
    return replace(candidate, trigger=governor, attributes=attributes)

"""Threats and warnings as CAMEO codes them: readers of the parse that find the threatening word
governing an act, the conditions of a threatened act and what a warning's clause says."""

from __future__ import annotations

from spacy.tokens import Token

from extract.block_index import children_of
from extract.clause_scope import clause_top
from extract.phrase_heads import object_governor
from extract.speech_acts import Threats
from extract.verb_forms import is_passive, is_to_infinitive

_VERBS = frozenset({"VERB", "AUX"})
#: Modals of a clause that states what its subject will do: "warned that it would strike X".
FUTURE_MODALS = frozenset({"will", "would", "shall", "'ll", "wo"})
#: The relation of a threat (CAMEO 13).
THREATEN_RELATION = "THREATEN"


def _act_verb(trigger: Token) -> Token | None:
    """The verb that states the act at a trigger: the trigger itself, or the verb whose object it
    is ("impose sanctions on X", "launch strikes against X")."""
    if trigger.pos_ in _VERBS:
        return trigger
    head = object_governor(trigger)
    return head if head is not None and head.pos_ in _VERBS and head != trigger else None


def _governed_clause(trigger: Token) -> tuple[Token, Token] | None:
    """The top of the clause the act at ``trigger`` is told in and the word governing that clause
    ("threatened [to attack X]", "its pledge [to impose sanctions]"); None when the clause is the
    sentence's own."""
    verb = _act_verb(trigger)
    if verb is None:
        return None
    top = clause_top(verb)
    return None if top.head == top else (top, top.head)


def threatening_governor(trigger: Token, threats: Threats) -> Token | None:
    """The word that threatens the act at ``trigger``: a threatening verb or noun whose infinitive
    states the act ("threatened to attack X", "threatened to impose sanctions on X", "its threat
    to cut ties with X"), or a threatening or warning verb whose clause says its speaker will do
    the act ("warned that it would strike X"; the caller checks that the subjects are one), or a
    threatening verb whose object is the act ("threatened sanctions against X")."""
    if trigger.pos_ not in _VERBS and trigger.dep_ == "dobj" and _is_threatening_verb(trigger.head, threats):
        return trigger.head
    governed = _governed_clause(trigger)
    if governed is None:
        return None
    top, governor = governed
    lemma = governor.lemma_.lower()
    if top.dep_ == "xcomp" and governor.pos_ in _VERBS and lemma in threats.verbs:
        return governor
    if top.dep_ == "acl" and governor.pos_ == "NOUN" and lemma in threats.nouns and is_to_infinitive(top):
        return governor
    stated = top.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in children_of(top))
    if stated and governor.pos_ in _VERBS and lemma in threats.verbs | threats.warning_verbs:
        return governor
    return None


def intending_governor(trigger: Token, threats: Threats) -> Token | None:
    """The word stating its subject's intention to do the act at ``trigger``: an intention verb or
    noun whose infinitive states the act ("vowed to attack X", "its pledge to impose sanctions on
    X"), an intention verb whose clause says its subject will do it ("pledged that it would strike
    X") or whose object is the act ("promised sanctions against X")."""
    head = trigger.head
    if trigger.pos_ not in _VERBS and trigger.dep_ == "dobj" and head.lemma_.lower() in threats.intention_verbs:
        return head if head.pos_ in _VERBS else None
    governed = _governed_clause(trigger)
    if governed is None:
        return None
    top, governor = governed
    lemma = governor.lemma_.lower()
    if top.dep_ == "xcomp" and governor.pos_ in _VERBS and lemma in threats.intention_verbs:
        return governor if is_to_infinitive(top) else None
    if top.dep_ == "acl" and governor.pos_ == "NOUN" and lemma in threats.intention_nouns:
        return governor if is_to_infinitive(top) else None
    if top.dep_ == "ccomp" and _has_future_modal(top) and governor.pos_ in _VERBS:
        return governor if lemma in threats.intention_verbs else None
    return None


def stating_governor(trigger: Token, stating_verbs: frozenset[str]) -> Token | None:
    """The verb announcing what its speaker will do in its clause ("said it would cut ties"), for
    the act at ``trigger``."""
    governed = _governed_clause(trigger)
    if governed is None:
        return None
    top, governor = governed
    if top.dep_ != "ccomp" or governor.pos_ not in _VERBS or not _has_future_modal(top):
        return None
    return governor if governor.lemma_.lower() in stating_verbs else None


def _has_future_modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in children_of(verb))


def is_negated_act(trigger: Token) -> bool:
    """The act at ``trigger`` is negated in its own clause: "vowed not to attack X", "said it
    would never strike X"."""
    verb = _act_verb(trigger)
    return verb is not None and any(c.dep_ == "neg" for c in (*children_of(verb), *children_of(clause_top(verb))))


def condition_clauses(holders: list[Token], markers: frozenset[str]) -> list[Token]:
    """The conditions ("if"/"unless" clauses) set on any of ``holders``. A concessive "even if"
    clause (the act holds whatever it says) and a comparing "as if" clause set none."""
    return [
        clause
        for holder in holders
        for clause in children_of(holder)
        if clause.dep_ == "advcl" and _is_condition(clause, markers)
    ]


def _is_condition(clause: Token, markers: frozenset[str]) -> bool:
    marks = [c.lower_ for c in children_of(clause) if c.dep_ == "mark"]
    concessive = any(c.dep_ == "advmod" and c.lower_ == "even" for c in children_of(clause))
    return bool(marks) and all(m in markers for m in marks) and not concessive


def condition_agents(clause: Token) -> list[Token]:
    """Whose conduct a condition names: the subject of an active clause ("unless Iran withdraws"),
    the agent of a passive one ("if the dam is attacked by Sudan"); a passive's patient is not
    ("if it is attacked")."""
    if is_passive(clause):
        return [
            pobj
            for agent in children_of(clause)
            if agent.dep_ == "agent"
            for pobj in children_of(agent)
            if pobj.dep_ == "pobj"
        ]
    return [c for c in children_of(clause) if c.dep_ == "nsubj"]


def act_holders(trigger: Token, governor: Token) -> list[Token]:
    """The governor and the verbs from the act at ``trigger`` up to it: where a condition on the
    threatened act or on its threat hangs."""
    holders = [governor]
    verb = _act_verb(trigger)
    while verb is not None and verb != governor and verb not in holders:
        holders.append(verb)
        verb = verb.head if verb.head != verb else None
    return holders


def stated_act(governor: Token) -> Token | None:
    """The act a governor states its subject will do: its infinitive ("vowed to retaliate"), or
    the verb of its clause with a future modal ("warned that it would retaliate")."""
    found = infinitive_act(governor)
    if found is not None or governor.pos_ not in _VERBS:
        return found
    for child in children_of(governor):
        if child.dep_ == "ccomp" and child.pos_ in _VERBS and _has_future_modal(child):
            return child
    return None


def consequence_warned_of(governor: Token, threats: Threats) -> Token | None:
    """The consequence a warning is of: "warned of grave consequences", "cautioned of retaliation"."""
    for prep in children_of(governor):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in children_of(prep):
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in threats.consequence_nouns:
                    return pobj
    return None


def _is_threatening_verb(token: Token, threats: Threats) -> bool:
    return token.pos_ in _VERBS and token.lemma_.lower() in threats.verbs


def threat_instrument(verb: Token, threats: Threats) -> Token | None:
    """What a threatening verb threatens its object with: "threatened X with sanctions"."""
    if not _is_threatening_verb(verb, threats):
        return None
    for prep in children_of(verb):
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for pobj in children_of(prep):
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def is_clause_act(trigger: Token, governor: Token) -> bool:
    """Whether the act at ``trigger`` is stated in a clause of ``governor`` ("warned that it
    would ...") rather than in its infinitive."""
    verb = _act_verb(trigger)
    return verb is not None and clause_top(verb).dep_ == "ccomp" and clause_top(verb).head == governor


def condition_subjects(trigger: Token, governor: Token, markers: frozenset[str]) -> list[Token]:
    """Subjects of the conditions set on a threatened act or on its threat ("threatened sanctions
    if Turkey buys missiles", "threatened to strike unless Iran withdraws")."""
    return [
        subject
        for clause in condition_clauses(act_holders(trigger, governor), markers)
        for subject in children_of(clause)
        if subject.dep_ in ("nsubj", "nsubjpass")
    ]


def infinitive_act(governor: Token) -> Token | None:
    """The act a threatening verb or noun takes in its infinitive ("threatened to retaliate")."""
    for child in children_of(governor):
        if child.dep_ in ("xcomp", "acl") and child.pos_ in _VERBS and is_to_infinitive(child):
            return child
    return None


def is_plight_clause(clause: Token, threats: Threats) -> bool:
    """A clause that says its subject faces or suffers something other than the consequences of
    its acts: "(that) X faces a famine", not "X would face consequences" or "X will pay a price"."""
    if clause.lemma_.lower() not in threats.consequence_verbs:
        return False
    objects = [c for c in children_of(clause) if c.dep_ == "dobj"]
    return bool(objects) and not any(c.lemma_.lower() in threats.consequence_nouns for c in objects)

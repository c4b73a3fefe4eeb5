"""Role terms ("prime minister", "foreign ministry", "troops") found in one parsed block."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from extract.block_index import BlockTokens
from extract.gazetteer import Role, RoleTerms

#: Titles of a head of state or government: what "leader" of a state means.
HEAD_ROLES = frozenset({"president", "prime minister", "chancellor", "supreme leader", "king", "leader"})


@dataclass(frozen=True)
class BlockRoles:
    """The role terms of a block, looked up by the words' lower case or lemma ("ministers")."""

    terms: RoleTerms
    lowers: tuple[str, ...]
    lemmas: tuple[str, ...]
    starting: Mapping[int, tuple[int, Role]] = field(default_factory=dict)  # ``at`` of every index with a term

    @classmethod
    def of(cls, tokens: BlockTokens, terms: RoleTerms) -> BlockRoles:
        """The role terms of the block whose words ``tokens`` gives."""
        first_words = terms.longest_from  # most words begin no term: only those that do are looked up
        lowers, lemmas = tokens.lowers, tokens.lemmas
        starting = {i: at for i, (lower, lemma) in enumerate(zip(lowers, lemmas, strict=True))
                    if (lower in first_words or lemma in first_words)
                    and (at := _longest_term_at(terms, lowers, lemmas, i)) is not None}
        return cls(terms, lowers, lemmas, starting)  # made once, with its terms (not made and then replaced)

    def starts(self) -> tuple[int, ...]:
        """The indices at which a role term starts, in text order."""
        return tuple(sorted(self.starting))

    def at(self, index: int) -> tuple[int, Role] | None:
        """The longest role term starting at ``index``: (end, role)."""
        return self.starting.get(index)

    def ending_at(self, end: int) -> tuple[int, Role] | None:
        """The longest role term that ends just before ``end``: (start, role)."""
        for n in range(self.terms.longest, 0, -1):
            start = end - n
            if start < 0:
                continue
            found = self.at(start)
            if found is not None and found[0] == end:
                return start, found[1]
        return None


def _longest_term_at(
    terms: RoleTerms, lowers: tuple[str, ...], lemmas: tuple[str, ...], index: int,
) -> tuple[int, Role] | None:
    """The longest role term starting at word ``index`` of the words ``lowers`` (lower case) and
    ``lemmas``, by either form: (end, role)."""
    longest_from = terms.longest_from
    longest = max(longest_from.get(lowers[index], 0), longest_from.get(lemmas[index], 0))
    if not longest:
        return None
    for n in range(min(longest, len(lowers) - index), 0, -1):
        role = terms.terms.get(lowers[index : index + n]) or terms.terms.get(lemmas[index : index + n])
        if role is not None:
            return index + n, role
    return None


def is_group_noun(terms: RoleTerms, word: str) -> bool:
    """A group noun that may trail an organisation's name ("TPLF fighters")."""
    role = terms.terms.get((word.lower(),))
    return role is not None and role.kind == "GROUP"


def with_office_modifier(doc: Doc, role_start: int, role: Role, office_modifiers: Collection[str]) -> tuple[int, Role]:
    """A title after a modifier that changes the office ("vice", "deputy", "acting",
    "former", "ex-": lexicon ``office_modifiers``) is another office, with the same sector:
    its holder is not the holder of the unmodified title. Returns where the title starts."""
    if role.kind != "TITLE":
        return role_start, role
    modifiers: list[str] = []
    i = role_start - 1
    while i >= 0:
        word = doc[i].lower_
        if word in office_modifiers:
            modifiers.insert(0, word)
        elif not (word == "-" and i > 0 and doc[i - 1].lower_ in office_modifiers):
            break  # "ex-president": the hyphen joins the modifier to the title
        i -= 1
    if not modifiers:
        return role_start, role
    if i >= 0 and doc[i].lower_ in ("first", "second"):
        modifiers.insert(0, doc[i].lower_)  # "first deputy prime minister"
        i -= 1
    words = " ".join(modifiers)
    return i + 1, replace(role, term=f"{words} {role.term}", role=f"{words} {role.role}")

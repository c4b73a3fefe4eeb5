"""Actors of one article that no gazetteer knows: their canonical names, ids and spellings."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from extract.gazetteer import fold
from graph.model import Actor, ActorType

DETERMINERS = frozenset({"the", "a", "an"})
FUZZY_SAME_NAME = 0.9  # difflib ratio above which two names of one type are one actor in an article


def normalised_name(text: str, group_noun: Callable[[str], bool]) -> tuple[str, tuple[str, ...]]:
    """The canonical name of an actor no gazetteer knows and the acronyms it gives: without
    leading determiners, a possessive ending or a trailing lower-case group noun ("the TPLF's
    fighters" -> "TPLF"); an acronym in parentheses becomes an alias ("Tigray People's Liberation Front
    (TPLF)" -> aliases ("TPLF",))."""
    aliases = tuple(a.strip() for a in re.findall(r"\(([^()]+)\)", text) if a.strip())
    text = re.sub(r"\s*\([^()]*\)", " ", text)
    words = re.sub(r"\s+", " ", text).strip(" ,.;:").split(" ")
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if len(words) > 1 and words[-1].islower() and group_noun(words[-1]):
        words = words[:-1]  # a lower-case group noun is not part of the name ("Liberation Army" is)
    if words:
        words[-1] = without_possessive(words[-1])
    return " ".join(w for w in words if w), aliases


@dataclass
class UnknownActors:
    """The actors of one article that no gazetteer knows, by folded name and alias: a later
    name of the same type that is equal, an alias, or a close spelling (difflib ratio >=
    FUZZY_SAME_NAME) is the same actor; one name never gets two types."""

    actors: dict[str, Actor] = field(default_factory=dict)

    def find(self, actor_type: ActorType, name: str, aliases: tuple[str, ...] = ()) -> Actor | None:
        keys = [_name_key(n) for n in (name, *aliases) if _name_key(n)]
        for key in keys:
            known = self.actors.get(key)
            if known is not None and _same_kind(known.type, actor_type):
                return known
        if not keys or len(keys[0]) < 6:
            return None  # short names and acronyms match exactly or not at all
        best: tuple[float, str] | None = None
        for key, actor in self.actors.items():
            if not _same_kind(actor.type, actor_type) or len(key) < 6:
                continue
            ratio = difflib.SequenceMatcher(None, keys[0], key).ratio()
            if ratio >= FUZZY_SAME_NAME and (best is None or ratio > best[0]):
                best = (ratio, key)
        return self.actors[best[1]] if best is not None else None

    def add(self, actor: Actor, names: tuple[str, ...]) -> None:
        for name in names:
            key = _name_key(name)
            if key:
                self.actors.setdefault(key, actor)


def _same_kind(known: ActorType, wanted: ActorType) -> bool:
    """Persons are one kind of name; organisations and armed groups (a group the gazetteer
    knows, an organisation it does not) another."""
    return (known is ActorType.PERSON) == (wanted is ActorType.PERSON)


def without_possessive(word: str) -> str:
    """A word without its possessive ending, in any case ("TPLF's", "MOVEMENT'S", "Fighters'")."""
    return re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", word, flags=re.IGNORECASE)


def _name_key(name: str) -> str:
    return " ".join(fold(name).lower().replace(".", "").split())


def slug(text: str) -> str:
    """Lower-case ASCII slug used in actor ids."""
    ascii_text = unicodedata.normalize("NFKD", fold(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"


"""The analysts' Cypher library: named, documented, parameterised queries in ``graph/queries/``.

Each ``NAME.cypher`` file starts with comment lines that Neo4j Browser ignores and this module
reads::

    // @description What the query answers.
    // @param actor string  Name, alias or id of the actor.
    // @param limit int = 5  Partners per relation type.
    // @returns actor, relation, partner, ...

A parameter without ``= default`` is required. Values typed on the command line are converted
to the declared type and checked: ``string``; ``int`` (a whole number Neo4j can hold, 64 bits);
``float`` (finite); ``date`` (a calendar day written YYYY-MM-DD, passed on as that text, which is
how the graph stores dates). ``null`` is the null value.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

QUERY_DIR = Path(__file__).parent / "queries"
_PARAM = re.compile(r"^//\s*@param\s+(?P<name>\w+)\s+(?P<type>string|int|float|date)"
                    r"(?:\s*=\s*(?P<default>'[^']*'|\S+))?\s+(?P<doc>.*)$")
_INT64 = (-(2**63), 2**63 - 1)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _int64(text: str) -> int:
    value = int(text)
    if not _INT64[0] <= value <= _INT64[1]:
        raise ValueError("out of the 64-bit range Neo4j can hold")
    return value


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("not a finite number")
    return value


def _iso_day(text: str) -> str:
    if not _ISO_DAY.match(text):
        raise ValueError("not written YYYY-MM-DD")
    dt.date.fromisoformat(text)  # raises ValueError for 2024-13-45
    return text


_KIND_NAMES = {"int": "a whole number", "float": "a number", "date": "a date (YYYY-MM-DD)"}
_TYPES: dict[str, Callable[[str], Any]] = {"string": str, "int": _int64, "float": _finite, "date": _iso_day}


class QueryError(ValueError):
    """A library query is unknown, malformed, or was given wrong parameters."""


@dataclass(frozen=True)
class Parameter:
    """One declared parameter of a library query."""

    name: str
    type: str
    required: bool
    default: Any
    doc: str

    def convert(self, text: str) -> Any:
        """The typed value of a command-line string."""
        if text == "null":
            return None
        try:
            return _TYPES[self.type](text)
        except ValueError as error:
            kind = _KIND_NAMES.get(self.type, self.type)
            raise QueryError(f"parameter {self.name}: {text!r} is not {kind} ({error})") from error


@dataclass(frozen=True)
class LibraryQuery:
    """A query file: its name, documentation, parameters and Cypher text."""

    name: str
    description: str
    parameters: tuple[Parameter, ...]
    returns: tuple[str, ...]
    cypher: str
    path: Path

    def bind(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """The parameter map to run with: defaults filled in, required and unknown names checked."""
        declared = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise QueryError(f"query {self.name} has no parameter {', '.join(unknown)} "
                             f"(it takes: {', '.join(declared) or 'none'})")
        missing = [p.name for p in self.parameters if p.required and p.name not in given]
        if missing:
            raise QueryError(f"query {self.name} needs --param {missing[0]}=... ({declared[missing[0]].doc})")
        return {p.name: given.get(p.name, p.default) for p in self.parameters}


def _default(parameter_type: str, text: str | None) -> tuple[bool, Any]:
    if text is None:
        return True, None
    if text == "null":
        return False, None
    if text.startswith("'") and text.endswith("'"):
        return False, text[1:-1]
    return False, _TYPES[parameter_type](text)


def parse_query(path: Path) -> LibraryQuery:
    """Read one query file and its header."""
    text = path.read_text(encoding="utf-8")
    description = ""
    returns: tuple[str, ...] = ()
    parameters: list[Parameter] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            continue
        if stripped.startswith("// @description"):
            description = stripped.removeprefix("// @description").strip()
        elif stripped.startswith("// @returns"):
            returns = tuple(c.strip() for c in stripped.removeprefix("// @returns").split(","))
        elif stripped.startswith("// @param"):
            match = _PARAM.match(stripped)
            if match is None:
                raise QueryError(f"{path}: cannot read the parameter line {stripped!r}")
            required, default = _default(match["type"], match["default"])
            parameters.append(Parameter(match["name"], match["type"], required, default, match["doc"].strip()))
    if not description:
        raise QueryError(f"{path}: no // @description line")
    for parameter in parameters:
        if f"${parameter.name}" not in text:
            raise QueryError(f"{path}: parameter {parameter.name} is declared but never used")
    return LibraryQuery(path.stem, description, tuple(parameters), returns, text, path)


def load_library(folder: Path = QUERY_DIR) -> dict[str, LibraryQuery]:
    """Every query of the library by name."""
    return {path.stem: parse_query(path) for path in sorted(folder.glob("*.cypher"))}


def find_query(name: str, library: Mapping[str, LibraryQuery]) -> LibraryQuery:
    if name not in library:
        raise QueryError(f"no query named {name!r}; the library has: {', '.join(sorted(library))}")
    return library[name]


def parse_params(assignments: Sequence[str], query: LibraryQuery) -> dict[str, Any]:
    """``key=value`` strings from the command line, converted to the declared types."""
    declared = {p.name: p for p in query.parameters}
    values: dict[str, Any] = {}
    for assignment in assignments:
        key, sep, value = assignment.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {assignment!r}: expected key=value")
        if key not in declared:
            raise QueryError(f"query {query.name} has no parameter {key} (it takes: {', '.join(declared) or 'none'})")
        values[key] = declared[key].convert(value)
    return values


def plain(value: Any) -> Any:
    """A driver value as plain data: nodes by name (or id), relationships by type, paths as text."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return value.get("name") or value.get("title") or value.get("id")
    if isinstance(value, Relationship):
        return value.type
    if isinstance(value, Path):
        parts = [str(plain(value.start_node))]
        for left, relationship, right in zip(value.nodes, value.relationships, value.nodes[1:], strict=False):
            start = relationship.start_node
            forward = start is not None and start.element_id == left.element_id
            parts.append(f"-[{relationship.type}]->" if forward else f"<-[{relationship.type}]-")
            parts.append(str(plain(right)))
        return " ".join(parts)
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def run_query(driver: Any, query: LibraryQuery, parameters: Mapping[str, Any], database: str = "neo4j"
              ) -> list[dict[str, Any]]:
    """Rows of a library query, as plain values, on a neo4j driver."""
    records, _, _ = driver.execute_query(query.cypher, query.bind(parameters), database_=database)
    return [{key: plain(value) for key, value in record.items()} for record in records]

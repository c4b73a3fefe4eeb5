"""The Neo4j Browser style sheet: well formed, up to date, covering every label and relationship type."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from extract.ontology import load_ontology
from graph.store import ACTOR_LABELS

ROOT = Path(__file__).resolve().parents[2]
STYLE = ROOT / "graph" / "style" / "geokg.grass"
BLOCK = re.compile(r"^(node|relationship)(?:\.(\w+))? \{\n((?:  [a-z-]+: [^;\n]+;\n)+)\}\n", re.MULTILINE)


def blocks() -> dict[tuple[str, str], dict[str, str]]:
    text = STYLE.read_text(encoding="utf-8")
    found = {}
    consumed = 0
    for match in BLOCK.finditer(text):
        assert match.start() == consumed, f"unreadable text before {match.group(0)[:40]!r}"
        consumed = match.end()
        properties = dict(line.strip().rstrip(";").split(": ", 1) for line in match.group(3).splitlines())
        found[(match.group(1), match.group(2) or "")] = properties
    assert consumed == len(text), "unreadable text at the end of the style sheet"
    return found


def test_every_label_and_relationship_type_has_a_style() -> None:
    styles = blocks()
    for label in [*ACTOR_LABELS.values(), "Actor", "Article", "Event"]:
        assert styles[("node", label)]["caption"] in ("'{name}'", "'{title}'", "'{type}'")
    edges = {relation.edge_type for relation in load_ontology().relations.values()}
    for edge in [*edges, "SUBJECT", "OBJECT", "REPORTED_IN", "ATTRIBUTED_TO", "HOLDS_ROLE", "COPY_OF"]:
        assert re.fullmatch(r"#[0-9A-F]{6}", styles[("relationship", edge)]["color"])
    # cooperation and conflict are told apart by colour
    assert styles[("relationship", "MET")]["color"] != styles[("relationship", "ATTACKED")]["color"]


def test_captions_are_ones_the_browser_fills_in() -> None:
    """Neo4j Browser replaces ``<type>`` and ``<id>`` only when that is the whole caption."""
    styles = blocks()
    captions = {key: style["caption"] for key, style in styles.items() if "caption" in style}
    for key, caption in captions.items():
        assert re.fullmatch(r"'[^'<>]*'|'<(type|id)>'", caption), f"{key}: {caption} would show '<' literally"
    edges = {relation.edge_type for relation in load_ontology().relations.values()}
    for edge in edges:
        assert captions[("relationship", edge)] == f"'{edge} ({{count}})'"
    assert captions[("relationship", "SUBJECT")] == "'<type>'"


def test_the_committed_style_is_what_the_generator_writes() -> None:
    spec = importlib.util.spec_from_file_location("build_grass", ROOT / "tools" / "build_grass.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.grass() == STYLE.read_text(encoding="utf-8"), "run tools/build_grass.py"

"""Write graph/style/geokg.grass, the Neo4j Browser style, from the ontology.

    .venv/bin/python tools/build_grass.py

Actor labels get a colour each and show their name; aggregated relationships are coloured by
the CAMEO quad class of their relation (blue verbal and green material cooperation, orange
verbal and red material conflict) and show their type and event count, e.g. ``MET (3)``.
Neo4j Browser replaces ``<type>`` only when it is the whole caption, so the type of an
aggregated relationship is written into its caption.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.ontology import load_ontology  # noqa: E402

STYLE = ROOT / "graph" / "style" / "geokg.grass"
NODES = {  # label: (colour, border, caption)
    "Actor": ("#A5ABB6", "#9AA1AC", "{name}"),
    "Person": ("#4C8EDA", "#2870C2", "{name}"),
    "Country": ("#F79767", "#F36924", "{name}"),
    "Organization": ("#8DCC93", "#5DB665", "{name}"),
    "Group": ("#C990C0", "#B261A5", "{name}"),
    "Region": ("#FFD86E", "#EDBA39", "{name}"),
    "Article": ("#D9C8AE", "#C0A378", "{title}"),
    "Event": ("#ECB5C9", "#DA7298", "{type}"),
}
QUAD_COLOURS = {1: "#68BDF6", 2: "#1B9E4B", 3: "#F0A30A", 4: "#D0021B"}
LINKS = {"SUBJECT": "#A5ABB6", "OBJECT": "#A5ABB6", "REPORTED_IN": "#C0A378", "ATTRIBUTED_TO": "#B261A5",
         "HOLDS_ROLE": "#2870C2", "COPY_OF": "#C0A378"}


def node_block(label: str, colour: str, border: str, caption: str) -> str:
    size = "65px" if label in ("Country", "Organization") else "50px"
    return (f"node.{label} {{\n  color: {colour};\n  border-color: {border};\n  text-color-internal: #FFFFFF;\n"
            f"  diameter: {size};\n  caption: '{caption}';\n}}\n")


def relationship_block(edge: str, colour: str, caption: str) -> str:
    return f"relationship.{edge} {{\n  color: {colour};\n  shaft-width: 2px;\n  caption: '{caption}';\n}}\n"


def grass() -> str:
    """The whole style sheet."""
    parts = ["node {\n  diameter: 50px;\n  color: #A5ABB6;\n  border-color: #9AA1AC;\n  border-width: 2px;\n"
             "  text-color-internal: #FFFFFF;\n  font-size: 10px;\n}\n",
             "relationship {\n  color: #A5ABB6;\n  shaft-width: 1px;\n  font-size: 8px;\n  padding: 3px;\n"
             "  text-color-external: #000000;\n  text-color-internal: #FFFFFF;\n  caption: '<type>';\n}\n"]
    parts += [node_block(label, *style) for label, style in NODES.items()]
    parts += [relationship_block(edge, colour, "<type>") for edge, colour in LINKS.items()]
    edges: dict[str, int] = {}
    for relation in load_ontology().relations.values():
        edges.setdefault(relation.edge_type, relation.quad_class)
    parts += [relationship_block(edge, QUAD_COLOURS[quad], f"{edge} ({{count}})")
              for edge, quad in sorted(edges.items())]
    return "".join(parts)


if __name__ == "__main__":
    STYLE.write_text(grass(), encoding="utf-8")
    print(f"wrote {STYLE}")

"""Draw the README's figures from the bundled example articles.

    .venv/bin/python tools/figures.py --out docs      # or: make figures

The articles in ``examples/articles`` are extracted into an embedded store in a temporary
folder, and two PNGs are written:

- ``dyad-hungary-russia.png``: Hungary–Russia month by month, persons folded into their states
  (``graph.frames.by_country``): cooperation and conflict events per month and their mean
  Goldstein score, on a true time axis (months without events are there, empty);
- ``network.png``: the actor network (``graph.networks``), actors coloured by type, one edge per
  actor pair and quad class coloured by the quad class, as in the Neo4j Browser style.

The output is deterministic: the Agg backend, a fixed layout seed and no timestamps in the files.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
import networkx as nx
from matplotlib.lines import Line2D

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.analysis import QUAD_CLASSES, dyad_series  # noqa: E402
from graph.frames import GraphFrames, by_country, from_sqlite, rows_of  # noqa: E402
from tools.build_grass import NODES, QUAD_COLOURS  # noqa: E402

EXAMPLES = ROOT / "examples" / "articles"
TIMELINE = "dyad-hungary-russia.png"
NETWORK = "network.png"
TYPE_LABELS = {"PERSON": "Person", "COUNTRY": "Country", "ORGANIZATION": "Organization", "GROUP": "Group",
               "REGION": "Region"}
QUAD_NAMES = {q: name.replace("_", " ") for q, name in QUAD_CLASSES.items()}
LAYOUT_SEED = 7
LABELLED_ACTORS = 30  # the best-connected actors get their names written on the network
PNG_METADATA = {"Software": None}  # no matplotlib version in the file: same input, same bytes


def build_frames(articles: Path, folder: Path) -> GraphFrames:
    """Extract ``articles`` into a new embedded store in ``folder`` and read it back."""
    from extract.pipeline import Extractor
    from graph.sqlite_store import SqliteStore
    from loaders.ingest import Ledger, ingest
    from loaders.sources import read_inputs

    store, ledger = SqliteStore(folder / "graph.sqlite"), Ledger(folder / "ledger.sqlite")
    try:
        report = ingest(read_inputs([str(articles)]), store, "embedded:figures", Extractor(), ledger)
    finally:
        ledger.close()
        store.close()
    if report.errors:
        raise SystemExit("figures: the example articles did not all load:\n" + "\n".join(report.errors))
    return from_sqlite(folder / "graph.sqlite")


def draw_timeline(frames: GraphFrames, out: Path) -> Path:
    """Hungary–Russia per month: cooperation up, conflict down, and the mean Goldstein score."""
    series = dyad_series(by_country(frames), "country:HUN", "country:RUS", freq="M")
    if series.empty:
        raise SystemExit("figures: no Hungary–Russia events in the examples")
    cooperation = series["verbal_cooperation"] + series["material_cooperation"]
    conflict = series["verbal_conflict"] + series["material_conflict"]
    figure, (tone, volume) = plt.subplots(2, 1, figsize=(11, 6.2), sharex=True, height_ratios=[1, 1.2])
    tone.axhline(0, color="grey", linewidth=0.8)
    tone.plot(series["start"], series["goldstein_mean"], linestyle="none", marker="o", markersize=7,
              color="#2870C2")
    tone.vlines(series["start"], 0, series["goldstein_mean"], color="#2870C2", linewidth=1.5)
    tone.set_ylim(-10.5, 10.5)
    tone.set_ylabel("mean Goldstein\n(−10 conflict … +10 cooperation)")
    tone.set_title("Hungary–Russia in the bundled example articles, month by month "
                   "(Orbán, Szijjártó and Putin read as their states)", fontsize=11)
    tone.grid(axis="y", alpha=0.3)
    width = 20  # days: a bar per month
    volume.bar(series["start"], cooperation, width=width, align="edge", color=QUAD_COLOURS[2], label="cooperation")
    volume.bar(series["start"], -conflict, width=width, align="edge", color=QUAD_COLOURS[4], label="conflict")
    volume.axhline(0, color="grey", linewidth=0.8)
    top = max(1, int(cooperation.max()), int(conflict.max()))
    volume.set_ylim(-top - 0.5, top + 0.5)
    volume.yaxis.set_major_locator(mticker.MaxNLocator(integer=True))
    volume.yaxis.set_major_formatter(mticker.FuncFormatter(lambda value, _: f"{abs(value):.0f}"))
    volume.set_ylabel("events\n(cooperation up, conflict down)")
    volume.legend(loc="upper left", frameon=False)
    volume.grid(axis="y", alpha=0.3)
    volume.xaxis.set_major_locator(mdates.YearLocator())  # type: ignore[no-untyped-call]
    volume.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))  # type: ignore[no-untyped-call]
    volume.xaxis.set_minor_locator(mdates.MonthLocator())  # type: ignore[no-untyped-call]
    empty = int((series["events"] == 0).sum())
    volume.set_xlabel(f"{len(series)} months from {series['period'].iloc[0]} to {series['period'].iloc[-1]}; "
                      f"{len(series) - empty} with events, {empty} without")
    figure.tight_layout()
    path = out / TIMELINE
    figure.savefig(path, dpi=110, metadata=PNG_METADATA)
    plt.close(figure)
    return path


def _edges_by_quad(frames: GraphFrames) -> Counter[tuple[str, str, int]]:
    """Events per unordered actor pair and quad class."""
    counts: Counter[tuple[str, str, int]] = Counter()
    for subject, obj, quad in rows_of(frames.events, "subject_id", "object_id", "quad_class"):
        first, second = sorted((subject, obj))
        counts[first, second, int(quad)] += 1
    return counts


def draw_network(frames: GraphFrames, out: Path) -> Path:
    """The actors of the largest connected part of the graph, coloured by type, with one edge per
    actor pair and quad class."""
    counts = _edges_by_quad(frames)
    graph = nx.Graph()
    for first, second, _ in counts:
        graph.add_edge(first, second, weight=graph.get_edge_data(first, second, {"weight": 0})["weight"] + 1)
    largest = max(nx.connected_components(graph), key=lambda part: (len(part), sorted(part)))
    graph = graph.subgraph(largest).copy()
    actors = {actor_id: (name, kind) for actor_id, name, kind in rows_of(frames.actors, "id", "name", "type")}
    start = nx.kamada_kawai_layout(graph, weight=None)  # deterministic; spread by path lengths
    position: dict[str, Any] = nx.spring_layout(graph, pos=start, k=3.5 / len(graph) ** 0.5, iterations=80,
                                                seed=LAYOUT_SEED, weight=None)
    figure, axes = plt.subplots(figsize=(14, 11))
    for (first, second, quad), number in sorted(counts.items()):
        if first not in graph or second not in graph:
            continue
        bend = 0.08 * (quad - 2.5)  # the quad classes of one pair side by side
        axes.annotate("", xy=position[second], xytext=position[first], zorder=1,
                      arrowprops={"arrowstyle": "-", "color": QUAD_COLOURS[quad], "alpha": 0.8,
                                  "linewidth": 0.8 + 0.9 * min(number, 5),
                                  "connectionstyle": f"arc3,rad={bend:.2f}", "shrinkA": 0, "shrinkB": 0})
    degree = dict(graph.degree(weight="weight"))
    size = {n: 60 + 25 * degree[n] for n in graph}  # marker area in points²
    for kind, label in TYPE_LABELS.items():
        nodes = sorted(n for n in graph if actors[n][1] == kind)
        colour, border, _ = NODES[label]
        nx.draw_networkx_nodes(graph, position, nodelist=nodes, node_color=colour, edgecolors=border,
                               node_size=[size[n] for n in nodes], ax=axes).set_zorder(2)
    labelled = sorted(graph, key=lambda n: (-degree[n], n))[:LABELLED_ACTORS]
    for node in labelled:
        x, y = position[node]
        axes.annotate(actors[node][0], (x, y), xytext=(0, size[node] ** 0.5 / 2 + 1),
                      textcoords="offset points", fontsize=8.5, ha="center", va="bottom", zorder=3,
                      bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})
    kinds = [Line2D([], [], marker="o", linestyle="none", markersize=9, markerfacecolor=NODES[label][0],
                    markeredgecolor=NODES[label][1], label=label.lower())
             for kind, label in TYPE_LABELS.items() if any(actors[n][1] == kind for n in graph)]
    quads = [Line2D([], [], color=QUAD_COLOURS[q], linewidth=3, label=QUAD_NAMES[q]) for q in QUAD_NAMES]
    axes.add_artist(axes.legend(handles=kinds, title="actors", loc="upper left", frameon=False))
    axes.legend(handles=quads, title="events (width: count)", loc="lower left", frameon=False)
    axes.set_title(f"Who did what to whom in the bundled example articles: {graph.number_of_nodes()} actors, "
                   f"{sum(n for (a, b, _), n in counts.items() if a in graph)} events "
                   f"(the {LABELLED_ACTORS} best-connected actors named)", fontsize=11)
    axes.set_axis_off()
    figure.tight_layout()
    path = out / NETWORK
    figure.savefig(path, dpi=100, metadata=PNG_METADATA)
    plt.close(figure)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Draw the README's figures from the bundled example articles.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNGs (default: docs)")
    parser.add_argument("--articles", type=Path, default=EXAMPLES, help="articles to extract (default: the examples)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="geokg-figures-") as folder:
        frames = build_frames(args.articles, Path(folder))
    for path in (draw_timeline(frames, args.out), draw_network(frames, args.out)):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

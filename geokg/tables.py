"""Rows (lists of dicts) printed as a readable table, CSV or JSON, for the query and analysis commands."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

MAX_CELL = 60


def cell(value: Any) -> str:
    """One value as table text: lists joined, floats shortened, None empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value)
    return str(value)


def write_rows(rows: Sequence[dict[str, Any]], fmt: str, out: TextIO, columns: Sequence[str] | None = None) -> None:
    """Print ``rows`` as ``table`` (fixed width, long cells cut), ``csv`` or ``json`` (one array)."""
    names = list(columns if columns is not None else (rows[0].keys() if rows else []))
    if fmt == "json":
        out.write(json.dumps([{n: row.get(n) for n in names} for row in rows], ensure_ascii=False, default=str) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([[cell(row.get(n)) for n in names] for row in rows])
        return
    if not rows:
        out.write("(no rows)\n")
        return
    texts = [[_cut(cell(row.get(n))) for n in names] for row in rows]
    widths = [max(len(n), *(len(t[i]) for t in texts)) for i, n in enumerate(names)]
    out.write("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for text in texts:
        out.write("  ".join(t.ljust(w) for t, w in zip(text, widths, strict=True)).rstrip() + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"

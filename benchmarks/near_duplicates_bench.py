"""Near-duplicate lookups: MinHash bands in the state file against comparing with every signature.

    .venv/bin/python benchmarks/near_duplicates_bench.py                      # 100,000 stored signatures
    .venv/bin/python benchmarks/near_duplicates_bench.py --background 20000

The state file holds ``--background`` signatures of unrelated texts (random MinHash values, as
unrelated texts give: cheap to make in bulk) and the signatures of 100 real stories (sentences of
the bundled example articles shuffled into new texts). Probed: a wire copy of each story (a
dateline, a changed word, a credit line) and 100 new stories. Printed: the time to sign a text,
and per lookup the time and the answers of (1) ``SourceState.candidates`` + ``best_match`` and
(2) ``best_match`` over every signature held in memory, with the memory that list takes.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loaders.near_duplicates import SIGNATURE_SIZE, best_match, from_bytes, signature  # noqa: E402
from loaders.source_state import SourceState  # noqa: E402


def sentences() -> list[str]:
    found = []
    for path in sorted((ROOT / "examples" / "articles").glob("20*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        found += [s.strip() + "." for s in body.replace("\n", " ").split(". ") if len(s.split()) > 5]
    return found


def story(pool: list[str], rng: random.Random) -> str:
    return " ".join(rng.sample(pool, 12))


def copy_of(text: str) -> str:
    words = text.split()
    words[len(words) // 2] = "reportedly"
    return "LONDON (Wire) - " + " ".join(words) + " Reporting by the desk."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--background", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(7)
    pool = sentences()
    stories = [story(pool, rng) for _ in range(100)]
    fresh = [story(pool, rng) for _ in range(100)]

    started = time.perf_counter()
    signed = [signature(text) for text in stories]
    sign_ms = (time.perf_counter() - started) * 1000 / len(stories)
    words = sum(len(t.split()) for t in stories) / len(stories)
    print(f"signing: {sign_ms:.1f} ms per text of {words:.0f} words")

    with tempfile.TemporaryDirectory() as folder:
        state = SourceState(Path(folder) / "state.sqlite")
        started = time.perf_counter()
        for first in range(0, args.background, 10_000):
            state.remember_signatures({f"bg:{n}": tuple(rng.getrandbits(64) for _ in range(SIGNATURE_SIZE))
                                       for n in range(first, min(first + 10_000, args.background))})
        state.remember_signatures({f"story:{n}": sig for n, sig in enumerate(signed)})
        fill = time.perf_counter() - started
        size = (Path(folder) / "state.sqlite").stat().st_size
        print(f"state file: {args.background + len(signed):,} signatures in {fill:.1f} s, {size / 1e6:.0f} MB")

        probes = [(copy_of(text), f"story:{n}") for n, text in enumerate(stories)] + [(t, None) for t in fresh]
        probe_sigs = [(signature(text), expected) for text, expected in probes]

        started = time.perf_counter()
        banded = [best_match(sig, state.candidates(sig)) for sig, _ in probe_sigs]
        banded_ms = (time.perf_counter() - started) * 1000 / len(probes)

        tracemalloc.start()
        rows = state.connection.execute("SELECT article_id, signature FROM signatures").fetchall()
        everything = [(article_id, from_bytes(blob)) for article_id, blob in rows]
        del rows
        held = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        started = time.perf_counter()
        brute = [best_match(sig, everything) for sig, _ in probe_sigs]
        brute_ms = (time.perf_counter() - started) * 1000 / len(probes)
        state.close()

    expected = [e for _, e in probe_sigs]
    print(f"1. bands in the state file: {banded_ms:8.2f} ms per lookup; right answers "
          f"{sum(a == e for a, e in zip(banded, expected, strict=True))}/{len(expected)}; nothing held in memory")
    print(f"2. every signature in memory: {brute_ms:8.2f} ms per lookup; right answers "
          f"{sum(a == e for a, e in zip(brute, expected, strict=True))}/{len(expected)}; "
          f"{held / 1e6:.0f} MB held")
    print(f"bands are {brute_ms / banded_ms:.0f}x faster per lookup; same answers: {banded == brute}")


if __name__ == "__main__":
    main()

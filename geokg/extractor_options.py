"""The extractor flags of `geokg extract|ingest|evaluate|schedule run`, and the extractor they name
(run in this process, or by worker processes with ``--workers``)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from extract.calibration import DEFAULT_MIN_CONFIDENCE, checked_floor
from extract.extractor import DEFAULT_EXTRACTOR, EXTRACTORS, ExtractorSettings, UnknownExtractorError, create_extractor
from extract.knowledge_dir import KNOWLEDGE_ENV, KnowledgeError, resolve_knowledge_dir
from extract.parallel import DEFAULT_CHUNK_ARTICLES, ParallelExtractor, WorkerSpec, parallel_extractor, usable_cores

if TYPE_CHECKING:
    from extract.extractor import Extractor


def add_extractor_options(parser: argparse.ArgumentParser) -> None:
    """``--extractor NAME``, ``--knowledge-dir DIR`` and ``--min-confidence P``."""
    parser.add_argument("--extractor", default=DEFAULT_EXTRACTOR, metavar="NAME",
                        help=f"the extractor to run (known: {', '.join(sorted(EXTRACTORS))}; "
                        f"default {DEFAULT_EXTRACTOR})")
    parser.add_argument("--knowledge-dir", type=Path, default=None, metavar="DIR",
                        help=f"the extractor's knowledge files (default ${KNOWLEDGE_ENV}, else extract/data)")
    parser.add_argument("--min-confidence", type=probability, default=DEFAULT_MIN_CONFIDENCE, metavar="P",
                        help="drop triples whose calibrated confidence (the judged probability that they are "
                        "right) is below P; 0 keeps every triple (default %(default)s)")


def add_workers_option(parser: argparse.ArgumentParser) -> None:
    """``--workers N``: extraction processes, by default one per usable core."""
    parser.add_argument("--workers", type=positive_int, default=usable_cores(), metavar="N",
                        help="extraction processes (default: the usable cores, here %(default)s); "
                        f"a run of at most {DEFAULT_CHUNK_ARTICLES} articles is extracted in this process")


def open_extractor(args: argparse.Namespace, err: TextIO, workers: int = 1) -> Extractor | None:
    """The extractor the flags name, run by ``workers`` processes, or None after a one-line error
    on ``err`` (an unknown name, a missing or malformed knowledge directory). Close it with
    ``close_extractor``."""
    settings = ExtractorSettings(resolve_knowledge_dir(args.knowledge_dir, os.environ), args.min_confidence)
    try:
        extractor = create_extractor(args.extractor, settings)
    except (UnknownExtractorError, KnowledgeError) as error:
        print(f"geokg: error: {error}", file=err)
        return None
    return parallel_extractor(extractor, WorkerSpec.of(args.extractor, settings), workers)


def close_extractor(extractor: Extractor) -> None:
    """Stop the worker processes of a parallel extractor; an in-process one has nothing to stop."""
    if isinstance(extractor, ParallelExtractor):
        extractor.close()


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is less than 1")
    return value


def probability(text: str) -> float:
    """An argparse type: a number from 0 to 1 (checked as ``extract.calibration.checked_floor`` checks it)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    try:
        return checked_floor(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not between 0 and 1") from None

"""The extractor flags of `geokg extract|ingest|evaluate|schedule run`, and the extractor they name."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from extract.extractor import DEFAULT_EXTRACTOR, EXTRACTORS, ExtractorSettings, UnknownExtractorError, create_extractor
from extract.knowledge_dir import KNOWLEDGE_ENV, KnowledgeError, resolve_knowledge_dir

if TYPE_CHECKING:
    from extract.extractor import Extractor


def add_extractor_options(parser: argparse.ArgumentParser) -> None:
    """``--extractor NAME`` and ``--knowledge-dir DIR``."""
    parser.add_argument("--extractor", default=DEFAULT_EXTRACTOR, metavar="NAME",
                        help=f"the extractor to run (known: {', '.join(sorted(EXTRACTORS))}; "
                        f"default {DEFAULT_EXTRACTOR})")
    parser.add_argument("--knowledge-dir", type=Path, default=None, metavar="DIR",
                        help=f"the extractor's knowledge files (default ${KNOWLEDGE_ENV}, else extract/data)")


def open_extractor(args: argparse.Namespace, err: TextIO) -> Extractor | None:
    """The extractor the flags name, or None after a one-line error on ``err`` (an unknown
    name, a missing or malformed knowledge directory)."""
    settings = ExtractorSettings(resolve_knowledge_dir(args.knowledge_dir, os.environ))
    try:
        return create_extractor(args.extractor, settings)
    except (UnknownExtractorError, KnowledgeError) as error:
        print(f"geokg: error: {error}", file=err)
        return None

"""`geokg evaluate-facts DIR`: recall of an analyst's key facts over a folder of articles."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from geokg.extractor_options import add_extractor_options, close_extractor, open_extractor

FACTS_FILE = "key_facts.tsv"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "evaluate-facts", help="recall of key facts (source, target, CAMEO root) over a folder of articles",
        description=f"Extract the .md articles of DIR and score them against DIR/{FACTS_FILE} "
        "(article, source, target, root, reciprocal, sentence, note): recall overall and per CAMEO root, "
        "triples per article and the missed facts.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR")
    add_extractor_options(parser)
    parser.set_defaults(run=run_evaluate_facts)


def run_evaluate_facts(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from extract.key_facts import KeyFactsError, format_facts_report, load_key_facts, score_facts
    from graph.model import Article
    from loaders.sources import article_from_file

    folder: Path = args.folder
    try:
        facts = load_key_facts(folder / FACTS_FILE)
    except KeyFactsError as error:
        print(f"geokg: error: {error}", file=err)
        return 1
    articles: dict[str, Article] = {}
    for path in sorted(folder.glob("*.md")):
        article = article_from_file(path, None)
        if not isinstance(article, Article):
            print(f"geokg: error: {article}", file=err)
            return 1
        articles[path.name] = article
    extractor = open_extractor(args, err)
    if extractor is None:
        return 1
    try:
        extractions = dict(zip(articles, extractor.extract_many(articles.values()), strict=True))
    finally:
        close_extractor(extractor)
    try:
        report = score_facts(facts, extractions)
    except KeyFactsError as error:
        print(f"geokg: error: {folder / FACTS_FILE}: {error}", file=err)
        return 1
    print(format_facts_report(report), file=out)
    return 0

"""One extractor interface: the rule pipeline behind it, a registry of named extractors, and a
version that changes with the knowledge files."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from extract.extractor import (
    DEFAULT_EXTRACTOR,
    EXTRACTORS,
    ArticleFailure,
    Extractor,
    ExtractorSettings,
    UnknownExtractorError,
    create_extractor,
    extractor_id,
)
from extract.knowledge_dir import (
    DEFAULT_KNOWLEDGE_DIR,
    KNOWLEDGE_ENV,
    KnowledgeError,
    knowledge_digest,
    knowledge_files,
    resolve_knowledge_dir,
)
from extract.pipeline import RULES_VERSION, Knowledge, RuleExtractor
from graph.model import Article, Extraction
from graph.sqlite_store import SqliteStore
from loaders.ingest import Ledger, ingest

ARTICLE = Article("a", "Hungary criticized Russia on Monday.", None, "2024-01-10")


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A copy of the product's knowledge directory, free to change."""
    return Path(shutil.copytree(DEFAULT_KNOWLEDGE_DIR, tmp_path / "knowledge"))


class SilentExtractor:
    """An extractor that finds nothing: the smallest implementation of the protocol."""

    name = "silent"
    version = "1"

    def extract(self, article: Article) -> Extraction:
        return Extraction(article, (), ())

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 64, n_process: int = 1,
        on_failure: Callable[[ArticleFailure], None] | None = None,
    ) -> Iterator[Extraction]:
        return (self.extract(article) for article in articles)


def test_the_rule_pipeline_is_an_extractor_named_and_versioned_by_its_knowledge(extractor: RuleExtractor) -> None:
    as_protocol: Extractor = extractor  # mypy checks the rule pipeline against the protocol
    assert as_protocol.name == "geokg-rules" == DEFAULT_EXTRACTOR
    assert re.fullmatch(re.escape(RULES_VERSION) + r"\+k[0-9a-f]{8}", as_protocol.version), as_protocol.version
    (event,) = as_protocol.extract(ARTICLE).events
    assert event.extractor == extractor_id(as_protocol) == f"geokg-rules/{as_protocol.version}"


def test_the_version_follows_the_knowledge_files_not_their_place(
    extractor: RuleExtractor, knowledge_copy: Path
) -> None:
    same = RuleExtractor(extractor.nlp, Knowledge.load(knowledge_copy), extractor.min_confidence)
    assert same.version == extractor.version  # the same bytes elsewhere are the same knowledge
    table = knowledge_copy / "organizations.tsv"
    header = table.read_text(encoding="utf-8").splitlines()[0].split("\t")
    row = {"id": "test-alliance", "name": "Test Alliance", "aliases": "TA", "type": "IGO", "cameo": "IGOTST"}
    with table.open("a", encoding="utf-8") as handle:  # an alias row, in the columns the file has
        handle.write("\t".join(row.get(column, "") for column in header) + "\n")
    changed = RuleExtractor(extractor.nlp, Knowledge.load(knowledge_copy), extractor.min_confidence)
    assert re.fullmatch(re.escape(RULES_VERSION) + r"\+k[0-9a-f]{8}", changed.version)
    assert changed.version != extractor.version
    (event,) = changed.extract(ARTICLE).events
    assert event.extractor == f"geokg-rules/{changed.version}"


def test_the_digest_covers_every_data_file_and_only_data(knowledge_copy: Path) -> None:
    names = [path.as_posix() for path in knowledge_files(knowledge_copy)]
    assert {"countries.tsv", "lexicon.toml", "ontology.toml", "office_holders.tsv"} <= set(names)
    assert names == sorted(names) and not any(name.endswith(".md") for name in names)
    original = knowledge_digest(knowledge_copy)
    assert re.fullmatch(r"[0-9a-f]{64}", original)
    # documentation and licences are not data
    (knowledge_copy / "NEW.md").write_text("# notes\n", encoding="utf-8")
    (knowledge_copy / "LICENCE-new").write_text("MIT\n", encoding="utf-8")
    assert knowledge_digest(knowledge_copy) == original
    # a data file added later, even in a subfolder, is covered without code changes
    (knowledge_copy / "new_verbs.tsv").write_text("verb\tcode\nhack\t172\n", encoding="utf-8")
    with_verbs = knowledge_digest(knowledge_copy)
    assert with_verbs != original
    (knowledge_copy / "phoenix").mkdir()
    (knowledge_copy / "phoenix" / "agents.tsv").write_text("noun\tsector\nminer\tLAB\n", encoding="utf-8")
    assert knowledge_digest(knowledge_copy) not in (original, with_verbs)
    # a renamed file is other knowledge, even with the same bytes
    (knowledge_copy / "phoenix" / "agents.tsv").rename(knowledge_copy / "phoenix" / "agents2.tsv")
    renamed = knowledge_digest(knowledge_copy)
    assert renamed not in (original, with_verbs)
    (knowledge_copy / "phoenix" / "agents2.tsv").unlink()
    (knowledge_copy / "new_verbs.tsv").unlink()
    assert knowledge_digest(knowledge_copy) == original


def test_a_missing_or_malformed_knowledge_directory_is_named_in_one_line(tmp_path: Path, knowledge_copy: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(KnowledgeError) as raised:
        Knowledge.load(missing)
    assert str(raised.value) == f"{missing}: cannot read the knowledge directory (no such directory)"
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"file\.txt: cannot read the knowledge directory \(not a directory\)"):
        Knowledge.load(a_file)
    (knowledge_copy / "regions.tsv").write_text("code\tname\nWST\tthe West\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as raised:
        Knowledge.load(knowledge_copy)
    message = str(raised.value)
    assert message.startswith(f"{knowledge_copy}: malformed knowledge (") and "regions.tsv" in message
    assert "\n" not in message
    shutil.rmtree(knowledge_copy)
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, knowledge_copy)
    (knowledge_copy / "lexicon.toml").write_text("light_verbs = [\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"malformed knowledge \(") as raised:
        Knowledge.load(knowledge_copy)
    assert "\n" not in str(raised.value)
    (knowledge_copy / "lexicon.toml").unlink()
    with pytest.raises(KnowledgeError, match=r"lexicon\.toml: cannot read the knowledge file"):
        Knowledge.load(knowledge_copy)


def test_the_knowledge_directory_comes_from_the_option_then_the_environment(tmp_path: Path) -> None:
    option, named = tmp_path / "option", tmp_path / "env"
    assert resolve_knowledge_dir(option, {KNOWLEDGE_ENV: str(named)}) == option
    assert resolve_knowledge_dir(None, {KNOWLEDGE_ENV: str(named)}) == named
    assert resolve_knowledge_dir(None, {KNOWLEDGE_ENV: ""}) == DEFAULT_KNOWLEDGE_DIR
    assert resolve_knowledge_dir(None, {}) == DEFAULT_KNOWLEDGE_DIR


def test_the_registry_names_extractors_and_lists_them_for_an_unknown_name(knowledge_copy: Path) -> None:
    assert DEFAULT_EXTRACTOR in EXTRACTORS
    with pytest.raises(UnknownExtractorError) as raised:
        create_extractor("llm-coder")
    assert str(raised.value) == "unknown extractor 'llm-coder' (known: geokg-rules)"
    registry = {"silent": lambda settings: SilentExtractor(), **EXTRACTORS}
    assert isinstance(create_extractor("silent", registry=registry), SilentExtractor)
    with pytest.raises(UnknownExtractorError, match=r"\(known: geokg-rules, silent\)"):
        create_extractor("rules", registry=registry)
    rules = create_extractor(DEFAULT_EXTRACTOR, ExtractorSettings(knowledge_copy))
    assert isinstance(rules, RuleExtractor) and rules.name == "geokg-rules"
    with pytest.raises(KnowledgeError, match="nowhere: cannot read the knowledge directory"):
        create_extractor(DEFAULT_EXTRACTOR, ExtractorSettings(knowledge_copy / "nowhere"))


def test_another_extractor_plugs_into_the_loaders_unchanged(tmp_path: Path, extractor: RuleExtractor) -> None:
    """The loaders take any Extractor; switching extractor re-extracts and replaces the events."""
    store = SqliteStore(tmp_path / "graph.sqlite")
    ledger = Ledger(tmp_path / "ledger.sqlite")
    rules = ingest([ARTICLE], store, "k", extractor, ledger)
    assert (rules.articles_new, rules.triples_loaded, store.counts()["Event"]) == (1, 1, 1)
    silent = ingest([ARTICLE], store, "k", SilentExtractor(), ledger)
    assert (silent.articles_new, silent.articles_reextracted, silent.triples_loaded) == (0, 1, 0)
    assert store.counts()["Event"] == 0  # the rules' event is gone, not kept beside the new extraction
    again = ingest([ARTICLE], store, "k", SilentExtractor(), ledger)
    assert (again.articles_duplicate, again.articles_reextracted) == (1, 0)
    ledger.close()
    store.close()

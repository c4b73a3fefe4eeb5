"""The role terms of a block (extract/role_spans.py), with the real gazetteer's terms and parses of
invented sentences."""

from __future__ import annotations

from extract.block_index import BlockTokens
from extract.pipeline import Extractor
from extract.role_spans import BlockRoles

ROLE_TEXTS = (
    "The Prime Minister of Hungary met foreign ministers and the secretary-general of NATO on Monday.",
    "Troops and police officers fired on protesters, the defence ministry spokesman said.",
    "Former President Trump's national security adviser called the deputy foreign minister.",
)


def test_the_role_terms_are_the_longest_at_each_word_by_lower_case_or_lemma(extractor: Extractor) -> None:
    """Each word where a role term starts has the longest term there, read by the words' lower case
    or their lemmas, as a scan of every length at every word finds it; no other word has one."""
    terms = extractor.knowledge.gazetteer.role_terms
    found = 0
    for text in ROLE_TEXTS:
        tokens = BlockTokens.of(extractor.nlp(text))
        roles = BlockRoles.of(tokens, terms)
        for i in range(len(tokens.lowers)):
            scanned = None
            for n in range(len(tokens.lowers) - i, 0, -1):
                role = terms.terms.get(tokens.lowers[i : i + n]) or terms.terms.get(tokens.lemmas[i : i + n])
                if role is not None:
                    scanned = (i + n, role)
                    break
            assert roles.at(i) == scanned, (text, i)
            found += scanned is not None
        assert roles.starts() == tuple(sorted(roles.starting))
    assert found >= 10

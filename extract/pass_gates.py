"""The words a block pass can act at, chosen from the block's word table before the pass walks them.

Several passes over a block act only at verbs or nouns of their own word lists: envoy acts
(extract/envoys.py) at verbs of expelling, granting a deadline, recalling, summoning, naming,
storming and gathering; protests through symbols (extract/protest_symbols.py) at verbs of
desecrating and carrying; occupations (extract/territory.py) at verbs and nouns of taking. Each
of those passes reads a word's lemma (for a verb also with its particles: "call back", "tear
down") and gives nothing at a word outside its lists. So each gate keeps the words whose lemma
(read from ``BlockTokens``, as the pass reads it from the token) is a list entry or the first
words of one, and the pass walks those alone: its result is the same, and most words of a block
are not visited at all. A gate may keep a word its pass then passes over; it never leaves out one
the pass would act at.

The same holds for the readings tried at each verb of a block (extract/candidates.py): naming
("called X a liar"), denials, refusals, and the clauses a verb of statement reports (obligations,
consequences, responsibility, judgements) each start from a verb of their lists; a particle that
changes a verb's sense is listed by verb; a verb's object selects a sense only for a verb of the
sense classes, or for a verb of the CAMEO dictionary that is a general verb or has no trigger of
the ontology (extract/verb_senses.py ``object_sense``). ``VerbGates`` holds those lemmas, so a verb
outside them goes straight to its own triggers. Composed events ("suspended talks", "removed X
from the list") start only at a verb with entries of its own in light_verbs.toml.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from extract.block_index import BlockTokens
from extract.denials import DENIAL_CODE
from extract.ontology import Lexicon, Ontology
from extract.protest_symbols import SymbolWords


def leading_words(entries: Iterable[str]) -> frozenset[str]:
    """Every entry and each of its beginnings that ends at a space ("call back in": "call",
    "call back" and "call back in"): the lemmas a word read with its particles can have."""
    found: set[str] = set()
    for entry in entries:
        words = entry.split(" ")
        found.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
    return frozenset(found)


@dataclass(frozen=True)
class PassGates:
    """The lemmas (and for occupations the verb forms) each gated pass can act at."""

    envoy_verbs: frozenset[str]
    symbol_verbs: frozenset[str]
    #: verb lemmas of taking, and the forms and lemmas the territory words mend to one
    territory_verbs: frozenset[str]
    territory_nouns: frozenset[str]
    #: verbs whose subject is a speaker (extract/event_memory.py ``speakers_at``)
    speaking_verbs: frozenset[str]
    #: verbs that issue a document by themselves, the document nouns' own words ("propose")
    issuing_verbs: frozenset[str]

    @staticmethod
    def of(ontology: Ontology, lexicon: Lexicon, symbols: SymbolWords) -> PassGates:
        territory = ontology.territory
        envoy_phrases = (lexicon.expelling_verbs | ontology.deadlines.granting_verbs | lexicon.recalling_verbs
                         | lexicon.summoning_verbs)
        return PassGates(
            envoy_verbs=leading_words(envoy_phrases) | lexicon.naming_verbs | lexicon.storming_verbs
            | lexicon.gathering_verbs,
            symbol_verbs=leading_words(symbols.desecrating_verbs) | symbols.carrying_verbs,
            territory_verbs=territory.taking_verbs | territory.control_verbs | frozenset(territory.verb_forms),
            territory_nouns=territory.taking_nouns,
            speaking_verbs=lexicon.speech_verbs | lexicon.accusing_verbs | lexicon.naming_verbs,
            issuing_verbs=frozenset().union(*ontology.event_nouns.documents.values()),
        )

    def envoy_words(self, verbs: Sequence[Token], table: BlockTokens) -> list[Token]:
        """The verbs an envoy act can be read at (extract/envoys.py ``_acts_at``)."""
        return [verb for verb in verbs if table.lemmas[verb.i] in self.envoy_verbs]

    def symbol_words(self, verbs: Sequence[Token], table: BlockTokens) -> list[Token]:
        """The verbs a protest through symbols can be read at (extract/protest_symbols.py ``symbol_act``)."""
        return [verb for verb in verbs if table.lemmas[verb.i] in self.symbol_verbs]

    def territory_words(self, content: Sequence[Token], table: BlockTokens) -> list[Token]:
        """The verbs and nouns an occupation can be read at (extract/territory.py ``_occupation_at``):
        a verb whose form or lemma the territory words know, a noun of taking."""
        return [token for token in content if self._may_take(table, token.i)]

    def _may_take(self, table: BlockTokens, i: int) -> bool:
        pos = table.pos[i]
        if pos == "VERB":
            return table.lemmas[i] in self.territory_verbs or table.lowers[i] in self.territory_verbs
        return pos == "NOUN" and table.lemmas[i] in self.territory_nouns


@dataclass(frozen=True)
class VerbGates:
    """The verb lemmas at which the readings other than a verb's own triggers can give anything."""

    #: naming, denial, refusal and reported-clause verbs (every reading that ends with ``speech``)
    speech: frozenset[str]
    #: verbs with particles that change their sense (``changed_particle``)
    phrasal: frozenset[str]
    #: verbs whose object may select a sense (``object_sense``)
    sensed: frozenset[str]
    #: verbs with light-verb or sanctions-listing entries (extract/light_verb_candidates.py ``composed_acts``)
    composing: frozenset[str]

    @staticmethod
    def of(ontology: Ontology, lexicon: Lexicon) -> VerbGates:
        acts = ontology.speech_acts
        dictionary = ontology.verbs
        denying = frozenset(lemma for lemma, codes in dictionary.object_codes.items() if DENIAL_CODE in codes)
        triggered = frozenset(lemma for pos, lemma in ontology.triggers if pos == "VERB")
        senses = ontology.verb_senses
        coded = frozenset(dictionary.entries)
        return VerbGates(
            speech=(acts.naming.verbs | denying | leading_words(acts.refusal.phrasal_verbs)
                    | acts.refusal.refusing_verbs | acts.refusal.saying_verbs | acts.censure.reporting_verbs
                    | lexicon.speech_verbs | acts.threats.stating_verbs),
            phrasal=frozenset(senses.phrasal),
            sensed=frozenset(senses.by_verb) | (coded & senses.general_verbs) | (coded - triggered),
            composing=frozenset(ontology.light_verbs.verbs) | {e.lemma for e in ontology.light_verbs.listing.verbs},
        )

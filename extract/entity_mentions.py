"""Actors no gazetteer knows, named by the recogniser's entities: persons and organisations.

A name's type comes, in this order, from its form (introduced with its initials, or ending in an
organisation head such as "Front": an organisation; two words or more starting with a given
name: a person; both learnt from the lists, see ``NameWords``), else from the type the name was
first given in the article (the recogniser's label then), which holds for every later mention.
The form does not depend on the sentence, so such a name has one type and one id in every article.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extract.block_index import BlockTokens, children_of, span_root
from extract.gazetteer import Gazetteer, fold
from extract.gazetteer_matches import GazetteerMatcher, ends_in_plural
from extract.mentions import Mention, MentionKind
from extract.ontology import Lexicon
from extract.person_registry import PersonRegistry
from extract.place_names import described_as_place
from extract.role_spans import BlockRoles, is_group_noun
from extract.unknown_actors import DETERMINERS, UnknownActors, normalised_name, slug
from graph.model import Actor, ActorType


@dataclass(frozen=True)
class EntityNames:
    """Reading entity names as actors for one article: its persons and its register of names
    no gazetteer knows are updated as names are read."""

    gazetteer: Gazetteer
    lexicon: Lexicon
    persons: PersonRegistry
    unknown: UnknownActors
    matcher: GazetteerMatcher

    def mention(self, doc: Doc, ent: Span, roles: BlockRoles) -> Mention | None:
        """The mention of the person or organisation ``ent`` names, or None (a place's name, a
        pronoun or role word, a name whose head is no proper noun, another kind of entity)."""
        name = _trimmed(doc, ent)
        titled = ent.label_ == "ORG" and _opens_with_title(name, roles)  # "King Felipe" taken for an organisation
        if ent.label_ == "PERSON" or titled:
            name = _without_leading_title(name, roles, whole=not titled)
        if self._named_place(name):
            return None
        text = name.text.strip()
        words = [t for t in name if not t.is_punct]
        if not words:
            return None
        form = self._name_form(text) if ent.label_ in ("PERSON", "ORG") else None
        label = _label_by_form(doc, name, ent.label_, form, titled)
        if label == "PERSON" and _business_description(name, self.lexicon.business_nouns) is not None:
            label = "ORG"  # "the telecoms company Ericsson": a business, whatever the recogniser said
        if label == "PERSON":
            known_org = self.unknown.find(ActorType.ORGANIZATION, text)
            if known_org is not None:  # first met as an organisation: stays one in the article
                return Mention(name.start, name.end, known_org, MentionKind.NAME)
        if label == "PERSON" and ends_in_plural(name):
            return None  # "Kosovo Serbs": a people, read by the gazetteer's demonyms, not a person
        if label == "PERSON" or self._names_a_known_person(label, form, words, text):
            return self._person_mention(name, text, words, roles)
        if label == "ORG":
            return self._organisation_mention(doc, name, text, words, roles)
        return None

    def organization(self, doc: Doc, start: int, end: int, aliases: tuple[str, ...] = ()) -> Actor:
        """The organisation of the article named ``doc[start:end]`` that no gazetteer knows: the
        one met earlier under the same normalised name or alias, else a new one."""
        name, inner_aliases = normalised_name(doc[start:end].text, self._is_group_noun)
        aliases = (*inner_aliases, *aliases)
        seen = self.unknown.find(ActorType.ORGANIZATION, name, aliases)
        if seen is not None:
            return seen
        country = (self.matcher.country_inside(doc, start, end, self.lexicon.organisation_description_nouns)
                   or self._possessor_state(doc, start, end) or self._described_state(doc, start, end))
        organization = Actor(f"org:{slug(name)}", name, ActorType.ORGANIZATION, country, None,
                             cameo=(country or "---"), aliases=aliases)
        self.unknown.add(organization, (name, *aliases))
        return organization

    def _possessor_state(self, doc: Doc, start: int, end: int) -> str | None:
        """The state written as the possessor of the name ``doc[start:end]`` ("Russia's Federal
        Security Service"): the organisation is that state's."""
        for child in children_of(span_root(doc, start, end)):
            if child.dep_ == "poss" and child.i < start:
                return self.matcher.country_inside(doc, child.left_edge.i, child.i + 1)
        return None

    def _described_state(self, doc: Doc, start: int, end: int) -> str | None:
        """The state written in the business description of the name ``doc[start:end]`` ("the
        Swedish telecoms company Ericsson", "Ericsson, a Swedish firm"): the business is that state's."""
        description = _business_description(doc[start:end], self.lexicon.business_nouns)
        if description is None:
            return None
        return self.matcher.country_inside(doc, description.left_edge.i, description.right_edge.i + 1)

    def _names_a_known_person(self, label: str, form: ActorType | None, words: list[Token], text: str) -> bool:
        """A place, organisation or nationality label on a name the article gave a person: one
        word that names a person named before, or a spelling of a person's name met before."""
        return label in ("ORG", "GPE", "NORP") and form is None and (
            (len(words) == 1 and self.persons.names_a_person(words[0].text))
            or self.unknown.find(ActorType.PERSON, text) is not None
        )

    def _person_mention(self, name: Span, text: str, words: list[Token], roles: BlockRoles) -> Mention | None:
        """The person a name names (registered in the article), unless one of its words is a
        pronoun or the name is a single role word."""
        if any(self._read_as_pronoun(t) for t in words):
            return None
        if len(words) == 1 and roles.at(words[0].i) is not None:
            return None
        actor = self.persons.register(self.persons.by_name(text))
        return Mention(name.start, name.end, actor, MentionKind.NAME)

    def _organisation_mention(
        self, doc: Doc, name: Span, text: str, words: list[Token], roles: BlockRoles,
    ) -> Mention | None:
        """The organisation a name of at most eight words names, with the initialism written
        after it as an alias; not an agent noun written as a name ("the Foreign Ministry",
        "Parliament"), a name whose head is no proper noun ("Kremlin spokesman") nor one whose head
        is a noun of an agreement (lexicon ``document_name_nouns``: "the Abraham Accords")."""
        start, end = name.start, name.end
        if (found := roles.at(start)) is not None and found[0] == end:
            return None
        if _possessed_role_head(name, roles):
            return None
        if len(words) > 8:
            return None
        normalised, _ = normalised_name(text, self._is_group_noun)
        last = [t for t in doc[start:end] if normalised and t.text == normalised.split()[-1]]
        if not last or last[-1].pos_ != "PROPN":
            return None
        if last[-1].lower_ in self.lexicon.document_name_nouns:
            return None  # "the Abraham Accords", "the Good Friday Agreement": a document's name, no body
        acronyms: tuple[str, ...] = ()
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            written = doc[end + 1].text
            if written.isupper() and written.isalpha():
                acronyms = (written,)  # "Tigray People's Liberation Front (TPLF)"
        return Mention(start, end, self.organization(doc, start, end, acronyms), MentionKind.NAME)

    def _named_place(self, name: Span) -> bool:
        """A name no gazetteer knows that is the object of "of" after a noun of a populated place
        or territory ("the town of X", "the eastern province of X": lexicon ``territory_nouns``)
        is that place's name: not a person or an organisation, so not an actor by itself."""
        if described_as_place(name, self.lexicon.territory_nouns):
            return True  # "Stepanakert, the region's main town" (extract/place_names.py)
        root = name.root
        preposition = root.head
        if root.dep_ != "pobj" or preposition.lower_ != "of" or preposition.dep_ != "prep":
            return False
        return preposition.head.lemma_.lower() in self.lexicon.territory_nouns

    def _read_as_pronoun(self, token: Token) -> bool:
        """A person pronoun's word is a pronoun unless written as a name inside the sentence: a
        capitalised word the tagger reads as a proper noun, not at the sentence's start (where every
        word is capitalised), is part of a name ("Vice Premier He Lifeng")."""
        if token.lower_ not in self.lexicon.person_pronouns:
            return False
        return token.pos_ != "PROPN" or token.i == token.sent.start or not token.text[:1].isupper()

    def _name_form(self, name: str) -> ActorType | None:
        """What a name's form says it names: an organisation when its last word heads many
        organisation names of the lists ("Front", "Party", "Group"), a person when it has two
        words or more and the first is a given name of the person lists; None otherwise."""
        words = [w for w in fold(name).lower().replace(".", " ").split() if w.isalpha() and len(w) > 1]
        if len(words) < 2:
            return None
        forms = self.gazetteer.name_words
        if words[-1] in forms.organisation_heads:
            return ActorType.ORGANIZATION
        if words[0] in forms.given_names:
            return ActorType.PERSON
        return None

    def _is_group_noun(self, word: str) -> bool:
        return is_group_noun(self.gazetteer.role_terms, word)


def _possessed_role_head(name: Span, roles: BlockRoles) -> bool:
    """A name whose last word is a role noun and whose head has a possessor written before it
    ("China's Commerce Ministry", "Iran's Guardian Council"): the possessor's body named by its
    role, which the role nouns read (extract/role_mentions.py), not an organisation of its own."""
    last = name[-1]
    found = roles.at(last.i)
    if found is None or found[0] != name.end:
        return False
    return any(child.dep_ == "poss" and child.i < name.start for child in children_of(name.root))


def surname_mentions(tokens: BlockTokens, taken: set[int], persons: PersonRegistry) -> list[Mention]:
    """A lone proper noun that is the surname of a person named earlier in the article
    ("Kovacs later criticized Russia"), which the entity recogniser may have missed; ``tokens`` are
    the words of the block."""
    found = []
    pos, texts = tokens.pos, tokens.texts
    for i, text in enumerate(texts):
        if i in taken or pos[i] != "PROPN" or not persons.names_a_person(text):
            continue
        if any(pos[j] == "PROPN" for j in (i - 1, i + 1) if 0 <= j < len(texts)):
            continue
        found.append(Mention(i, i + 1, persons.by_word(text), MentionKind.NAME))
    return found


def introduced_initialism(doc: Doc, name: Span) -> str | None:
    """The initialism a name is introduced with, "Tigray People's Liberation Front (TPLF)": a
    word in capitals in parentheses right after the name whose letters are the initials of the
    name's capitalised words, in order (words like "of" and "the" may be skipped)."""
    if name.end + 2 >= len(doc) or doc[name.end].text != "(" or doc[name.end + 2].text != ")":
        return None
    written = doc[name.end + 1].text
    if not (2 <= len(written) <= 8 and written.isalpha() and written.isupper()):
        return None
    initials = "".join(t.text[0] for t in name if t.text[:1].isupper())
    return written if initials.upper() == written else None


def _label_by_form(doc: Doc, name: Span, label: str, form: ActorType | None, titled: bool = False) -> str:
    """The recogniser's label corrected by the name's form: "The Tigray People's Liberation
    Front (TPLF)", "the Tana Renewal Front" are organisations; an organisation label on a name
    formed like a person's, or opening with a person's title ("King Felipe"), is a person."""
    if label == "PERSON" and (introduced_initialism(doc, name) is not None or form is ActorType.ORGANIZATION):
        return "ORG"
    if label == "ORG" and (form is ActorType.PERSON or (titled and form is None)):
        return "PERSON"
    return label


def _business_description(name: Span, business_nouns: frozenset[str]) -> Token | None:
    """The common noun of a business that modifies the name from before it ("the company
    [Ericsson]") or stands after it as its apposition ("[Ericsson], the Swedish telecoms firm")."""
    for child in children_of(span_root(name.doc, name.start, name.end)):
        if name.start <= child.i < name.end:
            continue
        if child.pos_ == "NOUN" and child.lemma_.lower() in business_nouns and (
                (child.dep_ == "compound" and child.i < name.start) or child.dep_ == "appos"):
            return child
    return None


def _opens_with_title(name: Span, roles: BlockRoles) -> bool:
    """A person's title opens the name and a proper noun follows it ("King Felipe", "Emir Tamim")."""
    found = roles.at(name.start)
    return (found is not None and found[1].kind == "TITLE" and found[0] < name.end
            and any(t.pos_ == "PROPN" for t in name.doc[found[0] : name.end]))


def _trimmed(doc: Doc, ent: Span) -> Span:
    """The name an entity holds: without leading determiners or words that cannot be part of a
    name ("Later Abiy Ahmed": a sentence's first word), and a person's name to its end."""
    start = ent.start
    while start < ent.end - 1 and (doc[start].lower_ in DETERMINERS or not _nominal(doc[start])):
        start += 1
    return doc[start : _name_end(ent) if ent.label_ == "PERSON" else ent.end]


def _without_leading_title(name: Span, roles: BlockRoles, whole: bool = True) -> Span:
    """A person's name without a title the recogniser swept in ("[Spokeswoman Ana Lopes]"), when
    at least two words of name remain, or (not ``whole``) one ("King [Felipe]" the recogniser took
    for an organisation: its title is read as a title)."""
    doc, start = name.doc, name.start
    least = 2 if whole else 1
    while (found := roles.at(start)) is not None and found[1].kind == "TITLE" and name.end - found[0] >= least:
        start = found[0]
    return doc[start : name.end]


def _nominal(token: Token) -> bool:
    """A word that can be part of a name: a noun, proper noun, adjective, number or a hyphen or
    apostrophe inside one (not an adverb, verb or conjunction the recogniser swept in)."""
    return token.pos_ in ("PROPN", "NOUN", "ADJ", "NUM", "PART", "PUNCT")


def _name_end(ent: Span) -> int:
    """Where a person's name ends: the recogniser may stop inside it ("[Aung San] Suu Kyi");
    while its last word is a compound of a proper noun further right that no other entity
    takes, that noun and the words between are part of the name."""
    doc, end = ent.doc, ent.end
    while doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end:
        head = doc[end - 1].head
        between = doc[end : head.i + 1]
        if any(t.pos_ != "PROPN" or t.ent_type_ for t in between):
            break
        end = head.i + 1
    return end

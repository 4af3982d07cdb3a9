"""Surface forms of lexicon terms: inflections, spelling and punctuation variants.

Inflections come from lemminflect's lemma and inflection tables (a maintained
English morphological resource, MIT licence, shipped inside the package): a
word of a term is matched in every inflection of its own lemma and nothing
else, so "deported" yields deport, deports, deporting and deported, never
"deportation" (another lemma) nor "report"; "resolute" never yields
"resolution", "raged" never "Rage" of another reading unless the lemma is the
same. A form is kept only when it maps back to that lemma alone ("lied" does
not yield "lay", which is the past of "lie" but also a verb of its own), and
a word whose lemma is ambiguous or does not share its first letters
("best" -> "well") is matched as written. A word lemminflect does not know (a
transliteration such as "Takfiri") gets only its plural. Multi-word terms are
inflected word by word. Hyphen and apostrophe variants ("face-saving" /
"face saving", "Da'esh" / "Da’esh" / "Daesh") are added so that matching is
tolerant of typography.

:func:`parts_of_speech` gives the universal part-of-speech tags a word can
have; the matcher uses it to check a term's reading in context.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

__all__ = ["inflections", "parts_of_speech", "surface_forms", "term_part_of_speech"]

# Function words and particles are never inflected ("kicked out", "butcher of").
_FIXED = frozenset(
    "a an the of to in on at by for from with out up down off over into onto as and or not no "
    "our their his her its my your de la al el".split()
)
# Open-class tags whose inflections are generated.
_OPEN = ("NOUN", "VERB", "ADJ", "ADV")
# More combinations than this for one multi-word term are cut (keeps the automaton small).
MAX_FORMS_PER_TERM = 48
# A lemma must share this many first letters with the word ("fierce" ~ "fierce";
# "best" -> "well" is suppletion, matched as written).
_SHARED_PREFIX = 3


def _lemminflect():  # imported on first use: its tables take ~0.3 s to load
    import lemminflect

    return lemminflect


@lru_cache(maxsize=65536)
def parts_of_speech(word: str) -> frozenset[str]:
    """Universal POS tags lemminflect knows for ``word`` (lower case); empty if unknown.

    Examples
    --------
    >>> sorted(parts_of_speech("claims")), sorted(parts_of_speech("allegations"))
    (['NOUN', 'VERB'], ['NOUN'])
    """
    return frozenset(_lemminflect().getAllLemmas(word))


def term_part_of_speech(term: str) -> str | None:
    """The one part of speech of a single-word term, or None if it has several or none.

    The matcher checks this reading in context: a form that could also be
    another part of speech ("claims" for the verb entry "claimed") is not
    matched where the context shows the other reading ("the claims").

    Examples
    --------
    >>> term_part_of_speech("claimed"), term_part_of_speech("regime")
    ('VERB', 'NOUN')
    >>> term_part_of_speech("attack") is None, term_part_of_speech("kicked out") is None
    (True, True)
    """
    words = term.casefold().split()
    if len(words) != 1:
        return None
    tags = parts_of_speech(words[0]) & set(_OPEN)
    return next(iter(tags)) if len(tags) == 1 else None


@lru_cache(maxsize=65536)
def inflections(word: str) -> frozenset[str]:
    """Inflected forms of one lower-case word: the inflections of its own lemma.

    Examples
    --------
    >>> sorted(inflections("deported"))
    ['deport', 'deported', 'deporting', 'deports']
    >>> sorted(inflections("lied")), sorted(inflections("resolute"))
    (['lie', 'lied', 'lies', 'lying'], ['resolute'])
    >>> sorted(inflections("takfiri")), sorted(inflections("of"))
    (['takfiri', 'takfiris'], ['of'])
    """
    if word in _FIXED or len(word) < 3 or not word.isalpha():
        return frozenset({word})
    lib = _lemminflect()
    lemmas = lib.getAllLemmas(word)
    if not lemmas:  # unknown to lemminflect (Takfiri): only its plural is safe to assume
        return frozenset({word} if word.endswith("s") else {word, word + "s"})
    forms = {word}
    for tag, candidates in lemmas.items():
        if tag not in _OPEN or len(candidates) != 1:
            continue
        lemma = candidates[0].casefold()
        if lemma[:_SHARED_PREFIX] != word[:_SHARED_PREFIX]:
            continue
        produced = {lemma}
        for group in lib.getAllInflections(lemma, upos=tag).values():
            produced.update(f.casefold() for f in group)
        forms.update(
            f for f in produced if tuple(lib.getAllLemmas(f).get(tag, ())) == (candidates[0],)
        )
    return frozenset(forms)


def _typographic_variants(form: str) -> set[str]:
    variants = {form}
    if "-" in form:
        variants.update({form.replace("-", " "), form.replace("-", "")})
    if "'" in form or "’" in form:
        plain = form.replace("’", "'")
        variants.update({plain, plain.replace("'", "’"), plain.replace("'", "")})
    return variants


def surface_forms(term: str, *, inflect: bool = True) -> set[str]:
    """Lower-case surface forms of a lexicon term (inflections and typography).

    Examples
    --------
    >>> sorted(surface_forms("kicked out"))
    ['kick out', 'kicked out', 'kicking out', 'kicks out']
    >>> sorted(surface_forms("Da'esh", inflect=False))
    ["da'esh", 'daesh', 'da’esh']
    """
    words = term.casefold().replace("’", "'").split()
    if not words:
        return set()
    if inflect:
        options = [sorted(inflections(w)) if w.isalpha() else [w] for w in words]
        combos = itertools.islice(itertools.product(*options), MAX_FORMS_PER_TERM)
        forms = {" ".join(c) for c in combos}
        forms.add(" ".join(words))
    else:
        forms = {" ".join(words)}
    result: set[str] = set()
    for form in forms:
        result |= _typographic_variants(form)
    return result

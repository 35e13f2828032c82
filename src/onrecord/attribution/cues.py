"""The cue lexicon: the words that introduce an attribution, and their word forms.

The lemmas were chosen from the cue words of PolNeAR's training split (the
most frequent cues cover half of all attributions; the rest is a long tail of
speech, belief, intention and perception verbs), keeping those that, as verbs
with a clausal complement, are attributions in the great majority of their
uses there. Matching is on lowercased word forms generated here, so the
pipeline needs no lemmatizer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from ..text import DOUBLE_MARKS, has_words

# Verbs of saying and writing: their clausal complement is what was said.
SPEECH = (
    "say tell add write ask note report announce suggest tweet describe argue explain "
    "acknowledge accuse declare insist claim state reply respond warn urge promise pledge vow "
    "recall reveal predict complain concede confirm deny admit boast joke testify assert "
    "maintain contend emphasize stress allege charge remark comment observe counter caution "
    "remind announce proclaim affirm indicate signal post blog inform assure advise "
    "question criticize praise blast slam attack blame dismiss reject defend "
    "call mention point answer quip muse lament concur agree disagree speculate estimate "
    "propose recommend demand order instruct threaten hint imply conclude continue "
    "decline refuse tout label dub brand characterize portray reiterate repeat tease "
    "whisper shout yell scream cry exclaim mutter recount describe share "
    "encourage invite challenge implore beg"
)
# Verbs of belief, knowledge and perception: their complement is what is held true.
BELIEF = (
    "believe think know feel fear hope expect doubt suspect worry suppose guess assume "
    "understand realize recognize see hear find learn notice consider "
    "wonder imagine trust reckon figure bet conclude determine decide judge "
    # attitudes PolNeAR counts: "1 percent support the Green Party's Jill Stein"
    "support oppose favor prefer"
)
# Verbs of intention and wanting: their infinitival complement is the intention.
# ("try" and "mean" are not here: on PolNeAR train "trying to …" and "this means …"
# were attributions in under a fifth of their uses.)
INTENTION = "plan want intend aim seek wish hope expect vow pledge promise refuse decline threaten"

# Cue forms whose bare object is rarely a content on PolNeAR train (under a
# third of the time: "found 31 incidents", "passed the bill", "pushed a plan").
OBJECT_STOP_FORMS = frozenset(
    "find finds finding pass passed passing push pushed pushing maintained continue continued continues "
    "know knew seen embraced maintain maintains laid angered unleashed encouraging".split()
)

# Verbs of taking a side, whose object is the content even as a pronoun: "endorsed her"
# (PolNeAR train: 52 contents that are a pronoun alone, cued by these verbs and their nouns).
STANCE = "endorse support back oppose criticize praise defend attack blame slam blast"
# Verbs whose object is the person addressed ("told reporters"), never the content.
ADDRESSEE_VERBS = frozenset("tell inform assure advise remind warn send write ask brief".split())

# Verbs whose infinitival complement (xcomp) is the attributed content.
XCOMP_CUES = frozenset(INTENTION.split()) | frozenset(
    "urge ask order tell call agree decide encourage demand warn advise remind invite challenge implore beg".split()
)

# Nouns that head a reported statement ("the claim that…", "in a statement").
NOUNS = frozenset(
    "statement claim assertion belief view argument allegation accusation warning promise pledge "
    "suggestion insistence contention charge comment comments remark remarks testimony "
    "announcement report reports message letter tweet post interview speech op-ed memo "
    "fear hope concern notion idea suspicion conclusion finding findings "
    "decision determination plan proposal bid vow demand intention effort".split()
)
# Nouns that can carry a block statement ("…the following statement:").
BLOCK_NOUNS = frozenset("statement statements message letter note email e-mail response comment".split())

_IRREGULAR = {
    "say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
    "know": ("knew", "known"), "see": ("saw", "seen"), "find": ("found",), "hear": ("heard",),
    "feel": ("felt",), "mean": ("meant",), "understand": ("understood",), "bet": ("bet",),
    "speak": ("spoke", "spoken"), "show": ("shown",), "teach": ("taught",), "learn": ("learnt",),
    "seek": ("sought",), "read": ("read",), "forecast": ("forecast",),
    # (no cues: the verbs whose object does what the infinitive after them says, subjects._OBJECT_CONTROL)
    "lead": ("led",), "leave": ("left",),
}
# Verbs whose final consonant doubles before -ed/-ing.
_DOUBLING = frozenset("admit commit regret plan bet quip refer prefer spur".split())


def forms(lemma: str) -> set[str]:
    """The inflected forms of an English verb lemma (regular rules plus exceptions)."""
    result = {lemma, *_IRREGULAR.get(lemma, ())}
    if lemma in _DOUBLING:
        stem = lemma + lemma[-1]
        return result | {lemma + "s", stem + "ed", stem + "ing"}
    if lemma.endswith("e"):
        result |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        result |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        result |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        result |= {lemma + "s", lemma + "ed", lemma + "ing"}
    if re.search(r"[^aeiou][aeiou]l$", lemma):
        result |= {lemma + "led", lemma + "ling"}  # British and Canadian "signalled", "labelling"
    return result


# US "-or" verbs that Britain and Canada spell "-our"
_OUR = frozenset({"favor", "honor", "labor", "endeavor", "rumor"})


def spellings(lemma: str) -> set[str]:
    """A lemma as the English of the US (where PolNeAR is from), Britain and Canada spell it:
    "emphasize" and "emphasise", "favor" and "favour"."""
    if lemma.endswith("ize"):
        return {lemma, lemma[:-3] + "ise"}
    if lemma in _OUR:
        return {lemma, lemma[:-2] + "our"}
    return {lemma}


LEARNED_TABLE = Path(__file__).resolve().parent.parent / "data" / "cues.tsv"


def learned_forms() -> list[str]:
    """Cue word forms learned from PolNeAR train (relearned by ``onrecord train-cues``)."""
    try:
        lines = LEARNED_TABLE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [line.split("\t", 1)[0] for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def stance_forms() -> frozenset[str]:
    """Every word form of the ``STANCE`` verbs."""
    return frozenset(f for lemma in STANCE.split() for spelling in spellings(lemma) for f in forms(spelling))


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, str]:
    """Lowercased word form -> lemma for every cue verb (curated, then learned)."""
    table: dict[str, str] = {}
    for group in (INTENTION, BELIEF, SPEECH):  # later groups win: speech is the strongest reading
        for lemma in group.split():
            for form in {f for spelling in spellings(lemma) for f in forms(spelling)}:
                table[form] = lemma
    for form in learned_forms():
        table.setdefault(form, form)
    return table


_SPEECH_LEMMAS = frozenset(SPEECH.split())


def says(cue: Token) -> bool:
    """Whether a cue word is a verb of saying or writing ("said", "criticized"), not of belief or
    intention ("would prefer"), whose statement a source can relay."""
    return cue.pos_ in ("VERB", "AUX") and cue_lemma(cue.lower_) in _SPEECH_LEMMAS


def cue_lemma(word: str) -> str | None:
    """The cue-verb lemma of a lowercased word form, or None."""
    return verb_forms().get(word)


# What a poll's figures are read from: "In a Fox News poll released Thursday, Trump led …" is
# the poll's statement, cued by "In" (PolNeAR train marks 67 "in" cues, 40 of them polls or surveys).
POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys"})

# “…,” the editorial read: a written thing, named by a determiner or a possessive and a few
# words, and "read" after a quotation are its writer and cue (the tagger takes "read" for a
# noun there, so no verb rule sees it: the orphan-quotation rule reads them off the words)
WRITERS_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})
READ_FORMS = frozenset({"read", "reads"})

# What makes a paragraph worth parsing: any cue verb form, "according (to)",
# "statement(s)", a poll, a double quotation mark, or a colon introducing a block.
# The words are looked up in a set, word by word: one regular expression
# alternating over the ~900 forms backtracks at every position of the text
# (30 s for a 5 MB paragraph, against under a second this way).
_TRIGGER_WORDS = frozenset(verb_forms()) | {"according", "statement", "statements"} | POLL_NOUNS
_WORD = re.compile(r"\w+")
_MARK_OR_BLOCK = re.compile(r"[" + re.escape(DOUBLE_MARKS) + r"]|:\s*$")


def may_attribute(paragraph: str) -> bool:
    """Cheap test: can this paragraph hold an attribution cue, a quote mark or a block opener?"""
    if not has_words(paragraph):
        return False
    return _MARK_OR_BLOCK.search(paragraph) is not None or not _TRIGGER_WORDS.isdisjoint(
        _WORD.findall(paragraph.lower())
    )

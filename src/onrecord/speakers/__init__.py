"""Who the speakers are: mentions resolved to the entities of one article.

``article.resolve_speakers`` reads an article's candidates in text order;
``resolver`` turns each attribution's source, addressee and relaying-source
mention into an entity (name, type, descriptions), keeping the article's
entities in a ``registry``, reading titles and appositions around a name
with ``descriptions``, what the parse says of a mention with ``mentions`` and
the NER's names, mended, with ``ner``; ``vocabulary`` holds the words they all know.
``gender`` reads what the article states about a person's gender, ``names``
what a first name suggests where it says nothing.
"""

from .article import resolve_speakers
from .resolver import SpeakerResolver

__all__ = ["SpeakerResolver", "resolve_speakers"]

"""Who the speakers are: mentions resolved to the entities of one article.

``resolver`` turns each attribution's source, addressee and relaying-source
mention into an entity (name, type, descriptions); ``gender`` reads what the
article states about a person's gender.
"""

from .resolver import SpeakerResolver, resolve_speakers

__all__ = ["SpeakerResolver", "resolve_speakers"]

"""onrecord: who said what, to whom, according to whom, and when.

>>> import onrecord
>>> article = onrecord.extract('"We will win," she said.')
>>> article.attributions[0].kind
'direct'
"""

from .errors import MissingExtra, ModelNotFound, OnrecordError, ReadError, StoreError, TooComplex
from .extract import ExtractionFailed, Extractor, extract
from .model import Article, Attribution, Entity, Fragment, Speaker
from .readers import Document

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Attribution",
    "Document",
    "Entity",
    "ExtractionFailed",
    "Extractor",
    "Fragment",
    "MissingExtra",
    "ModelNotFound",
    "OnrecordError",
    "ReadError",
    "Speaker",
    "StoreError",
    "TooComplex",
    "extract",
    "__version__",
]

"""The one orchestrator: text -> paragraphs -> nlp -> attributions -> speakers -> Article."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from . import nlp as nlp_module
from .attribution import DEFAULT_STRATEGY, Strategy, may_attribute
from .budget import Budget
from .errors import ExtractionFailed, OnrecordError
from .model import Article
from .readers.document import Document
from .speakers import resolve_speakers
from .text import parse_units

# Documents handed to a worker process at a time: large enough to amortise the
# pickling round trip, small enough to keep progress bars moving.
CHUNK_SIZE = 8


def analyse(
    document: Document, nlp: Language, strategy: Strategy | None = None, budget: Budget | None = None
) -> Article:
    """Find every attribution in one document and resolve its speakers.

    Raises ``TooComplex`` when the document goes past ``budget`` (default: ``Budget()``).
    """
    text = document.text
    with (budget or Budget()).metered(document.id, len(text)):
        units = parse_units(text, nlp, worth_parsing=may_attribute)
        candidates = (strategy or Strategy()).find(text, units)
        attributions, entities = resolve_speakers(text, units, candidates, outlet=document.outlet)
    return Article(
        text=text,
        id=document.id,
        title=document.title,
        published=document.published,
        url=document.url,
        outlet=document.outlet,
        attributions=tuple(attributions),
        entities=tuple(entities),
    )


class Extractor:
    """Reusable attribution extractor: loads the spaCy pipeline once.

    Args:
        model: import name of a spaCy English pipeline; None picks the installed one.
        strategy: ``"learned"`` (the rules merged with the shipped tagger, the
            default) or ``"rules"`` (the rules alone: faster, less accurate).
        tagger: a model directory written by ``onrecord train``, instead of the
            one shipped in the package (learned strategy only).
        n_process: worker processes for ``pipe``; 1 runs in this process.
        budget: the most one article may cost (``budget.Budget``); an article
            over it raises (or, from ``pipe(errors="yield")``, yields) ``TooComplex``.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        strategy: str = DEFAULT_STRATEGY,
        tagger: str | None = None,
        n_process: int = 1,
        budget: Budget | None = None,
    ) -> None:
        self.model = model
        self.budget = budget or Budget()
        self.strategy = Strategy(strategy, tagger=tagger)
        self.n_process = max(1, int(n_process))
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = nlp_module.load(self.model)
            self.strategy.load()
        return self._nlp

    def extract(
        self,
        text: str,
        *,
        id: str | None = None,
        title: str | None = None,
        published: str | None = None,
        url: str | None = None,
        outlet: str | None = None,
    ) -> Article:
        """Analyse one article text. Raises TypeError when ``text`` is not a str."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        document = Document(text=text, id=id, title=title, published=published, url=url, outlet=outlet)
        return analyse(document, self.nlp, self.strategy, self.budget)

    def __call__(self, record: Any) -> Article:
        return self.extract_document(Document.from_record(record))

    def extract_document(self, document: Document) -> Article:
        try:
            return analyse(document, self.nlp, self.strategy, self.budget)
        except OnrecordError:
            raise
        except Exception as error:  # a bug in a rule must not lose the batch
            raise ExtractionFailed(document.id, error) from error

    def pipe(
        self, records: Iterable[Any], *, errors: str = "raise"
    ) -> Iterator[Article | ExtractionFailed]:
        """Analyse texts, Documents or mappings (``text``, ``id``, ``title``, ``date``…), in order.

        With ``errors="yield"`` a document the extractor fails on yields an
        ``ExtractionFailed`` in its place instead of stopping the batch.
        """
        documents = (Document.from_record(r) for r in records)
        if self.n_process == 1:
            results: Iterable[Article | ExtractionFailed] = map(_safe(self), documents)
        else:
            results = _parallel(documents, self, self.n_process)
        for result in results:
            if isinstance(result, ExtractionFailed) and errors == "raise":
                raise result
            yield result


def _safe(extractor: Extractor):
    def run(document: Document) -> Article | ExtractionFailed:
        try:
            return extractor.extract_document(document)
        except ExtractionFailed as failure:
            return failure

    return run


_WORKER: Extractor | None = None


def _init_worker(model: str | None, strategy: str, tagger: str | None, budget: Budget) -> None:
    global _WORKER
    _WORKER = Extractor(model, strategy=strategy, tagger=tagger, budget=budget)
    _WORKER.nlp  # load now, not on the first document


def _work(document: Document) -> Article | ExtractionFailed:
    assert _WORKER is not None
    return _safe(_WORKER)(document)


def _parallel(documents: Iterable[Document], extractor: Extractor, n_process: int) -> Iterator[Any]:
    # spawn, not fork: a forked child of a process holding threads (Spark's
    # py4j, a web server) can deadlock, and each worker loads its model anyway.
    context = multiprocessing.get_context("spawn")
    strategy = extractor.strategy
    with context.Pool(
        n_process, initializer=_init_worker, initargs=(extractor.model, strategy.name, strategy.tagger_dir, extractor.budget)
    ) as pool:
        yield from pool.imap(_work, documents, chunksize=CHUNK_SIZE)


_DEFAULT: Extractor | None = None


def extract(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    """Analyse one article with the default extractor (loaded on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT.extract(text, id=id, title=title, published=published, url=url, outlet=outlet)

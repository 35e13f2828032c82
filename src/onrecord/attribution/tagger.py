"""The learned tagger: source, cue and content spans from a fine-tuned encoder.

An article becomes one sequence of wordpieces (a paragraph-break token
between paragraphs, so the model sees where a quotation may run on), cut
into overlapping windows the encoder can take. Each wordpiece gets a BIO
label over the three PolNeAR roles; a token's label is taken from the window
in which it lies furthest from an edge, so no article is cut and no token is
judged without context on both sides.

Inference needs only ``onnxruntime``, ``tokenizers`` and NumPy; training
(``onrecord.training``) builds the same windows with the same code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..budget import checkpoint
from ..errors import OnrecordError
from ..text import paragraph_spans
from .calibration import Calibration

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "tagger"

ROLES = ("source", "cue", "content")
# BIO over the three roles; index 0 is "outside".
LABELS = ("O",) + tuple(f"{p}-{r}" for r in ROLES for p in ("B", "I"))
IGNORE = -100  # label of special tokens: no loss, no prediction

WINDOW = 256  # wordpieces per window, [CLS] and [SEP] included
# A new window every STRIDE wordpieces, in training and in use alike: the model reads an
# article as it learned to. Every token keeps at least 31 wordpieces of context on both
# sides; reading every 128 (each token judged nearer mid-window) cost a quarter more
# tagging time and scored level on the train articles a half-train sibling never saw
# (README, Speed).
STRIDE = 192
PARAGRAPH_TOKEN = "[unused0]"


class TaggerUnavailable(OnrecordError):
    """The learned model is missing or its runtime is not installed."""


@dataclass(frozen=True, slots=True)
class Encoding:
    """An article's wordpieces: vocabulary ids, character offsets (-1 for a break), word numbers."""

    ids: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    words: np.ndarray  # pieces of one word share a number; a break has -1


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A run of wordpieces the model gives one role, as article offsets."""

    role: str
    start: int
    end: int
    probability: float  # mean probability of the run's labels


def encode(text: str, tokenizer, spans: list[tuple[int, int]] | None = None) -> Encoding:
    """Wordpieces of every paragraph (or of ``spans``), a paragraph-break token between them."""
    break_id = tokenizer.token_to_id(PARAGRAPH_TOKEN)
    ids: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    words: list[int] = []
    next_word = 0  # word numbers run on across paragraphs
    spans = paragraph_spans(text) if spans is None else spans
    pieces = tokenizer.encode_batch([text[a:b] for a, b in spans], add_special_tokens=False)
    for (offset, _), piece in zip(spans, pieces):
        if ids:
            ids.append(break_id)
            starts.append(-1)
            ends.append(-1)
            words.append(-1)
        numbers = [next_word + (w if w is not None else 0) for w in piece.word_ids]
        next_word = max(numbers, default=next_word - 1) + 1
        ids.extend(piece.ids)
        starts.extend(offset + s for s, _ in piece.offsets)
        ends.extend(offset + e for _, e in piece.offsets)
        words.extend(numbers)
    return Encoding(*(np.array(a, dtype=np.int64) for a in (ids, starts, ends, words)))


def windows(length: int, size: int = WINDOW - 2, stride: int = STRIDE) -> list[tuple[int, int]]:
    """(start, end) wordpiece ranges covering 0..length with overlap; the last one ends at length."""
    if length <= size:
        return [(0, length)]
    starts = list(range(0, length - size, stride)) + [length - size]
    return [(s, s + size) for s in starts]


def owner_of_each_token(length: int, spans: list[tuple[int, int]]) -> np.ndarray:
    """For each token, the window in which it lies furthest from an edge."""
    best = np.full(length, -1, dtype=np.int64)
    margin = np.full(length, -1, dtype=np.int64)
    for n, (start, end) in enumerate(spans):
        positions = np.arange(start, end)
        m = np.minimum(positions - start, end - 1 - positions)
        better = m > margin[start:end]
        best[start:end][better] = n
        margin[start:end][better] = m[better]
    return best


def with_specials(ids: np.ndarray, cls_id: int, sep_id: int) -> np.ndarray:
    return np.concatenate([[cls_id], ids, [sep_id]]).astype(np.int64)


class Tagger:
    """The shipped ONNX model and its tokenizer, loaded once per process."""

    def __init__(self, directory: Path = MODEL_DIR, *, threads: int = 1) -> None:
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as error:  # pragma: no cover - both are default dependencies
            raise TaggerUnavailable(f"the learned strategy needs onnxruntime and tokenizers: {error}") from error
        model = directory / "model.onnx"
        if not model.is_file():
            raise TaggerUnavailable(f"no trained model at {model}: train one with `onrecord train`, or use --strategy rules")
        self.config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        if self.config.get("labels") != list(LABELS):
            raise TaggerUnavailable(f"the model at {directory} was trained with other labels: retrain it with `onrecord train`")
        self.calibration = Calibration.read(directory)
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        options = onnxruntime.SessionOptions()
        # one thread by default: parallelism comes from worker processes
        # (Extractor(n_process=N), Spark), which more threads would oversubscribe
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self.cls_id = self.tokenizer.token_to_id("[CLS]")
        self.sep_id = self.tokenizer.token_to_id("[SEP]")

    def probabilities(self, encoding: Encoding) -> np.ndarray:
        """Label probabilities per wordpiece, shape (tokens, labels)."""
        length = len(encoding.ids)
        result = np.zeros((length, len(LABELS)), dtype=np.float32)
        if length == 0:
            return result
        spans = windows(length)
        owner = owner_of_each_token(length, spans)
        batch = 8
        for first in range(0, len(spans), batch):
            group = spans[first : first + batch]
            width = max(e - s for s, e in group) + 2
            ids = np.zeros((len(group), width), dtype=np.int64)
            mask = np.zeros((len(group), width), dtype=np.int64)
            for row, (s, e) in enumerate(group):
                piece = with_specials(encoding.ids[s:e], self.cls_id, self.sep_id)
                ids[row, : len(piece)] = piece
                mask[row, : len(piece)] = 1
            checkpoint()
            (logits,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            logits = logits - logits.max(axis=-1, keepdims=True)
            probs = np.exp(logits)
            probs /= probs.sum(axis=-1, keepdims=True)
            for row, (s, e) in enumerate(group):
                n = first + row
                mine = owner[s:e] == n
                result[s:e][mine] = probs[row, 1 : 1 + e - s][mine]
        return result

    def tag(self, text: str, spans: list[tuple[int, int]] | None = None) -> Tagging:
        """The role spans of an article (of its ``spans`` only, when given) and their probabilities."""
        encoding = encode(text, self.tokenizer, spans)
        return Tagging(encoding, self.probabilities(encoding))


class Tagging:
    """One article's tagging: its spans, and role probabilities over any offsets."""

    def __init__(self, encoding: Encoding, probs: np.ndarray) -> None:
        self.spans = decode(encoding, probs)
        real = encoding.starts >= 0  # paragraph breaks have no offsets
        self._starts = encoding.starts[real]
        probs = probs[real]
        self._role = {
            role: probs[:, LABELS.index(f"B-{role}")] + probs[:, LABELS.index(f"I-{role}")] for role in ROLES
        }

    def role_probability(self, role: str, fragments: list[tuple[int, int]]) -> float:
        """Mean probability that the wordpieces starting inside the fragments have this role."""
        values = [
            self._role[role][np.searchsorted(self._starts, start) : np.searchsorted(self._starts, end)]
            for start, end in fragments
        ]
        joined = np.concatenate(values) if values else np.zeros(0)
        return float(joined.mean()) if len(joined) else 0.0


def decode(encoding: Encoding, probs: np.ndarray) -> list[TaggedSpan]:
    """Runs of one role (a B label or a role change starts a new run), paragraph breaks end runs.

    A span never starts or ends mid-word: a wordpiece inside a word follows a
    run its word's first piece is in, and a run that starts inside a word
    starts at the word's start (the tagger once made "cchet" of "Tocchet" a source).
    """
    labels, label_probs = _labels(probs)
    spans: list[TaggedSpan] = []
    run_role: str | None = None
    run_start = run_end = word_start = 0
    run_probs: list[float] = []

    def close() -> None:
        if run_role is not None:
            spans.append(TaggedSpan(run_role, run_start, run_end, float(np.mean(run_probs))))

    for i, label in enumerate(labels):
        start, end = int(encoding.starts[i]), int(encoding.ends[i])
        if start < 0:  # paragraph break
            close()
            run_role = None
            continue
        if i > 0 and encoding.words[i] == encoding.words[i - 1]:
            if run_role is not None:
                run_end = end
                continue
            start = word_start  # a run that starts inside a word takes all of it
        else:
            word_start = start
        name = LABELS[label]
        if name == "O":
            close()
            run_role = None
            continue
        prefix, role = name.split("-", 1)
        if run_role == role and prefix == "I":
            run_end = end
            run_probs.append(float(label_probs[i]))
            continue
        close()
        run_role, run_start, run_end, run_probs = role, start, end, [float(label_probs[i])]
    close()
    return spans


# How a wordpiece's label is read from its probabilities: "labels", the likeliest of the
# seven; "roles", the likeliest role with its B and I summed (a piece at 0.3 B-content,
# 0.3 I-content and 0.4 outside is content), then B or I, whichever is likelier.
DECODE = "roles"


def _labels(probs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each wordpiece's label index and the probability its decision rests on."""
    rows = np.arange(len(probs))
    if DECODE == "labels" or not len(probs):
        labels = probs.argmax(axis=-1)
        return labels, probs[rows, labels]
    # LABELS: 0 outside, then B and I of each role: role r (1-based) has B at 2r - 1 and I at 2r
    role_probs = np.stack([probs[:, 0]] + [probs[:, 2 * r - 1] + probs[:, 2 * r] for r in range(1, len(ROLES) + 1)], axis=1)
    roles = role_probs.argmax(axis=-1)
    b_index = np.maximum(2 * roles - 1, 0)
    inside = probs[rows, 2 * roles] > probs[rows, b_index]
    labels = np.where(roles == 0, 0, b_index + inside)
    return labels, role_probs[rows, roles]


@lru_cache(maxsize=2)
def load(directory: str | None = None) -> Tagger:
    """The tagger of a directory (default: the one shipped in the package), cached per process."""
    return Tagger(Path(directory) if directory else MODEL_DIR)

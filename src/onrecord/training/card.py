"""The model card written beside every trained model (MODEL_CARD.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def write_card(directory: Path, config: dict[str, Any], dev: dict[str, Any] | None) -> Path:
    training = config["training"]
    settings = training["settings"]
    lines = [
        "# onrecord attribution tagger",
        "",
        "A BIO tagger over wordpieces for the three PolNeAR roles (source, cue, content),",
        "used by onrecord's `learned` strategy together with its rules (`attribution/learned.py`).",
        "",
        "## Base weights",
        f"- {config['base']}: 6 layers, 384 wide, 22 M parameters, uncased.",
        "- License of the weights: Apache-2.0 (Microsoft MiniLM, sentence-transformers).",
        "- A token-classification head of 7 labels (O, B/I for each role) trained on top.",
        "- Exported to ONNX and quantized dynamically to int8 (`model.onnx`); run with onnxruntime on CPU.",
        "",
        "## Training data",
        f"- `{training['data']}`: the PolNeAR training split only ({training['articles']} articles,",
        f"  {training['windows']} windows of {config['window']} wordpieces, a new one every {config['stride']}).",
        "  Dev and test were not trained on.",
        "- PolNeAR (Newell, Margolin and Ruths, 2018): US political news from 2016, attributions",
        "  annotated with source, cue and content spans.",
        "",
        "## Settings",
        f"- {settings['epochs']} epochs, batch {settings['batch_size']}, AdamW at {settings['learning_rate']}"
        f" with {settings['warmup']:.0%} linear warm-up then linear decay, weight decay {settings['weight_decay']},"
        f" seed {settings['seed']}, {settings['fraction']:.0%} of the training articles.",
        f"- {training['steps']} steps in {training['minutes']} minutes; final training loss {training['final_loss']}.",
        "",
    ]
    if dev:
        c, s, q = dev["content"], dev["source"], dev["cue"]
        lines += [
            "## Dev scores (PolNeAR dev, `onrecord eval --strategy learned`)",
            "",
            "| role | exact F1 | partial F1 |",
            "|---|---|---|",
            f"| content | {c['exact']['f1']:.1f} | {c['partial']['f1']:.1f} |",
            f"| source | {s['exact']['f1']:.1f} | {s['partial']['f1']:.1f} |",
            f"| cue | {q['exact']['f1']:.1f} | {q['partial']['f1']:.1f} |",
            "",
            f"Partial recall of quoted gold contents {dev['recall_quoted']:.1f}, unquoted {dev['recall_unquoted']:.1f}.",
            "",
        ]
    lines += [
        "## Limits",
        "- English news; trained on US political reporting of 2016, so other beats and other",
        "  conventions of quoting are out of its domain.",
        "- `confidence` is the mean probability the tagger gives the content's wordpieces;",
        "  the README's calibration table says how it reads on dev.",
        "",
    ]
    path = directory / "MODEL_CARD.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path

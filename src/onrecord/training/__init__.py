"""Training the learned strategy (needs the ``[train]`` extra: torch, transformers).

``examples`` turns PolNeAR gold into labelled wordpiece windows; ``finetune``
fine-tunes the encoder, exports it to ONNX and quantizes it to int8; the
result is a directory that ``onrecord.attribution.tagger`` loads.
"""

"""Hostile texts through `onrecord extract`, each against the same size of BBC text (issue 13).

    python benchmarks/hostile.py [--strategy learned|rules]

Texts that were quadratic once: 20,000 random characters from ``"“”(),``
(the spaCy tokenizer on punctuation runs), 50,000 random quotation marks,
200,000 characters of ``"We will win," Smith said.`` repeated (the
quotation rules), and the same after "John Smith met Mary Smith." (which
Smith each bare surname is). Each is written to a file and extracted by
a fresh ``onrecord extract`` process, as is a file of the same number of
characters of BBC articles; the script prints the seconds and peak RSS of
each process and the hostile/BBC ratios, in one run (the machines are
shared: ratios within one run are what compare). The texts are generated
with a fixed seed; nothing is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BBC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bbc" / "bbc_news.jsonl"

PUNCTUATION = '"“”(),'
QUOTE_MARKS = "\"“”‘’'«»„"
QUOTE_SENTENCE = '"We will win," Smith said. '


def punctuation_run(size: int = 20_000, seed: int = 13) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(PUNCTUATION) for _ in range(size))


def quote_marks(size: int = 50_000, seed: int = 13) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(QUOTE_MARKS) for _ in range(size))


def repeated_quotes(size: int = 200_000) -> str:
    return (QUOTE_SENTENCE * (size // len(QUOTE_SENTENCE) + 1))[:size].rstrip()


def two_of_a_surname(size: int = 200_000) -> str:
    """The repeated quotation after two people of one surname: each bare "Smith" is read by
    asking which of the two was last called so (quadratic while that scanned every mention)."""
    return ("John Smith met Mary Smith. " + repeated_quotes(size))[:size].rstrip()


def bbc_text(size: int) -> str:
    """The first ``size`` characters of the BBC articles, one after another as paragraphs."""
    texts: list[str] = []
    total = 0
    with open(BBC, encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"])
            total += len(texts[-1]) + 2
            if total >= size:
                break
    return "\n\n".join(texts)[:size]


CASES = {
    "20,000 random \"“”(), characters": punctuation_run,
    "50,000 random quotation marks": quote_marks,
    "200k chars of \"We will win,\" Smith said.": repeated_quotes,
    "the same after two Smiths are named": two_of_a_surname,
}


def extract(path: Path, strategy: str) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit status) of one `onrecord extract` process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "onrecord.cli", "extract", str(path), "--strategy", strategy, "--no-progress"],
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategy", default="learned", choices=["learned", "rules"])
    args = parser.parse_args()
    print(f"onrecord extract --strategy {args.strategy}, one process per text")
    print(f"{'text':44} {'chars':>8} {'s':>7} {'MB':>7}   {'BBC s':>7} {'BBC MB':>7}   {'time x':>6} {'RSS x':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in CASES.items():
            hostile = make()
            paths = []
            for label, text in (("hostile", hostile), ("bbc", bbc_text(len(hostile)))):
                paths.append(Path(folder) / f"{label}.txt")
                paths[-1].write_text(text, encoding="utf-8")
            (h_s, h_mb, h_rc), (b_s, b_mb, _) = (extract(p, args.strategy) for p in paths)
            note = "" if h_rc == 0 else f"  (exit {h_rc})"
            print(
                f"{name:44} {len(hostile):8,} {h_s:7.1f} {h_mb:7.0f}   {b_s:7.1f} {b_mb:7.0f}   "
                f"{h_s / b_s:6.2f} {h_mb / b_mb:6.2f}{note}"
            )


if __name__ == "__main__":
    main()

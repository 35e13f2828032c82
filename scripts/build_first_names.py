"""Build the first-name list that ships in the package (``onrecord/data/first_names.tsv.gz``).

    pip install nomquamgender==0.1.4   # in the [train] extra
    python scripts/build_first_names.py

The source is the name data of PyPI ``nomquamgender`` (Ian Van Buskirk et al.,
MIT licence): for each of 721,000 first names, how many of its 36 sources
(census, registry and social-network lists of many countries) hold it, how many
people they count, and the share of them that are women. Kept: alphabetic names
that at least ``MIN_SOURCES`` sources hold for at least ``MIN_COUNT`` people, and
whose share of women is at least ``SHARE`` (0.8) or at most 1 - ``SHARE``: four in
five or more of the people who bear it are of one gender. The share was 0.95
until ``python benchmarks/first_names.py`` showed, on the BBC people whose gender
the text states and no Faker list decides, the names of 0.80 to 0.95 right 178
times of 186 (96 %); under 0.8 a guess is right little more often than
guessing that everyone quoted is a man (of BBC's quoted people of known gender,
84 % are men), so no lower. The file is written byte for byte the same on every
run.

The package data is read from the installed files, without importing the
package (which would import pandas).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "onrecord" / "data" / "first_names.tsv.gz"
MIN_SOURCES = 2
MIN_COUNT = 10
SHARE = 0.8


def main() -> None:
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install nomquamgender==0.1.4 first (pip install -e '.[train]')")
    data = json.loads((Path(spec.submodule_search_locations[0]) / "name_data.json").read_text(encoding="utf-8"))
    rows = []
    for name, (sources, count, women, *_) in data.items():
        if not name.isalpha() or women is None or sources < MIN_SOURCES or count < MIN_COUNT:
            continue
        if women >= SHARE:
            rows.append(f"{name}\tfemale")
        elif women <= 1 - SHARE:
            rows.append(f"{name}\tmale")
    header = (
        f"# first names of one gender (share >= {SHARE} in at least {MIN_SOURCES} sources, {MIN_COUNT} people), from PyPI nomquamgender 0.1.4\n"
        "# (c) 2022 Ian Van Buskirk, MIT licence; built by scripts/build_first_names.py\n"
    )
    text = header + "\n".join(sorted(rows)) + "\n"
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(text.encode("utf-8"))
    print(f"{len(rows):,} names -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

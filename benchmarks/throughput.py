"""Throughput of onrecord on one machine, and what it projects to for 100 million articles.

    python benchmarks/throughput.py [--sample 200] [--processes N] [--no-spark]
                                    [--nodes 100] [--cores-per-node 16] [--node-price 0.68]

The sample is fixed: the first ``--sample`` texts of at least 200 characters of
each of ../shared/data/reuters21578/reuters21578.jsonl and ../shared/data/bbc/bbc_news.jsonl
(read at run time). It is analysed three ways, each after a warm-up so model
loading is reported apart from steady throughput:

1. ``Extractor().pipe`` in this process (1 core);
2. ``Extractor(n_process=N).pipe`` (spawned worker processes);
3. the Spark job (``onrecord.batch.spark.run_job``) in ``local[N]``, reading a
   JSON Lines copy of the sample in a temporary directory and writing Parquet.
   On one session: a tiny run loads a model into each Python worker (Spark
   reuses them), a second tiny run measures the job's fixed cost (listing,
   planning, five Parquet writes), then the whole sample; the steady rate is
   the sample over (whole run - fixed cost), the rate with overhead is kept too.

Reported: articles/s and words/s, scaling efficiency (rate at N / (N x rate at 1)),
peak RSS per worker, Spark's overhead against the multiprocess path at the same
core count, and a projection for 100 million articles on ``--nodes`` x
``--cores-per-node`` cores from the measured per-core rates. Prints a table and
writes benchmarks/results/throughput.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CORPORA = {
    "reuters21578": SHARED / "reuters21578" / "reuters21578.jsonl",
    "bbc": SHARED / "bbc" / "bbc_news.jsonl",
}
RESULTS = ROOT / "benchmarks" / "results" / "throughput.json"

# Texts shorter than this are headline-only stubs (Reuters has many) and would
# flatter the articles/s figure.
MIN_CHARS = 200
# The projection's workload.
PROJECTED_ARTICLES = 100_000_000
# On-demand price of one 16-vCPU, 32 GiB compute node (AWS c6i.4xlarge,
# us-east-1, Linux, 2025 list price), in USD per hour. Change with --node-price.
NODE_PRICE_USD_PER_HOUR = 0.68


def sample(per_corpus: int) -> list[dict[str, Any]]:
    """The first ``per_corpus`` texts of at least MIN_CHARS characters of each corpus."""
    records: list[dict[str, Any]] = []
    for name, path in CORPORA.items():
        if not path.exists():
            raise SystemExit(f"missing corpus {path}")
        taken = 0
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                record = json.loads(line)
                text = record.get("text") or ""
                if len(text) < MIN_CHARS:
                    continue
                records.append({"id": f"{name}-{record.get('id', number)}", "text": text,
                                "title": record.get("title"), "date": record.get("date")})
                taken += 1
                if taken == per_corpus:
                    break
    return records


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size (ru_maxrss is KiB on Linux, bytes on macOS)."""
    value = resource.getrusage(who).ru_maxrss
    return value / (1024 * 1024) if sys.platform == "darwin" else value / 1024


def vm_hwm_mib(pid: int) -> float | None:
    """Peak RSS of another process from /proc (Linux), or None."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def rates(articles: int, words: int, seconds: float) -> dict[str, float]:
    return {"seconds": round(seconds, 3), "articles_per_s": round(articles / seconds, 2),
            "words_per_s": round(words / seconds, 1)}


def marginal(records: list[dict[str, Any]], tiny: int, total_s: float, fixed_s: float) -> dict[str, float]:
    """Rates of the articles beyond the first ``tiny``: (whole run - tiny run) time.

    Falls back to the whole run (fixed cost included) when the sample is too
    small for the difference to mean anything.
    """
    rest = records[tiny:]
    extra = total_s - fixed_s
    if not rest or extra <= 0.1 * total_s:
        return rates(len(records), count_words(records), total_s)
    return rates(len(rest), count_words(rest), extra)


def count_words(records: list[dict[str, Any]]) -> int:
    return sum(len(r["text"].split()) for r in records)


def run_single(records: list[dict[str, Any]], words: int) -> dict[str, Any]:
    from onrecord import Extractor

    extractor = Extractor()
    started = time.perf_counter()
    extractor.nlp  # noqa: B018 - load the model now
    list(extractor.pipe(records[:5], errors="yield"))
    startup = time.perf_counter() - started
    started = time.perf_counter()
    results = list(extractor.pipe(records, errors="yield"))
    seconds = time.perf_counter() - started
    failed = sum(not hasattr(r, "attributions") for r in results)
    attributions = sum(len(r.attributions) for r in results if hasattr(r, "attributions"))
    return {"workers": 1, "startup_s": round(startup, 3), **rates(len(records), words, seconds),
            "failed": failed, "attributions": attributions, "peak_rss_mib_per_worker": round(peak_rss_mib(), 1)}


def run_pool(records: list[dict[str, Any]], words: int, processes: int) -> dict[str, Any]:
    """N spawned workers. Pool start-up (spawn + model load) is timed on a tiny batch and
    subtracted, since ``Extractor.pipe`` starts a fresh pool per call."""
    from onrecord import Extractor

    extractor = Extractor(n_process=processes)
    tiny = records[: processes * 4]
    started = time.perf_counter()
    list(extractor.pipe(tiny, errors="yield"))
    startup = time.perf_counter() - started
    started = time.perf_counter()
    results = list(extractor.pipe(records, errors="yield"))
    total = time.perf_counter() - started
    failed = sum(not hasattr(r, "attributions") for r in results)
    return {
        "workers": processes, "startup_s": round(startup, 3), **marginal(records, len(tiny), total, startup),
        "with_startup": rates(len(records), words, total), "failed": failed,
        # Pool workers are joined when pipe ends, so they count as waited-for children.
        "peak_rss_mib_per_worker": round(peak_rss_mib(resource.RUSAGE_CHILDREN), 1),
    }


def _worker_rss(_: Any) -> Any:
    import os as _os
    import resource as _resource

    yield (_os.getpid(), _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss / 1024)


def run_spark(records: list[dict[str, Any]], words: int, processes: int) -> dict[str, Any]:
    from onrecord.batch.session import PARTITIONS_PER_CORE, spark_session
    from onrecord.batch.spark import run_job

    partitions = processes * PARTITIONS_PER_CORE
    started = time.perf_counter()
    spark = spark_session(f"local[{processes}]", app_name="onrecord-benchmark", partitions=partitions)
    session_s = time.perf_counter() - started
    try:
        with tempfile.TemporaryDirectory(prefix="onrecord-bench-") as tmp:
            source = Path(tmp) / "sample.jsonl"
            with source.open("w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            tiny = Path(tmp) / "tiny.jsonl"
            tiny.write_text("".join(line for line in source.read_text(encoding="utf-8").splitlines(True)[: partitions]),
                            encoding="utf-8")
            out = str(Path(tmp) / "out")
            # 1: loads a model into each Python worker; 2: the job's fixed cost (listing,
            # planning, five Parquet writes) with warm workers; 3: the whole sample.
            first = run_job([str(tiny)], out, partitions=partitions, session=spark)
            fixed = run_job([str(tiny)], out, partitions=partitions, session=spark)
            full = run_job([str(source)], out, partitions=partitions, session=spark)
            sc = spark.sparkContext
            reports = sc.parallelize(range(partitions), partitions).mapPartitions(_worker_rss).collect()
            per_worker = {pid: rss for pid, rss in reports}
            gateway = getattr(getattr(sc, "_gateway", None), "proc", None)
            jvm_rss = vm_hwm_mib(gateway.pid) if gateway is not None else None
    finally:
        spark.stop()
    return {
        "workers": processes, "master": f"local[{processes}]", "partitions": partitions,
        "session_startup_s": round(session_s, 3), "warmup_run_s": round(first.seconds, 3),
        "job_fixed_s": round(fixed.seconds, 3),
        **marginal(records, partitions, full.seconds, fixed.seconds),
        "with_job_overhead": rates(len(records), words, full.seconds),
        "errors": full.counts.get("errors", 0), "attributions": full.counts.get("attributions", 0),
        "peak_rss_mib_per_worker": round(max(per_worker.values()), 1) if per_worker else None,
        "python_workers_seen": len(per_worker),
        "jvm_peak_rss_mib": round(jvm_rss, 1) if jvm_rss else None,
    }


def projection(per_core_rate: float, nodes: int, cores: int, price: float) -> dict[str, Any]:
    total = nodes * cores
    hours = PROJECTED_ARTICLES / (per_core_rate * total) / 3600
    return {"articles": PROJECTED_ARTICLES, "nodes": nodes, "cores_per_node": cores, "cores": total,
            "per_core_articles_per_s": round(per_core_rate, 2), "wall_hours": round(hours, 2),
            "node_hours": round(hours * nodes, 1), "node_price_usd_per_hour": price,
            "cost_usd": round(hours * nodes * price, 2)}


def table(report: dict[str, Any]) -> str:
    rows = [("path", "workers", "articles/s", "words/s", "efficiency", "startup s", "peak RSS/worker MiB")]
    for key, label in (("single", "1 process"), ("multiprocess", "Extractor(n_process=N)"), ("spark", "Spark local[N]")):
        run = report["runs"].get(key)
        if not run:
            continue
        startup = run.get("startup_s", run.get("session_startup_s"))
        efficiency = run.get("efficiency")
        rows.append((label, str(run["workers"]), f"{run['articles_per_s']:.2f}", f"{run['words_per_s']:.0f}",
                     f"{efficiency:.2f}" if efficiency is not None else "-",
                     f"{startup:.1f}" if startup is not None else "-", f"{run['peak_rss_mib_per_worker']}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    s = report["sample"]
    load = report["machine"].get("load_average_at_start")
    out = [f"load average at start: {load}" if load else "",
           f"sample: {s['articles']} articles, {s['words']} words ({s['per_corpus']} per corpus, "
           f">= {MIN_CHARS} chars); machine: {report['machine']['cores']} cores, {report['machine']['python']}", "",
           *lines, ""]
    for key in ("multiprocess", "spark"):
        run = report["runs"].get(key, {})
        overhead = run.get("with_startup") or run.get("with_job_overhead")
        if overhead:
            out.append(f"{key}: {overhead['articles_per_s']:.2f} articles/s counting pool start-up / job fixed cost"
                       + (f" ({run['job_fixed_s']:.1f} s)" if "job_fixed_s" in run else ""))
    if "spark_overhead" in report:
        out.append(f"Spark overhead vs multiprocess at {report['runs']['spark']['workers']} cores: "
                   f"{report['spark_overhead']:+.0%} time per article (steady); "
                   f"session start {report['runs']['spark']['session_startup_s']:.1f} s, "
                   f"JVM peak RSS {report['runs']['spark'].get('jvm_peak_rss_mib')} MiB")
    for name, p in report["projection"].items():
        out.append(f"100M articles, {name} per-core rate {p['per_core_articles_per_s']}/s on {p['nodes']} x "
                   f"{p['cores_per_node']} cores: {p['wall_hours']} h wall, {p['node_hours']} node-hours, "
                   f"~${p['cost_usd']:,.0f} at ${p['node_price_usd_per_hour']}/node-hour")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=200, help="texts per corpus (default 200)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2, help="N (default: cores)")
    parser.add_argument("--no-spark", action="store_true", help="skip the Spark local[N] run")
    parser.add_argument("--nodes", type=int, default=100)
    parser.add_argument("--cores-per-node", type=int, default=16)
    parser.add_argument("--node-price", type=float, default=NODE_PRICE_USD_PER_HOUR, help="USD per node-hour")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    records = sample(args.sample)
    words = sum(len(r["text"].split()) for r in records)
    n = max(1, args.processes)
    report: dict[str, Any] = {
        "sample": {"per_corpus": args.sample, "articles": len(records), "words": words,
                   "mean_words": round(words / len(records), 1), "corpora": list(CORPORA)},
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    # Other work on a shared machine skews the multi-core runs: check this first.
                    "load_average_at_start": [round(x, 2) for x in os.getloadavg()]},
        "runs": {},
    }
    print(f"1 process over {len(records)} articles...", file=sys.stderr)
    single = report["runs"]["single"] = run_single(records, words)
    base = single["articles_per_s"]
    single["efficiency"] = 1.0
    print(f"{n} processes...", file=sys.stderr)
    pool = report["runs"]["multiprocess"] = run_pool(records, words, n)
    pool["efficiency"] = round(pool["articles_per_s"] / (n * base), 3)
    if not args.no_spark:
        print(f"Spark local[{n}]...", file=sys.stderr)
        spark = report["runs"]["spark"] = run_spark(records, words, n)
        spark["efficiency"] = round(spark["articles_per_s"] / (n * base), 3)
        report["spark_overhead"] = round(pool["articles_per_s"] / spark["articles_per_s"] - 1, 3)
    report["projection"] = {"1-process": projection(base, args.nodes, args.cores_per_node, args.node_price)}
    if "spark" in report["runs"]:
        per_core = report["runs"]["spark"]["articles_per_s"] / n
        report["projection"]["Spark"] = projection(per_core, args.nodes, args.cores_per_node, args.node_price)
    report["notes"] = (
        "Steady rates exclude model loading (startup_s). The sample is plain text: WARC input adds "
        "trafilatura's HTML extraction, not measured here. CC-NEWS articles average more words than "
        "this sample; scale the projection by words/s for a longer-article crawl."
    )
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(report))
    print(f"\nwrote {args.output}")


if __name__ == "__main__":
    main()

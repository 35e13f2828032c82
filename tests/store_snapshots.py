"""What a database holds, for comparing two runs (ingest, fault injection)."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

from onrecord.store import open_store


def snapshot(url: str) -> dict:
    """Everything stored, without surrogate ids and ingestion times, for comparing databases."""
    with open_store(url) as store:
        speakers, cursor = {}, None
        while True:
            page = store.speakers(limit=200, cursor=cursor)
            for item in page["items"]:
                speakers[item["id"]] = (item["name"], item["description"], item["num_attributions"], tuple(sorted(item["forms"])))
            cursor = page["next_cursor"]
            if cursor is None:
                break
        buffer = io.StringIO()
        store.export("jsonl", buffer)
        articles = [json.loads(line) for line in buffer.getvalue().splitlines()]
        for article in articles:
            article.pop("ingested_at")
            for attribution in article["attributions"]:
                attribution["speaker_id"] = speakers.get(attribution["speaker_id"])
        quotes = store.quotes(limit=1000)["items"]
        return {"articles": articles, "speakers": sorted(speakers.values(), key=repr), "quotes": quotes, "stats": store.stats()}


def article_count(url: str, backend: str) -> int:
    if backend == "postgres":
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            try:
                return connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except psycopg.errors.UndefinedTable:
                return 0
    if not Path(url).exists():
        return 0
    connection = sqlite3.connect(f"file:{url}?mode=ro", uri=True, timeout=5)
    try:
        return connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0
    finally:
        connection.close()

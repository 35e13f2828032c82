"""Factories for the server tests: hand-written articles, a real store, a client.

The articles are written for these tests (fictional people and places); their
attributions are built by hand from substrings so the tests do not depend on
how well the extractor does today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onrecord.model import Article, Attribution, Fragment, Speaker
from postgres_server import free_port

XSS = "<script>window.__xss=1</script>"
SQL_QUOTE = "Robert'); DROP TABLE attributions;-- 100% of_us"
# Strings that mean something to SQL, FTS5 MATCH, tsquery or LIKE; as query
# parameters they must be data (a result or a clean 4xx), never syntax or a 500.
SQL_METACHARACTERS = [
    "'", '"', "%", "_", "\\", "*", "(", ")", ":", "^", "-ferry", "ferry*", "NEAR(ferry",
    "' OR '1'='1", "'; DROP TABLE attributions;--", "Robert'); DROP", "a\" OR 1=1 --",
    "ferry OR budget", "ferry AND", "NOT ferry", "{col}", "1; SELECT * FROM speakers", "%' --",
]

# Classic cross-site scripting payloads (issue 5, item 3). Each one that ever ran
# in a browser would set ``window.__xss`` to its number, so a test can tell which.
# They cover: a plain element, event handlers, SVG, javascript: URLs, breaking out
# of a double- or single-quoted attribute, of <textarea>, <title>, an HTML comment
# and SVG CDATA, nested tags that survive naive filtering, elements that load or
# redirect (iframe, object, base, meta refresh), JavaScript line separators, and
# template syntax (Jinja, JS template strings) that must stay literal text.
XSS_PAYLOADS = (
    XSS,
    '<img src=x onerror="window.__xss=2">',
    '<svg onload="window.__xss=3"></svg>',
    "javascript:window.__xss=4",
    '"><script>window.__xss=5</script>',
    "'><img src=x onerror=window.__xss=6>",
    "</textarea><script>window.__xss=7</script>",
    "</title><script>window.__xss=8</script>",
    "{{ 7*7 }}{% print(7*7) %}${7*7}#{7*7}",
    '<iframe srcdoc="&lt;script&gt;parent.__xss=10&lt;/script&gt;"></iframe>',
    '<a href="javascript:window.__xss=11">click</a>',
    "--><script>window.__xss=12</script><!--",
    '<details open ontoggle="window.__xss=13">',
    "<body onload=window.__xss=14>",
    '<object data="javascript:window.__xss=15"></object>',
    "]]></title></svg><script>window.__xss=16</script>",
    "\u2028\u2029</script><script>window.__xss=17</script>",
    "<scr<script>ipt>window.__xss=18</scr</script>ipt>",
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=20">',
)


def hostile_articles(payloads: tuple[str, ...] = XSS_PAYLOADS) -> list[Article]:
    """One article per payload, with the payload in every field a reader sees.

    Title, text (inside the quote and outside it), outlet, URL, id, the speaker's
    name, description and mention, the addressee and the relaying source. Article
    ``n`` is found by searching ``harbourN``. The author is passed to
    ``add_article`` separately (``hostile_author``).
    """
    articles = []
    for n, payload in enumerate(payloads, 1):
        speaker, reader, outlet = f"Speaker{n} {payload}", f"Reader{n} {payload}", f"Outlet{n} {payload}"
        text = (
            f"{payload} Harbour{n} story\n\n"
            f'"Harbour{n} {payload} plan," said {speaker} to {reader}, according to {outlet}.\n'
        )
        content = span(text, f'"Harbour{n} {payload} plan,"')
        after = content.end
        attribution = Attribution(
            id="a1",
            kind="direct",
            content=(content,),
            cue=(span(text, "said", after),),
            speaker=Speaker((span(text, speaker, after),), entity="e1", name=speaker, description=f"{payload} spokesperson"),
            addressee=Speaker((span(text, reader, after),), name=reader),
            via=Speaker((span(text, outlet, after),), name=outlet),
            confidence=0.9,
        )
        url = payload if payload.startswith("javascript:") else f"https://example.org/{n}?x={payload}"
        articles.append(
            Article(
                text=text,
                id=f"xss{n}-{payload}",
                title=f"{payload} title {n}",
                published=f"2023-{(n - 1) % 12 + 1:02d}-10",
                url=url,
                outlet=f"{payload} outlet {n}",
                attributions=(attribution,),
            )
        )
    return articles


def hostile_author(article: Article) -> str:
    """The byline stored with a hostile article: its payload again."""
    return f"{article.title} author"


def span(text: str, needle: str, after: int = 0) -> Fragment:
    """The fragment of ``text`` holding the first ``needle`` at or after ``after``."""
    start = text.index(needle, after)
    return Fragment.of(text, start, start + len(needle))


@dataclass(frozen=True)
class Said:
    """One hand-made attribution: substrings of the article text."""

    content: str
    cue: str
    mention: str
    name: str | None
    description: str | None = None
    kind: str = "direct"
    addressee: str | None = None
    via: str | None = None


def make_article(id: str, title: str, published: str, text: str, said: list[Said], outlet: str = "Eastport Herald") -> Article:
    """An Article whose attributions point at the substrings listed in ``said``."""
    attributions = []
    entities: dict[str, str] = {}
    base = 0
    for number, s in enumerate(said, 1):
        content = span(text, s.content, base)

        def near(needle: str) -> Fragment:
            # after the content ("…," said X), else before it (X told Y that …)
            return span(text, needle, content.end) if needle in text[content.end:] else span(text, needle, base)

        cue, mention = near(s.cue), near(s.mention)
        key = s.name or s.description or s.mention
        entity = entities.setdefault(key, f"e{len(entities) + 1}")
        addressee = Speaker((near(s.addressee),), name=s.addressee) if s.addressee else None
        via = Speaker((near(s.via),), name=s.via) if s.via else None
        base = content.end
        attributions.append(
            Attribution(
                id=f"a{number}",
                kind=s.kind,  # type: ignore[arg-type]
                content=(content,),
                cue=(cue,),
                speaker=Speaker((mention,), entity=entity, name=s.name, description=s.description),
                addressee=addressee,
                via=via,
                confidence=0.9,
            )
        )
    return Article(text=text, id=id, title=title, published=published, outlet=outlet, attributions=tuple(attributions))


FERRY = (
    "Council delays vote on river ferry\n\n"
    '"We will not sink money into a ferry nobody rides," said Mayor Lena Ortiz on Monday.\n\n'
    "Tomas Reyes, who leads the harbour workers' union, told the Eastport Herald that the ferry "
    "carries two thousand commuters a week.\n"
)
BUDGET = (
    f"{XSS} Budget row deepens\n\n"
    f'"{XSS} is not a budget plan," said Lena Ortiz, the mayor of Eastport.\n\n'
    "According to the Harbour Gazette, the council will meet again in April.\n"
)
INJECTION = (
    "Union answers the mayor\n\n"
    f'"{SQL_QUOTE} will keep the ferry running," said Tomas Reyes.\n\n'
    '"The ferry stays," Reyes added.\n'
)


def sample_articles() -> list[Article]:
    """Three articles in two months: ferry (January), budget with a <script> payload, injection text."""
    return [
        make_article(
            "ferry-1",
            "Council delays vote on river ferry",
            "2024-01-15",
            FERRY,
            [
                Said('"We will not sink money into a ferry nobody rides,"', "said", "Mayor Lena Ortiz", "Lena Ortiz", "mayor of Eastport"),
                Said(
                    "that the ferry carries two thousand commuters a week",
                    "told",
                    "Tomas Reyes",
                    "Tomas Reyes",
                    "leader of the harbour workers' union",
                    kind="indirect",
                    addressee="the Eastport Herald",
                ),
            ],
        ),
        make_article(
            "budget-2",
            f"{XSS} Budget row deepens",
            "2024-03-02",
            BUDGET,
            [
                Said(f'"{XSS} is not a budget plan,"', "said", "Lena Ortiz", "Lena Ortiz", "mayor of Eastport"),
                Said(
                    "the council will meet again in April",
                    "According to",
                    "the Harbour Gazette",
                    "Harbour Gazette",
                    kind="indirect",
                ),
            ],
            outlet="Harbour Gazette",
        ),
        make_article(
            "union-3",
            "Union answers the mayor",
            "2024-03-20",
            INJECTION,
            [
                Said(f'"{SQL_QUOTE} will keep the ferry running,"', "said", "Tomas Reyes", "Tomas Reyes"),
                Said('"The ferry stays,"', "added", "Reyes", "Tomas Reyes"),
            ],
        ),
    ]


def make_store(path: Path | str, articles: list[Article] | None = None, *, hostile: bool = False) -> str:
    """Fill the store at ``path`` (a SQLite file or any store URL) with ``articles``; return its URL.

    ``hostile=True`` adds ``hostile_articles()`` after them, bylines included.
    """
    from onrecord.store import open_store

    url = str(path)
    with open_store(url) as store:
        for article in sample_articles() if articles is None else articles:
            store.add_article(article, author="Staff reporter")
        for article in hostile_articles() if hostile else ():
            store.add_article(article, author=hostile_author(article))
    return url


_SAID = re.compile(r'"(?P<content>[^"]+),"\s+(?P<cue>said|says)\s+(?P<who>[A-Z]\w+(?: [A-Z]\w+)*)')


class RuleExtractor:
    """A stand-in for ``Extractor`` with one rule (``"…," said Name``): fast and predictable.

    The server takes its extractor as a parameter; these tests check the
    server's handling of what comes back, not the extractor's accuracy.
    """

    def extract(self, text: str, **meta: Any) -> Article:
        said = []
        for match in _SAID.finditer(text):
            said.append(
                Attribution(
                    id=f"a{len(said) + 1}",
                    kind="direct",
                    content=(Fragment.of(text, match.start(), match.start("cue") - 1),),
                    cue=(Fragment.of(text, match.start("cue"), match.end("cue")),),
                    speaker=Speaker((Fragment.of(text, match.start("who"), match.end("who")),), name=match["who"]),
                )
            )
        return Article(text=text, attributions=tuple(said), **meta)


class GatedExtractor(RuleExtractor):
    """The rule extractor, except that a text ``wait for PATH`` blocks until PATH exists.

    It stands in for a pathological article: the tests decide when (or whether)
    its extraction ends, with no timing guesses.
    """

    def extract(self, text: str, **meta: Any) -> Article:
        import os
        import time

        if text.startswith("wait for "):
            while not os.path.exists(text.removeprefix("wait for ")):
                time.sleep(0.02)
        return super().extract(text, **meta)


def analyse_form(client: Any, **fields: str) -> dict[str, str]:
    """The fields of a post to /analyse: ``fields`` plus the token of a form served just now."""
    page = client.get("/analyse").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token, "the analyse form carries no token"
    return {**fields, "csrf_token": token[1]}


def make_app(url: str, **options: Any):
    """The server app over ``url`` with the rule extractor unless one is given."""
    from onrecord.server.app import create_app

    options.setdefault("extractor", RuleExtractor())
    return create_app(url, **options)


class LiveServer:
    """An app served by uvicorn in a thread on 127.0.0.1, as ``onrecord serve`` runs it.

    Use as a context manager; ``url`` is the base address (``http://127.0.0.1:PORT``).
    """

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="critical", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread: Any = None

    def __enter__(self) -> LiveServer:
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 120
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start (its extraction workers load first)")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def make_client(url: str, **options: Any):
    """A live server over the store at ``url`` and an httpx client bound to it.

    Returns a context manager yielding the client (its ``server_context`` is the
    app's ServerContext); the server stops on exit.
    """
    import contextlib

    import httpx

    @contextlib.contextmanager
    def running():
        app = make_app(url, **options)
        with LiveServer(app) as live, httpx.Client(base_url=live.url, timeout=30) as client:
            client.server_context = app.state.context  # for tests that swap the store
            yield client

    return running()


def assert_error(response, status: int) -> str:
    """The one error shape: exactly {"error": {"status", "message"}}; returns the message."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]["message"]

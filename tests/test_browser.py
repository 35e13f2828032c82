"""The explorer in real headless Chromium (Debian ``chromium``, driven by Playwright).

Ingests articles written for this test (one through ``POST /api/articles`` with
the real extractor), searches, opens a speaker page and an article page, checks
the highlights, and checks that ``<script>`` and ``onerror`` payloads in article
text and titles are shown as text and never run.

The payload tests (issue 5, item 3) render every page that shows
``XSS_PAYLOADS`` twice: once with the Content-Security-Policy switched off, so
that only escaping stands between a payload and the page (a template that let
one through would run it), and once with the policy on, where nothing may even
be refused.
"""

from __future__ import annotations

import os
import re

import pytest

from server_fixtures import XSS, XSS_PAYLOADS, LiveServer, hostile_articles, make_app, make_store

# A real Chromium per module: the full tier's (make test), not the fast one.
pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOKEN = "browser-test-token"
IMG_XSS = '<img src=x onerror="window.__xss=2">'
POSTED_TITLE = f"{XSS} Harbour tunnel plan"
POSTED_TEXT = (
    "Harbour tunnel plan unveiled\n\n"
    f'"The tunnel will open in 2027, {XSS} or not," said Mayor Lena Ortiz on Friday.\n\n'
    f"Engineers said the design {IMG_XSS} was finished.\n"
)

if not os.path.exists(CHROMIUM):  # pragma: no cover - CI installs it (scripts/system-packages.sh)
    pytest.skip(f"needs Debian chromium at {CHROMIUM}", allow_module_level=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A live explorer over a store with the sample articles plus one posted through the API."""
    import httpx

    from onrecord import Extractor

    url = make_store(tmp_path_factory.mktemp("browser") / "onrecord.db")
    with LiveServer(make_app(url, token=TOKEN, extractor=Extractor())) as live:
        posted = httpx.post(
            f"{live.url}/api/articles",
            json={"text": POSTED_TEXT, "title": POSTED_TITLE, "id": "tunnel-4", "published": "2024-04-05"},
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=60,
        )
        assert posted.status_code == 201, posted.text
        yield live.url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.errors = []  # uncaught exceptions in the page's own scripts
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def assert_inert(page) -> None:
    """No payload ran, the only script is ours, and it ran without errors."""
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))") == ["/static/onrecord.js"]
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.errors == []


def test_search_speaker_and_article(site, page):
    page.goto(site + "/")
    page.fill("#q", "ferry")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/quotes\?q=ferry"))
    marks = page.locator("li.hit mark")
    assert marks.count() >= 2
    assert {text.lower() for text in marks.all_inner_texts()} == {"ferry"}
    assert page.evaluate("getComputedStyle(document.querySelector('mark')).backgroundColor") != "rgba(0, 0, 0, 0)"

    # filters: the budget quote by Lena Ortiz, with its payload shown as text
    page.goto(site + "/")
    page.fill("#q", "budget")
    page.fill("input[name=speaker]", "Lena Ortiz")
    page.select_option("form.search select[name=kind]", "direct")
    page.click("form.search button[type=submit]")
    page.wait_for_url(re.compile(r"/quotes\?"))
    (quote,) = page.locator("li.hit blockquote").all_inner_texts()
    assert XSS in quote and page.locator("li.hit mark").inner_text() == "budget"
    assert XSS in page.locator("li.hit a.article").inner_text()
    assert_inert(page)

    # the speaker page: descriptions, counts, a bar per month, quotes newest first
    page.click("li.hit a.speaker")
    page.wait_for_url(re.compile(r"/speakers/\d+$"))
    assert page.locator("h1").inner_text() == "Lena Ortiz"
    assert "mayor of Eastport" in page.locator("main").inner_text()
    bars = page.locator("figure.timeline rect")
    months = [bars.nth(i).get_attribute("data-month") for i in range(bars.count())]
    assert months[:3] == ["2024-01", "2024-02", "2024-03"]
    assert [bars.nth(i).get_attribute("data-count") for i in range(3)] == ["1", "0", "1"]
    assert float(bars.first.get_attribute("height")) > 0
    assert page.locator("li.hit").count() >= 2
    assert_inert(page)

    # the article page: every attribution highlighted, coloured per speaker
    page.click("li.hit a.article >> text=Budget row deepens")
    page.wait_for_url(re.compile(r"/articles/budget-2$"))
    assert page.locator("h1").inner_text() == f"{XSS} Budget row deepens"
    assert XSS in page.title()
    text = page.locator("#article-text")
    assert text.inner_text().startswith(f"{XSS} Budget row deepens")
    contents = page.locator("#article-text .r-content")
    assert contents.count() >= 2
    colours = {contents.nth(i).evaluate("e => getComputedStyle(e).backgroundColor") for i in range(contents.count())}
    assert len(colours) == 2 and "rgba(0, 0, 0, 0)" not in colours  # Lena Ortiz and the Gazette
    assert page.locator("#article-text .r-cue").count() == 2
    assert page.locator("#article-text .r-speaker").count() == 2
    first = contents.first
    assert "Lena Ortiz" in first.get_attribute("title")
    assert XSS in first.inner_text()

    # click: the attribution is selected and its speaker shown, as text
    first.click()
    detail = page.locator("#attribution-detail")
    detail.wait_for(state="visible")
    assert "Lena Ortiz (mayor of Eastport)" in detail.inner_text()
    assert page.locator("#article-text .active").count() >= 3  # content, cue, speaker
    assert page.locator("li.attr.active").count() == 1
    assert_inert(page)


def test_dashboard_charts_outlets_and_narrows(site, page):
    page.goto(site + "/")
    lines = page.locator("figure.timeline polyline.outlet")
    assert lines.count() >= 2
    # the SVG is drawn, not left to a script: each line has a visible stroke
    assert page.evaluate("getComputedStyle(document.querySelector('polyline.outlet')).stroke") not in ("none", "")
    assert "Harbour Gazette" in page.locator("ul.legend").inner_text()
    assert page.locator("table.gender").count() == 1
    page.fill("form.dashboard-filters input[name=outlet]", "Harbour Gazette")
    page.click("form.dashboard-filters button[type=submit]")
    page.wait_for_url(re.compile(r"/\?outlet=Harbour"))
    assert page.locator("figure.timeline polyline.outlet").count() == 1
    assert_inert(page)


def test_dashboard_most_quoted_follows_its_filters(site, page):
    page.goto(site + "/")
    assert "Lena Ortiz" in page.locator("ol.most-quoted li a").all_inner_texts()
    # indirect attributions only: the mayor's quotes are all direct, so she leaves the list
    page.select_option("form.dashboard-filters select[name=kind]", "indirect")
    page.click("form.dashboard-filters button[type=submit]")
    page.wait_for_url(re.compile(r"/\?.*kind=indirect"))
    names = page.locator("ol.most-quoted li a").all_inner_texts()
    assert "Tomas Reyes" in names and "Lena Ortiz" not in names
    assert set(page.locator("ol.most-quoted li .count").all_inner_texts()) == {"1"}  # counted under the filter
    assert page.locator("form.dashboard-filters select[name=named]").input_value() == "named"  # the default, kept
    assert page.locator("form.dashboard-filters select[name=kind]").input_value() == "indirect"
    assert_inert(page)
    page.click("ol.most-quoted a >> text=Tomas Reyes")
    page.wait_for_url(re.compile(r"/speakers/\d+$"))
    assert page.locator("h1").inner_text() == "Tomas Reyes"


def test_quote_page_and_download_link(site, page):
    import csv

    page.goto(site + "/quotes?q=ferry")
    total = int(page.locator("p.summary .count").inner_text())
    assert total >= 3 and page.locator("aside.facets a").count() >= 3

    # a facet adds its filter and the count it showed is the new total
    kind = page.locator("section.facet-kind li").first
    label, count = kind.locator("a").inner_text(), int(kind.locator(".count").inner_text())
    kind.locator("a").click()
    page.wait_for_url(re.compile(rf"kind={label}"))
    assert int(page.locator("p.summary .count").inner_text()) == count
    assert {k.lower() for k in page.locator("li.hit .kind").all_inner_texts()} == {label}

    # the download link answers every hit of the filtered view as a CSV file
    with page.expect_download() as info:
        page.click("a.download >> text=CSV")
    download = info.value
    assert download.suggested_filename == "onrecord-quotes.csv"
    with open(download.path(), encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == count and {row["kind"] for row in rows} == {label}

    # the quote page: where and when it was first seen, every occurrence, its wordings
    page.goto(site + "/quotes?q=" + "sink money")
    page.click("li.hit a.quote")
    page.wait_for_url(re.compile(r"/quotes/q[0-9a-f]+$"))
    assert page.locator("blockquote.quotation").inner_text() == "We will not sink money into a ferry nobody rides"
    assert "2024-01-15" in page.locator("dl.quote-facts").inner_text()
    assert page.locator("table.occurrences tbody tr").count() == 1
    assert page.locator("figure.variant").count() == 1
    page.click("table.occurrences a >> text=Council delays vote on river ferry")
    page.wait_for_url(re.compile(r"/articles/ferry-1$"))
    assert_inert(page)


def test_posted_article_shows_payloads_as_text(site, page):
    page.goto(site + "/articles/tunnel-4")
    assert page.locator("h1").inner_text() == POSTED_TITLE
    body = page.locator("#article-text").inner_text()
    assert XSS in body and IMG_XSS in body
    assert_inert(page)
    page.goto(site + "/quotes?q=tunnel")
    assert_inert(page)


def test_analyse_annotates_without_storing(site, page):
    page.goto(site + "/analyse")
    page.fill("#title", XSS)
    page.fill("#text", f'"The ferry will sail again in May," said Ann Bell, who runs the cafe.\n\n{XSS} {IMG_XSS}')
    page.click("form.analyse button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == XSS
    assert page.locator(".unsaved").count() == 1
    assert XSS in page.locator("#article-text").inner_text()
    assert IMG_XSS in page.locator("#article-text").inner_text()
    # the real extractor's output, so only what it surely finds: one quote by Ann Bell
    assert page.locator("#article-text .r-content").count() >= 1
    assert "Ann Bell" in page.locator("#article-text .r-content").first.get_attribute("title")
    assert_inert(page)
    page.goto(site + "/quotes?q=Bell")
    assert page.locator("li.hit").count() == 0


def test_docs_render_offline_under_the_policy(site, browser):
    """/docs lists the API's operations with every request kept on this server, and nothing blocked."""
    context = browser.new_context()
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    try:
        page.goto(site + "/docs")
        page.locator(".opblock").first.wait_for(timeout=15_000)
        paths = set(page.locator(".opblock-summary-path").all_inner_texts())
        assert {"/api/quotes", "/api/speakers", "/api/speakers/{speaker_id}", "/api/extract", "/api/articles"} <= paths
        assert page.locator(".opblock-get").count() >= 4 and page.locator(".opblock-post").count() >= 2
        # the style sheet applied: the operations are laid out, not bare text
        assert page.locator(".opblock").first.evaluate("e => getComputedStyle(e).borderStyle") != "none"
    finally:
        context.close()
    assert requests and all(url.startswith(site + "/") for url in requests), requests
    assert errors == []  # a script or style refused by the policy would be logged here


# -- payloads: every page that shows them, with and without the policy -----------------------

HOSTILE = hostile_articles()
# Records what the policy refuses; an init script runs before the page's own, whatever the policy.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective + " " + e.sample));
"""
# Whatever a payload could have made of the page: handlers, elements the explorer never
# writes, script URLs, a second script, an SVG outside the timeline.
INJECTED = """() => {
  const found = [];
  for (const e of document.querySelectorAll("*")) {
    for (const a of e.attributes) {
      if (a.name.startsWith("on")) found.push(e.tagName + " " + a.name);
      if (/^\\s*(javascript|vbscript):/i.test(a.value) && ["href", "src", "action", "data", "formaction"].includes(a.name)) found.push(e.tagName + " " + a.name);
    }
  }
  for (const e of document.querySelectorAll("img, iframe, object, embed, base, details, math, style, meta[http-equiv], svg:not(figure.timeline svg)"))
    found.push(e.tagName);
  for (const s of document.scripts) if (s.getAttribute("src") !== "/static/onrecord.js") found.push("script " + s.outerHTML.slice(0, 80));
  return found;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A live explorer over the sample articles and one article per payload (rule extractor)."""
    url = make_store(tmp_path_factory.mktemp("hostile") / "onrecord.db", hostile=True)
    with LiveServer(make_app(url)) as live:
        speakers = httpx_get(live.url + "/api/speakers?limit=200")["items"]
        yield live.url, {s["name"]: s["id"] for s in speakers}


def httpx_get(url: str):
    import httpx

    return httpx.get(url, timeout=30).json()


def visits(ids: dict[str, int]) -> list[tuple[str, list[str]]]:
    """(path, payloads the page must show as text) for every stored-data page."""
    from urllib.parse import quote

    pages = [("/", []), ("/speakers", list(XSS_PAYLOADS)), ("/quotes?limit=200", list(XSS_PAYLOADS))]
    for n, (article, payload) in enumerate(zip(HOSTILE, XSS_PAYLOADS), 1):
        pages.append((f"/articles/{quote(article.id, safe='')}", [payload]))
        pages.append((f"/speakers/{ids[f'Speaker{n} {payload}']}", [payload]))
    return pages


def reflected(everything: str) -> list[tuple[str, list[str]]]:
    """Pages that echo the payloads from the request (all of them at once, joined)."""
    from urllib.parse import quote, urlencode

    shown = [p.strip() for p in XSS_PAYLOADS]
    return [
        ("/quotes?" + urlencode({"q": everything, "speaker": everything, "outlet": everything}), shown),
        ("/quotes?" + urlencode({"q": everything, "since": everything, "kind": everything}), shown),  # a 400
        ("/speakers?" + urlencode({"q": everything}), shown),
        (f"/articles/{quote(everything, safe='')}", shown),
    ]


def inspect(page, path: str, shown: list[str]) -> None:
    """Nothing ran, nothing was injected, and each payload is on the page as text."""
    assert page.evaluate("typeof window.__xss") == "undefined", (path, page.evaluate("window.__xss"))
    assert page.evaluate(INJECTED) == [], path
    # as text: in text nodes, form field values (the search form echoes the query) or the title
    text = page.evaluate(
        "document.title + document.body.textContent + Array.from(document.querySelectorAll('input, textarea'), e => e.value).join(' ')"
    )
    for payload in shown:
        assert payload in text, (path, payload)
    assert page.errors == [], path


def browse_everything(page, site: str, ids: dict[str, int]) -> int:
    """Visit every page showing payloads and the analyse form; return the pages checked."""
    everything = " ".join(XSS_PAYLOADS)
    checked = 0
    for path, shown in visits(ids) + reflected(everything):
        page.goto(site + path)
        assert page.url == site + path or path.startswith("/articles/%"), path  # no refresh, no <base>
        inspect(page, path, shown)
        checked += 1
    for n, article in enumerate(HOSTILE, 1):
        # the exact text, title and link, and the click that builds the detail box (onrecord.js)
        page.goto(site + visits(ids)[2 + 2 * n - 1][0])
        assert page.evaluate("document.getElementById('article-text').textContent") == article.text
        assert page.evaluate("document.querySelector('h1').textContent") == article.title
        assert page.title().startswith(article.title)
        source = page.locator("a.source")
        assert source.count() == (0 if article.url.startswith("javascript:") else 1)
        if source.count():
            assert source.get_attribute("href") == article.url
        page.locator("#article-text .r-content").first.click()
        detail = page.locator("#attribution-detail")
        detail.wait_for(state="visible")
        assert f"Speaker{n} {XSS_PAYLOADS[n - 1]}" in detail.text_content()
        inspect(page, f"article {n} clicked", [])
        checked += 1
    # the analyse form: annotated, and re-shown in its <textarea> when too long
    for text in (everything, everything * (200_001 // len(everything) + 1)):
        page.goto(site + "/analyse")
        page.fill("#title", everything)
        page.fill("#text", text)
        page.click("form.analyse button[type=submit]")
        page.wait_for_load_state()
        inspect(page, "/analyse", [p.strip() for p in XSS_PAYLOADS] if len(text) < 200_000 else [])
        if len(text) > 200_000:
            assert page.input_value("#text") == text.replace("\r\n", "\n")
            assert page.input_value("#title") == everything
        checked += 1
    return checked


def test_payloads_are_text_even_without_the_policy(hostile_site, browser):
    """With the policy bypassed, only escaping keeps the payloads from running."""
    site, ids = hostile_site
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    try:
        page.goto(site + "/")
        # the control: in this context an inline script does run, so the checks below are not
        # protected by the policy
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__control = 1'; document.head.append(s); }")
        assert page.evaluate("window.__control") == 1
        checked = browse_everything(page, site, ids)
    finally:
        context.close()
    assert checked == 3 + 2 * len(XSS_PAYLOADS) + 4 + len(XSS_PAYLOADS) + 2


def test_the_policy_refuses_inline_script_and_nothing_else(hostile_site, browser):
    """With the policy on, the same pages need nothing refused, and an inline script is refused."""
    site, ids = hostile_site
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    violations = []
    original_goto = page.goto

    def goto(url: str, **kwargs):
        if page.url.startswith(site):
            violations.extend(page.evaluate("window.__violations || []"))
        return original_goto(url, **kwargs)

    page.goto = goto
    try:
        browse_everything(page, site, ids)
        violations.extend(page.evaluate("window.__violations"))
        assert violations == []
        # the control: an inline script is refused, and the refusal is seen
        page.goto(site + "/")
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__control = 1'; document.head.append(s); }")
        page.wait_for_function("window.__violations.length > 0")
        assert page.evaluate("typeof window.__control") == "undefined"
        assert page.evaluate("window.__violations")[0].startswith("script-src")
    finally:
        context.close()

"""The explorer in real headless Chromium (Debian ``chromium``, driven by Playwright).

Ingests articles written for this test (one through ``POST /api/articles`` with
the real extractor), searches, opens a speaker page and an article page, checks
the highlights, and checks that ``<script>`` and ``onerror`` payloads in article
text and titles are shown as text and never run.
"""

from __future__ import annotations

import os
import re

import pytest

from server_fixtures import XSS, LiveServer, make_app, make_store

pytestmark = pytest.mark.browser

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
    page.select_option("select[name=kind]", "direct")
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

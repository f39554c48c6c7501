"""Search as a reader uses it, from ``file://`` and over http, in Debian's Chromium.

A site of the sample, the hostile and other test articles and the evaluation set (over 30
articles) is built once; every test runs from disk and from a server on 127.0.0.1, and fails on
any console error, failed request, or request that leaves the site.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from itertools import accumulate
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from browser_support import REPO, Tab, _expect, build_site, serve

from build_tools.search.encode import decode_ints
from build_tools.search.text import tokens

pytestmark = pytest.mark.browser

DATA = Path(__file__).parent / "data"
VECTORS = json.loads((DATA / "search" / "fold_vectors.json").read_text(encoding="utf-8"))["cases"]
CARAVAN = "Migrant caravan advances north as U.S. officials head to Mexico"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    inputs = [*sorted((REPO / "seeds").glob("*.txt")), *sorted((DATA / "articles").glob("*.txt")),
              *sorted((DATA / "eval" / "articles").glob("*.txt"))]
    assert len(inputs) >= 30
    return build_site(tmp_path_factory.mktemp("search-site"), inputs)


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(params=["file", "http"])
def origin(request, site: Path) -> Callable[[str], str]:
    """``origin("search.html?q=x")``: the URL of a page of the site, from disk or served."""
    if request.param == "file":
        base = site.as_uri() + "/"
    else:
        base = request.getfixturevalue("server")
    return lambda path: base + path


@pytest.fixture
def reader(tab: Tab, origin) -> Iterator[Tab]:
    """A tab that also fails on any request outside the site."""
    base = origin("")
    tab.page.on("request", lambda r: None if r.url.startswith(base) else tab.problems.append(
        f"request outside the site: {r.url}"))
    yield tab
    tab.assert_clean()


def search(tab: Tab, url: str) -> dict:
    """Open a search URL and wait until it has finished; what it shows."""
    page = tab.page
    page.goto(url)
    return finished(page)


def finished(page) -> dict:
    page.wait_for_function(
        """() => { const s = document.querySelector('.news-search-status');
                   return s && /\\d+ articles? |could not/.test(s.textContent); }""")
    return page.evaluate("""() => ({
        status: document.querySelector('.news-search-status').textContent,
        names: [...document.querySelectorAll('.news-search-name a')].map(a => a.textContent),
        titles: [...document.querySelectorAll('.news-search-result .news-search-title')]
                  .map(a => a.textContent),
        snippets: [...document.querySelectorAll('.news-search-snippet')].map(p => ({
            text: p.textContent,
            marks: [...p.querySelectorAll('mark')].map(m => m.textContent)})),
        loaded: NewsSearch.loaded.slice(),
    })""")


def count(shown: dict) -> int:
    return int(re.match(r"(\d+) article", shown["status"]).group(1))


def q(text: str, **filters: str) -> str:
    return "search.html?q=" + quote(text) + "".join(f"&{k}={quote(v)}" for k, v in filters.items())


def test_folding_and_stemming_agree_with_python(reader: Tab, origin, site: Path) -> None:
    import Stemmer

    search(reader, origin(q("caravan")))
    cases = [c["text"] for c in VECTORS]
    got = reader.page.evaluate("(texts) => texts.map(t => [NewsSearch.fold(t), "
                               "NewsSearch.tokens(t)])", cases)
    assert got == [[c["fold"], c["tokens"]] for c in VECTORS]
    # Every word of the built site's text leads the browser to the stem the index writer
    # gave it, even where the browser's Snowball release stems it otherwise.
    words = sorted({w for p in (site / "_search" / "d").glob("*.js")
                    for w in tokens(p.read_text(encoding="utf-8"))})
    assert len(words) > 2000
    stems = reader.page.evaluate("(ws) => Promise.all(ws.map(w => NewsSearch.stemOf(w)))", words)
    stem = Stemmer.Stemmer("english").stemWord
    assert {w: s for w, s in zip(words, stems, strict=True) if s != stem(w)} == {}
    # Words the archive lacks are stemmed in the browser: the same algorithm.
    unseen = ["migrations", "reporting", "caravans", "negotiators"]
    assert reader.page.evaluate("(ws) => ws.map(w => NewsSearch.stem(w))", unseen) == \
        [stem(w) for w in unseen]


def test_surname_shows_the_person_first_then_articles_with_snippets(reader: Tab, origin) -> None:
    shown = search(reader, origin(q("Mayorkas")))
    assert shown["names"][0] == "Alejandro Mayorkas"
    assert CARAVAN in shown["titles"]
    assert count(shown) == len(shown["titles"]) >= 1
    for snippet in shown["snippets"]:
        assert snippet["text"].strip() and snippet["marks"], snippet
    # Only what this query needs: no article text beyond the results shown.
    assert sum(k.startswith("d/") for k in shown["loaded"]) == len(shown["titles"])
    assert not any(k.startswith("p/") for k in shown["loaded"])


def test_accents_case_and_a_two_word_surname(reader: Tab, origin) -> None:
    shown = search(reader, origin(q("garcia villagran")))
    assert shown["names"][0] == "Luis García Villagrán"
    assert CARAVAN in shown["titles"]
    assert "García" in " ".join(m for s in shown["snippets"] for m in s["marks"])
    assert search(reader, origin(q("Lopez Obrador")))["names"][0] == \
        "Andres Manuel Lopez Obrador"


def test_prefix_of_the_last_word_while_typing(reader: Tab, origin) -> None:
    full = search(reader, origin(q("caravan")))
    typed = search(reader, origin(q("carava")))
    assert CARAVAN in full["titles"] and CARAVAN in typed["titles"]
    # A word that is finished (a space after it) is not a prefix.
    assert count(search(reader, origin(q("carava ")))) == 0


def test_quoted_phrase(reader: Tab, origin, site: Path) -> None:
    phrase = search(reader, origin(q('"central bank"')))
    words = search(reader, origin(q("central bank")))
    assert 0 < count(phrase) <= count(words)
    assert any(k.startswith("p/") for k in phrase["loaded"])
    texts = {}
    for path in (site / "_search" / "d").glob("*.js"):
        text = path.read_text(encoding="utf-8")
        texts[json.loads(text[text.index(",") + 1:-3])["t"]] = text
    for title in phrase["titles"]:
        assert re.search(r"central\s+bank", texts[title], re.IGNORECASE), title
    assert count(search(reader, origin(q('"bank central"')))) < count(phrase)


def _payload(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1:-3])


def _with_facets(site: Path, **wanted: str) -> list[str]:
    """Titles of the documents that have every *wanted* facet value, newest first, decoded
    in Python from ``facets.js`` and the ``d/N`` files (the numbers are not 0 to N - 1)."""
    data = _payload(site / "_search" / "facets.js")
    numbers = [n - 1 for n in accumulate(decode_ints(data["docs"]))]
    having = set(numbers)
    for facet in data["facets"]:
        if facet["key"] not in wanted:
            continue
        ints, per_doc, ids, current = decode_ints(facet["col"]), [], [], -1
        if facet["key"] == "year":
            per_doc = [[v - 1] if v else [] for v in ints]
        else:
            for v in ints:
                if v == 0:
                    per_doc.append(ids)
                    ids, current = [], -1
                else:
                    current += v
                    ids.append(current)
        value = facet["values"].index(wanted[facet["key"]])
        having &= {n for n, found in zip(numbers, per_doc) if value in found}
    return [_payload(site / "_search" / "d" / f"{n}.js")["t"] for n in sorted(having, reverse=True)]


def test_facets_filter_and_live_in_the_url(reader: Tab, origin, site: Path) -> None:
    page, expect = reader.page, _expect()
    before = search(reader, origin(q("border")))
    chip = page.locator('.news-facet[data-facet="tag"] button[data-value="migration"]')
    expect(chip).to_have_attribute("aria-pressed", "false")
    chip.click()
    expect(chip).to_have_attribute("aria-pressed", "true")
    after = finished(page)
    assert 0 < count(after) <= count(before)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["border"], "tag": ["migration"]}
    # The URL alone gives the same page.
    again = search(reader, origin(q("border", tag="migration")))
    assert again["titles"] == after["titles"] and count(again) == count(after)
    # Filters with no words list every article that has them, newest first.
    by_year = search(reader, origin("search.html?year=2007&tag=markets"))
    expected = _with_facets(site, year="2007", tag="markets")
    assert count(by_year) == len(expected) > 0 and by_year["titles"] == expected[:10]
    assert count(search(reader, origin("search.html?tag=no-such-tag"))) == 0


def test_more_results(reader: Tab, origin) -> None:
    page = reader.page
    shown = search(reader, origin(q("said")))
    total = count(shown)
    assert total > 10 and len(shown["titles"]) == 10
    page.locator(".news-search-more").click()
    page.wait_for_function("() => document.querySelectorAll('.news-search-result').length > 10")
    assert page.locator(".news-search-result").count() == min(20, total)


def test_keyboard_alone(reader: Tab, origin) -> None:
    page = reader.page
    page.goto(origin("search.html"))
    assert page.evaluate("document.activeElement.id") == "news-search-q"
    page.keyboard.type("caravan")
    page.keyboard.press("Enter")
    finished(page)
    assert page.get_attribute(".news-search-status", "aria-live") == "polite"
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == CARAVAN:
            break
    else:
        pytest.fail("no result link reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/articles/[a-z0-9-]+\.html$"))


def test_article_text_stays_text(reader: Tab, origin) -> None:
    shown = search(reader, origin(q("alert iframe")))
    assert count(shown) >= 1
    assert reader.page.locator(".news-search-results script, .news-search-results iframe, "
                               ".news-search-results img, .news-search-results b").count() == 0
    assert "<" in " ".join(s["text"] for s in shown["snippets"])


def test_same_results_from_disk_and_server(tab: Tab, site: Path, server: str) -> None:
    for query in ("Mayorkas", "said", '"central bank"', "bord"):
        disk = search(tab, site.as_uri() + "/" + q(query))
        served = search(tab, server + q(query))
        assert (disk["titles"], disk["names"], disk["status"]) == \
            (served["titles"], served["names"], served["status"]), query
    tab.assert_clean()


def test_search_box_on_every_page_leads_to_search(reader: Tab, origin) -> None:
    page = reader.page
    page.goto(origin("people/index.html"))
    box = page.locator("form[role=search] input[name=q]").first
    box.fill("Mayorkas")
    box.press("Enter")
    shown = finished(page)
    assert urlsplit(page.url).path.endswith("/search.html")
    assert shown["names"][0] == "Alejandro Mayorkas"


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import CORPUS

    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not beside the checkout")
    return build_site(tmp_path_factory.mktemp("corpus-site"), sorted(CORPUS.glob("*.txt")))


@pytest.mark.corpus
def test_real_articles_from_disk_surnames_find_people_first(tab: Tab, corpus_site: Path) -> None:
    """The 300 real articles of 2007, opened from disk: the most-covered people, searched by
    surname, come first, then articles with snippets."""
    text = (corpus_site / "_search" / "facets.js").read_text(encoding="utf-8")
    facets = {f["key"]: f for f in json.loads(text[text.index(",") + 1:-3])["facets"]}
    for person in facets["person"]["values"][:5]:
        surname = person.split()[-1]
        shown = search(tab, (corpus_site / "search.html").as_uri() + "?q=" + quote(surname))
        assert person in shown["names"][:3], (surname, shown["names"])
        assert count(shown) >= 2 and shown["titles"]
        assert all(s["marks"] for s in shown["snippets"]), (surname, shown["snippets"])
        assert all(k.startswith(("manifest", "facets", "t/", "n/", "d/")) for k in shown["loaded"])
    tab.assert_clean()


def test_the_search_benchmark_runs_on_a_built_site(site: Path, browser) -> None:
    """``make bench``'s search part, once, on the test site: real figures, not a timing test."""
    from build_tools import search_bench

    report = search_bench.measure(site, runs=1, browser=browser)
    table = search_bench.markdown(report)
    assert "| query |" in table and "index loaded" in table
    assert report["files"] > 30 and len(report["queries"]) >= 4
    assert all(q["problems"] == [] for q in report["queries"]), report["queries"]

"""axe-core on the pages a reader meets: no serious or critical violation, in light and in
dark mode, at desktop and phone widths. axe-core is vendored in ``tests/vendor/axe-core``."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import REPO, build_site

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    inputs = [*sorted((REPO / "seeds").glob("*.txt")), *sorted((DATA / "articles").glob("*.txt")),
              *sorted((DATA / "eval" / "articles").glob("*.txt"))]
    return build_site(tmp_path_factory.mktemp("a11y-site"), inputs)


def pages(site: Path) -> dict[str, str]:
    person = max((p for p in (site / "people").glob("*.html")
                  if p.stem not in ("index", "by-count")), key=lambda p: p.stat().st_size)
    article = next((site / "articles").glob("migrant-caravan*.html"))
    return {
        "home": "index.html",
        "article": article.relative_to(site).as_posix(),
        "person": person.relative_to(site).as_posix(),
        "people index": "people/index.html",
        "tags by count": "tags/by-count.html",
        "date archive": "dates/index.html",
        "search": "search.html?q=migrants",
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
def test_no_serious_or_critical_violations(browser, site: Path, scheme: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  color_scheme=scheme)
    try:
        tab = context.new_page()
        found = {}
        for label, path in pages(site).items():
            tab.goto(site.as_uri() + "/" + path)
            if path.startswith("search"):
                tab.wait_for_selector(".news-search-result")
            tab.add_script_tag(path=str(AXE))
            violations = tab.evaluate("""async () => {
                const r = await axe.run(document, {resultTypes: ['violations']});
                return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
                  .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3)
                  .map(n => n.target.join(' ') + ' ' + ((n.any[0] || {}).message || '')).join('; ')}`);
            }""")
            if violations:
                found[label] = violations
        assert not found, "\n".join(f"{k}: {v}" for k, vs in found.items() for v in vs)
    finally:
        context.close()

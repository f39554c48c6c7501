# Configuration of the news archive site (Sphinx). Used with `-c .`: sources are in source/.
# Every `news_*` option is described in the README's configuration reference.

project = "News Archive"
author = "The archive's editors"
copyright = "the articles' publishers"

import os
from urllib.parse import urlsplit

extensions = ["myst_parser", "build_tools.sphinxext", "sphinx.ext.githubpages", "notfound.extension"]

# Publishing (README, "Publish on GitHub Pages"): SITE_URL is where the site will be online,
# such as https://you.github.io/news-archive/. It gives canonical links, absolute URLs in feeds
# and JSON-LD, sitemap.xml and robots.txt, and the 404 page's links. Without it every link is
# relative and the site is the same from disk or any server.
html_baseurl = os.environ.get("SITE_URL", "").strip()
if html_baseurl and not html_baseurl.endswith("/"):
    html_baseurl += "/"
# GitHub Pages shows 404.html for a missing page at any depth, so its links are absolute paths.
notfound_urls_prefix = urlsplit(html_baseurl).path or "/"
notfound_context = {
    "title": "Page not found",
    "body": "<h1>Page not found</h1><p>There is no page at this address. It may have moved: "
            "try the search, or start from the front page.</p>",
}

# Sources: hand-written pages in source/, generated articles in source/articles/.
root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "**/.*"]
templates_path = ["source/_templates"]  # your own templates override the archive's

# Text is printed exactly as written: no "smart" quotes, dashes or ellipses.
smartquotes = False
myst_enable_extensions = ["attrs_block"]  # only for the generated {.credits} line
myst_heading_anchors = 0

# Theme: Furo (responsive, light/dark, keyboard-friendly search box).
html_theme = "furo"
html_title = project
html_static_path = ["source/_static"]
html_favicon = "source/_static/favicon.svg"
html_copy_source = False  # articles' MyST sources are not published
html_show_sourcelink = False
html_last_updated_fmt = None
# Sphinx's general index lists `index` directives, which articles never have: it was an empty
# page, linked from every page's head and written again on every build. The archive's own
# indexes are the tags, people, places, organisations, authors and dates.
html_use_index = False
# The sidebar links to the indexes; it never lists articles (that makes builds O(N^2)).
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "news-sidebar.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}

# The archive (see README, "Configuration").
news_articles_dir = "articles"
news_indexes = {
    "tags": "Tags",
    "people": "People",
    "places": "Places",
    "organizations": "Organisations",
    "authors": "Authors",
    "agencies": "Agencies",
}
news_description = "Wire stories, indexed by who, where and what they are about."
news_page_size = 50
news_home_articles = 20
news_index_order = "name"  # or "count": most articles first (the other order is linked)
news_related = 5  # related articles on an article page
news_feeds = ["tags", "people", "authors"]  # indexes whose terms get an Atom feed
news_feed_length = 50
news_registry = "entities.yaml"  # relative to this file: aliases, and sort keys for the indexes
news_taxonomy = "tags.yaml"  # relative to this file: the words that give each tag

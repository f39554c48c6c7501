# Configuration of the news archive site (Sphinx). Used with `-c .`: sources are in source/.
# Every `news_*` option is described in the README's configuration reference.

project = "News Archive"
author = "The archive's editors"
copyright = "the articles' publishers"

extensions = ["myst_parser", "build_tools.sphinxext"]

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

# A small archive built by every builder in tests/test_builders.py; like the site, with Furo
# and the archive's sidebar.
extensions = ["myst_parser", "build_tools.sphinxext"]
source_suffix = {".md": "markdown"}
smartquotes = False
project = "Builder Archive"
language = "en"
html_theme = "furo"
html_copy_source = False
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
news_page_size = 2  # the archive and the migration tag take more than one page

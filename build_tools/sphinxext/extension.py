"""What the extension registers with Sphinx: its options, domain, nodes, directive and event
handlers (the work is in the modules :mod:`build_tools.sphinxext` lists)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from .builders import include_articles
from .collect import (
    NewsDomain,
    add_article_furniture,
    note_outdated,
    note_read,
    read_front_matter,
    term_reference,
)
from .config import PATH_OPTIONS, check_config
from .freshness import rewrite_for_site_changes
from .head import page_context, write_catalog
from .output import (
    generated_pages, remove_stale_output, rewrite_after_interrupt, share_navigation)
from .pages import LatestDirective, compute_terms, latest_list, resolve_links
from .publish import notfound_root, write_sitemap
from .reading import one_share_a_reader, read_few_serially, restore_parallel
from .search import collect_text, disable_sphinx_search
from .writing import bound_parallel_writing

__version__ = "0.1.0"
STATIC = Path(__file__).parent / "static"
THEME_TEMPLATES = Path(__file__).parent / "templates" / "theme"

DEFAULT_INDEXES = {
    "tags": "Tags",
    "people": "People",
    "places": "Places",
    "organizations": "Organisations",
    "authors": "Authors",
    "agencies": "Agencies",
}


def _add_templates(app: Sphinx, config: Any) -> None:
    # After the user's own folders, so a project's page.html still wins. A new list: the
    # default one is shared by every build in the process, and would grow with each.
    config.templates_path = [*config.templates_path, str(THEME_TEMPLATES)]
    # The archive's name is the project's, not "<project> documentation"; unless conf.py or
    # the command line (``-D html_title=...``) names it.
    if "html_title" not in config._raw_config and "html_title" not in config.overrides:
        config.html_title = config.project


def _add_static(app: Sphinx) -> None:
    app.config.html_static_path = [*app.config.html_static_path, str(STATIC)]
    app.add_css_file("news.css")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("news_articles_dir", PATH_OPTIONS["news_articles_dir"], "env", str)
    app.add_config_value("news_registry", PATH_OPTIONS["news_registry"], "env", str)
    # Read by the converter (``python -m build_tools html``), not by Sphinx.
    app.add_config_value("news_taxonomy", PATH_OPTIONS["news_taxonomy"], "")
    app.add_config_value("news_ner_backend", PATH_OPTIONS["news_ner_backend"], "")
    app.add_config_value("news_indexes", DEFAULT_INDEXES, "env", dict)
    app.add_config_value("news_page_size", 50, "html", int)
    app.add_config_value("news_home_articles", 20, "html", int)
    app.add_config_value("news_index_order", "name", "html", str)
    app.add_config_value("news_description", "", "html", str)
    app.add_config_value("news_related", 5, "html", int)
    app.add_config_value("news_feeds", ["tags", "people", "authors"], "html", (list, tuple))
    app.add_config_value("news_feed_length", 50, "html", int)
    app.add_config_value("news_home_terms", 10, "html", int)
    app.add_config_value("news_together", 8, "html", int)

    app.add_domain(NewsDomain)
    app.add_node(term_reference)
    app.add_node(latest_list)
    app.add_directive("news-latest", LatestDirective)

    app.connect("config-inited", check_config)
    app.connect("config-inited", _add_templates)
    app.connect("builder-inited", _add_static)
    app.connect("builder-inited", disable_sphinx_search)
    app.connect("builder-inited", bound_parallel_writing)
    app.connect("builder-inited", one_share_a_reader)
    app.connect("source-read", read_front_matter)
    app.connect("env-get-outdated", note_outdated)
    app.connect("env-before-read-docs", note_read)
    app.connect("env-before-read-docs", read_few_serially)
    app.connect("env-updated", restore_parallel, priority=100)
    # Text for the search index is taken after Sphinx reads the page's metadata (same
    # priority, registered earlier) and before the article furniture is added.
    app.connect("doctree-read", collect_text)
    app.connect("doctree-read", add_article_furniture)
    app.connect("env-get-updated", compute_terms)
    app.connect("env-get-updated", rewrite_after_interrupt)
    app.connect("env-get-updated", rewrite_for_site_changes)
    # One-document builders get every article first, so the links to them resolve.
    app.connect("doctree-resolved", include_articles, priority=400)
    app.connect("doctree-resolved", resolve_links)
    app.connect("html-collect-pages", generated_pages)
    app.connect("html-page-context", page_context)
    app.connect("html-page-context", share_navigation, priority=400)
    app.connect("html-page-context", notfound_root)
    # Before remove_stale_output, which takes the list of generated pages.
    app.connect("build-finished", write_sitemap)
    app.connect("build-finished", remove_stale_output)
    app.connect("build-finished", write_catalog)
    return {
        "version": __version__,
        "env_version": 9,  # 8: search texts beside the doctrees; 9: with their stemmer
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

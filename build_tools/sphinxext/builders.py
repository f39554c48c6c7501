"""What each builder writes, so that every link the extension makes leads somewhere.

* ``html``, ``dirhtml`` (any builder that runs :class:`StandaloneHTMLBuilder`'s ``finish``,
  which emits ``html-collect-pages``): every document, the generated pages (archive, dates,
  indexes, term pages, search), the feeds and ``catalog.json``.
* ``singlehtml`` overrides ``finish`` and never emits ``html-collect-pages``: one page, holding
  the root document, what its toctrees include and, appended here, every article.
* ``latex`` (and ``texinfo``): one file per ``latex_documents`` entry, assembled the same way;
  the one starting at the root document gets every article appended here.
* ``text``: one file per document; nothing generated.

A link to a page the builder does not write is plain text (:func:`page_uri`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.dirhtml import DirectoryHTMLBuilder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.errors import NoUri
from sphinx.util.osutil import relative_uri

from .collect import is_article
from .listing import order_articles


def writes_site_pages(builder: Builder) -> bool:
    """Whether *builder* emits ``html-collect-pages`` and so writes the generated pages."""
    return (isinstance(builder, StandaloneHTMLBuilder)
            and type(builder).finish is StandaloneHTMLBuilder.finish)


def assembles_one_document(builder: Builder) -> bool:
    """Whether *builder* writes its documents as one assembled tree (singlehtml, latex,
    texinfo): documents reach the output only through a toctree, or through
    :func:`include_articles`."""
    return callable(getattr(builder, "assemble_doctree", None))


def page_uri(app: Sphinx, fromdoc: str, target: str, anchor: str = "") -> str | None:
    """The link from *fromdoc* to the page *target* in this builder's output, or None when
    the builder does not write that page: *target* is a document that the builder can link
    (it raises ``NoUri`` for those it leaves out), or a generated page and the builder writes
    them."""
    if target not in app.env.found_docs and not writes_site_pages(app.builder):
        return None
    try:
        uri = relative_page_uri(app.builder, fromdoc, target)
    except NoUri:
        return None
    return uri + (f"#{anchor}" if anchor else "")


#: Each builder's target URIs: pages link the same few thousand targets hundreds of thousands
#: of times, and Sphinx works each one out again (``quote``) every time.
_TARGET_URIS: WeakKeyDictionary[Builder, dict[str, str]] = WeakKeyDictionary()


def relative_page_uri(builder: Builder, fromdoc: str, target: str) -> str:
    """``builder.get_relative_uri(fromdoc, target)``, with the target URIs remembered where
    the builder computes it the default way (it raises ``NoUri`` as the builder does)."""
    if type(builder).get_relative_uri is not Builder.get_relative_uri:
        return builder.get_relative_uri(fromdoc, target)
    known = _TARGET_URIS.setdefault(builder, {})
    for name in (fromdoc, target):
        if name not in known:
            known[name] = builder.get_target_uri(name)
    return relative_uri(known[fromdoc], known[target])


def output_name(builder: Builder, pagename: str) -> str:
    """Where *builder* writes *pagename*, relative to its output folder, with ``/``:
    ``people/joe-biden.html`` (``people/joe-biden/index.html`` in ``dirhtml``).

    Worked out from the name where the builder places pages as Sphinx's HTML builders do:
    this runs for every page and document of a build, and ``get_outfilename`` makes a
    ``Path`` each time (half a second a build at 10,000 articles)."""
    kind = type(builder)
    if kind.get_outfilename is StandaloneHTMLBuilder.get_outfilename:
        placed = kind.get_output_path
        if placed is StandaloneHTMLBuilder.get_output_path:
            return pagename + builder.out_suffix
        if placed is DirectoryHTMLBuilder.get_output_path:
            parts = pagename.split("/")
            if parts[-1] == "index":
                parts.pop()
            return "/".join([*parts, f"index{builder.out_suffix}"])
    path = Path(builder.get_outfilename(pagename))
    return path.relative_to(builder.outdir).as_posix()


def article_docnames(app: Sphinx) -> list[str]:
    """Every article, newest first; documents of the articles folder that are not listed
    (their front matter is missing or bad) follow by name."""
    domain: Any = app.env.domains["news"]
    listed = [e.docname for e in order_articles(domain.entries().values())]
    unlisted = sorted(d for d in app.env.found_docs
                      if is_article(app, d) and d not in domain.articles)
    return listed + unlisted


def include_articles(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` (before the links are resolved): in a one-document builder, every
    article after the root document's own content, as if it ended with a toctree of them.

    Articles are orphans, reached from generated pages a one-document builder never writes;
    without this, ``singlehtml`` and ``latex`` would hold none of them. Articles a toctree
    already brought in are not repeated.
    """
    builder = app.builder
    if docname != app.config.root_doc or not assembles_one_document(builder):
        return
    included = {docname, *(n["docname"] for n in doctree.findall(addnodes.start_of_file))}
    names = [d for d in article_docnames(app) if d not in included]
    if not names:
        return
    # LaTeX and Texinfo link only documents in their ``docnames`` (``NoUri`` otherwise); the
    # articles are in this file now, so links to them (and between them) resolve.
    if isinstance(getattr(builder, "docnames", None), set):
        builder.docnames.update(names)
    sections = [n for n in doctree.children if isinstance(n, nodes.section)]
    parent: nodes.Element = sections[-1] if sections else doctree
    for name in names:
        # Wrapped as a toctree would wrap it before the builder's post-transforms run on it
        # (LaTeX's gives the article's first section the label its links point to).
        tree = app.env.get_doctree(name)
        part = addnodes.start_of_file(docname=name)
        part.extend(tree.children)
        tree.children = []
        tree += part
        for section in part.findall(nodes.section):
            section.setdefault("docname", name)
        app.env.get_and_resolve_doctree(name, builder, tags=builder.tags, doctree=tree)
        parent += part

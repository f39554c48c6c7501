"""The archive's own full-text search index: pure functions from collected documents to files.

:mod:`.text` folds and tokenises text the way the browser does; :mod:`.encode` packs numbers
into short strings; :mod:`.index` turns documents, names and facets into the files that
``news-search.js`` loads by ``<script>`` tag. The Sphinx side (collecting, writing) is in
:mod:`build_tools.sphinxext.search`.
"""

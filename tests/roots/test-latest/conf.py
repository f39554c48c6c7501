extensions = ["myst_parser", "build_tools.sphinxext"]
source_suffix = {".md": "markdown"}

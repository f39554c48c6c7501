extensions = ["myst_parser", "build_tools.sphinxext"]
source_suffix = {".md": "markdown"}
smartquotes = False
project = "Test Archive"
language = "en"
news_description = "A test archive <of> \"wire\" stories & more"

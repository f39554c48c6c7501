from build_tools.extract import extract
from build_tools.extract.registry import load_registry, load_taxonomy
from build_tools.naming import person_sort_key, slugify
from build_tools.parse import parse_text
from conftest import ARTICLES, REPO, SAMPLE


def extract_file(path):
    parsed = parse_text(path.read_text(encoding="utf-8"), path.name)
    return extract(parsed, load_registry(REPO / "entities.yaml"),
                   load_taxonomy(REPO / "tags.yaml"))


def test_sample_people_places_organizations():
    found = extract_file(SAMPLE)
    assert set(found.people) == {
        "Antony Blinken", "Alejandro Mayorkas", "Andres Manuel Lopez Obrador",
        "Matthew Miller", "Joe Biden", "Luis García Villagrán", "Rosa",
    }
    assert set(found.places) == {
        "Villa Comaltitlán", "Chiapas", "United States", "Mexico", "Western Hemisphere",
        "El Salvador", "Darien Gap", "Colombia", "Central America",
    }
    assert set(found.organizations) == {
        "State Department", "Department of Homeland Security", "United Nations"}
    assert found.roles["Antony Blinken"] == ["Secretary of State"]
    assert found.location == "Villa Comaltitlán"


def test_journalists_are_not_people_of_the_story():
    found = extract_file(ARTICLES / "2023-12-26-biden-border.txt")
    assert "Dave Graham" not in found.people
    assert set(found.people) == {"Joe Biden", "Andres Manuel Lopez Obrador"}


def test_company_with_ticker_is_an_organization():
    found = extract_file(ARTICLES / "header-layout.txt")
    assert "Airbus" in found.organizations
    assert found.people == ("Louis Gallois",)
    assert found.location == "Paris"


def test_slugs_and_sort_keys():
    assert slugify("Luis García Villagrán") == "luis-garcia-villagran"
    assert slugify("U.S.") == "u-s"
    assert slugify("!!!").startswith("item-")
    assert person_sort_key("Ursula von der Leyen") == "Leyen, Ursula von der"
    assert person_sort_key("Joe Biden") == "Biden, Joe"


def extract_text(body: str, title: str = "A headline"):
    return extract(parse_text(f"{title}\n\n{body}\n", "t.txt"), load_registry(None))


def test_possessives_split_place_from_organization():
    found = extract_text("Mexico's Navy Ministry said on Monday that Peru's Congress would "
                         "vote, while the Austrian People's Party objected.")
    assert {"Mexico", "Peru"} <= set(found.places)
    assert {"Navy Ministry", "Congress", "Austrian People's Party"} <= set(found.organizations)


def test_lists_share_a_kind_and_ampersands_join_one_name():
    found = extract_text("Analysts said Chevron, Exxon Mobil and Halliburton gained, as did "
                         "Procter & Gamble and Johnson & Johnson.")
    assert {"Chevron", "Exxon Mobil", "Halliburton", "Procter & Gamble",
            "Johnson & Johnson"} <= set(found.organizations)
    assert not found.people


def test_organizations_described_by_the_words_around_them():
    found = extract_text(
        "Output fell at miner Merensky Minerals. Kestrel Orbital, a startup based in "
        "Toulouse, said costs rose. \"It is hard,\" said Sabine Okonjo, an analyst at "
        "Lorvane Partners in London. The Civil Aviation Directorate (DGAC) agreed, and the "
        "DGAC will report on Friday.")
    assert {"Merensky Minerals", "Kestrel Orbital", "Lorvane Partners",
            "Civil Aviation Directorate"} <= set(found.organizations)
    assert "DGAC" not in found.organizations
    assert found.people == ("Sabine Okonjo",)
    assert {"Toulouse", "London"} <= set(found.places)


def test_places_by_form_size_and_context():
    found = extract_text("Water rose on the Suchiate River near Alton and in nearby "
                         "Dearborn, Michigan, as Buôn Ma Thuột province dried out. Reading "
                         "the forecast, officials in Lyon said Walker Henderson would visit "
                         "Henderson said nothing.")
    assert {"Suchiate River", "Alton", "Dearborn", "Michigan", "Buôn Ma Thuột",
            "Lyon"} <= set(found.places)
    assert "Reading" not in found.places and "Henderson" not in found.places


def test_sentence_openers_demonyms_tickers_and_indices_are_not_entities():
    found = extract_text("Supporters gathered. Markets fell as the Nikkei average and the "
                         "Hang Seng slid; Mexican officials said shares of Acme Corp "
                         "( ACME.N ) rose. Benchmark Brent was steady.")
    names = set(found.people) | set(found.places) | set(found.organizations)
    assert names == {"Acme"}


def test_people_need_evidence_and_companies_that_speak_stay_companies():
    found = extract_text("Tokyo Electron said sales rose. \"We are ready,\" said Marta, a "
                         "season-ticket holder. Sears, which is based in Illinois, said "
                         "nothing. Shannon Cross of Cross Research said demand was strong. "
                         "Massachusetts Democrat Barney Frank agreed.")
    assert set(found.people) == {"Marta", "Shannon Cross", "Barney Frank"}
    assert found.roles["Barney Frank"] == ["Massachusetts Democrat"]
    assert "Cross Research" in found.organizations
    assert "Massachusetts" in found.places


def test_explain_gives_a_reason_for_every_name():
    found = extract_file(SAMPLE)
    for kind in ("people", "places", "organizations"):
        for name in getattr(found, kind):
            assert found.reasons.get((kind, name)), (kind, name)


def test_ner_backend_only_adds_names_the_rules_missed():
    import importlib.util

    import pytest

    from build_tools.errors import ArchiveError
    from build_tools.extract.backends import load_backend

    backend = load_backend("fake_ner:backend")
    text = ("Title\n\nQuorvin Marsh walked to Ashgrove. President Joe Biden and Rosa, from El "
            "Salvador, said so.\n")
    found = extract(parse_text(text, "t.txt"), None, (), backend)
    assert found.people == ("Joe Biden", "Rosa", "Quorvin Marsh")
    assert found.reasons[("people", "Quorvin Marsh")] == "found by the NER backend fake"
    assert "Ashgrove" in found.places and "Rosa" not in found.places
    assert load_backend(None) is None and load_backend("rules") is None
    with pytest.raises(ArchiveError, match="expected 'spacy:MODEL'"):
        load_backend("spacy")
    with pytest.raises(ArchiveError, match="cannot import"):
        load_backend("no_such_module:make")
    if importlib.util.find_spec("spacy") is None:
        with pytest.raises(ArchiveError, match="spaCy is not installed"):
            load_backend("spacy:en_core_web_sm")


def test_spacy_backend_maps_labels_and_reports_a_missing_model(monkeypatch):
    """The spaCy adapter against a stand-in module with spaCy's interface (spaCy itself is
    an optional extra, not installed for the tests)."""
    import sys
    import types
    from types import SimpleNamespace as NS

    import pytest

    from build_tools.errors import ArchiveError
    from build_tools.extract.backends import load_backend

    def load(name, exclude=()):
        if name != "xx_test_model":
            raise OSError("[E050] Can't find model")
        ents = [NS(text="Quentin\nMarsh", label_="PERSON"), NS(text="Ashgrove", label_="GPE"),
                NS(text="Lorvane", label_="ORG"), NS(text="Tuesday", label_="DATE")]
        return lambda text: NS(ents=ents)

    monkeypatch.setitem(sys.modules, "spacy", types.SimpleNamespace(load=load))
    backend = load_backend("spacy:xx_test_model")
    assert backend.name == "spacy:xx_test_model"
    assert list(backend.entities("...")) == [
        ("Quentin Marsh", "people"), ("Ashgrove", "places"), ("Lorvane", "organizations")]
    with pytest.raises(ArchiveError, match="model 'en_core_web_sm' is not installed"):
        load_backend("spacy:en_core_web_sm")

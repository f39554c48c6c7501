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

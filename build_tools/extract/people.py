"""People named in an article's body, found by evidence and merged with their short forms.

A run of capitalised words is a person when something in the text says so: a title inside it
(``Secretary of State Antony Blinken``), a role just before it (``spokesman Matthew Miller``),
attribution (``X said``, ``said X``) or an appositive (``Rosa, from El Salvador, said``). Later
short forms (``Lopez Obrador``, ``Biden``) join the full name. Titles are kept apart as roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .organizations import ORG_SUFFIXES, canonical_organization
from .places import canonical_place
from .spans import PARTICLES, Span, fold, is_calendar_word

#: Titles that may stand inside a run of capitalised words, before the name.
TITLES = frozenset(
    """President Vice Prime Minister Secretary Senator Sen. Governor Gov. Mayor Chief Executive
    Officer CEO CFO COO Chairman Chairwoman Chair Director Ambassador General Gen. Judge Justice
    King Queen Prince Princess Pope Premier Chancellor Commissioner Leader Speaker
    Representative Rep. Dr. Mr. Mrs. Ms. Miss Adm. Admiral Col. Colonel Lt. Lieutenant Capt.
    Captain Sgt. Sergeant Maj. Major Prof. Professor Rev. Reverend Sheikh Sir Dame Lord Lady
    Cardinal Archbishop Bishop Rabbi Imam Ayatollah Coach Founder Deputy Assistant Attorney
    Spokesman Spokeswoman Spokesperson Emir Crown Sultan Sen Gov Dr Mr Mrs Ms Councilman
    Councilwoman Congressman Congresswoman Lawmaker Detective Inspector Officer Superintendent
    Treasurer Comptroller Secretary-General Director-General Managing President-elect Head
    Economist Analyst Strategist Trader Manager Minister-President Delegate Co-founder
    Cofounder Co-Founder Vice-President""".split()
)
#: Words after "of" that belong to an office's title: "Secretary of State", "Minister of Finance".
OFFICE_WORDS = frozenset(
    """State Defense Defence Finance Foreign Affairs Interior Justice Health Commerce Energy
    Labor Labour Treasury Homeland Security Education Agriculture Transportation Transport
    Trade Economy Industry Environment War Staff Police Public Works Culture Information
    Communications Housing Development Planning the and Human Services Veterans""".split()
)
#: Lower-case nouns that, right before a name, say it is a person's.
ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson chief activist analyst economist minister secretary
    president director executive official lawyer attorney leader governor mayor senator
    lawmaker ambassador envoy negotiator commander general judge prosecutor professor
    researcher scientist author writer journalist reporter correspondent editor photographer
    coach player striker midfielder defender goalkeeper manager chairman chairwoman founder
    ceo cfo owner partner investor strategist trader broker banker consultant adviser advisor
    counsel candidate challenger incumbent opponent rival colleague spokesperson representative
    deputy aide officer detective inspector sheriff commissioner premier chancellor priest
    bishop cardinal rabbi imam cleric singer actor actress artist musician director producer
    historian expert head boss dean principal teacher student farmer resident mother father
    son daughter wife husband brother sister nurse doctor physician surgeon psychologist
    campaigner organizer organiser volunteer migrant refugee survivor witness victim""".split()
)
FUNCTION_WORDS = frozenset(
    """the a an and or of by to from in at on for with as said says told that which who
    whom is was were are be been has have had but also""".split()
)
_SPEECH = (
    r"said|says|told|added|wrote|asked|noted|explained|warned|argued|stated|testified|"
    r"tweeted|acknowledged|announced|criticized|criticised|insisted|urged|declined|replied|"
    r"predicted|estimated|believes|thinks|agreed|cautioned|conceded|recalled|complained"
)
_SPEECH_AFTER = re.compile(rf"^\s*(?:{_SPEECH})\b")
_APPOSITIVE_AFTER = re.compile(
    rf"^\s*,\s*(?:\d{{1,3}}|a|an|the|who|whose|from|of|co-|himself|herself|its|his|her|"
    rf"[a-z]+(?:man|woman|ist|er|or|ant|ent|ian)\b)[^.;]{{0,100}}?,?\s*(?:{_SPEECH})?"
)
_APPOSITIVE_SPEECH = re.compile(rf"^\s*,\s*[^.;]{{1,80}},\s*(?:{_SPEECH})\b")
_SPEECH_BEFORE = re.compile(rf"(?:\b(?:{_SPEECH})|according to|quoted)\s*,?\s*$")
#: Words that are never part of a person's name.
NOT_NAME_WORDS = frozenset(w.casefold() for w in ORG_SUFFIXES) | frozenset(
    """reuters ap afp bloomberg internet web twitter facebook google state street avenue
    road square river lake mount island islands county province region city airport""".split()
)


@dataclass
class Person:
    name: str
    roles: list[str] = field(default_factory=list)


_TITLES_FOLDED = frozenset(t.casefold().rstrip(".") for t in TITLES)


def _is_title(word: str) -> bool:
    return word.casefold().rstrip(".") in _TITLES_FOLDED


def _split_title(words: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """``("Secretary", "of", "State", "Antony", "Blinken")`` -> role and name words."""
    last_title = -1
    i = 0
    while i < len(words):
        if _is_title(words[i]):
            last_title = i
            if i + 1 < len(words) and words[i + 1] == "of":
                j = i + 2
                while j < len(words) and (
                    words[j] in OFFICE_WORDS or canonical_place(words[j]) is not None
                ):
                    j += 1
                last_title = j - 1
                i = j
                continue
        i += 1
    role, name = (None, words) if last_title < 0 else (
        " ".join(words[: last_title + 1]), words[last_title + 1 :])
    # "Harold Grimes Jr. of Montana": a person's name stops at "of".
    if "of" in name:
        name = name[: name.index("of")]
    return role, name


def _role_before(span: Span) -> str | None:
    """A role noun phrase right before the span: ``Homeland Security chief``."""
    words = span.before.rstrip().split()
    if not words or words[-1].casefold().strip(",") not in ROLE_NOUNS or words[-1].endswith(","):
        return None
    phrase = [words[-1]]
    for word in reversed(words[:-1]):
        if word.endswith((",", ".", ";", ":")) or word.casefold() in FUNCTION_WORDS:
            break
        phrase.insert(0, word)
        if len(phrase) == 4:
            break
    return " ".join(phrase)


def _looks_like_name(words: tuple[str, ...]) -> bool:
    if not words or len(words) > 6:
        return False
    for word in words:
        if word.casefold() in PARTICLES:
            continue
        if any(c.isdigit() for c in word) or (is_calendar_word(word) and word is words[-1]):
            return False
        if word.casefold() in NOT_NAME_WORDS:
            return False
        letters = [c for c in word if c.isalpha()]
        # All capitals: acronyms and tickers, but keep initials such as "J." or "J.P."
        if len(letters) > 1 and word.isupper() and not re.fullmatch(r"(?:\w\.)+", word):
            return False
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    name = " ".join(words)
    return canonical_place(name) is None and canonical_organization(words) is None


def _short_forms(name: str) -> set[str]:
    """Folded forms a later mention may use: the surname, and a compound or particle surname."""
    words = name.split()
    forms = {fold(words[-1])}
    for i in range(1, len(words) - 1):
        tail = words[i:]
        if len(tail) <= 3:
            forms.add(fold(" ".join(tail)))
    return forms


def find_people(spans: list[Span], known: dict[str, str] | None = None) -> list[Person]:
    """People in the body, in order of first mention.

    *known* maps folded names the registry forces to be people to their canonical names.
    """
    known = known or {}
    people: dict[str, Person] = {}
    short: dict[str, str] = {}
    singles: list[tuple[Span, str | None]] = []

    def add(name: str, role: str | None) -> None:
        person = people.setdefault(name, Person(name))
        if role and role not in person.roles:
            person.roles.append(role)
        for form in _short_forms(name):
            short.setdefault(form, name)

    for span in spans:
        role, words = _split_title(span.words)
        if role is None:
            role = _role_before(span)
        if fold(" ".join(words)) in known:
            add(known[fold(" ".join(words))], role)
            continue
        if not _looks_like_name(words):
            continue
        name = " ".join(words)
        evidence = (
            role is not None
            or _SPEECH_AFTER.match(span.after)
            or _APPOSITIVE_AFTER.match(span.after)
            or _SPEECH_BEFORE.search(span.before)
        )
        if len(words) == 1:
            singles.append((span, role))
        elif evidence or fold(name) in short:
            add(short.get(fold(name), name), role)
        else:
            singles.append((span, role))

    # Second pass: short forms of people found above; names known only by one word.
    for span, role in singles:
        _, words = _split_title(span.words)
        key = fold(" ".join(words))
        if key in short:
            add(short[key], role)
        elif len(words) == 1 and _APPOSITIVE_SPEECH.match(span.after) and _looks_like_name(words):
            add(words[0], role)
    return list(people.values())

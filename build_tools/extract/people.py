"""People named in an article's body, found by evidence and merged with their short forms.

A run of capitalised words is a person when something in the text says so: a title inside it
(``Secretary of State Antony Blinken``), a role just before it (``spokesman Matthew Miller``),
attribution (``X said``, ``said X``) or an appositive (``Rosa, from El Salvador, said``). Later
short forms (``Lopez Obrador``, ``Biden``) join the full name. Titles are kept apart as roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import gazetteer
from .organizations import (
    ORG_SUFFIXES, TICKER_AFTER, canonical_organization, described_as_organization,
)
from .places import PLACE_LIKE_NAMES, canonical_place, is_demonym_word, title_case
from .spans import PARTICLES, Span, fold, is_calendar_word, is_capitalised

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
    Cofounder Co-Founder Vice-President Democrat Republican Democratic""".split()
)
#: Words after "of" that belong to an office's title: "Secretary of State", "Minister of Finance".
OFFICE_WORDS = frozenset(
    """State Defense Defence Finance Foreign Affairs Interior Justice Health Commerce Energy
    Labor Labour Treasury Exchequer Homeland Security Education Agriculture Transportation Transport
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
    campaigner organizer organiser volunteer migrant refugee survivor witness victim captain
    member counterpart successor predecessor chief-executive co-founder cofounder
    vice-president vice-chair designer architect engineer pilot driver fisherman worker
    businessman businesswoman entrepreneur billionaire tycoon magnate heir founder-chairman
    shareholder holder forward winger restorer curator conservator co-author coauthor
    counsel""".split()
)
#: Role nouns in the plural, before a list of names: "investors Walker Henderson and ...".
ROLE_PLURALS = (frozenset(
    n + "s" for n in ROLE_NOUNS if not n.endswith(("man", "woman", "s"))
) | frozenset(n[:-3] + "men" for n in ROLE_NOUNS if n.endswith("man"))) - {"brokers", "partners"}

#: Lower-case words that may stand in a role before its noun: "former captain", "deputy chief".
ROLE_MODIFIERS = frozenset(
    """former deputy acting interim senior chief vice assistant executive managing general
    associate principal lead top then outgoing incoming new longtime veteran co""".split()
)
#: Words before a name that are forms of address, not roles.
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady mr. mrs. ms. dr.".split())
FUNCTION_WORDS = frozenset(
    """the a an and or of by to from in at on for with as said says told that which who
    whom is was were are be been has have had but also""".split()
)
_SPEECH = (
    r"said|says|told|added|wrote|asked|noted|explained|warned|argued|stated|testified|"
    r"tweeted|acknowledged|announced|criticized|criticised|insisted|urged|declined|replied|"
    r"predicted|estimated|believes|thinks|agreed|cautioned|conceded|recalled|complained"
)
#: "X said", "X of Cross Research said", "X from the Bhopal Group told" (not "X from a
#: predicted").
_SPEECH_AFTER = re.compile(
    rf"^\s*(?:(?:of|(?:from|at)(?=\s+(?:the\s+)?[A-Z]))\s+[^.;:\"“”]{{1,60}}?,?\s+)?"
    rf"(?:{_SPEECH})\b")
_APPOSITIVE_AFTER = re.compile(
    rf"^\s*,\s*(?:\d{{1,3}}|a|an|the|who|whose|from|of|co-|himself|herself|its|his|her|"
    rf"former|deputy|head|chief|analyst|president|senior|managing|general|vice|CEO|CFO|COO|"
    rf"[a-z]+(?:man|woman|ist|er|or|ant|ent|ian))\b[^.;]{{0,100}}?,?"
    rf"\s*(?:{_SPEECH})?"
)
#: "Dolores, a 71-year-old widow", "Guadalupe, 58, who": an age says a person.
_AGE_AFTER = re.compile(r"^\s*,\s*(?:an?\s+\d{1,3}-year-old\b|\d{1,3}\s*,)")
#: ", X, said": a name set off by commas and followed by speech.
_BETWEEN_COMMAS = re.compile(rf"^\s*,\s*(?:{_SPEECH})\b")
#: "Rosa, from El Salvador, said": one name, described as a person, then speaking.
_APPOSITIVE_SPEECH = re.compile(
    rf"^\s*,\s*(?:\d{{1,3}}|a|an|who|from|whose|whom)\b[^.;]{{1,80}},\s*(?:{_SPEECH})\b")
_SPEECH_BEFORE = re.compile(rf"(?:\b(?:{_SPEECH})|according to|quoted)\s*,?\s*$")
#: '"...," said Marta', 'rose, said Marta': the speaker after its verb; "Jobs said AppleTV"
#: opens what was said.
_INVERTED_SPEECH_BEFORE = re.compile(
    rf"(?:[,\"”]\s*(?:{_SPEECH})|according to|quoted)\s*,?\s*$")
#: 'Sanford "Sandy" ' before a surname: a first name, then a nickname in quotes.
_NICKNAMED_FIRST = re.compile(r"(?<![\w.])(?P<first>[A-Z][a-z]+)\s+[\"“][A-Z][a-z]+[\"”]\s+$")
#: "financial investor", "strategic partner": roles said of firms.
_BODY_ROLE_BEFORE = re.compile(
    r"\b(?:financial|strategic|institutional|industrial|equity|corporate)\s+\w+\s*$")
#: ", Jr." after a name: part of it, set off by a comma.
_SUFFIX_AFTER = re.compile(r"^,\s*(?P<suffix>Jr\.|Sr\.)")
#: "called Nicky", "known as Sandy": a nickname, which indexes no one.
_NICKNAME_BEFORE = re.compile(r"\b(?:called|nicknamed|dubbed|known\s+as)\s+[\"“]?$")
#: Role nouns that name only people: a body may be a "partner", "rival" or "owner" too.
PERSONAL_ROLES = ROLE_NOUNS - frozenset(
    """partner owner investor shareholder holder member rival opponent challenger incumbent
    candidate colleague counterpart successor predecessor heir producer player""".split())
_PERSONAL = "|".join(sorted(PERSONAL_ROLES | {t.casefold().rstrip(".") for t in TITLES
                                              if t[0].isupper() and "." not in t}, key=len,
                            reverse=True))
#: A role in lower case (``chief economist``), an officer's acronym, or a title with a capital
#: that ends the run of capitals (``Federal Reserve Chairman``; not ``General Motors``).
_ROLE_WORD = (rf"(?:(?:{_PERSONAL})\b|(?:CEO|CFO|COO)\b|(?i:{_PERSONAL})\b(?!\s+[A-Z]))")
#: ", Apple's CEO", ", Google vice president", ", U.S. assistant secretary", ", research
#: director for": a name described by a role, after the body or place it serves.
_ROLE_APPOSITIVE = re.compile(
    rf"^\s*,\s*(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){{0,3}}(?:[a-z][a-z-]*\s+){{0,3}}{_ROLE_WORD}")
#: "... for Paul Volcker as Federal Reserve Chairman", "succeed Tony Blair as prime minister".
_ROLE_AS = re.compile(
    rf"^\s+as\s+(?:(?:the|its|his|her|their)\s+)?(?:[A-Z][\w.&'’-]*\s+){{0,4}}"
    rf"(?:[a-z][a-z-]*\s+){{0,2}}{_ROLE_WORD}")
#: "the head of Bank of Mexico, ", "assistant secretary for aviation, ": a role of a body or
#: a place, set off by a comma before the name it describes.
_ROLE_OF_BEFORE = re.compile(
    rf"\b(?i:{_PERSONAL})\s+(?:of|for|at|in)\s+[^.;:\"“”()]{{1,60}}?,\s*$")
#: Enough of the text before a name for the longest match of _ROLE_OF_BEFORE.
_ROLE_OF_REACH = 300
#: "Lawson said he", "Sarney has said she", "Icahn, who": a person, not a body ("it").
_PERSONAL_SPEECH_AFTER = re.compile(
    rf"^\s*(?:(?:,\s*who\b)|(?:(?:has|had|also|then)\s+)?(?:{_SPEECH})\s+(?:that\s+)?"
    rf"(?:he|she)\b)")
#: "Patel raised his target", "Lind reiterated her rating": a verb, then "his" or "her".
_HIS_AFTER = re.compile(r"^\s+(?:(?:has|had|also)\s+)?[a-z]{3,}(?:ed|s)\s+(?:his|her)\b")
#: "Maxwell's sons": kin are a person's.
_KIN_AFTER = re.compile(
    r"^['’]s\s+(?:wife|husband|widow|son|sons|daughter|daughters|father|mother|brother|"
    r"brothers|sister|sisters|children|grandfather|grandmother|family)\b")

#: "The maker of Molson Canadian and Coors Light said": what a body makes, not who speaks.
_MADE_BY_BEFORE = re.compile(
    r"\b(?:makers?|brewers?|producers?|sellers?|distributors?|suppliers?|publishers?|"
    r"developers?|manufacturers?|marketers?)\s+of\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w'’.&-]*|and|or|,)\s*){0,12}$")

#: Words that are never part of a person's name.
NOT_NAME_WORDS = frozenset(w.casefold() for w in ORG_SUFFIXES) | frozenset(
    """reuters ap afp bloomberg internet web twitter facebook google state street avenue
    road square river lake mount island islands county province region city airport""".split()
)


@dataclass
class Person:
    name: str
    roles: list[str] = field(default_factory=list)
    reason: str = ""  #: the evidence that first showed this is a person


_TITLES_FOLDED = frozenset(t.casefold().rstrip(".") for t in TITLES)


def is_title_word(word: str) -> bool:
    """``President``, ``Governor``, ``Gov.``: a word of a person's title; so is a compound of
    titles (``Secretary-Treasurer``)."""
    key = word.casefold().rstrip(".")
    # "Minister-designate", "Governor-elect": a title someone is about to hold.
    key = re.sub(r"-(?:designate|elect)$", "", key)
    return key in _TITLES_FOLDED or ("-" in key and all(
        part in _TITLES_FOLDED for part in key.split("-")))


_is_title = is_title_word


def _split_title(words: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """``("Secretary", "of", "State", "Antony", "Blinken")`` -> role and name words."""
    last_title = -1
    i = 0
    while i < len(words):
        # "Chief Executive Charles Prince": a title word that ends the run, after the name
        # that follows a title, is part of the name ("Chief Financial Officer Gary Crittenden"
        # goes on to the name after "Officer").
        if 0 <= last_title == i - 1 and not _is_title(words[i]) and words[i] not in ("and", "&"):
            later = [j for j in range(i + 1, len(words)) if _is_title(words[j])]
            if not later or later[0] == len(words) - 1:
                break
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
    if last_title < 0 and len(words) > 2 and words[0].casefold() in ROLE_NOUNS:
        last_title = 0  # "Co-author Khalid bin Saeed", "Counsel Porter Kingsley"
    role, name = (None, words) if last_title < 0 else (
        " ".join(words[: last_title + 1]), words[last_title + 1 :])
    if role is not None and not name and _title_as_surname(words):
        role, name = None, words  # "Charles Prince", "Martin Luther King", "John Major"
    # "Harold Grimes Jr. of Montana": a person's name stops at "of".
    if "of" in name:
        name = name[: name.index("of")]
    return role, name


def _title_as_surname(words: tuple[str, ...]) -> bool:
    """``Charles Prince``, ``Martin Luther King``: a given name, perhaps a middle name, then a
    title word that is no role noun: the title is the surname, since a title opens a name."""
    return (2 <= len(words) <= 3 and words[0] in gazetteer.given_names().names
            and not any(_is_title(w) or not _name_shaped(w) for w in words[:-1])
            and bool(_name_shaped(words[-1]))
            and words[-1].casefold() not in ROLE_NOUNS)


def title_of(words: tuple[str, ...]) -> str | None:
    """The title a run of words opens with, when a name follows it: "Missouri Gov."."""
    role, name = _split_title(words)
    return role if role and name else None


def role_before(span: Span) -> str | None:
    """A role noun phrase right before the span: ``Homeland Security chief``, or one set off
    by a comma when the name is too (``The club's president, Santiago Ibáñez, thanked``)."""
    before = span.before.rstrip()
    words = before.split()
    if not words:
        return None
    last = words[-1]
    if last.endswith(","):
        if not (_BETWEEN_COMMAS.match(span.after)
                or re.match(r"^\s*(?:,|\.(?:\s|$)|$)", span.after)):
            return None
        last = last[:-1]
    key = last.casefold()
    if key not in ROLE_NOUNS and key not in ROLE_PLURALS:
        return None
    phrase = [last]
    for word in reversed(words[:-1]):
        if (word.endswith((",", ".", ";", ":", "’s", "'s")) or word.casefold() in FUNCTION_WORDS
                or any(c.isdigit() for c in word)):
            break
        phrase.insert(0, word)
        if len(phrase) == 4:
            break
    # "Migrant rights activist" keeps its lower-case middle; "to replace chief executive"
    # loses the verb: a phrase opens with a capitalised word, a modifier or the noun itself.
    while len(phrase) > 1 and phrase[0].islower() and phrase[0] not in ROLE_MODIFIERS:
        phrase.pop(0)
    return " ".join(phrase)


def quoted_person(span: Span) -> bool:
    """``said John P. Hartley, a bank analyst``: named as the one who spoke, then described."""
    return bool(_SPEECH_BEFORE.search(span.before)) and bool(_APPOSITIVE_AFTER.match(span.after))


def has_evidence(span: Span) -> bool:
    """Whether the words in or around *span* say it names a person."""
    role, words = _split_title(span.words)
    if _MADE_BY_BEFORE.search(span.before):
        return False  # products of a body: "the maker of Molson Canadian and Coors Light said"
    return bool(words) and (
        role is not None
        or role_before(span) is not None
        or bool(_SPEECH_AFTER.match(span.after))
        or _describes_a_person(span.after)
        or bool(_SPEECH_BEFORE.search(span.before))
        or (span.before.rstrip().endswith(",") and bool(_BETWEEN_COMMAS.match(span.after)))
        or described_by_role(span)
        or bool(_HIS_AFTER.match(span.after))
    )


#: ", a joint venture with", ", the newly renamed device": an appositive opened by an article.
_ARTICLE_APPOSITIVE = re.compile(r"^\s*,\s*(?:a|an|the)\b(?P<clause>(?:[^,.;]|\.(?=\w))*)")
#: Words of a person in such an appositive: a role, kin ("great-grandfather"), an age, a
#: "-man" or "-ist" ("specialist"), a member of a board.
_PERSON_WORD = re.compile(
    rf"(?i:(?:\b|-)(?:{_PERSONAL}|grandfather|grandmother|grandson|granddaughter|widow|"
    rf"\w+-year-old|former|one-time|\w*man|\w*woman|\w+ist|(?:board|family) members?)\b)")


def _describes_a_person(after: str) -> bool:
    """An appositive after a name (``, who``, ``, 58,``, ``, analyst at``); one opened by an
    article says a person only with a person's word in it (``, the bank's chief economist``),
    since things and places are described so too (``, a joint venture with``, ``, the "master
    of the universe" immortalized in`` a novel)."""
    if not _APPOSITIVE_AFTER.match(after):
        return False
    article = _ARTICLE_APPOSITIVE.match(after)
    # "Kate Moss, the tabloids said": the appositive is who said it.
    return article is None or bool(_PERSON_WORD.search(article["clause"])) or bool(
        re.search(rf"\b(?:{_SPEECH})\s*$", article["clause"]))


def described_by_role(span: Span) -> bool:
    """A role said of the name around it, by an appositive (``Steve Jobs, Apple's CEO``), by
    "as" (``replacing Kevin Rollins as CEO``) or before it, set off by commas (``the head of
    Bank of Mexico, Miguel Mancera, met``)."""
    return bool(_ROLE_APPOSITIVE.match(span.after) or _ROLE_AS.match(span.after) or (
        _role_of_before(span.before) and re.match(r"^\s*(?:,|\.(?:\s|$)|$)", span.after)))


def _role_of_before(before: str) -> bool:
    """``the head of Bank of Mexico,`` just before the name. Searched for only in the text's
    last words, and only after a comma: the pattern tried at every word of a long text was
    the extractor's most costly search."""
    before = before.rstrip()
    if not before.endswith(","):
        return False
    if len(before) > _ROLE_OF_REACH:  # whole words only, so no \b falls inside one
        before = before[-_ROLE_OF_REACH:].split(None, 1)[-1]
    return _ROLE_OF_BEFORE.search(before) is not None


def surname_evidence(span: Span) -> bool:
    """Whether a mention by one word says, more than a body's name could, that it is a
    person's: ``Lawson said he``, ``Icahn, who``, ``Maxwell's sons``."""
    return bool(_PERSONAL_SPEECH_AFTER.match(span.after) or _KIN_AFTER.match(span.after))


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
        if re.search(r"\w-[a-z]{5,}", word) and word.split("-")[0].casefold() not in PARTICLES:
            return False  # "Quaalude-addled", "Nestle-manager": a word describing a name
        letters = [c for c in word if c.isalpha()]
        # All capitals: acronyms and tickers, but keep initials such as "J." or "J.P."
        if len(letters) > 1 and word.isupper() and not re.fullmatch(r"(?:\w\.)+", word):
            return False
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    if len(words) > 1 and words[0] in LEADING_ARTICLES:
        return False  # "El Economista", "Los Alamos": an article opens no person's name
    name = " ".join(words)
    return canonical_place(name) is None and canonical_organization(words) is None


#: Articles that open names of papers and places, never a person's: "El Pais", "Las Vegas".
LEADING_ARTICLES = frozenset("El Los Las Il".split())

#: Surnames that are also last words of bodies' names: "Jim Press", "Tom Post".
SURNAME_SUFFIXES = frozenset("Press Post Bank Banks Court Guard Mills Chambers".split())


def surname_is_a_suffix(words: tuple[str, ...]) -> bool:
    """``Jim Press`` after ``President``: a first name, and a surname that is also a last word of
    bodies' names (``Press``, ``Bank``); a title before them says it is no body's name (the
    person index still leaves such names out, so they are indexed as nothing)."""
    return (len(words) == 2 and words[0] not in ORG_SUFFIXES and words[1] in SURNAME_SUFFIXES
            and _looks_like_name(words[:1]))


def _place_in_name(words: tuple[str, ...]) -> bool:
    """``Tokyo Electron``, ``MySpace China``, ``Molson Canadian``: a place or a people's name
    at either end makes a company's name more likely than a person's, unless a title or role
    says otherwise."""
    return _place_word(words[0]) or _place_word(words[-1])


def _place_word(word: str) -> bool:
    """A people's name (``Canadian``) or a place's (``Tokyo``), not one shaped like a word."""
    return is_demonym_word(word) or (
        bool(canonical_place(word)) and fold(word) not in PLACE_LIKE_NAMES)


def short_forms(name: str) -> set[str]:
    """Folded forms a later mention may use: the surname, and a compound or particle surname."""
    words = name.split()
    forms = {fold(words[-1])}
    for i in range(1, len(words) - 1):
        tail = words[i:]
        if len(tail) <= 3:
            forms.add(fold(" ".join(tail)))
    return forms


def without_initials(name: str) -> str:
    """``peter cohan`` for ``Peter S. Cohan``: a name folded without its initials."""
    return " ".join(w for w in fold(name).split() if not re.fullmatch(r"(?:\w\.)+|\w", w))


def person_name_keys(name: str) -> set[str]:
    """Folded forms by which a name found only by the words around it may be a person's:
    the full name without initials (``Peter S. Cohan``), and its last and first words (a
    surname may come first: ``Luo`` of ``Luo Chuan``)."""
    words = without_initials(name).split()
    if len(words) < 2:
        return set()
    return {" ".join(words), words[0], words[-1]}


def find_people(
    spans: list[Span], known: dict[str, str] | None = None, vouched: frozenset[int] = frozenset(),
    lower: frozenset[str] = frozenset(),
) -> list[Person]:
    """People in the body, in order of first mention.

    *known* maps folded names the registry forces to be people to their canonical names;
    *vouched* holds the indices of spans listed alongside a person ("A and B said"); *lower*
    the folded words the article also prints in lower case (common words, no first names).
    """
    known = known or {}
    people: dict[str, Person] = {}
    short: dict[str, str] = {}
    singles: list[tuple[Span, str | None]] = []

    def add(name: str, role: str | None, reason: str) -> None:
        person = people.setdefault(name, Person(name, reason=reason))
        if role and role not in person.roles:
            person.roles.append(role)
        for form in short_forms(name):
            short.setdefault(form, name)

    for index, span in enumerate(spans):
        role, words = _split_title(span.words)
        if role is None and _agent_noun_first(span, words, lower):
            role, words = words[0].lower(), words[1:]  # "Financier George Soros said"
        if role is None:
            role = role_before(span)
        role = _without_honorifics(role)
        if fold(" ".join(words)) in known:
            add(known[fold(" ".join(words))], role, "in the registry")
            continue
        if not _looks_like_name(words) or (role is None and _MADE_BY_BEFORE.search(span.before)):
            continue
        nickname = _NICKNAMED_FIRST.search(span.before) if len(words) == 1 else None
        if nickname:
            words = (nickname["first"], *words)  # 'Sanford "Sandy" Weill' is Sanford Weill
        if _BODY_ROLE_BEFORE.search(span.before) and role in ROLE_NOUNS - PERSONAL_ROLES:
            role = None  # "financial investor J.C. Flowers": a firm's role, not a person's
        suffix = _SUFFIX_AFTER.match(span.after)
        if suffix and len(words) > 1:
            words = (*words, suffix["suffix"])  # "Leo E. Strine, Jr. of Delaware"
        name = " ".join(words)
        if words[-1].casefold() in ROLE_NOUNS and re.match(r"^\s+(?:at|of|for|with)\b", span.after):
            continue  # "Chief Technical Advisor at Delta": the rest of a title, no name
        given = len(words) > 1 and given_name_first(span, words)
        if len(words) == 1:
            singles.append((span, role))
        elif fold(name) in short or index in vouched or (
                (has_evidence(span) or given or (
                    middle_initial(words)
                    and fold(name) not in gazetteer.given_names().not_people))
                and (role or not _place_in_name(words) or (
                    # "Jose Manuel Lara": a given name and a middle name make a last word
                    # that is also a place's name a surname.
                    given and len(words) > 2 and not _place_word(words[0])))):
            add(short.get(fold(name), name), role,
                _evidence_reason(span, role, index in vouched, words if given else None))
        else:
            singles.append((span, role))

    # A surname the text shows to be a person's (``Volcker said``, ``Mr. Icahn``) makes the
    # full name it printed without evidence (``replacement for Paul Volcker``) a person's.
    # "Teodora said" is too weak: a storm, a ship or a body is said of too; "he" is not.
    surnames = {fold(span.words[-1]) for span, role in singles
                if len(_split_title(span.words)[1]) == 1 and (
                    role or surname_evidence(span) or described_by_role(span)
                    or span.words[0].casefold() in HONORIFICS)}
    # "Devitt said" after "Stifel Nicolaus' Scott Devitt" is enough for a two-word name when
    # the surname stands alone only to speak and the first word never stands alone: a body's
    # short forms do ("Tracinda said" and "Tesoro"; "Vista said" and "and Vista, and its").
    alone = {fold(span.words[0]) for span, _ in singles if len(span.words) == 1}
    said_surnames = alone - {fold(span.words[0]) for span, _ in singles
                             if len(span.words) == 1 and not _SPEECH_AFTER.match(span.after)}
    # Second pass: short forms of people found above; names known only by one word.
    for span, role in singles:
        _, words = _split_title(span.words)
        key = fold(" ".join(words))
        if len(words) == 1 and _NICKNAME_BEFORE.search(span.before):
            continue
        if key in short:
            add(short[key], role, "short form")
        elif (len(words) > 1 and _looks_like_name(words)
              and (fold(words[-1]) in surnames
                   or (len(words) == 2 and fold(words[-1]) in said_surnames
                       and fold(words[0]) not in alone))
              and not _place_in_name(words) and fold(words[0]) not in lower
              and all(is_capitalised(w) or w in PARTICLES for w in words)):
            # "Including Flynn", "Solicitors for Bandar": a common word, not a first name.
            add(" ".join(words), role, f"its surname {words[-1]!r} named as a person's")
        elif len(words) == 1 and _looks_like_name(words) and _titled_surname(span, role):
            # "President Reagan", "Treasury Secretary Baker": the way older copy names people.
            # The surname stands alone, with its title as the role, for the archive to join
            # to a full name an article prints.
            add(words[0], role, f"title and surname {span.text!r}")
        elif len(words) == 1 and _looks_like_name(words) and surname_evidence(span):
            add(words[0], role, f"a person by {span.text + span.after[:20]!r}")
        elif len(words) == 1 and _looks_like_name(words) and _single_name_evidence(span):
            add(words[0], role, f"named by one name in {span.text + span.after[:30]!r}")
    return list(people.values())


#: Endings of nouns for what a person does: "Financier", "Filmmaker", "Novelist", "Oilman".
_AGENT_ENDING = re.compile(r"(?:er|ier|ist|man|woman|or|ian|ant|ent)$")


def _agent_noun_first(span: Span, words: tuple[str, ...], lower: frozenset[str]) -> bool:
    """``Financier George Soros said``: a sentence that opens with a noun for what a person
    does (printed in lower case elsewhere, or ending as such nouns do), then a name a given
    name opens; the noun is the person's role, not a word of the name."""
    before = span.before.rstrip()
    opens = not before or before.endswith((".", "!", "?", ":", '"', "“", "”", "—", "–", "-"))
    return (opens and len(words) >= 3 and words == span.words
            and words[0] not in gazetteer.given_names().names and not is_title_word(words[0])
            and bool(_AGENT_ENDING.search(words[0]) or fold(words[0]) in lower)
            and words[0][1:].islower() and given_name_first(span, words[1:]))


def middle_initial(words: tuple[str, ...]) -> bool:
    """``Ivan F. Boesky``: a first name, one initial and a surname, the way people are named
    (bodies named after one, ``John F. Kennedy Airport``, end in a word no name has)."""
    return len(words) == 3 and bool(
        re.fullmatch(r"[A-Z][a-z]+", words[0]) and re.fullmatch(r"[A-Z]\.", words[1])
        and re.fullmatch(r"[A-Z][\w'’-]+", words[2]))


def _name_shaped(word: str) -> bool:
    """A word shaped like a name: ``Kravis``, ``DiCaprio``, ``O'Shaughnessy``, ``Sánchez``,
    ``Bolton-Weiser`` (a capital, then lower case somewhere; letters, apostrophes, hyphens)."""
    return (len(word) > 1 and word[0].isupper() and word[-1].isalpha()
            and any(c.islower() for c in word[1:])
            and all(c.isalpha() or c in "'’-" for c in word))


#: Words after a name that say it is a body's or a thing's: "Walt Disney shares", "Harry
#: Winston stores", "Jimmy Choo brand".
_THING_AFTER = re.compile(
    r"^(?:['’]s?\s+)?\s*(?:shares?|stock|stocks|stores?|brands?|products?|unit|units|"
    r"shops?|restaurants?|hotels?|chain|label|line|range|dolls?|toys?|books?|films?|movies?|"
    r"novels?|series|franchise|index|fund|funds|foundation|award|prize|trophy|cup|"
    r"stadium|building|center|centre|school|college|institute|airport|bridge|street|avenue|"
    r"boulevard|square|hall|museum|gallery|library|park|necklaces?|jewelry|jewellery|"
    r"watch|watches|shirts?|clothing|clothes|apparel|fashions?|perfumes?|fragrances?|"
    r"cosmetics|handbags?|shoes|boutiques?|collections?|outlets?|cars?|vehicles?|"
    r"[a-z]+-branded)\b", re.IGNORECASE)
#: Last words of names of buildings, places, prizes and events named after a person:
#: "Ronald Reagan Building", "Alice Springs", "Mark Twain Prize" (not surnames such as
#: Hall, Park, Day, Field or Tower).
_THING_LAST_WORDS = frozenset("""Building Buildings Center Centre Towers Bridge Stadium Arena
    Library Museum Theater Theatre Gallery Memorial Monument Prize Award Awards Trophy Cup
    Springs Falls Beach Heights Hills Gardens Plaza Boulevard Drive Highway Expressway Tunnel
    Dam Station Terminal Show Doctrine Act Index Fund Trust Scholarship Lecture Institute
    Foundation School College Hospital Clinic Airport""".split())

#: "(Additional reporting by Patrick Rucker and ": a journalist's credit, not a person named.
_CREDIT_BEFORE = re.compile(
    r"(?i:reporting|writing|editing|edited|compiled|written|photos?|graphics?)\s+by\s+"
    r"(?:[A-Z][\w.'’-]*\s+)*(?:(?:and|,)\s*(?:[A-Z][\w.'’-]*\s+)*)*$")


def given_name_first(span: Span, words: tuple[str, ...]) -> bool:
    """``Henry Kravis is savoring``, ``Tom Wolfe's "Bonfire"``, ``with Leonardo DiCaprio
    playing``: a common given name, then one to three words named like a surname (or an
    initial, or a particle between), say a person however the sentence names him. Bodies,
    brands and characters named like a person (``Walt Disney``, ``Harry Potter``) are listed
    apart, and the words after the name may show it is a body's or a thing's (``Walt Disney
    shares``, ``Harry Winston stores``, a ticker)."""
    given = gazetteer.given_names().names
    # "E. Stanley O'Neal": an initial, then the given name the person goes by.
    first = 1 if len(words) > 2 and re.fullmatch(r"[A-Z]\.", words[0]) else 0
    # "Mary-Ann", "Jean-Pierre": given names joined by a hyphen. After an initial, a name of
    # three words is shaped as people's are whatever the middle one ("T. Boone Pickens").
    if not 2 <= len(words) <= 4 or not (
            all(part in given for part in words[first].split("-"))
            or (first and len(words) == 3 and _name_shaped(words[1]))):
        return False
    if words[-1].casefold() in PARTICLES or words[-1].endswith(".") or (
            words[-1] in _THING_LAST_WORDS):
        return False
    for word in words[first + 1:]:
        if not (_name_shaped(word) or re.fullmatch(r"[A-Z]\.", word)
                or word.casefold() in PARTICLES):
            return False
        if word.casefold() in ROLE_NOUNS or word in ORG_SUFFIXES or (
                is_title_word(word) and not (word is words[-1] and _title_as_surname(words))):
            return False
    name = " ".join(words)
    if fold(name) in gazetteer.given_names().not_people or _CREDIT_BEFORE.search(span.before):
        return False
    return not (_THING_AFTER.match(span.after) or TICKER_AFTER.match(span.after)
                or described_as_organization(span.after))


def _titled_surname(span: Span, role: str | None) -> bool:
    """``President Reagan``, ``Fed Chairman Volcker``, ``Chancellor Kohl``: a title printed with
    a capital right before one name; or an office in lower case (``president Sarney``). Forms
    of address (``Mr. Baker``) are no title, so they name no one on their own."""
    if not role or any(c.isdigit() for c in span.text) or role.split()[-1] in ("of", "the"):
        return False  # "President of McLeod": the office is of a body, not a person's title
    name = span.words[-1]
    if name in OFFICE_WORDS or is_demonym_word(name):
        return False  # "... of the Turkish General Staff", "Major Japanese"
    titled, _ = _split_title(span.words)
    if titled:
        return _without_honorifics(titled) is not None
    return _is_title(role.split()[-1])


def _evidence_reason(span: Span, role: str | None, vouched: bool,
                     given: tuple[str, ...] | None = None) -> str:
    if role:
        return f"title or role {role!r}"
    if vouched:
        return "listed with a person"
    if _SPEECH_AFTER.match(span.after) or _SPEECH_BEFORE.search(span.before):
        return "quoted (said)"
    if given and not has_evidence(span):
        first = given[1] if re.fullmatch(r"[A-Z]\.", given[0]) else given[0]
        return f"a common given name ({first}) and a name's shape"
    if middle_initial(span.words) and not has_evidence(span):
        return "a given name, a middle initial and a surname"
    return "described (appositive)"


def _single_name_evidence(span: Span) -> bool:
    """One word is a person's name only when the sentence says so twice over: "Rosa, from El
    Salvador, said" or "said Marta, a season-ticket holder"."""
    if described_as_organization(span.after) or any(c.isdigit() or c == "." for c in span.text):
        return False
    if (role_before(span) and span.before.rstrip().endswith(",")) or _AGE_AFTER.match(span.after):
        return True  # "His mother, Euis, told", "Dolores, a 71-year-old widow"
    return bool(_APPOSITIVE_SPEECH.match(span.after)) or (
        bool(_INVERTED_SPEECH_BEFORE.search(span.before))
        and bool(_APPOSITIVE_AFTER.match(span.after))
        and bool(re.match(r"^\s*,\s*(?:\d{1,3}|a|an|the|who)\b", span.after))
    )


def _without_honorifics(role: str | None) -> str | None:
    """``Mr.`` and ``Sir`` are forms of address, not roles: drop them from a role."""
    if role is None:
        return None
    words = [w for w in role.split() if w.casefold() not in HONORIFICS]
    return " ".join(words) or None


#: ``YOSHIKI SHINKE, ECONOMIST, DAI-ICHI LIFE:``: a comment's speaker in capitals, then a role,
#: as INSTANT VIEW and comment round-ups print them before each quote.
_CAPITALS_SPEAKER = re.compile(
    r"(?<![\w'’&.-])(?P<name>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]*){1,3}),\s+"
    r"(?P<role>[A-Z][A-Z0-9&'’./ -]*?)(?=\s*[,:]|\s+[\"“(])")
#: ``STEVE WOOD OF INSIGHT ECONOMICS:``: a speaker in capitals, then "of" or "at" his firm.
_CAPITALS_SPEAKER_OF = re.compile(
    r"(?<![\w'’&.-])(?P<name>(?!(?:OF|AT)\b)[A-Z][A-Z'’.-]+"
    r"(?:\s+(?!(?:OF|AT)\b)[A-Z][A-Z'’.-]*){1,2})\s+(?:OF|AT)\s+"
    r"(?P<role>[A-Z][A-Z0-9&'’./ ,-]*?)\s*:")


def speakers_in_capitals(text: str) -> list[Person]:
    """People printed in capitals as a comment's speaker: ``JAN LAMBREGTS, HEAD OF ASIA
    RESEARCH, RABOBANK "...``, ``STEVE WOOD OF INSIGHT ECONOMICS:`` (when a given name opens
    it). The name stands at the start of a paragraph, a sentence or a
    quote's end, and the words after it hold a person's role; it is kept as the text prints
    it elsewhere in mixed case, else in title case (as a dateline in capitals is)."""
    people: dict[str, Person] = {}
    matches = [(m, False) for m in _CAPITALS_SPEAKER.finditer(text)] + [
        (m, True) for m in _CAPITALS_SPEAKER_OF.finditer(text)]
    for match, of_firm in matches:
        before = text[: match.start()].rstrip()
        if before and before[-1] not in '.!?:"”)-':
            continue
        role_words = {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z-]*", match["role"])}
        printed = " ".join(match["name"].split())
        # "ALAN RUSKIN, RBS GREENWICH CAPITAL:": only the firm after the name, whose given
        # name says it is a person's.
        given = title_case(printed.split()[0]) in gazetteer.given_names().names and (
            fold(printed) not in gazetteer.given_names().not_people)
        if not given and (of_firm or not (
                role_words & PERSONAL_ROLES or any(map(is_title_word, role_words)))):
            continue  # "STEVE WOOD OF INSIGHT ECONOMICS:" needs the given name
        name = _mixed_case_twin(printed, text) or title_case(printed)
        if not _looks_like_name(tuple(name.split())) or _place_in_name(tuple(name.split())):
            continue
        people.setdefault(fold(name), Person(name, reason=f"a speaker in capitals {printed!r}"))
    return list(people.values())


def _mixed_case_twin(printed: str, text: str) -> str | None:
    """The name as the text prints it elsewhere, not in capitals: ``Jan Lambregts``."""
    for match in re.finditer(rf"(?<!\w){re.escape(printed)}(?!\w)", text, re.IGNORECASE):
        if not match.group().isupper():
            return match.group()
    return None

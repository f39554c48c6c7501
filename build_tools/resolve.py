"""Names resolved across the whole archive: ``Treasury Secretary Baker`` is James Baker when
the archive knows one James Baker who is a treasury secretary.

Wire copy of the 1980s names people by title and surname (``President Reagan``, ``Chancellor
Kohl``); the extractor gives them as the bare surname with the title as a role. One article
cannot say who that is, but the archive often can: another article prints "Treasury Secretary
James Baker". This step runs after every article is extracted and before any is written, over
all of them at once, so its result does not depend on the order of the inputs, and an
article's file changes only when its resolved names do.

* A surname joins the one full name in the archive that ends with it and has a compatible
  role (one whose title has the same head word: "Treasury Secretary" and "Secretary";
  "Secretary of State" and "U.S. Secretary of State"). Two Bakers with different roles stay
  apart; two with the same role make the surname ambiguous, and it is not joined.
* A surname no full name claims is indexed as ``Surname, Role`` ("Reagan, President"), its
  role spelled as most articles spell it, so the person still has one page; the registry can
  always say who it is (an alias ``Reagan`` for ``Ronald Reagan``).
* An acronym (``FERC``) becomes the name one article spells it out as
  (``U.S. Federal Energy Regulatory Commission (FERC)``), in every article, when the archive
  spells it out one way only; so one body has one page.
* Names a sidecar or manifest gave are the user's: never changed, but they teach the archive
  full names and roles like any other.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .article import Article
from .extract.spans import fold

#: Offices: a role whose head is one is a title even in lower case ("president Reagan", as
#: copy sometimes prints it); other lower-case roles are descriptions ("wife", "a farmer").
OFFICES = frozenset((
    "president", "vice president", "chancellor", "minister", "prime minister", "premier",
    "secretary", "governor", "chairman", "chairwoman", "king", "queen", "prince", "senator",
    "ambassador", "commissioner", "mayor", "general", "director", "leader", "speaker",
    "representative", "treasurer", "pope", "emperor", "sheikh", "admiral"))
#: Words that qualify a title without changing who holds it.
_QUALIFIERS = frozenset(("u.s.", "us", "former", "then", "acting", "outgoing", "incoming",
                         "the", "a", "new", "interim"))


#: ``Full Name (ACR)``: an acronym spelled out, as wire copy introduces one.
_SPELLED_OUT = re.compile(r"\(\s*([A-Z][A-Za-z0-9&-]{1,11})\s*\)")


@dataclass(frozen=True)
class Resolution:
    """What happened to one name in one article, for ``explain`` and the report."""

    was: str
    name: str  #: what it became
    reason: str

    def __str__(self) -> str:
        return f"{self.was} -> {self.name} ({self.reason})"


def role_head(role: str) -> str:
    """The word a title is about: ``Treasury Secretary`` -> ``secretary``; ``Secretary of
    State`` -> ``secretary of state`` (the ``of`` phrase names the office, so it stays)."""
    words = [w for w in re.findall(r"[\w.'-]+", fold(role)) if w not in _QUALIFIERS]
    if "of" in words[1:]:
        at = words.index("of", 1)
        return " ".join(words[at - 1:])
    return words[-1] if words else ""


def is_title(role: str) -> bool:
    """A title ("President", "Fed Chairman", "president"), not a description ("wife")."""
    return role[:1].isupper() or role_head(role) in OFFICES or fold(role) in OFFICES


def _surname(name: str) -> str:
    return fold(name.split()[-1]) if name.split() else ""


@dataclass
class _Archive:
    """Every full name the archive prints, by surname, with the heads of its roles."""

    full: dict[str, set[str]]  #: folded surname -> full names
    heads: dict[str, set[str]]  #: full name -> role heads
    spellings: dict[tuple[str, str], Counter[str]]  #: (surname, head) -> roles as printed


def _learn(articles: Iterable[Article]) -> _Archive:
    full: dict[str, set[str]] = defaultdict(set)
    heads: dict[str, set[str]] = defaultdict(set)
    spellings: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for article in articles:
        for person in article.people:
            roles = article.roles.get(person, ())
            if "," in person:  # already resolved to "Surname, Role": teaches nothing
                continue
            if len(person.split()) >= 2:
                full[_surname(person)].add(person)
                heads[person].update(h for r in roles if (h := role_head(r)))
            else:
                for role in roles:
                    if is_title(role):
                        spellings[(fold(person), role_head(role))][role] += 1
    return _Archive(dict(full), dict(heads), dict(spellings))


def _resolve_one(surname: str, roles: Sequence[str], archive: _Archive) -> Resolution | None:
    """Who a surname with *roles* is, or ``None`` to leave it as it is (no role to go on)."""
    titles = [r for r in roles if is_title(r)]
    wanted = {h for r in titles if (h := role_head(r))}
    if not wanted:
        return None
    candidates = sorted(archive.full.get(fold(surname), ()))
    matching = [n for n in candidates if archive.heads.get(n, set()) & wanted]
    if len(matching) == 1:
        return Resolution(surname, matching[0], f"the archive's only {surname} who is "
                          f"{' or '.join(sorted(wanted))}")
    # One role names the page; the most printed spelling of the head that most articles use.
    head = min(wanted, key=lambda h: (-sum(archive.spellings.get((fold(surname), h),
                                                                  Counter()).values()), h))
    spelled = archive.spellings.get((fold(surname), head), Counter())
    role = min(spelled, key=lambda r: (-spelled[r], r)) if spelled else titles[0]
    why = (f"{len(matching)} full names with the surname {surname} have the role {head}"
           if matching else f"no full name in the archive ends in {surname} with the role "
           f"{head}")
    return Resolution(surname, f"{surname}, {role}", why)


def spelled_out(articles: Iterable[Article]) -> dict[str, tuple[str, str]]:
    """Acronym -> (the one name the archive spells it out as, the first file that does)."""
    found: dict[str, set[str]] = defaultdict(set)
    first: dict[tuple[str, str], str] = {}
    for article in sorted(articles, key=lambda a: a.source.file):
        names = [n for n in article.organizations if len(n.split()) >= 2]
        if not names:
            continue
        text = "\n".join(article.paragraphs)
        # One scan for "(ACR)", then which of the article's names stands just before it.
        for match in _SPELLED_OUT.finditer(text):
            acronym, before = match.group(1), text[:match.start()].rstrip()
            if sum(c.isupper() for c in acronym) < 2:
                continue
            for name in names:
                if before.endswith(name) and acronym != name:
                    found[acronym].add(name)
                    first.setdefault((acronym, name), article.source.file)
    # Spelled out two ways (two bodies share the letters): not resolved.
    return {acronym: (name, first[(acronym, name)])
            for acronym, names in found.items() if len(names) == 1 for name in names}


def _organizations(article: Article, acronyms: dict[str, tuple[str, str]],
                   ) -> tuple[tuple[str, ...], list[Resolution]]:
    names: list[str] = []
    notes: list[Resolution] = []
    for name in article.organizations:
        if name in acronyms:
            full, where = acronyms[name]
            notes.append(Resolution(name, full, f"spelled out so in {where}"))
            name = full
        if name not in names:
            names.append(name)
    return tuple(names), notes


def resolve_names(articles: Sequence[Article]) -> tuple[list[Article], dict[str, list[Resolution]]]:
    """Each article with its surname-only people and its acronyms resolved (see the module
    docstring), and what was done, by input file."""
    archive = _learn(articles)
    acronyms = spelled_out(articles)
    out: list[Article] = []
    done: dict[str, list[Resolution]] = {}
    for article in articles:
        given = {field for field, _ in article.source.overrides}
        if "organizations" not in given:
            organizations, notes = _organizations(article, acronyms)
            if notes:
                done.setdefault(article.source.file, []).extend(notes)
                article = replace(article, organizations=organizations)
        if "people" in given:
            out.append(article)
            continue
        people: list[str] = []
        roles = {k: list(v) for k, v in article.roles.items()}
        notes: list[Resolution] = []
        for person in article.people:
            found = (_resolve_one(person, article.roles.get(person, ()), archive)
                     if len(person.split()) == 1 else None)
            name = found.name if found else person
            if found:
                notes.append(found)
                merged = roles.setdefault(name, [])
                merged.extend(r for r in roles.pop(person, []) if r not in merged)
            if name not in people:
                people.append(name)
        if notes:
            done.setdefault(article.source.file, []).extend(notes)
            article = replace(article, people=tuple(people),
                              roles={k: v for k, v in roles.items() if v})
        out.append(article)
    return out, done

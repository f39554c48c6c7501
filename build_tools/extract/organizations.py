"""Organisations: by curated name, by the form of the name, by a ticker after it, or by the
words around it ("miner Anglo American", "an analyst at Barclays", "Kestrel Orbital, a startup")."""

from __future__ import annotations

import re

from . import gazetteer
from .spans import Span, fold, inside_brackets

#: Last words that make a run of capitalised words an organisation's name.
ORG_SUFFIXES = frozenset(
    """Department Ministry Agency Bank Inc Inc. Corp Corp. Corporation Co Co. Company Companies
    Group Party Union Council Commission Committee Fund Organization Organisation Association
    University Institute Institution Authority Board Bureau Service Services Court Parliament
    Congress Senate Assembly Airlines Airways Motors Holdings Foundation Federation League
    Reserve Exchange Ltd Ltd. Plc PLC LLC LLP AG SA S.A. NV N.V. GmbH Bancorp Partners
    Securities Capital Investments Industries Systems Technologies Pharmaceuticals Energy
    Petroleum Oil Communications Telecom Networks Media Press Times Post Journal News
    Police Army Navy Force Forces Guard Office Administration Cabinet Alliance Coalition
    Movement Front Brigade Brigades Hospital School College Academy Club Society Trust Bancshares
    Insurance Financial Network Labs Laboratories Entertainment Studios Stores Directorate
    Observatory Center Centre Chamber Roundtable Mission Corps Commissariat Secretariat
    Tribunal Confederation Ministries Utilities Minerals Mining Mines Resources Electronics Associates
    Investors Advisers Advisors Management Bancorporation Railway Railways Lines Shipping
    Steel Chemicals Foods Brands Motor Automotive Aerospace Logistics Ventures Solutions
    Institut Verband Stiftung Gesellschaft FC CF SC Dynamics Workers Funding Ferries Wireless
    Brothers Research Equities Metrics Rentals Computer Computers Scientific Mutual Newsroom
    Bankers Zeitung International Bancorp Banc Brewing Breweries Pictures Records Software Semiconductor
    Semiconductors Pharma Biotech Therapeutics Petrochemical Refining Exploration Unit
    Herald Tribune Gazette Chronicle Courier Tidings Observer""".split()
)
#: First words that make one: "FC Barcelona", "Banco Santander".
ORG_FIRST = frozenset("FC AC AS SC Real Banco Banca Banque Grupo Groupe Deutsche".split())
#: Legal forms dropped from a company's canonical name.
LEGAL_SUFFIXES = frozenset(
    "inc inc. corp corp. co co. ltd ltd. plc llc llp ag sa s.a. nv n.v. gmbh ab spa s.p.a. se "
    "oyj asa kk pte bhd tbk lp l.p. sarl s.a.r.l. bv b.v. as a/s cos cos. limited"
    .split()
)
ORG_PREFIXES = ("Ministry of", "Department of", "University of", "Bank of", "Council of",
                "Office of", "Court of", "Commission of", "Institute of", "Federation of",
                "Chamber of", "Association of", "Union of", "Board of", "Bureau of")
#: A ticker right after a name: ``Airbus ( EAD.PA )``, ``<TSBA.T>``, or bare with its
#: exchange's suffix as the 2007 wire prints it (``Cerberus CBS.UL``).
TICKER_AFTER = re.compile(r"^\s*\(\s*(?:[A-Z0-9]{1,6}(?:\.[A-Za-z]{1,3})?\s*)\)|^\s*<[A-Z0-9.]+>"
                           r"|^\s+[A-Z0-9]{1,6}[a-z]?\.[A-Z]{1,2}(?![\w.])")
#: Lower-case nouns that, right before a name, say it is an organisation's.
DESCRIPTORS = frozenset(
    """company companies firm firms group groups lender lenders bank banks insurer insurers
    carrier carriers airline airlines retailer retailers miner miners producer producers maker
    makers automaker automakers carmaker carmakers startup start-up utility utilities operator
    operators rival rivals broker brokerage brokers conglomerate giant supplier suppliers
    developer developers manufacturer manufacturers chain chains consultancy consultancies
    regulator watchdog agency agencies union unions party parties club clubs team teams
    insurer newspaper broadcaster publisher network exchange exchanges fund funds investor
    fintech firm's company's group's subsidiary unit affiliate partner partners
    shipper shippers refiner refiners trader traders distributor distributors
    contractor contractors outlet outlets institute association federation jeweler jeweller
    homebuilder brewer""".split()
)
_DESCRIPTOR_SUFFIX = re.compile(r"(?:maker|makers|giant|firm|group|compiler|provider)$")
#: "online payments service PayPal", "movie download service Movielink": a kind of service
#: before a name is the body that runs it.
_SERVICE_BEFORE = re.compile(r"\b(?:news|wire|payments?|download|music|video|online|Web|web|"
                             r"Internet|internet|messaging|search|rental|streaming|"
                             r"subscription|networking)\s+service$")
#: "Texas-based Lone Star": a body based in a named place (not "computer-based Web search").
_BASED_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w.]*-based$")
#: "agreed to acquire Parlano, which", "considering buying Godiva.": what is bought is a
#: body, when no noun follows the name ("buy Harry Potter books" buys a product).
_ACQUIRED_BEFORE = re.compile(r"\b(?:acquire|acquired|acquiring|buy|buying|bought|takeover of|"
                              r"merge with|merger with|bid for)\s+$")
#: What is bought that is no body: "buy Treasuries", "bought Bunds".
_SECURITIES = re.compile(r"^(?:\w+ies|Bunds|Gilts|Bonds|Futures|Options|Shares|Stocks|Notes|Bills)$")
_ACQUIRED_AFTER = re.compile(r"^(?:'s|’s)?\s*(?:[,.;:(]|$|(?:for|from|in|and|to|at)\b)")
#: "its stake in Devonport", "a holding in Metronet": what one owns a share of is a body.
_STAKE_IN = re.compile(r"\b(?:stake|stakes|holding|shareholding|interest)\s+in\s+(?:the\s+)?$")
#: An appositive that says what kind of body a name is: "Kestrel Orbital, a startup", but not
#: "John Hartley, a bank analyst".
_ORG_NOUNS = (
    r"company|firm|startup|start-up|group|lender|bank|insurer|carrier|airline|retailer|miner|"
    r"producer|maker|automaker|carmaker|utility|operator|conglomerate|supplier|developer|"
    r"manufacturer|chain|consultancy|regulator|agency|union|party|club|fund|subsidiary|unit|"
    r"organisation|organization|association|charity|nonprofit|non-profit|alliance|coalition|"
    r"builder|homebuilder|thrift|provider|brokerage|website|web site|site|newspaper|magazine|"
    r"brewer|studio|exchange|venture|arm|"
    r"distributor|chipmaker|drugmaker"
)
_ORG_APPOSITIVE = re.compile(
    rf"^\s*(?:,|--|—|–)\s*(?:now\s+)?(?:a|an|the|its|which|whose)\s+"
    rf"(?:(?!(?:at|of|in|for|with|and|who|analyst|economist)\b)[\w'’.-]+\s+){{0,4}}?"
    rf"(?:{_ORG_NOUNS})\b"
    r"(?!(?:'s|’s)|\s+(?:[a-z]+(?:er|or|ist|ian|man|woman|ant|ent)|head|chief|official|"
    r"executive)s?\b)"
)
_ORG_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:shares|stock|said in a statement|spokesman|spokeswoman|spokesperson|"
    r"chief executive|chief financial|CEO|chairman|board|executives|shareholders|"
    r"declined to comment|did not respond|employs|owns|said in a (?:research )?(?:report|note)|"
    # "told the Financial Times Deutschland newspaper": a title the text calls a publication.
    r"newspaper|daily|magazine|news agency)\b"
)
#: "Current Analysis analyst Avi Greengart": a body, then a role in lower case and a name.
_EMPLOYER_AFTER = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:analyst|economist|strategist|spokesman|spokeswoman|"
    r"spokesperson|chairman|executive|researcher|director|lawyer)s?\s+[A-Z]")
#: "an analyst at Barclays", "head of research at Wood Mackenzie".
_EMPLOYER_BEFORE = re.compile(r"\b(?:at|with)\s+$")
_ROLE_WORDS = re.compile(
    r"\b(?:analyst|analysts|economist|economists|strategist|strategists|head|chief|director|"
    r"manager|trader|traders|partner|researcher|executive|officer|spokesman|spokeswoman|"
    r"president|chairman|adviser|advisor|banker|broker|consultant|official|officials|"
    r"employee|employees|engineer|lawyer|professor)\b[^.;,]{0,40}$"
)
#: All-capital words that are not organisations: titles, units, currencies, figures, kinds of
#: security (``MBS``, ``ADR``) and technologies (``CDMA``, ``GSM``).
NOT_ACRONYMS = frozenset(
    """CEO CFO COO CTO CIO GDP GNP IPO LNG LPG CPI PPI PMI ETF ETFs EV EVs AI OK TV GMT EST EDT
    PST PDT BST CET CEST UTC AM PM USD EUR GBP JPY CNY CHF YEN BPD MW GW KW KWH TWH CO2 HIV AIDS
    SUV SUVs PC PCs IT ID II III IV VI VII VIII IX XI XII Q1 Q2 Q3 Q4 H1 H2 US USA UK UAE EU UN
    NGO NGOs MP MPs VAT ESG M&A IPOs RSS PDF URL FAQ DNA COVID SARS MERS TB DJ CD DVD GPS LED
    LCD API APIs TSX FTSE DAX CAC KOSPI NIKKEI S&P NASDAQ NYSE A B C D E F G X Y Z I O P R S T
    OF AND THE FOR IN ON TO BY AT AN A1 AAA AA BBB BB CCC
    MBS RMBS CMBS ABS CDO CDOs CLO CDS ABCP SIV SIVs REIT REITs ADR ADRs ADS GDR TIPS
    CDMA GSM UMTS HSDPA LTE WCDMA VoIP DSL ADSL RFID MP3 SMS MMS JGB JGBs
    VIP VIPs ATM ATMs DIY RSVP PR HR R&D USB CRM ERP DIP JV JVs""".split()
)
#: A country's short name opening the name of one of its government's bodies.
_COUNTRY_PREFIXES = frozenset(("U.S.", "US", "U.S"))
#: Acronyms of kinds of body that, opening a name, describe the body after them.
KIND_ACRONYMS = frozenset("REIT REITs NGO NGOs ETF ETFs".split())
#: Words naming what a body publishes: "University of Michigan Survey of Consumers", "Conference
#: Board Index of Leading Indicators" name the survey or index, not the body.
_REPORT_WORDS = frozenset("Survey Surveys Index Indices Indexes Poll Polls Report Reports".split())
#: Lower-case nouns right after a name that make it a product or brand: "wooden Thomas & Friends
#: toy trains", "the company's popular MSN portal".
PRODUCT_AFTER = re.compile(
    r"^\s+(?:toy|toys|trains|dolls?|play\s*sets?|action figures?|portal|search engine|"
    r"handsets?|smartphones?|phones?|consoles?|browser|software|brand|brands|beer|beers|"
    r"video games?|games?|devices?|gadgets?|players?|sedans?|coupes?|pickups?|crossovers?|"
    r"minivans?)\b(?!\s+(?:maker|makers|company|group|unit)\b)")
#: Words right before a name that make it a product: "2007 model year Cadillac CTS".
PRODUCT_BEFORE = re.compile(r"\bmodel[- ]years?\s+$")
#: Nouns after a name that make it a product when an owner stands before it: "the group's
#: Carrierwave technology", "its Zyvox drug" (not "licensing Qualcomm technology").
_OWNED_PRODUCT_AFTER = re.compile(
    r"^\s+(?:technology|technologies|platform|drug|drugs|treatment|vaccine|formula)\b")
_OWNER_BEFORE = re.compile(r"(?:['’]s|\bits|\btheir)\s+$")
#: "Hilton's brands include Hilton, Conrad Hotels & Resorts, Doubletree": a list of brands.
BRANDS_BEFORE = re.compile(r"\bbrands\s+(?:include|includes|including|such as|like|are)\s*:?\s*$")


def owned_product(span: Span) -> bool:
    """Whether a name stands between an owner and a product's noun: "the U.S. group's
    Carrierwave technology"."""
    return bool(_OWNER_BEFORE.search(span.before) and _OWNED_PRODUCT_AFTER.match(span.after))


#: Nouns of works right before their title: "his book Liar's Poker", "the film "Wall Street"";
#: a newspaper or magazine is a body that publishes, and stays one.
_WORK_BEFORE = re.compile(
    r"\b(?:book|books|novel|novels|memoir|memoirs|autobiography|biography|film|films|movie|"
    r"movies|documentary|musical|album|song|opera|sitcom|poem|bestseller|best-seller)"
    r"\s*,?\s*(?:(?:titled|entitled|called)\s+)?[\"“]?\s*(?:(?:The|A|An)\s+)?$")
#: A name in quotes, all there is between them ("The Real Deal."), and words that make a
#: quoted name the name a body goes by: 'rebrand itself as "Citi"'.
_QUOTE_BEFORE = re.compile(r"[\"“]\s*(?:(?:The|A|An)\s+)?$")
_QUOTE_AFTER = re.compile(r"^[.,!?;:]?[\"”]")
_NAMING_BEFORE = re.compile(
    r"\b(?:as|called|named|renamed|dubbed|known as|brand|name)\s+[\"“]\s*(?:(?:The|A|An)\s+)?$")


def names_a_work(span: Span) -> bool:
    """Whether a name is the title of a book, film or other work, not a body: right after the
    work's noun ("his autobiography The Real Deal"), or alone in quotes ("in "The Real
    Deal,"") unless it is said to be what a body is called or ends as a body's name does."""
    if _WORK_BEFORE.search(span.before):
        return True
    last = span.words[-1]
    return bool(_QUOTE_BEFORE.search(span.before) and _QUOTE_AFTER.match(span.after)
                and not _NAMING_BEFORE.search(span.before)
                and last not in ORG_SUFFIXES and last.casefold() not in LEGAL_SUFFIXES)
_ACRONYM = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9&-]{1,9}$")


def canonical_organization(words: tuple[str, ...]) -> str | None:
    """The organisation *words* name, or ``None``: curated names first, then the name's form."""
    name = " ".join(words)
    curated = gazetteer.organizations().get(fold(name))
    if curated:
        return curated
    if "&" in words and (stripped := strip_legal_suffix(words)):
        # "AT&T Inc" reaches here as "AT & T Inc": the spaces are the tokeniser's, not the text's.
        curated = gazetteer.organizations().get(fold(stripped).replace(" & ", "&"))
        if curated:
            return curated
    if len(words) < 2:
        return words[0] if _looks_like_bank(words[0]) else None
    if len(words) > 2 and words[0] in _COUNTRY_PREFIXES and (
            is_curated(words[1:]) or words[-1] == "Department"):
        # "U.S. Department of Defense", "U.S. Labor Department": the curated names drop the
        # country from a government's departments ("U.S. Airways Group" keeps it: no
        # department).
        return canonical_organization(words[1:])
    if len(words) > 2 and words[0] in KIND_ACRONYMS:
        # "REIT CNL Hotels & Resorts", "NGO Save Our Seas": the kind of body, then its name.
        return canonical_organization(words[1:])
    if words[-1] in gazetteer.not_entities().last_words:
        return None  # "S&P Financials Index", "Partnership Act": an index, law or event
    if any(w in _REPORT_WORDS and words[i + 1] == "of" for i, w in enumerate(words[1:-1], 1)):
        return None  # "University of Michigan Survey of Consumers": what a body publishes
    if (words[-1] in ORG_SUFFIXES or words[-1].casefold() in LEGAL_SUFFIXES
            or name.startswith(ORG_PREFIXES) or words[0] in ORG_FIRST or _suffix_then_of(words)):
        return strip_legal_suffix(words)
    if "&" in words and words[0] != "&" and words[-1] != "&":
        return strip_legal_suffix(words)  # "Procter & Gamble", "Ernst & Young"
    if words[-1] == "USA" and "and" not in words and (len(words) > 2 or "-" in words[0]):
        return name  # "Philip Morris USA", "T-Mobile USA": a body's arm in the United States
    return None


def _suffix_then_of(words: tuple[str, ...]) -> bool:
    """"Observatory of Costa Rica", "Institute for the World Economy": a body named by what
    it is, then what it is of or for."""
    return any(w in ORG_SUFFIXES and words[i + 1] in ("of", "for")
               for i, w in enumerate(words[:-2]))


def _looks_like_bank(word: str) -> bool:
    """``Rabobank``, ``Commerzbank``, ``Bundesbank``: one word ending in "bank"."""
    return len(word) > 6 and word.endswith("bank") and word[0].isupper() and word[1:].islower()


def is_curated(words: tuple[str, ...]) -> bool:
    return fold(" ".join(words)) in gazetteer.organizations()


def strip_legal_suffix(words: tuple[str, ...]) -> str | None:
    """``General Motors Corp.`` -> ``General Motors``; ``None`` when nothing is left."""
    kept = list(words)
    # "JPMorgan Chase & Co." -> "JPMorgan Chase": a joiner left at the end goes too.
    while len(kept) > 1 and (kept[-1].casefold().rstrip(",") in LEGAL_SUFFIXES
                             or kept[-1] in ("&", "and")):
        kept.pop()
    if len(kept) == 1 < len(words) and _needs_its_suffix(kept[0]):
        # "News Corp", "Holland & Co": one word left alone would be a common word, a place
        # or a surname, not the company.
        kept = list(words)
        kept[-1] = kept[-1].rstrip(".,")
    if all(w.casefold().rstrip(".,") in LEGAL_SUFFIXES for w in kept):
        return None  # "Co Inc": a legal form, no name
    return join_initials(" ".join(kept)) if kept else None


def join_initials(name: str) -> str:
    """``M & T Bank`` -> ``M&T Bank``: initials joined by ``&`` are printed without spaces
    (``H&R Block``, ``AT&T``); the spaces are the tokeniser's. Partners' names (``Procter &
    Gamble``) keep theirs."""
    return _SPACED_INITIALS.sub(r"\1&\2", name)


_SPACED_INITIALS = re.compile(r"(?<![\w.])([A-Z]{1,3}) & ([A-Z]{1,3})(?![\w.])")


def _needs_its_suffix(word: str) -> bool:
    """Whether *word*, all that is left of a company's name without its legal form, no longer
    names it: a generic word of names (``News``, ``International``) or a place (``Holland &
    Co``)."""
    return word in ORG_SUFFIXES or fold(word) in gazetteer.places()


def is_acronym(word: str) -> bool:
    """An all-capital word that names a body: ``FNSEA``, ``KOGAS``; not ``CEO`` or ``GDP``,
    nor a curated finance term (``EPS``, ``VEBA``), nor a word of eight letters or more (``CUSTOMERS``, ``TRACKING``: a heading; longer
    acronyms are curated)."""
    letters = sum(c.isalpha() for c in word)
    # "AFL-CIO" is one; "STS-V", "W-CDMA", "OPUS-5", "BB-" are models, codes and ratings.
    parts = word.split("-")
    return (bool(_ACRONYM.match(word)) and word not in NOT_ACRONYMS and 2 <= letters <= 7
            and word not in gazetteer.not_entities().acronyms
            and (len(parts) == 1 or all(len(p) >= 2 and p.isalpha() for p in parts)))


def organization_in_span(span: Span) -> str | None:
    """The organisation a span names on its own, or by a ticker right after it."""
    found = canonical_organization(span.words)
    if found:
        return found
    if (ticker := TICKER_AFTER.match(span.after)) and not _defines_acronym(span, ticker.group()):
        return strip_legal_suffix(span.words)
    if (len(span.words) == 1 and is_acronym(span.words[0]) and not inside_brackets(span)
            and not _joint_measure(span)):
        return span.words[0]
    return None


#: What two bodies publish together: "the ICSC-UBS weekly chain store snapshot".
_MEASURE_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+){0,4}?(?:index|indexes|survey|tally|snapshot|"
                            r"poll|gauge|measure|figures|data|report)\b")


def _joint_measure(span: Span) -> bool:
    """``ICSC-UBS`` before "weekly chain store snapshot": two bodies' short names joined by a
    hyphen, one known on its own, naming what they publish together, not one body as
    ``AFL-CIO`` or the joint venture ``TNK-BP`` do."""
    parts = span.words[0].split("-")
    return (len(parts) > 1 and any(fold(p) in gazetteer.organizations() for p in parts)
            and bool(_MEASURE_AFTER.match(span.after)))


#: Endings of common nouns: a name ending so names a thing or an idea ("Public Sector
#: Borrowing Requirement", "Base Realignment and Closure"), not a body.
_CONCEPT_ENDING = re.compile(r"(?:ment|tion|sion|ure|ance|ence|ity|ism|ide|ness|ing)$")
#: Common nouns of taxes, figures and things that end such names with no telling ending.
_CONCEPT_NOUNS = frozenset("""Tax Taxes Product Products Missile Missiles Directive Deficit
    Surplus Income Price Prices Loan Loans Bond Bonds Note Notes Drug Vaccine Test""".split())


def names_a_concept(words: tuple[str, ...]) -> bool:
    """Whether a name unknown as a body's ends in a common noun of things or ideas:
    ``B-type Natriuretic Peptide``, ``Public Sector Borrowing Requirement``."""
    last = words[-1]
    return (last not in ORG_SUFFIXES and bool(_CONCEPT_ENDING.search(last.casefold()))
            ) or last in _CONCEPT_NOUNS or last in gazetteer.not_entities().last_words


def _defines_acronym(span: Span, brackets: str) -> bool:
    """``Base Realignment and Closure (BRAC)``, ``B-type Natriuretic Peptide (BNP)``: capitals
    in brackets, without an exchange's suffix, whose letters are the initials of a name of a
    thing or idea before them define a short name; they are no ticker. After other names
    (``Companhia Vale do Rio Doce (CVRD)``) they still say a body is meant."""
    letters = [c.casefold() for c in brackets if c.isalpha()]
    if "." in brackets or "<" in brackets or len(letters) < 2 or not names_a_concept(
            span.words):
        return False
    words = re.findall(r"[^\W\d_][\w'’.]*", f"{span.before} {span.text}".replace("-", " "))[-12:]
    initials = [w[0].casefold() for w in words]
    for k in range(len(letters), len(initials) + 1):
        tail = initials[-k:]
        if tail[0] != letters[0] or tail[-1] != letters[-1]:
            continue
        rest = iter(tail)
        if all(letter in rest for letter in letters):
            return True
    return False


#: Nouns right after a name that make it a site's: "Kovykta gas field", "Grasberg mine",
#: "the giant CityCenter project".
_SITE_AFTER = re.compile(r"^\s+(?:(?:gas|oil|gold|copper|coal|diamond|iron ore)\s+)?"
                         r"(?:field|fields|mine|mines|deposit|deposits|reserve|reserves|"
                         r"project|projects|development)\b")


#: Last words of the names of sites: "Alto Cuilo Camp, a joint venture" is where it works.
SITE_WORDS = frozenset("Camp Site Field Mine Project Plant Refinery Terminal".split())


def is_descriptor(word: str) -> bool:
    """``Jeweler``, ``Chipmaker``: a noun opening a name that says what kind of body follows
    (not ``Allegiant``, whose ending is only spelled like "giant")."""
    key = word.casefold()
    return key in DESCRIPTORS or (key.endswith(("maker", "makers")) and len(key) > 6)


def organization_by_description(span: Span) -> str | None:
    """An organisation the words around a span describe as one: "miner Anglo American",
    "Kestrel Orbital, a startup", "Bushveld Platinum said in a statement", "X shares"; not
    "the giant Kovykta gas field", which names a site."""
    if _SITE_AFTER.match(span.after) or span.words[-1] in SITE_WORDS:
        return None
    before = span.before.rstrip()
    last = before.rsplit(None, 1)[-1].casefold() if before else ""
    if last in _PERSON_DESCRIPTORS and _shaped_like_a_full_name(span.words):
        return None  # "Spanish publisher Jose Manuel Lara": a person who publishes
    if last in DESCRIPTORS or (_DESCRIPTOR_SUFFIX.search(last) and len(last) > 5) or (
            _SERVICE_BEFORE.search(before)) or (
            last.endswith(("-owned", "-run", "-controlled", "-backed"))) or (
            _STAKE_IN.search(before + " ")) or _BASED_BEFORE.search(before):
        return strip_legal_suffix(span.words)
    if (_ORG_APPOSITIVE.match(span.after) or _ORG_AFTER.match(span.after)
            or _EMPLOYER_AFTER.match(span.after)):
        return strip_legal_suffix(span.words)
    if (_ACQUIRED_BEFORE.search(before + " ") and _ACQUIRED_AFTER.match(span.after)
            and not _SECURITIES.match(span.text)):
        return strip_legal_suffix(span.words)
    if len(span.words) == 1 and re.match(r"^\s+of\s+(?:the\s+)?[A-Z]", span.after) and (
            span.before.rstrip().endswith((",", "and", "with", "by", "from"))):
        return span.words[0]  # "Aquanord of France", "Siemens of Germany"
    return None


#: Descriptors that say as often what a person does as what a body is.
_PERSON_DESCRIPTORS = frozenset("publisher investor partner developer broker trader".split())


def _shaped_like_a_full_name(words: tuple[str, ...]) -> bool:
    """Three or four plain capitalised words and nothing of a body's name (``Jose Manuel
    Lara``); ``Random House`` and ``Simon & Schuster`` are no such names."""
    return 3 <= len(words) <= 4 and all(
        w[:1].isupper() and w[1:].islower() and w.isalpha() and w not in ORG_SUFFIXES
        for w in words)


def organization_by_employment(span: Span) -> str | None:
    """Where someone works: "an analyst at Barclays", "head of research at Wood Mackenzie"."""
    before = span.before.rstrip()
    if before.endswith((" at", " with")) and _ROLE_WORDS.search(before.rsplit(None, 1)[0]):
        return strip_legal_suffix(span.words)
    # "an economist for Dresdner Kleinwort": "for" names an employer only right after the
    # role ("a plan for Iberia" names what the plan is for).
    if _ROLE_FOR.search(before):
        return strip_legal_suffix(span.words)
    return None


#: A role right before "for": "economist for", "a spokeswoman for".
_ROLE_FOR = re.compile(r"\b(?:analyst|economist|strategist|spokesman|spokeswoman|spokesperson|"
                       r"lawyer|attorney|counsel|researcher)s?\s+for$")


def described_at_length(after: str) -> bool:
    """", the world's largest cosmetics group": an appositive naming a kind of body after at
    least one word of its own (not ", the company said", which opens a new clause)."""
    match = _ORG_APPOSITIVE.match(after)
    return bool(match) and len(match.group().lstrip(" ,").split()) >= 3


def described_as_organization(after: str) -> bool:
    """Whether the words after a name describe a body: ", a startup based in ..."."""
    return bool(_ORG_APPOSITIVE.match(after))


#: Legal forms spelled out, and how the wire shortens them: "News Corporation", "News Corp".
_SPELLED_OUT = {"Corporation": ("Corp", "Corp."), "Company": ("Co", "Co."),
                "Incorporated": ("Inc", "Inc."), "Limited": ("Ltd", "Ltd.")}


def short_form_twin(name: str, names: set[str]) -> str | None:
    """The name among *names* that *name*, ending in a spelled-out legal form, is the same
    body as: ``Ford Motor Company`` beside ``Ford Motor``, ``News Corporation`` beside ``News
    Corp``. ``None`` when the article names it only so."""
    stem, _, last = name.rpartition(" ")
    if not stem or last not in _SPELLED_OUT:
        return None
    for twin in (stem, *(f"{stem} {short}" for short in _SPELLED_OUT[last])):
        if twin in names:
            return twin
    return None


def initials_of(name: str) -> str | None:
    """``HP`` for ``Hewlett-Packard``, ``GM`` for ``General Motors``: the capitals that open
    the parts of a body's name, by which the wire calls it for short; ``None`` for a name of
    one part."""
    parts = [part for part in re.split(r"[\s-]+", name) if part[:1].isupper()]
    return "".join(part[0] for part in parts) if len(parts) > 1 else None


def drop_misspelt_twins(orgs: list[str], printed: list[str] = ()) -> list[str]:
    """Names a typing slip made of another body's: ``HBSC`` beside ``HSBC``, ``Dow Chemicals``
    beside ``Dow Chemical``. *orgs* holds a name for each mention, *printed* how the article
    printed the mentions it knows by another name (``HSBC`` for ``HSBC Holdings``). A name one
    slip from a name the article prints more often is that body's; curated names and names
    tied in mentions stay (two bodies may be spelled alike: neither is the slip)."""
    counts: dict[str, int] = {}
    for name in (*orgs, *printed):
        counts[name] = counts.get(name, 0) + 1
    dropped = {name for name in set(orgs) if not is_curated(tuple(name.split())) and any(
        counts[other] > counts[name] and is_slip_of(name, other) for other in counts)}
    return [name for name in orgs if name not in dropped]


def is_slip_of(name: str, other: str) -> bool:
    """Whether *name* is *other* with one typing slip: one letter more or less in a name of
    seven characters or more (``Dow Chemicals``, ``Broadcomm``), a hyphen for a space
    (``Sprint-Nextel``), or an acronym of four letters or more with its letters in another
    order (``HBSC``). A letter changed or two swapped in a longer name make another name as
    often as a slip (``Banc of America``, ``BEA Systems`` beside ``BAE Systems``); shorter
    names differ by one letter too often (``MBIA``, ``MBNA``)."""
    a, b = fold(name).replace("-", " "), fold(other).replace("-", " ")
    if a == b:
        return name != other and "-" in name + other
    if name.isupper() and other.isupper() and len(name) >= 4 and " " not in name + other:
        return sorted(name) == sorted(other)
    return min(len(a), len(b)) >= 7 and _one_more_or_less(a, b)


def _one_more_or_less(a: str, b: str) -> bool:
    """Whether *a* and *b* differ by one character more or less."""
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1:]

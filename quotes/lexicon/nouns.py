"""What kind of thing a noun names: a person, a body, a document, no agent at all.

Read by the attribution sieve (who can speak: :mod:`quotes.attribution.agents`, :mod:`~quotes.attribution.parse`,
:mod:`~quotes.attribution.fallback`, :mod:`~quotes.attribution.clauses`) and by the speaker resolver (:mod:`quotes.coref`).

Kept apart from the logic so they can grow without touching it. All entries
are lower case; nouns are lemmas.
"""
from __future__ import annotations

#: News organisations that a bare name gives away.
NEWS_NAMES = frozenset("""
reuters ap afp bloomberg cnn bbc msnbc npr politico axios breitbart bbc_news cnbc pbs nbc cbs abc
fox upi xinhua tass efe ansa dpa anadolu aljazeera al_jazeera france24 hespress 2m yahoo buzzfeed
vox slate salon huffpost mediaite newsmax
""".replace("_", " ").split()) | {"associated press", "agence france-presse", "fox news", "nbc news", "cbs news",
                                   "abc news", "the hill", "al jazeera", "france 24", "le monde", "der spiegel"}
#: A word in an organisation's name that marks it as a news organisation.
NEWS_NAME_WORDS = frozenset("""
times post news journal herald tribune press gazette telegraph guardian daily magazine radio tv television
chronicle observer examiner inquirer wire broadcasting network media newspaper monde spiegel
""".split())
#: Nouns that describe a news organisation ("the news outlet said").
NEWS_NOUNS = frozenset("""
outlet newspaper paper broadcaster network channel magazine daily publication tabloid wire station
website site newsroom weekly
""".split())
#: Nouns that describe a business ("the company said").
COMPANY_NOUNS = frozenset("""
company firm carrier airline manufacturer maker bank retailer corporation giant conglomerate startup insurer
automaker operator business lender chain developer supplier
""".split())
#: Nouns that can describe any organisation but a news outlet ("the group said" after a foundation).
GENERIC_ORG_NOUNS = frozenset({"organization", "organisation", "group", "body", "institution", "charity",
                               "nonprofit", "non-profit", "outfit"})
#: Nouns heading the names of public bodies; a description headed by one is an organisation.
BODY_NOUNS = frozenset("""
ministry department agency court council party committee commission office senate house congress parliament
government administration police army navy embassy authority board bureau service directorate prosecutor's
campaign organization organisation union association institute foundation university center centre
federation league alliance coalition movement cabinet presidency secretariat tribunal assembly
""".split())
#: Verbs whose subject, when an organisation, is very likely a news organisation.
REPORTING_VERBS = frozenset({"report", "quote", "cite", "publish", "broadcast", "reveal"})
#: Nouns for things that "say" without being anyone: they stay descriptions of type unknown.
NON_AGENTS = frozenset("""
statement report email e-mail ad advertisement lawsuit poll study letter memo document survey complaint filing
release post tweet video book article story analysis data ruling order indictment note message petition bill
law plan proposal speech transcript interview resolution declaration communique communiqué text sign website
page column editorial op-ed headline caption footage record documents minutes platform agreement piece
spot commercial update
""".split())
#: Nouns for people that the suffix rule below would miss.
PERSON_NOUNS = frozenset("""
official aide spokesman spokeswoman spokesperson adviser advisor president senator candidate lawmaker leader
chief secretary governor mayor judge lawyer attorney prosecutor analyst expert economist author professor
activist witness resident voter supporter critic diplomat ambassador officer executive ceo chairman chairwoman
manager strategist pollster consultant historian reporter journalist correspondent columnist editor host
commentator man woman person businessman billionaire nominee frontrunner challenger rival opponent incumbent
representative congressman congresswoman member staffer student teacher doctor father mother wife husband
son daughter brother sister friend source insider minister counterpart king queen prince princess premier
envoy delegate deputy director head general colonel captain veteran victim suspect official chair speaker
justice president-elect aide-de-camp surrogate ally adviser confidant lobbyist donor fundraiser organizer
""".split())
#: Endings of nouns for people ("campaigner", "economist", "spokesman").
PERSON_SUFFIXES = ("er", "or", "ist", "man", "woman", "person", "ian")
#: Endings those rules must not catch.
NOT_PERSON_SUFFIXED = frozenset({"paper", "center", "letter", "order", "number", "matter", "water", "chapter",
                                  "power", "sector", "factor", "error", "corridor", "border", "dinner", "cluster",
                                  "newsletter", "quarter", "register", "poster", "flyer", "trailer", "folder",
                                  "list", "checklist", "shortlist", "blacklist", "watchlist", "playlist", "gist",
                                  "twist", "wrist", "fist", "mist"})
#: Common nouns for organisations, which English refers to as "they" as often as "it".
ORGANISATION_NOUNS = BODY_NOUNS | NEWS_NOUNS | COMPANY_NOUNS


def is_person_noun(lemma: str) -> bool:
    """Does the common noun (a lemma) name a person: a listed one or an agent ending ("campaigner")?"""
    return lemma in PERSON_NOUNS or (lemma.endswith(PERSON_SUFFIXES) and lemma not in NOT_PERSON_SUFFIXED)


#: Last words of the names of things that cannot speak: a law, a building, a place, an event, a
#: work, a prize ("the Data Retention Bill", "Smith Tower", "the Napa Valley Wine Festival"). A name
#: ending in one is never a person, whatever person it shares a word with.
THING_NAME_WORDS = frozenset("""
bill act law amendment treaty accord agreement convention protocol directive regulation statute
tower towers building hall center centre bridge street avenue road boulevard square plaza park garden gardens
station airport stadium arena theater theatre museum gallery library observatory cathedral church chapel
mosque temple palace castle hotel hospital clinic school college campus prison mall market pipeline dam
festival fair expo summit conference games olympics cup championship championships tournament marathon
prize award awards medal trophy show series film movie album novel book report index poll survey
river lake mountain island valley county district province region
""".split())

#: Of those, the last words of names of places, structures and events, which never speak even when the
#: tagger calls them organisations ("Smith Tower", "Lambeau Field" aside): no "the company said" or
#: "it said" means one. (Hospitals, schools, museums and palaces do speak, through their staff.)
MUTE_NAME_WORDS = frozenset("""
tower towers building bridge street avenue road boulevard square plaza park garden gardens station airport
stadium arena mall dam river lake mountain island valley festival fair expo games olympics cup championship
championships tournament marathon prize award awards medal trophy
""".split())

#: Words in organisations' names that a person's surname never is ("Morgan Stanley" is rare enough).
ORG_NAME_WORDS = BODY_NOUNS | NEWS_NAME_WORDS | COMPANY_NOUNS | frozenset("""
air airlines airways motors motor group holdings partners capital bank energy foods systems technologies
labs studios records pictures entertainment fund trust insurance health care pharma media sports club
united city county state news inc corp co llc ltd plc ag sa
""".split())

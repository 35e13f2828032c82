"""The words speaker resolution knows: pronouns, titles, roles, the nouns that name
organizations, outlets and businesses, and the patterns of names in unparsed text."""

from __future__ import annotations

import re


PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
GROUP_PRONOUNS = frozenset({"they", "them", "we", "us", "it", "who", "which", "that"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Role nouns that name one kind of speaker: "the spokesperson" refers back to
# "a spokeswoman"; each group is one family.
ROLE_FAMILIES = (
    frozenset({"spokeswoman", "spokesman", "spokesperson", "representative", "spokespeople"}),
    frozenset({"official", "officials", "aide", "aides", "source", "sources", "adviser", "advisor"}),
)
# Carrier nouns: "a report by X", "the Times' piece" speak for X.
CARRIERS = frozenset(
    "report piece article story statement letter editorial column analysis investigation poll survey "
    "study memo email tweet post release interview".split()
)
# Words that make an organization an outlet.
MEDIA_WORDS = frozenset(
    "times post news journal tribune herald gazette cnn msnbc fox nbc abc cbs npr bbc reuters ap "
    "associated press politico axios bloomberg guardian telegraph observer magazine radio tv "
    "television daily breitbart hill atlantic yorker economist".split()
)
# Heads of a described organization: "The Sessions campaign", "the department".
ORG_NOUNS = frozenset(
    "campaign committee department company administration government party agency office ministry "
    "council board commission court police firm group union association bank team house "
    "organization organisation coalition network ministry senate congress".split()
)
# what an organization named with the word is called later: "the university" for "the University
# of Toronto", "the hospital" for "Hereford County Hospital" (its own noun, so no other kind's)
NAMING_NOUNS = ORG_NOUNS | frozenset(
    "university college school hospital clinic city institute museum library authority commission division "
    "district military service province".split()
)
# what a body of another name is called too: "the school said" of the "University of Calgary",
# "the military" of "the Canadian Armed Forces", "the province" of "the Ontario government"
ALSO_CALLED = {
    "school": ("university", "college", "academy"), "military": ("forces", "army"), "province": ("government",),
}
# the words that say a body is not what a noun of ALSO_CALLED means: a country's government is
# no province ("the federal government")
NEVER_CALLED = {"province": frozenset("federal national canada canadian".split())}
# the endings of a business's legal name, which say it is a company ("Ford Motor Co. of Canada")
LEGAL_ENDINGS = frozenset("co corp inc ltd llc plc".split())
# the members of a parliament, by its abbreviation: Westminster's, Holyrood's, Strasbourg's and
# the provinces' (a Legislative Assembly's MLA, Ontario's MPP, Quebec's MNA, Newfoundland's MHA)
PARLIAMENT_MEMBERS = frozenset("mp mep msp mla mpp mna mha".split())
TITLE_WORDS = frozenset(
    "mr mrs ms dr sen rep gov president senator councilwoman councilman councillor mayor governor "
    "secretary minister chairman chairwoman judge justice gen general prof professor rev sir lord lady "
    # ranks and offices that stand before a name and are no part of it ("Vice President Joe Biden")
    "miss mx vice deputy acting former premier chancellor congressman congresswoman "
    "det sgt cpl const cst insp supt coun lt col capt cmdr adm maj brig pte ald "
    "coach archbishop bishop cardinal rabbi magistrate".split()
) | PARLIAMENT_MEMBERS
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those"})
# Capitalised role words that, before a name, make a title ("Premier Doug Ford")
ROLE_TITLES = frozenset(
    "premier chancellor commissioner chief officer director inspector sergeant constable detective "
    "coach captain ambassador deputy leader spokesperson spokeswoman spokesman ceo president dj "
    # a faith's, a school's, a county's or a force's ("Elder Mary Lee", "Reeve Ann Hall"; not "Dean", a first
    # name as often)
    "elder pastor imam chaplain principal reeve warden sheriff corporal".split()
)
DEFINITE = frozenset({"the", "this", "that"})
# someone or something new, not one named before: "a spokesman", "another statement"
INDEFINITE = frozenset({"a", "an", "one", "another"})
# roles a sentence's first word may be, capitalised before a name ("Founder Stelios Haji-Ioannou")
# (a list, not the person-noun suffixes: "Lian Chia Liang", "Dresdner Kleinwort Wasserstein")
ROLE_NOUNS = frozenset(
    "founder boss owner chairman chairwoman manager analyst economist spokesman spokeswoman teenager model comic "
    "beatle landlord landlady tenant resident homeowner lawyer solicitor barrister attorney producer director "
    # a team's positions ("Wing Christophe Dominici": "Wing" is a first name in the lists, too)
    "wing prop flanker hooker".split()
)
# words that are no description on their own: courtesy titles, and what qualifies a role
# ("former Yukos boss …" gives the company no "former")
NO_DESCRIPTION = frozenset("mr mrs ms miss mx messrs mme sir former acting vice deputy then late".split())
# words before a name that say which one is meant, not what it is: "the new Mini", "no other
# Boeing officials" (the tagger calls some of them adjectives, as it does "chief executive", so a
# part of speech cannot tell them apart)
WHICH_ONE = frozenset("new other such same own previous current latest next many several most some few".split())
# a doctor's title is a degree more than an office: it keeps no other role from its holder
# ("Dr. Bonnie Henry" may be "the provincial health officer"; "the doctor" is hers all the same)
DEGREE_TITLES = frozenset({"dr", "doctor"})
# words before a role that make it another office: a "shadow chancellor" or "deputy leader" is not
# who a later "the chancellor", "the leader" means
OTHER_OFFICE = frozenset("shadow deputy vice assistant junior former".split())
# words that narrow a role to where it is held, never to another kind of role ("the country's top doctor")
NARROWING = frozenset("country nation province state city town region top".split())
# what an outlet is called once named: "the paper says" refers back to it
OUTLET_NOUNS = frozenset("paper newspaper daily tabloid broadsheet magazine broadcaster network channel station".split())
# what a business is called once named: "the company" refers back to it
BUSINESS_NOUNS = frozenset(
    "company firm corporation retailer airline bank insurer manufacturer carrier chain business "
    "automaker developer operator utility brand startup grocer distributor supplier provider lender "
    "wholesaler exporter importer refiner giant conglomerate".split()
)
# the last word of a sports club's name, which the NER may take for a person's ("Aston Villa",
# "Crystal Palace": a first name before it; no one's surname in BBC or Reuters-21578)
TEAM_WORDS = frozenset(
    "United City Rovers Athletic Wanderers Albion Town County Rangers Hotspur FC Villa Palace Forest Orient Argyle".split())
# a party's member, capitalised before a name: "Lib Dem Norman Baker", "Labour Janner", "Tories Ken Clarke"
PARTY_MEMBERS = frozenset(
    "lib dem dems labour tory tories conservative conservatives liberal liberals democrat democrats "
    "republican republicans ndp snp ukip gop".split()
)
# the last word of a political party's name, which the NER may take for a person's (plurals and
# names only: a singular "Tory" or "Green" ends people's names, "John Tory", "Philip Green")
PARTY_WORDS = frozenset(
    "Dem Dems Tories Labour Conservatives Liberals Democrats Republicans Greens Nationalists Unionists GOP NDP SNP UKIP".split()
)
# people named for someone else: "lawyer for X", "an aide to X" describe another person than X
RELATIONS = frozenset(
    "friend associate partner lawyer attorney aide adviser advisor spokesman spokeswoman spokesperson colleague "
    "rival ally successor predecessor child children parent parents widow widower fiancee fiance".split()
)
# who someone is to another person, always a person ("His friend, Saxon Spence,"; "a neighbour said
# he …"), unlike a rival, a partner or a parent, which may be a firm
FRIENDS = frozenset("friend colleague neighbour neighbor spouse relative confidant confidante".split())
# family: "his wife Sharon" shares a surname with the one she is the wife of
KIN = frozenset(
    "wife husband son daughter mother father brother sister fiancee fiance girlfriend boyfriend widow widower "
    "stepson stepdaughter grandson granddaughter niece nephew uncle aunt cousin mom mum dad".split()
)
# what anyone may be called for their age, whatever their role: "the youngster", "the veteran"
AGE_EPITHETS = frozenset("youngster teenager teen veteran newcomer debutant".split())
# what speaks for the person who has it: "her office said" is hers, as "Mayor John Tory's office" is Tory's
SPEAKING_FOR = frozenset({"office", "campaign"})
# what a writer calls the holder of a role in passing ("the veteran coach", "the embattled minister"),
# unlike words that name another office ("the foreign secretary" is no home secretary)
WRITERS_EPITHETS = frozenset(
    "veteran experienced seasoned longtime long-time embattled beleaguered outspoken popular controversial "
    "legendary respected young youthful rookie".split()
)
# royals go by first names: "Prince Charles" is no Charles Kennedy
ROYAL_TITLES = frozenset("prince princess king queen duke duchess".split())
# head nouns that describe an organization, not a person: "oil giant Yukos", "the band Keane"
# (not "party", "team" or "union": "Green Party's Elizabeth May" is the party's, not it)
ORGANIZATION_HEADS = frozenset(
    "firm company corporation group giant conglomerate maker producer manufacturer retailer airline bank "
    "insurer carrier chain business operator brand supplier exporter band network broadcaster website "
    "distributor provider lender wholesaler importer refiner "
    "charity foundation institute trust society club".split()
)
# what a public body or union is called once named: "Unifor" … "the union said"
BODY_NOUNS = frozenset(
    "union agency department ministry association organization organisation board commission authority regulator "
    "group charity".split()
)
# capitalised words before an organization's noun that say whose it is, no name: Canada's "Crown
# corporation", "Crown agency" (the state's)
OF_THE_CROWN = frozenset({"crown"})
# every noun an organization is called by, firm or body: "Ford, the US car company"
ORGANIZATION_NOUNS = ORG_NOUNS | BUSINESS_NOUNS | BODY_NOUNS
# Head nouns of a description that can stand for a person: "seed", "striker", "officer".
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee")
NOT_PERSON_SUFFIXES = ("ment", "paper", "letter", "number", "order", "matter", "center", "centre", "sector", "maker",
                       # things in -er and -or a sentence's subject may be ("The register also shows …")
                       "register", "computer", "quarter", "chapter", "water", "border", "corner", "power", "tower",
                       "winter", "summer", "answer", "weather", "chamber", "shelter", "cancer", "barrier", "offer",
                       "charter", "poster", "disaster", "factor", "error", "indicator", "theater", "theatre")
PERSON_NOUNS = frozenset(
    "seed candidate nominee minister premier general chief head leader mother father woman man girl boy wife "
    "husband son daughter sister brother veteran mayor host star actress coach captain judge senator governor "
    "president mp rookie goalkeeper goalie midfielder defender winger champion archbishop bishop priest "
    "magistrate nurse athlete boss filmmaker film-maker executive critic counterpart deputy uncle aunt "
    "chair official guard forward quarterback fullback full-back fly-half scrum-half centre-back international "
    # who someone is in the story: "A witness said she …" (who they are to someone else is a relation)
    "witness victim expert teen attorney surgeon paramedic pilot clerk diplomat envoy ceo cop inmate citizen "
    "guest scholar magnate tycoon chef poet neighbour passerby advocate".split()
)
# an abbreviated title before a name, and the nouns a later description calls its holder by
ABBREVIATED_TITLES = {
    "dr": ("doctor",), "prof": ("professor",), "sen": ("senator",), "gov": ("governor",),
    "rep": ("representative", "congressman", "congresswoman"), "rev": ("reverend", "pastor", "priest"),
    "gen": ("general",), "capt": ("captain",), "lt": ("lieutenant", "officer"), "col": ("colonel", "officer"),
    "const": ("constable", "officer"), "cst": ("constable", "officer"), "cpl": ("corporal", "officer"),
    "sgt": ("sergeant", "officer"), "det": ("detective", "officer"), "insp": ("inspector", "officer"),
    "supt": ("superintendent", "officer"), "coun": ("councillor", "councilor"),
    "maj": ("major", "officer"), "brig": ("brigadier", "officer"), "adm": ("admiral", "officer"),
    "cmdr": ("commander", "officer"), "pte": ("private", "soldier"), "ald": ("alderman", "councillor"),
}
# the head of a title whose holder a later description calls by another noun: "Justice Karen
# Simonsen", "Ontario Superior Court Justice Mark Edwards" is "the judge" (not the "Justice
# Minister", whose head is "minister")
TITLE_HOLDERS = {"justice": ("judge",)}
# one office under several names: the "chief executive" is the "CEO" the article named, the
# "spokesperson" its "spokeswoman" (each name's words, its head last)
SAME_OFFICE = (
    ("ceo", "chief executive", "chief executive officer"),
    ("cfo", "chief financial officer"),
    ("chairman", "chairwoman", "chairperson", "chair"),
    ("spokesman", "spokeswoman", "spokesperson"),
    ("gm", "general manager"),
    # Canada's prosecutors are the Crown's
    ("prosecutor", "crown prosecutor", "crown attorney", "crown counsel"),
    # a province's or country's "top doctor" is its chief medical or public health officer
    ("top doctor", "chief medical officer", "provincial health officer", "chief public health officer"),
)
# one party's two names: the "Conservative leader" is "the Tory leader"
PARTY_ALIASES = {"tory": "conservative", "conservative": "tory", "gop": "republican", "republican": "gop"}
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "Mr Cable", "Ms. Errigo": whoever the article calls so is a person
HONORIFICS = ("Mr", "Mrs", "Ms", "Mme", "Dr", "Sir", "Dame")
# how anyone is addressed, which says nothing of a role: a role is written before a name, not
# before "Mr" and a name ("told the BBC Mr Howard")
COURTESY_TITLES = frozenset({"Mr", "Mrs", "Ms", "Miss"})
PEERAGE = frozenset({"lord", "lady", "baroness", "baron"})
# entity types that are never part of a person's name
NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
_WORD_AT_STOP = re.compile(r"[^\W\d_]{3}[.!?]+$")


def title_word(word: str) -> bool:
    """Whether a word is one of ``TITLE_WORDS`` ("Sgt.", "Mayor"), one about to be held
    ("Mayor-elect"), or abbreviated ranks joined by a hyphen, as Canadian Press writes them
    ("Lt.-Gov.", "Maj.-Gen.")."""
    word = word.lower().removesuffix("-elect").removesuffix("-designate")
    if "-" in word and "." in word:
        return all(part.strip(".") in TITLE_WORDS for part in word.split("-"))
    return word.strip(".") in TITLE_WORDS


def ends_sentence(word: str) -> bool:
    """Whether a written word ends a sentence: three letters or more before its stop ("British.",
    "won!"), not an abbreviated title ("Sen.", "Capt.", "Mrs.") nor initials ("J.R.R.")."""
    stem = word.rstrip(".!?")
    return bool(_WORD_AT_STOP.search(word)) and stem.lower() not in ABBREVIATED_TITLES and stem not in HONORIFICS


# words that may come before a cue that opens its sentence without a subject
SENTENCE_LINKS = frozenset({"and", "but", "also", "then", "later"})
# what the NER calls places: a PERSON string it also tags so is a place
PLACE_ENTS = frozenset({"GPE", "LOC"})
RAW_STOP = frozenset(
    "that the a an and or but of to in on for by with from as at is was said says told which who when "
    "against about over after before into than under between without despite like via among".split()
)
# two letters in a row: what a description needs to be one
WORDLIKE = re.compile(r"[^\W\d_]{2}")
# an age the article gives someone ("Lisa Moreau, 42," is described as a "42-year-old")
AGE = re.compile(r"\b\d{1,3}-year-old\b")
# the days and months, which the NER now and then takes for a person ("In March, …")
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
)
# words that open sentences and are no first name ("Meanwhile Singh", "Today Singh")
SENTENCE_OPENERS = CALENDAR_WORDS | frozenset(
    "if as after while then so yet still also however meanwhile today yesterday now here there "
    "but and or nor for again even indeed instead later earlier "
    "in on at by with from to since because although though despite according last next this "
    "these those his her their our my its when where why how what who before during under over without unlike "
    "dear mr mrs ms".split()
)
# police forces known by a name without the word "police": "RCMP say … Police said" is the RCMP's
# (the capitals, which an unparsed paragraph's names are read by, and the names as org_key gives them)
POLICE_ACRONYMS = frozenset("RCMP OPP SPVM NYPD LAPD PSNI".split())
POLICE_FORCES = frozenset({(a.lower(),) for a in POLICE_ACRONYMS}) | frozenset({
    ("mounties",), ("sq",), ("sûreté", "du", "québec"), ("met",), ("gendarmerie",), ("scotland", "yard"),
})
# countries, continents and provinces whose names end or open the name of a body ("Statistics
# Canada", "Air Canada", "Canada Post", "Scotland Yard"), never a person's (those that are also first
# names, "Jordan", "Georgia", "Alberta", are not read so; nor "Wales" or "Holland", surnames too)
COUNTRIES = frozenset(
    "canada britain england scotland germany italy spain japan russia australia mexico brazil argentina "
    "ukraine poland sweden norway denmark finland greece turkey egypt iran iraq syria pakistan korea "
    "vietnam austria switzerland belgium netherlands portugal nigeria europe africa "
    "ontario quebec manitoba saskatchewan nunavut yukon".split()
)
# where an office is held, said by an adjective no demonym above is ("Scottish Finance Minister",
# "French Foreign Minister", "federal health minister")
PLACE_ADJECTIVES = frozenset(
    "british english scottish welsh irish french dutch german spanish portuguese danish swedish finnish "
    "polish turkish chinese japanese vietnamese taiwanese lebanese sudanese european federal provincial "
    "uk us eu".split()
)
# one person called by where they are from: "the American", "The 55-year-old Frenchman" (the writer's
# word for someone just named; singular only: "the Italians" are a team or a people; no "-ese" word,
# which is a people as often as one person: "the Chinese said")
DEMONYMS = frozenset(
    "american briton brit englishman englishwoman scot scotsman scotswoman welshman welshwoman irishman "
    "irishwoman frenchman frenchwoman dutchman dutchwoman spaniard italian swiss austrian belgian dane swede "
    "norwegian finn icelander pole czech slovak hungarian romanian bulgarian serb croat bosnian slovenian "
    "greek turk cypriot russian ukrainian belarusian georgian armenian estonian latvian lithuanian israeli "
    "palestinian syrian iraqi iranian saudi egyptian moroccan algerian tunisian libyan nigerian "
    "ghanaian kenyan ethiopian zimbabwean zambian ugandan cameroonian indian pakistani "
    "bangladeshi afghan korean thai filipino indonesian malaysian "
    "singaporean australian aussie kiwi canadian quebecer mexican brazilian argentine argentinian "
    "chilean colombian peruvian venezuelan uruguayan cuban jamaican".split()
) | frozenset({"new zealander", "south african", "northern irishman", "sri lankan", "south korean",
               "north korean", "all black"})
# where a description's noun phrase ends: "minister [responsible for …]", "officer [who …]"
POST_NOMINAL = re.compile(r"\s+(?:of|for|at|with|in|on|from|responsible|who|that|which|whose|since)\b")


# people with a stake in an organization who do not speak for it ("MCI shareholders" are not MCI;
# its "officials" and "executives" are its voice, and its "members" often: "the members of Korn said")
STAKEHOLDERS = frozenset(
    "shareholder investor bondholder creditor customer client passenger user subscriber policyholder depositor "
    "pensioner fan supporter worker employee voter student parent patient resident".split()
)


def singular(word: str) -> str:
    """The singular of a lowercase plural noun, by the regular endings only ("deputies",
    "witnesses", "shareholders"); the pipeline has no lemmatizer."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def is_person_noun(word: str) -> bool:
    """Whether a lowercase noun can stand for a person: a listed role, or a word in -er, -ist, -man …"""
    if word in PERSON_NOUNS or word in KIN:
        return True
    # (not the outlets' words: lowercase, an "economist" or an "observer" is a person)
    if word in ORG_NOUNS or word in CARRIERS or word in BUSINESS_NOUNS:
        return False
    # (a word of four letters at least: "for", "her", "per" are no doers)
    return len(word) > 3 and word.endswith(PERSON_SUFFIXES) and not word.endswith(NOT_PERSON_SUFFIXES)

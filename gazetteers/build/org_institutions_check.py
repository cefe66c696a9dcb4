#!/usr/bin/env python3
"""Check gazetteers/org-institutions.tsv, the hand-written ORG gazetteer.

gazetteers/org-institutions.tsv is written by hand by the gazetteer project
(it is not generated); this script only validates it and prints statistics.
It uses the Python 3.11 standard library only, so it needs no virtual
environment and no network. Run it from the repository root:

    python3 gazetteers/build/org_institutions_check.py

It exits non-zero if any of these rules is broken:
  * the file starts with '#' comment lines (provenance header);
  * every data line has 3 to 5 tab-separated columns
    (name, label, id, priority, flags), the label is ORG, the id is a
    gz:org/<slug> id, the priority an integer, the flags from
    {exact-case, ignore-case};
  * no empty, one-character or purely numeric name, no stray whitespace;
  * all lines of one entry (one id) are contiguous, the first one is the
    canonical name, and no surface form is repeated inside an entry;
  * no id of this file is used by any other gazetteers/*.tsv file
    (ids belong to one entry across all files);
  * no name contains a lower-case content word ("German parliament",
    "UN refugee agency"): such descriptive phrases would produce spans that
    differ from the annotation conventions. Function words (of, the, al-,
    de, ...) and an explicit list of native-language names are allowed;
  * a single-word name whose lower-case form is a common English word
    (Debian wamerican, /usr/share/dict/american-english, if installed:
    "Senate", "Fed", "WHO", "ICE") must either have priority <= -5, carry
    exact-case when it is a camel-case acronym ("LeT", "PiS"), or be listed
    in REVIEWED_COMMON_WORDS below with the reason it is kept.
It also lists the surface forms that belong to several entries of the file
(allowed: the tagger keeps all candidates and priority decides).
"""
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ_DIR = os.path.dirname(HERE)
TSV = os.path.join(GAZ_DIR, "org-institutions.tsv")
WORDLIST = "/usr/share/dict/american-english"

ID_RE = re.compile(r"^gz:org/[a-z0-9][a-z0-9-]*$")
FLAGS = {"exact-case", "ignore-case"}

# Lower-case tokens allowed inside names (articles, prepositions,
# conjunctions and name particles of several languages).
FUNCTION_WORDS = {
    "a", "ad", "against", "al", "am", "an", "and", "as", "ash", "at", "az",
    "bil", "bin", "by", "da", "das", "de", "dei", "del", "della", "delle",
    "der", "des", "di", "do", "dos", "du", "e", "ed", "el", "em", "en", "er",
    "es", "et", "ez", "fi", "for", "from", "för", "für", "i", "ibn", "il",
    "im", "in", "is", "la", "las", "le", "les", "li", "lo", "los", "min",
    "na", "ng", "no", "och", "of", "og", "on", "or", "para", "per", "por",
    "pour", "sa", "sur", "ta", "the", "to", "ud", "ul", "und", "ut", "van",
    "ve", "via", "von", "wa", "wal", "with", "y", "zu", "zur",
}

# Names with lower-case words that are nevertheless the real, usual name
# (mostly native-language official names).
ALLOW_LOWERCASE = {
    "International Criminal Tribunal for the former Yugoslavia",
    "European Commission for Democracy through Law",
    "Medicines and Healthcare products Regulatory Agency",
    "Organisation internationale de la Francophonie",
    "Assemblée nationale", "Conseil constitutionnel", "Cour des comptes",
    "Cour de cassation", "Marine nationale", "Autorité des marchés financiers",
    "Centre national de la recherche scientifique",
    "Confédération générale du travail", "Banque centrale du Luxembourg",
    "ver.di", "Caisse de dépôt et placement du Québec",
    "Caisse de depot et placement du Quebec", "Rassemblement national",
    "Front national", "Parti socialiste", "La France insoumise",
    "Union pour la démocratie française", "Forum voor Democratie",
    "uMkhonto weSizwe Party", "uMkhonto weSizwe", "Juntos por el Cambio",
    "Mouvement du 23 mars", "Óglaigh na hÉireann", "Parti libéral du Québec",
    "dpa", "i24NEWS", "eNCA", "teleSUR", "Le Monde diplomatique",
    "Le Canard enchaîné", "Mladá fronta DNES", "Lidové noviny",
    "Hospodářské noviny", "Večernje novosti", "Jutarnji list", "Večernji list",
    "allAfrica", "Česká televize", "École normale supérieure",
    "École polytechnique", "Académie française", "Action contre la Faim",
    "Institut kurde de Paris", "Institut der deutschen Wirtschaft",
    "Bundesverband deutscher Banken",
}

# Single-word names that are also common English words, kept at normal
# priority on purpose: as capitalized words in news they almost always
# denote the institution. (Reason in a comment.)
REVIEWED_COMMON_WORDS = {
    # capitalized, these are the institutions in news text
    "Congress", "Senate", "Pentagon", "Fed", "Marines", "Teamsters",
    "Conservatives", "Politico", "POLITICO", "Amnesty",
    # all-caps acronyms whose lower-case form is a rare English word
    "CIS", "DOE", "INS", "SEC", "MOD", "MoD", "RTE", "UNISON", "MILF", "UMP",
    "FT",
}


def load_words():
    try:
        with open(WORDLIST, encoding="utf-8") as fh:
            return {w.strip() for w in fh if w.strip() and w.strip().islower()}
    except OSError:
        return None


def lowercase_word(name):
    """First whitespace-separated word of name that starts with a lower-case
    letter and is not a function word (hyphenated compounds are judged by
    their first part: "Co-operation" is fine, "anti-corruption" is not)."""
    for tok in name.split():
        t = tok.strip("'’.,()\"")
        if not t or not t[0].isalpha() or not t[0].islower():
            continue
        head = re.split(r"[-‐–]", t)[0]
        if head in FUNCTION_WORDS or t.startswith(("d'", "l'", "d’", "l’")):
            continue
        return t
    return None


def main():
    errors = []
    warnings = []
    with open(TSV, encoding="utf-8") as fh:
        raw = fh.read()
    if not raw.startswith("#"):
        errors.append("file does not start with a '#' provenance header")
    if "\r" in raw:
        errors.append("file contains CR characters (must be LF only)")
    if not raw.endswith("\n"):
        errors.append("file does not end with a newline")

    words = load_words()
    if words is None:
        warnings.append(f"{WORDLIST} not found (apt-get install wamerican): common-word check skipped")

    entries = collections.OrderedDict()   # id -> list of (lineno, name, prio, flags)
    seen_ids_closed = set()
    last_id = None
    prio_count = collections.Counter()
    flag_count = collections.Counter()
    label_count = collections.Counter()
    for lineno, line in enumerate(raw.split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        where = f"line {lineno}: {line!r}"
        if not 3 <= len(cols) <= 5:
            errors.append(f"{where}: {len(cols)} columns (want 3-5)")
            continue
        name, label, ident = cols[0], cols[1], cols[2]
        prio = cols[3] if len(cols) > 3 else "0"
        flags = cols[4] if len(cols) > 4 else ""
        label_count[label] += 1
        if label != "ORG":
            errors.append(f"{where}: label {label!r} is not ORG")
        if not name or name != name.strip() or "  " in name:
            errors.append(f"{where}: empty name or stray whitespace")
        if len(name) < 2 or name.replace(" ", "").isdigit():
            errors.append(f"{where}: one-character or numeric name")
        if not ID_RE.match(ident):
            errors.append(f"{where}: bad id {ident!r}")
        try:
            p = int(prio)
        except ValueError:
            errors.append(f"{where}: priority {prio!r} is not an integer")
            p = 0
        prio_count[p] += 1
        fl = [f for f in flags.split(",") if f]
        for f in fl:
            flag_count[f] += 1
            if f not in FLAGS:
                errors.append(f"{where}: unknown flag {f!r}")
        if ident != last_id:
            if ident in seen_ids_closed:
                errors.append(f"{where}: id {ident} reappears after other entries (keep an entry's lines together)")
            if last_id is not None:
                seen_ids_closed.add(last_id)
            last_id = ident
        entries.setdefault(ident, []).append((lineno, name, p, fl))

        # lower-case content words
        low_word = lowercase_word(name)
        if low_word and name not in ALLOW_LOWERCASE:
            errors.append(f"{where}: lower-case word {low_word!r} in name (descriptive phrase?)")
        # common English words
        if words is not None and " " not in name and "-" not in name:
            low = name.lower().replace("’", "'")
            camel = "exact-case" in fl and name not in (low.capitalize(), low.upper())
            if low in words and name != low and p > -5 and not camel and name not in REVIEWED_COMMON_WORDS:
                errors.append(f"{where}: {name!r} is a common English word; give priority <= -5 or review it")

    # duplicates within an entry
    for ident, lines in entries.items():
        names = [n for _, n, _, _ in lines]
        for n, c in collections.Counter(names).items():
            if c > 1:
                errors.append(f"{ident}: name {n!r} repeated {c} times")

    # ids used by other gazetteer files
    my_ids = set(entries)
    for fn in sorted(os.listdir(GAZ_DIR)):
        path = os.path.join(GAZ_DIR, fn)
        if not fn.endswith(".tsv") or os.path.abspath(path) == os.path.abspath(TSV):
            continue
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) > 2 and cols[2] in my_ids:
                    errors.append(f"id {cols[2]} is also used in {fn} line {lineno}")

    # surface forms shared by several entries (allowed; reported)
    by_name = collections.defaultdict(list)
    for ident, lines in entries.items():
        for _, n, _, _ in lines:
            by_name[n].append(ident)
    shared = {n: ids for n, ids in by_name.items() if len(ids) > 1}

    n_lines = sum(len(v) for v in entries.values())
    print(f"{os.path.relpath(TSV)}: {n_lines} surface forms, {len(entries)} entries, "
          f"{len(by_name)} distinct names")
    print("labels:", dict(sorted(label_count.items())))
    print("priorities:", dict(sorted(prio_count.items())))
    print("flags:", dict(sorted(flag_count.items())))
    print(f"names shared by several entries ({len(shared)}):")
    for n in sorted(shared):
        print(f"  {n}: {', '.join(shared[n])}")
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    if errors:
        print(f"{len(errors)} errors")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write the small JSON Lines inputs run_local.sh uses.

    python make_sample.py news N OUT.jsonl   # N generated news documents (used when
                                             # ../shared/bench is absent)
    python make_sample.py bad OUT.jsonl      # a few documents plus lines the tool skips
"""

import json
import random
import sys

PEOPLE = ["Angela Merkel", "António Guterres", "Nechirvan Barzani", "Emmanuel Macron", "Joe Biden"]
ORGS = ["United Nations", "European Union", "Kurdistan Regional Government", "World Bank", "NATO"]
PLACES = ["Berlin", "Geneva", "Erbil", "Mosul", "Paris", "São Paulo", "Baghdad", "London"]
TEMPLATES = [
    "{p} met officials of the {o} in {l} on Tuesday.",
    "{L} (Newswire) – The {o} said {p} would visit {l} next week.",
    "“We will keep working with {l},” {p} told reporters after talks with the {o}.",
    "Shares rose in {l} after the {o} cut its forecast; {p} declined to comment.",
    "Residents of {l} – many displaced since 2014 – asked the {o} for help.",
]


def news(n, out):
    rnd = random.Random(7)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            sents = []
            for _ in range(rnd.randint(3, 12)):
                l = rnd.choice(PLACES)
                t = rnd.choice(TEMPLATES)
                sents.append(t.format(p=rnd.choice(PEOPLE), o=rnd.choice(ORGS), l=l, L=l.upper()))
            doc = {"id": f"sample-{i:05d}", "title": f"Sample {i}", "text": "\n".join(sents)}
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")


def bad(out):
    good = [
        {"id": "good-1", "text": "Angela Merkel arrived in Berlin."},
        {"id": 2, "text": "The United Nations met in Geneva."},
        {"text": "No id here: Erbil and Mosul."},
        {"id": "good-4", "text": "ERBIL – Nechirvan Barzani spoke."},
    ]
    lines = [json.dumps(good[0], ensure_ascii=False), "", json.dumps(good[1])]
    lines += ['{"id": "bad-json", "text": "unterminated', json.dumps(good[2])]
    lines += [json.dumps({"id": "bad-field", "body": "Paris"}), '["not", "an", "object"]']
    lines += [json.dumps(good[3], ensure_ascii=False)]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "news":
        news(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "bad":
        bad(sys.argv[2])
    else:
        sys.exit(__doc__)

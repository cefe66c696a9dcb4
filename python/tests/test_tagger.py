"""The Python API: offsets, fields, batches, threads, FlashText-style calls, live changes."""

import threading

import pytest

import gazetteer
from conftest import MINE

# Sentences written for these tests; the names are in tests/data/mine.tsv.
TEXTS = [
    "Marta Ślusarczyk joined Quillon Dynamics in Nørrebyen.",
    "NØRREBYEN 👩‍👩‍👧 Nørrebyen 🇩🇪 Marta Ślusarczyk waved.",
    "Cafe\u0301 Ümlaut and Café Ümlaut: two spellings, one café.",
    "𝒳 𝔜 — ‘Quillon’ said Rosa, twice: Rosa-Quillon.",
    "ஆ ந் ி Quillon Dynamics 漢字かな Nørrebyen",
    "",
    "nothing to find here at all",
]


def spans(entities):
    return [(e.text, e.label) for e in entities]


def test_offsets_are_python_string_indices_on_non_ascii_text(mine):
    found_any = 0
    for text in TEXTS:
        for e in mine.tag(text):
            assert text[e.start : e.end] == e.text
            found_any += 1
    assert found_any == 14
    text = TEXTS[1]
    assert spans(mine.tag(text)) == [
        ("NØRREBYEN", "LOC"),
        ("Nørrebyen", "LOC"),
        ("Marta Ślusarczyk", "PER"),
    ]
    # The emoji family is 5 code points and the flag 2: Python counts code points.
    assert [(e.start, e.end) for e in mine.tag(text)] == [(0, 9), (16, 25), (29, 45)]


def test_a_combining_mark_counts_as_its_own_code_point(mine):
    text = TEXTS[2]
    first, second = mine.tag(text)[:2]
    assert (first.start, first.end, first.text) == (0, 12, "Cafe\u0301 Ümlaut")
    assert (second.start, second.end) == (17, 28)
    assert first.name == second.name == "Café Ümlaut"


def test_entity_fields_and_to_dict(mine):
    (e,) = mine.tag("Quillon said so.")
    assert (e.start, e.end, e.text, e.label) == (0, 7, "Quillon", "ORG")
    assert e.name == "Quillon Dynamics"  # the alias's canonical name
    assert e.id == "t:quillon"
    assert e.source == MINE
    assert e.alternatives == []
    assert e.to_dict() == {
        "start": 0,
        "end": 7,
        "text": "Quillon",
        "label": "ORG",
        "name": "Quillon Dynamics",
        "id": "t:quillon",
        "source": MINE,
        "alternatives": [],
    }
    assert repr(e).startswith("Entity(start=0, end=7, text='Quillon', label='ORG'")


def test_the_bundled_tagger_with_its_rules(default_tagger):
    text = "Angela Merkel arrived in Berlin."
    assert spans(default_tagger.tag(text)) == [("Angela Merkel", "PER"), ("Berlin", "LOC")]
    ids = [e.id for e in default_tagger.tag(text)]
    assert all(ids)
    # A rule's find: a title before unknown capitalized words.
    found = default_tagger.tag("Prime Minister Xavo Brunt spoke.")
    assert [(e.text, e.source) for e in found] == [("Xavo Brunt", "rule:title")]


def test_rules_follow_the_command(mine):
    text = "Prime Minister Xavo Brunt met Rosa."
    assert spans(mine.tag(text)) == [("Rosa", "PER")]
    with_rules = gazetteer.Tagger(gazetteers=[MINE], default=False, rules=True)
    assert spans(with_rules.tag(text)) == [("Xavo Brunt", "PER"), ("Rosa", "PER")]
    no_title = gazetteer.Tagger(gazetteers=[MINE], default=False, rules=True, disable_rules=["title"])
    assert "Xavo Brunt" not in [e.text for e in no_title.tag(text)]
    assert "title" in gazetteer.RULES


def test_ignore_case_and_fold_accents():
    t = gazetteer.Tagger(gazetteers=[MINE], default=False, ignore_case=True, fold_accents=True)
    assert spans(t.tag("quillon dynamics opened in norrebyen")) == [
        ("quillon dynamics", "ORG"),
        ("norrebyen", "LOC"),
    ]


def test_tag_batch_equals_tag_in_order(mine):
    texts = TEXTS * 40
    one_by_one = [mine.tag(t) for t in texts]
    for threads in (None, 1, 2, 5):
        assert mine.tag_batch(texts, threads=threads) == one_by_one
    assert mine.tag_batch([]) == []


def test_pipe_streams_in_order(mine):
    texts = [t for t in TEXTS * 5]
    got = list(mine.pipe((t for t in texts), batch_size=3))
    assert got == [mine.tag(t) for t in texts]
    assert list(mine.pipe([], batch_size=3)) == []
    with pytest.raises(ValueError):
        list(mine.pipe(texts, batch_size=0))


def test_threads_share_one_tagger(mine):
    texts = TEXTS * 30
    want = [mine.tag(t) for t in texts]
    results = {}
    errors = []

    def work(k):
        try:
            results[k] = [mine.tag(t) for t in texts] if k % 2 else mine.tag_batch(texts, threads=2)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    workers = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    assert sorted(results) == list(range(8))
    for got in results.values():
        assert got == want


def test_extract_like_flashtext(mine):
    text = "Rosa left Quillon for Café Ümlaut in Nørrebyen."
    assert mine.extract(text) == ["Rosa", "Quillon Dynamics", "Café Ümlaut", "Nørrebyen"]
    assert mine.extract(text, span_info=True) == [
        ("Rosa", 0, 4),
        ("Quillon Dynamics", 10, 17),
        ("Café Ümlaut", 22, 33),
        ("Nørrebyen", 37, 46),
    ]
    assert mine.extract("") == []


def test_replace_with_a_mapping_or_a_function(mine):
    text = "🙂 Rosa met Quillon in Nørrebyen."
    # A mapping is looked up by the mention, then by the canonical name.
    assert mine.replace(text, {"Quillon Dynamics": "QD", "Rosa": "R."}) == "🙂 R. met QD in Nørrebyen."
    assert mine.replace(text, {}) == text
    assert mine.replace(text, lambda e: f"<{e.label}>") == "🙂 <PER> met <ORG> in <LOC>."
    assert mine.replace(text, lambda e: None if e.label == "LOC" else e.id) == "🙂 t:rosa met t:quillon in Nørrebyen."
    assert mine.replace("", lambda e: "x") == ""


def test_replace_errors(mine):
    with pytest.raises(TypeError, match="not a str"):
        mine.replace("Rosa", lambda e: 3)
    with pytest.raises(TypeError, match="mapping or a function"):
        mine.replace("Rosa", 3)
    with pytest.raises(ZeroDivisionError):
        mine.replace("Rosa", lambda e: 1 / 0)


def test_add_and_remove():
    t = gazetteer.Tagger(gazetteers=[MINE], default=False)
    text = "Brenwick Ltd bought Quillon Dynamics."
    assert spans(t.tag(text)) == [("Quillon Dynamics", "ORG")]
    t.add("Brenwick Ltd", "org", id="t:brenwick")
    found = t.tag(text)
    assert spans(found) == [("Brenwick Ltd", "ORG"), ("Quillon Dynamics", "ORG")]
    assert (found[0].id, found[0].source) == ("t:brenwick", "added")
    # Removing the long name lets the shorter alias inside it match.
    assert t.remove("Quillon Dynamics") is True
    assert spans(t.tag(text)) == [("Brenwick Ltd", "ORG"), ("Quillon", "ORG")]
    assert t.remove("Brenwick Ltd") is True
    assert t.remove("Never Heard Of") is False
    assert spans(t.tag(text)) == [("Quillon", "ORG")]
    # Added again after a removal: it matches again.
    t.add("Brenwick Ltd", "ORG")
    assert spans(t.tag(text))[0] == ("Brenwick Ltd", "ORG")
    # A removed name stops matching in any capitalization.
    assert t.remove("Rosa") is True
    assert t.tag("Rosa and ROSA") == []


def test_add_checks_its_arguments(mine):
    with pytest.raises(ValueError, match="invalid label"):
        mine.add("Somewhere", "not a label")
    with pytest.raises(ValueError, match="empty"):
        mine.add("  ", "LOC")


@pytest.mark.parametrize(
    "name",
    [
        # Around the 30 bytes an entity keeps inline: 29, 30 and 31 bytes, multi-byte
        # letters at the edge, and far longer.
        "Ardvelle Tessarine Holdings X",
        "Ardvelle Tessarine Holdings Xy",
        "Ardvelle Tessarine Holdings Xyz",
        "Ardvelle Tessarine Holdingś Xø",
        "Ŀøngwater Ŧrust ƒor Ŋorthern Ŵaterways and Ħarbours",
    ],
)
def test_mention_text_of_any_length(name):
    t = gazetteer.Tagger(default=False)
    t.add(name, "ORG")
    text = f"Ёж 🐝 {name} said so, and {name.upper()} too."
    for found in (t.tag(text), t.tag_batch([text, text])[1]):
        assert [e.text for e in found][:1] == [name]
        for e in found:
            assert text[e.start : e.end] == e.text
            assert e.to_dict()["text"] == e.text

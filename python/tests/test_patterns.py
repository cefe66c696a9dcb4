"""spaCy EntityRuler pattern files through the package: phrase and token patterns, labels of
their own, ENT_TYPE on the gazetteers' entities, overwrite_ents, switching the stage off."""

import json

import gazetteer


def write_patterns(tmp_path, rows):
    path = tmp_path / "patterns.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_phrase_and_token_patterns(tmp_path):
    path = write_patterns(
        tmp_path,
        [
            {"label": "TICKER", "pattern": [{"ORTH": "("}, {"TEXT": {"IN": ["NASDAQ", "NYSE"]}}, {"ORTH": ":"},
                                             {"IS_UPPER": True}, {"ORTH": ")"}], "id": "ticker"},
            {"label": "ORG", "pattern": "Velmora Tools", "id": "velmora"},
        ],
    )
    t = gazetteer.Tagger(default=False, patterns=[str(path)])
    text = "Shares of Velmora Tools (NASDAQ: VLMT) rose 4% in Zürich."
    found = [(e.text, e.label, e.id) for e in t.tag(text)]
    assert ("Velmora Tools", "ORG", "velmora") in found
    assert ("(NASDAQ: VLMT)", "TICKER", "ticker") in found
    for e in t.tag(text):
        assert text[e.start:e.end] == e.text
        assert "patterns.jsonl" in e.source


def test_ent_type_builds_on_the_bundled_data(tmp_path):
    path = write_patterns(
        tmp_path,
        [{"label": "MEETING", "pattern": [{"ENT_TYPE": "PER", "OP": "+"}, {"LOWER": "met"},
                                          {"ENT_TYPE": "PER", "OP": "+"}]}],
    )
    t = gazetteer.Tagger(patterns=[path], overwrite_ents=True)
    text = "Angela Merkel met Emmanuel Macron on Monday."
    labels = [(e.text, e.label) for e in t.tag(text)]
    assert ("Angela Merkel met Emmanuel Macron", "MEETING") in labels
    # Without overwrite_ents the gazetteers' entities stand, as in spaCy's EntityRuler.
    kept = [(e.text, e.label) for e in gazetteer.Tagger(patterns=[path]).tag(text)]
    assert ("Angela Merkel", "PER") in kept and all(label != "MEETING" for _, label in kept)


def test_the_stage_switches_off_by_name(tmp_path):
    path = write_patterns(tmp_path, [{"label": "ORG", "pattern": "Velmora Tools"}])
    off = gazetteer.Tagger(default=False, patterns=[path], disable_rules=["patterns"])
    assert off.tag("Velmora Tools hired.") == []

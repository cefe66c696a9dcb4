"""The spaCy component, in a blank English pipeline."""

import importlib.metadata

import pytest

from conftest import MINE, optional_import

spacy = optional_import("spacy")
from spacy.tokens import Doc, Span  # noqa: E402

CONFIG = {"gazetteers": [MINE], "default": False}


@pytest.fixture
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("gazetteer", config=CONFIG)
    return nlp


def ents(doc):
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def test_the_factory_is_an_entry_point():
    eps = importlib.metadata.entry_points()
    group = eps.select(group="spacy_factories") if hasattr(eps, "select") else eps["spacy_factories"]
    assert "gazetteer.spacy_component:make_gazetteer" in [ep.value for ep in group if ep.name == "gazetteer"]


def test_sets_doc_ents_with_kb_ids(nlp):
    doc = nlp("Marta Ślusarczyk 🙂 left Quillon Dynamics for Nørrebyen.")
    assert ents(doc) == [
        ("Marta Ślusarczyk", "PER", "t:marta"),
        ("Quillon Dynamics", "ORG", "t:quillon"),
        ("Nørrebyen", "LOC", "t:norrebyen"),
    ]


def test_the_bundled_tagger_by_default():
    nlp = spacy.blank("en")
    nlp.add_pipe("gazetteer")
    doc = nlp("Angela Merkel arrived in Berlin.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Angela Merkel", "PER"), ("Berlin", "LOC")]
    assert all(e.kb_id_ for e in doc.ents)


def test_spans_key_sets_a_span_group_with_overlaps():
    nlp = spacy.blank("en")
    nlp.add_pipe("gazetteer", config={**CONFIG, "spans_key": "gaz"})
    doc = nlp("Rosa met Rosa.")
    assert doc.ents == ()
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["gaz"]] == [
        ("Rosa", "PER", "t:rosa"),
        ("Rosa", "PER", "t:rosa"),
    ]


def test_spans_are_widened_to_whole_tokens(nlp):
    # One spaCy token holding two of the tagger's entities: "Rosa" and "Quillon".
    doc = Doc(nlp.vocab, words=["Rosa-Quillon", "met", "Rosa"], spaces=[True, True, False])
    doc = nlp.get_pipe("gazetteer")(doc)
    assert [(e.start, e.end, e.text) for e in doc.ents] == [(0, 1, "Rosa-Quillon"), (2, 3, "Rosa")]


def test_overwrite_ents():
    text = "Rosa lives in Nørrebyen."
    for overwrite, want in ((False, "DISTRICT"), (True, "LOC")):
        nlp = spacy.blank("en")
        nlp.add_pipe("gazetteer", config={**CONFIG, "overwrite_ents": overwrite})
        doc = nlp.make_doc(text)
        doc.ents = [Span(doc, 3, 4, label="DISTRICT")]
        doc = nlp.get_pipe("gazetteer")(doc)
        assert [(e.text, e.label_) for e in doc.ents] == [("Rosa", "PER"), ("Nørrebyen", want)]


def test_nlp_pipe_equals_nlp(nlp):
    texts = ["Rosa met Marta Ślusarczyk.", "", "Quillon 🇩🇪 Nørrebyen"] * 50
    piped = [ents(d) for d in nlp.pipe(texts, batch_size=7)]
    assert piped == [ents(nlp(t)) for t in texts]
    assert piped[0] == [("Rosa", "PER", "t:rosa"), ("Marta Ślusarczyk", "PER", "t:marta")]


def test_the_config_round_trips(nlp):
    again = spacy.blank("en").from_config(nlp.config)
    assert again.pipe_names == ["gazetteer"]
    assert ents(again("Rosa")) == [("Rosa", "PER", "t:rosa")]

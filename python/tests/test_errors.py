"""Errors become Python exceptions that say what is wrong and where."""

import pytest

import gazetteer
from conftest import DATA


def test_a_bad_tsv_line_names_the_file_and_line():
    path = str(DATA / "bad.tsv")
    with pytest.raises(ValueError) as err:
        gazetteer.Tagger(gazetteers=[path], default=False)
    assert str(err.value).startswith(f"{path}:2: missing label")


def test_a_bad_jsonl_line_names_the_file_and_line():
    path = DATA / "bad.jsonl"  # a PathLike works too
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: invalid JSON"):
        gazetteer.Tagger(gazetteers=[path], default=False)


def test_a_missing_file():
    with pytest.raises(FileNotFoundError, match="no-such-file.tsv"):
        gazetteer.Tagger(gazetteers=[str(DATA / "no-such-file.tsv")])


def test_bad_options():
    with pytest.raises(ValueError, match='unknown rule "titles"'):
        gazetteer.Tagger(disable_rules=["titles"])
    with pytest.raises(NotImplementedError, match="patterns"):
        gazetteer.Tagger(patterns=["p.jsonl"])
    gazetteer.Tagger(default=False, patterns=[])  # empty: accepted


def test_bad_arguments(mine):
    with pytest.raises(TypeError):
        mine.tag(b"bytes are not text")
    with pytest.raises(TypeError):
        mine.tag(None)
    with pytest.raises(TypeError):
        mine.tag_batch("a string is not a list of texts")
    with pytest.raises(TypeError):
        mine.tag_batch(["fine", 3])
    with pytest.raises(ValueError, match="threads"):
        mine.tag_batch(["x"], threads=0)
    with pytest.raises(OverflowError):
        mine.tag_batch(["x"], threads=-1)


def test_lone_surrogates_are_refused_not_crashed_on(mine):
    with pytest.raises(UnicodeEncodeError):
        mine.tag("Rosa \ud800")

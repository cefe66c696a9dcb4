import os
from pathlib import Path

import pytest

import gazetteer

DATA = Path(__file__).parent / "data"
MINE = str(DATA / "mine.tsv")


@pytest.fixture(scope="session")
def mine():
    """A tagger over the test gazetteer alone (no bundled gazetteers, so no rules)."""
    return gazetteer.Tagger(gazetteers=[MINE], default=False)


@pytest.fixture(scope="session")
def default_tagger():
    return gazetteer.Tagger()


def optional_import(name):
    """The module, or a skip; python/ci.sh sets GAZETTEER_TEST_STRICT=1 so that a missing
    module fails the run there instead of skipping."""
    if os.environ.get("GAZETTEER_TEST_STRICT") == "1":
        return __import__(name)
    return pytest.importorskip(name)

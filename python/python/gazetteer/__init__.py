"""Named-entity tagging of news text with gazetteers: people (PER), organizations (ORG),
places (LOC) and labels of your own, found by the Rust library `gazetteer`.

    >>> import gazetteer
    >>> tagger = gazetteer.Tagger()                 # the bundled gazetteers and rules
    >>> [(e.text, e.label) for e in tagger.tag("Angela Merkel arrived in Berlin.")]
    [('Angela Merkel', 'PER'), ('Berlin', 'LOC')]

Offsets are Python string indices: ``text[e.start:e.end] == e.text`` for any text.
"""

from itertools import islice
from typing import Iterable, Iterator, List, Optional

from ._gazetteer import RULES, Entity
from ._gazetteer import Tagger as _NativeTagger

__all__ = ["Tagger", "Entity", "RULES"]


class Tagger(_NativeTagger):
    """Tags named entities. Safe to share between threads.

    ``Tagger()`` is the bundled default tagger with its context rules. The arguments are
    the command's options::

        Tagger(gazetteers=["mine.tsv"], default=True, rules=None, ignore_case=False,
               fold_accents=False, all_overlaps=False, disable_rules=[])

    ``gazetteers`` are TSV files, or JSON Lines files (``.jsonl``); ``default=False`` leaves
    the bundled gazetteers out; ``rules`` is on with the bundled gazetteers and off without
    them unless set. A bad gazetteer line raises ``ValueError`` naming the file and line.
    """

    def pipe(
        self, texts: Iterable[str], batch_size: int = 1000, threads: Optional[int] = None
    ) -> Iterator[List[Entity]]:
        """Yields the entities of each text, in order, tagging ``batch_size`` texts at a
        time with ``tag_batch`` (like spaCy's ``nlp.pipe``): memory holds one batch."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        it = iter(texts)
        while True:
            batch = list(islice(it, batch_size))
            if not batch:
                return
            yield from self.tag_batch(batch, threads)

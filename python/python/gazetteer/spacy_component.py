"""The spaCy component: ``nlp.add_pipe("gazetteer", config={...})``.

spaCy finds the factory through the package's ``spacy_factories`` entry point and imports
this module (and so spaCy) only then: the package itself does not need spaCy.

    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("gazetteer")                                  # sets doc.ents
    nlp.add_pipe("gazetteer", config={"spans_key": "gaz"})     # sets doc.spans["gaz"]

Each entity becomes a span aligned to spaCy's tokens with
``doc.char_span(start, end, alignment_mode="expand")``, labelled with the entity's label
and with ``kb_id_`` set to the entry's id ("" when it has none).
"""

from typing import Iterable, Iterator, List, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import Entity, Tagger

DEFAULT_CONFIG = {
    "gazetteers": [],
    "default": True,
    "rules": None,
    "ignore_case": False,
    "fold_accents": False,
    "disable_rules": [],
    "spans_key": None,
    "overwrite_ents": False,
}


class GazetteerComponent:
    """Tags a Doc's text and sets ``doc.ents`` (or ``doc.spans[spans_key]``).

    With ``doc.ents``, entities already on the doc (from an earlier component or a
    trained model) are kept and new spans overlapping them are dropped, unless
    ``overwrite_ents`` is set: then the new spans win and the overlapping old ones go,
    as with spaCy's EntityRuler. ``doc.spans[spans_key]`` holds every span, overlaps
    included, replacing what the key held.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "gazetteer",
        *,
        gazetteers: Sequence[str] = (),
        default: bool = True,
        rules: Optional[bool] = None,
        ignore_case: bool = False,
        fold_accents: bool = False,
        disable_rules: Sequence[str] = (),
        spans_key: Optional[str] = None,
        overwrite_ents: bool = False,
    ):
        self.name = name
        self.spans_key = spans_key
        self.overwrite_ents = overwrite_ents
        self.tagger = Tagger(
            gazetteers=list(gazetteers),
            default=default,
            rules=rules,
            ignore_case=ignore_case,
            fold_accents=fold_accents,
            disable_rules=list(disable_rules),
        )

    def __call__(self, doc: Doc) -> Doc:
        return self._set(doc, self.tagger.tag(doc.text))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Tags the docs ``batch_size`` at a time with ``Tagger.tag_batch``."""
        batch: List[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._set_batch(batch)
                batch = []
        yield from self._set_batch(batch)

    def _set_batch(self, docs: List[Doc]) -> Iterator[Doc]:
        if not docs:
            return
        found = self.tagger.tag_batch([d.text for d in docs])
        for doc, entities in zip(docs, found):
            yield self._set(doc, entities)

    def spans(self, doc: Doc, entities: List[Entity]) -> List[Span]:
        """The entities as spans of ``doc``, widened to whole tokens."""
        out = []
        for e in entities:
            span = doc.char_span(e.start, e.end, label=e.label, kb_id=e.id or "", alignment_mode="expand")
            if span is not None:
                out.append(span)
        return out

    def _set(self, doc: Doc, entities: List[Entity]) -> Doc:
        spans = self.spans(doc, entities)
        if self.spans_key is not None:
            doc.spans[self.spans_key] = spans
            return doc
        # Widened to tokens, two entities can claim one token ("anti-ISIS" may be one
        # token): keep the longest, as doc.ents allows no overlaps.
        new = filter_spans(spans)
        old = list(doc.ents)
        if self.overwrite_ents:
            taken = {i for s in new for i in range(s.start, s.end)}
            old = [s for s in old if not any(i in taken for i in range(s.start, s.end))]
        else:
            taken = {i for s in old for i in range(s.start, s.end)}
            new = [s for s in new if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = sorted(old + new, key=lambda s: (s.start, s.end))
        return doc


@Language.factory("gazetteer", default_config=DEFAULT_CONFIG)
def make_gazetteer(
    nlp: Language,
    name: str,
    gazetteers: List[str],
    default: bool,
    rules: Optional[bool],
    ignore_case: bool,
    fold_accents: bool,
    disable_rules: List[str],
    spans_key: Optional[str],
    overwrite_ents: bool,
) -> GazetteerComponent:
    """The factory spaCy calls for ``nlp.add_pipe("gazetteer", config={...})``."""
    return GazetteerComponent(
        nlp,
        name,
        gazetteers=gazetteers,
        default=default,
        rules=rules,
        ignore_case=ignore_case,
        fold_accents=fold_accents,
        disable_rules=disable_rules,
        spans_key=spans_key,
        overwrite_ents=overwrite_ents,
    )

"""Type stubs of the native module (python/src/lib.rs)."""

import os
from typing import Callable, List, Literal, Mapping, Optional, Sequence, Tuple, TypedDict, Union, overload


RULES: List[str]
"""The names of the context rules, for ``disable_rules``."""

class Alternative(TypedDict):
    label: str
    name: str
    id: Optional[str]
    source: str

class EntityDict(TypedDict):
    start: int
    end: int
    text: str
    label: str
    name: str
    id: Optional[str]
    source: str
    alternatives: List[Alternative]

class Entity:
    """One entity found in a text. ``text[e.start:e.end] == e.text``."""

    @property
    def start(self) -> int:
        """Index of the mention's first code point in the text."""
    @property
    def end(self) -> int:
        """Index one past the mention's last code point."""
    @property
    def text(self) -> str:
        """The mention as written in the text."""
    @property
    def label(self) -> str:
        """PER, ORG, LOC, MISC or a label of your own."""
    @property
    def name(self) -> str:
        """The canonical name of the entry (the mention's text for a rule's find)."""
    @property
    def id(self) -> Optional[str]:
        """The entry's id, or None."""
    @property
    def source(self) -> str:
        """The gazetteer's name, or ``rule:NAME`` for a context rule."""
    @property
    def alternatives(self) -> List[Alternative]:
        """The other readings of the same span, best first."""
    def to_dict(self) -> EntityDict: ...
    def __eq__(self, other: object) -> bool: ...

Replacement = Union[Mapping[str, str], Callable[[Entity], Optional[str]]]

class Tagger:
    def __init__(
        self,
        gazetteers: Sequence[Union[str, "os.PathLike[str]"]] = ...,
        default: bool = True,
        rules: Optional[bool] = None,
        ignore_case: bool = False,
        fold_accents: bool = False,
        all_overlaps: bool = False,
        disable_rules: Sequence[str] = ...,
        patterns: Optional[Sequence[Union[str, "os.PathLike[str]"]]] = None,
    ) -> None: ...
    def tag(self, text: str) -> List[Entity]:
        """The entities of ``text``, in text order."""
    def tag_batch(self, texts: Sequence[str], threads: Optional[int] = None) -> List[List[Entity]]:
        """The entities of each text, in order; on ``threads`` threads (default: all cores)."""
    @overload
    def extract(self, text: str, span_info: Literal[False] = False) -> List[str]: ...
    @overload
    def extract(self, text: str, span_info: Literal[True]) -> List[Tuple[str, int, int]]: ...
    def replace(self, text: str, replacement: Replacement) -> str:
        """``text`` with mentions replaced (a mapping by mention text, then by name; or a function)."""
    def add(self, name: str, label: str, id: Optional[str] = None) -> None:
        """Adds an entry: ``name`` matches from the next call on, with the source "added",
        ahead of the gazetteers' readings of the same span."""
    def remove(self, name: str) -> bool:
        """Stops ``name`` (in any capitalization) from matching the gazetteers and the added
        entries; whether the tagger had it. Context rules still run."""

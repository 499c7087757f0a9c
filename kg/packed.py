"""Papers held packed: a tuple of field values instead of a pydantic model.

A build holds every listed paper from the first write to the last: a parsed listing, the
papers written for it, and enrichment's state of each. As models that is ~1.6 KB a paper (the
model's ``__dict__`` of 31 fields, 832 B, and its set of fields set, 728 B), GiBs at a million;
packed it is a 288-byte named tuple sharing the model's values, whose fields read as the
model's do. A packed paper is unpacked into a new :class:`~kg.model.Paper` (~5 µs) when a model
is wanted.

>>> paper = Paper(key="arxiv:1706.03762", arxiv_id="1706.03762", title="Attention")
>>> unpack(pack(paper)) == paper, pack(paper).arxiv_id
(True, '1706.03762')
>>> papers = PackedPapers([paper])
>>> len(papers), papers[0].title, [p.key for p in papers]
(1, 'Attention', ['arxiv:1706.03762'])
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

from kg.model import Paper

FIELDS: tuple[str, ...] = tuple(Paper.model_fields)
#: a paper's field values, by name as on the model (to mypy: any, its fields are the model's)
PackedPaper: Any = namedtuple("PackedPaper", FIELDS)  # type: ignore[misc]
_BLANK = Paper(key="")


def pack(paper: Paper) -> PackedPaper:
    return PackedPaper._make(map(paper.__dict__.__getitem__, FIELDS))


def unpack(packed: PackedPaper) -> Paper:
    # a copy of a blank model, updated: a third of the time of ``model_construct``; the values
    # were validated when the paper was packed
    values: dict[str, Any] = {f: v for f, v in zip(FIELDS, packed, strict=True) if v is not None}
    return _BLANK.model_copy(update=values)


class PackedPapers(Sequence[Paper]):
    """A sequence of papers held packed; each item is unpacked as it is read."""

    __slots__ = ("packed",)

    def __init__(self, papers: Iterable[Paper] = ()):
        self.packed: list[PackedPaper] = [pack(p) for p in papers]

    @classmethod
    def of_packed(cls, packed: list[PackedPaper]) -> PackedPapers:
        papers = cls()
        papers.packed = packed
        return papers

    def __len__(self) -> int:
        return len(self.packed)

    @overload
    def __getitem__(self, index: int) -> Paper: ...
    @overload
    def __getitem__(self, index: slice) -> list[Paper]: ...
    def __getitem__(self, index: int | slice) -> Paper | list[Paper]:
        if isinstance(index, slice):
            return [unpack(p) for p in self.packed[index]]
        return unpack(self.packed[index])

    def __iter__(self) -> Iterator[Paper]:
        return map(unpack, self.packed)

    def __repr__(self) -> str:
        return f"PackedPapers({len(self)} papers)"


def packed_of(papers: Sequence[Paper]) -> list[PackedPaper]:
    """``papers`` packed, taking a :class:`PackedPapers`' tuples as they are."""
    return papers.packed if isinstance(papers, PackedPapers) else [pack(p) for p in papers]

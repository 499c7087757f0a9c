"""Author lists as exporters write them in one cell: split into one name per author.

- ``;`` or ``|`` between names (IEEE Xplore, Web of Science, Lens.org, Dimensions, OpenAlex);
  Scopus's ``Author full names`` also append ``(author id)`` to each.
- Scopus's ``Last F., Last F.`` and Publish or Perish's ``F Last, F Last``: commas between names
  that each have a space; a single ``Last, First`` stays one name.
- ``A and B and C`` (BibTeX habit in hand-made CSVs).
- SpringerLink runs full names together (``Araz R. AlievNigar T. Ismayilova``): split where a
  lower-case letter meets a capital, when both sides are names of two words or more.
"""

from __future__ import annotations

import re

_ID_SUFFIX = re.compile(r"\s*\(\d+\)\s*$")
_AND = re.compile(r"\s*,?\s+and\s+", re.IGNORECASE)
_RUN_TOGETHER = re.compile(r"(?<=[a-zà-ÿ])(?=(?:Prof\.\s*|Dr\.\s*)*[A-ZÀ-Ý])")
_HONORIFIC = re.compile(r"^(?:(?:Prof|Dr|Mr|Mrs|Ms)\.\s*)+")
_NO_NAME = re.compile(r"\[?no author name available\]?|^anonymous$", re.IGNORECASE)


def split_authors(cell: str, run_together: bool = False) -> list[str]:
    """The names in an author cell, in order.

    >>> split_authors("Phillips J.C., Braun R., Kalé L.")
    ['Phillips J.C.', 'Braun R.', 'Kalé L.']
    >>> split_authors("Phillips, James C. (57202138757); Braun, Rosemary (7402220509)")
    ['James C. Phillips', 'Rosemary Braun']
    >>> split_authors("Araz R. AlievNigar T. Ismayilova", run_together=True)
    ['Araz R. Aliev', 'Nigar T. Ismayilova']
    """
    cell = cell.strip()
    if not cell or _NO_NAME.fullmatch(cell):
        return []
    if ";" in cell or "|" in cell:
        names = [first_last(_ID_SUFFIX.sub("", n)) for n in re.split(r"[;|]", cell)]
    elif _AND.search(cell):
        names = _AND.split(cell)
    elif "," in cell:
        parts = [p.strip() for p in cell.split(",")]
        names = parts if all(" " in p for p in parts if p) else [first_last(cell)]
    elif run_together:
        names = _split_run_together(cell)
    else:
        names = [cell]
    return [
        n
        for n in (_HONORIFIC.sub("", n.strip()).strip() for n in names)
        if n and not _NO_NAME.fullmatch(n)
    ]


def first_last(name: str) -> str:
    """``Last, First`` as ``First Last`` (Scopus full names); other forms unchanged."""
    last, sep, first = name.strip().partition(", ")
    if sep and first and "," not in first and " " not in last.strip():
        return f"{first.strip()} {last.strip()}"
    return name.strip()


def _split_run_together(cell: str) -> list[str]:
    pieces = _RUN_TOGETHER.split(cell)
    names: list[str] = []
    for piece in pieces:
        if names and " " in names[-1].strip() and " " in _HONORIFIC.sub("", piece).strip():
            names.append(piece)
        elif names:
            names[-1] += piece
        else:
            names.append(piece)
    return names

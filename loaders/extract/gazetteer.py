"""The curated benchmark and dataset gazetteer (``data/benchmarks.tsv``) and its matcher.

TSV columns: ``name``, ``kind`` (dataset / benchmark), ``aliases`` separated by ``|``, and
optional ``flags``: ``cs`` matches the written forms case-sensitively only (``MATH``, ``ARC``,
``the Pile``), ``ctx`` only in a sentence that speaks of data or evaluation (``Traffic``,
``Spider``), because those names are also ordinary words.

Matching looks token n-grams up in dictionaries (no giant regex alternation), so the cost per
sentence is linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from loaders.extract.normalise import fold

#: a token: letters/digits joined by - . + ' / inside (CIFAR-10, LAION-5B, Mip-NeRF, CIFAR-10/100)
TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-.+'/][A-Za-z0-9]+)*\+*")
_SPLIT_SLASH = re.compile(r"^(.*?)(\d+)/(\d+)$")
_CONTEXT = re.compile(
    r"\b(?:data ?sets?|benchmarks?|corpus|corpora|evaluat\w*|experiments?|tasks?|test(?:s|ed|ing)?|"
    r"trained|results?|accuracy|outperform\w*|state-of-the-art|splits?)\b",
    re.I,
)
MAX_WORDS = 6


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    aliases: tuple[str, ...]
    case_sensitive: bool = False
    needs_context: bool = False

    @property
    def key(self) -> str:
        return fold(self.name)


@dataclass(frozen=True)
class Hit:
    """One gazetteer match in a sentence."""

    entry: Entry
    surface: str
    start: int
    end: int


@dataclass
class Gazetteer:
    entries: list[Entry]
    #: folded form -> entry, for case-insensitive forms
    folded: dict[str, Entry] = field(default_factory=dict)
    #: exact written form -> entry, for case-sensitive forms
    exact: dict[str, Entry] = field(default_factory=dict)
    #: folded alias -> canonical key (both kinds; used by benchmark_key)
    alias_keys: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for form in (entry.name, *entry.aliases):
                form = " ".join(form.split())
                if entry.case_sensitive:
                    self.exact[form] = entry
                else:
                    self.folded[fold(form)] = entry
                self.alias_keys.setdefault(fold(form), entry.key)

    def lookup(self, surface: str) -> Entry | None:
        """The entry a written form names, if any.

        An all-lower-case word only matches a name written in lower case ("text8"), so the
        word "multiple" never reads as MultiPL-E nor "spider" as Spider.
        """
        surface = " ".join(surface.split())
        entry = self.exact.get(surface)
        if entry is not None:
            return entry
        entry = self.folded.get(fold(surface))
        if entry is not None and surface.islower() and not any(
            f.islower() and fold(f) == fold(surface) for f in (entry.name, *entry.aliases)
        ):
            return None
        return entry

    def find(self, sentence: str) -> list[Hit]:
        """Longest non-overlapping gazetteer matches in ``sentence``, left to right.

        >>> [h.entry.name for h in load_gazetteer().find("We test on CIFAR-10/100 and MS-COCO.")]
        ['CIFAR-10', 'CIFAR-100', 'COCO']
        """
        tokens = [(m.start(), m.end()) for m in TOKEN.finditer(sentence)]
        has_context = None
        hits: list[Hit] = []
        i = 0
        while i < len(tokens):
            found = None
            # extend only across plain spaces (a comma ends a name)
            last = i
            while last + 1 < len(tokens) and last - i + 1 < MAX_WORDS:
                gap = sentence[tokens[last][1] : tokens[last + 1][0]]
                if gap != " ":
                    break
                last += 1
            for j in range(last, i - 1, -1):
                surface = sentence[tokens[i][0] : tokens[j][1]]
                entry = self.lookup(surface)
                if entry is None:
                    continue
                if entry.needs_context:
                    if has_context is None:
                        has_context = bool(_CONTEXT.search(sentence))
                    if not has_context:
                        continue
                hits.append(Hit(entry, surface, tokens[i][0], tokens[j][1]))
                found = j
                break
            if found is None:
                slash_hits = self._slash_forms(sentence[tokens[i][0] : tokens[i][1]], tokens[i])
                hits.extend(slash_hits)
                if slash_hits:
                    found = i
            i = found + 1 if found is not None else i + 1
        return hits

    def _slash_forms(self, surface: str, span: tuple[int, int]) -> list[Hit]:
        """ "CIFAR-10/100" names CIFAR-10 and CIFAR-100."""
        match = _SPLIT_SLASH.match(surface)
        if not match:
            return []
        prefix, first, second = match.groups()
        out = []
        for form in (prefix + first, prefix + second):
            entry = self.lookup(form)
            if entry is not None:
                out.append(Hit(entry, form, span[0], span[1]))
        return out


def parse_tsv(text: str) -> list[Entry]:
    """Entries from the gazetteer TSV text; raises ValueError naming the bad line."""
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 2 or cols[1] not in ("dataset", "benchmark"):
            raise ValueError(f"benchmarks.tsv line {number}: expected name<TAB>dataset|benchmark[<TAB>aliases[<TAB>flags]], found {line!r}")
        aliases = tuple(a.strip() for a in cols[2].split("|") if a.strip()) if len(cols) > 2 else ()
        flags = set(cols[3].split(",")) if len(cols) > 3 else set()
        entries.append(Entry(cols[0].strip(), cols[1], aliases, "cs" in flags, "ctx" in flags))
    return entries


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The shipped gazetteer (or one from ``path``), parsed once per process."""
    if path is None:
        text = resources.files("loaders.extract").joinpath("data/benchmarks.tsv").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    return Gazetteer(parse_tsv(text))

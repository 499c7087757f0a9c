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
import string
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg import keys
from kg.keys import fold


@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    """fold() of one token, cached: abstracts repeat their words."""
    return fold(token)


#: a token: letters/digits joined by - . + ' / inside (CIFAR-10, LAION-5B, Mip-NeRF, CIFAR-10/100)
TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-.+'/_][A-Za-z0-9]+)*\+*")
#: "RefCOCO-val", "COCO-test": a split written onto the name
_SPLIT_TAIL = re.compile(r"^(.+?)[-_](?:val|test|dev|train|minival|testA|testB|test-dev)$")
#: the endings _SPLIT_TAIL can match: a cheap test before it
_SPLIT_ENDS = ("val", "test", "dev", "train", "testA", "testB")
_SPLIT_SLASH = re.compile(r"^(.*?)(\d+)/(\d+)$")
_CONTEXT = re.compile(
    r"\b(?:data ?sets?|benchmarks?|corpus|corpora|evaluat\w*|experiments?|tasks?|test(?:s|ed|ing)?|"
    r"trained|results?|accuracy|outperform\w*|state-of-the-art|splits?)\b",
    re.I,
)
MAX_WORDS = 6
#: how a name with a capital or digit starts: lower-case letters, then one of them
_CAPITAL_START = re.compile(r"[a-z]*[A-Z0-9]")
#: the rest of a start token after its first capital or digit, and what may not stand before one
_WORD_REST = r"[A-Za-z0-9]*(?:[-.+'/_][A-Za-z0-9]+)*\+*"
_NOT_AFTER = r"A-Za-z0-9\-.+'/_"
_NOT_AFTER_CHARS = frozenset(string.ascii_letters + string.digits + "-.+'/_")
#: a start token from its first capital or digit on (the class first: the scan skips to them)
_CAPITAL_REST = re.compile(rf"[A-Z0-9]{_WORD_REST}")


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


def _inner_letters(form: str) -> list[int]:
    """The positions of the letters of ``form`` that stand between two letters."""
    return [i for i in range(1, len(form) - 1) if form[i - 1 : i + 2].isalpha()]


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

    #: every prefix of every folded form: a token walk stops as soon as it leaves this set
    prefixes: set[str] = field(default_factory=set)
    #: first words of names written in lower case ("ogbn-arxiv", "nuScenes", "bAbI")
    lower_starts: set[str] = field(default_factory=set)
    _start_pattern: re.Pattern | None = field(default=None, repr=False)
    #: the lower-case first words _starts() lists, alone (None: some hold a character a name
    #: can stand after, and find() scans with _starts() itself)
    _lower_pattern: re.Pattern | None = field(default=None, repr=False)
    _lower_words: tuple[str, ...] | None = field(default=None, repr=False)
    _lower_heads: tuple[str, ...] = field(default=(), repr=False)
    #: the first letters of the hyphened ones ("ogbn-arxiv"), tested only where a hyphen is
    _hyphened_heads: tuple[str, ...] = field(default=(), repr=False)
    #: folded forms with one letter taken out -> the entry (None: two entries share it)
    _deletions: dict[str, Entry | None] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for form in (entry.name, *entry.aliases):
                form = " ".join(form.split())
                folded = fold(form)
                if entry.case_sensitive:
                    self.exact[form] = entry
                else:
                    self.folded[folded] = entry
                self.alias_keys.setdefault(folded, entry.key)
                self.prefixes.update(folded[:k] for k in range(1, len(folded) + 1))
                if form[:1].islower():
                    self.lower_starts.add(form.split()[0])

    def lookup(self, surface: str, folded: str | None = None) -> Entry | None:
        """The entry a written form names, if any.

        An all-lower-case word only matches a name written in lower case ("text8"), so the
        word "multiple" never reads as MultiPL-E nor "spider" as Spider.
        """
        surface = " ".join(surface.split())
        entry = self.exact.get(surface)
        if entry is not None:
            return entry
        folded = fold(surface) if folded is None else folded
        entry = self.folded.get(folded)
        if (
            entry is not None
            and surface.islower()
            and not any(f.islower() and fold(f) == folded for f in (entry.name, *entry.aliases))
        ):
            return None
        return entry

    def misspelt(self, surface: str) -> Entry | None:
        """The entry a written name is a letter short of ("CrowPose" for CrowdPose) or a letter
        over, when it names a data set the gazetteer lacks: only names of 7 letters or more, and
        a letter between two letters (not a first or last one: "ImageNet-A", "CIFAR-10C" are
        other data sets).

        >>> load_gazetteer().misspelt("CrowPose").name
        'CrowdPose'
        >>> load_gazetteer().misspelt("CIFAR-1000") is None, load_gazetteer().misspelt("CIFAR-10C") is None
        (True, True)
        """
        folded = fold(surface)
        if len(folded) < 7 or not folded.isalnum():
            return None
        if self._deletions is None:
            deletions: dict[str, Entry | None] = {}
            for form, entry in self.folded.items():
                if len(form) < 8 or entry.needs_context:
                    continue
                for i in _inner_letters(form):
                    key = form[:i] + form[i + 1 :]
                    # a deletion two names share names neither
                    deletions[key] = None if deletions.get(key, entry) is not entry else entry
            self._deletions = deletions
        entry = self._deletions.get(folded)
        if entry is not None:
            return entry
        for i in _inner_letters(folded):
            entry = self.folded.get(folded[:i] + folded[i + 1 :])
            if entry is not None and not entry.needs_context:
                return entry
        return None

    def find(self, sentence: str) -> list[Hit]:
        """Longest non-overlapping gazetteer matches in ``sentence``, left to right.

        >>> [h.entry.name for h in load_gazetteer().find("We test on CIFAR-10/100 and MS-COCO.")]
        ['CIFAR-10', 'CIFAR-100', 'COCO']
        >>> [h.surface for h in load_gazetteer().find("73.3% oIoU on RefCOCO-val and MAE on UCF_QNRF")]
        ['RefCOCO', 'UCF_QNRF']
        """
        has_context = None
        hits: list[Hit] = []
        taken_until = 0
        prefixes = self.prefixes
        for start, first_end in self._start_spans(sentence):
            if start < taken_until:
                continue
            word = sentence[start:first_end]
            if (
                fold_token(word) not in prefixes
                and "/" not in word
                and not word.endswith(_SPLIT_ENDS)
            ):
                continue  # no name starts with the word, nor is it a split or slash form
            # walk forward while the folded text is still the prefix of some name; names do not
            # cross punctuation ("ImageNet, COCO" is two names)
            candidates: list[tuple[int, str]] = []
            folded = ""
            written, token_end = word, first_end
            for _ in range(MAX_WORDS):
                folded += fold_token(written)
                if folded not in prefixes:
                    break
                candidates.append((token_end, folded))
                if sentence[token_end : token_end + 1] != " ":
                    break
                token = TOKEN.match(sentence, token_end + 1)
                if token is None:
                    break
                written, token_end = token.group(0), token.end()
            hit = None
            for end, folded_ngram in reversed(candidates):
                surface = sentence[start:end]
                entry = self.lookup(surface, folded_ngram)
                if entry is None:
                    continue
                if entry.needs_context:
                    if has_context is None:
                        has_context = bool(_CONTEXT.search(sentence))
                    if not has_context:
                        continue
                hit = Hit(entry, surface, start, end)
                break
            split = (
                _SPLIT_TAIL.match(word)
                if hit is None and not candidates and word.endswith(_SPLIT_ENDS)
                else None
            )
            if split is not None:
                entry = self.lookup(split.group(1))
                if entry is not None and not entry.needs_context:
                    hit = Hit(entry, split.group(1), start, start + split.end(1))
            if hit is not None:
                hits.append(hit)
                taken_until = hit.end
            elif "/" in word:
                slash_hits = self._slash_forms(word, (start, first_end), sentence)
                hits.extend(slash_hits)
                if slash_hits:
                    taken_until = first_end
        return hits

    def _starts(self) -> re.Pattern:
        """Tokens a name can start with: a capital or digit inside, or a lower-case name's first word."""
        if self._start_pattern is None:
            # ("bAbI", "i2b2": a word the first branch matches anyway is left out, for speed)
            words = sorted(
                (w for w in self.lower_starts if not _CAPITAL_START.match(w)), key=len, reverse=True
            )
            lower = "|".join(re.escape(w) for w in words)
            self._start_pattern = re.compile(
                rf"(?<![{_NOT_AFTER}])(?:{_CAPITAL_START.pattern}{_WORD_REST}"
                + (f"|(?:{lower})(?![A-Za-z0-9])" if lower else "")
                + ")"
            )
            if words and all(c in _NOT_AFTER_CHARS for w in words for c in w):
                self._lower_words = tuple(words)
                # (a word's first letters: the cheap test that the sentence may hold it)
                self._lower_heads = tuple(sorted({w[:5] for w in words if "-" not in w}))
                self._hyphened_heads = tuple(sorted({w[:5] for w in words if "-" in w}))
                self._lower_pattern = re.compile(rf"(?<![{_NOT_AFTER}])(?:{lower})(?![A-Za-z0-9])")
            elif not words:
                self._lower_words = ()
        return self._start_pattern

    def _start_spans(self, sentence: str) -> list[tuple[int, int]]:
        """The spans ``self._starts().finditer(sentence)`` finds, scanned for faster: each
        capital or digit, then back over the lower-case letters before it (the pattern tries
        every place in the sentence; this scan skips to capitals and digits), and the lower-case
        first words where the sentence holds one.

        >>> load_gazetteer()._start_spans("on ogbn-arxiv, e-SNLI and iNaturalist (x-Y)")
        [(3, 13), (15, 21), (26, 37)]
        """
        starts = self._starts()
        if self._lower_words is None:
            return [m.span() for m in starts.finditer(sentence)]
        spans = []
        for match in _CAPITAL_REST.finditer(sentence):
            start = match.start()
            while start and "a" <= sentence[start - 1] <= "z":
                start -= 1
            if not start or sentence[start - 1] not in _NOT_AFTER_CHARS:
                spans.append((start, match.end()))
        if self._lower_pattern is None or not (
            any(map(sentence.__contains__, self._lower_heads))
            or ("-" in sentence and any(map(sentence.__contains__, self._hyphened_heads)))
        ):
            return spans
        # a capitalised token and a lower-case word at one place: the capitalised token is
        # taken, as the pattern tries its branches in that order
        out: list[tuple[int, int]] = []
        lower = [(m.start(), m.end(), 1) for m in self._lower_pattern.finditer(sentence)]
        for start, end, _ in sorted([(s, e, 0) for s, e in spans] + lower):
            if not out or start >= out[-1][1]:
                out.append((start, end))
        return out

    def _slash_forms(self, surface: str, span: tuple[int, int], sentence: str) -> list[Hit]:
        """ "CIFAR-10/100" names CIFAR-10 and CIFAR-100; "COCO/LVIS/Objects365" three names, each
        at its own place (only when every part is a name)."""
        match = _SPLIT_SLASH.match(surface)
        if not match:
            return self._slash_list(surface, span[0], sentence)
        prefix, first, second = match.groups()
        out = []
        for form in (prefix + first, prefix + second):
            entry = self.lookup(form)
            if entry is not None:
                out.append(Hit(entry, form, span[0], span[1]))
        return out

    def _slash_list(self, surface: str, start: int, sentence: str) -> list[Hit]:
        """ "Set5/Set14/BSD100", "the Switchboard/CallHome portion of the Hub5'00 test set": the
        names a slash joins, each its own hit."""
        out, at = [], start
        for part in surface.split("/"):
            entry = self.lookup(part)
            if entry is None or (entry.needs_context and not _CONTEXT.search(sentence)):
                return []
            out.append(Hit(entry, part, at, at + len(part)))
            at += len(part) + 1
        return out


#: the flags of a gazetteer line (its fourth column, comma-separated)
FLAGS = {"cs": "written forms match case-sensitively only", "ctx": "only in a sentence about data"}


def parse_tsv(text: str) -> list[Entry]:
    """Entries from the gazetteer TSV text; raises ValueError naming the bad line."""
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 2 or cols[1] not in ("dataset", "benchmark"):
            raise ValueError(
                f"benchmarks.tsv line {number}: expected name<TAB>dataset|benchmark[<TAB>aliases[<TAB>flags]], found {line!r}"
            )
        aliases = tuple(a.strip() for a in cols[2].split("|") if a.strip()) if len(cols) > 2 else ()
        flags = {f.strip() for f in cols[3].split(",") if f.strip()} if len(cols) > 3 else set()
        if unknown := flags - set(FLAGS):
            raise ValueError(
                f"benchmarks.tsv line {number}: unknown flag {', '.join(sorted(unknown))} "
                f"(known: {', '.join(f'{k} ({v})' for k, v in FLAGS.items())})"
            )
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


def benchmark_key(name: str, gazetteer: Gazetteer | None = None) -> str:
    """:func:`kg.keys.benchmark_key` with the gazetteer's alias table: aliases resolve to their
    canonical entry.

    >>> benchmark_key("ILSVRC-2012") == benchmark_key("imagenet") == benchmark_key("ImageNet dataset")
    True
    """
    return keys.benchmark_key(name, (gazetteer or load_gazetteer()).alias_keys)

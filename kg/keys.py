"""The keys of the graph's nodes: one function per label, and the normalisers they are made of.

A key is a node's identity, so every layer that writes or looks up a node uses these functions:
the listing parsers, Semantic Scholar conversion and extraction mint keys with them, and the
resolver (:mod:`kg.resolve`) turns what a user typed into a key with them.

- Paper: ``s2:<paperId>``, else ``arxiv:<id>``, else ``doi:<doi>``, else ``corpus:<n>``, else
  ``title:<normalised title>`` (:func:`paper_key`).
- Author: ``s2:<authorId>``, else ``name:<normalised name>`` (:func:`author_key`).
- Method: the folded name with a trailing plural dropped (:func:`method_key`).
- Benchmark: the folded name without a head noun such as "dataset", resolved through an alias
  table when one is given (:func:`benchmark_key`).

Folding (:func:`fold`) removes case, hyphens, spacing and punctuation ("Multi-Query Attention",
"multi query attention" and "MultiQuery-Attention" share a key) and collapses version suffixes
written in different ways ("LLaMA-2", "Llama 2", "Llama2"; "2.0" -> "2").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

#: prefixes of the keys :func:`paper_key` mints; text with one is taken as a key
PAPER_KEY_PREFIXES = ("s2:", "arxiv:", "doi:", "corpus:", "title:")
#: prefixes of the keys :func:`author_key` mints
AUTHOR_KEY_PREFIXES = ("s2:", "name:")

# --- titles and names -----------------------------------------------------------------------

_TITLE_NON_ALNUM = re.compile(r"[^0-9a-z]+")
#: combining marks that are accents to drop (on Latin and Greek letters; Hebrew and Arabic
#: points); the marks of other scripts make letters of their own (Cyrillic й, Devanagari vowels)
_ACCENTED_SCRIPTS = ("LATIN", "GREEK")
_POINTS = ((0x0591, 0x05C7), (0x064B, 0x065F), (0x0670, 0x0670))


def normalise_title(title: str | None) -> str | None:
    """Letters and digits of a title, case-folded, separated by single spaces.

    A title written in Latin script (ASCII after dropping accents) gives lower-case ASCII, as it
    always has; one with letters of any other script keeps them (NFKC, casefold, accents
    dropped, everything but letters, marks and digits a space), so it has a key of its own.

    >>> normalise_title("  Attention Is All You Need!  "), normalise_title("Fine-tuning für Text")
    ('attention is all you need', 'fine tuning fur text')
    >>> normalise_title("Sora 2：OpenAI 的视频模型"), normalise_title("Ἡ Ἰλιάς, Москва!")
    ('sora 2 openai 的视频模型', 'η ιλιασ москва')
    """
    if not title:
        return None
    if title.isascii():  # most titles are: skip the (slow) Unicode work for them
        text = title.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", title)
        if any(ch.isalnum() and not ch.isascii() and not _latin(ch) for ch in decomposed):
            return _normalise_any_script(decomposed)
        text = decomposed.encode("ascii", "ignore").decode().lower()
    text = _TITLE_NON_ALNUM.sub(" ", text).strip()
    return text or None


def _latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _normalise_any_script(decomposed: str) -> str | None:
    kept: list[str] = []
    base = ""
    for ch in decomposed:
        category = unicodedata.category(ch)
        if category[0] == "M":
            if base.startswith(_ACCENTED_SCRIPTS) or any(a <= ord(ch) <= b for a, b in _POINTS):
                continue  # an accent, like the Latin ones dropped above
            kept.append(ch)
        elif category[0] in "LN":
            base = unicodedata.name(ch, "")
            kept.append(ch)
        else:
            base = ""
            kept.append(" ")
    text = unicodedata.normalize("NFKC", "".join(kept)).casefold()
    return " ".join(text.split()) or None


def paper_key(
    s2_id: str | None = None,
    arxiv_id: str | None = None,
    doi: str | None = None,
    title: str | None = None,
    corpus_id: int | None = None,
) -> str:
    """The key a new Paper node gets: S2 id, else arXiv id, else DOI, else normalised title.

    A key is assigned once; a later build that learns more ids finds the existing node through
    :func:`kg.identity.resolve_papers` instead of minting a new key.

    >>> paper_key(arxiv_id="1706.03762", title="Attention Is All You Need")
    'arxiv:1706.03762'
    """
    if s2_id:
        return f"s2:{s2_id}"
    if arxiv_id:
        return f"arxiv:{arxiv_id.lower()}"
    if doi:
        return f"doi:{doi.lower()}"
    if corpus_id is not None:
        return f"corpus:{corpus_id}"
    norm = normalise_title(title)
    if norm:
        return f"title:{norm}"
    raise ValueError("a paper needs an S2 id, arXiv id, DOI, CorpusId or title")


def author_key(s2_id: str | None = None, name: str | None = None) -> str:
    """S2 authorId when known, else the normalised name.

    >>> author_key(name="Ada  Lovelace")
    'name:ada lovelace'
    """
    if s2_id:
        return f"s2:{s2_id}"
    norm = normalise_title(name)
    if not norm:
        raise ValueError("an author needs an S2 id or a name")
    return f"name:{norm}"


# --- methods and benchmarks -----------------------------------------------------------------

_NON_ALNUM = re.compile(r"[^0-9a-z+]+")
_VERSION_ZERO = re.compile(r"(\d)\.0\b")
# "LLMs", "ViTs", "DPMs": an upper-case acronym with a lower-case plural s
_ACRONYM_PLURAL = re.compile(r"^([A-Z][A-Za-z0-9-]*[A-Z0-9])s$")
# "Transformers", "Networks" (but not "Gaussians"-like proper names can't be told apart; rare)
_WORD_PLURAL = re.compile(r"^([A-Za-z][A-Za-z]*[a-z]{2}(?<![suiya]))s$")
_TRAILING_KIND = re.compile(
    r"[\s-]+(?:benchmarks?|datasets?|data set|corpus|corpora|suite|leaderboard)$", re.I
)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only.

    >>> fold("Multi-Query  Attention")
    'multiqueryattention'
    """
    # most text is ASCII already: the NFKD round trip is the costliest step and changes nothing there
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("", _VERSION_ZERO.sub(r"\1", text).lower())


def singular_last_word(name: str) -> str:
    """Drop a plural s from the last word of a method name.

    >>> singular_last_word("Vision Transformers"), singular_last_word("LLMs")
    ('Vision Transformer', 'LLM')
    """
    words = name.split()
    if not words:
        return name
    last = words[-1]
    match = _ACRONYM_PLURAL.match(last) or _WORD_PLURAL.match(last)
    if match:
        words[-1] = match.group(1)
    return " ".join(words)


@lru_cache(maxsize=1 << 16)
def method_key(name: str) -> str:
    """The key of a Method node.

    >>> method_key("Sparse Query Attentions"), method_key("LLaMA-2"), method_key("Llama 2")
    ('sparsequeryattention', 'llama2', 'llama2')
    """
    return fold(singular_last_word(name.strip()))


def strip_kind_word(name: str) -> str:
    """The name without a head noun that is not part of it.

    >>> strip_kind_word("SQuAD dataset")
    'SQuAD'
    """
    stripped = _TRAILING_KIND.sub("", name.strip())
    return stripped or name.strip()


def raw_benchmark_key(name: str) -> str:
    """The folded benchmark name before alias resolution.

    >>> raw_benchmark_key("CIFAR-10 benchmark")
    'cifar10'
    """
    return fold(strip_kind_word(name))


def benchmark_key(name: str, aliases: Mapping[str, str] | None = None) -> str:
    """The key of a Benchmark node; ``aliases`` maps folded alias forms to canonical keys (the
    extractor passes its gazetteer's table, so "ILSVRC-2012" becomes the ImageNet key).

    >>> benchmark_key("CP-Bench benchmark"), benchmark_key("ILSVRC-2012", {"ilsvrc2012": "imagenet"})
    ('cpbench', 'imagenet')
    """
    raw = raw_benchmark_key(name)
    if not aliases:
        return raw
    return aliases.get(raw) or aliases.get(fold(name)) or raw


__all__ = [
    "PAPER_KEY_PREFIXES",
    "AUTHOR_KEY_PREFIXES",
    "normalise_title",
    "paper_key",
    "author_key",
    "fold",
    "singular_last_word",
    "method_key",
    "strip_kind_word",
    "raw_benchmark_key",
    "benchmark_key",
]

"""Normalised keys for methods and benchmarks: one node per real thing across papers.

Case, hyphens, spacing and punctuation are folded away ("Multi-Query Attention",
"multi query attention" and "MultiQuery-Attention" share a key), version suffixes written in
different ways collapse ("LLaMA-2", "Llama 2", "Llama2", "YOLO v8" / "YOLOv8", "2.0" -> "2"), a
trailing plural is dropped for methods ("Vision Transformers", "ViTs"), and benchmark aliases
resolve through the gazetteer's alias table ("ILSVRC-2012" -> the ImageNet key).
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z+]+")
_TOKEN = re.compile(r"[^\s]+")
_VERSION_ZERO = re.compile(r"(\d)\.0\b")
# "LLMs", "ViTs", "DPMs": an upper-case acronym with a lower-case plural s
_ACRONYM_PLURAL = re.compile(r"^([A-Z][A-Za-z0-9-]*[A-Z0-9])s$")
# "Transformers", "Networks" (but not "Gaussians"-like proper names can't be told apart; rare)
_WORD_PLURAL = re.compile(r"^([A-Za-z][A-Za-z]*[a-z]{2}(?<![suiya]))s$")
_TRAILING_KIND = re.compile(
    r"[\s-]+(?:benchmarks?|datasets?|data set|corpus|corpora|suite|leaderboard)$", re.I
)


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only.

    >>> fold("Multi-Query  Attention")
    'multiqueryattention'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("", _VERSION_ZERO.sub(r"\1", ascii_text).lower())


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


def method_key(name: str) -> str:
    """The key of a Method node.

    >>> method_key("Sparse Query Attentions"), method_key("LLaMA-2"), method_key("Llama 2")
    ('sparsequeryattention', 'llama2', 'llama2')
    """
    return fold(singular_last_word(name.strip()))


def strip_kind_word(name: str) -> str:
    """ "SQuAD dataset" -> "SQuAD" (the head noun is not part of the name)."""
    stripped = _TRAILING_KIND.sub("", name.strip())
    return stripped or name.strip()


def raw_benchmark_key(name: str) -> str:
    """Folded benchmark name before alias resolution."""
    return fold(strip_kind_word(name))

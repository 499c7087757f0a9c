"""Other named methods a paper builds on or compares against: USES / COMPARES_WITH.

Candidates are "Long Name (ACR)" definitions whose long form is written as a name (Title Case
or coined words) and coined tokens (EfficientNet, MobileNetV3, FlashAttention, GPT-4, QAOA).
Generic concepts, metrics, hardware, organisations and benchmarks are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extract.names import GENERIC, acronym_definitions, is_generic, is_name_like

# written without re.I (much slower on long alternations); sentence-initial capitals listed
_COMPARE = re.compile(
    r"\b(?:[Cc]ompar\w+|[Oo]utperform\w*|[Ss]urpass\w*|than|[Vv]ersus|vs\.?|[Aa]gainst|[Bb]aselines?|[Bb]eat\w*|"
    r"[Ee]xceed\w*|relative to|superior to|on par with|competitive with|[Rr]ival\w*|over)\b"
)
# only words that can be coined names: two capitals, a capital inside, or a digit
# words with a capital or digit; find_method_mentions keeps the coined ones
# (a plain capitalised word such as "The" or "Experimental" never matches: the regex needs a
# capital or digit after the first letter)
_COINED = re.compile(
    r"(?<![\w@/-])([A-Za-z][a-z]*[-.]?[A-Z0-9][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*\+*)"
)
# "GPT-4-based", "LLM-driven": the descriptive suffix is not part of the name
_DESCRIPTIVE_SUFFIX = re.compile(
    r"-(?:based|like|style|level|aware|free|specific|driven|guided|generated|only|scale|sized|size|wise|type|enhanced|powered|centric|tuned|trained)$"
)
_ALL_CAPS = re.compile(r"^[A-Z]{3,}[0-9]*$")


@dataclass(frozen=True)
class MethodMention:
    name: str
    aliases: tuple[str, ...]
    rule: str
    compares: bool
    start: int


_LATEX = re.compile(r"varepsilon|epsilon|mathcal|mathbb|frac|sqrt|infty|widetilde|Omega|Theta")
# "ID-averaged", "LLM-driven": a compound adjective, the name is the part before the hyphen
_ADJECTIVE_TAIL = re.compile(r"-[a-z]{3,}$")


def find_method_mentions(
    sentence: str,
    excluded: set[str],
    excluded_spans: list[tuple[int, int]] = (),
    definitions: list | None = None,
) -> list[MethodMention]:
    """Named methods in ``sentence``; ``excluded`` holds folded forms to skip (the paper's own
    proposals, benchmarks, generic acronyms defined in the paper) and ``excluded_spans`` the
    character ranges already taken (benchmark mentions, the paper's own names).

    >>> [m.name for m in find_method_mentions("It beats Grouped-Query Attention (GQA) and EfficientNet.", set())]
    ['Grouped-Query Attention', 'EfficientNet']
    """
    from loaders.extract.normalise import fold

    out: list[MethodMention] = []
    spans: list[tuple[int, int]] = list(excluded_spans)
    for d in acronym_definitions(sentence) if definitions is None else definitions:
        if not re.search(r"[A-Z]", d.long[1:]) or is_generic(d.long, d.short):
            continue
        if (
            fold(d.long) in excluded
            or fold(d.short) in excluded
            or any(s <= d.start < e for s, e in spans)
        ):
            continue
        out.append(MethodMention(d.long, (d.long, d.short), "acronym", False, d.start))
        spans.append((d.start, d.end))
    for token in _COINED.finditer(sentence):
        if any(s <= token.start() < e for s, e in spans):
            continue
        word = token.group(1)
        if "-" in word:
            word = _ADJECTIVE_TAIL.sub("", _DESCRIPTIVE_SUFFIX.sub("", word))
        word = word.rstrip(".")
        if _LATEX.search(word):
            continue
        if not (is_name_like(word) or _ALL_CAPS.match(word)) or word in GENERIC:
            continue
        if is_generic(word) or fold(word) in excluded or len(word) < 3:
            continue
        out.append(MethodMention(word, (word,), "coined", False, token.start()))
    if out and _COMPARE.search(sentence):
        out = [MethodMention(m.name, m.aliases, m.rule, True, m.start) for m in out]
    return sorted(out, key=lambda m: m.start)

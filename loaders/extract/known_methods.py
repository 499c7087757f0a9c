"""The known-methods vocabulary (``data/methods.txt``) and the family base of a variant name.

A coined name that an abstract mentions without a use or comparison cue is often not a method
(a data set, a team, a metric, a setting): it is kept only when it names a known method, or a
variant of one ("ResNet-101", "ViT-B/16", "YOLOv4" of "ResNet", "ViT", "YOLO").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kg.keys import method_key
from loaders.extract.sentences import AsciiFast

# "ResNet-50", "ViT-B/16", "BERT-large", "ALBERT-base-v2": depth, patch and size tags
_SIZE = re.compile(
    r"(?:[-\s](?:\d{2,4}[A-Za-z]?|[BLSHGT](?:/\d+)?|[Bb]ase|[Ll]arge|[Ss]mall|[Tt]iny|XL|XXL|[Hh]uge|"
    r"[Mm]ini|[Ll]ite|[Ss]lim|v\d+)|(?<=[a-z])\d{2,4}|/\d+)+$"
)
# "YOLOv4", "GPT-3.5", "MobileNet-V2", "T5-11B": a version or parameter count after the base
_VERSION = re.compile(r"(?:[-\s]?(?:[vV]\d+(?:\.\d+)?|\d+(?:\.\d+)?[BMK]?|\d+(?:\.\d+)?))+$")


@lru_cache(maxsize=65536)  # a pure function of the name, asked about the same names many times
def family_base(name: str) -> str:
    """The name without its size tags: the form its variants share.

    >>> family_base("ResNet-101"), family_base("ViT-B/16"), family_base("ALBERT-base-v2"), family_base("YOLOv4")
    ('ResNet', 'ViT', 'ALBERT', 'YOLOv4')
    """
    base = _SIZE.sub("", name)
    return base if len(base) >= 2 else name


_DEPTH = re.compile(r"\d{2,4}[A-Za-z]?")


def configuration_family(name: str) -> str:
    """The family of a known backbone's configuration: each hyphen-joined part without its
    size, so the depths of one configuration are one method.

    >>> configuration_family("ResNet50-FPN"), configuration_family("ResNet-101-FPN"), configuration_family("SwinV2-G")
    ('ResNet-FPN', 'ResNet-FPN', 'SwinV2')
    """
    base = family_base(name)
    head, _, tail = base.partition("-")
    if not tail or not is_known_method(head):
        return base
    parts = [family_base(p) for p in base.split("-") if not _DEPTH.fullmatch(p)]
    return "-".join(parts) if len(parts) > 1 else base


@lru_cache(maxsize=1)
def known_method_names() -> tuple[str, ...]:
    """The shipped vocabulary's names, as written."""
    text = resources.files("loaders.extract").joinpath("data/methods.txt").read_text("utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def generic_technique_keys() -> frozenset[str]:
    """Keys of the names under the vocabulary's ``## generic`` line ("Recurrent Neural Network",
    "Conditional Random Field"): known techniques that no abstract mentioning them proposes."""
    text = resources.files("loaders.extract").joinpath("data/methods.txt").read_text("utf-8")
    _, _, generic = text.partition("\n## generic")
    return frozenset(
        method_key(line.strip())
        for line in generic.splitlines()[1:]
        if line.strip() and not line.startswith("#")
    )


def is_generic_technique(name: str) -> bool:
    """
    >>> is_generic_technique("Recurrent Neural Networks"), is_generic_technique("SimCLR")
    (True, False)
    """
    return method_key(name) in generic_technique_keys()


@lru_cache(maxsize=1)
def known_method_keys() -> frozenset[str]:
    """The keys of the shipped vocabulary's names."""
    return frozenset(method_key(n) for n in known_method_names())


@lru_cache(maxsize=1)
def multiword_names() -> dict[str, tuple[str, ...]]:
    """Names of more than one word by their first word ("Mask" -> "Mask R-CNN"), longest first."""
    out: dict[str, list[str]] = {}
    for name in known_method_names():
        if " " in name:
            out.setdefault(name.split()[0].rstrip(","), []).append(name)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


#: a capitalised word (the class comes first so the scan can skip to capitals; names that
#: start in lower case, "mBART", "wav2vec", have the coined shape and are found as such)
_CAPITAL_WORD = AsciiFast(r"[A-Z](?<![\w-][A-Z])[\w+.]*(?:-[\w+.]+)*\+*")


@lru_cache(maxsize=1)
def _lower_case_names() -> tuple[re.Pattern, tuple[str, ...], tuple[str, ...]]:
    """The vocabulary's names written in lower case letters only ("i-vector", "k-means"), which
    neither the capitalised-word scan nor the coined-name shape reads, and the first letters of
    those without a hyphen and of those with one (the cheap test that a sentence may hold one:
    the pattern tries every place in it)."""
    names = [n for n in known_method_names() if re.fullmatch(r"[a-z][a-z-]*", n)]
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternation or '(?!)'})(?![\w-])")
    plain = tuple(sorted({n[:4] for n in names if "-" not in n}))
    return pattern, plain, tuple(sorted({n[:4] for n in names if "-" in n}))


def find_known(sentence: str) -> list[tuple[int, str]]:
    """(start, name as written) of each vocabulary name or variant in ``sentence``: one token
    lookup per capitalised word, no pattern over the whole list.

    >>> find_known("We adopt Mask R-CNN with a ResNet-101 backbone and Xception.")
    [(9, 'Mask R-CNN'), (27, 'ResNet-101'), (51, 'Xception')]
    >>> find_known("bidirectional long short-term memory nets which operate on FMLLR and i-vector features")
    [(69, 'i-vector')]
    """
    lower_names, heads, hyphened_heads = _lower_case_names()
    out: list[tuple[int, str]] = (
        [(m.start(), m.group(0)) for m in lower_names.finditer(sentence)]
        if any(map(sentence.__contains__, heads))
        or ("-" in sentence and any(map(sentence.__contains__, hyphened_heads)))
        else []
    )
    taken_until = 0
    for match in _CAPITAL_WORD.finditer(sentence):
        start = match.start()
        if start < taken_until:
            continue
        word, names, known = _vocabulary_word(match.group(0))
        for name in names:
            end = start + len(name)
            if sentence.startswith(name, start) and not sentence[end : end + 1].isalnum():
                out.append((start, name))
                taken_until = end
                break
        else:
            if known:
                out.append((start, word))
    return sorted(out)


@lru_cache(maxsize=65536)
def _vocabulary_word(token: str) -> tuple[str, tuple[str, ...], bool]:
    """A capitalised token of ``find_known`` without its final dots, the vocabulary's names of
    more than one word it can start, and whether it is a known name itself (cached: a pure
    function of the token, asked about the same ones many times)."""
    word = token.rstrip(".")
    return word, multiword_names().get(word.rstrip(","), ()), is_known_method(word)


@lru_cache(maxsize=65536)
def is_known_method(name: str) -> bool:
    """The name, or its family base, or the base without its version, is in the vocabulary.

    >>> [is_known_method(n) for n in ("ResNet-50", "YOLOv4", "GPT-3.5", "EWS", "MixMatch")]
    [True, True, True, False, True]
    """
    known = known_method_keys()
    base = family_base(name)
    return any(
        method_key(form) in known for form in (name, base, _VERSION.sub("", base) or base) if form
    )


_PART_BREAK = re.compile(r"[-\s]+")


@lru_cache(maxsize=65536)
def has_known_part(name: str) -> bool:
    """The name, or one of its hyphen- or space-joined parts, is in the vocabulary: a
    configuration of a known method ("ResNet50-FPN", "EfficientNet-L1").

    >>> has_known_part("ResNet50-FPN"), has_known_part("Cascade Mask R-CNN"), has_known_part("VQ-SVAE")
    (True, True, False)
    """
    if is_known_method(name) or find_known(name):
        return True
    return any(len(p) >= 3 and is_known_method(p) for p in _PART_BREAK.split(name))

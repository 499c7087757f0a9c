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

# "ResNet-50", "ViT-B/16", "BERT-large", "ALBERT-base-v2": depth, patch and size tags
_SIZE = re.compile(
    r"(?:[-\s](?:\d{2,4}[A-Za-z]?|[BLSHGT](?:/\d+)?|[Bb]ase|[Ll]arge|[Ss]mall|[Tt]iny|XL|XXL|[Hh]uge|"
    r"[Mm]ini|[Ll]ite|[Ss]lim|v\d+)|(?<=[a-z])\d{2,4}|/\d+)+$"
)
# "YOLOv4", "GPT-3.5", "MobileNet-V2", "T5-11B": a version or parameter count after the base
_VERSION = re.compile(r"(?:[-\s]?(?:[vV]\d+(?:\.\d+)?|\d+(?:\.\d+)?[BMK]?|\d+(?:\.\d+)?))+$")


def family_base(name: str) -> str:
    """The name without its size tags: the form its variants share.

    >>> family_base("ResNet-101"), family_base("ViT-B/16"), family_base("ALBERT-base-v2"), family_base("YOLOv4")
    ('ResNet', 'ViT', 'ALBERT', 'YOLOv4')
    """
    base = _SIZE.sub("", name)
    return base if len(base) >= 2 else name


@lru_cache(maxsize=1)
def known_method_names() -> tuple[str, ...]:
    """The shipped vocabulary's names, as written."""
    text = resources.files("loaders.extract").joinpath("data/methods.txt").read_text("utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def known_method_keys() -> frozenset[str]:
    """The keys of the shipped vocabulary's names."""
    return frozenset(method_key(n) for n in known_method_names())


@lru_cache(maxsize=1)
def known_method_pattern() -> re.Pattern:
    """One pattern for every name written with a capital (as listed, or its variants: "Xception",
    "U-Net", "ResNet-101"); lower-case names ("word2vec") are found by shape elsewhere."""
    names = sorted(
        (n for n in known_method_names() if n[:1].isupper() or re.search(r"[A-Z]", n)),
        key=len,
        reverse=True,
    )
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?:-[\w.]+|\d{2,3})?(?![\w-])"
    )


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

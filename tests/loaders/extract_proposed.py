"""What the proposal tests read off one sentence or one paper."""

from __future__ import annotations

from kg.model import Paper
from loaders.extract.extractor import extract_paper
from loaders.extract.proposed import from_sentence


def proposed(sentence: str) -> list[tuple[str, str]]:
    """(name, rule) of every proposal the sentence rules find in ``sentence``."""
    return [(c.name, c.rule) for c in from_sentence(sentence)]


def proposals(title: str, abstract: str) -> set[str]:
    """Names of the methods the paper PROPOSES, as extracted from its title and abstract."""
    ex = extract_paper(Paper(key="p", title=title, abstract=abstract))
    names = {m.key: m.name for m in ex.methods}
    return {names[r.dst] for r in ex.relationships if r.type == "PROPOSES"}

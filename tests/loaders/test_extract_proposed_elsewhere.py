"""A name read without a cue ("e.g. BigNAS, decouples ...") is kept as USES when another paper of
the run proposes a method of that name (real abstracts' sentences, results_tune.json)."""

from __future__ import annotations

from kg.model import Paper
from loaders.extract.extractor import extract_paper, extract_papers

CITING = Paper(
    key="t:attentivenas",
    title="AttentiveNAS: Improving Neural Architecture Search via Attentive Sampling",
    abstract=(
        "Recently, two-stage NAS, e.g. BigNAS, decouples the model training and searching "
        "process and achieves remarkable search efficiency and accuracy."
    ),
)
PROPOSING = Paper(
    key="t:bignas",
    title="BigNAS: Scaling Up Neural Architecture Search with Big Single-Stage Models",
    abstract="We propose BigNAS, an approach that challenges the conventional wisdom.",
)


def uses(extraction, src: str) -> set[str]:
    return {r.dst for r in extraction.relationships if r.src == src and r.type == "USES"}


def test_an_uncued_name_alone_is_not_kept():
    assert uses(extract_paper(CITING), "t:attentivenas") == set()
    assert uses(extract_papers([CITING]), "t:attentivenas") == set()


def test_an_uncued_name_another_paper_proposes_is_used():
    ex = extract_papers([CITING, PROPOSING])
    (bignas,) = [m.key for m in ex.methods if m.name == "BigNAS"]
    assert uses(ex, "t:attentivenas") == {bignas}
    edge = next(r for r in ex.relationships if r.src == "t:attentivenas" and r.dst == bignas)
    assert edge.source == "extract:mention-proposed-elsewhere" and "e.g. BigNAS" in edge.evidence
    # the proposing paper does not also use it
    assert uses(ex, "t:bignas") == set()

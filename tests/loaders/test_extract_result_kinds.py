"""Results as abstracts state them: value kinds, splits, figure lists, unlisted benchmarks,
every result kept. Each sentence is a real one from results_tune.json's tuning half."""

from __future__ import annotations

from kg.model import EvaluatedOn, Paper
from loaders.extract import extract_paper


def results(sentence: str) -> list[tuple]:
    ex = extract_paper(Paper(key="p", title="X", abstract=sentence))
    return [
        (r.dst, r.metric, r.value, r.kind, r.split)
        for r in ex.relationships
        if isinstance(r, EvaluatedOn) and r.value is not None
    ]


def test_an_improvement_is_a_delta_beside_the_score():
    s = (
        "Specifically, when training on COCO panoptic data only and testing in a zero-shot manner, "
        "FC-CLIP achieve 26.8 PQ, 16.8 AP, and 34.1 mIoU on ADE20K, outperforming the prior art "
        "under the same setting by +4.2 PQ, +2.4 AP, +4.2 mIoU on ADE20K."
    )
    found = results(s)
    assert ("ade20k", "mIoU", 34.1, "absolute", "") in found
    assert ("ade20k", "PQ", 26.8, "absolute", "") in found  # a list of figures before "on ADE20K"
    assert ("ade20k", "mIoU", 4.2, "delta", "") in found


def test_split_after_the_benchmark_and_two_results_on_one_metric():
    s = (
        "Without bells and whistles, K-Net surpasses all previous published stateof-the-art "
        "single-model results of panoptic segmentation on MS COCO test-dev split and semantic "
        "segmentation on ADE20K val split with 55.2% PQ and 54.3% mIoU, respectively."
    )
    assert results(s) == [
        ("coco", "PQ", 55.2, "absolute", "test-dev"),
        ("ade20k", "mIoU", 54.3, "absolute", "val"),
    ]
    s = (
        "On LibriSpeech, we achieve 6.8% WER on test-other without the use of a language model, "
        "and 5.8% WER with shallow fusion with a language model."
    )
    assert results(s) == [
        ("librispeech", "WER", 6.8, "absolute", "test-other"),
        # (the variant after "and" keeps the split of the figure before: fifteenth round)
        ("librispeech", "WER", 5.8, "absolute", "test-other"),
    ]


def test_relative_claims_are_their_own_kind():
    from loaders.extract.figures import numbers as _numbers
    from loaders.extract.results import _delta_kind

    s = "TEVR scores a very competitive 3.64% word error rate, which outperforms the best reported results by a relative 16.89% reduction in word error rate."
    kinds = {n.group(1): _delta_kind(s, n) for n in _numbers(s)}
    assert kinds == {"3.64": None, "16.89": "relative"}


def test_a_benchmark_the_gazetteer_lacks_is_read_from_the_result():
    s = "It achieves 94.02% test accuracy on NASBench-101, outperforming all the baselines when using the same number of architectures."
    assert results(s) == [("nasbench101", "accuracy", 94.02, "absolute", "test")]


def test_metric_aliases_resolve_to_one_name():
    s = "Our best model using cluster merging shows the Avg-F1 of 80.2 on the CoNLL 2012 shared task dataset in English."
    assert [r[1:3] for r in results(s)] == [("F1", 80.2)]

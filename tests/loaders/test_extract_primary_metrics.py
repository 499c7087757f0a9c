"""The table of each benchmark's own metric names gazetteer benchmarks and metrics the rules store."""

from __future__ import annotations

from kg.metrics import metric_key
from loaders.extract.figures import METRICS
from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.primary_metrics import PRIMARY_METRIC


def test_every_benchmark_is_a_gazetteer_name_and_every_metric_canonical() -> None:
    gazetteer = load_gazetteer()
    for bench, metric in PRIMARY_METRIC.items():
        entry = gazetteer.lookup(bench)
        assert entry is not None and entry.name == bench, bench
        # a name the rules themselves store, which the metric table resolves
        # ("pass@k" and "hits@k" are stored as written: "pass@1", "hits@50")
        names = {name for name, _ in METRICS} | {"pass@1", "hits@20", "hits@50", "hits@100"}
        assert metric in names and metric_key(metric), metric


def test_widely_used_benchmarks_beyond_the_tuning_half_have_their_metric() -> None:
    assert PRIMARY_METRIC["PASCAL-5i"] == "mIoU" and PRIMARY_METRIC["WN18RR"] == "MRR"
    assert PRIMARY_METRIC["WIDER FACE"] == "mAP" and PRIMARY_METRIC["Spider"] == "accuracy"
    # reported in two metrics: left out
    # (MPII: PCKh for single persons, mAP for many)
    for bench in ("MNIST", "SVHN", "AG News", "MRPC", "Market-1501", "MOT17", "Pascal VOC", "MPII"):
        assert bench not in PRIMARY_METRIC


def test_more_widely_used_single_metric_benchmarks() -> None:
    assert PRIMARY_METRIC["ImageNet-C"] == "mCE" and PRIMARY_METRIC["Fashion-MNIST"] == "accuracy"
    assert PRIMARY_METRIC["ogbl-collab"] == "hits@50" and PRIMARY_METRIC["WebNLG"] == "BLEU"
    assert PRIMARY_METRIC["DanceTrack"] == "HOTA" and PRIMARY_METRIC["ALFWorld"] == "success rate"
    assert PRIMARY_METRIC["MVTec AD"] == "AUROC" and PRIMARY_METRIC["HICO-DET"] == "mAP"
    assert PRIMARY_METRIC["SMAC"] == "win rate" and PRIMARY_METRIC["FiQA"] == "NDCG@10"

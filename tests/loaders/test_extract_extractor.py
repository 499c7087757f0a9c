import subprocess
import sys
from pathlib import Path

from kg.keys import method_key
from kg.model import Benchmark, ComparesWith, EvaluatedOn, Method, Paper, Proposes, Uses
from loaders.extract import Extraction, extract_paper, extract_papers
from loaders.extract.evaluate import evaluate, load_devset

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]

TINYNET = Paper(
    key="arxiv:2010.14819",
    title="Model Rubik's Cube: Twisting Resolution, Depth and Width for TinyNets",
    abstract=(
        "To obtain excellent deep neural architectures, a series of techniques are carefully designed in EfficientNets. "
        "Experimental results on the ImageNet benchmark illustrate that our TinyNet performs much better than the "
        "smaller version of EfficientNets. For instance, our TinyNet-E achieves a 59.9% Top-1 accuracy with only 24M "
        "FLOPs, which is about 1.9% higher than that of the previous best MobileNetV3 with similar computational cost."
    ),
)


def test_extract_paper_builds_nodes_and_edges_with_provenance():
    ex = extract_paper(TINYNET)
    assert isinstance(ex, Extraction)
    assert all(isinstance(m, Method) for m in ex.methods) and all(
        isinstance(b, Benchmark) for b in ex.benchmarks
    )
    proposes = [r for r in ex.relationships if isinstance(r, Proposes)]
    assert [r.dst for r in proposes] == [method_key("TinyNet")]
    tinynet = next(m for m in ex.methods if m.key == method_key("TinyNet"))
    assert "TinyNet-E" in tinynet.aliases  # a variant is a surface form of its base
    result = next(r for r in ex.relationships if isinstance(r, EvaluatedOn) and r.metric)
    assert (result.dst, result.metric, result.value, result.unit) == (
        "imagenet",
        "top-1 accuracy",
        59.9,
        "%",
    )
    assert "59.9% Top-1 accuracy" in result.evidence
    compared = {r.dst for r in ex.relationships if isinstance(r, ComparesWith)}
    assert method_key("MobileNetV3") in compared
    for rel in ex.relationships:
        assert rel.src == TINYNET.key
        assert rel.source.startswith("extract:")
        assert rel.evidence and 0 <= rel.confidence <= 1
        if rel.type == "EVALUATED_ON":
            assert rel.dst in {b.key for b in ex.benchmarks}
        else:
            assert rel.dst in {m.key for m in ex.methods}


def test_paper_without_text_yields_nothing():
    ex = extract_paper(Paper(key="title:x", title="On the Theory of Things"))
    assert (ex.methods, ex.benchmarks, ex.relationships) == ([], [], [])


def test_tldr_is_read_too():
    ex = extract_paper(
        Paper(
            key="p",
            title="A study",
            abstract="We study things.",
            tldr="We propose FooNet, evaluated on CIFAR-10.",
        )
    )
    assert {m.name for m in ex.methods} == {"FooNet"}
    assert {b.name for b in ex.benchmarks} == {"CIFAR-10"}


def test_proposed_benchmark_gets_a_benchmark_node_and_a_method():
    ex = extract_paper(
        Paper(
            key="p",
            title="CP-Bench: Evaluating Large Language Models for Constraint Modelling",
            abstract="This work introduces CP-Bench, a novel benchmark dataset. Models reach up to 70% accuracy on this new, highly challenging benchmark.",
        )
    )
    assert [b.key for b in ex.benchmarks] == ["cpbench"]
    assert [r.dst for r in ex.relationships if isinstance(r, Proposes)] == ["cpbench"]
    assert any(
        isinstance(r, EvaluatedOn) and r.metric == "accuracy" and r.value == 70.0
        for r in ex.relationships
    )


def test_extract_papers_merges_across_papers_and_resolves_acronyms():
    a = Paper(
        key="a",
        title="SQA paper",
        abstract="This paper introduces Sparse Query Attention (SQA), a novel attention. We evaluate on ImageNet-1K.",
    )
    b = Paper(
        key="b",
        title="Other",
        abstract="We compare our model against SQA and EfficientNet on ILSVRC-2012 and ImageNet.",
    )
    ex = extract_papers([a, b])
    sqa = [m for m in ex.methods if m.key == method_key("Sparse Query Attention")]
    assert len(sqa) == 1 and "SQA" in sqa[0].aliases
    assert not any(m.key == "sqa" for m in ex.methods)
    assert [b.key for b in ex.benchmarks] == ["imagenet"]
    assert set(ex.benchmarks[0].aliases) >= {"ImageNet-1K", "ILSVRC-2012", "ImageNet"}
    b_edges = {(r.type, r.dst) for r in ex.relationships if r.src == "b"}
    assert ("COMPARES_WITH", method_key("Sparse Query Attention")) in b_edges
    assert ("EVALUATED_ON", "imagenet") in b_edges
    keys = [(r.type, r.src, r.dst, getattr(r, "metric", None)) for r in ex.relationships]
    assert len(keys) == len(set(keys)), "one edge per (type, paper, target, metric)"


def test_uses_without_comparison():
    ex = extract_paper(
        Paper(key="p", title="X", abstract="We build on FlashAttention to speed up training.")
    )
    assert [(type(r), r.dst) for r in ex.relationships] == [(Uses, "flashattention")]


def test_dev_set_meets_the_targets():
    scores = evaluate(load_devset(DATA / "extract_devset.json"))
    for name in ("proposed", "benchmarks"):
        assert scores[name].precision >= 0.9 and scores[name].recall >= 0.8, (name, scores[name])


def test_cli_prints_scores_and_misses():
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders.extract",
            "--eval",
            str(DATA / "extract_devset.json"),
            "--verbose",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    assert "precision" in out and "proposed" in out and "benchmarks" in out and "results" in out
    assert "false negatives" in out


def test_cli_rejects_a_bad_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"papers": [{"title": "x"}]}')
    proc = subprocess.run(
        [sys.executable, "-m", "loaders.extract", "--eval", str(bad)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2 and "lacks 'abstract'" in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "loaders.extract", "--eval", str(tmp_path / "missing.json")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2 and "error:" in proc.stderr


def test_a_defined_acronym_heading_a_data_noun_stays_a_benchmark():
    paper = Paper(
        key="t:gat",
        title="Graph Nets",
        abstract=(
            "We evaluate on the Cora and Citeseer citation network datasets, as well as a protein-protein interaction (PPI) dataset."
        ),
    )
    assert "PPI" in [b.name for b in extract_paper(paper).benchmarks]


def test_a_defined_acronym_of_a_task_is_not_a_benchmark():
    paper = Paper(
        key="t:ppi",
        title="Interaction Nets",
        abstract=(
            "We evaluate our model on protein-protein interaction (PPI) prediction tasks across three datasets."
        ),
    )
    assert "PPI" not in [b.name for b in extract_paper(paper).benchmarks]


def test_the_authors_lower_case_name_is_proposed_despite_generic_words():
    paper = Paper(
        key="t:ppo",
        title="Proximal Policy Optimization Algorithms",
        abstract=(
            "The new methods, which we call proximal policy optimization (PPO), are simpler to implement. "
            "A policy gradient method (PGM) is a generic concept here."
        ),
    )
    ex = extract_paper(paper)
    proposed = [r.dst for r in ex.relationships if r.type == "PROPOSES"]
    assert proposed == [method_key("proximal policy optimization")]


def _scores(abstract: str) -> list[tuple]:
    """(benchmark, metric, value) of every result with a value extracted from ``abstract``."""
    ex = extract_paper(Paper(key="p", title="X", abstract=abstract))
    return sorted(
        (r.dst, r.metric, r.value)
        for r in ex.relationships
        if isinstance(r, EvaluatedOn) and r.value is not None
    )


def test_figures_after_a_continuation_pair_with_the_benchmarks_the_sentence_before_listed():
    # arxiv:2108.08426: as many figures in one metric as benchmarks listed, paired in order
    abstract = (
        "For two downstream tasks, i.e., video action recognition and video retrieval, MCN "
        "outperforms state-of-the-art approaches on UCF101 and HMDB51 datasets. To be more "
        "specific, with R(2+1)D backbone, MCN achieves Top-1 accuracies of 84.8% and 54.5% for "
        "video action recognition, as well as 52.5% and 23.7% for video retrieval."
    )
    assert _scores(abstract) == [
        ("hmdb51", "top-1 accuracy", 54.5),
        ("ucf101", "top-1 accuracy", 84.8),
    ]
    # without the continuation, or with another count of figures, none is paired
    for changed in (
        abstract.replace("To be more specific, with", "With"),
        abstract.replace("84.8% and 54.5%", "84.8%"),
    ):
        assert not _scores(changed)


def test_figures_with_respectively_pair_with_the_benchmarks_an_evaluation_sentence_listed():
    # arxiv:1805.00794: the sentence before names the benchmarks and states no result on them
    abstract = abstract_ecg = (
        "We evaluated the proposed method on PhysionNet's MIT-BIH and PTB Diagnostics datasets. "
        "According to the results, the suggested method is able to make predictions with the "
        "average accuracies of 93.4% and 95.9% on arrhythmia classification and MI "
        "classification, respectively."
    )
    assert _scores(abstract) == [("mitbih", "accuracy", 93.4), ("ptbdiagnostic", "accuracy", 95.9)]
    # arxiv:1909.04810: after results on the listed benchmarks, "respectively" pairs other things
    abstract = (
        "We achieved state-of-the-art accuracy of 97.7% and 94.6% on Cornell and Jacquard "
        "grasping datasets, respectively. We also demonstrate a grasp success rate of 95.4% and "
        "93% on household and adversarial objects, respectively, using a 7 DoF robotic arm."
    )
    assert not [s for s in _scores(abstract) if s[2] in (95.4, 93)]
    # models are not the listed benchmarks (the ECG sentence with its tasks changed to models)
    models = abstract_ecg.replace(
        "on arrhythmia classification and MI classification", "with the small and large models"
    )
    assert not _scores(models)
    # splits are not the listed benchmarks
    split = "On CIFAR-10 and CIFAR-100 we train. It reaches 93.1% and 95.2% accuracy on the validation and test sets, respectively."
    assert not _scores(split)


def _used_and_compared(title: str, abstract: str) -> dict[str, str]:
    ex = extract_paper(Paper(key="p", title=title, abstract=abstract))
    return {r.dst: r.type for r in ex.relationships if isinstance(r, (Uses, ComparesWith))}


def test_an_unknown_name_after_a_plain_use_cue_is_only_unconfirmed():
    # a signal and a lead of the paper's own data, read after "using", are no methods
    abstract = (
        "The proposed network is trained using motion corrupted three channel cECG and a "
        "reference LEAD I ECG collected on individuals while driving a car."
    )
    ex = extract_paper(
        Paper(key="p", title="Deep Network for Capacitive ECG Denoising", abstract=abstract)
    )
    assert not [r for r in ex.relationships if isinstance(r, (Uses, ComparesWith))]
    assert method_key("LEAD") in {r.dst for r in ex.unconfirmed}
    # a comparison vouches for an unknown name, a vocabulary entry for a configuration of one
    found = _used_and_compared(
        "AttentiveNAS",
        "Our discovered model family, AttentiveNAS models, achieves top-1 accuracy from 77.3% to "
        "80.7% on ImageNet, and outperforms SOTA models, including BigNAS and Once-for-All networks.",
    )
    assert found.get(method_key("BigNAS")) == "COMPARES_WITH"
    found = _used_and_compared(
        "ISTR",
        "Specifically, ISTR obtains a 46.8/38.6 box/mask AP using ResNet50-FPN, and a 48.1/39.9 "
        "box/mask AP using ResNet101-FPN, on the MS COCO dataset.",
    )
    assert method_key("ResNet50-FPN") in found


def test_an_unknown_defined_name_without_a_cue_is_only_unconfirmed():
    found = _used_and_compared(
        "Deep Network for Capacitive ECG Denoising",
        "Capacitive Electrocardiogram (cECG) is one such technology which allows comfortable and "
        "long term monitoring through its ability to measure biopotential in conditions without "
        "having skin contact.",
    )
    assert found == {}
    found = _used_and_compared(
        "Vision Transformer Adapter for Dense Predictions",
        "This work investigates a simple yet powerful dense prediction task adapter for Vision "
        "Transformer (ViT).",
    )
    assert found.get(method_key("Vision Transformer")) == "USES"


def test_depths_of_one_backbone_configuration_are_one_method():
    found = _used_and_compared(
        "ISTR: End-to-End Instance Segmentation with Transformers",
        "Specifically, ISTR obtains a 46.8/38.6 box/mask AP using ResNet50-FPN, and a 48.1/39.9 "
        "box/mask AP using ResNet101-FPN, on the MS COCO dataset.",
    )
    assert list(found) == [method_key("ResNet50-FPN")]


def test_a_lower_case_definition_set_against_as_the_original_is_a_method():
    ex = extract_paper(
        Paper(
            key="p",
            title="TOLD: A Novel Two-stage Overlap-aware Framework for Speaker Diarization",
            abstract="Recently, end-to-end neural diarization (EEND) is introduced and achieves promising "
            "results in speaker-overlapped scenarios. Experimental results show that, compared with "
            "the original EEND, the proposed EEND-OLA achieves a 14.39% relative improvement in terms "
            "of diarization error rates (DER), and utilizing SOAP provides another 19.33% relative "
            "improvement.",
        )
    )
    # compared against, and (EEND-OLA is a variant of it) built on
    assert (ComparesWith, method_key("EEND")) in {(type(r), r.dst) for r in ex.relationships}

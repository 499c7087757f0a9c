from loaders.extract import benchmark_key
from loaders.extract.sentences import split_sentences


def test_benchmark_key_resolves_gazetteer_aliases():
    assert (
        benchmark_key("ILSVRC-2012")
        == benchmark_key("ImageNet-1K")
        == benchmark_key("ImageNet")
        == "imagenet"
    )
    assert benchmark_key("MS-COCO") == benchmark_key("COCO")
    assert benchmark_key("SemanticKITTI dataset") == benchmark_key("Semantic KITTI")
    assert benchmark_key("CIFAR-10") != benchmark_key("CIFAR-100")


def test_benchmark_key_of_unknown_names_is_the_folded_name():
    assert benchmark_key("CP-Bench") == "cpbench"
    assert benchmark_key("CP-Bench benchmark") == "cpbench"


def test_split_sentences_keeps_abbreviations_and_decimals():
    text = "We use models, e.g. ResNet-50, on ImageNet. It reaches 80.1% top-1 (Han et al. 2015). Done!"
    assert split_sentences(text) == [
        "We use models, e.g. ResNet-50, on ImageNet.",
        "It reaches 80.1% top-1 (Han et al. 2015).",
        "Done!",
    ]
    assert split_sentences(None) == []
    assert split_sentences("reaching 70\\% accuracy.") == ["reaching 70% accuracy."]

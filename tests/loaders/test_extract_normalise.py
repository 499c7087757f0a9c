from loaders.extract import benchmark_key, method_key
from loaders.extract.normalise import fold, singular_last_word
from loaders.extract.sentences import split_sentences


def test_method_key_folds_case_hyphens_spacing_and_plurals():
    assert (
        method_key("Multi-Query Attention")
        == method_key("multi query attention")
        == method_key("MultiQuery Attentions")
    )
    assert method_key("Vision Transformers") == method_key("vision transformer")
    assert method_key("LLMs") == method_key("LLM")
    assert method_key("EfficientNets") == method_key("EfficientNet")


def test_method_key_collapses_version_spellings_but_keeps_versions_apart():
    assert method_key("LLaMA-2") == method_key("Llama 2") == method_key("Llama2")
    assert method_key("YOLO v8") == method_key("YOLOv8")
    assert method_key("MobileNetV2") != method_key("MobileNetV3")
    assert method_key("GPT-3.5") != method_key("GPT-3")


def test_plural_rule_leaves_singular_words_alone():
    for word in ("Analysis", "Corpus", "Atlas", "Mamba", "GPS"):
        assert singular_last_word(word) == word


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


def test_fold():
    assert fold("Café-Net 2.0") == "cafenet2"


def test_split_sentences_keeps_abbreviations_and_decimals():
    text = "We use models, e.g. ResNet-50, on ImageNet. It reaches 80.1% top-1 (Han et al. 2015). Done!"
    assert split_sentences(text) == [
        "We use models, e.g. ResNet-50, on ImageNet.",
        "It reaches 80.1% top-1 (Han et al. 2015).",
        "Done!",
    ]
    assert split_sentences(None) == []
    assert split_sentences("reaching 70\\% accuracy.") == ["reaching 70% accuracy."]

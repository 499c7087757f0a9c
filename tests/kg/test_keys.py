"""The node keys of kg.keys: every spelling the extractor merges shares one key."""

from kg.keys import benchmark_key, fold, method_key, singular_last_word


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


def test_fold():
    assert fold("Café-Net 2.0") == "cafenet2"


def test_benchmark_key_without_aliases_is_the_folded_name_without_its_head_noun():
    assert benchmark_key("CIFAR-10") == benchmark_key("cifar 10 dataset") == "cifar10"
    assert benchmark_key("ILSVRC-2012", {"ilsvrc2012": "imagenet"}) == "imagenet"

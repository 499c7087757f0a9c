"""Proposed, used and compared methods and benchmarks, eighteenth round (sentences of the tuning
abstracts): the system a shared-task paper describes by its name, a short form keeping the long
form's first word, a title's name written only inside a bracketed short form; a named technique
after "both", a quoted likeness, a defined property, a name the work is likened to, others'
comparisons, the baseline the paper sets up, a shape set against a name, the second item of a
compared "both ... and", what a model is searched or derived from; editions of one benchmark
(language pairs, years, parts, languages), capital-tagged variants, plain words listed with a
known benchmark, "on X dataset", quoted challenges and named shared tasks."""

from __future__ import annotations

from loaders.extract.mentions import find_method_mentions
from loaders.extract.proposed import from_sentence
from tests.loaders.test_extract_mentions_cues import edges, mentions


def proposed(sentence: str) -> list[str]:
    return [c.name for c in from_sentence(sentence)]


def test_the_system_a_paper_describes_by_its_name_is_proposed():
    s = (
        "This paper describes the tokofou system, an ensemble model for misinformation detection "
        "tasks based on six different transformer-based pre-trained encoders, implemented in the "
        "context of the COVID-19 Infodemic Shared Task for English."
    )
    assert "tokofou" in proposed(s)
    assert "NLP-CIC" in proposed("We describe the NLP-CIC team's system for SemEval-2020 Task 4.")


def test_a_described_system_without_a_name_proposes_nothing():
    assert proposed("We describe the hybrid system, a cascade of two recognisers.") == []
    assert proposed("We describe the dialogue system in detail.") == []
    assert proposed("In this paper, we describe our Fake News Detection system.") == []
    assert proposed("This paper describes the IBM system.") == []


def test_the_described_system_is_an_edge_of_the_paper():
    abstract = (
        "This paper describes the tokofou system, an ensemble model for misinformation detection "
        "tasks. tokofou obtains an overall F1 score of 89.7%, ranking first."
    )
    assert ("PROPOSES", "tokofou") in edges("Fighting the Infodemic", abstract)


def test_a_named_technique_after_both_is_read_after_its_cue():
    s = (
        "We further explore the Xception model and apply the depthwise separable convolution to "
        "both Atrous Spatial Pyramid Pooling and decoder modules, resulting in a faster and "
        "stronger encoder-decoder network."
    )
    assert ("Atrous Spatial Pyramid Pooling", False) in mentions(s)
    assert ("Random Search", True) in mentions(
        "AlphaX is faster than both Random Search and Regularized Evolution."
    )


def test_a_technique_phrase_after_a_plain_to_is_not_read():
    assert mentions("We turn to Random Search for it.") == []


def test_a_quoted_likeness_names_no_method_used():
    s = (
        'We utilize VisualBERT -which meant to be the "BERT of vision and language" -that was '
        "trained multimodally on images and captions and apply Ensemble Learning."
    )
    names = [n for n, _ in mentions(s)]
    assert "VisualBERT" in names and "BERT" not in names


def test_a_quoted_name_that_draws_no_likeness_is_still_read():
    assert ("BERT", False) in mentions('We fine-tune the "BERT" model on the task.')


def test_a_defined_property_is_no_method_compared_against():
    s = (
        "Experimentally, our architecture reaches 69.2% on ImageNette, a state-of-the-art result "
        "compared to prior architectural modifications for Differential Privacy (DP)."
    )
    assert mentions(s) == []
    assert ("Stochastic Weight Averaging", True) in mentions(
        "It is compared to Stochastic Weight Averaging (SWA)."
    )


def test_a_name_the_work_is_likened_to_is_no_use():
    s = (
        "Similar to the improvements on CNNs by AdvProp [61] (not directly applicable to ViT), "
        "our pyramid adversarial training breaks the trade-off between in-distribution accuracy "
        "and out-of-distribution robustness for ViT and related architectures."
    )
    assert "AdvProp" not in [n for n, _ in mentions(s)]
    assert ("ResNet", False) in mentions("Similar to prior work, we use a ResNet backbone.")


def test_others_outperformed_by_a_name_is_no_comparison_of_the_paper():
    s = (
        "Although VGG models have been outperformed by Inception models in image classification "
        "tasks, the existing crowd counting networks built with Inception modules still only have "
        "a small number of layers with basic types of Inception modules."
    )
    assert ("Inception", True) not in mentions(s)
    assert ("ResNet", True) in mentions("Our baseline is outperformed by ResNet on it.")


def test_the_baseline_the_paper_sets_up_is_a_use():
    s = (
        "To fill in this gap, in this paper, we firstly benchmark the baseline Inception-v3 model "
        "on commonly used crowd counting datasets and achieve surprisingly good performance."
    )
    assert mentions(s) == [("Inception-v3", False)]
    assert mentions("We outperform the baseline ResNet by 2%.") == [("ResNet", True)]


def test_a_shape_set_against_a_name_is_no_comparison():
    s = "Iter-Net consists of multiple iterations of a mini-UNet, which can be 4x deeper than the common UNet."
    assert ("UNet", True) not in mentions(s)
    assert ("UNet", True) in mentions("It is 4x faster than the common UNet.")


def benchmarks_of(title: str, abstract: str) -> set[str]:
    from kg.model import Paper
    from loaders.extract.extractor import extract_paper

    ex = extract_paper(Paper(key="t:x", title=title, abstract=abstract))
    names = {b.key: b.name for b in ex.benchmarks}
    return {names[r.dst] for r in ex.relationships if r.type == "EVALUATED_ON"}


def test_two_language_pairs_of_one_benchmark_are_two_benchmarks():
    abstract = (
        "These deep models outperform their baseline 6-layer counterparts by as much as 2.5 "
        "BLEU, and achieve new state-of-the-art benchmark results on WMT14 English-French (43.8 "
        "BLEU and 46.4 BLEU with back-translation) and WMT14 English-German (30.1 BLEU)."
    )
    assert benchmarks_of("Very Deep Transformers", abstract) == {
        "WMT14 English-French",
        "WMT14 English-German",
    }


def test_two_parts_and_two_years_of_one_benchmark_are_two_benchmarks():
    abstract = (
        "The proposed model can achieve state-of-the-art performance with MAE of 57.6, 6.3 and "
        "87.6 on ShanghaiTechA, ShanghaiTechB and UCF_QNRF, respectively."
    )
    assert {"ShanghaiTechA", "ShanghaiTechB"} <= benchmarks_of("Crowd Counting", abstract)
    abstract = (
        "Specifically, Mask2Former sets a new state-of-the-art of 60.4 AP on YouTubeVIS-2019 and "
        "52.6 AP on YouTubeVIS-2021."
    )
    from kg.model import Paper
    from loaders.extract.extractor import extract_paper

    ex = extract_paper(Paper(key="t:x", title="Mask2Former for Video", abstract=abstract))
    names = {b.key: b.name for b in ex.benchmarks}
    results = {(names[r.dst], r.value) for r in ex.relationships if r.type == "EVALUATED_ON"}
    assert {("YouTubeVIS-2019", 60.4), ("YouTubeVIS-2021", 52.6)} <= results


def test_a_year_after_a_name_and_a_year_listed_after_it_are_editions():
    abstract = (
        "Our approach surpasses all previous state-of-the-art results on the DAVIS 2017 video "
        "object segmentation benchmark, and achieves first place in the DAVIS 2018 Video Object "
        "Segmentation Challenge."
    )
    assert {"DAVIS 2017", "DAVIS 2018"} <= benchmarks_of("PReMVOS", abstract)
    abstract = (
        "Weakly supervised object detection experiments are carried out on the challenging "
        "PASCAL VOC 2007 and 2012 benchmarks. We obtain 47% mAP on VOC 2007."
    )
    assert benchmarks_of("OICR", abstract) == {"PASCAL VOC 2007", "PASCAL VOC 2012"}


def test_one_edition_or_yearly_rounds_stay_one_benchmark():
    assert benchmarks_of("X", "We reach 80.1% on DAVIS 2017 and 79% on DAVIS.") == {"DAVIS"}
    abstract = "It achieves a 65.9% average accuracy on AIME'24, AIME'25 and MATH500."
    assert "AIME" in benchmarks_of("Y", abstract)


def test_a_language_pair_listed_after_a_benchmarks_pair_is_another_edition():
    abstract = (
        "Our method achieves state-of-the-art BLEU scores of 30.7 and 43.7 in the WMT'14 "
        "English-German and English-French translation tasks, respectively."
    )
    assert benchmarks_of("Data Diversification", abstract) == {
        "WMT'14 English-German",
        "WMT'14 English-French",
    }


def test_a_year_the_gazetteer_does_not_list_with_a_name_is_its_edition():
    abstract = (
        "We test our model on the SemEval 2010 relation classification task, and achieve an "
        "F 1 -score of 83.7%, higher than competing methods in the literature."
    )
    assert benchmarks_of("Classifying Relations", abstract) == {"SemEval 2010"}
    # a year the gazetteer lists with the name is the family's
    assert benchmarks_of("X", "It reaches 45.1 AP on COCO 2017.") == {"COCO"}


def test_a_listed_benchmark_with_a_capital_tag_is_a_benchmark_of_its_own():
    from loaders.extract.benchmarks import find_mentions
    from loaders.extract.gazetteer import load_gazetteer

    s = (
        "Noisy Student Training improves ImageNet-A top-1 accuracy from 61.0% to 83.7%, reduces "
        "ImageNet-C mean corruption error from 45.7 to 28.3, and reduces ImageNet-P mean flip "
        "rate from 27.8 to 12.2."
    )
    names = [m.name for m in find_mentions(s, load_gazetteer())]
    assert names == ["ImageNet-A", "ImageNet-C", "ImageNet-P"]
    s = "We obtain 47.6% on YouTube-VIS validation set and 70.4% for on DAVIS-UVOS validation set."
    assert "DAVIS-UVOS" in [m.name for m in find_mentions(s, load_gazetteer())]
    # a tag after a name the gazetteer does not list is no benchmark
    assert find_mentions("We train FooNet-XL on it.", load_gazetteer()) == []


def test_a_benchmark_in_another_language_is_an_edition_of_its_own():
    abstract = (
        "Experiments show that our model achieves state-of-the-art performance for both parsing "
        "tasks on Penn Treebank (PTB) and Chinese Penn Treebank, verifying the effectiveness of "
        "joint learning constituent and dependency structures."
    )
    assert benchmarks_of("HPSG Parsing", abstract) == {"Penn Treebank", "Chinese Penn Treebank"}
    # one language's edition alone stays the family's
    assert benchmarks_of("X", "We reach 96.1 F1 on the English Penn Treebank.") == {"Penn Treebank"}
    # the target of a translation direction is no language edition
    abstract = "It improves 2.1 BLEU on English-to-German WMT 2014 and 1.2 BLEU on WMT 2014."
    assert benchmarks_of("Y", abstract) == {"WMT14"}


def test_a_plain_word_listed_with_a_known_benchmark_before_a_data_noun_is_one_too():
    from loaders.extract.benchmarks import find_mentions
    from loaders.extract.gazetteer import load_gazetteer

    s = (
        "It achieves 59.0% mIoU on the validation set of Cityscapes by training on the labeled "
        "Synscapes and GTA5 datasets and unlabeled training set of Cityscapes."
    )
    assert "Synscapes" in [m.name for m in find_mentions(s, load_gazetteer())]
    # not without a listed benchmark beside it, nor a language
    assert find_mentions("We train on the Synscapes and Foobar datasets.", load_gazetteer()) == []
    s = "We train on the English and GTA5 datasets."
    assert [m.name for m in find_mentions(s, load_gazetteer())] == ["GTA5"]


def test_one_capitalised_word_after_on_before_a_singular_data_noun_is_a_benchmark():
    from loaders.extract.benchmarks import find_mentions
    from loaders.extract.gazetteer import load_gazetteer

    s = (
        "The proposed model is end-to-end learnable and achieves 88.2% MODA on Wildtrack dataset, "
        "outperforming the state-of-the-art by 14.1%."
    )
    assert [m.name for m in find_mentions(s, load_gazetteer())] == ["Wildtrack"]
    assert find_mentions("We report it on English dataset only.", load_gazetteer()) == []


def test_a_short_form_keeping_the_first_word_defines_a_proposal():
    s = (
        "We propose Complexity Out of Distribution (Complexity OoD) generalization as a framework "
        "and problem setting to define and measure reasoning."
    )
    assert proposed(s) == ["Complexity Out of Distribution"]
    from loaders.extract.names import acronym_definitions

    # initials that do not spell the other words define nothing
    assert acronym_definitions("We study Complexity of Reasoning (Complexity OoD) here.") == []


def test_the_second_item_of_a_compared_both_and_shares_the_comparison():
    s = (
        "YOLOv7-E6 object detector (56 FPS V100, 55.9% AP) outperforms both transformer-based "
        "detector SWIN-L Cascade-Mask R-CNN (9.2 FPS A100, 53.9% AP) by 509% in speed and 2% in "
        "accuracy, and convolutional-based detector ConvNeXt-XL Cascade-Mask R-CNN (8.6 FPS A100, "
        "55.2% AP) by 551% in speed and 0.7% AP in accuracy."
    )
    assert ("ConvNeXt-XL Cascade-Mask R-CNN", True) in mentions(s)
    # a new clause after the pair is not compared
    s = "It outperforms both A and B by 5%, and we then fine-tune ResNet-50 on it."
    assert ("ResNet-50", False) in mentions(s)


def test_a_title_name_written_only_as_the_end_of_a_bracketed_short_form_is_that_proposal():
    abstract = (
        "In this paper, we present the Intra-and Inter-Human Relation Networks (I 2 R-Net) for "
        "Multi-Person Pose Estimation. It involves two basic modules."
    )
    title = "R-Net: Intra- and Inter-Human Relation Network for Multi-Person Pose Estimation"
    proposals = {n for t, n in edges(title, abstract) if t == "PROPOSES"}
    assert proposals == {"Intra-and Inter-Human Relation Networks"}
    # the title's name written on its own stays a proposal
    abstract = "We present R-Net, a relation network. R-Net reaches 77.4% AP on CrowdPose."
    assert ("PROPOSES", "R-Net") in edges(title, abstract)


def test_what_the_paper_s_model_is_searched_or_derived_from_is_built_on():
    s = (
        "By further leveraging dilated convolution operations, we propose SpineNet-Seg, a network "
        "discovered by NAS that is searched from the DeepLabv3 system."
    )
    [m] = [m for m in find_method_mentions(s, set()) if m.name == "DeepLabv3"]
    assert m.builds_on and not m.compares
    [m] = find_method_mentions("We use smaller models derived from the EfficientNet-B0.", set())
    assert m.builds_on


def test_a_quoted_challenge_is_a_benchmark():
    from loaders.extract.benchmarks import find_mentions
    from loaders.extract.gazetteer import load_gazetteer

    s = (
        'The "Medico automatic polyp segmentation challenge" provides an opportunity to study '
        "polyp segmentation and build a fast segmentation model."
    )
    names = [m.name for m in find_mentions(s, load_gazetteer())]
    assert names == ["Medico automatic polyp segmentation challenge"]
    s = (
        'The challenge called "Knowledge Base Construction from Pretrained Language Models" at '
        "International Semantic Web Conference 2023 defines tasks focused on constructing "
        "knowledge base using language model."
    )
    names = [m.name for m in find_mentions(s, load_gazetteer())]
    assert names == ["Knowledge Base Construction from Pretrained Language Models"]
    assert find_mentions('It leads to "emergent abilities" on it.', load_gazetteer()) == []


def test_a_shared_task_named_by_capitalised_words_is_a_benchmark():
    from loaders.extract.benchmarks import find_mentions
    from loaders.extract.gazetteer import load_gazetteer

    s = (
        "This paper describes the tokofou system, an ensemble model for misinformation detection "
        "tasks based on six different transformer-based pre-trained encoders, implemented in the "
        "context of the COVID-19 Infodemic Shared Task for English."
    )
    names = [m.name for m in find_mentions(s, load_gazetteer())]
    assert names == ["COVID-19 Infodemic Shared Task"]
    # a numbered task of a venue's year keeps its own reading
    names = [
        m.name for m in find_mentions("We join the WNUT-2020 Shared Task 2.", load_gazetteer())
    ]
    assert names == ["WNUT-2020 Task 2"]

"""Used and compared methods, sixteenth round (sentences from the tuning abstracts): short forms
a definition gives that come back later, and lower-case techniques ending in "map" or "field"."""

from __future__ import annotations

from loaders.extract.mentions import find_method_mentions, lower_case_model, written_again
from tests.loaders.test_extract_mentions_cues import edges, mentions

# pwc-methods-tune2, arxiv:2304.01184
WEAKTR = (
    "This paper explores the properties of the plain Vision Transformer (ViT) for "
    "Weakly-supervised Semantic Segmentation (WSSS). The class activation map (CAM) is of "
    "critical importance for understanding a classification network and launching WSSS. We "
    "observe that different attention heads of ViT focus on different image areas. Thus a novel "
    "weight-based method is proposed to end-to-end estimate the importance of attention heads, "
    "while the self-attention maps are adaptively fused for high-quality CAM results that tend to "
    "have more complete objects. Besides, we propose a ViT-based gradient clipping decoder for "
    "online retraining with the CAM results to complete the WSSS task."
)


def test_a_short_form_written_again_after_a_cue_vouches_for_its_definition():
    # the later sentences of WEAKTR
    later = [
        "Thus a novel weight-based method is proposed, while the self-attention maps are "
        "adaptively fused for high-quality CAM results that tend to have more complete objects.",
        "Besides, we propose a ViT-based gradient clipping decoder for online retraining with the "
        "CAM results to complete the WSSS task.",
    ]
    assert written_again("CAM", later) is False  # used: "with the CAM results"
    # pwc-methods-tune2, arxiv:2011.13074: written again, but with no cue before it
    assert written_again("cGAN", ["This paper presents Omni-GAN, a variant of cGAN."]) is None
    # a part of another name is not the short form written again
    assert written_again("NMS", ["We propose a novel NMS-Loss using NMS-Ped."]) is None


def test_map_and_field_name_techniques_only_after_their_words():
    assert lower_case_model("class activation map", "CAM")
    assert lower_case_model("self-organizing map", "SOM")
    assert lower_case_model("conditional random field", "CRF")
    assert lower_case_model("neural radiance field", "NeRF")
    # a plain map or field is a concept
    assert not lower_case_model("receptive field", "RF")
    assert not lower_case_model("saliency map", "SM")


def test_a_technique_defined_without_a_cue_is_used_when_its_short_form_comes_back():
    found = edges(
        "WeakTr: Exploring Plain Vision Transformer for Weakly-supervised Semantic Segmentation",
        WEAKTR,
    )
    assert ("USES", "class activation map") in found


def test_named_attention_mechanisms_after_combine_and_with_are_used():
    # pwc-methods-tune3, arxiv:1911.07559
    s = (
        "1) A novel Feature Attention (FA) module combines Channel Attention with Pixel Attention "
        "mechanism, considering that different channel-wise features contain totally different "
        "weighted information and haze distribution is uneven on the different image pixels."
    )
    found = mentions(s)
    assert ("Channel Attention", False) in found
    assert ("Pixel Attention", False) in found
    # a lower-case attention is no name
    assert [n for n, _ in mentions("It combines channel attention with pixel attention.")] == []


def test_a_name_cited_after_a_cue_is_vouched_for():
    # pwc-methods-tune2, arxiv:2104.08215
    s = (
        "For example, after removing BNs from the state-of-the-art ReActNets [38], it can still "
        "be trained with our proposed methodology to achieve 92.08%, 68.34%, and 68.0% accuracy "
        "on CIFAR-10, CIFAR-100, and ImageNet respectively."
    )
    assert ("USES", "ReActNets") in edges("Training Binary Neural Networks without BN", s)
    # with no citation, an unlisted name after a plain use cue is not vouched for
    plain = "We remove BNs from the state-of-the-art ReActNets."
    assert ("USES", "ReActNets") not in edges("Training Binary Neural Networks without BN", plain)
    # a cited name with no cue before it is related work, not vouched for
    related = "For example, UPSNet [98] proposes a parameter-free panoptic head."
    assert ("USES", "UPSNet") not in edges("Panoptic segmentation", related)


def test_the_next_item_of_a_vouched_list_is_vouched_for():
    # pwc-methods-fresh, arxiv:1904.04346
    s = (
        "We show that our MTL approach outperforms STL approach using two different kinds of "
        "architectures: C3D-AVG and MSCADC."
    )
    found = edges("A Multitask Learning Approach to Action Quality Assessment", s)
    assert ("USES", "C3D-AVG") in found
    assert ("USES", "MSCADC") in found
    # an unlisted name alone after a plain use cue is still not vouched for
    alone = "We show that our approach works using the architecture MSCADC."
    assert ("USES", "MSCADC") not in edges("Action Quality Assessment", alone)


def test_a_size_after_with_is_no_use_cue():
    # the example listing of benchmarks.extract (EfficientLLM): the baselines are compared
    s = (
        "EfficientLLM significantly outperforms SoTA baselines with 100M sim 1B parameters, such "
        "as MobileLLM, SmolLM, Qwen2.5-0.5B, OLMo-1B, Llama3.2-1B in common sense benchmarks."
    )
    found = dict(mentions(s))
    assert found["Qwen2.5-0.5B"] is True
    assert found["OLMo-1B"] is True
    assert ("PaLM", True) in mentions("It beats baselines with about 540 billion parameters, PaLM.")
    # "with" before a name is still a use
    assert ("ResNet-50", False) in mentions("We train it with ResNet-50 on the data.")


def test_a_cited_capitalised_phrase_after_a_cue_is_a_method():
    # pwc-methods-tune, arxiv:1906.03088
    s = (
        "To address these limitations, we introduce TRE, a Transformer for Relation Extraction, "
        "extending the OpenAI Generative Pre-trained Transformer [Radford et al., 2018]."
    )
    assert ("OpenAI Generative Pre-trained Transformer", False) in mentions(s)
    # with no citation after it, the phrase is not read as a name
    plain = "We introduce TRE, extending the OpenAI Generative Pre-trained Transformer."
    assert "OpenAI Generative Pre-trained Transformer" not in dict(mentions(plain))


def test_a_backbone_the_model_is_made_with_stays_used_beside_a_comparison():
    # pwc-methods-tune2, arxiv:1911.07990
    s = (
        "Subsequently, we push the boundary of this disruptive work further by proposing a "
        "Segmentation Guided Attention Network (SGANet) with Inception-v3 as the backbone and a "
        "novel curriculum loss for crowd counting."
    )
    (found,) = [
        m for m in find_method_mentions(s, {"segmentationguidedattentionnetwork", "sganet"})
    ]
    assert (found.name, found.compares, found.builds_on) == ("Inception-v3", False, True)
    # a plain use, with no "as the backbone", is no build-on
    plain = "We train it with ResNet-50 on ImageNet."
    assert not find_method_mentions(plain, set())[0].builds_on


def test_the_papers_own_baseline_is_made_from_the_name_it_holds():
    # pwc-methods-tune, arxiv:2110.09665
    s = (
        "We compared their performance to our baseline model (ALBERT-base-v2 + ALBERT-SQuADout) "
        "with details."
    )
    assert ("ALBERT-base-v2", False) in mentions(s)
    # another's baseline is still compared against
    assert ("ALBERT-base-v2", True) in mentions("It beats the baseline ALBERT-base-v2 model.")


def test_a_quoted_matched_is_a_term_not_a_comparison():
    # pwc-methods-tune, arxiv:2111.15121
    s = (
        'We pair it with a "matched" Dropout and stochastic depth regularization, which adopts '
        "the same Dropout and stochastic depth configuration for the clean and adversarial samples."
    )
    assert ("Dropout", False) in mentions(s)
    # an unquoted "matches" still compares
    assert ("BigGAN", True) in mentions("Our model matches BigGAN with fewer steps.")


def test_what_a_compared_model_uses_is_compared_against():
    # pwc-methods-tune2, arxiv:2310.08291
    s = (
        "Notably, our framework adopts a lightweight language model (BERT-base, 0.13 billion "
        "parameters) and surpasses the model using prompts directly on large language model "
        "(Chatgpt-3, 175 billion parameters)."
    )
    found = dict(mentions(s))
    assert found["Chatgpt-3"] is True
    assert found["BERT"] is False  # ("BERT-base": its descriptive tail dropped)
    # the paper's own use is still a use
    assert ("ResNet-50", False) in mentions("It beats others, using ResNet-50 as its backbone.")


def test_the_name_the_papers_model_is_an_instance_of_is_built_on():
    # pwc-methods-tune2, arxiv:2103.01988
    s = (
        "Our final SElf-supERvised (SEER) model, a RegNetY with 1.3B parameters trained on 1B "
        "random images with 512 GPUs achieves 84.2% top-1 accuracy, surpassing the best "
        "self-supervised pretrained model by 1% and confirming that self-supervised learning "
        "works in a real world setting."
    )
    found = {m.name: m for m in find_method_mentions(s, {"selfsupervised", "seer"})}
    assert (found["RegNetY"].compares, found["RegNetY"].builds_on) == (False, True)
    # another's model, described the same way, is not the paper's own
    other = "Their model, a RegNetY with 1.3B parameters, is slow."
    assert not find_method_mentions(other, set())[0].builds_on

"""Used and compared methods, fourteenth round (sentences written for these tests): a name the
abstract's opening background alone writes is the field's state, not a method the paper uses."""

from __future__ import annotations

from loaders.extract.extractor import _spells_own
from tests.loaders.test_extract_mentions_cues import edges, mentions


def test_a_name_only_in_the_opening_background_is_not_used():
    abstract = (
        "Pretrained language models such as RoBERTa and XLNet have shown strong results on "
        "many tasks. In this paper, we propose GlossNet, a parser for legal text. GlossNet "
        "reaches 91.2 F1 on our data."
    )
    found = edges("GlossNet: parsing legal text", abstract)
    assert ("USES", "RoBERTa") not in found
    assert ("USES", "XLNet") not in found
    assert ("PROPOSES", "GlossNet") in found


def test_someone_elses_build_in_the_background_is_not_used_either():
    abstract = (
        "Most crowd counters are based on the pre-trained ResNeXt model. We propose "
        "FlockNet, a lighter counter."
    )
    assert ("USES", "ResNeXt") not in edges("FlockNet", abstract)


def test_a_background_name_written_again_later_is_kept():
    abstract = (
        "Vision models such as ConvNeXt have shown strong results. We build our detector on "
        "ConvNeXt and train it on street scenes."
    )
    assert ("USES", "ConvNeXt") in edges("Detecting cars", abstract)
    # the title names it: kept
    abstract = "Models such as ConvNeXt have shown strong results. We propose a new detector."
    assert ("USES", "ConvNeXt") in edges("A ConvNeXt detector for cars", abstract)


def test_a_background_name_the_first_own_sentence_takes_up_is_kept():
    abstract = (
        "Recent studies have shown that the Transformer encoder models long inputs well. "
        "Thus, we propose the usage of these models for gait recognition."
    )
    assert ("USES", "Transformer") in edges("Gait recognition", abstract)


def test_without_an_own_sentence_nothing_is_background():
    abstract = "Models such as ConvNeXt have shown strong results on street scenes."
    assert ("USES", "ConvNeXt") in edges("Street scenes", abstract)


def test_a_comparison_in_the_background_stays_a_comparison():
    abstract = (
        "Recently, one-stage detectors like RetinaNet and FCOS have closed the gap with "
        "two-stage ones. We propose GridDet, a one-stage detector."
    )
    found = edges("GridDet", abstract)
    assert {("COMPARES_WITH", "RetinaNet"), ("COMPARES_WITH", "FCOS")} <= found


def test_a_name_opening_a_background_sentence_as_its_subject_is_kept():
    abstract = "ConvNeXt extracts features at four scales. We segment roads with it."
    assert ("USES", "ConvNeXt") in edges("Road segmentation", abstract)


def test_the_written_out_name_of_the_own_short_form_is_not_used():
    abstract = (
        "We propose a single-stage segmenter built on a Frozen Pyramid SAM backbone. The "
        "resulting system, called FP-SAM, segments any object. FP-SAM reaches 50.1 PQ on COCO."
    )
    found = edges("FP-SAM: one-stage segmentation", abstract)
    assert ("PROPOSES", "FP-SAM") in found
    assert not any(name == "Frozen Pyramid SAM" for _, name in found)


def test_a_name_whose_initials_do_not_spell_the_own_short_form_is_kept():
    abstract = (
        "We build on Segment Anything and propose FP-SAM, a fast segmenter. It uses the "
        "Frozen SAM encoder. FP-SAM reaches 50.1 PQ on COCO."
    )
    found = edges("FP-SAM", abstract)
    assert ("PROPOSES", "FP-SAM") in found
    assert ("USES", "Frozen SAM") in found


def test_spelling_the_own_short_form():
    assert _spells_own("Frozen Pyramid SAM", ["FP-SAM"])
    assert _spells_own("Dense Fusion Net", ["DFN"])
    assert not _spells_own("Frozen SAM", ["FP-SAM"])
    assert not _spells_own("Fusion Dense Net", ["DFN"])
    assert not _spells_own("dense fusion net", ["DFN"])


def test_the_bare_transformer_beside_a_named_kind_of_it_is_that_kind():
    abstract = (
        "We adapt the Swin Transformer to point clouds. Our plain Transformer-based "
        "framework, PointSwin, reaches 70.2 mIoU on S3DIS."
    )
    found = edges("PointSwin", abstract)
    assert ("USES", "Swin Transformer") in found
    assert ("USES", "Transformer") not in found


def test_the_bare_transformer_alone_or_beside_an_own_kind_is_kept():
    abstract = "We train a standard Transformer on long documents. It reads 8k tokens."
    assert ("USES", "Transformer") in edges("Long documents", abstract)
    abstract = (
        "We propose the Graph Stream Transformer, built on the Transformer. The Graph Stream "
        "Transformer reads 8k nodes."
    )
    found = edges("Graph Stream Transformer", abstract)
    assert ("USES", "Transformer") in found


def test_the_short_form_of_the_model_the_paper_describes_is_its_own_everywhere():
    abstract = (
        "In this work, we propose a graph attention network (GAT) model for dialogue. We "
        "design a GAT cell called MemCell, which updates its state. MemCell reaches 81.2 F1."
    )
    found = edges("Dialogue modelling", abstract)
    assert ("PROPOSES", "MemCell") in found
    assert not any(name == "GAT" for _, name in found)


def test_a_described_model_the_paper_builds_on_is_still_used():
    abstract = (
        "We propose a graph attention network (GAT)-based tagger. The tagger stacks a GAT "
        "cell on the word graph. It reaches 81.2 F1."
    )
    assert ("USES", "GAT") in edges("Tagging", abstract)


def test_a_name_heading_approaches_or_methods_is_a_family_not_a_method():
    s = "Our model is more accurate than other end-to-end or LSTM approaches on this task."
    assert not any(name == "LSTM" for name, _ in mentions(s))
    s = "It outperforms earlier ResNet methods by a wide margin."
    assert not any(name == "ResNet" for name, _ in mentions(s))


def test_a_name_before_other_nouns_is_still_a_method():
    assert ("LSTM", True) in mentions("Our model is more accurate than LSTM models.")
    assert ("ResNet", True) in mentions("It outperforms ResNet and other methods.")

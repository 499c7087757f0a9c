"""Issue 15, seventh round: a gerund opening the clause is no part of a name, "on the basis of"
is a build cue, a dotted version after a name belongs to it, and the broader known-methods
vocabulary keeps well-known names mentioned without a cue (sentences written for these tests,
and real sentences of pwc-methods-fresh and -tune3)."""

from __future__ import annotations

from loaders.extract.known_methods import is_known_method
from tests.loaders.test_extract_mentions_cues import edges, mentions


def test_a_gerund_opening_the_sentence_is_not_part_of_the_name():
    assert mentions("Following SimCLR, we maximise agreement between two views.") == [
        ("SimCLR", False)
    ]
    assert ("CLIP", False) in mentions("Leveraging CLIP features, our model segments any object.")
    assert ("YOLOv5", False) in mentions("Applying YOLOv5 to drone images is slow.")
    # a capitalised word that is not a verb still opens a name
    assert ("Cascade Mask R-CNN", True) in mentions("It outperforms Cascade Mask R-CNN.")


def test_on_the_basis_of_a_previous_model_is_built_on_it():
    # pwc-methods-fresh (PP-YOLOE): used, and compared later in the abstract
    abstract = (
        "In this report, we present PP-YOLOE, an industrial state-of-the-art object detector. "
        "We optimize on the basis of the previous PP-YOLOv2, using anchor-free paradigm. "
        "PP-YOLOE-l achieves 51.4 mAP on COCO testdev, a remarkable improvement compared to "
        "the previous state-of-the-art industrial models PP-YOLOv2 and YOLOX respectively."
    )
    found = edges("PP-YOLOE: An evolved version of YOLO", abstract)
    assert {("USES", "PP-YOLOv2"), ("COMPARES_WITH", "PP-YOLOv2")} <= found
    assert ("COMPARES_WITH", "YOLOX") in found


def test_a_dotted_version_after_a_name_is_part_of_it_but_a_figure_is_not():
    assert mentions("Compared with the wav2vec 2.0 baseline, it reduces errors by 10%.") == [
        ("wav2vec 2.0", True)
    ]
    assert ("Stable Diffusion 2.1", False) in mentions("We fine-tune Stable Diffusion 2.1 here.")
    assert mentions("It trails GPT-3 5.2 F1 points on SQuAD.")[0][0] == "GPT-3"
    assert mentions("It beats BERT 2.5% on average.") == [("BERT", True)]


def test_well_known_names_are_in_the_vocabulary_and_kept_without_a_cue():
    for name in ("ByteTrack", "Optuna", "FiD", "HiFi-GAN", "LayoutLMv3", "PP-YOLOv2", "CatBoost"):
        assert is_known_method(name), name
    found = edges(
        "Tracking crowds", "ByteTrack associates every detection box. We track crowds better."
    )
    assert ("USES", "ByteTrack") in found


def test_a_capital_letter_joined_to_a_word_is_a_name_the_paper_can_propose():
    found = edges("Learning robust features", "Our method, named X-Align, aligns modalities.")
    assert found == {("PROPOSES", "X-Align")}
    assert edges("Tracking", "We propose T-Rex, a tracker for crowds.") == {("PROPOSES", "T-Rex")}
    # common words of that shape are not names
    assert mentions("Our detector reads X-Ray scans.") == []


def test_multiply_adds_are_a_unit_not_a_method():
    # a sentence of pwc-methods-fresh (MaX-DeepLab)
    s = "A small variant of MaX-DeepLab improves 3.0% PQ over DETR with similar parameters and M-Adds."
    assert [n for n, _ in mentions(s) if n != "MaX-DeepLab"] == ["DETR"]


def test_what_data_is_taken_from_is_data_not_a_method():
    s = "Trained with scans from BraTS2021 and KiTS23, our model beats nnU-Net."
    assert mentions(s) == [("nnU-Net", True)]
    # a model that features are taken from is still used
    assert ("CLIP", False) in mentions("We distil features from CLIP into a small student.")


def test_a_name_shaped_like_a_benchmark_is_not_a_method():
    assert mentions("Using FooBench-2K, we show that every detector degrades.") == []


def test_long_forms_of_well_known_names_are_known():
    # pwc-methods-tune3 (Mean Teacher): the long form of ResNet after a gerund
    s = "Combining Mean Teacher and Residual Networks, we improve the state of the art on CIFAR-10."
    assert ("Residual Networks", False) in mentions(s)
    assert is_known_method("Feature Pyramid Network") and not is_known_method("Feature Pyramid")

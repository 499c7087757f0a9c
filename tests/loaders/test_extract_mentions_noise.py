"""USES versus COMPARES_WITH and the noise kept out of method names (real sentences from
results_tune.json's tuning half)."""

from __future__ import annotations

from loaders.extract.mentions import find_method_mentions, is_noise


def mentions(sentence: str) -> list[tuple[str, bool]]:
    return [(m.name, m.compares) for m in find_method_mentions(sentence, set())]


def test_the_nearest_cue_separates_used_from_compared():
    s = (
        "By combining multiple tricks, PP-YOLO can achieve a better balance between effectiveness "
        "(45.2% mAP) and efficiency (72.9 FPS), surpassing the existing state-of-the-art detectors "
        "such as EfficientDet and YOLOv4."
    )
    assert ("EfficientDet", True) in mentions(s) and ("YOLOv4", True) in mentions(s)
    s = "Considering that YOLOv3 has been widely used in practice, we develop a new object detector based on YOLOv3."
    assert set(mentions(s)) == {("YOLOv3", False)}


def test_compound_names_keep_their_capitalised_head():
    s = "Its instance segmentation performance is also on par with Cascade Mask R-CNN on MS COCO with 60%-90% faster inference speeds."
    assert ("Cascade Mask R-CNN", True) in mentions(s)


def test_hardware_units_venues_and_metrics_are_not_methods():
    s = "The proposed method can obtain fast inference speed ( NVIDIA TITAN Xp: 131.45 FPS at 640×480; NVIDIA TX2: 136.99 PFS at 160×120)."
    assert mentions(s) == []
    s = "The proposed method won first place in the video instance segmentation track of the 4th Large-scale Video Object Segmentation Challenge (CVPR2022)."
    assert mentions(s) == []
    assert [is_noise(w) for w in ("System1", "H2-2", "v2.1.0", "Sec3", "mCE", "MPJPE", "DeiT")] == [
        True,
        True,
        True,
        True,
        True,
        True,
        False,
    ]


def test_a_name_the_sentence_treats_as_data_is_not_a_method():
    s = "Through careful and fair benchmark including cross validation, we demonstrate that CLRerNet outperforms the state-of-the-art by a large margin - enjoying F1 score of 81.43% compared with 80.47% of the existing method on CULane, and 86.47% compared with 86.10% on CurveLanes."
    assert [n for n, _ in mentions(s)] == ["CLRerNet"]


def test_task_named_long_forms_are_concepts():
    s = "We explore the application of very deep Transformer models for Neural Machine Translation (NMT)."
    assert mentions(s) == [("Transformer", False)]  # the architecture; the task is no method


def test_a_definition_ending_in_a_data_or_organisation_noun_is_no_method():
    s = (
        "The chosen feature subset is used to classify facial expressions in the extended "
        "Cohn-Kanade dataset (CK+), and delivered 88.7% recognition accuracy without using any "
        "appearance-based features."
    )
    assert mentions(s) == []

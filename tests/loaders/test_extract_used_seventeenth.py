"""Used and compared methods, seventeenth round (made-up sentences of the tuning abstracts'
shapes): names with a bracketed count ("R(2+1)D"), and a name heading "backbone"."""

from __future__ import annotations

from loaders.extract.mentions import find_method_mentions
from tests.loaders.test_extract_mentions_cues import edges, mentions


def test_a_bracketed_count_inside_a_name_is_part_of_it():
    assert ("R(2+1)D", False) in mentions("We train the clips with an R(2+1)D network.")
    assert ("P(3)Net", True) in mentions("Our tracker outperforms P(3)Net by a wide margin.")


def test_function_notation_and_bare_counts_are_no_names():
    names = [m for m, _ in mentions("The cost is O(1) per step with (2+1)D convolutions.")]
    assert not any("(" in n for n in names)


def test_a_name_heading_backbone_is_built_on():
    [m] = [m for m in find_method_mentions("With a R(2+1)D backbone, it reaches 80%.", set())]
    assert m.builds_on and not m.compares


def test_an_unlisted_backbone_is_kept_as_a_use():
    abstract = (
        "We propose FooNet, a contrastive video model. With the Q(2+1)D backbone, FooNet reaches "
        "80.1% top-1 accuracy."
    )
    assert ("USES", "Q(2+1)D") in edges("FooNet", abstract)


def test_capitalised_words_with_a_version_name_a_release_after_a_cue():
    assert ("Wu Dao 2.0", True) in mentions(
        "Unlike models such as CLIP and Wu Dao 2.0, ours is small."
    )
    assert ("Stable Diffusion 2.1", False) in mentions("We fine-tune Stable Diffusion 2.1 on it.")


def test_a_versioned_phrase_without_a_cue_or_of_a_section_is_no_release():
    assert mentions("Wu Dao 2.0 was released last year.") == []
    assert mentions("We compare them in Section 3.2 and Table 4.1.") == []
    assert mentions("It beats all others with Python 3.8 installed.") == []


def test_bit_width_variants_of_one_family_are_one_proposal():
    abstract = (
        "We study binary networks found by pruning. Our BQTs-1/32 set a new record on CIFAR-10. "
        "Further, our BQT-1/1 reaches 90.1% accuracy on CIFAR-10."
    )
    proposed = {n for t, n in edges("Binary tickets", abstract) if t == "PROPOSES"}
    assert len(proposed) == 1


def test_letter_variants_of_one_family_still_join():
    from loaders.extract.extractor import _variant_base

    assert _variant_base("ScaleNet-S", ["ScaleNet-P", "ScaleNet-S"]) == "ScaleNet"
    assert _variant_base("BQT-1/1", ["BQTs-1/32", "BQT-1/1"]) == "BQT"
    assert _variant_base("Net-1/1", ["Other-4/4"]) is None


def test_a_name_heading_a_training_step_after_a_use_cue_is_built_on():
    [m] = find_method_mentions("The system uses a hybrid decoder with QRNLM rescoring.", set())
    assert m.name == "QRNLM" and m.builds_on
    [m] = find_method_mentions("We rescore lattices using a deep QRU language model.", set())
    assert m.name == "QRU" and m.builds_on


def test_a_name_heading_a_part_noun_without_a_use_cue_is_not_vouched_for():
    [m] = find_method_mentions("QRNLM rescoring gives large gains.", set())
    assert not m.builds_on

"""Proposals of the fourteenth round: capitalised words joined by a hyphen as a coined name
(sentences written for these tests)."""

from __future__ import annotations

from tests.loaders.extract_proposed import proposals, proposed


def test_capitalised_words_joined_by_a_hyphen_after_our_are_a_coined_name():
    s = "On the harder split, our Parser-Lite lowers the error rate from 12.4% to 9.8%."
    assert ("Parser-Lite", "our-name") in proposed(s)
    # a plain capitalised word after "our" is still no name
    assert proposed("On the harder split, our Parser lowers the error rate by 2.6%.") == []


def test_capitalised_words_joined_by_a_hyphen_opening_a_result_claim_are_a_coined_name():
    s = "In addition, Graph-Stitch achieves a new best score on both test sets."
    assert ("Graph-Stitch", "result-subject") in proposed(s)
    assert proposed("In addition, Stitching achieves a new best score on both test sets.") == []


def test_a_lower_case_name_called_to_a_new_thing_is_proposed():
    s = "We propose a novel pruning scheme, called gradual weight fading, which removes filters."
    assert ("gradual weight fading", "named-lower") in proposed(s)
    s = "We also design a new loss for sparse labels, termed margin-free contrast."
    assert ("margin-free contrast", "named-lower") in proposed(s)
    # no new thing before it, an adjective "named", a task or a generic concept: no name
    assert proposed("Earlier work relied on a technique called gradient clipping.") == []
    assert proposed("We present a new dataset for named entity recognition.") == []
    assert proposed("We propose a new method called knowledge distillation.") == []


def test_a_title_name_the_abstract_proposes_in_lower_case_is_proposed():
    title = "Ripple Pooling for Sparse Point Cloud Completion"
    abstract = "We propose a ripple pooling operator that spreads features over empty cells."
    assert "Ripple Pooling" in proposals(title, abstract)
    title = "Braided Networks for Long Video Captioning"
    abstract = "Our braided network reads frames in two interleaved streams."
    assert "Braided Networks" in proposals(title, abstract)
    # a title's name before "with" may be its task; "the" before it is a use, not a proposal
    title = "Ripple Pooling with Learned Offsets"
    abstract = "We propose a ripple pooling operator that spreads features over empty cells."
    assert "Ripple Pooling" not in proposals(title, abstract)
    title = "Ripple Pooling for Sparse Point Cloud Completion"
    abstract = "We introduce the ripple pooling to refine coarse shapes."
    assert "Ripple Pooling" not in proposals(title, abstract)


def test_a_variants_bit_widths_after_a_hyphen_belong_to_the_name():
    s = "With binary activations, our TernNet-1/2 keeps 71.5% top-1 accuracy on the test set."
    assert ("TernNet-1/2", "our-name") in proposed(s)


def test_a_new_thing_described_then_named_is_proposed_whatever_the_verb():
    s = "We also report ablations on a newly collected indoor dataset, RoomScanX, with 900 scans."
    assert ("RoomScanX", "new-described") in proposed(s)
    # not in a first-person sentence, or a plain word after the comma: no proposal
    s = "Results on a newly collected indoor dataset, RoomScanX, are reported."
    assert ("RoomScanX", "new-described") not in proposed(s)
    s = "We also report ablations on a newly collected indoor dataset, Rooms, with 900 scans."
    assert proposed(s) == []

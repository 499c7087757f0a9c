"""Used and compared methods, sixteenth round (sentences from the tuning abstracts): short forms
a definition gives that come back later, and lower-case techniques ending in "map" or "field"."""

from __future__ import annotations

from loaders.extract.mentions import written_again


def test_a_short_form_written_again_after_a_cue_vouches_for_its_definition():
    # pwc-methods-tune2, arxiv:2304.01184
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

import pytest

from loaders.extract.gazetteer import load_gazetteer, parse_tsv


def names(sentence):
    return [h.entry.name for h in load_gazetteer().find(sentence)]


def test_gazetteer_is_large_and_well_formed():
    gaz = load_gazetteer()
    assert len(gaz.entries) >= 300
    assert {e.kind for e in gaz.entries} == {"dataset", "benchmark"}
    keys = [e.key for e in gaz.entries]
    assert len(keys) == len(set(keys)), "two entries share a key"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Results on ImageNet and MS-COCO.", ["ImageNet", "COCO"]),
        ("We train on ILSVRC-2012.", ["ImageNet"]),
        ("We test on CIFAR-10/100.", ["CIFAR-10", "CIFAR-100"]),
        ("CIFAR-100 is harder than CIFAR-10.", ["CIFAR-100", "CIFAR-10"]),
        ("Trained on LAION-5B and LAION-400M.", ["LAION-5B", "LAION-400M"]),
        ("We report GSM8K, MATH and HumanEval.", ["GSM8K", "MATH", "HumanEval"]),
        (
            "Video QA on NExT-QA, ActivityNet-QA and Video-MME.",
            ["NExT-QA", "ActivityNet-QA", "Video-MME"],
        ),
        ("Segmentation on SemanticKITTI.", ["SemanticKITTI"]),
        ("Pretraining on the Pile.", ["The Pile"]),
        ("Scores on ARC-Challenge and MMLU.", ["ARC-Challenge", "MMLU"]),
        ("Natural Questions and TriviaQA results.", ["Natural Questions", "TriviaQA"]),
        # entries of issue 15's fifth round (real sentences of the tuning half: arxiv:2103.04717,
        # arxiv:2009.12013, arxiv:2104.00633)
        (
            "Our proposed method achieves 59.0% mIoU on the validation set of Cityscapes by "
            "training on the labeled Synscapes and GTA5 datasets and unlabeled training set of "
            "Cityscapes.",
            ["Cityscapes", "GTA5", "Cityscapes"],
        ),
        (
            "Our best model using cluster merging shows the Avg-F1 of 80.2 on the CoNLL 2012 "
            "shared task dataset in English.",
            ["CoNLL-2012"],
        ),
        (
            "Consequently, RePOSE runs at 92 FPS and achieves state-of-the-art accuracy of 51.6% on "
            "the Occlusion LineMOD dataset -a 4.1% absolute improvement over the prior art, and "
            "comparable result on the YCB-Video dataset with a much faster runtime.",
            ["Occlusion LINEMOD", "YCB-Video"],
        ),
        # entries of the sixth round, written from general knowledge (sentences written here)
        (
            "It reaches F0.5 of 70.2 on BEA-2019 and 62.4 GLEU on JFLEG.",
            ["BEA-2019", "JFLEG"],
        ),
        (
            "We evaluate on FaceForensics++, Celeb-DF and DFDC.",
            ["FaceForensics++", "Celeb-DF", "DFDC"],
        ),
        (
            "Results on PHOENIX14T, METR-LA and Indian Pines.",
            ["RWTH-PHOENIX-Weather 2014 T", "METR-LA", "Indian Pines"],
        ),
        # a name that is also a phrase matches only as written: not "scene flow estimation"
        ("We study scene flow estimation on Scene Flow.", ["Scene Flow"]),
    ],
)
def test_finds_known_benchmarks_and_aliases(sentence, expected):
    assert names(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "We do the math by hand.",  # MATH is case-sensitive
        "A pile of papers.",  # "Pile" only as written
        "This holds for multiple models.",  # "multiple" is not MultiPL-E
        "The spider crawled over the record.",  # lower-case words never match
        "Traffic lights change colour.",  # Traffic needs a data / evaluation context
        "The arc of the story.",
    ],
)
def test_does_not_fire_on_ordinary_words(sentence):
    assert names(sentence) == []


def test_context_flag_allows_ambiguous_names_in_evaluation_sentences():
    assert names("We evaluate forecasting on the Traffic and Weather datasets.") == [
        "Traffic",
        "Weather",
    ]


def test_parse_tsv_reports_the_bad_line():
    with pytest.raises(ValueError, match="line 2"):
        parse_tsv("ImageNet\tdataset\nBroken line without kind\n")
    with pytest.raises(ValueError, match="line 1: unknown flag cx"):  # a typo is not ignored
        parse_tsv("Foo\tbenchmark\tFoo-1\tcs,cx\n")
    entries = parse_tsv("# comment\nFoo\tbenchmark\tFoo-1|Foo 1\tcs, ctx\n")
    assert (
        entries[0].aliases == ("Foo-1", "Foo 1")
        and entries[0].case_sensitive
        and entries[0].needs_context
    )


def test_a_capitalised_english_word_is_not_a_case_sensitive_name():
    # "Multiple" folds like MultiPL-E; the benchmark is only ever written with its own capitals
    from loaders.extract.gazetteer import load_gazetteer

    assert (
        load_gazetteer().find(
            "Multiple Instance Detection Network with Online Instance Classifier Refinement"
        )
        == []
    )


def test_a_split_written_onto_a_name_and_an_underscore_still_name_the_benchmark():
    # real sentences of results_tune.json (VPD, SGANet)
    from loaders.extract.gazetteer import load_gazetteer

    g = load_gazetteer()
    s = "Notably, VPD attains 0.254 RMSE on NYUv2 depth estimation and 73.3% oIoU on RefCOCO-val referring image segmentation."
    assert ("RefCOCO", "RefCOCO") in [(h.entry.name, h.surface) for h in g.find(s)]
    s = "the proposed model can achieve state-of-the-art performance with MAE of 57.6, 6.3 and 87.6 on ShanghaiTechA, ShanghaiTechB and UCF_QNRF, respectively."
    assert "UCF-QNRF" in [h.entry.name for h in g.find(s)]
    # an ordinary hyphenated word is not a split of a name
    assert g.find("a well-known test-time trick") == []


def test_occlusion_linemod_is_its_own_benchmark():
    # arxiv:2104.00633: LM-O, the occluded scenes of LINEMOD, has its own leaderboard
    sentence = (
        "Consequently, RePOSE runs at 92 FPS and achieves state-of-the-art accuracy of 51.6% on "
        "the Occlusion LineMOD dataset -a 4.1% absolute improvement over the prior art."
    )
    assert names(sentence) == ["Occlusion LINEMOD"]
    assert names("We evaluate on the LINEMOD dataset.") == ["LINEMOD"]

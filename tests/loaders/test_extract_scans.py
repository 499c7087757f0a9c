"""The faster scans of the extractor find what the patterns they stand in for find."""

import itertools
import re
import sys
from re import _constants as sre
from re import _parser

import pytest

from benchmarks.extract import example_papers
from loaders.extract import benchmarks, mentions, proposed
from loaders.extract.extractor import _paper_sentences
from loaders.extract.gazetteer import Entry, Gazetteer, load_gazetteer
from loaders.extract.mentions import _COINED, coined_tokens
from loaders.extract.sentences import scan_start

#: shapes at the edges of the patterns: names after hyphens, dots, underscores and plus signs,
#: lower-case names beside capitalised ones, no capital at all
EDGES = [
    "",
    "no capital or digit here.",
    "We use GPT-4, x-Align and t.Foo but not Mixed or x_Foo.",
    "a-B c.D e--F g..H iJ kLm-N 3D 2x (ViT-B/16) C++ C++abcD x.yZ éFoo the_Foo _Bar",
    "on ogbn-arxiv, e-SNLI and iNaturalist (x-Y) with mini-ImageNet and (mini-ImageNet)",
    "nocaps nocapsX nocaps1 nocaps-2 (nocaps) a tiered-ImageNet b ogbn-papers100M.",
    "the needle-in-a-haystack tests, text8 and i2b2",
]


def sentences() -> list[str]:
    return [s for p in example_papers() for s in _paper_sentences(p)] + EDGES


def test_coined_tokens_are_the_coined_pattern_matches():
    for sentence in sentences():
        expected = [m.span(1) for m in _COINED.finditer(sentence)]
        assert [m.span(1) for m in coined_tokens(sentence)] == expected, sentence


@pytest.mark.parametrize(
    "gazetteer",
    [
        load_gazetteer(),
        # a lower-case first word holding a character names stand after: the pattern itself
        Gazetteer([Entry("nocaps", "dataset", ("x:y data",))]),
        Gazetteer([Entry("ImageNet", "dataset", ())]),
    ],
)
def test_start_spans_are_the_start_pattern_matches(gazetteer):
    for sentence in sentences() + ["the x:y data and nocaps", "a-x:y"]:
        expected = [m.span() for m in gazetteer._starts().finditer(sentence)]
        assert gazetteer._start_spans(sentence) == expected, sentence


def test_lower_case_vocabulary_names_are_the_pattern_matches():
    from loaders.extract.known_methods import _lower_case_names, find_known

    pattern, _, _ = _lower_case_names()
    for sentence in sentences() + ["k-means, xk-means, i-vectors and scikit-learn (timm)"]:
        expected = [(m.start(), m.group(0)) for m in pattern.finditer(sentence)]
        assert [k for k in find_known(sentence) if k[1][:1].islower()] == expected, sentence


#: what stands for a character a class or a wildcard matches in the forms below
ANY = "\0"


def literal_forms(pattern: re.Pattern, cased: bool = True) -> set[str]:
    """The strings ``pattern`` matches, each run of classes or wildcards written as one ``ANY``,
    each repeat taken at its least count and once more (enough to show which words every match
    holds: a cheap test's words must stand outside the classes)."""
    if cased:
        assert not pattern.flags & re.IGNORECASE, "a cased substring test stands for no re.I"
    return _forms(_parser.parse(pattern.pattern, pattern.flags))


def _forms(items) -> set[str]:
    out = {""}
    for op, av in items:
        if op is sre.LITERAL:
            step = {chr(av)}
        elif op is sre.IN:
            literal = all(o is sre.LITERAL for o, _ in av)
            step = {chr(a) for _, a in av} if literal and len(av) <= 4 else {ANY}
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            step = {""}
        elif op is sre.SUBPATTERN:
            step = _forms(av[3])
        elif op is sre.BRANCH:
            step = set().union(*(_forms(b) for b in av[1]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, body = av
            once = _forms(body)
            step = set()
            for count in {low, min(low + 1, high)}:
                step |= {"".join(p) for p in itertools.product(once, repeat=count)}
        else:  # a wildcard, a negated character, a group reference
            step = {ANY}
        # (a run of ANY stands for one: the forms stay few)
        out = {(a + b).replace(ANY + ANY, ANY) for a in out for b in step}
        assert len(out) < 100_000
    return out


@pytest.mark.parametrize(
    "pattern, words",
    [
        (benchmarks._SUFFIX_HINT, benchmarks._SUFFIX_HINTS),
    ],
)
def test_every_match_holds_a_word_of_the_cheap_test_before_the_pattern(pattern, words):
    for form in literal_forms(pattern):
        assert any(w in form for w in words), (pattern.pattern, form)


@pytest.mark.parametrize(
    "pattern, stems",
    [
        (benchmarks._NOUN_ONLY, (benchmarks._NOUN_STEMS, 0)),
        (proposed._OUR_NAME, proposed._OUR_NAME_STEMS),
        (proposed._OUR_THING_NAMED, proposed._OUR_THING_STEMS),
        (proposed._NOVEL_THING, proposed._NOVEL_THING_STEMS),
    ],
)
def test_every_match_holds_a_stem_where_its_scan_start_expects_it(pattern, stems):
    words, depth = stems
    for form in literal_forms(pattern):
        assert any(0 <= form.find(w) <= depth for w in words), (pattern.pattern, form)
    for sentence in sentences() + ["The proposed X and our Y", "an new Z, a novel W"]:
        start = scan_start(sentence, words, depth)
        found = [m.span() for m in pattern.finditer(sentence, start)] if start is not None else []
        assert found == [m.span() for m in pattern.finditer(sentence)], sentence


def test_single_spaced_text_is_text_the_whitespace_collapse_leaves_as_it_is():
    from loaders.extract.sentences import _single_spaced

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    texts = sentences() + ["", " a", "a ", "a  b", "a b", "é\tb", "é b", "é\u00a0b"]
    texts += [f"a{c}b" for c in spaces] + [f"é{c}b" for c in spaces]
    for text in texts:
        assert _single_spaced(text) == (" ".join(text.split()) == text), repr(text)


def _without_possessives(pattern: str) -> str:
    return pattern.replace("*+", "*").replace("++", "+")


def _look_behinds_first(pattern: str) -> str:
    return re.sub(r"^\\b((?:\(\?<![^)]*\))+)", r"\1\\b", pattern)


@pytest.mark.parametrize(
    "pattern, plain",
    [
        (mentions._COINED, _without_possessives),
        (mentions._HEAD_AFTER_CAPITAL, _without_possessives),
        (benchmarks._ON_LIST, _without_possessives),
        (benchmarks._AFTER_NOUN, _without_possessives),
        (mentions._USE_CUE, _look_behinds_first),
        (mentions._DATA_BEFORE, _look_behinds_first),
        (benchmarks._ON_LIST, _look_behinds_first),
    ],
)
def test_patterns_written_for_speed_find_what_their_plain_forms_find(pattern, plain):
    plain_pattern = re.compile(plain(pattern.pattern), pattern.flags)
    assert plain_pattern.pattern != pattern.pattern
    for sentence in sentences():
        expected = [m.span() for m in plain_pattern.finditer(sentence)]
        assert [m.span() for m in pattern.finditer(sentence)] == expected, sentence


def test_names_before_a_data_noun_are_found_as_without_possessives():
    plain = re.compile(_without_possessives(benchmarks._BEFORE_NOUN.pattern))
    assert plain.pattern != benchmarks._BEFORE_NOUN.pattern
    for sentence in sentences() + ["on the iNaturalist and 3DPW and xYz datasets"]:
        for noun in benchmarks._NOUN_ONLY.finditer(sentence):
            window = (max(0, noun.start() - 160), noun.start())
            expected = plain.search(sentence, *window)
            found = benchmarks._BEFORE_NOUN.search(sentence, *window)
            assert (found and found.span()) == (expected and expected.span()), sentence


def test_proposal_verbs_are_read_from_the_first_person_word_on():
    from loaders.extract.proposed import from_sentence

    s = "Designed for speed, we propose FooNet, built on BarNet."
    assert [c.name for c in from_sentence(s)] == ["FooNet"]


def test_every_abbreviation_ending_is_one_the_cheap_test_knows():
    from loaders.extract.sentences import _ABBREVIATION_ENDS, _ABBREVIATIONS, split_sentences

    for form in literal_forms(_ABBREVIATIONS):
        assert form == ANY + "." or form.endswith(_ABBREVIATION_ENDS), form
    text = "As in Smith et al. We see Fig. 2 and J. Doe. It works, e.g. Here. Done."
    assert split_sentences(text) == [
        "As in Smith et al. We see Fig. 2 and J. Doe.",
        "It works, e.g. Here.",
        "Done.",
    ]


def test_a_tie_before_a_figure_is_found_searched_from_near_the_end():
    from loaders.extract.results import _TIE_BEFORE, _TIE_SPAN, _tie_before

    # (the only class of the pattern is whitespace: ANY stands for it)
    assert (
        max(len(f.replace(ANY, "")) for f in literal_forms(_TIE_BEFORE, cased=False)) <= _TIE_SPAN
    )
    texts = sentences() + [
        "x" * 200 + " the GLUE scores of respectively about ",
        "x" * 200 + " the GLUE score" + " " * 300 + "of ",
        "y " * 150 + "accuracy: ",
    ]
    for text in texts:
        # (where a figure starts, as the rules ask)
        for end in [i for i, c in enumerate(text) if c.isdigit()] + [len(text)]:
            expected = _TIE_BEFORE.search(text[:end])
            found = _tie_before(text[:end])
            assert (found and found.span()) == (expected and expected.span()), text[:end]


@pytest.mark.parametrize(
    "pattern, reach",
    [("a|b$", None), (r"a\s*$", None), ("ab", None), ("(?m)ab$", None), (r"(?i)\bab?$", 3)],
)
def test_an_end_anchored_pattern_is_searched_as_far_back_as_its_longest_match(pattern, reach):
    from loaders.extract.names import EndAnchored

    assert EndAnchored(pattern).reach == reach


def test_end_anchored_tails_find_what_a_search_from_the_start_finds():
    from loaders.extract.mentions import _MEASURE_TAIL, _RESOURCE_TAIL
    from loaders.extract.names import TASK_TAIL, acronym_definitions

    texts = sentences() + ["Image Analysis", "x analyses", "a Distance\n", "the data\n\n", "ſcore"]
    texts += ["Our ", "xour new ", "in our proposed ", "the Our best\n", "flour "]
    texts += [d.long for s in sentences() for d in acronym_definitions(s)]
    for tail in (TASK_TAIL, _RESOURCE_TAIL, _MEASURE_TAIL, proposed._OUR_BEFORE):
        assert tail.reach is not None
        for text in texts:
            expected = tail.regex.search(text)
            found = tail.search(text)
            assert (found and found.span()) == (expected and expected.span()), text


def test_a_metric_letter_group_is_inside_the_look_ahead_of_its_run_of_letters():
    from loaders.extract.figures import METRIC

    runs = re.findall(r"\(\?=\[([a-z]+)\]\)", METRIC.pattern)
    letters = "".join(runs)
    assert len(runs) > 1 and sorted(letters) == sorted(
        set(re.findall(r"\(\?=([a-z])\)", METRIC.pattern))
    )
    # every character re.I reads as one of the letters (a-z, A-Z, the long s, the Kelvin sign, ...)
    chars = [
        chr(c)
        for c in range(sys.maxunicode + 1)
        if chr(c).lower() in letters
        or chr(c).upper().lower() in letters
        or chr(c).casefold() in letters
    ]
    for run in runs:
        for letter in run:
            for char in chars:
                if re.match(f"(?={letter})", char, re.I):
                    assert re.match(f"(?=[{run}])", char, re.I), (letter, char)


def test_the_proposal_trigger_finds_what_its_form_with_classes_finds():
    plain = re.compile(
        r"\b(?:[Ww]e|[Oo]ur|[Tt]his|[Hh]ere|call|term|name|dub|coin|refer|novel|new|innovative|"
        r"proposed|[Pp]ropos|[Ii]ntroduc)\w*"
    )
    for sentence in sentences() + ["Weights of Ours", "(we) This-Here xnew Introduce"]:
        expected = [m.span() for m in plain.finditer(sentence)]
        assert [m.span() for m in proposed._TRIGGER.finditer(sentence)] == expected, sentence


def test_the_head_before_a_proposal_verb_holds_the_first_person_word():
    texts = sentences() + ["Here, we propose X", "this paper-proposed Y", "us:develop Z"]
    for sentence in texts:
        first_person = proposed._FIRST_PERSON.search(sentence)
        for verb in proposed._PROPOSE.finditer(sentence, first_person.end() if first_person else 0):
            if first_person:
                assert proposed._FIRST_PERSON.search(sentence[: verb.start()]), sentence


def _ascii_fast_patterns() -> list:
    from loaders.extract import extractor, figures, known_methods, results
    from loaders.extract.sentences import AsciiFast

    modules = (extractor, mentions, proposed, benchmarks, figures, results, known_methods)
    return [v for m in modules for v in vars(m).values() if isinstance(v, AsciiFast)]


def test_patterns_searched_with_re_ascii_on_ascii_text_find_what_the_unicode_ones_find():
    patterns = _ascii_fast_patterns()
    assert len(patterns) >= 29
    texts = sentences() + [
        "we\x1cpropose a\x1fnovel",
        "on the\x1cImageNet\x1d dataset",
        "Our\x1dmodel: é-Net, café use",
        "x_y We_1",
    ]
    texts += [
        "WE PROPOSE OUR NOVEL TOP-1 ACCURACY OF 80.1% ON THE IMAGENET DATASET",
        "top\x1c1 acc",
    ]
    # (every space a separator \s reads as one only without re.ASCII)
    texts += [t.replace(" ", "\x1c") for t in sentences()[:300]]
    for pattern in patterns:
        for text in texts:
            expected = [m.span() for m in pattern.regex.finditer(text)]
            assert [m.span() for m in pattern.finditer(text)] == expected, (pattern.pattern, text)


def test_a_case_blind_pattern_with_a_character_folding_to_ascii_is_refused():
    from loaders.extract.sentences import AsciiFast

    for pattern, flags in (("\u212a", re.I), ("(?i:a\u017f)", 0), ("[\u0130]", re.I)):
        with pytest.raises(ValueError):
            AsciiFast(pattern, flags)
    assert AsciiFast("\u212a").search("K") is None


@pytest.mark.parametrize("pattern", [r"\s", r"\S", r"[\s,]", r"[^\s]", r"[]\s]", r"a\s+b|\\s"])
def test_spelled_out_spaces_are_the_unicode_spaces(pattern):
    from loaders.extract.sentences import AsciiFast

    fast = AsciiFast(pattern)
    for text in [chr(c) for c in range(128)] + ["a \x1cb", "a\x1fb", "]", "\\s"]:
        expected = [m.span() for m in re.finditer(pattern, text)]
        assert [m.span() for m in fast.ascii.finditer(text)] == expected, repr(text)

"""The benchmark a figure is on: the one the sentence names, the one in parentheses beside it,
the i-th of a list after a list of figures ("respectively"), the one right before "at" or after
"on" it; None when the sentence does not say."""

from __future__ import annotations

import re

from loaders.extract.benchmarks import Mention
from loaders.extract.figures import BENCHMARK_ADJECTIVES, CLAUSE, LIST_GAP, METRIC, SPACES, Figure
from loaders.extract.known_methods import is_known_method
from loaders.extract.names import is_generic
from loaders.extract.sentences import ARROW

#: "26.8 PQ, 16.8 AP, and 34.1 mIoU on ADE20K": only figures and metric names before the benchmark
_FIGURE_LIST = re.compile(r"(?:\s|,|and|[\d.]+|%|\bon\b|\bthe\b)*")


#: (and "0.891 on the public KiTS19 dataset")
_PAIRING_PREP = re.compile(
    r"\b(?:on|in|for|across|over|at)\s+(?:the\s+)?(?:(?:val(?:idation)?|test|dev)\s+(?:set|split)\s+of\s+(?:the\s+)?)?"
    + BENCHMARK_ADJECTIVES
    + "$",
    re.I,
)


#: "an F 1 score of 59.05 on a large-scale documentlevel dataset (DocRED)": the name in
#: parentheses after the data noun the figure is on
_DATA_NOUN_NAMED = re.compile(
    r"\b(?:on|in|for)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}(?:data ?set|benchmark|corpus)\s*\(\s*$",
    re.I,
)


#: "(WikiText-103) -the latter achieving a state-of-the-art perplexity of 29.2": the last named
_LATTER = re.compile(r"\bthe latter\b", re.I)


def _the_latter(sentence: str, number, mentions: list[Mention]) -> Mention | None:
    """The benchmark named last before "the latter" in the figure's clause."""
    latter = next(reversed(list(_LATTER.finditer(sentence, 0, number.start()))), None)
    if latter is None or CLAUSE.search(sentence, latter.end(), number.start()):
        return None
    if any(latter.end() <= m.start < number.start() for m in mentions):
        return None
    before = [m for m in mentions if m.end <= latter.start()]
    return before[-1] if before else None


_FIGURE_THEN_PAREN = re.compile(r"\s*(?:%|dB)?\s*\(\s*")
_METRIC_THEN_PAREN = re.compile(rf"\s*(?:%|dB)?\s*(?:{METRIC.pattern})\s*\(\s*", re.I)
#: the parentheses hold only the name: "(COCO)", not "(ImageNet pre-trained)"
_PAREN_NAME_END = re.compile(r"\s*(?:val|test|test-dev|dev)?\s*\)")


_NAMED_NOUN = r"(?:dataset|benchmark|test set|val set|(?:shared\s+)?task|challenge)"
#: (and "Cityscapes (80.1 → 82.0%)", "RVL-CDIP (91.11 92.69)": the figure the paper started from
#: first, the arrow between them written or lost)
_OPEN_PAREN = re.compile(
    rf"\s*(?:{_NAMED_NOUN}\s*)?\(\s*(?:\d{{1,3}}(?:\.\d+)?\s?(?:%|dB)?(?:\s*(?:{ARROW}|\s\?)\s*|\s+))?"
)
#: "on TriviaQA (EM 72.1) and Natural Questions (EM 51.4)", "the BEA-2019 shared task (F 0.5 =
#: 70.2)": the metric first
_OPEN_PAREN_METRIC = re.compile(
    rf"\s*(?:{_NAMED_NOUN}\s*)?\(\s*(?:{METRIC.pattern})\s*(?:=|:|of)?\s*", re.I
)


_RUN_TO_BENCHMARKS = re.compile(r"\s*%?\s*(?:(?:on|in|for|across)\s+(?:the\s+)?)$", re.I)


_RUN_METRICS_TO_BENCHMARK = re.compile(
    r"\s*(?:of|in|for|in terms of)\s+(?:the\s+)?(?:,|and|\s)*(?:on|in|for)\s+(?:the\s+)?", re.I
)


_ANOTHER_METRIC = re.compile(
    rf"\s*(?:%|dB)?\s*,?\s*and\s+(?:the\s+|an?\s+)?(?:{METRIC.pattern})\s*(?:of|=|:|is)\s*(?:an?\s+)?",
    re.I,
)


_THE = re.compile(r"\bthe\s+", re.I)


def figure_run(sentence: str, number, numbers: list) -> tuple[list, int, int, int] | None:
    """The list of figures ("87.1% accuracy and 35.8% mCE", "57.6, 6.3 and 87.6") holding
    ``number``: (figures, index of the first, of the last, of ``number``), None when alone."""

    def gap(a: int, b: int) -> str:
        return _list_gap(sentence, a, b)

    figures = [n for n in numbers if not isinstance(n, Figure)]
    if number not in figures or len(figures) < 2:
        return None
    at = figures.index(number)
    first = last = at
    while first > 0 and LIST_GAP.fullmatch(gap(figures[first - 1].end(), figures[first].start())):
        first -= 1
    while last + 1 < len(figures) and LIST_GAP.fullmatch(
        gap(figures[last].end(), figures[last + 1].start())
    ):
        last += 1
    return None if first == last else (figures, first, last, at)


def _list_gap(sentence: str, a: int, b: int) -> str:
    """The text between two figures with metric names and "%" blanked out."""
    return SPACES.sub(" ", METRIC.sub(" ", sentence[a:b]).replace("%", " "))


def _paired_lists(sentence: str, number, numbers: list, mentions: list[Mention]) -> Mention | None:
    """ "87.1% accuracy and 35.8% mCE on ImageNet-1k and ImageNet-C", "4.7% and 7.8% WER on the
    Switchboard and CallHome sets": a list of figures, then "on" a list of as many benchmarks,
    paired in order."""
    run = figure_run(sentence, number, numbers)
    if run is None:
        return None
    figures, first, last, at = run
    run_end = figures[last].end()
    following = [m for m in mentions if m.start >= run_end]
    if not following:
        return None
    gap = _list_gap(sentence, run_end, following[0].start)
    if _RUN_METRICS_TO_BENCHMARK.fullmatch(gap) and len(
        METRIC.findall(sentence, run_end, following[0].start)
    ) == (last - first + 1):
        # "68.96 and 65.21 of execution accuracy and program accuracy on the FinQA dataset": as
        # many metrics as figures, then one benchmark, all of them on it
        return following[0]
    if not _RUN_TO_BENCHMARKS.fullmatch(gap):
        return None
    listed = [following[0]]
    for mention in following[1:]:
        between = _THE.sub("", sentence[listed[-1].end : mention.start])
        if not LIST_GAP.fullmatch(between):
            break
        listed.append(mention)
    if len(listed) == 1 and _metrics_listed_before(
        sentence, figures[first].start(), last - first + 1
    ):
        # "The best accuracy, MF1, and Cohen's kappa (κ) were 83.9%, 77.6%, 0.78 for SleepEDF":
        # as many metrics as figures before them, one benchmark after, all of them on it
        return listed[0]
    if len(listed) != last - first + 1:
        return None
    return listed[at - first]


#: between a list of metrics and the figures they pair with: "(κ) were ", " are "
_METRICS_TO_RUN = re.compile(
    r"\s*(?:\([^()]{1,12}\)\s*)?\s(?:are|were|is|of|reach(?:es|ing)?|achieve[sd]?)\s+(?:an?\s+|the\s+)?$",
    re.I,
)


def _metrics_listed_before(sentence: str, start: int, count: int) -> bool:
    """``count`` metric names, joined as a list, end right before ``start`` (and a verb)."""
    head = sentence[:start]
    tie = _METRICS_TO_RUN.search(head)
    if tie is None:
        return False
    names = list(METRIC.finditer(head, 0, tie.start()))
    if len(names) < count or names[-1].end() != tie.start():
        return False
    listed = names[-count:]
    return all(LIST_GAP.fullmatch(sentence, a.end(), b.start()) for a, b in zip(listed, listed[1:]))


_NAME_ITEM = r"[A-Z][\w.+'’-]*(?:\s[A-Z0-9][\w.+'’-]*)?"


#: "... on EgoGesture and NVIDIA benchmarks, respectively", "on ShanghaiTechA, ShanghaiTechB and
#: UCF_QNRF, respectively": the names listed after a list of figures
_NAMES_AFTER_RUN = re.compile(
    rf"\s*%?\s*(?:[\w-]+\s+){{0,6}}?(?:on|for|in)\s+(?:the\s+)?(?P<names>{_NAME_ITEM}(?:\s*,\s*{_NAME_ITEM})*,?\s+and\s+{_NAME_ITEM})"
)


_NAME_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


_LANGUAGES = (
    "English|German|French|Chinese|Japanese|Romanian|Russian|Czech|Spanish|Italian|Portuguese|"
    "Arabic|Hindi|Korean|Turkish|Finnish|Estonian|Latvian|Lithuanian|Gujarati|Kazakh|Vietnamese|"
    "Dutch|Polish|Ukrainian|Nepali|Sinhala|Khmer|Pashto|Icelandic|Hausa|Tamil|Inuktitut|"
    "En|De|Fr|Zh|Ja|Ro|Ru|Cs|Es|It|Pt|Ar|Hi|Ko|Tr|Fi|Et|Lv|Lt|Gu|Kk|Vi|Nl|Pl|Uk|Ne|Si"
)
#: "English-French", "En-De", "EN→DE": a translation direction, not a data set
_LANGUAGE_PAIR = re.compile(rf"(?i:{_LANGUAGES})\s?(?:-|→|->|to)\s?(?i:{_LANGUAGES})")


_DATA_NOUN = re.compile(r"\s+(?:data ?sets|benchmarks|corpora|test sets)\b")


def _respective(
    sentence: str, number, numbers: list, mentions: list[Mention]
) -> tuple[bool, Mention | None]:
    """ "94.04% and 83.82% ... on EgoGesture and NVIDIA benchmarks, respectively": with
    "respectively", the i-th figure of a list goes with the i-th name listed after it, a name the
    gazetteer knows or not. (True, the mention) when that name is a known benchmark, (True, None)
    when it is not, (False, None) when the sentence has no such lists."""
    if "respectively" not in sentence:
        return False, None
    run = figure_run(sentence, number, numbers)
    if run is None:
        return False, None
    figures, first, last, at = run
    listed = _NAMES_AFTER_RUN.match(sentence, figures[last].end())
    if listed is None:
        return False, None
    start = listed.start("names")
    spans = []
    for name in _NAME_SEP.split(listed.group("names")):
        at_name = sentence.index(name, start)
        spans.append((at_name, at_name + len(name)))
        start = at_name + len(name)
    if len(spans) != last - first + 1:
        return False, None
    a, b = spans[at - first]
    known = [next((m for m in mentions if m.start < y and x < m.end), None) for x, y in spans]
    if known[at - first] is not None:
        return True, known[at - first]
    # "DICE of 0.843, 0.855, and 0.892 for Kumar, CoNSep, and CPM-17 datasets, respectively":
    # a name of the list is a benchmark too when a data noun ends the list or the gazetteer
    # knows most of the others
    name = sentence[a:b]
    if _LANGUAGE_PAIR.fullmatch(name):
        # "BLEU scores of 30.7 and 43.7 in the WMT'14 English-German and English-French
        # translation tasks": the pair is a direction of the benchmark named before it
        return True, next((k for k in reversed(known[: at - first]) if k is not None), None)
    others = len(spans) - 1
    if not is_generic(name) and (
        _DATA_NOUN.match(sentence, listed.end("names"))
        or sum(k is not None for k in known) * 2 >= max(others, 1) + (others == 1)
    ):
        return True, Mention(name, "dataset", "respective-list", a, b, 0.6, name)
    return True, None


#: "On ModelNet40, ...": a sentence that opens with the benchmark its first figures are on
_OPENS_ON = re.compile(r"(?:On|For)\s+(?:the\s+)?$")


def _metric_list_to(
    sentence: str, number, first: Mention, between: str, numbers: list, mentions: list[Mention]
) -> bool:
    """ "26.8 PQ, 16.8 AP, and 34.1 mIoU on ADE20K": figures each with its own metric, then the
    one benchmark they are all on. Not when a figure of the list has no metric of its own
    ("54.3% accuracy, and 18.2% on MATH": the "on" is the last figure's only), nor when the
    sentence opens with another benchmark ("On ModelNet40, it achieves 93.8% overall accuracy,
    and 87.2% mIoU on ShapeNetPart")."""
    if not METRIC.match(between.lstrip(" %")) or not _FIGURE_LIST.fullmatch(
        METRIC.sub(" ", between)
    ):
        return False
    inside = sum(number.end() < n.start() < first.start for n in numbers)
    if len(METRIC.findall(between)) <= inside:
        return False
    return not any(
        m.name != first.name
        and m.end <= number.start()
        and _OPENS_ON.fullmatch(sentence, 0, m.start)
        for m in mentions
    )


def listed_benchmark(
    sentence: str, number, numbers: list, mentions: list[Mention]
) -> tuple[bool, Mention | None]:
    """The benchmark a list of figures pairs ``number`` with, in order ("84.3 and 86.1 on SNLI
    and MultiNLI respectively"): (True, the mention or None) when ``number`` stands in such a
    list, (False, None) when it does not."""
    decided, respective = _respective(sentence, number, numbers, mentions)
    if decided:
        return True, respective
    paired = _paired_lists(sentence, number, numbers, mentions)
    return paired is not None, paired


#: a clause naming where its figure is: "On ActivityNet-1.3, it obtains"
_OTHER_NAMED_CLAUSE = re.compile(r"(?:^|\s)[Oo]n\s+(?:the\s+)?[A-Z]")


#: "and the official test set of ...", not "and achieve state-of-the-art results ("
_ANOTHER_ITEM = re.compile(
    r";|\band\s+(?!(?:also\s+|then\s+)?(?:achiev|obtain|reach|attain|establish|yield|set)\w*)",
    re.I,
)


#: a word of the item a parenthesis follows
_ITEM_WORD = re.compile(r"\w")


def _paren_of_another(sentence: str, number, mentions: list[Mention]) -> bool:
    """ "on the CoNLL-2014 test set (F 0.5 = 65.0) and the official test set of the BEA-2019
    shared task (F 0.5 = 70.2)": a figure in parentheses after a later item of a list than the
    benchmark named."""
    opened = sentence.rfind("(", 0, number.start())
    if opened < 0 or opened < sentence.rfind(")", 0, number.start()):
        return False
    before = [m for m in mentions if m.end <= opened]
    if not before:
        return False
    items = list(_ANOTHER_ITEM.finditer(sentence, before[-1].end, opened))
    # "(77.4+4.2)% mAP and (92.3+1.5)% rank-1 accuracy": the parenthesis right after "and" is
    # the figure itself, no parenthesis after another item
    return bool(items) and bool(_ITEM_WORD.search(sentence, items[-1].end(), opened))


#: "75.3 mAP on nuScenes and 80.1 mAPH on Waymo": a figure "on" a name the gazetteer lacks
_ON_NAME = re.compile(
    rf"\s*(?:%|dB)?\s*(?:(?:{METRIC.pattern})\s+)?on\s+(?:the\s+)?(?P<name>(?-i:[A-Z][\w.+'-]+))(?=\s*(?:[.,;)]|and\b|$|(?:data ?set|benchmark)s?\b))",
    re.I,
)


def _on_unknown(sentence: str, number, mentions: list[Mention]) -> bool:
    """The figure is written "on" a name that is none of the benchmarks found (nor a model's,
    "79.40% on ResNet-50"): not theirs."""
    on = _ON_NAME.match(sentence, number.end())
    return (
        on is not None
        and not any(m.start < on.end() and on.start("name") < m.end for m in mentions)
        and not is_known_method(on.group("name"))
    )


def _semicolon_clause(sentence: str, number) -> str:
    """The part of the sentence between the semicolons around ``number``."""
    start = sentence.rfind(";", 0, number.start()) + 1
    end = sentence.find(";", number.end())
    return sentence[start : end if end >= 0 else len(sentence)]


_BENCHMARK_AT = re.compile(
    r"\s+(?:(?:benchmark|dataset|data set|test set|val(?:idation)? set)\s+)?(?:at|with)\s+(?:an?\s+)?",
    re.I,
)


#: the benchmark is the training data: "trained on Kvasir-SEG dataset", "pre-trained on the"
_TRAINED_ON = re.compile(
    r"\b(?:(?:pre-?)?train(?:ed|ing)|fine-?tun(?:ed|ing)|learn(?:ed|t))\s+(?:only\s+|solely\s+)?on\s+(?:the\s+)?$",
    re.I,
)
#: ... and the figures are on other data: "and tested on the organizer's dataset"
_TESTED_ELSEWHERE = re.compile(
    r"\b(?:tested|evaluated|testing|evaluating|validated)\s+on\s+(?:the\s+|an?\s+)?[a-z]", re.I
)


#: between "45.1/38.2/30.5 mAP" and "COCO/LVIS/Objects365": the metric, "on (the)"
_SLASH_TO_BENCHMARKS = re.compile(
    rf"\s*(?:%|dB)?\s*(?:(?:{METRIC.pattern})\s+)?(?:on|in|for)\s+(?:the\s+)?", re.I
)


def _slash_paired(sentence: str, figure: Figure, mentions: list[Mention]) -> Mention | None:
    """ "45.1/38.2/30.5 mAP on COCO/LVIS/Objects365", "7.2%/14.6% on the Switchboard/CallHome
    portion": figures joined by slashes, then "on" as many names joined by slashes, in order."""
    following = [m for m in mentions if m.start >= figure.end()]
    if not following or not _SLASH_TO_BENCHMARKS.fullmatch(
        sentence, figure.end(), following[0].start
    ):
        return None
    listed = [following[0]]
    for mention in following[1:]:
        if sentence[listed[-1].end : mention.start] != "/":
            break
        listed.append(mention)
    if len(listed) != figure.count:
        return None
    return listed[figure.which - 1]


#: "On CIFAR-10 it reaches 97.1% accuracy and on CIFAR-100 an error rate of 15.3%": an "on"
#: opening the figure's clause, and one reopening the next clause
_ON_BEFORE = re.compile(r"(?<![\w-])on\s+(?:the\s+)?$", re.I)
_ON_AGAIN = re.compile(r"(?:,|\band|\bwhile|\bwhereas)\s+on\s+(?:the\s+)?$", re.I)


def _own_on_clause(
    sentence: str, number: re.Match, numbers: list[re.Match], mentions: list[Mention]
) -> Mention | None:
    """The benchmark whose "on" opens the figure's clause, when the next one named opens its own."""
    preceding = [m for m in mentions if m.end <= number.start()]
    if not preceding:
        return None
    last = preceding[-1]
    if not _ON_BEFORE.search(sentence, 0, last.start) or _TRAINED_ON.search(
        sentence, 0, last.start
    ):
        return None
    gap = sentence[last.end : number.start()]
    if len(gap) > 60 or ";" in gap or any(last.end < n.start() < number.start() for n in numbers):
        return None
    following = next((m for m in mentions if m.start >= number.end()), None)
    if following is not None and not _ON_AGAIN.search(sentence, number.end(), following.start):
        return None
    return last


def tied_benchmark(
    sentence: str, number: re.Match, numbers: list[re.Match], mentions: list[Mention]
) -> Mention | None:
    decided, respective = _respective(sentence, number, numbers, mentions)
    if decided:
        return respective
    if isinstance(number, Figure):
        slashed = _slash_paired(sentence, number, mentions)
        if slashed is not None:
            return slashed
    distinct = {m.name for m in mentions}
    if len(distinct) > 1 and "latter" in sentence:
        latter = _the_latter(sentence, number, mentions)
        if latter is not None:
            return latter
    if len(distinct) == 1:
        if _TESTED_ELSEWHERE.search(sentence) and all(
            _TRAINED_ON.search(sentence, 0, m.start) for m in mentions
        ):
            return None  # "trained on Kvasir-SEG ... and tested on the organizer's dataset"
        if _OTHER_NAMED_CLAUSE.search(_semicolon_clause(sentence, number)) and all(
            ";" in sentence[min(m.end, number.end()) : max(m.start, number.start())]
            for m in mentions
        ):
            return None  # "On ActivityNet-1.3, it obtains ... 34.09%; on THUMOS14, it reaches"
        if _paren_of_another(sentence, number, mentions) or _on_unknown(sentence, number, mentions):
            return None
        return mentions[0]
    # "accuracies of 97.0 % (ESC-10), 91.5 % (ESC-50)": the benchmark in parentheses after the
    # figure (or after its metric, "79.4% top-1 accuracy (ImageNet) and 41.3 AP (COCO)")
    for mention in mentions:
        if mention.start >= number.end() and (
            _FIGURE_THEN_PAREN.fullmatch(sentence[number.end() : mention.start])
            or (
                _METRIC_THEN_PAREN.fullmatch(sentence, number.end(), mention.start)
                and _PAREN_NAME_END.match(sentence, mention.end)
            )
        ):
            return mention
    # "on both Cityscapes (82.0% mean IoU) and Pascal Context (53.7% mean IoU)"
    for mention in mentions:
        gap = sentence[mention.end : number.start()]
        if mention.end <= number.start() and (
            _OPEN_PAREN.fullmatch(gap) or _OPEN_PAREN_METRIC.fullmatch(gap)
        ):
            return mention
    paired = _paired_lists(sentence, number, numbers, mentions)
    if paired is not None:
        return paired
    # "on the popular Cityscapes benchmark at 83.04% mIoU": the benchmark right before "at"
    for mention in mentions:
        if mention.end <= number.start() and _BENCHMARK_AT.fullmatch(
            sentence, mention.end, number.start()
        ):
            return mention
    # "respectively": the i-th number goes with the i-th benchmark
    if "respectively" in sentence and len(numbers) == len(mentions):
        return mentions[numbers.index(number)]
    own = _own_on_clause(sentence, number, numbers, mentions)
    if own is not None:
        return own
    # the benchmark named right after the number ("... 80.1% on ImageNet"), before any other number
    following = [m for m in mentions if m.start >= number.end()]
    # "... at the PASCAL VOC-2012 ... task, reaching 79.7% mIOU in the test set, and advances the
    # results on three other datasets: PASCAL-Context, ...": those are past a clause break
    near = [m for m in following if not CLAUSE.search(sentence, number.end(), m.start)]
    if (
        near
        and len(following) > 1
        and LIST_GAP.fullmatch(sentence[following[0].end : following[1].start])
    ):
        return None  # "65.9% average accuracy on AIME, HMMT and MATH": one number, many benchmarks
    if following:
        first = following[0]
        between = sentence[number.end() : first.start]
        if (
            (
                not any(number.end() < n.start() < first.start for n in numbers)
                # "26.8 PQ, 16.8 AP, and 34.1 mIoU on ADE20K" (not "top-5 accuracy of 97.18,
                # 62.4 mAP on COCO": there the metric came before the figure)
                or _metric_list_to(sentence, number, first, between, numbers, mentions)
            )
            and len(between) <= 60
            # "an average mAP of 34.09%; on THUMOS14, it reaches": a semicolon ends the figure's clause
            and ";" not in between
            and (
                _PAIRING_PREP.search(sentence[: first.start])
                or _DATA_NOUN_NAMED.search(sentence[: first.start])
            )
        ):
            return first
    # "on ImageNet, it reaches 80.1%" : the only benchmark before, with no other number between
    preceding = [m for m in mentions if m.end <= number.start()]
    if preceding and not near and len({m.name for m in preceding}) == 1:
        last = preceding[-1]
        between = [n for n in numbers if n is not number and last.end < n.start() < number.start()]
        if all(
            _ANOTHER_METRIC.fullmatch(sentence, a.end(), b.start())
            for a, b in zip(between, [*between[1:], number])
        ):
            # "ImageNet-1K zero-shot classification with top-1 accuracy of 83.74 and the top-5
            # accuracy of 97.18": another metric of the same benchmark
            return last
    return None

"""Results: a number the sentence ties to a metric and to a benchmark.

"achieves a 59.9% Top-1 accuracy ... on the ImageNet benchmark" -> (ImageNet, top-1 accuracy,
59.9, %). Never guessed: no metric, no benchmark, or several benchmarks the sentence does not
pair with the number, and nothing is emitted. Improvements ("by 3.2%", "+3.2 points") are deltas,
not results, and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.metrics import lower_is_better
from loaders.extract.benchmarks import Mention
from loaders.extract.figures import (
    BENCHMARK_ADJECTIVES,
    CLAUSE,
    LIST_GAP,
    METRIC,
    SPACES,
    Figure,
    metric_matches,
    metric_name,
    numbers,
)
from loaders.extract.primary_metrics import primary_metric
from loaders.extract.result_benchmarks import figure_run, listed_benchmark, tied_benchmark
from loaders.extract.sentences import ARROW, AsciiFast, has_digit

#: a bound, not a figure: "over 600 FPS", "more than 80%", "nearly 2x", "to surpass 80%"
_BOUND_BEFORE = AsciiFast(
    r"(?:±|\bover|\babove|\bmore than|\bat least|\bat most|\bbelow|\bunder|\bless than|\bnearly|\balmost|\bexceed(?:s|ing)?|\bsurpass(?:es|ing)?|\bbeyond|\bwithin|\bupper bound of)\s*$",
    re.I,
)
#: an improvement: "by 3.2 points", "+4.2 PQ", "a 12% relative reduction", "gains of 2.1"
_DELTA_BEFORE = AsciiFast(
    r"(?:\bby|\+|\bimprov\w*(?: of)?|\bgain(?:s|ing|ed)?(?: of)?|\bincrease[sd]?(?: of)?|\breduc\w*(?: of)?|\bboost\w*(?: of)?|\bmargin of|\bdrop(?: of)?|\bhigher|\blower)\s*(?:about |around |roughly |nearly |over |up to |an? |~)?$",
    re.I,
)
#: (and "1.5 AP higher than the previous best": a metric between the figure and its comparative)
_DELTA_AFTER = re.compile(
    r"^\s*(?:%|dB)?\s*(?:(?:[A-Za-z][\w@-]*\s+){1,3}(?:\([^()]{1,12}\)\s+)?(?=improvements?\b|gains?\b|(?:higher|lower|better|worse)\s+than\b))?(?:absolute |relative |percentage )?(?:points?|pp|improvements?|gains?|higher|lower|better|worse|increase|reduction|boost|fewer|less|more|faster|slower|speed-?up|drop|times)\b",
    re.I,
)
_RELATIVE = re.compile(r"^\s*%?\s*(?:relative|rel\.)|^\s*%\s+(?:\w+\s+){0,2}relative", re.I)
_POINTS = re.compile(r"^\s*(?:absolute\s+)?(?:points?|pp)\b", re.I)
#: the split a figure is on: "on LibriSpeech test-clean", "COCO test-dev", "the validation set"
_SPLIT = re.compile(
    r"\b(test-clean|test-other|test-dev|test-std|test-challenge|minival|val(?:idation)?|dev|test)(?:\s+(?:set|split|subset))?\b",
    re.I,
)
_SPLIT_NAMES = {"validation": "val", "test-std": "test-std"}
#: (and "the value of mIoU achieves at 57.0%": a verb and its stray "at")
_TIE_BEFORE = re.compile(
    r"(?:s\b)?(?:\s+(?:score|rate|metric)s?)?\s*(?:of|at|is|are|were|=|:|–|—|from|reaching|to|(?:reaches|achieves?|achieving)(?:\s+at)?|\()?\s*(?:respectively\s+)?(?:an?\s+|the\s+)?(?:about\s+|around\s+|~)?$",
    re.I,
)
#: "the BLEU score (from 9.58 to 13.41)", "improves PSNR from 32.92 dB to 33.57 dB": the figure after "to"
#: "mAP ranging from 4.2% to 38.1%", "achieves top-1 accuracy from 77.3% to 80.7%": a range, both ends own
_RANGE = re.compile(
    r"(?:\branging|\branges?|\bvarying|\bachiev\w*(?:\s+(?!from\b|by\b|over\b)\S+){0,5})\s+$", re.I
)
_RANGE_START = re.compile(
    r"(?:\branging|\branges?|\bvarying|\bachiev\w*(?:\s+(?!from\b|by\b|over\b)\S+){0,5})\s+from\s+$",
    re.I,
)
_CHANGE_VERB = re.compile(
    r"\s+(?:is\s+|are\s+|was\s+)?(?:increas|improv|rais|boost|reduc|lower|decreas|drop|ris|push|go)\w*\s*$",
    re.I,
)
_CHANGED_TO = re.compile(
    r"\s+(?:is\s+|are\s+|was\s+|were\s+|has\s+been\s+|have\s+been\s+)?(?:further\s+)?(?:increas|improv|rais|boost|reduc|lower|decreas|push|brought|bring|drop|ris)\w*\s+(?:up\s+|down\s+)?(?=to\s+(?:an?\s+|the\s+)?$)",
    re.I,
)
_BY_DELTA_TO = re.compile(
    r"\s+by\s+(?:about\s+|around\s+)?\d{1,3}(?:\.\d+)?\s?(?:%|points?|pp)?\s+(?=to\s+$)", re.I
)
#: "mAP ranging from 4.2% to" (what is left of it once "from 4.2% to" is cut)
_RANGING = re.compile(r"\s+(?:ranging|ranges?|varying)(?=\s+from\s+$|\s*$)", re.I)
_FROM_TO = re.compile(r"\(?\s*from\s+\d{1,3}(?:\.\d+)?\s?(?:%|dB)?\s+to\s+$", re.I)
_TIE_AFTER = re.compile(
    r"^\s*(?:%|dB)?\s*(?:in(?: terms of)?\s+|of\s+(?!the\b))?(?:(?:zero-shot|few-shot|average|mean|overall|test|val|validation|dev|the)\s+)?$",
    re.I,
)
#: "99.53% LFW face verification accuracy", "96.0% LFW rank-1 face identification accuracy": the
#: task between the figure (and its benchmark) and the metric (and "48.4% synthesis success rate")
_TASK_BETWEEN = re.compile(
    r"^\s*%?\s*(?:(?:face|image|action|object|scene|text|video|speaker|speech|program)\s+)?(?:(?:verification|identification|classification|recognition|detection|segmentation|retrieval|synthesis|navigation)\s+)?$",
    re.I,
)
#: "82.4% (+5.1% increase over the previous best) top-1 accuracy": an aside between figure and metric
_ASIDE = re.compile(r"^\s*\([^()]{0,60}\)")
_ASIDES = re.compile(r"\([^()]{0,60}\)")
# numbers after these belong to the systems compared against, not to the paper's own
_COMPARISON = re.compile(
    r"\b(?:outperforming|surpassing|beating|exceeding|compar\w* (?:to|with)|than|versus|v\.?s\.?|baselines?|random (?:guess\w*|chance)|chance level)\b|\bfrom\s+(?:(?!and\b|to\b)[^\s\d]\S*\s+){0,4}$",
    re.I,
)
#: (and "Existing methods achieve ...", "the human performance on SQuAD is 91.2 F1")
_PRIOR = re.compile(
    r"\b(?:(?:previous|prior) (?:best|state|art|sota|methods?|work|systems?|results?)|"
    r"(?:existing|competing) (?:methods?|approach(?:es)?|models?|systems?|works?)|"
    r"human(?:s| performance| annotators| experts?)\b)\b",
    re.I,
)
#: "While GPT-4 scores 86.4% on MMLU, our 7B model reaches 64.2%": a clause that opens with a
#: contrast is about someone else, unless it is about the paper's own (the sentence's first
#: clause: "..., while still keeping a small footprint of only 202K parameters" is the paper's)
_CONTRAST_OPENING = re.compile(
    r"\s*(?:While|Whereas|Although)\s+(?!(?:we|our|ours|the proposed|this|it)\b)"
)
#: (and "surpasses")
_BEATS = re.compile(r"\b(?:outperform|surpass|beat|exceed|improve)(?:e?s)?\b", re.I)
#: "outperforms the transformer-based detector SWIN-L Cascade-Mask R-CNN (": a named rival right before
_BEATS_NAME = re.compile(
    r"\b(?:outperform|surpass|beat|exceed)s?\s+(?:(?!on\b|in\b|at\b|for\b)[\w.-]+\s+){0,7}$", re.I
)
_IN_TERMS_OF = re.compile(r"\bin terms of\s+$", re.I)
#: "the GLUE score to 80.5%", "MultiNLI accuracy to 86.7%": benchmark, metric, number in a row
#: (not "on ActivityNet v1.3 and reaches mAP 54.14% ... on THUMOS-14": a conjunction or a verb
#: between starts another statement)
_BENCH_METRIC_GAP = re.compile(
    r"\s+(?:(?!(?:and|or|but|while|reach|achiev|obtain|attain|yield|get)\w*\s)[A-Za-z-]+\s+){0,3}$",
    re.I,
)
_SCORE = re.compile(r"scores?\b", re.I)


@dataclass(frozen=True)
class Result:
    benchmark: Mention
    metric: str
    value: float
    unit: str | None
    #: "absolute", "delta" ("by 3.2 points", "+4.2 PQ") or "relative" ("12% relative")
    kind: str = "absolute"
    #: the split named with the figure ("test-clean", "val", "test-dev"), "" when none
    split: str = ""
    #: the figure as written ("80.1%", "3.2 points")
    stated: str = ""


def find_results(sentence: str, mentions: list[Mention], carried: bool = False) -> list[Result]:
    """Results stated in ``sentence`` about the benchmarks ``mentions`` found in it (or, with
    ``carried``, about the one benchmark the previous sentence named).

    >>> from loaders.extract.benchmarks import find_mentions
    >>> from loaders.extract.gazetteer import load_gazetteer
    >>> s = "It reaches a top-1 accuracy of 80.1% on ImageNet."
    >>> [(r.benchmark.name, r.metric, r.value) for r in find_results(s, find_mentions(s, load_gazetteer()))]
    [('ImageNet', 'top-1 accuracy', 80.1)]
    """
    if not mentions or not has_digit(sentence):
        return []
    inside = [] if carried else mentions
    scores = _scores(sentence, mentions, inside, carried)
    if not carried and "/" in sentence and len(mentions) > 1:
        taken = {(r.benchmark.name, r.value) for r in scores}
        scores += [
            r
            for r in _pairs_on_benchmark_pairs(sentence, mentions)
            if (r.benchmark.name, r.value) not in taken
        ]
    if not carried and " -" in sentence and ":" in sentence:
        taken = {(r.benchmark.name, r.value) for r in scores}
        scores += [
            r for r in _table_rows(sentence, mentions) if (r.benchmark.name, r.value) not in taken
        ]
    if scores:
        scores = [_in_own_accuracy(r) if r.metric == "accuracy" else r for r in scores]
    return _speeds(sentence, mentions, inside, carried) + scores + _sizes(sentence, inside, scores)


#: "achieves state-of-the-art accuracy of 51.6% on the Occlusion LineMOD dataset": a benchmark
#: whose results are reported in an accuracy of its own (6D pose's ADD(-S)) means it by "accuracy"
_OWN_ACCURACIES = frozenset({"ADD"})


def _in_own_accuracy(result: Result) -> Result:
    own = primary_metric(result.benchmark.name)
    return replace(result, metric=own) if own in _OWN_ACCURACIES else result


#: "(WIDER FACE Val/Test -Easy: 0.910/0.896, Medium: 0.881/0.865; FDDB -discontinuous: 0.973)":
#: a table written as prose, a benchmark (and its splits) then "-setting: figure" items
_TABLE_ROW = re.compile(r"(?:\s+(?P<splits>[A-Za-z-]+(?:/[A-Za-z-]+)?))?\s+-\s?(?=[A-Za-z])")
_TABLE_ITEM = re.compile(
    r"[A-Za-z][\w-]*:\s*(?P<a>\d{1,3}(?:\.\d+)?)(?:\s?/\s?(?P<b>\d{1,3}(?:\.\d+)?))?"
    r"(?![\w.%]?\d)(?P<more>\s*,\s*)?"
)


def _table_rows(sentence: str, mentions: list[Mention]) -> list[Result]:
    """The figures of a table written as prose after each benchmark, in the benchmark's own
    metric (the one written before the table's parenthesis when it has none), each of a pair on
    the split of its place in the benchmark's "Val/Test"."""
    out: list[Result] = []
    for bench in mentions:
        row = _TABLE_ROW.match(sentence, bench.end)
        if row is None:
            continue
        metric = primary_metric(bench.name) or _metric_before_paren(sentence, bench)
        if metric is None:
            continue
        splits = [_SPLIT.fullmatch(w) for w in (row.group("splits") or "").split("/")]
        splits = [
            _SPLIT_NAMES.get(m.group(1).lower(), m.group(1).lower()) if m else "" for m in splits
        ]
        at = row.end()
        while (item := _TABLE_ITEM.match(sentence, at)) is not None:
            values = [v for v in (item.group("a"), item.group("b")) if v is not None]
            for n, value in enumerate(values):
                split = splits[n] if len(values) == len(splits) else ""
                out.append(Result(bench, metric, float(value), None, "absolute", split, value))
            if item.group("more") is None:
                break
            at = item.end()
    return out


def _metric_before_paren(sentence: str, bench: Mention) -> str | None:
    """ "superior accuracy (WIDER FACE ...": the metric written right before the parenthesis the
    benchmark opens (or stands in)."""
    opening = sentence.rfind("(", 0, bench.start)
    if opening < 0 or ")" in sentence[opening : bench.start]:
        return None
    written = [m for m in metric_matches(sentence[:opening]) if m.end() >= opening - 2]
    return metric_name(written[-1]) if written else None


#: "7.2%/14.6% on the Switchboard/CallHome portion": a pair of figures, then a pair of benchmarks
_FIGURE_PAIR = re.compile(
    r"(?<![\w.@/-])(\d{1,3}(?:\.\d+)?)(\s?%)?/(\d{1,3}(?:\.\d+)?)(\s?%)?(?![\w.]?\d)(?!/)"
)
_PAIR_TO_BENCHMARKS = re.compile(r"\s*(?:(?P<metric>[\w-]{2,12})\s+)?on\s+(?:the\s+)?")
#: "..., and 6.8%/14.1% with shallow fusion": the pair again, for a variant of the model
_PAIR_AGAIN_BEFORE = re.compile(r"(?:,\s*|\s)and\s+$")


def _pairs_on_benchmark_pairs(sentence: str, mentions: list[Mention]) -> list[Result]:
    """ "we achieve 7.2%/14.6% on the Switchboard/CallHome portion of the Hub5'00 test set
    without the use of a language model, and 6.8%/14.1% with shallow fusion": the figures of a
    pair, in order, on the benchmarks of the pair it is written on, in the metric written
    between them or else each benchmark's own; a later pair for a variant of the model is on
    them too."""
    joined = [
        (a, b) for a, b in zip(mentions, mentions[1:]) if _SLASH.fullmatch(sentence, a.end, b.start)
    ]
    if not joined:
        return []
    out: list[Result] = []
    pairs = list(_FIGURE_PAIR.finditer(sentence))
    for pair in pairs:
        target = next(
            (
                (a, b, gap)
                for a, b in joined
                if (gap := _PAIR_TO_BENCHMARKS.fullmatch(sentence, pair.end(), a.start))
            ),
            None,
        )
        if target is None or _about_others(sentence, pair):
            continue
        a, b, gap = target
        written = gap.group("metric") and METRIC.fullmatch(gap.group("metric"))
        found = _pair_results(pair, (a, b), metric_name(written) if written else None)
        if not found:
            continue
        out += found
        for again in pairs:
            if (
                again.start() > b.end
                and _PAIR_AGAIN_BEFORE.search(sentence, 0, again.start())
                and _VARIANT_AFTER.match(sentence, again.end())
                and not _about_others(sentence, again)
            ):
                out += _pair_results(again, (a, b), metric_name(written) if written else None)
    return out


def _pair_results(pair: re.Match, benches: tuple, metric: str | None) -> list[Result]:
    out = []
    for bench, value, unit in zip(benches, (pair.group(1), pair.group(3)), (2, 4)):
        own = metric or primary_metric(bench.name)
        if own is None:
            return []
        u = (pair.group(unit) or pair.group(4) or "").strip() or None
        out.append(Result(bench, own, float(value), u, "absolute", "", f"{value}{u or ''}"))
    return out


#: a model's speed: "40 FPS", "182.38 frames per second" (its size and compute, "14.3M
#: parameters", "491 MFLOPs", are properties of the model more than results on a benchmark)
_FPS = re.compile(r"(?<![\w.@/-])(\d{1,4}(?:\.\d+)?)\s?(?:FPS|fps|frames per second|frames/s)\b")
#: "an AP of 41.6%/39.7% at 26.2/43.3 FPS": the speeds of two settings, one per score
_FPS_PAIR = re.compile(r"(?<![\w.@/-])(\d{1,4}(?:\.\d+)?)/(\d{1,4}(?:\.\d+)?)\s?(?:FPS|fps)\b")


#: a model's size or compute: "14.3M parameters", "about 5.0 million parameters", "1.3B params",
#: "491 MFLOPs", "4.5 GFLOPs"
_SIZE = re.compile(
    r"(?<![\w.@/-])(\d{1,4}(?:\.\d+)?)\s?-?(?:(?P<scale>[KMB]|[Mm]illion|[Bb]illion)\s?-?(?:trainable\s+|learnable\s+)?(?:param(?:eter)?s?\b)|(?P<flops>[GMT])(?P<op>FLOPs|MACs)\b)"
)
_SCALES = {"million": "M", "billion": "B"}


def _sizes(sentence: str, inside: list[Mention], scores: list[Result]) -> list[Result]:
    """ "97.70% test accuracy on CIFAR-10 with 14.3M parameters", "ImageNet accuracy of 80.1% with
    only 491 MFLOPs": the size (or compute) of the model a sentence states a score of, on the
    benchmark of its first score, as leaderboards record it beside the score; bounds ("less than
    1M parameters") and the rivals' sizes ("outperforming the PaLM model with 540B parameters")
    are not."""
    if "param" not in sentence and "FLOPs" not in sentence and "MACs" not in sentence:
        return []
    if not any(r.kind == "absolute" for r in scores):
        return []
    out: list[Result] = []
    for size in _SIZE.finditer(sentence):
        if _inside(size, inside) or _BOUND_BEFORE.search(
            sentence[max(0, size.start() - 20) : size.start()]
        ):
            continue
        own = _first_score_beside(sentence, size, scores)
        if own is None or _about_others(sentence, size):
            continue
        if size.group("scale"):
            scale = size.group("scale")
            unit = _SCALES.get(scale.lower(), scale)
            metric, stated = "params", f"{size.group(1)}{unit} parameters"
        else:
            unit = size.group("flops")
            metric, stated = size.group("op"), f"{size.group(1)} {unit}{size.group('op')}"
        out.append(
            Result(own.benchmark, metric, float(size.group(1)), unit, "absolute", "", stated)
        )
    return out


_SEGMENT_END = re.compile(r"[;:]")
_LEADING_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _first_score_beside(sentence: str, size: re.Match, scores: list[Result]) -> Result | None:
    """The first score of the part of the sentence (between semicolons and colons) the size is
    in: "(i) ... a 557-million-parameter AmoebaNet model and attain a top-1 accuracy of 84.4% on
    ImageNet-2012, (ii) ...: We train a single 6-billion-parameter ... model" sizes the first only."""
    start = max((m.end() for m in _SEGMENT_END.finditer(sentence, 0, size.start())), default=0)
    end_match = _SEGMENT_END.search(sentence, size.end())
    segment = sentence[start : end_match.start() if end_match else len(sentence)]
    best: tuple[int, Result] | None = None
    for result in scores:
        number = _LEADING_NUMBER.match(result.stated)
        if result.kind != "absolute" or number is None:
            continue
        at = re.search(rf"(?<![\d.]){re.escape(number.group(0))}(?!\d)", segment)
        if at is not None and (best is None or at.start() < best[0]):
            best = (at.start(), result)
    return best[1] if best else None


#: "is able to run at over 71 FPS", "while still running end-to-end at over 27 FPS": the speed
#: the paper's model runs at, stated by its floor, is the speed a leaderboard records (not "over
#: 600 FPS" alone, nor "at least 30 FPS", a requirement)
_RUNS_AT_BOUND = re.compile(r"\bat\s+(?:over|above|more than)\s*$")
#: "runs even with multiple objects (eight) end-to-end at over 26 FPS": a floor under a
#: condition the clause sets is that setting's speed, not the benchmark's
_WITH_SETTING = re.compile(r"\bwith\b[^,;:]*$")


def _floor_speed(sentence: str, speed: re.Match) -> bool:
    """ "run at over 71 FPS": a speed bound that is the model's running speed."""
    at = _RUNS_AT_BOUND.search(sentence, max(0, speed.start() - 20), speed.start())
    return at is not None and not _WITH_SETTING.search(
        sentence, max(0, at.start() - 60), at.start()
    )


_SPEED_RANGE = re.compile(r"\bfrom\s+$|\bfrom\s+\d+(?:\.\d+)?\s?(?:FPS|fps)\s+to\s+$")


def _speeds(
    sentence: str, mentions: list[Mention], inside: list[Mention], carried: bool
) -> list[Result]:
    """ "SparseInst achieves 40 FPS and 37.9 AP on the COCO benchmark": the speed of the paper's
    model (FPS) on the benchmark the figure is tied to; bounds ("over 600 FPS") and rivals'
    figures are skipped."""
    out: list[Result] = []
    if "speed of" in sentence and _REAL_TIME.search(sentence):
        out += _unitless_speeds(sentence, mentions, inside, carried)
    if "FPS" not in sentence and "fps" not in sentence and "frames" not in sentence:
        return out
    for pair in _FPS_PAIR.finditer(sentence):
        out += _speed_pair(sentence, pair, mentions, carried)
    for speed in _FPS.finditer(sentence):
        if _inside(speed, inside) or (
            _BOUND_BEFORE.search(sentence[max(0, speed.start() - 20) : speed.start()])
            and not _floor_speed(sentence, speed)
        ):
            continue
        if _about_others(sentence, speed) or _delta_kind(sentence, speed) is not None:
            continue
        if _SPEED_RANGE.search(sentence, 0, speed.start()) or _BOUND_AFTER.match(
            sentence, speed.end()
        ):
            continue  # "in the range from 5 FPS to 160 FPS": every detector's, not a result
        result = _fps_result(sentence, speed, mentions, carried)
        if result is not None:
            out.append(result)
    return out


def _fps_result(
    sentence: str, speed: re.Match, mentions: list[Mention], carried: bool
) -> Result | None:
    """The speed ``speed`` (its number in group 1) in FPS, on the benchmark it is tied to."""
    bench = mentions[0] if carried else tied_benchmark(sentence, speed, [speed], mentions)
    if bench is None:
        return None
    split = _split(sentence, speed, None if carried else bench)
    return Result(
        bench, "FPS", float(speed.group(1)), "FPS", "absolute", split, f"{speed.group(1)} FPS"
    )


#: "retains a real-time processing speed of 54.60 on the Kvasir-SEG dataset": a model's
#: speed written without its unit, in a sentence about running in real time, is in frames per
#: second
_REAL_TIME = re.compile(r"\breal[- ]time\b", re.I)
_UNITLESS_SPEED_OF = re.compile(
    r"\b(?:processing|inference|running|operation|operating|segmentation|detection)\s+speed\s+of\s+(?:about\s+|around\s+)?"
)
_UNITLESS_FIGURE = re.compile(
    r"(\d{1,4}(?:\.\d+)?)(?![\d.%×A-Za-z/]|\s%)(?!\s+(?:ms|s|sec|seconds?|milliseconds?|x|FPS|fps|frames|images?|tokens?|samples?|times)\b)"
)


def _unitless_speeds(
    sentence: str, mentions: list[Mention], inside: list[Mention], carried: bool
) -> list[Result]:
    out = []
    for speed_of in _UNITLESS_SPEED_OF.finditer(sentence):
        speed = _UNITLESS_FIGURE.match(sentence, speed_of.end())
        if speed is None or _inside(speed, inside) or _about_others(sentence, speed):
            continue
        result = _fps_result(sentence, speed, mentions, carried)
        if result is not None:
            out.append(result)
    return out


def _speed_pair(sentence: str, pair: re.Match, mentions: list[Mention], carried: bool) -> list:
    """Both speeds of "26.2/43.3 FPS", on the benchmark the pair is tied to."""
    if _BOUND_BEFORE.search(sentence[max(0, pair.start() - 20) : pair.start()]):
        return []
    if _about_others(sentence, pair):
        return []
    bench = mentions[0] if carried else tied_benchmark(sentence, pair, [pair], mentions)
    if bench is None:
        return []
    split = _split(sentence, pair, None if carried else bench)
    return [
        Result(bench, "FPS", float(v), "FPS", "absolute", split, f"{v} FPS")
        for v in (pair.group(1), pair.group(2))
    ]


def _scores(
    sentence: str, mentions: list[Mention], inside: list[Mention], carried: bool
) -> list[Result]:
    """The scores (and improvements) of ``find_results``."""
    figures = [
        n for n in numbers(sentence) if not _inside(n, inside) and not _is_bound(sentence, n)
    ]
    if not figures:
        return []
    metrics = metric_matches(sentence)
    scored = bool(metrics or _SCORE.search(sentence))
    # (once per figure, for _implied and the reading below: a costly test)
    kinds = [_delta_kind(sentence, n) for n in figures] if scored or not carried else []
    implied = [] if carried else _implied(sentence, figures, kinds, mentions, metrics)
    if not scored:
        if not carried and "from" in sentence and mentions:
            taken = {r.value for r in implied}
            implied += [r for r in _changed_on(sentence, figures, mentions) if r.value not in taken]
        return implied
    scores = [n for n, kind in zip(figures, kinds) if kind is None]
    deltas = [n for n, kind in zip(figures, kinds) if kind is not None]
    out = _read(sentence, scores, metrics, mentions, inside, carried, absolute=True)
    out += _read(sentence, deltas, metrics, mentions, inside, carried, absolute=False)
    taken = {r.value for r in out}
    return out + [r for r in implied if r.value not in taken]


#: "we improve the state of the art on CIFAR-10 with 4000 labels from 10.55% to 6.28%": a change
#: on a benchmark no metric is written with
_CHANGE_FROM_TO = re.compile(
    r"\bfrom\s+(\d{1,3}(?:\.\d+)?)\s?(%)?\s+to\s+(\d{1,3}(?:\.\d+)?)\s?(%)?(?![\w.]?\d)", re.I
)
_CHANGE_CUE = re.compile(
    r"\b(?:improv|rais|boost|push|advanc|reduc|lower|decreas|increas|cut|bring|brought)\w*", re.I
)
_OWN_CHANGE = re.compile(r"\b(?:we|our|ours|the proposed|this (?:paper|work|method))\b", re.I)
#: between the benchmark and "from": its setting, no clause break ("with 10% of the labels")
_BENCH_FROM_GAP = re.compile(r"[^,;:()]{0,40}")


def _changed_on(sentence: str, figures: list, mentions: list[Mention]) -> list[Result]:
    """The value a change reaches on the benchmark named just before "from X to Y", in the
    benchmark's own metric (``primary_metrics``); a fall in a metric higher is better in is a
    fall of its error ("from 10.55% to 6.28%" on CIFAR-10)."""
    if not _CHANGE_CUE.search(sentence) or not _OWN_CHANGE.search(sentence):
        return []  # (not "Recent advances ... boosting GSM8K from 17.9% to 58.1%")
    ends = {n.start(): n for n in figures if not isinstance(n, Figure)}
    out: list[Result] = []
    for change in _CHANGE_FROM_TO.finditer(sentence):
        number = ends.get(change.start(3))
        before = [m for m in mentions if m.end <= change.start()]
        if number is None or not before or _about_others(sentence, number):
            continue
        bench = before[-1]
        if not _BENCH_FROM_GAP.fullmatch(sentence, bench.end, change.start()):
            continue
        metric = primary_metric(bench.name)
        if metric is None:
            continue
        old, new = float(change.group(1)), float(change.group(3))
        if (new < old) != lower_is_better(metric):
            if "accuracy" not in metric or change.group(4) is None:
                continue
            metric = "error rate"
        unit = change.group(4) and "%"
        split = _split(sentence, number, bench)
        out.append(
            Result(bench, metric, new, unit, "absolute", split, change.group(3) + (unit or ""))
        )
    return out


_SPEED_OF = AsciiFast(r"\b(?:speed|time|latency|throughput)\s+of\s+$", re.I)
_PAREN_FIGURE = re.compile(r"\s*\(\s*")
_PAREN_CLOSE = re.compile(r"\s*\)")
_FIGURE_ON = re.compile(r"\s*\)?\s+on\s+(?:the\s+)?")
_OPENS = re.compile(r"\(\s*$")


_BENCH_COLON = re.compile(r"\s*:\s*")
_ITEM_END = re.compile(r"\s*(?:%|dB)?\s*(?:[,;)]|\.(?!\d)|$|and\b)")


_ACHIEVING_BETWEEN = re.compile(
    r"\s+(?:data ?sets|benchmarks)?,?\s*(?:achieving|obtaining|reaching)\s+(?:[\w-]+\s+){0,5}?(?:of\s+)?",
    re.I,
)


_LIST_OF = re.compile(
    r"\s*(?:data ?sets|benchmarks)?\s*(?:of|are|were|reach|=|:)\s+(?:an?\s+)?", re.I
)


def _respective_before(
    sentence: str, number, figures: list, mentions: list[Mention]
) -> Mention | None:
    """ "raise the state-of-the-art performance ... on LRW and LRW-1000 to 88.5 % and 46.6 %,
    respectively": a list of benchmarks, then a list of as many figures, paired in order."""
    listed = _listed_before(sentence, number, figures, mentions)
    return listed[0][listed[1]] if listed else None


def _list_metric(listed: list[Mention]) -> str | None:
    """ "on PASCAL VOC 2012 and Cityscapes datasets, achieving the test set performance of 89.0%
    and 82.1%": figures paired with a list of benchmarks share one measure; when the list's
    benchmarks that have an own metric all report in one, it is that of the others too."""
    own = {primary_metric(m.name) for m in listed} - {None}
    return own.pop() if len(own) == 1 else None


def _listed_before(
    sentence: str, number, figures: list, mentions: list[Mention]
) -> tuple[list[Mention], int] | None:
    """The list of benchmarks ``_respective_before`` pairs the figure with, and its place in it."""
    respectively = "respectively" in sentence
    run = figure_run(sentence, number, figures)
    if run is None:
        return None
    listed, first, last, at = run
    before = [m for m in mentions if m.end <= listed[first].start()]
    if not respectively and not (
        before
        and (
            _ACHIEVING_BETWEEN.fullmatch(sentence, before[-1].end, listed[first].start())
            or _LIST_OF.fullmatch(sentence, before[-1].end, listed[first].start())
            or _opens_with_list(sentence, before, listed[first].start())
        )
    ):
        # "on PASCAL VOC 2012 and Cityscapes datasets, achieving the test set performance of
        # 89.0% and 82.1%": the list, then the participle of the paper's result, then the
        # figures; "top-1 accuracies on ImageNet and ImageNet-V2 of 85.1% and 74.3%"; "On
        # CIFAR-10 and CIFAR-100, our model achieves 97.1% and 83.2%": the list opening the
        # sentence
        return None
    if len(before) != last - first + 1 or len({m.name for m in before}) != len(before):
        return None
    if any(
        not LIST_GAP.fullmatch(sentence, a.end, b.start) for a, b in zip(before, before[1:])
    ) or any(m.start >= listed[last].end() for m in mentions):
        return None
    return before, at - first


def _opens_with_list(sentence: str, before: list[Mention], start: int) -> bool:
    """ "On the WMT14 English-German and English-French tasks, X achieves 29.1 and 41.2 BLEU":
    the sentence opens with the list of benchmarks ``before``, and its clause's own verb states
    the figures from ``start``."""
    if not _OPENING_ON.fullmatch(sentence, 0, before[0].start):
        return False
    comma = _OPENING_END.match(sentence, before[-1].end)
    return (
        comma is not None
        and comma.end() <= start
        and _OWN_FIGURE_BEFORE.search(sentence, comma.end(), start) is not None
    )


def _implied(
    sentence: str,
    figures: list,
    kinds: list[str | None],
    mentions: list[Mention],
    metrics: list[re.Match],
) -> list[Result]:
    """ "new benchmark records on Cora (84.31%) and Pubmed (80.95%)", "achieves 78.6 on COCO
    test-dev": a figure no metric is written with, right after its benchmark in parentheses or
    right before "on" it, in the metric the benchmark's results are reported in
    (``primary_metrics``); when the sentence names metrics, only in one of them ("lowered the
    word error rate ... to a record 6.6% on the Switchboard subset"). ``kinds``: each figure's
    ``_delta_kind``."""
    groups = [(g.start(), g.end()) for g in _ASIDES.finditer(sentence)] if metrics else []
    out: list[Result] = []
    for number, kind in zip(figures, kinds):
        if isinstance(number, Figure) or kind is not None:
            continue
        # "for ImageNet-C (41.42 mCE), ImageNet-R (53.92%), and ImageNet-Sketch (41.04%)": a
        # metric inside another figure's parentheses is that figure's, not the sentence's
        named = {
            metric_name(m)
            for m in metrics
            if not any(a <= m.start() < b and not a <= number.start() < b for a, b in groups)
        }
        if _SPEED_OF.search(sentence, 0, number.start()):
            continue  # "a real-time processing speed of 54.60 on the Kvasir-SEG dataset"
        unit = (number.group(2) or "").strip() or None
        value = float(number.group(1))
        if (unit is None and "." not in number.group(1)) or (unit == "%" and value > 100):
            continue  # "on 3 datasets": a count
        in_list, bench = listed_benchmark(sentence, number, figures, mentions)
        if in_list and bench is None:
            continue  # a list of figures paired with names the gazetteer does not know
        bench = bench or _benchmark_beside(sentence, number, mentions)
        if bench is None:
            bench = _opening_benchmark(sentence, number, mentions)
        metric = primary_metric(bench.name) if bench is not None else None
        if bench is None:
            listed = _listed_before(sentence, number, figures, mentions)
            if listed is not None:
                bench = listed[0][listed[1]]
                metric = primary_metric(bench.name) or _list_metric(listed[0])
        if named and metric is not None and metric not in _same_metrics(named):
            # "84.1% on ImageNet, 50.3 AP on COCO and 52.1 mIoU on ADE20K": a metric written
            # right after a later figure is that figure's, not the sentence's
            named = {
                metric_name(m)
                for m in metrics
                if not any(
                    f.start() > number.end() and _ADJACENT.fullmatch(sentence, f.end(), m.start())
                    for f in figures
                )
            }
        if (
            metric is None
            or (named and metric not in _same_metrics(named))
            or _about_others(sentence, number)
        ):
            continue
        if named and figure_run(sentence, number, figures) is not None:
            continue  # "MAE of 57.6, 6.3 and 87.6 on ShanghaiTechA, ...": the list rules' to pair
        stated = f"{number.group(1)}{unit or ''}"
        split = _split(sentence, number, bench)
        out.append(Result(bench, metric, value, unit, "absolute", split, stated))
    return out


#: "On the Qangaroo WikiHop multi-evidence question answering task, the CFC obtains": the
#: sentence opens with the one benchmark it is about
_OPENING_ON = re.compile(r"(?:On|For)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?$")
_OPENING_END = re.compile(r"(?:\s+(?!and\b|or\b)[\w-]+){0,6}\s*,\s")
#: "... obtains a new state-of-the-art result of 70.6%", "achieves 80.1%": the paper's own figure
_OWN_FIGURE_BEFORE = re.compile(
    r"\b(?:achiev|obtain|reach|attain)\w*\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:state-of-the-art\s+|best\s+)?(?:(?:result|performance|score)\s+of\s+)?$",
    re.I,
)


def _benchmark_beside(sentence: str, number, mentions: list[Mention]) -> Mention | None:
    """The benchmark written right beside a figure: before it in parentheses, a colon or an
    arrow, or after it with "on"."""
    return next(
        (
            m
            for m in mentions
            if (
                m.end <= number.start()
                and _PAREN_FIGURE.fullmatch(sentence, m.end, number.start())
                and _PAREN_CLOSE.match(sentence, number.end())
            )
            # "CIFAR-10: 97.1%, CIFAR-100: 83.2%": a table written as prose
            or (
                m.end <= number.start()
                and _BENCH_COLON.fullmatch(sentence, m.end, number.start())
                and _ITEM_END.match(sentence, number.end())
            )
            # "(e.g., GSM8K 74.4% ? 83.2%)": the benchmark, where it started, an arrow
            or (m.end <= number.start() and _BENCH_ARROW.fullmatch(sentence, m.end, number.start()))
            or (
                m.start >= number.end()
                and _FIGURE_ON.fullmatch(sentence, number.end(), m.start)
                # "state-of-the-art performance (85.4%) on VisDA": a ")" only closes the figure's "("
                and (
                    sentence[number.end() : m.start].lstrip()[:1] != ")"
                    or _OPENS.search(sentence, 0, number.start())
                )
            )
        ),
        None,
    )


def _opening_benchmark(sentence: str, number, mentions: list[Mention]) -> Mention | None:
    """ "On the Qangaroo WikiHop ... task, the CFC obtains a new state-of-the-art result of
    70.6% on the blind test set": a figure the paper's verb states, in a sentence that opens
    with the one benchmark it names, is on that benchmark."""
    if len({m.name for m in mentions}) != 1:
        return None
    first = mentions[0]
    if not _OPENING_ON.fullmatch(sentence, 0, first.start):
        return None
    comma = _OPENING_END.match(sentence, first.end)
    if comma is None or comma.end() > number.start():
        return None
    if not _OWN_FIGURE_BEFORE.search(sentence, comma.end(), number.start()):
        return None
    return first


def _read(
    sentence: str,
    numbers: list,
    metrics: list[re.Match],
    mentions: list[Mention],
    inside: list[Mention],
    carried: bool,
    absolute: bool,
) -> list[Result]:
    """Results for ``numbers`` (all scores, or all improvements when not ``absolute``)."""
    kept = [n for n in numbers if not (absolute and _about_others(sentence, n))]
    listed = _listed_metrics(sentence, kept, metrics)
    tied: list[tuple] = []
    #: the figures whose metric is the one written after the list's first figure ("52.3 AP on
    #: COCO, 85.2% on CIFAR-100"; not "an FID of 2.97 on ImageNet 128, 4.59 on ImageNet 256")
    spread: set[int] = set()
    for i, number in enumerate(kept):
        metric = listed.get(i) or _tied_metric(sentence, number, metrics, inside)
        # "82.1% and 90.3% accuracy": the metric after a list of numbers covers all of them
        follower = number
        while metric is None:
            later = [n for n in kept if n.start() > follower.end()]
            if not later or not LIST_GAP.fullmatch(sentence[follower.end() : later[0].start()]):
                break
            follower = later[0]
            metric = _tied_metric(sentence, follower, metrics, inside)
        if metric is None and tied and tied[-1][1] is not None:
            # "FID scores of 30.83 and 2.95", "94.8% on CIFAR-10 and 74.03% on ImageNet": the
            # metric before a list covers the figures listed after the first
            gap = _without_mentions(sentence, tied[-1][0].end(), number.start(), mentions)
            # "83.2% top-1 accuracy (+0.8%) on UCF101 and 54.5% on HMDB51": the first figure's
            # metric and asides may stand between
            gap = _ASIDES.sub(" ", METRIC.sub(" ", gap, count=1))
            # "F1 score of 81.43% compared with 80.47% of the existing method on CULane, and
            # 86.47% ... on CurveLanes": the rival's figure after the first one stands between
            gap = _RIVAL_ASIDE.sub(" ", gap)
            if _LIST_AFTER.fullmatch(SPACES.sub(" ", gap)):
                metric = tied[-1][1]
                if isinstance(number, Figure):
                    # "EM/F1 scores of 78.5/80.1 on SQuAD and 60.2/61.0 on NewsQA": a pair after
                    # a pair takes the metric of its place in the pair before
                    metric = next(
                        (
                            m
                            for n, m in reversed(tied)
                            if isinstance(n, Figure)
                            and (n.count, n.which) == (number.count, number.which)
                        ),
                        metric,
                    )
                if i - 1 in spread or _written_after(sentence, tied[-1][0], metrics):
                    spread.add(i)
            elif _AND_BEFORE.search(sentence, 0, number.start()) and _VARIANT_AFTER.match(
                sentence, number.end()
            ):
                # "76.0% Top-1 ... accuracy on ImageNet with ResNet-50, and 78.8% with ResNet-50
                # 2x": the same measure again, for a variant of the model
                metric = tied[-1][1]
            elif (
                (" on V" in sentence or " on v" in sentence)
                and _AND_BEFORE.search(sentence, 0, number.start())
                and _ON_VERSION.match(sentence, number.end())
            ):
                # "94.1% on Google Speech Commands dataset V1 and 94.5% on V2": the same measure
                # on another version of the benchmark
                metric = tied[-1][1]
        tied.append((number, metric))
    scored = [n for n, m in tied if m is not None]
    out: list[Result] = []
    for at, (number, metric) in enumerate(tied):
        bench = None
        if not carried:
            named_metric, bench = _bench_metric_number(sentence, number, metrics, mentions)
            metric = metric or named_metric
        if metric is None and not carried:
            # "in terms of mIoU ... on the SemanticKITTI (59.5@5%) and ScribbleKITTI (58.1@5%)"
            metric, bench = _parenthesised(sentence, number, metrics, mentions)
        if metric is None:
            continue
        unit = (number.group(2) or "").strip() or None
        value = float(number.group(1))
        if unit == "%" and value > 100:
            continue
        if bench is None:
            bench = (
                mentions[0]
                if carried
                else tied_benchmark(sentence, number, scored or numbers, mentions)
            )
        if bench is None and not carried:
            bench = _respective_before(sentence, number, numbers, mentions)
        if bench is None and out and _ON_SPLIT.match(sentence, number.end()):
            bench = out[-1].benchmark
        if (
            bench is None
            and out
            and (" on V" in sentence or " on v" in sentence)
            and _ON_VERSION.match(sentence, number.end())
        ):
            bench = out[-1].benchmark
        if bench is not None and at in spread and _not_its_metric(bench, metric):
            # "52.3 AP on COCO, 85.2% on CIFAR-100": the list's metric is not the one that
            # benchmark reports in
            continue
        if metric == "perplexity" and value < 2 and _CHARACTER.search(sentence):
            # "the character language modeling task on PTB ... a perplexity of 1.214": below 2 a
            # character model's figure is its bits per character
            metric = "bits per character"
        if bench is not None:
            kind = "absolute" if absolute else _delta_kind(sentence, number) or "delta"
            if not absolute and _POINTS.match(sentence[number.end() :]):
                unit = "points"
            stated = f"{number.group(1)}{' ' + unit if unit == 'points' else unit or ''}"
            split = _split(sentence, number, None if carried else bench)
            if not split and out and _VARIANT_SPLIT.match(sentence, number.end()):
                # "6.8% WER on test-other without the use of a language model, and 5.8% WER with
                # shallow fusion": the same measure again for a variant, on the same split
                last = out[-1]
                if last.split and (last.benchmark, last.metric) == (bench, metric):
                    split = last.split
            out.append(Result(bench, metric, value, unit, kind, split, stated))
    return out


_CHARACTER = re.compile(r"\bcharacter(?:-level|s)?\b", re.I)

#: metrics an abstract writes for one another
_SAME_METRIC = {"top-1 accuracy": "accuracy"}


def _same_metrics(names: set[str]) -> set[str]:
    """ "ImageNet-1K ... top-1 accuracy of 83.74 ..., 80.36 on VQA": the metrics ``names`` stand
    for, with the general reading of each specific one (a written "accuracy" does not stand for
    a top-1 accuracy: "68.0% accuracy on ImageNet ..., with marginal performance drop (... 1.40%
    on ImageNet)")."""
    return names | {_SAME_METRIC[n] for n in names if n in _SAME_METRIC}


def _written_after(sentence: str, number, metrics: list[re.Match]) -> bool:
    """A metric is written right after the figure ("52.3 AP")."""
    return any(_ADJACENT.fullmatch(sentence, number.end(), m.start()) for m in metrics)


def _not_its_metric(bench: Mention, metric: str) -> bool:
    """The benchmark's results are reported in another metric than ``metric`` (primary_metrics)."""
    own = primary_metric(bench.name)
    return own is not None and _SAME_METRIC.get(own, own) != _SAME_METRIC.get(metric, metric)


_RIVAL_ASIDE = re.compile(
    r"\b(?:compared (?:with|to)|versus|vs\.?)\s+\d{1,3}(?:\.\d+)?\s?%?(?:\s+(?:of|for|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:methods?|models?|baselines?|approach(?:es)?|systems?|works?|art))?",
    re.I,
)
_SCORE_WORD = re.compile(r"\s+scores?\b")
_BARE_PAREN = re.compile(r"\s*\(")
_TRAILING_PREP = re.compile(r"\b(?:on|in|for)\s+(?:the\s+)?\s*$")
_RELATIVE_BEFORE = re.compile(r"relative(?: \w+)? (?:of|by)\s*$|\brelative\s*$", re.I)
#: a figure's spread: "85.2 ± 0.4%"
_SPREAD = r"(?:±\s?\d{1,3}(?:\.\d+)?\s?%?\s*)?"
#: between two figures sharing the first one's metric: "30.83 and ", "94.8% on CIFAR-10 and "
#: (and "1.9% on LibriSpeech test-clean and 3.9% on test-other": a split after the benchmark;
#: "63% F1 zero-shot, 69% with 16 examples": the first figure's setting)
_LIST_AFTER = re.compile(
    r"\s*(?:%|dB)?\s*"
    + _SPREAD
    + r"(?:\([^()]{0,40}\)\s*)?(?:(?:in\s+(?:the\s+)?)?(?:zero|few|one|\d{1,2})-shot\s*(?:settings?\s*)?)?(?:(?:on|in|for)\s+(?:the\s+)?\s*"
    + BENCHMARK_ADJECTIVES
    + r"(?:\d{2,4}\s?[?×x]\s?\d{2,4}\s*)?(?:(?:test-clean|test-other|test-dev|test-std|minival|val(?:idation)?|dev|test)\s+)?(?:(?:dataset|benchmark|test set|set|split)s?\s*)?)?(?:,|,?\s*and|,?\s*or|/)\s*",
    re.I,
)
#: "... and 3.9% on test-other": a figure on another split of the benchmark the figure before is on
_ON_SPLIT = re.compile(r"\s*(?:%|dB)?\s*(?:on|in)\s+(?:the\s+)?" + _SPLIT.pattern[2:], re.I)
#: "94.1% on Google Speech Commands dataset V1 and 94.5% on V2": a figure on another version of
#: the benchmark the figure before is on, named by its version alone
_ON_VERSION = re.compile(
    r"\s*(?:%|dB)?\s*on\s+(?:the\s+)?(?:[vV]|version\s+)\d(?:\.\d)?\b(?![-.]?\w)"
)
#: "UAS and LAS are 95.9% and 94.1%": a list of metrics, then as many figures (and "accuracy,
#: MF1, and Cohen's kappa (κ) were 83.9%, 77.6%, 0.78": the last one's abbreviation between)
_METRICS_THEN_FIGURES = re.compile(
    r"\s*(?:\([^()]{1,12}\)\s*)?\s(?:are|were|is|of|reach(?:es|ing)?|achieve[sd]?)\s+(?:an?\s+|the\s+)?",
    re.I,
)
#: "68.96 and 65.21 of execution accuracy and program accuracy": figures, then as many metrics
_FIGURES_THEN_METRICS = re.compile(r"\s*(?:%\s*)?(?:of|in|for|in terms of)\s+(?:the\s+)?", re.I)


#: "EM/F1 scores of 78.5/80.1", "PSNR/SSIM of 32.1/0.901": metrics joined by slashes, then as
#: many figures (a pair "78.5/80.1" or a list "85.2 and 60.1")
_SLASHED_THEN_FIGURES = re.compile(
    r"s?\s*(?:\([^()]{1,12}\)\s*)?(?:(?:scores?|values?|results?)\s+)?"
    r"(?:(?:are|were|is|of|reach(?:es|ing)?|achieve[sd]?|=|:)\s*)?(?:an?\s+|the\s+)?",
    re.I,
)
#: "78.5/80.1 EM/F1": figures, then as many metrics joined by slashes
_FIGURES_THEN_SLASHED = re.compile(
    r"\s*(?:%\s*)?(?:(?:of|in|for|in terms of)\s+(?:the\s+)?)?", re.I
)
_SLASH = re.compile(r"\s?/\s?")


def _runs(sentence: str, items: list, start, end, gap: re.Pattern = LIST_GAP) -> list[list]:
    """``items`` grouped into runs joined by "," / "and" / "or" (or by ``gap``)."""
    runs: list[list] = []
    for item in items:
        if runs and gap.fullmatch(sentence[end(runs[-1][-1]) : start(item)]):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _listed_metrics(sentence: str, numbers: list, metrics: list[re.Match]) -> dict[int, str]:
    """Figures paired one to one with a list of as many metrics written just before or after
    them, by position in ``numbers``."""
    if len(metrics) < 2 or len(numbers) < 2:
        return {}
    paired: dict[int, str] = {}
    figure_runs = _runs(sentence, numbers, lambda n: n.start(), lambda n: n.end())
    metric_runs = [
        r for r in _runs(sentence, metrics, lambda m: m.start(), lambda m: m.end()) if len(r) > 1
    ]
    for figures in figure_runs:
        for names in metric_runs:
            if len(names) != len(figures):
                continue
            before = sentence[names[-1].end() : figures[0].start()]
            after = sentence[figures[-1].end() : names[0].start()]
            if (
                names[-1].end() <= figures[0].start() and _METRICS_THEN_FIGURES.fullmatch(before)
            ) or (figures[-1].end() <= names[0].start() and _FIGURES_THEN_METRICS.fullmatch(after)):
                for figure, name in zip(figures, names):
                    paired[numbers.index(figure)] = metric_name(name)
    if "/" in sentence:
        paired.update(_slashed_metrics(sentence, numbers, metrics, figure_runs))
    return paired


def _slashed_metrics(
    sentence: str, numbers: list, metrics: list[re.Match], figure_runs: list[list]
) -> dict[int, str]:
    """Figures paired one to one with metrics joined by slashes ("EM/F1 of 78.5/80.1"), by
    position in ``numbers``."""
    slashed = [
        r
        for r in _runs(sentence, metrics, lambda m: m.start(), lambda m: m.end(), _SLASH)
        if len(r) > 1
    ]
    if not slashed:
        return {}
    pairs: dict[int, list] = {}
    for n in numbers:
        if isinstance(n, Figure):
            pairs.setdefault(n.start(), []).append(n)
    paired: dict[int, str] = {}
    for figures in [*pairs.values(), *(r for r in figure_runs if len(r) > 1)]:
        for names in slashed:
            if len(names) != len(figures):
                continue
            if (
                names[-1].end() <= figures[0].start()
                and _SLASHED_THEN_FIGURES.fullmatch(sentence, names[-1].end(), figures[0].start())
            ) or (
                figures[-1].end() <= names[0].start()
                and _FIGURES_THEN_SLASHED.fullmatch(sentence, figures[-1].end(), names[0].start())
            ):
                for figure, name in zip(figures, names):
                    paired[numbers.index(figure)] = metric_name(name)
    return paired


def _without_mentions(sentence: str, start: int, end: int, mentions: list[Mention]) -> str:
    """The text between ``start`` and ``end`` with the benchmark names in it blanked out."""
    gap = sentence[start:end]
    for mention in mentions:
        if start <= mention.start and mention.end <= end:
            gap = gap.replace(sentence[mention.start : mention.end], " ")
    return SPACES.sub(" ", gap)


def _split(sentence: str, number, bench: Mention | None) -> str:
    """The split written right after the benchmark ("COCO test-dev", "LibriSpeech test-clean")
    or with the figure ("on the validation set")."""
    own = _ON_SPLIT.match(sentence, number.end())
    if own is not None:
        # "38.2 mAP on the COCO val set and 39.1 mAP on test-dev": the figure's own split, not
        # the one written after the benchmark of the sentence
        word = own.group(1).lower()
        return _SPLIT_NAMES.get(word, word)
    windows = [sentence[bench.end : bench.end + 40]] if bench is not None else []
    windows.append(sentence[number.end() : number.end() + 40])
    for window in windows:
        window = window.lstrip(" (")
        match = _SPLIT.match(window) or (
            _SPLIT.search(window) if bench is None or window is not windows[0] else None
        )
        if match:
            second = _SPLIT_PAIR.match(window, match.end(1))
            if second is not None and isinstance(number, Figure) and number.which == 2:
                # "2.1%/4.3% on LibriSpeech test-clean/test-other": the second of the pair
                match = second
            word = match.group(1).lower()
            return _SPLIT_NAMES.get(word, word)
    return ""


_SPLIT_PAIR = re.compile(r"/" + _SPLIT.pattern[2:], re.I)


#: the most characters other than whitespace a _TIE_BEFORE match can hold (its longest words,
#: "s metrics achieving respectively the around", hold 38)
_TIE_SPAN = 60


def _tie_before(before: str) -> re.Match | None:
    """``_TIE_BEFORE.search(before)``, searched from near the end: a match ends there and holds
    at most _TIE_SPAN characters other than whitespace (a search from the start tries the
    pattern at every place of the sentence)."""
    start = max(0, len(before) - 2 * _TIE_SPAN)
    if start and len("".join(before[start:].split())) <= _TIE_SPAN:
        start = 0  # (a window short of that many: searched whole)
    return _TIE_BEFORE.search(before, start)


def _bench_metric_number(
    sentence: str, number, metrics: list[re.Match], mentions: list[Mention]
) -> tuple[str | None, Mention | None]:
    """ "pushing the GLUE score to 80.5%, MultiNLI accuracy to 86.7%": the benchmark written just
    before the metric that is written just before the number."""
    if all(m.end > number.start() for m in mentions):
        return None, None  # no benchmark before the number (the cheap test first)
    before = sentence[: number.start()]
    tie = _tie_before(before)
    if tie is None:
        return None, None
    head = before[: tie.start()] if tie.group(0).strip() else before.rstrip()
    metric = next((m for m in metrics if m.end() == len(head.rstrip())), None)
    score = _SCORE_WORD.match(tie.group(0))
    if metric is not None:
        start, name = metric.start(), metric_name(metric)
    elif score is not None:
        # a bare "score" is a metric only right after a benchmark name ("the GLUE score")
        start, name = tie.start() + len(tie.group(0)) - len(tie.group(0).lstrip()), "score"
    else:
        return None, None
    for mention in mentions:
        gap = sentence[mention.end : start]
        if (
            mention.end <= start
            and (gap == " " or _BENCH_METRIC_GAP.fullmatch(gap))
            and len(gap) <= 40
        ):
            return name, mention
    return None, None


#: "provides substantial benefits over a strong baseline and achieves ... Cityscapes (82.0%": a
#: second verb of the paper's own starts the clause again
_OWN_AGAIN = re.compile(
    r"\b(?:and|by)\s+(?:also\s+|then\s+)?(?:achiev|obtain|reach|attain|establish|yield|set)\w*\b",
    re.I,
)


_AND_START = re.compile(r"\s*(?:and|or)\s+(?!(?:also\s+)?(?:achiev|obtain|reach))", re.I)


def _own_again(clause: str) -> str:
    """The clause from its last "and achieves" / "and obtains" on."""
    starts = [m.end() for m in _OWN_AGAIN.finditer(clause)]
    return clause[starts[-1] :] if starts else clause


def _about_others(sentence: str, number: re.Match) -> bool:
    """ "outperforming the best score without search (pass@1 = 41.4%)": the clause holding the
    number (no comma or semicolon between) is about what the paper compares against; in
    "from 32.92 to 33.57" the figure after "to" is the paper's own, and so is one that "ranks
    first" on a leaderboard."""
    if _RANKS_FIRST.match(sentence, number.end()):
        return False
    before = sentence[: number.start()]
    opened = before.rfind("(")
    head = _own_again(CLAUSE.split(before[:opened])[-1]) if opened > before.rfind(")") else ""
    if head and _MARGIN_BEFORE.search(head):
        # "exceeding the state-of-the-art methods by a large margin (e.g., 89.1% v.s. 81.0% for
        # the mAP": the aside shows the margin, the paper's figure first
        head = ""
    if head and (_COMPARISON.search(head) or _BEATS_NAME.search(head)):
        return True  # "outperforms SWIN-L Cascade-Mask R-CNN (9.2 FPS A100, 53.9% AP)"
    if head and _AND_START.match(head):
        # "... outperforms both SWIN-L Cascade-Mask R-CNN (9.2 FPS A100, 53.9% AP) by 509% in
        # speed, and convolutional-based detector ConvNeXt-XL Cascade-Mask R-CNN (8.6 FPS": the
        # next rival of a list whose first one was
        earlier = before.rfind("(", 0, opened - len(head))
        if earlier >= 0:
            head2 = CLAUSE.split(before[:earlier])[-1]
            if _BEATS_NAME.search(head2):
                return True
    clause = _own_again(CLAUSE.split(_ASIDES.sub(" ", before))[-1])
    # "89.1% v.s. 81.0% for the mAP ... and 87.4% v.s. 84.5%": after a rival's figure, the next
    # pair starts again with the paper's
    clause = _VERSUS_FIGURE.split(clause)[-1]
    if _RANGE_START.search(clause):
        return False
    if _FROM_TO.search(clause):
        clause = clause[: _FROM_TO.search(clause).start()]
        if _RANGE.search(clause):
            return False
    if _COMPARISON.search(clause) or _CONTRAST_OPENING.match(clause):
        return True
    # "This compares to the previous state-of-the-art hybrid system of 7.5% WER" (but not "we
    # outperform prior work ...")
    prior = _PRIOR.search(clause)
    return prior is not None and not _BEATS.search(clause, 0, prior.start())


_VERSUS_FIGURE = re.compile(r"\b(?:v\.?s\.?|versus)\s+\d{1,3}(?:\.\d+)?\s?%?", re.I)
_MARGIN_BEFORE = re.compile(r"\bmargins?\s*$", re.I)


#: "with a mean AUC of 0.930, which ranks first on the CheXpert leaderboard": the figure placed
#: first is the paper's, whatever it was compared with before
_RANKS_FIRST = re.compile(
    r"\s*(?:%|dB)?\s*,?\s*(?:which\s+)?(?:rank(?:s|ed|ing)|plac(?:es|ed|ing)|is\s+ranked)\s+(?:first|1st|top|#1)\b",
    re.I,
)


def _inside(number: re.Match, mentions: list[Mention]) -> bool:
    return any(m.start <= number.start() < m.end for m in mentions)


#: "achieves the SI-SDRi upper bound of 21.2 dB": the bound the paper's model reaches is its figure
_REACHES_BOUND = re.compile(
    r"\b(?:achiev|reach|attain|hit)\w*\s+the\s+(?:[\w-]+\s+)?upper bound of\s*$", re.I
)
_UPPER_BOUND_GAP = re.compile(r"^\s+upper bound(?=\s+of\s*$)", re.I)


def _is_bound(sentence: str, number: re.Match) -> bool:
    """A bound ("over 600", "within 0.3%") or a count or cost ("152 FPS"), not a score."""
    return bool(
        (
            _BOUND_BEFORE.search(sentence[max(0, number.start() - 20) : number.start()])
            and not _REACHES_BOUND.search(sentence, max(0, number.start() - 60), number.start())
        )
        or _NOT_A_SCORE.match(sentence, number.end())
        or _BOUND_AFTER.match(sentence, number.end())
        or _ARROW_AFTER.match(sentence, number.end())
        or (
            sentence[number.start() - 1 : number.start()] == "("
            and _LOST_ARROW_AFTER.match(sentence, number.end())
        )
        or _THRESHOLD_AFTER.match(sentence, number.end())
        or _SHOTS_AFTER.match(sentence, number.end())
        or _THRESHOLD_BEFORE.search(sentence[max(0, number.start() - 24) : number.start()])
        or (
            number.group(2) is None
            and "." not in number.group(1)
            and _NAME_NUMBER_BEFORE.search(sentence, max(0, number.start() - 12), number.start())
        )
    )


#: a number of a name, not a figure: "S3DIS Area 5", "WNUT-2020 Task 2", "Track 1", "Part 2"
_NAME_NUMBER_BEFORE = re.compile(
    r"\b(?:area|part|task|subtask|track|fold|split|phase|setting|protocol|scenario|level|round|stage|version|season|edition|session)\s?$",
    re.I,
)


_ARROW = rf"(?:{ARROW}|\s\?\s)"
#: "GSM8K 74.4% → 83.2%" ("?" where a conversion lost the arrow): the figure before the arrow is
#: where the paper started from, the one after it the paper's own
_ARROW_AFTER = re.compile(rf"\s?(?:%|dB)?\s*{_ARROW}\s*\d")
#: "accuracy on RVL-CDIP (91.11 92.69)": two bare figures in parentheses are the two ends of an
#: arrow a conversion dropped whole
_LOST_ARROW_AFTER = re.compile(r"\s?(?:%|dB)?\s+\d{1,3}(?:\.\d+)?\s?(?:%|dB)?\s*\)")
_FROM = (
    rf"(?:\(?\s*\d{{1,3}}(?:\.\d+)?\s?(?:%|dB)?\s*{_ARROW}\s*|\(\d{{1,3}}(?:\.\d+)?\s?(?:%|dB)?\s+)"
)
_ARROW_GAP = re.compile(rf"{_FROM}$")
_BENCH_ARROW = re.compile(rf"\s*:?\s*{_FROM}")


#: a threshold, not a score: "with the 0.5 IoU threshold", "at IoU=0.5", "an IoU threshold of 0.7"
_THRESHOLD_AFTER = re.compile(r"\s*%?\s*(?:IoU\s+|overlap\s+)?thresholds?\b", re.I)
_THRESHOLD_BEFORE = re.compile(
    r"(?:\bthresholds?(?:\s+of)?|\bIoU\s*(?:=|@|>|≥)|\b(?:at|@)\s*(?:an?\s+)?IoU(?:\s+of)?)\s*$",
    re.I,
)


#: the number of a few-shot setting, not a figure: "in 1-shot", "5-way 5 shot"
_SHOTS_AFTER = re.compile(r"[-\s]?(?:shots?|way)\b", re.I)


#: "with 30 FPS or higher", "95% or more": a bound
_BOUND_AFTER = re.compile(
    r"\s*(?:%|FPS|fps)?\s*or (?:higher|more|better|above|greater|less|lower|fewer|below)\b"
)


def _delta_kind(sentence: str, number: re.Match) -> str | None:
    """ "relative" for "12% relative", "delta" for "by 3.2 points" / "+4.2", None for a score."""
    before = sentence[max(0, number.start() - 40) : number.start()]
    after = sentence[number.end() :]
    if _RELATIVE.match(after) or _RELATIVE_BEFORE.search(before):
        return "relative"
    if _DELTA_BEFORE.search(before) or _DELTA_AFTER.match(after):
        return "delta"
    # "an improvement of 13.2 AP and 2.1 AP": the next figure of a list of improvements
    listed = _LISTED_BEFORE.search(before)
    if listed and _DELTA_BEFORE.search(before[: listed.start()]):
        return "delta"
    return None


_AND_BEFORE = re.compile(r"(?:,\s*|\s)and\s+(?:an?\s+)?$")
_VARIANT_AFTER = re.compile(r"\s*%?\s+(?:with|using)\s+(?!only\b|just\b|fewer\b|less\b)")
#: "5.8% WER with shallow fusion": a variant's figure, its metric written again or not
_VARIANT_SPLIT = re.compile(
    r"\s*%?\s+(?:[A-Za-z][\w-]{0,12}\s+)?(?:with|using)\s+(?!only\b|just\b|fewer\b|less\b)"
)
_LISTED_BEFORE = re.compile(
    r"\d{1,3}(?:\.\d+)?\s*(?:%|points?|pp)?\s*(?:[A-Za-z][\w@-]*\s*){0,2}(?:,|,?\s*and)\s*$"
)
#: a count or a cost, not a score: "152 FPS", "14.3M parameters", "with 41.3 FPS", "5 days"; a
#: bound: "to 80%+ Top-1 Accuracy"
_NOT_A_SCORE = re.compile(
    r"\+(?![\d.])|\s*(?:FPS|fps|ms\b|M\b|B\b|K\b|[GMT]?FLOPs|MACs|params\b|parameters\b|GB\b|MB\b|hours?\b|days?\b|GPU|epochs?\b|images\b|samples\b|examples\b|labels\b|layers\b|classes\b|languages\b)"
)


def _parenthesised(
    sentence: str, number: re.Match, metrics: list[re.Match], mentions: list[Mention]
) -> tuple[str | None, Mention | None]:
    """A number in parentheses right after a benchmark, under the sentence's one "in terms of" metric."""
    for mention in mentions:
        if _BARE_PAREN.fullmatch(sentence[mention.end : number.start()]):
            named = [m for m in metrics if _IN_TERMS_OF.search(sentence[: m.start()])]
            if len(named) == 1 and len({metric_name(m) for m in metrics}) == 1:
                return metric_name(named[0]), mention
    return None, None


#: "89.1% v.s. 81.0% for the mAP", "87.4% vs. 84.5% in F1": the figure compared with, right after
_VERSUS_AFTER = re.compile(r"^\s*%?\s*(?:v\.?s\.?|versus)\s+\d{1,3}(?:\.\d+)?\s?%?", re.I)
#: (and "85.2±0.4% accuracy": the spread written between)
_ADJACENT = re.compile(rf"\s*%?\s?{_SPREAD}")
#: "we achieve (77.4+4.2)% mAP": the figure of the paper's base model, then the gain its addition
#: brings, in parentheses before the unit and the metric
_GAIN_IN_PARENS = re.compile(r"\s?\+\s?\d{1,3}(?:\.\d+)?\s?\)\s?(%?)\s?")
_OPENED = re.compile(r"\(\s*$")
_PAREN_OPEN = re.compile(r"\s*%?\s*\(\s*")
_IN_TERMS_OF_AFTER = re.compile(r"\s*%?\s*in terms of\s+(?:the\s+)?", re.I)
#: (and "the F1 score of RE on FUNSD is boosted from 80.35% to 89.45%": the task between)
_ON_BENCHMARK = re.compile(
    r"\s+(?:of\s+(?:the\s+)?[A-Z][\w-]*\s+)?(?:on|in|for)\s+(?:the\s+)?", re.I
)
_DATA_NOUN_START = re.compile(
    r"^\s+(?:(?:val(?:idation)?|test|dev)\s+)?(?:data ?set|benchmark|set|split)\b", re.I
)


def _paired_metric(sentence: str, figure: Figure, metrics: list[re.Match]) -> str | None:
    """ "46.8/38.6 box/mask AP": a pair of figures written with a box/mask pair of metrics."""
    for metric in metrics:
        if "/mask" in metric.group(0).lower() and _ADJACENT.fullmatch(
            sentence, figure.end(), metric.start()
        ):
            return "mAP" if figure.which == 1 else "mask AP"
    return None


def _base_before_gain(sentence: str, number, metric: re.Match) -> re.Match | None:
    """The "+4.2)%" between the base figure of "(77.4+4.2)% mAP" and its metric, None when the
    figure is not written so."""
    if not _OPENED.search(sentence, max(0, number.start() - 3), number.start()):
        return None
    return _GAIN_IN_PARENS.fullmatch(sentence, number.end(), metric.start())


def _tied_metric(
    sentence: str, number: re.Match, metrics: list[re.Match], mentions: list[Mention] = ()
) -> str | None:
    """The metric written right before ("accuracy of 80.1%") or after ("80.1% top-1",
    "81.5% on GSM8k pass@1") the number; one written right after it first ("the highest
    accuracy 56.8% AP")."""
    if isinstance(number, Figure):
        paired = _paired_metric(sentence, number, metrics)
        if paired is not None:
            return paired
    for metric in metrics:
        if metric.start() >= number.end() and (
            _ADJACENT.fullmatch(sentence, number.end(), metric.start())
            # "81.2% (top-1) on ImageNet": the metric in parentheses right after
            or (
                _PAREN_OPEN.fullmatch(sentence, number.end(), metric.start())
                and _PAREN_CLOSE.match(sentence, metric.end())
            )
            # "accuracy of 97.35% in terms of the ADD(-S) metric": the metric named after wins
            or _IN_TERMS_OF_AFTER.fullmatch(sentence, number.end(), metric.start())
            or _base_before_gain(sentence, number, metric) is not None
        ):
            return metric_name(metric)
    for metric in metrics:
        if metric.start() >= number.end():
            gap = sentence[number.end() : metric.start()]
            # "89.1% v.s. 81.0% for the mAP": the rival's figure between
            gap = _ASIDE.sub(" ", _VERSUS_AFTER.sub(" ", gap, count=1), count=1)
            for mention in mentions:
                if number.end() <= mention.start and mention.end <= metric.start():
                    gap = gap.replace(sentence[mention.start : mention.end], " ")
            gap = _TRAILING_PREP.sub(" ", SPACES.sub(" ", gap))
            if (len(gap) <= 14 and _TIE_AFTER.match(gap)) or _TASK_BETWEEN.match(gap):
                return metric_name(metric)
        elif metric.end() <= number.start():
            gap = sentence[metric.end() : number.start()]
            if "upper bound" in gap and _REACHES_BOUND.search(sentence, 0, number.start()):
                gap = _UPPER_BOUND_GAP.sub("", gap)
            if gap.startswith(")") and _OPENS.search(sentence, 0, metric.start()):
                # "a mean area under the curve (AUC) of 0.940": the abbreviation in parentheses
                gap = gap[1:]
            for n, mention in enumerate(mentions):
                # "top-1 accuracy on ImageNet from 76.5% to 79.9%", "accuracy on the CIFAR-10
                # test set is 97.1%": the benchmark between metric and figure (or a list of
                # them: "The accuracies on CIFAR-10, CIFAR-100 and SVHN are 97.1%, ...")
                if (
                    metric.end() <= mention.start
                    and mention.end <= number.start()
                    and _ON_BENCHMARK.fullmatch(sentence, metric.end(), mention.start)
                ):
                    last = mention
                    for later in mentions[n + 1 :]:
                        if later.end > number.start() or not LIST_GAP.fullmatch(
                            sentence, last.end, later.start
                        ):
                            break
                        last = later
                    gap = _DATA_NOUN_START.sub("", sentence[last.end : number.start()])
                    break
            from_to = _FROM_TO.search(gap) or _ARROW_GAP.search(gap)
            if from_to is not None:
                # "mAP increases from 1.7% to 7.4%", "the F1 score is boosted from 80.35% to",
                # "accuracy on GSM8K (74.4% → 83.2%)"
                gap = _CHANGE_VERB.sub("", gap[: from_to.start()])
            # "the accuracy on ImageNet is improved to 83.1%": the value the change reaches (and
            # "improves the mAP on COCO by 2.1 points to 48.3")
            gap = _CHANGED_TO.sub(" ", _BY_DELTA_TO.sub(" ", gap))
            # "mAP ranging from 4.2% to 38.1%": both ends of a range are in the metric
            gap = _RANGING.sub("", gap)
            if len(gap) <= 24 and _TIE_BEFORE.search(gap) and _TIE_BEFORE.search(gap).start() == 0:
                return metric_name(metric)
    return None

"""Figures and metric names as a sentence writes them: the metric table, the numbers of a
sentence (an "a/b" pair read as two figures, image sizes left out) and the separators of lists
and clauses the result rules share."""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract.sentences import AsciiFast

#: canonical metric name -> pattern of its written forms (most specific first)
METRICS: tuple[tuple[str, str], ...] = (
    ("recall@1", r"top-?1(?!\d) recall"),
    ("top-1 error", r"top-?1(?!\d) (?:classification |test )?error(?: rates?)?"),
    ("top-5 error", r"top-?5(?!\d) (?:classification |test )?error(?: rates?)?"),
    (
        "top-1 accuracy",
        r"top-?1(?!\d)(?:\s+(?:classification\s+|test\s+|linear\s+(?:evaluation\s+)?)?acc(?:urac(?:y|ies))?)?|acc@1",
    ),
    ("top-5 accuracy", r"top-?5(?!\d)(?:\s+(?:classification\s+|test\s+)?acc(?:uracy)?)?|acc@5"),
    # "a top-20 accuracy of 79.4%" (retrieval): its own column
    ("top-k accuracy", r"top-?(?:[2-9]|[1-9]\d{1,2}) acc(?:urac(?:y|ies))?"),
    ("pixel accuracy", r"pixel accuracy|\bpixAcc\b"),
    ("mPA", r"(?-i:\bmPA\b)|mean pixel accuracy"),
    ("exact match", r"exact[- ]match(?: accuracy)?|\bEM\b"),
    ("error rate", r"(?:test |classification )?error rates?|test error"),
    (
        "accuracy",
        r"(?:zero-shot |few-shot |test |average |mean |overall |classification |recognition |verification |execution |program )?acc(?:urac(?:y|ies)|\.)?",
    ),
    ("F0.5", r"F\s?0\.5"),
    (
        "F1",
        # "MF1": sleep staging's macro-averaged F1
        r"(?:macro-?|micro-?)?F1(?:[- ]score)?|F-score|F-measure|F\s1(?:\s?-\s?score)?\b|\bH-?mean\b|(?-i:\bMF1\b)",
    ),
    ("GLEU", r"GLEU"),
    # BLEURT is its own learned metric, self-BLEU a diversity measure
    ("BLEURT", r"(?-i:\bBLEURT\b)"),
    ("BLEU", r"(?<!self-)(?:Sacre)?BLEU(?!RT)(?:-4)?(?: scores?)?"),
    ("METEOR", r"(?-i:\bMETEOR\b)"),
    ("chrF", r"\bchrF\+*"),
    ("TER", r"(?-i:\bTER\b)"),
    ("SPICE", r"(?-i:\bSPICE\b)"),
    ("Smatch", r"\bSmatch(?: F1)?\b"),
    ("ROUGE-L", r"ROUGE-L"),
    ("ROUGE-1", r"ROUGE-1"),
    ("ROUGE-2", r"ROUGE-2"),
    ("ROUGE", r"ROUGE"),
    ("CIDEr", r"CIDEr"),
    # referring segmentation's overall (cumulative) IoU: its own column
    ("oIoU", r"(?-i:\boIoU\b)|overall IoU"),
    # (and "mean intersection of union", a slip common enough to read)
    ("mIoU", r"mIoU|mean IoU|mean IU\b|mean intersection[- ](?:over|of)[- ]union"),
    ("PQ", r"\bPQ\b|panoptic quality"),
    # Waymo's heading-weighted mAP, its own column
    ("mAPH", r"(?-i:\bmAPH\b)"),
    # LVIS's rare categories, the novel ones of open-vocabulary detection ("28.1 box APr")
    ("APr", r"(?-i:(?:box |mask )?AP(?:r|_r|novel)\b)"),
    ("mask AP", r"mask m?AP\b|(?-i:AP\s?\(mask\)|AP\^?mask\b|AP\^?m\b)"),
    (
        "mAP",
        r"(?:box|bbox)(?:/mask)? m?AP\b|(?-i:AP\s?\(box\)|AP\^?box\b|AP\^?b\b)|mAP(?!E\b)(?:@?[\d.:]+)?|\bAP(?:[ _]?\{?(?:50|75)\}?(?!\.?\d)|\b)|mean average precision|average precision",
    ),
    ("FID", r"FID(?: scores?)?"),
    # FEVER's own measure: the label right with its evidence
    ("FEVER", r"(?-i:FEVER) score"),
    ("FVD", r"FVD"),
    # ("12.3 FID and 9.1 IS": its abbreviation, upper case only)
    ("Inception score", r"Inception scores?|(?-i:(?<![\w-])IS(?![\w-]))"),
    ("PSNR", r"PSNR"),
    ("MS-SSIM", r"\bMS-SSIM\b"),
    ("SSIM", r"SSIM"),
    ("NIQE", r"(?-i:\bNIQE\b)"),
    ("pass@k", r"[Pp]ass@\d+\b"),
    ("perplexity", r"perplexity|\bPPL\b"),
    ("WER", r"\bWERs?\b|word error rates?"),
    ("CER", r"\bCERs?\b|character error rates?"),
    ("PER", r"\bPER\b|phoneme error rate"),
    ("EER", r"\bEER\b|equal error rate"),
    ("DER", r"\bDER\b|diarization error rate"),
    # program repair's "full repair rate": the share of programs the system fixes outright
    ("success rate", r"success rates?|(?:full )?repair rates?"),
    # reinforcement learning: Atari scores relative to a human player, returns of an episode
    (
        "human-normalized score",
        r"human[- ]normali[sz]ed (?:mean |median |average )?scores?|(?-i:\bHNS\b)",
    ),
    ("return", r"(?:average|mean|episodic|normali[sz]ed) (?:episode |episodic )?returns?\b"),
    ("win rate", r"win rates?"),
    ("PR-AUC", r"PR[- ]AUC|\bAUPRC?\b"),
    # a tracker's success score is the area under its success plot ("70.7 SUC on LaSOT",
    # "a success score of 0.671")
    ("AUROC", r"AUROC|AUC|(?-i:\bSUC\b)|success (?:score|AUC)\b"),
    # "a mAP of 86.0 and a R1 of 81.5": re-identification's rank-1 written short
    (
        "recall@1",
        r"R@1\b|[Rr]ecall@1\b|[Rr]ank-?1\b(?: (?:identification )?accuracy)?|(?-i:\bR1\b)",
    ),
    ("recall@k", r"(?-i:R@\d+\b)|[Rr]ecall@\d+\b"),
    ("hits@k", r"[Hh]its?@\d+\b"),
    ("HR@k", r"(?-i:HR@\d+\b)"),
    ("precision@k", r"(?-i:P@\d+\b)|[Pp]recision@\d+\b"),
    ("AR@k", r"(?-i:AR@\d+\b)"),
    ("MRR@k", r"(?-i:\bMRR@\d+\b)"),
    ("MRR", r"(?-i:\bMRR\b)|mean reciprocal rank"),
    ("NDCG@10", r"nDCG@10|NDCG@10"),
    ("ndcg@k", r"nDCG@\d+|NDCG@\d+"),
    ("NDCG", r"\bNDCG\b"),
    ("bits per character", r"bits[- ]per[- ]character|\bBPC\b"),
    ("bits per dimension", r"bits(?: per |/)dim(?:ension)?|\bbpd\b"),
    ("UAS", r"\bUAS\b"),
    ("LAS", r"\bLAS\b"),
    ("J&F", r"J\s?&\s?F"),
    # "86.1 & at 42 FPS on DAVIS", "a & mean score of 71.6": the J and F a conversion of the
    # abstract's math lost (its own entry: the letter groups of METRIC keep "J&F" under "j")
    ("J&F", r"(?<![\w&])&(?:\smean\b|(?=\sat\b))"),
    ("Dice", r"[Dd]ice(?: coefficient| score)?|\bDSC\b"),
    # Procrustes-aligned: its own column
    ("PA-MPJPE", r"\bPA-MPJPE\b"),
    ("MPJPE", r"\bMPJPE\b"),
    ("MOTP", r"(?-i:\bMOTP\b)"),
    ("minDCF", r"\bminDCF\b"),
    ("BERTScore", r"BERTScore|BERT-?Score"),
    ("CLIP score", r"CLIP-?Score|CLIP score"),
    ("NME", r"(?-i:\bNME\b)|normali[sz]ed mean error"),
    ("EAO", r"(?-i:\bEAO\b)|expected average overlap"),
    # GOT-10k's average overlap ("an AO of 0.671")
    ("AO", r"(?-i:\bAO\b)|average overlap"),
    ("HD95", r"(?-i:\bHD95\b)|(?:95% )?Hausdorff distance"),
    ("COMET", r"(?-i:\bCOMET\b)"),
    ("ADE", r"(?-i:\bminADE\b|\bADE\b)|average displacement error"),
    ("FDE", r"(?-i:\bminFDE\b|\bFDE\b)|final displacement error"),
    ("SPL", r"(?-i:\bSPL\b)"),
    ("mCE", r"\bmCE\b"),
    # pedestrian detection's "log-average miss rate" (MR^-2)
    ("miss rate", r"(?:log-?average )?miss rates?"),
    ("PESQ", r"\bPESQ\b"),
    ("HTER", r"\bHTER\b"),
    ("ACER", r"\bACER\b"),
    ("NoC@90", r"NoC@\d+"),
    ("ODS", r"\bODS\b"),
    ("NDS", r"\bNDS\b"),
    ("HOTA", r"\bHOTA\b"),
    ("MOTA", r"\bMOTA\b"),
    ("IDF1", r"\bIDF1\b"),
    ("RMSE", r"\bRMSE\b|root mean squared? error"),
    ("sMAPE", r"(?-i:\bsMAPE\b)"),
    ("MAPE", r"(?-i:\bMAPE\b)|mean absolute percentage error"),
    ("MAE", r"(?-i:\bMAE\b)|mean absolute error"),
    ("CRPS", r"(?-i:\bCRPS\b)"),
    ("R2", r"(?-i:\bR\^2|\bR²)|R-squared|coefficient of determination"),
    ("C-index", r"\bC-index\b|concordance index"),
    ("SI-SDRi", r"\bSI-S[DN]Ri?\b"),
    ("SDR", r"(?-i:\bSDR\b)"),
    ("STOI", r"(?-i:\bE?STOI\b)"),
    ("MOS", r"(?-i:\bMOS\b)"),
    ("MSE", r"(?-i:\bMSE\b)|mean squared? error"),
    # calving fronts, landmarks, localisation: the mean distance to the ground truth ("a mean
    # distance error of 438 m")
    ("mean distance error", r"mean distance errors?"),
    ("EPE", r"(?-i:\bEPE\b)|end-?point[- ]errors?"),
    # (depth estimation writes it "REL" too: "0.05 REL on KITTI")
    ("AbsRel", r"\bAbs ?Rel\b|(?-i:\bREL\b)"),
    ("LPIPS", r"(?-i:\bLPIPS\b)"),
    ("KID", r"(?-i:\bKID\b)"),
    ("NLL", r"(?-i:\bNLL\b)|negative log-likelihood"),
    ("Chamfer distance", r"Chamfer distance"),
    ("PCK", r"(?-i:\bPCKh?\b)(?:@[\d.]+)?"),
    ("ANLS", r"(?-i:\bANLS\b)"),
    ("ADD", r"(?-i:\bADD(?:\(-?S\)|-S)?(?![\w-]))"),
    ("MCC", r"(?-i:\bMCC\b)|Matthews correlation coefficient"),
    ("kappa", r"(?:Cohen's |Cohen’s )?[Kk]appa(?: score| coefficient)?|(?-i:\bQWK\b)"),
    ("Kendall correlation", r"Kendall(?:'s|’s)?(?: tau| τ)?(?: correlation)?"),
    (
        "Spearman correlation",
        r"Spearman(?:'s|’s)?(?: rank)?(?: correlation)?|(?-i:\bSROCC\b|\bSRCC\b)",
    ),
    ("Pearson correlation", r"Pearson(?:'s|’s)?(?: correlation)?|(?-i:\bPL?CC\b)"),
    ("NMI", r"(?-i:\bNMI\b)|normali[sz]ed mutual information"),
    ("ARI", r"(?-i:\bARI\b)|adjusted rand index"),
    ("S-measure", r"\bS-measure\b"),
    ("E-measure", r"\bE-measure\b"),
    ("fwIoU", r"(?-i:\bfwIoU\b)|frequency[- ]weighted IoU"),
    ("TM-score", r"\bTM-score\b"),
    ("RMSD", r"(?-i:\bRMSD\b)"),
    ("lDDT", r"(?-i:\blDDT\b)"),
    ("F2", r"(?-i:\bF2(?:[- ]score)?\b)"),
    ("UAR", r"(?-i:\bUAR\b)|unweighted average recall"),
    ("mAcc", r"(?-i:\bmAcc\b)"),
    ("IoU", r"(?-i:\bIoU\b)|Jaccard(?: index| coefficient| score)?|intersection[- ]over[- ]union"),
    ("precision", r"precision"),
    ("recall", r"recall(?!@)"),
    ("sensitivity", r"sensitivity"),
    ("specificity", r"specificity"),
)


def _first_letters(pattern: str) -> set[str] | None:
    """The letters (lower case) a match of ``pattern`` can start with; None when unsure."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        items = list(_parser.parse(pattern, re.I))
    except (ImportError, AttributeError, re.error):
        return None

    def first(seq) -> set[str] | None:
        out: set[str] = set()
        for op, av in seq:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            if op is c.LITERAL:
                return out | {chr(av).lower()}
            if op is c.IN:
                for o, a in av:
                    if o is c.LITERAL:
                        out.add(chr(a).lower())
                    elif o is c.RANGE:
                        out.update(chr(x).lower() for x in range(a[0], a[1] + 1))
                    else:
                        return None
                return out
            if op is c.SUBPATTERN:
                inner = first(av[3])
                return None if inner is None else out | inner
            if op is c.BRANCH:
                for branch in av[1]:
                    inner = first(branch)
                    if inner is None:
                        return None
                    out |= inner
                return out
            if op in (c.MAX_REPEAT, c.MIN_REPEAT):
                inner = first(av[2])
                if inner is None:
                    return None
                out |= inner
                if av[0] > 0:
                    return out
                continue
            return None
        return None

    letters = first(items)
    return letters if letters and all(ch.isalpha() for ch in letters) else None


def _by_first_letter(patterns: list[str]) -> str:
    """One alternation of ``patterns`` per first letter, each behind a look-ahead for it.

    With re.I the regex engine cannot skip an alternative by its first character, so a flat
    alternation of a hundred metric names tries every one at every word start; grouped by first
    letter, a position tries one small group (order kept inside it). The groups are behind
    look-aheads for a few letters each too: a position tries a few of those, then the letters
    of one."""
    groups: dict[str, list[str]] = {}
    anywhere: list[str] = []
    for pattern in patterns:
        letters = _first_letters(pattern)
        if letters is None:
            anywhere.append(pattern)
            continue
        for letter in sorted(letters):
            groups.setdefault(letter, []).append(pattern)
    parts = [f"(?={letter})(?:{'|'.join(alts)})" for letter, alts in sorted(groups.items())]
    letters = sorted(groups)
    runs = [
        f"(?=[{''.join(letters[i : i + 6])}])(?:{'|'.join(parts[i : i + 6])})"
        for i in range(0, len(parts), 6)
    ]
    return "|".join(runs + anywhere)


# a metric name starts a word: the look-behind rejects most positions before the alternation
# is tried (five times faster to scan), the first-letter groups most of the alternatives
METRIC = AsciiFast(
    "(?<![A-Za-z])(?:" + _by_first_letter([p for _, p in METRICS]) + ")",
    re.I,
)
#: the same names, each in its own group: which one a match of METRIC is
_NAMED = re.compile(
    "(?:" + "|".join(f"(?P<m{i}>{p})" for i, (_, p) in enumerate(METRICS)) + ")", re.I
)


_NUMBER = AsciiFast(r"(?<![\w.@/-])(\d{1,3}(?:\.\d+)?)(\s?%|\s?dB)?(?![\w.]?\d)(?!\s?[x×]\b)")


# "1.8/3.3 WER on the clean/other test sets", "WER of 2.1%/4.3%": two figures sharing one metric;
# "45.1/38.2/30.5 mAP on COCO/LVIS/Objects365": three or four
_PAIR = re.compile(
    r"(?<![\w.@/-])(\d{1,3}(?:\.\d+)?)(?:\s?%)?(?:/\d{1,3}(?:\.\d+)?(?:\s?%)?){0,2}/(\d{1,3}(?:\.\d+)?)(\s?%)?(?![\w.]?\d)(?!/)"
)
_VALUE = re.compile(r"\d{1,3}(?:\.\d+)?")


class Figure:
    """One figure of an "a/b" pair (or "a/b/c"), spanning all of them (quacks like the re.Match
    of _NUMBER)."""

    def __init__(self, pair: re.Match, which: int) -> None:
        self._pair, self._which = pair, which
        self._values = _VALUE.findall(pair.group(0))

    @property
    def which(self) -> int:
        """1 for the figure before the first "/", 2 for the one after, and so on."""
        return self._which

    @property
    def count(self) -> int:
        """How many figures the slashes join."""
        return len(self._values)

    def start(self) -> int:
        return self._pair.start()

    def end(self) -> int:
        return self._pair.end()

    def group(self, n: int) -> str | None:
        return self._values[self._which - 1] if n == 1 else self._pair.group(3)


#: an image size, not a figure: "ImageNet 256×256", "128x128" ("?" where a conversion lost the "×")
_RESOLUTION = re.compile(r"(?<![\w.])\d{2,4}\s?[?×x]\s?\d{2,4}(?![\w.]?\d)")


#: "64.1 AP 50", "AP_{75} of 41.0": the IoU threshold written after AP is part of the metric
_AP_THRESHOLD_BEFORE = re.compile(r"(?<![A-Za-z])m?AP[ _]?\{?$")


def _is_ap_threshold(sentence: str, number: re.Match) -> bool:
    return number.group(1) in ("50", "75") and bool(
        _AP_THRESHOLD_BEFORE.search(sentence, max(0, number.start() - 5), number.start())
    )


def numbers(sentence: str) -> list:
    """The sentence's figures, an "a/b" pair read as two figures (and "a/b/c" as three), image
    sizes and the IoU thresholds of AP ("AP 50") left out."""
    pairs = list(_PAIR.finditer(sentence)) if "/" in sentence else []
    sizes = (
        [(r.start(), r.end()) for r in _RESOLUTION.finditer(sentence)]
        if ("?" in sentence or "x" in sentence or "×" in sentence)
        else []
    )
    out: list = []
    for number in _NUMBER.finditer(sentence):
        if sizes and any(a <= number.start() < b for a, b in sizes):
            continue
        if _is_ap_threshold(sentence, number):
            continue
        pair = next((p for p in pairs if p.start() == number.start()), None)
        if pair is not None:
            count = len(_VALUE.findall(pair.group(0)))
            out.extend(Figure(pair, which) for which in range(1, count + 1))
        elif not any(p.start() <= number.start() < p.end() for p in pairs):
            out.append(number)
    return out


_NUMBERED = {
    "pass@k": "pass@",
    "hits@k": "hits@",
    "recall@k": "recall@",
    "ndcg@k": "NDCG@",
    "HR@k": "HR@",
    "precision@k": "precision@",
    "AR@k": "AR@",
    "MRR@k": "MRR@",
}


#: "logaverage miss rate(MR)": an abbreviation the sentence defines for a metric
_DEFINED = re.compile(r"\s?\((?-i:([A-Z][A-Za-z]{1,5}))\)")


class DefinedMetric:
    """A later use of an abbreviation the sentence defined for a metric ("8.7% MR" after "miss
    rate(MR)"): spans the abbreviation, reads as the metric (quacks like a METRIC match)."""

    def __init__(self, use: re.Match, metric: re.Match) -> None:
        self._use, self._metric = use, metric

    def start(self) -> int:
        return self._use.start()

    def end(self) -> int:
        return self._use.end()

    def group(self, n: int = 0) -> str:
        return self._metric.group(0)


def metric_matches(sentence: str) -> list:
    """The sentence's METRIC matches, and the later uses of abbreviations it defines for them
    ("9.3% logaverage miss rate(MR) on reasonable set, 8.7% MR on partial set"), in order."""
    found: list = list(METRIC.finditer(sentence))
    if "(" not in sentence:
        return found
    defined = []
    for metric in found:
        abbreviation = _DEFINED.match(sentence, metric.end())
        if abbreviation is None or METRIC.fullmatch(abbreviation.group(1)):
            continue
        uses = re.finditer(rf"(?<![\w-]){abbreviation.group(1)}(?![\w-])", sentence)
        defined.extend(
            DefinedMetric(use, metric) for use in uses if use.start() > abbreviation.end(1)
        )
    return sorted(found + defined, key=lambda m: m.start()) if defined else found


def metric_name(match: re.Match) -> str:
    """The canonical name of a METRIC match."""
    return _name_of(match.group(0))


@lru_cache(maxsize=4096)
def _name_of(text: str) -> str:
    if text.startswith("&"):
        return "J&F"  # (the lone "&" of a lost "J&F": no pattern of _NAMED matches it alone)
    named = _NAMED.match(text)
    assert named is not None and named.lastgroup is not None
    name = METRICS[int(named.lastgroup[1:])][0]
    if name == "top-k accuracy":
        # "top-20 accuracy"
        return f"top-{_DIGITS.search(text).group(0)} accuracy"  # type: ignore[union-attr]
    if name in _NUMBERED:
        # "pass@1", "hits@10", "R@5" -> "recall@5", "nDCG@5" -> "NDCG@5"
        return _NUMBERED[name] + text.split("@")[1]
    return name


SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


CLAUSE = re.compile(r"[,;:]")


#: the words that praise or place a benchmark between "on the" and its name ("on the public
#: KiTS19 dataset", "on the challenging LVIS benchmark")
BENCHMARK_ADJECTIVES = r"(?:(?:public(?:ly available)?|popular|challenging|standard|large-scale|well-known|widely[- ]used|benchmark|real-world|official|recent|new)\s+)*"


LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")

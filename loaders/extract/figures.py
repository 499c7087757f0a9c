"""Figures and metric names as a sentence writes them: the metric table, the numbers of a
sentence (an "a/b" pair read as two figures, image sizes left out) and the separators of lists
and clauses the result rules share."""

from __future__ import annotations

import re

#: canonical metric name -> pattern of its written forms (most specific first)
METRICS: tuple[tuple[str, str], ...] = (
    ("recall@1", r"top-?1 recall"),
    ("top-1 error", r"top-?1 (?:classification |test )?error(?: rates?)?"),
    ("top-5 error", r"top-?5 (?:classification |test )?error(?: rates?)?"),
    (
        "top-1 accuracy",
        r"top-?1(?:\s+(?:classification\s+|test\s+|linear\s+(?:evaluation\s+)?)?acc(?:urac(?:y|ies))?)?|acc@1",
    ),
    ("top-5 accuracy", r"top-?5(?:\s+(?:classification\s+|test\s+)?acc(?:uracy)?)?"),
    ("exact match", r"exact[- ]match(?: accuracy)?|\bEM\b"),
    ("error rate", r"(?:test |classification )?error rates?|test error"),
    (
        "accuracy",
        r"(?:zero-shot |few-shot |test |average |mean |overall |classification |recognition |verification |execution |program )?acc(?:urac(?:y|ies)|\.)?",
    ),
    ("F0.5", r"F\s?0\.5"),
    ("F1", r"(?:macro-?|micro-?)?F1(?:[- ]score)?|F-score|F-measure|F\s1(?:\s?-\s?score)?\b"),
    ("GLEU", r"GLEU"),
    ("BLEU", r"BLEU(?:-4)?(?: scores?)?"),
    ("ROUGE-L", r"ROUGE-L"),
    ("ROUGE-1", r"ROUGE-1"),
    ("ROUGE-2", r"ROUGE-2"),
    ("ROUGE", r"ROUGE"),
    ("CIDEr", r"CIDEr"),
    ("mIoU", r"mIoU|mean IoU|mean intersection over union"),
    ("PQ", r"\bPQ\b|panoptic quality"),
    (
        "mAP",
        r"mAP(?:@?[\d.:]+)?|box(?:/mask)? AP|mask AP|\bAP(?:50|75)?\b|mean average precision|average precision",
    ),
    ("FID", r"FID(?: scores?)?"),
    ("FVD", r"FVD"),
    ("Inception score", r"Inception scores?"),
    ("PSNR", r"PSNR"),
    ("SSIM", r"SSIM"),
    ("pass@k", r"[Pp]ass@\d+\b"),
    ("perplexity", r"perplexity|\bPPL\b"),
    ("WER", r"\bWERs?\b|word error rates?"),
    ("PER", r"\bPER\b|phoneme error rate"),
    ("EER", r"\bEER\b|equal error rate"),
    ("DER", r"\bDER\b|diarization error rate"),
    ("success rate", r"success rates?"),
    ("win rate", r"win rates?"),
    ("PR-AUC", r"PR-AUC"),
    ("AUROC", r"AUROC|AUC"),
    ("recall@1", r"R@1\b|[Rr]ecall@1\b|[Rr]ank-?1\b"),
    ("NDCG@10", r"nDCG@10|NDCG@10"),
    ("NDCG", r"\bNDCG\b"),
    ("bits per character", r"bits[- ]per[- ]character|\bBPC\b"),
    ("bits per dimension", r"bits(?: per |/)dim(?:ension)?|\bbpd\b"),
    ("UAS", r"\bUAS\b"),
    ("LAS", r"\bLAS\b"),
    ("J&F", r"J\s?&\s?F"),
    ("Dice", r"[Dd]ice(?: coefficient| score)?|\bDSC\b"),
    ("MPJPE", r"\bMPJPE\b"),
    ("mCE", r"\bmCE\b"),
    ("miss rate", r"miss rates?"),
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
    ("MAE", r"(?-i:\bMAE\b)|mean absolute error"),
    ("SI-SDRi", r"\bSI-S[DN]Ri?\b"),
)


# a metric name starts a word: the look-behind rejects most positions before the long
# alternation is tried (five times faster to scan)
METRIC = re.compile(
    "(?<![A-Za-z])(?:" + "|".join(f"(?P<m{i}>{p})" for i, (_, p) in enumerate(METRICS)) + ")",
    re.I,
)


_NUMBER = re.compile(r"(?<![\w.@/-])(\d{1,3}(?:\.\d+)?)(\s?%|\s?dB)?(?![\w.]?\d)(?!\s?[x×]\b)")


# "1.8/3.3 WER on the clean/other test sets", "WER of 2.1%/4.3%": two figures sharing one metric
_PAIR = re.compile(
    r"(?<![\w.@/-])(\d{1,3}(?:\.\d+)?)(?:\s?%)?/(\d{1,3}(?:\.\d+)?)(\s?%)?(?![\w.]?\d)(?!/)"
)


class Figure:
    """One figure of an "a/b" pair, spanning the pair (quacks like the re.Match of _NUMBER)."""

    def __init__(self, pair: re.Match, which: int) -> None:
        self._pair, self._which = pair, which

    def start(self) -> int:
        return self._pair.start()

    def end(self) -> int:
        return self._pair.end()

    def group(self, n: int) -> str | None:
        return self._pair.group(self._which) if n == 1 else self._pair.group(3)


#: an image size, not a figure: "ImageNet 256×256", "128x128" ("?" where a conversion lost the "×")
_RESOLUTION = re.compile(r"(?<![\w.])\d{2,4}\s?[?×x]\s?\d{2,4}(?![\w.]?\d)")


def numbers(sentence: str) -> list:
    """The sentence's figures, an "a/b" pair read as two figures, image sizes left out."""
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
        pair = next((p for p in pairs if p.start() == number.start()), None)
        if pair is not None:
            out.extend((Figure(pair, 1), Figure(pair, 2)))
        elif not any(p.start() <= number.start() < p.end() for p in pairs):
            out.append(number)
    return out


def metric_name(match: re.Match) -> str:
    for i, (name, _) in enumerate(METRICS):
        if match.group(f"m{i}") is not None:
            return match.group(0).lower() if name == "pass@k" else name
    raise AssertionError("unreachable")


SPACES = re.compile(r"\s+")


CLAUSE = re.compile(r"[,;:]")


LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")

"""Metric names: one table of canonical names and the ways papers and leaderboards write them.

Like the benchmark gazetteer, a written form resolves through its folded spelling (case, spaces,
hyphens and punctuation ignored), so "Top 1 Accuracy", "top-1 acc", "Acc@1" and "Top1" are all
``top-1 accuracy``. Extraction stores the canonical name on EVALUATED_ON edges; the leaderboard
resolves what a user types the same way.

>>> canonical_metric("Top 1 Accuracy"), canonical_metric("Word Error Rate (WER)")
('top-1 accuracy', 'WER')
>>> lower_is_better("top-1 error"), lower_is_better("BLEU")
(True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

#: canonical name -> other written forms (folded on lookup)
METRIC_ALIASES: dict[str, tuple[str, ...]] = {
    "top-1 accuracy": (
        "top1",
        "top 1 accuracy",
        "top-1 acc",
        "acc@1",
        "top1 accuracy",
        "top-1 test accuracy",
        "top-1 classification accuracy",
        "accuracy (top-1)",
        "top-1",
    ),
    "top-5 accuracy": ("top5", "top 5 accuracy", "top-5 acc", "acc@5"),
    "top-1 error": ("top-1 error rate", "top 1 error", "top1 error"),
    "top-5 error": ("top-5 error rate", "top 5 error", "top5 error"),
    "accuracy": (
        "acc",
        "acc.",
        "overall accuracy",
        "test accuracy",
        "average accuracy",
        "mean accuracy",
        "classification accuracy",
        "percentage correct",
        "accuracy (%)",
        "% test accuracy",
        "avg. accuracy",
        "accuracy (test)",
    ),
    "error rate": ("error", "percentage error", "test error", "classification error"),
    "F1": (
        "f1 score",
        "f1-score",
        "f-score",
        "f1 (%)",
        "f-measure",
        "fmeasure",
        "f measure",
        "micro-f1",
        "micro f1",
        "macro-f1",
        "macro f1",
        "avg f1",
        "average f1",
        "test f1",
        "test f1 score",
        "h-mean",
        "hmean",
        "f1 measure",
        "f1-measure",
    ),
    "F0.5": ("f 0.5", "f0.5 score", "f_0.5"),
    "exact match": ("em", "exact-match"),
    "BLEU": ("bleu score", "bleu-4", "sacrebleu"),
    "GLEU": (),
    "ROUGE-1": ("rouge 1", "rouge1"),
    "ROUGE-2": ("rouge 2", "rouge2"),
    "ROUGE-L": ("rouge l", "rougel"),
    "CIDEr": ("cider score",),
    "mIoU": (
        "mean iou",
        "mean iou (class)",
        "miou (%)",
        "validation miou",
        "test miou",
        "mean intersection over union",
        "mean iu",
    ),
    "IoU": (
        "intersection over union",
        "jaccard",
        "jaccard (mean)",
        "jaccard index",
        "jaccard coefficient",
    ),
    "mAP": ("map", "box map", "mean average precision", "test map"),
    "AP": ("box ap", "average precision", "test ap", "validation ap"),
    "mask AP": ("mask map",),
    "mAPH": ("maph/l2", "maph l2", "l2 maph"),
    "AP50": ("ap 0.5", "ap@0.5", "map@0.5", "map iou@0.5", "map @ 50", "ap50 score"),
    "PQ": ("panoptic quality",),
    "FID": ("fid score", "frechet inception distance", "fid-50k", "fid-10k", "fid-30k"),
    "FVD": (),
    "FEVER": ("fever score",),
    "Inception score": ("is",),
    "PSNR": ("psnr (db)",),
    "SSIM": (),
    "pass@1": ("pass@ 1",),
    "perplexity": ("ppl", "test perplexity", "validation perplexity"),
    "WER": ("word error rate", "word error rate (wer)", "test wer"),
    "CER": ("character error rate",),
    "PER": ("phoneme error rate",),
    "EER": ("equal error rate",),
    "DER": ("diarization error rate", "der(%)"),
    "AUC": ("auroc", "roc-auc", "auc-roc", "area under the curve", "mean auc", "roc auc"),
    "PR-AUC": ("auprc",),
    "recall@1": (
        "r@1",
        "text-to-video r@1",
        "video-to-text r@1",
        "rank-1",
        "rank1",
        "rank@1",
        "top-1 recall",
    ),
    "NDCG": ("ndcg@10",),
    "bits per character": ("bpc", "bit per character (bpc)", "bits/character"),
    "bits per dimension": ("bpd", "bits/dim", "bits/dimension"),
    "J&F": ("j & f", "mean j&f", "mean jaccard & f-measure", "j&f mean"),
    "MPJPE": ("average mpjpe (mm)", "mean per joint position error"),
    "Dice": ("dice coefficient", "mean dice", "dsc", "dice score"),
    "mCE": ("mean corruption error", "mean corruption error (mce)"),
    # CityPersons' columns: the log-average miss rate on each of its subsets
    "miss rate": (
        "mr",
        "mr^-2",
        "log-average miss rate",
        "reasonable miss rate",
        "reasonable mr^-2",
        "heavy mr^-2",
        "partial mr^-2",
        "bare mr^-2",
    ),
    "UAS": (),
    "LAS": (),
    "PESQ": (),
    "NoC@90": (),
    "HTER": (),
    "ACER": (),
    "MAE": ("mean absolute error",),
    "RMSE": ("root mean square error", "root mean squared error"),
    "NDS": ("nuscenes detection score",),
    "HOTA": (),
    "MOTA": (),
    "IDF1": (),
    "SI-SDRi": ("si-snri", "si-sdr improvement"),
    "FPS": ("frames per second", "speed (fps)", "frame (fps)", "fps (v100, b=1)"),
    "METEOR": (),
    "chrF": ("chrf++", "chrf score"),
    "TER": ("translation edit rate",),
    "SPICE": (),
    "Smatch": ("smatch f1", "smatch score"),
    "recall@5": ("r@5", "recall at 5", "text-to-video r@5", "video-to-text r@5"),
    "recall@10": ("r@10", "recall at 10", "text-to-video r@10", "video-to-text r@10"),
    "hits@1": ("hits at 1", "h@1"),
    "hits@3": ("hits at 3", "h@3"),
    "hits@10": ("hits at 10", "h@10"),
    "MRR": ("mean reciprocal rank", "filtered mrr"),
    "SDR": ("signal-to-distortion ratio",),
    "STOI": ("estoi",),
    "MOS": ("mean opinion score",),
    "MSE": ("mean squared error", "mean square error"),
    "mean distance error": ("mde", "mean distance error (m)"),
    "EPE": ("end-point error", "average end-point error", "endpoint error", "aepe"),
    "AbsRel": ("abs rel", "absolute relative error", "rel"),
    "oIoU": ("overall iou", "cumulative iou"),
    "win rate": ("winrate", "median win rate", "test win rate", "win rate (%)"),
    "APr": ("ap rare", "box apr", "mask apr", "ap novel", "apnovel", "ap_r", "box ap novel"),
    "LPIPS": (),
    "KID": ("kernel inception distance",),
    "NLL": ("negative log-likelihood", "nll test", "log-likelihood"),
    "Chamfer distance": ("cd",),
    "PCK": ("pckh", "pck@0.2", "pckh@0.5", "mean pck"),
    "ANLS": (),
    "ADD": ("add(-s)", "add-s", "mean add", "add(s)", "add-s auc"),
    "MCC": ("matthews correlation coefficient",),
    "kappa": ("cohen's kappa", "cohens kappa", "kappa score"),
    "Spearman correlation": (
        "spearman",
        "spearman's rho",
        "spearman correlation coefficient",
        "srcc",
        "srocc",
    ),
    "Pearson correlation": (
        "pearson",
        "pearson's r",
        "pearson correlation coefficient",
        "plcc",
        "pcc",
    ),
    "mAcc": ("mean accuracy (class)", "class-mean accuracy"),
    "precision": ("prec", "precision (%)"),
    "recall": ("recall (%)",),
    "sensitivity": ("true positive rate", "tpr"),
    "specificity": ("true negative rate", "tnr"),
    "MOTP": (),
    "minDCF": ("min dcf", "mindcf"),
    "BERTScore": ("bert score", "bertscore f1"),
    "CLIP score": ("clipscore", "clip-score"),
    "Kendall correlation": ("kendall", "kendall's tau", "kendall tau"),
    "NME": ("normalized mean error", "normalised mean error", "mean nme"),
    "EAO": ("expected average overlap",),
    "AO": ("average overlap",),
    "HD95": ("hausdorff distance", "95% hausdorff distance", "hd", "avg. hd95"),
    "COMET": ("comet score",),
    "ADE": ("average displacement error", "minade", "minade5", "ade@5"),
    "FDE": ("final displacement error", "minfde", "minfde5", "fde@5"),
    "SPL": ("success weighted by path length",),
    "success rate": ("success", "average success rate"),
    "params": (
        "parameters",
        "number of params",
        "number of parameters",
        "#params",
        "params (m)",
        "parameters (m)",
        "parameters (billions)",
        "parameters (billion)",
        "model size",
    ),
    "FLOPs": ("gflops", "mflops", "flops (g)", "gflops (224 res)"),
    "MACs": ("gmacs", "mmacs", "macs (g)", "multiply-adds", "mult-adds"),
}

_LOWER_IS_BETTER = re.compile(
    r"error|loss|perplexity|\bppl\b|\bwer\b|\bcer\b|\bper\b|\beer\b|\bder\b|latency|\bfid\b|\bfvd\b|mse|"
    r"\bmae\b|rmse|bits per|mpjpe|\bmce\b|miss rate|hter|acer|noc@|\bepe\b|absrel|lpips|\bkid\b|"
    r"\bnll\b|chamfer|\bter\b|\bparams\b|flops|\bmacs\b|\bnme\b|\bhd95\b|hausdorff|\bade\b|\bfde\b|mindcf|"
    r"\bs?mape\b|\bcrps\b|\brmsd\b|\bniqe\b",
    re.I,
)
_NON_ALNUM = re.compile(r"[^0-9a-z@&%^.]+")


def _fold(text: str) -> str:
    return _NON_ALNUM.sub("", text.lower()).rstrip(".")


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for name, aliases in METRIC_ALIASES.items():
        for form in (name, *aliases):
            table.setdefault(_fold(form), name)
    return table


@lru_cache(maxsize=1 << 16)  # the extraction rules ask about the same words many times
def metric_key(text: str) -> str | None:
    """The canonical name of a metric written as ``text``, or None when the table lacks it.

    >>> metric_key("Acc@1"), metric_key("Mean IoU"), metric_key("novelty")
    ('top-1 accuracy', 'mIoU', None)
    """
    folded = _fold(text)
    known = _alias_table().get(folded)
    if known is None and (numbered := _NUMBERED.fullmatch(folded)):
        # "nDCG@5", "Hits@3", "Recall@20": a family at a cut-off the table does not list
        return _NUMBERED_NAMES[numbered.group(1)] + numbered.group(2)
    if known is None:
        # "PQ (%)", "Weighted F1", "F1 (macro)", "Span F1": a unit or an averaging written on a
        # name the table has
        bare = _AVERAGING.sub("", _UNIT.sub("", text)).strip()
        if bare and bare != text.strip():
            known = _alias_table().get(_fold(bare))
    return known


_UNIT = re.compile(r"\s*(?:\((?:%|in %|dB)\)|%)\s*$", re.I)
_AVERAGING = re.compile(
    r"^(?:weighted|macro|micro|macro-averaged|micro-averaged|overall|entity|span|token)[\s-]+|"
    r"[\s-]+(?:\((?:macro|micro|weighted)\)|macro|micro|weighted)$",
    re.I,
)


_NUMBERED = re.compile(r"(ndcg|recall|r|hits|h|pass|hr|precision|p|ar|mrr)@(\d+)")
_NUMBERED_NAMES = {
    "ndcg": "NDCG@",
    "recall": "recall@",
    "r": "recall@",
    "hits": "hits@",
    "h": "hits@",
    "pass": "pass@",
    "hr": "HR@",
    "precision": "precision@",
    "p": "precision@",
    "ar": "AR@",
    "mrr": "MRR@",
}


def canonical_metric(text: str) -> str:
    """The canonical name, or ``text`` lower-cased and trimmed when the table lacks it."""
    return metric_key(text) or " ".join(text.split()).lower()


def lower_is_better(metric: str) -> bool:
    """Error-like metrics (error, loss, perplexity, WER, FID, ...) rank lowest first."""
    return bool(_LOWER_IS_BETTER.search(metric))

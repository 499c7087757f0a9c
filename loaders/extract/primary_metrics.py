"""The metric a benchmark's results are reported in when an abstract names no metric.

"our methods establish new benchmark records on Cora (84.31%) and Pubmed (80.95%)": the figures
are accuracies, as every Cora and PubMed leaderboard reports. Only benchmarks whose results are
reported in one metric almost always are listed (not Pascal VOC, detection and segmentation;
not Market-1501, mAP and rank-1; not KITTI). Names are the gazetteer's canonical names.
"""

from __future__ import annotations

_BY_METRIC: dict[str, tuple[str, ...]] = {
    "top-1 accuracy": (
        "ImageNet",
        "ImageNet-V2",
        "ImageNet-R",
        "ImageNet-A",
        "ImageNet-Sketch",
        "Kinetics-400",
        "Kinetics-600",
        "Kinetics-700",
        "Something-Something V2",
    ),
    "accuracy": (
        "CIFAR-10",
        "CIFAR-100",
        "STL-10",
        "UCF101",
        "HMDB51",
        "VisDA",
        "Office-31",
        "Office-Home",
        "DomainNet",
        "PACS",
        "Cora",
        "CiteSeer",
        "PubMed",
        "ESC-50",
        "ESC-10",
        "UrbanSound8K",
        "Speech Commands",
        "LFW",
        "FER2013",
        "RAF-DB",
        "AffectNet",
        "Lip Reading in the Wild",
        "MNLI",
        "SNLI",
        "SST-2",
        "QNLI",
        "RTE",
        "BoolQ",
        "GSM8K",
        "MATH",
        "MMLU",
        "SVAMP",
        "AQuA",
        "ARC-Challenge",
        "HellaSwag",
        "PIQA",
        "WinoGrande",
        "CommonsenseQA",
        "OpenBookQA",
        "WikiHop",
        "RVL-CDIP",
        "NTU RGB+D",
        "NTU RGB+D 120",
        "Sleep-EDF",
        "Cornell Grasp",
        "Jacquard",
        "Hockey Fight",
        "RWF-2000",
        "EgoGesture",
        "NVGesture",
        "TAC-KBP 2010",
    ),
    "mAP": (
        "COCO",
        "LVIS",
        "Objects365",
        "CrowdPose",
        "OCHuman",
        "YouTube-VIS",
        "OVIS",
        "AudioSet",
        "THUMOS14",
    ),
    "mIoU": ("Cityscapes", "ADE20K", "PASCAL-Context", "CamVid", "Mapillary Vistas"),
    "recall@1": ("MSR-VTT", "MSVD", "DiDeMo", "VATEX", "LSMDC"),
    "J&F": ("DAVIS", "YouTube-VOS"),
    "PSNR": ("GoPro", "SOTS", "SIDD", "Set5", "Set14", "BSD100", "Urban100", "Manga109"),
    "WER": ("LibriSpeech", "Switchboard", "CallHome", "Hub5'00", "LRS3"),
    "PER": ("TIMIT",),
    "SI-SDRi": ("WSJ0-2mix", "WSJ0-3mix", "WHAM!", "WHAMR!"),
    "PESQ": ("VoiceBank+DEMAND",),
    "MPJPE": ("Human3.6M", "3DPW"),
    "MAE": ("ShanghaiTech", "UCF-QNRF", "JHU-Crowd++"),
    "F1": (
        "SQuAD",
        "CoNLL-2003",
        "OntoNotes",
        "WNUT 2017",
        "ACE 2004",
        "ACE 2005",
        "GENIA",
        "TACRED",
        "DocRED",
        "CULane",
        "CurveLanes",
        "Total-Text",
        "CTW1500",
        "ICDAR 2015",
        "MSRA-TD500",
        "FUNSD",
    ),
    "BLEU": ("WMT14", "WMT16", "IWSLT"),
    "pass@1": ("HumanEval", "MBPP"),
    "perplexity": ("WikiText-103", "WikiText-2", "One Billion Word"),
    "bits per character": ("enwik8", "text8"),
    "Dice": ("Kvasir-SEG", "CVC-ClinicDB"),
    "miss rate": ("CityPersons", "Caltech Pedestrian"),
    "FID": ("FFHQ", "CelebA-HQ", "AFHQ"),
    "AUROC": ("CheXpert", "ChestX-ray14", "Hateful Memes"),
}

#: benchmark (gazetteer name) -> the metric its results are reported in
PRIMARY_METRIC: dict[str, str] = {
    bench: metric for metric, benches in _BY_METRIC.items() for bench in benches
}


def primary_metric(benchmark: str) -> str | None:
    """
    >>> primary_metric("Cora"), primary_metric("Pascal VOC")
    ('accuracy', None)
    """
    return PRIMARY_METRIC.get(benchmark)

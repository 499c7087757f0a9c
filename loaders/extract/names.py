"""What a method or benchmark name looks like, what is too generic to be one, and
"Long Name (ACRONYM)" definitions (Schwartz & Hearst's short-form / long-form matching)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.metrics import metric_key

# CamelCase inside a word (SliceGPT, LMUFormer, EcoFormer, ViT), two capitals (SQA, ECA-Net),
# or letters with digits (GPT-4, YOLOv8, T5)
_INNER_CAPITAL = re.compile(r"[a-z0-9][A-Z]|[A-Z]{2}")
_LETTER_DIGIT = re.compile(r"[A-Za-z].*\d|\d.*[A-Za-z]")
_HAS_LETTER = re.compile(r"[A-Za-z]")
# a digit inside a lower-case coinage: wav2vec, word2vec, node2vec
_INNER_DIGIT = re.compile(r"^[a-z]{2,}\d+[a-z]{2,}$")
#: "X-Align", "T-Rex", "D-Adapt": one capital letter joined to a capitalised word (the common
#: words of that shape aside)
_LETTER_PREFIXED = re.compile(
    r"^(?!(?:X-Rays?|E-Mails?|T-Shirts?|N-Grams?|B-Splines?|K-Means|U-Turns?|A-Levels?)$)[A-Z]-[A-Z][a-z]{2,}"
)
#: names that end like a benchmark or data set
BENCHMARK_SUFFIX = re.compile(
    r"(?:Bench|Benchmark|-?QA|Eval|Arena|-?Set|Corpus|Gym|Leaderboard|Suite|-?MME|-?VQA)(?:[-\s]?(?:v?\d+|Lite|Pro|Hard|Plus|\+))?$"
)

#: upper-case words, metric names, hardware, units, organisations and generic families that
#: look like names but are not methods
GENERIC = frozenset(
    """
    AI AGI ML DL NLP NLU NLG CV RL IR QA VQA ASR TTS OCR LLM LLMs LM LMs PLM PLMs VLM VLMs MLLM MLLMs
    LVLM LVLMs MLM SLM SLMs LRM LRMs VLA VLAs GPT GPTs FM FMs DNN DNNs CNN CNNs RNN RNNs GNN GNNs MLP MLPs
    NN NNs ANN ANNs SNN SNNs GAN GANs VAE VAEs DM DMs DPM DPMs SSM SSMs MoE MoEs KV KD PEFT SFT RLHF DPO
    PPO NAS HPO CoT seq2seq Seq2Seq ICL RAG API APIs SDK GPU GPUs TPU TPUs CPU CPUs NPU FPGA ASIC HBM SRAM DRAM RAM
    IoT AR VR XR UI UX HTML CSS JSON XML SQL URL PDF RGB RGBD RGB-D RGB-T HDR LiDAR AutoML MF1 SOTA SoTA FLOP FLOPs MACs GFLOPs
    TFLOPs FPS ms GB MB TB KB GHz MHz BLEU ROUGE METEOR CIDEr SPICE FID FVD IS KID PSNR SSIM LPIPS mAP
    AP AUC AUROC ROC mIoU IoU WER CER EER MSE MAE RMSE NDCG MRR BPC PPL EM F1 ECE CLIPScore
    US USA UK EU GDPR NSF NIH ACL CVPR ICCV ECCV NeurIPS ICML ICLR AAAI IJCAI EMNLP NAACL KDD WWW SIGIR
    OpenAI Google DeepMind Meta Microsoft NVIDIA Nvidia Apple Amazon IBM Intel AMD Anthropic Alibaba
    Baidu Tencent ByteDance Huawei GitHub HuggingFace Hugging Face CUDA Python
    Transformer Transformers AdamW Adam SGD ReLU GELU ImageNet-pretrained
    2D 3D 4D 1D 6D 1K 2K 4K 8K 5G I II III IV H100 A100 V100 H200 A6000 RTX T4 TPUv4 CO2 T2I T2V I2V T2MV
    TopK IMO STOC FOCS SODA ROM MPI HPC CPS BIG GAP LCL LOCAL CONGEST Top-k Top-K
    Top-1 Top-5 MDP MDPs POMDP POMDPs NP NP-hard NP-complete IID OOD OoD KL SOTA-level
    NMT MT SMT I2I NER GEC MRC SRL WSSS VOS VIS MOT SISR HPE ReID Re-ID SLAM ODE ODEs SDE SDEs
    NMS ConvNet ConvNets CNN-based MTL STL
    """.split()
)


#: hardware a model is trained, run or timed on, and its vendors' hosted services: GPU, TPU,
#: CPU, phone and board families ("35 fps on Titan Xp", "on one TPU v3 core", "on a Jetson
#: TX2", "on a Pixel 4 phone", "on Snapdragon 855", "the notebook on Google Colab")
HARDWARE_FAMILIES = frozenset(
    """
    GPU GPUs TPU TPUs TPUv2 TPUv3 TPUv4 TPUv5 CPU CPUs NPU NPUs FPGA FPGAs ASIC ASICs Titan TITAN
    Tesla Quadro GeForce RTX GTX Jetson Orin Snapdragon Exynos Kirin iPhone iPad Raspberry Xeon
    Ryzen EPYC Colab
    """.split()
)
#: vendors of hardware: their name before hardware or one of their hosted services
#: (:data:`_VENDOR_SERVICES`) is their product ("NVIDIA V100", "Intel Core i7", "Google Drive");
#: before another word it may name a data set ("Google Speech Commands"), and alone too
HARDWARE_VENDORS = frozenset("NVIDIA Nvidia Intel AMD Qualcomm Apple Google Samsung Huawei".split())
_VENDOR_SERVICES = frozenset("Drive Colab Cloud Coral Core".split())
#: an accelerator's or a processor's model number written alone ("on an A100", "V100s", "a
#: P100", "a K80", "an i7-8700K")
_HARDWARE_MODEL = re.compile(r"(?:[AHVP]\d{2,3}|A\d{4}|K[48]0|T4|TX[12]|i[3579](?:-\d{4,5}\w*)?)s?")
#: a phone by its model ("Pixel 4", "Galaxy S20"; "Pixel Attention", "Galaxy Zoo" are no phones)
_PHONE_MODEL = re.compile(r"\b(?:Pixel|Galaxy)\s?[SA]?\d")
_HARDWARE_SPLIT = re.compile(r"[\s-]+")


@lru_cache(maxsize=1 << 12)
def is_hardware(name: str) -> bool:
    """Hardware (or a vendor's product) named like a benchmark or method: a word of
    HARDWARE_FAMILIES or a model number anywhere in it, a phone's model, or a vendor's name
    before one of its services (a name the gazetteer lists is looked up first: "Google Landmarks
    v2"; "Google Speech Commands" is no hardware).
    Never a benchmark a result is on ("35 fps on Titan Xp"), nor a method.

    >>> [is_hardware(n) for n in ("Titan Xp", "NVIDIA V100 GPU", "RTX 2080 Ti", "A100", "Google Drive")]
    [True, True, True, True, True]
    >>> [is_hardware(n) for n in ("Pixel 4", "DRIVE", "NVIDIA", "K400", "Pixel Attention")]
    [True, False, False, False, False]
    >>> [is_hardware(n) for n in ("Intel Core i7", "Google Speech Commands", "Samsung Galaxy S20")]
    [True, False, True]
    """
    words = _HARDWARE_SPLIT.split(name.strip())
    if len(words) > 1 and words[0] in HARDWARE_VENDORS and words[1] in _VENDOR_SERVICES:
        return True
    return bool(_PHONE_MODEL.search(name)) or any(
        w in HARDWARE_FAMILIES or _HARDWARE_MODEL.fullmatch(w) for w in words
    )


class EndAnchored:
    """A pattern every match of which ends the text ("...$"), searched over the text's end only
    (as far back as its longest match, and a final line break $ holds before): a search from the
    start tries the pattern at every place of the text."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        self.pattern = pattern
        self.reach = _reach(pattern, flags)

    def search(self, text: str) -> re.Match | None:
        start = 0 if self.reach is None else max(0, len(text) - self.reach)
        return self.regex.search(text, start)


def _reach(pattern: str, flags: int) -> int | None:
    """How far back from the end of the text a match of ``pattern`` can start; None when it can
    start anywhere (not ended by $ outside any alternation, or of unbounded length)."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
    except (ImportError, AttributeError, re.error):
        return None
    items = list(parsed)
    if not items or items[-1] != (c.AT, c.AT_END) or parsed.state.flags & re.MULTILINE:
        return None
    longest = parsed.getwidth()[1]
    return None if longest >= c.MAXREPEAT else longest + 1


#: long forms that name a task, field or kind of data rather than a method (or a property a
#: method is built to have: "Differential Privacy (DP)", "Adversarial Robustness")
TASK_TAIL = EndAnchored(
    r"(?i)\b(?:translation|systems?|assessments?|dissertations?|theses|embeddings|recognition|detection|"
    r"segmentation|classification|estimation|analysis|processing|understanding|generation|answering|"
    r"retrieval|tasks?|problems?|data|documents?|images?|videos?|diseases?|signals?|records?|devices?|"
    r"privacy|fairness|robustness|security|safety|interpretability|explainability|transparency)$"
)

_GENERIC_FOLDED = frozenset(w.lower() for w in GENERIC)

#: lower-case head words of generic concepts (a "Long Name (ACR)" whose long form is only
#: these words is a concept, not a named method)
GENERIC_PHRASES = re.compile(
    r"^(?:(?:large|small|multimodal|multi-modal|vision|visual|pretrained|pre-trained|foundation|"
    r"language|deep|neural|generative|diffusion|probabilistic|recurrent|convolutional|graph|"
    r"spiking|artificial|machine|reinforcement|supervised|unsupervised|self-supervised|"
    r"learning|models?|networks?|intelligence|processing|natural|transformers?|attention|"
    r"mixture|of|experts?|state|space|the|a|an|and|retrieval|augmented|generation|fine-tuning|"
    r"parameter|efficient|in-context|chain|thought|reasoning|agents?|systems?|computer|"
    r"vision-language|text-to-image|image|video|speech|audio|recognition|detection|"
    r"segmentation|classification|knowledge|distillation|quantization|pruning|"
    r"low-rank|adaptation|optimization|search|architecture|hardware|embedded|edge|devices?|"
    r"internet|things|multi-layer|perceptrons?|autoencoders?|adversarial|variational|"
    r"question|answering|human|feedback|preference|policy|proximal|direct|instruction|tuning)\s*)+$",
    re.I,
)


# cached: the rules ask about the same words and names many times per abstract
@lru_cache(maxsize=1 << 16)
def is_name_like(token: str) -> bool:
    """A token that looks like a coined name rather than an English word.

    >>> [is_name_like(t) for t in ("SliceGPT", "ECA-Net", "GPT-4", "Transformer", "pruning", "wav2vec", "seq2seq")]
    [True, True, True, False, False, True, False]
    >>> is_name_like("X-Align"), is_name_like("X-Ray")
    (True, False)
    """
    if len(token) < 2 or not _HAS_LETTER.search(token):
        return False
    if token in GENERIC or token.lower() in _GENERIC_FOLDED:
        return False
    return bool(
        _INNER_CAPITAL.search(token)
        or (_LETTER_DIGIT.search(token) and token[0].isupper())
        or _INNER_DIGIT.match(token)
        or _LETTER_PREFIXED.match(token)
    )


def _initials(name: str) -> str:
    """ "Convolutional Neural Network" -> "CNN", "Mixture of Experts" -> "MoE": the acronym a
    name of three words or more spells ("" for shorter names); when it is a generic acronym the
    name is the generic family written out.

    >>> _initials("Convolutional Neural Network"), _initials("Short-Time Fourier Transform"), _initials("Flow Matching")
    ('CNN', 'STFT', '')
    """
    words = name.replace("-", " ").split()
    if len(words) < 3 or not all(w[:1].isalpha() for w in words):
        return ""
    return "".join(w[0] for w in words)


@lru_cache(maxsize=1 << 16)
def is_generic(name: str, short: str | None = None) -> bool:
    """A generic concept rather than a named method.

    Lower-case phrases made only of generic words are concepts ("large language models");
    Title Case is how authors write a named method ("Vision Transformer (ViT)") unless its short
    form is itself a generic acronym ("Large Language Models (LLMs)").

    >>> is_generic("large language models"), is_generic("Vision Transformer", "ViT")
    (True, False)
    >>> is_generic("Convolutional Neural Network"), is_generic("Monte Carlo Tree Search")
    (True, False)
    """
    stripped = name.strip()
    initials = _initials(stripped)
    if initials and metric_key(initials) and not metric_key(stripped):
        # "minimal random resampling": words spelling a metric's acronym (MRR) are not that
        # metric written out, nor a generic family
        initials = ""
    # "Con-vNet": a short form broken by a line-end hyphen is the acronym without it
    for form in (stripped, short or "", (short or "").replace("-", ""), initials):
        if form in GENERIC or form.lower() in _GENERIC_FOLDED:
            return True
        if form.endswith("s") and form[:-1] in GENERIC:
            return True
    if any(w[:1].isupper() for w in stripped.split()[1:]) or (
        len(stripped.split()) == 1 and stripped[:1].isupper()
    ):
        return False
    # "graph-convolutional network": generic words joined by a hyphen are still generic
    return bool(
        GENERIC_PHRASES.match(stripped) or GENERIC_PHRASES.match(stripped.replace("-", " "))
    )


@dataclass(frozen=True)
class Definition:
    """ "Long Name (SHORT)" in a sentence; ``start`` is where the long form begins."""

    long: str
    short: str
    start: int
    end: int


_PAREN = re.compile(r"\(\s*([A-Za-z][A-Za-z0-9\-+.]{0,14}?)\s*\)")
_WORD = re.compile(r"[^\s()]+")
#: (compiled once: the module-level re functions look each pattern up in re's cache per call)
_CAPITAL_THEN_DIGIT = re.compile(r"[A-Z].*\d")
_COUNTED = re.compile(r"([A-Z])([2-9])")
_PLURAL_S = re.compile(r"s$")


def acronym_definitions(sentence: str) -> list[Definition]:
    """ "Long Name (SHORT)" definitions, long forms matched to the short form's letters.

    >>> [(d.long, d.short) for d in acronym_definitions("using Multi-Query Attention (MQA) here")]
    [('Multi-Query Attention', 'MQA')]
    """
    out: list[Definition] = []
    if "(" not in sentence:
        return out
    for paren in _PAREN.finditer(sentence):
        short = paren.group(1)
        if sum(c.isupper() for c in short) < 2 and not _CAPITAL_THEN_DIGIT.search(short):
            continue
        before = sentence[: paren.start()]
        words = list(_WORD.finditer(before))
        counted = _COUNTED.fullmatch(short)
        if counted:
            # "Python Programming Puzzles (P3)": three words starting with P
            n = int(counted.group(2))
            tail = words[-n:]
            if len(tail) == n and all(w.group(0)[0].upper() == counted.group(1) for w in tail):
                out.append(
                    Definition(
                        before[tail[0].start() :].strip(), short, tail[0].start(), paren.end()
                    )
                )
            continue
        letters = [c.lower() for c in _PLURAL_S.sub("", short) if c.isalnum()]
        window = words[-min(len(letters) + 5, len(letters) * 2) :] if words else []
        long_start = _match_long_form(letters, window, before)
        if long_start is None:
            long_start = _spelled_by_capitals(short, window)
        if long_start is None:
            continue
        long = before[long_start:].strip().rstrip(",;:")
        if long and not long.startswith("("):
            out.append(Definition(long, short, long_start, paren.end()))
    if " " in sentence[sentence.index("(") :]:
        out.extend(_word_and_initials(sentence))
    return out


#: "(Complexity OoD)": a short form that keeps the long form's first word and abbreviates the rest
_WORD_PAREN = re.compile(r"\(([A-Z][a-z]{2,}) ([A-Z][A-Za-z]{1,6})\)")


def _word_and_initials(sentence: str) -> list[Definition]:
    """ "We propose Complexity Out of Distribution (Complexity OoD) generalization": the long
    form, its first word written again in the short form and the initials of its other words.

    >>> [(d.long, d.short) for d in _word_and_initials("We propose Complexity Out of Distribution (Complexity OoD) here.")]
    [('Complexity Out of Distribution', 'Complexity OoD')]
    """
    out = []
    for paren in _WORD_PAREN.finditer(sentence):
        word, initials = paren.group(1), paren.group(2)
        before = sentence[: paren.start()].rstrip()
        start = before.rfind(word + " ", max(0, len(before) - 80))
        if start < 0 or (start and before[start - 1].isalnum()):
            continue
        rest = before[start + len(word) :].split()
        if 2 <= len(rest) <= 6 and "".join(w[0] for w in rest).lower() == initials.lower():
            out.append(Definition(before[start:], f"{word} {initials}", start, paren.end()))
    return out


def _spelled_by_capitals(short: str, window: list[re.Match]) -> int | None:
    """ "numEricaL reASoning with adapTive symbolIc Compiler (ELASTIC)": the capitals written
    inside the long form's words spell the short form. Returns the long form's start offset.

    >>> import re
    >>> text = "we propose MultIlevel kNowledge-guided Attention networks"
    >>> _spelled_by_capitals("MINA", list(re.finditer(r"[^\\s()]+", text)))
    11
    """
    if not short.isupper() or len(short) < 3:
        return None
    spelled = ""
    for word in reversed(window):
        spelled = "".join(c for c in word.group(0) if c.isupper()) + spelled
        if spelled == short:
            return word.start()
        if not short.endswith(spelled):
            return None
    return None


def _match_long_form(letters: list[str], window: list[re.Match], text: str) -> int | None:
    """Schwartz-Hearst: walk the short form's characters backwards through the long form;
    the first character must start a word. Returns the long form's start offset."""
    if not window:
        return None
    begin = window[0].start()
    long = text[begin:].rstrip()
    s = len(letters) - 1
    k = len(long) - 1
    while s >= 0:
        c = letters[s]
        while k >= 0 and (long[k].lower() != c or (s == 0 and k > 0 and long[k - 1].isalnum())):
            k -= 1
        if k < 0:
            return None
        s -= 1
        k -= 1
    # the long form starts at the beginning of the word holding the first match
    k += 1
    while k > 0 and not long[k - 1].isspace():
        k -= 1
    long_form = long[k:]
    if len(long_form.split()) > len(letters) + 5:
        return None
    return begin + k

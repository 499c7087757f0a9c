"""Other named methods a paper builds on or compares against: USES / COMPARES_WITH.

Candidates are "Long Name (ACR)" definitions whose long form is written as a name (Title Case
or coined words) and coined tokens (EfficientNet, MobileNetV3, FlashAttention, GPT-4, QAOA).
Generic concepts, metrics, hardware, organisations and benchmarks are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.keys import fold
from kg.metrics import metric_key
from loaders.extract.known_methods import find_known, is_known_method, known_method_names
from loaders.extract.names import (
    GENERIC,
    TASK_TAIL,
    EndAnchored,
    acronym_definitions,
    is_generic,
    is_hardware,
    is_name_like,
)
from loaders.extract.sentences import AsciiFast

# written without re.I (much slower on long alternations); sentence-initial capitals listed
_COMPARE = AsciiFast(
    r"\b(?:[Cc]ompar\w+(?: (?:with|to|against))?|[Oo]ut-?perform\w*|(?<![\x22\u201c])[Mm]atch(?:es|ed|ing)?(?![\x22\u201d])|(?:state-of-the-art|[Ee]xisting|[Pp]revious|[Pp]rior|[Rr]ecently,?|[Rr]ecent)\s+(?:[\w-]+\s+){0,4}?\(?(?:such as|e\.g(?=\.)|including|like)|[Ss]urpass\w*|than|[Vv]ersus|[Ii]mprov(?:e|es|ed|ing) upon|with respect to|[Uu]nlike|[Ii]n contrast to|[Cc]ontrary to|within [\d.]+\s*%?(?: [\w-]+)? of|vs\.?|[Aa]gainst|[Bb]aselines?|[Bb]eat\w*|"
    r"[Ee]xceed\w*|relative to|superior to|on par with|competitive with|[Rr]ival\w*|over|gap (?:with|to)|[Aa]bandon\w*(?: the use of)?|instead of|rather than)\b"
)
# only words that can be coined names: two capitals, a capital inside, or a digit
# words with a capital or digit; find_method_mentions keeps the coined ones
# (a plain capitalised word such as "The" or "Experimental" never matches: the regex needs a
# capital or digit after the first letter)
# ("[a-z]*+": the letters before the capital or digit are never given back, as no shorter run
# can be followed by one: the same matches, without the backtracking at every word)
_COINED = AsciiFast(
    r"(?<![\w@/-])([A-Za-z][a-z]*+[-.]?[A-Z0-9][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*\+*)(?!\w)"
)
#: where the first coined name can be: a capital or digit after a letter (and a hyphen or dot),
#: as _COINED needs one; its scan starts at that word (the class first, so the search skips to
#: capitals and digits: far cheaper than _COINED's scan of every place; keep it in step with
#: _COINED, tests/loaders/test_extract_scans.py checks both find the same)
_COINED_TRIGGER = re.compile(r"[A-Z0-9](?:(?<=[A-Za-z].)|(?<=[A-Za-z][-.].))")
# "GPT-4-based", "LLM-driven": the descriptive suffix is not part of the name
_DESCRIPTIVE_SUFFIX = re.compile(
    r"-(?:based|like|style|level|aware|free|specific|driven|guided|generated|only|scale|sized|size|wise|type|enhanced|powered|centric|tuned|trained)$"
)
#: "code-davinci-002", "text-embedding-ada-002": a model's id written in lower case, words and a
#: version number joined by hyphens
_MODEL_ID = re.compile(r"(?<![\w@/.-])([a-z]{3,}(?:-[a-z]{3,})+-\d[\w.]*)(?![\w/-])")
#: the cheap first test for a model id
_LETTER_DASH_DIGIT = re.compile(r"-(?<=[a-z]-)\d")  # the hyphen first: a fast scan
#: "R(2+1)D", "S(4)ND": a name with a bracketed count inside, which the coined shape stops at
#: (a letter after the bracket: "O(1)", "f(x)" are no names)
_BRACKETED_NAME = re.compile(
    r"(?<![\w(/-])([A-Z][A-Za-z]*\(\d+(?:\+\d+)?\)[A-Za-z][A-Za-z0-9]*)(?![\w-])"
)
#: the cheap first test for a bracketed name: the count and the letter after it
_BRACKETED_COUNT = re.compile(r"\((?=\d)[\d+]+\)[A-Za-z]")
_CAPITAL = re.compile(r"[A-Z]")
_ALL_CAPS = re.compile(r"^[A-Z]{3,}[0-9]*$")


def coined_tokens(sentence: str) -> Iterator[re.Match]:
    """``_COINED.finditer(sentence)``, its scan started at the word of the first capital or
    digit that can be in a coined name (none before it can match).

    >>> [m.group(1) for m in coined_tokens("We use GPT-4 and x-Align, not Mixed.")]
    ['GPT-4', 'x-Align']
    """
    first = _COINED_TRIGGER.search(sentence)
    if first is None:
        return iter(())
    return _COINED.finditer(sentence, sentence.rfind(" ", 0, first.start()) + 1)


def _bracketed_names(sentence: str) -> Iterator[re.Match]:
    """ "R(2+1)D": names with a bracketed count inside (the count looked for first, cheaply).

    >>> [m.group(1) for m in _bracketed_names("with an R(2+1)D backbone, not O(1) or (2+1)D")]
    ['R(2+1)D']
    """
    if ")" not in sentence or not _BRACKETED_COUNT.search(sentence):
        return iter(())
    return _BRACKETED_NAME.finditer(sentence)


#: tokens shaped like names that are not methods: metrics, hardware, units, venues with a year,
#: course codes, version strings, section and setting labels ("System1", "H2-2", "Sec3")
_NOISE = re.compile(
    r"^(?:TITAN|TX2|Xp|V100|A100|H100|P100|K80|RTX\d*|GTX\d*|Jetson\w*|PFS|FPS|DoF|GFLOPs?|MFLOPs|TFLOPs|[MGB]-?Adds|"
    r"(?:CVPR|ICCV|ECCV|NeurIPS|NIPS|ICML|ICLR|AAAI|IJCAI|ACL|EMNLP|NAACL|COLING|Interspeech|ICASSP|MICCAI|KDD|WACV|BMVC)['-]?\d{2,4}|"
    r"[A-Z]{2,4}\d{3}[A-Z]?|[A-Z]{2}\d{4}|v?\d+(?:\.\d+)+|(?:Sec|Section|Fig|Figure|Table|Eq|App|Appendix)\.?-?\d+|"
    r"[A-Z]\d(?:-\d+)?|(?:System|Model|Method|Setting|Stage|Step|Task|Phase|Level|Version|Type|Case|Exp|Run)-?\d+|"
    r"[a-z]{3,}[A-Z][a-z]+|X-rays?|P-MPJPE|MPJPE|mCE|UAS|LAS|GLEU|ADD|ADD-S|PR-AUC|F1-[Ss]core|NoC@\d+|mAP@?[\d.]*|"
    r"False Positives|False Negatives|True Positives|AAMI|EC57|"
    # number formats, devices, sizes, resolutions, multipliers, ordinals, metrics at k,
    # diseases and scan modalities
    r"(?:FP|BF|TF|INT|UINT)\d{1,2}|iPhone\s?\d*|Pixel\s?\d*|Snapdragon|H800|A800|\d+(?:GB|MB|TB|[pK])|"
    r"\d+x\w*|\d+(?:st|nd|rd|th)|\w+@\d+|AP(?:\d{2}|[SMLrcf])|o?IoU|Top-\d+|COVID-19|SARS-CoV-2|"
    r"f?MRI|EEG|ECG|EMG|CT)$"
)


#: "Vision Transformers (ViTs)", "GNNs": a plural acronym names a class of models, not one method
_PLURAL_CLASS = re.compile(r"^(?=[A-Z][a-z0-9-]*[A-Z])[A-Z][A-Za-z0-9-]*[A-Z0-9]s$")


@lru_cache(maxsize=1 << 16)  # a pure function of the word; abstracts repeat their names
def is_noise(word: str) -> bool:
    """A token shaped like a name that is not a method.

    >>> [is_noise(w) for w in ("CVPR2022", "System1", "H2-2", "v1.2.3", "TX2", "YOLOv4", "T5")]
    [True, True, True, True, True, False, False]
    """
    # a name of the vocabulary as written ("T5") is a method whatever its shape
    return bool(_NOISE.match(word) or metric_key(word)) and word not in known_method_names()


def is_noise_shape(word: str) -> bool:
    """Shaped like a device, version, course code or section label (metric names aside).

    >>> is_noise_shape("CS224N"), is_noise_shape("PQ"), is_noise_shape("T5")
    (True, False, False)
    """
    return bool(_NOISE.match(word)) and word not in known_method_names()


@dataclass(frozen=True)
class MethodMention:
    name: str
    aliases: tuple[str, ...]
    rule: str
    compares: bool
    start: int
    #: a use or comparison cue stands before the name in its clause ("outperforms", "using")
    cued: bool = False
    #: the nearest cue says the paper is built on it ("based on UNet", "extend the recent MAE"):
    #: a use that a comparison elsewhere in the abstract does not undo
    builds_on: bool = False


_LATEX = re.compile(r"varepsilon|epsilon|mathcal|mathbb|frac|sqrt|infty|widetilde|Omega|Theta")
# "ID-averaged", "LLM-driven": a compound adjective, the name is the part before the hyphen
_ADJECTIVE_TAIL = re.compile(r"-[a-z]{3,}$")


#: a bibliography entry pasted into the abstract ("arXiv preprint arXiv:2002.05709, 2020a."):
#: the names it cites are not what the paper uses
_REFERENCE = re.compile(r"\barXiv preprint\b|\b[Aa]r[Xx]iv(?::|, abs/)\s?\d{4}\.\d{4,5}|\bIn : ")


def is_reference(sentence: str) -> bool:
    """A sentence that is a pasted reference-list entry.

    >>> is_reference("arXiv preprint arXiv:2104.02057, 2021."), is_reference("We use arXiv data.")
    (True, False)
    """
    return ("rXiv" in sentence or "In : " in sentence) and bool(_REFERENCE.search(sentence))


#: a web address, its scheme sometimes split from the host by a space ("https:// github.com/x")
_URL = re.compile(r"(?:\bhttps?://\s?|\bwww\.|\b(?:github|gitlab|huggingface)\.(?:com|co|io)/)\S+")


#: "current FER algorithms", "AMR parsing", "POS tags": an unlisted acronym heading a task or a
#: class of methods names a field, not one method
_FIELD_AFTER = re.compile(
    r"\s+(?:parsing|parsers?|recognition|detection|segmentation|tracking|classification|estimation|"
    r"translation|tagging|tags|tasks?|space|domain|community|field|literature|problems?|methods|"
    r"models|approaches|algorithms|systems|pipelines|signals?|monitoring|denoising|research|"
    r"representations?|queries|features|maps)\b"
)


#: "the Human Connectome Project (HCP)", "Southern African Customs Union (SACU)", "Magnetic
#: Resonance Imaging (MRI)": a long form ending in the noun of an organisation, a project, a
#: data resource or a scan names no method
_RESOURCE_TAIL = EndAnchored(
    r"(?i)\b(?:projects?|initiative|consortium|association|organi[sz]ation|institutes?|"
    r"university|laborator(?:y|ies)|agency|union|committee|force|council|society|workshop|"
    r"conference|competition|challenge|database|datasets?|corpus|corpora|benchmarks?|"
    r"graphs?|questionnaire|survey|imaging|tomography|spectroscopy|scans?)$"
)


#: "other end-to-end or SMPL approaches", "RNN methods": a name heading the plural of
#: "approach" or "method" names a family of others' work, not one method (a listed name too)
_FAMILY_AFTER = re.compile(r"\s+(?:approaches|methods)\b")


def names_a_field(sentence: str, start: int, name: str) -> bool:
    """ "barely taken into account by current FER algorithms": the name heads a field noun.

    >>> names_a_field("Our aligner improves two open-sourced AMR parsers.", 38, "AMR")
    True
    """
    return bool(_FIELD_AFTER.match(sentence, start + len(name)))


#: "Fréchet Inception Distance": the long form of a measure, whatever the metric table holds
_MEASURE_TAIL = EndAnchored(
    r"(?i)\b(?:distance|score|error|rate|accuracy|precision|recall|similarity|index|coefficient|"
    r"ratio|divergence|gain|measure|metric|correlation|deviation)s?$"
)


def other_than_metric(long: str, short: str) -> bool:
    """A metric's acronym defined as the short form of a name that is not that metric.

    >>> other_than_metric("Masked Auto-Encoder", "MAE"), other_than_metric("mean absolute error", "MAE")
    (True, False)
    """
    return (
        long[:1].lower() == short[:1].lower()
        and " " in long
        and not _MEASURE_TAIL.search(long)
        and bool(metric_key(short))
        and not metric_key(long)
    )


def known_lower_case(long: str, short: str) -> bool:
    """ "model-agnostic meta learning (MAML)": a listed method written in lower case.

    >>> known_lower_case("model-agnostic meta learning", "MAML"), known_lower_case("mean absolute error", "MAE")
    (True, False)
    >>> known_lower_case("vision transformers", "ViTs")  # a class of models
    False
    """
    return (
        short not in GENERIC
        and len(long.split()) >= 2
        and not _PLURAL_CLASS.match(short)
        and is_known_method(short)
    )


def kind_of_generic(long: str) -> bool:
    """ "natural language based QA": lower-case words before a generic term name a kind of it.

    >>> kind_of_generic("natural language based QA"), kind_of_generic("Vision Transformer")
    (True, False)
    """
    words = long.split()
    return (
        len(words) >= 2 and words[-1] in GENERIC and not any(_CAPITAL.search(w) for w in words[:-1])
    )


def find_method_mentions(
    sentence: str,
    excluded: set[str],
    excluded_spans: list[tuple[int, int]] = (),
    definitions: list | None = None,
    fields: set[str] | None = None,
    own: set[str] | None = None,
    uncued: list[MethodMention] | None = None,
) -> list[MethodMention]:
    """Named methods in ``sentence``; ``excluded`` holds folded forms to skip (the paper's own
    proposals, benchmarks, generic acronyms defined in the paper) and ``excluded_spans`` the
    character ranges already taken (benchmark mentions, the paper's own names). Unlisted names
    the sentence writes as a field ("AMR parsing") are left out, and added to ``fields``; names
    the sentence gives as the paper's own ("our X", "we develop a ... (X)") to ``own``; lower-case
    definitions left out for want of a cue to ``uncued``.

    >>> [m.name for m in find_method_mentions("It beats Grouped-Query Attention (GQA) and EfficientNet.", set())]
    ['Grouped-Query Attention', 'EfficientNet']
    """
    out: list[MethodMention] = []
    if is_reference(sentence):
        return out
    spans: list[tuple[int, int]] = list(excluded_spans)
    if "/" in sentence:
        # "https://github.com/Albert0147/G-SFDA": a user or repository name is no method
        spans.extend(m.span() for m in _URL.finditer(sentence))
    for d in acronym_definitions(sentence) if definitions is None else definitions:
        if _OWN_DEFINITION_BEFORE.search(sentence, max(0, d.start - 50), d.start):
            # "we propose a novel graph-convolutional network (GCN)": the paper's own model,
            # described, is not one it uses, here or where its short form comes back ("a GCN
            # block called GCNeXt"), unless the model is said to be built on it ("(GCN)-based")
            spans.append((d.start, d.end))
            if own is not None and not _BUILT_ON_AFTER.match(sentence, d.end):
                own.add(d.short)
            continue
        # "Masked Auto-Encoder (MAE)": a metric's acronym given to something else is no metric
        short = "" if other_than_metric(d.long, d.short) else d.short
        if lower_case_model(d.long, short) and not any(s <= d.start < e for s, e in spans):
            # kept only with a use or comparison cue (below)
            if fold(d.long) not in excluded and fold(d.short) not in excluded:
                out.append(
                    MethodMention(d.long, (d.long, d.short), "acronym-lower", False, d.start)
                )
            spans.append((d.start, d.end))
            continue
        if (
            not (_CAPITAL.search(d.long, 1) or known_lower_case(d.long, d.short))
            or (short and is_generic(d.long, short))
            or TASK_TAIL.search(d.long)
            or _RESOURCE_TAIL.search(d.long)
        ):
            if TASK_TAIL.search(d.long) or _RESOURCE_TAIL.search(d.long):
                spans.append((d.start, d.end))  # "Neural Machine Translation (NMT)": a field
            continue
        if is_noise(short) or is_noise(d.long) or _PLURAL_CLASS.match(d.short):
            continue
        if kind_of_generic(d.long):
            spans.append((d.start, d.end))
            continue
        if (
            fold(d.long) in excluded
            or fold(d.short) in excluded
            or any(s <= d.start < e for s, e in spans)
        ):
            continue
        out.append(MethodMention(d.long, (d.long, d.short), "acronym", False, d.start))
        spans.append((d.start, d.end))
    if "[" in sentence or "et al" in sentence:
        for m in _cited_phrases(sentence, excluded, spans):
            out.append(m)
            spans.append((m.start, m.start + len(m.name)))
    for token in coined_tokens(sentence):
        if any(s <= token.start() < e for s, e in spans):
            continue
        word = token.group(1)
        if word.endswith("-like"):
            # "five pre-trained BERT-like models": models resembling BERT, not BERT
            spans.append((token.start(), token.end()))
            continue
        if "-" in word:
            head, _, tail = word.rpartition("-")
            if head.islower() and tail in GENERIC:
                continue  # "question-SQL pairs": a compound of plain words, no name
            word = _ADJECTIVE_TAIL.sub("", _DESCRIPTIVE_SUFFIX.sub("", word))
        word = word.rstrip(".")
        if _LATEX.search(word):
            continue
        if not (is_name_like(word) or _ALL_CAPS.match(word)) or word in GENERIC:
            continue
        if is_generic(word) or fold(word) in excluded or len(word) < 3 or is_noise(word):
            continue
        if _PLURAL_CLASS.match(word):
            continue
        out.append(MethodMention(word, (word,), "coined", False, token.start()))
        if sentence.startswith("/", token.end()):
            out.extend(_slash_variant(sentence, word, token))
    for token in _MODEL_ID.finditer(sentence) if _LETTER_DASH_DIGIT.search(sentence) else ():
        if (
            not any(s <= token.start() < e for s, e in spans)
            and fold(token.group(1)) not in excluded
        ):
            out.append(
                MethodMention(token.group(1), (token.group(1),), "model-id", False, token.start())
            )
    for token in _bracketed_names(sentence):
        if (
            not any(s <= token.start() < e for s, e in spans)
            and fold(token.group(1)) not in excluded
        ):
            out.append(
                MethodMention(token.group(1), (token.group(1),), "coined", False, token.start())
            )
    out.extend(_versioned_phrases(sentence, excluded, spans))
    out.extend(_known(sentence, excluded, spans, out))
    out.extend(_cued_phrases(sentence, excluded, spans, out))
    out.extend(_transformer(sentence, spans))
    if not out:
        return out  # (the steps below only filter and rewrite what was found)
    out = [_with_prefix(sentence, m, spans) if m.rule == "coined" else m for m in out]
    field = {
        m.name
        for m in out
        if m.rule == "coined"
        and names_a_field(sentence, m.start, m.name)
        and not is_known_method(m.name)
    }
    if fields is not None:
        fields.update(field)
    owned = {m.name for m in out if _is_own(sentence, m)}
    if own is not None:
        own.update(owned)
    out = [
        m
        for m in out
        if not _names_data(sentence, m)
        and m.name not in field | owned
        and not is_hardware(m.name)  # "a GeForce GTX 1080 Ti", "a Samsung Galaxy S20"
        and not _FAMILY_AFTER.match(sentence, m.start + len(m.name))
        and not (m.start and sentence[m.start - 1] in '"\u201c' and _analogy(sentence, m))
    ]
    out = [
        _with_version(sentence, m) for m in _joined(sentence, sorted(out, key=lambda m: m.start))
    ]
    out = _listed_cues(sentence, [_with_cue(sentence, m) for m in out])
    if "imilar" in sentence or "nalogous" in sentence:
        out = [m for m in out if m.cued or not _likened(sentence, m)]
    if uncued is not None:
        uncued.extend(m for m in out if m.rule == "acronym-lower" and not m.cued)
    return [m for m in out if m.rule not in ("acronym-lower", "versioned") or m.cued]


#: "the \"BERT of vision and language\"": a quoted name "of" a field is a likeness, not the name
_OF_A_FIELD = re.compile(
    r" of (?:the )?[a-z][\w-]*(?: (?:and|or) [a-z][\w-]*)?(?:\s[\w-]+){0,2}[\x22\u201d]"
)


def _analogy(sentence: str, mention: MethodMention) -> bool:
    """ "VisualBERT, meant to be the \"BERT of vision and language\"": the name is a likeness
    the quoted phrase draws, not a method the paper uses.

    >>> s = 'We use VisualBERT, the "BERT of vision and language", on it.'
    >>> _analogy(s, MethodMention("BERT", ("BERT",), "known", False, s.index('"') + 1))
    True
    """
    return bool(_OF_A_FIELD.match(sentence, mention.start + len(mention.name)))


#: "Similar to the improvements on CNNs by AdvProp [61], our ...": what the paper's work is
#: likened to, in the clause before the name
_LIKENESS = re.compile(r"\b(?:[Ss]imilar(?:ly)? to|[Aa]nalogous(?:ly)? to)\s")


def _likened(sentence: str, mention: MethodMention) -> bool:
    """ "Similar to the improvements on CNNs by AdvProp [61]": a name no cue reads, in the
    clause that likens the paper's work to it, is no method the paper uses.

    >>> s = "Similar to the gains of AdvProp [61], our training helps ViT."
    >>> _likened(s, MethodMention("AdvProp", ("AdvProp",), "coined", False, s.index("AdvProp")))
    True
    """
    last = max(
        (m.end() for m in _LIKENESS.finditer(sentence, max(0, mention.start - 80), mention.start)),
        default=None,
    )
    return last is not None and not any(c in sentence[last : mention.start] for c in ",;:")


def written_again(short: str, later: list[str]) -> bool | None:
    """ "The class activation map (CAM) is of critical importance ... with the CAM results": the
    short form a definition gives comes back on its own (not as a part of another name:
    "NMS-Loss") after a cue in a later sentence. True: compared against, False: used, None: not
    written again so.

    >>> written_again("CAM", ["fused for CAM results.", "We retrain with the CAM results."])
    False
    >>> written_again("cGAN", ["This paper presents a variant of cGAN."]) is None
    True
    """
    for sentence in later:
        if short not in sentence:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", sentence):
            cue = _cue(sentence, MethodMention(short, (short,), "acronym", False, match.start()))
            if cue is not None:
                return cue
    return None


#: "DeepLabv3/v3+", "YOLOv3/v4": another version of the name written after a slash
_SLASH_VERSION = re.compile(r"/(v\d+(?:\.\d+)?\+*)(?![\w/+-])")
_TRAILING_VERSION = re.compile(r"v\d+(?:\.\d+)?\+*$")


def _slash_variant(sentence: str, word: str, token: re.Match) -> list[MethodMention]:
    """ "the DeepLabv3/v3+ baselines": the version after the slash names a second method,
    the name's stem with that version.

    >>> s = "the DeepLabv3/v3+ baselines"
    >>> [m.name for m in _slash_variant(s, "DeepLabv3", _COINED.search(s))]
    ['DeepLabv3+']
    """
    match = _SLASH_VERSION.match(sentence, token.end())
    stem = _TRAILING_VERSION.search(word)
    if not match or not stem or word != token.group(1):
        return []
    name = word[: stem.start()] + match.group(1)
    return [MethodMention(name, (name,), "coined", False, token.start())]


#: between two names of one list: "RetinaNet, SSD, YOLOv3, and Faster R-CNN"
_LIST_GAP = re.compile(
    r"(?:\s*\[[^\]]*\])?\s*(?:\([^)]*\)\s*)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$"
)


def listed_after(sentence: str, first: MethodMention, then: MethodMention) -> bool:
    """ "architectures: C3D-AVG and MSCADC": ``then`` is the next item of a list after ``first``.

    >>> s = "using two kinds of architectures: C3D-AVG and MSCADC."
    >>> a, b = (MethodMention(n, (n,), "coined", False, s.index(n)) for n in ("C3D-AVG", "MSCADC"))
    >>> listed_after(s, a, b), listed_after(s, b, a)
    (True, False)
    """
    end = first.start + len(first.name)
    return end <= then.start and bool(_LIST_GAP.fullmatch(sentence, end, then.start))


def _listed_cues(sentence: str, mentions: list[MethodMention]) -> list[MethodMention]:
    """A name listed right after a cued one shares its cue (the ", and" before the last item
    is no clause end): "detectors such as RetinaNet, SSD, YOLOv3, and Faster R-CNN"."""
    out: list[MethodMention] = []
    for m in mentions:
        last = out[-1] if out else None
        if (
            last is not None
            and last.cued
            and not m.cued
            and _LIST_GAP.fullmatch(sentence, last.start + len(last.name), m.start)
        ):
            m = MethodMention(m.name, m.aliases, m.rule, last.compares, m.start, True)
        out.append(m)
    return out


#: "ReActNets [38]", "AutoAugment (Cubuk et al., 2018)": a citation marker right after a name
_CITATION_AFTER = re.compile(
    r"\s?(?:\[\d+(?:\s*[,\u2013-]\s*\d+)*\]|"
    r"[([][A-Z][\w-]+ (?:et al\.?|and [A-Z][\w-]+),? \d{4}[a-z]?[)\]])"
)
#: "extending the OpenAI Generative Pre-trained Transformer [Radford et al., 2018]": capitalised
#: words right after a use or comparison cue and right before a citation marker
_CITED_PHRASE = re.compile(
    r"\b(?:[Ee]xtend(?:s|ed|ing)?|[Bb]ased (?:up)?on|[Bb]uil(?:t|ds?|ding) (?:up)?on|"
    r"[Ff]ollow(?:s|ed|ing)?|[Ii]nspired by|[Aa]dopt\w*|[Uu]s(?:e|es|ed|ing)|[Cc]ompared (?:with|to)|"
    r"[Oo]ut-?perform\w*|than|over)\s+(?:the\s+)?((?:[A-Z][\w-]*\s+){1,5}[A-Z][\w-]*)(?=\s?[(\[])"
)


def _cited_phrases(
    sentence: str, excluded: set[str], spans: list[tuple[int, int]]
) -> list[MethodMention]:
    """ "extending the OpenAI Generative Pre-trained Transformer [Radford et al., 2018]": a
    capitalised phrase that a cue names and a citation marker follows is a published method.

    >>> s = "We introduce TRE, extending the OpenAI Generative Pre-trained Transformer [Radford et al., 2018]."
    >>> [m.name for m in _cited_phrases(s, set(), [])]
    ['OpenAI Generative Pre-trained Transformer']
    """
    out = []
    for match in _CITED_PHRASE.finditer(sentence):
        name, start = match.group(1), match.start(1)
        if (
            not cited(sentence, match.end(1))
            or any(s < start + len(name) and start < e for s, e in spans)
            or name.split()[0] in _NOT_PREFIX
            or is_generic(name)
            or fold(name) in excluded
        ):
            continue
        out.append(MethodMention(name, (name,), "phrase", False, start))
    return out


def cited(sentence: str, end: int) -> bool:
    """A citation marker follows the name ending at ``end``: the name of a published work.

    >>> s = "after removing BNs from the state-of-the-art ReActNets [38], it can still be trained"
    >>> cited(s, s.index(" [")), cited(s, s.index("BNs") + 3)
    (True, False)
    """
    return ("[" in sentence or "et al" in sentence or " and " in sentence) and bool(
        _CITATION_AFTER.match(sentence, end)
    )


#: "an attention pyramid network (APN)": the lower-case long form of a model's name
#: ("simple recurrent unit (SRU)", "spatial pyramid pooling (SPP)", "dynamic time warping
#: (DTW)": the nouns of a model's part or a named technique too; "map" and "field" only after
#: the words that make them a technique, "class activation map (CAM)", "self-organizing map
#: (SOM)", "conditional random field (CRF)", "neural radiance field (NeRF)", not a plain
#: "feature map" or "receptive field")
_MODEL_TAIL = re.compile(
    r"(?:\s(?:network|net|model|autoencoder|encoder|decoder|transformer|machine|filter|algorithm|"
    r"optimizer|unit|pooling|warping|averaging|mapping|activation map|(?:random|radiance) field)|"
    r"[\s-]organi[sz]ing map)$"
)


def lower_case_model(long: str, short: str) -> bool:
    """A lower-case long form naming a kind of model whose acronym is specific, not generic:
    a method when the sentence uses or compares against it.

    >>> lower_case_model("attention pyramid network", "APN"), lower_case_model("graph-convolutional network", "GCN")
    (True, False)
    """
    return (
        long[:1].islower()
        and len(long.split()) >= 2
        and bool(_MODEL_TAIL.search(long))
        and not is_generic(long)
        and not is_generic(short, short)
        and not is_noise(short)
        and not _PLURAL_CLASS.match(short)
    )


#: "the proposed EEND-OLA", "our detector, namely NMS-Ped": the paper's own name, not another's
_OWN_BEFORE = AsciiFast(
    r"(?:\b(?:[Tt]he|[Oo]ur) proposed|\b[Oo]ur(?: [a-z][\w-]*)?|\b(?:namely|called|dubbed|termed|named|(?<!recently )(?<!recently-)(?<!previously )(?<!originally )propose[sd]?|introduce[sd]?))\s+$"
)


#: "First, we develop a vector quantized variational autoencoder with SNNs (VQ-SVAE)": the name
#: in brackets after what the paper says it builds, in the same clause
_OWN_CLAUSE_BEFORE = re.compile(
    r"\b[Ww]e (?:\w+ly )?(?:propose|introduce|present|develop|design|devise|build|construct|"
    r"call|name|dub|term)[sd]? [^;:()]{3,120}\($"
)


def _is_own(sentence: str, mention: MethodMention) -> bool:
    """ "the proposed EEND-OLA", "we develop a ... (VQ-SVAE)": the paper's own name, unless the
    paper's name is built on it ("Our YOLOX-based model")."""
    end = mention.start + len(mention.name)
    if _BUILT_ON_AFTER.match(sentence, end):
        return False
    if _OWN_BEFORE.search(sentence, max(0, mention.start - 40), mention.start):
        return True
    if mention.rule != "coined" or sentence[end : end + 1] != ")":
        return False
    clause = _OWN_CLAUSE_BEFORE.search(sentence, max(0, mention.start - 130), mention.start)
    return (
        clause is not None
        and not is_known_method(mention.name)
        and not _CLAUSE_END.search(sentence, clause.start(), mention.start)
    )


_OWN_DEFINITION_BEFORE = re.compile(
    r"\b[Ww]e (?:\w+ly )?(?:propose|introduce|present|develop|design)[sd]? (?:a|an) (?:(?:novel|new|simple|unified|general|lightweight|efficient) )*$"
)


#: "Our YOLOX-based model": the name the paper's own model is built on, a use
_BUILT_ON_AFTER = re.compile(r"-(?:based|style|inspired|powered|backed)\b")


#: "wav2vec 2.0", "Stable Diffusion 2.1": a dotted version number written after a name, not a
#: figure (no unit, percent or metric after it)
_VERSION_AFTER = re.compile(
    r" (?:v?\d\.\d{1,2})(?![\d.,]*\s*(?:%|[Pp]oints?|pp|dB|[A-Z]|[a-z]*[Ss]core|x\b|×))(?![\w.]*\d)"
)


#: "Wu Dao 2.0", "Stable Diffusion 2.1": one or two capitalised words before a version number
#: name a release (kept only after a use or comparison cue); the words are looked for right
#: before each version the cheap test finds
_WORDS_BEFORE = re.compile(r"(?<![\w-])((?:[A-Z][a-z]+ )?[A-Z][a-z]+)$")
#: the cheap test: a version number after a lower-case letter and a space (its dot found first)
_WORD_VERSION = re.compile(r"\.\d(?<=[a-z] \d\.\d)")
#: capitalised words that a number follows without naming a release
_NOT_RELEASE = frozenset(
    """Section Sections Table Tables Figure Figures Fig Eq Equation Appendix Version Release Step
    Stage Level Python Ubuntu Windows Android Chapter Lemma Theorem Algorithm""".split()
)


def _versioned_phrases(
    sentence: str, excluded: set[str], spans: list[tuple[int, int]]
) -> list[MethodMention]:
    """ "such as CLIP and Wu Dao 2.0": a name made of plain capitalised words and a version.

    >>> [m.name for m in _versioned_phrases("unlike Wu Dao 2.0 (see Table 2.1)", set(), [])]
    ['Wu Dao 2.0']
    """
    if not _WORD_VERSION.search(sentence):
        return []
    out = []
    for hit in _WORD_VERSION.finditer(sentence):
        space = hit.start() - 2
        version = _VERSION_AFTER.match(sentence, space)
        words = version and _WORDS_BEFORE.search(sentence, max(0, space - 40), space)
        if (
            not words
            or any(w in _NOT_RELEASE or w in _NOT_PREFIX or w in GENERIC for w in words[1].split())
            or any(s <= words.start() < e for s, e in spans)
        ):
            continue
        name = words[1] + version.group(0)
        if fold(name) not in excluded and fold(words[1]) not in excluded:
            out.append(MethodMention(name, (name, words[1]), "versioned", False, words.start()))
    return out


def _with_version(sentence: str, mention: MethodMention) -> MethodMention:
    if mention.rule not in ("coined", "known", "model-id"):
        return mention
    match = _VERSION_AFTER.match(sentence, mention.start + len(mention.name))
    if not match:
        return mention
    name = mention.name + match.group(0)
    # the unversioned name stays an alias: the family the paper may also name without it
    return MethodMention(
        name, (name, *mention.aliases), mention.rule, mention.compares, mention.start, mention.cued
    )


def _joined(sentence: str, mentions: list[MethodMention]) -> list[MethodMention]:
    """ "SWIN-L Cascade-Mask R-CNN", "R50 Mask R-CNN": a backbone written right before a coined
    detector name is one configuration, one name."""
    out: list[MethodMention] = []
    for m in mentions:
        last = out[-1] if out else None
        if (
            last is not None
            and last.rule == m.rule == "coined"
            and last.start + len(last.name) + 1 == m.start
            and sentence[m.start - 1] == " "
        ):
            name = f"{last.name} {m.name}"
            out[-1] = MethodMention(name, (name,), "coined", False, last.start)
        else:
            out.append(m)
    return out


def _known(
    sentence: str, excluded: set[str], spans: list[tuple[int, int]], found: list[MethodMention]
) -> list[MethodMention]:
    """Names of the known-methods vocabulary that the coined-name shape misses ("Xception",
    "U-Net")."""
    known = find_known(sentence)
    if not known:
        return []
    taken = [*spans, *((m.start, m.start + len(m.name)) for m in found)]
    out = []
    for start, written in known:
        word = _DESCRIPTIVE_SUFFIX.sub("", written)
        if any(s < start + len(word) and start < e for s, e in taken):
            continue
        if (
            word in GENERIC
            or is_generic(word)
            or fold(word) in excluded
            or is_noise(word)
            or _PLURAL_CLASS.match(word)
        ):
            continue
        out.append(MethodMention(word, (word,), "known", False, start))
    return out


#: "Inspired by the Generalized Hough Transform", "speedup over Random Search and Regularized
#: Evolution", "combines Channel Attention with Pixel Attention": a capitalised phrase ending in
#: the noun of a technique, right after a cue ("apply it to both Atrous Spatial Pyramid Pooling
#: and decoder modules": a "both" or "either" between them)
_TECHNIQUE_HEAD = (
    "transform normalization search evolution filter pooling descent regression propagation "
    "dropout distillation sampling augmentation annealing clustering decomposition factorization "
    "boosting forests forest machines machine fields field process algorithm optimizer ensembling "
    "attention"
).split()
_PHRASE_CUE = re.compile(
    r"\b(?:[Ii]nspired by|[Bb]ased on|[Bb]uil(?:t|ds?) (?:up)?on|[Rr]el(?:y|ies|ied|ying) on|over|than|"
    r"[Cc]ompared (?:with|to)|[Oo]ut-?perform\w*|[Ss]urpass\w*|[Ee]xtend\w*|[Aa]dopt\w*|[Ee]mploy\w*|"
    r"[Uu]s(?:e|es|ed|ing)|use of|[Rr]eplac\w+|[Cc]ombin(?:e|es|ed|ing)|with|and|or|to(?=\s+both\b))\s+"
    r"(?:both\s+|either\s+)?(?:the\s+|a\s+|an\s+)?"
    r"((?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?\s+){1,3}(?i:" + "|".join(_TECHNIQUE_HEAD) + r"))\b"
)

#: the cheap first test: a capitalised word before a technique noun
_HEAD_AFTER_CAPITAL = AsciiFast(r"[A-Z][a-z]++\s(?i:" + "|".join(_TECHNIQUE_HEAD) + r")\b")


def _cued_phrases(
    sentence: str, excluded: set[str], spans: list[tuple[int, int]], found: list[MethodMention]
) -> list[MethodMention]:
    """Named techniques written as capitalised words ("Kalman filter", "Random Search") that the
    coined-name shape misses, read only right after a use or comparison cue.

    >>> [m.name for m in _cued_phrases("It is 3x faster than Random Search and Regularized Evolution.", set(), [], [])]
    ['Random Search', 'Regularized Evolution']
    """
    first = _HEAD_AFTER_CAPITAL.search(sentence)
    if not first:
        return []
    taken = [*spans, *((m.start, m.start + len(m.name)) for m in found)]
    out: list[MethodMention] = []
    # every phrase holds a capitalised word before a technique noun, so none starts far before
    # the first one: the scan starts there (a cue, an article and three words back)
    for match in _PHRASE_CUE.finditer(sentence, max(0, first.start() - 120)):
        name, start = match.group(1), match.start(1)
        if any(s < start + len(name) and start < e for s, e in taken):
            continue
        if is_generic(name.lower()) or fold(name) in excluded or name.split()[0] in _NOT_PREFIX:
            continue
        if match.group(0).split()[0] in ("and", "or") and not out:
            continue  # "X and Y Z": only the second of a pair named after a cue
        out.append(MethodMention(name, (name,), "phrase", False, start))
    return out


#: "the Transformer", "standard Transformer-based models": the architecture, written as a name
_TRANSFORMER = re.compile(r"(?<!-)\bTransformer\b(?!\s*\(|,\s*(?:termed|called|dubbed|named)\b)")
_TITLE_WORD_BEFORE = re.compile(r"[A-Z][\w-]*\s+$")
#: "a vision Transformer with dual attention", "the current dual-path Transformer models": a
#: domain or a hyphened shape before it names a kind of Transformer, not the architecture (its
#: standard shapes, "encoder-decoder", "decoder-only", aside)
_KIND_BEFORE = re.compile(
    r"(?:\b(?:vision|visual|video|image|point|graph|speech|audio|spatial|temporal)|"
    r"(?<![\w-])(?!(?:encoder-decoder|decoder-only|encoder-only|to-sequence)\s)[a-z]+-[a-z]+)\s+$"
)


def _transformer(sentence: str, spans: list[tuple[int, int]]) -> list[MethodMention]:
    """The Transformer architecture: singular, not the tail of another name ("Vision
    Transformer", "Generative Pre-trained Transformer") and not the paper's own ("an instance
    segmentation Transformer, termed ISTR")."""
    out = []
    if "Transformer" not in sentence:
        return out
    for match in _TRANSFORMER.finditer(sentence):
        start = match.start()
        if start == 0 or any(s <= start < e for s, e in spans):
            continue
        if _TITLE_WORD_BEFORE.search(sentence, max(0, start - 30), start) or _KIND_BEFORE.search(
            sentence, max(0, start - 30), start
        ):
            continue
        out.append(MethodMention("Transformer", ("Transformer",), "architecture", False, start))
        break
    return out


# the cue nearest before a name in its clause says whether the paper compares against it or
# builds on it: "outperforms YOLOv4" / "using the Mask R-CNN backbone"
# (the word boundary first, in this pattern and the next ones: it fails at most places, and the
# look-behinds are tested only where it holds)
_USE_CUE = AsciiFast(
    # ("with 100M parameters", "with 100M to 1B params": a size, not a thing used; "sim" is the
    # tilde of a range extracted from LaTeX)
    r"\b(?<!-)(?:[Uu]s(?:e|es|ed|ing)|[Ww]ith(?! (?:only |just |about |around |fewer |less )?(?:[\d.,~]+\s?[KMBT]?\w*\s?(?:to|sim|~|-|\u2013)\s?)?[\d.,~]+\s?[KMBT]?\w*(?: million| billion)? (?:parameters|params)\b)|[Bb]ased (?:up)?on|on the basis of|[Bb]uil(?:t|ds?|ding) (?:up)?on|[Aa]dopt\w*|[Ee]mploy\w*|"
    r"[Ll]everag\w*|[Cc]ombin(?:e|es|ed|ing)|[Aa]ppl(?:y|ies|ied|ying)|on top of|[Ee]xtend\w*|[Ii]ntegrat\w*|[Ff]ine-?tun\w*|[Ii]nto|[Pp]lugged into|"
    r"[Ii]nitiali[sz]\w*|[Ii]nspired by|[Ff]ollowing|[Rr]eplac\w*|via|through|from|"
    # "against backbone of ResNet50": the backbone a module is measured on is used; "code is
    # available at PaddleSeg": the toolkit the work is released in
    r"[Bb]ackbones? (?:of|such as|like)|(?:available|released) (?:at|in|on)(?!\s*(?:https?|www)\b))\b"
)
_BASELINE_AFTER = re.compile(r"^[\w+.-]*\s*(?:\([^)]*\)\s*)?(?:baselines?|counterparts?)\b")
_USED_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:employed|used|adopted|utili[sz]ed|applied|leveraged|exploited)\b"
)
_CLAUSE_END = re.compile(r"[;]|,\s+(?:and|but|while|which|whereas)\b|\.\s")


_DATA_AFTER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:(?!(?:on|in|of|the|a|an|to|and|with|for|from|over|by|as)\b)[A-Za-z][\w-]*\s+){0,2}?(?:data ?sets?|benchmarks?|corpus|corpora|challenge|leaderboard|database|"
    r"test ?set|val(?:idation)? set|splits?|subsets?|images|videos|scans|recordings)\b",
    re.I,
)
_DATA_BEFORE = AsciiFast(
    r"\b(?<![Bb]ased )(?<![Bb]uilt )(?<!relies )(?<!relying )(?<!builds )(?<!top )(?:on|in|across)\s+(?:the\s+)?(?:(?:\w+[- ])?(?:datasets?|benchmarks?)\s+)?(?:[\w.+-]+,\s+)*(?:and\s+)?$"
)
#: "FooBench-2K", "LegalCorpus": a name ending in a benchmark's noun (not "-QA": "SQA", "DrQA"
#: name methods too)
_BENCHMARK_SHAPE = re.compile(
    r"(?:Bench|Benchmark|Corpus|Leaderboard|Arena|Suite)(?:[-\s]?(?:v?\d+[KkM]?|Lite|Pro|Hard|Plus|\+))?$"
)
#: "scans from BraTS2021 and KiTS23", "images drawn from LAION": what data is taken from is data
_DATA_FROM = re.compile(
    r"\b(?:data|images|scans|videos|clips|frames|samples|examples|recordings|annotations|"
    r"sentences|documents|texts|questions|dialogues|conversations|tweets|posts|reviews|articles|"
    r"pairs|subjects|patients|cases|slides|utterances|speakers)\s+(?:\w+\s+)?from\s+(?:the\s+)?"
    r"(?:[\w.+-]+(?:,|\s+and|,\s+and)\s+)*$"
)
#: "Inception scores of 262.85", "Fréchet Inception Distance": a metric named after a model
_METRIC_AFTER = re.compile(r"\s+(?:[Ss]cores?|[Dd]istance|[Mm]etrics?)\b")
_FIGURE = re.compile(r"\d(?:\.\d+)?\s*%|\d\.\d")


def _names_data(sentence: str, mention: MethodMention) -> bool:
    """ "on the WikiHop dataset", "evaluated on CULane and CurveLanes (81.4% F1)": a name the
    sentence treats as data is a benchmark, not a method."""
    end = mention.start + len(mention.name)
    if _DATA_AFTER.match(sentence[end:]) or _METRIC_AFTER.match(sentence, end):
        return True
    if is_known_method(mention.name):
        return False  # "79.40% on ResNet-50": the model a figure is reached with
    if _BENCHMARK_SHAPE.search(mention.name):
        return True  # "Using FooBench", "with MedQA": shaped like a benchmark
    before = sentence[max(0, mention.start - 80) : mention.start]
    if _DATA_FROM.search(before):
        return True
    return bool(_DATA_BEFORE.search(before) and _FIGURE.search(sentence))


def _with_cue(sentence: str, mention: MethodMention) -> MethodMention:
    cue = _cue(sentence, mention)
    builds_on = cue is False and bool(
        _BUILD_CUE.search(sentence, max(0, mention.start - 40), mention.start)
        or (
            sentence.endswith((", a ", ", an "), 0, mention.start)
            and _OWN_MODEL_IS_A.search(sentence, max(0, mention.start - 90), mention.start)
        )
        or (
            " as " in sentence
            and _AS_BACKBONE_AFTER.match(sentence, mention.start + len(mention.name))
        )
        # (an anchored match at the name's end: no scan of the sentence)
        or bool(_PART_AFTER.match(sentence, mention.start + len(mention.name)))
    )
    return MethodMention(
        mention.name,
        mention.aliases,
        mention.rule,
        bool(cue),
        mention.start,
        cue is not None,
        builds_on,
    )


#: "with Inception-v3 as the backbone": the part the paper's model is made from
_AS_BACKBONE_AFTER = re.compile(
    r"(?:[\w.+-]*)\s+as\s+(?:the|its|our|a|an)\s+(?:[\w-]+\s+)?(?:backbones?|encoders?|base (?:model|network)|"
    r"feature extractors?|teachers?)\b"
)


#: "with R(2+1)D backbone", "with RNNLM rescoring", "using a SRU language model": the name
#: heads the noun of a part or a training step of the paper's system
_PART_AFTER = re.compile(
    r"\s+(?:backbones?|rescoring|(?:language|acoustic) model(?:s|ing)?|(?:pre-?)?training)\b"
)


#: the use cues that say the paper's method is made from the name right after them
_BUILD_CUE = re.compile(
    r"\b(?:[Bb]ased (?:up)?on|on the basis of|[Bb]uil(?:t|ds?|ding) (?:up)?on|on top of|[Ee]xtend(?:s|ed|ing)?|"
    r"[Ii]nitiali[sz]ed (?:with|from)|[Ff]ine-?tun(?:e|es|ed|ing)|[Aa]dapt(?:s|ed|ing)?|"
    # "a network discovered by NAS that is searched from the DeepLabv3 system"
    r"(?:searched|derived|evolved|grown|modified|scaled up|scaled) from)\s+"
    r"(?:(?:the|a|an|recent|previous|popular|standard|original|vanilla|pre-?trained)\s+)*$"
)


#: "Our final SElf-supERvised (SEER) model, a RegNetY with 1.3B parameters": the paper's own
#: model said to be an instance of the name
_OWN_MODEL_IS_A = re.compile(
    r"\b(?:[Oo]ur|[Tt]he proposed)\s[^,;.]{0,60}?\b(?:model|network|architecture|detector|backbone|"
    r"encoder)s?,\s+an?\s+$"
)
#: "our baseline", "our strong baseline": the words before the paper's own baseline
_OURS = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+)?$")


#: the words between a "both ... , and" and the second item's name: a short noun phrase
_NOUN_PHRASE_ONLY = re.compile(r"\s*(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}")
#: "outperforms both", "surpasses both": a comparison over a pair
_COMPARED_BOTH = re.compile(
    r"\b(?:[Oo]ut-?perform\w*|[Ss]urpass\w*|[Bb]eat\w*|[Ee]xceed\w*|than|over) both\b"
)


def _cue(sentence: str, mention: MethodMention) -> bool | None:
    """True: compared against, False: used, None: no cue in the clause."""
    ends = list(_CLAUSE_END.finditer(sentence, 0, mention.start))
    clause_start = ends[-1].end() if ends else 0
    if (
        ends
        and " both " in sentence
        and ends[-1].group().startswith(",")
        and ends[-1].group().endswith("and")
        and _NOUN_PHRASE_ONLY.fullmatch(sentence, clause_start, mention.start)
    ):
        # "outperforms both transformer-based detector SWIN-L Cascade-Mask R-CNN (...) by 509%
        # in speed, and convolutional-based detector ConvNeXt-XL ...": the second item of a
        # "both ... and" after a comparison shares its cue
        earlier = ends[-2].end() if len(ends) > 1 else 0
        both = _COMPARED_BOTH.search(sentence, earlier, ends[-1].start())
        if both is not None:
            clause_start = both.start()
    before = sentence[clause_start : mention.start]
    # "compared ... to our baseline model (ALBERT-base-v2 + ...)": the paper's own baseline is
    # made from the name, a use
    cues = [
        (
            m.end(),
            not (
                m.group().startswith(("baseline", "Baseline"))
                and _OURS.search(before, 0, m.start())
            ),
        )
        for m in _COMPARE.finditer(before)
        if not (" by" in before and _OTHERS_PASSIVE.fullmatch(before, 0, m.end() + 3))
        and not (m.group() == "than" and _SHAPE_BEFORE.search(before, 0, m.start()))
    ]
    if (
        len(cues) == 1
        and before.endswith(("the baseline ", "a baseline "))
        and _WE_BENCHMARK.search(before)
    ):
        # "we firstly benchmark the baseline Inception-v3 model": the baseline the paper sets up
        # (and builds on), not one it compares against
        cues = [(cues[0][0], False)]
    uses = list(_USE_CUE.finditer(before))
    cues += [(m.end(), False) for m in uses]
    after = sentence[mention.start + len(mention.name) :]
    if _BASELINE_AFTER.match(after.lstrip()):
        return True
    if before.endswith((", a ", ", an ")) and _OWN_MODEL_IS_A.search(before):
        return False  # "Our final SEER model, a RegNetY with 1.3B parameters": built on it
    if _USED_AFTER.match(after):
        return False  # "an attention pyramid network (APN) is employed in the decoder"
    if _BUILT_ON_AFTER.match(sentence, mention.start + len(mention.name)) and not any(
        compares for _, compares in cues
    ):
        return False  # "a DETR-style framework that adapts CLIP"
    if not cues:
        return None
    end, compares = max(cues)
    use = next((m for m in uses if m.end() == end), None)
    if not compares and "using" in before and use is not None and use.group() == "using":
        # "surpasses the model using prompts directly on large language model (Chatgpt-3)":
        # what the compared model uses is compared against
        return any(
            compared and _COMPARED_HOLDER.fullmatch(before, at, use.start())
            for at, compared in cues
            if at <= use.start()
        )
    return compares


#: "Although VGG models have been outperformed by Inception models": a comparison between
#: others' methods, its subject not the paper's (the cheap " by" test first)
_OTHERS_PASSIVE = re.compile(
    r"(?!.*\b(?:[Oo]urs?|[Pp]roposed|[Ww]e)\b).*\b(?:been|are|is|was|were)\s+(?:\w+ly\s+)?"
    r"(?:outperformed|surpassed|beaten|exceeded) by"
)
#: "a mini-UNet ... 4x deeper than the common UNet": a shape the paper's model is set against,
#: not a result
_SHAPE_BEFORE = re.compile(r"\b(?:deeper|wider|shallower|narrower)\s+$")
#: "we firstly benchmark the baseline ...", "we train a baseline ...": the paper sets one up
_WE_BENCHMARK = re.compile(
    r"\b[Ww]e (?:\w+ly )?(?:benchmark|train|build|construct|establish|implement|set up|start from)\s+(?:the|a) baseline $"
)


#: "surpasses the model using ...": the compared thing that a "using" right after it describes
_COMPARED_HOLDER = re.compile(
    r"\s+(?:the|a|an|other|existing|previous|prior)\s+(?:[\w-]+\s+){0,2}?(?:models?|methods?|"
    r"approach(?:es)?|baselines?|systems?|networks?|detectors?|frameworks?)\s+"
)


#: ordinary capitalised words that open a compound method name ("Mask R-CNN", "Deformable DETR")
_PREFIX_WORD = re.compile(r"([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?|[23]D)\s+$")
_NOT_PREFIX = frozenset(
    """The A An Our This These Those Its Their Each Both With Using Unlike Like Than On In For By
    From To At Over Under After When While And Or But Compared Moreover Furthermore However We Test
    It Then Also Even Only Specifically Finally Besides Extensive Experiments Experimental Our
    Existing Previous Recent Standard Vanilla Original Popular State Strong Single Multiple Given
    Inspired Based Built Pretrained Pre-trained Fine-tuned Trained Via Through Beyond Against""".split()
)
#: "Following SimCLR", "Leveraging CLIP features": a verb in -ing opens the clause, not the name
_GERUND = re.compile(r"[A-Z][a-z]+ing$")


def _with_prefix(
    sentence: str, mention: MethodMention, spans: list[tuple[int, int]]
) -> MethodMention:
    """ "Cascade Mask R-CNN", "Faster RCNN": up to two capitalised words written before a coined
    name belong to it."""
    start = mention.start
    for _ in range(2):
        match = _PREFIX_WORD.search(sentence, 0, start)
        if (
            not match
            or match.group(1) in _NOT_PREFIX
            or _GERUND.match(match.group(1))
            or any(s <= match.start() < e for s, e in spans)
        ):
            break
        start = match.start(1)
    if start == mention.start:
        return mention
    name = sentence[start : mention.start] + mention.name
    return MethodMention(name, (name,), mention.rule, mention.compares, start)

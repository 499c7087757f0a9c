"""Extraction of methods, benchmarks and results from one paper, and merging across papers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from kg.keys import fold, method_key, raw_benchmark_key, singular_last_word
from kg.metrics import metric_key
from kg.model import (
    Benchmark,
    ComparesWith,
    EvaluatedOn,
    Method,
    Paper,
    Proposes,
    Relationship,
    Uses,
)
from loaders.extract.benchmarks import Mention, find_mentions, unlisted_mentions
from loaders.extract.figures import LIST_GAP
from loaders.extract.gazetteer import Gazetteer, benchmark_key, load_gazetteer
from loaders.extract.known_methods import (
    configuration_family,
    has_known_part,
    is_generic_technique,
    is_known_method,
)
from loaders.extract.mentions import (
    cited,
    find_method_mentions,
    is_reference,
    kind_of_generic,
    known_lower_case,
    listed_after,
    lower_case_model,
    other_than_metric,
    written_again,
)
from loaders.extract.names import TASK_TAIL, acronym_definitions, is_generic, is_name_like
from loaders.extract.primary_metrics import primary_metric
from loaders.extract.proposed import (
    Candidate,
    components_of,
    from_repository,
    from_sentence,
    from_title,
    own_subject_proposals,
)
from loaders.extract.results import find_results
from loaders.extract.sentences import AsciiFast, has_digit, split_sentences


@dataclass
class Extraction:
    """Nodes and edges extracted from one or more papers."""

    methods: list[Method] = field(default_factory=list)
    benchmarks: list[Benchmark] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    #: uses too weakly read to keep on their own (an unlisted name without a cue): kept by
    #: :func:`extract_papers` when another paper proposes a method of that name
    unconfirmed: list[Uses] = field(default_factory=list)


def _paper_sentences(paper: Paper) -> list[str]:
    return split_sentences(paper.abstract) + split_sentences(paper.tldr)


_VARIANT = re.compile(
    r"^[-\s](?:\d+(?:\.\d+)?[BMK]?|[A-Z]|[smlx]|[vV]\d+|\d+/\d+|Tiny|Small|Base|Large|XL|Mini|Lite|Pro|Plus)$"
)


#: a variant's tag: a letter ("ScaleNet-S") or weight/activation bits ("MPT-1/1")
_TAG = re.compile(r"-(?:[A-Z]\d{0,2}|\d{1,2}/\d{1,2})$")
#: an acronym's plural ("our MPTs-1/32"): the family's stem is the singular
_ACRONYM_PLURAL = re.compile(r"(?<=[A-Z])s$")


def _family_stem(name: str) -> str:
    """ "ScaleNet-S" -> "ScaleNet", "MPTs-1/32" -> "MPT"."""
    stem = _TAG.sub("", name)
    return name if stem == name else _ACRONYM_PLURAL.sub("", stem)


_MODIFIER = re.compile(r"-(?:based|like|style|driven|powered|inspired)$")


def _variant_base(name: str, names: list[str]) -> str | None:
    """ "LinGen-4B" / "TinyNet-E" are variants of the proposed "LinGen" / "TinyNet".

    >>> _variant_base("ScaleNet-S", ["ScaleNet-P", "ScaleNet-S"]), _variant_base("LinGen-4B", ["LinGen"])
    ('ScaleNet', 'LinGen')
    """
    for base in names:
        if name != base and name.startswith(base) and _VARIANT.match(name[len(base) :]):
            return base
    # "ScaleNet-P" and "ScaleNet-S" of one paper: two variants of the family they share
    # ("our MPTs-1/32" and "our MPT-1/1": bit widths of one family, its plural aside)
    stem = _family_stem(name)
    if stem != name and any(n != name and _family_stem(n) == stem for n in names):
        return stem
    # "SpineNet-Seg" ... "our SpineNet-S143+ model": a later name on the same coined stem is a
    # variant of the first one proposed
    coined = name.split("-", 1)[0]
    if "-" in name and len(coined) >= 4 and is_name_like(coined):
        first = next((n for n in names if n.split("-", 1)[0] == coined and "-" in n), name)
        if first != name:
            return first
    return None


def _title_name_bracketed(candidates: list[Candidate], abstract: str) -> list[Candidate]:
    """ "R-Net: Intra- and Inter-Human Relation Network ..." whose abstract presents "the
    Intra-and Inter-Human Relation Networks (I 2 R-Net)": a title's name the abstract writes only
    as the end of the bracketed short form after another proposal's name (a superscript lost
    from the title) is that proposal's short form, not a second proposal."""
    title = candidates[0]
    at = abstract.find(title.name + ")")
    if at < 0 or abstract.count(title.name) != 1:
        return candidates
    opened = abstract.rfind("(", max(0, at - 8), at)
    if opened < 0 or opened == at - 1:
        return candidates
    short = abstract[opened + 1 : at + len(title.name)]
    for i, cand in enumerate(candidates[1:], 1):
        if abstract.endswith(cand.name + " ", 0, opened):
            joined = replace(cand, aliases=tuple(dict.fromkeys((*cand.aliases, short))))
            return [joined if j == i else c for j, c in enumerate(candidates) if j]
    return candidates


def _merge_candidates(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per proposed thing (aliases joined, size variants folded into their base),
    best confidence kept."""
    merged: dict[str, Candidate] = {}
    alias_owner: dict[str, str] = {}
    # "we propose MultIlevel kNowledge-guided Attention networks (MINA)": a name run cut short
    # at a lower-case word is the start of the long form another rule read from the sentence
    candidates = [
        c
        for c in candidates
        if not any(o.evidence == c.evidence and o.name.startswith(c.name + " ") for o in candidates)
    ]
    # ("our MPTs-1/32" is a variant of "multi-prize tickets (MPTs)": short forms are bases too)
    names = list(dict.fromkeys(a for c in candidates for a in (c.name, *c.aliases)))
    for cand in candidates:
        modifier = _MODIFIER.search(cand.name)
        if modifier and cand.name[: modifier.start()] in names:
            # "our MRL-based network architecture": the proposed MRL, written as a modifier
            base_name = cand.name[: modifier.start()]
            cand = replace(cand, name=base_name, aliases=(base_name,))
        base = _variant_base(cand.name, names)
        if base is not None:
            cand = replace(cand, name=base, aliases=(base, *cand.aliases))
        keys = [method_key(a) for a in cand.aliases]
        owner = next((alias_owner[k] for k in keys if k in alias_owner), None)
        if owner is None:
            owner = method_key(cand.name)
            merged[owner] = cand
        else:
            old = merged[owner]
            # the long form names the node; a bare acronym only joins as an alias
            name = old.name if len(old.name) >= len(cand.name) else cand.name
            aliases = tuple(dict.fromkeys(old.aliases + cand.aliases))
            best = max((old, cand), key=lambda c: c.confidence)
            merged[owner] = Candidate(
                name,
                aliases,
                best.rule,
                best.evidence,
                best.confidence,
                old.benchmark_kind or cand.benchmark_kind,
            )
        for k in keys:
            alias_owner.setdefault(k, owner)
    return _joined_proposals(list(merged.values()))


#: what a name adds to the proposal it versions: "ViTAEv2" (not "-Net": the labels keep
#: "ParC-Net" apart from its "position aware circular convolution (ParC)")
_VERSION = re.compile(r"[-\s]?[vV]\d+(?:\.\d+)?$")
#: (compiled once, as the patterns below: re's module functions look a pattern up per call)
_WORD_BREAK = re.compile(r"[\s-]+")
_NOT_LETTER = re.compile(r"[^A-Za-z]")
#: a long form heading data, not a method ("a protein-protein interaction (PPI) dataset")
_DATA_WORD = re.compile(r"(?i)bench|data|corpus|QA\b")


def _initials(long: str) -> str:
    """ "Dynamic Graph Network" -> "DGN"."""
    return "".join(w[0] for w in _WORD_BREAK.split(long) if w[:1].isupper())


def _acronym_tail(short: str, long: str) -> bool:
    """ "Fast-Slow RNN" of "Fast-Slow Recurrent Neural Networks": the same first words, the
    last one the initials of the other's last words."""
    head, _, tail = short.rpartition(" ")
    if not head or not long.startswith(head + " ") or not tail.rstrip("s").isupper():
        return False
    rest = long[len(head) + 1 :].split()
    return len(rest) >= 2 and "".join(w[0] for w in rest).upper() == tail.rstrip("s")


def _one_proposal(short: str, long: Candidate) -> bool:
    """``short`` names the same proposal as ``long``: a version of one of its names ("ViTAEv2"
    of "ViTAE"), or the initials of its long form or of its last words ("DGN" of "Dynamic Graph
    Network")."""
    keys = {method_key(a) for a in (long.name, *long.aliases)}
    base = _VERSION.sub("", short)
    if base != short and len(base) >= 2 and method_key(base) in keys:
        return True
    if _acronym_tail(short, long.name) or _acronym_tail(long.name, short):
        return True
    letters = _NOT_LETTER.sub("", short)
    if len(letters) >= 3 and short[:1].isupper() and sum(c.isupper() for c in letters) >= 3:
        # "G-SFDA" of "Generalized Source-free Domain Adaptation": the initials of every part
        parts = [w for w in _WORD_BREAK.split(long.name) if w]
        if len(parts) >= 3 and "".join(w[0] for w in parts).upper() == letters.upper():
            return True
    if "2" in short and "-to-" in long.name:
        # "P2P" of "Point-to-Pixel Prompting": a "to" written as "2" between the initials
        for word in long.name.split():
            parts = word.split("-to-")
            if len(parts) == 2 and all(parts):
                if short.lower() == f"{parts[0][0]}2{parts[1][0]}".lower():
                    return True
    initials = _initials(long.name)
    return (
        len(short) >= 3
        and short.isupper()
        and " " in long.name
        and len(initials) == len(long.name.split())
        and initials.endswith(short)
    )


def _joined_proposals(candidates: list[Candidate]) -> list[Candidate]:
    """One proposal read as two: the second name joins the first as an alias, as the sets'
    labels keep them ("ViTAEv2" and "the ViTAE transformer")."""
    kept: list[Candidate] = []
    for cand in candidates:
        if cand.benchmark_kind is None and len(cand.aliases) <= 1:
            i = next(
                (
                    i
                    for i, k in enumerate(kept)
                    if not k.benchmark_kind and _one_proposal(cand.name, k)
                ),
                None,
            )
            if i is not None:
                kept[i] = replace(
                    kept[i], aliases=tuple(dict.fromkeys((*kept[i].aliases, cand.name)))
                )
                continue
        # the earlier single name is the version or initials of this one
        i = next(
            (
                i
                for i, k in enumerate(kept)
                if not k.benchmark_kind
                and cand.benchmark_kind is None
                and len(k.aliases) <= 1
                and _one_proposal(k.name, cand)
            ),
            None,
        )
        if i is not None:
            old = kept.pop(i)
            cand = replace(cand, aliases=tuple(dict.fromkeys((*cand.aliases, old.name))))
            kept.insert(i, cand)
            continue
        kept.append(cand)
    return kept


_CONTINUES = re.compile(
    r"^(?:For (?:instance|example)|Specifically|(?:More|To be more) specific(?:ally)?\b|In particular|Notably|Concretely|E\.g\.|On (?:this|that|it)\b)"
)
_SETS_UP = re.compile(
    r"\b(?:experiments?|evaluat\w*|tested|test|validat\w*)\b(?:\s+[\w-]+){0,6}?\s+on\b", re.I
)
#: the paper's own figure: "Our approach achieves", "It obtains", "The proposed model reaches"
_OWN_FIGURE = re.compile(
    r"^(?:Our|We|It|The proposed|This)\b.*\b(?:achiev|obtain|reach|attain|yield|get)\w*\b"
)
#: "We evaluated the proposed method on ... MIT-BIH and PTB Diagnostics datasets. ... the average
#: accuracies of 93.4% and 95.9% on arrhythmia classification and MI classification,
#: respectively": figures paired in order with the benchmarks the sentence before listed (not
#: with splits: "on the validation and test sets, respectively")
_RESPECTIVELY = re.compile(
    r"^(?!.*\b(?:val(?:idation)?|test|dev|training|train)\b(?: (?:and|or) [\w-]+)? (?:sets?|splits?)\b)"
    # (a list of the tasks or data the figures are on, not of models: "The small and large
    # models reach 80.1% and 82.3%, respectively" pairs nothing)
    r".*\b(?:on|for|in)\s+(?:the\s+)?(?:[\w-]+,?\s+){0,8}?(?:classification|recognition|detection|segmentation|prediction|estimation|retrieval|translation|tasks?|data ?sets?|benchmarks?|corpora)\s*,?\s*respectively\b",
    re.I,
)
_DATA_AFTER = re.compile(r"\s+(?:benchmarks?|data ?sets?|corpus|corpora)\b", re.I)
_OTHERS_RELEASE = re.compile(r"\b(?:recently|publicly|newly) released\b", re.I)
_OWN_NAMING_RULES = frozenset({"we-name-acronym", "our-specific-acronym"})
#: rules that read a proposal from a weak cue: a benchmark the gazetteer knows is not one
_WEAK_RULES = frozenset({"our-name", "result-subject", "passive", "title-coined"})
_THIS_BENCHMARK = re.compile(
    r"\b(?:this|our|the proposed|the new|our new)\s+(?:[\w-]+,?\s+){0,3}?(?:benchmark|dataset|data set)\b"
)


_LIST_JOIN = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?")


def _benchmark_list(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """The benchmarks of a sentence when they are one list of two or more ("on UCF101 and HMDB51
    datasets"), else none."""
    if len(mentions) < 2 or len({m.name for m in mentions}) != len(mentions):
        return []
    if all(_LIST_JOIN.fullmatch(sentence, a.end, b.start) for a, b in zip(mentions, mentions[1:])):
        return mentions
    return []


def _paired_with_list(sentence: str, listed: list[Mention]) -> list:
    """ "MCN outperforms state-of-the-art approaches on UCF101 and HMDB51 datasets. To be more
    specific, ... MCN achieves Top-1 accuracies of 84.8% and 54.5% for video action recognition":
    as many scores in one metric as the benchmarks the previous sentence listed, paired in order;
    any other count pairs none."""
    scores = [r for r in find_results(sentence, listed[:1], carried=True) if r.kind == "absolute"]
    if len(scores) != len(listed) or len({r.metric for r in scores}) != 1:
        return []
    return [replace(r, benchmark=m) for r, m in zip(scores, listed)]


def _same_metric_again(sentence: str, previous_results: list) -> bool:
    """ "... achieves 81.50% on GSM8k pass@1. With preference learning, it achieves 86.81% pass@1.":
    the previous sentence reported this metric on its one benchmark."""
    metrics = {r.metric for r in previous_results}
    return bool(metrics) and any(
        r.metric in metrics
        for r in find_results(
            sentence, previous_results[:1] and [previous_results[0].benchmark], carried=True
        )
    )


_VERSION_TAIL = re.compile(r"[ -]v?\d+(?:\.\d+)*")


def _without_versioned(named: dict[str, Mention]) -> dict[str, Mention]:
    """The benchmarks a paper names, a name that a versioned one extends left out: "SQuAD" beside
    "SQuAD 2.0" is the same data set."""
    return {
        name: m
        for name, m in named.items()
        if not any(
            other.startswith(name) and _VERSION_TAIL.fullmatch(other[len(name) :])
            for other in named
            if other != name
        )
    }


def _on_own_metric_benchmark(sentence: str, named: list[Mention]) -> list:
    """ "... on Cora, Citeseer and the ogbn-arxiv leaderboard ... Our model reaches a Dice score of
    0.91.": a figure with a metric but no benchmark in its sentence, in a paper naming several,
    is on the one named benchmark whose results are reported in that metric (``primary_metrics``);
    when two named benchmarks share the metric, or one's metric is unknown ("For MNIST ... 98%
    accuracy ... maintained 72% accuracy" beside CIFAR-10), the figure is nobody's."""
    owners: dict[str, list[Mention]] = {}
    for mention in named:
        metric = primary_metric(mention.name)
        if metric is None:
            return []
        owners.setdefault(_ACCURACIES.get(metric, metric), []).append(mention)
    return [
        replace(result, benchmark=owners[_ACCURACIES.get(result.metric, result.metric)][0])
        for result in find_results(sentence, named[:1], carried=True)
        if len(owners.get(_ACCURACIES.get(result.metric, result.metric), ())) == 1
    ]


#: an abstract writes "accuracy" for a top-1 accuracy: one metric when finding the owner
_ACCURACIES = {"top-1 accuracy": "accuracy"}


def _names_a_benchmark(name: str, benchmark_folds: set[str]) -> bool:
    """ "CoNLL" of a paper evaluated on CoNLL-2014, "PhysionNet" beside PhysioNet: a benchmark
    the paper names (its start, or one letter off), not a method."""
    folded = fold(name)
    if len(folded) < 4:
        return False
    return any(
        b.startswith(folded) or _one_letter_more(b, folded) or _one_letter_more(folded, b)
        for b in benchmark_folds
    )


def _as_original(abstract: str, short: str) -> bool:
    """ "compared with the original EEND", "Unlike standard MAE": a short form the paper sets
    against its own as the original version names a method, whatever its long form's case.

    >>> _as_original("Compared with the original EEND, the proposed EEND-OLA wins.", "EEND")
    True
    >>> _as_original("We follow the standard ZSL setting.", "ZSL")
    False
    """
    at = abstract.find(short)
    if at < 0:
        return False
    pattern = rf"\b(?:original|vanilla|standard|classical|classic|conventional|plain) {re.escape(short)}\b(?!\s+(?:settings?|protocols?|tasks?|problems?|benchmarks?|evaluations?|splits?))"
    return bool(re.search(pattern, abstract))


def _one_letter_more(long: str, short: str) -> bool:
    """``long`` is ``short`` with one letter more ("physionnet" / "physionet")."""
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


def _coreferent(
    sentence: str, mentions: list[Mention], proposed: dict[str, Candidate]
) -> list[Mention]:
    """ "on this new, highly challenging benchmark" names the one benchmark the paper proposes."""
    if len(proposed) != 1 or any(m.name in proposed for m in mentions):
        return []
    match = _THIS_BENCHMARK.search(sentence)
    if not match:
        return []
    name, cand = next(iter(proposed.items()))
    return [
        Mention(
            name, cand.benchmark_kind or "benchmark", "coreference", match.start(), match.end(), 0.7
        )
    ]


#: the rules that find a name by the data noun beside it ("the X and Y datasets")
_INTRODUCING_RULES = frozenset({"pattern-noun", "pattern-list", "pattern-the-noun"})


def _named_again(
    sentence: str, mentions: list[Mention], introduced: dict[str, Mention]
) -> list[Mention]:
    """ "(SPoC dataset) ... 48.4% success rate on SPoC": a name a data noun introduced in an
    earlier sentence is a benchmark where it is written again without one."""
    out = []
    for name, first in introduced.items():
        at = sentence.find(name)
        if at < 0 or any(m.start <= at < m.end or at <= m.start < at + len(name) for m in mentions):
            continue
        end = at + len(name)
        if (at and _word_char(sentence[at - 1])) or (
            end < len(sentence) and _word_char(sentence[end])
        ):
            continue
        out.append(Mention(name, first.kind, "pattern-again", at, end, 0.7, name))
    return out


def _own_spans(sentence: str, forms: list[str]) -> list[tuple[int, int]]:
    """Where the paper's own names stand in ``sentence``, each with the "-Large" / "-v2" tails
    written onto it: the longest form at the leftmost place, not after a letter, digit or hyphen.

    (What ``re.finditer(r"(?<![\\w-])(?:F1|F2|...)(?:-[\\w.]+)*")`` over the forms, longest
    first, finds; compiling that pattern for every paper cost more than scanning this way.)

    >>> _own_spans("our FooNet-L beats FooNet and xFooNet", ["FooNet-L", "FooNet"])
    [(4, 12), (19, 25)]
    """
    first_form: dict[int, str] = {}
    for form in forms:  # longest first: the first form found at a place is the one taken
        at = sentence.find(form)
        while at >= 0:
            first_form.setdefault(at, form)
            at = sentence.find(form, at + 1)
    spans: list[tuple[int, int]] = []
    end = 0
    n = len(sentence)
    for start in sorted(first_form):
        before = sentence[start - 1] if start else ""
        if start < end or (before and (_word_char(before) or before == "-")):
            continue
        end = start + len(first_form[start])
        # the tails: "-" and a run of word characters or dots, again and again
        while end + 1 < n and sentence[end] == "-" and _tail_char(sentence[end + 1]):
            end += 2
            while end < n and _tail_char(sentence[end]):
                end += 1
        spans.append((start, end))
    return spans


def _word_char(char: str) -> bool:
    """What ``\\w`` matches."""
    return char.isalnum() or char == "_"


def _tail_char(char: str) -> bool:
    return char.isalnum() or char in "_."


#: a sentence in the paper's own voice: "we", "our", "this paper", "in this work", "here"
_OWN_VOICE = AsciiFast(
    r"\b(?:[Ww]e|[Oo]ur|[Tt]his (?:paper|work|study|article|report|letter|thesis)|[Hh]ere)\b"
)
#: "Thus, we propose the usage of these models": the paper's first own sentence takes up the
#: models the background named
_TAKES_UP = AsciiFast(
    r"\b(?:these|such|this|those)\s+(?:[\w-]+\s+)?(?:models?|architectures?|networks?|blocks?|"
    r"methods?|approaches|techniques?|backbones?|encoders?|layers?)\b"
)


def _background_only(title: str, sentences: list[str], methods: dict[str, Method]) -> set[str]:
    """The methods named only in the background the abstract opens with, before its first
    sentence in the paper's own voice ("Large language models such as GPT-3 have shown ...
    In this paper, we propose ..."): the field's state, not what the paper uses. A name the
    title or a later sentence writes again, that the first own sentence takes up ("we
    propose the usage of these models"), or that opens a sentence of the background as its
    subject ("ByteTrack associates every detection box. We ..."), is kept.

    >>> s = ["Models such as FooNet have shown remarkable results.", "We propose BarNet."]
    >>> sorted(_background_only("", s, {"foonet": Method(key="foonet", name="FooNet")}))
    ['foonet']
    """
    first_own = next((i for i, s in enumerate(sentences) if _OWN_VOICE.search(s)), None)
    if not first_own or _TAKES_UP.search(sentences[first_own]):
        return set()
    opening = " ".join(sentences[:first_own])
    later = " ".join([title, *sentences[first_own:]])
    out = set()
    for key, method in methods.items():
        forms = [f for f in {method.name, *(method.aliases or [])} if len(f) >= 2]
        if (
            _written_in(opening, forms)
            and not _written_in(later, forms)
            and not any(s.startswith(f) for s in sentences[:first_own] for f in forms)
        ):
            out.add(key)
    return out


#: "Vision Transformer", "Swin Transformer": one named kind of the Transformer
_NAMED_TRANSFORMER = re.compile(r"^[A-Z][\w-]* Transformer$")


def _plain_transformer(methods: dict[str, Method], linked: set[str]) -> set[str]:
    """ "the plain Vision Transformer (ViT) ... this plain Transformer-based framework": beside
    a named kind of Transformer the paper uses or compares against (not one it proposes: an
    "Image Transformer" is built on the original), the bare "Transformer" is that one.

    >>> ms = {k: Method(key=k, name=n) for k, n in (("transformer", "Transformer"), ("swintransformer", "Swin Transformer"))}
    >>> _plain_transformer(ms, {"transformer", "swintransformer"}), _plain_transformer(ms, {"transformer"})
    ({'transformer'}, set())
    """
    bare = method_key("Transformer")
    if bare not in linked or not any(
        _NAMED_TRANSFORMER.match(form)
        for key in linked
        if key != bare and key in methods
        for form in (methods[key].name, *(methods[key].aliases or []))
    ):
        return set()
    return {bare}


def _spells_own(name: str, own_forms: list[str]) -> bool:
    """ "Frozen Convolutional CLIP" of a paper proposing "FC-CLIP", "Dense Fusion Net" of
    "DFN": a name whose words' initials spell a short form the paper proposes is that proposal,
    written out.

    >>> _spells_own("Frozen Convolutional CLIP", ["FC-CLIP"]), _spells_own("Dense Fusion Net", ["DFN"])
    (True, True)
    >>> _spells_own("CLIP", ["FC-CLIP"]), _spells_own("Frozen CLIP", ["FC-CLIP"])
    (False, False)
    """
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    for short in own_forms:
        if " " in short or not short[:1].isupper():
            continue
        head, dash, tail = short.rpartition("-")
        if dash and words[-1] == tail:
            if len(head) == len(words) - 1 and all(
                w[0] == c for w, c in zip(words[:-1], head, strict=True)
            ):
                return True
        elif short.isupper() and len(short) == len(words) >= 2:
            if all(w[0] == c for w, c in zip(words, short, strict=True)):
                return True
    return False


def _varied_by_proposal(name: str, own_forms: list[str]) -> bool:
    """ "MetricGAN+", "U-PaLM", "EEND-OLA", "ReMixMatch": a proposed name made of ``name`` and a
    mark, a tag joined by a hyphen or a short prefix is a variant of it.

    >>> [_varied_by_proposal("MixMatch", [f]) for f in ("ReMixMatch", "MixMatch-2", "MixMatchers")]
    [True, True, False]
    >>> _varied_by_proposal("PaLM", ["U-PaLM"]), _varied_by_proposal("PaLM", ["PaLM"])
    (True, False)
    """
    if len(name) < 3 or " " in name or not any(c.isupper() for c in name):
        return False
    for form in own_forms:
        if form == name or name not in form or " " in form:
            continue
        head, _, tail = form.partition(name)
        if (not head and (tail.strip("+") == "" or tail[:1] == "-")) or (
            not tail and (head.endswith("-") or (len(head) <= 3 and head[:1].isupper()))
        ):
            return True
    return False


def _written_in(text: str, forms: list[str]) -> bool:
    """One of ``forms`` stands in ``text``, not inside a longer word ("ViT-B" writes "ViT",
    "DeiT" does not)."""
    return any(re.search(rf"(?<![\w-]){re.escape(f)}(?!\w)", text) for f in forms if f in text)


#: a parsing or tagging abstract: its "WSJ" is the Penn Treebank's Wall Street Journal part, the
#: leaderboards' Penn Treebank (not the WSJ speech corpus)
_PARSING = re.compile(
    r"\bpars(?:er|ers|ing)\b|\btagg(?:er|ing)\b|part-of-speech|\bPOS\b|treebank|constituen"
    r"|dependency",
    re.I,
)
_SPEECH = re.compile(r"speech recognition|\bASR\b|acoustic|\bWER\b|speaker|\beval92\b", re.I)


#: a few-shot segmentation abstract: its PASCAL VOC and COCO are the leaderboards' few-shot
#: splits of them, PASCAL-5i and COCO-20i
_FEW_SHOT = re.compile(r"\b(?:few|one|\d{1,2})[- ]shot\b", re.I)
_FEW_SHOT_SPLITS = {"Pascal VOC": "PASCAL-5i", "COCO": "COCO-20i"}


def _read_as(mentions: list[Mention], names: dict[str, str]) -> list[Mention]:
    """``mentions`` with the benchmarks ``names`` renames read as what they are in this abstract
    (the WSJ of a parsing abstract as the Penn Treebank it is part of)."""
    return [
        replace(m, name=names[m.name], surface=m.surface or m.name) if m.name in names else m
        for m in mentions
    ]


def _abstract_readings(abstract: str) -> dict[str, str]:
    """The benchmark names this abstract's subject reads as other benchmarks."""
    names: dict[str, str] = {}
    if "WSJ" in abstract and _PARSING.search(abstract) and not _SPEECH.search(abstract):
        names["WSJ"] = "Penn Treebank"
    if "shot" in abstract and "egmentation" in abstract and _FEW_SHOT.search(abstract):
        names.update(_FEW_SHOT_SPLITS)
    return names


#: a language pair as a name writes it ("English-German", "En-De", "En→De"): its two languages
_PAIR = r"([A-Z][a-z]+|[A-Z]{2})\s?[-\u2013\u2192]\s?([A-Z][a-z]+|[A-Z]{2})"
#: what separates the items of a list of years or pairs ("2007 and 2012", "En-De, En-Fr")
_LIST_SEP = r"\s*(?:,|/|&|and|,\s*and)\s*"
#: a year written right after a benchmark's name ("the DAVIS 2018 Challenge"), or another one
#: listed after a name with its year ("PASCAL VOC 2007 and 2012")
_YEAR_AFTER = re.compile(r"[\s-]((?:19|20)\d\d)\b(?![.,]\d)")
_YEAR_LISTED = re.compile(_LIST_SEP + r"((?:19|20)\d\d)\b(?![.,]\d)")
_YEAR_TAIL = re.compile(r"(?:19|20)\d\d$")
#: what a name adds to the family it is one edition of: a year ("DAVIS 2017", "VOC2007"), a
#: language pair ("WMT'14 En-De") or a part ("ShanghaiTech B", "ShanghaiTechA")
#: (not a year written with an apostrophe: "AIME'24" and "AIME'25" are the yearly rounds of one
#: exam, one benchmark)
_EDITION_YEAR = re.compile(r"(?<![\d'])(?:19|20)(\d\d)(?!\d)|(?<=[A-Za-z])(\d\d)(?!\d)")
_LANGUAGES = {
    "english": "en", "german": "de", "french": "fr", "romanian": "ro", "czech": "cs",
    "chinese": "zh", "russian": "ru", "japanese": "ja", "finnish": "fi", "turkish": "tr",
    "estonian": "et", "latvian": "lv", "spanish": "es", "italian": "it", "dutch": "nl",
    "portuguese": "pt", "korean": "ko", "arabic": "ar", "hindi": "hi", "vietnamese": "vi",
    "nepali": "ne", "sinhala": "si", "gujarati": "gu", "kazakh": "kk", "lithuanian": "lt",
}  # fmt: skip
_CODES = frozenset(_LANGUAGES.values())
_EDITION_PAIR = re.compile(rf"\b{_PAIR}\b")
_EDITION_PART = re.compile(r"(?:\bPart\s?|(?<=[a-z])|\s)([A-D])$")


def _language(word: str) -> str | None:
    word = word.lower()
    return _LANGUAGES.get(word) or (word if word in _CODES else None)


def _edition(surface: str, family: str) -> tuple[str, ...]:
    """ "WMT'14 English-German" of WMT14 -> ("", "en-de", ""); "VOC2007" of Pascal VOC ->
    ("07", "", ""); "ShanghaiTechB" of ShanghaiTech -> ("", "", "B"); the family itself -> ()."""
    own = fold(family)
    years = [a or b for a, b in _EDITION_YEAR.findall(surface)]
    year = next((y for y in reversed(years) if y not in own), "")
    pair = ""
    for a, b in _EDITION_PAIR.findall(surface):
        if _language(a) and _language(b):
            pair = f"{_language(a)}-{_language(b)}"
    part = _EDITION_PART.search(surface)
    part = part.group(1) if part and fold(surface) != own else ""
    # "Chinese Penn Treebank" of Penn Treebank: the language of the text
    first = surface.split(" ", 1)[0]
    language = (_language(first) or "") if " " in surface and first.lower() not in own else ""
    edition = (year, pair, part, language)
    return edition if any(edition) else ()


#: a language pair ending a name, and another listed after it
_PAIR_TAIL = re.compile(rf"\b{_PAIR}$")
_PAIR_LISTED = re.compile(rf"{_LIST_SEP}({_PAIR})\b(?![-\u2013\u2192])")


#: the mentions editions are read of: the gazetteer's, and names shaped like a benchmark's
#: ("SemEval 2010")
_EDITION_RULES = frozenset({"gazetteer", "pattern-suffix"})


#: a language's name right before a benchmark's (not the target of "English-to-German")
_LANGUAGE_BEFORE = re.compile(r"(?<![\w-])([A-Z][a-z]+) $")


def _with_years(
    sentence: str, mentions: list[Mention], gazetteer: Gazetteer, unlisted: set[str]
) -> list[Mention]:
    """A gazetteer name with the year written after it ("DAVIS 2018 Video Object Segmentation
    Challenge"), and the other years listed after it ("PASCAL VOC 2007 and 2012"); the names
    with a year the gazetteer does not list are added to ``unlisted``; a language pair listed
    after a name ending with one is the family's edition too ("WMT 2014 English-German and
    English-French")."""
    out: list[Mention] = []
    #: where a pair read as another edition of the family starts
    paired: set[int] = set()
    for m in mentions:
        surface = m.surface or sentence[m.start : m.end]
        language = _LANGUAGE_BEFORE.search(sentence, max(0, m.start - 16), m.start)
        if m.rule == "gazetteer" and language and _language(language.group(1)):
            # "on Penn Treebank (PTB) and Chinese Penn Treebank": the language's edition
            m = replace(m, start=language.start(1), surface=sentence[language.start(1) : m.end])
            surface = m.surface
        if m.rule in _EDITION_RULES and not _YEAR_TAIL.search(surface):
            year = _YEAR_AFTER.match(sentence, m.end)
            if year:
                m = replace(m, end=year.end(), surface=sentence[m.start : year.end()])
                surface = m.surface
                if gazetteer.lookup(surface) is None:
                    unlisted.add(surface)
        out.append(m)
        if m.rule in _EDITION_RULES and _YEAR_TAIL.search(surface):
            at = m.end
            while (listed := _YEAR_LISTED.match(sentence, at)) is not None:
                other = surface[:-4] + listed.group(1)
                out.append(replace(m, start=listed.start(1), end=listed.end(), surface=other))
                at = listed.end()
        if m.rule in _EDITION_RULES:
            pairs = _pairs_listed(sentence, m, surface, mentions)
            out.extend(pairs)
            paired.update(o.start for o in pairs)
    # "on the WMT14 English-German and English-French tasks": the pair listed after the family
    # is its edition, no benchmark of its own
    return [o for o in out if o.start not in paired or o.rule in _EDITION_RULES] if paired else out


def _pairs_listed(
    sentence: str, m: Mention, surface: str, mentions: list[Mention]
) -> list[Mention]:
    """ "in WMT 2014 English-German and English-French": the family's other pairs listed after
    ``m``, a name (``surface`` as written) ending with a language pair."""
    pair = _PAIR_TAIL.search(surface)
    if not (pair and _language(pair.group(1)) and _language(pair.group(2))):
        return []
    out: list[Mention] = []
    at = m.end
    while (listed := _PAIR_LISTED.match(sentence, at)) is not None:
        if not (_language(listed.group(2)) and _language(listed.group(3))):
            break
        if any(o.start == listed.start(1) and o.rule in _EDITION_RULES for o in mentions):
            break  # (read already: "WMT14 En-De and En-Fr")
        other = surface[: pair.start()] + listed.group(1)
        out.append(replace(m, start=listed.start(1), end=listed.end(), surface=other))
        at = listed.end()
    return out


def _split_editions(
    found: dict[str, list[Mention]], unlisted: set[str]
) -> dict[tuple[str, str], str]:
    """Two editions of one gazetteer family named in one abstract ("WMT14 English-French" and
    "WMT14 English-German", "ShanghaiTechA" and "ShanghaiTechB", "YouTubeVIS-2019" and
    "YouTubeVIS-2021") are two benchmarks, and so is one edition the gazetteer does not list
    ("the DAVIS 2018 Challenge", "SemEval 2010"): (family, surface) -> the first way the
    surface's edition is written (the family written alone: the first edition's)."""
    editions: dict[str, dict[tuple, str]] = {}
    for mentions in found.values():
        for m in mentions:
            if m.rule in _EDITION_RULES and m.surface:
                edition = _edition(m.surface, m.name)
                if edition:
                    # "on WMT14 En-De and En-Fr": a pair written alone is the family's
                    name = m.surface
                    if _EDITION_PAIR.fullmatch(name) or _YEAR_TAIL.fullmatch(name):
                        name = f"{m.name} {name}"
                    editions.setdefault(m.name, {}).setdefault(edition, name)
    for mentions in found.values():
        for m in mentions:
            names = editions.get(m.name) if m.rule in _EDITION_RULES else None
            if names and any(e[3] for e in names) and not _edition(m.surface or m.name, m.name):
                # "Penn Treebank (PTB) and Chinese Penn Treebank": the family written alone is
                # the edition in the other language
                names.setdefault((), m.name)
    split = {
        family: names
        for family, names in editions.items()
        if len(names) >= 2 or any(n in unlisted for n in names.values())
    }
    out: dict[tuple[str, str], str] = {}
    for mentions in found.values() if split else ():
        for m in mentions:
            names = split.get(m.name) if m.rule in _EDITION_RULES else None
            if names:
                surface = m.surface or m.name
                edition = _edition(surface, m.name)
                out[(m.name, surface)] = names.get(edition) or next(iter(names.values()))
    return out


def _listed_editions(sentence: str, mentions: list[Mention], apart: list[Mention]) -> set[str]:
    """The families the sentence lists two editions of, one right after the other ("on the WMT14
    English-German and English-French tasks"; ``apart``: ``mentions`` by edition)."""
    return {
        a.name
        for a, b, edition_a, edition_b in zip(mentions, mentions[1:], apart, apart[1:])
        if a.name == b.name
        and edition_a.name != edition_b.name
        and LIST_GAP.fullmatch(sentence, a.end, b.start)
    }


def _on_editions(
    sentence: str, mentions: list[Mention], results: list, editions: dict[tuple[str, str], str]
) -> list:
    """ "60.4 AP on YouTubeVIS-2019 and 52.6 AP on YouTubeVIS-2021": the edition each figure
    is on, as the sentence reads when its editions are told apart (the results read with one
    family name for both stay: a figure the two readings differ on keeps its mention's, unless
    the sentence lists the editions and places the figure on none of them)."""
    if not any((m.name, m.surface or m.name) in editions for m in mentions):
        return results
    apart = [replace(m, name=editions.get((m.name, m.surface or m.name), m.name)) for m in mentions]
    on = {(r.value, r.metric): r.benchmark.name for r in find_results(sentence, apart)}
    #: (family, edition) -> a surface written for it
    written = {(family, name): surface for (family, surface), name in editions.items()}
    listed = _listed_editions(sentence, mentions, apart)
    out = []
    for r in results:
        edition = on.get((r.value, r.metric))
        if edition is None and r.benchmark.name in listed:
            # "29.1, 30.2 and 41.2 BLEU on WMT14 En-De and En-Fr": the sentence does not say
            # which of the editions it lists the figure is on
            continue
        surface = written.get((r.benchmark.name, edition))
        if surface is not None:
            r = replace(r, benchmark=replace(r.benchmark, surface=surface))
        out.append(r)
    return out


def extract_paper(paper: Paper, gazetteer: Gazetteer | None = None) -> Extraction:
    """Methods, benchmarks, results and their edges from a paper's title, abstract and tldr.

    >>> p = Paper(key="t:x", title="FooNet: Fast Nets", abstract="We propose FooNet. It reaches 80.1% top-1 accuracy on ImageNet.")
    >>> ex = extract_paper(p)
    >>> [m.name for m in ex.methods], [b.name for b in ex.benchmarks]
    (['FooNet'], ['ImageNet'])
    """
    gazetteer = gazetteer or load_gazetteer()
    sentences = _paper_sentences(paper)
    abstract = " ".join(sentences)
    # per-sentence analyses shared by the rules below (computed once per paper)
    definitions = {s: acronym_definitions(s) for s in sentences}
    found = {s: find_mentions(s, gazetteer) for s in sentences}
    if paper.title and paper.title not in found:
        found[paper.title] = find_mentions(paper.title, gazetteer)
    readings = _abstract_readings(abstract)
    if readings:
        found = {s: _read_as(m, readings) for s, m in found.items()}
    editions: dict[tuple[str, str], str] = {}
    if any(found.values()):
        # (years and pairs looked for only where a mention is followed by a digit or a capital)
        unlisted: set[str] = set()
        found = {
            s: _with_years(s, m, gazetteer, unlisted)
            if any(s[e.end : e.end + 6].strip(" -,and&/")[:1].isalnum() for e in m)
            else m
            for s, m in found.items()
        }
        editions = _split_editions(found, unlisted)
    candidates = from_title(paper.title, abstract)
    if "github" in abstract:
        candidates.extend(from_repository(sentences))
    for sentence in sentences:
        candidates.extend(from_sentence(sentence, definitions[sentence]))
    if candidates and candidates[0].rule == "title-prefix" and "(" in abstract:
        candidates = _title_name_bracketed(candidates, abstract)
    own_names = {a for c in candidates for a in c.aliases}
    for sentence in sentences:
        candidates.extend(components_of(sentence, own_names))
        candidates.extend(own_subject_proposals(sentence, own_names))
    # the authors' explicit naming outranks the generic-words test ("which we call proximal policy optimization (PPO)")
    title_folded = fold(paper.title or "")
    # "integrate Multiple Instance Learning (MIL)": a known technique the title does not name is
    # neither proposed nor a named method used (its short form included)
    techniques = [
        c
        for c in candidates
        if c.rule not in _OWN_NAMING_RULES
        and is_generic_technique(c.name)
        and fold(c.name) not in title_folded
    ]
    proposals = _merge_candidates(
        [
            c
            for c in candidates
            if (c.rule in _OWN_NAMING_RULES or not is_generic(c.name))
            and c not in techniques
            # "we propose to train the network with a contrastive predictive coding (CPC) loss":
            # what "propose to" works with is the paper's own when the title names it too
            and not (c.rule == "propose-to-acronym" and fold(c.name) not in title_folded)
            # "... exemplified by SimCLR and BYOL. We verify this by developing SimCLR and BYOL
            # formulations": a listed method named before the sentence that would propose it
            # is someone else's, referred to (a proposal is introduced where it is first named)
            and not (
                c.rule == "propose-object"
                and is_known_method(c.name)
                and fold(c.name) not in title_folded
                and 0 <= abstract.find(c.name) < abstract.find(c.evidence)
            )
            # "trained on the recently released CheXpert dataset", "our Human3.6M model": a
            # known benchmark the title does not name, read from a weak cue, is someone else's
            # (the lookup first: far cheaper than the pattern, and most names are no benchmark)
            and not (
                gazetteer.lookup(c.name) is not None
                and (c.rule in _WEAK_RULES or _OTHERS_RELEASE.search(c.evidence))
                and fold(c.name) not in title_folded
            )
        ]
    )

    methods: dict[str, Method] = {}
    benchmarks: dict[str, Benchmark] = {}
    rels: dict[tuple, Relationship] = {}

    def add_method(name: str, aliases: Iterable[str]) -> str:
        key = method_key(name)
        node = methods.get(key)
        forms = list(dict.fromkeys([name, *aliases]))
        if node is None:
            methods[key] = Method(key=key, name=name, aliases=forms)
        else:
            node.aliases = list(dict.fromkeys([*(node.aliases or []), *forms]))
        return key

    def add_benchmark(
        name: str, kind: str, aliases: Iterable[str] = (), surface: str | None = None
    ) -> str:
        entry = gazetteer.lookup(name)
        edition = editions.get((name, surface or name)) if editions else None
        if edition is not None:
            # "WMT14 English-German" of a paper naming two editions of WMT14: its own node,
            # the family an alias
            canonical, key = edition, raw_benchmark_key(edition)
            forms = [edition, *aliases, name]
        else:
            canonical = entry.name if entry else name
            key = benchmark_key(canonical, gazetteer)
            # every alias the gazetteer knows, so the resolver finds the node by any of them
            forms = [name, *aliases, *(entry.aliases if entry else ())]
        forms = list(dict.fromkeys(forms))
        node = benchmarks.get(key)
        if node is None:
            benchmarks[key] = Benchmark(
                key=key, name=canonical, aliases=forms, kind=entry.kind if entry else kind
            )
        else:
            node.aliases = list(dict.fromkeys([*(node.aliases or []), *forms]))
        return key

    def add_rel(rel: Relationship) -> None:
        ident = (rel.type, rel.dst, *(getattr(rel, p) for p in rel.identity))
        old = rels.get(ident)
        if old is None or (rel.confidence or 0) > (old.confidence or 0):
            rels[ident] = rel

    excluded: set[str] = {fold(a) for c in techniques for a in c.aliases}
    benchmark_folds: set[str] = set()
    for cand in proposals:
        key = add_method(cand.name, cand.aliases)
        add_rel(
            Proposes(
                src=paper.key,
                dst=key,
                source=f"extract:{cand.rule}",
                evidence=cand.evidence,
                confidence=cand.confidence,
            )
        )
        excluded.update(fold(a) for a in cand.aliases)
        excluded.add(key)
        if cand.benchmark_kind:
            bkey = add_benchmark(cand.name, cand.benchmark_kind, cand.aliases)
            add_rel(
                EvaluatedOn(
                    src=paper.key,
                    dst=bkey,
                    source="extract:proposed-benchmark",
                    evidence=cand.evidence,
                    confidence=cand.confidence,
                )
            )

    # acronyms the paper defines as generic concepts ("diffusion probabilistic models (DPMs)")
    # or as a task or field ("Facial Expression Recognition (FER)")
    for sentence in sentences:
        for d in definitions[sentence]:
            if lower_case_model(d.long, d.short) or other_than_metric(d.long, d.short):
                # "an attention pyramid network (APN) is employed", "the recent Masked
                # Auto-Encoder (MAE)": read as a method
                continue
            if (
                (is_generic(d.long) or not any(c.isupper() for c in d.long[1:]))
                and not known_lower_case(d.long, d.short)
                and not (not is_generic(d.long) and _as_original(abstract, d.short))
            ) or (TASK_TAIL.search(d.long) or kind_of_generic(d.long)):
                excluded.add(fold(d.short))
                excluded.add(fold(singular_last_word(d.short)))

    # short forms the paper defines for methods ("Grouped-Query Attention (GQA)") are not benchmarks
    # (unless the definition itself heads a data noun: "a protein-protein interaction (PPI) dataset")
    method_shorts = {
        d.short
        for s in sentences
        for d in definitions[s]
        if gazetteer.lookup(d.long) is None
        and not _DATA_WORD.search(d.long)
        and not _DATA_AFTER.match(s, d.end)
    }
    proposed_names = [c.name for c in proposals]
    proposed_benchmarks = {c.name: c for c in proposals if c.benchmark_kind}
    own_folded = {fold(a) for c in proposals if not c.benchmark_kind for a in c.aliases}
    previous: list[Mention] = []
    #: the sentence before, when it named one benchmark and stated no result on it
    set_up: str | None = None
    previous_results: list = []
    listed_before: list[Mention] = []
    #: the benchmarks the paper names, and the sentences with figures but no benchmark
    named: dict[str, Mention] = {}
    #: the names a data noun introduced ("(SPoC dataset)"), known again in later sentences
    introduced: dict[str, Mention] = {}
    unplaced: list[str] = []

    def add_results(results: list, sentence: str, source: str, confidence: float) -> None:
        for result in results:
            bkey = add_benchmark(
                result.benchmark.name, result.benchmark.kind, surface=result.benchmark.surface
            )
            add_rel(
                EvaluatedOn(
                    src=paper.key,
                    dst=bkey,
                    source=source,
                    evidence=sentence,
                    confidence=confidence,
                    metric=result.metric,
                    value=result.value,
                    unit=result.unit,
                    kind=result.kind,
                    split=result.split,
                    stated=result.stated,
                )
            )

    for sentence in ([paper.title] if paper.title else []) + sentences:
        mentions: list[Mention] = (
            list(found[sentence]) if sentence in found else find_mentions(sentence, gazetteer)
        )
        if readings and sentence not in found:
            mentions = _read_as(mentions, readings)
        for name, cand in proposed_benchmarks.items():
            at = sentence.find(name)
            if at >= 0 and not any(m.start <= at < m.end for m in mentions):
                mentions.append(
                    Mention(
                        name,
                        cand.benchmark_kind or "benchmark",
                        "proposed",
                        at,
                        at + len(name),
                        cand.confidence,
                    )
                )
        # "On ImageNet-1k, ParC-Net achieves ...": a name the paper proposes as a method, read
        # as a benchmark from the sentence's shape alone, is the method
        mentions = [
            m
            for m in mentions
            if sentence[m.start : m.end] not in method_shorts
            and not (m.rule.startswith("pattern") and fold(m.name) in own_folded)
        ]
        mentions.extend(_coreferent(sentence, mentions, proposed_benchmarks))
        if introduced:
            mentions.extend(_named_again(sentence, mentions, introduced))
        mentions.sort(key=lambda m: m.start)
        for mention in mentions:
            base = next(
                (
                    n
                    for n in proposed_names
                    if mention.name.startswith(n + "-") or mention.name.startswith(n + " ")
                ),
                None,
            )
            if (
                base is not None
                and mention.name != base
                and method_key(mention.name) not in methods
            ):
                # "the ScaleDiff-Math dataset" of a paper proposing ScaleDiff is its own data set
                key = add_method(mention.name, [mention.name])
                add_rel(
                    Proposes(
                        src=paper.key,
                        dst=key,
                        source="extract:proposed-extension",
                        evidence=sentence,
                        confidence=0.7,
                    )
                )
            bkey = add_benchmark(
                mention.name,
                mention.kind,
                [mention.surface] if mention.surface else [],
                mention.surface,
            )
            excluded.add(fold(mention.name))
            excluded.add(fold(mention.surface or mention.name))
            benchmark_folds.update((fold(mention.name), fold(mention.surface or mention.name)))
            add_rel(
                EvaluatedOn(
                    src=paper.key,
                    dst=bkey,
                    source=f"extract:benchmark-{mention.rule}",
                    evidence=sentence,
                    confidence=mention.confidence,
                )
            )
        results = find_results(sentence, mentions)
        if editions and results:
            results = _on_editions(sentence, mentions, results, editions)
        unlisted: list[Mention] = []
        #: figures with neither a benchmark named nor a result read yet
        bare_figures = not results and not mentions and has_digit(sentence)
        if bare_figures:
            # a benchmark the gazetteer does not list, kept only when a result names it
            unlisted = [
                m
                for m in unlisted_mentions(sentence, excluded | own_folded)
                if metric_key(m.name) is None and not is_generic(m.name)
            ]
            results = find_results(sentence, unlisted) if unlisted else []
            for result in results:
                excluded.add(fold(result.benchmark.name))
        if (
            not results
            and not mentions
            and previous
            and (
                _CONTINUES.match(sentence)
                or _same_metric_again(sentence, previous_results)
                or (set_up and _OWN_FIGURE.search(sentence) and _SETS_UP.search(set_up))
            )
        ):
            # "Experiments on the ImageNet benchmark ... For instance, our TinyNet-E achieves a 59.9% Top-1 accuracy"
            results = [r for r in find_results(sentence, previous, carried=True)]
        if (
            not results
            and not mentions
            and listed_before
            and (
                _CONTINUES.match(sentence)
                # (when the sentence before states no result on them: "We also demonstrate a
                # grasp success rate of 95.4% and 93% on household and adversarial objects,
                # respectively" after the results on Cornell and Jacquard)
                or (not previous_results and _RESPECTIVELY.search(sentence))
            )
        ):
            results = _paired_with_list(sentence, listed_before)
        previous = mentions if len({m.name for m in mentions}) == 1 else []
        # "Extensive experiments are conducted on the KITTI benchmark. Our approach achieves an
        # AP of 82.4% ...": a sentence setting up the evaluation on one benchmark, no figure
        # (whether it sets one up is asked only when the next sentence states a figure)
        set_up = sentence if previous and not results else None
        listed_before = _benchmark_list(sentence, mentions)
        previous_results = results
        named.update((m.name, m) for m in mentions if m.name not in named)
        introduced.update((m.name, m) for m in mentions if m.rule in _INTRODUCING_RULES)
        if bare_figures and not results and not unlisted:
            unplaced.append(sentence)
        add_results(results, sentence, "extract:result", 0.8)
    named = _without_versioned(named)
    if len(named) == 1:
        # "Our final SEER model ... achieves 84.2% top-1 accuracy": a figure with a metric but no
        # benchmark in its sentence is on the one benchmark the paper names
        (only,) = named.values()
        for sentence in unplaced:
            add_results(
                find_results(sentence, [only], carried=True),
                sentence,
                "extract:result-paper-benchmark",
                0.6,
            )
    elif named:
        for sentence in unplaced:
            add_results(
                _on_own_metric_benchmark(sentence, list(named.values())),
                sentence,
                "extract:result-own-metric-benchmark",
                0.55,
            )

    own_forms = sorted(
        {a for c in proposals for a in c.aliases if len(a) >= 2}, key=len, reverse=True
    )
    found_mentions = []
    unconfirmed: list[Uses] = []
    #: "current FER algorithms" anywhere in the abstract: FER names a field, in every sentence
    fields: set[str] = set()
    #: "the proposed EEND-OLA" in one sentence: the paper's own name in every sentence
    own: set[str] = set()
    # a reference list pasted after the abstract: nothing from its first entry on is a use
    cited_from = next((i for i, s in enumerate(sentences) if is_reference(s)), len(sentences))
    for i, sentence in enumerate(sentences[:cited_from]):
        taken = [(m.start, m.end) for m in found[sentence]]
        taken.extend(_own_spans(sentence, own_forms))
        uncued: list = []
        #: the name this sentence last kept, whose list a next name can share
        kept = None
        for mention in find_method_mentions(
            sentence, excluded, taken, definitions[sentence], fields, own, uncued
        ):
            # a coined name with neither a cue nor a place in the vocabulary is too often a
            # data set, a team or a setting ("EWS", "PDSA"); after a plain use cue ("using
            # cECG", "equipped with CSPRepResStage") it is as often the paper's own part, its
            # data or a signal: only a comparison or a build-on cue vouches for an unknown name
            if (
                mention.rule == "coined"
                and not (
                    (mention.cued and (mention.compares or mention.builds_on))
                    or is_known_method(mention.name)
                    # "removing BNs from the state-of-the-art ReActNets [38]": a name the
                    # abstract cites after a cue is another's published work
                    or (mention.cued and cited(sentence, mention.start + len(mention.name)))
                    or (mention.cued and has_known_part(mention.name))
                    # "using two kinds of architectures: C3D-AVG and MSCADC": the next item of
                    # a list whose cued item is vouched for is one more of its kind
                    or (
                        mention.cued
                        and kept is not None
                        and kept.cued
                        and listed_after(sentence, kept, mention)
                    )
                )
            ) or (
                # "Capacitive Electrocardiogram (cECG) is one such technology": a defined name
                # that no cue and no vocabulary entry vouches for is as often a signal or a task
                mention.rule == "acronym"
                and not mention.cued
                and not any(is_known_method(a) for a in mention.aliases)
            ):
                key = method_key(mention.name)
                if key not in excluded and fold(mention.name) not in excluded:
                    unconfirmed.append(
                        Uses(
                            src=paper.key,
                            dst=key,
                            source="extract:mention-proposed-elsewhere",
                            evidence=sentence,
                            confidence=0.5,
                        )
                    )
                continue
            found_mentions.append((sentence, mention))
            kept = mention
        # "The class activation map (CAM) is of critical importance ... with the CAM results"
        for m in uncued:
            cue = written_again(m.aliases[-1], sentences[i + 1 : cited_from])
            if cue is not None:
                found_mentions.append((sentence, replace(m, compares=cue, cued=True)))
    found_mentions = [(s, m) for s, m in found_mentions if m.name not in fields | own]
    built_on: set[str] = set()
    mentioned = {m.name for _, m in found_mentions}
    #: "plain Vision Transformer (ViT)" ... "attention heads of ViT": the short form names the
    #: method its definition names
    defined = {
        method_key(a): m.name
        for _, m in found_mentions
        if m.rule in ("acronym", "acronym-lower")
        for a in m.aliases
    }
    #: "ResNet-50" and "ResNet-18" of one paper: one family, named by its first mention
    family: dict[str, str] = {}
    for _, mention in found_mentions:
        family.setdefault(method_key(configuration_family(mention.name)), mention.name)
    shortest_first = sorted(mentioned, key=len)
    for sentence, mention in found_mentions:
        # "ALBERT-base-v2", "ViT-B/16" of a paper that also names "ALBERT", "ViT": one method
        base = next(
            (
                b
                for b in shortest_first
                if len(b) >= 3
                and b != mention.name
                and mention.name.startswith(b)
                and mention.name[len(b)] in "-/ "
            ),
            None,
        )
        name = base or family[method_key(configuration_family(mention.name))]
        name = defined.get(method_key(name), name)
        key = method_key(name)
        if key in excluded or fold(name) in excluded or _names_a_benchmark(name, benchmark_folds):
            continue
        if _spells_own(name, own_forms):
            continue  # "Frozen Convolutional CLIP" of a paper proposing FC-CLIP: its own model
        add_method(name, (*mention.aliases, name))
        if mention.builds_on:
            built_on.add(key)
        edge = ComparesWith if mention.compares else Uses
        add_rel(
            edge(
                src=paper.key,
                dst=key,
                source=f"extract:mention-{mention.rule}",
                evidence=sentence,
                confidence=0.7 if mention.rule == "acronym" else 0.6,
            )
        )
    # a method both used and compared against keeps only the comparison, unless the paper says
    # it is built on it ("based on UNet" ... "4x deeper than the common UNet")
    compared = {r.dst for r in rels.values() if isinstance(r, ComparesWith)}
    background = _background_only(paper.title or "", sentences, methods)
    background |= _plain_transformer(
        methods, {r.dst for r in rels.values() if isinstance(r, (Uses, ComparesWith))}
    )
    relationships = [
        r
        for r in rels.values()
        if not (isinstance(r, Uses) and r.dst in compared and r.dst not in built_on)
        and not (isinstance(r, Uses) and r.dst in background)
    ]
    # "MetricGAN+ ... compared to the previous MetricGAN": the method a proposal is a variant
    # of is built on, besides compared against
    relationships.extend(
        Uses(
            src=r.src,
            dst=r.dst,
            source="extract:mention-proposal-base",
            evidence=r.evidence,
            confidence=r.confidence,
        )
        for r in list(relationships)
        if isinstance(r, ComparesWith)
        and r.dst in methods
        and not any(isinstance(u, Uses) and u.dst == r.dst for u in relationships)
        and _varied_by_proposal(methods[r.dst].name, own_forms)
    )
    known = {r.dst for r in relationships}
    unconfirmed = [r for r in unconfirmed if r.dst not in known and r.dst not in fields]
    return Extraction(list(methods.values()), list(benchmarks.values()), relationships, unconfirmed)


def extract_papers(papers: Iterable[Paper], gazetteer: Gazetteer | None = None) -> Extraction:
    """Extract every paper and merge (:func:`merge_extractions`)."""
    gazetteer = gazetteer or load_gazetteer()
    return merge_extractions([extract_paper(p, gazetteer) for p in papers])


def merge_extractions(parts: Iterable[Extraction]) -> Extraction:
    """Per-paper extractions, in paper order, as one: one node per normalised name across
    papers, acronyms resolved to the long form some paper defined ("SQA" -> "Sparse Query
    Attention").

    ``parts`` is read three times over: a list, or an iterable that gives the parts afresh each
    time (as :class:`loaders.extract.workers.BackgroundExtraction` does, from pickles)."""
    if iter(parts) is parts:
        raise TypeError(
            "merge_extractions reads its parts three times: pass a list, not an iterator"
        )
    # alias table: a folded alias -> the key of the node whose long form it abbreviates
    alias_to_key: dict[str, str] = {}
    ambiguous: set[str] = set()
    for part in parts:
        for m in part.methods:
            for alias in m.aliases or []:
                k = method_key(alias)
                if k == m.key:
                    continue
                if alias_to_key.get(k, m.key) != m.key:
                    ambiguous.add(k)
                alias_to_key.setdefault(k, m.key)
    for k in ambiguous:
        alias_to_key.pop(k, None)

    methods: dict[str, Method] = {}
    benchmarks: dict[str, Benchmark] = {}
    rels: dict[tuple, Relationship] = {}
    for part in parts:
        for m in part.methods:
            key = alias_to_key.get(m.key, m.key)
            node = methods.get(key)
            if node is None:
                methods[key] = m.model_copy(update={"key": key})
            else:
                node.aliases = list(dict.fromkeys([*(node.aliases or []), *(m.aliases or [])]))
                if key == m.key and node.name != m.name and method_key(node.name) != key:
                    node.name = m.name
        for b in part.benchmarks:
            node = benchmarks.get(b.key)
            if node is None:
                benchmarks[b.key] = b.model_copy()
            else:
                node.aliases = list(dict.fromkeys([*(node.aliases or []), *(b.aliases or [])]))
        for r in part.relationships:
            dst = alias_to_key.get(r.dst, r.dst) if r.target_label == "Method" else r.dst
            r = r.model_copy(update={"dst": dst}) if dst != r.dst else r
            ident = (r.type, r.src, r.dst, *[getattr(r, p) for p in r.identity])
            old = rels.get(ident)
            if old is None or (r.confidence or 0) > (old.confidence or 0):
                rels[ident] = r
    # "EWS" read without a cue is kept when another paper proposes a method of that name
    proposed_keys = {r.dst for r in rels.values() if r.type == "PROPOSES"}
    for part in parts:
        for r in part.unconfirmed:
            dst = alias_to_key.get(r.dst, r.dst)
            ident = (r.type, r.src, dst)
            if (
                dst in proposed_keys
                and ident not in rels
                and ("COMPARES_WITH", *ident[1:]) not in rels
            ):
                rels[ident] = r.model_copy(update={"dst": dst})
    # a paper that proposes a method does not also "use" it
    proposed = {(r.src, r.dst) for r in rels.values() if r.type == "PROPOSES"}
    relationships = [
        r
        for r in rels.values()
        if r.type == "PROPOSES" or (r.src, r.dst) not in proposed or r.target_label != "Method"
    ]
    return Extraction(list(methods.values()), list(benchmarks.values()), relationships)

"""Benchmark and data-set mentions: the gazetteer first, then patterns for names it lacks
("on the X benchmark", "the X and Y datasets", "benchmarks such as X and Y", "CP-Bench")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.keys import fold
from loaders.extract.gazetteer import Gazetteer
from loaders.extract.names import GENERIC, is_generic, is_hardware, is_name_like
from loaders.extract.sentences import ARROW, ARROWS, AsciiFast, scan_start

#: an unknown name ends like a benchmark: CP-Bench, MMBench, LongVideoBench, NExT-QA, HumanEval
NAME_SUFFIX = re.compile(
    r"(?:Bench|Benchmark|[a-z0-9-]QA|Eval|Arena)(?:[-]?(?:v?\d+|Lite|Pro|Hard|Plus))?\+?$"
)
# ("[a-z]++", "[0-9]++": runs never given back, as no shorter one can be followed by the next
# class: the same matches, without the backtracking at every lower-case word)
_NAME_WORD = r"(?:[A-Z][\w.+'-]*[\w+]|[a-z]++[A-Z][\w+-]*|[0-9]++[A-Za-z][\w-]*)"
_NAME = rf"{_NAME_WORD}(?:\s{_NAME_WORD}){{0,3}}"
# a short parenthetical may follow a name in a list: "SemanticKITTI (59.5@5%) and ScribbleKITTI"
_PAREN_NOTE = r"(?:\s*\([^()]{0,24}\))?"
_LIST = rf"(?P<names>{_NAME}{_PAREN_NOTE}(?:\s*,\s*{_NAME}{_PAREN_NOTE})*(?:,?\s+(?:and|or|&)\s+{_NAME}{_PAREN_NOTE})?)"
_NOUN = r"(?P<noun>benchmarks?|data ?sets?|corpus|corpora|suite|test ?sets?|leaderboard)"
_BEFORE_NOUN = AsciiFast(rf"{_LIST}\s+$")
_NOUN_ONLY = AsciiFast(rf"\b{_NOUN}\b")
#: a substring every _NOUN word starts with: the cheap first test (most sentences have none),
#: and where the scan for them starts
_NOUN_STEMS = ("bench", "data", "corp", "suite", "test", "leaderboard")
#: "the English dataset", "the Chinese corpus": a language or people, not a data set's name
_LANGUAGE = re.compile(r"(?:ish|ese|ian|ic|an)$|^(?:English|German|French|Greek|Thai|Dutch)$")
_THE_WORD_BEFORE = re.compile(
    r"(?<=\S )\b(?:(?:on|in|of|from|using|with) the|on|in) (?P<word>[A-Z][a-z][\w'-]*[a-z0-9]) $"
)
#: one capitalised word, not a stop word ("Synscapes")
_PLAIN_WORD = re.compile(
    r"\s*(?!(?:The|Our|These|This|Both|All|Two|Three|Other)\b)[A-Z][a-z]{3,}\s*"
)
_SINGULAR_NOUN = re.compile(r"(?:benchmark|data ?set|corpus|test ?set)$")
_SUFFIX_HINT = re.compile(r"Bench|QA|Eval|Arena")
#: the words _SUFFIX_HINT matches: the cheap first test (most sentences have none)
_SUFFIX_HINTS = ("Bench", "QA", "Eval", "Arena")
_TOKEN_AROUND = re.compile(r"(?<![\w.+'-])[A-Za-z0-9][\w.+'-]*[\w+]")
_AFTER_NOUN = AsciiFast(
    rf"\b{_NOUN}(?:\s*[:(]\s*|,?\s+(?:such as|including|like|namely|e\.g\.,?|i\.e\.,?)\s+){_LIST}"
)
_ON_LIST = AsciiFast(
    rf"\b(?<!based )(?<!built )(?<!relying )(?:on|across|over)\s+(?:the\s+)?{_LIST}"
)
_SUBJECT_VERB = re.compile(
    r"\s+(?:achiev|obtain|reach|attain|outperform|surpass|improv|yield|establish|set|get|show)\w*\b",
    re.I,
)
_SPLIT_LIST = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")
_STOP_WORDS = frozenset(
    """the our this these those their its a an new novel several standard public popular existing
    extensive multiple various diverse two three four five six many other large-scale real-world
    synthetic benchmark benchmarks dataset datasets experiments experimental evaluation results
    comprehensive challenging common widely-used well-known additional all both each further
    moreover however finally specifically in on across over we it training test validation
    downstream academic open-source""".split()
)


@dataclass(frozen=True)
class Mention:
    """A benchmark or data set named in a sentence."""

    name: str
    kind: str
    rule: str
    start: int
    end: int
    confidence: float
    #: the text as written ("ILSVRC-2012" for the gazetteer's ImageNet)
    surface: str = ""


def _clean(name: str) -> str | None:
    words = name.split()
    while words and words[0].lower() in _STOP_WORDS:
        words.pop(0)
    if not words or words[-1].lower() in _STOP_WORDS:
        return None
    name = " ".join(words)
    if is_generic(name):
        return None
    if not (
        any(is_name_like(w) for w in words)
        or NAME_SUFFIX.search(name)
        or len(words) >= 2
        or re.search(r"[A-Za-z]-[A-Z0-9]|[A-Za-z]\d", name)
    ):
        return None
    return name


#: a data set's noun, not a benchmark's (compiled once: re.match looks it up per call)
_DATA_NOUN = re.compile(r"data|corp", re.I)


def find_mentions(sentence: str, gazetteer: Gazetteer) -> list[Mention]:
    """Benchmarks named in ``sentence`` (gazetteer first, then patterns), in text order.

    >>> from loaders.extract.gazetteer import load_gazetteer
    >>> [m.name for m in find_mentions("We evaluate on the Foo-Net benchmark and ImageNet.", load_gazetteer())]
    ['Foo-Net', 'ImageNet']
    """
    mentions = [
        Mention(h.entry.name, h.entry.kind, "gazetteer", h.start, h.end, 0.95, h.surface)
        for h in gazetteer.find(sentence)
    ]
    if "-" in sentence:
        mentions = _with_variants(sentence, mentions, gazetteer)
    if "Shared Task" in sentence:
        mentions = _named_shared_tasks(sentence, mentions)
    if ('"' in sentence or "\u201c" in sentence) and any(map(sentence.__contains__, _CHALLENGES)):
        mentions = _quoted_challenges(sentence, mentions)
    if "ask" in sentence and _TASK_NUMBER.search(sentence):
        mentions = _with_shared_tasks(sentence, mentions, gazetteer)
    if len(mentions) > 1 and any(map(sentence.__contains__, ARROWS)):
        mentions = _with_arrow_tasks(sentence, mentions, gazetteer)
    taken = [(m.start, m.end) for m in mentions]

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(name: str, kind: str, rule: str, start: int, confidence: float) -> None:
        end = start + len(name)
        # ("on the Titan Xp GPU", "35 fps on an RTX 2080 Ti": hardware, not a benchmark)
        if free(start, end) and gazetteer.lookup(name) is None and not is_hardware(name):
            # "on CrowPose dataset": a known benchmark with a letter dropped (or one too many)
            entry = gazetteer.misspelt(name)
            if entry is not None:
                mentions.append(
                    Mention(entry.name, entry.kind, "gazetteer-misspelt", start, end, 0.8, name)
                )
            else:
                mentions.append(Mention(name, kind, rule, start, end, confidence))
            taken.append((start, end))

    start = scan_start(sentence, _NOUN_STEMS, 0)
    nouns = _NOUN_ONLY.finditer(sentence, start) if start is not None else ()
    for noun in nouns:
        kind = "dataset" if _DATA_NOUN.match(noun.group("noun")) else "benchmark"
        # "the X and Y datasets": the names right before the noun (searched in a short window)
        window_start = max(0, noun.start() - 160)
        before = _BEFORE_NOUN.search(sentence, window_start, noun.start())
        after = _AFTER_NOUN.match(sentence, noun.start())
        for match, rule in ((before, "pattern-noun"), (after, "pattern-list")):
            if match is None:
                continue
            base = match.start("names")
            parts = _SPLIT_LIST.split(
                re.sub(r"\s*\([^()]*\)", lambda m: " " * len(m.group(0)), match.group("names"))
            )
            # "on the labeled Synscapes and GTA5 datasets": a plain capitalised word listed with
            # a listed benchmark before the data noun is one too
            known = len(parts) > 1 and any(gazetteer.lookup(p) is not None for p in parts)
            for part in parts:
                name = _clean(part)
                if not name and known and _PLAIN_WORD.fullmatch(part):
                    word = part.strip()
                    if not _LANGUAGE.search(word) and not is_generic(word):
                        name = word
                if name:
                    add(name, kind, rule, base + match.group("names").find(name), 0.8)
        # "on the Vicuna benchmark", "on Wildtrack dataset": one capitalised word, mid-sentence,
        # between "the" (or "on", "in") and a singular noun
        match = _THE_WORD_BEFORE.search(sentence, max(0, noun.start() - 48), noun.start())
        if (
            match
            and _SINGULAR_NOUN.match(noun.group("noun"))
            and not sentence.startswith(" of", noun.end())
        ):
            word = match.group("word")
            if (
                word.lower() not in _STOP_WORDS
                and not is_generic(word)
                and not _LANGUAGE.search(word)
            ):
                add(word, kind, "pattern-the-noun", match.start("word"), 0.75)
    gazetteer_spans = [(m.start, m.end) for m in mentions if m.rule == "gazetteer"]
    for match in _ON_LIST.finditer(sentence) if gazetteer_spans else ():
        # "on the Aider Polyglot and SWE-Bench": a name listed with a known benchmark is one too
        names = match.group("names")
        base = match.start("names")
        if not any(base <= s < base + len(names) for s, _ in gazetteer_spans):
            continue
        parts = _SPLIT_LIST.split(names)
        if _SUBJECT_VERB.match(sentence, match.end("names")):
            # "For classification on ImageNet-1k, ParC-Net achieves 78.6%": the name before the
            # verb is the clause's subject, not the list's last item
            parts = parts[:-1]
        for part in parts:
            name = _clean(part)
            if not name:
                continue
            start = base + names.find(name)
            again = _pair_again(sentence, name, start, mentions) if _PAIR.match(name) else None
            if again is not None and free(start, again.end):
                mentions.append(again)
                taken.append((start, again.end))
                continue
            add(name, "benchmark", "pattern-coordination", start, 0.7)
    seen_tokens = set()
    hints = (
        _SUFFIX_HINT.finditer(sentence) if any(map(sentence.__contains__, _SUFFIX_HINTS)) else ()
    )
    for hint in hints:
        # the whole token around the hint: "LongVideoBench", "NExT-QA"
        token = _TOKEN_AROUND.search(sentence, max(0, hint.start() - 40), hint.end() + 12)
        while token is not None and token.end() < hint.end():
            token = _TOKEN_AROUND.search(sentence, token.end(), hint.end() + 12)
        if token is None or token.start() in seen_tokens or token.start() > hint.start():
            continue
        seen_tokens.add(token.start())
        word = token.group(0)
        if NAME_SUFFIX.search(word) and is_name_like(word) and not is_generic(word):
            add(word, "benchmark", "pattern-suffix", token.start(), 0.8)
    return sorted(mentions, key=lambda m: m.start)


#: "ImageNet-P", "DAVIS-UVOS": a listed benchmark's name, a hyphen and a capital tag (found
#: from the hyphen before the tag: the scan skips to hyphens)
_VARIANT_TAG = re.compile(r"-(?=[A-Z]{1,5}(?![\w-]))(?<=[A-Za-z0-9]-)")
_TOKEN_BEFORE = re.compile(r"(?<![\w.+'-])[A-Z][\w.+']*$")


def _with_variants(sentence: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A subset or variant written as a listed benchmark's name, a hyphen and a capital tag
    ("ImageNet-P mean flip rate", "on DAVIS-UVOS validation set") is a benchmark of its own,
    named as written (when the gazetteer does not list that name)."""
    out = list(mentions)
    for hit in _VARIANT_TAG.finditer(sentence):
        head = _TOKEN_BEFORE.search(sentence, max(0, hit.start() - 40), hit.start())
        if head is None:
            continue
        tag_end = hit.end() + len(re.match(r"[A-Z]+", sentence[hit.end() :]).group(0))
        name = sentence[head.start() : tag_end]
        entry = gazetteer.lookup(head.group(0))
        if entry is None or gazetteer.lookup(name) is not None:
            continue
        if any(m.start < tag_end and head.start() < m.end for m in out):
            continue
        out.append(Mention(name, entry.kind, "gazetteer-variant", head.start(), tag_end, 0.8, name))
    return sorted(out, key=lambda m: m.start) if len(out) != len(mentions) else out


#: "the COVID-19 Infodemic Shared Task for English": capitalised words naming a shared task (one
#: numbered at a venue's year, "SemEval-2022 Shared Task 6", is read by _SHARED_TASK)
_NAMED_SHARED_TASK = re.compile(
    r"(?<![\w-])(?!(?:The|A|An|This|Our|In|On|For)\s)((?:[A-Z0-9][\w-]*\s+){1,5}Shared Task)\b(?!\s*\d)"
)


def _named_shared_tasks(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """ "implemented in the context of the COVID-19 Infodemic Shared Task for English": a shared
    task named by capitalised words is the benchmark (the listed names inside it aside)."""
    out = list(mentions)
    for match in _NAMED_SHARED_TASK.finditer(sentence):
        start, end = match.span(1)
        if any(m.start <= start < m.end and m.end >= end for m in out):
            continue  # (read already, whole)
        out = [m for m in out if m.end <= start or m.start >= end]
        name = match.group(1)
        out.append(Mention(name, "benchmark", "pattern-shared-task", start, end, 0.75, name))
    return sorted(out, key=lambda m: m.start)


#: 'The "Medico automatic polyp segmentation challenge"', 'The challenge called "Knowledge Base
#: Construction from Pretrained Language Models"': a quoted challenge's name (the cheap test:
#: a quote and one of _CHALLENGES)
_CHALLENGES = ("hallenge", "hared task", "ompetition")
_QUOTED_CHALLENGE = re.compile(
    r"[\x22\u201c](?P<a>[A-Z][^\x22\u201d]{2,80}?\s(?:[Cc]hallenge|[Ss]hared [Tt]ask|[Cc]ompetition))[\x22\u201d]"
    r"|\b(?:challenge|shared task|competition)\s+(?:called|named|titled|dubbed|entitled)\s+"
    r"[\x22\u201c](?P<b>[A-Z][^\x22\u201d]{2,80}?)[\x22\u201d]"
)


def _quoted_challenges(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """A challenge named in quotes ('the "Medico automatic polyp segmentation challenge"', 'the
    challenge called "Knowledge Base Construction from Pretrained Language Models"') is the
    benchmark the paper is evaluated in, named as quoted (the listed names inside it aside)."""
    out = list(mentions)
    for match in _QUOTED_CHALLENGE.finditer(sentence):
        group = "a" if match.group("a") else "b"
        start, end = match.span(group)
        out = [m for m in out if m.end <= start or m.start >= end]
        name = match.group(group)
        out.append(Mention(name, "benchmark", "pattern-quoted", start, end, 0.75, name))
    return sorted(out, key=lambda m: m.start)


#: a language pair written short: "En-De", "EN-FR", "Ro-En"
_PAIR = re.compile(r"(?:[A-Z][a-z]|[A-Z]{2})-(?:[A-Z][a-z]|[A-Z]{2})$")
_PAIR_AFTER = re.compile(r"\s(?:[A-Z][a-z]|[A-Z]{2})-(?:[A-Z][a-z]|[A-Z]{2})\b")


def _pair_again(sentence: str, pair: str, start: int, mentions: list[Mention]) -> Mention | None:
    """ "45.3 and 47.1 BLEU on WMT14 En-De and En-Fr": a language pair listed after a benchmark
    written with its pair is that benchmark's other pair."""
    before = [m for m in mentions if m.end <= start and m.rule == "gazetteer"]
    if not before:
        return None
    last = before[-1]
    surface = last.surface or sentence[last.start : last.end]
    if not (_PAIR_AFTER.search(surface) or _PAIR_AFTER.match(sentence, last.end)):
        return None
    return Mention(last.name, last.kind, "gazetteer", start, start + len(pair), 0.85, pair)


#: the arrow of "GTA5→Cityscapes", "MNIST -> USPS" (after a cheap test for any of ARROWS)
_ARROW_JOIN = re.compile(rf"\s?{ARROW}\s?")


def _with_arrow_tasks(
    sentence: str, mentions: list[Mention], gazetteer: Gazetteer
) -> list[Mention]:
    """ "58.2% mIoU on GTA5→Cityscapes": two data sets joined by an arrow are one adaptation
    task from the first to the second, the gazetteer's when it lists it ("GTAV-to-Cityscapes
    Labels"), else named "source-to-target"."""
    out: list[Mention] = []
    for mention in mentions:
        source = out[-1] if out else None
        if source is None or not _ARROW_JOIN.fullmatch(sentence, source.end, mention.start):
            out.append(mention)
            continue
        written = sentence[source.start : mention.end]
        entry = gazetteer.lookup(
            f"{source.surface or source.name} to {mention.surface or mention.name}"
        )
        name = entry.name if entry else f"{source.name}-to-{mention.name}"
        rule = "gazetteer" if entry else "pattern-arrow"
        out[-1] = Mention(name, "benchmark", rule, source.start, mention.end, 0.85, written)
    return out


#: "SemEval-2022 shared task 6", "WNUT-2020 Task 2": a venue's numbered task of one year
_SHARED_TASK = re.compile(
    r"\b(?P<venue>[A-Z][A-Za-z]{2,})[- ]?(?P<year>(?:19|20)\d{2})(?:\s+[Ss]hared)?\s+[Tt]ask\s*(?P<n>\d{1,2})\b"
)


#: the cheap first test for _SHARED_TASK
_TASK_NUMBER = re.compile(r"[Tt]ask\s*\d")


def _with_shared_tasks(
    sentence: str, mentions: list[Mention], gazetteer: Gazetteer
) -> list[Mention]:
    """A shared task is the benchmark, not its venue's year ("SemEval-2022" of "SemEval-2022
    shared task 6"): the task's name replaces the gazetteer's shorter hits inside it."""
    for match in _SHARED_TASK.finditer(sentence):
        name = f"{match.group('venue')}-{match.group('year')} Task {match.group('n')}"
        entry = gazetteer.lookup(name)
        start, end = match.span()
        mentions = [m for m in mentions if m.end <= start or m.start >= end]
        mentions.append(
            Mention(
                entry.name if entry else name,
                entry.kind if entry else "benchmark",
                "gazetteer" if entry else "pattern-shared-task",
                start,
                end,
                0.95 if entry else 0.85,
                match.group(0),
            )
        )
    return mentions


# "on the WikiHop dataset", "on CaFFe", "in the Sleep-EDF benchmark": a name after a preposition
_UNLISTED = AsciiFast(
    r"\b(?:on|in|for|of)\s+(?:the\s+)?(?:(?:challenging|popular|widely[- ]used|public|standard|large-scale|benchmark)\s+)*"
    r"(?P<name>(?:[A-Z][\w'+.&/-]*[\w+]|[a-z]+[A-Z][\w-]*)(?:[ -](?:[A-Z0-9][\w'+.&/-]*[\w+]|[a-z]+[A-Z][\w-]*)){0,3})"
    r"(?P<kind>\s+(?:data ?sets?|benchmarks?|corpus|test set|challenge))?"
)
_NOT_A_BENCHMARK = frozenset(
    """Table Tables Figure Fig Section Appendix Average Top Our We This These It The In On
    Experiments Experimental Results Specifically Furthermore Moreover However Compared English
    German French Chinese Code NVIDIA Python PyTorch TensorFlow""".split()
)


def unlisted_mentions(sentence: str, excluded: set[str] = frozenset()) -> list[Mention]:
    """Benchmarks the gazetteer does not list, written as a name after "on" / "in" in a
    sentence that states a result ("achieves an AUC of 0.9816 on DRIVE"); the caller keeps
    only those a result is tied to.

    >>> [m.name for m in unlisted_mentions("It achieves 70.6% accuracy on the WikiHop dataset.")]
    ['WikiHop']
    """
    out = []
    for match in _UNLISTED.finditer(sentence):
        name = match.group("name").rstrip(".,")
        first = name.split()[0].split("-")[0]
        if first in _NOT_A_BENCHMARK or name in GENERIC or fold(name) in excluded or len(name) < 3:
            continue
        if is_hardware(name):
            continue  # "runs at 35 fps on Titan Xp", "on Snapdragon 855", "on Google Colab"
        if not match.group("kind") and not re.search(r"[A-Z].*[A-Z0-9]|\d", name):
            continue  # one plain capitalised word ("Cornell") only with a data noun after it
        start = match.start("name")
        out.append(Mention(name, "dataset", "unlisted", start, start + len(name), 0.6, name))
    return out

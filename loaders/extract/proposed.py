"""Rules for what a paper itself proposes: title prefixes, "we propose X", "termed X",
"Long Name (ACR)" in a proposal sentence, and "X, a novel ..." appositions.

Each rule returns :class:`Candidate` records; :mod:`loaders.extract.extractor` turns them into
nodes and PROPOSES edges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from loaders.extract.known_methods import is_known_method
from loaders.extract.mentions import is_noise_shape, other_than_metric
from loaders.extract.names import (
    BENCHMARK_SUFFIX,
    TASK_TAIL,
    EndAnchored,
    acronym_definitions,
    is_generic,
    is_name_like,
)
from loaders.extract.sentences import AsciiFast, scan_start


@dataclass(frozen=True)
class Candidate:
    """A proposed name with its rule, evidence sentence and confidence."""

    name: str
    aliases: tuple[str, ...]
    rule: str
    evidence: str
    confidence: float
    #: "dataset" / "benchmark" when the proposal is a data set or benchmark, else None
    benchmark_kind: str | None = None


_FIRST_PERSON = AsciiFast(r"\b(?:we|our|us|this (?:paper|work|study|report|article)|here)\b", re.I)
_PROPOSE = AsciiFast(
    r"\b(?:propos(?:e|es|ed|ing)|introduc(?:e|es|ed|ing)|present(?:s|ed|ing)?|develop(?:s|ed|ing)?|design(?:s|ed|ing)?|"
    r"devise[sd]?|conceive[sd]?|craft(?:s|ed)?|put forth|build|construct(?:s|ed)?|releas(?:e|es|ed|ing)|curate[sd]?|contribute[sd]?|unveil(?:s|ed)?|"
    r"put forward|formulate[sd]?|establish(?:es|ed)?|create[sd]?|offer(?:s|ed)?)\b"
)
# the object of a proposal ends at a relative clause, purpose or instrument phrase
_WINDOW_END = AsciiFast(
    r"[;:]|\b(?:which|that|to|for|by|via|through|using|with|on|in|where|whereby|than|and achieves?|achieving)\b"
    # ("a framework built upon the Segment Anything Model (SAM)": what it is built on)
    r"|(?<![\w-])(?:built (?:up)?on|based on|upon|atop)\b"
)
#: "the released dataset": an article (or a possessive) right before the verb
_ARTICLES = ("the", "a", "an", "our", "their", "its")
_ARTICLE_BEFORE = re.compile(rf"\b(?:{'|'.join(_ARTICLES)})\s+$", re.I)
#: a head whose only first-person word is an "us" that is not the next verb's subject (as in
#: "leads us to propose")
_US_NOT_SUBJECT = re.compile(
    r"(?i)(?!.*\b(?:we|our|this (?:paper|work|study|report|article)|here)\b).*\bus\b(?!\s+(?:to\s+)?$)"
)
#: "from established ...", "the designed ...": the slot of an adjective before a participle
_ADJECTIVE_SLOT = re.compile(r"\b(?:from|of|with|than|the|a|an)\s+$")
#: "Our previously proposed MetricGAN was designed ...": the authors' earlier work, not this one
_EARLIER = AsciiFast(r"\b(?:previously|recently|originally|earlier|formerly)[\s-]+$")
_LEAD_IN = re.compile(r"^(?:here,?\s+|also\s+|further\s+|a\s+|an\s+|the\s+)", re.I)
#: ("MPTs-1/32": a variant's bit widths after a hyphen belong to the name)
_RUN_WORD = re.compile(r"[A-Z0-9][\w'+.]*(?:-[\w+]+(?:/\d+)?)*\+*|[a-z]+-?[A-Z][\w+]*(?:-[\w+]+)*")
#: a sentence without any of these cannot hold a proposal (a cheap first test; each word
#: starts with a plain letter, not a class, as the regex engine tests those first letters fastest)
_TRIGGER = AsciiFast(
    r"\b(?:We|we|Our|our|This|this|Here|here|call|term|name|dub|coin|refer|novel|new|innovative|"
    r"proposed|Propos|propos|Introduc|introduc)\w*"
)
_OWN_SUBJECT = re.compile(r"^(?:It|This|These|They|The proposed|The resulting)\b")
_DETERMINERS = frozenset("The A An Our This These Those Its Their Each".split())
#: a capitalised preposition opening a sentence is not part of the name after it ("On HumanEval, a new ...")
_LEADING_PREPOSITIONS = frozenset(
    "On In For With At By From To Using Across Over Under After When While Unlike".split()
)
_NUMBER_WORD = re.compile(r"^[\d.,]+$")
#: a quoted name in a proposal's object, after at most an article and two words
_QUOTED_OBJECT = re.compile(
    r"\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?:``|\"|“)([^`\"”']{2,60}?)(?:''|\"|”)"
)
_QUOTED = re.compile(r"\s*(?:``|\"|“|')([^`\"”']{2,60})(?:''|\"|”|')")
#: what a model that does something is called: "our detector, namely NMS-Ped"
_AGENT_NOUN = r"(?:detector|tracker|parser|classifier|segmenter|generator|estimator|predictor|solver|planner|retriever|recognizer|tagger)s?"
_THING = (
    r"(?:method|model|module|framework|approach|algorithm|architecture|technique|system|pipeline|"
    r"benchmark|dataset|metric|block|layer|strategy|library|tool|scheme|mechanism|network|paradigm|"
    r"loss|operator|index|measure|toolkit|agent|encoder|decoder|attention|platform|application|interface)s?"
)
_NAMING = AsciiFast(
    r"\b(?:(?:which|that) (?:we|is|are) )?(?:call(?:ed)?|term(?:ed)?|name[sd]?|dub(?:bed)?|coin(?:ed)?|refer(?:red)? to as)"
    # "we call this approach X", "we name this plain Transformer-based ... framework WeakTr"
    rf"(?: it| them| (?:this|our|the|these)(?: [\w-]+){{0,5}}? {_THING}| this| our \w+)?(?: as)?\s+[\"“']?"
)
#: what a paper calls its own contribution: "our <...> method, Rotary Major Scan,"
_OUR_THING_NAMED = AsciiFast(
    rf"\b[Oo]ur (?:[\w-]+ ){{0,3}}(?:{_THING}|{_AGENT_NOUN}),?\s+(?:namely\s+)?(?=[A-Z])"
)
#: ("A new multitask-AQA dataset": a coined word may start in lower case, a sentence with "A")
_NOVEL_THING = re.compile(r"\b(?:[Aa]|[Aa]n) (?:novel|new) (?=[A-Z]|[a-z][\w-]*[A-Z])")
#: a substring of every _OUR_THING_NAMED and every _NOVEL_THING match, and how far into the
#: match it can stand: their cheap first tests, and where their scans start
_OUR_THING_STEMS = (("our ", "Our "), 0)
_NOVEL_THING_STEMS = (("novel ", "new "), len("an "))
#: "we build a new detector, namely FastDet": a new thing the sentence then names
_NEW_THING_NAMELY = re.compile(
    rf"\b(?:a|an) (?:novel|new) (?:[\w-]+ ){{0,3}}(?:{_THING}|{_AGENT_NOUN}),?\s+namely\s+(?=[A-Z])"
)
_THING_AFTER = re.compile(rf"^\s+{_THING}\b")
_PAREN_THING = re.compile(rf"\((?P<name>[A-Za-z][\w.+-]{{1,20}})\)\s+{_THING}\b")
_THING_PAREN = re.compile(rf"\b(?P<noun>{_THING})\s+\((?P<name>[A-Za-z][\w.+-]{{1,20}})\)")
#: "which we call X": the authors themselves name the thing right after the verb
_WE_NAMING = re.compile(r"\bwe\s+(?:\w+\s+)?$")
_OUR_NAME = AsciiFast(r"\b(?:[Oo]ur (?:proposed |new )?|[Tt]he proposed )(?=\S)")
#: a substring of every _OUR_NAME match, and how far into it (as above)
_OUR_NAME_STEMS = (("our ", "Our ", "he proposed "), len("T"))
#: well-known base model families: "our Llama2-7b model" is the authors' copy of someone's model
_KNOWN_BASE = re.compile(
    r"(?i)^(?:llama|gpt|bert|roberta|t5|flan|opt|mistral|mixtral|qwen|gemma|phi|falcon|vicuna|bloom|pythia|"
    r"resnet|wrn|vit|deit|swin|convnext|efficientnet|mobilenet|vgg|clip|blip|llava|whisper|wav2vec|dit|unet|"
    r"codex|palm|gemini|claude|chatgpt|deepseek|yolo|sam|dino)"
)
_NOT_OURS_AFTER = re.compile(
    r"^[\s-]*(?:baselines?|backbones?|implementation|reproduction|teachers?|students?|re-?implementation|based|"
    # "the proposed HPSG parsers": a formalism or task the paper's models work in
    r"parsers?|parsing|taggers?|tagging|recognition|detection|segmentation|tracking|classification|translation|tasks?)\b",
    re.I,
)
_COMPONENT_CUE = re.compile(
    r"\b(?:consist\w* of|compris\w*|includ\w*|employ\w*|contain\w*|compos\w* of|components?|mechanisms?|modules?|stages?|"
    r"involv\w*)\b"
)
_COMPARE_CUE = re.compile(
    r"\b(?:compar\w+|outperform\w*|surpass\w*|than|versus|vs\.?|against|over|unlike|like|such as|based on|built on|inspired by)\b",
    re.I,
)
#: "develop a vector quantized variational autoencoder with SNNs (VQ-SVAE)": an object of at
#: most ten words, no clause or preposition phrase of place or source in it, then a bracket
_LATE_BRACKET = re.compile(
    r"\s+(?P<object>(?:a|an|the)\s+(?!(?:[\w-]+\s+){0,9}?(?:on|in|from|at|of|using|based|e\.g|over|upon|"
    r"similar|akin|trained|drawn|derived|borrowed|inspired)\b)"
    r"(?:[\w-]+\s+){1,9}?)\((?P<name>[A-Za-z][\w.+-]{1,20})\)"
)
#: "(LE) initialisation approach": a definition before (one word and) the noun of what it is
_INFINITIVE_THING = re.compile(rf"^\s+(?:[\w-]+\s+)?{_THING}\b")
_SHORT_AFTER = re.compile(r"\s*\(([A-Za-z][\w.+-]{1,20})\)")
#: ("we propose ELMER: an efficient ...", "we introduce SMART (...) - a novel ...": a colon or
#: a dash before the description; not "as": "we propose Wikipedia as a source of ...")
_APPOSITION = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:,|:|\s[–—-])\s+(?:a|an|the first|our|which is)\b"
)
_IS_NEW = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:is|are)\s+(?:a|an)\s+(?:novel|new)\b")
_BENCH_NOUN = AsciiFast(
    r"\b(?:benchmarks?|data ?sets?|corpus|corpora|suite|test ?bed|leaderboard|evaluation (?:set|framework))\b",
    re.I,
)
_DATA_NOUN = re.compile(r"\b(?:data ?sets?|corpus|corpora)\b", re.I)
_TITLE_STOP = frozenset(
    """survey review position tutorial overview perspective benchmarking rethinking revisiting
    towards toward beyond introduction report editorial commentary abstract preprint scaling
    efficiency understanding position paper""".split()
)


def name_run(text: str, start: int = 0) -> str | None:
    """The run of capitalised / coined words starting at ``start`` ("Spectral Diffusion")."""
    words = []
    pos = start
    while True:
        match = _RUN_WORD.match(text, pos)
        if not match:
            break
        words.append(match.group(0))
        pos = match.end()
        if pos < len(text) and text[pos] == " " and len(words) < 5:
            pos += 1
            continue
        break
    while words and (
        words[0] in _DETERMINERS or (start == 0 and words[0] in _LEADING_PREPOSITIONS)
    ):
        words.pop(0)
    if not words or _NUMBER_WORD.match(words[0]):
        return None
    # a trailing sentence-ending period is not part of the name
    return " ".join(words).rstrip(".")


def classify_benchmark(name: str, context: str) -> str | None:
    """ "dataset" / "benchmark" when ``name`` (proposed in ``context``) is one, else None."""
    if BENCHMARK_SUFFIX.search(name):
        return "dataset" if _DATA_NOUN.search(name) else "benchmark"
    # "X, a new benchmark ..." / "a new dataset, X," / "the X benchmark"
    idx = context.find(name)
    near = context[max(0, idx - 40) : idx + len(name) + 60] if idx >= 0 else context
    after = context[idx + len(name) : idx + len(name) + 60] if idx >= 0 else ""
    if _BENCH_NOUN.search(near) and not re.search(
        r"\b(?:on|across|over)\s+(?:\w+\s+){0,3}$", context[:idx]
    ):
        noun = _BENCH_NOUN.search(after) or _BENCH_NOUN.search(near)
        if (
            noun
            and re.match(
                r"^[\s,]*(?:(?:a|an|the|which is a)\s+)?(?:[\w-]+\s+){0,4}"
                + re.escape(noun.group(0)),
                after,
            )
            or re.search(
                re.escape(noun.group(0)) + r"(?:\s+of)?[\s,]*(?:called|named|dubbed|termed)?\s*$",
                context[:idx],
            )
        ):
            return "dataset" if _DATA_NOUN.search(noun.group(0)) else "benchmark"
    return None


#: "BEATsicon.png": an image file pasted into the title, no name
_FILE_NAME = re.compile(r"\.(?:png|jpe?g|gif|svg|pdf)$", re.I)


_INITIAL = re.compile(r"\b[A-Z]\.\s+[A-Z][a-z]")
#: lower-case words no name starts with
_FUNCTION_WORDS = frozenset("and or of with for to by from than as".split())
#: "AI-based", "data-driven": a word that modifies a noun after it
_MODIFIER_WORD = re.compile(r"-(?:based|driven|guided|inspired|like|oriented|powered)$")
_CLAIM_NOUNS = frozenset("Hypothesis Conjecture Theorem Lemma Paradox Phenomenon".split())


def _accept(name: str | None, short: str | None = None) -> bool:
    if name and short and other_than_metric(name, short):
        # "a minimal random resampling (MRR) scheme": a metric's acronym given to a method
        short = None
    if not name or len(name) < 2 or len(name.split()) > 6 or _FILE_NAME.search(name):
        return False
    words = name.split()
    if len(words) > 1 and is_noise_shape(words[0]):
        return False  # "our CS224N Final Project": a course code, a version, a device
    if len(words) > 1 and words[-1] in _CLAIM_NOUNS:
        return False  # "Multi-Prize Lottery Ticket Hypothesis: ...": a claim, not a method
    if _INITIAL.search(name):
        return False  # "Linda C. Smith: Fifty Years of ...": a person, by the initial of a name
    if words[0] in _FUNCTION_WORDS:
        return False  # "a novel and tightly controlled reasoning test (ART)": a cut-off phrase
    if len(words) == 1 and _MODIFIER_WORD.search(name):
        return False  # "developing AI-based technology": a modifier, not a name
    return not is_generic(name, short)


#: "ChatGPT Versus Consultants", "ChatGPT and Medicine": a comparison, or a listed method and a field
_TITLE_TOPIC = re.compile(
    r"(?i)\b(?:versus|vs\.?)\s|^(?:ChatGPT|GPT-?\d\w*|LLMs?|AI|Generative AI|Artificial Intelligence)\s+(?:and|&|in|for)\s"
)


def from_title(title: str | None, abstract: str) -> list[Candidate]:
    """ "LMUFormer: Low Complexity ..." -> LMUFormer; "Sparse Query Attention (SQA): ..." ->
    Sparse Query Attention / SQA. A plain word ("Mamba: ...") counts when the abstract uses it
    as a name too (capitalised mid-sentence)."""
    if not title:
        return []
    whole = acronym_definitions(title)
    if (
        whole
        and whole[0].start == 0
        and whole[0].end == len(title.rstrip())
        and _accept(whole[0].long, whole[0].short)
    ):
        # the whole title is "Probabilistic Partitive Partitioning (PPP)"
        return [_title_definition(whole[0], title, 0.85)]
    if ":" not in title:
        return _title_name(title, abstract)
    prefix = title.split(":", 1)[0].strip()
    team = _TEAM_AT_TASK.match(prefix)
    if team and _accept(team.group(1)):
        # "NutCracker at WNUT-2020 Task 2: ...": a shared-task system paper names its team
        name = team.group(1)
        return [Candidate(name, (name,), "title-team", title, 0.85)]
    # "Phi-3 Technical Report: ...", "The FinBen: ...": the name without the report or article
    prefix = _TITLE_REPORT.sub("", _TITLE_ARTICLE.sub("", prefix)) or prefix
    words = prefix.split()
    if not words or len(words) > 6:
        return []
    if len(words) > 1 and (
        _TITLE_LINK.search(prefix)
        # "ReLU's Revival: ...", "LLM-Powered Grapheme-to-Phoneme Conversion: ...": a thing's
        # story, or a task done with a listed thing
        or "'s " in prefix
        or _MODIFIER_WORD.search(words[0].lower())
    ):
        # "CLIP as RNN: ...", "ReST meets ReAct: ...", "LLaMA Beyond English: ...": two things
        # set side by side, or a thing and its setting
        return []
    definitions = acronym_definitions(prefix)
    if definitions and definitions[0].start == 0:
        d = definitions[0]
        return [_title_definition(d, title, 0.9)] if _accept(d.long, d.short) else []
    if words[0].lower() in _TITLE_STOP or _TITLE_TOPIC.search(prefix):
        # "ChatGPT Versus Consultants: ...", "ChatGPT and Medicine: ...": a study of a topic
        return []
    if (
        len(words) > 1
        and all(w[:1].isupper() for w in words)
        and not any(is_name_like(w) for w in words)
    ):
        # "Prompt Recursive Search: ..." counts when the abstract uses it as a name too
        if _accept(prefix) and (
            re.search(re.escape(prefix) + r"\s*\(", abstract)
            or re.search(r"[a-z,;] " + re.escape(prefix) + r"\b", abstract)
        ):
            return [
                Candidate(
                    prefix,
                    (prefix,),
                    "title-prefix",
                    title,
                    0.85,
                    classify_benchmark(prefix, title),
                )
            ]
        return []
    if len(words) > 3:
        return []
    if not any(is_name_like(w) for w in words):
        if len(words) != 1 or not words[0][:1].isupper() or words[0].endswith("ing"):
            return []
        if not re.search(r"[a-z,;] " + re.escape(words[0]) + r"\b", abstract):
            return []
    if not _accept(prefix) or (len(words) > 1 and TASK_TAIL.search(prefix)):
        return []  # "ECG Heartbeat Classification: ...": a task, not a name
    return [
        Candidate(prefix, (prefix,), "title-prefix", title, 0.9, classify_benchmark(prefix, title))
    ]


_TITLE_ARTICLE = re.compile(r"^(?:The|A|An)\s+(?=\S+$)")
_TITLE_REPORT = re.compile(r"\s+Technical\s+Report$")
_TITLE_LINK = re.compile(
    r"\s(?:for|as|meets|or|vs\.?|versus|your|my|is|are|beyond|Beyond|Meets|For|As|Or|Versus|Is|Are)\s"
)
#: "UTNLP at SemEval-2022 Task 6", "Turing at SemEval-2017 Task 8": a team or system at a
#: shared task (a venue name with a year or a task number)
_TEAM_AT_TASK = re.compile(
    r"^([A-Z][\w.+-]*(?: [A-Z][\w.+-]*){0,2}) at (?:the )?[A-Z][\w-]*(?:[- ]?'?\d{2,4})?\b.*"
    r"(?:\b[Tt]ask\b|\b(?:19|20)\d{2}\b|-\d{2,4}\b)"
)


#: "Context Prior for Scene Segmentation", "Video Swin Transformer": a title that opens with a
#: capitalised name, before "for" / "with" / "via" or as the whole title
_TITLE_NAME = re.compile(r"^((?:[A-Z][\w-]*\s+){1,3}[A-Z][\w-]*)(?:\s+(?:for|with|via|in)\s|$)")


#: "Very Deep Transformers for ...": ordinary adjectives before a family name describe, not name
_PLAIN_ADJECTIVES = frozenset(
    "very simple efficient fast faster deep deeper large larger small better improved stronger "
    "robust scalable accurate lightweight light-weight".split()
)


#: "we propose a zigzag learning strategy", "Our fully convolutional network achieves": the
#: title's name written in lower case where the abstract proposes it
_PROPOSAL_CUE = (
    r"\b(?:[Ww]e (?:\w+ )?(?:propose|present|introduce|develop)|[Oo]ur|[Tt]he proposed)\s+"
    r"(?:(?:a|an)\s+)?(?:(?:novel|new)\s+)?"
)


def _proposed_in_lower_case(name: str, abstract: str) -> bool:
    lower = name.lower()
    stem = lower[:-1] if lower.endswith("s") else lower
    return bool(re.search(_PROPOSAL_CUE + re.escape(stem) + r"s?\b", abstract))


def _title_name(title: str, abstract: str) -> list[Candidate]:
    """The name a title without a colon opens with, when the abstract uses it as a name too
    (capitalised mid-sentence: "we develop a Context Prior with the supervision of ...")."""
    match = _TITLE_NAME.match(title.strip())
    if not match:
        return []
    name = match.group(1)
    words = name.split()
    if (
        words[0].lower() in _TITLE_STOP
        or words[0].endswith("ing")
        or (words[0].lower() in _PLAIN_ADJECTIVES and not any(is_name_like(w) for w in words))
        or not _accept(name)
        or TASK_TAIL.search(name)
        or not (
            re.search(r"[a-z,;] " + re.escape(name) + r"\b", abstract)
            # ("Domain Adaptation with X": a title's name before "with" may be its task)
            or (
                re.match(r"\s+for\s|\s*$", title.strip()[match.end(1) :])
                and _proposed_in_lower_case(name, abstract)
            )
            # "Image Transformer", "Video Swin Transformer": a whole title naming a model of a
            # family, the abstract speaking of its own model
            or (
                match.end(1) == len(title.strip())
                and _MODEL_FAMILY.search(words[-1])
                and not is_known_method(name)
                and _OWN_MODEL.search(abstract)
            )
        )
    ):
        return []
    return [Candidate(name, (name,), "title-name", title, 0.8, classify_benchmark(name, title))]


_MODEL_FAMILY = re.compile(r"(?:Transformers?|Networks?|Nets?|Autoencoders?|GANs?|Former)$")
_OWN_MODEL = re.compile(
    r"\b(?:[Oo]ur|[Tt]he proposed)\s+(?:[\w-]+\s+){0,2}(?:models?|architectures?|networks?|approach|method)\b"
)


def from_sentence(sentence: str, definitions: list | None = None) -> list[Candidate]:
    """Proposals in one abstract sentence ("we propose X", "called X", "our X", "a novel X module")."""
    found = _from_sentence(sentence, definitions)
    if found and "-" in sentence and _BASED_ON_NAME.search(sentence):
        # "introduces a genetic programming (GP)-based method": what the method is based on
        found = [c for c in found if not _based_on(c, sentence)]
    return found


#: "(GP)-based", "BERT-inspired": a name the thing after it is built on
_BASED_ON_NAME = re.compile(r"[\w)]-(?:based|inspired|driven|guided|powered)\b")


def _based_on(candidate: Candidate, sentence: str) -> bool:
    return any(
        f"{alias}{bracket}{suffix}" in sentence
        for alias in candidate.aliases
        for bracket in ("", ")")
        for suffix in _BASED_SUFFIXES
    )


_BASED_SUFFIXES = ("-based", "-inspired", "-driven", "-guided", "-powered")


def _from_sentence(sentence: str, definitions: list | None) -> list[Candidate]:
    out: list[Candidate] = []
    if sentence.rstrip().endswith("?"):
        # "Can we automatically design a Convolutional Network (ConvNet) ...?": a question
        return out
    # (no search for the verb first: the anchored match is far cheaper than that scan)
    out.extend(_result_subject(sentence))
    if (" is " in sentence or " are " in sentence) and _PASSIVE_VERB.search(sentence):
        definitions = acronym_definitions(sentence) if definitions is None else definitions
        out.extend(_passive(sentence, definitions))
    if "escrib" in sentence and _DESCRIBED_SYSTEM_CUE.search(sentence):
        out.extend(_described_system(sentence))
    if "ontribution" in sentence:
        definitions = acronym_definitions(sentence) if definitions is None else definitions
        out.extend(_contribution(sentence, definitions))
    enumerated = _ENUMERATOR.match(sentence)
    if enumerated:
        definitions = acronym_definitions(sentence) if definitions is None else definitions
        out.extend(_enumerated_component(sentence, enumerated.end(), definitions))
    # (" we " and a sentence opening with "We " hold a trigger: the scan is left for the others)
    if not (" we " in sentence or sentence.startswith("We ") or _TRIGGER.search(sentence)):
        return out
    definitions = acronym_definitions(sentence) if definitions is None else definitions
    # cheap substring tests keep the costlier rules off sentences they cannot match
    if any(map(sentence.__contains__, ("call", "term", "name", "dub", "coin", "refer"))):
        out.extend(_named(sentence, definitions))
    novel = any(map(sentence.__contains__, ("novel", "new", "innovative", "proposed")))
    if novel or "our " in sentence or "Our " in sentence:
        out.extend(_ours(sentence, definitions))
    if any(map(sentence.__contains__, (" Module", " Block", " Loss"))):
        out.extend(_capital_parts(sentence))
    if novel:
        out.extend(_defined_as_new(sentence, definitions))
    name = name_run(sentence, 0) if novel else None
    if name and any(is_name_like(w) for w in name.split()) and _accept(name):
        rest = sentence[sentence.find(name) + len(name) :]
        novel = _IS_NEW.match(rest) or re.match(
            r"^\s*(?:\([^)]*\)\s*)?,\s+(?:a|an)\s+(?:novel|new)\b", rest
        )
        # "The TE-branch is a novel TEmporal Swin Attention block": the novel thing has its own name
        if novel and not re.match(r"\s+[A-Z]", rest[novel.end() :]):
            out.append(_candidate(name, (name,), "apposition", sentence, 0.75))
    first_person = _FIRST_PERSON.search(sentence)
    if not first_person:
        return out
    if "new" in sentence:
        out.extend(_new_described(sentence))
    if "train" in sentence and "(" in sentence:
        out.extend(_trained(sentence, definitions))
    if ": " in sentence and ("new" in sentence or "novel" in sentence):
        out.extend(_new_listed(sentence))
    # (a verb before the end of the first first-person word is skipped: scanned from there, so
    # the head before each verb holds that word, and no search for it is needed)
    for verb in _PROPOSE.finditer(sentence, first_person.end()):
        if (
            _EARLIER.search(sentence, max(0, verb.start() - 20), verb.start())
            # "tells us little about the EU's ability to develop X": "us" not the verb's subject
            or (" us " in sentence and _US_NOT_SUBJECT.match(sentence, 0, verb.start()))
            # "questions from established ORL study books": a participle as an adjective
            or (
                verb.group(0).endswith("ed")
                and _ADJECTIVE_SLOT.search(sentence, max(0, verb.start() - 6), verb.start())
            )
        ):
            continue
        end = _WINDOW_END.search(sentence, verb.end())
        window_end = end.start() if end else len(sentence)
        quoted = _QUOTED_OBJECT.match(sentence, verb.end())
        if (
            quoted
            and quoted.end(1) <= window_end + 1
            and _accept(quoted.group(1))
            # ("a "plug-and-play" module": a quoted modifier of the noun after it)
            and _NAME_ENDS.match(sentence, quoted.end())
        ):
            # "we propose the differentiable "epipolar transformer"": the authors quote the name
            out.append(
                _candidate(quoted.group(1), (quoted.group(1),), "propose-quoted", sentence, 0.8)
            )
        for d in definitions:
            if verb.end() <= d.start < window_end + 2 and _accept(d.long, d.short):
                out.append(_candidate(d.long, (d.long, d.short), "propose-acronym", sentence, 0.85))
            elif (
                d.start >= window_end
                and sentence.startswith(" to ", verb.end())
                and _INFINITIVE_THING.match(sentence[d.end :])
                and "," not in sentence[verb.end() : d.start]
                and not _COMPARE_CUE.search(sentence, verb.end(), d.start)
                and _accept(d.long, d.short)
                and not is_known_method(d.short)
            ):
                # "we propose to enhance the models with a label embedding (LE) initialisation
                # approach": what "propose to" does it with, named before the noun of it
                out.append(
                    _candidate(d.long, (d.long, d.short), "propose-to-acronym", sentence, 0.75)
                )
            elif (
                d.start >= window_end
                and _accept(d.long, d.short)
                and (
                    re.search(r"[A-Z]", d.long[1:])
                    # "by involving a speaker overlap-aware post-processing (SOAP) model": a
                    # lower-case part named by its acronym before the noun of what it is
                    or (
                        _THING_AFTER.match(sentence[d.end :])
                        # (a coined description has a hyphenated word: "overlap-aware")
                        and "-" in d.long
                        and not is_known_method(d.short)
                        and not is_generic(d.short, d.short)
                    )
                )
            ):
                # components of the proposal: "X that employs two mechanisms: Tool Correction (TC) and ..."
                between = sentence[verb.end() : d.start]
                if _COMPONENT_CUE.search(between) and not _COMPARE_CUE.search(between):
                    out.append(
                        _candidate(d.long, (d.long, d.short), "propose-component", sentence, 0.7)
                    )
        late = _LATE_BRACKET.match(sentence, verb.end()) if "(" in sentence else None
        if late and not _COMPARE_CUE.search(late.group("object")):
            # "we develop a vector quantized variational autoencoder with SNNs (VQ-SVAE)": a
            # coined name in brackets closing the object, past a word that ends the window
            name = late.group("name")
            if (
                is_name_like(name)
                and _accept(name)
                and not is_known_method(name)
                and not any(d.short == name for d in definitions)
            ):
                long = _LEAD_IN.sub("", late.group("object").strip())
                aliases = (name, long) if 1 <= len(long.split()) <= 6 else (name,)
                out.append(_candidate(name, aliases, "propose-late-bracket", sentence, 0.7))
        # ("the released dataset (COCO)": a participle after an article is no proposal)
        head = sentence[: verb.start()]
        # (searched from the last word: the pattern ends there, and a scan of the whole head
        # tries every place in it)
        adjectival = _ARTICLE_BEFORE.search(
            head, max(0, len(head.rstrip()) - max(map(len, _ARTICLES)))
        )
        for thing in (
            ()
            if adjectival or sentence.find("(", verb.end(), window_end + 2) < 0
            else _THING_PAREN.finditer(sentence, verb.end(), window_end + 2)
        ):
            # "the Segment Anything Model (SAM) and corresponding dataset (SA-1B)"
            name = thing.group("name")
            if (
                is_name_like(name)
                and _accept(name)
                and not any(d.short == name for d in definitions)
            ):
                kind = (
                    "dataset"
                    if _DATA_NOUN.match(thing.group("noun"))
                    else ("benchmark" if _BENCH_NOUN.match(thing.group("noun")) else None)
                )
                out.append(Candidate(name, (name,), "propose-thing-paren", sentence, 0.75, kind))
        for named in (
            () if adjectival else _PAREN_THING.finditer(sentence, verb.end(), window_end + 2)
        ):
            # "propose the overlap-aware EEND (EEND-OLA) model": a bracketed coined name before
            # the noun of what it is, its letters matching the words before or not
            name = named.group("name")
            if (
                is_name_like(name)
                and _accept(name)
                and not is_known_method(name)
                # (a definition inside the object is read by the rule above)
                and not any(d.short == name and d.start >= verb.end() for d in definitions)
            ):
                long = _LEAD_IN.sub("", sentence[verb.end() : named.start()].strip())
                aliases = (name, long) if 1 <= len(long.split()) <= 5 else (name,)
                out.append(_candidate(name, aliases, "propose-paren-thing", sentence, 0.75))
        obj = sentence[verb.end() :].lstrip()
        lead = _LEAD_IN.match(obj)
        offset = len(sentence) - len(obj)
        if lead and lead.group(0).lower().strip(" ,") in ("here", "also", "further"):
            offset += lead.end()
        elif lead and lead.group(0).lower().strip() == "the":
            # "we introduce the aiFlows library": skip the article before a coined name
            following = name_run(sentence, offset + lead.end())
            if following and (
                is_name_like(following.split()[0])
                or (
                    len(following.split()) >= 2
                    and re.fullmatch(_THING, following.split()[-1].lower())
                )
            ):
                offset += lead.end()
        elif lead and lead.group(0).lower().strip() in ("a", "an"):
            # "we propose a Hierarchical Point Grouping algorithm": a capitalised name before
            # the noun of what it is
            following = name_run(sentence, offset + lead.end())
            if (
                following
                and (
                    len(following.split()) >= 2
                    # "we also design an SGAlign layer": one coined word, not a listed method
                    or (is_name_like(following) and not is_known_method(following))
                )
                and _THING_AFTER.match(sentence[offset + lead.end() + len(following) :])
            ):
                offset += lead.end()
        modified = _NEW_MODIFIED_NAME.match(obj)
        if modified:
            # "we introduce a novel part-aware Kinematic Chain Space for ...": capitalised words
            # after "a novel" and its lower-case modifiers name the new thing
            at = offset + modified.end() if offset == len(sentence) - len(obj) else -1
            named = name_run(sentence, at) if at >= 0 else None
            if (
                named
                and len(named.split()) >= 2
                and all(w[:1].isupper() for w in named.split())
                # ("a new Monte Carlo Tree Search": without a modifier, capitalised words after
                # "a new" may be a listed thing's name)
                and (modified.group(1) or any(is_name_like(w) for w in named.split()))
                and _accept(named)
                and not is_known_method(named)
                and not TASK_TAIL.search(named)
                and _NAME_ENDS.match(sentence, at + len(named))
            ):
                rest = sentence[at + len(named) :]
                paren = _SHORT_AFTER.match(rest)
                aliases = (named, paren.group(1)) if paren else (named,)
                out.append(_candidate(named, aliases, "propose-modified", sentence, 0.75))
        described = _DESCRIBED_THEN_NAMED.match(obj)
        if described and not _ADJECTIVE_ONLY.match(described.group(0)):
            # "we propose a new layered network structure, HDCGAN, that ...": the name after
            # a lower-case description of the thing
            named = _described_name(
                sentence, offset + described.end(), new=bool(_NEW_WORD.match(obj, 2))
            )
            if named:
                rest = sentence[offset + described.end() + len(named) :]
                paren = _SHORT_AFTER.match(rest)
                aliases = (named, paren.group(1)) if paren else (named,)
                out.append(_candidate(named, aliases, "propose-described", sentence, 0.8))
        name = name_run(sentence, offset)
        if name and _accept(name):
            rest = sentence[offset + len(name) :]
            if (
                any(is_name_like(w) for w in name.split())
                or _APPOSITION.match(rest)
                or (len(name.split()) >= 2 and re.fullmatch(_THING, name.split()[-1].lower()))
                or (len(name.split()) >= 2 and _THING_AFTER.match(rest))
                # "we propose Recursive Feature Pyramid, which ...": capitalised words without
                # an article, ended like a name, are one
                or (
                    len(name.split()) >= 2
                    and offset == len(sentence) - len(obj)
                    and _NAME_ENDS.match(rest)
                )
            ):
                if name.split()[0].lower() not in (
                    "a",
                    "an",
                    "the",
                    "our",
                    "this",
                    "these",
                    "two",
                    "three",
                ):
                    # "We present Masked-attention Mask Transformer (Mask2Former)": the name
                    # written in brackets after it is its short form, letters matching or not
                    paren = _SHORT_AFTER.match(rest)
                    aliases = (name, paren.group(1)) if paren else (name,)
                    out.append(_candidate(name, aliases, "propose-object", sentence, 0.8))
    return out


#: "by introducing two new techniques: distribution alignment and augmentation anchoring": the
#: new parts a proposal verb introduces, listed after a colon
_NEW_LIST = re.compile(
    rf"{_PROPOSE.pattern}\s+(?:(?:two|three|four|several)\s+)?(?:novel|new)\s+(?:[a-z-]+\s+){{0,2}}?"
    r"(?:techniques|components|modules|strategies|mechanisms|methods|losses|designs|schemes|"
    r"operations|blocks|ideas):\s+"
    r"(?P<items>[a-z][\w-]*(?: [a-z][\w-]*){1,3}(?:(?:,| and|, and) [a-z][\w-]*(?: [a-z][\w-]*){1,3})+)"
    r"\s*(?:[.;(]|$)"
)
_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_ARTICLE_WORDS = frozenset("a an the our this these its their".split())


def _new_listed(sentence: str) -> list[Candidate]:
    """The lower-case names of the new parts listed after a colon ("two new techniques:
    distribution alignment and augmentation anchoring")."""
    match = _NEW_LIST.search(sentence)
    if not match:
        return []
    items = _LIST_SPLIT.split(match.group("items"))
    if any(not item or item.split()[0] in _ARTICLE_WORDS for item in items):
        return []  # ("two new modules: a ... and a ..."): descriptions, not names
    return [
        _candidate(item, (item,), "new-listed", sentence, 0.7)
        for item in items
        if _accept(item) and not is_known_method(item) and not TASK_TAIL.search(item)
    ]


#: "we train a 7B decoder-only language model (Orca)": what the authors train, named in brackets
_WE_TRAIN = re.compile(r"\b[Ww]e (?:also |further |then |first )?(?:pre-?)?train(?:ed)?\b")


def _trained(sentence: str, definitions: list) -> list[Candidate]:
    """A coined name in brackets closing the object of "we train" ("we train a large
    decoder-only model (ZeroLM) on ..."), as after a proposal verb."""
    out = []
    for verb in _WE_TRAIN.finditer(sentence):
        late = _LATE_BRACKET.match(sentence, verb.end())
        name = late.group("name") if late else None
        if (
            name
            and not _COMPARE_CUE.search(late.group("object"))
            and is_name_like(name)
            and _accept(name)
            and not is_known_method(name)
            and not any(d.short == name for d in definitions)
        ):
            out.append(_candidate(name, (name,), "train-bracket", sentence, 0.7))
    return out


#: "Thinned U-shape Modules", "the Affinity Loss": a part of the proposal written as a name
_CAPITAL_PART = re.compile(
    r"(?<![\w-])((?:[A-Z][a-z]*(?:-[\w]+)*\s+){1,5}(?:Module|Block|Loss)s?)(?![\w-])"
)


def _capital_parts(sentence: str) -> list[Candidate]:
    """Capitalised parts ending in Module/Block/Loss in a first-person sentence ("we feed the
    base feature into a block of alternating joint Thinned U-shape Modules and Feature Fusion
    Modules")."""
    out = []
    for m in _CAPITAL_PART.finditer(sentence):
        words = m.group(1).split()
        while words and words[0] in _DETERMINERS:
            words = words[1:]
        name = " ".join(words)
        if len(words) >= 2 and not is_known_method(name):
            out.append(_candidate(name, (name,), "propose-part", sentence, 0.6))
    return out


#: "a novel part-aware ": "a novel" and up to two lower-case modifiers before a capitalised name
_NEW_MODIFIED_NAME = re.compile(r"(?:a|an) (?:novel|new) ((?:[a-z][\w-]* ){0,2})(?=[A-Z])")
#: "a new layered network structure, " / "a novel approach, ": a lower-case description of
#: the proposed thing, its name after the comma
_DESCRIBED_THEN_NAMED = re.compile(
    r"(?:a|an)\s+(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*(?:,|\s+[–—-]|:)\s+(?=[A-Z])"
)
_NEW_WORD = re.compile(r"\s*(?:novel|new)\s")
#: "a simple, Plug-and-Play, zero-parameter strategy": one adjective before the comma describes
#: the noun further on, whose name the next word is not
_ADJECTIVE_ONLY = re.compile(
    r"(?:a|an)\s+(?:simple|novel|new|effective|efficient|general|generic|unified|flexible|powerful|"
    r"lightweight|robust|fast|scalable|versatile|principled|practical)(?:,|\s+[–—-]|:)"
)
#: "on a newly introduced synthetic dataset, MultiviewX,": a new thing described in lower case
#: and then named, whatever verb the first-person sentence has
_NEW_DESCRIBED = re.compile(
    r"\b(?:a|an) (?:new|newly (?:introduced|proposed|collected|constructed|created)) "
    r"(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*(?:,|\s+[–—-]|:)\s+(?=[A-Z])"
)


def _new_described(sentence: str) -> list[Candidate]:
    out = []
    for match in _NEW_DESCRIBED.finditer(sentence):
        named = _described_name(sentence, match.end(), new=True)
        if named:
            out.append(_candidate(named, (named,), "new-described", sentence, 0.75))
    return out


def _described_name(sentence: str, at: int, new: bool = False) -> str | None:
    """The coined name written at ``at``, after a lower-case description of the thing ("a new
    layered network structure, HDCGAN, that ..."), if it is one; after a description of a
    ``new`` thing, capitalised words too ("a novel pre-training objective, Layer Permutation
    Language Modeling, to ...")."""
    named = name_run(sentence, at)
    if (
        named
        and (
            any(_coined(w) for w in named.split())
            or (
                new
                and len(named.split()) >= 2
                and all(w[:1].isupper() for w in named.split())
                and not TASK_TAIL.search(named)
            )
        )
        and _accept(named)
        and not is_known_method(named)
        and _NAME_ENDS.match(sentence, at + len(named))
    ):
        return named
    return None


#: "Propose-Reduce", "Token-Recode": capitalised words joined by hyphens, coined as one name
_CAPITAL_COMPOUND = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)*-[A-Z][a-z]+")
#: where a name written after its description ends: a bracket, a comma, a relative clause
_NAME_ENDS = re.compile(r"\s*(?:[(,.;:]|$|\s(?:which|that|to|for|is|as)\b)")

_COINED_WORD = r"[A-Za-z][\w.+-]*[A-Z0-9][\w.+-]*"


def _coined(word: str) -> bool:
    """A coined name: name-like ("SliceGPT", "GPT-4") or capitalised words joined by a hyphen
    ("Restormer-Local", "Token-Recode"), where a possessive or a result claim puts it."""
    return is_name_like(word) or bool(_CAPITAL_COMPOUND.fullmatch(word))


#: "SparseInst ... achieves 40 FPS", "ScaleNet-P and ScaleNet-S outperform existing ...": the
#: subject of a result claim opening a sentence (after an adverbial phrase)
_RESULT_SUBJECT = AsciiFast(
    rf"^(?:[A-Z][^,]{{0,100}},\s+)?(?:[Oo]ur |[Tt]he proposed )?(?P<name>{_COINED_WORD})"
    rf"(?: (?:and|or) (?P<second>{_COINED_WORD}))?"
    r"(?: (?:models?|framework|method|network|detector|approach|system|architecture))?"
    # "SparseInst has extremely fast inference speed and achieves 40 FPS": a first clause
    r"(?:\s+(?:has|is|runs)\s[^,.;()]{0,60}?\s(?:and|while))?"
    r"\s+(?:(?:can|also|further|still|consistently|significantly|clearly)\s+)?"
    r"(?:achieves?|obtains?|reaches|attains?|sets?|yields?|outperforms?|surpass(?:es)?|"
    r"establishes|improves?|exceeds?|beats?|advances)\b"
)


#: "Our YOLOX-based model": a name written as a modifier is what the model is built on
_MODIFIER_TAIL = re.compile(r"-[a-z]{3,}$")


def _result_subject(sentence: str) -> list[Candidate]:
    """An unlisted coined name that opens a result claim is the paper's own method: abstracts
    report their own method's figures ("Omni-INR-GAN sets new records on the ImageNet dataset")."""
    match = _RESULT_SUBJECT.match(sentence)
    if not match:
        return []
    out = []
    for name in (match.group("name"), match.group("second")):
        if (
            name
            and _coined(name)
            and _accept(name)
            and not is_known_method(name)
            and not _MODIFIER_TAIL.search(name)
        ):
            out.append(Candidate(name, (name,), "result-subject", sentence, 0.7))
    return out


_PASSIVE_VERB = re.compile(r"(?:design|propos|develop|introduc|devis|present)ed\b")
#: "Coarse-to-fine Matching (CFM) is designed to ...", "a novel MaskScoreNet is developed":
#: a name introduced in the passive (present tense: "was proposed" is someone else's past work)
_PASSIVE = re.compile(
    r"\s+(?:is|are)\s+(?:(?:further|also|then|newly|specifically|carefully)\s+)?"
    r"(?:designed|proposed|developed|introduced|devised|presented)\b(?!\s+(?:by|in)\b)"
)


_PASSIVE_OPENING = re.compile(
    r"(?:In|Here,? in) (?:this|the present) (?:paper|work|study|article|report),\s+"
    rf"(?P<name>{_COINED_WORD})(?: (?:model|framework|method|network|approach|system))?"
)


def _passive(sentence: str, definitions: list) -> list[Candidate]:
    out = []
    for d in definitions:
        # "a Multi-Domain Model-Agnostic Meta-Learning (MDMAML) approach is proposed"
        thing = _THING_AFTER.match(sentence[d.end :])
        at = d.end + (thing.end() if thing else 0)
        if _PASSIVE.match(sentence, at) and _accept(d.long, d.short) and d.long[:1].isupper():
            out.append(Candidate(d.long, (d.long, d.short), "passive", sentence, 0.75))
    opening = _PASSIVE_OPENING.match(sentence)
    passive = _PASSIVE.match(sentence, opening.end()) if opening else None
    # ("In this paper, GPT-4o is proposed as a judge": a listed model given a role)
    if passive and not sentence.startswith(" as ", passive.end()):
        # "In this paper, FastTrack is proposed for crowded scenes": a coined name opening the
        # sentence, after a phrase that places it in this paper
        name = opening.group("name")
        if is_name_like(name) and _accept(name) and not is_known_method(name):
            out.append(Candidate(name, (name,), "passive", sentence, 0.7))
    for match in re.finditer(
        rf"\b(?:[Aa]n?|[Tt]he) (?:novel |new |proposed )?({_COINED_WORD})", sentence
    ):
        name = match.group(1)
        if (
            _PASSIVE.match(sentence, match.end())
            and is_name_like(name)
            and _accept(name)
            and not is_known_method(name)
        ):
            out.append(Candidate(name, (name,), "passive", sentence, 0.7))
    return out


#: "so-called", "the term": a naming word that cites a term in use
_NOT_A_NAMING = re.compile(r"(?:\bso-|\b(?:the|this|a)\s+)$")
#: "a pretrained network called X": a thing that exists before the paper, named by its name
_OTHERS_THING = re.compile(
    r"\b(?:pre-?trained|existing|popular|well-known|off-the-shelf|standard|famous|classic)\b"
)


def _named(sentence: str, definitions: list) -> list[Candidate]:
    """ "... called EcoFormer", "which we dub ``iterative Combinatorial Brain Surgeon'' (iCBS)",
    "a new detector, namely FastDet"."""
    out = []
    if "namely" in sentence:
        for match in _NEW_THING_NAMELY.finditer(sentence):
            name = name_run(sentence, match.end())
            if name and _accept(name) and any(is_name_like(w) for w in name.split()):
                out.append(_candidate(name, (name,), "named", sentence, 0.85))
    for naming in _NAMING.finditer(sentence):
        before = sentence[max(0, naming.start() - 60) : naming.start()]
        if _NOT_A_NAMING.search(before) and naming.group(0)[:4] in ("call", "term", "name"):
            # "the so-called "synthetic cells"", "using the term "small talk"": a term in use
            continue
        we_name = bool(_WE_NAMING.search(sentence[: naming.start()]) or " we " in naming.group(0))
        if not we_name and _OTHERS_THING.search(before) and not _NEW_BEFORE.search(before):
            # "It uses a pretrained Convolutional Neural Network (CNN) called InceptionV3"
            continue
        if we_name:
            # "which we call proximal policy optimization (PPO)": the authors' own name, even in lower case
            # (the shortest letter match may start a word late: extend it back to the verb)
            d = next(
                (
                    d
                    for d in definitions
                    if d.start >= naming.end()
                    and re.fullmatch(r"(?:[\w-]+ ){0,2}", sentence[naming.end() : d.start])
                ),
                None,
            )
            long = sentence[naming.end() : d.end].rsplit("(", 1)[0].strip() if d is not None else ""
            if (
                d is not None
                and long[:1].islower()
                and len(long.split()) >= 2
                and len(d.short) >= 2
                and long[:1] == d.short[:1].lower()
            ):
                out.append(
                    Candidate(
                        long,
                        (long, d.short),
                        "we-name-acronym",
                        sentence,
                        0.85,
                        classify_benchmark(long, sentence),
                    )
                )
                continue
        quoted = (
            _QUOTED.match(sentence, naming.end() - 1)
            if sentence[naming.end() - 1 : naming.end()] in "`\"“'"
            else None
        )
        quoted = quoted or _QUOTED.match(sentence, naming.end())
        if quoted:
            name, name_end = quoted.group(1).strip(), quoted.end()
        else:
            name = name_run(sentence, naming.end())
            name_end = naming.end() + len(name) if name else naming.end()
        if not quoted and (not name or not _accept(name)):
            lower = _lower_name_after(sentence, naming)
            if lower:
                out.append(_candidate(lower, (lower,), "named-lower", sentence, 0.75))
            continue
        if not name or not _accept(name):
            continue
        if not (
            quoted
            or any(is_name_like(w) for w in name.split())
            or len(name.split()) >= 2
            or re.match(r"\s*\(", sentence[name_end:])
            or (we_name and naming.start() > 0 and name[:1].isupper())
        ):
            # a single capitalised word counts only when "we" name it mid-sentence ("which we name Guanaco")
            continue
        if (
            not _FIRST_PERSON.search(sentence)
            and not _OWN_SUBJECT.match(sentence)
            and not re.search(r"\b(?:novel|new|proposed)\b", sentence)
        ):
            # "hence termed Expert-Designed Prompts": naming a category, not a contribution
            continue
        aliases = [name]
        paren = re.match(r"\s*\(([A-Za-z][\w-]{1,14})\)", sentence[name_end:])
        if paren:
            aliases.append(paren.group(1))
        # "named Mixing Regionally and Locally (MRL)": the run stops at "and", the definition not
        whole = next(
            (
                d
                for d in definitions
                if d.start == name_end - len(name) and d.long.startswith(name + " ")
            ),
            None,
        )
        if not quoted and whole is not None and _accept(whole.long, whole.short):
            name, aliases = whole.long, [whole.long, whole.short]
        out.append(
            _candidate(
                name,
                tuple(aliases),
                "named",
                sentence,
                0.85 if _FIRST_PERSON.search(sentence) else 0.75,
            )
        )
    return out


#: "a novel augmentation method ..., called 6D augmentation.": the name, lower-case, of a new
#: thing the sentence describes, two or three words ending the clause
_LOWER_NAME = re.compile(
    r"(?!(?:a|an|the|this|our|it)\b)([a-z0-9][\w-]*(?: [a-z][\w-]*){1,2})(?=\s*(?:[,.;(]|$))"
)
_NEW_BEFORE = re.compile(r"\b(?:a|an) (?:novel|new)\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:for|of|in|on|to|with|and|or|the|a|an)\s+$")


def _lower_name_after(sentence: str, naming: re.Match) -> str | None:
    """The lower-case name "called" / "named" / "termed" / "dubbed" gives a new thing the
    sentence introduced before it ("a novel auxiliary task called odd-one-out learning")."""
    match = _LOWER_NAME.match(sentence, naming.end())
    if not match or not _NEW_BEFORE.search(sentence, 0, naming.start()):
        return None
    name = match.group(1)
    if _PREPOSITION_BEFORE.search(sentence, max(0, naming.start() - 6), naming.start()):
        return None  # "a new dataset for named entity recognition": "named", an adjective
    if not _accept(name) or is_known_method(name) or TASK_TAIL.search(name):
        return None
    return name


#: "Our final SElf-supERvised (SEER) model": one adjective may stand between (searched over
#: the end of the text only)
_OUR_BEFORE = EndAnchored(r"\b[Oo]ur (?:proposed |new |final |full |best )?$")
#: "the innovative Hybrid Sparsification Modules (HSMs)"
_NOVEL_BEFORE = re.compile(r"\b(?:novel|new|innovative|proposed)\s+$")


def _ours(sentence: str, definitions: list) -> list[Candidate]:
    """ "our VQToken compresses ...", "Our latent diffusion models (LDMs)", "our token
    rearrangement method, Rotary Major Scan,", "a novel Sparse Depthwise Separable Convolution module"."""
    out = []
    for d in definitions:
        # "Our final SElf-supERvised (SEER) model": one adjective may stand between
        if _OUR_BEFORE.search(sentence[: d.start]):
            if _accept(d.long, d.short):
                out.append(_candidate(d.long, (d.long, d.short), "our-acronym", sentence, 0.8))
            elif own_acronym(d.long, d.short):
                # "Our graph convolutional network (GCN)": generic words, but a specific acronym of the authors'
                out.append(
                    _candidate(d.long, (d.long, d.short), "our-specific-acronym", sentence, 0.75)
                )
    start = scan_start(sentence, *_OUR_NAME_STEMS)
    for match in _OUR_NAME.finditer(sentence, start) if start is not None else ():
        name = name_run(sentence, match.end())
        if (
            name
            and _coined(name.split()[0])
            and _accept(name)
            and not _KNOWN_BASE.match(name)
            and not _NOT_OURS_AFTER.match(sentence[match.end() + len(name) :])
        ):
            out.append(_with_definition(name, match.end(), definitions, "our-name", sentence, 0.7))
    for pattern, need_thing, stems in (
        (_OUR_THING_NAMED, False, _OUR_THING_STEMS),
        (_NOVEL_THING, True, _NOVEL_THING_STEMS),
    ):
        start = scan_start(sentence, *stems)
        for match in pattern.finditer(sentence, start) if start is not None else ():
            name = name_run(sentence, match.end())
            if not name or not _accept(name):
                continue
            rest = sentence[match.end() + len(name) :]
            if need_thing and not _THING_AFTER.match(rest):
                continue
            if len(name.split()) >= 2 or is_name_like(name):
                rule = "our-thing" if not need_thing else "novel-thing"
                out.append(_with_definition(name, match.end(), definitions, rule, sentence, 0.75))
    for d in definitions:
        # "the innovative Hybrid Sparsification Modules (HSMs)"
        if _NOVEL_BEFORE.search(sentence[: d.start]) and _accept(d.long, d.short):
            out.append(_candidate(d.long, (d.long, d.short), "novel-acronym", sentence, 0.8))
    return out


#: "This paper describes the tokofou system, an ensemble model ...", "we describe the NLP-CIC
#: team's system": a shared task's system paper names the system it describes (one word, not
#: "our Fake News Detection system" or "the latest improvements to the IBM ... system")
_DESCRIBED_SYSTEM = re.compile(
    r"\b[Dd]escrib(?:e|es|ed|ing) (?:the|our) (?P<name>[A-Za-z][\w+-]{2,}) "
    r"(?:(?:team's |team’s )?system|submission|entry)\b(?P<apposition>,? an? )?"
)
#: the cheap first test for it
_DESCRIBED_SYSTEM_CUE = re.compile(r"escrib\w* (?:the|our) ")
#: words of a system's description, not its name ("the proposed system", "our hybrid system")
_NOT_SYSTEM_NAME = re.compile(
    r"(?:al|ed|ive|ic|ous|ing|ary|ful|less|ar|ent|ant|ble)$|^(?:hybrid|baseline|whole|final|"
    r"overall|complete|entire|joint|best|same|new|main|full|first|second|third|last|base|top)$"
)


def _described_system(sentence: str) -> list[Candidate]:
    """ "This paper describes the tokofou system, an ensemble model for ...": the system a
    sentence describes by its one-word name is the paper's own; a lower-case name only with an
    apposition saying what it is (not "the dialogue system")."""
    out = []
    for match in _DESCRIBED_SYSTEM.finditer(sentence):
        name = match.group("name")
        if name[:1].islower() and not (
            match.group("apposition") and name.isalpha() and not _NOT_SYSTEM_NAME.search(name)
        ):
            continue
        if name[:1].isupper() and not is_name_like(name):
            continue
        if _accept(name) and not is_known_method(name):
            out.append(_candidate(name, (name,), "described-system", sentence, 0.75))
    return out


#: "temporal segment network (TSN), a novel framework", "X (ACR) is a new ...": an apposition
#: that calls the defined thing new
_NEW_APPOSITION = re.compile(r"(?:\s*,\s+|\s+(?:is|are)\s+)(?:a|an)\s+(?:novel|new)\b")


#: "OpenAI's ChatGPT chatbot": another organisation's thing, up to two words after its name
_OTHERS_POSSESSIVE = re.compile(r"\b[A-Z][\w-]*['’]s\s+(?:[\w-]+\s+){0,2}$")


def _defined_as_new(sentence: str, definitions: list) -> list[Candidate]:
    """ "Our first contribution is temporal segment network (TSN), a novel framework for ...":
    a definition the sentence calls new is the paper's own, its long form in lower case too
    (unless the sentence sets it against others: "unlike X (ACR), a new ...")."""
    out = []
    for d in definitions:
        if not _NEW_APPOSITION.match(sentence, d.end) or _COMPARE_CUE.search(sentence, 0, d.start):
            continue
        if _OTHERS_POSSESSIVE.search(sentence, max(0, d.start - 40), d.start):
            continue  # "OpenAI's ChatGPT chatbot (ChatGPT) is a new large language model"
        if _accept(d.long, d.short) or own_acronym(d.long, d.short):
            out.append(_candidate(d.long, (d.long, d.short), "new-apposition", sentence, 0.8))
    return out


#: "First, ", "Second, ", "(ii) ": a sentence that enumerates the parts of the paper's method
_ENUMERATOR = re.compile(
    r"(?:First(?:ly)?|Second(?:ly)?|Third(?:ly)?|\(?(?:[1-4]|i{1,3}|iv)\))[,:]?\s+"
)


_ENUMERATED_ARTICLE = re.compile(r"(?:An?|The|Our)\s+")


def _enumerated_component(sentence: str, start: int, definitions: list) -> list[Candidate]:
    """ "First, Dynamic Token Merging (DToMe) reduces ... Second, Virtual Token Unmerging (VTU)
    simulates ...": an unlisted named part opening an enumerating sentence is the paper's own."""
    out = []
    article = _ENUMERATED_ARTICLE.match(sentence, start)
    for d in definitions:
        if (
            (d.start == start or (article is not None and d.start == article.end()))
            # "(ii) A refined part pooling (RPP) method.": a lower-case one before its noun
            and (
                _CAPITAL_AFTER_FIRST.search(d.long)
                or (article is not None and _THING_AFTER.match(sentence[d.end :]))
            )
            and _accept(d.long, d.short)
            and not is_known_method(d.short)
            and not is_known_method(d.long)
        ):
            out.append(_candidate(d.long, (d.long, d.short), "enumerated-component", sentence, 0.7))
    return out


_CAPITAL_AFTER_FIRST = re.compile(r"\s[A-Z]")

#: "BoningKnife consists of two modules, MentionTagger and TypeClassifier.": the parts a
#: proposed name is made of, named right after the verb
_MADE_OF = re.compile(
    r"^(?:The |Our )?(?P<own>[\w.+-]+)(?: (?:architecture|model|network|framework|method))? "
    r"(?:consists? of|is (?:comprised|composed|made up) of|comprises)\b"
)
_COINED_TOKEN = re.compile(r"(?<![\w-])[A-Za-z][\w-]*[A-Z][\w-]*")


def components_of(sentence: str, own_names: set[str]) -> list[Candidate]:
    """Coined names of the parts of a proposal ("X consists of two modules, A and B"); names
    of the vocabulary (a pre-trained ResNet50 it is built from) are used, not proposed."""
    words = sentence.split(None, 2)
    if len(words) < 2 or (words[1] if words[0] in ("The", "Our") else words[0]) not in own_names:
        return []  # the cheap first test: the sentence opens with the paper's own name
    match = _MADE_OF.match(sentence)
    if not match or match.group("own") not in own_names:
        return []
    out = []
    for token in _COINED_TOKEN.finditer(sentence, match.end()):
        name = token.group(0).rstrip("-")
        # ("a mini-UNet": a listed method with a modifier is still the listed one)
        if is_name_like(name) and _accept(name) and not is_known_method(name.split("-")[-1]):
            out.append(_candidate(name, (name,), "component-of", sentence, 0.7))
    return out


#: "Specifically, PoseAug introduces a novel pose augmentor": the paper's own name as the subject
#: of a proposal verb proposes what follows, as "we" would
_OWN_PROPOSES = re.compile(
    r"^(?:[A-Z][\w-]*(?: [\w-]+){0,3},\s+)?(?:The |Our )?(?P<own>[\w.+-]+)"
    r"(?: (?:model|framework|method|network|approach|architecture|system))?"
    r" (?:(?:also|further|then|additionally|first|next) )?"
    r"(?P<verb>introduces|proposes|presents|develops|designs|devises|constructs)\b"
)


def own_subject_proposals(sentence: str, own_names: set[str]) -> list[Candidate]:
    """What the paper's own method, as the subject of a proposal verb, introduces ("Moreover,
    PoseAug introduces a novel part-aware Kinematic Chain Space"): read as "we introduce ..."."""
    if not any(
        map(
            sentence.__contains__,
            ("introduces", "proposes", "presents", "develops", "designs", "devises", "constructs"),
        )
    ):
        return []  # the cheap first test
    match = _OWN_PROPOSES.match(sentence)
    if not match or match.group("own") not in own_names:
        return []
    own = {n.lower() for n in own_names}
    return [
        replace(c, evidence=sentence)
        for c in from_sentence("We " + sentence[match.start("verb") :])
        if c.name.lower() not in own and c.rule != "result-subject"
    ]


#: "github.com/jfzhang95/PoseAug": the repository a paper's code is released in, by its name
_REPOSITORY = re.compile(r"github\.com/\s*[\w.-]+/\s*([\w-]+)")
_REPOSITORY_SENTENCE = re.compile(r"(?i)\b(?:code|github|available|released|project page)\b")


def from_repository(sentences: list[str]) -> list[Candidate]:
    """A coined name the abstract writes, that its code repository is named after ("... PoseAug
    brings clear improvements ... Code: https://github.com/jfzhang95/PoseAug"): the paper's own
    (its mentions outside the sentences that point to the code)."""
    repos = {
        m.group(1).lower()
        for s in sentences
        if "github" in s
        for m in _REPOSITORY.finditer(s)
        if len(m.group(1)) >= 3
    }
    if not repos:
        return []
    out = []
    for sentence in sentences:
        lowered = sentence.lower()
        # (the cheap first test: the sentence writes some repository's name)
        if not any(map(lowered.__contains__, repos)) or _REPOSITORY_SENTENCE.search(sentence):
            continue
        for token in _COINED_TOKEN.finditer(sentence):
            name = token.group(0).rstrip("-")
            if (
                name.lower() in repos
                and is_name_like(name)
                and _accept(name)
                and not is_known_method(name)
            ):
                repos.discard(name.lower())
                out.append(Candidate(name, (name,), "repository-name", sentence, 0.7))
    return out


#: "The main contributions lie in the Attention Complementary Module (ACM) and ...": what the
#: paper states as its contribution
_CONTRIBUTION = re.compile(
    r"\b(?:[Oo]ur|[Tt]he|[Tt]his (?:paper|work)'s) (?:\w+ )?contributions? (?:of this (?:paper|work) )?"
    r"(?:lies?|is|are|includes?|consists? of)\b"
)


def _contribution(sentence: str, definitions: list) -> list[Candidate]:
    """Named definitions after "our (main) contribution(s) lie in / is / are"."""
    cue = _CONTRIBUTION.search(sentence)
    if not cue:
        return []
    return [
        _candidate(d.long, (d.long, d.short), "contribution", sentence, 0.75)
        for d in definitions
        if d.start >= cue.end()
        and _CAPITAL_AFTER_FIRST.search(d.long)
        and _accept(d.long, d.short)
        and not is_known_method(d.short)
        and not _COMPARE_CUE.search(sentence, cue.end(), d.start)
    ]


def own_acronym(long: str, short: str) -> bool:
    """A lower-case long form of generic words whose acronym is not itself a generic one.

    >>> own_acronym("graph convolutional network", "GCN"), own_acronym("large language model", "LLM")
    (True, False)
    """
    if len(short) < 3 or len(long.split()) < 2 or len(long.split()) > 6 or not long[:1].islower():
        return False
    return not is_generic(short) and not is_generic(short, short) and is_generic(long)


def _with_definition(
    name: str, start: int, definitions: list, rule: str, sentence: str, confidence: float
) -> Candidate:
    """The full long form when the name run is the start of "Long Name after X (ACR)"."""
    for d in definitions:
        if d.start == start and d.long.startswith(name):
            return _candidate(d.long, (d.long, d.short), rule, sentence, confidence)
    return _candidate(name, (name,), rule, sentence, confidence)


def _candidate(
    name: str, aliases: tuple[str, ...], rule: str, sentence: str, confidence: float
) -> Candidate:
    return Candidate(name, aliases, rule, sentence, confidence, classify_benchmark(name, sentence))


def _title_definition(d, title: str, confidence: float) -> Candidate:
    """The method a title defines with its acronym ("Long Name (LN)"), as a title-prefix candidate."""
    return Candidate(
        d.long,
        (d.long, d.short),
        "title-prefix",
        title,
        confidence,
        classify_benchmark(d.long, title),
    )

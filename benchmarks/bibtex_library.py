"""A synthetic BibTeX / BibLaTeX library in the shapes real exports take, for the parse benchmark.

Entries cycle through what Zotero, Mendeley and Google Scholar write: LaTeX accents and braced
capitals, ``@string`` macros joined with ``#``, BibLaTeX ``date`` and ``eprint``/``eprinttype``,
DOIs written as URLs, ``and others``, empty and repeated citation keys, and abstracts of a few
hundred words.
"""

from __future__ import annotations

STRINGS = '@string{neurips = "Advances in Neural Information Processing Systems"}\n@string{jmlr = "Journal of " # "Machine Learning Research"}\n\n'
ABSTRACT = (
    "We study how {L}arge {L}anguage {M}odels generalise beyond their training distribution. "
    "Our experiments on 12 benchmarks show gains of 3.2\\% over strong baselines. "
) * 6

SHAPES = (
    "@article{{vaswani{i},\n  title = {{Attention Is All You Need, part {i}}},\n"
    "  author = {{Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and others}},\n"
    "  journal = neurips,\n  year = {{2017}},\n  doi = {{https://doi.org/10.5555/{i}.3295349}},\n"
    "  abstract = {{{abstract}}}\n}}\n",
    "@online{{,\n  title = {{{{BERT}}: Pre-training of Deep Bidirectional Transformers {i}}},\n"
    "  author = {{Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina}},\n"
    "  date = {{2018-10-11}},\n  eprint = {{1810.{n:05d}}},\n  eprinttype = {{arXiv}},\n"
    "  url = {{http://arxiv.org/abs/1810.{n:05d}}},\n  abstract = {{{abstract}}}\n}}\n",
    '@inproceedings{{dup,\n  title = {{Deep Residual Learning f{{\\"u}}r Image Recognition {i}}},\n'
    "  author = {{He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian}},\n"
    "  booktitle = {{Proceedings of the {{IEEE}} Conference on Computer Vision}},\n"
    "  year = {{May 2016}},\n  pages = {{770--778}},\n  abstract = {{{abstract}}}\n}}\n",
    "@article{{k{i},\n  title = {{A Survey of Graph Neural Networks {i}}},\n"
    "  author = {{Jean C{{\\'e}}sar and Zhou, Jie and Cui, Ganqu}},\n  journal = jmlr,\n"
    '  year = "2020",\n  volume = {{21}},\n  doi = {{10.1016/j.aiopen.2021.{i}}},\n'
    "  abstract = {{{abstract}}}\n}}\n",
)


def library(entries: int) -> str:
    """A BibTeX library of ``entries`` entries, every title distinct."""
    out = [STRINGS]
    for i in range(entries):
        shape = SHAPES[i % len(SHAPES)]
        out.append(shape.format(i=i, n=i % 99999 + 1, abstract=ABSTRACT) + "\n")
    return "".join(out)

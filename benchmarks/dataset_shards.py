"""Synthetic Semantic Scholar dataset shards in the published samples' format
(../shared/real-world/s2-datasets-samples/): papers, citations, authors, abstracts, tldrs.

Papers ``1..listed`` are the listed ones (arXiv ``2401.NNNNN`` = the index, DOI ``10.1000/lN``
for odd ones); ``touching`` citations have one end among them and the other among the first
``core`` papers, every other citation joins two unlisted papers beyond the core, so the
neighbourhood of the listed papers stays the same however large the shards grow. Every
``null_every``-th citation has a null ``citedcorpusid``, as in S2's own sample.

    write_shards(Path("shards"), papers=10_000, citations=100_000, listed=100)
"""

from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ShardSpec:
    papers: int
    citations: int
    listed: int
    touching: int
    core: int
    null_every: int


def sha(i: int) -> str:
    return f"{i * 2654435761 % (1 << 160):040x}"


def arxiv(i: int) -> str:
    """The arXiv id of listed paper ``i`` (1-based corpus id)."""
    return f"2401.{i:05d}"


def write_shards(
    directory: Path,
    papers: int,
    citations: int,
    listed: int,
    touching: int | None = None,
    core: int | None = None,
    shards: int = 2,
    null_every: int = 50,
    seed: int = 1,
) -> ShardSpec:
    directory = Path(directory)
    touching = min(citations, touching if touching is not None else listed * 8)
    core = min(papers, core if core is not None else max(listed * 5, 1000))
    rng = random.Random(seed)
    _write(directory / "papers", "papers", shards, papers, lambda k: _paper(k + 1, listed, rng))
    filler_low = core + 1 if core < papers else listed + 1

    def citation(k: int) -> str:
        if k % null_every == null_every - 1:
            return _citation(rng.randint(1, papers), None, rng)
        if k < touching:
            mine, other = rng.randint(1, listed), rng.randint(1, core)
            a, b = (mine, other) if k % 2 else (other, mine)
        else:
            a, b = rng.randint(filler_low, papers), rng.randint(filler_low, papers)
        return _citation(a, b, rng)

    _write(directory / "citations", "citations", shards, citations, citation)
    authors = min(papers, core) * 2
    _write(directory / "authors", "authors", 1, authors, lambda k: _author(1_000_000 + k))
    _write(directory / "abstracts", "abstracts", 1, min(papers, core), lambda k: _abstract(k + 1))
    _write(directory / "tldrs", "tldrs", 1, min(papers, core), lambda k: _tldr(k + 1))
    return ShardSpec(papers, citations, listed, touching, core, null_every)


def _write(directory: Path, name: str, shards: int, rows: int, make) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    per = -(-rows // shards) if rows else 0
    for s in range(shards):
        with gzip.open(
            directory / f"{name}-{s:03d}.jsonl.gz", "wt", compresslevel=1, encoding="utf-8"
        ) as out:
            for k in range(s * per, min(rows, (s + 1) * per)):
                out.write(make(k))
                out.write("\n")


def _paper(i: int, listed: int, rng: random.Random) -> str:
    is_listed = i <= listed
    ext = {
        "ACL": None, "DBLP": None, "ArXiv": arxiv(i) if is_listed else None, "MAG": str(3_000_000_000 + i),
        "CorpusId": str(i), "PubMed": None, "DOI": f"10.1000/L{i}" if is_listed and i % 2 else None,
        "PubMedCentral": None,
    }  # fmt: skip
    row = {
        "corpusid": i,
        "externalids": ext,
        "url": f"https://www.semanticscholar.org/paper/{sha(i)}",
        "title": f"Synthetic paper {i} on {rng.choice(('graphs', 'attention', 'diffusion', 'agents'))}",
        "authors": [
            {"authorId": str(1_000_000 + (2 * i + k) % 2_000_000), "name": f"Author {2 * i + k}"}
            for k in range(2)
        ],
        "venue": "",
        "publicationvenueid": None,
        "year": 2000 + i % 25,
        "referencecount": 8,
        "citationcount": 8,
        "influentialcitationcount": 1,
        "isopenaccess": False,
        "s2fieldsofstudy": [{"category": "Computer Science", "source": "s2-fos-model"}],
        "publicationtypes": None,
        "publicationdate": None,
        "journal": {"name": "", "pages": None, "volume": ""},
        "updated": "2022-01-27T02:09:51.713Z",
    }
    return json.dumps(row, separators=(",", ":"))


def _citation(a: int, b: int | None, rng: random.Random) -> str:
    contexts = None if rng.random() < 0.7 else [f"As shown in [{a % 97}], paper {b} matters."]
    intents = None if contexts is None else ["background"]
    row = {
        "citingcorpusid": str(a),
        "citedcorpusid": None if b is None else str(b),
        "isinfluential": a % 11 == 0,
        "contexts": contexts,
        "intents": intents,
        "updated": "2020-09-13T15:59:00.392Z",
    }
    return json.dumps(row, separators=(",", ":"))


def _author(aid: int) -> str:
    row = {
        "authorid": str(aid), "externalids": None, "url": f"https://www.semanticscholar.org/author/{aid}",
        "name": f"Author {aid - 1_000_000}", "aliases": None, "affiliations": None, "homepage": None,
        "papercount": 3, "citationcount": 10, "hindex": 2, "updated": "2021-04-28T11:14:39.946Z",
    }  # fmt: skip
    return json.dumps(row, separators=(",", ":"))


def _abstract(i: int) -> str:
    row = {"corpusid": i, "openaccessinfo": {"externalids": {}, "license": None, "url": None, "status": None},
           "abstract": f"Abstract of synthetic paper {i}."}  # fmt: skip
    return json.dumps(row, separators=(",", ":"))


def _tldr(i: int) -> str:
    return json.dumps(
        {"corpusid": i, "model": "tldr@v2.0.0", "text": f"TLDR {i}."}, separators=(",", ":")
    )

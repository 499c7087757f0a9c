"""What a knowledge base holds: counts per label and type, papers per year, enrichment state."""

from __future__ import annotations

from kg.graph import Graph
from kg.model import NODE_MODELS, RELATIONSHIP_MODELS


def graph_stats(kb: Graph) -> dict[str, dict[str, int]]:
    """Counts as plain dicts, ready for JSON.

    >>> from kg.examples import example_graph
    >>> graph_stats(example_graph())["nodes"]
    {'Paper': 4, 'Author': 3, 'Method': 2, 'Benchmark': 2}
    """
    nodes = {
        m.label: kb.cypher(f"MATCH (n:{m.label}) RETURN count(n) AS n")[0]["n"] for m in NODE_MODELS
    }
    rels = {
        m.type: kb.cypher(f"MATCH ()-[r:{m.type}]->() RETURN count(r) AS n")[0]["n"]
        for m in RELATIONSHIP_MODELS
    }
    years = kb.cypher(
        "MATCH (p:Paper) WHERE p.listed = true RETURN p.year AS year, count(p) AS n ORDER BY year"
    )
    status = kb.cypher(
        "MATCH (p:Paper) WHERE p.listed = true "
        "RETURN coalesce(p.s2_status, 'not tried') AS status, count(p) AS n ORDER BY status"
    )
    return {
        "nodes": nodes,
        "relationships": rels,
        "listed_papers_per_year": {str(r["year"] or "unknown"): r["n"] for r in years},
        "listed_papers_by_s2_status": {r["status"]: r["n"] for r in status},
    }

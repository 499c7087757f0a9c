"""The report's data and HTML on both stores: numbers equal graph_stats, text escaped."""

from __future__ import annotations

import json
import re

import pytest
from report_graphs import synthetic_graph
from view_graphs import XSS_ATTR, XSS_TITLE, listed_only_graph, small_graph

from kg.report import report
from kg.report.data import gather, numbers
from kg.stats import graph_stats


def test_numbers_are_those_of_graph_stats(store):
    kb = synthetic_graph(store, papers=150)
    data = gather(kb)
    stats = graph_stats(kb)
    assert data.stats == stats
    assert data.numbers == numbers(stats)
    assert data.numbers["papers listed"] == sum(stats["listed_papers_by_s2_status"].values()) > 0
    assert (
        data.numbers["other papers (cited or citing)"]
        == stats["nodes"]["Paper"] - data.numbers["papers listed"]
    )
    states = {s.state: s for s in data.enrichment}
    assert states["matched"].count == stats["listed_papers_by_s2_status"]["ok"]
    rejected = states["rejected: title mismatch"]
    assert (
        rejected.count
        == stats["listed_papers_by_s2_status"]["rejected:title_mismatch"]
        == len(rejected.papers)
    )
    assert sum(b.value for b in data.per_year) == sum(
        r["n"] for r in kb.cypher("MATCH (p:Paper) WHERE p.year IS NOT NULL RETURN count(p) AS n")
    )
    assert sum(b.value for b in data.citation_histogram) == stats["nodes"]["Paper"]
    assert data.influential and data.communities and data.leaderboards and data.top_authors
    assert sum(c.size for c in data.communities) <= stats["nodes"]["Paper"]
    for board in data.leaderboards:
        assert board.rows and all(r.value is not None for r in board.rows)


def test_same_report_data_on_both_stores(embedded_store, neo4j_store):
    def comparable(store):
        data = gather(synthetic_graph(store, papers=120))
        data.communities = sorted(c.size for c in data.communities)  # ids are a Louvain labelling
        return data

    embedded, neo4j = comparable(embedded_store), comparable(neo4j_store)
    assert embedded.numbers == neo4j.numbers
    assert embedded.enrichment == neo4j.enrichment
    assert embedded.per_year == neo4j.per_year
    assert embedded.citation_histogram == neo4j.citation_histogram
    assert embedded.top_cited == neo4j.top_cited
    assert embedded.methods == neo4j.methods
    assert [b.key for b in embedded.leaderboards] == [b.key for b in neo4j.leaderboards]


def test_hostile_titles_are_escaped_in_the_html(embedded_store):
    html = report(small_graph(embedded_store)).html
    body = html.split("<script>")[0] + html.split("</script>")[-1]  # outside the inlined scripts
    assert XSS_TITLE not in html and XSS_ATTR not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    specs = re.search(r"var specs = (\{.*?\});\n", html).group(1)
    assert "<" not in specs and json.loads(specs)  # tojson: \u003c, still valid JSON


def test_offline_listing_says_what_is_missing(embedded_store):
    page = report(listed_only_graph(embedded_store)).html
    assert "run `kg analyze`" in page and "`kg enrich` fetches them" in page
    assert 'data-chart="per-year"' in page and 'data-empty="top-cited"' in page


@pytest.mark.parametrize("views", [False, True])
def test_view_links_point_at_written_views(embedded_store, tmp_path, views):
    from kg.views import write_all

    kb = small_graph(embedded_store)
    if views:
        write_all(kb, tmp_path)
    html = report(kb, views_dir=tmp_path).html
    assert ('href="citations.html"' in html) is views
    assert ("<code>kg viz citations</code>" in html) is not views


def test_inlined_vega_bundle_is_vl_converts_for_altairs_vega_lite():
    import altair
    import vl_convert

    from kg.report import ASSETS, VEGA_JS

    asset = (ASSETS / VEGA_JS).read_text(encoding="utf-8")
    header, body = asset.split("\n", 1)
    schema = altair.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]  # v6.4.1 -> 6.4
    assert f"vega-lite {schema}," in header, (header, altair.SCHEMA_VERSION)
    assert body == vl_convert.javascript_bundle(vl_version=schema), "run tools/vendor_vega.py"

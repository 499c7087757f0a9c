"""The report's plots as Vega-Lite specs, built with altair (drawn in the page by vega-embed).

Each :class:`Chart` carries its spec (a plain dict, data inlined) and the number of marks it
draws, which the browser tests compare with the bars they find in the chart's SVG. Colours are
Vega's ``tableau10``, the palette of the network views.

>>> chart = bar_chart("top", "Top", [Bar("A", 3), Bar("B", 1)], "citations")
>>> chart.marks, chart.spec["mark"]["type"]
(2, 'bar')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.report.data import Bar, ReportData

if TYPE_CHECKING:
    import altair as alt

#: plot-area widths (axis labels come on top): vertical bars, horizontal bars
WIDTH = 420
BAR_WIDTH = 250
BAR_HEIGHT = 18
#: characters of a bar's label on the axis (the tooltip has it whole)
AXIS_LABEL = 44
SERIES_COLOURS = {
    "listed": "#4e79a7",
    "other (cited or citing)": "#a0cbe8",
    "proposed": "#2f7d32",
    "used": "#8cc084",
}
CONFIG = {
    "font": "system-ui, -apple-system, Segoe UI, sans-serif",
    "view": {"stroke": None},
    "axis": {"labelColor": "#52606d", "titleColor": "#52606d", "gridColor": "#eef1f4"},
    "legend": {"orient": "bottom", "labelColor": "#52606d", "titleColor": "#52606d"},
}


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    spec: dict[str, Any]
    #: bars drawn (0: the chart is replaced by ``empty``)
    marks: int
    #: what the page says instead of an empty chart
    empty: str = ""


def _rows(bars: list[Bar]) -> list[dict[str, Any]]:
    rows = []
    for i, bar in enumerate(bars):
        label = " ".join(bar.label.split())
        short = label if len(label) <= AXIS_LABEL else label[: AXIS_LABEL - 1].rstrip() + "…"
        row = {
            "order": i,
            "label": label,
            "short": f"{i + 1}. {short}",
            "value": bar.value,
            "series": bar.series,
        }
        row.update({k: v for k, v in bar.extra.items() if v is not None})
        rows.append(row)
    return rows


def _spec(chart: alt.TopLevelMixin, width: int = WIDTH) -> dict[str, Any]:
    spec = chart.properties(width=width).to_dict()
    spec.pop("$schema", None)
    spec["config"] = {**CONFIG, **spec.get("config", {})}
    return spec


def _series_colour(bars: list[Bar]) -> alt.Color:
    import altair as alt

    names = list(dict.fromkeys(b.series for b in bars))
    return alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=names, range=[SERIES_COLOURS.get(n, "#bab0ac") for n in names]),
    )


def bar_chart(
    chart_id: str, title: str, bars: list[Bar], value_title: str, empty: str = ""
) -> Chart:
    """Horizontal bars in the given order, one per item, hover for the whole label and extras.
    Bars that are all zero say ``empty`` instead (an offline graph has no citation counts)."""
    import altair as alt  # here, not at the top: every `kg` command imports this module

    if not any(b.value for b in bars):
        bars = []
    rows = _rows(bars)
    extras = sorted({k for b in bars for k in b.extra})
    tooltip = [alt.Tooltip("label:N", title="name"), alt.Tooltip("value:Q", title=value_title)]
    tooltip += [alt.Tooltip(f"{k}:N", title=k) for k in extras]
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(color="#4e79a7")
        .encode(
            y=alt.Y(
                "short:N",
                sort=alt.EncodingSortField("order"),
                title=None,
                axis=alt.Axis(labelLimit=320),
            ),
            x=alt.X("value:Q", title=value_title),
            tooltip=tooltip,
        )
        .properties(height=max(BAR_HEIGHT * len(rows), 40))
    )
    return Chart(chart_id, title, _spec(chart, BAR_WIDTH), len(rows), empty)


def series_chart(
    chart_id: str,
    title: str,
    bars: list[Bar],
    x_title: str,
    y_title: str,
    *,
    x_order: list[str],
    empty: str = "",
) -> Chart:
    """Vertical bars stacked by series (listed / other papers) over ordered categories."""
    import altair as alt

    chart = (
        alt.Chart(alt.Data(values=_rows(bars)))
        .mark_bar()
        .encode(
            x=alt.X("label:O", sort=x_order, title=x_title, axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("value:Q", title=y_title, stack="zero"),
            color=_series_colour(bars),
            tooltip=[
                alt.Tooltip("label:N", title=x_title),
                alt.Tooltip("series:N", title="papers"),
                alt.Tooltip("value:Q", title=y_title),
            ],
        )
        .properties(height=220)
    )
    return Chart(chart_id, title, _spec(chart), len(bars), empty)


def community_chart(data: ReportData) -> Chart:
    bars = [Bar(f"community {c.community}: {', '.join(c.terms)}", c.size) for c in data.communities]
    return bar_chart(
        "communities", "Communities: size and frequent title terms", bars, "papers",
        empty="No communities yet: run `kg analyze` to find them.",
    )  # fmt: skip


def charts(data: ReportData) -> list[Chart]:
    """Every plot of the report, in page order."""
    years = sorted({b.label for b in data.per_year}, key=int)
    bins = [b.label for b in sorted(data.citation_histogram, key=lambda b: int(b.key))]
    proposed = [b for b in data.methods if b.series == "proposed"]
    used = [b for b in data.methods if b.series == "used"]
    return [
        series_chart(
            "per-year", "Papers per year", data.per_year, "year", "papers", x_order=years,
            empty="No paper has a year.",
        ),
        series_chart(
            "citations", "Citation counts (bins on a log scale)", data.citation_histogram,
            "citations per paper", "papers", x_order=list(dict.fromkeys(bins)),
            empty="No paper has a citation count yet: `kg enrich` fetches them from Semantic Scholar.",
        ),
        bar_chart(
            "top-cited", "Most cited listed papers", data.top_cited, "citations",
            empty="No citation counts yet: `kg enrich` fetches them from Semantic Scholar.",
        ),
        bar_chart(
            "influential", "Most influential papers (PageRank)", data.influential, "PageRank",
            empty="No PageRank yet: run `kg analyze` to compute it.",
        ),
        bar_chart(
            "authors", "Authors with the most listed papers", data.top_authors, "listed papers",
            empty="No authors yet: `kg enrich` fetches them from Semantic Scholar.",
        ),
        bar_chart(
            "proposed", "Methods most proposed", proposed, "papers proposing it",
            empty="No proposed method was extracted.",
        ),
        bar_chart("used", "Methods most used", used, "papers using it", empty="No used method was extracted."),
        community_chart(data),
    ]  # fmt: skip


__all__ = ["Chart", "charts", "bar_chart", "series_chart"]

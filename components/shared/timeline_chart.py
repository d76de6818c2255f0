"""The timeline figure of a view: every event on its lane when there are few enough to draw,
counts per week or month when there are not. The Timeline page draws it; the Export page
saves it as HTML and PNG.
"""

from __future__ import annotations

import plotly.graph_objects as go

from components.frame.page import Context
from components.shared.charts import (
    heat_strip_figure,
    timeline_figure,
)
from newsdesk.contract.schema import EVENT_TYPES
from newsdesk.view.periods import bands
from newsdesk.view.prepared import PREPARED
from newsdesk.view.queries import counts_per_period
from newsdesk.view.timeline_rows import timeline_rows

MAX_MARKERS = 5_000  # above this the timeline shows counts, not single events


def aggregation_unit(ctx: Context) -> str | None:
    """ "week" or "month" when the view has too many events to draw one by one and the
    timeline shows counts per that unit instead; None when it draws every event."""
    if len(ctx.events) <= MAX_MARKERS:
        return None
    return "week" if _span_days(ctx) <= 2 * 366 else "month"


def build_timeline(ctx: Context, lanes: str = "type") -> tuple[go.Figure, str | None]:
    """The timeline figure of the view, and the unit ("week"/"month") when there are too many
    events to draw one by one and it shows counts instead (None otherwise). The page draws it;
    the Export page saves it as HTML and PNG."""
    type_labels = {k: ctx.t(f"type.{k}") for k in EVENT_TYPES}
    band_labels = {p.period_id: ctx.t(f"band.{p.period_id}") for p in bands()}
    unit = aggregation_unit(ctx)
    if unit:
        counts = counts_per_period(ctx.events, "W" if unit == "week" else "M")
        fig = heat_strip_figure(
            counts, type_labels, ctx.t("timeline.count"), bands(), band_labels, ctx.rtl
        )
        return fig, unit
    rows = timeline_rows(
        ctx.events, ctx.data.lookups, ctx.lang, lanes, ctx.strings, ctx.data.mentions
    )
    order = [type_labels[k] for k in EVENT_TYPES if type_labels[k] in set(rows["lane"])]
    if lanes == "person":
        order = list(rows["lane"].value_counts().index)
    return timeline_figure(rows, type_labels, bands(), band_labels, order, ctx.rtl), None


def _span_days(ctx: Context) -> int:
    dates = ctx.events[PREPARED.date]  # min and max skip missing dates: no copy of the column
    return int((dates.max() - dates.min()).days) if dates.notna().any() else 0

"""Charts as PNG pictures, for the Word document (which has no native charts that python-docx
can write). Drawn with matplotlib's object interface (no global state, safe in a worker) in
DejaVu Sans, matplotlib's own font, which carries every Kazakh letter."""

from __future__ import annotations

import io

from kopir.reports.document import Chart, Table
from kopir.reports.svg import PALETTE


def chart_png(chart: Chart, table: Table) -> bytes:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    labels, series = chart.data(table)
    tall = chart.kind == "bar"
    figure = Figure(figsize=(6.4, max(2.6, 0.32 * len(labels) + 1) if tall else 3.2), dpi=150)
    axes = figure.add_subplot()
    positions = list(range(len(labels)))
    width = 0.8 / (1 if chart.stacked or chart.kind == "line" else max(len(series), 1))
    base = [0] * len(labels)
    for n, (name, values) in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        if chart.kind == "line":
            axes.plot(positions, values, marker="o", color=colour, label=name)
        elif chart.kind == "bar":
            shifted = [p + n * width for p in positions]
            axes.barh(shifted, values, height=width, color=colour, label=name)
        else:
            shift = 0 if chart.stacked else n * width
            axes.bar(
                [p + shift for p in positions],
                values,
                width=width,
                bottom=base,
                color=colour,
                label=name,
            )
            if chart.stacked:
                base = [b + v for b, v in zip(base, values, strict=True)]
    if chart.kind == "bar":
        axes.set_yticks([p + width * (len(series) - 1) / 2 for p in positions], labels)
        axes.invert_yaxis()
    else:
        offset = 0 if chart.stacked or chart.kind == "line" else width * (len(series) - 1) / 2
        rotate = len(labels) > 6
        axes.set_xticks(
            [p + offset for p in positions],
            labels,
            rotation=40 if rotate else 0,
            ha="right" if rotate else "center",
        )
    counts = axes.xaxis if chart.kind == "bar" else axes.yaxis
    counts.set_major_locator(MaxNLocator(integer=True))  # people and events come whole
    axes.set_title(chart.title, fontsize=10)
    axes.tick_params(labelsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    if len(series) > 1:
        axes.legend(fontsize=8, frameon=False)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()

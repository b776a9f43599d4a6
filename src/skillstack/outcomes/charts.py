"""Server-rendered SVG charts (matplotlib, SVG backend): no client-side JavaScript.

The SVG carries a <title> and <desc> so screen readers announce what it shows; suppressed
bars are drawn as empty with the word "suppressed" rather than a number.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure

matplotlib.rcParams["svg.hashsalt"] = "skillstack"  # stable ids: same data, same bytes


def bar_chart_svg(*, title: str, bars: list[tuple[str, int | None]], unit: str) -> str:
    figure = Figure(figsize=(7, 1.8 + 0.45 * max(len(bars), 1)), dpi=72)
    axes = figure.add_subplot()
    labels = [label if len(label) <= 38 else label[:36] + "…" for label, _ in bars]
    values = [value or 0 for _, value in bars]
    positions = list(range(len(bars)))[::-1]
    axes.barh(positions, values, color="#1f6f8b")
    axes.set_yticks(positions, labels=labels)
    for y, (_, value) in zip(positions, bars, strict=True):
        axes.text(0, y, " suppressed" if value is None else f" {value}", va="center")
    axes.set_xlabel(unit)
    axes.set_title(title)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    figure.tight_layout()
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    svg = out.getvalue()
    desc = "; ".join(
        f"{label}: {'suppressed' if value is None else value}" for label, value in bars
    )
    head = f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>"
    start = svg.index("<svg")
    close = svg.index(">", start) + 1
    tag = svg[start:close].replace("<svg", '<svg role="img" aria-label="' + escape(title) + '"', 1)
    return svg[:start] + tag + head + svg[close:]

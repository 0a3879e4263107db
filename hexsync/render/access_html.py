"""The access report as one self-contained HTML page (``hexsync access report --format html``).

Everything is inline: the CSS, the script and the report itself (the JSON form of
``schemas/access-report.schema.json``, in a ``<script type="application/json">`` block). The
page makes no request when it is opened: no fonts, no CDN, no images. It is built for 10,000
projects by 2,000 people: the table draws only the rows in view (a virtual list of fixed-height
rows), the per-person view is computed on demand from the aggregated rows, never a grid of 20
million cells.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["HEADLESS_CHROMIUM_ARGS", "render_access_html"]

# How the test and the benchmark open the page: a headless Chromium that reaches for nothing
# (no background updates, sync or first-run pages) so that "no network" is the page's own doing.
HEADLESS_CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def _embedded(report: Mapping[str, Any]) -> str:
    text = json.dumps(report, ensure_ascii=False, separators=(",", ":"))
    # Inside <script> only "</" can end the block; U+2028/9 are legal JSON but not everywhere.
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_access_html(report: Mapping[str, Any], *, title: str = "Hex access report") -> str:
    """The page, as text. ``title`` is escaped; every name is set as text by the script."""
    page, css, js = _assets()
    return (
        page.replace("@@TITLE@@", html.escape(title))
        .replace("@@CSS@@", css)
        .replace("@@JS@@", js)
        .replace("@@DATA@@", _embedded(report))
    )


@cache
def _assets() -> tuple[str, str, str]:
    """The page, its CSS and its script (``render/assets/``), inlined into every report."""
    base = resources.files("hexsync.render").joinpath("assets")
    return tuple(  # type: ignore[return-value]
        base.joinpath(f"access-report.{ext}").read_text(encoding="utf-8")
        for ext in ("html", "css", "js")
    )

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


# Inside <script>, "</script" is not the only danger: "<!--" followed by "<script" (in one name
# or across two) puts the HTML parser where the next "</script>" no longer ends the block, and
# the page's own script is swallowed. No "<" at all can reach the block, nor ">" and "&" for
# good measure; U+2028/9 are legal JSON but not everywhere. JSON reads "\u003c" as "<".
_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _embedded(report: Mapping[str, Any]) -> str:
    text = json.dumps(report, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_JSON_ESCAPES)


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

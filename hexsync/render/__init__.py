"""Renderings of a :class:`~hexsync.values.plan.Plan`: pure functions from the plan value to text.

- :func:`render_text` — the terminal view (``hexsync plan``), optionally coloured;
- :func:`render_markdown` — a pull-request comment that fits GitHub's size limit;
- :func:`render_json` — the versioned saved-plan format (``docs/plan-format.md``).

None of them does I/O; the CLI prints or writes what they return.
"""

from __future__ import annotations

from hexsync.render._common import duration, workspace_label
from hexsync.render.json import render_json
from hexsync.render.markdown import render_markdown
from hexsync.render.text import render_text

__all__ = ["duration", "render_json", "render_markdown", "render_text", "workspace_label"]

"""The plan as JSON: the saved-plan form of ``docs/plan-format.md``, checksum included.

There is one JSON form of a plan and :class:`~hexsync.values.plan.Plan` owns it (``Plan.data``), so
``hexsync plan --format json`` prints exactly what ``--out plan.json`` saves and ``apply`` reads.
"""

from __future__ import annotations

from hexsync.values.plan import Plan

__all__ = ["render_json"]


def render_json(plan: Plan) -> str:
    """``plan.dumps()``: indented, keys in the documented order, ending with a newline."""
    return plan.dumps()

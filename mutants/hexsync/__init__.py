"""hexsync: a Hex workspace's access model in git.

The library behind the ``hexsync`` command, for scripts that want the same loop::

    desired = hexsync.load(["manifests/"])
    async with hexsync.HexClient(token, "https://app.hex.tech") as client:
        plan, live = await hexsync.read_and_plan(client, desired)
        print(hexsync.render_text(plan))
        report = await hexsync.apply_plan(client, plan, live=live)

Everything importable from here is listed in ``__all__`` (tests/test_public_api.py holds it).
"""

from hexsync._version import __version__
from hexsync.apply import ApplyReport, apply_plan, apply_saved_plan, check_fresh
from hexsync.errors import GuardrailError, HexsyncError, PartialApplyError
from hexsync.export import export_manifests
from hexsync.hexapi import HexApiError, HexClient
from hexsync.live import Live, read_live
from hexsync.manifest import ManifestError, check, load
from hexsync.model import Desired
from hexsync.plan import Change, FieldChange, Plan
from hexsync.planner import build_plan, make_plan, read_and_plan
from hexsync.render import render_json, render_markdown, render_text

__all__ = [
    "ApplyReport",
    "Change",
    "Desired",
    "FieldChange",
    "GuardrailError",
    "HexApiError",
    "HexClient",
    "HexsyncError",
    "Live",
    "ManifestError",
    "PartialApplyError",
    "Plan",
    "__version__",
    "apply_plan",
    "apply_saved_plan",
    "build_plan",
    "check",
    "check_fresh",
    "export_manifests",
    "load",
    "make_plan",
    "read_and_plan",
    "read_live",
    "render_json",
    "render_markdown",
    "render_text",
]

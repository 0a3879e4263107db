"""hexsync: a Hex workspace's access model in git.

The library behind the ``hexsync`` command, for scripts that want the same loop::

    desired = hexsync.load(["manifests/"])
    async with hexsync.HexClient(token, "https://app.hex.tech") as client:
        plan, live = await hexsync.read_and_plan(client, desired)
        print(hexsync.render_text(plan))
        report = await hexsync.apply_plan(client, plan, live=live)

Everything importable from here is listed in ``__all__`` (tests/test_public_api.py holds it).
"""

import importlib
import typing

from hexsync._version import __version__

if typing.TYPE_CHECKING:
    from hexsync.apply.execute import apply_plan
    from hexsync.apply.gate import apply_saved_plan, check_fresh
    from hexsync.apply.report import ApplyReport
    from hexsync.decide.access_engine import AccessEngine
    from hexsync.errors import GuardrailError, HexsyncError, PartialApplyError
    from hexsync.export.manifests import export_manifests
    from hexsync.hexapi import HexApiError, HexClient
    from hexsync.manifest import ManifestError, check, load
    from hexsync.ops.access import read_access
    from hexsync.planning.planner import build_plan, make_plan, read_and_plan
    from hexsync.readers.workspace import read_live
    from hexsync.render import render_json, render_markdown, render_text
    from hexsync.values.desired import Desired
    from hexsync.values.live import Live
    from hexsync.values.plan import Change, FieldChange, Plan

# Names are imported on first use (PEP 562), so `import hexsync` and the command line start
# without loading httpx, yaml and jsonschema first: a Ctrl-C while they load is then caught by
# the command's entry point (hexsync/cli/_entry.py) instead of ending in a traceback.
_WHERE = {
    "AccessEngine": "hexsync.decide.access_engine",
    "read_access": "hexsync.ops.access",
    "ApplyReport": "hexsync.apply.report",
    "apply_plan": "hexsync.apply.execute",
    "apply_saved_plan": "hexsync.apply.gate",
    "check_fresh": "hexsync.apply.gate",
    "GuardrailError": "hexsync.errors",
    "HexsyncError": "hexsync.errors",
    "PartialApplyError": "hexsync.errors",
    "export_manifests": "hexsync.export.manifests",
    "HexApiError": "hexsync.hexapi",
    "HexClient": "hexsync.hexapi",
    "Live": "hexsync.values.live",
    "read_live": "hexsync.readers.workspace",
    "ManifestError": "hexsync.manifest",
    "check": "hexsync.manifest",
    "load": "hexsync.manifest",
    "Desired": "hexsync.values.desired",
    "Change": "hexsync.values.plan",
    "FieldChange": "hexsync.values.plan",
    "Plan": "hexsync.values.plan",
    "build_plan": "hexsync.planning.planner",
    "make_plan": "hexsync.planning.planner",
    "read_and_plan": "hexsync.planning.planner",
    "render_json": "hexsync.render",
    "render_markdown": "hexsync.render",
    "render_text": "hexsync.render",
}


def __getattr__(name: str) -> typing.Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'hexsync' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "AccessEngine",
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
    "read_access",
    "read_and_plan",
    "read_live",
    "render_json",
    "render_markdown",
    "render_text",
]

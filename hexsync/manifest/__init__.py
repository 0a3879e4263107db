"""Manifests: safe YAML with locations, the JSON Schema, and the desired state they declare.

``load(paths)`` returns a :class:`~hexsync.values.desired.Desired` or raises :class:`ManifestError`
with
every problem; ``check(paths)`` returns them all without raising (for ``hexsync validate``).
"""

from hexsync.manifest.load import CheckResult, check, find_files, load
from hexsync.manifest.problems import ManifestError, Problem, format_path
from hexsync.manifest.schema import schema
from hexsync.manifest.yamlsafe import FileLimits

__all__ = [
    "CheckResult",
    "FileLimits",
    "ManifestError",
    "Problem",
    "check",
    "find_files",
    "format_path",
    "load",
    "schema",
]

"""Where the Hex API reference lives: ``../shared/hex-api/openapi.json`` beside the checkout.

The contract tests are the one place the project reads shared/. A developer's clone elsewhere
skips them; CI (``CI`` set) fails instead, so the contract can never be skipped silently there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SPEC_PATH = Path(__file__).resolve().parents[1].parent / "shared" / "hex-api" / "openapi.json"


def require_reference() -> Path:
    """The reference's path; at module level, skips (or, in CI, fails) when it is missing."""
    if not SPEC_PATH.exists():
        message = f"the Hex API reference is not at {SPEC_PATH}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the contract tests)", pytrace=False)
        pytest.skip(message, allow_module_level=True)
    return SPEC_PATH

"""The Acme workspace, written once for the tests (imported by name: pytest puts tests/ on
sys.path).

- The example, ``examples/acme``: ``EXAMPLE`` (its folder), ``EXAMPLE_SEED``,
  ``EXAMPLE_MANIFESTS``, ``EXAMPLE_TOKEN`` (its workspace token) and ``REVENUE_ID`` (the id of its
  "Revenue overview"); ``serving_example()`` → the URL of an emulator of it on a loopback port,
  without rate limits. ``tests/test_examples_seed.py`` holds these names to the example.
- The pieces of the small workspaces the tests seed by hand (``tests/conftest.py``,
  ``tests/cli``, ``tests/access``, ``tests/hexapi``): ``ORG_ID`` and ``ORG``, ``STATUSES``,
  ``people(*first_names)`` and ``person(first_name, **changes)`` (the users by first name),
  ``acme_groups()`` (Analysts and Finance), ``finance_collection()``,
  ``revenue_overview(**changes)`` and ``warehouse(**changes)``. Each call returns fresh copies,
  so a test may edit what it gets.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import load_seed

# --- the example ---------------------------------------------------------------------------------

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "acme"
EXAMPLE_SEED = EXAMPLE / "seed.yaml"
EXAMPLE_MANIFESTS = EXAMPLE / "manifests"
EXAMPLE_TOKEN = "hxtw_demo"
REVENUE_ID = "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"  # "Revenue overview", here and in the example


@contextmanager
def serving_example() -> Iterator[str]:
    """An emulator of ``examples/acme/seed.yaml`` on a loopback port (no rate limits); its URL."""
    with running_emulator(load_seed(EXAMPLE_SEED), EmulatorConfig(rate_limits=None)) as url:
        yield url


# --- the small workspaces' pieces ----------------------------------------------------------------

ORG_ID = "5a8591dd-4039-49df-9202-96385ba3eff8"
ORG: dict[str, str] = {"id": ORG_ID, "name": "Acme"}
STATUSES = ["Exploratory", "In development", "Production", "Deprecated"]

_PEOPLE: dict[str, dict[str, Any]] = {
    "alice": {"email": "alice@acme.com", "name": "Alice", "role": "ADMIN"},
    "bob": {"email": "bob@acme.com", "name": "Bob", "role": "EDITOR"},
    "carol": {"email": "carol@acme.com", "name": "Carol", "role": "EDITOR"},
    "dave": {"email": "dave@acme.com", "name": "Dave", "role": "EXPLORER"},
    "vic": {"email": "vic@acme.com", "name": "Vic", "role": "MEMBER"},
    "mallory": {"email": "mallory@acme.com", "name": "Mallory", "role": "MEMBER"},
    "gus": {"email": "gus@acme.com", "name": "Gus", "role": "GUEST"},
    "trent": {"email": "trent@acme.com", "name": "Trent", "role": "EDITOR", "active": False},
}


def person(first_name: str, /, **changes: Any) -> dict[str, Any]:
    """The seed's user record of ``first_name`` (``"alice"``: ADMIN; ``"trent"``: deactivated),
    with ``changes`` (``person("carol", role="EXPLORER")``)."""
    return {**copy.deepcopy(_PEOPLE[first_name]), **changes}


def people(*first_names: str) -> list[dict[str, Any]]:
    return [person(first_name) for first_name in first_names]


def acme_groups() -> list[dict[str, Any]]:
    """Analysts (alice, bob) and Finance (carol)."""
    return [
        {"name": "Analysts", "members": ["alice@acme.com", "bob@acme.com"]},
        {"name": "Finance", "members": ["carol@acme.com"]},
    ]


def finance_collection() -> dict[str, Any]:
    return {"name": "Finance", "description": "Finance team dashboards"}


def revenue_overview(**changes: Any) -> dict[str, Any]:
    """alice's published "Revenue overview": shared with the workspace (APP_ONLY), carol, the
    Analysts and the Finance collection; two queried tables and two inputs."""
    project: dict[str, Any] = {
        "title": "Revenue overview",
        "description": "Weekly revenue by region",
        "owner": "alice@acme.com",
        "status": "Production",
        "categories": ["Finance"],
        "published": True,
        "sharing": {
            "workspace": "APP_ONLY",
            "users": {"carol@acme.com": "CAN_EDIT"},
            "groups": {"Analysts": "CAN_VIEW"},
            "collections": {"Finance": "CAN_VIEW"},
        },
        "queried_tables": [
            {"connection": "Warehouse", "table": "analytics.revenue"},
            {"connection": "Warehouse", "table": "analytics.regions"},
        ],
        "inputs": [
            {"name": "region", "type": "string", "default": "ALL"},
            {"name": "weeks", "type": "number", "default": 12},
        ],
    }
    return {**project, **copy.deepcopy(changes)}


def warehouse(**changes: Any) -> dict[str, Any]:
    """The Snowflake connection "Warehouse"."""
    connection: dict[str, Any] = {
        "name": "Warehouse",
        "type": "snowflake",
        "description": "Main warehouse",
        "connection_details": {"accountName": "acme", "warehouse": "WH", "database": "DB"},
    }
    return {**connection, **copy.deepcopy(changes)}

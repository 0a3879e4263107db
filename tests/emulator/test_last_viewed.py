"""The emulator seeds ``analytics.lastViewedAt`` (rules match ``last_viewed`` on it) and keeps it
in its saved state; a project never viewed answers null, as Hex does."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from hexsync.emulator.seed import Seed

HEADERS = {"Authorization": "Bearer hxtw_test"}


def test_last_viewed_at_is_listed_and_saved(
    make_seed: Callable[..., Seed], serve_emulator: Callable[..., httpx.Client]
) -> None:
    seed = make_seed(
        projects=[
            {"title": "Seen", "owner": "alice@acme.com", "last_viewed_at": "2025-03-04T05:06:07Z"},
            {"title": "Never", "owner": "alice@acme.com"},
        ]
    )
    client = serve_emulator(seed)
    listed = client.get("/api/v1/projects", headers=HEADERS).json()["values"]
    seen = {p["title"]: p["analytics"]["lastViewedAt"] for p in listed}
    assert seen == {"Seen": "2025-03-04T05:06:07.000Z", "Never": None}
    state = client.get("/_emulator/state").json()
    saved = {p["title"]: p["last_viewed_at"] for p in state["projects"]}
    assert saved == {"Seen": "2025-03-04T05:06:07.000Z", "Never": None}
    # The saved state seeds the same workspace again.
    again = serve_emulator(Seed.from_dict(state, source="state"))
    relisted = again.get("/api/v1/projects", headers=HEADERS).json()["values"]
    assert {p["title"]: p["analytics"]["lastViewedAt"] for p in relisted} == seen

"""The counters' one-line summary (shown with -v) reads as English at one and at many."""

from __future__ import annotations

from hexsync.hexapi.counters import Counters


def test_summary_says_one_request_and_many_retries() -> None:
    counters = Counters()
    counters.requests["Me"] += 1
    assert counters.summary().startswith("1 request (Me 1), 0 retries, 0 rate-limited (429)")
    counters.requests["ListUsers"] += 2
    counters.retries["ListUsers"] += 1
    assert counters.summary().startswith("3 requests (ListUsers 2, Me 1), 1 retry,")

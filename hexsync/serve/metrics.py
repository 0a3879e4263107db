"""The controller's Prometheus metrics (``GET /metrics``), all named ``hexsync_…``, in a registry
of their own (one per process; tests make several)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from hexsync.serve.cycle import CycleResult

__all__ = ["Metrics"]

_BUCKETS = (0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.duration = Histogram(
            "hexsync_sync_duration_seconds",
            "How long a sync took, by outcome.",
            ["workspace", "outcome"],
            buckets=_BUCKETS,
            registry=r,
        )
        self.syncs = Counter(
            "hexsync_syncs", "Syncs run, by outcome.", ["workspace", "outcome"], registry=r
        )
        self.drift = Gauge(
            "hexsync_drift_open_items",
            "Open drift items after the last sync.",
            ["workspace"],
            registry=r,
        )
        self.requests = Counter(
            "hexsync_requests",
            "Requests sent to Hex, by operation (retries included).",
            ["workspace", "operation"],
            registry=r,
        )
        self.rate_limited = Counter(
            "hexsync_rate_limited",
            "Answers 429 (rate limited) from Hex.",
            ["workspace"],
            registry=r,
        )
        self.last_success = Gauge(
            "hexsync_last_success_timestamp_seconds",
            "When the last successful sync ended (Unix time).",
            ["workspace"],
            registry=r,
        )
        self.changes = Counter(
            "hexsync_out_of_band_changes",
            "Changes seen in Hex between two snapshots (heals included).",
            ["workspace"],
            registry=r,
        )
        self.applied = Counter(
            "hexsync_heal_changes_applied", "Changes a heal carried out.", ["workspace"], registry=r
        )
        self.tables = Gauge(
            "hexsync_queried_tables_projects",
            "Projects whose queried tables are read (state=read) or not yet (state=unread), "
            "when the manifests declare data classes.",
            ["workspace", "state"],
            registry=r,
        )
        self.leader = Gauge(
            "hexsync_leader",
            "1 while this process reconciles the workspace, 0 while it stands by.",
            ["workspace"],
            registry=r,
        )

    def observe(self, workspace: str, result: CycleResult, finished_at: float) -> None:
        self.duration.labels(workspace, result.outcome).observe(result.seconds)
        self.syncs.labels(workspace, result.outcome).inc()
        for operation, n in result.requests_by_operation.items():
            self.requests.labels(workspace, operation).inc(n)
        self.rate_limited.labels(workspace).inc(result.rate_limited)
        self.changes.labels(workspace).inc(result.logged)
        self.applied.labels(workspace).inc(result.applied)
        if result.successful:
            self.drift.labels(workspace).set(result.drift_count)
            self.last_success.labels(workspace).set(finished_at)

    def render(self) -> bytes:
        return generate_latest(self.registry)

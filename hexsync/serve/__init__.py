"""``hexsync serve``: the controller that keeps workspaces in line with their manifests and
remembers what happened (docs/serve.md). Needs the ``serve`` extra.

- :mod:`~hexsync.serve.cycle`: one reconcile cycle, a function of injected collaborators;
- :mod:`~hexsync.serve.reconciler`: one workspace's loop (schedule, backoff, leader lock, status);
- :mod:`~hexsync.serve.daemon`: the process around the reconcilers (one per workspace: signals,
  notifications, the API);
- :mod:`~hexsync.serve.api`: the HTTP API (Starlette), auth in one middleware;
- :mod:`~hexsync.serve.changes`: the out-of-band change log (deepdiff over two snapshots);
- :mod:`~hexsync.serve.notify`, :mod:`~hexsync.serve.metrics`, :mod:`~hexsync.serve.source`.
"""

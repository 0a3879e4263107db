"""``hexsync serve``: the controller that keeps a workspace in line with its manifests and
remembers what happened (docs/serve.md). Needs the ``serve`` extra.

- :mod:`~hexsync.serve.cycle`: one reconcile cycle, a function of injected collaborators;
- :mod:`~hexsync.serve.daemon`: the process around it (schedule, signals, leader lock, API);
- :mod:`~hexsync.serve.api`: the HTTP API (Starlette), auth in one middleware;
- :mod:`~hexsync.serve.changes`: the out-of-band change log (deepdiff over two snapshots);
- :mod:`~hexsync.serve.notify`, :mod:`~hexsync.serve.metrics`, :mod:`~hexsync.serve.source`.
"""

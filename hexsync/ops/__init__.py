"""The operations every face offers (the CLI, the MCP server): one implementation below them all.

A face parses its input, calls one operation here, and renders the result; the JSON views the
faces print are built here too, so the command line and the MCP tools can never drift apart.
One module per area: ``resolve`` (names people type → objects, with close matches), ``runs``
(a run's request and its checks, starting, following, cancelling), ``projects``, ``users``,
``groups``, ``collections``, ``connections``, ``embed``, ``validate``, ``access``, and
``files`` (writing a file atomically). Nothing here prints or knows click; errors are
:class:`~hexsync.errors.HexsyncError` with hints.
"""

"""Embedding a published app: Hex's limits on a presigned URL."""

from __future__ import annotations

__all__ = ["MAX_EXPIRES_MS", "SCOPES"]

MAX_EXPIRES_MS = 300_000  # Hex's limit: five minutes
SCOPES = {"pdf": "EXPORT_PDF", "csv": "EXPORT_CSV"}

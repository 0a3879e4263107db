"""Embedding a published app: a single-use presigned URL, Hex's limits on it, its JSON view."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from hexsync.hexapi import EmbedDisplayOptions, HexClient, Project
from hexsync.ops.projects import project_ref_json
from hexsync.ops.resolve import find_project

__all__ = ["MAX_EXPIRES_MS", "SCOPES", "embed_json", "presigned_url"]

MAX_EXPIRES_MS = 300_000  # Hex's limit: five minutes
SCOPES = {"pdf": "EXPORT_PDF", "csv": "EXPORT_CSV"}


async def presigned_url(
    client: HexClient,
    project_ref: str,
    *,
    attributes: Mapping[str, str] | None,
    inputs: Mapping[str, Any] | None,
    exports: Sequence[str],
    expires_in: int | None,
    display: EmbedDisplayOptions,
    test_mode: bool,
) -> tuple[Project, str]:
    """The project and a URL that embeds its published app once; ``exports``: keys of SCOPES."""
    project = await find_project(client, project_ref)
    url = await client.create_presigned_url(
        project.id,
        hex_user_attributes=attributes,
        input_parameters=inputs,
        scope=[SCOPES[e] for e in dict.fromkeys(exports)],
        expires_in=expires_in,
        display_options=display,
        test_mode=test_mode,
    )
    return project, url


def embed_json(
    project: Project, url: str, *, expires_in: int | None, test_mode: bool
) -> dict[str, Any]:
    """``embed --json`` and the MCP tool ``create_embed_url``."""
    return {
        "url": url,
        "project": project_ref_json(project),
        "expires_in_ms": expires_in,
        "test_mode": test_mode,
        "single_use": True,
    }

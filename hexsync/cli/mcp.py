"""``hexsync mcp``: hexsync's operations as Model Context Protocol tools, served over stdio.

The tools are the agent-facing twin of the click commands: the same resolvers (a project by id
or exact title, users by email), the same JSON shapes as ``--json``, the same plan and apply
path (``plan`` is ``hexsync plan --out``; ``apply_plan`` is ``hexsync apply plan.json``: checksum,
freshness against the live workspace, refusals). That is why they live beside the commands and
not in ``hexsync.mcp``, which is only the protocol.

Read-only unless ``--allow-writes``; every write tool also wants ``confirm: true``. One
``HexClient`` serves the whole session; the token comes from ``HEX_API_TOKEN`` or
``--token-file`` and is masked in everything the server writes. The server's policy and its
directory bind every tool (:mod:`hexsync.cli.mcp_guard`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from hexsync import __version__
from hexsync.apply.gate import apply_saved_plan, refuse_if_refused
from hexsync.apply.lock import apply_lock
from hexsync.apply.report import ApplyReport
from hexsync.cli._files import write_atomically
from hexsync.cli._resolve import (
    collection_by_name,
    find_connection,
    find_project,
    groups_by_name,
    users_by_email,
)
from hexsync.cli.client_factory import build_client
from hexsync.cli.collections import collection_json
from hexsync.cli.connections import connection_json
from hexsync.cli.embed import MAX_EXPIRES_MS, SCOPES
from hexsync.cli.mcp_access import access_tools
from hexsync.cli.mcp_guard import (
    bind_policy,
    confine,
    confine_sources,
    deactivation_refusals,
    plan_refusals,
)
from hexsync.cli.projects import project_json
from hexsync.cli.runs import (
    RUN_STATUSES,
    TRIGGERS,
    inputs_problem,
    notifications_for,
    run_json,
    run_of,
    trigger_json,
    wait_for_run,
)
from hexsync.cli.users import DIRECTORY_SYNC_WARNING, deactivate_in_order, user_json
from hexsync.cli.validate import summary_line
from hexsync.errors import ConfigError, HexsyncError, plural
from hexsync.hexapi import (
    EmbedDisplayOptions,
    HexClient,
    Project,
    Run,
    UnprocessableError,
    load_token,
)
from hexsync.hexapi.log import RedactingFilter
from hexsync.manifest import check, load
from hexsync.mcp import Server, Tool, ToolError, ToolResult
from hexsync.planning.planner import Target, make_plan
from hexsync.planning.saved_plan import parse_plan, plan_key, read_plan
from hexsync.render import render_json, render_markdown, render_text
from hexsync.values.desired import Policy
from hexsync.values.kinds import Kind
from hexsync.values.plan import Action

if TYPE_CHECKING:
    from hexsync.cli._globals import GlobalOptions

WRITE_TOOLS = ("apply_plan", "trigger_run", "cancel_run", "create_embed_url", "deactivate_user")
RUN_POLL_SECONDS = 1.0
LOCK_WAIT = 60.0  # seconds apply_plan waits for another apply's lock: an agent is waiting too
MAX_WAIT_SECONDS = 300

INSTRUCTIONS = """\
hexsync manages a Hex (hex.tech) workspace's access model -- collections, groups and their \
members, user deactivations, project status and sharing -- as YAML manifests kept in git, and \
reads the rest of Hex's admin API (projects, users, runs, data connections).

To change access, never edit the workspace directly: write or edit manifests, call `validate`, \
then `plan`, show the plan's text to the user, and only once they approve call `apply_plan` with \
the plan JSON exactly as `plan` returned it. `apply_plan` refuses a plan whose objects changed in \
the workspace since it was made (plan again then), and a plan refused by policy. Write tools \
exist only when the server was started with --allow-writes and each needs `confirm: true`.\
"""

# ---------------------------------------------------------------------- argument schemas

_PROJECT = {
    "type": "string",
    "minLength": 1,
    "description": "The project's id, or its exact title (must be unique among the projects "
    "the token can see).",
}
_RUN_ID = {"type": "string", "minLength": 1, "description": "The run's id."}
_CONFIRM = {
    "type": "boolean",
    "description": "Must be true: say it only after the user has agreed to this change.",
}
_SOURCES: dict[str, Any] = {
    "paths": {
        "type": "array",
        "items": {"type": "string", "minLength": 1},
        "minItems": 1,
        "description": "Manifest files or directories (searched recursively for *.yaml/*.yml), "
        "inside the server's directory (--manifests, else its working directory) and relative "
        "to it; a path outside it is refused. Default: the server's --manifests directory.",
    },
    "manifests": {
        "type": "object",
        "description": "Manifests given inline instead of paths: file name (e.g. groups.yaml) "
        "→ YAML text. Problems are reported against these names.",
        "propertyNames": {"pattern": r"^[A-Za-z0-9][A-Za-z0-9_.-]*\.ya?ml$"},
        "additionalProperties": {"type": "string"},
        "minProperties": 1,
    },
    "yaml": {
        "type": "string",
        "description": "One manifest's YAML text, inline (reported as manifest.yaml).",
    },
}


def _schema(properties: Mapping[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": dict(properties),
        "additionalProperties": False,
    }
    if required:
        schema["required"] = list(required)
    return schema


# ---------------------------------------------------------------------- the tools


class HexTools:
    """The tools of one session, sharing one client (or the reason there is none)."""

    def __init__(
        self,
        client: HexClient | None,
        *,
        client_problem: str | None = None,
        manifests: Path | None = None,
        allow_writes: bool = False,
        policy: Policy | None = None,
        allow_destroy: bool = False,
        root: Path | None = None,
    ) -> None:
        self.client = client
        self.client_problem = client_problem
        self.manifests = manifests
        self.allow_writes = allow_writes
        self.policy = policy or Policy()
        self.allow_destroy = allow_destroy
        # Every file the tools read or write for the agent is inside this directory.
        self.root = (root or manifests or Path.cwd()).resolve()
        self._apply_lock = asyncio.Lock()

    def api(self) -> HexClient:
        if self.client is None:
            raise ToolError(
                self.client_problem or "no Hex API client",
            )
        return self.client

    @staticmethod
    def _confirmed(args: Mapping[str, Any], what: str) -> None:
        if args.get("confirm") is not True:
            raise ToolError(
                f"not done: {what} changes the workspace; call again with confirm: true once "
                "the user has agreed"
            )

    # ------------------------------------------------------------------ reads

    async def whoami(self, _args: dict[str, Any]) -> ToolResult:
        client = self.api()
        me = await client.me()
        return ToolResult.json(
            {
                "org_id": me.org_id,
                "token_kind": "workspace" if me.is_workspace_token else "personal",
                "user": user_json(me.user) if me.user is not None else None,
                "api_url": client.base_url,
                "writes_enabled": self.allow_writes,
                "manifests_dir": str(self.manifests) if self.manifests else None,
                "directory": str(self.root),
                "working_directory": str(Path.cwd()),
            }
        )

    async def list_users(self, args: dict[str, Any]) -> ToolResult:
        client = self.api()
        group_id = None
        if args.get("group") is not None:
            group_id = (await groups_by_name(client, [args["group"]]))[0].id
        found = [u async for u in client.iter_users(group_id=group_id)]
        found.sort(key=lambda u: u.email.lower())
        return ToolResult.json({"users": [user_json(u) for u in found]})

    async def list_groups(self, args: dict[str, Any]) -> ToolResult:
        client = self.api()
        groups = sorted([g async for g in client.iter_groups()], key=lambda g: g.name.lower())
        members: list[list[str] | None] = [None] * len(groups)
        if args.get("members"):

            async def emails(group_id: str) -> list[str]:
                found = [u.email async for u in client.iter_users(group_id=group_id)]
                return sorted(found, key=str.lower)

            members = list(await asyncio.gather(*(emails(g.id) for g in groups)))
        return ToolResult.json(
            {
                "groups": [
                    {"id": g.id, "name": g.name, "created_at": g.created_at, "members": m}
                    for g, m in zip(groups, members, strict=True)
                ]
            }
        )

    async def list_collections(self, _args: dict[str, Any]) -> ToolResult:
        found = [c async for c in self.api().iter_collections()]
        found.sort(key=lambda c: (c.name.lower(), c.id))
        return ToolResult.json({"collections": [collection_json(c) for c in found]})

    async def list_projects(self, args: dict[str, Any]) -> ToolResult:
        client = self.api()
        limit: int = args.get("limit", 50)
        collection_id = None
        if args.get("collection") is not None:
            collection_id = (await collection_by_name(client, args["collection"])).id
        needle = (args.get("title_contains") or "").lower()
        found: list[Project] = []
        truncated = False
        async for project in client.iter_projects(
            include_sharing=args.get("include_sharing", False),
            include_archived=args.get("include_archived", False),
            include_trashed=args.get("include_trashed", False),
            statuses=args.get("statuses", ()),
            categories=args.get("categories", ()),
            creator_email=args.get("creator"),
            owner_email=args.get("owner"),
            collection_id=collection_id,
        ):
            if needle and needle not in project.title.lower():
                continue
            if len(found) == limit:
                truncated = True
                break
            found.append(project)
        return ToolResult.json(
            {
                "projects": [project_json(p) for p in found],
                "count": len(found),
                "truncated": truncated,
            }
        )

    async def get_project(self, args: dict[str, Any]) -> ToolResult:
        project = await find_project(self.api(), args["project"], include_sharing=True)
        return ToolResult.json({"project": project_json(project)})

    async def list_queried_tables(self, args: dict[str, Any]) -> ToolResult:
        client = self.api()
        project = await find_project(client, args["project"])
        found = [t async for t in client.iter_queried_tables(project.id)]
        found.sort(key=lambda t: (t.data_connection_name, t.table_name))
        return ToolResult.json(
            {
                "project": {"id": project.id, "title": project.title},
                "tables": [
                    {
                        "table": t.table_name,
                        "connection_name": t.data_connection_name,
                        "connection_id": t.data_connection_id,
                    }
                    for t in found
                ],
            }
        )

    async def list_data_connections(self, _args: dict[str, Any]) -> ToolResult:
        found = [c async for c in self.api().iter_data_connections()]
        found.sort(key=lambda c: (c.name.lower(), c.id))
        return ToolResult.json({"connections": [connection_json(c) for c in found]})

    async def get_data_connection(self, args: dict[str, Any]) -> ToolResult:
        conn = await find_connection(self.api(), args["connection"])
        return ToolResult.json({"connection": connection_json(conn, full=True)})

    async def get_run_status(self, args: dict[str, Any]) -> ToolResult:
        project, run = await run_of(self.api(), args["project"], args["run_id"])
        return ToolResult.json(
            {"project": {"id": project.id, "title": project.title}, "run": run_json(run)}
        )

    async def list_runs(self, args: dict[str, Any]) -> ToolResult:
        client = self.api()
        limit: int = args.get("limit", 25)
        project = await find_project(client, args["project"])
        found: list[Run] = []
        async for run in client.iter_project_runs(
            project.id,
            status_filter=args.get("status"),
            run_trigger_filter=args.get("trigger", "ALL"),
            page_size=min(limit, 100),
        ):
            found.append(run)
            if len(found) >= limit:
                break
        return ToolResult.json(
            {
                "project": {"id": project.id, "title": project.title},
                "runs": [run_json(r) for r in found],
            }
        )

    # ------------------------------------------------------------------ manifests and plans

    @contextlib.contextmanager
    def _sources(self, args: Mapping[str, Any]) -> Iterator[tuple[list[str], Path | None]]:
        """(paths to read, the directory names are shown relative to) for validate and plan."""
        inline: dict[str, str] = dict(args.get("manifests") or {})
        if args.get("yaml") is not None:
            if "manifest.yaml" in inline:
                raise ToolError("give the manifest as `yaml` or as manifests['manifest.yaml']")
            inline["manifest.yaml"] = args["yaml"]
        paths: list[str] = list(args.get("paths") or ())
        if inline and paths:
            raise ToolError("give either `paths` or inline manifests (`manifests`, `yaml`)")
        if inline:
            # A private directory (0700) of the server's own, removed after the call.
            with tempfile.TemporaryDirectory(prefix="hexsync-mcp-") as tmp:
                for name, text in inline.items():
                    (Path(tmp) / name).write_text(text, encoding="utf-8")
                yield [tmp], Path(tmp)
            return
        if not paths:
            if self.manifests is None:
                raise ToolError(
                    "no manifests given: pass `paths` or inline `manifests`/`yaml`, or start "
                    "the server with --manifests DIR"
                )
            paths = [str(self.manifests)]
        yield confine_sources(paths, self.root), self.root

    async def validate(self, args: dict[str, Any]) -> ToolResult:
        with self._sources(args) as (paths, base):
            result = check(paths, relative_to=base)
        problems = [
            {"location": f"{p.file}:{p.line}:{p.column}", **p.as_dict()} for p in result.problems
        ]
        return ToolResult.json(
            {
                "ok": result.ok,
                "summary": summary_line(result),
                "files": list(result.files),
                "problems": problems,
            }
        )

    async def plan(self, args: dict[str, Any]) -> ToolResult:
        client = self.api()
        save_to = args.get("save_to")
        path: Path | None = None
        if save_to is not None:
            if not self.allow_writes:
                raise ToolError(
                    "save_to writes a file, and this server is read-only: start it with "
                    "--allow-writes to save plans (inside its --manifests directory)"
                )
            if not save_to.lower().endswith(".json"):
                raise ToolError(f"save_to must name a .json file, got {save_to!r}")
            confine(save_to, self.root, what="save_to")
            path = self.root / Path(save_to).expanduser()  # as given: write checks its links
        allow_destroy = args.get("allow_destroy", False)
        if allow_destroy and not self.allow_destroy:
            raise ToolError(
                "allow_destroy is refused: this server keeps policy.max_destroy. A person can "
                "review the plan and run `hexsync apply --allow-destroy`, or start the server "
                "with --allow-destroy"
            )
        target = Target.parse(args["target"]) if args.get("target") else None
        with self._sources(args) as (paths, base):
            desired = load(paths, relative_to=base)
        desired = replace(desired, policy=bind_policy(self.policy, desired.policy))
        plan = await make_plan(client, desired, allow_destroy=allow_destroy, target=target)
        key = plan_key()
        if key is not None:
            plan = plan.signed(key)
        plan_json = render_json(plan)
        notes: list[str] = []
        if path is not None:
            try:
                write_atomically(path, plan_json, option="save_to")
            except (OSError, ConfigError) as exc:
                raise ToolError(f"cannot save the plan to {save_to}: {exc}") from exc
            notes.append(f"Saved to {path}.")
        if plan.refusals:
            notes.append("This plan is REFUSED by a guardrail: apply_plan will not apply it.")
        elif plan.empty:
            notes.append("No changes: the workspace matches the manifests.")
        else:
            notes.append(
                f"{plural(len(plan.changes), 'change')}. To apply them (after the user approves),"
                " call apply_plan with the JSON below exactly as it is."
            )
        rendering = (
            render_markdown(plan, artifact=save_to)
            if args.get("format") == "markdown"
            else render_text(plan)
        )
        first = rendering.rstrip("\n") + "\n\n" + " ".join(notes)
        return ToolResult((first, plan_json), plan.data)

    # ------------------------------------------------------------------ writes

    async def apply_plan(self, args: dict[str, Any]) -> ToolResult:
        self._confirmed(args, "apply_plan")
        if ("plan" in args) == ("plan_file" in args):
            raise ToolError("give exactly one of `plan` (the JSON from `plan`) or `plan_file`")
        if "plan_file" in args:
            path = confine(args["plan_file"], self.root, what="plan_file")
            plan = read_plan(path, key=plan_key())
        elif isinstance(args["plan"], str):
            plan = parse_plan(args["plan"], source="the plan argument", key=plan_key())
        else:
            text = json.dumps(args["plan"], ensure_ascii=False)
            plan = parse_plan(text, source="the plan argument", key=plan_key())
        refuse_if_refused(plan)
        if plan.empty:
            return ToolResult.json(
                {"ok": True, "applied": False, "message": "The plan has no changes."}
            )
        client = self.api()
        # The plan may come from anywhere (another policy, an edited file): the server's policy
        # is checked again on its own changes, with the members of the groups it deletes.
        members: dict[str, frozenset[str] | None] = {}
        for change in plan.changes:
            if change.kind is Kind.GROUP and change.action is Action.DELETE and change.id:
                found = [u.email.lower() async for u in client.iter_users(group_id=change.id)]
                members[change.name] = frozenset(found)
        refused = plan_refusals(
            plan.changes, self.policy, allow_destroy=self.allow_destroy, members=members
        )
        if refused:
            raise ToolError(
                "refused by the server's policy, nothing was applied:\n"
                + "\n".join(f"  {r}" for r in refused)
            )
        # One apply per workspace at a time, across processes and machines (docs/apply.md).
        lock = apply_lock(client, wait=LOCK_WAIT, notify=lambda t: client.notices.say("lock", t))
        async with self._apply_lock, lock:
            report: ApplyReport = await apply_saved_plan(client, plan)
        return ToolResult.json(
            {"applied": True, "message": report.summary, **report.data}, is_error=not report.ok
        )

    async def trigger_run(self, args: dict[str, Any]) -> ToolResult:
        self._confirmed(args, "trigger_run")
        inputs = args.get("inputs")
        if inputs and args.get("view_id"):
            raise ToolError("view_id and inputs cannot be combined: a saved view sets the inputs")
        if inputs and args.get("update_cache"):
            raise ToolError(
                "update_cache cannot be combined with inputs: Hex only caches the published "
                "app's own inputs"
            )
        dry_run = args.get("dry_run", False)
        wait = args.get("wait_seconds")
        if dry_run and wait:
            raise ToolError("dry_run starts no run: there is nothing to wait for")
        client = self.api()
        project = await find_project(client, args["project"])
        notify = args.get("notify") or {}
        notifications = await notifications_for(
            client,
            notify.get("slack_channel_ids", ()),
            notify.get("user_emails", ()),
            notify.get("group_names", ()),
            notify.get("on"),
        )
        try:
            started = await client.run_project(
                project.id,
                input_params=inputs or None,
                dry_run=True if dry_run else None,
                update_published_results=True if args.get("update_cache") else None,
                use_cached_sql_results=args.get("use_cached_sql"),
                view_id=args.get("view_id"),
                notifications=notifications,
            )
        except UnprocessableError as exc:
            if exc.invalid or exc.not_found:
                raise inputs_problem(exc) from exc
            raise
        final: Run | None = None
        if wait and not dry_run:

            def on_change(run: Run) -> None:
                logging.getLogger("hexsync.mcp").info("run %s: %s", run.run_id, run.status)

            final = await wait_for_run(
                client,
                project.id,
                started.run_id,
                poll_seconds=RUN_POLL_SECONDS,
                timeout=float(wait),
                on_change=on_change,
            )
        document = trigger_json(project, started, final, dry_run=dry_run)
        failed = final is not None and final.status != "COMPLETED"
        before = (f"the run ended {final.status}",) if final is not None and failed else ()
        return ToolResult.json(document, before=before, is_error=failed)

    async def cancel_run(self, args: dict[str, Any]) -> ToolResult:
        self._confirmed(args, "cancel_run")
        client = self.api()
        project, run = await run_of(client, args["project"], args["run_id"])

        def finished(run: Run) -> ToolError:
            return ToolError(
                f"run {run.run_id} has already finished ({run.status}): only PENDING or "
                "RUNNING runs can be cancelled"
            )

        if run.is_terminal:
            raise finished(run)
        try:
            await client.cancel_run(project.id, run.run_id)
        except UnprocessableError as exc:
            now = await client.get_run_status(project.id, run.run_id)
            if now.is_terminal:  # it finished between the two requests
                raise finished(now) from exc
            raise
        return ToolResult.json(
            {
                "cancelled": True,
                "project": {"id": project.id, "title": project.title},
                "run_id": run.run_id,
                "was": run.status,
            }
        )

    async def create_embed_url(self, args: dict[str, Any]) -> ToolResult:
        self._confirmed(args, "create_embed_url")
        client = self.api()
        project = await find_project(client, args["project"])
        display = EmbedDisplayOptions(
            theme=args.get("theme"),
            show_embedded_run_button=args.get("show_run_button"),
            no_embed_header_padding=args.get("no_header_padding"),
            no_embed_base_padding=args.get("no_base_padding"),
            no_embed_outline=args.get("no_outline"),
            no_embed_footer=args.get("no_footer"),
        )
        test_mode = args.get("test_mode", False)
        url = await client.create_presigned_url(
            project.id,
            hex_user_attributes=args.get("user_attributes"),
            input_parameters=args.get("inputs"),
            scope=[SCOPES[e] for e in dict.fromkeys(args.get("exports", ()))],
            expires_in=args.get("expires_in_ms"),
            display_options=display,
            test_mode=test_mode,
        )
        return ToolResult.json(
            {
                "url": url,
                "project": {"id": project.id, "title": project.title},
                "expires_in_ms": args.get("expires_in_ms"),
                "test_mode": test_mode,
                "single_use": True,
            }
        )

    async def deactivate_user(self, args: dict[str, Any]) -> ToolResult:
        self._confirmed(args, "deactivate_user")
        client = self.api()
        emails = [e.strip().lower() for e in args["emails"]]
        refused = deactivation_refusals(emails, self.policy, allow_destroy=self.allow_destroy)
        if refused:
            raise ToolError(
                "refused by the server's policy, nobody was deactivated: " + "; ".join(refused)
            )
        found = await users_by_email(client, emails)
        targets = list({u.id: u for u in found}.values())
        done = await deactivate_in_order(client, targets)
        return ToolResult.json(
            {"deactivated": [user_json(u) for u in done], "warning": DIRECTORY_SYNC_WARNING}
        )

    # ------------------------------------------------------------------ the catalogue

    def catalogue(self) -> list[Tool]:
        """Every tool, reads first; the write tools are marked ``read_only=False``."""
        return [
            Tool(
                "whoami",
                "Who the API token acts as: the workspace (org) id, the token kind (workspace "
                "tokens see everything; personal tokens see what their user sees), the API URL, "
                "whether write tools are enabled, and the default manifests directory.",
                _schema({}),
                self.whoami,
            ),
            Tool(
                "list_users",
                "The workspace's active users (email, name, role, last login), sorted by email. "
                "Hex does not list deactivated users. Optionally only one group's members.",
                _schema({"group": {"type": "string", "description": "Exact group name."}}),
                self.list_users,
            ),
            Tool(
                "list_groups",
                "The workspace's groups by name. With members: true, each group's member "
                "emails too (one more API request per group).",
                _schema({"members": {"type": "boolean", "default": False}}),
                self.list_groups,
            ),
            Tool(
                "list_collections",
                "The workspace's collections: name, description, creator, and who they are "
                "shared with (user and group ids).",
                _schema({}),
                self.list_collections,
            ),
            Tool(
                "list_projects",
                "Projects the token can see, newest first, with Hex's filters. Set "
                "include_sharing to see who has access (costs no extra requests). At most "
                "`limit` projects are returned; `truncated` says whether more matched.",
                _schema(
                    {
                        "statuses": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": "Status names, e.g. Production.",
                        },
                        "categories": {"type": "array", "items": {"type": "string"}},
                        "creator": {"type": "string", "description": "Creator's email."},
                        "owner": {"type": "string", "description": "Owner's email."},
                        "collection": {"type": "string", "description": "Exact collection name."},
                        "title_contains": {
                            "type": "string",
                            "description": "Only titles containing this text (any case).",
                        },
                        "include_sharing": {"type": "boolean", "default": False},
                        "include_archived": {"type": "boolean", "default": False},
                        "include_trashed": {"type": "boolean", "default": False},
                        "limit": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50},
                    }
                ),
                self.list_projects,
            ),
            Tool(
                "get_project",
                "One project with its sharing: workspace and public-web access, and each user, "
                "group and collection it is shared with, by email or name.",
                _schema({"project": _PROJECT}, ("project",)),
                self.get_project,
            ),
            *access_tools(self, _SOURCES, _schema),
            Tool(
                "list_queried_tables",
                "The warehouse tables a project queries, with their data connection (Hex's "
                "Enterprise plan).",
                _schema({"project": _PROJECT}, ("project",)),
                self.list_queried_tables,
            ),
            Tool(
                "list_data_connections",
                "The workspace's data connections: id, name, type, description.",
                _schema({}),
                self.list_data_connections,
            ),
            Tool(
                "get_data_connection",
                "One data connection in full: settings, connection details (Hex sends no "
                "secrets) and sharing.",
                _schema(
                    {
                        "connection": {
                            "type": "string",
                            "minLength": 1,
                            "description": "The connection's id or exact, unique name.",
                        }
                    },
                    ("connection",),
                ),
                self.get_data_connection,
            ),
            Tool(
                "get_run_status",
                "The status of one run of a project (PENDING, RUNNING, COMPLETED, ERRORED, "
                "KILLED, UNABLE_TO_ALLOCATE_KERNEL), with times and its URL.",
                _schema({"project": _PROJECT, "run_id": _RUN_ID}, ("project", "run_id")),
                self.get_run_status,
            ),
            Tool(
                "list_runs",
                "A project's runs, newest first.",
                _schema(
                    {
                        "project": _PROJECT,
                        "status": {"enum": list(RUN_STATUSES)},
                        "trigger": {"enum": list(TRIGGERS), "default": "ALL"},
                        "limit": {"type": "integer", "minimum": 1, "maximum": 500, "default": 25},
                    },
                    ("project",),
                ),
                self.list_runs,
            ),
            Tool(
                "validate",
                "Check manifests offline (no API calls): YAML syntax, schema, duplicates, "
                "internal references. Returns every problem at once, each with its location "
                "file:line:column, a message and usually a hint. Give paths, or inline YAML "
                "(`manifests` or `yaml`), or nothing for the server's --manifests directory.",
                _schema(_SOURCES),
                self.validate,
            ),
            Tool(
                "plan",
                "Read the live workspace and compute what applying the manifests would change, "
                "without changing anything. Returns two texts: the plan for people (changes "
                "with + ~ -, who gains and loses access, warnings, refusals, a summary) and the "
                "plan as JSON with its checksum, which is what apply_plan takes, unchanged. "
                "Show the first to the user before applying. Optionally save the JSON to a "
                "file (save_to). Manifest errors come back as a tool error listing every "
                "problem with file:line:column.",
                _schema(
                    {
                        **_SOURCES,
                        "target": {
                            "type": "string",
                            "description": "Plan a subset: KIND or KIND:NAME, KIND one of "
                            "collection, group, user, project (e.g. group:Analysts).",
                        },
                        "allow_destroy": {
                            "type": "boolean",
                            "default": False,
                            "description": "Allow more destructive changes than the policy's "
                            "max_destroy (only when the user asked for it; refused unless the "
                            "server runs with --allow-destroy).",
                        },
                        "format": {
                            "enum": ["text", "markdown"],
                            "default": "text",
                            "description": "How the first text renders the plan (markdown: "
                            "for a pull-request comment).",
                        },
                        "save_to": {
                            "type": "string",
                            "description": "Also save the plan JSON to this .json file, "
                            "inside the server's directory (needs --allow-writes).",
                        },
                    }
                ),
                self.plan,
            ),
            Tool(
                "apply_plan",
                "Apply a plan made by `plan`, exactly as reviewed, like `hexsync apply "
                "plan.json`: the checksum is verified, the workspace is read again and the plan "
                "is refused if anything it relies on changed since it was made (plan again "
                "then), or if it was refused by policy; otherwise every change is carried out "
                "and read back. Returns the report: each change done, failed or skipped, and "
                "what did not converge. Only after the user approved the plan.",
                _schema(
                    {
                        "plan": {
                            "type": ["string", "object"],
                            "description": "The plan JSON exactly as `plan` returned it (text "
                            "or object).",
                        },
                        "plan_file": {
                            "type": "string",
                            "description": "Or: a plan saved by `plan` (save_to) or by "
                            "`hexsync plan --out`.",
                        },
                        "confirm": _CONFIRM,
                    },
                    ("confirm",),
                ),
                self.apply_plan,
                read_only=False,
                destructive=True,
            ),
            Tool(
                "trigger_run",
                "Run a project's latest published version. Input values are JSON values "
                "(numbers, booleans, text, lists). dry_run only checks the request. "
                "wait_seconds waits for the run to finish (polling its status) up to that long.",
                _schema(
                    {
                        "project": _PROJECT,
                        "inputs": {"type": "object", "description": "Input name → value."},
                        "view_id": {"type": "string", "description": "Run a saved view."},
                        "dry_run": {"type": "boolean", "default": False},
                        "update_cache": {
                            "type": "boolean",
                            "description": "Update the published app's cached results.",
                        },
                        "use_cached_sql": {
                            "type": "boolean",
                            "description": "false re-runs SQL instead of using cached results.",
                        },
                        "notify": {
                            "type": "object",
                            "additionalProperties": False,
                            "properties": {
                                "on": {"enum": ["success", "failure", "all"]},
                                "slack_channel_ids": {"type": "array", "items": {"type": "string"}},
                                "user_emails": {"type": "array", "items": {"type": "string"}},
                                "group_names": {"type": "array", "items": {"type": "string"}},
                            },
                        },
                        "wait_seconds": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": MAX_WAIT_SECONDS,
                        },
                        "confirm": _CONFIRM,
                    },
                    ("project", "confirm"),
                ),
                self.trigger_run,
                read_only=False,
            ),
            Tool(
                "cancel_run",
                "Cancel a PENDING or RUNNING run of a project.",
                _schema(
                    {"project": _PROJECT, "run_id": _RUN_ID, "confirm": _CONFIRM},
                    ("project", "run_id", "confirm"),
                ),
                self.cancel_run,
                read_only=False,
                destructive=True,
            ),
            Tool(
                "create_embed_url",
                "A single-use presigned URL that embeds a project's published app (Hex "
                "Enterprise with Embedded Analytics). Anyone holding it can open the app once "
                "before it expires.",
                _schema(
                    {
                        "project": _PROJECT,
                        "user_attributes": {
                            "type": "object",
                            "additionalProperties": {"type": "string"},
                            "description": "Hex user attributes for the viewer.",
                        },
                        "inputs": {"type": "object", "description": "Input name → default."},
                        "exports": {
                            "type": "array",
                            "items": {"enum": sorted(SCOPES)},
                            "description": "Let the viewer export.",
                        },
                        "expires_in_ms": {
                            "type": "integer",
                            "minimum": 1,
                            "maximum": MAX_EXPIRES_MS,
                        },
                        "theme": {"enum": ["light", "dark"]},
                        "show_run_button": {"type": "boolean"},
                        "no_header_padding": {"type": "boolean"},
                        "no_base_padding": {"type": "boolean"},
                        "no_outline": {"type": "boolean"},
                        "no_footer": {"type": "boolean"},
                        "test_mode": {"type": "boolean", "default": False},
                        "confirm": _CONFIRM,
                    },
                    ("project", "confirm"),
                ),
                self.create_embed_url,
                read_only=False,
            ),
            Tool(
                "deactivate_user",
                "Deactivate users by email. Hex has no way to re-activate them through the "
                "API. Every email is checked first; an unknown one stops the call before "
                "anything changes. Workspaces with Directory Sync manage users in their "
                "identity provider. Prefer declaring `users: [{email, active: false}]` in the "
                "manifests and going through plan and apply_plan.",
                _schema(
                    {
                        "emails": {
                            "type": "array",
                            "items": {"type": "string", "minLength": 1},
                            "minItems": 1,
                        },
                        "confirm": _CONFIRM,
                    },
                    ("emails", "confirm"),
                ),
                self.deactivate_user,
                read_only=False,
                destructive=True,
            ),
        ]


def build_server(tools: HexTools, *, secrets: tuple[str, ...] = ()) -> Server:
    """The server for ``tools``: write tools listed only when ``tools.allow_writes``."""
    everything = tools.catalogue()
    listed = [t for t in everything if t.read_only or tools.allow_writes]
    unavailable = {
        t.name: (
            f"{t.name} changes the workspace and this server is read-only. To enable write "
            "tools, start it with `hexsync mcp --allow-writes` (in the MCP client's "
            'configuration: "args": ["mcp", "--allow-writes"]).'
        )
        for t in everything
        if not (t.read_only or tools.allow_writes)
    }
    return Server(
        name="hexsync",
        version=__version__,
        tools=listed,
        unavailable=unavailable,
        instructions=INSTRUCTIONS,
        secrets=secrets,
    )


def _server_policy(policy_file: Path | None, manifests: Path | None) -> Policy:
    """The policy that binds the session, read once at start: a manifest error stops the
    server (exit 1) rather than letting it run unbound."""
    source = policy_file or manifests
    if source is None:
        return Policy()  # hexsync's defaults: nothing pruned, max_destroy 10, no public web
    try:
        return load([str(source)]).policy
    except HexsyncError as exc:
        option = "--policy" if policy_file is not None else "--manifests"
        raise ConfigError(
            f"cannot read the server's policy from {option} {source}: {exc}",
            hint="fix the manifests (`hexsync validate`), or give --policy FILE",
        ) from None


def _log_to_stderr(verbose: int, secrets: tuple[str, ...]) -> None:
    logger = logging.getLogger("hexsync.mcp")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("hexsync mcp: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


@click.command()
@click.option(
    "--allow-writes",
    is_flag=True,
    help="Also offer the tools that change the workspace: apply_plan, trigger_run, cancel_run, "
    "create_embed_url, deactivate_user (each still needs confirm: true).",
)
@click.option(
    "--manifests",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Manifests directory: what validate and plan read when the agent names nothing, the "
    "only directory the tools read or write files in, and (without --policy) the policy that "
    "binds every plan.",
)
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A manifest file whose `policy:` binds every plan and write of this server "
    "(default: the policy in --manifests). Manifests the agent gives may only tighten it.",
)
@click.option(
    "--allow-destroy",
    is_flag=True,
    help="Let the agent's plans and deactivate_user go over policy.max_destroy "
    "(allow_destroy: true). Protect is never lifted.",
)
@click.pass_obj
def mcp(
    opts: GlobalOptions,
    allow_writes: bool,
    manifests: Path | None,
    policy_file: Path | None,
    allow_destroy: bool,
) -> None:
    """Serve hexsync's operations to AI agents over MCP (stdio).

    Read-only unless --allow-writes. The token comes from HEX_API_TOKEN or --token-file, as
    for every command. Standard output carries only protocol messages; logs go to stderr.
    The policy of --policy FILE (or of --manifests) binds every plan and write tool.
    """
    policy = _server_policy(policy_file, manifests)
    secrets: tuple[str, ...] = ()
    client: HexClient | None = None
    problem: str | None = None
    try:
        token = load_token(opts.token_file)
        secrets = (token.reveal(),)
        client = build_client(opts)
    except ConfigError as exc:
        problem = str(exc)  # validate still works offline; API tools say what is missing
    _log_to_stderr(opts.verbose, secrets)
    if problem:
        logging.getLogger("hexsync.mcp").warning("%s", problem)
    tools = HexTools(
        client,
        client_problem=problem,
        manifests=manifests.resolve() if manifests else None,
        allow_writes=allow_writes,
        policy=policy,
        allow_destroy=allow_destroy,
    )
    server = build_server(tools, secrets=secrets)
    protocol_out = sys.stdout.buffer

    async def run() -> None:
        try:
            await server.serve(sys.stdin.buffer, protocol_out)
        finally:
            if client is not None:
                await client.aclose()

    # Anything printed by mistake goes to stderr: stdout carries protocol messages only.
    with contextlib.redirect_stdout(sys.stderr):
        asyncio.run(run())

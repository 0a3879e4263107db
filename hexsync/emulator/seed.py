"""The emulator's seed: the workspace it starts from, as JSON or YAML.

The format is deliberately close to the manifests. Every key is optional unless marked
*required*; unknown keys are errors. Ids (UUIDs) are generated where absent, deterministically
(uuid5 of the kind and the name, email or title), so one seed always gives the same ids.
Timestamps are ISO 8601 strings (a YAML timestamp works too) and come back as
``YYYY-MM-DDTHH:MM:SS.mmmZ``.

```yaml
org: {id: <uuid>, name: Acme,          # plan: ENTERPRISE (default) or TEAM; embedding: true
     plan: ENTERPRISE, embedding: true,  #   (default) when it has the Embedded Analytics add-on;
     share_to_web: true}                 #   share_to_web: false when settings disable it
tokens:                                  # the bearer tokens the emulator accepts
  - {token: hxtw_demo, kind: workspace}  # kind defaults from the prefix (hxtw_/hxtp_)
  - {token: hxtp_alice, kind: personal, user: alice@acme.com, expires_at: null}
  # a workspace token may name the admin it acts as when it creates projects (`user`);
  # without it, the first active ADMIN by email is the owner of projects it creates.
statuses: [Exploratory, In development, Production, Deprecated]   # UpdateProject accepts these
categories: [{name: Finance, description: null}]  # optional descriptions for project categories
undocumented_roles: [BILLING_ADMIN]              # optional: roles beyond the API's enum (doctor)
users:
  - {id: <uuid>, email: alice@acme.com, name: Alice, role: ADMIN,  # role default EDITOR
     active: true, last_login_date: null}         # lastLoginDate is accepted too
groups:
  - {id: <uuid>, name: Analysts, members: [alice@acme.com], created_at: <ts>}
collections:
  - id: <uuid>
    name: Finance
    description: Finance team dashboards
    creator: alice@acme.com
    sharing: {users: {alice@acme.com: MANAGE}, groups: {Analysts: VIEW}, workspace: VIEW}
    created_at: <ts>
projects:
  - id: <uuid>
    title: Revenue overview                      # required
    description: Weekly revenue by region
    owner: alice@acme.com                        # required
    creator: alice@acme.com                      # default: the owner
    type: PROJECT                                # or COMPONENT (also `component: true`)
    status: Production                           # a name from `statuses`, or null
    categories: [Finance]
    published: true                              # runs and embedding need a published version
    version: 1                                   # the published version runs report
    created_at: <ts>                             # default: a fixed date + one minute per
    last_edited_at: <ts>                         #   position in the seed (later = newer)
    last_published_at: <ts>                      # default: created_at when published
    archived: false                              # or a timestamp (archived_at); trashed alike
    last_viewed_at: <ts>                         # analytics.lastViewedAt (default: null)
    sharing: {workspace: APP_ONLY, public_web: NONE, support: NONE,
              users: {}, groups: {Analysts: CAN_VIEW}, collections: {Finance: CAN_VIEW}}
    queried_tables: [{connection: Warehouse, table: analytics.revenue}]
    inputs:                                      # declared inputs: RunProject checks names and
      - {name: region, type: string, default: ALL}   # types; without `inputs`, any are accepted
    run_result: COMPLETED                        # how its runs end: COMPLETED | ERRORED |
                                                 #   UNABLE_TO_ALLOCATE_KERNEL
    views:                                       # saved views: RunProject's viewId must name
      - {id: <uuid>, name: EMEA, inputs: {region: EMEA}}  # one (id default: stable per title+name)
data_connections:
  - id: <uuid>
    name: Warehouse                              # required
    type: snowflake                              # required: athena|bigquery|clickhouse|...
    description: Main warehouse
    connection_details: {accountName: acme, warehouse: WH, database: ANALYTICS}  # no secrets
    connect_via_ssh: false
    include_magic: true
    allow_writeback_cells: false
    schema_refresh_access: ADMINS
    sharing: {workspace: {members: QUERY, guests: NONE, public: NONE}, groups: {Analysts: QUERY}}
    schema:                                      # optional: schema objects and their statuses;
      databases: {ANALYTICS: null}               # when given, schema updates must name them
      schemas: {ANALYTICS.finance: null}
      tables: {ANALYTICS.finance.arr: Production}
    created_at: <ts>
runs: []                                         # written by the emulator (state files)
```

Access levels are NONE, APP_ONLY, CAN_VIEW, CAN_EDIT, FULL_ACCESS; a Viewer (role MEMBER)
granted more than CAN_VIEW on a project is loaded as CAN_VIEW, as Hex holds it (docs/emulator.md).
Collection sharing levels are opaque strings (as in Hex). ``GET /_emulator/state`` returns this
format with every default filled in; loading that gives the same workspace back.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hexsync.emulator.seed_format import SeedError, _Checker, _MarkedLoader
from hexsync.emulator.seed_objects import _normalize
from hexsync.emulator.unicode_text import not_unicode

# --- YAML that remembers where things are -----------------------------------------------------


# --- validation ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Seed:
    """A validated seed: the normalized data (every default and id filled in) and its source.

    ``data`` is in the seed format of the module docstring; ``Seed.from_dict(seed.data)`` gives an
    equal seed. Treat it as read-only (the store copies it).
    """

    data: Mapping[str, Any]
    source: str = "<seed>"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "<seed>") -> Seed:
        """Validate and normalize seed ``data``; raise SeedError listing every problem."""
        checker = _Checker(source)
        for problem in not_unicode(data):  # "\ud800": no answer (nor an id) could be made of it
            checker.error(0, problem)
        normalized = {} if checker.problems else _normalize(checker, data)
        if checker.problems:
            count = len(checker.problems)
            raise SeedError(
                f"{source}: {count} problem{'s' if count > 1 else ''} in the emulator seed:\n  "
                + "\n  ".join(checker.problems),
                hint="fix the seed file (its format is described in hexsync/emulator/seed.py)",
            )
        return cls(normalized, source)

    @property
    def org_id(self) -> str:
        return str(self.data["org"]["id"])

    @property
    def tokens(self) -> list[dict[str, Any]]:
        return [dict(t) for t in self.data["tokens"]]

    def token_for(self, email: str | None = None) -> str:
        """A token of the seed: the workspace token (no email) or ``email``'s personal token."""
        for token in self.data["tokens"]:
            if email is None and token["kind"] == "workspace":
                return str(token["token"])
            if email is not None and token["kind"] == "personal" and token["user"] == email:
                return str(token["token"])
        raise KeyError(email or "workspace token")

    def id_of(self, kind: str, key: str) -> str:
        """The id of the user (email), group, collection, data connection (name) or project
        (title) ``key``; ``kind`` is the seed's list name (``users``, ``groups`` …)."""
        field_name = {"users": "email", "projects": "title"}.get(kind, "name")
        for item in self.data[kind]:
            if item[field_name] == key:
                return str(item["id"])
        raise KeyError(f"{kind}: {key}")

    def copy_data(self) -> dict[str, Any]:
        return copy.deepcopy(dict(self.data))


def load_seed(path: str | Path) -> Seed:
    """Read a seed file (JSON or YAML) and validate it; SeedError names the file and lines."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SeedError(f"{path}: cannot read the seed file: {exc.strerror}") from exc
    try:
        data = yaml.load(text, Loader=_MarkedLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as jexc:
                raise SeedError(f"{path}:{jexc.lineno}: invalid JSON: {jexc.msg}") from jexc
        else:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            raise SeedError(f"{path}{line}: invalid YAML: {exc}") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SeedError(f"{path}:1: the seed must be a mapping at the top level")
    return Seed.from_dict(data, source=str(path))


# --- normalization -----------------------------------------------------------------------------

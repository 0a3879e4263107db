"""Generate ``examples/acme/seed.yaml``, the example workspace behind the demo and the docs.

The committed ``seed.yaml`` is what users read; this script only keeps it consistent (every
member, owner and sharing name exists) and deterministic. Run it from anywhere::

    python examples/acme/make_seed.py          # rewrite seed.yaml
    python examples/acme/make_seed.py --check  # exit 1 if seed.yaml is out of date

The live state deliberately differs from the example manifests in the ways a reviewer should see
(Analysts has dave, not carol; "Revenue overview" is In development and shared with erin; a
"Legacy contractors" group still exists; the Finance collection is shared with peggy, not with
the Executives), so ``hexsync plan examples/acme`` has something to show.
"""

from __future__ import annotations

import json
import random
import re
import sys
import uuid
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEED = HERE / "seed.yaml"
NAMESPACE = uuid.UUID("5a8591dd-4039-49df-9202-96385ba3eff8")  # the org id

# (email local part, display name, role); order is the file's order.
USERS: list[tuple[str, str, str]] = [
    ("alice", "Alice Moreau", "ADMIN"),
    ("it-admin", "IT Admin", "ADMIN"),
    ("bob", "Bob Okafor", "EDITOR"),
    ("carol", "Carol Lindqvist", "EDITOR"),
    ("dave", "Dave Kowalski", "EXPLORER"),
    ("erin", "Erin Nakamura", "EDITOR"),
    ("frank", "Frank Osei", "MANAGER"),
    ("grace", "Grace Huang", "EDITOR"),
    ("heidi", "Heidi Schmidt", "EXPLORER"),
    ("ivan", "Ivan Petrov", "EDITOR"),
    ("judy", "Judy Alvarez", "MEMBER"),
    ("mallory", "Mallory Quinn", "EDITOR"),
    ("niaj", "Niaj Rahman", "EXPLORER"),
    ("olivia", "Olivia Bennett", "MANAGER"),
    ("peggy", "Peggy Walsh", "MEMBER"),
    ("rupert", "Rupert Fairbanks", "EXPLORER"),
    ("sybil", "Sybil Adeyemi", "EDITOR"),
    ("ted", "Ted Marchetti", "MEMBER"),
    ("uma", "Uma Krishnan", "EDITOR"),
    ("wendy", "Wendy Castillo", "EXPLORER"),
    ("xavier", "Xavier Dubois", "EDITOR"),
    ("yasmin", "Yasmin Haddad", "EXPLORER"),
    ("zoe", "Zoe Fitzgerald", "MEMBER"),
    ("aaron", "Aaron Whitfield", "EDITOR"),
    ("beatriz", "Beatriz Souza", "EXPLORER"),
    ("chen.wei", "Chen Wei", "EDITOR"),
    ("diana", "Diana Popescu", "MEMBER"),
    ("emeka", "Emeka Nwosu", "EXPLORER"),
    ("fatima", "Fatima Zahra", "EDITOR"),
    ("gabriel", "Gabriel Lopez", "MEMBER"),
    ("hannah", "Hannah Berg", "EXPLORER"),
    ("isaac", "Isaac Levi", "EDITOR"),
    ("jonas", "Jonas Eriksen", "MEMBER"),
    ("kavya", "Kavya Menon", "EXPLORER"),
    ("liam", "Liam O'Connor", "MEMBER"),
    ("maya", "Maya Goldberg", "EDITOR"),
    ("victor", "Victor Lang", "GUEST"),  # the contractors' account manager, outside the company
    ("walter", "Walter Brandt", "EXPLORER"),  # a contractor
    ("trent", "Trent Holloway", "EDITOR"),  # left the company
    ("sam", "Sam Doyle", "EXPLORER"),  # left the company
]
DEACTIVATED = {"trent", "sam"}


def email(local: str) -> str:
    return f"{local}@acme.com"


GROUPS: list[tuple[str, list[str]]] = [
    ("Admins", ["alice", "it-admin"]),
    ("Analysts", ["alice", "bob", "dave", "heidi", "niaj", "wendy", "beatriz", "kavya"]),
    ("Data Engineering", ["ivan", "grace", "uma", "chen.wei", "isaac", "maya"]),
    ("Finance", ["frank", "judy", "peggy", "rupert", "fatima", "jonas"]),
    ("Marketing", ["olivia", "sybil", "yasmin", "zoe", "hannah", "gabriel"]),
    ("Sales Ops", ["xavier", "ted", "aaron", "diana", "emeka", "liam"]),
    ("Executives", ["frank", "olivia", "carol"]),
    ("Legacy contractors", ["victor", "walter"]),
]

COLLECTIONS: list[tuple[str, str]] = [
    ("Finance", "Finance team dashboards"),
    ("Marketing", "Campaign performance, attribution and funnel analyses"),
    ("Sales", "Pipeline, bookings and territory reporting"),
    ("Product", "Product usage and experiment readouts"),
    ("Executive", "Board and leadership metrics, reviewed monthly"),
    ("Data Platform", "Warehouse health, freshness and cost monitoring"),
]

# Who may see each collection (and so every project shared with it): (creator, sharing).
# Levels are Hex's own strings (docs/collections.md): MANAGE, VIEW, MEMBER.
COLLECTION_SHARING: dict[str, tuple[str | None, dict[str, Any]]] = {
    "Finance": (
        "frank",
        {
            "users": {email("frank"): "MANAGE", email("peggy"): "VIEW"},
            "groups": {"Finance": "VIEW"},
        },
    ),
    "Marketing": (
        "olivia",
        {"users": {email("olivia"): "MANAGE"}, "groups": {"Marketing": "VIEW"}},
    ),
    "Sales": ("xavier", {"users": {email("xavier"): "MANAGE"}, "groups": {"Sales Ops": "VIEW"}}),
    "Product": (None, {"groups": {"Analysts": "VIEW"}, "workspace": "MEMBER"}),
    "Executive": (
        None,
        {"users": {email("it-admin"): "MANAGE"}, "groups": {"Executives": "VIEW"}},
    ),
    "Data Platform": (
        "ivan",
        {"users": {email("ivan"): "MANAGE"}, "groups": {"Data Engineering": "MANAGE"}},
    ),
}

CONNECTIONS: list[tuple[str, str, str]] = [
    ("Warehouse", "snowflake", "Main warehouse (Snowflake, ANALYTICS database)"),
    ("App DB", "postgres", "Read replica of the production application database"),
    ("Marketing BigQuery", "bigquery", "GA4 and ad-platform exports"),
]

# Who may query each connection (QUERY) or see its results (VIEW_RESULTS): docs/data.md.
CONNECTION_SHARING: dict[str, dict[str, Any]] = {
    "Warehouse": {
        "workspace": {"members": "VIEW_RESULTS", "guests": "NONE", "public": "NONE"},
        "groups": {"Analysts": "QUERY", "Data Engineering": "QUERY", "Finance": "QUERY"},
    },
    "App DB": {
        "workspace": {"members": "NONE", "guests": "NONE", "public": "NONE"},
        "groups": {"Data Engineering": "QUERY", "Analysts": "VIEW_RESULTS"},
    },
    "Marketing BigQuery": {
        "workspace": {"members": "VIEW_RESULTS", "guests": "NONE", "public": "NONE"},
        "groups": {"Marketing": "QUERY"},
    },
}

# (title, description, owner, home collection or None, group that uses it or None)
PROJECTS: list[tuple[str, str, str, str | None, str | None]] = [
    ("Revenue overview", "Weekly revenue by region", "alice", "Finance", "Analysts"),
    (
        "ARR bridge",
        "New, expansion, contraction and churn ARR by month",
        "frank",
        "Finance",
        "Finance",
    ),
    ("Cash runway model", "Burn and runway scenarios", "fatima", "Finance", "Finance"),
    ("Monthly close checklist", "Close tasks and reconciliations", "judy", "Finance", "Finance"),
    ("Invoice aging", "Receivables by age bucket and customer", "peggy", "Finance", "Finance"),
    ("Budget vs actuals", "Department spend against plan", "rupert", "Finance", "Finance"),
    ("Billing anomalies", "Invoices that deviate from contract terms", "jonas", "Finance", None),
    ("Pricing experiment readout", "Q3 pricing page test", "bob", "Product", "Analysts"),
    ("Churn drivers", "What predicts a cancellation", "dave", "Product", "Analysts"),
    ("Activation funnel", "Sign-up to first value", "heidi", "Product", "Analysts"),
    ("Feature adoption", "Weekly active use per feature", "niaj", "Product", "Analysts"),
    ("Retention cohorts", "Monthly cohorts by plan", "wendy", "Product", "Analysts"),
    ("NPS verbatims", "Survey answers, tagged", "beatriz", "Product", None),
    ("Onboarding A/B test", "Checklist vs guided tour", "kavya", "Product", "Analysts"),
    ("Search quality", "Zero-result queries and click-through", "bob", "Product", None),
    (
        "Campaign performance",
        "Spend, clicks and conversions per campaign",
        "olivia",
        "Marketing",
        "Marketing",
    ),
    (
        "Attribution model",
        "Multi-touch attribution, position based",
        "sybil",
        "Marketing",
        "Marketing",
    ),
    ("Web traffic", "Sessions and sources from GA4", "yasmin", "Marketing", "Marketing"),
    ("Lead scoring", "MQL scoring model and calibration", "sybil", "Marketing", "Sales Ops"),
    ("Event ROI", "Pipeline sourced by conferences and webinars", "zoe", "Marketing", "Marketing"),
    ("Content engagement", "Blog and docs reading time", "hannah", "Marketing", None),
    ("Newsletter growth", "Subscribers, opens and unsubscribes", "gabriel", "Marketing", None),
    ("Pipeline review", "Open opportunities by stage and owner", "xavier", "Sales", "Sales Ops"),
    ("Bookings forecast", "Commit, best case and pipeline", "xavier", "Sales", "Sales Ops"),
    ("Territory planning", "Account assignment by segment", "aaron", "Sales", "Sales Ops"),
    ("Quota attainment", "Rep attainment, quarter to date", "ted", "Sales", "Sales Ops"),
    ("Win/loss analysis", "Reasons from closed opportunities", "diana", "Sales", "Sales Ops"),
    ("Renewals calendar", "Contracts up for renewal, next 120 days", "emeka", "Sales", "Sales Ops"),
    ("Partner sourced deals", "Deals registered by resellers", "liam", "Sales", None),
    (
        "Board deck metrics",
        "The numbers in the quarterly board deck",
        "frank",
        "Executive",
        "Executives",
    ),
    ("Company KPIs", "North-star and supporting metrics", "olivia", "Executive", "Executives"),
    ("Headcount plan", "Hiring plan against budget", "carol", "Executive", "Executives"),
    ("OKR tracker", "Company and team objectives", "carol", "Executive", None),
    (
        "Warehouse freshness",
        "Late and failed loads per source",
        "ivan",
        "Data Platform",
        "Data Engineering",
    ),
    (
        "dbt run monitor",
        "Model build times and test failures",
        "grace",
        "Data Platform",
        "Data Engineering",
    ),
    ("Snowflake cost", "Credits by warehouse and role", "uma", "Data Platform", "Data Engineering"),
    (
        "Data quality checks",
        "Row counts, nulls and duplicates on core tables",
        "chen.wei",
        "Data Platform",
        "Data Engineering",
    ),
    ("Schema change log", "DDL changes in the warehouse", "isaac", "Data Platform", None),
    (
        "Pipeline SLAs",
        "Ingestion SLAs per source system",
        "maya",
        "Data Platform",
        "Data Engineering",
    ),
    ("Query performance", "Slowest queries and their owners", "ivan", "Data Platform", None),
    ("Customer 360", "Everything about one account", "erin", None, "Analysts"),
    ("Support ticket trends", "Volume and resolution time by category", "erin", None, None),
    (
        "Usage-based billing",
        "Metered usage feeding invoices",
        "grace",
        "Finance",
        "Data Engineering",
    ),
    ("Ad hoc: Q2 board question", "One-off analysis for the Q2 board meeting", "dave", None, None),
    ("Scratchpad", "Personal sandbox", "bob", None, None),
    ("Regional sales map", "Bookings by country on a map", "aaron", "Sales", None),
    ("Trial conversion", "Free trial to paid by channel", "heidi", "Product", "Analysts"),
    (
        "Experiment platform",
        "Guardrail metrics for all running experiments",
        "kavya",
        "Product",
        "Analysts",
    ),
    ("Payroll summary", "Payroll by department (restricted)", "judy", None, None),
    ("Vendor spend", "Top vendors and contract renewals", "rupert", "Finance", "Finance"),
    ("Market sizing", "TAM/SAM by segment", "yasmin", None, "Marketing"),
    ("SEO keywords", "Ranking and traffic per keyword", "hannah", "Marketing", None),
    (
        "Customer health score",
        "Usage, support and billing signals per account",
        "emeka",
        "Sales",
        "Sales Ops",
    ),
    ("Product status page", "Public uptime and incident history", "it-admin", None, None),
    (
        "Contractor timesheets",
        "Hours logged by external contractors",
        "walter",
        None,
        "Legacy contractors",
    ),
    ("Legacy KPI dashboard", "Superseded by Company KPIs", "mallory", "Executive", None),
    ("Old attribution (v1)", "Last-touch model, kept for reference", "mallory", "Marketing", None),
    ("2023 planning model", "Last year's plan", "frank", "Finance", None),
    (
        "Inventory of dashboards",
        "Which projects are used, by whom",
        "it-admin",
        "Data Platform",
        None,
    ),
    ("Access review", "Quarterly review of who can see what", "alice", None, "Admins"),
]

STATUS_BY_HINT = {
    "Legacy": "Deprecated",
    "Old ": "Deprecated",
    "2023": "Deprecated",
    "Ad hoc": None,
    "Scratchpad": None,
}

TABLES: dict[str, list[tuple[str, str]]] = {
    "Revenue overview": [("Warehouse", "analytics.revenue"), ("Warehouse", "analytics.regions")],
    "ARR bridge": [("Warehouse", "finance.arr_movements")],
    "Churn drivers": [("Warehouse", "analytics.subscriptions"), ("App DB", "public.accounts")],
    "Campaign performance": [
        ("Marketing BigQuery", "ads.campaign_daily"),
        ("Warehouse", "marketing.spend"),
    ],
    "Web traffic": [("Marketing BigQuery", "ga4.events")],
    "Pipeline review": [("Warehouse", "salesforce.opportunities")],
    "Snowflake cost": [("Warehouse", "snowflake.account_usage.warehouse_metering_history")],
    "Customer 360": [
        ("Warehouse", "analytics.accounts"),
        ("App DB", "public.workspaces"),
        ("App DB", "public.users"),
    ],
    # Personal data (the data.classes of manifests/data.yaml): docs/data.md.
    "Support ticket trends": [("App DB", "public.support_tickets"), ("App DB", "public.users")],
    "NPS verbatims": [("App DB", "public.survey_responses")],
    "Customer health score": [
        ("Warehouse", "analytics.accounts"),
        ("Warehouse", "raw.zendesk_customers"),
    ],
    "Invoice aging": [("Warehouse", "finance.invoices"), ("Warehouse", "raw.stripe_customers")],
    "Payroll summary": [("Warehouse", "hr.payroll")],
}

INPUTS: dict[str, list[dict[str, Any]]] = {
    "Revenue overview": [{"name": "region", "type": "string", "default": "ALL"}],
    "Bookings forecast": [
        {"name": "quarter", "type": "string", "default": "2026-Q1"},
        {"name": "include_best_case", "type": "boolean", "default": False},
    ],
    "Customer 360": [{"name": "account_id", "type": "string"}],
    "Warehouse freshness": [{"name": "max_lag_hours", "type": "number", "default": 6}],
}

ACCESS = ["APP_ONLY", "CAN_VIEW", "CAN_EDIT", "FULL_ACCESS"]


def project_id(title: str) -> str:
    if title == "Revenue overview":
        return "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"  # the id the example manifests pin
    return str(uuid.uuid5(NAMESPACE, f"project:{title}"))


def build() -> dict[str, Any]:
    rng = random.Random(20260101)  # noqa: S311 - a reproducible file, not a secret
    # Contractors and people who left get access only where stated explicitly.
    staff = [local for local, _, _ in USERS if local not in DEACTIVATED | {"victor", "walter"}]
    projects: list[dict[str, Any]] = []
    for title, description, owner, collection, group in PROJECTS:
        status: str | None
        hint = next((s for h, s in STATUS_BY_HINT.items() if title.startswith(h)), "unset")
        if hint != "unset":
            status = hint
        else:
            status = rng.choice(["Production"] * 3 + ["In development"] * 2 + ["Exploratory", None])
        users: dict[str, str] = {}
        for other in rng.sample([u for u in staff if u != owner], k=rng.choice([0, 0, 1, 1, 2, 3])):
            users[email(other)] = rng.choice(["CAN_VIEW", "CAN_EDIT", "APP_ONLY"])
        groups: dict[str, str] = {}
        if group:
            groups[group] = rng.choice(["CAN_VIEW", "CAN_EDIT", "APP_ONLY"])
        if rng.random() < 0.2:
            groups["Executives"] = "APP_ONLY"
        collections = {collection: "CAN_VIEW"} if collection else {}
        workspace = rng.choice(["NONE", "NONE", "APP_ONLY", "APP_ONLY", "CAN_VIEW"])
        public_web = "NONE"
        published = status != "Exploratory" and rng.random() < 0.85
        if title == "Revenue overview":  # what the example plan starts from
            status, workspace, published = "In development", "NONE", True
            users = {"erin@acme.com": "CAN_EDIT"}
            groups = {"Analysts": "CAN_VIEW"}
        if title == "Payroll summary":
            workspace, users, groups = "NONE", {"frank@acme.com": "CAN_VIEW"}, {}
        if title == "Product status page":  # the one deliberately public project
            status, workspace, public_web, published = "Production", "APP_ONLY", "APP_ONLY", True
        if title in ("Scratchpad", "Ad hoc: Q2 board question"):
            workspace, users, groups, published = "NONE", {}, {}, False
        if title == "Access review":
            workspace, users, groups = "NONE", {}, {"Admins": "FULL_ACCESS"}
        if title in INPUTS:
            published = True
        project: dict[str, Any] = {
            "id": project_id(title),
            "title": title,
            "description": description,
            "owner": email(owner),
            "status": status,
            "published": published,
            "sharing": {
                "workspace": workspace,
                "public_web": public_web,
                "users": users,
                "groups": groups,
                "collections": collections,
            },
        }
        if title in TABLES:
            project["queried_tables"] = [{"connection": c, "table": t} for c, t in TABLES[title]]
        if title in INPUTS:
            project["inputs"] = INPUTS[title]
        projects.append(project)

    return {
        "org": {"id": str(NAMESPACE), "name": "Acme"},
        "tokens": [
            {"token": "hxtw_demo", "kind": "workspace"},
            {"token": "hxtp_alice", "kind": "personal", "user": "alice@acme.com"},
            {"token": "hxtp_bob", "kind": "personal", "user": "bob@acme.com"},
            {"token": "hxtp_heidi", "kind": "personal", "user": "heidi@acme.com"},
        ],
        "statuses": ["Exploratory", "In development", "Production", "Deprecated"],
        "users": [
            {"email": email(local), "name": name, "role": role}
            | ({"active": False} if local in DEACTIVATED else {})
            for local, name, role in USERS
        ],
        "groups": [{"name": n, "members": [email(m) for m in ms]} for n, ms in GROUPS],
        "collections": [
            {"name": n, "description": d}
            | ({"creator": email(COLLECTION_SHARING[n][0])} if COLLECTION_SHARING[n][0] else {})
            | {"sharing": COLLECTION_SHARING[n][1]}
            for n, d in COLLECTIONS
        ],
        "projects": projects,
        "data_connections": [
            {"name": n, "type": t, "description": d, "sharing": CONNECTION_SHARING[n]}
            for n, t, d in CONNECTIONS
        ],
    }


# --- a small emitter: flow style for short records, block style for projects -----------------

_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_ .@/'()-]*$")
_RESERVED = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"}


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _RESERVED and not text.endswith(" "):
        return text
    return json.dumps(text)


def flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def render(seed: dict[str, Any]) -> str:
    out = [
        "# The Acme example workspace: the live state behind `hexsync demo` and the docs.",
        "# Serve it with:  hexsync emulator serve --seed examples/acme/seed.yaml",
        "# Tokens below are fake and only mean something to the emulator.",
        "# Generated by examples/acme/make_seed.py (edit that, then run it).",
        "",
        f"org: {flow(seed['org'])}",
        "",
        "tokens:",
        *(f"  - {flow(t)}" for t in seed["tokens"]),
        "",
        f"statuses: {flow(seed['statuses'])}",
        "",
        "users:",
        *(f"  - {flow(u)}" for u in seed["users"]),
        "",
        "groups:",
    ]
    for group in seed["groups"]:
        out.append(f"  - name: {scalar(group['name'])}")
        out.append("    members:")
        out.extend(f"      - {scalar(m)}" for m in group["members"])
    out += ["", "collections:", *(f"  - {flow(c)}" for c in seed["collections"]), ""]
    out.append("projects:")
    for project in seed["projects"]:
        out.append(f"  - id: {project['id']}")
        for key in ("title", "description", "owner", "status", "published"):
            out.append(f"    {key}: {scalar(project[key])}")
        out.append("    sharing:")
        for key, value in project["sharing"].items():
            out.append(f"      {key}: {flow(value)}")
        for key in ("queried_tables", "inputs"):
            if key in project:
                out.append(f"    {key}:")
                out.extend(f"      - {flow(item)}" for item in project[key])
    out += ["", "data_connections:", *(f"  - {flow(c)}" for c in seed["data_connections"])]
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    text = render(build())
    if "--check" in argv:
        if SEED.read_text(encoding="utf-8") != text:
            sys.stderr.write(f"{SEED} is out of date: run {Path(__file__).name}\n")
            return 1
        return 0
    SEED.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"use strict";
(function () {
  const R = JSON.parse(document.getElementById("report-data").textContent);
  // Indexes keyed by workspace data are Maps or null-prototype objects: a group named
  // "constructor" or "__proto__" must be a key like any other, not Object.prototype's.
  const LEVELS = R.levels, RANK = Object.create(null);
  LEVELS.forEach((l, i) => { RANK[l] = i; });
  const CAN_VIEW = RANK["CAN_VIEW"];
  const ROW_H = 30, OVERSCAN = 12;
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; };
  const cell = (text, cls) => { const c = el("div", text, cls); c.setAttribute("role", "cell"); return c; };
  const pathText = (set) => set.map((p) => (p[0] === "owner" ? "as owner (" + p[1] + ")" : "via " + p[0] + " (" + p[1] + ")")).join(", ");
  const maxGranted = (set) => set.reduce((m, p) => Math.max(m, RANK[p[1]] || 0), 0);
  const planned = R.source === "planned";
  // Data classes (docs/data.md), when the report was written with them: each project's
  // classes, and who can see each class. Unknown tables are said so, never shown as "none".
  const DATA = R.data_classes || null;
  const CLASSES = DATA ? DATA.classes : [];
  const classesKnown = DATA !== null && DATA.unknown === null;
  const hasOwn = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);
  const classesOf = (p) => (classesKnown ? CLASSES.filter((c) => hasOwn(p.classes, c)) : []);
  const classText = (p) => !classesKnown ? "unknown" : (classesOf(p).join(", ") || "none");
  const tablesOf = (p, c) => (hasOwn(p.classes, c) ? p.classes[c] : []);

  // Role-based reach (not a grant): the roles whose people could reach every project.
  const ROLES = new Map();
  (R.roles || []).forEach((r) => ROLES.set(r.role, r));
  const CAN = { see: "see it", grant_self: "grant themselves " };
  const roleText = (r) => "through the " + r.name + " role: can " +
    r.can.map((c) => (c === "grant_self" ? CAN.grant_self + r.grants_self : CAN[c] || c)).join(", ") +
    " (" + r.confidence + ")";
  const reachers = [];
  R.people.forEach((p, i) => { if (ROLES.has(p.role)) reachers.push(i); });

  // Per project: the highest level anyone has, and how many people have access.
  const members = R.people.filter((p) => p.workspace_member).length;
  const groupColls = new Map(); // group -> collections shared with it
  R.collections.forEach((c) => c.groups.forEach((g) => {
    if (!groupColls.has(g)) groupColls.set(g, new Set());
    groupColls.get(g).add(c.name);
  }));
  const P = R.projects.map((p, i) => {
    const named = new Set(p.people.map((r) => r[0]));
    let top = RANK[p.everyone_level] || 0;
    p.people.forEach((r) => { if (r[1] > top) top = r[1]; });
    let count = p.people.length;
    if (p.everyone_paths !== null) {
      count += members - p.people.filter((r) => R.people[r[0]].workspace_member).length;
    }
    return { i: i, p: p, top: top, count: count, named: named,
      public: p.public_web !== "NONE", wide: p.everyone_level !== "NONE",
      changed: planned && p.vs_live != null };
  });

  // One person's level and paths on one project (null: none), from the aggregated rows.
  function levelOf(x, idx) {
    const who = R.people[idx];
    for (const r of x.p.people) { if (r[0] === idx) return { level: r[1], paths: R.path_sets[r[2]] }; }
    if (x.p.everyone_paths !== null && who.workspace_member) {
      let level = RANK[x.p.everyone_level];
      if (who.viewer && level > CAN_VIEW) level = CAN_VIEW;
      return { level: level, paths: R.path_sets[x.p.everyone_paths] };
    }
    return null;
  }

  // The person view: one person's level and paths on every project, computed on demand; an
  // Admin (or any role that reaches every project) sees every project, the role's reach apart.
  function personRows(idx) {
    const who = R.people[idx], role = ROLES.get(who.role) || null;
    const out = new Map();
    for (const x of P) {
      const row = levelOf(x, idx);
      if (row) out.set(x.i, Object.assign(row, { role: role }));
      else if (role) out.set(x.i, { level: 0, paths: null, role: role });
    }
    return out;
  }

  // A group's own grant on a project: shared with it directly, or with a collection shared
  // with it (the project's level to the collection); the highest, with where it comes from.
  function groupGrant(p, group) {
    let best = null;
    const take = (level, path) => { if (best === null || RANK[level] > RANK[best.level]) best = { level: level, path: path }; };
    p.groups.forEach((g, n) => { if (g === group) take(p.group_levels[n], "group " + g); });
    const colls = groupColls.get(group);
    if (colls) p.collections.forEach((c, n) => { if (colls.has(c)) take(p.collection_levels[n], "collection " + c + " (shared with the group)"); });
    return best;
  }

  // What the plan would change against live, for one person (null: nothing).
  function wasFor(x, email) {
    if (!x.changed) return null;
    for (const c of x.p.vs_live.changes) { if (c[0] === email) return c; }
    return null;
  }

  const state = { sort: "title", dir: 1, rows: [], person: null, personMap: null, group: "", selected: null,
    find: { text: "", hits: [], at: -1 } };
  const COLS = [
    ["title", "Project"], ["owner", "Owner"], ["public", "Public web"],
    ["wide", "Workspace"], ["count", "People"], ["level", "Highest level / path"],
  ];
  if (DATA) COLS.splice(4, 0, ["classes", "Data classes"]);

  function lastHeader() {
    if (state.person !== null) return "Level of " + R.people[state.person].email + " / path";
    if (state.group) return "Grant to group " + state.group + " / path";
    return "Highest level / path";
  }

  function header() {
    const head = $("thead");
    head.textContent = "";
    COLS.forEach(([key, label]) => {
      const c = el("div", key === "level" ? lastHeader() : label);
      c.setAttribute("role", "columnheader");
      c.dataset.key = key;
      if (state.sort === key) c.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
      c.addEventListener("click", () => { state.dir = state.sort === key ? -state.dir : (key === "title" || key === "owner" ? 1 : -1); state.sort = key; apply(); });
      head.appendChild(c);
    });
  }

  function findPerson(text) {
    const t = text.trim().toLowerCase();
    if (!t) return { idx: null, matches: 0 };
    let exact = R.people.findIndex((p) => p.email === t);
    if (exact >= 0) return { idx: exact, matches: 1 };
    const hits = [];
    R.people.forEach((p, i) => { if (p.email.includes(t) || (p.name || "").toLowerCase().includes(t)) hits.push(i); });
    return { idx: hits.length === 1 ? hits[0] : null, matches: hits.length, first: hits.slice(0, 5) };
  }

  function ownerText(p) {
    if (!p.owner) return "-";
    return p.owner_active === false ? p.owner + " (deactivated)" : p.owner;
  }

  // The text of each cell of a row, as drawn, searched and exported: one source for all three.
  function cells(r) {
    const p = r.x.p;
    let last = LEVELS[r.level];
    if (r.paths && r.paths.length) last += "  " + pathText(r.paths);
    if (r.role && !(r.paths && r.paths.length)) last += "  " + roleText(r.role);
    if (r.was) last += "  (live: " + (r.was[1] || "no access") + ")";
    const out = [p.title, ownerText(p), p.public_web, p.everyone_level];
    if (DATA) out.push(classText(p));
    return out.concat([String(r.x.count), last]);
  }

  function apply() {
    const who = findPerson($("f-person").value);
    if (who.idx !== state.person) { state.person = who.idx; state.personMap = who.idx === null ? null : personRows(who.idx); }
    const group = $("f-group").value, coll = $("f-collection").value;
    state.group = group;
    const title = $("f-project").value.trim().toLowerCase();
    const min = Number($("f-level").value || 0);
    const onlyPublic = $("f-public").checked, onlyWide = $("f-wide").checked;
    const onlyChanged = planned && $("f-changed").checked;
    const cls = classesKnown ? $("f-class").value : "";
    const gColls = group ? (groupColls.get(group) || new Set()) : null;
    const rows = [];
    for (const x of P) {
      const p = x.p;
      if (onlyPublic && !x.public) continue;
      if (onlyWide && !x.wide) continue;
      if (onlyChanged && !x.changed) continue;
      if (cls && !hasOwn(p.classes, cls)) continue;
      if (title && !p.title.toLowerCase().includes(title)) continue;
      if (coll && !p.collections.includes(coll)) continue;
      if (group && !p.groups.includes(group) && !p.collections.some((c) => gColls.has(c))) continue;
      let level = x.top, paths = null, role = null, was = null;
      if (state.personMap) {
        const r = state.personMap.get(x.i);
        if (!r) continue;
        level = r.level; paths = r.paths; role = r.role;
        const c = wasFor(x, R.people[state.person].email);
        if (c) was = c;
      } else if (group) {
        const g = groupGrant(p, group);
        if (g) { level = RANK[g.level]; paths = [[g.path, g.level]]; }
      }
      if (level < min) continue;
      rows.push({ x: x, level: level, paths: paths, role: role, was: was });
    }
    const k = state.sort, d = state.dir;
    const val = (r) => k === "title" ? r.x.p.title.toLowerCase() : k === "owner" ? (r.x.p.owner || "") :
      k === "public" ? RANK[r.x.p.public_web] : k === "wide" ? RANK[r.x.p.everyone_level] : k === "count" ? r.x.count :
      k === "classes" ? classText(r.x.p) : r.level;
    rows.sort((a, b) => { const va = val(a), vb = val(b); return va < vb ? -d : va > vb ? d : a.x.i - b.x.i; });
    state.rows = rows;
    header();
    let msg = rows.length + " of " + P.length + " projects";
    if (state.person !== null) {
      const w = R.people[state.person];
      msg += " visible to " + w.email + " (" + (w.role || "role unknown") + ")";
      if (ROLES.has(w.role)) msg += "; every project reachable " + roleText(ROLES.get(w.role));
    } else if (who.matches > 1) msg += "; " + who.matches + " people match: " + who.first.map((i) => R.people[i].email).join(", ") + (who.matches > 5 ? ", …" : "");
    else if ($("f-person").value.trim() && who.matches === 0) msg += "; nobody matches " + JSON.stringify($("f-person").value.trim());
    if (DATA && !classesKnown) msg += "; data classes not known (" + DATA.unknown + ")";
    $("status").textContent = msg;
    whoView(cls);
    $("spacer").style.height = rows.length * ROW_H + "px";
    $("viewport").scrollTop = 0;
    find(false);
    draw();
  }

  function draw() {
    const vp = $("viewport");
    const first = Math.max(0, Math.floor(vp.scrollTop / ROW_H) - OVERSCAN);
    const last = Math.min(state.rows.length, Math.ceil((vp.scrollTop + vp.clientHeight) / ROW_H) + OVERSCAN);
    const box = $("rows");
    box.style.top = first * ROW_H + "px";
    const frag = document.createDocumentFragment();
    const found = state.find.at >= 0 ? state.find.hits[state.find.at] : -1;
    for (let n = first; n < last; n++) {
      const r = state.rows[n], p = r.x.p, text = cells(r);
      const row = el("div", null, "row" + (r.x.public ? " public" : "") + (r.x.wide ? " wide" : "") +
        (r.x.changed ? " changed" : "") + (state.selected === r.x.i ? " selected" : "") + (n === found ? " found" : ""));
      row.setAttribute("role", "row");
      row.tabIndex = 0;
      row.dataset.index = String(r.x.i);
      const t = cell();
      if (r.x.public) t.appendChild(el("span", "PUBLIC", "badge public"));
      if (r.x.wide) t.appendChild(el("span", "WORKSPACE", "badge wide"));
      if (r.x.changed) t.appendChild(el("span", p.vs_live.new ? "NEW" : "CHANGES", "badge changed"));
      t.appendChild(document.createTextNode(p.title));
      t.title = p.title + " (" + p.id + ")";
      row.appendChild(t);
      row.appendChild(cell(text[1]));
      const pub = cell(p.public_web, "lvl"); pub.title = p.public_web === "NONE" ? "not shared to the web" : "anyone with the link: " + p.public_web; row.appendChild(pub);
      const wide = cell(p.everyone_level, "lvl");
      wide.title = p.everyone_paths === null ? "not shared with the workspace" : "every workspace member (not Guests): " + pathText(R.path_sets[p.everyone_paths]);
      row.appendChild(wide);
      if (DATA) row.appendChild(classCell(p));
      row.appendChild(cell(text[text.length - 2]));
      const lv = cell(text[text.length - 1], "lvl");
      lv.title = r.paths || r.role ? explain(r) : "highest level anyone has on this project";
      row.appendChild(lv);
      frag.appendChild(row);
    }
    box.textContent = "";
    box.appendChild(frag);
  }

  // A project's data classes: a badge per class, its tables on hover; "none" or "unknown".
  function classCell(p) {
    const c = cell(null, "classes");
    const names = classesOf(p);
    if (!names.length) {
      c.appendChild(el("span", classText(p), "muted"));
      c.title = classesKnown ? "reads no table of a declared class" : "the queried tables are not known: " + DATA.unknown;
      return c;
    }
    names.forEach((n) => c.appendChild(el("span", n, "badge cls")));
    c.title = names.map((n) => n + ": " + tablesOf(p, n).join(", ")).join("; ");
    return c;
  }

  // Who can see a class: every person who can open a project reading it, with the projects,
  // their tables of the class and each path; role reach and the public web stated apart.
  const WHO_SHOWN = 500;
  function whoView(cls) {
    const box = $("who");
    if (!cls) { box.hidden = true; return; }
    box.hidden = false;
    $("who-title").textContent = "Who can see " + cls;
    const reading = P.filter((x) => hasOwn(x.p.classes, cls));
    const byPerson = new Map();
    const add = (idx, x, level, paths) => {
      if (level <= 0) return;
      if (!byPerson.has(idx)) byPerson.set(idx, []);
      byPerson.get(idx).push({ x: x, level: level, paths: paths });
    };
    reading.forEach((x) => {
      x.p.people.forEach((r) => add(r[0], x, r[1], R.path_sets[r[2]]));
      if (x.p.everyone_paths !== null) {
        const wide = R.path_sets[x.p.everyone_paths];
        R.people.forEach((who, idx) => {
          if (!who.workspace_member || x.named.has(idx)) return;
          let level = RANK[x.p.everyone_level];
          if (who.viewer && level > CAN_VIEW) level = CAN_VIEW;
          add(idx, x, level, wide);
        });
      }
    });
    let people = Array.from(byPerson.keys()).sort((a, b) => (R.people[a].email < R.people[b].email ? -1 : 1));
    const total = people.length;
    if (state.person !== null) people = people.filter((i) => i === state.person);
    const projects = (n) => n + (n === 1 ? " project" : " projects");
    let text = total + (total === 1 ? " person" : " people") + " can open the " + projects(reading.length) +
      " that read " + cls + " (given access, by any path).";
    if (state.person !== null) {
      const w = R.people[state.person].email;
      text += people.length ? " Shown: " + w + "." : " " + w + " can open none of them.";
    }
    $("who-summary").textContent = text;
    const list = $("who-list");
    list.textContent = "";
    const pub = reading.filter((x) => x.public);
    if (pub.length) {
      list.appendChild(el("p", "Anyone with the link (public web): " +
        pub.map((x) => x.p.title + " (" + x.p.public_web + ")").join(", ") + "."));
    }
    const roles = reachers.filter((i) => state.person === null || i === state.person);
    if (roles.length && reading.length) {
      list.appendChild(el("p", "Through their role, not a grant: " + roles.map((i) => R.people[i].email + " (" +
        ROLES.get(R.people[i].role).name + ") reaches all " + projects(reading.length)).join("; ") + "."));
    }
    if (!people.length) return;
    const table = el("table"), head = el("tr");
    ["Person", "Role", "Projects that read " + cls + ": tables, level and path"].forEach((h) => {
      const th = el("th", h); th.setAttribute("scope", "col"); head.appendChild(th);
    });
    table.appendChild(head);
    people.slice(0, WHO_SHOWN).forEach((idx) => {
      const who = R.people[idx], tr = el("tr"), ul = el("ul");
      tr.className = "who-person";
      tr.appendChild(el("td", who.email)); tr.appendChild(el("td", who.role || "-"));
      byPerson.get(idx).sort((a, b) => b.level - a.level || (a.x.p.title < b.x.p.title ? -1 : 1)).forEach((g) => {
        ul.appendChild(el("li", g.x.p.title + " \u2014 " + tablesOf(g.x.p, cls).join(", ") + " \u2014 " +
          explain({ level: g.level, paths: g.paths, role: null }, true)));
      });
      const td = el("td"); td.appendChild(ul); tr.appendChild(td);
      table.appendChild(tr);
    });
    list.appendChild(table);
    if (people.length > WHO_SHOWN) {
      list.appendChild(el("p", "and " + (people.length - WHO_SHOWN) + " more people: narrow with the person filter.", "hint"));
    }
  }

  function explain(r, plain) {
    let text = LEVELS[r.level] + (r.paths ? " " + pathText(r.paths) : "");
    if (r.paths && r.level < maxGranted(r.paths)) text += "; capped at " + LEVELS[r.level] + " (Viewer role)";
    if (r.role) text += "; " + roleText(r.role);
    if (plain) return text;
    if (state.person !== null) text = R.people[state.person].email + ": " + text;
    else if (state.group) text = "group " + state.group + ": " + text;
    return text;
  }

  function detail(i) {
    state.selected = i;
    const p = R.projects[i], box = $("detail");
    box.textContent = "";
    box.appendChild(el("h2", p.title));
    const facts = el("p");
    facts.textContent = "Owner " + (p.owner ? ownerText(p) : "unknown") + " · public web " + p.public_web + " · workspace members " + p.everyone_level +
      (p.everyone_paths !== null ? " (" + pathText(R.path_sets[p.everyone_paths]) + "; Viewers capped at CAN_VIEW; never Guests)" : "");
    box.appendChild(facts);
    if (DATA) {
      const names = classesOf(p);
      box.appendChild(el("p", !classesKnown ? "Data classes: not known (" + DATA.unknown + ")" : names.length ?
        "Reads " + names.map((n) => n + " (" + tablesOf(p, n).join(", ") + ")").join("; ") : "Reads no table of a declared class", "reads"));
    }
    const table = el("table"), head = el("tr");
    ["Person", "Role", "Level", "Why"].forEach((h) => head.appendChild(el("th", h)));
    table.appendChild(head);
    const rows = p.people.slice().sort((a, b) => b[1] - a[1] || (R.people[a[0]].email < R.people[b[0]].email ? -1 : 1));
    rows.forEach((r) => {
      const tr = el("tr"), who = R.people[r[0]];
      tr.appendChild(el("td", who.email)); tr.appendChild(el("td", who.role || "-"));
      tr.appendChild(el("td", LEVELS[r[1]], "lvl")); tr.appendChild(el("td", explain({ level: r[1], paths: R.path_sets[r[2]], role: null })));
      table.appendChild(tr);
    });
    if (p.everyone_paths !== null) {
      const tr = el("tr");
      tr.appendChild(el("td", "every other workspace member")); tr.appendChild(el("td", "not Guests"));
      tr.appendChild(el("td", p.everyone_level, "lvl")); tr.appendChild(el("td", pathText(R.path_sets[p.everyone_paths])));
      table.appendChild(tr);
    }
    box.appendChild(table);
    if (reachers.length) {
      box.appendChild(el("h3", "Through their role, not a grant (Hex, \u201cWorkspace roles\u201d)"));
      const t = el("table"), h = el("tr");
      ["Person", "Role", "Given", "Could"].forEach((x) => h.appendChild(el("th", x)));
      t.appendChild(h);
      const x = P[i];
      reachers.forEach((idx) => {
        const who = R.people[idx], given = levelOf(x, idx), tr = el("tr");
        tr.className = "role-reach";
        tr.appendChild(el("td", who.email)); tr.appendChild(el("td", who.role));
        tr.appendChild(el("td", given ? LEVELS[given.level] : "-", "lvl")); tr.appendChild(el("td", roleText(ROLES.get(who.role))));
        t.appendChild(tr);
      });
      box.appendChild(t);
    }
    if (planned && p.vs_live != null) {
      const v = p.vs_live;
      box.appendChild(el("h3", v.new ? "New: the plan creates this project" : "What the plan would change against live"));
      const ul = el("ul");
      ul.className = "vs-live";
      if (v.public_web !== p.public_web) ul.appendChild(el("li", "public web: " + v.public_web + " \u2192 " + p.public_web));
      if (v.everyone_level !== p.everyone_level) ul.appendChild(el("li", "workspace members: " + v.everyone_level + " \u2192 " + p.everyone_level));
      v.changes.forEach((c) => ul.appendChild(el("li", c[0] + ": " + (c[1] || "no access") + " \u2192 " + (c[2] || "no access"))));
      box.appendChild(ul);
    }
    draw();
  }

  // Find: every row of the filtered list is searched (not only those drawn), and the view
  // scrolls to each match in turn; Enter goes to the next one.
  function find(advance) {
    const t = $("f-find").value.trim().toLowerCase();
    const f = state.find;
    if (t !== f.text || !advance) {
      f.text = t; f.hits = []; f.at = -1;
      if (t) state.rows.forEach((r, n) => { if (cells(r).concat([r.x.p.id]).join("\n").toLowerCase().includes(t)) f.hits.push(n); });
      if (f.hits.length) f.at = 0;
    } else if (f.hits.length) {
      f.at = (f.at + 1) % f.hits.length;
    }
    $("find-status").textContent = !t ? "" : f.hits.length ? "match " + (f.at + 1) + " of " + f.hits.length : "no match";
    if (f.at >= 0) {
      const vp = $("viewport"), n = f.hits[f.at];
      vp.scrollTop = Math.max(0, n * ROW_H - vp.clientHeight / 2 + ROW_H / 2);
    }
    draw();
  }

  // Export: the rows in view (every filtered row, not only those drawn) as CSV, made in the
  // page and saved through a download: nothing leaves the machine.
  function csvCell(v) {
    let s = String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\n\r]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }
  function exportView() {
    const filters = [["person", $("f-person").value.trim()], ["group", $("f-group").value], ["collection", $("f-collection").value],
      ["project", $("f-project").value.trim()], ["level at least", $("f-level").value !== "0" ? LEVELS[Number($("f-level").value)] : ""],
      ["public web only", $("f-public").checked ? "yes" : ""], ["workspace-wide only", $("f-wide").checked ? "yes" : ""],
      ["reads class", classesKnown ? $("f-class").value : ""]]
      .filter((f) => f[1]).map((f) => f[0] + "=" + f[1]).join(", ");
    const lines = ["# hexsync access report, filtered view (" + (filters || "no filter") + "): " + provenance().replace(/[\r\n]/g, " ")];
    const names = ["project_id", "project", "owner", "public_web", "workspace"].concat(DATA ? ["data_classes"] : [], ["people", lastHeader()]);
    lines.push(names.map(csvCell).join(","));
    state.rows.forEach((r) => { lines.push([r.x.p.id].concat(cells(r)).map(csvCell).join(",")); });
    const blob = new Blob([lines.join("\n") + "\n"], { type: "text/csv" });
    const a = el("a"), url = URL.createObjectURL(blob);
    a.setAttribute("href", url); // a blob: of this page's own making, never a request
    a.download = "access-view.csv";
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(url); a.remove(); }, 0);
  }

  function provenance() {
    const ws = R.org_name ? "workspace " + JSON.stringify(R.org_name) : "workspace";
    return ws + " (org " + R.org_id + "), " + (planned ? "as planned (not applied)" : "as read") + " at " + (R.read_at || "unknown") +
      " by hexsync " + (R.hexsync_version || "unknown") + ", data sha256 " + (R.data_sha256 || "unknown");
  }

  // Controls.
  const dl = $("people-list");
  R.people.forEach((p) => { const o = el("option"); o.value = p.email; if (p.name) o.label = p.name; dl.appendChild(o); });
  R.groups.forEach((g) => { const o = el("option", g.name); o.value = g.name; $("f-group").appendChild(o); });
  R.collections.forEach((c) => { const o = el("option", c.name); o.value = c.name; $("f-collection").appendChild(o); });
  LEVELS.forEach((l, i) => { const o = el("option", i === 0 ? "any" : l); o.value = String(i); $("f-level").appendChild(o); });
  if (planned) $("changed-filter").hidden = false;
  if (classesKnown) {
    CLASSES.forEach((c) => { const o = el("option", c); o.value = c; $("f-class").appendChild(o); });
    $("class-filter").hidden = false;
  }
  if (DATA) $("table").classList.add("with-classes");
  let timer = null, findTimer = null;
  const later = () => { clearTimeout(timer); timer = setTimeout(apply, 120); };
  ["f-person", "f-project"].forEach((id) => $(id).addEventListener("input", later));
  ["f-group", "f-collection", "f-level", "f-public", "f-wide", "f-changed", "f-class"].forEach((id) => $(id).addEventListener("change", apply));
  $("f-find").addEventListener("input", () => { clearTimeout(findTimer); findTimer = setTimeout(() => find(false), 120); });
  $("f-find").addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); find(true); } });
  $("export").addEventListener("click", exportView);
  $("viewport").addEventListener("scroll", () => requestAnimationFrame(draw), { passive: true });
  $("rows").addEventListener("click", (e) => { const row = e.target.closest(".row"); if (row) detail(Number(row.dataset.index)); });
  $("rows").addEventListener("keydown", (e) => {
    const row = e.target.closest(".row");
    if (row && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); detail(Number(row.dataset.index)); }
  });
  const pub = P.filter((x) => x.public).length, wide = P.filter((x) => x.wide).length;
  const changed = P.filter((x) => x.changed).length;
  $("summary").textContent = P.length + " projects · " + R.people.length + " people · " + R.groups.length + " groups · " +
    R.collections.length + " collections · " + pub + " public on the web · " + wide + " shared with the whole workspace" +
    (planned ? " · as the manifests would leave it: " + changed + " " + (changed === 1 ? "project" : "projects") + " would change against live" : " · as read") +
    (!DATA ? "" : !classesKnown ? " · data classes not known (" + DATA.unknown + ")" :
      " · reading a class of data: " + CLASSES.map((c) => c + " " + P.filter((x) => hasOwn(x.p.classes, c)).length).join(", "));
  $("provenance").textContent = provenance();
  // Hygiene findings (docs/access.md, "Findings"), when the report carries them.
  const F = R.findings;
  if (F && F.findings.length) {
    const box = $("findings"), det = el("details");
    det.appendChild(el("summary", F.findings.length + " findings: " + F.counts.high + " high, " +
      F.counts.medium + " medium, " + F.counts.low + " low (inactive: no sign-in for " + F.inactive + ")"));
    const list = el("ul");
    F.findings.forEach((f) => {
      const item = el("li", null, "finding " + f.severity);
      item.appendChild(el("strong", f.severity.toUpperCase() + " " + f.code));
      item.appendChild(el("span", " " + f.message + ". Fix: " + f.fix + (f.source ? " (" + f.source + ")" : "")));
      list.appendChild(item);
    });
    det.appendChild(list);
    box.appendChild(det);
    box.hidden = false;
  }
  apply();
  document.body.dataset.ready = "1";
})();

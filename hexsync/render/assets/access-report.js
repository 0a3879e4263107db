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
  const pathText = (set) => set.map((p) => (p[0] === "owner" ? "as owner (" + p[1] + ")" : "via " + p[0] + " (" + p[1] + ")")).join(", ");
  const maxGranted = (set) => set.reduce((m, p) => Math.max(m, RANK[p[1]] || 0), 0);

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
      public: p.public_web !== "NONE", wide: p.everyone_level !== "NONE" };
  });

  // The person view: one person's level and paths on every project, computed on demand.
  function personRows(idx) {
    const who = R.people[idx];
    const out = new Map();
    for (const x of P) {
      let row = null;
      for (const r of x.p.people) { if (r[0] === idx) { row = { level: r[1], paths: R.path_sets[r[2]] }; break; } }
      if (!row && x.p.everyone_paths !== null && who.workspace_member) {
        let level = RANK[x.p.everyone_level];
        if (who.viewer && level > CAN_VIEW) level = CAN_VIEW;
        row = { level: level, paths: R.path_sets[x.p.everyone_paths] };
      }
      if (row) out.set(x.i, row);
    }
    return out;
  }

  const state = { sort: "title", dir: 1, rows: [], person: null, personMap: null, selected: null };
  const COLS = [
    ["title", "Project"], ["owner", "Owner"], ["public", "Public web"],
    ["wide", "Workspace"], ["count", "People"], ["level", "Highest level / path"],
  ];

  function header() {
    const head = $("thead");
    head.textContent = "";
    COLS.forEach(([key, label]) => {
      let text = label;
      if (key === "level" && state.person !== null) text = "Level of " + R.people[state.person].email + " / path";
      const c = el("div", text);
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

  function apply() {
    const who = findPerson($("f-person").value);
    if (who.idx !== state.person) { state.person = who.idx; state.personMap = who.idx === null ? null : personRows(who.idx); }
    const group = $("f-group").value, coll = $("f-collection").value;
    const title = $("f-project").value.trim().toLowerCase();
    const min = Number($("f-level").value || 0);
    const onlyPublic = $("f-public").checked, onlyWide = $("f-wide").checked;
    const gColls = group ? (groupColls.get(group) || new Set()) : null;
    const rows = [];
    for (const x of P) {
      const p = x.p;
      if (onlyPublic && !x.public) continue;
      if (onlyWide && !x.wide) continue;
      if (title && !p.title.toLowerCase().includes(title)) continue;
      if (coll && !p.collections.includes(coll)) continue;
      if (group && !p.groups.includes(group) && !p.collections.some((c) => gColls.has(c))) continue;
      let level = x.top, paths = null;
      if (state.personMap) {
        const r = state.personMap.get(x.i);
        if (!r) continue;
        level = r.level; paths = r.paths;
      }
      if (level < min) continue;
      rows.push({ x: x, level: level, paths: paths });
    }
    const k = state.sort, d = state.dir;
    const val = (r) => k === "title" ? r.x.p.title.toLowerCase() : k === "owner" ? (r.x.p.owner || "") :
      k === "public" ? RANK[r.x.p.public_web] : k === "wide" ? RANK[r.x.p.everyone_level] : k === "count" ? r.x.count : r.level;
    rows.sort((a, b) => { const va = val(a), vb = val(b); return va < vb ? -d : va > vb ? d : a.x.i - b.x.i; });
    state.rows = rows;
    header();
    let msg = rows.length + " of " + P.length + " projects";
    if (state.person !== null) msg += " visible to " + R.people[state.person].email + " (" + (R.people[state.person].role || "role unknown") + ")";
    else if (who.matches > 1) msg += "; " + who.matches + " people match: " + who.first.map((i) => R.people[i].email).join(", ") + (who.matches > 5 ? ", …" : "");
    else if ($("f-person").value.trim() && who.matches === 0) msg += "; nobody matches " + JSON.stringify($("f-person").value.trim());
    $("status").textContent = msg;
    $("spacer").style.height = rows.length * ROW_H + "px";
    $("viewport").scrollTop = 0;
    draw();
  }

  function draw() {
    const vp = $("viewport");
    const first = Math.max(0, Math.floor(vp.scrollTop / ROW_H) - OVERSCAN);
    const last = Math.min(state.rows.length, Math.ceil((vp.scrollTop + vp.clientHeight) / ROW_H) + OVERSCAN);
    const box = $("rows");
    box.style.top = first * ROW_H + "px";
    const frag = document.createDocumentFragment();
    for (let n = first; n < last; n++) {
      const r = state.rows[n], p = r.x.p;
      const row = el("div", null, "row" + (r.x.public ? " public" : "") + (r.x.wide ? " wide" : "") + (state.selected === r.x.i ? " selected" : ""));
      row.setAttribute("role", "row");
      row.tabIndex = 0;
      row.dataset.index = String(r.x.i);
      const t = el("div");
      if (r.x.public) t.appendChild(el("span", "PUBLIC", "badge public"));
      if (r.x.wide) t.appendChild(el("span", "WORKSPACE", "badge wide"));
      t.appendChild(document.createTextNode(p.title));
      t.title = p.title + " (" + p.id + ")";
      row.appendChild(t);
      row.appendChild(el("div", p.owner || "-"));
      const pub = el("div", p.public_web, "lvl"); pub.title = p.public_web === "NONE" ? "not shared to the web" : "anyone with the link: " + p.public_web; row.appendChild(pub);
      const wide = el("div", p.everyone_level, "lvl");
      wide.title = p.everyone_paths === null ? "not shared with the workspace" : "every workspace member (not Guests): " + pathText(R.path_sets[p.everyone_paths]);
      row.appendChild(wide);
      row.appendChild(el("div", String(r.x.count)));
      const lv = el("div", null, "lvl");
      lv.textContent = LEVELS[r.level] + (r.paths ? "  " + pathText(r.paths) : "");
      lv.title = r.paths ? explain(r.level, r.paths, state.person) : "highest level anyone has on this project";
      row.appendChild(lv);
      frag.appendChild(row);
    }
    box.textContent = "";
    box.appendChild(frag);
  }

  function explain(level, paths, person) {
    let text = LEVELS[level] + " " + pathText(paths);
    if (level < maxGranted(paths)) text += "; capped at " + LEVELS[level] + " (Viewer role)";
    if (person !== null) text = R.people[person].email + ": " + text;
    return text;
  }

  function detail(i) {
    state.selected = i;
    const p = R.projects[i], box = $("detail");
    box.textContent = "";
    box.appendChild(el("h2", p.title));
    const facts = el("p");
    facts.textContent = "Owner " + (p.owner || "unknown") + " · public web " + p.public_web + " · workspace members " + p.everyone_level +
      (p.everyone_paths !== null ? " (" + pathText(R.path_sets[p.everyone_paths]) + "; Viewers capped at CAN_VIEW; never Guests)" : "");
    box.appendChild(facts);
    const table = el("table"), head = el("tr");
    ["Person", "Role", "Level", "Why"].forEach((h) => head.appendChild(el("th", h)));
    table.appendChild(head);
    const rows = p.people.slice().sort((a, b) => b[1] - a[1] || (R.people[a[0]].email < R.people[b[0]].email ? -1 : 1));
    rows.forEach((r) => {
      const tr = el("tr"), who = R.people[r[0]];
      tr.appendChild(el("td", who.email)); tr.appendChild(el("td", who.role || "-"));
      tr.appendChild(el("td", LEVELS[r[1]], "lvl")); tr.appendChild(el("td", explain(r[1], R.path_sets[r[2]], null)));
      table.appendChild(tr);
    });
    if (p.everyone_paths !== null) {
      const tr = el("tr");
      tr.appendChild(el("td", "every other workspace member")); tr.appendChild(el("td", "not Guests"));
      tr.appendChild(el("td", p.everyone_level, "lvl")); tr.appendChild(el("td", pathText(R.path_sets[p.everyone_paths])));
      table.appendChild(tr);
    }
    box.appendChild(table);
    draw();
  }

  // Controls.
  const dl = $("people-list");
  R.people.forEach((p) => { const o = el("option"); o.value = p.email; if (p.name) o.label = p.name; dl.appendChild(o); });
  R.groups.forEach((g) => { const o = el("option", g.name); o.value = g.name; $("f-group").appendChild(o); });
  R.collections.forEach((c) => { const o = el("option", c.name); o.value = c.name; $("f-collection").appendChild(o); });
  LEVELS.forEach((l, i) => { const o = el("option", i === 0 ? "any" : l); o.value = String(i); $("f-level").appendChild(o); });
  let timer = null;
  const later = () => { clearTimeout(timer); timer = setTimeout(apply, 120); };
  ["f-person", "f-project"].forEach((id) => $(id).addEventListener("input", later));
  ["f-group", "f-collection", "f-level", "f-public", "f-wide"].forEach((id) => $(id).addEventListener("change", apply));
  $("viewport").addEventListener("scroll", () => requestAnimationFrame(draw), { passive: true });
  $("rows").addEventListener("click", (e) => { const row = e.target.closest(".row"); if (row) detail(Number(row.dataset.index)); });
  $("rows").addEventListener("keydown", (e) => {
    const row = e.target.closest(".row");
    if (row && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); detail(Number(row.dataset.index)); }
  });
  const pub = P.filter((x) => x.public).length, wide = P.filter((x) => x.wide).length;
  $("summary").textContent = P.length + " projects · " + R.people.length + " people · " + R.groups.length + " groups · " +
    R.collections.length + " collections · " + pub + " public on the web · " + wide + " shared with the whole workspace" +
    (R.source === "planned" ? " · as the manifests would leave it" : " · as read");
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

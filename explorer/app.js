// newsgraph explorer: search, draw and expand neighbourhoods, filter,
// shortest paths, the sentence behind every edge, and the places of the
// view on a world map. Talks to /query. The address keeps the search
// (?q=) and the selected node (?node=), so a view can be linked to; with
// neither, the first screen says what the graph holds.
"use strict";

const COLORS = {
  PERSON: "#3b6fd4", ORGANIZATION: "#d4793b", GPE: "#2e9e5b", LOCATION: "#67a84a",
  NORP: "#9a58c4", EVENT: "#c44f7a", DATE: "#999999", QUANTITY: "#b8a23a", CONCEPT: "#8c8c8c",
};
const PLACE = "location { lat lon countryCode admin }";
const NODE = `... on Entity { id name type ${PLACE} } ... on Value { id name type }`;
const STMT = `id predicate relation confidence negated modality
  subject { id name type ${PLACE} } object { ${NODE} }
  provenance(first: 5) { articleId sentence text span { start end } article { title source publishedAt } }`;

// ngState is read by the browser test: what the page shows.
window.ngState = { nodes: 0, edges: 0, panel: "", places: 0, selected: "", ready: false, overview: false };

// The confidence filter starts at the server's threshold (its
// minConfidence: serve --min-confidence, graph.DefaultMinConfidence by
// default), under which the statements are mostly wrong; the server hides
// those from its default views anyway, and the filter can only raise it.
async function startConfidence() {
  const d = await gql(`{ minConfidence }`);
  $("conf").value = d.minConfidence;
  applyFilters();
}

const $ = (id) => document.getElementById(id);
const status = (s) => { $("status").textContent = s; };

async function gql(query, variables) {
  const r = await fetch("/query", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const j = await r.json();
  if (j.errors && j.errors.length) throw new Error(j.errors[0].message);
  return j.data;
}

const cy = cytoscape({
  container: $("cy"),
  wheelSensitivity: 0.3,
  style: [
    { selector: "node", style: {
      "background-color": (n) => COLORS[n.data("type")] || "#777",
      label: "data(name)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
      width: (n) => (n.data("entity") ? 22 : 14), height: (n) => (n.data("entity") ? 22 : 14),
      // long names wrap between words, on a white ground so that an edge
      // under them does not cross the letters
      "text-wrap": "wrap", "text-max-width": 110, "text-justification": "center",
      "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 1,
    } },
    { selector: "edge", style: {
      width: (e) => 1 + 2 * e.data("confidence"), "line-color": "#b8b8b8",
      "target-arrow-shape": "triangle", "target-arrow-color": "#b8b8b8", "curve-style": "bezier",
      // predicates show when zoomed in far enough to read them, and on the
      // edges of the selected node: at the default zoom they would cover
      // the names
      label: "data(predicate)", "font-size": 8, color: "#555", "text-rotation": "autorotate",
      "text-background-color": "#fff", "text-background-opacity": 0.8, "min-zoomed-font-size": 9,
      "text-wrap": "ellipsis", "text-max-width": 90,
    } },
    { selector: "edge.near", style: { "min-zoomed-font-size": 0, color: "#222", "z-index": 10 } },
    { selector: ".hidden", style: { display: "none" } },
    { selector: ":selected", style: { "border-width": 3, "border-color": "#111", "line-color": "#111", "target-arrow-color": "#111" } },
    { selector: ".path", style: { "line-color": "#e0442a", "target-arrow-color": "#e0442a", "border-width": 3, "border-color": "#e0442a", width: 4 } },
  ],
});

const statements = new Map(); // statement id -> statement, for the panel

function addNode(n) {
  if (!cy.getElementById(n.id).empty()) return;
  const data = { id: n.id, name: n.name, type: n.type, entity: n.type !== "CONCEPT" && n.type !== "QUANTITY" && n.type !== "DATE" };
  if (n.location) Object.assign(data, { lat: n.location.lat, lon: n.location.lon, country: n.location.countryCode, admin: n.location.admin });
  cy.add({ group: "nodes", data });
}

function addStatement(st) {
  statements.set(st.id, st);
  addNode(st.subject);
  addNode(st.object);
  if (cy.getElementById(st.id).empty()) {
    cy.add({ group: "edges", data: { id: st.id, source: st.subject.id, target: st.object.id, predicate: st.predicate, confidence: st.confidence } });
  }
}

function refresh() {
  applyFilters();
  cy.layout({ name: "cose", animate: false, randomize: true, nodeRepulsion: 20000, idealEdgeLength: 70, nodeOverlap: 20, padding: 30, gravity: 1.5,
    nodeDimensionsIncludeLabels: true }).run();
  separateLabels();
  window.ngState.nodes = cy.nodes(":visible").length;
  window.ngState.edges = cy.edges(":visible").length;
  renderTypeFilters();
  drawPlaces();
}

// separateLabels moves nodes apart until no two names overlap at the
// zoom the graph is shown at: the layout counts labels as part of their
// nodes, but it lets nodes touch.
function separateLabels() {
  const nodes = cy.nodes(":visible");
  const gap = 4;
  for (let round = 0; round < 60; round++) {
    let moved = false;
    const boxes = nodes.map((n) => [n, n.boundingBox({ includeLabels: true, includeOverlays: false })]);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, ba] = boxes[i], [b, bb] = boxes[j];
        const dx = Math.min(ba.x2, bb.x2) - Math.max(ba.x1, bb.x1) + gap;
        const dy = Math.min(ba.y2, bb.y2) - Math.max(ba.y1, bb.y1) + gap;
        if (dx <= 0 || dy <= 0) continue;
        // push apart along the axis that needs the shorter move
        const pa = a.position(), pb = b.position();
        if (dx < dy) {
          const s = pa.x <= pb.x ? 1 : -1;
          a.position("x", pa.x - s * dx / 2);
          b.position("x", pb.x + s * dx / 2);
        } else {
          const s = pa.y <= pb.y ? 1 : -1;
          a.position("y", pa.y - s * dy / 2);
          b.position("y", pb.y + s * dy / 2);
        }
        moved = true;
      }
    }
    if (!moved) break;
  }
  frame();
}

// MIN_ZOOM keeps names readable: a view too large to fit at it is shown
// around the selected node (or the middle), the rest a pan away.
const MIN_ZOOM = 0.75;

function frame() {
  cy.fit(cy.elements(":visible"), 30);
  if (cy.zoom() < MIN_ZOOM) {
    const sel = cy.$("node:selected");
    cy.zoom(MIN_ZOOM);
    cy.center(sel.empty() ? cy.elements(":visible") : sel);
  }
}

async function expand(id) {
  status("loading…");
  const d = await gql(`query($s: [ID!]!, $c: Float) { subgraph(seeds: $s, hops: 1, maxNodes: 60, minConfidence: $c) { truncated nodes { ${NODE} } edges { ${STMT} } } }`,
    { s: [id], c: parseFloat($("conf").value) });
  d.subgraph.nodes.forEach(addNode);
  d.subgraph.edges.forEach(addStatement);
  refresh();
  status(d.subgraph.truncated ? "neighbourhood truncated at 60 nodes" : "");
}

// Search.
let timer;
$("search").addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(search, 200);
});

async function search() {
  const q = $("search").value.trim();
  setURL({ q });
  const ul = $("results");
  ul.innerHTML = "";
  if (!q) return;
  const d = await gql(`query($q: String!) { searchEntities(query: $q, first: 15) { edges { node { id name type } } } }`, { q });
  for (const { node } of d.searchEntities.edges) {
    const li = document.createElement("li");
    li.textContent = node.name;
    const t = document.createElement("span");
    t.className = "type";
    t.textContent = node.type;
    li.appendChild(t);
    li.dataset.id = node.id;
    li.addEventListener("click", async () => {
      await expand(node.id);
      selectNode(node.id);
    });
    ul.appendChild(li);
  }
  window.ngState.results = d.searchEntities.edges.length;
}

// Filters: by type, by predicate, by confidence.
const hiddenTypes = new Set();

function renderTypeFilters() {
  const types = [...new Set(cy.nodes().map((n) => n.data("type")))].sort();
  const box = $("types");
  box.innerHTML = "";
  for (const t of types) {
    const l = document.createElement("label");
    const c = document.createElement("input");
    c.type = "checkbox";
    c.checked = !hiddenTypes.has(t);
    c.addEventListener("change", () => { c.checked ? hiddenTypes.delete(t) : hiddenTypes.add(t); applyFilters(); });
    l.appendChild(c);
    const sw = document.createElement("span");
    sw.textContent = " " + t;
    sw.style.color = COLORS[t] || "#777";
    l.appendChild(sw);
    box.appendChild(l);
  }
}

function applyFilters() {
  const pred = $("pred").value.trim().toLowerCase();
  const conf = parseFloat($("conf").value);
  $("confval").textContent = conf.toFixed(2);
  cy.batch(() => {
    cy.nodes().forEach((n) => n.toggleClass("hidden", hiddenTypes.has(n.data("type"))));
    cy.edges().forEach((e) => {
      const hide = e.data("confidence") < conf || (pred && !e.data("predicate").toLowerCase().includes(pred)) ||
        e.source().hasClass("hidden") || e.target().hasClass("hidden");
      e.toggleClass("hidden", hide);
    });
    // a node whose every statement is filtered out goes too, unless it is
    // the one selected
    cy.nodes().forEach((n) => {
      const edges = n.connectedEdges();
      if (!n.selected() && edges.length > 0 && edges.every((e) => e.hasClass("hidden"))) n.addClass("hidden");
    });
  });
  window.ngState.nodes = cy.nodes(":visible").length;
  window.ngState.edges = cy.edges(":visible").length;
  drawPlaces();
}
$("pred").addEventListener("input", applyFilters);
$("conf").addEventListener("input", applyFilters);

// Paths: shift-click two nodes.
let pathEnds = [];
cy.on("tap", "node", (ev) => {
  const n = ev.target;
  if (ev.originalEvent && ev.originalEvent.shiftKey) {
    pathEnds = [...pathEnds, n].slice(-2);
    $("pathFrom").textContent = pathEnds[0] ? pathEnds[0].data("name") : "–";
    $("pathTo").textContent = pathEnds[1] ? pathEnds[1].data("name") : "–";
    return;
  }
  window.ngState.selected = n.id();
  showNode(n.id());
  expand(n.id());
});
cy.on("tap", "edge", (ev) => showEdge(ev.target.id()));
cy.on("select unselect", "node", () => markSelectedPlace());

// selectNode selects a node, shows it in the panel and centres the graph
// on it: a search result or a place on the map chosen.
function selectNode(id) {
  const n = cy.getElementById(id);
  if (n.empty()) return;
  cy.$(":selected").unselect();
  n.select();
  window.ngState.selected = id;
  showNode(id);
  frame();
}

// The selected node's edges show their predicates at any zoom.
cy.on("select unselect", "node", () => {
  cy.edges().removeClass("near");
  cy.$("node:selected").connectedEdges().addClass("near");
});
cy.on("select", "node", (ev) => setURL({ node: ev.target.id() }));

// setURL records the view in the address (?q=, ?node=) without a reload.
function setURL(change) {
  const u = new URL(location.href);
  for (const [k, v] of Object.entries(change)) {
    if (v) u.searchParams.set(k, v); else u.searchParams.delete(k);
  }
  history.replaceState(null, "", u);
}

// openFromURL restores a linked view: the search, then the node.
async function openFromURL() {
  const p = new URLSearchParams(location.search);
  const q = p.get("q"), node = p.get("node");
  if (q) {
    $("search").value = q;
    await search();
  }
  if (node) {
    await expand(node);
    selectNode(node);
  }
  return Boolean(q || node);
}

// overview is the first screen: how many articles and entities the graph
// holds and the entities with the most statements, each a click away.
async function overview() {
  const d = await gql(`{ articles(first: 1) { pageInfo { totalCount } }
    searchEntities(query: "", first: 1) { pageInfo { totalCount } }
    largestEntities(first: 12) { entity { id name type } statements } }`);
  const articles = d.articles.pageInfo.totalCount, entities = d.searchEntities.pageInfo.totalCount;
  $("panelTitle").textContent = "What the graph holds";
  let h = `<p id="counts">${articles} article${articles === 1 ? "" : "s"}, ${entities} entit${entities === 1 ? "y" : "ies"}.</p>`;
  if (d.largestEntities.length) {
    h += `<h2>Largest entities</h2><ol id="largest">`;
    for (const r of d.largestEntities) {
      h += `<li data-id="${escapeHTML(r.entity.id)}"><span class="name">${escapeHTML(r.entity.name)}</span>` +
        `<span class="type">${escapeHTML(r.entity.type)} · ${r.statements} statement${r.statements === 1 ? "" : "s"}</span></li>`;
    }
    h += `</ol><div class="src">Click one to draw its neighbourhood, or search on the left.</div>`;
  } else {
    h += `<div class="src">Nothing loaded yet: newsgraph load FILE|DIR, or serve --load.</div>`;
  }
  $("panel").innerHTML = h;
  for (const li of document.querySelectorAll("#largest li")) {
    li.addEventListener("click", async () => {
      await expand(li.dataset.id);
      selectNode(li.dataset.id);
    });
  }
  window.ngState.overview = true;
  window.ngState.panel = $("panel").textContent;
}

// The map: the places of the view (the visible nodes geocoding located)
// on the world's countries (Natural Earth, 1:110m, from world-atlas),
// projected by d3-geo. Clicking a place selects its node.
const map = { projection: null, ready: null };

function initMap() {
  map.ready = fetch("vendor/countries-110m.json").then((r) => r.json()).then((world) => {
    const svg = $("map");
    const box = svg.getBoundingClientRect();
    const w = Math.max(box.width, 300), h = Math.max(box.height, 150);
    svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
    map.projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [w - 8, h - 8]], { type: "Sphere" });
    const path = d3.geoPath(map.projection);
    const countries = topojson.feature(world, world.objects.countries);
    const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b);
    svg.innerHTML = `<path class="sphere" d="${path({ type: "Sphere" })}"></path>` +
      `<path class="land" d="${path(countries)}"></path><path class="borders" d="${path(borders)}"></path><g id="places"></g>`;
  });
  return map.ready;
}

async function drawPlaces() {
  if (!map.ready) initMap();
  await map.ready;
  const g = document.getElementById("places");
  g.innerHTML = "";
  const nodes = cy.nodes(":visible").filter((n) => typeof n.data("lat") === "number");
  const ns = "http://www.w3.org/2000/svg";
  nodes.forEach((n) => {
    const [x, y] = map.projection([n.data("lon"), n.data("lat")]);
    const c = document.createElementNS(ns, "circle");
    c.setAttribute("cx", x.toFixed(1));
    c.setAttribute("cy", y.toFixed(1));
    c.setAttribute("r", 6);
    c.setAttribute("fill", COLORS[n.data("type")] || "#777");
    c.dataset.id = n.id();
    const title = document.createElementNS(ns, "title");
    title.textContent = n.data("name") + (n.data("admin") && n.data("admin") !== n.data("name") ? ", " + n.data("admin") : "") + " (" + n.data("country") + ")";
    c.appendChild(title);
    c.addEventListener("click", () => selectNode(n.id()));
    g.appendChild(c);
    if (nodes.length <= 30) {
      const label = document.createElementNS(ns, "text");
      label.setAttribute("x", (x + 8).toFixed(1));
      label.setAttribute("y", (y + 3).toFixed(1));
      label.textContent = n.data("name");
      g.appendChild(label);
    }
  });
  markSelectedPlace();
  window.ngState.places = nodes.length;
  $("mapnote").textContent = nodes.length ? `${nodes.length} place${nodes.length === 1 ? "" : "s"} of the view` : "no located place in the view";
}

function markSelectedPlace() {
  const sel = new Set(cy.$("node:selected").map((n) => n.id()));
  document.querySelectorAll("#places circle").forEach((c) => c.classList.toggle("selected", sel.has(c.dataset.id)));
}

$("pathBtn").addEventListener("click", async () => {
  if (pathEnds.length < 2) { status("choose two nodes with shift-click"); return; }
  const d = await gql(`query($a: ID!, $b: ID!, $c: Float) { shortestPath(from: $a, to: $b, maxHops: 5, minConfidence: $c) { length nodes { ${NODE} } statements { ${STMT} } } }`,
    { a: pathEnds[0].id(), b: pathEnds[1].id(), c: parseFloat($("conf").value) });
  cy.elements().removeClass("path");
  if (!d.shortestPath) { status("no path within 5 statements"); return; }
  d.shortestPath.nodes.forEach(addNode);
  d.shortestPath.statements.forEach(addStatement);
  refresh();
  d.shortestPath.nodes.forEach((n) => cy.getElementById(n.id).addClass("path"));
  d.shortestPath.statements.forEach((s) => cy.getElementById(s.id).addClass("path"));
  status(`path of ${d.shortestPath.length} statement${d.shortestPath.length === 1 ? "" : "s"}`);
});

// The side panel: statements with their sentences, the span highlighted.
const articleTexts = new Map();

async function articleText(id) {
  if (!articleTexts.has(id)) {
    const d = await gql(`query($id: ID!) { article(id: $id) { text } }`, { id });
    articleTexts.set(id, d.article ? Array.from(d.article.text) : []);
  }
  return articleTexts.get(id);
}

// sentenceHTML marks, inside the sentence, the statement's span (given in
// code points of the article's text).
async function sentenceHTML(p) {
  const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
  const text = await articleText(p.articleId);
  const span = text.slice(p.span.start, p.span.end).join("");
  const i = span ? p.text.indexOf(span) : -1;
  if (i < 0) return esc(p.text);
  return esc(p.text.slice(0, i)) + "<mark>" + esc(span) + "</mark>" + esc(p.text.slice(i + span.length));
}

async function statementHTML(st) {
  let h = `<div class="stmt"><div class="fact">${escapeHTML(st.subject.name)} —${escapeHTML(st.predicate)}→ ${escapeHTML(st.object.name)}</div>`;
  h += `<div class="src">confidence ${st.confidence.toFixed(2)}${st.negated ? ", negated" : ""}${st.modality ? ", " + escapeHTML(st.modality) : ""}</div>`;
  for (const p of st.provenance) {
    h += `<div class="sentence">${await sentenceHTML(p)}</div>`;
    const a = p.article || {};
    h += `<div class="src">${escapeHTML(a.title || p.articleId)}${a.source ? " · " + escapeHTML(a.source) : ""}${a.publishedAt ? " · " + a.publishedAt.slice(0, 10) : ""}</div>`;
  }
  return h + "</div>";
}

function escapeHTML(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

async function showEdge(id) {
  const st = statements.get(id);
  if (!st) return;
  $("panelTitle").textContent = "Statement";
  $("panel").innerHTML = await statementHTML(st);
  window.ngState.panel = $("panel").textContent;
}

async function showNode(id) {
  const n = cy.getElementById(id);
  $("panelTitle").textContent = n.data("name") + " (" + n.data("type") + ")";
  if (!n.data("entity")) { $("panel").innerHTML = ""; window.ngState.panel = ""; return; }
  const d = await gql(`query($id: ID!) { entity(id: $id) { aliases members { name rule } sameAs ${PLACE}
    statements(first: 20) { edges { node { ${STMT} } } } } }`, { id });
  if (!d.entity) return;
  let h = "";
  if (d.entity.aliases.length) h += `<div class="src">also: ${d.entity.aliases.map(escapeHTML).join(", ")}</div>`;
  const l = d.entity.location;
  if (l) h += `<div class="src">at ${l.lat.toFixed(3)}, ${l.lon.toFixed(3)}${l.admin ? " · " + escapeHTML(l.admin) : ""} · ${escapeHTML(l.countryCode)}</div>`;
  for (const s of d.entity.sameAs) h += `<div class="src">same as <a href="${escapeHTML(s)}" target="_blank" rel="noopener">${escapeHTML(s)}</a></div>`;
  for (const e of d.entity.statements.edges) {
    statements.set(e.node.id, e.node);
    h += await statementHTML(e.node);
  }
  $("panel").innerHTML = h;
  window.ngState.panel = $("panel").textContent;
}

initMap();
startConfidence()
  .then(openFromURL)
  .then((linked) => (linked ? null : overview()))
  .catch((e) => status(e.message))
  .finally(() => { window.ngState.ready = true; });

// Zoeken en filteren: the case finder, on Pagefind's JavaScript API.
// Pagefind loads only the index chunks a query needs, so the first result arrives after a
// few hundred kilobytes even with thousands of cases. Everything is written with textContent
// (never innerHTML; the highlighted excerpt is built node by node), native form controls
// carry the keyboard and screen-reader support, and the state lives in the address so a
// filtered view can be shared. On a narrow screen the filters fold behind one button, so
// the first result shows on the first screen after a query, and a button at the foot of
// the open panel ("Toon 5 cases") closes it onto the results. The query is read as Dutch
// (finder-words.js): synonyms find each other, hyphens count as spaces, and excerpts are
// the story's sentences, without the words the index added.

import { searchQuery, storyExcerpt } from "./finder-words.js";

const PAGE_SIZE = 10;
const SHOWN_VALUES = 12;

const root = document.getElementById("mwb-finder");
const form = document.getElementById("mwb-finder-form");
const input = document.getElementById("mwb-finder-q");
const facetsBox = document.getElementById("mwb-facets");
const status = document.getElementById("mwb-status");
const list = document.getElementById("mwb-results");
const more = document.getElementById("mwb-more");
const reset = document.getElementById("mwb-reset");
const toggle = document.getElementById("mwb-filters-toggle");
const panel = document.getElementById("mwb-filters");
const active = document.getElementById("mwb-active");
const showResults = document.getElementById("mwb-show-results");

const siteRoot = new URL("../", import.meta.url);
const pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
// A longer excerpt than Pagefind's 30 words: the added words are counted, then left out.
await pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 40 });
await pagefind.init();

// The facets (titles in order), their values and totals come with the page (written by the
// generator from the same definition as the index: generator/rendering/facets.py), so the
// first query loads only the word index it needs; Pagefind's filter index loads after the
// first results are shown, and from then on the counts follow every selection.
// The synonym groups come with them (`zoekgroepen`: phrase -> the group's word in the index).
const {
  facets: FACETS,
  totals,
  zoekgroepen: GROUPS = {},
} = JSON.parse(document.getElementById("mwb-facet-totals").textContent);
const labels = new Map(); // "facet\u0000value" -> the count element (of rows made so far)
const countTexts = new Map(); // "facet\u0000value" -> its count as shown, made or not
let filtersLoaded = false;

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [key] of FACETS) {
    const values = params.getAll(key);
    if (values.length) filters[key] = values;
  }
  return { q: params.get("q") || "", filters };
}

function writeState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const [key] of FACETS) for (const v of state.filters[key] || []) params.append(key, v);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function currentState() {
  const filters = {};
  for (const box of facetsBox.querySelectorAll("input[type=checkbox]:checked")) {
    (filters[box.name] ||= []).push(box.value);
  }
  return { q: input.value.trim(), filters };
}

// Rows beyond the first few values of a facet are made when the reader asks for them: at
// thousands of cases the partner and organisation facets have hundreds of values, which
// every visit built as hidden rows (a small cost, but on every phone that opens the page).
// Values are ordered by their count as shown (then by total, then by name); a value that
// no result carries is hidden, unless it is chosen or its facet has a choice (where it
// would widen the selection: it is listed last). Once the reader ticks a value, its facet
// keeps the order it had (`frozen`) until nothing in it is ticked: a value never moves
// away from under the reader's finger.
const facetViews = [];

function buildFacets(state) {
  let n = 0;
  for (const [key, title] of FACETS) {
    const values = Object.entries(totals[key] || {});
    if (!values.length) continue;
    values.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "nl"));
    const chosen = new Set(state.filters[key] || []);
    const details = document.createElement("details");
    details.className = "mwb-facet";
    details.open = chosen.size > 0 || key === "thema" || key === "doelgroep";
    const summary = document.createElement("summary");
    summary.textContent = title;
    details.append(summary);
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.className = "mwb-visually-hidden";
    legend.textContent = title;
    fieldset.append(legend);
    const rows = new Map();
    const row = (value) => {
      const id = `mwb-f-${n++}`;
      const div = document.createElement("div");
      div.className = "mwb-facet-value";
      const box = document.createElement("input");
      Object.assign(box, { type: "checkbox", id, name: key, value, checked: chosen.has(value) });
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = `${value} `;
      const count = document.createElement("span");
      count.className = "mwb-count";
      count.textContent = countTexts.get(`${key}\u0000${value}`) || "";
      label.append(count);
      labels.set(`${key}\u0000${value}`, count);
      div.append(box, label);
      rows.set(value, div);
      return div;
    };
    const more = document.createElement("button");
    more.type = "button";
    more.className = "mwb-facet-more";
    const view = { key, values, rows, row, fieldset, more, expanded: false };
    more.addEventListener("click", () => {
      const first = view.order.find((value) => !rows.has(value));
      view.expanded = true;
      layoutFacet(view);
      rows.get(first)?.querySelector("input").focus();
    });
    for (const [value] of values) if (chosen.has(value)) row(value);
    facetViews.push(view);
    details.append(fieldset);
    facetsBox.append(details);
    layoutFacet(view);
  }
}

// The count of a value as last shown (null: not known yet, before the filter index loads).
function shownCount(key, value) {
  const text = countTexts.get(`${key}\u0000${value}`);
  return text ? Number(text.slice(1, -1)) : null;
}

function layoutFacet(view) {
  const { key, values, rows, row, fieldset, more } = view;
  const chosen = (value) => rows.get(value)?.querySelector("input").checked;
  // the row the reader is on stays, even when its count drops to zero
  const current = (value) => rows.get(value)?.contains(document.activeElement);
  const anyChosen = values.some(([value]) => chosen(value));
  if (!anyChosen) view.frozen = null;
  const counted = values.map(([value, total], i) => [value, shownCount(key, value) ?? total, i]);
  counted.sort((a, b) => b[1] - a[1] || a[2] - b[2]);
  let order = counted
    .filter(([value, count]) => count > 0 || anyChosen || chosen(value) || current(value))
    .map(([value]) => value);
  if (view.frozen) {
    const kept = new Set(view.frozen);
    order = [...view.frozen, ...order.filter((value) => !kept.has(value))];
  }
  view.order = order;
  const show = view.expanded
    ? order
    : order.filter((value, i) => i < SHOWN_VALUES || chosen(value) || current(value));
  for (const value of show) if (!rows.has(value)) row(value);
  const wanted = new Set(show);
  for (const [value, div] of rows) div.hidden = !wanted.has(value);
  // Rows move to their place, except in the facet the reader is in: moving a focused
  // control would drop the focus.
  const focused = document.activeElement;
  if (focused === more || !fieldset.contains(focused)) {
    fieldset.append(...show.map((value) => rows.get(value)));
  } else {
    fieldset.append(...show.map((value) => rows.get(value)).filter((div) => !div.isConnected));
  }
  if (show.length < order.length) {
    more.textContent = `Toon alle ${order.length}`;
    fieldset.append(more);
  } else {
    more.remove();
  }
}

function showActive() {
  const n = facetsBox.querySelectorAll("input[type=checkbox]:checked").length;
  active.textContent = n ? ` (${n} actief)` : "";
}

let results = [];
let searchWords = false;
let shown = 0;
let generation = 0;
let shownState; // the state whose results the list shows, and its search's number
let shownGeneration = 0;

// A search of what the form shows; the first search (from the address) starts before the form
// is built, so that Pagefind's worker searches while this page builds the facets.
const run = () => search(currentState());

function pagefindSearch(state) {
  const filters = {};
  for (const [key, values] of Object.entries(state.filters)) filters[key] = { any: values };
  const query = state.q ? searchQuery(state.q, GROUPS) || state.q : null;
  return pagefind.search(query, {
    filters,
    sort: state.q ? undefined : { bijgewerkt: "desc" },
  });
}

async function search(state) {
  writeState(state);
  const mine = ++generation;
  // The list is being replaced: assistive technology waits until it is whole.
  list.setAttribute("aria-busy", "true");
  const found = await pagefindSearch(state);
  if (mine !== generation || !found) return; // a newer query is under way
  showCounts(state, found);
  showActive();
  searchWords = Boolean(state.q);
  results = found.results;
  shown = 0;
  list.replaceChildren();
  await showMore(mine);
  if (mine !== generation) return;
  // The status is announced to screen readers once the results are on the page.
  const n = results.length;
  status.textContent =
    n === 0
      ? "Geen cases gevonden. Probeer andere woorden of minder filters."
      : `${n} ${n === 1 ? "case" : "cases"} gevonden.`;
  showResults.textContent = n === 0 ? "Naar de resultaten" : `Toon ${n} ${n === 1 ? "case" : "cases"}`;
  list.setAttribute("aria-busy", "false");
  shownState = state;
  shownGeneration = mine;
}

async function showMore(mine) {
  const batch = results.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(batch.map((r) => r.data()));
  if (mine !== generation) return;
  for (const item of data) {
    const li = document.createElement("li");
    li.className = "mwb-entry";
    const h2 = document.createElement("h2");
    const a = document.createElement("a");
    a.href = item.url;
    a.textContent = item.meta.title || item.url;
    h2.append(a);
    const summary = document.createElement("p");
    if (searchWords && item.excerpt) {
      summary.className = "mwb-excerpt";
      summary.append(...highlighted(storyExcerpt(item.excerpt)));
    } else {
      summary.textContent = item.meta.samenvatting || plainText(item.excerpt);
    }
    const meta = document.createElement("p");
    meta.className = "mwb-entry-meta";
    meta.textContent = [item.meta.organisatie, item.meta.gemeente, item.meta.soort]
      .filter(Boolean)
      .join(" · ");
    li.append(h2, summary, meta);
    list.append(li);
  }
  shown += batch.length;
  more.hidden = shown >= results.length;
}

// Pagefind's excerpt is text with HTML entities and <mark> around the words found. It is
// split on those two tags only; every other piece becomes a text node (entities decoded),
// so nothing in a case's text can become markup.
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name) => {
    if (name[0] === "#") {
      const code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

function plainText(excerpt) {
  return decode((excerpt || "").replace(/<\/?mark>/g, ""));
}

function highlighted(excerpt) {
  const nodes = [];
  excerpt.split(/(<mark>.*?<\/mark>)/s).forEach((part) => {
    if (!part) return;
    const found = /^<mark>(.*)<\/mark>$/s.exec(part);
    if (found) {
      const mark = document.createElement("mark");
      mark.textContent = decode(found[1]);
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(decode(part)));
    }
  });
  return nodes;
}

function showCounts(state, search) {
  const unfiltered = !state.q && !Object.keys(state.filters).length;
  for (const [key] of FACETS) {
    for (const [value, total] of Object.entries(totals[key] || {})) {
      const known = filtersLoaded || state.filters[key];
      const count = unfiltered ? total : known ? (search.filters?.[key] || {})[value] ?? 0 : null;
      const text = count === null ? "" : `(${count})`;
      countTexts.set(`${key}\u0000${value}`, text);
      const label = labels.get(`${key}\u0000${value}`);
      if (label) label.textContent = text;
    }
  }
  for (const view of facetViews) layoutFacet(view);
}

// Once the filter index is in, the counts of what is shown are filled in; the list stays
// as it is (replacing it with the same results would empty it for a moment under a status
// that still counts them, and move a reader who had begun to read it). A search started
// after this point counts by itself; one still under way, started before, is run again.
async function loadFilters() {
  await pagefind.filters(); // loads every filter chunk once
  filtersLoaded = true;
  if (shownGeneration !== generation) return run();
  const mine = generation;
  const state = shownState;
  const found = await pagefindSearch(state);
  if (mine !== generation || !found) return;
  showCounts(state, found);
}

let typing;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(run, 250);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  // Enter searches at once: the search typing scheduled would run the same query again a
  // moment later and replace the list while it is read.
  clearTimeout(typing);
  run();
});
facetsBox.addEventListener("change", (event) => {
  const view = facetViews.find((v) => v.key === event.target.name);
  if (view && !view.frozen) view.frozen = [...view.order];
  showActive();
  run();
});
// The "Filters" button shows only on narrow screens (the stylesheet); it opens and closes the
// panel, which is always open on wide screens.
toggle.addEventListener("click", () => {
  const open = toggle.getAttribute("aria-expanded") !== "true";
  toggle.setAttribute("aria-expanded", String(open));
  panel.classList.toggle("mwb-filters--open", open);
});
// On a phone: close the panel onto the results (the button shows only there).
showResults.addEventListener("click", () => {
  toggle.setAttribute("aria-expanded", "false");
  panel.classList.remove("mwb-filters--open");
  toggle.focus();
  toggle.scrollIntoView({ block: "start" });
});
more.addEventListener("click", () => showMore(generation));
reset.addEventListener("click", () => {
  input.value = "";
  for (const box of facetsBox.querySelectorAll("input:checked")) box.checked = false;
  run();
  input.focus();
});

const initial = readState();
input.value = initial.q;
const first = search(initial);
buildFacets(initial);
showActive();
root.classList.add("mwb-finder--ready");
await first;
loadFilters();

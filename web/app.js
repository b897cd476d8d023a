// gazette's search page: talks to the JSON API of the server it came from
// (docs/server.md). The state lives in the address (?q=...&outlet=...), so
// Back, Forward, reload and shared links show the same page.
"use strict";

const PAGE = 10;
const $ = (id) => document.getElementById(id);

let state = {};
let pending = null; // AbortController of the request in flight
let typingTimer = null;

function readState() {
  const p = new URLSearchParams(location.search);
  state = {
    q: p.get("q") || "",
    outlet: p.getAll("outlet"),
    speaker: p.getAll("speaker"),
    since: p.get("since") || "",
    until: p.get("until") || "",
    sort: p.get("sort") || "relevance",
    offset: parseInt(p.get("offset") || "0", 10) || 0,
    like: p.get("like") || "",
    article: p.get("article") || "",
  };
}

function stateParams(extra) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  for (const o of state.outlet) p.append("outlet", o);
  for (const s of state.speaker) p.append("speaker", s);
  if (state.since) p.set("since", state.since);
  if (state.until) p.set("until", state.until);
  if (state.sort !== "relevance") p.set("sort", state.sort);
  if (state.offset) p.set("offset", String(state.offset));
  if (state.like) p.set("like", state.like);
  for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
  return p;
}

// Records the state in the address: a new history entry, or in place
// while typing.
function commit(replace) {
  const p = stateParams(state.article ? { article: state.article } : {});
  const url = p.toString() ? "?" + p.toString() : location.pathname;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  render();
}

function hasSearch() {
  return state.q || state.like || state.outlet.length || state.speaker.length ||
    state.since || state.until;
}

function show(id, on) {
  $(id).hidden = !on;
}

function text(el, value) {
  el.textContent = value;
  return el;
}

function make(tag, cls, content) {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (content !== undefined) el.textContent = content;
  return el;
}

async function api(path, params) {
  if (pending) pending.abort();
  pending = new AbortController();
  const res = await fetch(path + "?" + params.toString(), { signal: pending.signal });
  const body = await res.json().catch(() => ({ error: { message: "the server's answer was not JSON" } }));
  if (!res.ok) {
    const err = new Error((body.error && body.error.message) || "HTTP " + res.status);
    err.status = res.status;
    throw err;
  }
  return body;
}

function showError(message) {
  const box = $("error");
  box.replaceChildren(make("h2", "", "Something went wrong"), make("p", "", message));
  show("error", true);
}

function clearMessages() {
  show("error", false);
  show("empty", false);
  show("suggestion", false);
}

function meta(hit) {
  const parts = [hit.date || "undated", (hit.outlets && hit.outlets.length) ? hit.outlets.join(", ") : "no outlet"];
  if (hit.speakers && hit.speakers.length) parts.push("quoting " + hit.speakers.slice(0, 3).join(", "));
  return parts.join(" · ");
}

// Snippets come from the server HTML-escaped, with only <mark> added.
function marked(html) {
  const span = document.createElement("span");
  span.innerHTML = html;
  for (const el of span.querySelectorAll("*")) {
    if (el.tagName !== "MARK") el.replaceWith(document.createTextNode(el.textContent));
  }
  return span;
}

function renderFacet(listId, values, key, isYear) {
  const list = $(listId);
  list.replaceChildren();
  for (const v of values || []) {
    const li = document.createElement("li");
    const b = make("button", "facet");
    b.type = "button";
    const on = isYear ? (state.since === v.value + "-01-01" && state.until === v.value + "-12-31")
      : state[key].includes(v.value);
    b.setAttribute("aria-pressed", on ? "true" : "false");
    b.append(make("span", "name", v.value), make("span", "count", String(v.count)));
    b.setAttribute("aria-label", `${v.value}, ${v.count} article${v.count === 1 ? "" : "s"}`);
    b.addEventListener("click", () => {
      if (isYear) {
        state.since = on ? "" : v.value + "-01-01";
        state.until = on ? "" : v.value + "-12-31";
      } else if (on) {
        state[key] = state[key].filter((x) => x !== v.value);
      } else {
        state[key] = [...state[key], v.value];
      }
      state.offset = 0;
      commit(false);
    });
    li.append(b);
    list.append(li);
  }
  if (!list.children.length) list.append(make("li", "none", "none"));
}

function renderActive() {
  const list = $("active-list");
  list.replaceChildren();
  const add = (label, remove) => {
    const li = document.createElement("li");
    const b = make("button", "chip", label + " ×");
    b.type = "button";
    b.setAttribute("aria-label", "Remove filter " + label);
    b.addEventListener("click", () => { remove(); state.offset = 0; commit(false); });
    li.append(b);
    list.append(li);
  };
  for (const o of state.outlet) add("outlet: " + o, () => { state.outlet = state.outlet.filter((x) => x !== o); });
  for (const s of state.speaker) add("speaker: " + s, () => { state.speaker = state.speaker.filter((x) => x !== s); });
  if (state.since || state.until) add(`date: ${state.since || "…"} to ${state.until || "…"}`, () => { state.since = ""; state.until = ""; });
  if (state.like) add("like: " + state.like, () => { state.like = ""; });
  show("active", list.children.length > 0);
}

function renderHits(result) {
  const list = $("results");
  list.replaceChildren();
  list.start = state.offset + 1;
  for (const hit of result.hits) {
    const li = make("li", "hit");
    const h = make("h3");
    const a = make("a", "", hit.title || hit.id);
    a.href = "?" + stateParams({ article: hit.id }).toString();
    a.addEventListener("click", (e) => { e.preventDefault(); state.article = hit.id; commit(false); });
    h.append(a);
    li.append(h, make("p", "meta", meta(hit)));
    if (hit.snippet) {
      const p = make("p", "snippet");
      p.append(marked(hit.snippet));
      li.append(p);
    }
    if (hit.also_in && hit.also_in.length) li.append(make("p", "also", "Also in: " + hit.also_in.join(", ")));
    const like = make("button", "like", "More like this");
    like.type = "button";
    like.setAttribute("aria-label", "More articles like " + (hit.title || hit.id));
    like.addEventListener("click", () => moreLike(hit.id));
    li.append(like);
    list.append(li);
  }
}

function renderPages(total) {
  const pages = total > PAGE;
  show("pages", pages);
  if (!pages) return;
  const page = Math.floor(state.offset / PAGE) + 1;
  const of = Math.ceil(total / PAGE);
  text($("page-of"), `Page ${page} of ${of}`);
  $("prev").disabled = page <= 1;
  $("next").disabled = page >= of;
}

async function renderSearch() {
  clearMessages();
  renderActive();
  if (!hasSearch()) {
    $("results").replaceChildren();
    text($("status"), "Type a few words to search the articles.");
    show("pages", false);
    for (const id of ["facet-outlets", "facet-speakers", "facet-years"]) $(id).replaceChildren();
    return;
  }
  const p = stateParams({ limit: String(PAGE), facets: "1", snippet_length: "240" });
  text($("status"), "Searching…");
  let result;
  try {
    result = await api("/api/search", p);
  } catch (e) {
    if (e.name === "AbortError") return;
    text($("status"), "");
    $("results").replaceChildren();
    show("pages", false);
    showError(e.message);
    return;
  }
  const asked = state.like ? "articles like " + state.like : (state.q ? `“${state.q}”` : "the filters");
  if (result.total === 0) {
    text($("status"), "No results for " + asked + ".");
    show("empty", true);
  } else {
    const first = state.offset + 1, last = state.offset + result.hits.length;
    let status = `${result.total} result${result.total === 1 ? "" : "s"} for ${asked}`;
    status += result.hits.length ? ` (showing ${first}–${last})` : ": this page is past the last result";
    if (result.relaxed) status += ". No article has every word; these have some.";
    text($("status"), status);
  }
  if (result.suggestion) {
    const link = $("suggestion-link");
    text(link, result.suggestion);
    link.href = "?" + new URLSearchParams({ q: result.suggestion }).toString();
    show("suggestion", true);
  }
  renderHits(result);
  renderPages(result.total);
  const f = result.facets || {};
  renderFacet("facet-outlets", f.outlets, "outlet", false);
  renderFacet("facet-speakers", f.speakers, "speaker", false);
  renderFacet("facet-years", f.years, null, true);
}

async function renderArticle() {
  clearMessages();
  let a;
  try {
    a = await api("/api/article", new URLSearchParams({ id: state.article, q: state.q }));
  } catch (e) {
    if (e.name === "AbortError") return;
    showError(e.status === 404 ? "This article is not in the index (any more)." : e.message);
    return;
  }
  text($("article-title"), a.title || a.id);
  text($("article-meta"), meta(a) + (a.also_in ? " · also in " + a.also_in.join(", ") : ""));
  const body = $("article-text");
  body.replaceChildren();
  for (const para of a.text.split(/\n\s*\n/)) {
    if (!para.trim()) continue;
    const p = document.createElement("p");
    p.append(marked(para));
    body.append(p);
  }
  const first = body.querySelector("mark");
  $("article").focus();
  if (first) first.scrollIntoView({ block: "center" });
}

function render() {
  $("q").value = state.q;
  $("since").value = /^\d{4}-\d{2}-\d{2}$/.test(state.since) ? state.since : "";
  $("until").value = /^\d{4}-\d{2}-\d{2}$/.test(state.until) ? state.until : "";
  $("sort").value = state.sort;
  const reading = Boolean(state.article);
  show("article", reading);
  for (const id of ["results", "status"]) show(id, !reading);
  document.body.classList.toggle("reading", reading);
  if (reading) {
    show("pages", false);
    show("empty", false);
    renderArticle();
  } else {
    renderSearch();
  }
}

// A new search for the words in the box (in place while typing).
function searchTyped(replace) {
  state = { ...state, q: $("q").value.trim(), offset: 0, article: "", like: "" };
  commit(replace);
}

// Articles like the one with `id`, in place of the words.
function moreLike(id) {
  state = { ...state, q: "", like: id, offset: 0, article: "" };
  commit(false);
}

function init() {
  readState();
  $("search").addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(typingTimer);
    searchTyped(false);
    $("results").focus();
  });
  // Results as you type, once the typing pauses.
  $("q").addEventListener("input", () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => searchTyped(true), 250);
  });
  for (const id of ["since", "until"]) {
    $(id).addEventListener("change", () => { state[id] = $(id).value; state.offset = 0; commit(false); });
  }
  $("sort").addEventListener("change", () => { state.sort = $("sort").value; state.offset = 0; commit(false); });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); commit(false); });
  $("next").addEventListener("click", () => { state.offset += PAGE; commit(false); });
  $("back").addEventListener("click", () => { state.article = ""; commit(false); });
  $("article-like").addEventListener("click", () => moreLike(state.article));
  $("suggestion-link").addEventListener("click", (e) => {
    e.preventDefault();
    state = { ...state, q: $("suggestion-link").textContent, offset: 0 };
    commit(false);
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "/" && document.activeElement !== $("q")) { e.preventDefault(); $("q").focus(); $("q").select(); }
    if (e.key === "Escape" && state.article) { state.article = ""; commit(false); }
  });
  window.addEventListener("popstate", () => { readState(); render(); });
  render();
}

document.addEventListener("DOMContentLoaded", init);

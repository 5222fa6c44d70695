/* Search worker for Material's search UI (its message protocol: 0 setup, 1 ready, 2 query,
 * 3 result). It answers "ready" at once and loads the engine and this language's index only when
 * the reader first types, so a first page view downloads neither. Each result names the query it
 * answers (Material reads only its items), so a page or a test can tell a stale answer from the
 * newest one. */
"use strict";
var here = new URL(self.location.href);
var lang = here.searchParams.get("lang") || "pl";
var engine = null;
// Filled in by the build (scripts/plugin/assets.py) with each language's index file, named after its content.
var INDEX_FILES = {};

function load() {
  importScripts(new URL("engine.js", here).href);
  var request = new XMLHttpRequest();  // synchronous: allowed in a worker, keeps queries in order
  request.open("GET", new URL("../../search/" + (INDEX_FILES[lang] || lang + ".json"), here).href, false);
  request.send();
  return kbSearchEngine(JSON.parse(request.responseText), kbStemmers[lang]);
}

// A burst of typing queues a query per keystroke; only the newest one still matters. Queries
// wait for one turn of the event loop, and a newer one replaces a waiting one, so the worker
// never works through a backlog of queries nobody reads any more.
var pending = null;

function answer() {
  var query = pending;
  pending = null;
  engine = engine || load();
  var result = engine.search(query);
  result.query = query;
  self.postMessage({ type: 3, data: result });
}

self.onmessage = function (event) {
  var message = event.data || {};
  if (message.type === 0) {
    self.postMessage({ type: 1 });
  } else if (message.type === 2) {
    // Material asks at once with the empty box; only a real query is worth loading for.
    if (!String(message.data || "").trim()) {
      pending = null;
      self.postMessage({ type: 3, data: { items: [], query: message.data } });
      return;
    }
    if (pending === null) setTimeout(answer, 0);
    pending = message.data;
  }
};

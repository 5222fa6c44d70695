// Runs queries through the site's search engine in Node, without a browser: the same engine.js
// (with the Snowball stemmers) and the same per-language index the browser loads.
// Usage: node engine_queries.js ENGINE_JS INDEX_JSON < queries (one per line) -> JSON lines
"use strict";
const fs = require("fs");
const vm = require("vm");
const [enginePath, indexPath] = process.argv.slice(2);
const context = {};
vm.createContext(context);
vm.runInContext(fs.readFileSync(enginePath, "utf8") + "\nthis.kbSearchEngine = kbSearchEngine; this.kbStemmers = kbStemmers;", context);
const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
const engine = context.kbSearchEngine(index, context.kbStemmers[index.lang]);
const queries = fs.readFileSync(0, "utf8").split("\n").filter(Boolean);
for (const query of queries) {
  const groups = engine.search(query).items;
  console.log(JSON.stringify({ q: query, pages: groups.map((items) => items[0].location) }));
}

/* Search engine of the site, run inside the search worker (worker.js).
 *
 * Index and query go through the same steps: lower case -> Snowball stem (kbStemmers, the same
 * Snowball 3.1.1 the build uses) -> fold diacritics. On top of stems, a query word also matches
 * word forms of the site that start with it (while typing), that are one edit away (words of
 * five letters or more), and the synonyms maintainers list in data/synonyms.yml.
 * Output follows Material's search worker protocol: groups of {location, title, text, score,
 * terms}, one group per page, its first item the page itself. Titles and text are HTML-escaped
 * here; Material inserts them as HTML.
 */
var kbSearchEngine = (function () {
  "use strict";

  var WORD = /[\p{L}\p{N}]+/gu;
  // Long enough for any question typed or pasted whole; bounds the work of a pasted page.
  var MAX_QUERY_CHARS = 1000;
  var MAX_PAGES = 20;
  var MAX_SECTIONS = 6;
  var PREFIX_LIMIT = 60;
  var TITLE_WEIGHT = 3;
  var SYNONYM_WEIGHT = 0.5;
  var PREFIX_WEIGHT = 0.8;
  var TYPO_WEIGHT = 0.6;
  var SNIPPET = 220;
  // Share of the best page's coverage of the query that another page must reach to be listed.
  var COVERAGE = 0.8;

  function fold(word) {
    return word.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l");
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function words(text) {
    return text.toLowerCase().match(WORD) || [];
  }

  // Optimal string alignment distance, stopping early above 1.
  function withinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i === a.length || i === b.length) return Math.abs(a.length - b.length) <= 1;
    var restA = a.slice(i + 1), restB = b.slice(i + 1);
    return restA === restB ||                                   // substitution
      a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) ||  // insertion, deletion
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)); // swap
  }

  function Engine(index, stem) {
    this.stem = stem;
    this.cache = new Map();
    this.docs = index.docs;
    this.postings = new Map();   // key -> Map(doc -> raw weight)
    this.forms = new Map();      // folded word form of the site -> key
    for (var d = 0; d < this.docs.length; d++) {
      this.add(d, this.docs[d][1], TITLE_WEIGHT);
      this.add(d, this.docs[d][2], 1);
    }
    this.formList = Array.from(this.forms.keys()).sort();
    this.stop = new Set((index.stop || []).map(fold));
    var self = this;
    // A phrase is matched against the query's informative words, so its stop words go too.
    this.synonyms = (index.synonyms || []).map(function (group) {
      return group.map(function (phrase) {
        var all = words(phrase), kept = all.filter(function (word) { return !self.stop.has(fold(word)); });
        return (kept.length ? kept : all).map(self.key, self);
      });
    });
  }

  Engine.prototype.key = function (word) {
    var key = this.cache.get(word);
    if (key === undefined) {
      key = fold(this.stem(word));
      this.cache.set(word, key);
    }
    return key;
  };

  Engine.prototype.add = function (doc, text, weight) {
    var list = words(text);
    for (var i = 0; i < list.length; i++) {
      var key = this.key(list[i]);
      this.forms.set(fold(list[i]), key);
      var docs = this.postings.get(key);
      if (!docs) this.postings.set(key, docs = new Map());
      docs.set(doc, (docs.get(doc) || 0) + weight);
    }
  };

  // Keys a typed word may stand for, each with how much a match counts.
  Engine.prototype.alternatives = function (word, isPrefix) {
    var found = new Map(), folded = fold(word), self = this;
    function offer(key, weight) {
      if (key && self.postings.has(key) && !(found.get(key) >= weight)) found.set(key, weight);
    }
    offer(this.key(word), 1);
    offer(this.key(folded), 1);
    offer(this.forms.get(folded), 1);
    if (isPrefix && folded.length >= 2) {
      var start = lowerBound(this.formList, folded), count = 0;
      for (var i = start; i < this.formList.length && count < PREFIX_LIMIT; i++, count++) {
        if (this.formList[i].lastIndexOf(folded, 0) !== 0) break;
        offer(this.forms.get(this.formList[i]), PREFIX_WEIGHT);
      }
    }
    if (found.size === 0 && folded.length >= 5) {
      this.forms.forEach(function (key, form) {
        if (withinOneEdit(form, folded)) offer(key, TYPO_WEIGHT);
      });
    }
    return found;
  };

  function lowerBound(list, value) {
    var low = 0, high = list.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (list[mid] < value) low = mid + 1; else high = mid;
    }
    return low;
  }

  // A query is a list of slots; a doc must match every slot. A slot is a list of options (the
  // words typed, or a synonym phrase); an option is a list of word alternatives, all required.
  Engine.prototype.slots = function (typed, endsWithSpace) {
    var self = this;
    var slots = typed.map(function (word, i) {
      return { words: [word], options: [[self.alternatives(word, i === typed.length - 1 && !endsWithSpace)]] };
    });
    var exact = typed.map(function (word) { return self.key(word) + "|" + self.key(fold(word)); });
    this.synonyms.forEach(function (group) {
      // Longest phrases first: "masuk penjara" is one thing, not "masuk" and "penjara".
      group.slice().sort(function (a, b) { return b.length - a.length; }).forEach(function (phrase) {
        for (var start = 0; start + phrase.length <= slots.length; start++) {
          var matches = phrase.every(function (key, k) {
            return slots[start + k] && slots[start + k].words.length === 1 &&
              exact[start + k].split("|").indexOf(key) >= 0;
          });
          if (!matches) continue;
          var merged = { words: [], options: [[]] };
          for (var k = 0; k < phrase.length; k++) {
            merged.words.push(slots[start + k].words[0]);
            merged.options[0].push(slots[start + k].options[0][0]);
          }
          group.forEach(function (other) {
            if (other === phrase) return;
            var option = other.map(function (key) { return new Map([[key, SYNONYM_WEIGHT]]); });
            if (option.every(function (alt) { return self.postings.has(alt.keys().next().value); })) {
              merged.options.push(option);
            }
          });
          slots.splice(start, phrase.length, merged);
          exact.splice(start, phrase.length, "");
          break;
        }
      });
    });
    return slots;
  };

  // How rare the rarest form of a slot is on the site (the inverse document frequency).
  Engine.prototype.rarity = function (slot) {
    var n = this.docs.length, self = this, best = 0;
    slot.options.forEach(function (option) {
      option.forEach(function (alternatives) {
        alternatives.forEach(function (_, key) {
          best = Math.max(best, Math.log(1 + n / self.postings.get(key).size));
        });
      });
    });
    return best;
  };

  Engine.prototype.wordScore = function (alternatives, doc, used) {
    var best = 0, bestKey = null, n = this.docs.length, self = this;
    alternatives.forEach(function (weight, key) {
      var docs = self.postings.get(key), raw = docs && docs.get(doc);
      if (!raw) return;
      var score = weight * (raw / (raw + 1.2)) * Math.log(1 + n / docs.size);
      if (score > best) { best = score; bestKey = key; }
    });
    if (bestKey) used.add(bestKey);
    return best;
  };

  Engine.prototype.search = function (query) {
    // Composed and decomposed letters (a pasted "ę" may be "e" + ogonek) search alike.
    query = String(query == null ? "" : query).normalize("NFC").slice(0, MAX_QUERY_CHARS);
    var typed = words(query), self = this;
    // One-letter words ("w", "i", "z") and stop words ("czy", "się", "karena") only narrow a
    // question down to nothing useful: the informative words rank the pages. A query made only
    // of such words is searched as typed.
    var informative = typed.filter(function (word) {
      return word.length > 1 && !self.stop.has(fold(word));
    });
    if (informative.length) {
      typed = informative;
    } else if (typed.some(function (word) { return word.length > 1; })) {
      typed = typed.filter(function (word) { return word.length > 1; });
    }
    if (!typed.length || (typed.length === 1 && typed[0].length < 2)) return { items: [] };
    var slots = this.slots(typed, /\s$/.test(query));
    slots.forEach(function (slot) { slot.weight = self.rarity(slot); });
    var candidates = new Set();
    slots.forEach(function (slot) {
      slot.options.forEach(function (option) {
        option.forEach(function (alternatives) {
          alternatives.forEach(function (_, key) {
            self.postings.get(key).forEach(function (_, doc) { candidates.add(doc); });
          });
        });
      });
    });
    var scored = [];
    candidates.forEach(function (doc) {
      var total = 0, matched = 0, used = new Set(), terms = {};
      slots.forEach(function (slot) {
        var best = 0;
        slot.options.forEach(function (option) {
          var sum = 0;
          for (var i = 0; i < option.length; i++) {
            var score = self.wordScore(option[i], doc, used);
            if (!score) return;
            sum += score;
          }
          best = Math.max(best, sum);
        });
        slot.words.forEach(function (word) { terms[word] = best > 0; });
        if (best > 0) { total += best; matched += slot.weight; }
      });
      if (total > 0) scored.push({ doc: doc, score: total, matched: matched, used: used, terms: terms });
    });
    // Pages must cover (nearly) as much of the query as the best page does, counting each word by
    // how rare it is on the site: missing a word that is on most pages costs little.
    var most = scored.reduce(function (m, s) { return Math.max(m, s.matched); }, 0);
    scored = scored.filter(function (s) { return s.matched >= most * COVERAGE - 1e-9; });
    return { items: this.group(scored, typed, /\s$/.test(query)) };
  };

  Engine.prototype.group = function (scored, typed, endsWithSpace) {
    var pages = new Map(), self = this;
    scored.forEach(function (hit) {
      var page = self.docs[hit.doc][0].split("#")[0];
      if (!pages.has(page)) pages.set(page, []);
      pages.get(page).push(hit);
    });
    var prefix = endsWithSpace ? null : fold(typed[typed.length - 1]);
    var groups = Array.from(pages.entries()).map(function (entry) {
      var hits = entry[1].sort(function (a, b) { return b.score - a.score; });
      return { page: entry[0], best: hits[0].score, hits: hits.slice(0, MAX_SECTIONS) };
    }).sort(function (a, b) { return b.best - a.best; }).slice(0, MAX_PAGES);
    return groups.map(function (group) {
      var pageDoc = self.pageDoc(group.page);
      var pageHit = group.hits.filter(function (h) { return h.doc === pageDoc; })[0];
      var sections = group.hits.filter(function (h) { return h.doc !== pageDoc; });
      var head = pageHit || { doc: pageDoc, used: group.hits[0].used, terms: group.hits[0].terms };
      var items = [self.item(head, group.best, prefix, true)];
      sections.forEach(function (hit) { items.push(self.item(hit, hit.score, prefix, false)); });
      return items;
    });
  };

  Engine.prototype.pageDoc = function (page) {
    for (var d = 0; d < this.docs.length; d++) if (this.docs[d][0] === page) return d;
    return -1;
  };

  Engine.prototype.item = function (hit, score, prefix, isPage) {
    var doc = this.docs[hit.doc];
    return {
      location: doc[0],
      title: this.highlight(doc[1], hit.used, prefix),
      text: isPage && !doc[2] ? "" : this.highlight(this.snippet(doc[2], hit.used, prefix), hit.used, prefix),
      score: score,
      terms: hit.terms
    };
  };

  Engine.prototype.isMatch = function (word, used, prefix) {
    var folded = fold(word.toLowerCase());
    return used.has(this.key(word.toLowerCase())) || (prefix !== null && folded.lastIndexOf(prefix, 0) === 0);
  };

  // About SNIPPET characters of text around the first matching word.
  Engine.prototype.snippet = function (text, used, prefix) {
    if (text.length <= SNIPPET) return text;
    var match, first = 0;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      if (this.isMatch(match[0], used, prefix)) { first = match.index; break; }
    }
    var start = Math.max(0, first - 60);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  };

  // Escapes everything, then marks the matching words.
  Engine.prototype.highlight = function (text, used, prefix) {
    var out = "", last = 0, match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      out += escapeHtml(text.slice(last, match.index));
      out += this.isMatch(match[0], used, prefix) ? "<mark>" + escapeHtml(match[0]) + "</mark>" : escapeHtml(match[0]);
      last = match.index + match[0].length;
    }
    return out + escapeHtml(text.slice(last));
  };

  return function (index, stem) { return new Engine(index, stem); };
})();

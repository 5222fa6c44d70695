// Reader safety on a shared device. Loaded on every page (mkdocs.yml: extra_javascript).
(function () {
  "use strict";
  var exitLink = document.querySelector("[data-kb-exit]");
  var neutral = exitLink ? exitLink.href : "about:blank";
  var lastEscape = 0;

  // Quick exit: replace this page with a neutral one. replace() adds no history entry, and
  // in-site links below replace too, so Back does not lead to this site afterwards.
  function leave() {
    try { sessionStorage.clear(); } catch (error) { /* storage may be disabled */ }
    window.location.replace(neutral);
  }

  function isPlainClick(event) {
    return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-kb-exit]")) {
      event.preventDefault();
      leave();
      return;
    }
    if (event.target.closest("[data-kb-search]")) {
      var query = document.querySelector("[data-md-component=search-query]");
      if (query) { query.focus(); }
      return;
    }
    var link = event.target.closest("a[href]");
    if (!link || link.target || link.hasAttribute("download") || !isPlainClick(event)) { return; }
    var url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin) { return; }
    // Moving within the site replaces the current entry: the tab keeps at most one entry of
    // this site, which the quick exit then replaces.
    event.preventDefault();
    window.location.replace(url.href);
  });

  // Escape pressed twice within a second does the same as the quick exit button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    if (now - lastEscape < 1000) { leave(); }
    lastEscape = now;
  });
})();

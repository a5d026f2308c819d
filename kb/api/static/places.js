/* Suggestions of municipalities and Kreise in the search box (progressive enhancement).
   An <input data-places="ID"> gets its <datalist id="ID"> filled from /api/municipalities as the
   user types; without JavaScript the search box works as before. No inline code: CSP-safe. */
(function () {
  "use strict";
  function attach(input) {
    var list = document.getElementById(input.getAttribute("data-places"));
    if (!list) { return; }
    var timer = null, last = "", controller = null;
    function fill(results) {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      results.forEach(function (p) {
        var option = document.createElement("option");
        option.value = p.name;
        option.label = p.type === "gemeinde" ? p.name + " – " + p.kreis + ", " + p.state : p.name + " – Kreis, " + p.state;
        list.appendChild(option);
      });
    }
    function lookup() {
      var q = input.value.trim();
      if (q === last) { return; }
      last = q;
      if (q.length < 2 || q.length > 100) { fill([]); return; }
      if (controller) { controller.abort(); }
      controller = typeof AbortController === "function" ? new AbortController() : null;
      fetch("/api/municipalities?limit=8&q=" + encodeURIComponent(q), {
        headers: { "Accept": "application/json" }, signal: controller ? controller.signal : undefined
      }).then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (body) { if (input.value.trim() === q) { fill(body.results || []); } })
        .catch(function () { /* a lost suggestion is no error */ });
    }
    input.addEventListener("input", function () {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(lookup, 150);
    });
  }
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-places]"), attach);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());

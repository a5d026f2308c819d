/* Sortable tables (progressive enhancement): every column header of a table.sortable becomes a button
   that sorts the rows by that column, ascending then descending; aria-sort tells screen readers.
   Cells may carry data-sort with a plain number; otherwise German numbers ("1.234", "12,5 %", "3 von 9")
   and text are compared. Without JavaScript the tables stay as the server sorted them. */
(function () {
  "use strict";
  function value(cell) {
    var given = cell.getAttribute("data-sort");
    if (given !== null && given !== "" && !isNaN(Number(given))) { return { n: Number(given), t: given }; }
    var raw = cell.textContent.trim();
    var num = raw.replace(/\./g, "").replace(",", ".").match(/^-?\d+(\.\d+)?/);
    if (num && (/^[-\d.,\s%]+$/.test(raw) || /^\d+ von \d+$/.test(raw))) {
      return { n: parseFloat(num[0]), t: raw };
    }
    if (raw === "·") { return { n: 0, t: raw }; }
    return { n: null, t: raw };
  }
  function compare(a, b) {
    if (a.n !== null && b.n !== null) { return a.n - b.n; }
    return a.t.localeCompare(b.t, "de", { sensitivity: "base", numeric: true });
  }
  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var numeric = th.classList.contains("num");
    if (numeric && !th.hasAttribute("aria-sort")) { ascending = false; }  // numbers: largest first on the first click
    rows.sort(function (r1, r2) {
      var c = compare(value(r1.cells[index]), value(r2.cells[index]));
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      var rest = [];  // links (a footnote mark) stay outside the button: controls must not nest
      while (th.firstChild) {
        var node = th.firstChild;
        th.removeChild(node);
        if (node.nodeType === 1 && (node.tagName === "A" || node.querySelector("a"))) { rest.push(node); } else { button.appendChild(node); }
      }
      th.appendChild(button);
      rest.forEach(function (node) { th.appendChild(node); });
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
    table.classList.add("sortable-ready");
  });
})();

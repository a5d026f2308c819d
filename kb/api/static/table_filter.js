/* A search box over a table (progressive enhancement): <input data-filter-table="ID"> hides the rows of
   table#ID whose text does not contain what was typed (case and umlauts aside) and says how many are left.
   The box is hidden without JavaScript, so nobody meets a control that does nothing. */
(function () {
  "use strict";
  function fold(text) {
    return text.toLocaleLowerCase("de").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss");
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-filter-table]"), function (input) {
    var table = document.getElementById(input.getAttribute("data-filter-table"));
    if (!table || !table.tBodies.length) { return; }
    var status = document.getElementById(input.id.replace(/-filter$/, "-treffer"));
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (r) { return fold(r.textContent); });
    var timer = null;
    function apply() {
      var wanted = fold(input.value.trim());
      var shown = 0;
      rows.forEach(function (r, i) {
        var hit = !wanted || texts[i].indexOf(wanted) !== -1;
        r.hidden = !hit;
        shown += hit ? 1 : 0;
      });
      if (status) { status.textContent = wanted ? shown + " von " + rows.length + " Kommunen" : ""; }
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
    input.parentNode.hidden = false;
  });
})();

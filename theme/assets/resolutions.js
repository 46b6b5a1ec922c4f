// Resolution index: filters by body, year, action line and SDG, and sorting by number,
// year or body, kept in the URL (?sdg=5&sort=-year).
// Proposals: the reading switch shows changes, the proposed text or the base text, and
// remembers the choice (localStorage) on every proposal's page.
(function () {
  "use strict";

  // The script's words in each language of the site, chosen by the page's <html lang>.
  var WORDS = {
    zh: { shown: function (shown, all) { return "显示 " + shown + " 份，共 " + all + " 份"; } },
    en: { shown: function (shown, all) { return "Showing " + shown + " of " + all; } }
  };
  var words = WORDS[(document.documentElement.lang || "zh").split("-")[0]] || WORDS.zh;

  function rowMatches(row, filters) {
    var listed = {
      body: [row.dataset.body],
      year: [row.dataset.year],
      action_line: row.dataset.actionLines.split(" "),
      sdg: row.dataset.sdgs.split(" ")
    };
    return Object.keys(filters).every(function (name) {
      return !filters[name] || listed[name].indexOf(filters[name]) >= 0;
    });
  }

  function setUpFilters(form) {
    var rows = document.querySelectorAll("#document-index tbody tr");
    var count = form.querySelector(".filter-count");
    var params = new URLSearchParams(location.search);
    form.querySelectorAll("select").forEach(function (select) {
      if (params.has(select.name)) select.value = params.get(select.name);
    });
    function apply() {
      var filters = {}, shown = 0, query = new URLSearchParams(location.search);  // keeps ?sort=
      form.querySelectorAll("select").forEach(function (select) {
        filters[select.name] = select.value;
        if (select.value) query.set(select.name, select.value); else query.delete(select.name);
      });
      rows.forEach(function (row) {
        var match = rowMatches(row, filters);
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = words.shown(shown, rows.length);
      var search = query.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  // Index sorting. Each column header with a sort key (th[data-sort], the row's data-*)
  // becomes a button: pressed once it sorts ascending, again descending; aria-sort tells
  // assistive technology, and the URL keeps the order (?sort=year, ?sort=-year) beside the
  // filters. Ties fall to the other keys in column order (so a year's documents come by
  // body, then number); documents without a number or year (reports) come last either
  // way. Bodies sort in the filter's order.
  function setUpSorting(table, bodies) {
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var headers = table.querySelectorAll("thead th[data-sort]");
    var keys = Array.prototype.map.call(headers, function (header) { return header.dataset.sort; });

    function value(row, key) {
      if (key === "body") return bodies.indexOf(row.dataset.body);
      var number = parseInt(row.dataset[key], 10);
      return isNaN(number) ? null : number;
    }
    function compare(a, b, key, direction) {
      var x = value(a, key), y = value(b, key);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -direction : direction;
    }
    function sort(key, direction) {
      var order = [key].concat(keys.filter(function (other) { return other !== key; }));
      rows.slice().sort(function (a, b) {  // stable: equal rows keep the index's order
        for (var i = 0; i < order.length; i++) {
          var result = compare(a, b, order[i], i === 0 ? direction : 1);
          if (result) return result;
        }
        return 0;
      }).forEach(function (row) { tbody.appendChild(row); });
      headers.forEach(function (header) {
        if (header.dataset.sort === key) {
          header.setAttribute("aria-sort", direction > 0 ? "ascending" : "descending");
        } else {
          header.removeAttribute("aria-sort");
        }
      });
    }

    headers.forEach(function (header) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener("click", function () {
        var direction = header.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        sort(header.dataset.sort, direction);
        var query = new URLSearchParams(location.search);
        query.set("sort", (direction > 0 ? "" : "-") + header.dataset.sort);
        history.replaceState(null, "", location.pathname + "?" + query + location.hash);
      });
    });
    var asked = /^(-?)(\w+)$/.exec(new URLSearchParams(location.search).get("sort") || "");
    if (asked && keys.indexOf(asked[2]) >= 0) sort(asked[2], asked[1] ? -1 : 1);
  }

  var READINGS = ["changes", "proposed", "base"];

  function setUpReadingSwitch(form) {
    var saved = null;
    try { saved = localStorage.getItem("reading"); } catch (error) { /* storage blocked */ }
    function show(reading) {
      document.documentElement.dataset.reading = reading;
      form.querySelectorAll("input").forEach(function (input) { input.checked = input.value === reading; });
    }
    form.addEventListener("change", function (event) {
      show(event.target.value);
      try { localStorage.setItem("reading", event.target.value); } catch (error) { /* not kept */ }
    });
    show(READINGS.indexOf(saved) >= 0 ? saved : "changes");
    form.hidden = false;
  }

  function start() {
    var reading = document.getElementById("reading-switch");
    if (reading) setUpReadingSwitch(reading);
    var form = document.getElementById("filters");
    if (form) setUpFilters(form);
    var index = document.getElementById("document-index");
    if (form && index) {
      var bodies = Array.prototype.map.call(form.elements.body.options, function (o) { return o.value; });
      setUpSorting(index, bodies);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

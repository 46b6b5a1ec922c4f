// Resolution index: filters by body, year, action line and SDG, kept in the URL (?sdg=5).
// Proposals: the reading switch shows changes, the proposed text or the base text, and
// remembers the choice (localStorage) on every proposal's page.
(function () {
  "use strict";

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
      var filters = {}, shown = 0, query = new URLSearchParams();
      form.querySelectorAll("select").forEach(function (select) {
        filters[select.name] = select.value;
        if (select.value) query.set(select.name, select.value);
      });
      rows.forEach(function (row) {
        var match = rowMatches(row, filters);
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = "显示 " + shown + " 份，共 " + rows.length + " 份";
      var search = query.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.hidden = false;
    apply();
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
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

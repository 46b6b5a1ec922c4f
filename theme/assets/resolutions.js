// Clause permalinks: a button beside each ¶ copies the clause's full URL.
// Resolution index: filters by body, year, action line and SDG, kept in the URL (?sdg=5).
// Anchors kept as aliases lead on to where their clause is now.
// Proposals: the reading switch shows changes, the proposed text or the base text, and
// remembers the choice (localStorage) on every proposal's page.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");  // file:// and plain http have no clipboard API
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = document.execCommand("copy");
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function addCopyButtons() {
    var status = document.createElement("p");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    document.body.appendChild(status);
    document.querySelectorAll(".clause[id] > .permalink").forEach(function (permalink) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.textContent = "复制链接";
      button.setAttribute("aria-label", "复制本条款的链接");
      button.addEventListener("click", function () {
        var url = new URL(permalink.getAttribute("href"), location.href).href;
        copyText(url).then(
          function () { status.textContent = "已复制：" + url; button.textContent = "已复制"; },
          function () { status.textContent = "无法复制，请手动复制：" + url; }
        );
        setTimeout(function () { button.textContent = "复制链接"; }, 2000);
      });
      permalink.after(button);
    });
  }

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

  // An anchor this page no longer has, that the registry keeps as an alias
  // (generator/registry.py): the clause renumbered, or its successor elsewhere.
  function followAlias(aliases) {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) return;
    var target = JSON.parse(aliases.textContent)[id];
    if (target) location.replace(target);
  }

  function start() {
    var aliases = document.getElementById("anchor-aliases");
    if (aliases) {
      followAlias(aliases);
      window.addEventListener("hashchange", function () { followAlias(aliases); });
    }
    addCopyButtons();
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

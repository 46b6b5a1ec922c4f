// Reading a document page: the clause tools (copy a citation), the context of a
// permalink (which section and clauses it sits in), anchors the page no longer has
// (an alias the registry keeps, or a word that the clause is not here), and the
// outline behind a button on narrow screens. Pages without clauses are left alone.
(function () {
  "use strict";

  var body = document.querySelector(".document-body");

  // The script's words in each language of the site, chosen by the page's <html lang>.
  var WORDS = {
    zh: {
      thisParagraph: "本段",
      missing: function (id) { return "本文件中没有条款“" + id + "”：它可能属于本决议的另一份文件，或编号已改变。"; },
      workPage: "查看本决议的全部版本和提案",
      citationSeparator: "，",  // between the document's title line and the clause's place
      copy: "复制引文",
      copyLabel: "复制本条款的引文和链接",
      copied: "已复制",
      copiedCitation: function (citation) { return "已复制：" + citation; },
      notCopied: function (url) { return "无法复制，请手动复制：" + url; },
      outline: "目录"
    },
    en: {
      thisParagraph: "this paragraph",
      missing: function (id) { return "This document has no clause “" + id + "”: it may belong to another document of this resolution, or its number may have changed."; },
      workPage: "See every version and proposal of this resolution",
      citationSeparator: ", ",
      copy: "Copy citation",
      copyLabel: "Copy this clause's citation and link",
      copied: "Copied",
      copiedCitation: function (citation) { return "Copied: " + citation; },
      notCopied: function (url) { return "Could not copy; copy it by hand: " + url; },
      outline: "Contents"
    }
  };
  var words = WORDS[(document.documentElement.lang || "zh").split("-")[0]] || WORDS.zh;

  // --- Anchors: an alias, a clause not in this document, or a clause with its context ---

  function aliases() {
    var data = document.getElementById("anchor-aliases");
    return data ? JSON.parse(data.textContent) : {};
  }

  function landed() {
    var old = document.querySelector(".clause-context, .anchor-missing");
    if (old) old.remove();
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) {
      var alias = aliases()[id];
      if (alias) location.replace(alias);  // renumbered, or its successor elsewhere
      else sayMissing(id);
      return;
    }
    if (target.classList.contains("clause")) showContext(target);
  }

  // Where a clause is: its section's heading, then the labels of the clauses it sits
  // in and its own, each with its anchor ([["做出决议", "resolves"], ["6", "resolves-6"],
  // ["i)", "resolves-6-i"]]). Unlabelled clauses add nothing.
  function placeOf(clause) {
    var place = [];
    for (var item = clause; item; item = item.parentElement.closest(".clause")) {
      var label = item.querySelector(":scope > .clause-label");
      if (label) place.unshift([label.textContent.trim(), item.id]);
    }
    var section = clause.closest(".document-section");
    var heading = section && section.querySelector(".section-heading");
    if (heading) place.unshift([heading.firstChild.textContent.trim(), section.id]);
    return place;
  }

  // "做出决议 › 6 › i)": the section and the labels above a clause, each a link, at
  // the top of the clause landed on, so that its parent need not be on the screen.
  function showContext(clause) {
    var parts = placeOf(clause);
    var own = parts.length && parts[parts.length - 1][1] === clause.id ? parts.pop()[0] : words.thisParagraph;
    if (!parts.length) return;
    var context = document.createElement("p");
    context.className = "clause-context";
    parts.forEach(function (part) {
      var link = document.createElement("a");
      link.href = "#" + part[1];
      link.textContent = part[0];
      context.append(link, " › ");
    });
    context.append(own);
    clause.prepend(context);
  }

  function sayMissing(id) {
    if (!body) return;
    var note = document.createElement("p");
    note.className = "anchor-missing";
    note.setAttribute("role", "status");
    note.textContent = words.missing(id);
    var work = body.dataset.workPage;
    if (work) {
      var link = document.createElement("a");
      link.href = work;
      link.textContent = words.workPage;
      note.append(" ", link);
    }
    body.before(note);
    note.scrollIntoView();
  }

  // --- Copy: the clause's citation and its URL, as text and as a link ---

  function citationOf(clause) {
    return body.dataset.citation + words.citationSeparator + placeOf(clause).map(function (part) { return part[0]; }).join(" ");
  }

  function copy(text, html) {
    if (navigator.clipboard && window.isSecureContext && window.ClipboardItem) {
      return navigator.clipboard.write([new ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html], { type: "text/html" })
      })]);
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

  function escapeHtml(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function addCopyButtons() {
    var status = document.createElement("p");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    document.body.appendChild(status);
    document.querySelectorAll(".clause[id] > .clause-tools").forEach(function (tools) {
      var clause = tools.parentElement;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link";
      button.textContent = words.copy;
      button.setAttribute("aria-label", words.copyLabel);
      button.addEventListener("click", function () {
        var url = new URL("#" + clause.id, location.href).href;
        var citation = citationOf(clause);
        var html = '<a href="' + escapeHtml(url) + '">' + escapeHtml(citation) + "</a>";
        copy(citation + "\n" + url, html).then(
          function () { status.textContent = words.copiedCitation(citation); button.textContent = words.copied; },
          function () { status.textContent = words.notCopied(url); }
        );
        setTimeout(function () { button.textContent = words.copy; }, 2000);
      });
      tools.querySelector(".permalink").after(button);
    });
  }

  // On a touch screen nothing hovers: a tap on a clause shows its tools.
  function showToolsOnTap() {
    body.addEventListener("click", function (event) {
      if (event.target.closest("a, button")) return;
      var clause = event.target.closest(".clause");
      document.querySelectorAll(".clause.tools-open").forEach(function (open) {
        if (open !== clause) open.classList.remove("tools-open");
      });
      if (clause) clause.classList.toggle("tools-open");
    });
  }

  // --- The outline: Material's table of contents, behind a button where its sidebar is hidden ---

  function addOutlineButton() {
    var sidebar = document.querySelector(".md-sidebar--secondary");
    if (!sidebar || !sidebar.querySelector("[data-md-component=toc] a")) return;
    sidebar.id = sidebar.id || "outline";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "outline-toggle";
    button.textContent = words.outline;
    button.setAttribute("aria-controls", sidebar.id);
    button.setAttribute("aria-expanded", "false");
    function show(open) {
      document.body.classList.toggle("outline-open", open);
      button.setAttribute("aria-expanded", String(open));
    }
    button.addEventListener("click", function () {
      show(!document.body.classList.contains("outline-open"));
    });
    window.addEventListener("hashchange", function () { show(false); });  // a section chosen
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") show(false);
    });
    document.body.appendChild(button);
  }

  function start() {
    addOutlineButton();
    if (!body) return;
    addCopyButtons();
    showToolsOnTap();
    landed();
    window.addEventListener("hashchange", landed);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

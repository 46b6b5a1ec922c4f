// Search in the header, over the Pagefind index the build writes into pagefind/.
// A small UI of our own on Pagefind's JS API rather than Pagefind's UI: it loads
// Pagefind's code when the box is first used, loads the filters only when their
// panel is opened (every filter file at once is ~45 KB at 5,000 resolutions), and
// runs Pagefind without its worker (which would fetch a second copy of its code).
// "/" or "s" focuses the box; Enter opens the first result; Escape closes the
// results, a click reopens them.
(function () {
  "use strict";

  var PAGE_SIZE = 5;       // results whose text is loaded at a time (~10 KB each)
  var CLAUSES_SHOWN = 3;   // clause hits shown under a result
  var FILTER_ORDER = ["机构", "年份", "行动方面", "可持续发展目标"];

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Pagefind's excerpts are HTML with <mark> around matches. Only text and <mark>
  // are kept, parsed in an inert document, so no markup from a document can run.
  function excerpt(html) {
    var out = element("p", "site-search__excerpt");
    var body = new DOMParser().parseFromString(html, "text/html").body;
    body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") out.appendChild(element("mark", "", node.textContent));
      else out.appendChild(document.createTextNode(node.textContent));
    });
    return out;
  }

  // Pagefind chooses the index chunks to load from the query as typed, but searches
  // its words as Intl.Segmenter splits them: for "PP-140" or "第140号决议" it loaded
  // chunks without some words, and found nothing or ignored "140" (seen at 300
  // resolutions and up). Giving it the words, space-separated, makes both agree.
  function terms(query) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) {
      return query.toLowerCase().split(/[\s\p{P}]+/u).filter(Boolean);
    }
    var words = [];
    for (var part of new Intl.Segmenter("zh", { granularity: "word" }).segment(query)) {
      if (part.isWordLike) words.push(part.segment.toLowerCase());
    }
    return words;
  }

  // "140", "第140号决议", "Res 140", "PP-140", "ITU-R 5", "pp-140-2022": a resolution
  // by its number, as an exact phrase of the words its record leads with
  // (generator/search.py). Searched as words, "5" also matches "56" (Pagefind
  // matches prefixes), which can rank PP-56 above PP-5.
  function numberPhrase(words) {
    var rest = words.filter(function (word) { return !/^(第|号|决议|res|resolution)$/.test(word); });
    var at = rest.findIndex(function (word) { return /^\d{1,4}$/.test(word); });
    if (at < 0) return null;
    var body = rest.slice(0, at), after = rest.slice(at + 1);
    var isBody = body.every(function (word) { return /^[a-z]+$/.test(word); });
    if (!isBody || after.length > 1 || (after.length && !/^\d{4}$/.test(after[0]))) return null;
    return (body.length ? body : ["res"]).concat(rest.slice(at)).join(" ");
  }

  // The results for a query: a resolution named by its number first, then the rest.
  // One search at a time: Pagefind's searches share the state of its WASM.
  async function find(pagefind, query, filters) {
    var words = terms(query);
    if (!words.length) return { results: [], filters: {} };
    var phrase = numberPhrase(words), seen = {}, results = [], answer;
    var searches = phrase ? ['"' + phrase + '"', words.join(" ")] : [words.join(" ")];
    for (var term of searches) {
      answer = await pagefind.search(term, { filters: filters });
      answer.results.forEach(function (result) {
        if (!seen[result.id]) results.push(result);
        seen[result.id] = true;
      });
    }
    return { results: results, filters: answer.filters };
  }

  function load(bundle) {
    return import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
      return pagefind.options({
        noWorker: true,
        excerptLength: 30,
        ranking: { termFrequency: 0 }  // rank by where words are (numbers weigh most), not how often
      }).then(function () { return pagefind; });
    });
  }

  window.siteSearch = { load: load, find: find };  // the benchmark runs queries through these

  function isTyping(target) {
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  function SearchBox(box) {
    this.box = box;
    this.bundle = new URL(box.dataset.bundle, location.href);
    this.input = box.querySelector("input");
    this.drawer = box.querySelector(".site-search__drawer");
    this.status = box.querySelector(".site-search__status");
    this.list = box.querySelector(".site-search__results");
    this.more = box.querySelector(".site-search__more");
    this.panel = box.querySelector(".site-search__filters");
    this.groups = box.querySelector(".site-search__filter-groups");
    this.pagefind = null;
    this.filtersLoaded = null;
    this.found = [];
    this.shown = 0;
    this.searchId = 0;
    this.timer = 0;
    this.listen();
  }

  SearchBox.prototype.load = function () {
    var self = this;
    this.pagefind = this.pagefind || load(this.bundle).catch(function (error) {
      self.pagefind = null;  // the next search tries again
      throw error;
    });
    return this.pagefind;
  };

  SearchBox.prototype.listen = function () {
    var self = this;
    var reopen = function () {
      self.load();
      if (self.input.value.trim()) self.drawer.hidden = false;
    };
    this.input.addEventListener("focus", reopen);
    this.input.addEventListener("click", reopen);
    var failed = function () {  // the index could not be loaded (offline, or opened from a file)
      self.status.textContent = "无法加载搜索索引，请稍后重试";
      self.drawer.hidden = false;
    };
    this.input.addEventListener("input", function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.search().catch(failed); }, 200);
    });
    this.input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();  // which would also clear the query
        self.drawer.hidden = true;
      }
      var first = self.list.querySelector("a");
      if (event.key === "Enter" && first && !self.drawer.hidden) first.click();
    });
    this.more.addEventListener("click", function () { self.showMore(self.searchId).catch(failed); });
    this.panel.addEventListener("toggle", function () {
      if (self.panel.open) self.loadFilters().catch(failed);
    });
    this.groups.addEventListener("change", function () { self.search().catch(failed); });
    document.addEventListener("click", function (event) {
      if (!self.box.contains(event.target)) self.drawer.hidden = true;
    });
    document.addEventListener("keydown", function (event) {
      if ((event.key === "/" || event.key === "s") && !isTyping(event.target) &&
          !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        self.input.focus();
      }
    });
  };

  SearchBox.prototype.selectedFilters = function () {
    var filters = {};
    this.groups.querySelectorAll("input:checked").forEach(function (box) {
      (filters[box.name] = filters[box.name] || []).push(box.value);
    });
    return filters;
  };

  SearchBox.prototype.search = async function () {
    var id = ++this.searchId, query = this.input.value.trim();
    if (!query) {
      this.drawer.hidden = true;
      return;
    }
    var pagefind = await this.load();
    var found = await find(pagefind, query, this.selectedFilters());
    if (id !== this.searchId) return;  // a newer search has started
    this.found = found.results;
    this.shown = 0;
    this.list.textContent = "";
    this.status.textContent = this.found.length
      ? "找到 " + this.found.length + " 份文件"
      : "未找到“" + query + "”";
    this.drawer.hidden = false;
    if (this.filtersLoaded) this.showCounts(found.filters);
    await this.showMore(id);
  };

  SearchBox.prototype.showMore = async function (id) {
    var batch = this.found.slice(this.shown, this.shown + PAGE_SIZE);
    this.shown += batch.length;
    var pages = await Promise.all(batch.map(function (result) { return result.data(); }));
    if (id !== this.searchId) return;
    pages.forEach(function (page) { this.list.appendChild(this.resultItem(page)); }, this);
    this.more.hidden = this.shown >= this.found.length;
  };

  // Pagefind's URLs start at the site's root ("/pp-140-2022/#resolves-6-i"); the
  // site may live in a folder, which is where the bundle's parent is.
  SearchBox.prototype.href = function (url) {
    return new URL(url.replace(/^\//, ""), new URL("..", this.bundle)).href;
  };

  SearchBox.prototype.resultItem = function (page) {
    var item = element("li", "site-search__result");
    var title = element("a", "site-search__title", page.meta.title);
    title.href = this.href(page.url);
    item.appendChild(title);
    var clauses = page.sub_results.filter(function (sub) { return sub.url !== page.url; });
    var best = clauses.slice()
      .sort(function (a, b) { return b.locations.length - a.locations.length; })
      .slice(0, CLAUSES_SHOWN);
    // A match only before the first clause is in the title or the number words
    // (generator/search.py): the title says enough.
    if (!best.length) return item;
    var nested = element("ul", "site-search__clauses");
    clauses.filter(function (sub) { return best.indexOf(sub) >= 0; }).forEach(function (sub) {
      var clause = element("li", "site-search__clause");
      var link = element("a", "", sub.title);
      link.href = this.href(sub.url);
      clause.appendChild(link);
      clause.appendChild(excerpt(sub.excerpt));
      nested.appendChild(clause);
    }, this);
    item.appendChild(nested);
    return item;
  };

  SearchBox.prototype.loadFilters = async function () {
    if (this.filtersLoaded) return;
    var pagefind = await this.load();
    this.filtersLoaded = await pagefind.filters();
    var names = Object.keys(this.filtersLoaded).sort(function (a, b) {
      return FILTER_ORDER.indexOf(a) - FILTER_ORDER.indexOf(b);
    });
    names.forEach(function (name) {
      var group = element("fieldset", "site-search__filter");
      group.appendChild(element("legend", "", name));
      Object.keys(this.filtersLoaded[name]).sort(byNumber).forEach(function (value) {
        var label = element("label");
        var box = element("input");
        box.type = "checkbox";
        box.name = name;
        box.value = value;
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + value + " "));
        label.appendChild(element("span", "site-search__count"));
        group.appendChild(label);
      });
      this.groups.appendChild(group);
    }, this);
    if (this.input.value.trim()) await this.search();  // counts for this query
    else this.showCounts(this.filtersLoaded);
  };

  // How many results each filter value would leave.
  SearchBox.prototype.showCounts = function (counts) {
    this.groups.querySelectorAll("label").forEach(function (label) {
      var box = label.querySelector("input");
      var count = (counts[box.name] || {})[box.value] || 0;
      label.querySelector(".site-search__count").textContent = "(" + count + ")";
    });
  };

  // "C2" before "C10", "SDG 9" before "SDG 10", years in order.
  function byNumber(a, b) {
    return a.localeCompare(b, "en", { numeric: true });
  }

  function start() {
    var box = document.querySelector(".site-search");
    if (box) new SearchBox(box);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

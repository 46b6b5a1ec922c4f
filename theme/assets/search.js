// Search over the Pagefind index the build writes into pagefind/ (generator/search.py
// says what a document's record holds): the box in the header, whose results show in a
// panel, and the results page (/search/?q=…, theme/search.md.j2).
//
// A small UI of our own on Pagefind's JS API rather than Pagefind's UI, so that a query
// loads no more than it must: Pagefind's code when the box is first used, no worker
// (which would fetch a second copy of its code), the filters only when their panel
// opens (every filter file at once is ~45 KB at 5,000 resolutions).
//
// What a query finds (find):
// - names that the clauses' keys stand for (REFERENCES: SDG 5, C5, 5.b, 70/125, WSIS+20,
//   Res 140 …) are searched as those keys; a resolution named by its number comes
//   first, then the documents citing it;
// - Chinese is searched as phrases. Pagefind's words are its own segmenter's, which the
//   browser's does not reproduce ("鸿沟" is one word in the index, "鸿" and "沟" in
//   Chromium), so the box learns how the index split a phrase from a page that has it,
//   and searches that exact phrase: "数字鸿沟" no longer finds "数字化";
// - Pagefind answers a word it lacks with the longest word of the index that begins it
//   ("gender" found "g)"): a word the first result does not have is not found.
// In a document, each clause (or section heading) having the query is a hit; the best
// hit (most of the query, then the weightiest words) is where the result and Enter lead.
//
// Header: "/" or "s" focuses the box; Enter opens the best hit of the first result;
// Escape closes the results, a click reopens them.
(function () {
  "use strict";

  // Results whose text is loaded at a time (~10 KB each at 5,000 resolutions: five keep a
  // query within 300 KB), and clause hits shown before "more", in the panel and on the page.
  var PANEL = { results: 5, clauses: 3 };
  var PAGE = { results: 5, clauses: 5 };
  var EXCERPT_WORDS = 36;                   // Pagefind's words: a Chinese word is 1–4 characters
  var LEARN_FROM = 5;                       // pages read to learn how the index split a phrase
  var FILTER_ORDER = ["机构", "年份", "状态", "行动方面", "可持续发展目标"];
  var STATUS = "状态", NEWEST = "最新文本";  // generator/search.py: the status filter, unlabelled
  var KEYS_MARK = "⁂";                       // generator/search.py: KEYS_MARK
  var OWN_KEY = /^res[0-9]{4}/;              // generator/search.py: a resolution's own key has
  function ownKey(key) { return key.replace(OWN_KEY, "$&d"); }  // a "d" after the number
  // Weights of a hit, as the record weighs its parts (generator/search.py): a document's
  // own key, its title, a clause's keys, any other text.
  var WEIGHTS = { documentKey: 10, title: 7, keys: 3, text: 1 };

  // The script's words in each language of the site, chosen by the page's <html lang>;
  // ``names``: how the index's filter names and values (generator/search.py, in Chinese)
  // are shown, where they are not shown as they are.
  var WORDS = {
    zh: {
      moreClauses: function (n) { return "另有 " + n + " 处条款"; },
      found: function (n) { return "找到 " + n + " 份文件"; },
      notFound: function (query) { return "未找到“" + query + "”"; },
      failed: "无法加载搜索索引，请稍后重试",
      prompt: "输入词语、决议编号（如 Res 140）、行动方面（C5）或可持续发展目标（SDG 5）",
      searching: "正在搜索…",
      titled: function (query) { return "“" + query + "” - "; },
      names: {}
    },
    en: {
      moreClauses: function (n) { return n === 1 ? "1 more clause" : n + " more clauses"; },
      found: function (n) { return n === 1 ? "1 document found" : n + " documents found"; },
      notFound: function (query) { return "Nothing found for “" + query + "”"; },
      failed: "Could not load the search index; please try again later",
      prompt: "Type words, a resolution number (such as Res 140), an action line (C5) or a Sustainable Development Goal (SDG 5)",
      searching: "Searching…",
      titled: function (query) { return "“" + query + "” - "; },
      names: {
        "机构": "Body", "年份": "Year", "状态": "Status", "行动方面": "Action line",
        "可持续发展目标": "Sustainable Development Goal", "报告": "Reports", "理事会": "Council",
        "最新文本": "Newest text", "有更新版本": "Newer version available", "提案": "Proposal"
      }
    }
  };
  var words = WORDS[(document.documentElement.lang || "zh").split("-")[0]] || WORDS.zh;
  function shownName(name) {
    return words.names[name] || name;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function pad(number, width) {
    return String(Number(number)).padStart(width, "0");
  }

  // --- What a query names -------------------------------------------------------------

  // Words naming a body before a resolution's number (generator/tables.py, BODY_WORDS),
  // and the body as a key writes it.
  var BODY_WORDS = [
    ["世界电信标准化全会", "wtsa"], ["本届全权代表大会", "pp"], ["世界电信发展大会", "wtdc"],
    ["无线电通信全会", "itur"], ["全权代表大会", "pp"], ["理事会", "council"],
    ["council", "council"], ["itu-r", "itur"], ["wtsa", "wtsa"], ["wtdc", "wtdc"],
    ["ra", "itur"], ["pp", "pp"]
  ];
  var BODY = "(?<![a-z])(" + BODY_WORDS.map(function (pair) { return pair[0]; }).join("|") + ")";
  function bodyKey(word) {
    return BODY_WORDS.find(function (pair) { return pair[0] === word; })[1];
  }
  function resolutionKey(number, body, year) {
    return { resolution: "res" + pad(number, 4) + (body ? bodyKey(body) : "") + (year || "") };
  }
  function inRange(number, last, key) {
    return Number(number) >= 1 && Number(number) <= last ? { key: key } : null;
  }

  // Names of what the keys stand for, in the order they are read (a UN symbol before a
  // resolution number, a target before its goal); each gives a key, or null when the
  // match names nothing (SDG 18), which leaves the text as words.
  var REFERENCES = [
    [/第?(?<![0-9])([0-9]{1,3})c\s*\/\s*([0-9]{1,4})(?![0-9])(?:号决议)?/g,  // UNESCO: 41C/27
      function (m) { return { key: "unesco" + pad(m[1], 4) + "cx" + pad(m[2], 4) }; }],
    [/(?:a\/res\/|unga\s*|联合国大会|联大)?第?(?<![0-9])([0-9]{1,3})\s*\/\s*([0-9]{1,4})(?![0-9])(?:号决议)?/g,
      function (m) { return { key: "unga" + pad(m[1], 4) + "x" + pad(m[2], 4) }; }],  // 70/125
    [/(?<![a-z])([a-z]{2,})\)?\s*\+\s*([0-9]{1,3})(?![0-9])/g,      // WSIS+20
      function (m) { return { key: m[1] + "plus" + pad(m[2], 4) }; }],
    [/(?<![a-z])(pp|wtsa|wtdc|itu-r|council)-([0-9]{1,4})-([0-9]{4})(?:-[a-z0-9-]+)?/g,  // an id
      function (m) { return resolutionKey(m[2], m[1], m[3]); }],
    [new RegExp(BODY + "\\s*-?\\s*(?:res(?:olution)?\\.?\\s*|第\\s*)?([0-9]{1,4})(?:\\s*号决议)?(?![0-9/.])", "g"),
      function (m) { return resolutionKey(m[2], m[1]); }],           // PP-140, 全权代表大会第140号决议
    [/(?<![a-z])res(?:olution)?\.?\s*([0-9]{1,4})(?![0-9])|第\s*([0-9]{1,4})\s*号决议/g,
      function (m) { return resolutionKey(m[1] || m[2]); }],         // Res 140, 第140号决议
    [/(?:sdg|可持续发展目标|具体目标|目标)\s*([0-9]{1,2})\.([0-9]{1,2}|[a-z])(?![a-z0-9])|(?<![0-9.])([0-9]{1,2})\.([a-z])(?![a-z0-9])/g,
      function (m) {                                                 // SDG 5.b, 具体目标5.b, 5.b
        var goal = m[1] || m[3], target = m[2] || m[4];
        return inRange(goal, 17, "sdg" + pad(goal, 2) + "t" + (/[0-9]/.test(target) ? pad(target, 2) : target));
      }],
    [/(?:sdg|可持续发展目标|目标)\s*([0-9]{1,2})(?![0-9.])/g,          // SDG 5, 可持续发展目标5
      function (m) { return inRange(m[1], 17, "sdg" + pad(m[1], 2)); }],
    [/(?:行动方面\s*)?(?<![a-z0-9])c\s?([0-9]{1,2})(?![0-9])/g,        // C5, 行动方面C5
      function (m) { return inRange(m[1], 11, "wsisc" + pad(m[1], 2)); }]
  ];

  // A query → what to search: keys; a resolution's key (at most one: it is searched
  // twice, as the document's and as citations'); words (Latin words and numbers, found
  // by their beginnings, as Pagefind finds words); phrases (each run of Chinese).
  function queryPlan(query) {
    var text = query.normalize("NFKC").toLowerCase();
    var plan = { keys: [], resolution: null, words: [], phrases: [], bare: null };
    if (/^\s*[0-9]{1,4}\s*$/.test(text)) {  // "140": Resolution 140, else the number
      plan.bare = text.trim();
      plan.resolution = resolutionKey(plan.bare).resolution;
      return plan;
    }
    REFERENCES.forEach(function (reference) {
      text = text.replace(reference[0], function () {
        var found = reference[1](arguments);
        if (!found) return arguments[0];
        if (found.resolution && !plan.resolution) plan.resolution = found.resolution;
        else plan.keys.push(found.key || found.resolution);
        return " ";
      });
    });
    text.split(/[\s\p{P}\p{S}]+/u).filter(Boolean).forEach(function (chunk) {
      if (/\p{Script=Han}/u.test(chunk)) plan.phrases.push({ text: chunk });
      else plan.words.push(chunk);
    });
    return plan;
  }

  // The browser's words of a phrase: enough for Pagefind to load the right index chunks
  // and find pages that may have it, which then tell how the index split it.
  function segments(text) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return [text];
    var words = [];
    for (var part of new Intl.Segmenter("zh", { granularity: "word" }).segment(text)) {
      if (part.isWordLike) words.push(part.segment);
    }
    return words;
  }

  // --- A document's hits --------------------------------------------------------------

  var NOT_IN_WORDS = /[^\p{L}\p{N}\p{M}\p{Pc}]/gu;  // what Pagefind strips from a word
  function indexed(token) {
    return token.toLowerCase().replace(NOT_IN_WORDS, "");
  }
  function squeezed(token) {
    return token.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  }
  function isSeparator(token) {
    return /^[\s.]*$/.test(token);  // the ". " Pagefind puts after a heading
  }

  // A page's content as Pagefind keeps it: its words, split by zero-width spaces (where
  // it segmented Chinese) and spaces (between English words), with "<" and ">" escaped
  // (as raw_content, which indexes the words as locations do).
  function pageWords(page) {
    return page.raw_content.split(/[\u200b\s]+/).map(function (token) {
      return token.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    });
  }

  // The parts of a page: its head (title, key, title of the resolution), then a part
  // per section heading (h2) and per clause or outcome (h3: its label, its text, its keys).
  function parts(page, tokens) {
    var anchors = page.anchors.filter(function (anchor) { return /^h[23]$/.test(anchor.element); })
      .sort(function (a, b) { return a.location - b.location; });
    var found = [{ head: true, label: page.meta.title, url: page.url, from: 0, text: 0 }];
    anchors.forEach(function (anchor) {
      found.push({
        heading: anchor.element === "h2", label: anchor.text, url: page.url + "#" + anchor.id,
        from: anchor.location, text: anchor.element === "h3" ? labelEnd(tokens, anchor) : anchor.location
      });
    });
    var marks = [];
    tokens.forEach(function (token, at) { if (token.trim() === KEYS_MARK) marks.push(at); });
    found.forEach(function (part, index) {
      part.to = index + 1 < found.length ? found[index + 1].from : tokens.length;
      while (marks.length && marks[0] < part.text) marks.shift();
      part.keys = marks.length && marks[0] < part.to ? marks[0] : part.to;
    });
    return found;
  }

  // Where a clause's text begins: after the words of its label (the heading's text).
  function labelEnd(tokens, anchor) {
    var label = squeezed(anchor.text), read = "", at = anchor.location;
    while (at < tokens.length && read.length < label.length) read += squeezed(tokens[at++]);
    return at;
  }

  // How a text writes what a key names, as runs of its words (lower case): the key's
  // hit is behind the text, these show where the text names it. (Numbers as texts
  // write them: "140" for res0140, "5 . b" for sdg05tb.)
  var SURFACES = [
    [/^res([0-9]{4})/, function (m) { return [[String(Number(m[1]))]]; }],
    [/^(unga|unesco)([0-9]{4})(c?)x([0-9]{4})$/, function (m) {
      return [[String(Number(m[2])) + m[3], "/", String(Number(m[4]))], [String(Number(m[2])), m[3], "/", String(Number(m[4]))]];
    }],
    [/^wsisc([0-9]{2})$/, function (m) { return [["c" + Number(m[1])]]; }],
    [/^sdg([0-9]{2})t([0-9a-z]+)$/, function (m) {
      return [[String(Number(m[1])), ".", /[0-9]/.test(m[2]) ? String(Number(m[2])) : m[2]]];
    }],
    [/^sdg([0-9]{2})$/, function (m) { return [[String(Number(m[1]))]]; }],
    [/^([a-z]+)plus([0-9]{4})$/, function (m) { return [[m[1], "+", String(Number(m[2]))]]; }]
  ];
  function surfaces(key) {
    for (var surface of SURFACES) {
      var m = key.match(surface[0]);
      if (m) return surface[1](m);
    }
    return [];
  }

  // Each part's hits: the tokens where a word or key of the plan begins a word, or where
  // a phrase is (across words); which parts of the query it has, and its weight. Where
  // a key is a hit, the words of the text that name it are marked too.
  function hits(part, tokens, plan, terms) {
    var found = new Set(), had = new Set(), weight = 0;
    terms.forEach(function (term) {
      for (var at = part.text; at < part.to; at++) {
        if (!indexed(tokens[at]).startsWith(term)) continue;
        found.add(at);
        had.add(term);
        weight += part.head ? (term === ownKey(plan.resolution || "") ? WEIGHTS.documentKey : WEIGHTS.title)
          : at >= part.keys ? WEIGHTS.keys : WEIGHTS.text;
      }
      if (had.has(term) && !part.head) weight += markSurfaces(term, part, tokens, found) * WEIGHTS.text;
    });
    plan.phrases.forEach(function (phrase) {
      var joined = "", owner = [];
      for (var at = part.text; at < part.keys; at++) {
        var token = squeezed(tokens[at]);
        joined += token;
        for (var i = 0; i < token.length; i++) owner.push(at);
      }
      var target = squeezed(phrase.text);
      for (var start = joined.indexOf(target); start >= 0; start = joined.indexOf(target, start + 1)) {
        for (var c = start; c < start + target.length; c++) found.add(owner[c]);
        had.add(phrase);
        weight += part.head ? WEIGHTS.title : WEIGHTS.text;
      }
    });
    return { tokens: found, had: had, score: had.size * 1000 + weight };
  }

  function markSurfaces(key, part, tokens, found) {
    var marked = 0;
    surfaces(key).forEach(function (run) {
      for (var at = part.text; at + run.length <= part.keys; at++) {
        if (!run.every(function (word, i) { return tokens[at + i].trim().toLowerCase() === word; })) continue;
        for (var i = 0; i < run.length; i++) found.add(at + i);
        marked += 1;
      }
    });
    return marked;
  }

  // A result's page read for the query: its hits, best first, and which of the terms
  // its search asked for it lacks. ``terms`` adds what it has besides (the clauses of
  // Resolution 140 citing Resolution 140, for "Res 140").
  function analyse(page, plan, asked, terms) {
    var tokens = pageWords(page), lacking = new Set(asked);
    var found = parts(page, tokens).map(function (part, order) {
      var hit = hits(part, tokens, plan, terms);
      hit.had.forEach(function (term) { lacking.delete(term); });
      return Object.assign(part, hit, { order: order });
    }).filter(function (part) { return part.tokens.size; });
    var ranked = found.slice().sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    var statuses = (page.filters || {})[STATUS] || [];
    return {
      title: page.meta.title,
      url: ranked.length ? ranked[0].url : page.url,
      status: statuses[0] === NEWEST ? null : statuses[0] || null,
      clauses: ranked.filter(function (part) { return !part.head; }),
      tokens: tokens,
      lacking: Array.from(lacking)
    };
  }

  // --- Finding ------------------------------------------------------------------------

  // How the index split a phrase: the words of the first pages (of ``candidates``) that
  // have it from a word's beginning to a word's end. One split or more (the segmenter
  // reads a phrase by what is around it).
  async function learnSplits(phrase, candidates) {
    var target = squeezed(phrase.text), splits = new Map();
    for (var result of candidates.slice(0, LEARN_FROM)) {
      var tokens = pageWords(await result.data()), starts = new Map(), joined = "";
      tokens.forEach(function (token, at) {
        starts.set(joined.length, at);
        joined += squeezed(token);
      });
      starts.set(joined.length, tokens.length);
      for (var start = joined.indexOf(target); start >= 0; start = joined.indexOf(target, start + 1)) {
        var first = starts.get(start), last = starts.get(start + target.length);
        if (first === undefined || last === undefined) continue;
        var split = tokens.slice(first, last).map(indexed).filter(Boolean);
        splits.set(split.join(" "), split);
      }
      if (splits.size) break;
    }
    return Array.from(splits.values());
  }

  function positive(result) {
    return result.score > 0;  // a page matching only labels (weight 0) does not match
  }

  // The results of a query: documents in rank order, each with ``data()``, its page
  // read for the query (analyse). One search at a time: Pagefind's searches share the
  // state of its WASM.
  async function find(pagefind, query, filters) {
    var plan = queryPlan(query), options = { filters: filters || {} };
    var none = { results: [], filters: {}, plan: plan };
    if (!plan.resolution && !plan.keys.length && !plan.words.length && !plan.phrases.length) {
      return none;
    }
    for (var phrase of plan.phrases) {
      var loose = await pagefind.search(segments(phrase.text).join(" "), options);
      var splits = await learnSplits(phrase, loose.results.filter(positive));
      if (!splits.length) return none;
      phrase.words = splits[0];
      phrase.pages = new Set();
      for (var split of splits) {
        (await pagefind.search('"' + split.join(" ") + '"', options)).results
          .forEach(function (result) { phrase.pages.add(result.id); });
      }
    }
    var common = plan.keys.concat(plan.words);
    plan.phrases.forEach(function (phrase) { common = common.concat(phrase.words); });
    // A resolution named: the resolution's documents first, then the documents citing
    // it; a bare number that names none is searched as a number.
    var searches = plan.resolution
      ? [[ownKey(plan.resolution)].concat(common), [plan.resolution].concat(common)]
      : [common];
    var found = await collect(pagefind, plan, searches, options);
    if (!found.results.length && plan.bare) {
      plan.words = [plan.bare];
      found = await collect(pagefind, plan, [[plan.bare]], options);
    }
    return found;
  }

  // The results of each search, in turn, each document once; a search whose first
  // result lacks a word of it matched a shorter word than asked (Pagefind's prefix
  // fallback), and is dropped.
  async function collect(pagefind, plan, searches, options) {
    var seen = new Set(), results = [], filters = {};
    for (var terms of searches) {
      var answer = await pagefind.search(terms.join(" "), options);
      var kept = answer.results.filter(function (result) {
        return positive(result) && plan.phrases.every(function (phrase) { return phrase.pages.has(result.id); });
      }).map(function (result) { return withAnalysis(result, plan, terms); });
      if (!kept.length || (await kept[0].data()).lacking.length) continue;
      if (!results.length) filters = answer.filters;
      kept.forEach(function (result) {
        if (!seen.has(result.id)) results.push(result);
        seen.add(result.id);
      });
    }
    return { results: results, filters: filters, plan: plan };
  }

  function withAnalysis(result, plan, terms) {
    var read = null;
    var asked = terms.filter(function (term) {  // phrases are read as phrases
      return !plan.phrases.some(function (phrase) { return phrase.words.indexOf(term) >= 0; });
    });
    var shown = plan.resolution && asked.indexOf(plan.resolution) < 0 ? asked.concat(plan.resolution) : asked;
    return {
      id: result.id,
      score: result.score,
      data: function () {
        read = read || result.data().then(function (page) { return analyse(page, plan, asked, shown); });
        return read;
      }
    };
  }

  // Pagefind, ready. It reads the page's language when it starts, and on a Chinese page
  // splits every query again with the browser's segmenter, which undoes the phrases
  // learned from the index ("数字 鸿沟" became "数字 鸿 沟"): it starts while the page
  // says it has no language ("und"), which it then searches as given, and the index
  // it loads is the site's one.
  // Once per page (the box and the results page share it); tried again after a failure.
  var loading = {};
  function load(bundle) {
    var href = new URL("pagefind.js", bundle).href;
    loading[href] = loading[href] || import(href).then(async function (pagefind) {
      await pagefind.options({
        noWorker: true,
        ranking: { termFrequency: 0 }  // rank by where words are (keys weigh most), not how often
      });
      var root = document.documentElement, language = root.getAttribute("lang");
      root.setAttribute("lang", "und");
      var started = pagefind.init();  // reads the language at once
      if (language === null) root.removeAttribute("lang");
      else root.setAttribute("lang", language);
      await started;
      return pagefind;
    }).catch(function (error) {
      delete loading[href];
      throw error;
    });
    return loading[href];
  }

  window.siteSearch = { load: load, find: find, queryPlan: queryPlan };  // the benchmark and tests use these

  // --- Showing results ----------------------------------------------------------------

  // Pagefind's URLs are its records' (from the root of their language's pages, where
  // the bundle is: "/pp-140-2022/#resolves-6-i" in /pagefind/, "/pp-140-2018/" in
  // /en/pagefind/) after the path of the bundle's folder, which it finds itself
  // ("/", "/en/", or the folder a site lives in): a path from the host's root.
  function siteHref(bundle, url) {
    return new URL(url, new URL(bundle, location.href)).href;
  }

  // Whether two words of a page had a space between them: English words did (the page's
  // words are split at spaces), Chinese and its punctuation did not.
  var CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
  function spaced(before, after) {
    return !CHINESE.test(before.slice(-1)) && !CHINESE.test(after.charAt(0));
  }

  // A clause's words around its first hit, the hits marked; its beginning when only its
  // keys have the query.
  function excerpt(part, tokens) {
    var from = part.text, to = part.keys;
    while (from < to && isSeparator(tokens[from])) from++;
    while (to > from && isSeparator(tokens[to - 1])) to--;
    var first = Array.from(part.tokens).filter(function (at) { return at >= from && at < to; })
      .sort(function (a, b) { return a - b; })[0];
    var start = first === undefined ? from : Math.max(from, first - 8);
    var end = Math.min(to, start + EXCERPT_WORDS);
    start = Math.max(from, Math.min(start, end - EXCERPT_WORDS));
    while (start > from && start < first && /^[\p{P}\s]+$/u.test(tokens[start])) start++;  // not "…）"
    var out = element("p", "site-search__excerpt");
    if (start > from) out.appendChild(document.createTextNode("…"));
    for (var at = start; at < end; at++) {
      if (at > start && spaced(tokens[at - 1], tokens[at])) out.appendChild(document.createTextNode(" "));
      if (part.tokens.has(at)) out.appendChild(element("mark", "", tokens[at]));
      else out.appendChild(document.createTextNode(tokens[at]));
    }
    if (end < to) out.appendChild(document.createTextNode("…"));
    return out;
  }

  // A result: its title, leading to its best hit, its status, and its clause hits, the
  // first ``shown`` of them and a button for the rest.
  function resultItem(read, bundle, shown, headingTag) {
    var item = element("li", "site-search__result");
    var heading = element(headingTag, "site-search__heading");
    var title = element("a", "site-search__title", read.title);
    title.href = siteHref(bundle, read.url);
    heading.appendChild(title);
    if (read.status) heading.appendChild(element("span", "site-search__status-badge", shownName(read.status)));
    item.appendChild(heading);
    if (!read.clauses.length) return item;  // the title or the number: the title says enough
    var list = element("ul", "site-search__clauses");
    read.clauses.forEach(function (part, index) {
      var clause = element("li", "site-search__clause");
      var link = element("a", "", part.label);
      link.href = siteHref(bundle, part.url);
      clause.appendChild(link);
      if (!part.heading) clause.appendChild(excerpt(part, read.tokens));
      clause.hidden = index >= shown;
      list.appendChild(clause);
    });
    item.appendChild(list);
    var rest = read.clauses.length - shown;
    if (rest > 0) {
      var more = element("button", "site-search__more-clauses", words.moreClauses(rest));
      more.type = "button";
      more.addEventListener("click", function () {
        list.querySelectorAll("li[hidden]").forEach(function (clause) { clause.hidden = false; });
        more.hidden = true;  // not removed: the panel closes on a click outside it
        list.children[shown].querySelector("a").focus();
      });
      item.appendChild(more);
    }
    return item;
  }

  // "C2" before "C10", "SDG 9" before "SDG 10", years in order.
  function byNumber(a, b) {
    return a.localeCompare(b, "en", { numeric: true });
  }

  function isTyping(target) {
    return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  }

  // Results shown in batches: a list, a status line and a "more" button; ``show`` starts
  // over for a query, ``more`` loads the next batch. Stale answers (a newer query has
  // started) are dropped.
  function Results(list, status, more, bundle, sizes, headingTag) {
    this.list = list;
    this.status = status;
    this.more = more;
    this.bundle = bundle;
    this.sizes = sizes;
    this.headingTag = headingTag;
    this.found = [];
    this.shown = 0;
    this.id = 0;
  }

  Results.prototype.show = async function (found, query, id) {
    this.id = id;
    this.found = found.results;
    this.shown = 0;
    this.list.textContent = "";
    await this.next(id);
    if (id !== this.id) return;
    this.status.textContent = this.found.length  // with the first results, not before them
      ? words.found(this.found.length)
      : words.notFound(query);
  };

  Results.prototype.next = async function (id) {
    var batch = this.found.slice(this.shown, this.shown + this.sizes.results);
    this.shown += batch.length;
    var read = await Promise.all(batch.map(function (result) { return result.data(); }));
    if (id !== this.id) return;
    read.forEach(function (page) {
      this.list.appendChild(resultItem(page, this.bundle, this.sizes.clauses, this.headingTag));
    }, this);
    this.more.hidden = this.shown >= this.found.length;
  };

  // The best hit of the first result, where Enter leads.
  Results.prototype.bestHref = function () {
    var first = this.list.querySelector(".site-search__title");
    return first && first.href;
  };

  // --- The box in the header ----------------------------------------------------------

  function SearchBox(box) {
    this.box = box;
    this.bundle = new URL(box.dataset.bundle, location.href);
    this.input = box.querySelector("input");
    this.drawer = box.querySelector(".site-search__drawer");
    this.all = box.querySelector(".site-search__all");
    this.panel = box.querySelector(".site-search__filters");
    this.groups = box.querySelector(".site-search__filter-groups");
    this.results = new Results(box.querySelector(".site-search__results"),
      box.querySelector(".site-search__status"), box.querySelector(".site-search__more"),
      this.bundle, PANEL, "p");
    this.filtersLoaded = null;
    this.searchId = 0;
    this.searched = null;
    this.timer = 0;
    this.listen();
  }

  SearchBox.prototype.load = function () {
    return load(this.bundle);
  };

  SearchBox.prototype.listen = function () {
    var self = this;
    var failed = function () {  // the index could not be loaded (offline, or opened from a file)
      self.results.status.textContent = words.failed;
      self.drawer.hidden = false;
    };
    var reopen = function () {
      self.load().catch(failed);
      if (!self.query()) return;
      self.drawer.hidden = false;
      // A query the browser kept (back to this page) has no results yet.
      if (self.searched !== self.query()) self.search().catch(failed);
    };
    this.input.addEventListener("focus", reopen);
    this.input.addEventListener("click", reopen);
    this.input.addEventListener("input", function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.search().catch(failed); }, 200);
    });
    this.input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();  // which would also clear the query
        self.drawer.hidden = true;
      }
      if (event.key === "Enter") {
        event.preventDefault();
        self.openBest().catch(failed);
      }
    });
    this.results.more.addEventListener("click", function () {
      self.results.next(self.searchId).catch(failed);
    });
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

  // Enter: the best hit of the first result, once the query typed has been searched.
  SearchBox.prototype.openBest = async function () {
    if (this.searched !== this.query()) {
      clearTimeout(this.timer);
      await this.search();
    }
    var href = this.results.bestHref();
    if (href) location.href = href;
  };

  SearchBox.prototype.query = function () {
    return this.input.value.trim();
  };

  SearchBox.prototype.selectedFilters = function () {
    var filters = {};
    this.groups.querySelectorAll("input:checked").forEach(function (box) {
      (filters[box.name] = filters[box.name] || []).push(box.value);
    });
    return filters;
  };

  SearchBox.prototype.search = async function () {
    var id = ++this.searchId, query = this.query(), filters = this.selectedFilters();
    if (!query) {
      this.drawer.hidden = true;
      return;
    }
    var pagefind = await this.load();
    var found = await find(pagefind, query, filters);
    if (id !== this.searchId) return;  // a newer search has started
    this.searched = query;
    this.drawer.hidden = false;
    this.all.href = resultsPageHref(this.bundle, query, filters);
    this.all.hidden = !found.results.length;
    if (this.filtersLoaded) this.showCounts(found.filters);
    await this.results.show(found, query, id);
  };

  // The results page for a query: ?q= and the filters, by their names in the index
  // (the page reads them so, and writes its own names back).
  function resultsPageHref(bundle, query, filters) {
    var url = new URL("../search/", bundle), params = new URLSearchParams({ q: query });
    Object.keys(filters).forEach(function (name) {
      filters[name].forEach(function (value) { params.append(name, value); });
    });
    url.search = params.toString();
    return url.href;
  }

  SearchBox.prototype.loadFilters = async function () {
    if (this.filtersLoaded) return;
    var pagefind = await this.load();
    this.filtersLoaded = await pagefind.filters();
    var names = Object.keys(this.filtersLoaded).sort(function (a, b) {
      return FILTER_ORDER.indexOf(a) - FILTER_ORDER.indexOf(b);
    });
    names.forEach(function (name) {
      var group = element("fieldset", "site-search__filter");
      group.appendChild(element("legend", "", shownName(name)));
      Object.keys(this.filtersLoaded[name]).sort(byNumber).forEach(function (value) {
        var label = element("label");
        var box = element("input");
        box.type = "checkbox";
        box.name = name;
        box.value = value;
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + shownName(value) + " "));
        label.appendChild(element("span", "site-search__count"));
        group.appendChild(label);
      });
      this.groups.appendChild(group);
    }, this);
    if (this.query()) await this.search();  // counts for this query
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

  // --- The results page ---------------------------------------------------------------

  // The form's fields are the URL's: ?q=…&body=pp&sdg=5. A select names its filter in
  // the index (data-filter), an option the value the index has (data-value): a link
  // from the box gives those (?机构=PP), which the page reads and writes back its way.
  function SearchPage(form) {
    this.form = form;
    this.bundle = new URL(form.dataset.bundle, location.href);
    this.input = form.querySelector("input[name=q]");
    this.selects = Array.from(form.querySelectorAll("select"));
    this.results = new Results(document.querySelector(".search-page__results"),
      document.querySelector(".search-page__status"), document.querySelector(".search-page__more"),
      this.bundle, PAGE, "h2");
    this.searchId = 0;
    this.timer = 0;
    this.title = document.title;
    this.read(new URLSearchParams(location.search));
    this.listen();
    this.search();
  }

  SearchPage.prototype.read = function (params) {
    this.input.value = params.get("q") || "";
    this.selects.forEach(function (select) {
      var wanted = params.getAll(select.name).concat(params.getAll(select.dataset.filter));
      var option = Array.from(select.options).find(function (option) {
        return wanted.indexOf(option.value) >= 0 || wanted.indexOf(option.dataset.value) >= 0;
      });
      select.value = option ? option.value : "";
    });
  };

  SearchPage.prototype.listen = function () {
    var self = this;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(self.timer);
      self.search();
    });
    this.input.addEventListener("input", function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.search(); }, 300);
    });
    this.form.addEventListener("change", function (event) {
      if (event.target.tagName === "SELECT") self.search();
    });
    this.form.addEventListener("reset", function () { setTimeout(function () { self.search(); }, 0); });
    this.results.more.addEventListener("click", function () {
      self.results.next(self.searchId).catch(function () { self.failed(); });
    });
  };

  SearchPage.prototype.failed = function () {
    this.results.status.textContent = words.failed;
  };

  SearchPage.prototype.search = async function () {
    var id = ++this.searchId, query = this.input.value.trim(), filters = {};
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    this.selects.forEach(function (select) {
      if (!select.value) return;
      params.set(select.name, select.value);
      filters[select.dataset.filter] = [select.selectedOptions[0].dataset.value];
    });
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    document.title = (query ? words.titled(query) : "") + this.title;  // as it is shared and kept
    if (!query) {
      this.results.list.textContent = "";
      this.results.more.hidden = true;
      this.results.status.textContent = words.prompt;
      return;
    }
    this.results.status.textContent = words.searching;
    try {
      var found = await find(await load(this.bundle), query, filters);
      if (id === this.searchId) await this.results.show(found, query, id);
    } catch (error) {
      if (id === this.searchId) this.failed();
    }
  };

  function start() {
    var box = document.querySelector(".site-search");
    if (box) new SearchBox(box);
    var form = document.getElementById("search-page");
    if (form) new SearchPage(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

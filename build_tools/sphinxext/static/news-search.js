/* News archive search: reads the index in _search/ (written by build_tools/search/index.py).
 *
 * Every index file is a classic script that calls NewsSearch.put(key, data). Classic scripts
 * load from file:// as from a server, where fetch(), XHR, modules and workers do not, so there
 * is one code path for both. Only the shards a query needs are loaded: the manifest, the
 * facet columns, the term and names shards its words fall in, positions for quoted phrases,
 * and the display text of the results shown.
 *
 * Folding and tokenising must match build_tools/search/text.py; the shared cases are in
 * tests/data/search/fold_vectors.json. Article text is only ever set as text, never as HTML.
 */
(function () {
  "use strict";

  // ------------------------------------------------------------------ loading index files
  const MAX_LOADS = 6;
  const entries = new Map(); // key -> {promise, resolve, reject, done}
  const waiting = [];
  let active = 0;
  let indexUrl = "";
  let buildId = "";

  function entry(key) {
    let e = entries.get(key);
    if (!e) {
      e = { done: false };
      e.promise = new Promise((resolve, reject) => { e.resolve = resolve; e.reject = reject; });
      entries.set(key, e);
    }
    return e;
  }

  function pump() {
    while (active < MAX_LOADS && waiting.length) {
      const key = waiting.shift();
      const e = entry(key);
      const script = document.createElement("script");
      active += 1;
      const finish = (error) => {
        active -= 1;
        script.remove();
        if (!e.done) {
          e.done = true;
          e.reject(new Error(error || "index file " + key + ".js did not load"));
        }
        pump();
      };
      script.onload = () => finish("index file " + key + ".js holds no data");
      script.onerror = () => finish("index file " + key + ".js could not be read");
      script.src = indexUrl + key + ".js" + (buildId ? "?v=" + buildId : "");
      document.head.appendChild(script);
    }
  }

  const NewsSearch = {
    /** Called by each index file as it runs. */
    put(key, data) {
      const e = entry(key);
      if (!e.done) {
        e.done = true;
        NewsSearch.loaded.push(key);
        e.resolve(data);
      }
    },
    /** The data of index file *key*, loaded once; at most MAX_LOADS at a time. */
    load(key) {
      const known = entries.has(key);
      const e = entry(key);
      if (!known) {
        waiting.push(key);
        pump();
      }
      return e.promise;
    },
    /** Keys of the index files loaded so far (the benchmark sums their sizes). */
    loaded: [],
  };
  window.NewsSearch = NewsSearch;

  // ------------------------------------------------------------------ numbers, text, stems
  const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  const DIGIT = {};
  for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET[i]] = i;

  /** Numbers from build_tools/search/encode.py's encode_ints. */
  function readInts(text) {
    const out = [];
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const d = DIGIT[text[i]];
      n = n * 32 + (d & 31);
      if (d < 32) { out.push(n); n = 0; }
    }
    return out;
  }

  const MARKS = /\p{M}+/gu;
  const TOKEN = /[\p{L}\p{N}]+/gu;
  const WORD = /[\p{L}\p{N}\p{M}]+/gu; // a word as printed, marks and all
  let foldTable = {};
  let foldChars = null;

  function setFoldTable(table) {
    foldTable = table || {};
    const chars = Object.keys(foldTable).map((c) => c.replace(/[\\\]\-^]/g, "\\$&"));
    foldChars = chars.length ? new RegExp("[" + chars.join("") + "]", "gu") : null;
  }

  function strip(text) {
    return text.normalize("NFKD").replace(MARKS, "");
  }

  /** Case- and accent-insensitive form, as text.py's fold(). */
  function fold(text) {
    // eslint-disable-next-line no-control-regex
    if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
    let out = strip(text).toLowerCase();
    if (foldChars) out = out.replace(foldChars, (c) => foldTable[c]);
    return strip(out);
  }

  function tokens(text) {
    return fold(text).match(TOKEN) || [];
  }

  const stemmer = typeof window.Stemmer === "function" ? new window.Stemmer() : null;
  const stems = new Map();
  function stem(word) {
    let s = stems.get(word);
    if (s === undefined) {
      s = (stemmer ? stemmer.stemWord(word) : word) || word;
      stems.set(word, s);
    }
    return s;
  }

  NewsSearch.fold = fold;
  NewsSearch.tokens = tokens;
  NewsSearch.stem = stem;
  NewsSearch.setFoldTable = setFoldTable;
  NewsSearch.readInts = readInts;

  // ------------------------------------------------------------------ the index
  let manifest = null;

  /** Index of the shard whose range holds *key*: the last first-key <= key. */
  function shardOf(firsts, key) {
    let lo = 0;
    let hi = firsts.length - 1;
    if (hi < 0 || key < firsts[0]) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  const termShards = new Map(); // shard number -> Map(key -> {postings, to})
  async function termShard(i) {
    if (!termShards.has(i)) {
      termShards.set(i, NewsSearch.load("t/" + manifest.shards[i]).then((rows) => new Map(
        rows.map(([key, postings, to]) => [key, { postings, to }]))));
    }
    return termShards.get(i);
  }

  async function termRow(key) {
    const i = shardOf(manifest.terms, key);
    return i < 0 ? undefined : (await termShard(i)).get(key);
  }

  /** The indexed stem of a query word: the index's own pointer for a word of the archive,
   * else the browser's stemmer (the same Snowball algorithm, maybe another release). */
  async function stemOf(word) {
    const row = await termRow(word);
    if (row && row.to) return row.to;
    if (row && row.postings) return word;
    return stem(word);
  }

  /** Postings of one term: Map(doc -> score), in document order. Each posting holds the
   * document's part of the BM25F score; the term's rarity (BM25's idf, from the number of
   * documents and of the term's postings) is applied here, so that the index's postings
   * do not change as other documents are added. */
  function decodePostings(text) {
    const ints = readInts(text || "");
    const out = new Map();
    const df = ints.length / 2;
    const idf = Math.log(1 + (manifest.docs - df + 0.5) / (df + 0.5));
    let doc = -1;
    for (let i = 0; i < ints.length; i += 2) {
      doc += ints[i];
      out.set(doc, ints[i + 1] * idf);
    }
    return out;
  }

  NewsSearch.stemOf = stemOf;

  async function postingsOf(term) {
    const row = await termRow(term);
    return decodePostings(row && row.postings);
  }

  const MAX_PREFIX_SHARDS = 3;
  const MAX_PREFIX_TERMS = 60;
  const PREFIX_WEIGHT = 0.85;

  /** Documents matching one query word: its stem, and while typing, any word it begins. */
  async function wordMatches(word) {
    const term = await stemOf(word.text);
    const result = await postingsOf(term);
    if (word.prefix && word.text.length >= 2) {
      const first = Math.max(0, shardOf(manifest.terms, word.text));
      const last = Math.min(shardOf(manifest.terms, word.text + "\uffff"),
        first + MAX_PREFIX_SHARDS - 1);
      const targets = new Set();
      for (let i = first; i <= last; i++) {
        for (const [key, row] of await termShard(i)) {
          if (!key.startsWith(word.text)) continue;
          const target = row.to || key;
          if (target !== term) targets.add(target);
        }
      }
      const chosen = [...targets].slice(0, MAX_PREFIX_TERMS);
      for (const postings of await Promise.all(chosen.map(postingsOf))) {
        for (const [doc, score] of postings) {
          const s = score * PREFIX_WEIGHT;
          if ((result.get(doc) || 0) < s) result.set(doc, s);
        }
      }
    }
    return result;
  }

  /** Positions of *term* by document, from the phrase shards. */
  async function positions(term) {
    const i = shardOf(manifest.terms, term);
    if (i < 0) return new Map();
    const [shard, where] = await Promise.all([termShard(i),
      NewsSearch.load("p/" + manifest.shards[i])]);
    const row = shard.get(term);
    const out = new Map();
    if (!row || !row.postings || !where[term]) return out;
    const ints = readInts(where[term]);
    let k = 0;
    for (const doc of decodePostings(row.postings).keys()) {
      const count = ints[k++];
      const list = [];
      let p = -1;
      for (let j = 0; j < count; j++) { p += ints[k++]; list.push(p); }
      out.set(doc, list);
    }
    return out;
  }

  async function phraseMatches(words, candidates) {
    const terms = await Promise.all(words.map(stemOf));
    const lists = await Promise.all(terms.map(positions));
    const out = new Set();
    for (const doc of candidates) {
      const per = lists.map((l) => l.get(doc));
      if (per.some((p) => !p)) continue;
      const later = per.slice(1).map((p) => new Set(p));
      if (per[0].some((start) => later.every((set, j) => set.has(start + j + 1)))) out.add(doc);
    }
    return out;
  }

  // Facets: per document, its year and the ids of its values. Documents are numbered in
  // blocks by day (build_tools/search/index.py's numbering), so not every number is one:
  // the file lists them, and the columns follow that list.
  let facets = null;
  async function loadFacets() {
    if (!facets) {
      facets = NewsSearch.load("facets").then((data) => {
        const numbers = [];
        let n = -1;
        for (const gap of readInts(data.docs)) { n += gap; numbers.push(n); }
        const list = data.facets.map((f) => {
          const ints = readInts(f.col);
          const docs = new Map();
          if (f.key === "year") {
            ints.forEach((v, i) => docs.set(numbers[i], v ? [v - 1] : []));
          } else {
            let ids = [];
            let id = -1;
            let k = 0;
            for (const v of ints) {
              if (v === 0) { docs.set(numbers[k++], ids); ids = []; id = -1; } else {
                id += v;
                ids.push(id);
              }
            }
          }
          const ids = new Map(f.values.map((v, i) => [v, i]));
          return { key: f.key, label: f.label, values: f.values, ids, docs };
        });
        list.numbers = numbers; // every document's, for a query of facets alone
        return list;
      });
    }
    return facets;
  }

  /** Names (people, places, ...) whose words include every word of the query. */
  async function nameMatches(words) {
    if (!words.length || !manifest.names.length) return [];
    const lists = await Promise.all(words.map(async (w) => {
      const first = shardOf(manifest.names, w.text);
      const last = w.prefix ? Math.min(shardOf(manifest.names, w.text + "\uffff"), first + 1)
        : first;
      const rows = [];
      for (let i = Math.max(first, 0); i <= last; i++) {
        const shard = await NewsSearch.load("n/" + i);
        for (const key of Object.keys(shard)) {
          if (key === w.text || (w.prefix && key.startsWith(w.text))) rows.push(...shard[key]);
        }
      }
      return rows;
    }));
    const seen = new Map();
    for (const row of lists[0]) {
      const all = [row[1], ...(row[4] || [])].flatMap(tokens);
      const fits = words.every((w) => all.some((t) => t === w.text ||
        (w.prefix && t.startsWith(w.text))));
      if (fits) seen.set(row[2], row);
    }
    const query = words.map((w) => w.text).join(" ");
    return [...seen.values()].map((row) => ({
      kind: manifest.kinds[row[0]], name: row[1], url: row[2], count: row[3],
      exact: [row[1], ...(row[4] || [])].some((n) => tokens(n).join(" ") === query),
    })).sort((a, b) => (b.exact - a.exact) || (b.count - a.count) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  // ------------------------------------------------------------------ queries
  /** Words and quoted phrases of a query; the last word is a prefix while it is typed. */
  function parseQuery(q) {
    const phrases = [];
    const rest = q.replace(/"([^"]*)("|$)/g, (m, inner) => {
      const t = tokens(inner);
      if (t.length > 1) phrases.push(t); else if (t.length) return " " + inner + " ";
      return " ";
    });
    const plain = tokens(rest);
    const open = /[\p{L}\p{N}\p{M}]$/u.test(q) && (q.split('"').length % 2 === 1);
    const words = plain.map((text, i) => ({ text, prefix: open && i === plain.length - 1 }));
    for (const p of phrases) for (const text of p) words.push({ text, prefix: false });
    return { words, phrases, plain: plain.map((text, i) => words[i]) };
  }

  /** Results of a query: {docs: [[doc, score]...] best first, names, query, facets}.
   * The facet columns are waited for only when a filter needs them, so the first results do
   * not wait for the largest file; *facets* is a promise of them. */
  async function run(q, filters) {
    const query = parseQuery(q);
    const names = nameMatches(query.plain.length ? query.plain : query.words);
    const facets = loadFacets();
    const filtered = Object.values(filters).some((v) => v.length);
    let scored = null;
    if (query.words.length) {
      const unique = new Map(query.words.map((w) => [w.text + (w.prefix ? "*" : ""), w]));
      const maps = await Promise.all([...unique.values()].map(wordMatches));
      maps.sort((a, b) => a.size - b.size);
      scored = new Map();
      for (const [doc, score] of maps[0]) {
        let total = score;
        let all = true;
        for (let i = 1; i < maps.length && all; i++) {
          const s = maps[i].get(doc);
          if (s === undefined) all = false; else total += s;
        }
        if (all) scored.set(doc, total);
      }
      for (const phrase of query.phrases) {
        const keep = await phraseMatches(phrase, scored.keys());
        for (const doc of [...scored.keys()]) {
          if (keep.has(doc)) scored.set(doc, scored.get(doc) * 1.5); else scored.delete(doc);
        }
      }
    }
    let docs = [];
    if (filtered) {
      // Every chosen value of every facet; an unknown value matches nothing.
      const facetData = await facets;
      const chosen = facetData.map((f) => (filters[f.key] || []).map((v) => f.ids.get(v)));
      const passes = (doc) => chosen.every((ids, i) => ids.every((id) => id !== undefined &&
        (facetData[i].docs.get(doc) || []).includes(id)));
      if (scored) docs = [...scored].filter(([doc]) => passes(doc));
      else for (const doc of facetData.numbers) if (passes(doc)) docs.push([doc, 0]);
    } else if (scored) {
      docs = [...scored];
    }
    // Documents are numbered oldest first: of equal scores, the newer comes first.
    docs.sort((a, b) => (b[1] - a[1]) || (b[0] - a[0]));
    return { docs, names: await names, query, facets };
  }

  /** Per facet, how many of *docs* have each value. */
  function facetCounts(facetData, docs) {
    return facetData.map((f) => {
      const counts = new Map();
      for (const [doc] of docs) for (const id of f.docs.get(doc) || []) {
        counts.set(id, (counts.get(id) || 0) + 1);
      }
      return { key: f.key, label: f.label, values: f.values, ids: f.ids, counts };
    });
  }

  // ------------------------------------------------------------------ snippets
  const SNIPPET = 240;
  // A sentence ends at . ! or ? (and any closing quote) before a capital: "U.S. border" is
  // one sentence, "said. The" two.
  const SENTENCE_END = /(?<=[.!?]["'\u201d\u2019)]*)\s+(?=["'\u201c\u2018(]?\p{Lu})/u;

  function matcher(query) {
    const wanted = new Set(query.words.map((w) => stem(w.text)));
    const prefixes = query.words.filter((w) => w.prefix && w.text.length >= 2).map((w) => w.text);
    return (printed) => tokens(printed).some((t) => wanted.has(stem(t)) ||
      prefixes.some((p) => t.startsWith(p)));
  }

  /** The sentence (or a window of it) that matches most query words, with its matches. */
  function snippet(doc, query) {
    const matches = matcher(query);
    let best = null;
    for (const paragraph of doc.x) {
      const sentences = paragraph.split(SENTENCE_END);
      for (const sentence of sentences) {
        const hits = new Set();
        for (const m of sentence.matchAll(WORD)) if (matches(m[0])) hits.add(fold(m[0]));
        if (!best || hits.size > best.hits) {
          best = { text: sentence.trim(), hits: hits.size };
        }
      }
      if (best && best.hits === query.words.length && best.hits > 0) break;
    }
    if (!best) return [];
    let text = best.text;
    let lead = "";
    let tail = "";
    if (text.length > SNIPPET) {
      let first = 0;
      for (const m of text.matchAll(WORD)) if (matches(m[0])) { first = m.index; break; }
      let start = Math.max(0, first - 80);
      if (start > 0) { start = text.indexOf(" ", start) + 1; lead = "\u2026 "; }
      let end = Math.min(text.length, start + SNIPPET);
      if (end < text.length) { end = text.lastIndexOf(" ", end); tail = " \u2026"; }
      text = text.slice(start, end);
    }
    const parts = [];
    let at = 0;
    for (const m of text.matchAll(WORD)) {
      if (!matches(m[0])) continue;
      if (m.index > at) parts.push([text.slice(at, m.index), false]);
      parts.push([m[0], true]);
      at = m.index + m[0].length;
    }
    if (at < text.length) parts.push([text.slice(at), false]);
    if (lead) parts.unshift([lead, false]);
    if (tail) parts.push([tail, false]);
    return parts;
  }

  // ------------------------------------------------------------------ the page
  const PAGE = 10;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v; else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return node;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function start() {
    const box = document.querySelector(".news-search");
    if (!box) return;
    indexUrl = box.dataset.index;
    buildId = box.dataset.build || "";
    const root = box.dataset.root || "";
    const facetKeys = (box.dataset.facets || "").split(/\s+/).filter(Boolean);
    const form = box.querySelector(".news-search-form");
    const input = box.querySelector(".news-search-input");
    const status = box.querySelector(".news-search-status");
    const facetBox = box.querySelector(".news-search-facets");
    const filters = box.querySelector(".news-search-filters");
    // Open on a wide screen; on a phone the chips would push the results off the screen.
    filters.open = window.matchMedia("(min-width: 48em)").matches;
    const namesBox = box.querySelector(".news-search-names");
    const articlesBox = box.querySelector(".news-search-articles");
    const list = box.querySelector(".news-search-results");
    const more = box.querySelector(".news-search-more");
    let state = readUrl();
    let current = null;
    let shown = 0;
    let generation = 0;

    function readUrl() {
      const params = new URLSearchParams(window.location.search);
      const filters = {};
      for (const key of facetKeys) {
        const values = params.getAll(key).filter(Boolean);
        if (values.length) filters[key] = values;
      }
      return { q: params.get("q") || "", filters };
    }

    function writeUrl(push) {
      const params = new URLSearchParams();
      if (state.q) params.set("q", state.q);
      for (const key of facetKeys) for (const v of state.filters[key] || []) params.append(key, v);
      const url = window.location.pathname + (params.toString() ? "?" + params : "");
      try {
        if (push) window.history.pushState(null, "", url);
        else window.history.replaceState(null, "", url);
      } catch (err) {
        // Some browsers refuse history changes on file:// pages; the search still works.
      }
    }

    async function search() {
      const mine = ++generation;
      const hasFilters = Object.values(state.filters).some((v) => v.length);
      if (!state.q.trim() && !hasFilters) {
        status.textContent = "Type a word, a name or a \"quoted phrase\".";
        namesBox.hidden = true;
        articlesBox.hidden = true;
        filters.hidden = true;
        return;
      }
      status.textContent = "Searching\u2026";
      try {
        await ready;
        const result = await run(state.q, state.filters);
        if (mine !== generation) return;
        current = result;
        shown = 0;
        renderNames(result.names);
        list.replaceChildren();
        articlesBox.hidden = !result.docs.length;
        await showMore(mine);
        if (mine !== generation) return;
        const what = state.q.trim() ? " for \u201c" + state.q.trim() + "\u201d" : "";
        status.textContent = plural(result.docs.length, "article", "articles") + what +
          (result.names.length ? ", " + plural(result.names.length, "index page", "index pages") : "") +
          (hasFilters ? " (filtered)" : "") + ".";
        const facetData = await result.facets;
        if (mine === generation) renderFacets(facetCounts(facetData, result.docs));
      } catch (err) {
        if (mine !== generation) return;
        status.textContent = "The search index could not be read (" + err.message +
          "). Rebuild the site, or browse the indexes.";
      }
    }

    async function showMore(mine) {
      const batch = current.docs.slice(shown, shown + PAGE);
      const texts = await Promise.all(batch.map(([doc]) => NewsSearch.load("d/" + doc)));
      if (mine !== generation) return;
      texts.forEach((doc) => list.append(renderResult(doc, current.query)));
      shown += batch.length;
      more.hidden = shown >= current.docs.length;
      more.textContent = "More results (" + (current.docs.length - shown) + " more)";
      if (!NewsSearch.firstResultAt && batch.length) NewsSearch.firstResultAt = performance.now();
    }

    function renderResult(doc, query) {
      const meta = [doc.d, doc.p, doc.b].filter(Boolean).join(" \u00b7 ");
      const snip = el("p", { class: "news-search-snippet" });
      for (const [text, hit] of snippet(doc, query)) {
        snip.append(hit ? el("mark", {}, text) : document.createTextNode(text));
      }
      return el("li", { class: "news-search-result" },
        el("a", { class: "news-search-title", href: root + doc.u }, doc.t),
        meta ? el("div", { class: "news-item-meta" }, meta) : null,
        snip);
    }

    function renderNames(names) {
      const ul = namesBox.querySelector("ul");
      ul.replaceChildren(...names.slice(0, 8).map((n) => el("li", { class: "news-search-name" },
        el("a", { href: root + n.url }, n.name),
        el("span", { class: "news-search-kind" }, " " + n.kind + ", " +
          plural(n.count, "article", "articles")))));
      namesBox.hidden = !names.length;
    }

    function renderFacets(counts) {
      const groups = [];
      for (const f of counts) {
        const chosen = state.filters[f.key] || [];
        let ids = [...f.counts.keys()];
        if (f.key === "year") ids.sort((a, b) => a - b);
        else ids.sort((a, b) => (f.counts.get(b) - f.counts.get(a)) || (a - b));
        ids = ids.slice(0, f.key === "year" ? 30 : 6);
        const names = ids.map((id) => f.values[id]);
        for (const v of chosen) if (!names.includes(v)) names.push(v);
        if (!names.length) continue;
        const buttons = names.map((name) => {
          const on = chosen.includes(name);
          const n = f.counts.get(f.ids.get(name)) || 0;
          const button = el("button", { type: "button", class: "news-chip",
            "aria-pressed": on ? "true" : "false" }, name + " ", el("span", {}, "(" + n + ")"));
          button.addEventListener("click", () => {
            const list = state.filters[f.key] || [];
            state.filters[f.key] = on ? list.filter((v) => v !== name) : [...list, name];
            writeUrl(true);
            search().then(() => {
              const again = facetBox.querySelector(
                '[data-facet="' + f.key + '"] button[data-value="' + CSS.escape(name) + '"]');
              if (again) again.focus();
            });
          });
          button.dataset.value = name;
          return button;
        });
        groups.push(el("div", { class: "news-facet", "data-facet": f.key, role: "group",
          "aria-label": f.label }, el("span", { class: "news-facet-label" }, f.label),
        el("div", { class: "news-facet-values" }, ...buttons)));
      }
      facetBox.replaceChildren(...groups);
      filters.hidden = !groups.length;
      if (Object.values(state.filters).some((v) => v.length)) filters.open = true;
    }

    let timer = null;
    input.value = state.q;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => { state.q = input.value; writeUrl(false); search(); }, 120);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      state.q = input.value;
      writeUrl(false);
      search();
    });
    more.addEventListener("click", () => {
      const next = list.children.length;
      showMore(generation).then(() => {
        const link = list.children[next] && list.children[next].querySelector("a");
        if (link) link.focus();
      });
    });
    window.addEventListener("popstate", () => {
      state = readUrl();
      input.value = state.q;
      search();
    });

    const ready = NewsSearch.load("manifest").then((data) => {
      manifest = data;
      setFoldTable(data.fold);
    });
    search();
    if (!state.q) input.focus();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

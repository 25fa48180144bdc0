/* mkdocs-summaries: the Find page, on Pagefind's JavaScript API (the index is fetched in
   chunks, only those a search needs). Filters narrow the documents, the order sorts them by
   their publication date. Runs again on every page Material's instant loading shows. */
(function () {
  "use strict";

  function debounce(fn, ms) {
    let timer;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function init(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "loading";
    const base = new URL(root.dataset.root, document.baseURI);
    const pagefind = await import(new URL(root.dataset.pagefind, document.baseURI).href);
    await pagefind.options({ baseUrl: base.pathname, excerptLength: 24 });
    pagefind.init();
    const form = root.querySelector("form");
    const status = root.querySelector(".summaries-find-status");
    const list = root.querySelector(".summaries-find-results");
    const inputs = [...root.querySelectorAll("[data-filter]")];
    const filters = await pagefind.filters();
    for (const input of inputs) {
      const values = Object.entries(filters[input.dataset.filter] || {});
      if (input.tagName === "SELECT") {
        values.sort((a, b) => b[0].localeCompare(a[0]));
        for (const [value, count] of values) {
          const option = element("option", "", `${value} (${count})`);
          option.value = value;
          input.append(option);
        }
      } else {
        const datalist = document.getElementById(input.getAttribute("list"));
        values.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
        for (const [value, count] of values) {
          const option = element("option", "", `${count} document${count === 1 ? "" : "s"}`);
          option.value = value;
          datalist.append(option);
        }
      }
    }
    let ticket = 0;
    let done = 0;
    async function run() {
      const mine = ++ticket;
      const query = form.elements.q.value.trim();
      const chosen = {};
      for (const input of inputs) {
        if (input.value.trim()) chosen[input.dataset.filter] = input.value.trim();
      }
      const order = form.elements.sort.value;
      if (!query && !Object.keys(chosen).length && !order) {
        list.replaceChildren();
        status.textContent = "Type words, or choose a person, place, organization, tag or year.";
        root.dataset.done = String(++done);
        return;
      }
      const options = { filters: chosen };
      if (order) options.sort = { date: order };
      const search = await pagefind.search(query || null, options);
      if (mine !== ticket) return;
      const shown = search.results.slice(0, 50);
      const data = await Promise.all(shown.map((r) => r.data()));
      if (mine !== ticket) return;
      const n = search.results.length;
      status.textContent = `${n} document${n === 1 ? "" : "s"}` +
        (n > shown.length ? `, the first ${shown.length} shown` : "");
      list.replaceChildren(...data.map((d) => {
        const item = element("li", "summaries-find-result");
        const link = element("a", "summaries-listing-title", d.meta.title || d.url);
        link.href = d.url;
        item.append(link);
        if (d.meta.date) item.append(" ", element("time", "summaries-muted", d.meta.date));
        const excerpt = element("span", "summaries-listing-summary");
        excerpt.innerHTML = d.excerpt; // Pagefind's excerpt: escaped page text with <mark>
        item.append(element("br"), excerpt);
        return item;
      }));
      root.dataset.done = String(++done); // for tests and scripts: a search has finished
    }
    form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
    form.addEventListener("input", debounce(run, 200));
    form.addEventListener("change", run);
    root.dataset.ready = "yes";
    if (form.elements.q.value || inputs.some((i) => i.value)) run();
  }

  function start() {
    const root = document.getElementById("summaries-find");
    if (root) init(root).catch((error) => {
      root.dataset.ready = "error";
      root.querySelector(".summaries-find-status").textContent =
        "The search index could not be loaded (" + error + ").";
    });
  }

  if (typeof window.document$ !== "undefined") window.document$.subscribe(start);
  else if (document.readyState !== "loading") start();
  else document.addEventListener("DOMContentLoaded", start);
})();

/* mkdocs-summaries: the Find page, on Pagefind's JavaScript API (the index is fetched in
   chunks, only those a search needs). Filters narrow the documents, the order sorts them by
   their publication date. Runs again on every page Material's instant loading shows. */
(function () {
  "use strict";

  const PAGE = 20; // results shown at first, and per "Show more"

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
    const hint = status.textContent;
    const list = root.querySelector(".summaries-find-results");
    const more = element("button", "md-button summaries-find-more", `Show ${PAGE} more`);
    more.type = "button";
    more.hidden = true;
    list.after(more);
    const inputs = [...root.querySelectorAll("[data-filter]")];
    // The names of people, places, organizations and tags are the biggest part of the index:
    // fetched only when a reader turns to one of those boxes (years are in the page).
    let names = null;
    function loadNames() {
      if (!names) names = pagefind.filters().then((filters) => {
        for (const input of inputs) {
          if (input.tagName === "SELECT") continue;
          const datalist = document.getElementById(input.getAttribute("list"));
          const values = Object.entries(filters[input.dataset.filter] || {});
          values.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
          datalist.replaceChildren(...values.map(([value, count]) => {
            const option = element("option", "", `${count} document${count === 1 ? "" : "s"}`);
            option.value = value;
            return option;
          }));
        }
        root.dataset.names = "yes";
      });
      return names;
    }
    for (const input of inputs) {
      if (input.tagName !== "SELECT") input.addEventListener("focus", loadNames);
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
        more.hidden = true;
        status.textContent = hint;
        root.dataset.done = String(++done);
        return;
      }
      const options = { filters: chosen };
      if (order) options.sort = { date: order };
      const search = await pagefind.search(query || null, options);
      if (mine !== ticket) return;
      list.replaceChildren();
      await show(search.results, 0, mine);
      root.dataset.done = String(++done); // for tests and scripts: a search has finished
    }
    // Each result's text is a file of its own: fetched a page of results at a time.
    async function show(results, from, mine) {
      const data = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
      if (mine !== ticket) return;
      const n = results.length;
      const upto = from + data.length;
      status.textContent = `${n} document${n === 1 ? "" : "s"}` +
        (n > upto ? `, the first ${upto} shown` : "");
      list.append(...data.map((d) => {
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
      more.hidden = n <= upto;
      more.onclick = () => show(results, upto, mine).then(() => {
        root.dataset.done = String(++done);
      });
    }
    form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
    form.addEventListener("input", debounce(run, 200));
    form.addEventListener("change", run);
    root.dataset.ready = "yes";
    if (inputs.some((i) => i.tagName !== "SELECT" && i.value)) loadNames();
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

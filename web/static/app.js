// Progressive enhancement of the search page; without JavaScript every form and link
// works as it is (the page is whole on the server).
//
// 1. The search box is an ARIA combobox (WAI-ARIA 1.2 pattern, list autocomplete):
//    /api/suggest gives two groups, words and places first, then article titles;
//    arrows move, Enter picks, Escape closes.
// 2. Results as you type: a short pause after a keystroke asks /api/page (the same
//    template as the page) and swaps the main area in place, keeping the URL in step
//    with history.replaceState. While typing the request says live=1 (no did-you-mean
//    for a half-typed word); once typing settles the page asks once more without it.
//    "type-to-paint" performance measures are left for bench/type_to_paint.py.
(function () {
  "use strict";
  var DELAY = 40; // ms without a keystroke before asking the server
  var SETTLE = 700; // ms without a keystroke before asking again with did-you-mean
  var input = document.getElementById("q");
  var box = document.getElementById("q-listbox");
  var main = document.getElementById("main");
  var status = document.getElementById("q-status");
  if (!input || !box || !window.fetch || !window.URLSearchParams) { return; }
  var form = input.form;
  var live = !!document.querySelector("[data-live-results]");
  var options = [];
  var active = -1;
  var timer = null;
  var seq = 0;
  var pending = null;
  var typedAt = 0;
  var lastSent = input.value;
  var settleTimer = null;

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", box.id);

  function close() {
    box.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(n) {
    options.forEach(function (o, i) { o.el.setAttribute("aria-selected", i === n ? "true" : "false"); });
    active = n;
    if (n < 0) { input.removeAttribute("aria-activedescendant"); return; }
    input.setAttribute("aria-activedescendant", options[n].el.id);
    options[n].el.scrollIntoView({ block: "nearest" });
  }

  function group(label, id) {
    var g = document.createElement("div");
    g.setAttribute("role", "group");
    g.setAttribute("aria-labelledby", id);
    var h = document.createElement("div");
    h.id = id;
    h.className = "group-label";
    h.setAttribute("role", "presentation");
    h.textContent = label;
    g.appendChild(h);
    box.appendChild(g);
    return g;
  }

  function option(parent, text, value, url) {
    var el = document.createElement("div");
    el.id = "q-opt-" + options.length;
    el.className = url ? "opt opt-title" : "opt";
    el.setAttribute("role", "option");
    el.setAttribute("aria-selected", "false");
    el.textContent = text;
    var entry = { el: el, value: value, url: url };
    el.addEventListener("mousedown", function (e) { e.preventDefault(); });
    el.addEventListener("click", function () { choose(entry); });
    parent.appendChild(el);
    options.push(entry);
  }

  function showSuggestions(data) {
    box.textContent = "";
    options = [];
    active = -1;
    var groups = data.groups || { words: [], titles: [] };
    if (groups.words.length) {
      var g = group("Từ và địa danh", "q-group-words");
      groups.words.forEach(function (w) { option(g, w, w, null); });
    }
    if (groups.titles.length) {
      var t = group("Bài viết", "q-group-titles");
      groups.titles.forEach(function (a) { option(t, a.title, a.title, a.url); });
    }
    if (!options.length || document.activeElement !== input) { close(); return; }
    box.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function choose(entry) {
    if (entry.url) { window.location.href = entry.url; return; }
    input.value = entry.value;
    close();
    if (live) { typedAt = performance.now(); search(false); } else { form.submit(); }
  }

  function suggest(value) {
    if (value.trim().length < 2) { close(); return; }
    fetch("/api/suggest?q=" + encodeURIComponent(value))
      .then(function (r) { return r.ok ? r.json() : { groups: null }; })
      .then(function (data) { if (input.value === value) { showSuggestions(data); } })
      .catch(function () { /* completions are optional */ });
  }

  function search(settled) {
    var value = input.value;
    if (!settled && value === lastSent) { return; }
    lastSent = value;
    var params = new URLSearchParams(window.location.search);
    if (value.trim()) { params.set("q", value); } else { params.delete("q"); }
    params.delete("page");
    params.delete("exact");
    if (!settled) { params.set("live", "1"); }
    var mine = ++seq;
    var started = typedAt;
    if (pending) { pending.abort(); }
    pending = window.AbortController ? new AbortController() : null;
    fetch("/api/page?" + params.toString(), pending ? { signal: pending.signal } : {})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data || mine !== seq) { return; }
        var drawer = main.querySelector(".drawer");
        var drawerOpen = drawer && drawer.open; // a phone's open filter panel stays open
        main.innerHTML = data.html;
        if (drawerOpen && main.querySelector(".drawer")) { main.querySelector(".drawer").open = true; }
        main.setAttribute("data-shown", value);
        document.title = data.title;
        window.history.replaceState(null, "", data.url);
        enhance(main);
        if (status) { status.textContent = data.total + " kết quả"; }
        if (settled) { return; }
        clearTimeout(settleTimer);
        settleTimer = setTimeout(function () { if (mine === seq) { search(true); } }, SETTLE);
        requestAnimationFrame(function () {
          setTimeout(function () { // after the frame is painted
            if (performance.measure) {
              performance.measure("type-to-paint", { start: started, end: performance.now() });
            }
          }, 0);
        });
      })
      .catch(function () { /* the form still submits */ });
  }

  input.addEventListener("input", function () {
    typedAt = performance.now();
    clearTimeout(timer);
    clearTimeout(settleTimer);
    var value = input.value;
    timer = setTimeout(function () {
      suggest(value);
      if (live) { search(false); }
    }, DELAY);
  });

  input.addEventListener("keydown", function (e) {
    var open = !box.hidden && options.length;
    if (e.key === "ArrowDown" && options.length) {
      e.preventDefault();
      if (!open) { box.hidden = false; input.setAttribute("aria-expanded", "true"); }
      setActive(active + 1 >= options.length ? 0 : active + 1);
    } else if (e.key === "ArrowUp" && open) {
      e.preventDefault();
      setActive(active <= 0 ? options.length - 1 : active - 1);
    } else if (e.key === "Enter" && open && active >= 0) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);

  // The "Tìm tỉnh…" box of a long province list: shown only when JavaScript runs,
  // it hides the provinces that do not match, with or without diacritics.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().trim();
  }
  function enhance(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".facet-find"), function (find) {
      var facet = find.closest(".facet");
      var items = facet.querySelectorAll("li[data-key]");
      var more = facet.querySelector("details.more");
      find.hidden = false;
      find.addEventListener("input", function () {
        var wanted = fold(find.value);
        Array.prototype.forEach.call(items, function (li) {
          li.hidden = wanted !== "" && li.getAttribute("data-key").indexOf(wanted) === -1;
        });
        if (more && wanted !== "") { more.open = true; }
      });
    });
  }
  enhance(document);
}());

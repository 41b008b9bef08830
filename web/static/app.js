// As-you-type suggestions for the search box. Without JavaScript the form still
// works; with it, /api/suggest fills the <datalist> (diacritics-insensitive).
(function () {
  "use strict";
  var input = document.getElementById("q");
  var list = document.getElementById("q-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var timer = null;
  var last = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var value = input.value.trim();
      if (value.length < 2 || value === last) { return; }
      last = value;
      fetch("/api/suggest?q=" + encodeURIComponent(value))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) {
          while (list.firstChild) { list.removeChild(list.firstChild); }
          data.suggestions.forEach(function (s) {
            var option = document.createElement("option");
            option.value = s;
            list.appendChild(option);
          });
        })
        .catch(function () { /* suggestions are optional */ });
    }, 150);
  });
}());

// The "Tìm tỉnh…" box of a long province list: shown only when JavaScript runs,
// it hides the provinces that do not match, with or without diacritics.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().trim();
  }
  Array.prototype.forEach.call(document.querySelectorAll(".facet-find"), function (input) {
    var box = input.closest(".facet");
    var items = box.querySelectorAll("li[data-key]");
    var more = box.querySelector("details.more");
    input.hidden = false;
    input.addEventListener("input", function () {
      var wanted = fold(input.value);
      Array.prototype.forEach.call(items, function (li) {
        li.hidden = wanted !== "" && li.getAttribute("data-key").indexOf(wanted) === -1;
      });
      if (more && wanted !== "") { more.open = true; }
    });
  });
}());

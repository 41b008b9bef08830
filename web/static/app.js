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

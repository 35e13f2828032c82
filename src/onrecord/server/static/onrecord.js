// onrecord explorer: select an attribution in an annotated article and show who said it.
// Reads data-* attributes and writes with textContent only: no HTML is ever parsed here.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var list = document.getElementById("attribution-list");
  var detail = document.getElementById("attribution-detail");
  if (!text || !list) return;

  function idsOf(element) {
    return (element.dataset.attributions || "").split(" ").filter(Boolean);
  }

  function showDetail(item) {
    if (!detail) return;
    detail.textContent = "";
    if (!item) { detail.hidden = true; return; }
    var dl = document.createElement("dl");
    [["Speaker", item.dataset.speaker || "no source given"], ["Kind", item.dataset.kind],
     ["Cue", item.dataset.cue], ["Addressee", item.dataset.addressee], ["Via", item.dataset.via]]
      .forEach(function (pair) {
        if (!pair[1]) return;
        var dt = document.createElement("dt"); dt.textContent = pair[0];
        var dd = document.createElement("dd"); dd.textContent = pair[1];
        dl.appendChild(dt); dl.appendChild(dd);
      });
    detail.appendChild(dl);
    detail.hidden = false;
  }

  function select(id) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    var item = null;
    list.querySelectorAll("li.attr").forEach(function (li) {
      if (li.dataset.attribution === id) item = li;
    });
    if (!id || !item) { showDetail(null); return; }
    text.querySelectorAll("[data-attributions]").forEach(function (span) {
      if (idsOf(span).indexOf(id) >= 0) span.classList.add("active");
    });
    item.classList.add("active");
    item.scrollIntoView({ block: "nearest" });
    showDetail(item);
  }

  text.addEventListener("click", function (event) {
    var span = event.target.closest("[data-attributions]");
    select(span ? idsOf(span)[0] : null);
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) return;
    var item = event.target.closest("li.attr");
    if (!item) return;
    select(item.dataset.attribution);
    var first = null;
    text.querySelectorAll("[data-attributions]").forEach(function (span) {
      if (!first && idsOf(span).indexOf(item.dataset.attribution) >= 0) first = span;
    });
    if (first) first.scrollIntoView({ block: "center" });
  });
  document.documentElement.dataset.onrecordJs = "ready";
})();

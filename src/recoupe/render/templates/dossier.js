// recoupe dossier: clicking a citation opens its article beside the page and highlights the
// cited passage. Article content only ever enters the page as DOM text nodes.
(function () {
  "use strict";
  var node = document.getElementById("recoupe-data");
  if (!node) return;
  var data = JSON.parse(node.textContent);
  var reader = document.getElementById("reader");
  var body = reader.querySelector(".reader-text");
  var active = null;

  reader.querySelector(".reader-close").setAttribute("title", data.labels.close);

  // Offsets count Unicode code points (as Python does), not UTF-16 units.
  var points = {};
  function codePoints(id) {
    if (!points[id]) points[id] = Array.from(data.articles[id].text);
    return points[id];
  }

  function setText(selector, text) {
    reader.querySelector(selector).textContent = text || "";
  }

  function open(id, start, end, n, trigger) {
    var article = data.articles[id];
    if (!article) return;
    setText(".reader-n", n);
    setText(".reader-outlet", article.source);
    setText(".reader-date", article.published || data.labels.undated);
    setText(".reader-title", article.title);
    // links are built from fixed prefixes and checked http(s) addresses only
    var original = reader.querySelector(".reader-original");
    original.hidden = !article.url;
    if (article.url) { original.href = article.url; original.textContent = data.labels.open_original; }
    var pageLink = reader.querySelector(".reader-page");
    pageLink.hidden = !data.article_url;
    if (data.article_url) {
      pageLink.href = data.article_url + encodeURIComponent(id);
      pageLink.textContent = data.labels.article_page;
    }
    body.replaceChildren();
    var mark = null;
    if (start >= 0 && end > start) {
      var cps = codePoints(id);
      mark = document.createElement("mark");
      mark.setAttribute("title", data.labels.cited_passage);
      mark.textContent = cps.slice(start, end).join("");
      body.append(document.createTextNode(cps.slice(0, start).join("")), mark,
                  document.createTextNode(cps.slice(end).join("")));
    } else {
      body.append(document.createTextNode(article.text));
    }
    reader.hidden = false;
    if (active) active.classList.remove("active");
    active = trigger || null;
    if (active) active.classList.add("active");
    if (mark) {
      mark.scrollIntoView({ block: "center" });
    } else {
      body.scrollTop = 0;
    }
    reader.querySelector(".reader-close").focus({ preventScroll: true });
  }

  function close() {
    reader.hidden = true;
    if (active) {
      active.classList.remove("active");
      active.focus({ preventScroll: true });
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-article]");
    if (link) {
      event.preventDefault();
      var start = link.hasAttribute("data-start") ? parseInt(link.dataset.start, 10) : -1;
      var end = link.hasAttribute("data-end") ? parseInt(link.dataset.end, 10) : -1;
      open(link.dataset.article, start, end, link.dataset.n, link);
      return;
    }
    if (event.target.closest(".reader-close")) close();
    var toggle = event.target.closest("button.toggle-single");
    if (toggle) {
      var table = toggle.closest("section").querySelector("table.matrix");
      var hidden = table.classList.toggle("hide-single");
      toggle.setAttribute("aria-pressed", hidden ? "true" : "false");
      toggle.textContent = hidden ? toggle.dataset.show : toggle.dataset.hide;
    }
    var more = event.target.closest("button.more");
    if (more) {
      var quote = more.previousElementSibling;
      var opened = quote.classList.toggle("open");
      more.textContent = opened ? more.dataset.less : more.dataset.more;
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !reader.hidden) close();
  });
})();

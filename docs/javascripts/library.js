/* Case-library filter: shows the cards that match the chosen industry, theme and journey stage.
 * A widget on the client core (tp-core.js binds it once per form). The form is in the
 * page from the first paint (showing it from here pushed the cards down as the page loaded);
 * without JavaScript a <noscript> style hides it and every card is listed. */
(function () {
  "use strict";

  function matches(card, key, value) {
    if (!value) return true;
    var values;
    try {
      values = JSON.parse(card.getAttribute("data-tp-" + key) || "[]");
    } catch (error) {
      return false;
    }
    return Array.isArray(values) && values.indexOf(value) !== -1;
  }

  function mountFilter(form) {
    var root = form.parentNode;
    var cards = Array.prototype.slice.call(root.querySelectorAll("[data-tp-cards] .tp-card"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-tp-filter-key]"));
    var count = form.querySelector("[data-tp-filter-count]");
    var empty = root.querySelector("[data-tp-filter-empty]");

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var ok = selects.every(function (select) {
          return matches(card, select.getAttribute("data-tp-filter-key"), select.value);
        });
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = shown === cards.length
        ? "共 " + cards.length + " 个案例"
        : "显示 " + shown + " / " + cards.length + " 个案例";
      if (empty) empty.hidden = shown !== 0;
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply(); // the same count as in the HTML, unless the browser restored earlier choices
  }

  window.TP.widget("library", "form[data-tp-filter]", mountFilter);
})();

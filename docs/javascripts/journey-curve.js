/* The emotion curve of a journey map: one component for the case pages' journey maps and the
 * journey-map and emotion-map worksheets. geometry() is DOM-free (Node tests it); draw() builds
 * the SVG and its overlay (stage labels, numbered dots, marks for moments of truth, the peak and
 * the end) with the tp-journey__ classes of course.css. Classic script, ES5 style; the browser
 * gets window.TPCurve. On a case page it binds to [data-tp-curve] (payload in a JSON script).
 * The curve is drawn in a 0–100 × 0–60 box that scales to any width; each moment gets an equal
 * slot from left to right, so the curve reads in journey order; moments without an emotion keep
 * their slot and number but have no dot. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else {
    root.TPCurve = api;
    if (root.TP) {
      root.TP.widget("journey-curve", "[data-tp-curve]", function (el) {
        var data;
        try { data = JSON.parse(el.querySelector("script[data-tp-curve-data]").textContent); } catch (e) { return; }
        api.draw(el, api.geometry(data.stages), { titleId: el.getAttribute("data-tp-curve") + "-title" });
      });
    }
  }
})(typeof window !== "undefined" ? window : this, function () {
  "use strict";

  var WIDTH = 100;
  var TOP = 15;
  var BOTTOM = 54;
  var NS = "http://www.w3.org/2000/svg";

  function round(x) { return Math.round(x * 100) / 100; }
  function yOf(e) { return round(TOP + (3 - e) * (BOTTOM - TOP) / 6); }
  function isNum(x) { return typeof x === "number" && isFinite(x); }
  function signed(e) { return e > 0 ? "+" + e : e < 0 ? "\u2212" + Math.abs(e) : "0"; }

  /* stages: [{name, moments: [{emotion (−3…+3, or null), mot, peak, end}]}] → {bands, points,
   * path, zero_y, count, has_curve}. Numbers run 1… across all stages. */
  function geometry(stages) {
    var list = (Array.isArray(stages) ? stages : []).map(function (s) {
      return { name: s && s.name, moments: s && Array.isArray(s.moments) ? s.moments : [] };
    });
    var count = 0;
    list.forEach(function (s) { count += s.moments.length; });
    var step = count ? WIDTH / count : WIDTH;
    var bands = [];
    var points = [];
    var n = 0;
    list.forEach(function (s, k) {
      var moments = s.moments;
      var start = n;
      moments.forEach(function (m) {
        n += 1;
        var e = m && isNum(m.emotion) ? Math.max(-3, Math.min(3, m.emotion)) : null;
        if (e === null) return;
        points.push({ n: n, x: round((n - 0.5) * step), y: yOf(e), emotion: e, mot: !!m.mot, peak: !!m.peak, end: !!m.end });
      });
      bands.push({
        stage: String(s.name || ""), x: round(start * step), width: round(moments.length * step),
        mid: round((start + moments.length / 2) * step), odd: k % 2 === 1
      });
    });
    var path = points.map(function (p, i) { return (i ? "L" : "M") + p.x + "," + p.y; }).join(" ");
    return { bands: bands, points: points, path: path, zero_y: yOf(0), count: count, has_curve: points.length >= 2 };
  }

  function svg(tag, attrs) {
    var el = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }
  function span(cls, style, text) {
    var el = document.createElement("span");
    el.className = cls;
    el.setAttribute("style", style);
    el.textContent = text;
    return el;
  }

  /* Draw geometry `g` into `box` (its contents are replaced). opts.titleId: the SVG title's id.
   * Without two rated moments nothing is drawn and `box` is hidden. */
  function draw(box, g, opts) {
    var o = opts || {};
    while (box.lastChild && box.lastChild.tagName !== "SCRIPT") box.removeChild(box.lastChild);
    box.hidden = !g.has_curve;
    if (!g.has_curve) return;
    var titleId = o.titleId || "tp-journey-title";
    var chart = svg("svg", {
      class: "tp-journey__curve", viewBox: "0 0 100 60", preserveAspectRatio: "none", role: "img", "aria-labelledby": titleId
    });
    var title = svg("title", { id: titleId });
    title.textContent = "情绪曲线：" + g.points.map(function (p) {
      return "触点" + p.n + " " + signed(p.emotion) + (p.mot ? "（关键时刻）" : "") + (p.peak ? "（峰值）" : "") + (p.end ? "（终点）" : "");
    }).join("；");
    chart.appendChild(title);
    g.bands.forEach(function (b) {
      chart.appendChild(svg("rect", {
        class: "tp-journey__band" + (b.odd ? " tp-journey__band--odd" : ""), x: b.x, y: 0, width: b.width, height: 60
      }));
    });
    chart.appendChild(svg("line", { class: "tp-journey__zero", x1: 0, x2: 100, y1: g.zero_y, y2: g.zero_y }));
    chart.appendChild(svg("path", { class: "tp-journey__line", d: g.path, "vector-effect": "non-scaling-stroke" }));
    var overlay = document.createElement("div");
    overlay.className = "tp-journey__overlay";
    overlay.setAttribute("aria-hidden", "true");
    g.bands.forEach(function (b) { overlay.appendChild(span("tp-journey__stage-label", "left:" + b.mid + "%", b.stage)); });
    g.points.forEach(function (p) {
      var cls = "tp-journey__dot tp-journey__dot--" + (p.emotion > 0 ? "up" : p.emotion < 0 ? "down" : "flat") +
        (p.mot ? " tp-journey__dot--mot" : "") + (p.peak ? " tp-journey__dot--peak" : "") + (p.end ? " tp-journey__dot--end" : "");
      var dot = span(cls, "left:" + p.x + "%;top:" + round(p.y / 60 * 100) + "%", String(p.n));
      dot.setAttribute("data-n", String(p.n));
      overlay.appendChild(dot);
    });
    box.appendChild(chart);
    box.appendChild(overlay);
  }

  return { geometry: geometry, draw: draw, signed: signed };
});

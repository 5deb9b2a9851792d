/* Result charts: scale-form.js and scale-group.js call TouchpointCharts.draw(placeholder, kind,
 * {def, result, response?}) with the scoring engine's result. Chart.js (npm, copied to vendor/ by
 * the build) is loaded only once a chart has data. Names reach the canvas as canvas text only. */
(() => {
  "use strict";

  // currentScript exists only while this first runs.
  var SRC = (document.currentScript ? document.currentScript.src : "").split(/[?#]/)[0].replace(/[^/]*$/, "") + "vendor/chart.umd.js";
  var COLOURS = { // read as the page shows them (light or dark)
    text: "--md-default-fg-color--light", strong: "--md-default-fg-color", grid: "--md-default-fg-color--lightest",
    bg: "--md-default-bg-color", data: "--md-typeset-a-color", fill: "--tp-band-odd", accent: "--md-accent-fg-color",
    good: "--tp-up", warn: "--tp-warn", bad: "--tp-down", neutral: "--tp-flat"
  };
  var CORNERS = [["concentrate", 0, 0], ["keep_up", 1, 0], ["low_priority", 0, 1], ["overkill", 1, 1]];
  var latest = new WeakMap(); // placeholder → what to show now (null: nothing)
  var queue = [];
  var loading = null;

  var isNum = x => typeof x === "number" && isFinite(x);
  var num = x => String(Math.round(x * 10) / 10);
  var short = (s, n) => { var a = Array.from(s); return a.length > n ? a.slice(0, n - 1).join("") + "…" : s; };
  var range = (def, id) => [def.response_scales[id].min, def.response_scales[id].max];
  var rowLabel = def => (def.rows && def.rows.label) || "行";
  /* A long label as even lines (Chart.js draws an array as lines). */
  function wrap(s, max) {
    var a = Array.from(s);
    var n = Math.ceil(a.length / Math.ceil(a.length / max));
    var out = [];
    for (var i = 0; i < a.length; i += n) out.push(a.slice(i, i + n).join(""));
    return out;
  }

  /* [name, row] in ranking order (or at `indexes`). A person's rows are scored as "#0", "#1", …
   * and shown as typed (as in the table); the group's rows carry their names. */
  function rowsOf(d, indexes) {
    var typed = d.response && d.response.rows;
    var rows = d.result.rows;
    var names = rows.map(r => r.name);
    return (indexes || d.result.ranking.map(n => names.indexOf(n))).map(i => [
      !typed ? rows[i].name : typed[i].name || rowLabel(d.def) + " " + (i + 1) + "（未命名）", rows[i]
    ]);
  }

  /* Horizontal bars in ranking order: the matrix index (0–100) or the fmea RPN coloured by level. */
  function bars(d, risk) {
    var list = rowsOf(d);
    var levels = {};
    (d.def.levels || []).forEach(l => { levels[l.id] = l; });
    var value = x => risk ? x[1].rpn : x[1].index;
    return !list.length ? null : {
      rows: list.length,
      label: "条形图：各" + rowLabel(d.def) + (risk ? "的风险优先数 RPN，按优先级排序：" : "的指数（0–100），按排名由高到低：") +
        list.map(x => x[0] + " " + num(value(x)) + (risk ? "（" + levels[x[1].level].label + "）" : "")).join("，") + "。",
      config: (c, narrow) => {
        var tone = id => c[levels[id].tone] || c.neutral;
        return {
          type: "bar",
          data: { labels: list.map(x => x[0]), datasets: [{ data: list.map(value), maxBarThickness: 22,
            backgroundColor: risk ? list.map(x => tone(x[1].level)) : c.data }] },
          options: {
            indexAxis: "y",
            scales: { x: { min: 0, max: risk ? undefined : 100 }, y: { grid: { display: false }, ticks: { color: c.strong, callback: (v, i) => short(list[i][0], narrow ? 7 : 14) } } },
            // fmea: the legend explains the colours (levels), not the one dataset.
            plugins: { legend: { display: risk, position: "bottom", onClick: () => {}, labels: { generateLabels: () => (d.def.levels || []).map(l => (
              { text: "优先级" + l.label, fillStyle: tone(l.id), strokeStyle: tone(l.id), fontColor: c.text })) } } }
          }
        };
      }
    };
  }

  // kind → null (nothing to draw) or {label (for screen readers), rows, config(colours, narrow)}
  var SPECS = {
    radar: d => {
      var subs = d.def.subscales;
      var values = subs.map(s => isNum(d.result.subscales[s.id]) ? d.result.subscales[s.id] : null);
      var total = d.result.score;
      var pomp = d.def.scoring.normalize === "pomp";
      var r = pomp ? [0, 100] : range(d.def, d.def.items[0].scale);
      return !values.some(isNum) ? null : {
        label: "雷达图：各分量表得分（" + r[0] + "–" + r[1] + (pomp ? "" : " 分") + "）：" +
          subs.map((s, i) => s.label + " " + (values[i] === null ? "未作答" : num(values[i]))).join("，") +
          (isNum(total) ? "；总分 " + num(total) : "") + "。",
        config: (c, narrow) => ({
          type: "radar",
          data: {
            labels: subs.map(s => wrap(s.label, narrow ? 5 : 8)),
            datasets: [{ label: "分量表得分", data: values, borderColor: c.data, backgroundColor: c.fill, pointBackgroundColor: c.data, spanGaps: true }]
              .concat(isNum(total) ? [{ label: "总分 " + num(total), data: values.map(() => total), borderColor: c.accent,
                borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, fill: false }] : [])
          },
          options: {
            scales: { r: { min: r[0], max: r[1], ticks: { stepSize: pomp ? 20 : 1, backdropColor: c.bg }, pointLabels: { color: c.strong, font: { size: 12 } } } },
            plugins: { legend: { display: isNum(total), position: "bottom" } }
          }
        })
      };
    },

    ranking: d => bars(d, false),
    risk: d => bars(d, true),

    ipa: d => {
      var q = d.def.quadrants;
      var cross = d.result.crosshair;
      var idx = [];
      d.result.rows.forEach((r, i) => { if (isNum(r.importance) && isNum(r.performance)) idx.push(i); });
      var list = rowsOf(d, idx);
      var groups = CORNERS.map(k => [q[k[0]].label].concat(list.filter(x => x[1].quadrant === k[0]).map(x => x[0])));
      var points = samePlace(list);
      return !cross || !list.length ? null : {
        label: "散点图：横轴为表现，纵轴为重要性；十字线位于重要性 " + num(cross.importance) + "、表现 " + num(cross.performance) +
          "。" + groups.filter(g => g.length > 1).map(g => g[0] + "：" + g.slice(1).join("、")).join("；") + "。" +
          points.filter(p => p.names.length > 1).map(p => p.names.join("、") + " 的重要性与表现相同（" + num(p.y) + "，" + num(p.x) + "）。").join(""),
        config: (c, narrow) => {
          var tone = k => c[q[k] ? q[k].tone : ""] || c.neutral;
          var axis = (id, title) => {
            var r = range(d.def, id);
            return { min: r[0] - 0.5, max: r[1] + 0.5, title: { display: true, text: title, color: c.strong },
              afterBuildTicks: a => { a.ticks = []; for (var v = r[0]; v <= r[1]; v += 1) a.ticks.push({ value: v }); } };
          };
          return {
            type: "scatter",
            data: { datasets: [{ data: points,
              backgroundColor: points.map(p => tone(p.quadrant)), pointRadius: 5, pointHoverRadius: 7 }] },
            options: {
              scales: { x: axis(d.def.performance.scale, "表现"), y: axis(d.def.importance.scale, "重要性") },
              plugins: { legend: { display: false }, tooltip: { callbacks: {
                label: t => points[t.dataIndex].names.join("、") + "：重要性 " + num(t.parsed.y) + "，表现 " + num(t.parsed.x) } } }
            },
            plugins: [ipaPlugin(cross, q, points, c, tone, narrow ? 6 : 12)]
          };
        }
      };
    }
  };

  /* Rows whose values read the same (to one decimal) and fall in the same quadrant are one point
   * with all their names: drawn one on top of the other, the lower one would be lost. */
  function samePlace(list) {
    var points = [];
    list.forEach(x => {
      var key = num(x[1].performance) + "|" + num(x[1].importance) + "|" + x[1].quadrant;
      var p = points.find(o => o.key === key);
      if (p) p.names.push(x[0]);
      else points.push({ key: key, x: x[1].performance, y: x[1].importance, quadrant: x[1].quadrant, names: [x[0]] });
    });
    return points;
  }

  var LINE = 15; // a label's height: 12 px text, no chart text is smaller
  var hit = (a, b) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];

  /* Where a w-wide label may go beside the point (x, y): right, left, above, below, then a line
   * further up or down each time. */
  function spots(x, y, w) {
    var out = [];
    for (var r = 0; r <= 6; r += 1) [-1, 1].forEach(s => {
      out.push([x + 8, y + s * r * LINE - LINE / 2], [x - 8 - w, y + s * r * LINE - LINE / 2],
        [x - w / 2, s < 0 ? y - 8 - (r + 1) * LINE : y + 8 + r * LINE]);
    });
    return out;
  }

  /* Plugin: the crosshair and the quadrant names under the points, then the names beside each
   * point, inside the plot area and covering no other name and no point (a label that had to move
   * away is tied to its point by a line). chart.$tpLabels lists the labels drawn. */
  function ipaPlugin(cross, q, points, c, tone, n) {
    return {
      id: "tpIpa",
      beforeDatasetsDraw: chart => {
        var a = chart.chartArea;
        var ctx = chart.ctx;
        var x = chart.scales.x.getPixelForValue(cross.performance);
        var y = chart.scales.y.getPixelForValue(cross.importance);
        ctx.save();
        ctx.strokeStyle = c.text;
        ctx.lineWidth = 1.5;
        ctx.setLineDash([5, 4]);
        ctx.beginPath();
        [[x, a.top, x, a.bottom], [a.left, y, a.right, y]].forEach(l => { ctx.moveTo(l[0], l[1]); ctx.lineTo(l[2], l[3]); });
        ctx.stroke();
        ctx.font = "600 12px " + c.font;
        ctx.textBaseline = "top";
        chart.$tpCorners = CORNERS.map(k => {
          var w = ctx.measureText(q[k[0]].label).width;
          var r = [k[1] ? a.right - 4 - w : a.left + 4, k[2] ? a.bottom - 4 - LINE : a.top + 4, w, LINE];
          ctx.fillStyle = tone(k[0]);
          ctx.fillText(q[k[0]].label, r[0], r[1] + 1);
          return r;
        });
        ctx.restore();
      },
      afterDatasetsDraw: chart => {
        var a = chart.chartArea;
        var ctx = chart.ctx;
        var pts = chart.getDatasetMeta(0).data;
        var taken = chart.$tpCorners.concat(pts.map(pt => [pt.x - 7, pt.y - 7, 14, 14]));
        var free = r => r[0] > a.left && r[0] + r[2] < a.right && r[1] > a.top && r[1] + r[3] < a.bottom &&
          !taken.some(t => hit(r, t));
        ctx.save();
        ctx.font = "12px " + c.font;
        ctx.textBaseline = "top";
        ctx.fillStyle = c.strong;
        ctx.strokeStyle = c.text;
        ctx.lineWidth = 1;
        ctx.setLineDash([]);
        chart.$tpLabels = pts.map((pt, i) => {
          var names = points[i].names;
          var r, text;
          // every name, else the first and how many more, else anywhere inside the plot area
          [names.map(s => short(s, n)).join("、"), short(names[0], n) + " 等 " + names.length + " 个"].some(t => {
            var w = Math.ceil(ctx.measureText(t).width);
            text = t;
            r = spots(pt.x, pt.y, w).map(p => [Math.round(p[0]), Math.round(p[1]), w, LINE]).filter(free)[0] ||
              [Math.max(a.left + 1, Math.min(pt.x + 8, a.right - 1 - w)), Math.max(a.top + 1, Math.min(pt.y, a.bottom - 1 - LINE)), w, LINE];
            return free(r);
          });
          taken.push(r);
          ctx.fillText(text, r[0], r[1] + 1);
          var cx = Math.max(r[0], Math.min(pt.x, r[0] + r[2])), cy = Math.max(r[1], Math.min(pt.y, r[1] + r[3]));
          if (Math.hypot(cx - pt.x, cy - pt.y) > 14) {
            ctx.beginPath();
            ctx.moveTo(pt.x, pt.y);
            ctx.lineTo(cx, cy);
            ctx.stroke();
          }
          return { text: text, names: names, x: r[0], y: r[1], w: r[2], h: r[3], size: 12 };
        });
        ctx.restore();
      }
    };
  }

  function clear(box) {
    var canvas = box.querySelector("canvas");
    var chart = canvas && window.Chart && window.Chart.getChart(canvas);
    if (chart) chart.destroy();
    box.textContent = "";
    box.hidden = true;
  }

  function paint(box, spec) {
    var Chart = window.Chart;
    var cs = window.getComputedStyle(box);
    var c = { font: cs.fontFamily };
    Object.keys(COLOURS).forEach(k => { c[k] = cs.getPropertyValue(COLOURS[k]).trim() || "#777"; });
    clear(box);
    box.hidden = false; // first: Chart.js sizes the canvas from its container
    box.style.setProperty("--tp-chart-rows", String(spec.rows || 0));
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", spec.label);
    box.appendChild(canvas);
    Object.assign(Chart.defaults, {
      color: c.text, borderColor: c.grid, animation: false, maintainAspectRatio: false, // the CSS sets the height
      devicePixelRatio: Math.max(window.devicePixelRatio || 1, 2) // sharp on paper too
    });
    Chart.defaults.font.family = c.font;
    new Chart(canvas, spec.config(c, box.clientWidth < 480));
  }

  /* Destroys the charts whose section was rebuilt (group page), then draws the waiting ones
   * (`all`: every one again, in new colours or the print layout). */
  function flush(all) {
    if (all === true) document.querySelectorAll("[data-tp-chart]").forEach(box => { if (queue.indexOf(box) < 0) queue.push(box); });
    var boxes = queue;
    queue = [];
    Object.keys(window.Chart.instances).forEach(id => {
      if (!window.Chart.instances[id].canvas.isConnected) window.Chart.instances[id].destroy();
    });
    boxes.forEach(box => { if (latest.get(box) && box.isConnected) paint(box, latest.get(box)); });
  }

  /* Draws (or hides) the chart once Chart.js is there and the caller's task is over (it may still
   * be adding `box` to the page); the newest data wins. */
  function draw(box, kind, data) {
    var spec = SPECS[kind](data);
    latest.set(box, spec);
    if (!spec) return clear(box);
    if (queue.indexOf(box) < 0) queue.push(box);
    loading = loading || new Promise((resolve, reject) => {
      var s = document.createElement("script"); // once per page
      s.src = SRC;
      s.onload = resolve;
      s.onerror = reject; // no chart: the tables still hold every result
      document.head.appendChild(s);
    });
    loading.then(flush, () => {});
  }

  // Once per page: redraw after a light/dark switch, and in the print layout (made only after
  // "beforeprint") when the print media query starts and ends.
  var again = () => { if (window.Chart) flush(true); };
  if (document.body) new MutationObserver(again).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  if (window.matchMedia) window.matchMedia("print").addListener(again);

  window.TouchpointCharts = { draw: draw };
})();

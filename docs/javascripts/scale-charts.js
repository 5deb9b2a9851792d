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
      return !cross || !list.length ? null : {
        label: "散点图：横轴为表现，纵轴为重要性；十字线位于重要性 " + num(cross.importance) + "、表现 " + num(cross.performance) +
          "。" + groups.filter(g => g.length > 1).map(g => g[0] + "：" + g.slice(1).join("、")).join("；") + "。",
        config: (c, narrow) => {
          var tone = k => c[q[k] ? q[k].tone : ""] || c.neutral;
          var axis = (id, title) => {
            var r = range(d.def, id);
            return { min: r[0] - 0.5, max: r[1] + 0.5, title: { display: true, text: title, color: c.strong },
              afterBuildTicks: a => { a.ticks = []; for (var v = r[0]; v <= r[1]; v += 1) a.ticks.push({ value: v }); } };
          };
          return {
            type: "scatter",
            data: { datasets: [{ data: list.map(x => ({ x: x[1].performance, y: x[1].importance })),
              backgroundColor: list.map(x => tone(x[1].quadrant)), pointRadius: 5, pointHoverRadius: 7 }] },
            options: {
              scales: { x: axis(d.def.performance.scale, "表现"), y: axis(d.def.importance.scale, "重要性") },
              plugins: { legend: { display: false }, tooltip: { callbacks: {
                label: t => list[t.dataIndex][0] + "：重要性 " + num(t.parsed.y) + "，表现 " + num(t.parsed.x) } } }
            },
            plugins: [ipaPlugin(cross, q, list, c, tone, narrow ? 6 : 12)]
          };
        }
      };
    }
  };

  /* Plugin: the crosshair and the quadrant names under the points, then a name beside each point. */
  function ipaPlugin(cross, q, list, c, tone, n) {
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
        CORNERS.forEach(k => {
          ctx.fillStyle = tone(k[0]);
          ctx.textAlign = k[1] ? "right" : "left";
          ctx.textBaseline = k[2] ? "bottom" : "top";
          ctx.fillText(q[k[0]].label, k[1] ? a.right - 4 : a.left + 4, k[2] ? a.bottom - 4 : a.top + 4);
        });
        ctx.restore();
      },
      afterDatasetsDraw: chart => {
        var a = chart.chartArea;
        var ctx = chart.ctx;
        var pts = chart.getDatasetMeta(0).data;
        var placed = [];
        ctx.save();
        ctx.font = "11px " + c.font;
        ctx.fillStyle = c.strong;
        ctx.textBaseline = "top";
        pts.forEach((pt, i) => {
          var text = short(list[i][0], n);
          var w = ctx.measureText(text).width;
          // Right, left, a line lower or higher: the first spot covering no name and no point.
          var spots = [0, 12, -12, 24].reduce((all, dy) => all.concat([[pt.x + 7, pt.y + dy - 6], [pt.x - 7 - w, pt.y + dy - 6]]), []);
          var at = spots.filter(p => p[0] >= a.left && p[0] + w <= a.right &&
            !placed.some(r => p[0] < r[0] + r[2] && r[0] < p[0] + w && Math.abs(p[1] - r[1]) < 12) &&
            !pts.some(o => o !== pt && o.x + 5 > p[0] && o.x - 5 < p[0] + w && o.y + 5 > p[1] && o.y - 5 < p[1] + 12))[0] ||
            spots[pt.x + 7 + w > a.right ? 1 : 0];
          placed.push([at[0], at[1], w]);
          ctx.fillText(text, at[0], at[1]);
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

/* The emotion map's engine (TPEmotion, 情感共鸣分析工具), DOM-free: journey order, the peak-end
 * reading through TPPeakEnd (ws-peak-end.js), the suggestions for the deepest trough and the
 * ending, CSV rows and the mapping of a saved journey map. Journey order: moments grouped by their
 * stage text, stages in order of first appearance, rows in their order within a stage; the curve,
 * the peak and the end all follow it. Classic script, ES5 style; Node gets it from require()
 * (tests/js/ws-emotion.test.js), a browser as window.TPEmotion, which the mount (ws-emotion.js,
 * loaded right after) uses. */
(function (root, factory) {
  "use strict";
  var node = typeof module !== "undefined" && module.exports;
  var api = factory(node ? require("./ws-peak-end.js") : root.TPPeakEnd);
  if (node) module.exports = api;
  else root.TPEmotion = api;
})(typeof window !== "undefined" ? window : this, function (PE) {
  "use strict";

  var NO_STAGE = "（未填阶段）";
  function text(x) { return typeof x === "string" ? x.trim() : ""; }
  function cut(x, max) { return typeof x === "string" && x ? Array.from(x).slice(0, max).join("") : null; }
  /* A signed number with a real minus sign: e and peak-end in tenths, the mean in hundredths. */
  function signed(x, digits) {
    var t = Math.abs(x).toFixed(digits);
    return Number(t) === 0 ? t : (x > 0 ? "+" : "\u2212") + t;
  }
  function trigger(def, id) {
    for (var i = 0; i < def.triggers.length; i += 1) if (def.triggers[i].id === id) return def.triggers[i];
    return null;
  }
  function label(row, n) { return text(row.name) ? "「" + text(row.name) + "」" : "第 " + n + " 个时刻"; }

  /* Rows → {stages: [{name, rows: [row index]}], order: [row index], reordered}. */
  function journeyOrder(rows) {
    var stages = [];
    var byName = {};
    rows.forEach(function (row, i) {
      var name = text(row && row.stage) || NO_STAGE;
      if (!Object.prototype.hasOwnProperty.call(byName, name)) { byName[name] = { name: name, rows: [] }; stages.push(byName[name]); }
      byName[name].rows.push(i);
    });
    var order = [].concat.apply([], stages.map(function (s) { return s.rows; }));
    return { stages: stages, order: order, reordered: order.some(function (r, k) { return r !== k; }) };
  }

  /* The suggestion for the deepest trough: lines of text, or null when nothing is rated. */
  function troughLines(def, r, rows) {
    if (!r.rated) return null;
    if (!r.trough) return ["旅程中没有情绪为负的时刻，暂时没有需要修复的低谷。"];
    var row = rows[r.trough.id];
    var lines = ["最深的低谷：" + label(row, r.trough.n) + "（e = " + signed(r.trough.e, 1) + "）。", def.trough_advice];
    var used = trigger(def, row.trigger);
    var tip = trigger(def, def.suggest_for_trough);
    if (used) lines.push("这个时刻已使用“" + used.name + "”，情绪仍为负：先消除负面的原因，再检查客人是否真正感受到了“" + used.name + "”。");
    else lines.push("这个时刻还没有情感触发因素。消除原因之后，可以加入“" + tip.name + "”：" + tip.description + "例如：" + tip.example);
    return lines;
  }

  /* The suggestion for the ending: lines of text, or null when nothing is rated. */
  function endingLines(def, r, rows) {
    if (!r.end) return null;
    var row = rows[r.end.id];
    var lines = ["结尾：" + label(row, r.end.n) + "（e = " + signed(r.end.e, 1) + "）。"];
    if (r.trough && r.trough.id === r.end.id) lines.push("结尾同时是整段旅程最深的低谷，应最先修复。");
    lines.push(def.ending_advice);
    var used = trigger(def, row.trigger);
    var tip = trigger(def, def.suggest_for_ending);
    if (used && r.end.e < 0) lines.push("结尾已使用“" + used.name + "”，情绪仍为负：先解决结尾的问题，“" + used.name + "”才能发挥作用。");
    else if (used) lines.push("结尾已使用“" + used.name + "”：保持它，并确保每一位客人离开时都能体验到。");
    else lines.push("结尾还没有情感触发因素：建议加入“" + tip.name + "”。" + tip.description + "例如：" + tip.example);
    return lines;
  }

  /* Everything computed from the worksheet's data: the reading (TPPeakEnd, moments in journey
   * order; each moment's id is its row index and n its number on the curve), e per row, the
   * curve's stages and the two suggestions. */
  function analyse(def, data) {
    var rows = (data && Array.isArray(data.moments) ? data.moments : []).map(function (m) { return m || {}; });
    var j = journeyOrder(rows);
    var r = PE.readPeakEnd(j.order.map(function (i) {
      return { id: i, name: rows[i].name, valence: rows[i].valence, intensity: rows[i].intensity };
    }));
    var e = rows.map(function () { return null; });
    var n = rows.map(function () { return 0; });
    r.moments.forEach(function (m, k) { m.n = k + 1; e[m.id] = m.e; n[m.id] = k + 1; });
    var flag = function (m, i) { return !!m && m.id === i; };
    return {
      rows: rows, order: j.order, reordered: j.reordered, reading: r, e: e, n: n,
      peak: r.peak ? r.peak.id : null, end: r.end ? r.end.id : null,
      curve: j.stages.map(function (s) {
        return { name: s.name, moments: s.rows.map(function (i) { return { emotion: e[i], peak: flag(r.peak, i), end: flag(r.end, i) }; }) };
      }),
      trough: troughLines(def, r, rows),
      ending: endingLines(def, r, rows)
    };
  }

  /* CSV: a header, then one row per moment in journey order, with e and the peak / end flags. */
  function csvRows(def, data) {
    var a = analyse(def, data);
    var plain = function (x) { return typeof x === "number" ? String(Math.round(x * 100) / 100) : ""; };
    return [["序号", "阶段", "触点", "效价", "强度", "综合情绪 e", "情感触发因素", "说明", "峰值", "终点"]].concat(a.order.map(function (i, k) {
      var row = a.rows[i];
      var t = trigger(def, row.trigger);
      return [String(k + 1), text(row.stage), text(row.name), plain(row.valence), plain(row.intensity), plain(a.e[i]),
        t ? t.name : "", text(row.note), a.peak === i ? "是" : "", a.end === i ? "是" : ""];
    }));
  }

  /* A journey map's data (already checked against its spec) → {data, total, kept}: each
   * touchpoint's name, stage name and emotion (as valence; intensity left empty). */
  function fromJourney(def, journey) {
    var stages = Array.isArray(journey.stages) ? journey.stages : [];
    var all = Array.isArray(journey.touchpoints) ? journey.touchpoints : [];
    var moments = all.slice(0, def.max_moments).map(function (tp) {
      var stage = typeof tp.stage === "number" && stages[tp.stage] ? stages[tp.stage].name : null;
      return {
        name: cut(tp.name, 30), stage: cut(stage, 20), valence: typeof tp.emotion === "number" ? tp.emotion : null,
        intensity: null, trigger: null, note: null
      };
    });
    return { data: { title: cut(journey.title, 100), moments: moments }, total: all.length, kept: moments.length };
  }

  return { NO_STAGE: NO_STAGE, signed: signed, journeyOrder: journeyOrder, analyse: analyse, csvRows: csvRows, fromJourney: fromJourney };
});

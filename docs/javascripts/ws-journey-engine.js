/* The journey-map worksheet's engine (TPJourney), DOM-free: the data's order and moves (touchpoints
 * kept in journey order, stable by stage), stage removal, the input of the emotion curve
 * (journey-curve.js) and of the peak-end reading (ws-peak-end.js), a case as worksheet data, the
 * CSV rows. Classic script, ES5 style; Node gets it from require() (tests/js/ws-journey.test.js),
 * a browser as window.TPJourney, which the mount (ws-journey.js, loaded right after) uses. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.TPJourney = api;
})(typeof window !== "undefined" ? window : this, function () {
  "use strict";

  var LANES = ["name", "type", "channel", "behaviour", "thought", "emotion", "pain", "opportunity", "moment_of_truth"];

  function stageName(data, k) { var s = data.stages[k]; return (s && s.name) || "阶段 " + (k + 1); }
  function blank(def) {
    return { title: null, persona: null, stages: def.stages.map(function (n) { return { name: n }; }), touchpoints: [] };
  }
  function row(stage) { var tp = { stage: stage }; LANES.forEach(function (k) { tp[k] = k === "moment_of_truth" ? false : null; }); return tp; }
  function hasContent(tp) {
    return LANES.some(function (k) { return k === "moment_of_truth" ? tp[k] === true : tp[k] !== null && tp[k] !== undefined; });
  }

  /* Any data the file check let through → the shape the UI shows: every key present, stages long
   * enough for every touchpoint (added ones are unnamed, nothing is dropped), touchpoints in
   * journey order (stable by stage). → {data, added}. */
  function normalise(input) {
    var d = input || {};
    var stages = (Array.isArray(d.stages) ? d.stages : []).map(function (s) { return { name: s && typeof s.name === "string" ? s.name : null }; });
    var tps = (Array.isArray(d.touchpoints) ? d.touchpoints : []).map(function (t, i) {
      var tp = row(typeof t.stage === "number" ? t.stage : 0);
      LANES.forEach(function (k) { if (t[k] !== undefined && t[k] !== null) tp[k] = t[k]; });
      return { tp: tp, i: i };
    });
    tps.sort(function (a, b) { return a.tp.stage - b.tp.stage || a.i - b.i; });
    var added = 0;
    tps.forEach(function (x) { while (stages.length <= x.tp.stage) { stages.push({ name: null }); added += 1; } });
    return {
      data: { title: d.title || null, persona: d.persona || null, stages: stages, touchpoints: tps.map(function (x) { return x.tp; }) },
      added: added
    };
  }

  /* Index of the last touchpoint of stage k (or where one would go) — data stays in journey order. */
  function endOf(data, k) { var at = 0; data.touchpoints.forEach(function (t, i) { if (t.stage <= k) at = i + 1; }); return at; }
  function addTouchpoint(data, k) { var at = endOf(data, k); data.touchpoints.splice(at, 0, row(k)); return at; }
  /* Move touchpoint i one place up (dir −1) or down (+1) within its stage; → its new index. */
  function move(data, i, dir) {
    var list = data.touchpoints;
    var j = i + dir;
    if (j < 0 || j >= list.length || list[j].stage !== list[i].stage) return i;
    var t = list[i]; list[i] = list[j]; list[j] = t; return j;
  }
  /* Put touchpoint i at the end of stage k; → its new index. */
  function setStage(data, i, k) {
    var tp = data.touchpoints.splice(i, 1)[0], at;
    tp.stage = k;
    data.touchpoints.splice(at = endOf(data, k), 0, tp);
    return at;
  }
  /* Remove stage k and its touchpoints; later stages move up one. */
  function removeStage(data, k) {
    data.stages.splice(k, 1);
    data.touchpoints = data.touchpoints.filter(function (t) { return t.stage !== k; });
    data.touchpoints.forEach(function (t) { if (t.stage > k) t.stage -= 1; });
  }
  function countIn(data, k) { return data.touchpoints.filter(function (t) { return t.stage === k; }).length; }

  /* Moments for TPPeakEnd.readPeakEnd, numbered as the cards and the curve. */
  function moments(data) {
    return data.touchpoints.map(function (t, i) { return { id: i, name: t.name || "触点 " + (i + 1), emotion: t.emotion }; });
  }
  /* Stages for TPCurve.geometry, with the peak, the end and moments of truth marked. */
  function curveStages(data, reading) {
    var peak = reading && reading.peak ? reading.peak.id : -1;
    var end = reading && reading.end ? reading.end.id : -1;
    return data.stages.map(function (s, k) {
      var list = [];
      data.touchpoints.forEach(function (t, i) {
        if (t.stage === k) list.push({ emotion: t.emotion, mot: t.moment_of_truth === true, peak: i === peak, end: i === end });
      });
      return { name: stageName(data, k), moments: list };
    });
  }

  /* A case of the payload as worksheet data (at most `max` touchpoints) → {data, dropped}. */
  function fromCase(c, max) {
    var data = { title: ("案例：" + c.title).slice(0, 100), persona: null, stages: [], touchpoints: [] };
    var total = 0;
    c.stages.forEach(function (s, k) {
      data.stages.push({ name: s.stage });
      s.touchpoints.forEach(function (t) {
        total += 1;
        if (data.touchpoints.length >= max) return;
        var tp = row(k);
        ["name", "type", "channel", "behaviour", "emotion"].forEach(function (f) { tp[f] = t[f] === undefined ? null : t[f]; });
        data.touchpoints.push(tp);
      });
    });
    return { data: data, dropped: total - data.touchpoints.length };
  }

  var HEAD = ["序号", "阶段", "触点", "触点类型", "渠道", "客户目标与行为", "想法", "情绪", "痛点", "机会", "关键时刻"];
  /* CSV: a header, then one row per touchpoint with its stage's name and every lane. */
  function csvRows(data) {
    return [HEAD].concat(data.touchpoints.map(function (t, i) {
      return [i + 1, stageName(data, t.stage), t.name, t.type, t.channel, t.behaviour, t.thought,
        typeof t.emotion === "number" ? t.emotion : "", t.pain, t.opportunity, t.moment_of_truth ? "是" : ""];
    }));
  }

  function num(x) { // −1.5, +2, 0: two decimals at most, a real minus sign
    if (typeof x !== "number" || !isFinite(x)) return "—";
    var r = Math.round(x * 100) / 100;
    return r > 0 ? "+" + r : r < 0 ? "\u2212" + Math.abs(r) : "0";
  }

  return {
    LANES: LANES, blank: blank, normalise: normalise, hasContent: hasContent, addTouchpoint: addTouchpoint, move: move,
    setStage: setStage, removeStage: removeStage, countIn: countIn, moments: moments, curveStages: curveStages,
    fromCase: fromCase, csvRows: csvRows, num: num, stageName: stageName
  };
});

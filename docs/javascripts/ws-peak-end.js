/* Peak-end reading of an emotion curve, shared by the journey-map and emotion-map worksheets.
 * DOM-free classic script, ES5 style; Node gets it from require(), a browser as window.TPPeakEnd.
 * It never throws, whatever the input.
 * Sources: Kahneman, Fredrickson, Schreiber & Redelmeier (1993) "When more pain is preferred to
 * less: adding a better end", Psychological Science 4(6) 401–405; Redelmeier & Kahneman (1996),
 * Pain 66(1) 3–8 (colonoscopy). The remembered experience follows the average of the most intense
 * moment and the final moment.
 * Conventions:
 * - A moment is {id, name, emotion} with emotion −3…+3 (journey map), or {id, name, valence,
 *   intensity} with valence −3…+3 and intensity 1…5 (emotion map). Combined signed intensity
 *   e = valence × intensity ÷ 5: the same −3…+3 range, equal to the valence at intensity 5 and
 *   shrinking towards 0 as the feeling gets weaker. A given `emotion` wins over valence/intensity.
 *   Numbers or number text are accepted. An empty value means "not rated yet" (no problem); a
 *   non-number or out-of-range value is a problem and the moment counts as not rated.
 * - peak: the most intense rated moment, max |e|. Tie rule: between −x and +x the negative moment
 *   is the peak (the literature's peak is the worst moment, and a service-recovery agenda starts
 *   there); between equal values the earliest moment. lowest / highest: the most negative / most
 *   positive rated moment (earliest on ties); the peak is always one of the two.
 * - end: the last rated moment. peak_end = (e_peak + e_end) ÷ 2. With one rated moment it is
 *   both peak and end (a note says so); with none every reading is null.
 * - trough: the deepest moment below 0 (null when none); troughs: all moments below 0, deepest first.
 * - fix_first: "fix_end" when the end is below 0, else "fix_trough" when a moment is below 0,
 *   else "design_peak"; "no_data" when nothing is rated. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.TPPeakEnd = api;
})(typeof window !== "undefined" ? window : typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var EPS = 1e-9; // ties of e computed as valence × intensity ÷ 5

  var CONVENTION = "峰终定律（Kahneman 等 1993；Redelmeier & Kahneman 1996）：人们事后对一段经历的评价，" +
    "主要取决于最强烈的时刻（峰值）和结束时的感受（终点），而不是所有时刻的平均。" +
    "峰值取情绪绝对值最大的时刻；正负强度相同时取负面时刻，强度相同的多个时刻取最早的一个。" +
    "终点取最后一个有评分的时刻。情绪地图记录效价（−3…+3）和强度（1…5）时，综合情绪 e = 效价 × 强度 ÷ 5。";

  var FORMULAS = {
    e: { label: "综合情绪 e", formula: "综合情绪 e = 效价 × 强度 ÷ 5（只填情绪 −3…+3 时 e = 情绪）" },
    peak: { label: "峰值", formula: "峰值 = |e| 最大的时刻（正负相同取负面，再相同取最早）" },
    end: { label: "终点", formula: "终点 = 最后一个有评分的时刻" },
    peak_end: { label: "峰终值", formula: "峰终值 = (峰值 e + 终点 e) ÷ 2" },
    mean: { label: "平均情绪", formula: "平均情绪 = 所有有评分时刻的 e 之和 ÷ 时刻数" }
  };

  function isObject(x) { return x !== null && typeof x === "object" && !Array.isArray(x); }
  function has(o, k) { return isObject(o) && Object.prototype.hasOwnProperty.call(o, k); }
  function isNum(x) { return typeof x === "number" && isFinite(x); }
  function get(o, k) { return has(o, k) ? o[k] : null; }
  function given(x) { return x !== null && x !== undefined && !(typeof x === "string" && x.trim() === ""); }
  function textOf(x) { return typeof x === "string" ? x.trim() : isNum(x) ? String(x) : ""; }

  /* A number in [min, max] from a number or number text, else null. */
  function inRange(x, min, max) {
    var v = null;
    if (isNum(x)) v = x;
    else if (typeof x === "string") {
      var t = x.replace(/[\u2212\uff0d]/g, "-").trim();
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) v = Number(t);
    }
    return v !== null && v >= min && v <= max ? v : null;
  }

  /* {e: number|null, problems: [[field, message]]} of one moment. */
  function emotionOf(m) {
    var emotion = get(m, "emotion");
    if (given(emotion)) {
      var e = inRange(emotion, -3, 3);
      return e === null ? { e: null, problems: [["emotion", "情绪应为 −3 到 +3 之间的数字"]] } : { e: e + 0 }; // + 0: no −0
    }
    var valence = get(m, "valence");
    var intensity = get(m, "intensity");
    if (!given(valence) && !given(intensity)) return { e: null }; // not rated yet
    var v = inRange(valence, -3, 3);
    var k = inRange(intensity, 1, 5);
    var problems = [];
    if (v === null) problems.push(["valence", given(valence) ? "效价应为 −3 到 +3 之间的数字" : "缺少效价（−3…+3）"]);
    if (k === null) problems.push(["intensity", given(intensity) ? "强度应为 1 到 5 之间的数字" : "缺少强度（1…5）"]);
    return problems.length ? { e: null, problems: problems } : { e: (v * k) / 5 + 0 };
  }

  function label(m) { return m.name ? "「" + m.name + "」" : "第 " + (m.index + 1) + " 个时刻"; }
  function signed(x) { var r = Math.round(x * 100) / 100; return (r > 0 ? "+" : "") + r; }

  /* The "fix first" recommendation: {key, target (a moment or null), text}. */
  function fixFirst(end, trough) {
    if (!end) {
      return { key: "no_data", target: null, text: "还没有评分的时刻：先给旅程中的每个时刻打情绪分（−3…+3），再看峰值与终点。" };
    }
    if (end.e < 0) {
      return {
        key: "fix_end", target: end,
        text: "先修复结尾：终点" + label(end) + "的情绪为负（" + signed(end.e) + "）。按峰终定律，客人回忆整段经历时" +
          "最看重最强烈的时刻和结束时刻；结尾变好，整段经历留下的印象就会明显改善，即使中间的问题还没解决。"
      };
    }
    if (trough) {
      return {
        key: "fix_trough", target: trough,
        text: "结尾不是负面的；最深的低谷是" + label(trough) + "（" + signed(trough.e) + "）。先修复这个低谷：" +
          "它最可能成为客人记住的“最差时刻”，也就是拉低回忆评价的负面峰值。"
      };
    }
    return {
      key: "design_peak", target: null,
      text: "旅程中没有负面时刻。保持结尾的好感，并有意设计一个让客人记得住的正面高峰（标志性时刻）。"
    };
  }

  /* Moments in journey order → the peak-end reading (see the header for every convention). */
  function readPeakEnd(moments) {
    var problems = [];
    var all = (Array.isArray(moments) ? moments : []).map(function (m, index) {
      var id = get(m, "id");
      var out = { index: index, id: typeof id === "string" || isNum(id) ? id : null, name: textOf(get(m, "name")), e: null };
      if (!isObject(m)) {
        if (given(m)) problems.push({ index: index, id: null, field: null, message: "第 " + (index + 1) + " 项不是一个时刻" });
        return out;
      }
      var r = emotionOf(m);
      out.e = r.e;
      (r.problems || []).forEach(function (p) {
        problems.push({ index: index, id: out.id, field: p[0], message: label(out) + "：" + p[1] });
      });
      return out;
    });
    var rated = all.filter(function (m) { return m.e !== null; });
    var lowest = null;
    var highest = null;
    rated.forEach(function (m) {
      if (!lowest || m.e < lowest.e - EPS) lowest = m;
      if (!highest || m.e > highest.e + EPS) highest = m;
    });
    var peak = !lowest ? null : Math.abs(lowest.e) >= Math.abs(highest.e) - EPS ? lowest : highest;
    var end = rated.length ? rated[rated.length - 1] : null;
    var troughs = rated
      .filter(function (m) { return m.e < 0; })
      .sort(function (a, b) { return Math.abs(a.e - b.e) <= EPS ? a.index - b.index : a.e - b.e; });
    var notes = [];
    if (rated.length === 1) notes.push("只有一个有评分的时刻：它既是峰值也是终点，峰终值就是它的情绪分。");
    if (all.length > rated.length && rated.length) notes.push((all.length - rated.length) + " 个时刻没有有效评分，未计入。");
    return {
      moments: all,
      rated: rated.length,
      peak: peak,
      peak_kind: !peak ? null : peak.e < 0 ? "negative" : peak.e > 0 ? "positive" : "neutral",
      lowest: lowest,
      highest: highest,
      end: end,
      peak_end: peak ? (peak.e + end.e) / 2 : null,
      mean: rated.length ? rated.reduce(function (s, m) { return s + m.e; }, 0) / rated.length : null,
      trough: troughs.length ? troughs[0] : null,
      troughs: troughs,
      fix_first: fixFirst(end, troughs[0] || null),
      notes: notes,
      problems: problems
    };
  }

  return { CONVENTION: CONVENTION, FORMULAS: FORMULAS, readPeakEnd: readPeakEnd, emotionOf: function (m) { return emotionOf(m).e; } };
});

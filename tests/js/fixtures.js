/* Inline scale definitions for the scoring tests, shaped like `model_dump(mode="json")` of
 * macros/models/scale.py: every default filled in, response-scale `labels` keys as strings. */
"use strict";

function labels(min, max, words) {
  const out = {};
  for (let x = min; x <= max; x += 1) out[String(x)] = words ? words[x - min] : `${x} 分`;
  return out;
}

const SCALES = {
  agree5: {
    kind: "likert", min: 1, max: 5, options: [],
    labels: labels(1, 5, ["非常不同意", "不同意", "一般", "同意", "非常同意"]),
  },
  agree7: { kind: "likert", min: 1, max: 7, options: [], labels: labels(1, 7) },
  ten: { kind: "numeric", min: 0, max: 10, options: [], labels: { "0": "完全不可能", "10": "极有可能" } },
  risk10: { kind: "numeric", min: 1, max: 10, options: [], labels: { "1": "很低", "10": "很高" } },
  often: {
    kind: "choice", min: 0, max: 3, labels: {},
    options: [
      { label: "从不", score: 0 }, { label: "偶尔", score: 1 },
      { label: "经常", score: 2 }, { label: "总是", score: 3 },
    ],
  },
};

function band(min, max, label, tone = "neutral") {
  return { min, max, label, tone, interpretation: `${label}的解读。`, actions: [`${label}的行动。`] };
}

function base(id, mode, scaleIds, extra) {
  const responseScales = {};
  for (const s of scaleIds) responseScales[s] = SCALES[s];
  return Object.assign(
    {
      id, version: 1, title: `测试量表 ${id}`, summary: "用于测试。", instructions: "请作答。",
      chapters: [], response_scales: responseScales,
      sources: [{ citation: "Test, T. (2020). A source.", url: null }],
      bands_note: null, examples: [{ name: "占位", answers: {}, rows: [], expect: {} }], mode,
    },
    extra,
  );
}

function item(id, scale, more) {
  return Object.assign(
    { id, text: `题目 ${id}`, scale, subscale: null, weight: 1.0, reverse: false, anchors: null }, more,
  );
}

function scoring(more) {
  return Object.assign(
    { method: "mean", normalize: "none", min_answered: 1, subscale_min_answered: 1, weakest_link: null, top_box: [] },
    more,
  );
}

function questionnaire(id, { scales = ["agree5"], items, scoring: sc, bands, subscales = [] }) {
  return base(id, "questionnaire", scales, { subscales, items, scoring: scoring(sc), bands });
}

function rows(preset = []) {
  return { label: "触点", preset, min: 1, max: 20 };
}

function matrix(more) {
  return base("touch-matrix", "matrix", ["agree5", "ten"], Object.assign({
    rows: rows(["官网", "前台"]),
    criteria: [
      { id: "clarity", label: "清晰", help: null, scale: "agree5", weight: 2.0 },
      { id: "speed", label: "速度", help: null, scale: "agree5", weight: 1.0 },
      { id: "delight", label: "惊喜", help: null, scale: "ten", weight: 1.0 },
    ],
    min_answered: 2,
    bands: [band(0, 40, "薄弱", "bad"), band(40, 70, "尚可", "warn"), band(70, 100, "出色", "good")],
  }, more));
}

function quadrant(label) {
  return { label, tone: "neutral", interpretation: `${label}。`, actions: [`${label}行动。`] };
}

function ipa(crosshair, scales = ["agree7", "agree5"]) {
  return base(`ipa-${crosshair}`, "ipa", scales, {
    rows: rows(),
    importance: { scale: scales[0], prompt: "有多重要?" },
    performance: { scale: scales[1], prompt: "表现如何?" },
    crosshair,
    quadrants: {
      concentrate: quadrant("重点改进"), keep_up: quadrant("继续保持"),
      low_priority: quadrant("次要"), overkill: quadrant("过度投入"),
    },
  });
}

function level(id) {
  return { id, label: id, tone: "neutral", actions: [`${id} 行动`] };
}

function rule(lvl, mins) {
  return Object.assign(
    { level: lvl, min_severity: null, min_occurrence: null, min_detection: null, min_rpn: null, note: null }, mins,
  );
}

function fmea() {
  return base("risk-fmea", "fmea", ["risk10"], {
    rows: Object.assign(rows(), { label: "失效模式" }),
    severity: { scale: "risk10", prompt: "严重度" },
    occurrence: { scale: "risk10", prompt: "发生度" },
    detection: { scale: "risk10", prompt: "难检度" },
    levels: [level("high"), level("medium"), level("low")],
    rules: [
      rule("high", { min_severity: 9, note: "严重度优先" }),
      rule("high", { min_rpn: 200 }),
      rule("medium", { min_severity: 7, min_occurrence: 4 }),
      rule("medium", { min_detection: 9, min_severity: 5 }),
      rule("medium", { min_occurrence: 8 }),
      rule("medium", { min_rpn: 100 }),
    ],
    default_level: "low",
  });
}

function nps() {
  const category = (label) => ({ label, interpretation: `${label}。`, actions: [`${label}行动。`] });
  return base("nps", "nps", ["ten"], {
    item: { text: "您有多大可能向朋友推荐我们?", scale: "ten", comment: null },
    categories: { promoter: category("推荐者"), passive: category("被动者"), detractor: category("贬损者") },
    bands: [band(-100, 0, "需改进", "bad"), band(0, 50, "良好", "warn"), band(50, 100, "优秀", "good")],
  });
}

module.exports = { SCALES, band, base, item, questionnaire, matrix, ipa, fmea, nps, rule, level };

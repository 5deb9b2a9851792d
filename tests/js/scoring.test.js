/* Tests of docs/javascripts/scoring.js against the scoring spec. Run: node --test tests/js/
 * The worked examples of the real scales need SCALES_JSON (see the last test). */
"use strict";

const { describe, it, test } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ENGINE = path.join(__dirname, "..", "..", "docs", "javascripts", "scoring.js");
const S = require(ENGINE);
const F = require("./fixtures.js");

/* assert a number within the spec's tolerance (0.01); null must be null exactly. */
function near(actual, expected, message) {
  if (expected === null) return assert.equal(actual, null, message);
  assert.equal(typeof actual, "number", `${message || "value"}: expected a number, got ${actual}`);
  assert.ok(Math.abs(actual - expected) <= 0.01, `${message || "value"}: expected ${expected}, got ${actual}`);
}
const labelOf = (band) => (band ? band.label : null);
const q = (def, answers) => S.scoreResponse(def, { answers });
const rowsOf = (def, rows) => S.scoreResponse(def, { rows });
const byName = (rows) => Object.fromEntries(rows.map((r) => [r.name, r]));

// ---------------------------------------------------------------------------------------------
// Fixture definitions
// ---------------------------------------------------------------------------------------------

const SUM = F.questionnaire("q-sum", {
  items: ["q1", "q2", "q3", "q4"].map((id) => F.item(id, "agree5")),
  scoring: { method: "sum", min_answered: 3 },
  bands: [F.band(4, 10, "低"), F.band(10, 16, "中"), F.band(16, 20, "高")],
});

const MEAN_REVERSE = F.questionnaire("q-mean", {
  items: [F.item("a", "agree5"), F.item("b", "agree5"), F.item("c", "agree5", { reverse: true })],
  scoring: { method: "mean", min_answered: 2 },
  bands: [F.band(1, 3, "低"), F.band(3, 4, "中"), F.band(4, 5, "高")],
});

function weighted(normalize) {
  return F.questionnaire(`q-weighted-${normalize}`, {
    items: [F.item("w1", "agree5", { weight: 3.0 }), F.item("w2", "agree5")],
    scoring: { method: "weighted_mean", normalize, min_answered: 1 },
    bands: normalize === "pomp" ? [F.band(0, 50, "低"), F.band(50, 100, "高")] : [F.band(1, 3, "低"), F.band(3, 5, "高")],
  });
}

function mixedPomp(method) {
  return F.questionnaire(`q-pomp-${method}`, {
    scales: ["agree5", "agree7", "often"],
    items: [F.item("m1", "agree5"), F.item("m2", "agree7", { reverse: true }), F.item("m3", "often")],
    scoring: { method, normalize: "pomp", min_answered: 2 },
    bands: [F.band(0, 50, "低"), F.band(50, 100, "高")],
  });
}

const SUBSCALES = F.questionnaire("q-sub", {
  subscales: [{ id: "service", label: "服务" }, { id: "digital", label: "数字" }],
  items: [
    F.item("s1", "agree5", { subscale: "service" }), F.item("s2", "agree5", { subscale: "service" }),
    F.item("s3", "agree5", { subscale: "digital" }), F.item("s4", "agree5", { subscale: "digital" }),
    F.item("s5", "agree5"),
  ],
  scoring: { method: "mean", min_answered: 3, subscale_min_answered: 2, weakest_link: 1.0 },
  bands: [F.band(1, 3, "待提升"), F.band(3, 5, "成熟")],
});

const CHOICE = F.questionnaire("q-choice", {
  scales: ["often"],
  items: [F.item("c1", "often"), F.item("c2", "often")],
  scoring: { method: "sum", min_answered: 1 },
  bands: [F.band(0, 3, "少"), F.band(3, 6, "多")],
});

const CSAT = F.questionnaire("csat", {
  items: [F.item("q1", "agree5"), F.item("q2", "agree5", { reverse: true })],
  scoring: { method: "mean", min_answered: 2, top_box: [4, 5] },
  bands: [F.band(1, 3, "不满意"), F.band(3, 4, "一般"), F.band(4, 5, "满意")],
});

const MATRIX = F.matrix();
const IPA_MEAN = F.ipa("data_mean");
const IPA_MID = F.ipa("scale_mid");
const FMEA = F.fmea();
const NPS = F.nps();

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

describe("helpers", () => {
  it("reverseValue: x' = min + max − x", () => {
    assert.equal(S.reverseValue(2, 1, 5), 4);
    assert.equal(S.reverseValue(1, 1, 7), 7);
    assert.equal(S.reverseValue(0, 0, 3), 3);
  });

  it("pomp: (x − min) / (max − min) × 100", () => {
    assert.equal(S.pomp(1, 1, 5), 0);
    assert.equal(S.pomp(3, 1, 5), 50);
    assert.equal(S.pomp(5, 1, 5), 100);
    near(S.pomp(2, 0, 3), 66.667);
  });

  it("bandFor: min inclusive, max exclusive, the last band includes its max", () => {
    const bands = SUM.bands;
    assert.equal(labelOf(S.bandFor(bands, 4)), "低");
    assert.equal(labelOf(S.bandFor(bands, 9.99)), "低");
    assert.equal(labelOf(S.bandFor(bands, 10)), "中");
    assert.equal(labelOf(S.bandFor(bands, 16)), "高");
    assert.equal(labelOf(S.bandFor(bands, 20)), "高");
    assert.equal(S.bandFor(bands, 20.5), null);
    assert.equal(S.bandFor(bands, 3), null);
    assert.equal(S.bandFor(bands, null), null);
    assert.equal(S.bandFor(bands, "12"), null);
    assert.equal(S.bandFor(null, 12), null);
    assert.equal(S.bandFor(bands, 12), bands[1], "returns the band object itself");
  });

  it("bandFor ignores float noise at a limit", () => {
    const bands = [F.band(0, 50, "低"), F.band(50, 100, "高")];
    assert.equal(labelOf(S.bandFor(bands, 49.99999999999)), "高");
    assert.equal(labelOf(S.bandFor(bands, 100.00000000001)), "高");
    assert.equal(labelOf(S.bandFor(bands, 49.99)), "低");
  });

  it("npsCategory and isAnswered", () => {
    assert.equal(S.npsCategory(6), "detractor");
    assert.equal(S.npsCategory(7), "passive");
    assert.equal(S.npsCategory(9), "promoter");
    assert.equal(S.npsCategory(null), null);
    assert.equal(S.isAnswered(3, F.SCALES.agree5), true);
    assert.equal(S.isAnswered(0, F.SCALES.agree5), false);
    assert.equal(S.isAnswered(0, F.SCALES.often), true);
    assert.equal(S.isAnswered("3", F.SCALES.agree5), false);
  });

  it("exports the five modes", () => {
    assert.deepEqual(S.MODES, ["questionnaire", "matrix", "ipa", "fmea", "nps"]);
  });
});

// ---------------------------------------------------------------------------------------------
// questionnaire
// ---------------------------------------------------------------------------------------------

describe("questionnaire", () => {
  it("sum: the result shape", () => {
    assert.deepEqual(q(SUM, { q1: 5, q2: 4, q3: 3, q4: 2 }), {
      mode: "questionnaire", answered: 4, total_items: 4, score: 14, band: SUM.bands[1], subscales: {}, weakest: [],
    });
  });

  it("sum: band boundaries (exactly on a limit, the top value)", () => {
    assert.equal(labelOf(q(SUM, { q1: 3, q2: 3, q3: 2, q4: 2 }).band), "中"); // 10
    assert.equal(labelOf(q(SUM, { q1: 4, q2: 4, q3: 4, q4: 3 }).band), "中"); // 15
    assert.equal(labelOf(q(SUM, { q1: 4, q2: 4, q3: 4, q4: 4 }).band), "高"); // 16
    const top = q(SUM, { q1: 5, q2: 5, q3: 5, q4: 5 });
    assert.equal(top.score, 20);
    assert.equal(labelOf(top.band), "高");
    assert.equal(labelOf(q(SUM, { q1: 1, q2: 1, q3: 1, q4: 1 }).band), "低"); // 4, the bottom
  });

  it("sum: unanswered items are not imputed; fewer than min_answered gives a null score", () => {
    const three = q(SUM, { q1: 5, q2: 5, q3: 1 });
    assert.equal(three.answered, 3);
    assert.equal(three.score, 11);
    const two = q(SUM, { q1: 5, q2: 5 });
    assert.equal(two.answered, 2);
    assert.equal(two.total_items, 4);
    assert.equal(two.score, null);
    assert.equal(two.band, null);
  });

  it("mean with a reverse item", () => {
    const r = q(MEAN_REVERSE, { a: 5, b: 4, c: 1 }); // c' = 5
    near(r.score, 14 / 3);
    assert.equal(labelOf(r.band), "高");
    assert.equal(q(MEAN_REVERSE, { a: 3, b: 3, c: 3 }).score, 3);
    assert.equal(q(MEAN_REVERSE, { a: 1, c: 5 }).score, 1); // c' = 1
    assert.equal(q(MEAN_REVERSE, { c: 2 }).score, null); // min_answered 2
  });

  it("weighted_mean: Σw·v / Σw, re-normalised over the answered items", () => {
    const def = weighted("none");
    assert.equal(q(def, { w1: 5, w2: 1 }).score, 4); // (3·5 + 1) / 4
    assert.equal(q(def, { w1: 5 }).score, 5);
    assert.equal(q(def, { w2: 2 }).score, 2);
    assert.equal(labelOf(q(def, { w1: 2, w2: 5 }).band), "低"); // (3·2 + 5) / 4 = 2.75
  });

  it("weighted_mean with pomp", () => {
    const def = weighted("pomp");
    assert.equal(q(def, { w1: 5, w2: 1 }).score, 75); // (3·100 + 0) / 4
    assert.equal(q(def, { w1: 1, w2: 5 }).score, 25);
    assert.equal(labelOf(q(def, { w1: 3, w2: 3 }).band), "高"); // 50, on the limit
  });

  it("pomp with mixed response scales (likert 1–5, reversed 1–7, choice 0–3)", () => {
    for (const method of ["sum", "mean"]) {
      const def = mixedPomp(method);
      const r = q(def, { m1: 4, m2: 2, m3: 2 }); // 75, 83.33, 66.67
      near(r.score, 75, method);
      assert.equal(labelOf(r.band), "高");
      assert.equal(q(def, { m1: 3, m2: 4 }).score, 50, method); // both exactly 50
      assert.equal(labelOf(q(def, { m2: 3, m3: 1 }).band), "高", method); // (66.67 + 33.33) / 2 = 50
      assert.equal(q(def, { m1: 1, m2: 7, m3: 0 }).score, 0, method);
      assert.equal(labelOf(q(def, { m1: 5, m2: 1, m3: 3 }).band), "高", method); // 100, the top
      assert.equal(q(def, { m1: 5 }).score, null, method);
    }
  });

  it("pomp + sum is the POMP of the sum (the mean of v), not the sum of v", () => {
    const r = q(mixedPomp("sum"), { m1: 5, m2: 1, m3: 3 });
    assert.equal(r.score, 100);
  });

  it("sub-scales, subscale_min_answered and weakest_link", () => {
    const r = q(SUBSCALES, { s1: 5, s2: 5, s3: 2, s4: 3, s5: 4 });
    near(r.score, 3.8);
    assert.deepEqual(r.subscales, { service: 5, digital: 2.5 });
    assert.deepEqual(r.weakest, ["digital"]); // 2.5 ≤ 3.8 − 1
    const onLimit = q(SUBSCALES, { s1: 5, s2: 5, s3: 3, s4: 3, s5: 4 }); // score 4, digital 3
    assert.deepEqual(onLimit.weakest, ["digital"]);
    const notWeak = q(SUBSCALES, { s1: 4, s2: 4, s3: 3, s4: 4, s5: 4 }); // 3.8, digital 3.5
    assert.deepEqual(notWeak.weakest, []);
  });

  it("a sub-scale with too few answers is null and never weakest", () => {
    const r = q(SUBSCALES, { s1: 5, s2: 4, s3: 2, s5: 4 });
    near(r.score, 3.75);
    assert.deepEqual(r.subscales, { service: 4.5, digital: null });
    assert.deepEqual(r.weakest, []);
  });

  it("no weakest when the total is null or weakest_link is unset", () => {
    const r = q(SUBSCALES, { s1: 5, s3: 1 });
    assert.equal(r.score, null);
    assert.deepEqual(r.subscales, { service: null, digital: null });
    assert.deepEqual(r.weakest, []);
    const unset = structuredClone(SUBSCALES);
    unset.scoring.weakest_link = null;
    assert.deepEqual(q(unset, { s1: 5, s2: 5, s3: 1, s4: 1, s5: 5 }).weakest, []);
  });

  it("sub-scales use the same method (sum)", () => {
    const def = structuredClone(SUBSCALES);
    def.scoring.method = "sum";
    def.scoring.weakest_link = null;
    def.bands = [F.band(5, 15, "低"), F.band(15, 25, "高")];
    const r = q(def, { s1: 5, s2: 4, s3: 2, s4: 3, s5: 1 });
    assert.equal(r.score, 15);
    assert.deepEqual(r.subscales, { service: 9, digital: 5 });
  });

  it("choice scales: scores 0–3, zero is an answer", () => {
    assert.equal(labelOf(q(CHOICE, { c1: 3, c2: 3 }).band), "多"); // 6, the top
    assert.equal(labelOf(q(CHOICE, { c1: 2, c2: 1 }).band), "多"); // 3, on the limit
    const zero = q(CHOICE, { c1: 0 });
    assert.equal(zero.answered, 1);
    assert.equal(zero.score, 0);
    assert.equal(labelOf(zero.band), "少");
    const outside = q(CHOICE, { c1: 4 });
    assert.equal(outside.answered, 0);
    assert.equal(outside.score, null);
  });

  it("bad answers count as unanswered and never throw", () => {
    const bad = { q1: "5", q2: null, q3: 6, q4: -1, q5: 3 };
    assert.equal(q(SUM, bad).answered, 0);
    for (const value of [NaN, Infinity, -Infinity, true, "", "abc", [], {}, 0, 5.5, -2]) {
      const r = q(SUM, { q1: value, q2: 5, q3: 5 });
      assert.equal(r.answered, 2, String(value));
      assert.equal(r.score, null);
    }
    for (const response of [null, undefined, "x", 42, [], { answers: null }, { answers: "x" }, { answers: [5, 5, 5] }]) {
      const r = S.scoreResponse(SUM, response);
      assert.equal(r.answered, 0);
      assert.equal(r.score, null);
      assert.equal(r.band, null);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// matrix
// ---------------------------------------------------------------------------------------------

describe("matrix", () => {
  const rows = [
    { name: "官网", clarity: 5, speed: 5, delight: 10 }, // 100
    { name: "前台", clarity: 3, speed: 3, delight: 5 }, // 50
    { name: "客房", clarity: 4, speed: 2 }, // (2·75 + 25) / 3 = 58.33
    { name: "餐厅", clarity: 1 }, // 1 < min_answered 2
    { name: "点评", speed: 5, delight: 0 }, // 50, ties 前台
    { name: "停车", clarity: 2, speed: 3, delight: 6 }, // (2·25 + 50 + 60) / 4 = 40
    { name: "退房", clarity: "5", speed: 11, delight: -1 }, // nothing answered
  ];
  const r = rowsOf(MATRIX, rows);
  const got = byName(r.rows);

  it("weighted 0–100 index per row with weights re-normalised over the answered criteria", () => {
    assert.equal(got["官网"].index, 100);
    assert.equal(got["前台"].index, 50);
    near(got["客房"].index, 58.33);
    assert.equal(got["点评"].index, 50);
    assert.equal(got["停车"].index, 40);
  });

  it("fewer than min_answered criteria, or bad values, give a null index", () => {
    for (const name of ["餐厅", "退房"]) {
      assert.deepEqual(got[name], { name, index: null, band: null, rank: null });
    }
  });

  it("bands: top value and exactly on a limit", () => {
    assert.equal(labelOf(got["官网"].band), "出色");
    assert.equal(labelOf(got["停车"].band), "尚可");
    assert.equal(labelOf(got["前台"].band), "尚可");
  });

  it("ranking by index descending; ties keep the input order", () => {
    assert.equal(r.mode, "matrix");
    assert.deepEqual(r.ranking, ["官网", "客房", "前台", "点评", "停车"]);
    assert.deepEqual(r.rows.map((x) => x.rank), [1, 3, 2, null, 4, 5, null]);
  });

  it("a full tie keeps input order whatever the row count (stable sort)", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `t${i}`, clarity: 3, speed: 3 }));
    assert.deepEqual(rowsOf(MATRIX, many).ranking, many.map((x) => x.name));
  });

  it("bad rows do not throw", () => {
    for (const response of [null, {}, { rows: "x" }, { rows: [null, 5, "a", [], {}] }, { rows: [{ name: 3, clarity: 5, speed: 5 }] }]) {
      const out = S.scoreResponse(MATRIX, response);
      assert.ok(Array.isArray(out.rows));
      assert.ok(Array.isArray(out.ranking));
    }
    assert.deepEqual(rowsOf(MATRIX, [{ name: 3, clarity: 5, speed: 5 }]).ranking, ["3"]);
    assert.deepEqual(rowsOf(MATRIX, [null]).rows, [{ name: "", index: null, band: null, rank: null }]);
  });
});

// ---------------------------------------------------------------------------------------------
// ipa
// ---------------------------------------------------------------------------------------------

describe("ipa", () => {
  it("data_mean crosshair over complete rows; quadrants and gaps", () => {
    const r = rowsOf(IPA_MEAN, [
      { name: "R1", importance: 7, performance: 2 },
      { name: "R2", importance: 6, performance: 5 },
      { name: "R3", importance: 2, performance: 1 },
      { name: "R4", importance: 3, performance: 4 },
      { name: "R5", importance: 5 },
      { name: "R6", importance: 9, performance: 3 },
    ]);
    assert.equal(r.mode, "ipa");
    assert.deepEqual(r.crosshair, { importance: 4.5, performance: 3 });
    assert.deepEqual(r.rows, [
      { name: "R1", importance: 7, performance: 2, quadrant: "concentrate", gap: -5 },
      { name: "R2", importance: 6, performance: 5, quadrant: "keep_up", gap: -1 },
      { name: "R3", importance: 2, performance: 1, quadrant: "low_priority", gap: -1 },
      { name: "R4", importance: 3, performance: 4, quadrant: "overkill", gap: 1 },
      { name: "R5", importance: 5, performance: null, quadrant: null, gap: null },
      { name: "R6", importance: null, performance: 3, quadrant: null, gap: null },
    ]);
  });

  it("scale_mid crosshair; a row on the crosshair counts as high", () => {
    const r = rowsOf(IPA_MID, [
      { name: "on", importance: 4, performance: 3 },
      { name: "c", importance: 4, performance: 2 },
      { name: "o", importance: 3, performance: 3 },
      { name: "l", importance: 1, performance: 1 },
    ]);
    assert.deepEqual(r.crosshair, { importance: 4, performance: 3 });
    assert.deepEqual(r.rows.map((x) => x.quadrant), ["keep_up", "concentrate", "overkill", "low_priority"]);
  });

  it("no complete rows: data_mean has no crosshair; scale_mid still has one", () => {
    const rows = [{ name: "x", importance: 5 }, { name: "y", performance: 0 }];
    assert.equal(rowsOf(IPA_MEAN, rows).crosshair, null);
    assert.deepEqual(rowsOf(IPA_MID, rows).crosshair, { importance: 4, performance: 3 });
    assert.deepEqual(rowsOf(IPA_MEAN, []).rows, []);
  });

  it("a definition whose scale is missing: unanswered values, no crosshair, no throw", () => {
    const broken = structuredClone(IPA_MID);
    broken.importance.scale = "nope";
    const r = rowsOf(broken, [{ name: "x", importance: 4, performance: 3 }]);
    assert.equal(r.crosshair, null);
    assert.deepEqual(r.rows, [{ name: "x", importance: null, performance: 3, quadrant: null, gap: null }]);
  });

  it("bad rows do not throw", () => {
    for (const response of [undefined, { rows: {} }, { rows: [null, { importance: "7", performance: "5" }] }]) {
      const r = S.scoreResponse(IPA_MEAN, response);
      assert.equal(r.crosshair, null);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// fmea
// ---------------------------------------------------------------------------------------------

describe("fmea", () => {
  const r = rowsOf(FMEA, [
    { name: "小瑕疵", severity: 3, occurrence: 3, detection: 3 }, // 27 → default low
    { name: "断电", severity: 9, occurrence: 1, detection: 1 }, // 9 → high (severity first)
    { name: "漏单", severity: 7, occurrence: 4, detection: 2 }, // 56 → medium (S & O on the limits)
    { name: "超售", severity: 5, occurrence: 8, detection: 5 }, // 200 → high (min_rpn on the limit)
    { name: "错账", severity: 5, occurrence: 2, detection: 9 }, // 90 → medium (min_detection)
    { name: "排队", severity: 2, occurrence: 8, detection: 3 }, // 48 → medium (min_occurrence)
    { name: "未填", severity: 3, detection: 3 }, // incomplete
    { name: "噪音", severity: 4, occurrence: 5, detection: 5 }, // 100 → medium (min_rpn)
  ]);
  const got = byName(r.rows);

  it("rpn = S × O × D for complete rows only", () => {
    assert.equal(r.mode, "fmea");
    assert.equal(got["超售"].rpn, 200);
    assert.equal(got["断电"].rpn, 9);
    assert.deepEqual(got["未填"], { name: "未填", severity: 3, occurrence: null, detection: 3, rpn: null, level: null });
  });

  it("levels: every rule kind, severity-first override, default level", () => {
    const levels = Object.fromEntries(r.rows.map((x) => [x.name, x.level]));
    assert.deepEqual(levels, {
      小瑕疵: "low", 断电: "high", 漏单: "medium", 超售: "high", 错账: "medium", 排队: "medium", 未填: null, 噪音: "medium",
    });
  });

  it("ranking: level, then rpn, complete rows only", () => {
    assert.deepEqual(r.ranking, ["超售", "断电", "噪音", "错账", "漏单", "排队", "小瑕疵"]);
  });

  it("ties: level first, then S×O, then input order", () => {
    const t = rowsOf(FMEA, [
      { name: "A", severity: 7, occurrence: 4, detection: 3 }, // 84, S×O 28
      { name: "B", severity: 7, occurrence: 6, detection: 2 }, // 84, S×O 42
      { name: "C", severity: 7, occurrence: 4, detection: 3 }, // same as A
      { name: "D", severity: 6, occurrence: 7, detection: 2 }, // 84, S×O 42, but low
    ]);
    assert.deepEqual(t.rows.map((x) => x.level), ["medium", "medium", "medium", "low"]);
    assert.deepEqual(t.ranking, ["B", "A", "C", "D"]);
  });

  it("fmeaLevel applies the first matching rule", () => {
    assert.equal(S.fmeaLevel(FMEA, 10, 10, 10, 1000), "high");
    assert.equal(S.fmeaLevel(FMEA, 1, 1, 1, 1), "low");
    assert.equal(S.fmeaLevel(FMEA, 6, 2, 9, 108), "medium");
  });

  it("bad rows do not throw", () => {
    const t = rowsOf(FMEA, [{ name: "x", severity: 0, occurrence: 11, detection: "5" }, null, 7]);
    assert.deepEqual(t.ranking, []);
    assert.deepEqual(S.scoreResponse(FMEA, "x"), { mode: "fmea", rows: [], ranking: [] });
  });
});

// ---------------------------------------------------------------------------------------------
// nps
// ---------------------------------------------------------------------------------------------

describe("nps", () => {
  it("categories at the 6/7/8/9 boundaries and the ends", () => {
    const expected = { 0: "detractor", 6: "detractor", 7: "passive", 8: "passive", 9: "promoter", 10: "promoter" };
    for (const [value, category] of Object.entries(expected)) {
      assert.deepEqual(q(NPS, { nps: Number(value) }), { mode: "nps", answered: 1, score: Number(value), category });
    }
  });

  it("unanswered, out of range or non-numeric gives nulls", () => {
    for (const answers of [{}, { nps: null }, { nps: 11 }, { nps: -1 }, { nps: "9" }, null]) {
      assert.deepEqual(q(NPS, answers), { mode: "nps", answered: 0, score: null, category: null });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// aggregate
// ---------------------------------------------------------------------------------------------

describe("aggregate", () => {
  it("questionnaire: items, CSAT top-box %, score and band counts", () => {
    const a = S.aggregate(CSAT, [
      { answers: { q1: 5, q2: 4 } }, // q2' = 2 → 3.5
      { answers: { q1: 3, q2: 2 } }, // q2' = 4 → 3.5
      { answers: { q1: 4 } }, // too few answers
      { answers: { q1: "x", q2: 7 } },
      { answers: { q1: 1, q2: 5 } }, // q2' = 1 → 1
      null,
    ]);
    assert.equal(a.n, 5);
    assert.deepEqual(Object.keys(a.items), ["q1", "q2"]);
    assert.equal(a.items.q1.n, 4);
    assert.equal(a.items.q1.mean, 3.25);
    assert.deepEqual(a.items.q1.distribution, { 1: 1, 3: 1, 4: 1, 5: 1 });
    assert.equal(a.items.q1.top_box, 50);
    assert.equal(a.items.q2.n, 3);
    near(a.items.q2.mean, 11 / 3); // raw values as entered
    near(a.items.q2.top_box, 66.67); // raw 4 and 5
    near(a.top_box, (100 * 4) / 7);
    assert.equal(a.score.n, 3);
    near(a.score.mean, 8 / 3);
    assert.deepEqual(a.bands, { 不满意: 1, 一般: 2, 满意: 0 });
  });

  it("questionnaire: top_box is null when scoring.top_box is empty or nothing is answered", () => {
    const a = S.aggregate(SUM, [{ answers: { q1: 5, q2: 5, q3: 5 } }]);
    assert.equal(a.top_box, null);
    assert.equal(a.items.q1.top_box, null);
    assert.equal(a.score.mean, 15);
    const empty = S.aggregate(CSAT, []);
    assert.deepEqual(empty, {
      n: 0,
      items: {
        q1: { n: 0, mean: null, distribution: {}, top_box: null, top_box_interval: null },
        q2: { n: 0, mean: null, distribution: {}, top_box: null, top_box_interval: null },
      },
      score: { n: 0, mean: null },
      top_box: null,
      top_box_interval: null,
      bands: { 不满意: 0, 一般: 0, 满意: 0 },
    });
  });

  it("nps: promoters, passives, detractors, NPS and its band", () => {
    const group = (values) => S.aggregate(NPS, values.map((nps) => ({ answers: { nps } })));
    const a = group([10, 9, 8, 7, 6, 0, null, 11, "9"]);
    const { interval, ...counts } = a;
    assert.deepEqual(counts, { n: 6, promoters: 2, passives: 2, detractors: 2, nps: 0, band: NPS.bands[1] });
    near(interval.high, -interval.low);
    assert.equal(group([10, 10, 9, 3]).nps, 50);
    assert.equal(labelOf(group([10, 10, 9, 3]).band), "优秀"); // on the limit
    assert.equal(labelOf(group([10, 10]).band), "优秀"); // +100, the top
    assert.equal(labelOf(group([0, 5]).band), "需改进"); // −100, the bottom
    near(group([9, 7, 3]).nps, 0);
    near(group([9, 9, 3]).nps, 33.33);
    assert.deepEqual(group([]), {
      n: 0, promoters: 0, passives: 0, detractors: 0, nps: null, interval: null, band: null,
    });
  });

  it("matrix: mean index per trimmed name and a ranking", () => {
    const a = S.aggregate(MATRIX, [
      { rows: [{ name: "官网", clarity: 5, speed: 5, delight: 10 }, { name: " 前台 ", clarity: 3, speed: 3, delight: 5 }] },
      {
        rows: [
          { name: "前台", clarity: 5, speed: 5, delight: 10 }, { name: "官网", clarity: 1, speed: 1, delight: 0 },
          { name: "客房", clarity: 1 }, { name: "  ", clarity: 5, speed: 5 },
        ],
      },
      { rows: "broken" },
    ]);
    assert.deepEqual(a, {
      rows: [
        { name: "官网", n: 2, mean_index: 50 },
        { name: "前台", n: 2, mean_index: 75 },
        { name: "客房", n: 0, mean_index: null },
      ],
      ranking: ["前台", "官网"],
    });
  });

  it("ipa: group means per touchpoint, then the crosshair rule over them", () => {
    const responses = [
      { rows: [{ name: "A", importance: 7, performance: 2 }, { name: "B", importance: 2, performance: 5 }] },
      { rows: [{ name: "A", importance: 5, performance: 4 }, { name: "B", importance: 4, performance: 5 }, { name: "C", importance: 3 }] },
    ];
    assert.deepEqual(S.aggregate(IPA_MEAN, responses), {
      rows: [
        { name: "A", n: 2, importance: 6, performance: 3, quadrant: "concentrate" },
        { name: "B", n: 2, importance: 3, performance: 5, quadrant: "overkill" },
        { name: "C", n: 0, importance: null, performance: null, quadrant: null },
      ],
      crosshair: { importance: 4.5, performance: 4 },
    });
    const mid = S.aggregate(IPA_MID, responses);
    assert.deepEqual(mid.crosshair, { importance: 4, performance: 3 });
    assert.deepEqual(mid.rows.map((x) => x.quadrant), ["keep_up", "overkill", null]);
  });

  it("fmea: mean S, O, D per name, rpn of the means, rules on the means", () => {
    const a = S.aggregate(FMEA, [
      { rows: [{ name: "断电", severity: 9, occurrence: 2, detection: 2 }, { name: "排队", severity: 2, occurrence: 8, detection: 3 }] },
      {
        rows: [
          { name: "断电", severity: 8, occurrence: 2, detection: 4 }, { name: "排队", severity: 4, occurrence: 8, detection: 5 },
          { name: "漏单", severity: 3 },
        ],
      },
    ]);
    assert.deepEqual(a, {
      rows: [
        // 8.5 × 2 × 3 = 51 (the mean of the two rpns would be 50); person 1 alone would be "high"
        { name: "断电", n: 2, severity: 8.5, occurrence: 2, detection: 3, rpn: 51, level: "low" },
        { name: "排队", n: 2, severity: 3, occurrence: 8, detection: 4, rpn: 96, level: "medium" },
        { name: "漏单", n: 0, severity: null, occurrence: null, detection: null, rpn: null, level: null },
      ],
      ranking: ["排队", "断电"],
    });
  });

  it("bad input does not throw", () => {
    for (const def of [SUM, CSAT, SUBSCALES, CHOICE, MATRIX, IPA_MEAN, IPA_MID, FMEA, NPS]) {
      for (const responses of [null, undefined, "x", {}, [null, 3, "s", [], { rows: "x", answers: "y" }, { answers: null }]]) {
        assert.doesNotThrow(() => S.aggregate(def, responses), `${def.id}: ${JSON.stringify(responses)}`);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// errors and worked-example checking
// ---------------------------------------------------------------------------------------------

describe("unknown mode", () => {
  it("throws a clear Error for an unknown or missing mode", () => {
    assert.throws(() => S.scoreResponse({ mode: "oops" }, {}), /unknown mode "oops"/);
    assert.throws(() => S.aggregate({ mode: "toString" }, []), /unknown mode/);
    assert.throws(() => S.scoreResponse(null, {}), /unknown mode/);
    assert.throws(() => S.checkExample({}, { expect: {} }), /unknown mode/);
  });
});

describe("checkExample", () => {
  const ex = (expect, data) => Object.assign({ name: "例", answers: {}, rows: [], expect }, data);

  it("passes a matching questionnaire example; keys absent from expect are not checked", () => {
    const data = { answers: { s1: 5, s2: 5, s3: 2, s4: 3, s5: 4 } };
    assert.deepEqual(S.checkExample(SUBSCALES, ex({ score: 3.8, band: "成熟", subscales: { digital: 2.5 }, weakest: ["digital"], answered: 5 }, data)), []);
    assert.deepEqual(S.checkExample(SUBSCALES, ex({}, data)), []);
  });

  it("numbers within 0.01; null exactly; arrays in order", () => {
    const data = { answers: { s1: 5, s2: 4, s3: 2, s5: 4 } }; // 3.75, digital null
    assert.deepEqual(S.checkExample(SUBSCALES, ex({ score: 3.755 }, data)), []);
    assert.equal(S.checkExample(SUBSCALES, ex({ score: 3.77 }, data)).length, 1);
    assert.deepEqual(S.checkExample(SUBSCALES, ex({ subscales: { digital: 0 } }, data)), ["subscales.digital: expected 0, got null"]);
    assert.deepEqual(S.checkExample(SUBSCALES, ex({ subscales: { service: null } }, data)), ["subscales.service: expected null, got 4.5"]);
    assert.deepEqual(S.checkExample(SUBSCALES, ex({ subscales: { nope: 1 } }, data)), ["subscales.nope: expected 1, got nothing"]);
    assert.equal(S.checkExample(SUBSCALES, ex({ band: null }, data)).length, 1);
    const short = { answers: { s1: 5 } };
    assert.deepEqual(S.checkExample(SUBSCALES, ex({ score: null, band: null, weakest: [] }, short)), []);
    assert.deepEqual(S.checkExample(SUBSCALES, ex({ weakest: ["digital"] }, short)), ['weakest: expected ["digital"], got []']);
  });

  it("reports unknown expect keys", () => {
    const out = S.checkExample(NPS, ex({ categori: "promoter" }, { answers: { nps: 9 } }));
    assert.equal(out.length, 1);
    assert.match(out[0], /^categori: not an expect key of mode nps/);
  });

  it("matrix: scores, bands, ranking", () => {
    const rows = [{ name: "甲", clarity: 4, speed: 2 }, { name: "乙", clarity: 5, speed: 5, delight: 10 }, { name: "丙", speed: 3 }];
    const good = { scores: { 甲: 58.33, 丙: null }, bands: { 甲: "尚可", 乙: "出色", 丙: null }, ranking: ["乙", "甲"] };
    assert.deepEqual(S.checkExample(MATRIX, ex(good, { rows })), []);
    const bad = S.checkExample(MATRIX, ex({ ranking: ["甲", "乙"], scores: { 丁: 1 } }, { rows }));
    assert.deepEqual(bad, ['ranking[0]: expected "甲", got "乙"', 'ranking[1]: expected "乙", got "甲"', "scores.丁: expected 1, got nothing"]);
  });

  it("ipa: quadrants and crosshair", () => {
    const rows = [{ name: "x", importance: 7, performance: 1 }, { name: "y", importance: 1, performance: 5 }];
    assert.deepEqual(S.checkExample(IPA_MEAN, ex({ quadrants: { x: "concentrate", y: "overkill" }, crosshair: { importance: 4, performance: 3 } }, { rows })), []);
    assert.equal(S.checkExample(IPA_MID, ex({ quadrants: { x: "keep_up" } }, { rows })).length, 1);
  });

  it("fmea: rpn, levels, ranking", () => {
    const rows = [{ name: "a", severity: 3, occurrence: 3, detection: 3 }, { name: "b", severity: 9, occurrence: 1, detection: 1 }];
    assert.deepEqual(S.checkExample(FMEA, ex({ rpn: { a: 27, b: 9 }, levels: { a: "low", b: "high" }, ranking: ["b", "a"] }, { rows })), []);
    assert.equal(S.checkExample(FMEA, ex({ ranking: ["a", "b"] }, { rows })).length, 2);
  });

  it("nps: category and score", () => {
    assert.deepEqual(S.checkExample(NPS, ex({ category: "passive", score: 8 }, { answers: { nps: 8 } })), []);
    assert.deepEqual(S.checkExample(NPS, ex({ category: null, score: null }, {})), []);
    assert.deepEqual(S.checkExample(NPS, ex({ category: "promoter" }, { answers: { nps: 8 } })), ['category: expected "promoter", got "passive"']);
  });
});

// ---------------------------------------------------------------------------------------------
// the file itself: a classic script for old browsers
// ---------------------------------------------------------------------------------------------

describe("scoring.js as a classic script", () => {
  const source = fs.readFileSync(ENGINE, "utf8");

  it("sets window.TouchpointScoring in a browser-like context (after tp-stats.js), also when loaded twice", () => {
    const window = {};
    const context = vm.createContext({ window });
    vm.runInContext(fs.readFileSync(path.join(path.dirname(ENGINE), "tp-stats.js"), "utf8"), context, { filename: "tp-stats.js" });
    vm.runInContext(source, context, { filename: "scoring.js" });
    const first = window.TouchpointScoring;
    assert.equal(typeof first.scoreResponse, "function");
    vm.runInContext(source, context, { filename: "scoring.js" });
    assert.equal(typeof window.TouchpointScoring.aggregate, "function");
    assert.equal(window.TouchpointScoring.scoreResponse(NPS, { answers: { nps: 10 } }).category, "promoter");
  });

  it("uses no module syntax, DOM, eval or post-ES2017 syntax", () => {
    const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    for (const [pattern, what] of [
      [/\?\./, "optional chaining"], [/\?\?/, "nullish coalescing"], [/\.\.\./, "spread"],
      [/^\s*(import|export)\b/m, "ES modules"], [/\beval\s*\(|\bFunction\s*\(/, "eval / Function"],
      [/\bdocument\b|\blocalStorage\b/, "DOM access"],
      [/\brequire\s*\((?!"\.\/tp-stats\.js"\))/, "dependencies other than tp-stats.js"],
    ]) {
      assert.doesNotMatch(code, pattern, what);
    }
    assert.match(source, /"use strict"/);
  });
});

// ---------------------------------------------------------------------------------------------
// worked examples of the real scales (tools/scales/*.yml)
// ---------------------------------------------------------------------------------------------

const HOW = "Write the definitions with `.venv/bin/course scales-json /tmp/scales.json` (from the project root), " +
  "then run `SCALES_JSON=/tmp/scales.json node --test tests/js/`. make sets SCALES_JSON itself.";

test("worked examples of the real scales (SCALES_JSON)", async (t) => {
  const file = process.env.SCALES_JSON;
  assert.ok(file, `SCALES_JSON is not set, so the worked examples of the real scales cannot run. ${HOW}`);
  assert.ok(fs.existsSync(file), `SCALES_JSON names ${file}, which does not exist. ${HOW}`);
  const definitions = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.ok(Array.isArray(definitions), `${file} must hold a JSON array of scale definitions. ${HOW}`);
  if (!definitions.length) t.diagnostic(`${file} holds no scale definitions yet`);
  for (const def of definitions) {
    // Empty and junk input never throws on a real definition either.
    for (const response of [{}, { answers: { x: "junk" }, rows: [null, { name: "x" }] }]) {
      assert.doesNotThrow(() => S.scoreResponse(def, response), def.id);
      assert.doesNotThrow(() => S.aggregate(def, [response, null]), def.id);
    }
    for (const example of def.examples) {
      await t.test(`${def.id}: ${example.name}`, () => {
        const mismatches = S.checkExample(def, example);
        assert.deepEqual(mismatches, [], `${def.id}: ${example.name}\n  ${mismatches.join("\n  ")}`);
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Group figures: intervals, one person's repeated names, prototype names, any JSON
// ---------------------------------------------------------------------------------------------

describe("group intervals", () => {
  it("gives an NPS of +25 from 20 answers a 95 % interval of about ±34 points", () => {
    const i = S.npsInterval(9, 7, 4);
    near(i.low, -8.59);
    near(i.high, 58.59);
    assert.equal(S.npsInterval(1, 0, 0), null);
    assert.deepEqual(S.npsInterval(50, 0, 0), { low: 100, high: 100 });
  });
  it("gives a share the Wilson interval (8 of 10: 49.0 % to 94.3 %)", () => {
    const i = S.shareInterval(8, 10);
    near(i.low, 49.02);
    near(i.high, 94.33);
    assert.equal(S.shareInterval(0, 0), null);
  });
  it("puts the intervals into the NPS and CSAT aggregates", () => {
    const agg = S.aggregate(NPS, [9, 9, 10, 7, 3].map((x) => ({ answers: { nps: x } })));
    assert.equal(agg.n, 5);
    near(agg.interval.low, agg.nps - 1.959964 * 100 * Math.sqrt((0.6 * 0.4 + 0.2 * 0.8 + 2 * 0.6 * 0.2) / 5));
  });
});

describe("rows from many people", () => {
  const rows = (...list) => ({ rows: list });
  it("counts one person's two rows with one name once, averaging them", () => {
    const agg = S.aggregate(IPA_MEAN, [
      rows({ name: "前台", importance: 7, performance: 1 }, { name: "前台", importance: 5, performance: 3 }),
      rows({ name: "前台", importance: 6, performance: 2 }),
    ]);
    assert.equal(agg.rows.length, 1);
    assert.equal(agg.rows[0].n, 2);
    near(agg.rows[0].importance, 6);
    near(agg.rows[0].performance, 2);
  });
  it("groups rows named __proto__, constructor and toString like any name", () => {
    const names = ["__proto__", "constructor", "toString", "hasOwnProperty"];
    const agg = S.aggregate(IPA_MEAN, [rows(...names.map((name) => ({ name, importance: 6, performance: 2 })))]);
    assert.deepEqual(agg.rows.map((r) => r.name), names);
    assert.ok(agg.rows.every((r) => r.n === 1));
  });
  it("never throws on any JSON an answer file can hold", () => {
    let deep = [];
    for (let i = 0; i < 10000; i += 1) deep = [deep];
    const odd = [null, 1, "x", true, [], {}, deep, { a: deep }, Object.create(null), -0, 1e308, "__proto__"];
    const defs = [IPA_MEAN, NPS];
    for (const def of defs) {
      for (const value of odd) {
        const responses = [value, { rows: value }, { answers: value }, { rows: [{ name: value, importance: value }] },
          { rows: [value, { name: "a", importance: 5, performance: value }] }, { answers: { nps: value } }];
        assert.doesNotThrow(() => S.aggregate(def, responses));
        for (const r of responses) assert.doesNotThrow(() => S.scoreResponse(def, r));
      }
    }
  });
});

/* Tests of the worksheet engines docs/javascripts/ws-kpi.js (TPKpi) and ws-peak-end.js
 * (TPPeakEnd): worked examples that are published or checkable by hand, the CSV reader, and
 * fuzzing. Run: node --test tests/js/worksheets.test.js */
"use strict";

const { describe, it } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const JS = path.join(__dirname, "..", "..", "docs", "javascripts");
const S = require(path.join(JS, "scoring.js"));
const K = require(path.join(JS, "ws-kpi.js"));
const PE = require(path.join(JS, "ws-peak-end.js"));
const SAMPLE = fs.readFileSync(path.join(__dirname, "..", "fixtures", "touchpoints-sample.csv"), "utf8");

/* assert a number within 0.01 (as scoring.test.js); null must be null exactly. */
function near(actual, expected, message) {
  if (expected === null) return assert.equal(actual, null, message);
  assert.equal(typeof actual, "number", `${message || "value"}: expected a number, got ${actual}`);
  assert.ok(Math.abs(actual - expected) <= 0.01, `${message || "value"}: expected ${expected}, got ${actual}`);
}
const kpi = (input) => K.touchpointKpis(Object.assign({ name: "前台" }, input));
const fig = (input) => kpi(input).figures;
const fields = (result) => result.problems.map((p) => p.field);
const csvLines = (result) => result.problems.map((p) => p.line);
const names = (rows) => rows.map((r) => r.name);

// ---------------------------------------------------------------------------------------------
// TPKpi: figures of one touchpoint
// ---------------------------------------------------------------------------------------------

describe("TPKpi figures", () => {
  it("conversion rate = conversions ÷ entrants", () => {
    near(fig({ entrants: 1000, conversions: 120 }).conversion_pct, 12);
    near(fig({ entrants: 8, conversions: 8 }).conversion_pct, 100);
    near(fig({ entrants: 0, conversions: 0 }).conversion_pct, null);
    near(fig({ entrants: 1000 }).conversion_pct, null);
  });

  it("CSAT 8 of 10: 80 %, Wilson 95 % interval 49.0 %–94.3 %, the one of scoring.js", () => {
    const f = fig({ satisfied: 8, ratings: 10 });
    near(f.csat_pct, 80);
    near(f.csat_interval.low, 49.02);
    near(f.csat_interval.high, 94.33);
    assert.deepEqual(f.csat_interval, S.shareInterval(8, 10));
    near(fig({ satisfied: 0, ratings: 0 }).csat_pct, null);
    assert.equal(fig({ satisfied: 0, ratings: 0 }).csat_interval, null);
  });

  it("NPS 9 P, 7 Pa, 4 D: +25, 95 % interval about −8.6…+58.6 from scoring.js npsInterval", () => {
    const f = fig({ promoters: 9, passives: 7, detractors: 4 });
    near(f.nps, 25);
    near(f.nps_interval.low, -8.59);
    near(f.nps_interval.high, 58.59);
    assert.deepEqual(f.nps_interval, S.npsInterval(9, 7, 4));
    near(fig({ promoters: 0, passives: 0, detractors: 0 }).nps, null);
    near(fig({ promoters: 1, passives: 0, detractors: 0 }).nps, 100);
    assert.equal(fig({ promoters: 1, passives: 0, detractors: 0 }).nps_interval, null); // < 2 answers
    near(fig({ promoters: 9, detractors: 4 }).nps, null); // passives missing: n unknown
  });

  it("churn = lost ÷ start; retention r = 1 − churn (derived)", () => {
    const r = kpi({ customers_start: 2000, customers_lost: 800 });
    near(r.figures.churn_pct, 40);
    near(r.figures.retention_pct, 60);
    assert.equal(r.retention_source, "derived");
    near(fig({ customers_start: 0, customers_lost: 0 }).churn_pct, null);
    near(fig({ customers_start: 0, customers_lost: 0 }).retention_pct, null);
  });

  it("CLV = m·r ÷ (1 + i − r): r = 0.8, i = 0.1 gives the margin multiple 2.67 (instruments.md B7)", () => {
    const f = fig({ margin: 100, retention: 0.8, discount_rate: 0.1 });
    near(f.margin_multiple, 2.67);
    near(f.clv, 266.67);
  });

  it("CLV with m = 100, r = 0.8, i = 0.12: 100 × 0.8 ÷ 0.32 = 250, also with r from 1000 start, 200 lost", () => {
    near(fig({ margin: 100, retention: 0.8, discount_rate: 0.12 }).clv, 250);
    const derived = kpi({ margin: 100, customers_start: 1000, customers_lost: 200, discount_rate: 0.12 });
    near(derived.figures.clv, 250);
    assert.equal(derived.retention_source, "derived");
  });

  it("margin multiples r ÷ (1 + i − r) over r = 0.6…0.9 and i = 0.10…0.16 (hand-checkable)", () => {
    const table = { 0.6: [1.2, 1.15, 1.11, 1.07], 0.7: [1.75, 1.67, 1.59, 1.52], 0.8: [2.67, 2.5, 2.35, 2.22], 0.9: [4.5, 4.09, 3.75, 3.46] };
    for (const [r, row] of Object.entries(table)) {
      [0.1, 0.12, 0.14, 0.16].forEach((i, k) => near(fig({ retention: Number(r), discount_rate: i }).margin_multiple, row[k], `r=${r} i=${i}`));
    }
  });

  it("a given r wins over the one derived from start and lost", () => {
    const r = kpi({ margin: 100, retention: 0.8, discount_rate: 0.12, customers_start: 100, customers_lost: 50 });
    near(r.figures.churn_pct, 50);
    near(r.figures.retention_pct, 80);
    near(r.figures.clv, 250);
    assert.equal(r.retention_source, "given");
  });

  it("CLV is null when m, r or i is missing, or 1 + i − r = 0 (r = 1, i = 0); a negative m is allowed", () => {
    near(fig({ retention: 0.8, discount_rate: 0.1 }).clv, null);
    near(fig({ margin: 100, discount_rate: 0.1 }).clv, null);
    near(fig({ margin: 100, retention: 0.8 }).clv, null);
    near(fig({ margin: 100, retention: 1, discount_rate: 0 }).clv, null);
    near(fig({ margin: 100, retention: 1, discount_rate: 0.1 }).clv, 1000);
    near(fig({ margin: -50, retention: 0.5, discount_rate: 0 }).clv, -50);
  });

  it("no input: every figure null, never 0", () => {
    const r = K.touchpointKpis({ name: "空" });
    for (const [key, value] of Object.entries(r.figures)) assert.equal(value, null, key);
    assert.equal(r.retention_source, null);
    assert.deepEqual(r.problems, []);
  });

  it("number text is read: thousands separators, full-width digits, percent for rates", () => {
    const r = kpi({ entrants: "1,200", conversions: "１２０", retention: "80%", discount_rate: " 12% ", margin: "100" });
    assert.deepEqual(r.problems, []);
    near(r.figures.conversion_pct, 10);
    near(r.figures.clv, 250);
  });

  it("invalid inputs are null with one Chinese problem naming the field", () => {
    const cases = [
      [{ entrants: "abc", conversions: 5 }, "entrants", /进入人数不是数字「abc」/],
      [{ entrants: -10, conversions: 5 }, "entrants", /进入人数不能为负数/],
      [{ entrants: 10.5, conversions: 5 }, "entrants", /进入人数应为整数/],
      [{ entrants: NaN, conversions: 5 }, "entrants", /进入人数不是有限的数字/],
      [{ entrants: { n: 10 }, conversions: 5 }, "entrants", /进入人数不是数字/],
      [{ entrants: "50%", conversions: 5 }, "entrants", /进入人数不应带 %/],
      [{ entrants: 10, conversions: 12 }, "conversions", /转化人数（12）大于进入人数（10）/],
    ];
    for (const [input, field, message] of cases) {
      const r = kpi(input);
      assert.deepEqual(fields(r), [field], JSON.stringify(input));
      assert.match(r.problems[0].message, message);
      assert.equal(r.figures.conversion_pct, null);
    }
    assert.deepEqual(fields(kpi({ satisfied: 11, ratings: 10 })), ["satisfied"]);
    assert.deepEqual(fields(kpi({ customers_start: 10, customers_lost: 11 })), ["customers_lost"]);
    assert.equal(kpi({ customers_start: 10, customers_lost: 11 }).figures.churn_pct, null);
    assert.deepEqual(fields(kpi({ retention: 80 })), ["retention"]);
    assert.deepEqual(fields(kpi({ discount_rate: -0.1 })), ["discount_rate"]);
    assert.deepEqual(fields(K.touchpointKpis({ entrants: 5 })), ["name"]);
  });

  it("promoters + passives + detractors must equal the NPS responses when given", () => {
    near(fig({ promoters: 9, passives: 7, detractors: 4, nps_responses: 20 }).nps, 25);
    const r = kpi({ promoters: 9, passives: 7, detractors: 4, nps_responses: 21 });
    assert.deepEqual(fields(r), ["nps_responses"]);
    assert.match(r.problems[0].message, /9 \+ 7 \+ 4 = 20.*21/);
    assert.equal(r.figures.nps, null);
    assert.equal(r.figures.nps_interval, null);
  });

  it("every figure has a formula text that starts with its label; the CLV convention is stated", () => {
    const keys = Object.keys(fig({}));
    for (const key of keys.concat(["share_of_first_pct", "step_conversion_pct"])) {
      const f = K.FORMULAS[key];
      assert.ok(f, `no formula for ${key}`);
      assert.ok(f.formula.startsWith(f.label), key);
    }
    assert.equal(K.FORMULAS.conversion_pct.formula, "转化率 = 转化人数 ÷ 进入人数 × 100%");
    assert.match(K.CLV_CONVENTION, /Gupta & Lehmann \(2003\)/);
    assert.match(K.CLV_CONVENTION, /m × r ÷ \(1 \+ i − r\)/);
    assert.match(K.CLV_CONVENTION, /期末/);
  });
});

// ---------------------------------------------------------------------------------------------
// TPKpi: funnel
// ---------------------------------------------------------------------------------------------

describe("TPKpi funnel", () => {
  const step = (name, entrants) => ({ name, entrants });

  it("counts, share of the first step, step-to-step conversion", () => {
    const f = K.funnel([step("预订页", 1000), step("预订", 400), step("入住", 100), step("复购", 80)]);
    assert.deepEqual(f.steps.map((s) => s.count), [1000, 400, 100, 80]);
    [100, 40, 10, 8].forEach((x, k) => near(f.steps[k].share_of_first_pct, x));
    [null, 40, 25, 80].forEach((x, k) => near(f.steps[k].step_conversion_pct, x));
    assert.deepEqual(f.problems, []);
  });

  it("a missing or bad step makes its own and the next step's conversion null, not 0", () => {
    const f = K.funnel([step("a", 1000), step("b", null), step("c", "x"), step("d", 50)]);
    assert.deepEqual(f.steps.map((s) => s.count), [1000, null, null, 50]);
    assert.deepEqual(f.steps.map((s) => s.step_conversion_pct), [null, null, null, null]);
    near(f.steps[3].share_of_first_pct, 5);
    assert.deepEqual(f.problems.map((p) => p.index), [2]);
  });

  it("a first step of 0 gives null shares; a wider later step shows above 100 %", () => {
    assert.deepEqual(K.funnel([step("a", 0), step("b", 0)]).steps.map((s) => s.share_of_first_pct), [null, null]);
    near(K.funnel([step("a", 100), step("b", 150)]).steps[1].step_conversion_pct, 150);
    assert.deepEqual(K.funnel("x"), { steps: [], problems: [] });
  });
});

// ---------------------------------------------------------------------------------------------
// TPKpi: CSV reader
// ---------------------------------------------------------------------------------------------

describe("TPKpi parseTouchpointCsv", () => {
  it("reads the hotel sample with no problems, every row in journey order", () => {
    const r = K.parseTouchpointCsv(SAMPLE);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(names(r.rows), ["官网预订", "预订确认", "抵店接待", "办理入住", "客房体验", "早餐", "退房离店"]);
    assert.equal(r.rows[0].line, 3); // line 1 is a comment, line 2 the header
    const leave = K.touchpointKpis(r.rows[6]);
    assert.deepEqual(leave.problems, []);
    near(leave.figures.churn_pct, 40);
    near(leave.figures.clv, 360); // 300 × 0.6 ÷ (1.1 − 0.6)
    near(leave.figures.nps, 33.33);
    assert.equal(r.rows[0].margin, null);
    const f = K.funnel(r.rows);
    near(f.steps[1].share_of_first_pct, 12);
    near(f.steps[6].share_of_first_pct, 11);
  });

  it("the same text with a BOM and CRLF line ends reads the same", () => {
    const r = K.parseTouchpointCsv("\uFEFF" + SAMPLE.replace(/\n/g, "\r\n"));
    assert.deepEqual(r, K.parseTouchpointCsv(SAMPLE));
    const quoted = K.parseTouchpointCsv('\uFEFF"触点",进入人数\n前台,100\n');
    assert.deepEqual(quoted.problems, []);
    assert.equal(quoted.rows[0].entrants, 100);
  });

  it("tabs (pasted from Excel) and English header names with units", () => {
    const text = "Touchpoint\tEntrants\tConversions\tMargin (CNY)\tdiscount_rate\n前台\t1,000\t120\t300\t10%\n";
    const r = K.parseTouchpointCsv(text);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.rows, [{
      line: 2, name: "前台", entrants: 1000, conversions: 120, satisfied: null, ratings: null, promoters: null,
      passives: null, detractors: null, nps_responses: null, customers_start: null, customers_lost: null,
      margin: 300, retention: null, discount_rate: 0.1,
    }]);
  });

  it("quoted fields hold commas, quotes and newlines; line numbers count the physical lines", () => {
    const text = '触点,进入人数,转化人数\n"前台, 大堂",100,50\n"礼宾 ""金钥匙""",80,40\n"多行\n名称",60,30\n早餐,x,1\n';
    const r = K.parseTouchpointCsv(text);
    assert.deepEqual(names(r.rows), ["前台, 大堂", "礼宾 \"金钥匙\"", "多行\n名称"]);
    assert.deepEqual(r.rows.map((row) => row.line), [2, 3, 4]);
    assert.deepEqual(csvLines(r), [6]);
  });

  it("each bad row is reported by its line with its reason; every good row is kept", () => {
    const text = [
      "触点,进入人数,转化人数,满意数,评价总数,推荐者,被动者,贬损者,NPS答卷数", // 1
      "官网预订,1000,120,,,,,,", // 2 good
      "预订确认,100,120,,,,,,", // 3 conversions > entrants
      "抵店接待,-5,1,,,,,,", // 4 negative
      "", // 5 blank: skipped
      "办理入住,abc,1,,,,,,", // 6 not a number
      ",100,10,,,,,,", // 7 no name
      "客房,100,10,,,9,7,4,21", // 8 P + Pa + D ≠ total
      "早餐,100,10,,,9,7,4,20", // 9 good
      "离店,100,10,9,8,,,,,多余", // 10 satisfied > ratings and an extra cell
    ].join("\n");
    const r = K.parseTouchpointCsv(text);
    assert.deepEqual(names(r.rows), ["官网预订", "早餐"]);
    assert.deepEqual(csvLines(r), [3, 4, 6, 7, 8, 10]);
    const at = (line) => r.problems.find((p) => p.line === line).message;
    assert.match(at(3), /「预订确认」：转化人数（120）大于进入人数（100）/);
    assert.match(at(4), /进入人数不能为负数/);
    assert.match(at(6), /进入人数不是数字「abc」/);
    assert.match(at(7), /缺少触点名称/);
    assert.match(at(8), /不等于 NPS 答卷数（21）/);
    assert.match(at(10), /满意数（9）大于评价总数（8）；多出 1 个表头之外的单元格/);
  });

  it("a header without 触点, unknown or repeated columns, an open quote, no text", () => {
    assert.deepEqual(csvLines(K.parseTouchpointCsv("进入人数,转化人数\n100,10\n")), [1]);
    const odd = K.parseTouchpointCsv("触点,备注,进入人数,entrants\n前台,好,100,200\n");
    assert.deepEqual(odd.problems.map((p) => p.message), ["第 2 列「备注」不是可识别的列名，已忽略", "第 4 列「entrants」与第 3 列重复，已忽略"]);
    assert.equal(odd.rows[0].entrants, 100);
    const open = K.parseTouchpointCsv('触点,进入人数\n前台,100\n"礼宾,80\n早餐,60\n');
    assert.deepEqual(names(open.rows), ["前台"]);
    assert.deepEqual(csvLines(open), [3]);
    assert.deepEqual(K.parseTouchpointCsv("").rows, []);
    assert.equal(K.parseTouchpointCsv("").problems.length, 1);
    assert.equal(K.parseTouchpointCsv(null).problems.length, 1);
  });
});

// ---------------------------------------------------------------------------------------------
// TPPeakEnd
// ---------------------------------------------------------------------------------------------

describe("TPPeakEnd", () => {
  const journey = (...es) => es.map((e, k) => ({ id: `m${k + 1}`, name: `时刻${k + 1}`, emotion: e }));

  it("a negative end: peak +3, end −1, peak-end +1, fix the end first", () => {
    const r = PE.readPeakEnd(journey(2, 3, -1));
    assert.equal(r.peak.id, "m2");
    assert.equal(r.peak_kind, "positive");
    assert.equal(r.end.id, "m3");
    near(r.peak_end, 1);
    near(r.mean, 1.33);
    assert.equal(r.fix_first.key, "fix_end");
    assert.equal(r.fix_first.target.id, "m3");
    assert.match(r.fix_first.text, /终点「时刻3」的情绪为负（-1）/);
  });

  it("a negative peak in the middle: peak −3, end +1, peak-end −1, fix the deepest trough", () => {
    const r = PE.readPeakEnd(journey(1, -3, -1, 2, 1));
    assert.equal(r.peak.id, "m2");
    assert.equal(r.peak_kind, "negative");
    assert.equal(r.end.id, "m5");
    near(r.peak_end, -1);
    assert.equal(r.trough.id, "m2");
    assert.deepEqual(r.troughs.map((m) => m.id), ["m2", "m3"]);
    assert.equal(r.lowest.id, "m2");
    assert.equal(r.highest.id, "m4");
    assert.equal(r.fix_first.key, "fix_trough");
    assert.equal(r.fix_first.target.id, "m2");
  });

  it("ties: −x beats +x for the peak; equal values: the earliest", () => {
    assert.equal(PE.readPeakEnd(journey(3, -3, 0)).peak.id, "m2");
    assert.equal(PE.readPeakEnd(journey(-3, 3, 0)).peak.id, "m1");
    assert.equal(PE.readPeakEnd(journey(1, -2, -2, 1)).peak.id, "m2");
    assert.equal(PE.readPeakEnd(journey(2, 2)).peak.id, "m1");
    assert.deepEqual(PE.readPeakEnd(journey(-1, -2, -2, 0)).troughs.map((m) => m.id), ["m2", "m3", "m1"]);
    // valence × intensity ÷ 5: −3 × 4 ÷ 5 = −2.4 ties with +2.4 (3 × 4 ÷ 5) and wins
    const mixed = PE.readPeakEnd([{ id: "a", valence: 3, intensity: 4 }, { id: "b", valence: -3, intensity: 4 }, { id: "c", emotion: 1 }]);
    assert.equal(mixed.peak.id, "b");
    near(mixed.peak_end, -0.7);
  });

  it("valence and intensity combine to e = valence × intensity ÷ 5; emotion wins when given", () => {
    near(PE.emotionOf({ valence: -3, intensity: 5 }), -3);
    near(PE.emotionOf({ valence: 2, intensity: 3 }), 1.2);
    near(PE.emotionOf({ valence: "-1", intensity: "5" }), -1);
    near(PE.emotionOf({ emotion: 2, valence: -3, intensity: 5 }), 2);
    assert.ok(Object.is(PE.emotionOf({ valence: -0, intensity: 3 }), 0));
  });

  it("one moment: it is both peak and end, with a note", () => {
    const r = PE.readPeakEnd(journey(-2));
    assert.equal(r.peak, r.end);
    near(r.peak_end, -2);
    assert.equal(r.fix_first.key, "fix_end");
    assert.equal(r.notes.length, 1);
  });

  it("no moments, or none rated: every reading null, recommendation no_data", () => {
    for (const input of [[], undefined, "x", [{ id: "a", name: "预订" }, { id: "b", emotion: "" }]]) {
      const r = PE.readPeakEnd(input);
      for (const key of ["peak", "peak_kind", "end", "peak_end", "mean", "trough", "lowest", "highest"]) assert.equal(r[key], null, key);
      assert.equal(r.fix_first.key, "no_data");
      assert.deepEqual(r.problems, []);
    }
  });

  it("the end is the last rated moment; bad values are problems and count as not rated", () => {
    const r = PE.readPeakEnd([
      { id: "a", name: "预订", emotion: 1 }, { id: "b", name: "入住", emotion: "很差" }, { id: "c", name: "客房", emotion: 5 },
      { id: "d", name: "早餐", valence: -2 }, { id: "e", name: "退房", emotion: "2" }, { id: "f", name: "回访" }, null, 7,
    ]);
    assert.equal(r.end.id, "e");
    assert.equal(r.rated, 2);
    assert.deepEqual(r.problems.map((p) => [p.id, p.field]), [["b", "emotion"], ["c", "emotion"], ["d", "intensity"], [null, null]]);
    assert.match(r.problems[2].message, /「早餐」：缺少强度/);
    assert.equal(r.fix_first.key, "design_peak");
  });

  it("formulas and the convention are stated", () => {
    assert.match(PE.FORMULAS.peak_end.formula, /^峰终值 = \(峰值 e \+ 终点 e\) ÷ 2/);
    assert.match(PE.CONVENTION, /Kahneman/);
  });
});

// ---------------------------------------------------------------------------------------------
// browser globals
// ---------------------------------------------------------------------------------------------

describe("classic scripts in a browser", () => {
  const load = (window, ...files) => {
    const context = vm.createContext({ window });
    for (const file of files) vm.runInContext(fs.readFileSync(path.join(JS, file), "utf8"), context, { filename: file });
    return window;
  };

  it("window.TPKpi reuses window.TPStats loaded before it (the scoring engine's intervals); window.TPPeakEnd stands alone", () => {
    const w = load({}, "tp-stats.js", "ws-kpi.js", "ws-peak-end.js", "ws-kpi.js");
    const f = w.TPKpi.touchpointKpis({ name: "a", satisfied: 8, ratings: 10, promoters: 9, passives: 7, detractors: 4 }).figures;
    near(f.csat_interval.low, 49.02);
    near(f.nps_interval.high, 58.59);
    near(w.TPPeakEnd.readPeakEnd([{ emotion: -3 }, { emotion: 1 }]).peak_end, -1);
  });

  it("without tp-stats.js the intervals are null, the other figures still there", () => {
    const f = load({}, "ws-kpi.js").TPKpi.touchpointKpis({ name: "a", satisfied: 8, ratings: 10 }).figures;
    near(f.csat_pct, 80);
    assert.equal(f.csat_interval, null);
  });
});

// ---------------------------------------------------------------------------------------------
// never throws
// ---------------------------------------------------------------------------------------------

describe("fuzz: neither engine throws on odd JSON", () => {
  let deep = [];
  for (let i = 0; i < 10000; i += 1) deep = [deep];
  const odd = [null, undefined, 0, -0, 1e308, -1, NaN, Infinity, "", "x", "__proto__", true, [], {}, deep, { a: deep },
    Object.create(null), JSON.parse('{"__proto__": {"entrants": 5}}'), "\uFEFF", '"', "\r\n,\t", "1,2\n\"3"];
  const keys = ["name", "entrants", "conversions", "satisfied", "ratings", "promoters", "passives", "detractors",
    "nps_responses", "customers_start", "customers_lost", "margin", "retention", "discount_rate", "emotion", "valence", "intensity", "id"];

  it("TPKpi", () => {
    for (const value of odd) {
      const inputs = [value, [value], keys.map((k) => ({ [k]: value })), Object.fromEntries(keys.map((k) => [k, value]))];
      for (const input of inputs) {
        assert.doesNotThrow(() => K.touchpointKpis(input));
        assert.doesNotThrow(() => K.funnel(input));
        assert.doesNotThrow(() => K.funnel([input, input]));
        assert.doesNotThrow(() => K.parseTouchpointCsv(input));
      }
      if (typeof value === "string") assert.doesNotThrow(() => K.parseTouchpointCsv(`触点,进入人数\n${value},${value}\n`));
    }
  });

  it("TPPeakEnd", () => {
    for (const value of odd) {
      const moments = keys.map((k) => ({ [k]: value }));
      for (const input of [value, [value], moments, [Object.fromEntries(keys.map((k) => [k, value]))]]) {
        assert.doesNotThrow(() => PE.readPeakEnd(input));
        assert.doesNotThrow(() => JSON.stringify(PE.readPeakEnd(input)));
      }
    }
  });
});

/* Tests of the emotion map's engine (TPEmotion, docs/javascripts/ws-emotion-engine.js): journey
 * order, e per moment, peak / end / trough through TPPeakEnd, the suggestions for the deepest
 * trough and the ending, CSV rows and the import of a journey map.
 * Run: node --test tests/js/ws-emotion.test.js */
"use strict";

const { describe, it } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const EM = require(path.join(__dirname, "..", "..", "docs", "javascripts", "ws-emotion-engine.js"));

const DEF = {
  max_moments: 4,
  triggers: [
    { id: "story", name: "故事", description: "讲来历。", example: "讲菜的来历。" },
    { id: "ritual", name: "仪式", description: "固定的告别。", example: "送别卡。" },
    { id: "recognition", name: "认可", description: "叫出名字。", example: "欢迎回来。" }
  ],
  suggest_for_trough: "recognition",
  suggest_for_ending: "ritual",
  trough_advice: "低谷通用建议。",
  ending_advice: "结尾通用建议。"
};
const m = (name, stage, valence, intensity, trigger) => ({ name, stage, valence, intensity, trigger: trigger || null, note: null });
const data = (...moments) => ({ title: null, moments });

describe("journey order", () => {
  it("groups moments by stage text in order of first appearance, rows kept in order within a stage", () => {
    const j = EM.journeyOrder([m("a", "到店"), m("b", "用餐"), m("c", "到店"), m("d", " "), m("e", "用餐")]);
    assert.deepEqual(j.order, [0, 2, 1, 4, 3]);
    assert.deepEqual(j.stages.map((s) => s.name), ["到店", "用餐", EM.NO_STAGE]);
    assert.equal(j.reordered, true);
    assert.equal(EM.journeyOrder([m("a", "到店"), m("b", "到店"), m("c", "离店")]).reordered, false);
  });
});

describe("analyse", () => {
  it("e = valence × intensity ÷ 5; peak, end and trough follow the journey order", () => {
    // rows: 入住 −2×5 (到店), 早餐 +3×3 (住中), 退房 −1×2 (到店: grouped before 早餐)
    const a = EM.analyse(DEF, data(m("入住", "到店", -2, 5), m("早餐", "住中", 3, 3), m("退房", "到店", -1, 2)));
    assert.deepEqual(a.e, [-2, 1.8, -0.4]);
    assert.deepEqual(a.n, [1, 3, 2]);
    assert.equal(a.peak, 0);
    assert.equal(a.end, 1); // 早餐 is last on the curve, though not the last row
    assert.ok(Math.abs(a.reading.peak_end - -0.1) < 1e-9);
    assert.equal(a.reading.trough.id, 0);
    assert.deepEqual(a.curve.map((s) => s.moments.map((x) => [x.emotion, x.peak, x.end])), [
      [[-2, true, false], [-0.4, false, false]],
      [[1.8, false, true]]
    ]);
  });

  it("a valence without an intensity is a problem, and that moment counts as not rated", () => {
    const a = EM.analyse(DEF, data(m("入住", "到店", 2, null), m("早餐", "住中", 1, 5)));
    assert.deepEqual(a.e, [null, 1]);
    assert.deepEqual(a.reading.problems.map((p) => p.field), ["intensity"]);
  });

  it("nothing rated: no suggestions, fix_first no_data", () => {
    const a = EM.analyse(DEF, data(m(null, null, null, null)));
    assert.equal(a.trough, null);
    assert.equal(a.ending, null);
    assert.equal(a.reading.fix_first.key, "no_data");
  });
});

describe("suggestions", () => {
  it("a trough without a trigger gets the suggested trigger; an ending without one gets the ending's", () => {
    const a = EM.analyse(DEF, data(m("入住", "到店", -2, 5), m("早餐", "住中", 3, 3)));
    assert.deepEqual(a.trough, [
      "最深的低谷：「入住」（e = \u22122.0）。",
      "低谷通用建议。",
      "这个时刻还没有情感触发因素。消除原因之后，可以加入“认可”：叫出名字。例如：欢迎回来。"
    ]);
    assert.deepEqual(a.ending, [
      "结尾：「早餐」（e = +1.8）。",
      "结尾通用建议。",
      "结尾还没有情感触发因素：建议加入“仪式”。固定的告别。例如：送别卡。"
    ]);
  });

  it("a trigger already chosen is named instead; a negative ending that is also the trough says so", () => {
    const a = EM.analyse(DEF, data(m("早餐", "住中", 1, 5, "story"), m("退房", "离店", -3, 4, "ritual")));
    assert.equal(a.trough[2], "这个时刻已使用“仪式”，情绪仍为负：先消除负面的原因，再检查客人是否真正感受到了“仪式”。");
    assert.deepEqual(a.ending, [
      "结尾：「退房」（e = \u22122.4）。",
      "结尾同时是整段旅程最深的低谷，应最先修复。",
      "结尾通用建议。",
      "结尾已使用“仪式”，情绪仍为负：先解决结尾的问题，“仪式”才能发挥作用。"
    ]);
    assert.equal(a.reading.fix_first.key, "fix_end");
  });

  it("no negative moment: the trough says so; a positive ending with a trigger is kept", () => {
    const a = EM.analyse(DEF, data(m("", "住中", 1, 5), m("退房", "离店", 2, 5, "ritual")));
    assert.deepEqual(a.trough, ["旅程中没有情绪为负的时刻，暂时没有需要修复的低谷。"]);
    assert.equal(a.ending[2], "结尾已使用“仪式”：保持它，并确保每一位客人离开时都能体验到。");
    assert.equal(a.reading.fix_first.key, "design_peak");
  });

  it("an unnamed moment is called by its number on the curve", () => {
    const a = EM.analyse(DEF, data(m("早餐", "住中", 1, 5), m(null, "住中", -1, 5)));
    assert.equal(a.trough[0], "最深的低谷：第 2 个时刻（e = \u22121.0）。");
  });
});

describe("CSV", () => {
  it("one row per moment in journey order, with e and the peak / end flags", () => {
    const rows = EM.csvRows(DEF, data(m("入住", "到店", -2, 5, "recognition"), m("早餐", "住中", 3, 3), m("退房", "到店", null, null)));
    assert.deepEqual(rows[0], ["序号", "阶段", "触点", "效价", "强度", "综合情绪 e", "情感触发因素", "说明", "峰值", "终点"]);
    assert.deepEqual(rows.slice(1), [
      ["1", "到店", "入住", "-2", "5", "-2", "认可", "", "是", ""],
      ["2", "到店", "退房", "", "", "", "", "", "", ""],
      ["3", "住中", "早餐", "3", "3", "1.8", "", "", "", "是"]
    ]);
  });
});

describe("from a journey map", () => {
  it("takes each touchpoint's name, stage name and emotion (as valence), intensity empty, at most max_moments", () => {
    const journey = {
      title: "度假酒店",
      stages: [{ name: "预订" }, { name: "入住" }],
      touchpoints: [
        { stage: 0, name: "官网", emotion: 1, pain: "慢" },
        { stage: 1, name: "前台", emotion: -2 },
        { stage: 7, name: "无阶段", emotion: null },
        { stage: 1, name: "客房" },
        { stage: 1, name: "第五个" }
      ]
    };
    const r = EM.fromJourney(DEF, journey);
    assert.equal(r.total, 5);
    assert.equal(r.kept, 4);
    assert.equal(r.data.title, "度假酒店");
    assert.deepEqual(r.data.moments, [
      { name: "官网", stage: "预订", valence: 1, intensity: null, trigger: null, note: null },
      { name: "前台", stage: "入住", valence: -2, intensity: null, trigger: null, note: null },
      { name: "无阶段", stage: null, valence: null, intensity: null, trigger: null, note: null },
      { name: "客房", stage: "入住", valence: null, intensity: null, trigger: null, note: null }
    ]);
  });

  it("an empty journey map gives no moments", () => {
    assert.deepEqual(EM.fromJourney(DEF, {}).data, { title: null, moments: [] });
  });
});

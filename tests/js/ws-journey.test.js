/* Tests of TPJourney (docs/javascripts/ws-journey-engine.js), the journey-map worksheet's engine:
 * journey order and moves, stage removal, the curve's and the peak-end reading's input, a case as
 * data, CSV rows. Run: node --test tests/js/ws-journey.test.js */
"use strict";

const { describe, it } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const JS = path.join(__dirname, "..", "..", "docs", "javascripts");
const J = require(path.join(JS, "ws-journey-engine.js"));
const PE = require(path.join(JS, "ws-peak-end.js"));
const C = require(path.join(JS, "journey-curve.js"));

const DEF = { stages: ["意识", "考虑", "购买", "使用", "忠诚"] };
const tp = (stage, name, more) => Object.assign({ stage, name, type: null, channel: null, behaviour: null, thought: null,
  emotion: null, pain: null, opportunity: null, moment_of_truth: false }, more || {});
const names = (data) => data.touchpoints.map((t) => `${t.stage}:${t.name}`);

function sample() {
  const d = J.blank(DEF);
  d.touchpoints = [tp(0, "广告", { emotion: 1 }), tp(2, "预订", { emotion: -2 }), tp(2, "付款", { emotion: 0 }),
    tp(3, "入住", { emotion: 3, moment_of_truth: true }), tp(4, "离店", { emotion: -1 })];
  return d;
}

describe("journey map data", () => {
  it("blank: the default stages, no touchpoints, nothing typed", () => {
    assert.deepEqual(J.blank(DEF), { title: null, persona: null, stages: DEF.stages.map((name) => ({ name })), touchpoints: [] });
  });

  it("normalise puts touchpoints in journey order (stable), fills missing keys, keeps every touchpoint", () => {
    const r = J.normalise({ stages: [{ name: "甲" }], touchpoints: [{ stage: 2, name: "c" }, { stage: 0, name: "a" }, { stage: 2, name: "d" }, { name: "b" }] });
    assert.deepEqual(names(r.data), ["0:a", "0:b", "2:c", "2:d"]);
    assert.equal(r.added, 2); // stages 1 and 2 did not exist: added unnamed, nothing dropped
    assert.deepEqual(r.data.stages, [{ name: "甲" }, { name: null }, { name: null }]);
    assert.deepEqual(Object.keys(r.data.touchpoints[0]).sort(), Object.keys(tp(0, "x")).sort());
    assert.equal(r.data.touchpoints[0].moment_of_truth, false);
    assert.equal(J.stageName(r.data, 1), "阶段 2");
  });

  it("add puts a touchpoint at the end of its stage; move stays within the stage", () => {
    const d = sample();
    const at = J.addTouchpoint(d, 2);
    assert.equal(at, 3);
    assert.deepEqual(names(d), ["0:广告", "2:预订", "2:付款", "2:null", "3:入住", "4:离店"]);
    assert.equal(J.move(d, 2, -1), 1);
    assert.deepEqual(names(d).slice(1, 3), ["2:付款", "2:预订"]);
    assert.equal(J.move(d, 1, -1), 1, "the first of a stage does not leave its stage");
    assert.equal(J.move(d, 5, 1), 5, "the last touchpoint stays");
  });

  it("setStage moves a touchpoint to the end of another stage", () => {
    const d = sample();
    assert.equal(J.setStage(d, 4, 0), 1);
    assert.deepEqual(names(d), ["0:广告", "0:离店", "2:预订", "2:付款", "3:入住"]);
    assert.equal(J.setStage(d, 0, 1), 1);
    assert.deepEqual(names(d), ["0:离店", "1:广告", "2:预订", "2:付款", "3:入住"]);
  });

  it("removeStage drops that stage's touchpoints and renumbers the later ones", () => {
    const d = sample();
    J.removeStage(d, 2);
    assert.deepEqual(d.stages.map((s) => s.name), ["意识", "考虑", "使用", "忠诚"]);
    assert.deepEqual(names(d), ["0:广告", "2:入住", "3:离店"]);
  });

  it("hasContent: an untouched card has none", () => {
    assert.equal(J.hasContent(tp(0, null)), false);
    assert.equal(J.hasContent(tp(0, null, { emotion: 0 })), true);
    assert.equal(J.hasContent(tp(0, null, { moment_of_truth: true })), true);
  });
});

describe("curve and peak-end input", () => {
  it("the peak is the deepest moment of max |e|, the end the last rated one, marked on the curve", () => {
    const d = sample();
    d.touchpoints[3].emotion = 2; // now |−2| of 预订 is the largest
    const reading = PE.readPeakEnd(J.moments(d));
    assert.equal(reading.peak.name, "预订");
    assert.equal(reading.end.name, "离店");
    assert.equal(reading.peak_end, -1.5);
    assert.equal(reading.fix_first.key, "fix_end");
    const stages = J.curveStages(d, reading);
    assert.deepEqual(stages.map((s) => s.moments.length), [1, 0, 2, 1, 1]);
    assert.deepEqual(stages[2].moments[0], { emotion: -2, mot: false, peak: true, end: false });
    assert.deepEqual(stages[3].moments[0], { emotion: 2, mot: true, peak: false, end: false });
    assert.deepEqual(stages[4].moments[0], { emotion: -1, mot: false, peak: false, end: true });
    const g = C.geometry(stages);
    assert.deepEqual(g.points.map((p) => p.n), [1, 2, 3, 4, 5], "the curve numbers moments as the cards");
  });

  it("unnamed touchpoints are named by their number", () => {
    const d = J.blank(DEF);
    d.touchpoints = [tp(0, null, { emotion: 1 })];
    assert.equal(J.moments(d)[0].name, "触点 1");
  });

  it("num: real minus sign, two decimals at most, a dash for no number", () => {
    assert.deepEqual([J.num(-1.5), J.num(2), J.num(0), J.num(1 / 3), J.num(null)], ["\u22121.5", "+2", "0", "+0.33", "—"]);
  });
});

describe("from a case, and CSV", () => {
  const CASE = { id: "x", title: "某酒店", stages: [
    { stage: "意识", touchpoints: [{ name: "抖音", type: "接触点", channel: "线上", behaviour: "刷到视频", emotion: 2 }] },
    { stage: "使用", touchpoints: [{ name: "入住", type: "体验点", channel: "线下", behaviour: "排队", emotion: null },
      { name: "退房", type: "互动点", channel: "线下", behaviour: "快速", emotion: -1 }] }
  ] };

  it("stage names from the case, touchpoints with behaviour = description and the case's emotion", () => {
    const { data, dropped } = J.fromCase(CASE, 40);
    assert.equal(dropped, 0);
    assert.equal(data.title, "案例：某酒店");
    assert.deepEqual(data.stages, [{ name: "意识" }, { name: "使用" }]);
    assert.deepEqual(data.touchpoints[2], tp(1, "退房", { type: "互动点", channel: "线下", behaviour: "快速", emotion: -1 }));
    assert.equal(data.touchpoints[1].emotion, null);
  });

  it("at most max touchpoints, and says how many were left out", () => {
    const { data, dropped } = J.fromCase(CASE, 2);
    assert.equal(data.touchpoints.length, 2);
    assert.equal(dropped, 1);
  });

  it("CSV: a header, one row per touchpoint with its stage name and every lane", () => {
    const d = J.fromCase(CASE, 40).data;
    d.touchpoints[2].moment_of_truth = true;
    const rows = J.csvRows(d);
    assert.equal(rows.length, 4);
    assert.equal(rows[0].length, 11);
    assert.deepEqual(rows[3], [3, "使用", "退房", "互动点", "线下", "快速", null, -1, null, null, "是"]);
    assert.equal(rows[2][7], "", "no emotion: an empty cell, not 0");
  });
});

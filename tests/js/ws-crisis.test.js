/* Tests of TPCrisis (docs/javascripts/ws-crisis-engine.js): a fresh toolkit, the
 * progress per phase, character counts and the checklist CSV. Run: node --test tests/js/ */
"use strict";

const { describe, it } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const C = require(path.join(__dirname, "..", "..", "docs", "javascripts", "ws-crisis-engine.js"));
const A = require(path.join(__dirname, "..", "..", "docs", "javascripts", "tp-answers.js"));

const DEF = {
  phases: [
    { id: "h1", name: "第一小时", tasks: [{ id: "a", text: "确认安全", owner: "值班经理" }, { id: "b", text: "定级", owner: "值班经理" }] },
    { id: "d1", name: "24 小时内", tasks: [{ id: "c", text: "联系客人", owner: "客户关系经理" }] }
  ],
  stakeholders: [{ id: "guests", name: "客人" }, { id: "media", name: "媒体" }],
  review: [{ id: "speed", text: "多快？" }]
};

describe("TPCrisis", () => {
  it("a fresh toolkit has every field empty and one row per task and stakeholder, in order", () => {
    assert.deepEqual(C.blank(DEF), {
      incident: null, started: null, severity: null, "review-speed": null,
      tasks: [
        { task: "a", done: false, owner: null, note: null },
        { task: "b", done: false, owner: null, note: null },
        { task: "c", done: false, owner: null, note: null }
      ],
      messages: [{ stakeholder: "guests", text: null }, { stakeholder: "media", text: null }]
    });
  });

  it("progress counts ticked tasks per phase, whatever the order of the rows", () => {
    const data = { tasks: [{ task: "c", done: true }, { task: "b", done: true }, { task: "a", done: false }] };
    assert.deepEqual(C.progress(DEF, data), { h1: { done: 1, total: 2 }, d1: { done: 1, total: 1 } });
    assert.deepEqual(C.progress(DEF, C.blank(DEF)), { h1: { done: 0, total: 2 }, d1: { done: 0, total: 1 } });
    // a missing table, a null row or a non-true "done" counts as not done
    assert.deepEqual(C.progress(DEF, {}), { h1: { done: 0, total: 2 }, d1: { done: 0, total: 1 } });
    assert.deepEqual(C.progress(DEF, { tasks: [null, { task: "a", done: "true" }] }).h1, { done: 0, total: 2 });
  });

  it("the first row of a task counts when a file repeats it", () => {
    const data = { tasks: [{ task: "a", done: true }, { task: "a", done: false }] };
    assert.equal(C.progress(DEF, data).h1.done, 1);
    assert.equal(C.rowFor(data.tasks, "task", "a").done, true);
    assert.equal(C.rowFor(undefined, "task", "a"), null);
  });

  it("counts characters as code points, like the file check", () => {
    assert.equal(C.chars(""), 0);
    assert.equal(C.chars(null), 0);
    assert.equal(C.chars("您好"), 2);
    assert.equal(C.chars("👍🏽a"), 3);
  });

  it("CSV: phase, task, done, owner, note for every task, in the definition's order", () => {
    const data = C.blank(DEF);
    data.tasks[2] = { task: "c", done: true, owner: "王经理", note: "=1+1 已致电" };
    const rows = C.csvRows(DEF, data);
    assert.deepEqual(rows, [
      ["阶段", "事项", "已完成", "负责人", "备注"],
      ["第一小时", "确认安全", "否", "", ""],
      ["第一小时", "定级", "否", "", ""],
      ["24 小时内", "联系客人", "是", "王经理", "=1+1 已致电"]
    ]);
    // the shared writer guards formulas and adds the BOM for Excel
    const text = A.csvText(rows);
    assert.ok(text.startsWith("\ufeff\"阶段\""));
    assert.ok(text.includes("\"'=1+1 已致电\""));
  });
});

/* Tests of TPBlueprint, docs/javascripts/ws-blueprint-engine.js: the data always in
 * the spec's shape (nothing the file check would refuse), the summary of fail and wait points by
 * step, the CSV rows. Run: node --test tests/js/ws-blueprint.test.js */
"use strict";

const { describe, it } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const B = require(path.join(__dirname, "..", "..", "docs", "javascripts", "ws-blueprint-engine.js"));
const F = require(path.join(__dirname, "..", "..", "docs", "javascripts", "ws-file.js"));

// The spec Blueprint.data_spec() gives (macros/worksheets/blueprint.py), with a small rows_max.
const text = (id, label, max) => ({ id, label, type: "text", max });
const bool = (id, label) => ({ id, label, type: "bool" });
const SPEC = {
  fields: [text("title", "蓝图名称", 100)],
  tables: [{
    id: "steps", label: "步骤", rows_max: 3,
    columns: [
      text("name", "步骤", 20), text("evidence", "有形展示", 300), text("customer", "顾客行为", 300),
      text("frontstage", "前台员工行为", 300), text("backstage", "后台员工行为", 300), text("support", "支持流程", 300),
      bool("fail", "失误点"), text("fail_note", "可能出错的地方", 300), bool("wait", "等待点"),
      text("wait_note", "等待的地方", 300), text("beyond", "超越期望", 300)
    ]
  }]
};
const COLUMNS = SPEC.tables[0].columns.map((c) => c.id);
const file = (data) => ({ format: "touchpoint-worksheet", format_version: 1, worksheet: "bp", version: 1, data });

describe("TPBlueprint.normalize", () => {
  it("gives exactly the spec's keys in its order, empty text as null, ticks as booleans", () => {
    const d = B.normalize({ steps: [{ name: "预订", evidence: "", fail: "yes" }] }, SPEC);
    assert.deepEqual(Object.keys(d), ["title", "steps"]);
    assert.equal(d.title, null);
    assert.deepEqual(Object.keys(d.steps[0]), COLUMNS);
    assert.equal(d.steps[0].name, "预订");
    assert.equal(d.steps[0].evidence, null);
    assert.equal(d.steps[0].fail, false); // only true is a tick
    assert.equal(d.steps[0].wait, false);
  });

  it("never writes what the file check refuses: long text cut at max code points, rows beyond rows_max left out, unknown keys dropped", () => {
    const long = "𠮷".repeat(25); // astral characters: 25 code points, 50 UTF-16 units
    const d = B.normalize({ title: 7, extra: 1, steps: [{ name: long, x: 1 }, {}, {}, {}, {}] }, SPEC);
    assert.equal(Array.from(d.steps[0].name).length, 20);
    assert.equal(d.steps.length, 3);
    assert.equal(d.title, null);
    assert.equal(F.check(file(d), "bp", 1, SPEC).code, "");
  });

  it("takes nothing at all (a missing table gives no steps)", () => {
    assert.deepEqual(B.normalize(undefined, SPEC), { title: null, steps: [] });
    assert.deepEqual(B.normalize({ steps: "x" }, SPEC).steps, []);
  });
});

describe("TPBlueprint.summary", () => {
  const data = B.normalize({ steps: [
    { name: "确认", fail: true, fail_note: "留言未进 PMS", beyond: "发送天气提醒" },
    { name: "办理入住", wait: true, wait_note: "高峰排队", beyond: "排队时送饮品" },
    { name: "", fail: true, wait: true },
    { name: "离店后", fail_note: "写了但没勾选" }
  ] }, { fields: SPEC.fields, tables: [Object.assign({}, SPEC.tables[0], { rows_max: 9 })] });

  it("lists fail and wait points by step, in order, with their notes; an unnamed step by its number", () => {
    const s = B.summary(data);
    assert.equal(s.steps, 4);
    assert.deepEqual(s.fails.map((p) => [p.index, p.step, p.note]), [[0, "确认", "留言未进 PMS"], [2, "第 3 步", ""]]);
    assert.deepEqual(s.waits.map((p) => [p.index, p.step, p.note]), [[1, "办理入住", "高峰排队"], [2, "第 3 步", ""]]);
  });

  it("counts the steps with a 超越期望 idea and names those without", () => {
    const s = B.summary(data);
    assert.equal(s.beyond, 2);
    assert.deepEqual(s.without, ["第 3 步", "离店后"]);
  });
});

describe("TPBlueprint.csvRows", () => {
  it("one row per step: number, every lane, F / W with their notes, 超越期望", () => {
    const d = B.normalize({ steps: [
      { name: "退房", customer: "核对账单", fail: true, fail_note: "账单计错", beyond: "主动叫车" },
      { name: "早餐", wait: true, wait_note: "领位排队" }
    ] }, SPEC);
    const rows = B.csvRows(d, SPEC);
    assert.deepEqual(rows[0], ["序号", "步骤", "有形展示", "顾客行为", "前台员工行为", "后台员工行为", "支持流程",
      "失误点 F", "可能出错的地方", "等待点 W", "等待的地方", "超越期望"]);
    assert.deepEqual(rows[1], ["1", "退房", "", "核对账单", "", "", "", "F", "账单计错", "", "", "主动叫车"]);
    assert.deepEqual(rows[2], ["2", "早餐", "", "", "", "", "", "", "", "W", "领位排队", ""]);
    assert.equal(rows.length, 3);
  });
});

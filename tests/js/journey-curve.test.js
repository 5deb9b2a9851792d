/* Tests of the emotion-curve geometry (docs/javascripts/journey-curve.js, window.TPCurve), the one
 * component that draws the curve on case pages and in the worksheets. Run: node --test tests/js/ */
"use strict";

const { describe, it } = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const C = require(path.join(__dirname, "..", "..", "docs", "javascripts", "journey-curve.js"));

describe("TPCurve.geometry", () => {
  const g = C.geometry([
    { name: "意识", moments: [{ emotion: 2 }] },
    { name: "使用", moments: [{ emotion: -1, mot: true }, { emotion: null }] }
  ]);

  it("gives every moment an equal slot and numbers them across stages", () => {
    assert.deepEqual(g.points.map((p) => [p.n, p.x]), [[1, 16.67], [2, 50]]); // moment 3 has no emotion
    assert.equal(g.count, 3);
  });

  it("puts +3 at the top and −3 at the bottom of the 60-high box (y grows downwards)", () => {
    assert.deepEqual(g.points.map((p) => p.y), [21.5, 41]);
    assert.equal(g.zero_y, 34.5);
    assert.equal(C.geometry([{ name: "a", moments: [{ emotion: 3 }, { emotion: -3 }] }]).points.map((p) => p.y).join(), "15,54");
  });

  it("draws bands as wide as their stages and a path through the rated moments in order", () => {
    assert.deepEqual(g.bands.map((b) => [b.stage, b.x, b.width, b.mid, b.odd]), [["意识", 0, 33.33, 16.67, false], ["使用", 33.33, 66.67, 66.67, true]]);
    assert.equal(g.path, "M16.67,21.5 L50,41");
    assert.equal(g.has_curve, true);
    assert.equal(g.points[1].mot, true);
  });

  it("needs two rated moments for a curve, clamps out-of-range values and never throws", () => {
    assert.equal(C.geometry([{ name: "a", moments: [{ emotion: 1 }, { emotion: "2" }] }]).has_curve, false);
    assert.deepEqual(C.geometry([{ name: "a", moments: [{ emotion: 9 }, { emotion: -9 }] }]).points.map((p) => p.emotion), [3, -3]);
    for (const bad of [null, undefined, 3, "x", [null], [{ moments: null }], [{ moments: [null, 5] }]]) {
      const out = C.geometry(bad);
      assert.equal(out.has_curve, false);
    }
  });
});
